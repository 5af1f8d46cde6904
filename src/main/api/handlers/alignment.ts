// The alignment methods: a record's rows at paragraph or sentence level, each correction, undo and
// re-alignment.
import {
  findRow,
  markNoCounterpart,
  mergeWithNext,
  moveUnit,
  setRowConfirmed,
  splitRow,
} from '@shared/alignment/corrections';
import {
  alignTexts,
  alignmentView,
  applyCorrection,
  realignUnconfirmed,
  setAlignment,
} from '../../services/alignment-store';
import type { HandlersFor } from './types';

export const alignmentHandlers: HandlersFor<'alignment.'> = {
  'alignment.get': (ctx, { recordId, level }) => alignmentView(ctx, recordId, level),
  'alignment.merge': (ctx, { recordId, level, row }) =>
    applyCorrection(ctx, recordId, level, ({ groups }) =>
      mergeWithNext(groups, findRow(groups, row)),
    ),
  'alignment.split': (ctx, { recordId, level, row, original, translation }) =>
    applyCorrection(ctx, recordId, level, ({ groups }) =>
      splitRow(groups, findRow(groups, row), original, translation, level),
    ),
  'alignment.move': (ctx, { recordId, level, side, unit, direction }) =>
    applyCorrection(ctx, recordId, level, ({ groups }) =>
      moveUnit(groups, side, unit, direction, level),
    ),
  'alignment.unpair': (ctx, { recordId, level, side, unit }) =>
    applyCorrection(ctx, recordId, level, ({ groups }) =>
      markNoCounterpart(groups, side, unit, level),
    ),
  'alignment.confirm': (ctx, { recordId, level, row, confirmed }) =>
    applyCorrection(ctx, recordId, level, ({ groups }) =>
      setRowConfirmed(groups, findRow(groups, row), confirmed),
    ),
  'alignment.realign': (ctx, { recordId, level }) => realignUnconfirmed(ctx, recordId, level),
  'alignment.set': (ctx, { recordId, level, groups }) => setAlignment(ctx, recordId, level, groups),
  'alignment.alignTexts': (_ctx, input) => alignTexts(input),
};
