// Correcting a passage's transcription in a dialog; its notes are re-anchored when it is saved.
import { useState, type JSX } from 'react';
import { useModal } from '../../components/use-modal';
import { SaveActions } from './SaveActions';

export interface PassageTextDialogProps {
  label: string;
  initialText: string;
  onSave(text: string): Promise<void>;
  onClose(): void;
}

/** Corrects one passage's transcription. Annotations are re-anchored when it is saved. */
export function PassageTextDialog(props: PassageTextDialogProps): JSX.Element {
  const dialog = useModal();
  const [text, setText] = useState(props.initialText);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (): Promise<void> => {
    if (text === props.initialText) return props.onClose();
    setSaving(true);
    setError(null);
    try {
      await props.onSave(text);
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="comment-dialog"
      aria-labelledby="passage-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2 id="passage-dialog-title" className="dialog-title">
        Correct the transcription <span className="muted">({props.label})</span>
      </h2>
      <p className="hint">
        Notes on this passage follow the words; any that cannot be placed are listed as needing
        re-attachment.
      </p>
      <textarea
        className="passage-editor"
        aria-label="Passage text"
        value={text}
        rows={8}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <SaveActions
        hint="Ctrl+Enter saves · Esc cancels"
        saveLabel={saving ? 'Saving…' : 'Save text'}
        saveDisabled={saving}
        onCancel={props.onClose}
        onSave={() => void save()}
      />
    </dialog>
  );
}
