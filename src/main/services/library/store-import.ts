// Stores one parsed record under a duplicate policy: skip it, replace the record already in the
// library (keeping its id and annotations), or keep both. One transaction per record: a failure
// leaves the library exactly as it was.
import { createHash } from 'node:crypto';
import type { DuplicatePolicy, ImportOutcome } from '@shared/api/methods/import';
import { forgetRecordLexicon } from '../alignment-store/library-lexicon';
import { reanchorRecord } from '../annotations/reanchor';
import type { AppContext } from '../context';
import type { ParsedRecord } from '../import';
import type { ParsedImport } from '../workers/protocol';
import { storeFacsimile } from './store-facsimile';

export type { ParsedImport };

/** A stable fingerprint of a record's text, to recognise the same record imported twice. */
export function contentHash(record: Pick<ParsedRecord, 'original' | 'translation'>): string {
  return createHash('sha256')
    .update(JSON.stringify([record.original.paragraphs, record.translation.paragraphs]))
    .digest('hex');
}

/**
 * Stores a parsed record. A duplicate is found by record ID or by identical text; what happens
 * to it is the policy's choice. Returns the outcome for the report; throws only on storage
 * failure (after rolling back).
 */
export function storeImport(
  ctx: AppContext,
  parsed: ParsedImport,
  label: string,
  policy: DuplicatePolicy,
): ImportOutcome {
  const { record } = parsed;
  const hash = contentHash(record);
  const existing = ctx.records.findDuplicate(record.meta.recordId, hash);
  if (existing && policy === 'skip') {
    return {
      status: 'skipped',
      file: label,
      reason: `Already in the library as “${existing.title}”.`,
      existingId: existing.id,
    };
  }
  // Aligned once, by the parse worker, from the library's lexicon (import-item.ts).
  const { alignment } = parsed;
  const now = ctx.now();
  const content = (id: string) => ({
    meta: { id, ...record.meta },
    contentHash: hash,
    original: record.original,
    translation: record.translation,
    alignment,
    now,
  });
  if (existing && policy === 'replace') {
    const report = ctx.transaction(() => {
      ctx.records.replaceContent(content(existing.id));
      storeFacsimile(ctx, existing.id, record);
      // Its confirmed rows are gone with its text: so is what they taught the lexicon.
      forgetRecordLexicon(ctx, existing.id);
      ctx.importHistory.add(
        existing.id,
        { format: parsed.format, files: parsed.files, action: 'replaced' },
        now,
      );
      // The annotations' passages are gone: place each again on the new text, or mark it an
      // orphan that keeps its quote. Inside the transaction, so a failure undoes the replace.
      return reanchorRecord(ctx, existing.id);
    });
    return {
      status: 'replaced',
      file: label,
      record: ctx.records.get(existing.id)!,
      annotations: { reanchored: report.targets - report.orphaned, orphaned: report.orphaned },
    };
  }
  const id = ctx.newRecordId();
  ctx.transaction(() => {
    ctx.records.insert(content(id));
    storeFacsimile(ctx, id, record);
    ctx.importHistory.add(
      id,
      { format: parsed.format, files: parsed.files, action: existing ? 'kept-both' : 'imported' },
      now,
    );
  });
  return {
    status: 'imported',
    file: label,
    record: ctx.records.get(id)!,
    duplicateOf: existing?.id ?? null,
  };
}
