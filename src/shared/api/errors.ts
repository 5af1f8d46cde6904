// Errors that cross the API boundary. Every door (IPC, HTTP, CLI) reports the same code and
// message, so a user sees one clear reason whichever way she came in.

export type ApiErrorCode =
  | 'unknown_method'
  | 'invalid_input'
  | 'not_found'
  | 'unsupported'
  | 'bad_file'
  | 'cancelled'
  /** The library is being written by another Marginalia; trying again later will work. */
  | 'busy'
  /** The library file is damaged: nothing but its backups can be used until one is restored. */
  | 'library_damaged'
  /** The library was opened read-only (no permission to write it); nothing can be changed. */
  | 'read_only'
  | 'internal';

/**
 * Which wall a refused file hit (with code `bad_file`): its size, what it unpacks to, the
 * entries of its archive, its lines or paragraphs, or the memory or time its reading took.
 */
export type ImportLimit =
  'size' | 'unpacked' | 'entries' | 'lines' | 'paragraphs' | 'nesting' | 'memory' | 'time';

export interface ApiErrorData {
  code: ApiErrorCode;
  message: string;
  /** For invalid_input: which fields were wrong and why. */
  issues?: { path: string; message: string }[];
  /** For bad_file: the limit the file went past, when that is why it was refused. */
  limit?: ImportLimit;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiErrorData['issues'];
  readonly limit: ImportLimit | undefined;

  constructor(
    code: ApiErrorCode,
    message: string,
    issues?: ApiErrorData['issues'],
    limit?: ImportLimit,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
    this.limit = limit;
  }

  toJSON(): ApiErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.limit ? { limit: this.limit } : {}),
    };
  }

  static from(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.issues, data.limit);
  }
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };
