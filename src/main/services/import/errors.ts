import { ApiError } from '@shared/api/errors';

/** A file that cannot become a record; the message is shown to the user as the reason. */
export function badFile(message: string): ApiError {
  return new ApiError('bad_file', message);
}
