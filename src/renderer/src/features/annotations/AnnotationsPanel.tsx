import type { JSX } from 'react';
import type { Annotation, Category, RecordDocument } from '@shared/model';
import { languageName } from '@shared/text/language';
import { CommentView } from './CommentView';

export interface AnnotationsPanelProps {
  record: RecordDocument;
  annotations: Annotation[];
  categories: Category[];
  onShow(annotation: Annotation): void;
  onEdit(annotation: Annotation): void;
  onDelete(annotation: Annotation): void;
}

function shorten(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The record's annotations in reading order, each with its quote, language and comment. */
export function AnnotationsPanel(props: AnnotationsPanelProps): JSX.Element {
  const categories = new Map(props.categories.map((c) => [c.id, c]));
  return (
    <section className="annotations-panel" aria-label="Annotations">
      <h2 className="panel-heading">
        Annotations <span className="count">({props.annotations.length})</span>
      </h2>
      {props.annotations.length === 0 ? (
        <p className="muted panel-empty">
          Select words in either column, then choose <strong>Highlight</strong> or{' '}
          <strong>Comment</strong>.
        </p>
      ) : (
        <ol className="annotation-list">
          {props.annotations.map((annotation) => {
            const category = categories.get(annotation.categoryId);
            const quote = annotation.targets.map((t) => t.quote.exact).join(' / ');
            return (
              <li
                key={annotation.id}
                className="annotation-item"
                data-annotation-id={annotation.id}
              >
                <button
                  type="button"
                  className="annotation-quote"
                  onClick={() => props.onShow(annotation)}
                  aria-label={`Show “${shorten(quote, 60)}” in the text`}
                >
                  <span
                    className="category-chip"
                    style={{ '--chip-color': category?.color ?? '#ccc' } as React.CSSProperties}
                    aria-hidden="true"
                  />
                  <q>{shorten(quote)}</q>
                </button>
                <p className="annotation-meta">
                  {annotation.targets
                    .map((t) => languageName(props.record[t.side].lang))
                    .join(' + ')}
                  {' · '}
                  {category?.name ?? annotation.categoryId}
                  {annotation.targets.some((t) => t.orphaned) && (
                    <span className="orphan-badge"> · needs re-attaching</span>
                  )}
                </p>
                <CommentView json={annotation.comment.json} />
                <div className="annotation-actions">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => props.onEdit(annotation)}
                    aria-label={`${annotation.comment.json ? 'Edit comment' : 'Add comment'} on “${shorten(quote, 60)}”`}
                  >
                    {annotation.comment.json ? 'Edit comment' : 'Add comment'}
                  </button>
                  <button
                    type="button"
                    className="link-button danger"
                    onClick={() => props.onDelete(annotation)}
                    aria-label={`Delete annotation “${shorten(quote, 60)}”`}
                  >
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
