// Runs an export as a job: starts it, follows its progress, lets the user cancel it, and hands
// the file over when it is done. Polling keeps to the request/response API every door shares.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportJobStatus, MethodInput } from '@shared/api/contract';
import { api, errorMessage } from '../../api/client';
import { deliverJobFile } from './files';

const POLL_MS = 200;

export type ExportRun =
  | { phase: 'idle' }
  | { phase: 'running'; status: ExportJobStatus }
  | { phase: 'done'; savedAs: string | null }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export function useExportJob(): {
  run: ExportRun;
  start(request: MethodInput<'export.start'>): Promise<void>;
  cancel(): void;
  reset(): void;
} {
  const [run, setRun] = useState<ExportRun>({ phase: 'idle' });
  const jobId = useRef<string | null>(null);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      // Leaving the dialog mid-export stops the work it started.
      if (jobId.current) void api.call('export.cancel', { jobId: jobId.current }).catch(() => {});
    };
  }, []);

  const start = useCallback(async (request: MethodInput<'export.start'>) => {
    try {
      let status = await api.call('export.start', request);
      jobId.current = status.id;
      while (status.state === 'running') {
        if (live.current) setRun({ phase: 'running', status });
        await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
        status = await api.call('export.status', { jobId: status.id });
      }
      if (!live.current) return;
      if (status.state === 'done' && status.file) {
        const savedAs = await deliverJobFile(status.id, status.file);
        jobId.current = null;
        setRun({ phase: 'done', savedAs });
      } else if (status.state === 'cancelled') {
        jobId.current = null;
        setRun({ phase: 'cancelled' });
      } else {
        jobId.current = null;
        setRun({ phase: 'failed', message: status.error?.message ?? 'The export failed.' });
      }
    } catch (error) {
      jobId.current = null;
      if (live.current) setRun({ phase: 'failed', message: errorMessage(error) });
    }
  }, []);

  const cancel = useCallback(() => {
    if (jobId.current) void api.call('export.cancel', { jobId: jobId.current }).catch(() => {});
  }, []);

  const reset = useCallback(() => setRun({ phase: 'idle' }), []);
  return { run, start, cancel, reset };
}
