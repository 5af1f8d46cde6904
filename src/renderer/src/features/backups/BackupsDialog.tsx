// "Backups…": the copies Marginalia keeps of the library, a copy made now, and a restore.
import { useState, type JSX } from 'react';
import { api, errorMessage } from '../../api/client';
import { useModal } from '../../components/use-modal';
import { BackupList, backupTime } from './BackupList';

export function BackupsDialog({ onClose }: { onClose(): void }): JSX.Element {
  const dialog = useModal();
  const [revision, setRevision] = useState(0);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const backUpNow = async (): Promise<void> => {
    setBusy(true);
    setStatus(null);
    try {
      const backup = await api.call('backups.create', {});
      setStatus({ kind: 'info', text: `Backed up at ${backupTime(backup)}.` });
      setRevision((r) => r + 1);
    } catch (e) {
      setStatus({ kind: 'error', text: `The library was not backed up: ${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="name-dialog backups-dialog"
      aria-labelledby="backups-title"
      onClose={onClose}
    >
      <h2 id="backups-title" className="dialog-title">
        Backups
      </h2>
      <p className="muted">
        Marginalia copies this library by itself while you work (after every 100 changes, or 30
        minutes after a change) and keeps a copy of each day and week.
      </p>
      <p>
        <button type="button" className="button" disabled={busy} onClick={() => void backUpNow()}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </p>
      {status && (
        <p className={status.kind === 'error' ? 'form-error' : 'muted'} role="status">
          {status.text}
        </p>
      )}
      <BackupList revision={revision} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
