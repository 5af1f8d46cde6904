import {
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Annotation, Category, Draft, Entity, RecordDocument, Side } from '@shared/model';
import { languageName } from '@shared/text/language';
import { AnnotationItem, shorten } from './AnnotationItem';
import { clickNote, keepShown, selectAllShown, type Modifiers } from './note-selection';
import { SelectedNotesBar } from './SelectedNotesBar';
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

interface Filters {
  category: string;
  tag: string;
  side: Side | '';
  orphansOnly: boolean;
}

const NO_FILTERS: Filters = { category: '', tag: '', side: '', orphansOnly: false };

/** The notes a set of filters shows, in the list's order. */
function filterNotes(annotations: Annotation[], filters: Filters, sort: Sort): Annotation[] {
  const { category, tag, side, orphansOnly } = filters;
  const list = annotations.filter(
    (a) =>
      (!category || a.categoryId === category) &&
      (!tag || a.tags.includes(tag)) &&
      (!side || a.targets.some((t) => t.side === side)) &&
      (!orphansOnly || a.targets.some((t) => t.orphaned)),
  );
  if (sort === 'newest') return [...list].sort((a, b) => b.createdAt - a.createdAt);
  if (sort === 'oldest') return [...list].sort((a, b) => a.createdAt - b.createdAt);
  return list; // the API lists notes in text order
}

/**
 * The record's notes, filtered by category, tag, language and orphaned state, and sorted; any
 * number of them selected (click, Shift-click, Ctrl-click, Select all shown) to delete,
 * re-categorise or tag together.
 */
