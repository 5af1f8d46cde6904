// The catalogue: filters, facet counts and sorting over every record in the library. Facets
// are counted the way a catalogue user expects: each facet's counts take every other filter
// into account but not its own, so choosing "Telegram" still shows how many letters there are.
import {
  FACET_KEYS,
  type CatalogueFilters,
  type CatalogueResult,
  type CatalogueRow,
  type CatalogueSort,
  type FacetKey,
  type FacetValue,
} from '@shared/api/methods/library';
import { foldWord } from '@shared/text/stemming';
import { recordsMatching } from '../search/records-matching';
import { loadCatalogueEntries, type CatalogueEntry, type Labels } from './catalogue-entries';
import { listCollections } from './collections';
import { purgeExpired } from './record-actions';
import type { AppContext } from '../context';

type FilterKey = FacetKey | 'title' | 'dates' | 'notes' | 'collection' | 'query';

/** The values an entry has for a facet. */
function valuesOf(entry: CatalogueEntry, facet: FacetKey): string[] {
  switch (facet) {
    case 'types':
      return entry.type ? [entry.type] : [];
    case 'archives':
      return entry.archives;
    case 'fonds':
      return entry.fonds;
    case 'languagePairs':
      return [entry.pair];
    case 'tags':
      return entry.tags;
    case 'people':
      return entry.people;
    case 'places':
      return entry.places;
    case 'years':
      return entry.date ? [entry.date.slice(0, 4)] : [];
  }
}

type Test = (entry: CatalogueEntry) => boolean;

function buildTests(
  ctx: AppContext,
  filters: CatalogueFilters,
  warnings: string[],
): Map<FilterKey, Test> {
  const tests = new Map<FilterKey, Test>();
  for (const facet of FACET_KEYS) {
    const wanted = filters[facet];
    if (wanted.length === 0) continue;
    const set = new Set(wanted);
    // Values of one facet are alternatives (Telegram or Letter); tags, people and places
    // narrow down: a record must have every one chosen.
    const all = facet === 'tags' || facet === 'people' || facet === 'places';
    tests.set(facet, (e) => {
      const have = valuesOf(e, facet);
      return all ? wanted.every((w) => have.includes(w)) : have.some((v) => set.has(v));
    });
  }
  const words = filters.title
    .split(/\s+/u)
    .map((w) => foldWord(w))
    .filter(Boolean);
  if (words.length > 0) {
    const folded = new Map<string, string>();
    const fold = (title: string): string => {
      let f = folded.get(title);
      if (f === undefined) folded.set(title, (f = foldWord(title)));
      return f;
    };
    tests.set('title', (e) => words.every((w) => fold(e.title).includes(w)));
  }
  if (filters.dateFrom || filters.dateTo) {
    const from = filters.dateFrom ?? '';
    // A partial upper bound covers its whole year or month: "1951" takes "1951-12-31".
    const to = filters.dateTo ? `${filters.dateTo}\uffff` : '\uffff';
    tests.set('dates', (e) => e.date !== null && e.date >= from && e.date <= to);
  }
  if (filters.hasNotes !== null) {
    const want = filters.hasNotes;
    tests.set('notes', (e) => e.noteCount > 0 === want);
  }
  if (filters.collectionId) {
    const members = ctx.collections.memberIds(filters.collectionId);
    tests.set('collection', (e) => members.has(e.id));
  }
  if (filters.query.trim() !== '') {
    const found = recordsMatching(ctx, filters.query);
    warnings.push(...found.warnings);
    tests.set('query', (e) => found.ids.has(e.id));
  }
  return tests;
}

const collator = new Intl.Collator(['en', 'ru'], { sensitivity: 'base', numeric: true });

// Sorting ten thousand titles with a collator takes a good part of a second; a key that folds
// case and ё and pads numbers ("No. 99" before "No. 100") sorts the same for these titles, with
// plain comparisons. Keys are kept between calls.
const sortKeys = new Map<string, string>();
function sortKey(text: string): string {
  let key = sortKeys.get(text);
  if (key === undefined) {
    key = text
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/\d+/g, (digits) => digits.padStart(12, '0'));
    if (sortKeys.size > 100_000) sortKeys.clear();
    sortKeys.set(text, key);
  }
  return key;
}

const compareStrings = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

