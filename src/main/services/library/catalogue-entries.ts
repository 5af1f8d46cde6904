// What the catalogue knows about each record in the library, read in a handful of queries: the
// record's own fields, its notes count and tags, the people and places its notes name, and the
// archives and fonds its source cites (parsed when the record was written: record_citations).
import { languageName } from '@shared/text/language';
import { foldWord } from '@shared/text/stemming';
import type { AppContext } from '../context';

export interface CatalogueEntry {
  id: string;
  title: string;
  date: string | null;
  type: string | null;
  originalLang: string;
  translationLang: string;
  createdAt: number;
  noteCount: number;
  archives: string[];
  fonds: string[];
  pair: string;
  tags: string[];
  people: string[];
  places: string[];
}

/** Display names of facet values whose value is an id or a key. */
export type Labels = Map<string, string>;

const pairs = new Map<string, [string, string]>();

/** "ru-en" and "Russian ↔ English" (language names are slow to look up: kept once made). */
export function languagePair(original: string, translation: string): [string, string] {
  const value = `${original}-${translation}`;
  let pair = pairs.get(value);
  if (!pair) {
    pair = [value, `${languageName(original)} ↔ ${languageName(translation)}`];
    pairs.set(value, pair);
  }
  return pair;
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** A name from a note's quote, as a facet key: folded, so "Мао Цзэдуна" ≈ "мао цзэдуна". */
function quoteKey(quote: string): string {
  return quote
    .split(/\s+/u)
    .map((w) => foldWord(w).replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .join(' ');
}

// Most records cite one of a few archives: parse each distinct JSON list once.
const lists = new Map<string, string[]>();
function parsedList(json: string | null): string[] {
  if (!json) return [];
  let list = lists.get(json);
  if (!list) {
    list = JSON.parse(json) as string[];
    if (lists.size > 50_000) lists.clear();
    lists.set(json, list);
  }
  return list;
}

export function loadCatalogueEntries(ctx: AppContext): {
  entries: CatalogueEntry[];
  labels: Labels;
} {
  const labels: Labels = new Map();
  const rows = ctx.catalogue.records();

  const tags = new Map<string, string[]>();
  for (const row of ctx.catalogue.tags()) pushTo(tags, row.record_id, row.tag);

  // People and places: entities that notes name, and person/place notes not linked to one.
  const people = new Map<string, string[]>();
  const places = new Map<string, string[]>();
  for (const row of ctx.catalogue.mentionedEntities()) {
    const value = `e:${row.id}`;
    labels.set(value, row.name ?? row.id);
    pushTo(row.kind === 'person' ? people : places, row.record_id, value);
  }
  for (const row of ctx.catalogue.unlinkedNames()) {
    if (!row.quote) continue;
    const key = quoteKey(row.quote);
    if (key === '') continue;
    const value = `q:${key}`;
    if (!labels.has(value)) labels.set(value, row.quote.replace(/\s+/g, ' ').trim());
    pushTo(row.category_id === 'person' ? people : places, row.record_id, value);
  }

  const entries = rows.map((row): CatalogueEntry => {
    const [pair, pairLabel] = languagePair(row.original_lang, row.translation_lang);
    labels.set(pair, pairLabel);
    return {
      id: row.id,
      title: row.title,
      date: row.date,
      type: row.type,
      originalLang: row.original_lang,
      translationLang: row.translation_lang,
      createdAt: row.created_at,
      noteCount: row.note_count,
      archives: parsedList(row.archives),
      fonds: parsedList(row.fonds),
      pair,
      tags: tags.get(row.id) ?? [],
      people: people.get(row.id) ?? [],
      places: places.get(row.id) ?? [],
    };
  });
  return { entries, labels };
}
