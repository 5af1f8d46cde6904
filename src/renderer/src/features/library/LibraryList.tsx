import type { JSX } from 'react';
import type { RecordSummary } from '@shared/model';
import { formatDate } from '@shared/citation';

export interface LibraryListProps {
  records: RecordSummary[] | null;
  selectedId: string | null;
  onOpen(id: string): void;
}

/** The library: every record as a button named by its title. */
export function LibraryList({ records, selectedId, onOpen }: LibraryListProps): JSX.Element {
  return (
    <nav className="library" aria-label="Library">
      <h2 className="library-heading">Library</h2>
      {records === null ? (
        <p className="muted">Loading…</p>
      ) : records.length === 0 ? (
        <p className="muted">No records yet. Use Import to add an archive record.</p>
      ) : (
        <ul className="library-list">
          {records.map((record) => (
            <li key={record.id}>
              <button
                type="button"
                className="library-item"
                aria-current={record.id === selectedId ? 'page' : undefined}
                onClick={() => onOpen(record.id)}
              >
                <span className="library-title">{record.title}</span>
                <span className="library-meta" aria-hidden="true">
                  {[formatDate(record.date), `${record.originalLang} ↔ ${record.translationLang}`]
                    .filter(Boolean)
                    .join(' · ')}
                  {record.annotationCount > 0 && ` · ${record.annotationCount} ✎`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
