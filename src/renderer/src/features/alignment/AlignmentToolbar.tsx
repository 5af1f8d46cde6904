// The bar above the text: the row level, the record's actions, and the alignment correction tools.
import type { JSX, ReactNode } from 'react';
import { markNoCounterpart, moveUnit, proposeSplit, unitWord } from '@shared/alignment/corrections';
import {
  evidenceKinds,
  isDoubtful,
  type AlignmentLevel,
  type AlignmentView,
} from '@shared/alignment/view';
import type { UnitRef } from './unit-navigation';
import { unitLengths } from './use-alignment-actions';

export type AlignmentCommand =
  | 'merge'
  | 'split'
  | 'move-up'
  | 'move-down'
  | 'unpair'
  | 'confirm'
  | 'next-doubtful'
  | 'previous-doubtful'
  | 'realign';

export interface AlignmentToolbarProps {
  level: AlignmentLevel;
  view: AlignmentView | null;
  /** A view for another level than the one shown is on its way. */
  switching: boolean;
  current: UnitRef | null;
  currentRow: number | null;
  busy: boolean;
  /** Correcting the alignment: the correction tools show; otherwise only the reading controls. */
  correcting: boolean;
  onLevel(level: AlignmentLevel): void;
  onCommand(command: AlignmentCommand): void;
  onCorrecting(on: boolean): void;
  /** The record's own actions, on the bar's first line while reading (a line saved above the
   * text); correcting, the bar holds only its tools. */
  actions?: ReactNode;
}

/** Why a correction cannot apply to the current unit, or null when it can. */
export function whyNot(
  command: AlignmentCommand,
  view: AlignmentView | null,
  current: UnitRef | null,
  row: number | null,
): string | null {
  if (!view) return 'The alignment is still loading.';
  const word = unitWord(view.level);
  if (command === 'realign' || command === 'next-doubtful' || command === 'previous-doubtful') {
    return null;
  }
  if (!current || row === null) {
    return `Choose a ${word} first: click it, or Tab into the text and use the arrow keys.`;
  }
  try {
    switch (command) {
      case 'merge':
        return row < view.groups.length - 1
          ? null
          : `Row ${row + 1} is the last row; there is no row after it to merge it with.`;
      case 'split':
        proposeSplit(view.groups, row, current.side, current.unit, unitLengths(view), view.level);
        return null;
      case 'move-up':
        moveUnit(view.groups, current.side, current.unit, 'up', view.level);
        return null;
      case 'move-down':
        moveUnit(view.groups, current.side, current.unit, 'down', view.level);
        return null;
      case 'unpair':
        markNoCounterpart(view.groups, current.side, current.unit, view.level);
        return null;
      default:
        return null;
    }
  } catch (error) {
    return (error as Error).message;
  }
}

function Shortcut({ keys }: { keys: string }): JSX.Element {
  return <kbd aria-hidden="true">{keys}</kbd>;
}

function describeRow(view: AlignmentView, row: number | null): ReactNode {
  if (row === null) {
    return `Choose a row to correct: click a ${unitWord(view.level)}, or Tab into the text.`;
  }
  const group = view.groups[row];
  if (!group) return null;
  const where = `Row ${row + 1} of ${view.groups.length}`;
  if (group.confirmed) return `${where} · confirmed by you`;
  const note = view.notes.find((n) => n.row === row)?.reason;
  const evidence = evidenceOf(view, row);
  if (isDoubtful(group) && note) {
    return (
      <>
        {where} · <strong className="doubt">low confidence</strong> · {note}
        {evidence}
      </>
    );
  }
  return `${where} · ${Math.round(group.confidence * 100)}% sure${evidence}`;
}

/** What made the row, as " · evidence: words 8/9, names 1, length", or "" when nothing did. */
function evidenceOf(view: AlignmentView, row: number): string {
  const evidence = view.evidence.find((e) => e.row === row);
  if (!evidence) return '';
  if (evidence.refused) return ' · too little evidence to pair';
  const kinds = evidenceKinds(evidence);
  return kinds.length > 0 ? ` · evidence: ${kinds.join(', ')}` : '';
}

