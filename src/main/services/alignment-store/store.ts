// A record's alignment at paragraph or sentence level: read as a view, corrected, restored and
// re-aligned. Every change is validated (every unit exactly once, rows in order) and written in
// one transaction, and returns the rows before it so the caller can undo.

import type { Correction } from '@shared/alignment/corrections';
import type { AlignmentChange, AlignmentLevel, AlignmentView } from '@shared/alignment/view';
import { ApiError } from '@shared/api/errors';
import type { AlignmentGroup, RecordDocument, Side } from '@shared/model';
import { alignmentProblem, realign } from '../alignment';
import type { AppContext } from '../context';
import { requireRecord } from '../library/require-record';
import { explainDoubtfulRows, rowEvidence, type RowTexts } from './explain';
import { cachedSentenceLayout } from './layout-cache';
import { learnFromConfirmedRows, libraryLexicon, lexiconVersion } from './library-lexicon';
import {
  deriveSentenceRows,
  paragraphRowProblem,
  sentenceRowsToStore,
  type SentenceLayout,
} from './sentence-rows';

/** A record's alignment at one level, with what is needed to change it. */
export interface LevelState {
  record: RecordDocument;
  level: AlignmentLevel;
  groups: AlignmentGroup[];
  /** Sentence level only: the record's sentences and paragraph rows. */
  layout: SentenceLayout | null;
  counts: Record<Side, number>;
}

export function loadLevel(ctx: AppContext, recordId: string, level: AlignmentLevel): LevelState {
  const record = requireRecord(ctx, recordId);
  if (level === 'paragraph') {
    return {
      record,
      level,
      groups: record.alignment,
      layout: null,
      counts: {
        original: record.original.passages.length,
        translation: record.translation.passages.length,
      },
    };
  }
  const layout = cachedSentenceLayout(ctx, record);
  const groups = deriveSentenceRows(layout, ctx.alignment.sentenceGroups(recordId));
  return {
    record,
    level,
    groups,
    layout,
    counts: {
      original: layout.units.original.length,
      translation: layout.units.translation.length,
    },
  };
}

/** The text of a unit of the level: a passage, or a sentence's slice of one. */
function unitTexts(state: LevelState): (side: Side, unit: number) => string {
  return (side, unit) => {
    const passages = state.record[side].passages;
    if (!state.layout) return passages[unit]?.text ?? '';
    const u = state.layout.units[side][unit];
    return u ? (passages[u.passage]?.text.slice(u.start, u.end) ?? '') : '';
  };
}

/** Refuses rows that are not a complete alignment of the level's units. */
function validate(state: LevelState, groups: readonly AlignmentGroup[]): void {
  const problem =
    alignmentProblem(groups, state.counts.original, state.counts.translation) ??
    (state.layout ? paragraphRowProblem(state.layout, groups) : null);
  if (problem !== null) {
    throw new ApiError(
      'invalid_input',
      `This ${state.level} alignment cannot be stored: ${problem}. Nothing was changed.`,
      [{ path: 'groups', message: problem }],
    );
  }
}

function write(ctx: AppContext, state: LevelState, groups: readonly AlignmentGroup[]): void {
  validate(state, groups);
  if (state.layout) {
    ctx.alignment.replaceSentenceGroups(
      state.record.id,
      sentenceRowsToStore(state.layout, groups),
      ctx.now(),
    );
  } else {
    ctx.alignment.replaceParagraphRows(state.record.id, groups, ctx.now());
  }
}

function change(state: LevelState, groups: AlignmentGroup[], description: string): AlignmentChange {
  return {
    recordId: state.record.id,
    level: state.level,
    groups,
    previous: state.groups,
    description,
  };
}

/** The rows of a record at one level, with the units they group and notes on doubtful rows. */
export function alignmentView(
  ctx: AppContext,
  recordId: string,
  level: AlignmentLevel,
): AlignmentView {
  const state = loadLevel(ctx, recordId, level);
  const { record } = state;
  const units = (side: Side) =>
    state.layout
      ? state.layout.units[side]
      : record[side].passages.map((p) => ({ passage: p.index, start: 0, end: p.text.length }));
  const view: AlignmentView = {
    recordId,
    level,
    original: {
      lang: record.original.lang,
      passages: record.original.passages,
      units: units('original'),
    },
    translation: {
      lang: record.translation.lang,
      passages: record.translation.passages,
      units: units('translation'),
    },
    groups: state.groups,
    notes: [],
    evidence: [],
  };
  const texts: RowTexts = {
    lang: { original: record.original.lang, translation: record.translation.lang },
    text: unitTexts(state),
  };
  view.notes = explainDoubtfulRows(
    state.groups,
    texts,
    level === 'sentence' ? 'sentence' : 'passage',
  );
  view.evidence = rowEvidence(ctx, view, texts, {
    counts: libraryLexicon(ctx, record.original.lang, record.translation.lang),
    version: lexiconVersion(ctx),
  });
  return view;
}

/**
 * Applies one correction to the rows of a level and stores the result, all in one transaction.
 * `correct` computes the new rows from the current ones (and throws when it makes no sense).
 */
export function applyCorrection(
  ctx: AppContext,
  recordId: string,
  level: AlignmentLevel,
  correct: (state: LevelState) => Correction,
): AlignmentChange {
  return ctx.transaction(() => {
    const state = loadLevel(ctx, recordId, level);
    const { groups, description } = correct(state);
    write(ctx, state, groups);
    // Every confirmed or corrected row teaches the library's lexicon (and undoing untrains it).
    learnFromConfirmedRows(
      ctx,
      recordId,
      level,
      { original: state.record.original.lang, translation: state.record.translation.lang },
      groups,
      unitTexts(state),
    );
    return change(state, groups, description);
  });
}

/** Stores complete rows as given (undo and redo): validated, in one transaction. */
export function setAlignment(
  ctx: AppContext,
  recordId: string,
  level: AlignmentLevel,
  groups: AlignmentGroup[],
): AlignmentChange {
  return applyCorrection(ctx, recordId, level, () => ({
    groups,
    description: `Restore the ${level} alignment`,
  }));
}

/** Aligns again every row nobody confirmed; confirmed rows stay exactly as they are. */
export function realignUnconfirmed(
  ctx: AppContext,
  recordId: string,
  level: AlignmentLevel,
): AlignmentChange {
  return applyCorrection(ctx, recordId, level, (state) => {
    const keep = state.groups.filter((group) => group.confirmed);
    const description = `Re-align the unconfirmed ${level} rows`;
    if (state.layout) {
      return {
        groups: deriveSentenceRows(state.layout, sentenceRowsToStore(state.layout, keep)),
        description,
      };
    }
    const texts = (side: Side): string[] => state.record[side].passages.map((p) => p.text);
    const groups = realign(
      texts('original'),
      texts('translation'),
      {
        originalLang: state.record.original.lang,
        translationLang: state.record.translation.lang,
        lexicon: libraryLexicon(ctx, state.record.original.lang, state.record.translation.lang),
      },
      keep,
    );
    return { groups, description };
  });
}
