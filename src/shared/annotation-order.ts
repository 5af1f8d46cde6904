// Reading order of annotations, the one order every list and export shows them in.
import type { Annotation, RecordDocument } from './model';

/** Sorts after every real position: for orphans, whose passage is gone. */
const LAST = Number.MAX_SAFE_INTEGER;

/**
 * Sorts annotations in reading order: by the aligned row their first target lies in, original
 * before translation, then by position. Orphans (whose passage is gone) come last.
 */
export function sortInTextOrder(annotations: Annotation[], record: RecordDocument): Annotation[] {
  const rowOf = new Map<number, number>();
  record.alignment.forEach((group, row) => {
    for (const index of group.original) {
      const passage = record.original.passages[index];
      if (passage) rowOf.set(passage.id, row);
    }
    for (const index of group.translation) {
      const passage = record.translation.passages[index];
      if (passage) rowOf.set(passage.id, row);
    }
  });
  const key = (a: Annotation): [number, number, number, number] => {
    const t = a.targets[0];
    if (!t || t.passageId === null) return [LAST, 0, 0, 0];
    return [
      rowOf.get(t.passageId) ?? LAST,
      t.side === 'original' ? 0 : 1,
      t.passageIndex,
      t.position.start,
    ];
  };
  return [...annotations].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    }
    return a.createdAt - b.createdAt;
  });
}
