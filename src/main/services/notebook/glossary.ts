// The glossary: original terms and their renderings, library-wide, each with every occurrence
// found by stem ("перемирии" is an occurrence of "перемирие"), and a consistency view of terms
// rendered differently across records.
import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { GlossaryEntry, GlossaryEntryView, GlossaryInconsistency, Side } from '@shared/model';
import { requireAnnotation } from '../annotations/annotations-service';
import { requireLiveRecord, requireRecord } from '../library/require-record';
import { requireOwnGlossaryEntry } from '../sharing/authors';
import type { AppContext } from '../context';
import { findOccurrences, passagesMentioning, type IndexedPassage } from '../text/occurrences';
import { findPhrase, phraseStems } from '@shared/text/stemming';

function tidy(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function tidyRenderings(renderings: readonly string[]): string[] {
  const seen = new Set<string>();
  return renderings.map(tidy).filter((r) => {
    const key = r.toLocaleLowerCase();
    if (r === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function requireTerm(term: string): string {
  const tidied = tidy(term);
  if (phraseStems(tidied).length === 0) {
    throw new ApiError('invalid_input', 'A glossary term needs at least one word.', [
      { path: 'term', message: 'no words' },
    ]);
  }
  return tidied;
}

function requireEntry(ctx: AppContext, id: string): GlossaryEntry {
  const entry = ctx.glossary.get(id);
  if (!entry) throw new ApiError('not_found', `There is no glossary entry with id “${id}”.`);
  return entry;
}

export function createGlossaryEntry(
  ctx: AppContext,
  input: ParsedInput<'glossary.create'>,
): GlossaryEntry {
  const annotation = input.annotationId ? requireAnnotation(ctx, input.annotationId) : null;
  const recordId = input.recordId ?? annotation?.recordId ?? null;
  const record = recordId ? requireRecord(ctx, recordId) : null;
  const now = ctx.now();
  const entry: GlossaryEntry = {
    id: randomUUID(),
    term: requireTerm(input.term),
    termLang: input.termLang ?? record?.original.lang ?? 'ru',
    renderings: tidyRenderings(input.renderings),
    renderingLang: input.renderingLang ?? record?.translation.lang ?? 'en',
    note: input.note?.trim() ?? '',
    recordId,
    annotationId: annotation?.id ?? null,
    createdAt: now,
    updatedAt: now,
  };
  ctx.glossary.save(entry);
  return entry;
}

export function updateGlossaryEntry(
  ctx: AppContext,
  input: ParsedInput<'glossary.update'>,
): GlossaryEntry {
  const current = requireEntry(ctx, input.id);
  requireOwnGlossaryEntry(ctx, current.id);
  const entry: GlossaryEntry = {
    ...current,
    term: input.term === undefined ? current.term : requireTerm(input.term),
    renderings: input.renderings ? tidyRenderings(input.renderings) : current.renderings,
    note: input.note === undefined ? current.note : input.note.trim(),
    updatedAt: Math.max(ctx.now(), current.updatedAt),
  };
  ctx.glossary.save(entry);
  return entry;
}

export function deleteGlossaryEntry(ctx: AppContext, id: string): GlossaryEntry {
  const entry = requireEntry(ctx, id);
  requireOwnGlossaryEntry(ctx, id);
  ctx.glossary.delete(id);
  return entry;
}

export function restoreGlossaryEntry(
  ctx: AppContext,
  input: ParsedInput<'glossary.restore'>,
): GlossaryEntry {
  const given = input.entry;
  if (ctx.glossary.get(given.id)) {
    throw new ApiError('invalid_input', 'This glossary entry already exists; nothing to restore.');
  }
  const exists = (table: 'records' | 'annotations', id: string | null): string | null =>
    id !== null && (table === 'records' ? ctx.records.exists(id) : ctx.annotations.get(id))
      ? id
      : null;
  const entry: GlossaryEntry = {
    ...given,
    term: requireTerm(given.term),
    renderings: tidyRenderings(given.renderings),
    recordId: exists('records', given.recordId),
    annotationId: exists('annotations', given.annotationId),
  };
  ctx.glossary.save(entry);
  return entry;
}

/** The side of a record written in `lang` (the original when neither matches). */
function sideFor(passage: IndexedPassage, lang: string): boolean {
  return passage.lang.split('-')[0] === lang.split('-')[0];
}

/** What to look for of an entry: its term and every rendering. */
function phrasesOf(entry: GlossaryEntry): string[] {
  return [entry.term, ...entry.renderings];
}

function withOccurrences(entry: GlossaryEntry, passages: IndexedPassage[]): GlossaryEntryView {
  const termSide = passages.filter((p) => sideFor(p, entry.termLang));
  const renderingSide = passages.filter((p) => sideFor(p, entry.renderingLang));
  return {
    ...entry,
    occurrences: findOccurrences(
      termSide.length ? termSide : passages,
      [entry.term],
      termSide.length ? undefined : 'original',
    ),
    renderingOccurrences: findOccurrences(
      renderingSide.length ? renderingSide : passages,
      entry.renderings,
      renderingSide.length ? undefined : 'translation',
    ),
  };
}

/**
 * The glossary with occurrences: across the library, or for one record (entries whose term or
 * renderings occur in it, or that were made from it; occurrences in that record only).
 */
export function listGlossary(ctx: AppContext, recordId?: string): GlossaryEntryView[] {
  if (recordId) requireLiveRecord(ctx, recordId);
  const entries = ctx.glossary.list();
  const passages = passagesMentioning(ctx, entries.flatMap(phrasesOf), recordId);
  const views = entries.map((entry) => withOccurrences(entry, passages));
  if (!recordId) return views;
  return views.filter(
    (v) => v.recordId === recordId || v.occurrences.length > 0 || v.renderingOccurrences.length > 0,
  );
}

/** Terms whose occurrences are rendered differently (or not at all) across records. */
export function glossaryInconsistencies(ctx: AppContext): GlossaryInconsistency[] {
  const entries = ctx.glossary.list();
  // A counterpart passage missing from this map holds none of the renderings: the term went
  // unrendered there.
  const passages = passagesMentioning(ctx, entries.flatMap(phrasesOf));
  const byPassageId = new Map(passages.map((p) => [p.passage.id, p]));
  const groups = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    const key = `${entry.termLang}:${phraseStems(entry.term).join(' ')}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const counterparts = new Map<string, Map<number, number[]>>();
  const counterpartIds = (recordId: string, passageId: number): number[] => {
    let map = counterparts.get(recordId);
    if (!map) {
      map = new Map();
      const record = ctx.records.get(recordId)!;
      for (const group of record.alignment) {
        const ids = group.translation.map((i) => record.translation.passages[i]!.id);
        for (const i of group.original) map.set(record.original.passages[i]!.id, ids);
      }
      counterparts.set(recordId, map);
    }
    return map.get(passageId) ?? [];
  };

  const result: GlossaryInconsistency[] = [];
  for (const entries of groups.values()) {
    const first = entries[0]!;
    const renderings = tidyRenderings(entries.flatMap((e) => e.renderings));
    const stems = renderings.map((r) => ({ rendering: r, stems: phraseStems(r) }));
    const occurrences = findOccurrences(
      passages.filter((p) => p.side === 'original' && sideFor(p, first.termLang)),
      [first.term],
    );
    const perRecord = new Map<string, GlossaryInconsistency['records'][number]>();
    for (const occurrence of occurrences) {
      let row = perRecord.get(occurrence.recordId);
      if (!row) {
        row = {
          recordId: occurrence.recordId,
          recordTitle: occurrence.recordTitle,
          occurrences: 0,
          renderings: [],
          unrendered: 0,
        };
        perRecord.set(occurrence.recordId, row);
      }
      row.occurrences++;
      const tokens = counterpartIds(occurrence.recordId, occurrence.passageId).flatMap(
        (id) => byPassageId.get(id)?.tokens ?? [],
      );
      const used = stems.filter((s) => findPhrase(tokens, s.stems).length > 0);
      if (used.length === 0) row.unrendered++;
      for (const { rendering } of used) {
        const count = row.renderings.find((r) => r.rendering === rendering);
        if (count) count.count++;
        else row.renderings.push({ rendering, count: 1 });
      }
    }
    const records = [...perRecord.values()];
    const distinct = new Set(records.flatMap((r) => r.renderings.map((x) => x.rendering)));
    const someUnrendered = records.some((r) => r.unrendered > 0);
    if (distinct.size > 1 || (distinct.size === 1 && someUnrendered)) {
      result.push({
        term: first.term,
        termLang: first.termLang,
        entryIds: entries.map((e) => e.id),
        records,
      });
    }
  }
  return result;
}

export type { Side };
