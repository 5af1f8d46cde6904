import { useState, type JSX } from 'react';
import { LIBRARY_HASH, recordHash, type Route } from '../search/route';

/** Reader | Library: the two views of the window, as links (the address holds the view). */
export function ViewSwitch({
  route,
  firstRecordId,
}: {
  route: Route;
  firstRecordId: string | null;
}): JSX.Element {
  // The Reader link returns to the record last read.
  const [lastRecord, setLastRecord] = useState<string | null>(null);
  if (route.view === 'reader' && route.recordId !== lastRecord) setLastRecord(route.recordId);
  const readerId = route.view === 'reader' ? route.recordId : (lastRecord ?? firstRecordId);
  return (
    <nav className="view-switch" aria-label="Views">
      <a
        href={readerId ? recordHash(readerId) : '#/'}
        aria-current={route.view === 'reader' ? 'page' : undefined}
        aria-disabled={readerId === null || undefined}
      >
        Reader
      </a>
      <a href={LIBRARY_HASH} aria-current={route.view === 'library' ? 'page' : undefined}>
        Library
      </a>
    </nav>
  );
}