export function NotesTab(props: NotesTabProps): JSX.Element {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const { category, tag, side, orphansOnly } = filters;
  const [sort, setSort] = useState<Sort>('text');
  const { noteSelection, setNoteSelection } = props.tools;
  // Like the list itself, the current note follows the text's paint in a render of its own.
  const currentId = useDeferredValue(props.tools.currentId);
  const categories = new Map(props.categories.map((c) => [c.id, c]));
  const entities = new Map(props.entities.map((e) => [e.id, e]));
  const tags = useMemo(
    () => [...new Set(props.annotations.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b)),
    [props.annotations],
  );
  const orphanCount = props.annotations.filter((a) => a.targets.some((t) => t.orphaned)).length;

  /** A filter changed: notes it hides are no longer selected (no action on what is not seen). */
  const filter = (patch: Partial<Filters>): void => {
    const next = { ...filters, ...patch };
    setFilters(next);
    const visible = filterNotes(props.annotations, next, sort).map((a) => a.id);
    setNoteSelection((selection) => keepShown(selection, visible));
  };

  // A note asked for (a click on its mark) is shown even when the filters would hide it. Only a
  // new request resets filters; later changes of the list leave them alone.
  const request = props.tools.cardRequest;
  const [seenRequest, setSeenRequest] = useState(request);
  if (request !== seenRequest) {
    setSeenRequest(request);
    const wanted = request && props.annotations.find((a) => a.id === request.id);
    if (wanted) {
      setFilters({
        category: category && wanted.categoryId !== category ? '' : category,
        tag: tag && !wanted.tags.includes(tag) ? '' : tag,
        side: side && !wanted.targets.some((t) => t.side === side) ? '' : side,
        orphansOnly: orphansOnly && wanted.targets.some((t) => t.orphaned),
      });
    }
  }

  const shown = useMemo(
    () => filterNotes(props.annotations, filters, sort),
    [props.annotations, filters, sort],
  );
  const shownIds = useMemo(() => shown.map((a) => a.id), [shown]);
  const select = (id: string, modifiers: Modifiers): void =>
    setNoteSelection((selection) => clickNote(selection, id, shownIds, modifiers));

  /** Arrow keys move between the notes' boxes (Shift extends); Ctrl+A selects all shown. */
  const onListKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const box = (event.target as HTMLElement).closest<HTMLInputElement>('input.note-select');
    if (!box) return;
    const id = box.closest<HTMLElement>('[data-annotation-id]')?.dataset['annotationId'];
    if (!id) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setNoteSelection(selectAllShown(shownIds));
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const at = shownIds.indexOf(id);
    const next = shownIds[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    if (event.shiftKey) {
      setNoteSelection((selection) =>
        clickNote({ ...selection, anchor: selection.anchor ?? id }, next, shownIds, {
          range: true,
          toggle: false,
        }),
      );
    }
    document
      .querySelector<HTMLInputElement>(
        `[data-annotation-id="${CSS.escape(next)}"] input.note-select`,
      )
      ?.focus();
  };

  const waiting = props.tools.drafts.waiting?.filter((d) => d.kind === 'comment') ?? [];
  const quoteOf = (draft: Draft): string => {
    const target = draft.target;
    if (target.kind === 'span') return target.quote;
    const note = props.annotations.find((a) => a.id === target.annotationId);
    return note?.targets.map((t) => t.quote.exact).join(' / ') ?? '';
  };

  return (
    <div className="notes-tab">
      {waiting.length > 0 && (
        <section className="waiting-drafts" aria-label="Unsaved comments">
          <h3 className="waiting-heading">Unsaved comments, kept as drafts</h3>
          <ul>
            {waiting.map((draft) => {
              const quote = shorten(quoteOf(draft), 60);
              return (
                <li key={draft.id}>
                  <q>{quote}</q>{' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Resume the comment on “${quote}”`}
                    onClick={() => void props.tools.resume(draft)}
                  >
                    Resume
                  </button>{' '}
                  <button
                    type="button"
                    className="link-button danger"
                    aria-label={`Discard the comment on “${quote}”`}
                    onClick={() =>
                      void props.tools.drafts
                        .discard(draft)
                        .catch((e: unknown) => props.tools.fail('Could not discard', e))
                    }
                  >
                    Discard
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div className="panel-filters" role="group" aria-label="Filter and sort notes">
        <label>
          <span>Category</span>
          <select value={category} onChange={(e) => filter({ category: e.target.value })}>
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
          <select value={tag} onChange={(e) => filter({ tag: e.target.value })}>
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
          <select value={side} onChange={(e) => filter({ side: e.target.value as Side | '' })}>
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
            onChange={(e) => filter({ orphansOnly: e.target.checked })}
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
        <div onKeyDown={onListKey}>
          <SelectedNotesBar
            shown={shownIds}
            selection={noteSelection}
            categories={props.categories}
            tools={props.tools}
          />
          <NoteList shown={shown} currentId={currentId} reveal={request}>
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
                selected={noteSelection.ids.has(annotation.id)}
                categories={props.categories}
                onSelect={select}
                tools={props.tools}
                onShow={props.onShow}
                onAddToGlossary={props.onAddToGlossary}
              />
            )}
          </NoteList>
        </div>
      )}
    </div>
  );
}

/** Lists longer than this render only the notes near the panel's viewport. */
const VIRTUAL_FROM = 60;

interface NoteListProps {
  shown: Annotation[];
  currentId: string | null;
  /** The latest request to bring a note's card into view (a click on its mark). */
  reveal: { id: string; seq: number } | null;
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
function NoteList({ shown, currentId, reveal, children }: NoteListProps): JSX.Element {
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
  }, [virtual, currentId, reveal, shown, virtualizer]);

  // A card asked for is scrolled to once it is in the list (filters may have been cleared to
  // show it), also when it was already the current one.
  const revealed = useRef(0);
  useEffect(() => {
    if (!reveal || virtual || revealed.current === reveal.seq) return;
    const card = list?.querySelector(`[data-annotation-id="${CSS.escape(reveal.id)}"]`);
    if (!card) return;
    revealed.current = reveal.seq;
    card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [reveal, virtual, list, shown]);

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
