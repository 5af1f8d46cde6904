/** A span of a passage's text covered by annotations. */
export interface Span {
  id: string;
  start: number;
  end: number;
}

/** A run of text with the annotations that cover all of it (none for plain text). */
export interface Segment {
  start: number;
  end: number;
  ids: string[];
}

/**
 * Cuts a text of `length` characters at every span boundary, so overlapping and nested
 * annotations each get their marks: a run inside three annotations lists all three ids.
 * Spans are clamped to the text; ids keep the order of `spans`.
 */
export function segmentText(length: number, spans: Span[]): Segment[] {
  const valid = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const ids = valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    segments.push({ start, end, ids });
  }
  return segments;
}
