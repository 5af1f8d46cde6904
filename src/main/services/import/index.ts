import path from 'node:path';
import { parseArchivePage } from './archive-page';
import { decodeTextFile } from './decode';
import { badFile } from './errors';
import type { ParsedRecord } from './types';

export type { ParsedRecord, ParsedMeta, ParsedText } from './types';

const TEXT_EXTENSIONS = new Set(['', '.txt', '.text', '.md']);

/**
 * Reads one file as a record, choosing the reader by file type. Throws a `bad_file` ApiError
 * whose message says, in a sentence, why the file cannot be imported.
 */
export function parseRecordFile(fileName: string, bytes: Uint8Array): ParsedRecord {
  const extension = path.extname(fileName).toLowerCase();
  if (!TEXT_EXTENSIONS.has(extension)) {
    throw badFile(
      `Marginalia cannot read “${extension}” files yet: import the archive page as text (.txt).`,
    );
  }
  return parseArchivePage(decodeTextFile(bytes));
}
