// Finding where terms and names occur across the library's records, by stem. The search index
// narrows the library down to the passages that may hold them; those are tokenised once per
// request and searched for many phrases.
import type { Passage, Side, TextOccurrence } from '@shared/model';
import type { AppContext } from '../context';
import { searchWords } from '@shared/search/words';
import { findPhrase, phraseStems, stemTokens, type Token } from '@shared/text/stemming';

export interface IndexedPassage {
  recordId: string;
  recordTitle: string;
  side: Side;
  lang: string;
  passage: Passage;
  tokens: Token[];
}

/** An FTS5 phrase over the stems column for each phrase (as the search index stems words). */
function stemsQuery(phrases: readonly string[]): string | null {
  const quoted = phrases
    .map((phrase) => searchWords(phrase).map((word) => word.stem))
    .filter((stems) => stems.length > 0)
    .map((stems) => `"${stems.join(' ').replace(/"/g, '""')}"`);
  if (quoted.length === 0) return null;
  return `{stems} : (${[...new Set(quoted)].join(' OR ')}) AND {meta} : kpassage`;
}

/**
 * The passages (of one record, or of the whole library) that may hold any of `phrases`,
 * tokenised and stemmed. The search index picks them, so the cost follows what is found, not
 * the size of the library; `findOccurrences` then places each phrase exactly.
 */
export function passagesMentioning(
  ctx: AppContext,
  phrases: readonly string[],
  recordId?: string,
): IndexedPassage[] {
  const match = stemsQuery(phrases);
  if (match === null) return [];
  const indexed: IndexedPassage[] = [];
  for (const row of ctx.searchIndex.passagesMatching(match, recordId)) {
    indexed.push({
      recordId: row.record_id,
      recordTitle: row.title,
      side: row.side,
      lang: row.lang,
      passage: { id: row.id, side: row.side, index: row.ordinal, text: row.text },
      tokens: stemTokens(row.text),
    });
  }
  // Text order, so occurrences come out as a reader meets them.
  return indexed.sort(
    (a, b) =>
      a.recordId.localeCompare(b.recordId) ||
      a.side.localeCompare(b.side) ||
      a.passage.index - b.passage.index,
  );
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
