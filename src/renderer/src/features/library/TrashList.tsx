import { useEffect, useState, type JSX } from 'react';
import type { TrashedRecord } from '@shared/api/methods/library';
import { formatDate } from '@shared/citation';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';
import type { LibraryActions } from './use-library-actions';

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** Records in the trash: restore them (with every note), or delete them for good. */
export function TrashList({ actions }: { actions: LibraryActions }): JSX.Element {
  const { revision } = useAppState();
  const [records, setRecords] = useState<TrashedRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .call('library.trash', {})
      .then((list) => live && setRecords(list))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [revision]);

  useEffect(() => {
    if (!confirming) return;
    const timer = window.setTimeout(() => setConfirming(null), 5000);
    return () => window.clearTimeout(timer);
  }, [confirming]);

  if (error) return <p className="form-error">{error}</p>;
  if (!records) return <p className="muted">Loading…</p>;
  if (records.length === 0) {
    return (
      <p className="muted catalogue-empty">
        The trash is empty. Deleted records wait here for 30 days.
      </p>
    );
  }
  return (
    <>
      <p className="muted">
        Deleted records wait here, with their notes, for 30 days; then they are deleted for good.
      </p>
      <ul className="trash-list">
        {records.map((r) => (
          <li key={r.id} className="trash-item">
            <span className="trash-title">{r.title}</span>
            <span className="trash-meta">
              {[
                formatDate(r.date),
                `deleted ${day.format(r.deletedAt)}`,
                `kept until ${day.format(r.purgeAt)}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <span className="trash-actions">
              <button
                type="button"
                className="button"
                aria-label={`Restore “${r.title}”`}
                onClick={() => void actions.restore([r.id])}
              >
                Restore
              </button>
              <button
                type="button"
                className="button danger"
                aria-label={
                  confirming === r.id
                    ? `Confirm: delete “${r.title}” for good`
                    : `Delete “${r.title}” for good`
                }
                onClick={() => {
                  if (confirming === r.id) {
                    setConfirming(null);
                    void actions.purge([r.id]);
                  } else setConfirming(r.id);
                }}
              >
                {confirming === r.id ? 'Click again to delete for good' : 'Delete for good'}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
