import { useEffect, useRef, type JSX, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RecordSummary } from '@shared/model';
import { formatDate } from '@shared/citation';
import { PanelToggle, usePanelCollapsed } from '../../components/PanelToggle';
import '../../styles/library.css';

export interface LibraryListProps {
  records: RecordSummary[] | null;
  selectedId: string | null;
  onOpen(id: string): void;
}

/**
 * The library beside the reader: every record as a button named by its title, compact and
 * virtualised (only the rows in view are in the page), so ten thousand records scroll at
 * once. Up/Down, Home/End move between records; Enter opens. Records can be dragged onto a
 * collection in the catalogue.
 */
export function LibraryList({ records, selectedId, onOpen }: LibraryListProps): JSX.Element {
  const scroller = useRef<HTMLElement>(null);
  const [collapsed, setCollapsed] = usePanelCollapsed('marginalia.libraryPanel');
  const list = records ?? [];
  // TanStack Virtual returns functions the React compiler cannot memoise; this component
  // re-renders on scroll as the virtualiser needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 8,
    getItemKey: (index) => list[index]?.id ?? index,
  });

  // Keep the open record in view (it may have been opened from search or the catalogue).
  const selectedIndex = selectedId ? list.findIndex((r) => r.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const focusIndex = (index: number): void => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // The row is rendered on the next frame if it was out of view.
    const focus = (tries: number): void => {
      const button = scroller.current?.querySelector<HTMLElement>(`[data-list-index="${index}"]`);
      if (button) button.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(5);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const at = Number((event.target as HTMLElement).dataset['listIndex']);
    if (Number.isNaN(at)) return;
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = Math.min(at + 1, list.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = list.length - 1;
    if (next === null) return;
    event.preventDefault();
    focusIndex(next);
  };

  const toggle = (
    <PanelToggle
      name="library list"
      side="left"
      collapsed={collapsed}
      controls="library-list"
      onToggle={() => setCollapsed(!collapsed)}
    />
  );
  if (collapsed) {
    return (
      <nav className="library library-collapsed" aria-label="Library">
        {toggle}
      </nav>
    );
  }

  return (
    <nav ref={scroller} id="library-list" className="library" aria-label="Library">
      {toggle}
      <h2 className="library-heading">
        Library{' '}
        {records && records.length > 0 && (
          <span className="library-count">{records.length.toLocaleString('en')}</span>
        )}
      </h2>
      {records === null ? (
        <p className="muted">Loading…</p>
      ) : records.length === 0 ? (
        <p className="muted">No records yet. Use Import to add an archive record.</p>
      ) : (
        <ul
          className="library-list"
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const record = list[item.index]!;
            const selected = record.id === selectedId;
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="library-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <button
                  type="button"
                  className="library-item"
                  data-list-index={item.index}
                  aria-current={selected ? 'page' : undefined}
                  // One tab stop for the whole list: the open record, else the first.
                  tabIndex={selected || (selectedIndex < 0 && item.index === 0) ? 0 : -1}
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData(
                      'application/x-marginalia-records',
                      JSON.stringify([record.id]),
                    );
                    e.dataTransfer.setData('text/plain', record.title);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => onOpen(record.id)}
                >
                  <span className="library-title">{record.title}</span>
                  <span className="library-meta" aria-hidden="true">
                    {[formatDate(record.date), `${record.originalLang} ↔ ${record.translationLang}`]
                      .filter(Boolean)
                      .join(' · ')}
                    {record.annotationCount > 0 && ` · ${record.annotationCount} ✎`}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
