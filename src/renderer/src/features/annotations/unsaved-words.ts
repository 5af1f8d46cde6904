// The app's guard for words not yet saved as a note: while any editor holds some, closing or
// reloading the window asks first (beforeunload; the Electron shell turns it into a dialog), and
// on the way out every editor sends its latest draft so nothing typed is lost.
import { useEffect, useRef } from 'react';

type Flush = () => void;

const holders = new Set<{ flush: Flush }>();
let installed = false;

function flushAll(): void {
  for (const holder of holders) holder.flush();
}

function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('beforeunload', (event) => {
    if (holders.size === 0) return;
    flushAll();
    event.preventDefault();
    // Older browsers and Electron read the return value.
    event.returnValue = '';
  });
  // Also when the page goes without asking (no user gesture yet, or the prompt was accepted).
  window.addEventListener('pagehide', flushAll);
}

/**
 * Declares that this editor holds unsaved words while `active`; `flush` sends its latest draft
 * when the window goes away. The latest `flush` is used, whatever render it came from.
 */
export function useUnsavedWords(active: boolean, flush: Flush): void {
  const latest = useRef(flush);
  useEffect(() => {
    latest.current = flush;
  });
  useEffect(() => {
    if (!active) return;
    install();
    const holder = { flush: () => latest.current() };
    holders.add(holder);
    return () => {
      holders.delete(holder);
    };
  }, [active]);
}
