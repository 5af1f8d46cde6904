import { useCallback, useMemo, useRef, useState } from 'react';
import { proposeSplit, type Direction } from '@shared/alignment/corrections';
import type { AlignmentChange, AlignmentLevel, AlignmentView } from '@shared/alignment/view';
import type { Side } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { useAppState } from '../../app-state';

export interface AlignmentActions {
  /** True while a correction is on its way; further ones wait. */
  busy: boolean;
  merge(row: number): Promise<boolean>;
  split(side: Side, unit: number): Promise<boolean>;
  move(side: Side, unit: number, direction: Direction): Promise<boolean>;
  unpair(side: Side, unit: number): Promise<boolean>;
  confirm(row: number, value: boolean): Promise<boolean>;
  realign(): Promise<boolean>;
}

/** Length in characters of each unit, for proposing where to split. */
export function unitLengths(view: AlignmentView): Record<Side, (unit: number) => number> {
  const of = (side: Side) => (unit: number) => {
    const u = view[side].units[unit];
    return u ? u.end - u.start : 0;
  };
  return { original: of('original'), translation: of('translation') };
}

/**
 * Corrections of the alignment shown in `view`. Each is one API call; when it succeeds it goes
 * on the undo stack (undo and redo store the rows before and after, validated by the core) and
 * the views reload. Failures become an error notice with the core's reason.
 */
export function useAlignmentActions(view: AlignmentView | null): AlignmentActions {
  const { done, notify } = useAppState();
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const run = useCallback(
    async (what: string, call: () => Promise<AlignmentChange>): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      try {
        const change = await call();
        const restore = (groups: AlignmentChange['groups']) => async () => {
          await api.call('alignment.set', {
            recordId: change.recordId,
            level: change.level,
            groups,
          });
        };
        done({
          label: change.description,
          undo: restore(change.previous),
          redo: restore(change.groups),
        });
        notify({ kind: 'info', text: `${change.description}. Ctrl+Z undoes.` });
        return true;
      } catch (error) {
        notify({ kind: 'error', text: `Could not ${what}: ${errorMessage(error)}` });
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [done, notify],
  );

  return useMemo<AlignmentActions>(() => {
    const where = (): { recordId: string; level: AlignmentLevel } | null =>
      view ? { recordId: view.recordId, level: view.level } : null;
    const rowOf = (row: number) => {
      const group = view?.groups[row];
      return group ? { original: group.original, translation: group.translation } : null;
    };
    const missing = async (): Promise<boolean> => false;
    return {
      busy,
      merge: (row) => {
        const at = where();
        const group = rowOf(row);
        if (!at || !group) return missing();
        return run('merge the rows', () => api.call('alignment.merge', { ...at, row: group }));
      },
      split: (side, unit) => {
        const at = where();
        if (!at || !view) return missing();
        return run('split the row', async () => {
          const row = view.groups.findIndex((g) => g[side].includes(unit));
          const keep = proposeSplit(view.groups, row, side, unit, unitLengths(view), view.level);
          return api.call('alignment.split', {
            ...at,
            row: rowOf(row)!,
            original: keep.original,
            translation: keep.translation,
          });
        });
      },
      move: (side, unit, direction) => {
        const at = where();
        if (!at) return missing();
        return run(`move the ${at.level === 'sentence' ? 'sentence' : 'passage'}`, () =>
          api.call('alignment.move', { ...at, side, unit, direction }),
        );
      },
      unpair: (side, unit) => {
        const at = where();
        if (!at) return missing();
        return run('mark it as having no counterpart', () =>
          api.call('alignment.unpair', { ...at, side, unit }),
        );
      },
      confirm: (row, value) => {
        const at = where();
        const group = rowOf(row);
        if (!at || !group) return missing();
        return run(value ? 'confirm the row' : 'unconfirm the row', () =>
          api.call('alignment.confirm', { ...at, row: group, confirmed: value }),
        );
      },
      realign: () => {
        const at = where();
        if (!at) return missing();
        return run('re-align', () => api.call('alignment.realign', at));
      },
    };
  }, [view, busy, run]);
}
