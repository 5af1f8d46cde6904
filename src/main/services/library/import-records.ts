import { createHash } from 'node:crypto';
import type { ImportReport } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { alignSequences } from '../alignment';
import type { AppContext } from '../context';
import { parseRecordFile, type ParsedRecord } from '../import';

export interface IncomingFile {
  name: string;
  /** Reads the file's bytes; may throw a `bad_file` ApiError (unreadable, too large). */
  read(): Uint8Array;
}

export type DuplicatePolicy = 'skip' | 'keep-both';

/** A stable fingerprint of a record's text, to recognise the same record imported twice. */
export function contentHash(record: ParsedRecord): string {
  return createHash('sha256')
    .update(JSON.stringify([record.original.paragraphs, record.translation.paragraphs]))
    .digest('hex');
}

/**
 * Imports each file as one record, in its own transaction: a file that fails leaves nothing
 * behind, and never stops the others. The report says what became of every file.
 */
export function importRecords(
  ctx: AppContext,
  files: IncomingFile[],
  duplicates: DuplicatePolicy = 'skip',
): ImportReport {
  const report: ImportReport = { records: [], skipped: [], errors: [] };
  for (const file of files) {
    try {
      const parsed = parseRecordFile(file.name, file.read());
      const hash = contentHash(parsed);
      const existing = ctx.records.findDuplicate(parsed.meta.recordId, hash);
      if (existing && duplicates === 'skip') {
        report.skipped.push({
          file: file.name,
          reason: `Already in the library as “${existing.title}”.`,
          existingId: existing.id,
        });
        continue;
      }
      const id = storeParsedRecord(ctx, parsed, hash);
      report.records.push(ctx.records.get(id)!);
    } catch (error) {
      report.errors.push({ file: file.name, reason: reasonOf(error) });
    }
  }
  return report;
}

/** Aligns and stores a parsed record; returns its new id. */
export function storeParsedRecord(
  ctx: AppContext,
  parsed: ParsedRecord,
  hash = contentHash(parsed),
): string {
  const id = ctx.newRecordId();
  const alignment = alignSequences(parsed.original.paragraphs, parsed.translation.paragraphs, {
    originalLang: parsed.original.lang,
    translationLang: parsed.translation.lang,
  });
  ctx.records.insert({
    meta: { id, ...parsed.meta },
    contentHash: hash,
    original: parsed.original,
    translation: parsed.translation,
    alignment,
    now: ctx.now(),
  });
  return id;
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  console.error('Import failed unexpectedly:', error);
  return 'Marginalia could not import this file because of an internal error; nothing was saved.';
}
