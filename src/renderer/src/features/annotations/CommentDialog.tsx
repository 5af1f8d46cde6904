import { useRef, useState, type JSX } from 'react';
import {
  TRANSLATION_NOTE_LABELS,
  TRANSLATION_NOTE_TYPES,
  type Category,
  type TranslationNoteType,
} from '@shared/model';
import { LazyCommentEditor as CommentEditor } from '../../editor/lazy-editors';
import { TagInput } from './TagInput';
import { useModal } from '../../components/use-modal';

export interface CommentDetails {
  /** The draft's id, made when the dialog opened: saving it twice still makes one note. */
  draftId: string;
  json: string | null;
  categoryId: string;
  tags: string[];
  noteType: TranslationNoteType | null;
}

export interface CommentDialogProps {
  /** The quoted span the comment is about, shown for context. */
  quote: string;
  initialJson: string | null;
  initialCategoryId: string;
  initialTags?: string[];
  initialNoteType?: TranslationNoteType | null;
  categories: Category[];
  onSave(details: CommentDetails): Promise<void>;
  onClose(): void;
}

/**
 * A modal dialog with the rich-text comment editor. Closing with unsaved words asks first:
 * nothing the user typed is thrown away silently.
 */
export function CommentDialog(props: CommentDialogProps): JSX.Element {
  const dialog = useModal();
  const [draftId] = useState(() => crypto.randomUUID());
  const inFlight = useRef(false);
  const [json, setJson] = useState<string | null>(props.initialJson);
  const [empty, setEmpty] = useState(props.initialJson === null);
  const [categoryId, setCategoryId] = useState(props.initialCategoryId);
  const [tags, setTags] = useState<string[]>(props.initialTags ?? []);
  const [noteType, setNoteType] = useState<TranslationNoteType | null>(
    props.initialNoteType ?? null,
  );
  const [dirty, setDirty] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const requestClose = (): void => {
    if (dirty && !confirmDiscard) setConfirmDiscard(true);
    else props.onClose();
  };

  const save = async (): Promise<void> => {
    // One save at a time; a repeat that still gets through is the same draft to the core.
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    setError(null);
    try {
      await props.onSave({ draftId, json: empty ? null : json, categoryId, tags, noteType });
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    } finally {
      inFlight.current = false;
    }
  };

  return (
    <dialog
      ref={dialog}
      className="comment-dialog"
      aria-labelledby="comment-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        requestClose();
      }}
    >
      <h2 id="comment-dialog-title" className="dialog-title">
        Comment on <q className="dialog-quote">{props.quote}</q>
      </h2>
      <CommentEditor
        initialJson={props.initialJson}
        onChange={(next, isEmpty) => {
          setJson(next);
          setEmpty(isEmpty);
          setDirty(true);
          setConfirmDiscard(false);
        }}
        onSubmit={() => void save()}
      />
      <label className="field">
        <span>Category</span>
        <select
          value={categoryId}
          onChange={(e) => {
            setCategoryId(e.target.value);
            setDirty(true);
          }}
        >
          {props.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Translation note</span>
        <select
          value={noteType ?? ''}
          onChange={(e) => {
            setNoteType((e.target.value || null) as TranslationNoteType | null);
            setDirty(true);
          }}
        >
          <option value="">— not a translation note —</option>
          {TRANSLATION_NOTE_TYPES.map((type) => (
            <option key={type} value={type}>
              {TRANSLATION_NOTE_LABELS[type]}
            </option>
          ))}
        </select>
      </label>
      <TagInput
        tags={tags}
        onChange={(next) => {
          setTags(next);
          setDirty(true);
        }}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {confirmDiscard ? (
        <div className="dialog-actions" role="group" aria-label="Unsaved comment">
          <span>Discard this unsaved comment?</span>
          <button type="button" className="button danger" onClick={props.onClose}>
            Discard
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setConfirmDiscard(false)}
            autoFocus
          >
            Keep editing
          </button>
        </div>
      ) : (
        <div className="dialog-actions">
          <span className="hint">Ctrl+Enter saves</span>
          <button type="button" className="button" onClick={requestClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => void save()}
            disabled={saving}
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      )}
    </dialog>
  );
}
