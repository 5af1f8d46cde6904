// The library as a long-lived door holds it (the desktop shell and `serve`): open, or refused as
// damaged. A damaged library still answers `app.info` (with the problem) and the backups
// methods, so the app can show what happened and put a backup back; restoring closes the
// library, replaces its file and opens it again, and everything that used the old connection is
// told of the new one. After opening, the whole file is checked in the background; damage found
// then turns the door to the same damaged state.
import type { BackupSummary, MethodName, RestoredBackup } from '@shared/api/contract';
import { ApiError, type ApiResult } from '@shared/api/errors';
import {
  backupsOf,
  checkLibraryIntegrity,
  damagedLibraryMessage,
  libraryFileOf,
  restoreLibrary,
  type BackupInfo,
} from '../services/library/backups';
import type { AppContext } from '../services/context';
import { openWorkbench, type OpenWorkbench, type WorkbenchOptions } from '../services/workbench';
import { isDoorMethod } from './handlers';
import { checkCall, dispatch, outcomeOf } from './router';

const summary = ({ name, kind, createdAt, bytes }: BackupInfo): BackupSummary => ({
  name,
  kind,
  createdAt,
  bytes,
});

export interface DoorOptions {
  /** Check the whole file in the background after each opening (on by default). */
  backgroundCheck?: boolean;
  /**
   * How long after opening the check starts: not while the app starts up and the first page
   * paints (15 s by default).
   */
  backgroundCheckDelayMs?: number;
}

export class LibraryDoor {
  private workbench: OpenWorkbench | null = null;
  private problem: string | null = null;
  /** Calls under way, so a restore waits for them before it closes the library. */
  private readonly running = new Set<Promise<unknown>>();
  /** Set while a restore runs: calls that arrive meanwhile wait for the library it opens. */
  private restoring: Promise<unknown> | null = null;
  private readonly listeners = new Set<(ctx: AppContext | null) => void>();
  private closed = false;
  /** The background check under way, if any (tests wait for it). */
  checking: Promise<void> = Promise.resolve();
  private checkTimer: NodeJS.Timeout | null = null;
  private cancelCheck: () => void = () => {};

  private constructor(
    private readonly options: WorkbenchOptions,
    private readonly doorOptions: DoorOptions,
  ) {}

  /**
   * Opens the library in `options.dataDir`. A damaged one gives a door in the damaged state; a
   * file that is not a library at all (another program's, a folder that is a file) is refused.
   */
  static async open(
    options: WorkbenchOptions,
    doorOptions: DoorOptions = {},
  ): Promise<LibraryDoor> {
    const door = new LibraryDoor(options, doorOptions);
    await door.openLibrary();
    return door;
  }

  /** The open library's context, or null while it is damaged. */
  context(): AppContext | null {
    return this.workbench?.ctx ?? null;
  }

  /** Why the library is not open, or null. */
  libraryProblem(): string | null {
    return this.problem;
  }

  /**
   * Calls `listener` with null just before the library closes (for a restore, or damage found),
   * and with the new context each time it is opened again.
   */
  onChange(listener: (ctx: AppContext | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One call from the page, as the router answers it, or the door's own methods. */
  async dispatch(method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    while (this.restoring) await this.restoring.catch(() => {});
    const call = checkCall(method, input);
    if (!call.ok) return call;
    const work = this.answer(call.method, call.input);
    this.running.add(work);
    try {
      return await work;
    } finally {
      this.running.delete(work);
    }
  }

  private answer(method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
    if (isDoorMethod(method)) return outcomeOf(method, () => this.backups(method, input));
    const ctx = this.context();
    if (ctx) return dispatch(ctx, method, input);
    if (method === 'app.info') {
      return Promise.resolve({
        ok: true,
        value: {
          version: this.options.version,
          libraryPath: libraryFileOf(this.options.dataDir),
          nativeDialogs: this.options.host.nativeDialogs,
          libraryProblem: this.problem,
        },
      });
    }
    return Promise.resolve({
      ok: false,
      error: { code: 'library_damaged', message: this.problem ?? 'The library is not open.' },
    });
  }

  private async backups(method: MethodName, input: unknown): Promise<unknown> {
    switch (method) {
      case 'backups.list':
        return backupsOf(this.options.dataDir).map(summary);
      case 'backups.create': {
        if (!this.workbench) {
          throw new ApiError(
            'library_damaged',
            'A damaged library cannot be backed up; restore one of its backups instead.',
          );
        }
        return summary(await this.workbench.backUp());
      }
      case 'backups.restore':
        return this.restore((input as { name: string }).name);
      default:
        throw new ApiError('unknown_method', `There is no API method “${method}”.`);
    }
  }

  /** Puts the backup `name` back, once every call under way has finished. */
  private async restore(name: string): Promise<RestoredBackup> {
    const done = (async (): Promise<RestoredBackup> => {
      // This call is not yet among those running (it is added once this returns).
      await Promise.allSettled([...this.running]);
      this.shut();
      let outcome: RestoredBackup;
      try {
        const { restored, keptAs } = restoreLibrary(this.options.dataDir, name, Date.now());
        outcome = { restored: summary(restored), keptAs: keptAs ? summary(keptAs) : null };
      } finally {
        // Whatever happened, the library (restored, or as it was) is opened again.
        await this.openLibrary();
      }
      if (this.problem) throw new ApiError('library_damaged', this.problem);
      return outcome;
    })();
    this.restoring = done;
    try {
      return await done;
    } finally {
      this.restoring = null;
    }
  }

  private async openLibrary(): Promise<void> {
    try {
      this.workbench = await openWorkbench(this.options);
      this.problem = null;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'library_damaged') {
        this.workbench = null;
        this.problem = error.message;
        return;
      }
      throw error;
    }
    const ctx = this.workbench.ctx;
    for (const listener of this.listeners) listener(ctx);
    if (this.doorOptions.backgroundCheck !== false) {
      const delay = this.doorOptions.backgroundCheckDelayMs ?? 15_000;
      this.checking = new Promise<void>((resolve) => {
        this.checkTimer = setTimeout(() => void this.checkInBackground(ctx).then(resolve), delay);
        this.checkTimer.unref();
        this.cancelCheck = resolve;
      });
    }
  }

  /** The full integrity check of the file just opened; damage closes it as damaged. */
  private async checkInBackground(ctx: AppContext): Promise<void> {
    const report = await checkLibraryIntegrity(ctx.libraryPath).catch((error: unknown) => {
      console.error('Marginalia could not check the library in the background:', error);
      return null;
    });
    if (!report || report.ok || this.closed || this.workbench?.ctx !== ctx) return;
    this.shut();
    this.problem = damagedLibraryMessage(this.options.dataDir, report.problems[0]!);
  }

  /** Closes the library, telling whoever holds its context first. */
  private shut(): void {
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.cancelCheck();
    if (!this.workbench) return;
    for (const listener of this.listeners) listener(null);
    this.workbench.close();
    this.workbench = null;
  }

  close(): void {
    this.closed = true;
    this.shut();
  }
}
