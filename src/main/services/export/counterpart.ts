// The aligned counterpart of each passage, found once per record for every exporter.
import type { RecordDocument, Side } from '@shared/model';

export const otherSide = (side: Side): Side => (side === 'original' ? 'translation' : 'original');

/**
 * The aligned row of every passage, built once per record so that exporting thousands of
 * annotations never scans the alignment again for each one.
 */
export class CounterpartIndex {
  private readonly rows = new Map<string, number>();

  constructor(private readonly record: RecordDocument) {
    record.alignment.forEach((group, row) => {
      for (const i of group.original) this.rows.set(`original:${i}`, row);
      for (const i of group.translation) this.rows.set(`translation:${i}`, row);
    });
  }

  /** Index of the aligned row holding the passage, or null. */
  rowOf(side: Side, passageIndex: number): number | null {
    return this.rows.get(`${side}:${passageIndex}`) ?? null;
  }

  /**
   * The passages of the other language that share an aligned row with the given passage, joined
   * as one text ("" when the row is one-sided).
   */
  text(side: Side, passageIndex: number): string {
    const row = this.rowOf(side, passageIndex);
    if (row === null) return '';
    const other = otherSide(side);
    return this.record.alignment[row]![other].map((i) => this.record[other].passages[i]?.text ?? '')
      .filter((t) => t !== '')
      .join(' ');
  }
}
