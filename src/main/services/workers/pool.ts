// The one place heavy work on untrusted input runs: a worker thread with a heap limit and a time
// limit, so that a decompression bomb, a pathological file or a hang stops the worker, never the
// app, and the user reads why. Every import (every file kind) and annotation-file reading go
// through `runJob`; it reports progress, can be cancelled, and keeps idle workers warm for the
// next job, so a batch does not pay for a new thread per file.
//
// API (for every importer; one implementation of the idea, so PDF and OCR parsing use it too):
//
//   const output = await runJob('parse-import', input, { signal, onProgress, limits });
//
// - A job kind is declared once in ./protocol.ts (`Jobs`: its input and output, plain data that
//   survives structured clone) and implemented once in ./entry.ts (`run`: `(input, report) =>
//   output | Promise<output>`; call `report({ stage: 'Reading page', done: 3, total: 40 })` as
//   it goes). The worker holds no library connection: it reads and parses, the caller stores.
// - `limits`: `{ maxHeapMb, timeoutMs }`, default DEFAULT_WORKER_LIMITS (512 MB, 60 s). A job
//   past either is stopped (its worker is terminated and replaced) and `runJob` rejects with an
//   ApiError, code 'bad_file', `limit` 'memory' or 'time', and a sentence for the user. With
//   `perStep: true` (SCAN_WORKER_LIMITS: PDFs and scans, read and recognised page by page) the
//   time limit is for each step: it starts again at every progress report, so a long scan runs
//   to its end while one page that hangs is still stopped.
// - `signal` (AbortSignal): aborting stops the worker at once; `runJob` rejects with code
//   'cancelled'. `onProgress` receives the job's `report(...)` calls on the main thread.
// - Refusals thrown inside the job (ApiErrors, e.g. `badFile(...)`, or `tooMuch(limit, ...)` from
//   ../import/errors.ts) come back as the same ApiError; anything else is logged and becomes
//   an 'internal' error with no stack shown.
// - Archives and compressed streams are unpacked through ../import/limits.ts: `checkZipArchive`
//   for ZIP containers, `new UnpackBudget(what, packedBytes).inflate(data, 'raw' | 'zlib')` for
//   deflate streams (PDF FlateDecode), which refuses past IMPORT_LIMITS.maxUnpackedBytes.
// - A job that starts a child process (tesseract) must give it its own `timeout` and kill it on
//   failure: terminating the worker does not end processes it started.
// - Tests build the worker from the sources (tests/unit/support/worker-bundle.ts); the app and
//   CLI load the bundle electron-vite builds as out/main/worker.js.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError } from '@shared/api/errors';
import { APP_ROOT } from '../../paths';
import { tooMuch } from '../import/errors';
import type { JobKind, JobMessage, JobProgress, JobRequest, Jobs } from './protocol';

export interface WorkerLimits {
  /** The worker's heap (V8 old generation), in MB. */
  maxHeapMb: number;
  /** How long one job (or, with `perStep`, one step of it) may run before it is stopped. */
  timeoutMs: number;
  /** The time limit starts again at each progress report the job sends. */
  perStep?: boolean;
}

/** What one job may use: enough for any real record many times over. */
export const DEFAULT_WORKER_LIMITS: WorkerLimits = { maxHeapMb: 512, timeoutMs: 60_000 };

/**
 * PDFs and scans: the same heap, and two minutes for each page (reading its text layer, or
 * rendering and recognising it), however many pages there are (a PDF has at most 2,000).
 */
export const SCAN_WORKER_LIMITS: WorkerLimits = {
  maxHeapMb: 512,
  timeoutMs: 120_000,
  perStep: true,
};

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?(progress: JobProgress): void;
  limits?: Partial<WorkerLimits>;
}

/** Workers kept for the next job; an idle one ends after this long. */
const IDLE_MS = 30_000;
/** Workers running at once; more jobs wait their turn. */
const MAX_WORKERS = 2;

/**
 * The worker's script: the built bundle beside the app's main code, or (for tests that run the
 * sources) the one MARGINALIA_WORKER_SCRIPT names.
 */
export function workerScript(): string {
  return process.env['MARGINALIA_WORKER_SCRIPT'] ?? path.join(APP_ROOT, 'out/main/worker.js');
}

interface Slot {
  worker: Worker;
  heapMb: number;
  busy: boolean;
  idleTimer: NodeJS.Timeout | null;
}

const slots = new Set<Slot>();
const waiting: (() => void)[] = [];
let nextId = 1;

