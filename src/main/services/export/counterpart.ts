import type { RecordDocument, Side } from '@shared/model';

export const otherSide = (side: Side): Side => (side === 'original' ? 'translation' : 'original');

/**
 * The passages of the other language that share an aligned row with the given passage, joined
 * as one text ("" when the row is one-sided).
 */
export function counterpartText(record: RecordDocument, side: Side, passageIndex: number): string {
  const group = record.alignment.find((g) => g[side].includes(passageIndex));
  if (!group) return '';
  const other = otherSide(side);
  return group[other]
    .map((i) => record[other].passages[i]?.text ?? '')
    .filter((t) => t !== '')
    .join(' ');
}
