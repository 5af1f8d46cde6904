// A note's thread: its dated replies, and a box to write the next one. What is typed in the box
// is kept as a draft as it is typed, and comes back after a reload or a crash.
import { useEffect, useRef, useState, type JSX } from 'react';
import type { Annotation, Draft } from '@shared/model';
import { LazyCommentEditor as CommentEditor } from '../../editor/lazy-editors';
import { CommentView } from './CommentView';
import { DraftSaver } from './draft-saver';
import { SaveActions } from './SaveActions';
import type { AnnotationActions } from './use-annotation-actions';
import { useUnsavedWords } from './unsaved-words';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface ReplyBoxProps {
  annotation: Annotation;
  recordId: string;
  resumed: Draft | null;
  actions: AnnotationActions;
  onDone(): void;
  /** The box goes away with unsaved words (its card scrolled out of a long list). */
  onKeep(draft: Draft): void;
  onError(what: string, error: unknown): void;
}

/** A reply being written: its editor, kept as a draft as it is typed (see DraftSaver). */
function ReplyBox(props: ReplyBoxProps): JSX.Element {
  const { annotation, resumed } = props;
  const [saver] = useState(
    () =>
      new DraftSaver(
        {
          id: resumed?.id ?? crypto.randomUUID(),
          recordId: props.recordId,
          kind: 'reply',
          target: { kind: 'note', annotationId: annotation.id },
        },
        resumed?.revision ?? 0,
      ),
  );
  const [initialJson] = useState(resumed?.json ?? null);
  const [words, setWords] = useState<string | null>(initialJson);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const inFlight = useRef(false);
  const ended = useRef(false);
  useUnsavedWords(words !== null, () => saver.flushOnLeave());

  // Unsaved words of a box taken out of the page are handed back, to come back with the card.
  const latest = useRef({ words, onKeep: props.onKeep });
  useEffect(() => {
    latest.current = { words, onKeep: props.onKeep };
  });
  useEffect(
    () => () => {
      const { words: json, onKeep } = latest.current;
      if (ended.current || json === null) return;
      saver.flushOnLeave();
      onKeep({
        ...saver.identity,
        json,
        categoryId: null,
        tags: [],
        noteType: null,
        revision: saver.revisionNow,
        updatedAt: Date.now(),
      });
    },
    [saver],
  );

  const save = async (): Promise<void> => {
    if (words === null || inFlight.current) return;
    inFlight.current = true;
    try {
      const json = words;
      await saver.finish(() => props.actions.addReply(annotation.id, json, saver.id));
      ended.current = true;
      props.onDone();
    } catch (error) {
      props.onError('Could not save the reply', error);
    } finally {
      inFlight.current = false;
    }
  };

  const discard = (): void => {
    ended.current = true;
    void saver.discard().catch(() => undefined);
    props.onDone();
  };

  return (
    <div className="reply-editor">
      <CommentEditor
        initialJson={initialJson}
        label="Reply"
        onChange={(json, empty) => {
          const next = empty ? null : json;
          setWords(next);
          setConfirmDiscard(false);
          saver.update({ json: next, categoryId: null, tags: [], noteType: null });
        }}
        onSubmit={() => void save()}
      />
      <SaveActions
        saveLabel="Save reply"
        saveDisabled={words === null}
        onCancel={() => (words === null ? discard() : setConfirmDiscard(true))}
        onSave={() => void save()}
        discard={{
          asking: confirmDiscard,
          what: 'reply',
          keepLabel: 'Keep writing',
          onDiscard: discard,
          onKeep: () => setConfirmDiscard(false),
        }}
      />
    </div>
  );
}

/** The dated follow-up entries under a note, and a box to add one. */
export function ReplyThread(props: {
  annotation: Annotation;
  label: string;
  recordId: string;
  actions: AnnotationActions;
  /** A reply to this note kept from before (a reload, a crash): its box opens with it. */
  resumed: Draft | null;
  /** The kept reply was taken up by the box. */
  onResume(draft: Draft): void;
  onKeep(draft: Draft): void;
  onError(what: string, error: unknown): void;
}): JSX.Element | null {
  const { annotation, actions, resumed, onResume } = props;
  /** The open reply box: a fresh one, or one going on with a kept draft. */
  const [writing, setWriting] = useState<{ resumed: Draft | null } | null>(
    resumed ? { resumed } : null,
  );
  // A reply kept while the card was shown (restored after it mounted) opens its box too.
  const [seen, setSeen] = useState<Draft | null>(resumed);
  if (resumed && resumed !== seen) {
    setSeen(resumed);
    if (writing === null) setWriting({ resumed });
  }
  useEffect(() => {
    if (writing?.resumed) onResume(writing.resumed);
  }, [writing, onResume]);

  return (
    <div className="reply-thread">
      {annotation.replies.length > 0 && (
        <ol className="replies" aria-label={`Replies to “${props.label}”`}>
          {annotation.replies.map((reply) => (
            <li key={reply.id} className="reply">
              <time className="reply-date" dateTime={new Date(reply.createdAt).toISOString()}>
                {dateFormat.format(reply.createdAt)}
              </time>
              <CommentView json={reply.body.json} />
              <button
                type="button"
                className="link-button danger"
                aria-label={`Delete reply of ${dateFormat.format(reply.createdAt)}`}
                onClick={() =>
                  void actions
                    .removeReply(reply)
                    .catch((e: unknown) => props.onError('Could not delete', e))
                }
              >
                Delete reply
              </button>
            </li>
          ))}
        </ol>
      )}
      {writing !== null ? (
        <ReplyBox
          annotation={annotation}
          recordId={props.recordId}
          resumed={writing.resumed}
          actions={actions}
          onDone={() => setWriting(null)}
          onKeep={props.onKeep}
          onError={props.onError}
        />
      ) : (
        <button
          type="button"
          className="link-button"
          onClick={() => setWriting({ resumed: null })}
          aria-label={`Reply to “${props.label}”`}
        >
          Reply
        </button>
      )}
    </div>
  );
}
