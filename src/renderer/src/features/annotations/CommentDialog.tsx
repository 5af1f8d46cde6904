// The comment editor in a dialog beside the words it is about: category, translation note and
// tags with it, every keystroke kept as a draft, and a question before unsaved words are lost.
import { useLayoutEffect, useRef, useState, type JSX } from 'react';
import {
  TRANSLATION_NOTE_LABELS,
  TRANSLATION_NOTE_TYPES,
  type Category,
  type Draft,
  type DraftTarget,
  type TranslationNoteType,
} from '@shared/model';
import { LazyCommentEditor as CommentEditor } from '../../editor/lazy-editors';
import { TagInput } from './TagInput';
import { useModal } from '../../components/use-modal';
import { placeBeside, type Rect, type SidePlacement } from '../reader/placement';
import { DraftSaver } from './draft-saver';
import { SaveActions } from './SaveActions';
import { useUnsavedWords } from './unsaved-words';

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
  /** Where the commented words are on screen: the dialog goes beside them, never over them. */
  anchor?: Rect | null;
  /** What the draft is about (it is kept in the library as it is typed). */
  draft: { recordId: string; target: DraftTarget };
  /** A draft kept from before (a reload, a crash): the dialog goes on with its words. */
  resumed?: Draft | null;
  onSave(details: CommentDetails): Promise<void>;
  onClose(): void;
}

const PREFERRED_WIDTH = 560;
const MIN_WIDTH = 340;

/**
 * Where the open dialog goes: beside its words (see placeBeside), kept there as it grows with
 * the comment or the window changes size. Without words to go beside, it stays centred (null).
 */
function usePlacedBeside(
  dialog: React.RefObject<HTMLDialogElement | null>,
  anchor: Rect | null | undefined,
): SidePlacement | null {
  const [placed, setPlaced] = useState<SidePlacement | null>(null);
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element || !anchor) return;
    if (!element.open) element.showModal();
    const place = (): void => {
      const next = placeBeside(
        anchor,
        // The whole content's height, also while a maxHeight makes it scroll.
        { width: PREFERRED_WIDTH, minWidth: MIN_WIDTH, height: element.scrollHeight },
        { width: window.innerWidth, height: window.innerHeight },
      );
      setPlaced((p) =>
        p &&
        p.left === next.left &&
        p.top === next.top &&
        p.width === next.width &&
        p.maxHeight === next.maxHeight
          ? p
          : next,
      );
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(element);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
    };
  }, [dialog, anchor]);
  return placed;
}

interface Content {
  json: string | null;
  empty: boolean;
  categoryId: string;
  tags: string[];
  noteType: TranslationNoteType | null;
}

/**
 * A modal dialog with the rich-text comment editor, beside the words it is about. What is typed
 * is kept as a draft in the library at once, so a reload or a crash loses nothing; closing with
 * unsaved words asks first, and a discarded or saved draft is removed.
 */
export function CommentDialog(props: CommentDialogProps): JSX.Element {
  const dialog = useModal();
  const placed = usePlacedBeside(dialog, props.anchor);
  const { resumed } = props;
  const [saver] = useState(
    () =>
      new DraftSaver(
        {
          id: resumed?.id ?? crypto.randomUUID(),
          recordId: props.draft.recordId,
          kind: 'comment',
          target: props.draft.target,
        },
        resumed?.revision ?? 0,
      ),
  );
  const [initialJson] = useState(resumed ? resumed.json : props.initialJson);
  const [content, setContent] = useState<Content>(() => ({
    json: initialJson,
    empty: initialJson === null,
    categoryId: resumed?.categoryId ?? props.initialCategoryId,
    tags: resumed?.tags ?? props.initialTags ?? [],
    noteType: resumed ? resumed.noteType : (props.initialNoteType ?? null),
  }));
  const [dirty, setDirty] = useState(!!resumed);
  const inFlight = useRef(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { json, empty, categoryId, tags, noteType } = content;
  useUnsavedWords(dirty && (!empty || tags.length > 0), () => saver.flushOnLeave());

  // The latest content, also between two changes that come before the next render.
  const latest = useRef(content);
  const change = (patch: Partial<Content>): void => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setContent(next);
    setDirty(true);
    setConfirmDiscard(false);
    saver.update({
      json: next.empty ? null : next.json,
      categoryId: next.categoryId,
      tags: next.tags,
      noteType: next.noteType,
    });
  };

  const discard = (): void => {
    void saver.discard().catch(() => undefined);
    props.onClose();
  };

  const requestClose = (): void => {
    if (dirty && !confirmDiscard) setConfirmDiscard(true);
    else discard();
  };

  const save = async (): Promise<void> => {
    // One save at a time; a repeat that still gets through is the same draft to the core.
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    setError(null);
    try {
      const details = {
        draftId: saver.id,
        json: empty ? null : json,
        categoryId,
        tags,
        noteType,
      };
      await saver.finish(() => props.onSave(details));
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
      className={placed ? 'comment-dialog dialog-placed' : 'comment-dialog'}
      style={
        placed
          ? {
              left: placed.left,
              top: placed.top,
              width: placed.width,
              ...(placed.maxHeight === undefined ? {} : { maxHeight: placed.maxHeight }),
            }
          : undefined
      }
      aria-labelledby="comment-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        requestClose();
      }}
    >
      <h2 id="comment-dialog-title" className="dialog-title">
        Comment on <q className="dialog-quote">{props.quote}</q>
      </h2>
      {resumed && (
        <p className="hint" role="status">
          Your unsaved words from before, kept as a draft.
        </p>
      )}
      <CommentEditor
        initialJson={initialJson}
        onChange={(next, isEmpty) => change({ json: next, empty: isEmpty })}
        onSubmit={() => void save()}
      />
      <label className="field">
        <span>Category</span>
        <select value={categoryId} onChange={(e) => change({ categoryId: e.target.value })}>
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
          onChange={(e) =>
            change({ noteType: (e.target.value || null) as TranslationNoteType | null })
          }
        >
          <option value="">— not a translation note —</option>
          {TRANSLATION_NOTE_TYPES.map((type) => (
            <option key={type} value={type}>
              {TRANSLATION_NOTE_LABELS[type]}
            </option>
          ))}
        </select>
      </label>
      <TagInput tags={tags} onChange={(next) => change({ tags: next })} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <SaveActions
        saveLabel={saving ? 'Saving…' : 'Save'}
        saveDisabled={saving}
        onCancel={requestClose}
        onSave={() => void save()}
        discard={{
          asking: confirmDiscard,
          what: 'comment',
          keepLabel: 'Keep editing',
          onDiscard: discard,
          onKeep: () => setConfirmDiscard(false),
        }}
      />
    </dialog>
  );
}
