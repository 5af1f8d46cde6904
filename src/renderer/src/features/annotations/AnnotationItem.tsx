import { useState, type JSX } from 'react';
import {
  TRANSLATION_NOTE_LABELS,
  type Annotation,
  type Category,
  type Entity,
  type RecordDocument,
} from '@shared/model';
import { languageName } from '@shared/text/language';
import { ActionMenu, type MenuEntry } from '../../components/ActionMenu';
import { CommentView } from './CommentView';
import { EntityLinker } from './EntityLinker';
import { ReplyThread } from './ReplyThread';
import type { Modifiers } from './note-selection';
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
  /** Selected in the panel's multi-select. */
  selected: boolean;
  categories: Category[];
  /** A click on the card or its checkbox: Shift for a range, Ctrl/Cmd (or the box) to toggle. */
  onSelect(id: string, modifiers: Modifiers): void;
  tools: AnnotationTools;
  onShow(annotation: Annotation): void;
  onAddToGlossary(annotation: Annotation): void;
  /** Position in a virtualised list, and the callback that measures the item's height. */
  index?: number;
  measure?: (element: HTMLLIElement | null) => void;
}

/** Clicks on these are theirs, not a click that selects the card. */
const OWN_CLICKS = 'button, a, input, select, textarea, label, [contenteditable="true"], form';

/**
 * One note in the panel: a box to select it, its spans, category, type, tags, comment, thread,
 * and its actions in one menu (⋯).
 */
export function AnnotationItem(props: AnnotationItemProps): JSX.Element {
  const { annotation, record, category, tools, index, measure } = props;
  const [linkingEntity, setLinkingEntity] = useState(false);
  const quote = annotation.targets.map((t) => t.quote.exact).join(' / ');
  const label = shorten(quote, 60);
  const { actions, fail } = tools;
  const orphanIndexes = annotation.targets.flatMap((t, i) => (t.orphaned ? [i] : []));

  const remove = (): void =>
    void actions
      .remove(annotation)
      .then(() => tools.notifyDeleted(annotation))
      .catch((e: unknown) => fail('Could not delete', e));

  const entries: MenuEntry[] = [
    {
      label: annotation.comment.json ? 'Edit comment' : 'Add comment',
      run: () => tools.setEditing({ mode: 'edit', annotation }),
    },
    annotation.targets.length === 1
      ? {
          label: 'Link counterpart',
          run: () => tools.setPending({ kind: 'link', annotation }),
        }
      : {
          label: 'Unlink counterpart',
          run: () =>
            void actions
              .unlinkTarget(annotation, 1)
              .catch((e: unknown) => fail('Could not unlink', e)),
        },
    ...orphanIndexes.map((index) => ({
      label: `Re-attach “${shorten(annotation.targets[index]!.quote.exact, 60)}”`,
      run: () => tools.setPending({ kind: 'reattach', annotation, targetIndex: index }),
    })),
    { label: 'Add to glossary', run: () => props.onAddToGlossary(annotation) },
    { label: 'Person or place…', run: () => setLinkingEntity((v) => !v) },
    {
      kind: 'group',
      label: 'Category',
      choices: props.categories.map((c) => ({
        kind: 'choice',
        label: c.name,
        checked: c.id === annotation.categoryId,
        decoration: (
          <span
            className="category-chip"
            data-line={c.line}
            style={{ '--chip-color': c.color } as React.CSSProperties}
            aria-hidden="true"
          />
        ),
        run: () => void tools.recategorise([annotation.id], c.id),
      })),
    },
    { label: 'Delete', ariaLabel: `Delete annotation “${label}”`, danger: true, run: remove },
  ];

  const classes = [
    'annotation-item',
    props.current ? 'annotation-current' : '',
    props.selected ? 'annotation-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      ref={measure}
      data-index={index}
      className={classes}
      data-annotation-id={annotation.id}
      aria-current={props.current ? 'true' : undefined}
      onClick={(event) => {
        if ((event.target as Element).closest(OWN_CLICKS)) return;
        props.onSelect(annotation.id, {
          range: event.shiftKey,
          toggle: event.ctrlKey || event.metaKey,
        });
      }}
    >
      <div className="annotation-head">
        <input
          type="checkbox"
          className="note-select"
          checked={props.selected}
          aria-label={`Select “${label}”`}
          onChange={() => undefined}
          onClick={(event) =>
            props.onSelect(annotation.id, { range: event.shiftKey, toggle: true })
          }
        />
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
        <ActionMenu label={`Actions for “${label}”`} entries={entries} />
      </div>
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
      <ReplyThread
        annotation={annotation}
        label={label}
        recordId={annotation.recordId}
        actions={actions}
        resumed={tools.drafts.replyTo(annotation.id)}
        onResume={(draft) => tools.drafts.take(draft.id)}
        onKeep={tools.drafts.keep}
        onError={fail}
      />
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
    </li>
  );
}
