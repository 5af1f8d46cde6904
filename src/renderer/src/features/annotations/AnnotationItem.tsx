import { useState, type JSX } from 'react';
import {
  TRANSLATION_NOTE_LABELS,
  type Annotation,
  type Category,
  type Entity,
  type RecordDocument,
} from '@shared/model';
import { languageName } from '@shared/text/language';
import { CommentView } from './CommentView';
import { EntityLinker } from './EntityLinker';
import { ReplyThread } from './ReplyThread';
import type { AnnotationTools } from './use-annotation-tools';

export function shorten(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface AnnotationItemProps {
  annotation: Annotation;
  record: RecordDocument;
  category: Category | undefined;
  entity: Entity | undefined;
  entities: Entity[];
  current: boolean;
  tools: AnnotationTools;
  onShow(annotation: Annotation): void;
  onAddToGlossary(annotation: Annotation): void;
  /** Position in a virtualised list, and the callback that measures the item's height. */
  index?: number;
  measure?: (element: HTMLLIElement | null) => void;
}

/** One note in the panel: its spans, category, type, tags, comment, thread and actions. */
export function AnnotationItem(props: AnnotationItemProps): JSX.Element {
  const { annotation, record, category, tools, index, measure } = props;
  const [linkingEntity, setLinkingEntity] = useState(false);
  const quote = annotation.targets.map((t) => t.quote.exact).join(' / ');
  const label = shorten(quote, 60);
  const { actions, fail } = tools;
  const orphanIndexes = annotation.targets.flatMap((t, i) => (t.orphaned ? [i] : []));

  return (
    <li
      ref={measure}
      data-index={index}
      className={`annotation-item${props.current ? ' annotation-current' : ''}`}
      data-annotation-id={annotation.id}
      aria-current={props.current ? 'true' : undefined}
    >
      <button
        type="button"
        className="annotation-quote"
        onClick={() => props.onShow(annotation)}
        aria-label={`Show “${label}” in the text`}
      >
        <span
          className="category-chip"
          data-line={category?.line ?? 'solid'}
          style={{ '--chip-color': category?.color ?? '#999999' } as React.CSSProperties}
          aria-hidden="true"
        />
        <q>{shorten(quote)}</q>
      </button>
      <p className="annotation-meta">
        {annotation.targets.map((t) => languageName(record[t.side].lang)).join(' + ')}
        {' · '}
        {category?.name ?? annotation.categoryId}
        {annotation.noteType && <> · {TRANSLATION_NOTE_LABELS[annotation.noteType]}</>}
        {props.entity && <> · {props.entity.names[0]}</>}
        {orphanIndexes.length > 0 && <span className="orphan-badge"> · needs re-attaching</span>}
      </p>
      {annotation.tags.length > 0 && (
        <ul className="tag-chips" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag} className="tag-chip">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <CommentView json={annotation.comment.json} />
      <ReplyThread annotation={annotation} label={label} actions={actions} onError={fail} />
      {linkingEntity && (
        <EntityLinker
          annotation={annotation}
          entities={props.entities}
          onCancel={() => setLinkingEntity(false)}
          onLink={async (choice) => {
            try {
              await actions.linkEntity(annotation, choice);
              setLinkingEntity(false);
            } catch (error) {
              fail('Could not link', error);
            }
          }}
        />
      )}
      <div className="annotation-actions">
        <button
          type="button"
          className="link-button"
          onClick={() => tools.setEditing({ mode: 'edit', annotation })}
          aria-label={`${annotation.comment.json ? 'Edit comment' : 'Add comment'} on “${label}”`}
        >
          {annotation.comment.json ? 'Edit comment' : 'Add comment'}
        </button>
        {annotation.targets.length === 1 ? (
          <button
            type="button"
            className="link-button"
            onClick={() => tools.setPending({ kind: 'link', annotation })}
            aria-label={`Link counterpart of “${label}”`}
          >
            Link counterpart
          </button>
        ) : (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void actions
                .unlinkTarget(annotation, 1)
                .catch((e: unknown) => fail('Could not unlink', e))
            }
            aria-label={`Unlink counterpart of “${label}”`}
          >
            Unlink counterpart
          </button>
        )}
        {orphanIndexes.map((index) => (
          <button
            key={index}
            type="button"
            className="link-button"
            onClick={() => tools.setPending({ kind: 'reattach', annotation, targetIndex: index })}
            aria-label={`Re-attach “${shorten(annotation.targets[index]!.quote.exact, 60)}”`}
          >
            Re-attach
          </button>
        ))}
        <button
          type="button"
          className="link-button"
          onClick={() => props.onAddToGlossary(annotation)}
          aria-label={`Add to glossary: “${label}”`}
        >
          Add to glossary
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => setLinkingEntity((v) => !v)}
          aria-expanded={linkingEntity}
          aria-label={`Person or place for “${label}”`}
        >
          Person or place…
        </button>
        <button
          type="button"
          className="link-button danger"
          onClick={() =>
            void actions
              .remove(annotation)
              .then(() => tools.notifyDeleted(annotation))
              .catch((e: unknown) => fail('Could not delete', e))
          }
          aria-label={`Delete annotation “${label}”`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
