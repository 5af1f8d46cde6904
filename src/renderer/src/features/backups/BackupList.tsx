// The library's backups as a person chooses among them: when each was made, why, how large, and
// a Restore button that asks once more before it replaces the library. Used by the Backups
// dialog and by the screen a damaged library opens on.
import { useEffect, useState, type JSX } from 'react';
import type { BackupKind, BackupSummary, RestoredBackup } from '@shared/api/contract';
import { api, errorMessage } from '../../api/client';
import '../../styles/library.css';

const when = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const KIND: Record<BackupKind, string> = {
  rolling: 'automatic',
  daily: 'the day’s copy',
  weekly: 'the week’s copy',
  manual: 'made by hand',
  'before-restore': 'the library before a restore',
};

export function backupSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const backupTime = (backup: BackupSummary): string => when.format(backup.createdAt);

/** Said after the page reloads on the restored library (the notice would not survive it). */
const RESTORED_KEY = 'marginalia:restored';

/** The sentence a restore leaves for the reloaded page, taken once. */
export function takeRestoredNotice(): string | null {
  const text = window.sessionStorage.getItem(RESTORED_KEY);
  window.sessionStorage.removeItem(RESTORED_KEY);
  return text;
}

function restoredNotice({ restored, keptAs }: RestoredBackup): string {
  return (
    `The library was restored from the backup of ${backupTime(restored)}.` +
    (keptAs ? ' The library as it was is kept as a backup of its own.' : '')
  );
}

/** The backups, newest first, each with a Restore button; a restore reloads the app on it. */
export function BackupList({ revision = 0 }: { revision?: number }): JSX.Element {
  const [backups, setBackups] = useState<BackupSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .call('backups.list', {})
      .then((list) => live && setBackups(list))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [revision]);

  const restore = async (backup: BackupSummary): Promise<void> => {
    setConfirming(null);
    setRestoring(backup.name);
    setError(null);
    try {
      const outcome = await api.call('backups.restore', { name: backup.name });
      window.sessionStorage.setItem(RESTORED_KEY, restoredNotice(outcome));
      window.location.reload();
    } catch (e) {
      setRestoring(null);
      setError(`The backup was not restored: ${errorMessage(e)}`);
    }
  };

  if (!backups) return error ? <p className="form-error">{error}</p> : <p>Loading…</p>;
  if (backups.length === 0) {
    return <p className="muted">There are no backups of this library yet.</p>;
  }
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="backup-list" aria-label="Backups, newest first">
        {backups.map((b) => {
          const time = backupTime(b);
          const asking = confirming === b.name;
          return (
            <li key={b.name} className="backup-item">
              <span className="backup-time">{time}</span>
              <span className="backup-meta">
                {KIND[b.kind]} · {backupSize(b.bytes)}
              </span>
              <span className="backup-actions">
                {asking && (
                  <button type="button" className="button" onClick={() => setConfirming(null)}>
                    Keep the library
                  </button>
                )}
                <button
                  type="button"
                  className={asking ? 'button danger' : 'button'}
                  disabled={restoring !== null}
                  aria-label={
                    asking
                      ? `Confirm: replace the library with the backup of ${time}`
                      : `Restore the backup of ${time}`
                  }
                  onClick={() => (asking ? void restore(b) : setConfirming(b.name))}
                >
                  {restoring === b.name ? 'Restoring…' : asking ? 'Replace the library' : 'Restore'}
                </button>
              </span>
              {asking && (
                <p className="backup-warning">
                  The library will be as it was on {time}. The library as it is now is kept as a
                  backup, so this can be undone by restoring that one.
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
