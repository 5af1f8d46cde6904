/** One user action that can be taken back and done again. */
export interface UndoEntry {
  /** Says what will be undone, e.g. "Delete annotation". */
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/**
 * The app-wide undo history. Undo and redo run one at a time, in order, so quick repeated
 * Ctrl+Z presses never interleave their API calls.
 */
export class UndoStack {
  private past: UndoEntry[] = [];
  private future: UndoEntry[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private listeners = new Set<() => void>();

  constructor(private readonly limit = 200) {}

  push(entry: UndoEntry): void {
    this.past.push(entry);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.emit();
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  get nextUndoLabel(): string | null {
    return this.past.at(-1)?.label ?? null;
  }

  get nextRedoLabel(): string | null {
    return this.future.at(-1)?.label ?? null;
  }

  /** Undoes the latest action; resolves with its label, or null when there was nothing to undo. */
  undo(): Promise<string | null> {
    return this.enqueue(() => this.undoLatest(null));
  }

  /**
   * Undoes `entry` if it is still the latest action (an "Undo" offered on the spot must never
   * take back something done after it); resolves with its label, or null when it is not.
   */
  undoIfLatest(entry: UndoEntry): Promise<string | null> {
    return this.enqueue(() => this.undoLatest(entry));
  }

  redo(): Promise<string | null> {
    return this.enqueue(async () => {
      const entry = this.future.pop();
      if (!entry) return null;
      try {
        await entry.redo();
      } catch (error) {
        this.future.push(entry);
        throw error;
      }
      this.past.push(entry);
      return entry.label;
    });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async undoLatest(expected: UndoEntry | null): Promise<string | null> {
    const entry = this.past.at(-1);
    if (!entry || (expected !== null && entry !== expected)) return null;
    this.past.pop();
    try {
      await entry.undo();
    } catch (error) {
      this.past.push(entry);
      throw error;
    }
    this.future.push(entry);
    return entry.label;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run.finally(() => this.emit());
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
