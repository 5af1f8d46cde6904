// Re-anchoring a record's annotations after its text changed: a corrected transcription, an
// alignment fix that split, merged or moved passages, a re-import that replaced every passage
// (annotation_targets.passage_id is ON DELETE SET NULL, so such targets keep side, index, quote
// and offsets but lose their passage), or annotations imported from elsewhere.
import {
  anchorOnSide,
  positionHolds,
  SideText,
  type TargetSelectors,
} from '@shared/anchoring/anchor';
import { describeSpan } from '@shared/anchoring/selectors';
import { ApiError } from '@shared/api/errors';
import type { Passage, ReanchorReport, Side } from '@shared/model';
import type { StoredTarget, TargetAnchorUpdate } from '../../db/repositories';
import type { AppContext } from '../context';

function selectorsOf(target: StoredTarget): TargetSelectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: target.exact,
      prefix: target.prefix,
      suffix: target.suffix,
    },
    position: { type: 'TextPositionSelector', start: target.start, end: target.end },
  };
}

/**
 * Places every target of the record's annotations again where its passage is gone, its quote no
 * longer matches the passage text, or it was orphaned before: first the passage it belonged to
 * (or the one now at its old index), then that passage's neighbours, then the whole side; by
 * position, exact quote, then fuzzy quote. A target found is rewritten (passage, index, offsets,
 * quote and context); one not found with confidence is flagged orphaned and keeps its quote. All
 * writes happen in one transaction. Intact targets are left alone.
 */
export function reanchorRecord(ctx: AppContext, recordId: string): ReanchorReport {
  const record = ctx.records.get(recordId);
  if (!record) throw new ApiError('not_found', `There is no record with id “${recordId}”.`);

  const passages: Record<Side, Passage[]> = {
    original: record.original.passages,
    translation: record.translation.passages,
  };
  const sideTexts = new Map<Side, SideText>();
  const sideText = (side: Side): SideText => {
    let text = sideTexts.get(side);
    if (!text) {
      text = new SideText(passages[side].map((p) => p.text));
      sideTexts.set(side, text);
    }
    return text;
  };
  const located = new Map<number, { side: Side; index: number }>();
  for (const side of ['original', 'translation'] as const) {
    passages[side].forEach((p, index) => located.set(p.id, { side, index }));
  }

  const report: ReanchorReport = {
    recordId,
    targets: 0,
    unchanged: 0,
    reanchored: 0,
    byMethod: { position: 0, exact: 0, fuzzy: 0 },
    orphaned: 0,
    newlyOrphaned: 0,
    orphanedAnnotationIds: [],
    changedAnnotationIds: [],
  };
  const changed = new Set<string>();
  const rewrite = (target: StoredTarget, update: TargetAnchorUpdate): void => {
    ctx.annotations.updateTargetAnchor(update);
    changed.add(target.annotation_id);
  };
  const orphanIds = new Set<string>();

  ctx.transaction(() => {
    for (const target of ctx.annotations.storedTargetsOfRecord(recordId)) {
      report.targets++;
      const side = target.side;
      const own = target.passage_id === null ? undefined : located.get(target.passage_id);
      const ownIndex = own && own.side === side ? own.index : null;
      const selectors = selectorsOf(target);

      if (target.orphaned === 0 && ownIndex !== null) {
        const passage = passages[side][ownIndex]!;
        if (positionHolds(passage.text, selectors)) {
          report.unchanged++;
          if (target.passage_index !== ownIndex) {
            rewrite(target, { ...fieldsOf(target), passageIndex: ownIndex });
          }
          continue;
        }
      }

      const anchored = anchorOnSide(sideText(side), selectors, {
        own: ownIndex,
        oldIndex: target.passage_index,
      });
      if (anchored) {
        const passage = passages[side][anchored.passage]!;
        const { quote } = describeSpan(passage.text, anchored.start, anchored.end);
        rewrite(target, {
          id: target.id,
          passageId: passage.id,
          passageIndex: anchored.passage,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          start: anchored.start,
          end: anchored.end,
          orphaned: false,
        });
        report.reanchored++;
        report.byMethod[anchored.method]++;
      } else {
        report.orphaned++;
        if (target.orphaned === 0) report.newlyOrphaned++;
        orphanIds.add(target.annotation_id);
        // Keep the quote and the last known offsets; keep the passage only if it still exists.
        rewrite(target, {
          ...fieldsOf(target),
          passageId: ownIndex === null ? null : target.passage_id,
          passageIndex: ownIndex ?? target.passage_index,
          orphaned: true,
        });
      }
    }
  });

  report.orphanedAnnotationIds = [...orphanIds];
  report.changedAnnotationIds = [...changed];
  return report;
}

function fieldsOf(target: StoredTarget) {
  return {
    id: target.id,
    passageId: target.passage_id,
    passageIndex: target.passage_index,
    exact: target.exact,
    prefix: target.prefix,
    suffix: target.suffix,
    start: target.start,
    end: target.end,
    orphaned: target.orphaned === 1,
  };
}
