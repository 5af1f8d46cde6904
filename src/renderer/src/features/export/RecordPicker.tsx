import type { JSX } from 'react';
import type { RecordSummary } from '@shared/model';

export interface RecordPickerProps {
  legend: string;
  records: RecordSummary[] | null;
  chosen: string[];
  onChange(ids: string[]): void;
}

/** A checklist of the library's records, with "all" and "none". */
export function RecordPicker({
  legend,
  records,
  chosen,
  onChange,
}: RecordPickerProps): JSX.Element {
  const set = new Set(chosen);
  return (
    <fieldset className="export-records">
      <legend>{legend}</legend>
      {records === null ? (
        <p className="muted">Loading the library…</p>
      ) : records.length === 0 ? (
        <p className="muted">The library is empty.</p>
      ) : (
        <>
          <div className="export-records-actions">
            <button
              type="button"
              className="link-button"
              onClick={() => onChange(records.map((r) => r.id))}
            >
              Choose all {records.length}
            </button>
            <button type="button" className="link-button" onClick={() => onChange([])}>
              Choose none
            </button>
            <span className="muted" aria-live="polite">
              {chosen.length} chosen
            </span>
          </div>
          <ul className="export-record-list">
            {records.map((record) => (
              <li key={record.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={set.has(record.id)}
                    onChange={(e) =>
                      onChange(
                        e.target.checked
                          ? records
                              .filter((r) => set.has(r.id) || r.id === record.id)
                              .map((r) => r.id)
                          : chosen.filter((id) => id !== record.id),
                      )
                    }
                  />
                  <span className="export-record-title">{record.title}</span>
                  <span className="muted">
                    {record.date ?? 'undated'} · {record.annotationCount} notes
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
