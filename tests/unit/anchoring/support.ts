// Helpers that change a stored record's passages the way real edits do: a corrected
// transcription (same row, new text), a re-segmentation (rows reused in order, extra rows added
// or removed, as an alignment fix does), and a whole re-import (every row replaced).
import { createAnnotation } from '../../../src/main/services/annotations/annotations-service';
import type { TestContext as AppContext } from '../support/context';
import type { Annotation, Side } from '../../../src/shared/model';

export function passageTexts(ctx: AppContext, recordId: string, side: Side): string[] {
  return ctx.records.get(recordId)![side].passages.map((p) => p.text);
}

/** Annotates the `nth` occurrence (from 0) of `phrase` on `side`. */
export function annotate(
  ctx: AppContext,
  recordId: string,
  side: Side,
  phrase: string,
  nth = 0,
): Annotation {
  let seen = 0;
  for (const passage of ctx.records.get(recordId)![side].passages) {
    let at = passage.text.indexOf(phrase);
    while (at >= 0) {
      if (seen++ === nth) {
        return createAnnotation(ctx, {
          recordId,
          targets: [{ passageId: passage.id, start: at, end: at + phrase.length }],
        });
      }
      at = passage.text.indexOf(phrase, at + 1);
    }
  }
  throw new Error(`“${phrase}” (#${nth}) not found on the ${side} side`);
}

export function editPassage(ctx: AppContext, passageId: number, text: string): void {
  ctx.db.prepare('UPDATE passages SET text = ? WHERE id = ?').run(text, passageId);
}

/**
 * Gives a side new passages, reusing the existing rows in order (so row ids stay with positions,
 * not with content) and adding or deleting rows at the end, as a split or merge does.
 */
export function resegment(ctx: AppContext, recordId: string, side: Side, texts: string[]): void {
  const rows = ctx.db
    .prepare<[string, Side], { id: number }>(
      'SELECT id FROM passages WHERE record_id = ? AND side = ? ORDER BY ordinal',
    )
    .all(recordId, side);
  ctx.db.transaction(() => {
    // Move ordinals out of the way of the UNIQUE constraint first.
    ctx.db
      .prepare('UPDATE passages SET ordinal = -ordinal - 1 WHERE record_id = ? AND side = ?')
      .run(recordId, side);
    texts.forEach((text, ordinal) => {
      const row = rows[ordinal];
      if (row) {
        ctx.db
          .prepare('UPDATE passages SET text = ?, ordinal = ? WHERE id = ?')
          .run(text, ordinal, row.id);
      } else {
        ctx.db
          .prepare('INSERT INTO passages (record_id, side, ordinal, text) VALUES (?, ?, ?, ?)')
          .run(recordId, side, ordinal, text);
      }
    });
    for (const row of rows.slice(texts.length)) {
      ctx.db.prepare('DELETE FROM passages WHERE id = ?').run(row.id);
    }
  })();
}

/** Replaces every passage of a side with new rows, as a "replace" re-import does. */
export function replacePassages(
  ctx: AppContext,
  recordId: string,
  side: Side,
  texts: string[],
): void {
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM passages WHERE record_id = ? AND side = ?').run(recordId, side);
    texts.forEach((text, ordinal) =>
      ctx.db
        .prepare('INSERT INTO passages (record_id, side, ordinal, text) VALUES (?, ?, ?, ?)')
        .run(recordId, side, ordinal, text),
    );
  })();
}

/** Where an annotation's first target now lies: its passage text and the marked words. */
export function placement(ctx: AppContext, annotationId: string) {
  const target = ctx.annotations.get(annotationId)!.targets[0]!;
  const passage = target.passageId === null ? null : ctx.records.passage(target.passageId);
  return {
    orphaned: target.orphaned,
    marked: passage ? passage.text.slice(target.position.start, target.position.end) : null,
    passageIndex: target.passageIndex,
    exact: target.quote.exact,
    target,
  };
}
