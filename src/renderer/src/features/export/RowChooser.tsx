import { useEffect, useState, type JSX } from 'react';
import type { RecordDocument } from '@shared/model';
import { api, errorMessage } from '../../api/client';

function preview(record: RecordDocument, row: number): string {
  const group = record.alignment[row]!;
  const text = (side: 'original' | 'translation') =>
    group[side].map((i) => record[side].passages[i]?.text ?? '').join(' ');
  const line = text('original') || text('translation');
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

export interface RowChooserProps {
  recordId: string;
  title: string;
  /** Chosen row indexes; null is every row. */
  rows: number[] | null;
  onChange(rows: number[] | null): void;
}

/** The aligned rows of one record, each with a checkbox and the start of its text. */
export function RowChooser({ recordId, title, rows, onChange }: RowChooserProps): JSX.Element {
  const [record, setRecord] = useState<RecordDocument | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .call('records.get', { id: recordId })
      .then((r) => live && setRecord(r))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [recordId]);

  const count = record?.alignment.length ?? 0;
  const chosen = new Set(rows ?? Array.from({ length: count }, (_, i) => i));
  const toggle = (row: number, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(row);
    else next.delete(row);
    onChange(next.size === count ? null : [...next].sort((a, b) => a - b));
  };

  return (
    <details className="row-chooser">
      <summary>
        Rows of <span className="row-chooser-title">{title}</span>:{' '}
        {rows === null ? 'all' : `${rows.length} of ${count || '…'}`}
      </summary>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {record && (
        <>
          <div className="export-records-actions">
            <button type="button" className="link-button" onClick={() => onChange(null)}>
              All rows
            </button>
            <button type="button" className="link-button" onClick={() => onChange([])}>
              No rows
            </button>
          </div>
          <ol className="row-list" aria-label={`Rows of ${title}`}>
            {record.alignment.map((_, row) => (
              <li key={row}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(row)}
                    onChange={(e) => toggle(row, e.target.checked)}
                  />
                  <span className="row-number">{row + 1}</span>
                  <span className="row-text">{preview(record, row)}</span>
                </label>
              </li>
            ))}
          </ol>
        </>
      )}
    </details>
  );
}