/**
 * The reader's controls above the text. Reading: paragraph or sentence rows, and the switch
 * into "Correct alignment" (key A), nothing more (doubtful rows stay marked in the text).
 * Correcting: the correction tools for the current row with their shortcuts, the way to the
 * next doubtful row, re-alignment of the rest, and what the current row is. Controls that do
 * not apply say why (title, and a notice when pressed anyway).
 */
export function AlignmentToolbar(props: AlignmentToolbarProps): JSX.Element {
  const { view, current, currentRow, level, correcting } = props;
  const word = unitWord(level);
  const doubtful = view ? view.groups.filter(isDoubtful).length : 0;
  const confirmedRow = view && currentRow !== null ? !!view.groups[currentRow]?.confirmed : false;

  const button = (
    command: AlignmentCommand,
    label: string,
    keys: string,
    shortcut: string,
    /** Words the name adds to the visible label (the name starts with what is seen). */
    more = '',
  ): JSX.Element => {
    const reason = props.busy
      ? 'Busy with the previous correction.'
      : whyNot(command, view, current, currentRow);
    return (
      <button
        type="button"
        className="button bar-button"
        aria-disabled={reason !== null}
        aria-keyshortcuts={shortcut}
        title={reason ? `${label}${more}: not now. ${reason}` : `${label}${more} (${keys})`}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => props.onCommand(command)}
      >
        {label}
        {more && <span className="visually-hidden">{more}</span>}
        <Shortcut keys={keys} />
      </button>
    );
  };

  return (
    <div
      className={correcting ? 'alignment-bar alignment-bar-correcting' : 'alignment-bar'}
      role="group"
      aria-label="Reader"
    >
      <div className="bar-line">
        <div className="view-switch" role="group" aria-label="Rows of">
          {(['paragraph', 'sentence'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="switch-button"
              aria-pressed={level === value}
              aria-keyshortcuts="V"
              onClick={() => props.onLevel(value)}
            >
              {value === 'paragraph' ? 'Paragraphs' : 'Sentences'}
            </button>
          ))}
          <Shortcut keys="V" />
        </div>
        {!correcting && props.actions}
        <button
          type="button"
          className="button bar-button mode-button"
          aria-pressed={correcting}
          aria-keyshortcuts="A"
          title={
            correcting
              ? 'Back to reading: the correction tools hide (A or Esc)'
              : 'Correct alignment: merge, split and move rows (A)'
          }
          onClick={() => props.onCorrecting(!correcting)}
        >
          Correct alignment
          <Shortcut keys="A" />
        </button>
      </div>
      {correcting && (
        <>
          <div className="bar-line">
            <div className="bar-group" role="group" aria-label="Correct the current row">
              {button('merge', 'Merge', 'M', 'M', ' with the next row')}
              {button('split', 'Split', 'S', 'S', ` the row here, before this ${word}`)}
              {button(
                'move-up',
                'Move up',
                'Alt+↑',
                'Alt+ArrowUp',
                `: this ${word} into the row above`,
              )}
              {button(
                'move-down',
                'Move down',
                'Alt+↓',
                'Alt+ArrowDown',
                `: this ${word} into the row below`,
              )}
              {button('unpair', 'No counterpart', 'N', 'N', ` for this ${word}`)}
              {button('confirm', confirmedRow ? 'Unconfirm' : 'Confirm', 'Y', 'Y', ' the row')}
            </div>
            <div className="bar-group" role="group" aria-label="Low-confidence rows">
              <span className="doubt-count">
                {doubtful === 1 ? '1 low-confidence row' : `${doubtful} low-confidence rows`}
              </span>
              {button(
                'previous-doubtful',
                'Previous',
                'Shift+F8',
                'Shift+F8',
                ' low-confidence row',
              )}
              {button('next-doubtful', 'Next', 'F8', 'F8', ' low-confidence row')}
            </div>
            {button(
              'realign',
              'Re-align the rest',
              'Shift+R',
              'Shift+R',
              ': every row not confirmed',
            )}
          </div>
          <p className="row-summary" aria-live="polite">
            {props.switching
              ? `Preparing the ${level} view…`
              : view
                ? describeRow(view, currentRow)
                : 'Loading the alignment…'}
          </p>
        </>
      )}
    </div>
  );
}
