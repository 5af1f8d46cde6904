import { useEffect, useRef, type JSX, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CatalogueRow, CatalogueSort } from '@shared/api/methods/library';
import { formatDate } from '@shared/citation';
import { RECORDS_MIME } from './CollectionsPanel';

const COLUMNS: { key: CatalogueSort | null; label: string; className: string }[] = [
  { key: 'title', label: 'Title', className: 'col-title' },
  { key: 'date', label: 'Date', className: 'col-date' },
  { key: 'type', label: 'Type', className: 'col-type' },
  { key: 'archive', label: 'Archive', className: 'col-archive' },
  { key: null, label: 'Languages', className: 'col-langs' },
  { key: 'notes', label: 'Notes', className: 'col-notes' },
];

export interface CatalogueTableProps {
  rows: CatalogueRow[];
  selected: ReadonlySet<string>;
  active: number;
  sort: CatalogueSort;
  descending: boolean;
  onSort(sort: CatalogueSort): void;
  onActive(index: number): void;
  onSelect(ids: Set<string>, anchor?: number): void;
  anchor: number;
  onOpen(id: string): void;
  /** Keys the view handles: F2, Delete, Ctrl+D, A. */
  onCommand(key: string, event: KeyboardEvent<HTMLElement>): void;
}

const ROW_HEIGHT = 44;

/**
 * The records as a grid of rows, virtualised so 10,000 of them scroll smoothly. Up/Down move,
 * Shift extends the selection, Space toggles a row, Ctrl+A selects all, Escape selects none,
 * Enter opens; rows drag
 * onto collections (all the selected ones when the dragged row is selected).
 */
export function CatalogueTable(props: CatalogueTableProps): JSX.Element {
  const {
    rows,
    selected,
    active,
    sort,
    descending,
    onSort,
    onActive,
    onSelect,
    anchor,
    onOpen,
    onCommand,
  } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions the React compiler cannot memoise; this component
  // re-renders on scroll as the virtualiser needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i]?.id ?? i,
  });

  const focusRow = (index: number): void => {
    onActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const focus = (tries: number): void => {
      const el = scroller.current?.querySelector<HTMLElement>(
        `[data-row-index="${index}"] .catalogue-open`,
      );
      if (el) el.focus({ preventScroll: true });
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(5);
  };

  // Keep the active row valid as the rows change (a filter, a deletion).
  useEffect(() => {
    if (rows.length > 0 && active >= rows.length) onActive(rows.length - 1);
  }, [rows.length, active, onActive]);

  const range = (from: number, to: number): Set<string> => {
    const [a, b] = from < to ? [from, to] : [to, from];
    return new Set(rows.slice(a, b + 1).map((r) => r.id));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if ((event.target as HTMLElement).closest('input[type="checkbox"]') && event.key === ' ')
      return;
    const last = rows.length - 1;
    const move = (to: number): void => {
      event.preventDefault();
      const next = Math.max(0, Math.min(last, to));
      if (event.shiftKey) onSelect(range(anchor, next), anchor);
      focusRow(next);
    };
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'PageDown':
        return move(active + page);
      case 'PageUp':
        return move(active - page);
      case 'Home':
        return move(0);
      case 'End':
        return move(last);
      case 'Escape':
        if (selected.size === 0) return;
        event.preventDefault();
        onSelect(new Set());
        return;
      case ' ': {
        event.preventDefault();
        const id = rows[active]?.id;
        if (!id) return;
        const next = new Set(selected);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        onSelect(next, active);
        return;
      }
      default:
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
          event.preventDefault();
          onSelect(new Set(rows.map((r) => r.id)), 0);
          return;
        }
        onCommand(event.key, event);
    }
  };

  const sortLabel = (key: CatalogueSort | null): 'ascending' | 'descending' | 'none' =>
    key !== sort ? 'none' : descending ? 'descending' : 'ascending';

  return (
    <div
      className="catalogue-table"
      role="grid"
      aria-label="Records"
      aria-rowcount={rows.length + 1}
      aria-multiselectable="true"
      onKeyDown={onKeyDown}
    >
      <div className="catalogue-row catalogue-header" role="row" aria-rowindex={1}>
        <span role="columnheader" className="col-select">
          <input
            type="checkbox"
            aria-label="Select all records shown"
            checked={rows.length > 0 && selected.size === rows.length}
            ref={(el) => {
              if (el) el.indeterminate = selected.size > 0 && selected.size < rows.length;
            }}
            onChange={(e) =>
              onSelect(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())
            }
          />
        </span>
        {COLUMNS.map((c) => (
          <span
            key={c.label}
            role="columnheader"
            className={c.className}
            aria-sort={c.key ? sortLabel(c.key) : undefined}
          >
            {c.key ? (
              <button type="button" className="sort-button" onClick={() => onSort(c.key!)}>
                {c.label}
                <span aria-hidden="true">{c.key === sort ? (descending ? ' ▼' : ' ▲') : ''}</span>
              </button>
            ) : (
              c.label
            )}
          </span>
        ))}
      </div>
      <div ref={scroller} className="catalogue-body" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const isSelected = selected.has(row.id);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                data-row-index={item.index}
                className={[
                  'catalogue-row',
                  isSelected ? 'selected' : '',
                  item.index === active ? 'active' : '',
                ].join(' ')}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                draggable
                onDragStart={(e) => {
                  const ids = isSelected ? [...selected] : [row.id];
                  e.dataTransfer.setData(RECORDS_MIME, JSON.stringify(ids));
                  e.dataTransfer.setData(
                    'text/plain',
                    ids.length === 1 ? row.title : `${ids.length} records`,
                  );
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={(e) => {
                  if (e.shiftKey) onSelect(range(anchor, item.index), anchor);
                  else if (e.ctrlKey || e.metaKey) {
                    const next = new Set(selected);
                    if (isSelected) next.delete(row.id);
                    else next.add(row.id);
                    onSelect(next, item.index);
                  }
                  onActive(item.index);
                }}
              >
                <span role="gridcell" className="col-select">
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    aria-label={`Select “${row.title}”`}
                    checked={isSelected}
                    onChange={() => {
                      const next = new Set(selected);
                      if (isSelected) next.delete(row.id);
                      else next.add(row.id);
                      onSelect(next, item.index);
                    }}
                  />
                </span>
                <span role="gridcell" className="col-title">
                  <button
                    type="button"
                    className="catalogue-open"
                    tabIndex={item.index === active ? 0 : -1}
                    onFocus={() => onActive(item.index)}
                    onClick={(e) => {
                      if (!e.shiftKey && !e.ctrlKey && !e.metaKey) onOpen(row.id);
                    }}
                  >
                    {row.title}
                  </button>
                </span>
                <span role="gridcell" className="col-date">
                  {formatDate(row.date) ?? '—'}
                </span>
                <span role="gridcell" className="col-type">
                  {row.type ?? '—'}
                </span>
                <span role="gridcell" className="col-archive">
                  {row.archive ?? '—'}
                </span>
                <span role="gridcell" className="col-langs">
                  {row.originalLang} ↔ {row.translationLang}
                </span>
                <span role="gridcell" className="col-notes">
                  {row.noteCount > 0 ? row.noteCount : ''}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
