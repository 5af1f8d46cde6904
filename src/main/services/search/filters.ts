// The filters of a query (lang:, tag:, category:, in:). lang: and in: become words of the index's
// meta column ("lru", "knote"), so the index answers them alone; tag: and category: become a
// structured filter that the search index repository turns into conditions on its documents.
// Meta words are made of letters only.
import { languageName } from '@shared/text/language';
import type { QueryFilter } from '@shared/search/query';
import { foldWord } from '@shared/text/stemming';
import type { DocFilter } from '../../db/repositories';
import { emptyDocFilter } from '../../db/repositories/search-index';
import type { DocKind } from '../../db/search-index-state';
import type { AppContext } from '../context';

export interface ResolvedFilters {
  /** FTS5 expressions every matching document must match (lang:, in:). */
  ftsAll: string[];
  /** FTS5 expressions no matching document may match (-lang:, -in:). */
  ftsNone: string[];
  /** Every filter, for the index repository (tag: and category: need the documents' rows). */
  docs: DocFilter;
  warnings: string[];
  /** True when a filter can match nothing (an unknown tag): the search is skipped. */
  empty: boolean;
  /** Whether tag: or category: filters are present (they can be searched without words). */
  selectsNotes: boolean;
  /** Languages a passage must be in (for searching one record's text), empty for any. */
  langs: string[];
  notLangs: string[];
}

const SCOPES: Record<string, DocKind[]> = {
  notes: ['note', 'essay'],
  note: ['note', 'essay'],
  comments: ['note', 'essay'],
  text: ['passage'],
  texts: ['passage'],
  passages: ['passage'],
  titles: ['record'],
  title: ['record'],
  metadata: ['record'],
  catalogue: ['record'],
  catalog: ['record'],
};

// Languages a user may name in lang: by their English or Russian name.
const LANGUAGES = ['ru', 'en', 'zh', 'ko', 'ja', 'de', 'fr', 'es', 'it', 'pl', 'uk', 'be', 'cs'];
const RUSSIAN_NAMES: Record<string, string> = {
  русский: 'ru',
  английский: 'en',
  китайский: 'zh',
  корейский: 'ko',
  немецкий: 'de',
  французский: 'fr',
};

/** "ru", "russian", "Russian", "русский" → "ru"; null when unknown. */
function languageTag(value: string): string | null {
  const folded = foldWord(value);
  const russian = RUSSIAN_NAMES[folded];
  if (russian) return russian;
  for (const tag of LANGUAGES) {
    if (tag === folded || foldWord(languageName(tag)) === folded) return tag;
  }
  if (/^[a-z]{2,3}$/.test(folded)) return folded;
  return null;
}

/** A meta word of the index: letters and digits only. */
const metaWord = (prefix: 'k' | 'l', value: string): string =>
  `meta:"${prefix}${value.toLowerCase().replace(/[^a-z0-9]/g, '')}"`;
const anyOf = (words: string[]): string =>
  words.length === 1 ? words[0]! : `(${words.join(' OR ')})`;

/** The query's FTS expression narrowed by the filters the index answers. */
export function withFilters(fts: string, filters: ResolvedFilters): string {
  let expression = `(${fts})`;
  for (const condition of filters.ftsAll) expression = `${expression} AND ${condition}`;
  if (filters.ftsNone.length > 0) expression = `(${expression}) NOT ${anyOf(filters.ftsNone)}`;
  return expression;
}

export function resolveFilters(ctx: AppContext, filters: readonly QueryFilter[]): ResolvedFilters {
  const docs: DocFilter = emptyDocFilter();
  const ftsAll: string[] = [];
  const ftsNone: string[] = [];
  const warnings: string[] = [];
  let empty = false;
  let selectsNotes = false;
  const of = (key: QueryFilter['key'], negated: boolean): string[] =>
    filters.filter((f) => f.key === key && f.negated === negated).map((f) => f.value);

  // lang:
  const langsOf = (values: string[]): string[] =>
    values.flatMap((v) => {
      const tag = languageTag(v);
      if (!tag)
        warnings.push(`“lang:${v}” is no language Marginalia knows; try lang:ru or lang:en.`);
      return tag ? [tag] : [];
    });
  const langs = langsOf(of('lang', false));
  const notLangs = langsOf(of('lang', true));
  if (of('lang', false).length > 0 && langs.length === 0) empty = true;
  if (langs.length > 0) {
    ftsAll.push(anyOf(langs.map((l) => metaWord('l', l))));
    docs.langs = langs;
  }
  if (notLangs.length > 0) {
    ftsNone.push(...notLangs.map((l) => metaWord('l', l)));
    docs.notLangs = notLangs;
  }

  // in:
  const kindsOf = (values: string[]): DocKind[] =>
    values.flatMap((v) => {
      const kinds = SCOPES[foldWord(v)];
      if (!kinds) warnings.push(`“in:${v}” was ignored: use in:notes, in:text or in:titles.`);
      return kinds ?? [];
    });
  const kinds = kindsOf(of('in', false));
  const notKinds = kindsOf(of('in', true));
  if (kinds.length > 0) {
    ftsAll.push(anyOf(kinds.map((k) => metaWord('k', k))));
    docs.kinds = kinds;
  }
  if (notKinds.length > 0) {
    ftsNone.push(...notKinds.map((k) => metaWord('k', k)));
    docs.notKinds = notKinds;
  }

  // tag:
  let allTags: string[] | null = null;
  const tagsOf = (values: string[]): string[] =>
    values.flatMap((v) => {
      allTags ??= ctx.annotations.allTags().map((t) => t.tag);
      const wanted = foldWord(v.replace(/^#/, ''));
      const found = allTags.filter((t) => foldWord(t) === wanted);
      if (found.length === 0) warnings.push(`No note is tagged “${v}”.`);
      return found;
    });
  const tagValues = of('tag', false);
  if (tagValues.length > 0) {
    selectsNotes = true;
    // Each tag: is a condition of its own (tag:a tag:b means both).
    for (const value of tagValues) {
      const found = tagsOf([value]);
      if (found.length === 0) empty = true;
      docs.tagSets.push(found);
    }
  }
  docs.notTags = tagsOf(of('tag', true));

  // category:
  let categories: { id: string; name: string }[] = [];
  const categoriesOf = (values: string[]): string[] =>
    values.flatMap((v) => {
      if (categories.length === 0) {
        categories = ctx.categories.list();
      }
      const wanted = foldWord(v).replace(/[\s_-]+/g, '');
      const found = categories.filter(
        (c) =>
          foldWord(c.id).replace(/[\s_-]+/g, '') === wanted ||
          foldWord(c.name).replace(/\s+/g, '') === wanted,
      );
      if (found.length === 0) {
        warnings.push(
          `There is no category “${v}”; there are ${categories.map((c) => c.name).join(', ')}.`,
        );
      }
      return found.map((c) => c.id);
    });
  const categoryValues = of('category', false);
  if (categoryValues.length > 0) {
    selectsNotes = true;
    const found = categoriesOf(categoryValues);
    if (found.length === 0) empty = true;
    docs.categories = found;
  }
  docs.notCategories = categoriesOf(of('category', true));

  return {
    ftsAll,
    ftsNone,
    docs,
    warnings,
    empty,
    selectsNotes,
    langs,
    notLangs,
  };
}
