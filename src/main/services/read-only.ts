// A library opened read-only (this process may not write its file or folder; see db/open.ts):
// reading, searching and exporting work, and a write is refused by SQLite itself. This turns
// that refusal into the sentence a user reads, at every door, instead of "internal error".
import { ApiError } from '@shared/api/errors';

/** True for SQLite's "attempt to write a readonly database" (SQLITE_READONLY and its kin). */
export function isReadOnly(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}

/** The refusal of a write to the read-only library in `dataDir`. */
export function readOnlyError(dataDir: string): ApiError {
  return new ApiError(
    'read_only',
    `This library is open read-only: Marginalia has no permission to write to ${dataDir}. ` +
      'Reading, searching and exporting work; to change it, give your user write access to the folder. Nothing was changed.',
  );
}
