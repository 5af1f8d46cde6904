// Keeps one draft in the library as it is typed. Saves go one at a time, in order, and only the
// latest words are sent when several changes came during one save; the note's own save (or the
// draft's discarding) waits for a save on its way, so a late draft never outlives its note.
import type { Draft, DraftTarget } from '@shared/model';
import { api, sendWhileLeaving } from '../../api/client';

/** What the user has written so far. */
export interface DraftContent {
  json: string | null;
  categoryId: string | null;
  tags: string[];
  noteType: Draft['noteType'];
}

export interface DraftIdentity {
  id: string;
  recordId: string;
  kind: Draft['kind'];
  target: DraftTarget;
}

/** True when there is nothing worth keeping: no words, no tags. */
export function isBlank(content: DraftContent): boolean {
  return content.json === null && content.tags.length === 0;
}

/** How a saver reaches the library: the API client, or a recording stand-in in unit tests. */
export interface DraftTransport {
  save(input: DraftSaveInput): Promise<unknown>;
  discard(id: string): Promise<unknown>;
  /** Sends without waiting, while the page goes away. */
  sendLeaving(input: DraftSaveInput): void;
}

export type DraftSaveInput = DraftIdentity & DraftContent & { revision: number };

const API_TRANSPORT: DraftTransport = {
  save: (input) => api.call('drafts.save', input),
  discard: (id) => api.call('drafts.discard', { id }),
  sendLeaving: (input) => sendWhileLeaving('drafts.save', input),
};

export class DraftSaver {
  private pending: DraftContent | null = null;
  private queue: Promise<void> = Promise.resolve();
  private pumping = false;
  /** Whether the library may hold this draft (a save was sent and not undone by a discard). */
  private stored = false;
  private finished = false;
  private revision: number;

  constructor(
    readonly identity: DraftIdentity,
    /** The revision of the draft this one was restored from (0 for a new one). */
    revision = 0,
    private readonly transport: DraftTransport = API_TRANSPORT,
  ) {
    this.revision = revision;
    this.stored = revision > 0;
  }

  get id(): string {
    return this.identity.id;
  }

  /** The latest revision sent (or restored), for a copy of the draft kept in the page. */
  get revisionNow(): number {
    return this.revision;
  }

  /** The words changed: keep them (a blank draft is removed instead). */
  update(content: DraftContent): void {
    if (this.finished) return;
    this.pending = content;
    if (!this.pumping) {
      this.pumping = true;
      this.queue = this.queue.then(() => this.pump());
    }
  }

  /** The page is going away: send the words not yet on their way, without waiting. */
  flushOnLeave(): void {
    const content = this.pending;
    if (this.finished || !content) return;
    this.pending = null;
    if (isBlank(content)) return;
    this.transport.sendLeaving(this.input(content));
  }

  /**
   * Ends the draft with `commit` (saving its note): a save on its way completes first, words not
   * yet sent are dropped (the note holds them), and nothing is saved for this draft afterwards.
   */
  finish<T>(commit: () => Promise<T>): Promise<T> {
    this.pending = null;
    const done = this.queue.then(commit);
    // A failed commit leaves the draft open: the user may try again or go on writing.
    done.then(
      () => (this.finished = true),
      () => undefined,
    );
    this.queue = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  /** Throws the draft away: it is removed from the library once any save on its way is done. */
  discard(): Promise<void> {
    this.finished = true;
    this.pending = null;
    const run = this.queue.then(async () => {
      if (!this.stored) return;
      this.stored = false;
      await this.transport.discard(this.identity.id);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async pump(): Promise<void> {
    try {
      while (this.pending && !this.finished) {
        const content = this.pending;
        this.pending = null;
        if (isBlank(content)) {
          if (this.stored) {
            this.stored = false;
            await this.transport.discard(this.identity.id);
          }
        } else {
          this.stored = true;
          await this.transport.save(this.input(content));
        }
      }
    } catch {
      // The draft could not be kept this time; the next change tries again. The note itself is
      // still in the editor, and its save reports its own errors.
    } finally {
      this.pumping = false;
    }
  }

  private input(content: DraftContent): DraftSaveInput {
    this.revision = Math.max(Date.now(), this.revision + 1);
    return { ...this.identity, ...content, revision: this.revision };
  }
}
