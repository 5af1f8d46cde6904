// Finding where terms and names occur across the library's records, by stem. The passages are
// tokenised once per request and searched for many phrases.
import type { Passage, Side, TextOccurrence } from '@shared/model';
import type { AppContext } from '../context';
import { findPhrase, phraseStems, stemTokens, type Token } from './stemming';

export interface IndexedPassage {
  recordId: string;
  recordTitle: string;
  side: Side;
  lang: string;
  passage: Passage;
  tokens: Token[];
}

/** Every passage of one record (or of the whole library), tokenised and stemmed. */
export function indexPassages(ctx: AppContext, recordId?: string): IndexedPassage[] {
  const ids = recordId ? [recordId] : ctx.records.list().map((r) => r.id);
  const indexed: IndexedPassage[] = [];
  for (const id of ids) {
    const record = ctx.records.get(id);
    if (!record) continue;
    for (const side of ['original', 'translation'] as const) {
      for (const passage of record[side].passages) {
        indexed.push({
          recordId: record.id,
          recordTitle: record.title,
          side,
          lang: record[side].lang,
          passage,
          tokens: stemTokens(passage.text),
        });
      }
    }
  }
  return indexed;
}

/** Occurrences of any of `phrases` (by stem) in the passages, in text order, without overlaps. */
export function findOccurrences(
  passages: readonly IndexedPassage[],
  phrases: readonly string[],
  side?: Side,
): TextOccurrence[] {
  const stemLists = phrases.map(phraseStems).filter((s) => s.length > 0);
  const found: TextOccurrence[] = [];
  for (const p of passages) {
    if (side && p.side !== side) continue;
    const spans: [number, number][] = [];
    for (const stems of stemLists) spans.push(...findPhrase(p.tokens, stems));
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let lastEnd = -1;
    for (const [start, end] of spans) {
      if (start < lastEnd) continue;
      lastEnd = end;
      found.push({
        recordId: p.recordId,
        recordTitle: p.recordTitle,
        side: p.side,
        passageId: p.passage.id,
        passageIndex: p.passage.index,
        start,
        end,
        text: p.passage.text.slice(start, end),
      });
    }
  }
  return found;
}
