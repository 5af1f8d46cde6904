// Loading a page in a window can fail: ERR_ABORTED when a newer navigation (a deep link that
// arrives during the first load) replaces it, or a real failure. Neither may become an unhandled
// rejection in the main process; a superseded load is expected, anything else is logged.
import type { WebContents } from 'electron';

/** Chromium's net error for a navigation cancelled by a newer one. */
const ERR_ABORTED = -3;

export function isAbortedLoad(error: unknown): boolean {
  const failure = error as { errno?: unknown; code?: unknown; message?: unknown } | null;
  return (
    failure?.errno === ERR_ABORTED ||
    failure?.code === 'ERR_ABORTED' ||
    (typeof failure?.message === 'string' && failure.message.includes('ERR_ABORTED'))
  );
}

/** Loads `url`; resolves whatever happens, logging failures other than a superseded load. */
export async function loadUrlSafely(
  target: Pick<WebContents, 'loadURL'>,
  url: string,
  log: (message: string) => void = (message) => console.error(message),
): Promise<void> {
  try {
    await target.loadURL(url);
  } catch (error) {
    if (!isAbortedLoad(error))
      log(`Marginalia: could not load ${url}: ${(error as Error).message}`);
  }
}
