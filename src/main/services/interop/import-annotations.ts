// Imports an annotation file (W3C Web Annotation JSON-LD, Hypothesis JSON, TEI, Marginalia JSON)
// into the library: finds the record each group of annotations belongs to (or creates it, when
// the file carries the texts), stores the annotations and re-anchors them on the record's text
// with the same engine that keeps annotations in place after edits. Everything happens in one
// transaction: a file that fails writes nothing.
import { describeSpan } from '@shared/anchoring/selectors';
import { ApiError } from '@shared/api/errors';
import type { AnnotationImportReport, ImportedRecordReport } from '@shared/api/methods/interop';
import type { Annotation, AnnotationTarget, RecordDocument, Side } from '@shared/model';
import { detectLanguage } from '@shared/text/language';
import { alignSequences } from '../alignment';
import { commentFrom } from '../annotations/annotations-service';
import { reanchorRecord } from '../annotations/reanchor';
import { normaliseTags } from '../annotations/tags';
import type { AppContext } from '../context';
import { SideOffsets } from '../export/side-text';
import { contentHash } from '../library/store-import';
import { findRecordForGroup } from './match-record';
import {
  FORMAT_NAMES,
  type ImportedAnnotation,
  type ImportedGroup,
  type ImportedRecord,
  type ImportedTarget,
  type ParsedAnnotationFile,
} from './model';

/** Which side a target is on when the file does not say: where its quote is, else its script. */
function sideOf(
  target: ImportedTarget,
  record: RecordDocument,
  texts: Record<Side, SideOffsets>,
): Side {
  if (target.side) return target.side;
  if (target.lang) {
    if (record.original.lang === target.lang) return 'original';
    if (record.translation.lang === target.lang) return 'translation';
  }
  const exact = target.quote?.exact ?? '';
  const inOriginal = exact !== '' && texts.original.text.includes(exact);
  const inTranslation = exact !== '' && texts.translation.text.includes(exact);
  if (inOriginal !== inTranslation) return inOriginal ? 'original' : 'translation';
  const lang = detectLanguage(exact);
  return lang !== null && lang === record.translation.lang && lang !== record.original.lang
    ? 'translation'
    : 'original';
}

/**
 * A target stored as "to be placed": its best passage and offsets from the file, its quote, and
 * the orphaned flag, so that re-anchoring places it (by position, exact or fuzzy quote) or
 * honestly leaves it orphaned.
 */
function pendingTarget(
  target: ImportedTarget,
  record: RecordDocument,
  texts: Record<Side, SideOffsets>,
): AnnotationTarget | null {
  const side = sideOf(target, record, texts);
  const passages = record[side].passages;
  let index: number | null = null;
  let start = 0;
  let end = 0;
  if (target.passage && passages[target.passage.index]) {
    ({ index, start, end } = target.passage);
  } else if (target.sidePosition) {
    const from = texts[side].fromPoints(target.sidePosition.start);
    const to = texts[side].fromPoints(target.sidePosition.end);
    if (from && to && from.passage === to.passage) {
      index = from.passage;
      start = from.offset;
      end = to.offset;
    }
  }
  const passage = index === null ? null : passages[index]!;
  let quote = target.quote;
  if (passage && end > start && end <= passage.text.length) {
    const described = describeSpan(passage.text, start, end).quote;
    // Context comes from our text when the span given is the quote given (or no quote was).
    if (!quote || quote.exact === described.exact)
      quote = { exact: described.exact, prefix: described.prefix, suffix: described.suffix };
  }
  if (!quote || quote.exact.trim() === '') return null;
  return {
    passageId: passage?.id ?? null,
    side,
    passageIndex: index ?? 0,
    quote: { type: 'TextQuoteSelector', ...quote },
    position: {
      type: 'TextPositionSelector',
      start,
      end: end > start ? end : start + quote.exact.length,
    },
    orphaned: true,
  };
}

function newRecord(ctx: AppContext, imported: ImportedRecord): string {
  const id = ctx.newRecordId();
  const alignment =
    imported.alignment ??
    alignSequences(imported.original.paragraphs, imported.translation.paragraphs, {
      originalLang: imported.original.lang,
      translationLang: imported.translation.lang,
    });
  ctx.records.insert({
    meta: { id, ...imported.meta },
    contentHash: contentHash(imported),
    original: imported.original,
    translation: imported.translation,
    alignment,
    now: ctx.now(),
  });
  return id;
}

/** A key under which the same annotation imported twice (without an id) is recognised. */
function sameness(createdAt: number, exact: string, comment: string): string {
  return `${createdAt}\u0000${exact}\u0000${comment}`;
}

interface Plan {
  group: ImportedGroup;
  /** The record in the library, or null when it must be created from the file. */
  recordId: string | null;
}

