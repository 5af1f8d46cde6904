// The error every importer throws for a file that cannot become a record, its message the reason
// shown.
import { ApiError, type ImportLimit } from '@shared/api/errors';

/** A file that cannot become a record; the message is shown to the user as the reason. */
export function badFile(message: string): ApiError {
  return new ApiError('bad_file', message);
}

/**
 * A file refused because reading it would cost more than Marginalia allows one file (`limit`
 * says which wall: its unpacked size, its entries, its lines, memory, time); the message says
 * what was too much and that nothing was saved.
 */
export function tooMuch(limit: ImportLimit, message: string): ApiError {
  return new ApiError('bad_file', message, undefined, limit);
}