function comparator(sort: CatalogueSort): (a: CatalogueEntry, b: CatalogueEntry) => number {
  const byTitle = (a: CatalogueEntry, b: CatalogueEntry): number =>
    compareStrings(sortKey(a.title), sortKey(b.title)) || compareStrings(a.id, b.id);
  // Records without the sorted-by value come last, whichever the direction.
  const by =
    (get: (e: CatalogueEntry) => string | null) =>
    (a: CatalogueEntry, b: CatalogueEntry): number => {
      const x = get(a);
      const y = get(b);
      if (x === y) return byTitle(a, b);
      if (x === null) return 1;
      if (y === null) return -1;
      return compareStrings(x, y) || byTitle(a, b);
    };
  switch (sort) {
    case 'date':
      return by((e) => e.date);
    case 'title':
      return byTitle;
    case 'type':
      return by((e) => (e.type === null ? null : sortKey(e.type)));
    case 'archive': {
      const first = (e: CatalogueEntry): string | null => e.fonds[0] ?? e.archives[0] ?? null;
      return by((e) => {
        const value = first(e);
        return value === null ? null : sortKey(value);
      });
    }
    case 'notes':
      return (a, b) => b.noteCount - a.noteCount || byTitle(a, b);
    case 'added':
      return (a, b) => b.createdAt - a.createdAt || byTitle(a, b);
  }
}

function facetLabel(facet: FacetKey, value: string, labels: Labels): string {
  return labels.get(value) ?? (facet === 'years' ? value : value);
}

export function queryCatalogue(
  ctx: AppContext,
  filters: CatalogueFilters,
  sort: CatalogueSort,
  descending: boolean,
  now: number,
): CatalogueResult {
  const started = performance.now();
  purgeExpired(ctx, now);
  const warnings: string[] = [];
  const { entries, labels } = loadCatalogueEntries(ctx);
  const tests = buildTests(ctx, filters, warnings);

  const counts = new Map<FacetKey, Map<string, number>>(FACET_KEYS.map((f) => [f, new Map()]));
  const notes = { with: 0, without: 0 };
  const tally = (entry: CatalogueEntry, facet: FacetKey): void => {
    const map = counts.get(facet)!;
    for (const value of valuesOf(entry, facet)) map.set(value, (map.get(value) ?? 0) + 1);
  };
  const matched: CatalogueEntry[] = [];
  for (const entry of entries) {
    let failed: FilterKey | null = null;
    let failures = 0;
    for (const [key, test] of tests) {
      if (!test(entry)) {
        failed = key;
        if (++failures > 1) break;
      }
    }
    if (failures === 0) {
      matched.push(entry);
      for (const facet of FACET_KEYS) tally(entry, facet);
      if (entry.noteCount > 0) notes.with++;
      else notes.without++;
    } else if (failures === 1) {
      // Excluded by one filter only: it counts for that filter's own facet.
      if ((FACET_KEYS as readonly string[]).includes(failed!)) tally(entry, failed as FacetKey);
      if (failed === 'notes') {
        if (entry.noteCount > 0) notes.with++;
        else notes.without++;
      }
    }
  }

  const compare = comparator(sort);
  matched.sort(descending ? (a, b) => compare(b, a) : compare);

  const facets = {} as Record<FacetKey, FacetValue[]>;
  for (const facet of FACET_KEYS) {
    const list = [...counts.get(facet)!].map(([value, count]) => ({
      value,
      label: facetLabel(facet, value, labels),
      count,
    }));
    // Values chosen but matching nothing still show (with 0), so they can be unchosen.
    for (const value of filters[facet]) {
      if (!list.some((v) => v.value === value)) {
        list.push({ value, label: facetLabel(facet, value, labels), count: 0 });
      }
    }
    list.sort((a, b) =>
      facet === 'years'
        ? a.value.localeCompare(b.value)
        : b.count - a.count || collator.compare(a.label, b.label),
    );
    facets[facet] = list;
  }

  const rows: CatalogueRow[] = matched.map((e) => ({
    id: e.id,
    title: e.title,
    date: e.date,
    type: e.type,
    archive: e.fonds[0] ?? e.archives[0] ?? null,
    originalLang: e.originalLang,
    translationLang: e.translationLang,
    noteCount: e.noteCount,
  }));
  return {
    total: entries.length,
    rows,
    facets,
    notes,
    collections: listCollections(ctx),
    trashCount: ctx.records.trashCount(),
    warnings,
    tookMs: performance.now() - started,
  };
}
