// The filters of a query (lang:, tag:, category:, in:). lang: and in: become words of the index's
// meta column ("lru", "knote"), so the index answers them alone; tag: and category: become SQL
// conditions on search_docs (alias d). The SQL is made of fixed fragments and every value is
// bound as a parameter (a JSON array read with json_each); meta words are made of letters only.
import type { Database } from 'better-sqlite3';
import { languageName } from '@shared/text/language';
import type { QueryFilter } from '@shared/search/query';
import { foldWord } from '../text/stemming';
import type { DocKind } from '../../db/search-schema';

export interface ResolvedFilters {
  /** FTS5 expressions every matching document must match (lang:, in:). */
  ftsAll: string[];
  /** FTS5 expressions no matching document may match (-lang:, -in:). */
  ftsNone: string[];
  /** SQL for tag: and category: to AND into a WHERE clause over search_docs d, or null. */
  sql: string | null;
  params: string[];
  /** All filters as SQL over search_docs d, for listing documents without the index. */
  sqlAll: string;
  paramsAll: string[];
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

const json = (values: readonly string[]): string => JSON.stringify(values);

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

const TAGGED_DOCS = `(
  (d.kind = 'note' AND d.annotation_id IN
    (SELECT annotation_id FROM annotation_tags WHERE tag IN (SELECT value FROM json_each(?))))
  OR (d.kind = 'passage' AND d.passage_id IN
    (SELECT t.passage_id FROM annotation_targets t JOIN annotation_tags g ON g.annotation_id = t.annotation_id
     WHERE g.tag IN (SELECT value FROM json_each(?)))))`;

const CATEGORY_DOCS = `(
  (d.kind = 'note' AND d.annotation_id IN
    (SELECT id FROM annotations WHERE category_id IN (SELECT value FROM json_each(?))))
  OR (d.kind = 'passage' AND d.passage_id IN
    (SELECT t.passage_id FROM annotation_targets t JOIN annotations a ON a.id = t.annotation_id
     WHERE a.category_id IN (SELECT value FROM json_each(?)))))`;

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

export function resolveFilters(db: Database, filters: readonly QueryFilter[]): ResolvedFilters {
  const conditions: string[] = [];
  const params: string[] = [];
  const metaConditions: string[] = [];
  const metaParams: string[] = [];
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
    metaConditions.push('d.lang IN (SELECT value FROM json_each(?))');
    metaParams.push(json(langs));
  }
  if (notLangs.length > 0) {
    ftsNone.push(...notLangs.map((l) => metaWord('l', l)));
    metaConditions.push('(d.lang IS NULL OR d.lang NOT IN (SELECT value FROM json_each(?)))');
    metaParams.push(json(notLangs));
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
    metaConditions.push('d.kind IN (SELECT value FROM json_each(?))');
    metaParams.push(json(kinds));
  }
  if (notKinds.length > 0) {
    ftsNone.push(...notKinds.map((k) => metaWord('k', k)));
    metaConditions.push('d.kind NOT IN (SELECT value FROM json_each(?))');
    metaParams.push(json(notKinds));
  }

  // tag:
  let allTags: string[] | null = null;
  const tagsOf = (values: string[]): string[] =>
    values.flatMap((v) => {
      allTags ??= db.prepare('SELECT DISTINCT tag FROM annotation_tags').pluck().all() as string[];
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
      conditions.push(TAGGED_DOCS);
      params.push(json(found), json(found));
    }
  }
  const notTags = tagsOf(of('tag', true));
  if (notTags.length > 0) {
    conditions.push(`NOT ${TAGGED_DOCS}`);
    params.push(json(notTags), json(notTags));
  }

  // category:
  let categories: { id: string; name: string }[] = [];
  const categoriesOf = (values: string[]): string[] =>
    values.flatMap((v) => {
      if (categories.length === 0) {
        categories = db
          .prepare('SELECT id, name FROM categories ORDER BY sort')
          .all() as typeof categories;
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
    conditions.push(CATEGORY_DOCS);
    params.push(json(found), json(found));
  }
  const notCategories = categoriesOf(of('category', true));
  if (notCategories.length > 0) {
    conditions.push(`NOT ${CATEGORY_DOCS}`);
    params.push(json(notCategories), json(notCategories));
  }

  const all = [...metaConditions, ...conditions];
  return {
    ftsAll,
    ftsNone,
    sql: conditions.length > 0 ? conditions.join(' AND ') : null,
    params,
    sqlAll: all.length > 0 ? all.join(' AND ') : '1',
    paramsAll: [...metaParams, ...params],
    warnings,
    empty,
    selectsNotes,
    langs,
    notLangs,
  };
}
