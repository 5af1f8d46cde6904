import { useRef, useState, type JSX } from 'react';
import type { Annotation } from '@shared/model';
import { LazyCommentEditor as CommentEditor } from '../../editor/lazy-editors';
import { CommentView } from './CommentView';
import type { AnnotationActions } from './use-annotation-actions';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The dated follow-up entries under a note, and a box to add one. */
export function ReplyThread(props: {
  annotation: Annotation;
  label: string;
  actions: AnnotationActions;
  onError(what: string, error: unknown): void;
}): JSX.Element | null {
  const { annotation, actions } = props;
  /** The open reply's draft id (made when writing starts), or null when no reply is open. */
  const [writing, setWriting] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ json: string; empty: boolean } | null>(null);
  const inFlight = useRef(false);

  const save = async (): Promise<void> => {
    if (!draft || draft.empty || !writing || inFlight.current) return;
    inFlight.current = true;
    try {
      await actions.addReply(annotation.id, draft.json, writing);
      setWriting(null);
      setDraft(null);
    } catch (error) {
      props.onError('Could not save the reply', error);
    } finally {
      inFlight.current = false;
    }
  };

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
        <div className="reply-editor">
          <CommentEditor
            initialJson={null}
            label="Reply"
            onChange={(json, empty) => setDraft({ json, empty })}
            onSubmit={() => void save()}
          />
          <div className="dialog-actions">
            <span className="hint">Ctrl+Enter saves</span>
            <button type="button" className="button" onClick={() => setWriting(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => void save()}
              disabled={!draft || draft.empty}
            >
              Save reply
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="link-button"
          onClick={() => setWriting(crypto.randomUUID())}
          aria-label={`Reply to “${props.label}”`}
        >
          Reply
        </button>
      )}
    </div>
  );
}
