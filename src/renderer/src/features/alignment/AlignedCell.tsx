// One side of one aligned row as the reader draws it, with the row's status between the columns.
import { memo, useCallback, type FocusEvent, type JSX } from 'react';
import type { AlignmentGroup, Passage, Side } from '@shared/model';
import { isDoubtful, type TextUnit } from '@shared/alignment/view';
import { PassageText, type MarkSpan } from '../reader/PassageText';
import type { UnitRef } from './unit-navigation';
import { marksOf } from './unit-marks';

export interface AlignedCellProps {
  side: Side;
  row: number;
  rowKey: string;
  group: AlignmentGroup;
  /** Position and height in the column, from the virtualiser. */
  top: number;
  height: number;
  language: string;
  lang: string;
  /** The view's units of this side as passages (a sentence is a passage's slice). */
  passages: Passage[];
  /** Where each unit of this side starts in its passage. */
  units: readonly TextUnit[];
  marks: Map<number, MarkSpan[]>;
  /** Why the row is doubtful, when it is. */
  note: string | null;
  active: boolean;
  /** The row corrections act on. */
  current: boolean;
  /** The unit of this side that is the keyboard's tab stop, or -1. */
  tabStop: number;
  observeHeight(element: HTMLElement | null): (() => void) | undefined;
  onHover(row: number): void;
  onFocusUnit(unit: UnitRef): void;
}

const noFocusHandler = (): void => undefined;

/** The row's status in the gap between the columns: confirmed, or doubtful with the reason. */
function RowStatus({
  group,
  note,
}: {
  group: AlignmentGroup;
  note: string | null;
}): JSX.Element | null {
  if (group.confirmed) {
    return (
      <span
        className="row-status row-confirmed"
        title="Confirmed by you: re-alignment keeps this row"
      >
        <span aria-hidden="true">✓</span>
        <span className="visually-hidden">Confirmed row.</span>
      </span>
    );
  }
  if (!isDoubtful(group)) return null;
  const reason = note ?? `The aligner is ${Math.round(group.confidence * 100)}% sure of this row.`;
  return (
    <span className="row-status row-doubtful" title={reason}>
      <span aria-hidden="true">?</span>
      <span className="visually-hidden">Low-confidence row: {reason}</span>
    </span>
  );
}

/**
 * One side of one aligned row: its units (passages or sentences) with their marks, or a note
 * that this language has no counterpart here. A unit's wrapper says where it starts in its
 * passage (data-unit-start), so selections inside a sentence map back to passage offsets.
 */
export const AlignedCell = memo(function AlignedCell({
  side,
  row,
  rowKey,
  group,
  top,
  height,
  language,
  lang,
  passages,
  units: starts,
  marks,
  note,
  active,
  current,
  tabStop,
  observeHeight,
  onHover,
  onFocusUnit,
}: AlignedCellProps): JSX.Element {
  const units = group[side];
  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const unit = Number((event.currentTarget as HTMLElement).dataset['unitIndex']);
      onFocusUnit({ side, unit });
    },
    [side, onFocusUnit],
  );
  const classes = [
    'cell',
    `cell-${side}`,
    units.length === 0 ? 'cell-empty' : '',
    active ? 'cell-active' : '',
    current ? 'cell-current' : '',
    isDoubtful(group) ? 'cell-doubtful' : '',
    group.confirmed ? 'cell-confirmed' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      data-row={row}
      style={{ transform: `translateY(${top}px)`, height: height }}
      onMouseEnter={() => onHover(row)}
    >
      <div className="row-body" data-row-key={rowKey} data-side={side} ref={observeHeight}>
        {/* Stacked cells (a narrow window) say which language each one is. */}
        <span className="cell-lang" aria-hidden="true" title={language}>
          {lang.toUpperCase()}
        </span>
        {units.length === 0 ? (
          <span className="no-counterpart">No {language} counterpart</span>
        ) : (
          units.map((unit) => {
            const passage = passages[unit]!;
            return (
              <div
                key={unit}
                className="unit"
                data-unit={`${side}:${unit}`}
                data-unit-index={unit}
                data-unit-start={starts[unit]?.start ?? 0}
                onFocus={onFocus}
              >
                <PassageText
                  passage={passage}
                  lang={lang}
                  spans={marksOf(marks, unit)}
                  tabIndex={tabStop === unit ? 0 : -1}
                  onFocusPassage={noFocusHandler}
                />
              </div>
            );
          })
        )}
      </div>
      {side === 'original' && <RowStatus group={group} note={note} />}
    </div>
  );
});
