import type { JSX } from 'react';
import type { ExportRun } from './use-export-job';

/** How far an export has got, with a button to stop it; and how it ended. */
export function ExportProgress({
  run,
  onCancel,
}: {
  run: ExportRun;
  onCancel(): void;
}): JSX.Element | null {
  if (run.phase === 'idle') return null;
  if (run.phase === 'running') {
    const { done, total, stage } = run.status;
    return (
      <div className="export-progress" role="status" aria-live="polite">
        <label>
          <span>
            {stage} — {done} of {total}
          </span>
          <progress max={total} value={done} aria-label="Export progress" />
        </label>
        <button type="button" className="button danger" onClick={onCancel}>
          Cancel export
        </button>
      </div>
    );
  }
  if (run.phase === 'failed') {
    return (
      <p className="form-error" role="alert">
        {run.message}
      </p>
    );
  }
  return (
    <p className="export-outcome" role="status">
      {run.phase === 'cancelled'
        ? 'Export cancelled; nothing was written.'
        : run.savedAs
          ? `Exported: ${run.savedAs}`
          : 'Not saved: the save dialog was closed.'}
    </p>
  );
}
