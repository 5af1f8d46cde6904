// Migration 70 (translator and contributor) on a library that already holds records.
import { describe, expect, it } from 'vitest';
import { insertRows, libraryAt, recordRow, tableRows, updateToVersion } from '../support';

const KRAMER = 'RGASPI, F. 558, Op. 11, D. 342, L. 92. Contributed and translated by Mark Kramer.';
const GOLDBERG = 'GARF, f. R-9401, op. 2, d. 199, l. 25. Translated by Gary Goldberg.';

describe('migration 70: who translated and who contributed a record', () => {
  it('reads them from the credits of the records already there, and changes nothing else', () => {
    const db = libraryAt(50);
    insertRows(db, 'records', [
      recordRow('a', { source: KRAMER }),
      recordRow('b', { source: GOLDBERG }),
      recordRow('c', { source: 'APRF, f. 45, op. 1, d. 339, ll. 95-96' }),
      recordRow('d'),
    ]);
    updateToVersion(db, 70);
    expect(
      tableRows(db, 'records', 'id').map((r) => [
        r['id'],
        r['source'],
        r['translator'],
        r['contributor'],
      ]),
    ).toEqual([
      ['a', KRAMER, 'Mark Kramer', 'Mark Kramer'],
      ['b', GOLDBERG, 'Gary Goldberg', null],
      ['c', 'APRF, f. 45, op. 1, d. 339, ll. 95-96', null, null],
      ['d', null, null, null],
    ]);
    // The catalogue's archive for the record whose source line credits its translator.
    expect(
      db.prepare("SELECT archives, fonds FROM record_citations WHERE record_id = 'a'").get(),
    ).toEqual({ archives: '["RGASPI"]', fonds: '["RGASPI f. 558"]' });
  });
});