function spawn(heapMb: number): Slot {
  const script = workerScript();
  if (!fs.existsSync(script)) {
    throw new Error(`The parse worker is not built (${script} is missing); run npm run build.`);
  }
  const worker = new Worker(script, {
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(8, heapMb / 8)),
      stackSizeMb: 4,
    },
    // The worker writes nothing to the terminal of its own accord.
    stdout: false,
    stderr: false,
  });
  const slot: Slot = { worker, heapMb, busy: false, idleTimer: null };
  worker.on('exit', () => slots.delete(slot));
  // Failures reach the job that is running (below); an idle worker's error just ends it.
  worker.on('error', () => slots.delete(slot));
  slots.add(slot);
  return slot;
}

function release(slot: Slot): void {
  slot.busy = false;
  if (!slots.has(slot)) {
    waiting.shift()?.();
    return;
  }
  slot.worker.unref();
  slot.idleTimer = setTimeout(() => void slot.worker.terminate(), IDLE_MS);
  slot.idleTimer.unref();
  waiting.shift()?.();
}

/** A free worker with this heap limit: an idle one, a new one, or the next to come free. */
async function acquire(heapMb: number, signal?: AbortSignal): Promise<Slot> {
  for (;;) {
    signal?.throwIfAborted();
    const idle = [...slots].find((s) => !s.busy && s.heapMb === heapMb);
    if (idle) {
      if (idle.idleTimer) clearTimeout(idle.idleTimer);
      idle.idleTimer = null;
      idle.busy = true;
      idle.worker.ref();
      return idle;
    }
    const spare = [...slots].find((s) => !s.busy);
    if (slots.size < MAX_WORKERS || spare) {
      // At the limit, an idle worker of another heap size makes way.
      if (slots.size >= MAX_WORKERS && spare) {
        slots.delete(spare);
        void spare.worker.terminate();
      }
      const slot = spawn(heapMb);
      slot.busy = true;
      return slot;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

const cancelled = (): ApiError =>
  new ApiError('cancelled', 'Cancelled; nothing was saved for this file.');

/**
 * Runs one job in a worker and returns its output. The job's own refusals come back as the
 * ApiErrors it threw; a worker that runs out of memory or time is stopped, and the job fails
 * with a `bad_file` reason saying which limit it hit.
 */
export async function runJob<K extends JobKind>(
  kind: K,
  input: Jobs[K]['input'],
  options: RunOptions = {},
): Promise<Jobs[K]['output']> {
  const limits = { ...DEFAULT_WORKER_LIMITS, ...options.limits };
  const { signal } = options;
  if (signal?.aborted) throw cancelled();
  const slot = await acquire(limits.maxHeapMb, signal).catch((error: unknown) => {
    throw signal?.aborted ? cancelled() : error;
  });
  const id = nextId++;
  const worker = slot.worker;
  return new Promise<Jobs[K]['output']>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void, keepWorker: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (!keepWorker) {
        slots.delete(slot);
        void worker.terminate();
      }
      release(slot);
      outcome();
    };
    const onMessage = (message: JobMessage): void => {
      if (message.id !== id) return;
      if (message.type === 'progress') {
        if (limits.perStep) timer.refresh();
        options.onProgress?.(message.progress);
      } else if (message.type === 'done') {
        finish(() => resolve(message.output as Jobs[K]['output']), true);
      } else finish(() => reject(ApiError.from(message.error)), true);
    };
    const onError = (error: Error & { code?: string }): void => {
      const failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? tooMuch(
              'memory',
              `Reading this file needed more memory than Marginalia allows one file (${limits.maxHeapMb} MB), so it was stopped; nothing was saved. A file that unpacks to far more than its size (a “decompression bomb”) does this.`,
            )
          : new ApiError(
              'bad_file',
              'The reader stopped unexpectedly on this file; nothing was saved.',
            );
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') {
        console.error('A parse worker failed:', error);
      }
      finish(() => reject(failure), false);
    };
    const onExit = (): void =>
      finish(
        () =>
          reject(new ApiError('bad_file', 'The reader stopped on this file; nothing was saved.')),
        false,
      );
    const onAbort = (): void => finish(() => reject(cancelled()), false);
    const timer = setTimeout(
      () =>
        finish(
          () =>
            reject(
              tooMuch(
                'time',
                limits.perStep
                  ? `One page of this file took longer than ${Math.round(limits.timeoutMs / 1000)} s to read, so Marginalia stopped it; nothing was saved. Is the page far larger or more complex than an archival page?`
                  : `Reading this file took longer than ${Math.round(limits.timeoutMs / 1000)} s, so Marginalia stopped it; nothing was saved. Is it far larger or more complex than an archival record?`,
              ),
            ),
          false,
        ),
      limits.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    signal?.addEventListener('abort', onAbort, { once: true });
    const request: JobRequest<K> = { id, kind, input };
    worker.postMessage(request);
  });
}

/** Stops every worker (a door shutting down, or a test's end). */
export async function stopWorkers(): Promise<void> {
  const all = [...slots];
  slots.clear();
  await Promise.all(all.map((s) => s.worker.terminate()));
}
