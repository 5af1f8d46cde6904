// A busy library (issue 14, point 3): another Marginalia holding the write lock must not block
// this one's event loop, must not turn into "internal error" with a stack, and a write must go
// through once the lock is free.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import { dispatch } from '../../../src/main/api/router';
import { BUSY_MESSAGE, retryWhenBusy } from '../../../src/main/services/busy';
import { fileContext, importSample, tempDir } from '../support/context';

/** Two connections to one library, as two processes would have; the first holds a record. */
async function twoConnections() {
  const dir = tempDir('busy');
  const holder = fileContext(dir);
  const id = await importSample(holder);
  const writer = fileContext(dir);
  return { holder, writer, id };
}

describe('a library another Marginalia is writing to', () => {
  it('takes the write once the lock is free, the event loop free meanwhile', async () => {
    const { holder, writer, id } = await twoConnections();
    holder.db.exec('BEGIN IMMEDIATE');
    const ticks: number[] = [];
    const ticker = setInterval(() => ticks.push(Date.now()), 20);
    setTimeout(() => holder.db.exec('COMMIT'), 400);
    const result = await dispatch(writer, 'library.renameRecord', { id, title: 'Renamed' });
    clearInterval(ticker);
    expect(result).toMatchObject({ ok: true, value: { title: 'Renamed' } });
    // The timer that freed the lock ran while the write waited: the loop was never held.
    expect(ticks.length).toBeGreaterThan(5);
    expect(holder.records.get(id)!.title).toBe('Renamed');
    holder.db.close();
    writer.db.close();
  });

  it('says the library is busy, never an internal error, when the lock stays taken', async () => {
    const { holder, writer, id } = await twoConnections();
    holder.db.exec('BEGIN IMMEDIATE');
    const error = await retryWhenBusy(
      () => writer.records.rename(id, 'Never', writer.now()),
      [10, 10, 10],
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).toJSON()).toEqual({ code: 'busy', message: BUSY_MESSAGE });
    holder.db.exec('ROLLBACK');
    expect(holder.records.get(id)!.title).not.toBe('Never');
    holder.db.close();
    writer.db.close();
  });
});
