import { useState, type FormEvent, type JSX } from 'react';
import { useModal } from '../../components/use-modal';

/** A small modal asking for a name (a collection's, a record's title). */
export function NameDialog({
  title,
  label,
  initial,
  maxLength,
  onSave,
  onClose,
}: {
  title: string;
  label: string;
  initial: string;
  maxLength: number;
  onSave(name: string): Promise<void>;
  onClose(): void;
}): JSX.Element {
  const dialog = useModal();
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const clean = name.trim();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (clean === '' || busy) return;
    setBusy(true);
    try {
      await onSave(clean);
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={dialog} className="name-dialog" aria-label={title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 className="dialog-title">{title}</h2>
        <label className="name-field">
          {label}
          <input
            autoFocus
            value={name}
            maxLength={maxLength}
            onChange={(e) => setName(e.target.value)}
            onFocus={(e) => e.target.select()}
          />
        </label>
        {clean === '' && name !== '' && <p className="form-error">The name cannot be blank.</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={clean === '' || busy}>
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
