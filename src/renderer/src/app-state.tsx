// App-wide state shared by the library, the reader and the panels: the undo history, a change
// counter that tells views to reload after any write, and user-facing notices.
import {
  createContext,
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

interface AppState {
  undo: UndoStack;
  /** Increases after every change to the library; views reload when it moves. */
  revision: number;
  changed(): void;
  /** Records an action that already happened so that Ctrl+Z can take it back. */
  done(entry: UndoEntry): void;
  notices: Notice[];
  notify(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

const Context = createContext<AppState | null>(null);

export function AppStateProvider({ children }: { children: ReactNode }): JSX.Element {
  const [undo] = useState(() => new UndoStack());
  const [revision, setRevision] = useState(0);
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const changed = useCallback(() => setRevision((r) => r + 1), []);
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
    const wrap = (entry: UndoEntry): UndoEntry => ({
      label: entry.label,
      undo: async () => {
        await entry.undo();
        changed();
      },
      redo: async () => {
        await entry.redo();
        changed();
      },
    });
    return {
      undo,
      revision,
      changed,
      done: (entry) => {
        undo.push(wrap(entry));
        changed();
      },
      notices,
      notify,
      dismiss,
    };
  }, [undo, revision, changed, notices, notify, dismiss]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAppState(): AppState {
  const state = useContext(Context);
  if (!state) throw new Error('useAppState outside AppStateProvider');
  return state;
}
