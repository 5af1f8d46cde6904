// The reader's aligned texts and their tools: reading by default, alignment correction a mode.
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { isDoubtful, type AlignmentLevel, type AlignmentView } from '@shared/alignment/view';
import type { Annotation, Category, Side } from '@shared/model';
import { useAppState } from '../../app-state';
import { AlignedText, type AlignedTextHandle, type UnitRef } from '../reader/AlignedText';
import { AlignmentToolbar, whyNot, type AlignmentCommand } from './AlignmentToolbar';
import { storedLevel, storeLevel } from './level-preference';
import { handleReveals } from './reveal';
import { useAlignmentActions } from './use-alignment-actions';
import { useAlignmentView } from './use-alignment-view';

export interface AlignedReaderProps {
  recordId: string;
  /** The record's own actions, on the toolbar's first line. */
  actions?: ReactNode;
  annotations: Annotation[];
  categories: Category[];
}

/** A spot in the text that means the same at both levels: a side, a passage, an offset. */
interface Spot {
  side: Side;
  passage: number;
  offset: number;
}

/** The unit of `view` holding a spot (the last unit starting at or before it). */
function unitAt(view: AlignmentView, spot: Spot): UnitRef | null {
  const units = view[spot.side].units;
  let found = -1;
  let low = 0;
  let high = units.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const u = units[mid]!;
    if (u.passage < spot.passage || (u.passage === spot.passage && u.start <= spot.offset)) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found < 0 || units[found]!.passage !== spot.passage) {
    const first = units.findIndex((u) => u.passage === spot.passage);
    return first < 0 ? null : { side: spot.side, unit: first };
  }
  return { side: spot.side, unit: found };
}

const KEY_COMMANDS: Record<string, AlignmentCommand> = {
  m: 'merge',
  s: 'split',
  n: 'unpair',
  y: 'confirm',
};

/** Commands that change the alignment: they work only while correcting it. */
const CORRECTIONS: ReadonlySet<AlignmentCommand> = new Set<AlignmentCommand>([
  'merge',
  'split',
  'move-up',
  'move-down',
  'unpair',
  'confirm',
  'realign',
]);

/**
 * The aligned texts with their alignment tools: the paragraph/sentence switch, and, in the
 * "Correct alignment" mode (key A, as in InterText), corrections by mouse (the toolbar) and
 * keyboard (shortcuts on the focused passage or sentence), undo through the app's history, and
 * low-confidence rows to visit. Reading is the default: the text is calm, and a correction key
 * pressed while reading changes nothing and says how to start correcting.
 */
