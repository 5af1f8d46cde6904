import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useState, type JSX } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Annotation, Category, Entity, RecordDocument, Side } from '@shared/model';
import { languageName } from '@shared/text/language';
import { AnnotationItem } from './AnnotationItem';
import type { AnnotationTools } from './use-annotation-tools';

type Sort = 'text' | 'newest' | 'oldest';

export interface NotesTabProps {
  record: RecordDocument;
  annotations: Annotation[];
  categories: Category[];
  entities: Entity[];
  tools: AnnotationTools;
  onShow(annotation: Annotation): void;
  onAddToGlossary(annotation: Annotation): void;
}

/** The record's notes, filtered by category, tag, language and orphaned state, and sorted. */
export function NotesTab(props: NotesTabProps): JSX.Element {
  const [category, setCategory] = useState('');
  const [tag, setTag] = useState('');
  const [side, setSide] = useState<Side | ''>('');
  const [orphansOnly, setOrphansOnly] = useState(false);
  const [sort, setSort] = useState<Sort>('text');
  // Like the list itself, the current note follows the text's paint in a render of its own.
  const currentId = useDeferredValue(props.tools.currentId);
  const categories = new Map(props.categories.map((c) => [c.id, c]));
  const entities = new Map(props.entities.map((e) => [e.id, e]));
  const tags = useMemo(
    () => [...new Set(props.annotations.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b)),
    [props.annotations],
  );
  const orphanCount = props.annotations.filter((a) => a.targets.some((t) => t.orphaned)).length;

  const shown = useMemo(() => {
    const list = props.annotations.filter(
      (a) =>
        (!category || a.categoryId === category) &&
        (!tag || a.tags.includes(tag)) &&
        (!side || a.targets.some((t) => t.side === side)) &&
        (!orphansOnly || a.targets.some((t) => t.orphaned)),
    );
    if (sort === 'newest') return [...list].sort((a, b) => b.createdAt - a.createdAt);
    if (sort === 'oldest') return [...list].sort((a, b) => a.createdAt - b.createdAt);
    return list; // the API lists notes in text order
  }, [props.annotations, category, tag, side, orphansOnly, sort]);

  return (
    <div className="notes-tab">
      <div className="panel-filters" role="group" aria-label="Filter and sort notes">
        <label>
          <span>Category</span>
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">All</option>
            {props.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Tag</span>
          <select value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">All</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Language</span>
          <select value={side} onChange={(e) => setSide(e.target.value as Side | '')}>
            <option value="">Both</option>
            <option value="original">{languageName(props.record.original.lang)}</option>
            <option value="translation">{languageName(props.record.translation.lang)}</option>
          </select>
        </label>
        <label>
          <span>Sort</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="text">Text order</option>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={orphansOnly}
            onChange={(e) => setOrphansOnly(e.target.checked)}
          />
          <span>Needs re-attaching ({orphanCount})</span>
        </label>
      </div>
      {props.annotations.length === 0 ? (
        <p className="muted panel-empty">
          Select words in either column, then choose <strong>Highlight</strong> or{' '}
          <strong>Comment</strong>.
        </p>
      ) : shown.length === 0 ? (
        <p className="muted panel-empty">No notes match these filters.</p>
      ) : (
        <NoteList shown={shown} currentId={currentId}>
          {(annotation, index, measure) => (
            <AnnotationItem
              key={annotation.id}
              index={index}
              measure={measure}
              annotation={annotation}
              record={props.record}
              category={categories.get(annotation.categoryId)}
              entity={annotation.entityId ? entities.get(annotation.entityId) : undefined}
              entities={props.entities}
              current={annotation.id === currentId}
              tools={props.tools}
              onShow={props.onShow}
              onAddToGlossary={props.onAddToGlossary}
            />
          )}
        </NoteList>
      )}
    </div>
  );
}

/** Lists longer than this render only the notes near the panel's viewport. */
const VIRTUAL_FROM = 60;

interface NoteListProps {
  shown: Annotation[];
  currentId: string | null;
  children(
    annotation: Annotation,
    index: number,
    measure?: (element: HTMLLIElement | null) => void,
  ): JSX.Element;
}

/**
 * The notes as an ordered list. A long list (a record with a thousand notes) is virtualised:
 * only the items near the visible part of the panel are in the page, with padding standing in
 * for the rest, so opening the record and adding a note stay quick.
 */
function NoteList({ shown, currentId, children }: NoteListProps): JSX.Element {
  // The list element is kept in state (a callback ref), so finding the panel never reads a ref
  // during render.
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const [margin, setMargin] = useState(0);
  const virtual = shown.length > VIRTUAL_FROM;
  const panel = list?.closest<HTMLElement>('.annotations-panel') ?? null;
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtual ? shown.length : 0,
    getScrollElement: () => panel,
    estimateSize: () => 96,
    overscan: 6,
    scrollMargin: margin,
    getItemKey: (index) => shown[index]?.id ?? index,
  });

  // Where the list starts inside the scrolling panel (below the tabs and filters).
  useLayoutEffect(() => {
    if (!virtual || !panel || !list) return;
    const offset =
      list.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
    setMargin((m) => (Math.abs(m - offset) > 1 ? offset : m));
  }, [virtual, panel, list]);

  // The note J/K moved to is brought into the list even when it was not rendered.
  useEffect(() => {
    if (!virtual || !currentId) return;
    const index = shown.findIndex((a) => a.id === currentId);
    if (index < 0) return;
    // Scrolling costs layout work on every frame until it settles: skip it when the note is
    // already in view (a new highlight usually is).
    const item = virtualizer.getVirtualItems().find((v) => v.index === index);
    const top = virtualizer.scrollOffset ?? 0;
    const bottom = top + (virtualizer.scrollRect?.height ?? 0);
    if (item && item.start >= top && item.end <= bottom) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [virtual, currentId, shown, virtualizer]);

  if (!virtual) {
    return (
      <ol ref={setList} className="annotation-list">
        {shown.map((a, i) => children(a, i))}
      </ol>
    );
  }
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const before = first ? first.start - margin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - margin) : 0;
  return (
    <ol
      ref={setList}
      className="annotation-list"
      start={(first?.index ?? 0) + 1}
      style={{ paddingTop: Math.max(0, before), paddingBottom: Math.max(0, after) }}
    >
      {items.map((item) => children(shown[item.index]!, item.index, virtualizer.measureElement))}
    </ol>
  );
}
