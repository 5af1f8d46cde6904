// Where the window is, kept in the address so that a reload (or the back button) returns there:
//   #/record/ID                    the reader
//   #/record/ID?q=…&hit=PASSAGE:AT the reader, finding q, at the hit in passage PASSAGE
//   #/library                      the catalogue
//   #/search?q=…                   the results of a search of the whole library
import { useEffect, useState } from 'react';

export type Route =
  | {
      view: 'reader';
      recordId: string;
      query: string | null;
      hit: { passageId: number; start: number } | null;
    }
  | { view: 'library' }
  | { view: 'search'; query: string }
  | { view: 'none' };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(search);
  const record = /^\/record\/([^/]+)$/.exec(path);
  if (record) {
    const hit = /^(\d+):(\d+)$/.exec(params.get('hit') ?? '');
    return {
      view: 'reader',
      recordId: decodeURIComponent(record[1]!),
      query: params.get('q'),
      hit: hit ? { passageId: Number(hit[1]), start: Number(hit[2]) } : null,
    };
  }
  if (path === '/library') return { view: 'library' };
  if (path === '/search') return { view: 'search', query: params.get('q') ?? '' };
  return { view: 'none' };
}

export function recordHash(
  recordId: string,
  find?: { query: string; hit?: { passageId: number; start: number } | null },
): string {
  const base = `#/record/${encodeURIComponent(recordId)}`;
  if (!find) return base;
  const params = new URLSearchParams({ q: find.query });
  if (find.hit) params.set('hit', `${find.hit.passageId}:${find.hit.start}`);
  return `${base}?${params.toString()}`;
}

export function searchHash(query: string): string {
  return `#/search?${new URLSearchParams({ q: query }).toString()}`;
}

export const LIBRARY_HASH = '#/library';

/** The current route, updated on every change of the address. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Changes the address without adding to the history (typing a search, refining it). */
export function replaceHash(hash: string): void {
  if (window.location.hash === hash) return;
  window.history.replaceState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