export function AlignedReader({
  recordId,
  actions: recordActions,
  annotations,
  categories,
}: AlignedReaderProps): JSX.Element {
  const { notify } = useAppState();
  const [level, setLevel] = useState<AlignmentLevel>(storedLevel);
  const { view: loaded, loading, error } = useAlignmentView(recordId, level);
  const view = loaded && loaded.recordId === recordId ? loaded : null;
  const [spot, setSpot] = useState<Spot | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const text = useRef<AlignedTextHandle>(null);
  const refocus = useRef(false);
  const awaiting = useRef(false);
  const queued = useRef<AlignmentCommand | null>(null);
  const actions = useAlignmentActions(view && view.level === level ? view : null);

  const current = useMemo(() => (view && spot ? unitAt(view, spot) : null), [view, spot]);
  const currentRow = useMemo(() => {
    if (!view || !current) return null;
    const row = view.groups.findIndex((g) => g[current.side].includes(current.unit));
    return row < 0 ? null : row;
  }, [view, current]);

  const onCurrentChange = useCallback(
    (unit: UnitRef) => {
      const u = view?.[unit.side].units[unit.unit];
      if (u) setSpot({ side: unit.side, passage: u.passage, offset: u.start });
    },
    [view],
  );

  // After a correction or a switch of level, the focus goes back to the current unit.
  useEffect(() => {
    if (!refocus.current || !view || view.level !== level) return;
    refocus.current = false;
    if (current) text.current?.focusUnit(current);
  }, [view, level, current]);

  useEffect(
    () =>
      handleReveals(async ({ passageId, offset }) => {
        if (!view) return;
        for (const side of ['original', 'translation'] as const) {
          const passage = view[side].passages.findIndex((p) => p.id === passageId);
          if (passage < 0) continue;
          const unit = unitAt(view, { side, passage, offset });
          const row = unit ? view.groups.findIndex((g) => g[side].includes(unit.unit)) : -1;
          if (row >= 0) await text.current?.revealRow(row);
          return;
        }
      }),
    [view],
  );

  const switchLevel = useCallback(
    (next: AlignmentLevel) => {
      if (next === level) return;
      storeLevel(next);
      refocus.current = spot !== null;
      setLevel(next);
    },
    [level, spot],
  );

  const goToDoubtful = (step: 1 | -1): void => {
    if (!view) return;
    const count = view.groups.length;
    const from = currentRow ?? (step === 1 ? -1 : count);
    for (let k = 1; k <= count; k++) {
      const row = (((from + step * k) % count) + count) % count;
      const group = view.groups[row]!;
      if (!isDoubtful(group)) continue;
      const side: Side = group.original.length > 0 ? 'original' : 'translation';
      text.current?.focusUnit({ side, unit: group[side][0]! });
      return;
    }
    notify({ kind: 'info', text: 'No low-confidence rows: every row is confident or confirmed.' });
  };

  const run = async (command: AlignmentCommand): Promise<void> => {
    // A correction acts on the rows on screen: while one is on its way, or its result not yet
    // shown, the next waits (quick M M M merges three rows, not the same two twice).
    if (actions.busy || awaiting.current) {
      queued.current = command;
      return;
    }
    if (command === 'next-doubtful') return goToDoubtful(1);
    if (command === 'previous-doubtful') return goToDoubtful(-1);
    const reason = whyNot(command, view, current, currentRow);
    if (reason) {
      notify({ kind: 'error', text: reason });
      return;
    }
    refocus.current = true;
    let ok = false;
    if (command === 'realign') ok = await actions.realign();
    else if (current && currentRow !== null) {
      if (command === 'merge') ok = await actions.merge(currentRow);
      else if (command === 'split') ok = await actions.split(current.side, current.unit);
      else if (command === 'move-up') ok = await actions.move(current.side, current.unit, 'up');
      else if (command === 'move-down') ok = await actions.move(current.side, current.unit, 'down');
      else if (command === 'unpair') ok = await actions.unpair(current.side, current.unit);
      else if (command === 'confirm')
        ok = await actions.confirm(currentRow, !view?.groups[currentRow]?.confirmed);
    }
    if (ok) awaiting.current = true;
    else {
      refocus.current = false;
      queued.current = null;
      if (current) text.current?.focusUnit(current);
    }
  };

  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });

  // Once the view shows the last correction (or failed to load), a command that came meanwhile
  // runs.
  useEffect(() => {
    awaiting.current = false;
    const next = queued.current;
    queued.current = null;
    if (next) void runRef.current(next);
  }, [view, error]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const textSelected = window.getSelection()?.isCollapsed === false;
    if (!event.altKey && !event.shiftKey && key === 'a' && !textSelected) {
      event.preventDefault();
      setCorrecting((on) => !on);
      return;
    }
    if (key === 'Escape' && correcting && !textSelected) {
      event.preventDefault();
      setCorrecting(false);
      return;
    }
    let command: AlignmentCommand | 'level' | null = null;
    if (event.altKey) {
      if (key === 'ArrowUp') command = 'move-up';
      else if (key === 'ArrowDown') command = 'move-down';
    } else if (key === 'F8') command = event.shiftKey ? 'previous-doubtful' : 'next-doubtful';
    else if (key === 'r' && event.shiftKey) command = 'realign';
    else if (!event.shiftKey && key === 'v') command = 'level';
    else if (!event.shiftKey && KEY_COMMANDS[key] && target.closest('[data-unit]')) {
      // Letters act on the focused passage or sentence only, and leave a text selection to
      // the annotation tools.
      if (window.getSelection()?.isCollapsed === false) return;
      command = KEY_COMMANDS[key]!;
    }
    if (!command) return;
    event.preventDefault();
    event.stopPropagation();
    if (command !== 'level' && CORRECTIONS.has(command) && !correcting) {
      notify({
        kind: 'info',
        text: 'That key corrects the alignment: press A (Correct alignment) first.',
      });
      return;
    }
    if (command === 'level') switchLevel(level === 'paragraph' ? 'sentence' : 'paragraph');
    else void run(command);
  };

  return (
    <div className="aligned-reader" onKeyDown={onKeyDown}>
      <AlignmentToolbar
        level={level}
        view={view && view.level === level ? view : null}
        switching={loading && (!view || view.level !== level)}
        current={view?.level === level ? current : null}
        currentRow={view?.level === level ? currentRow : null}
        busy={actions.busy}
        correcting={correcting}
        onLevel={switchLevel}
        onCommand={(command) => void run(command)}
        onCorrecting={setCorrecting}
        actions={recordActions}
      />
      {error && !view && (
        <p className="record-error" role="alert">
          The alignment could not be loaded: {error}
        </p>
      )}
      {view && (
        <AlignedText
          ref={text}
          view={view}
          annotations={annotations}
          categories={categories}
          current={current}
          showCurrent={correcting}
          onCurrentChange={onCurrentChange}
        />
      )}
    </div>
  );
}
