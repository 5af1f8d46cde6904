// App-wide state shared by the library, the reader and the panels: the undo history, a change
// counter that tells views to reload after any write, and user-facing notices.
import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type JSX,
  type ReactNode,
} from 'react';
import { UndoStack, type UndoEntry } from './features/undo/undo-stack';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** Extra lines, e.g. one per file that failed to import. */
  details?: string[];
  action?: { label: string; run(): void };
}

/**
 * What a change touched. Notes (annotations, tags, replies, glossary, people and places) leave
 * the record's text and alignment as they are, so the reader need not reload them: that keeps
 * a highlight on a long record instant.
 */
export type ChangeScope = 'notes' | 'all';

interface AppState {
  undo: UndoStack;
  /** Increases after every change to the library; views reload when it moves. */
  revision: number;
  /** Increases after changes that may alter records' text or alignment (not notes alone). */
  textRevision: number;
  changed(scope?: ChangeScope): void;
  /**
   * Records an action that already happened so that Ctrl+Z can take it back; answers the entry
   * as the history holds it (for an "Undo" offered on the spot, see UndoStack.undoIfLatest).
   */
  done(entry: UndoEntry, scope?: ChangeScope): UndoEntry;
  notices: Notice[];
  notify(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

const Context = createContext<AppState | null>(null);

export function AppStateProvider({ children }: { children: ReactNode }): JSX.Element {
  const [undo] = useState(() => new UndoStack());
  const [revision, setRevision] = useState(0);
  const [textRevision, setTextRevision] = useState(0);
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  // A transition: what the change shows at once (a new mark, published by its action) paints
  // first; the views that reload after any change follow in a render of their own.
  const changed = useCallback((scope: ChangeScope = 'all') => {
    startTransition(() => {
      setRevision((r) => r + 1);
      if (scope === 'all') setTextRevision((r) => r + 1);
    });
  }, []);
  const notify = useCallback((notice: Omit<Notice, 'id'>) => {
    const id = nextId.current++;
    // One notice at a time of each kind: a new message replaces the previous one.
    setNotices((list) => [...list.filter((n) => n.kind !== notice.kind), { ...notice, id }]);
    // News fades after a while; errors and offers to undo stay until dismissed or replaced.
    if (notice.kind === 'info' && !notice.action) {
      window.setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 8000);
    }
  }, []);
  const dismiss = useCallback(
    (id: number) => setNotices((list) => list.filter((n) => n.id !== id)),
    [],
  );

  const value = useMemo<AppState>(() => {
    const wrap = (entry: UndoEntry, scope: ChangeScope): UndoEntry => ({
      label: entry.label,
      undo: async () => {
        await entry.undo();
        changed(scope);
      },
      redo: async () => {
        await entry.redo();
        changed(scope);
      },
    });
    return {
      undo,
      revision,
      textRevision,
      changed,
      done: (entry, scope = 'all') => {
        const held = wrap(entry, scope);
        undo.push(held);
        changed(scope);
        return held;
      },
      notices,
      notify,
      dismiss,
    };
  }, [undo, revision, textRevision, changed, notices, notify, dismiss]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAppState(): AppState {
  const state = useContext(Context);
  if (!state) throw new Error('useAppState outside AppStateProvider');
  return state;
}