function storeGroup(ctx: AppContext, plan: Plan, warnings: string[]): ImportedRecordReport {
  const created = plan.recordId === null;
  const recordId = plan.recordId ?? newRecord(ctx, plan.group.record!);
  const record = ctx.records.get(recordId)!;
  const texts = {
    original: new SideOffsets(record.original.passages),
    translation: new SideOffsets(record.translation.passages),
  };
  const existing = ctx.annotations.listByRecord(recordId);
  const seen = new Set(
    existing.map((a) => sameness(a.createdAt, a.targets[0]?.quote.exact ?? '', a.comment.text)),
  );
  const categories = ctx.categories.list();
  const report: ImportedRecordReport = {
    recordId,
    title: record.title,
    created,
    imported: 0,
    orphaned: 0,
    skipped: 0,
  };
  const importedIds: string[] = [];
  const now = ctx.now();

  for (const item of plan.group.annotations) {
    if (item.id && ctx.annotations.get(item.id)) {
      report.skipped++;
      continue;
    }
    const targets = item.targets
      .map((t) => pendingTarget(t, record, texts))
      .filter((t): t is AnnotationTarget => t !== null);
    if (targets.length === 0) {
      warnings.push('An annotation without any quoted text was skipped.');
      continue;
    }
    const annotation = toAnnotation(
      () => ctx.newAnnotationId(),
      (replyId) => ctx.annotations.getReply(replyId) !== null,
      item,
      recordId,
      targets,
      categories,
      now,
      warnings,
    );
    const key = sameness(annotation.createdAt, targets[0]!.quote.exact, annotation.comment.text);
    if (!item.id && seen.has(key)) {
      report.skipped++;
      continue;
    }
    seen.add(key);
    ctx.annotations.insert(annotation);
    importedIds.push(annotation.id);
    report.imported++;
  }
  const anchoring = reanchorRecord(ctx, recordId);
  const orphans = new Set(anchoring.orphanedAnnotationIds);
  report.orphaned = importedIds.filter((id) => orphans.has(id)).length;
  return report;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function toAnnotation(
  newId: () => string,
  replyExists: (id: string) => boolean,
  item: ImportedAnnotation,
  recordId: string,
  targets: AnnotationTarget[],
  categories: { id: string; name: string }[],
  now: number,
  warnings: string[],
): Annotation {
  const tags = [...item.tags];
  let categoryId =
    item.categoryId && categories.some((c) => c.id === item.categoryId) ? item.categoryId : null;
  if (!categoryId && item.categoryName) {
    const name = item.categoryName.toLocaleLowerCase();
    categoryId = categories.find((c) => c.name.toLocaleLowerCase() === name)?.id ?? null;
    if (!categoryId) {
      // Nothing is lost: the category this library lacks travels on as a tag.
      tags.push(item.categoryName);
      warnings.push(
        `This library has no category “${item.categoryName}”; those notes are filed under Note with the tag “${item.categoryName}”.`,
      );
    }
  }
  const id = item.id ?? newId();
  const createdAt = item.createdAt ?? now;
  return {
    id,
    recordId,
    categoryId: categoryId ?? 'note',
    comment: commentFrom({ json: item.comment }),
    targets,
    tags: normaliseTags(tags),
    noteType: item.noteType,
    entityId: null,
    replies: item.replies
      .map((r) => ({
        ...r,
        createdAt: r.createdAt ?? createdAt,
        body: commentFrom({ json: r.json }),
      }))
      .filter((r) => r.body.json !== null)
      .map((r) => ({
        // Our own reply ids come back as they were, unless this library already has them.
        id: r.id && SAFE_ID.test(r.id) && !replyExists(r.id) ? r.id : newId(),
        annotationId: id,
        body: r.body,
        createdAt: r.createdAt,
        updatedAt: r.createdAt,
      })),
    createdAt,
    updatedAt: Math.max(createdAt, item.updatedAt ?? createdAt),
  };
}

/**
 * Stores what a file holds. `recordId` names the record the annotations are on when the user
 * says so; otherwise each group finds its record (or brings it along).
 */
export function storeAnnotationFile(
  ctx: AppContext,
  parsed: ParsedAnnotationFile,
  recordId?: string,
): AnnotationImportReport {
  const warnings = [...new Set(parsed.warnings)];
  if (parsed.groups.every((g) => g.annotations.length === 0 && g.record === null)) {
    throw new ApiError(
      'bad_file',
      `This ${FORMAT_NAMES[parsed.format]} file holds no annotations.`,
    );
  }
  if (recordId && !ctx.records.exists(recordId))
    throw new ApiError('not_found', `There is no record with id “${recordId}”.`);
  const plans: Plan[] = parsed.groups.map((group) => ({
    group,
    recordId: recordId ?? findRecordForGroup(ctx, group),
  }));
  const missing = plans.find((p) => p.recordId === null && p.group.record === null);
  if (missing) {
    const what = missing.group.hints.title ?? missing.group.hints.url ?? 'the annotated document';
    throw new ApiError(
      'not_found',
      `No record in the library holds the text these annotations are on (${what}). Import that record first, or name it.`,
    );
  }
  const records = ctx.transaction(() => plans.map((plan) => storeGroup(ctx, plan, warnings)));
  const sum = (key: 'imported' | 'orphaned' | 'skipped'): number =>
    records.reduce((n, r) => n + r[key], 0);
  return {
    format: FORMAT_NAMES[parsed.format],
    records,
    imported: sum('imported'),
    orphaned: sum('orphaned'),
    skipped: sum('skipped'),
    warnings: [...new Set(warnings)],
  };
}
