// Long exports (many records, PDFs) run as jobs: the caller starts one, asks how far it has got,
// may cancel it, and collects the file when it is done. The API stays request/response, so the
// same jobs serve Electron IPC, the browser bridge and the CLI.
import { randomUUID } from 'node:crypto';
import type { ExportJobStatus } from '@shared/api/contract';
import { ApiError, type ApiErrorData } from '@shared/api/errors';
import type { AppContext } from '../context';
import { exportRecords, type ExportRequest } from './run';

interface Job {
  status: ExportJobStatus;
  controller: AbortController;
}

/** Finished jobs are kept this long for their caller to collect the file. */
const KEEP_FINISHED_MS = 10 * 60_000;
const MAX_RUNNING = 4;

const jobsByContext = new WeakMap<AppContext, Map<string, Job>>();

function jobsOf(ctx: AppContext): Map<string, Job> {
  let jobs = jobsByContext.get(ctx);
  if (!jobs) {
    jobs = new Map();
    jobsByContext.set(ctx, jobs);
  }
  return jobs;
}

function errorData(error: unknown): ApiErrorData {
  if (error instanceof ApiError) return error.toJSON();
  console.error('Export failed:', error);
  return {
    code: 'internal',
    message:
      'Marginalia hit an internal error while exporting; nothing was written. Details are in the log.',
  };
}

export function startExportJob(ctx: AppContext, request: ExportRequest): ExportJobStatus {
  const jobs = jobsOf(ctx);
  const running = [...jobs.values()].filter((j) => j.status.state === 'running').length;
  if (running >= MAX_RUNNING) {
    throw new ApiError(
      'unsupported',
      `${running} exports are already running; wait for one to finish.`,
    );
  }
  const id = randomUUID();
  const job: Job = {
    controller: new AbortController(),
    status: { id, state: 'running', done: 0, total: 1, stage: 'Starting', file: null, error: null },
  };
  jobs.set(id, job);
  const finish = (patch: Partial<ExportJobStatus>): void => {
    Object.assign(job.status, patch);
    setTimeout(() => jobs.delete(id), KEEP_FINISHED_MS).unref();
  };
  exportRecords(ctx, request, {
    signal: job.controller.signal,
    onProgress: (p) => Object.assign(job.status, p),
  })
    .then((file) => finish({ state: 'done', file, done: job.status.total }))
    .catch((error: unknown) =>
      finish(
        job.controller.signal.aborted || (error instanceof ApiError && error.code === 'cancelled')
          ? { state: 'cancelled', error: null, stage: 'Cancelled' }
          : { state: 'failed', error: errorData(error), stage: 'Failed' },
      ),
    );
  return { ...job.status };
}

function requireJob(ctx: AppContext, id: string): Job {
  const job = jobsOf(ctx).get(id);
  if (!job) throw new ApiError('not_found', 'This export is no longer known; start it again.');
  return job;
}

export function exportJobStatus(ctx: AppContext, id: string): ExportJobStatus {
  return { ...requireJob(ctx, id).status };
}

/** Cancels a running job; true when it was still running. */
export function cancelExportJob(ctx: AppContext, id: string): boolean {
  const job = requireJob(ctx, id);
  if (job.status.state !== 'running') return false;
  job.controller.abort();
  job.status.stage = 'Cancelling';
  return true;
}
