import type { ImportReport } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { DuplicatePolicy, ImportOutcome } from '@shared/api/methods/import';
import type { AppContext } from '../context';
import { parseRecordFileAs, readRecordFile } from '../import';
import { storeImport } from './store-import';

export { contentHash } from './store-import';
export type { DuplicatePolicy } from '@shared/api/methods/import';

export interface IncomingFile {
  name: string;
  /** Reads the file's bytes; may throw a `bad_file` ApiError (unreadable, too large). */
  read(): Uint8Array;
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  console.error('Import failed unexpectedly:', error);
  return 'Marginalia could not import this file because of an internal error; nothing was saved.';
}

function addOutcome(report: ImportReport, outcome: ImportOutcome): void {
  if (outcome.status === 'imported' || outcome.status === 'replaced') {
    report.records.push(outcome.record);
  } else if (outcome.status === 'skipped') {
    report.skipped.push({
      file: outcome.file,
      reason: outcome.reason,
      existingId: outcome.existingId,
    });
  } else {
    report.errors.push({ file: outcome.file, reason: outcome.reason });
  }
}

/**
 * Imports each file as one record, in its own transaction: a file that fails leaves nothing
 * behind, and never stops the others. The report says what became of every file. Synchronous:
 * text, HTML and Markdown only (Word files need `importFiles`).
 */
export function importRecords(
  ctx: AppContext,
  files: IncomingFile[],
  duplicates: DuplicatePolicy = 'skip',
): ImportReport {
  const report: ImportReport = { records: [], skipped: [], errors: [] };
  for (const file of files) {
    try {
      const { record, format } = parseRecordFileAs(file.name, file.read());
      addOutcome(
        report,
        storeImport(ctx, { record, format, files: [file.name] }, file.name, duplicates),
      );
    } catch (error) {
      report.errors.push({ file: file.name, reason: reasonOf(error) });
    }
  }
  return report;
}

/** As `importRecords`, for every importable file type, Word files included. */
export async function importFiles(
  ctx: AppContext,
  files: IncomingFile[],
  duplicates: DuplicatePolicy = 'skip',
): Promise<ImportReport> {
  const report: ImportReport = { records: [], skipped: [], errors: [] };
  for (const file of files) {
    try {
      const { record, format } = await readRecordFile(file.name, file.read());
      addOutcome(
        report,
        storeImport(ctx, { record, format, files: [file.name] }, file.name, duplicates),
      );
    } catch (error) {
      report.errors.push({ file: file.name, reason: reasonOf(error) });
    }
  }
  return report;
}
