import type { JSX } from 'react';
import type { ImportOutcome } from '@shared/api/contract';
import type { BatchState } from './use-import-batch';

type Written = Extract<ImportOutcome, { status: 'imported' | 'replaced' }>;
type Skipped = Extract<ImportOutcome, { status: 'skipped' }>;
type Failed = Extract<ImportOutcome, { status: 'failed' }>;

export interface ImportProgressProps {
  batch: BatchState;
  onCancel(): void;
  onClose(): void;
  onOpen(id: string): void;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function counts(outcomes: ImportOutcome[]) {
  const of = <S extends ImportOutcome['status']>(status: S) =>
    outcomes.filter((o): o is Extract<ImportOutcome, { status: S }> => o.status === status);
  return {
    imported: of('imported') as Written[],
    replaced: of('replaced') as Written[],
    skipped: of('skipped') as Skipped[],
    failed: of('failed') as Failed[],
  };
}

/**
 * The progress of a batch import — a bar with counts, the item in hand and a Cancel button —
 * and, once it ends, the report: what was imported, replaced, skipped as a duplicate, what
 * failed and why, and what a cancel left out.
 */
export function ImportProgress({
  batch,
  onCancel,
  onClose,
  onOpen,
}: ImportProgressProps): JSX.Element {
  const { imported, replaced, skipped, failed } = counts(batch.outcomes);
  const cancelled = !batch.running && batch.notImported.length > 0;
  const title = batch.running
    ? `Importing ${plural(batch.total, 'item')}…`
    : cancelled
      ? 'Import cancelled'
      : 'Import finished';
  const tally = [
    `${batch.done} of ${batch.total} done`,
    `${imported.length} imported`,
    replaced.length > 0 && `${replaced.length} replaced`,
    `${skipped.length} skipped`,
    `${failed.length} failed`,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <section className="import-panel" aria-labelledby="import-panel-title">
      <div className="import-panel-head">
        <h2 id="import-panel-title" className="import-panel-title">
          {title}
        </h2>
        {!batch.running && (
          <button type="button" className="button" onClick={onClose}>
            Close report
          </button>
        )}
      </div>
      <progress
        className="import-progress"
        max={batch.total}
        value={batch.done}
        aria-label="Import progress"
        aria-valuetext={`${batch.done} of ${batch.total}`}
      />
      <p className="import-tally">{tally}</p>
      {batch.running && (
        <div className="import-now">
          <p className="import-current">
            {batch.cancelling ? 'Stopping after ' : 'Now: '}
            <span className="import-file">{batch.current ?? '…'}</span>
          </p>
          <button type="button" className="button" onClick={onCancel} disabled={batch.cancelling}>
            {batch.cancelling ? 'Cancelling…' : 'Cancel import'}
          </button>
        </div>
      )}
      {!batch.running && (
        <div className="import-report">
          <ReportList title="Imported" items={[...imported, ...replaced]}>
            {(o) => (
              <>
                <button type="button" className="link-button" onClick={() => onOpen(o.record.id)}>
                  {o.record.title}
                </button>
                <span className="import-file"> — {o.file}</span>
                {o.status === 'replaced' && (
                  <span className="muted">
                    {' '}
                    (replaced the record already there; notes re-attached:{' '}
                    {o.annotations.reanchored}
                    {o.annotations.orphaned > 0 && `, orphaned: ${o.annotations.orphaned}`})
                  </span>
                )}
                {o.status === 'imported' && o.duplicateOf && (
                  <span className="muted"> (a second copy, as asked)</span>
                )}
              </>
            )}
          </ReportList>
          <ReportList title="Skipped as duplicates" items={skipped}>
            {(o) => (
              <>
                <span className="import-file">{o.file}</span>: {o.reason}{' '}
                <button type="button" className="link-button" onClick={() => onOpen(o.existingId)}>
                  Open the record in the library
                </button>
              </>
            )}
          </ReportList>
          <ReportList title="Failed" items={failed}>
            {(o) => (
              <>
                <span className="import-file">{o.file}</span>: {o.reason}
              </>
            )}
          </ReportList>
          <ReportList title="Not imported (cancelled)" items={batch.notImported}>
            {(name) => <span className="import-file">{name}</span>}
          </ReportList>
        </div>
      )}
    </section>
  );
}

function ReportList<T>({
  title,
  items,
  children,
}: {
  title: string;
  items: T[];
  children(item: T): JSX.Element;
}): JSX.Element | null {
  if (items.length === 0) return null;
  return (
    <section className="import-report-section" aria-label={`${title} (${items.length})`}>
      <h3 className="import-report-title">
        {title} ({items.length})
      </h3>
      <ul className="import-report-list">
        {items.map((item, i) => (
          <li key={i}>{children(item)}</li>
        ))}
      </ul>
    </section>
  );
}
