// A library that another Marginalia (a CLI import, a second window, serve) is writing to: SQLite
// answers "busy" rather than wait. The write is tried again after a short and growing pause, with
// the event loop free meanwhile, and after about ten seconds the user reads that the library is
// busy, never "internal error" with a stack.
import { ApiError } from '@shared/api/errors';

export const BUSY_MESSAGE =
  'The library is busy (another Marginalia is importing or writing to it); try again in a moment. Nothing was changed.';

/** Pauses between attempts, in ms: about ten seconds in all. */
export const BUSY_RETRY_DELAYS = [20, 50, 100, 200, 400, 800, 1500, 2000, 2500, 2500];

/** True for SQLite's "the database is locked" answers (SQLITE_BUSY, SQLITE_LOCKED and kin). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/**
 * Runs `work`, again after each pause while SQLite says the library is busy; past the last pause
 * it fails with code 'busy' and BUSY_MESSAGE. `work` must write in one transaction, so that a
 * failed attempt has written nothing.
 */
export async function retryWhenBusy<T>(
  work: () => T | Promise<T>,
  delays: readonly number[] = BUSY_RETRY_DELAYS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (attempt >= delays.length) throw new ApiError('busy', BUSY_MESSAGE);
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}
