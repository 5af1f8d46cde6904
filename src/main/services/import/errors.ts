// The error every importer throws for a file that cannot become a record, its message the reason
// shown.
import { ApiError } from '@shared/api/errors';

/** A file that cannot become a record; the message is shown to the user as the reason. */
export function badFile(message: string): ApiError {
  return new ApiError('bad_file', message);
}
