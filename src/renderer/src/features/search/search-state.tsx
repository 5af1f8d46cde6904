// The one search box's state, shared by the box in the top bar, the results view and the
// reader: what is typed, where it searches (the whole library, or the open record), and for
// the open record its hits and which one is current.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type JSX,
  type ReactNode,
  type RefObject,
} from 'react';
import type { RecordSearchResult } from '@shared/api/methods/search';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';
import { recordHash, replaceHash, searchHash, useRoute, type Route } from './route';

export type SearchScope = 'library' | 'record';

export interface SearchState {
  route: Route;
  text: string;
  /** Typing: in the library scope this shows the results as you type. */
  type(text: string): void;
  scope: SearchScope;
  setScope(scope: SearchScope): void;
  /** The open record's hits for `text`, or null when not finding in a record. */
  find: (RecordSearchResult & { error: string | null }) | null;
  current: number | null;
  /** Moves to the next (1) or previous (-1) hit in the record, wrapping around. */
  step(delta: 1 | -1): void;
  /** Opens a record at a hit of a library search, the hit marked, ready for next/previous. */
  openHit(recordId: string, query: string, hit: { passageId: number; start: number } | null): void;
  /** Runs the library search now (Enter in the box). */
  submit(): void;
  close(): void;
  input: RefObject<HTMLInputElement | null>;
  /** Set when a hit was opened from the results: the reader then takes the focus there. */
  focusHit: RefObject<boolean>;
}

const Context = createContext<SearchState | null>(null);
const TYPING_DELAY_MS = 200;

export function SearchProvider({ children }: { children: ReactNode }): JSX.Element {
  const { revision } = useAppState();
  const route = useRoute();
  const [text, setText] = useState(() =>
    route.view === 'search' ? route.query : route.view === 'reader' ? (route.query ?? '') : '',
  );
  const [scope, setScopeState] = useState<SearchScope>(
    route.view === 'reader' && route.query ? 'record' : 'library',
  );
  const [find, setFind] = useState<SearchState['find']>(null);
  const [current, setCurrent] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const focusHit = useRef(false);
  // True from a keystroke until the results have followed it (then the address leads again).
  const [typing, setTyping] = useState(false);
  const pendingHit = useRef<{ passageId: number; start: number } | null>(
    route.view === 'reader' ? route.hit : null,
  );

  // The address leads: a results page or a record opened at a hit sets the box.
  const [seenRoute, setSeenRoute] = useState(route);
  if (route !== seenRoute) {
    setSeenRoute(route);
    if (route.view === 'search') {
      setScopeState('library');
      if (route.query !== text && !typing) setText(route.query);
    } else if (route.view === 'reader' && route.query !== null) {
      setScopeState('record');
      setText(route.query);
    } else if (route.view !== 'reader' && scope === 'record') {
      setScopeState('library');
    }
  }
  useEffect(() => {
    if (route.view === 'reader' && route.hit) pendingHit.current = route.hit;
  }, [route]);

  const recordId = route.view === 'reader' ? route.recordId : null;

  // Find in the open record, as you type and again after any change to the library.
  const finding = scope === 'record' && recordId !== null && text.trim() !== '';
  useEffect(() => {
    if (!finding || !recordId) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api
        .call('search.inRecord', { recordId, query: text })
        .then((result) => {
          if (!live) return;
          setFind({ ...result, error: null });
          const wanted = pendingHit.current;
          pendingHit.current = null;
          let index = result.hits.length > 0 ? 0 : null;
          if (wanted) {
            const at = result.hits.findIndex(
              (h) => h.passageId === wanted.passageId && h.end > wanted.start,
            );
            const inPassage = result.hits.findIndex((h) => h.passageId === wanted.passageId);
            index = at >= 0 ? at : inPassage >= 0 ? inPassage : index;
          }
          setCurrent((previous) =>
            wanted || previous === null || previous >= result.hits.length ? index : previous,
          );
        })
        .catch((error: unknown) => {
          if (!live) return;
          setFind({
            recordId,
            query: text,
            hits: [],
            warnings: [],
            message: null,
            error: errorMessage(error),
          });
          setCurrent(null);
        });
    }, TYPING_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [finding, recordId, text, revision]);

  const type = useCallback((next: string) => {
    setText(next);
    setTyping(true);
  }, []);

  // In the library scope, the results follow the typing (after a pause).
  useEffect(() => {
    if (scope !== 'library' || !typing) return;
    const timer = window.setTimeout(() => {
      setTyping(false);
      if (text.trim() === '') return;
      const hash = searchHash(text);
      if (parseHashView() === 'search') replaceHash(hash);
      else window.location.hash = hash;
    }, TYPING_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [scope, text, typing]);

  const submit = useCallback(() => {
    setTyping(false);
    if (text.trim() === '') return;
    const hash = searchHash(text);
    if (parseHashView() === 'search') replaceHash(hash);
    else window.location.hash = hash;
  }, [text]);

  const setScope = useCallback((next: SearchScope) => {
    setScopeState(next);
    if (next === 'library') setCurrent(null);
  }, []);

  const step = useCallback(
    (delta: 1 | -1) => {
      const count = find?.hits.length ?? 0;
      if (count === 0) return;
      setCurrent((c) => (c === null ? (delta === 1 ? 0 : count - 1) : (c + delta + count) % count));
    },
    [find],
  );

  const openHit = useCallback(
    (id: string, query: string, hit: { passageId: number; start: number } | null) => {
      focusHit.current = true;
      pendingHit.current = hit;
      setScopeState('record');
      setText(query);
      window.location.hash = recordHash(id, { query, hit });
    },
    [],
  );

  const close = useCallback(() => {
    setScopeState('library');
    setCurrent(null);
    if (route.view === 'reader' && route.query !== null) replaceHash(recordHash(route.recordId));
  }, [route]);

  // Hits belong to the record and query they were found for; anything else is stale.
  const active = finding && find !== null && find.recordId === recordId ? find : null;
  const value = useMemo<SearchState>(
    () => ({
      route,
      text,
      type,
      scope,
      setScope,
      find: active,
      current: active ? current : null,
      step,
      openHit,
      submit,
      close,
      input,
      focusHit,
    }),
    [route, text, type, scope, setScope, active, current, step, openHit, submit, close],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

function parseHashView(): string {
  return /^#\/(\w+)/.exec(window.location.hash)?.[1] ?? '';
}

export function useSearch(): SearchState {
  const state = useContext(Context);
  if (!state) throw new Error('useSearch outside SearchProvider');
  return state;
}
