// Cuts a passage's text into runs at every span boundary, so overlapping and nested annotations
// each keep their mark, and places each note's reference right after the text its span ends on.
import type { EditionRef, EditionRun } from '@shared/edition';

export interface PlacedSpan {
  start: number;
  end: number;
  categoryId: string;
  /** Note number, or null for a bare highlight (marked, not numbered). */
  note: number | null;
  ref: EditionRef | null;
}

export function passageRuns(text: string, spans: PlacedSpan[]): EditionRun[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: EditionRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const covering = valid.filter((s) => s.start <= from && s.end >= to);
    const ending = valid
      .filter((s) => s.end === to && s.ref !== null)
      .sort((a, b) => b.start - a.start || a.ref!.number - b.ref!.number);
    runs.push({
      text: text.slice(from, to),
      categoryIds: [...new Set(covering.map((s) => s.categoryId))],
      notes: covering.flatMap((s) => (s.note === null ? [] : [s.note])),
      refs: ending.map((s) => s.ref!),
    });
  }
  if (runs.length === 0) runs.push({ text, categoryIds: [], notes: [], refs: [] });
  return runs;
}
