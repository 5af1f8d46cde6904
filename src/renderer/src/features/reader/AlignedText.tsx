// The two texts in aligned rows, virtualised, side by side or stacked when the window is narrow.
import {
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { rowKey, rowsOfUnits, type AlignmentView } from '@shared/alignment/view';
import type { Annotation, Category, Side } from '@shared/model';
import { languageName } from '@shared/text/language';
import { AlignedCell } from '../alignment/AlignedCell';
import { CHAR_WIDTH, estimateCellHeights, estimateRowHeight } from '../alignment/row-estimate';
import { unitMarks, unitPassages } from '../alignment/unit-marks';
import { useRowHeights } from '../alignment/use-row-heights';
import { unitAfterKey, type UnitRef } from '../alignment/unit-navigation';
import { useScrollParent } from '../alignment/use-scroll-parent';
import '../../styles/alignment.css';

/** A unit (passage or sentence) of one side of the view. */
export type { UnitRef };

export interface AlignedTextHandle {
  /** Scrolls the unit's row into view and moves the keyboard focus to the unit. */
  focusUnit(unit: UnitRef): void;
  /** Scrolls a row into view; resolves once its cells are in the page. */
  revealRow(row: number): Promise<void>;
}

export interface AlignedTextProps {
  view: AlignmentView;
  annotations: Annotation[];
  categories: Category[];
  /** The unit corrections act on (it holds the keyboard focus stop); null for none yet. */
  current: UnitRef | null;
  /** Outline the current row (while correcting the alignment). */
  showCurrent: boolean;
  onCurrentChange(unit: UnitRef): void;
  ref?: Ref<AlignedTextHandle>;
}

const SIDE_LABEL: Record<Side, string> = { original: 'Original', translation: 'Translation' };
// Up to this many rows, every row is in the page (find in page and printing keep working);
// longer records render only the rows near the viewport.
const RENDER_ALL_ROWS = 150;
const COLUMN_GAP = 40;
/** Lines shorter than this many characters read badly: below it, the cells are stacked. */
const MIN_LINE_CHARACTERS = 40;
/** Side by side needs two columns of MIN_LINE_CHARACTERS (with the cells' padding) and the gap. */
const STACK_BELOW = 2 * (MIN_LINE_CHARACTERS * CHAR_WIDTH * 1.05 + 16) + COLUMN_GAP;

const unitKey = (side: Side, unit: number): string => `${side}:${unit}`;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * The record's two texts side by side, one aligned row per group of the view. Each column is a
 * region named by its language. Rows are virtualised: only those near the viewport are in the
 * page, positioned absolutely, each as tall as the taller of its two cells. Hovering or
 * focusing a unit lights up its row in both columns; arrow keys move between units (Up/Down in
 * a column, Left/Right to the counterpart, Home/End, Page Up/Down).
 */
export function AlignedText({
  view,
  annotations,
  categories,
  current,
  showCurrent,
  onCurrentChange,
  ref,
}: AlignedTextProps): JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const rowsAnchor = useRef<HTMLDivElement>(null);
  const [activeRow, setActiveRow] = useState<number | null>(null);
  const [width, setWidth] = useState(960);
  const pendingFocus = useRef<UnitRef | null>(null);
  /** True while the keyboard focus is on a unit of the text (even one being re-rendered). */
  const focusInside = useRef(false);
  const scroll = useScrollParent(rowsAnchor);
  const groups = view.groups;

  const rowOfUnit = useMemo(
    () =>
      rowsOfUnits(groups, {
        original: view.original.units.length,
        translation: view.translation.units.length,
      }),
    [groups, view],
  );
  const passages = useMemo(() => unitPassages(view), [view]);
  const marks = useMemo(
    () => unitMarks(view, annotations, categories),
    [view, annotations, categories],
  );
  const notes = useMemo(() => new Map(view.notes.map((n) => [n.row, n.reason])), [view]);
  const indexOfKey = useMemo(() => {
    const map = new Map(groups.map((g, k) => [rowKey(g), k]));
    return (key: string) => map.get(key) ?? -1;
  }, [groups]);

  const focusStop: UnitRef =
    current ??
    (view.original.units.length > 0
      ? { side: 'original', unit: 0 }
      : { side: 'translation', unit: 0 });
  const focusRow = rowOfUnit[focusStop.side][focusStop.unit] ?? 0;

  // A narrow window (a small screen, a large zoom) stacks each row's cells, original above
  // translation, so lines stay long enough to read and the rows stay paired.
  const stacked = width < STACK_BELOW;
  const columnWidth = stacked ? width : Math.max(200, (width - COLUMN_GAP) / 2);
  const lengths = useMemo(() => {
    const length = (side: Side) => (unit: number) => {
      const u = view[side].units[unit];
      return u ? u.end - u.start : 0;
    };
    return { original: length('original'), translation: length('translation') };
  }, [view]);
  const estimate = useCallback(
    (index: number) => {
      const group = groups[index];
      return group ? estimateRowHeight(group, lengths, columnWidth, stacked) : 60;
    },
    [groups, lengths, columnWidth, stacked],
  );
  const rangeExtractor = useCallback(
    (range: Range) => {
      if (range.count <= RENDER_ALL_ROWS) return Array.from({ length: range.count }, (_, k) => k);
      const rows = new Set(defaultRangeExtractor(range));
      // The unit holding the focus stop stays in the page, or Tab and the focus would be lost.
      if (focusRow < range.count) rows.add(focusRow);
      return [...rows].sort((a, b) => a - b);
    },
    [focusRow],
  );
  // TanStack Virtual hands out functions the React Compiler cannot memoise; this component is
  // left to plain React (the rule's documented way for this library).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count: groups.length,
    getScrollElement: () => scroll.element,
    estimateSize: estimate,
    getItemKey: (index) => (groups[index] ? rowKey(groups[index]) : index),
    rangeExtractor,
    overscan: 6,
    scrollMargin: scroll.margin,
    useFlushSync: false,
  });
  const rowHeights = useRowHeights(virtualizer, indexOfKey, stacked);
  /** Where a row's translation cell starts below its original cell, when stacked. */
  const originalHeight = (group: (typeof groups)[number], key: string, size: number): number =>
    Math.min(
      size,
      rowHeights.measured(key)?.original ??
        estimateCellHeights(group, lengths, columnWidth).original,
    );

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Focus requested for a unit that was not in the page yet: focus it once its row renders.
  // And when a re-render took away the focused unit (its row was rebuilt after a correction,
  // an undo or a reload of the view), the focus goes back to the unit, not to the page.
  useLayoutEffect(() => {
    const active = document.activeElement;
    const lost = focusInside.current && (active === null || active === document.body);
    const wanted = pendingFocus.current ?? (lost ? focusStop : null);
    if (!wanted) return;
    const element = container.current?.querySelector<HTMLElement>(
      `[data-unit="${unitKey(wanted.side, wanted.unit)}"] .passage`,
    );
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  const focusUnit = useCallback(
    (unit: UnitRef) => {
      const row = rowOfUnit[unit.side][unit.unit];
      if (row === undefined || row < 0) return;
      pendingFocus.current = unit;
      onCurrentChange(unit);
      setActiveRow(row);
      virtualizer.scrollToIndex(row, { align: 'auto' });
      const element = container.current?.querySelector<HTMLElement>(
        `[data-unit="${unitKey(unit.side, unit.unit)}"] .passage`,
      );
      if (element) {
        pendingFocus.current = null;
        element.focus({ preventScroll: true });
      }
    },
    [rowOfUnit, onCurrentChange, virtualizer],
  );

  const revealRow = useCallback(
    async (row: number) => {
      if (row < 0 || row >= groups.length) return;
      virtualizer.scrollToIndex(row, { align: 'center' });
      for (let frame = 0; frame < 120; frame++) {
        await nextFrame();
        if (container.current?.querySelector(`.cell[data-row="${row}"]`)) break;
      }
      await nextFrame();
    },
    [groups.length, virtualizer],
  );

  useImperativeHandle(ref, () => ({ focusUnit, revealRow }), [focusUnit, revealRow]);

  const onFocusUnit = useCallback(
    (unit: UnitRef) => {
      onCurrentChange(unit);
      setActiveRow(rowOfUnit[unit.side][unit.unit] ?? null);
    },
    [onCurrentChange, rowOfUnit],
  );

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const holder = (event.target as HTMLElement).closest<HTMLElement>('[data-unit]');
    if (!holder || !(event.target as HTMLElement).matches('.passage')) return;
    const [side, unit] = holder.dataset['unit']!.split(':') as [Side, string];
    const next = unitAfterKey(view, rowOfUnit, { side, unit: Number(unit) }, event.key);
    if (next === undefined) return;
    event.preventDefault();
    if (next) focusUnit(next);
  };

  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  const renderColumn = (side: Side): JSX.Element => {
    const language = languageName(view[side].lang);
    return (
      <section className={`column column-${side}`} aria-label={`${SIDE_LABEL[side]}: ${language}`}>
        <h2 className="column-heading">
          {SIDE_LABEL[side]} <span className="column-language">· {language}</span>
        </h2>
        <div
          className="column-rows"
          style={{ height: total }}
          ref={side === 'original' ? rowsAnchor : undefined}
        >
          {items.map((item) => {
            const group = groups[item.index]!;
            const key = rowKey(group);
            let top = item.start - scroll.margin;
            let height = item.size;
            if (stacked) {
              const above = originalHeight(group, key, item.size);
              if (side === 'original') height = above;
              else {
                top += above;
                height -= above;
              }
            }
            return (
              <AlignedCell
                key={item.key}
                side={side}
                row={item.index}
                rowKey={key}
                group={group}
                top={top}
                height={height}
                language={language}
                lang={view[side].lang}
                passages={passages[side]}
                units={view[side].units}
                marks={marks[side]}
                note={notes.get(item.index) ?? null}
                active={item.index === activeRow}
                current={showCurrent && item.index === focusRow && current !== null}
                tabStop={focusStop.side === side ? focusStop.unit : -1}
                observeHeight={rowHeights.observe}
                onHover={setActiveRow}
                onFocusUnit={onFocusUnit}
              />
            );
          })}
        </div>
      </section>
    );
  };

  return (
    <div
      ref={container}
      className={stacked ? 'aligned aligned-virtual aligned-stacked' : 'aligned aligned-virtual'}
      data-level={view.level}
      onMouseLeave={() => setActiveRow(null)}
      onKeyDown={moveFocus}
      onFocus={() => (focusInside.current = true)}
      onBlur={(event) => {
        const left = event.target;
        if (container.current?.contains(event.relatedTarget as Node | null)) return;
        // A unit removed by a re-render loses the focus too; only a unit still in the page
        // was left on purpose.
        window.setTimeout(() => {
          if (left.isConnected) focusInside.current = false;
        }, 0);
      }}
    >
      {renderColumn('original')}
      {renderColumn('translation')}
    </div>
  );
}
