// Errors that cross the API boundary. Every door (IPC, HTTP, CLI) reports the same code and
// message, so a user sees one clear reason whichever way she came in.

export type ApiErrorCode =
  | 'unknown_method'
  | 'invalid_input'
  | 'not_found'
  | 'unsupported'
  | 'bad_file'
  | 'cancelled'
  | 'internal';

export interface ApiErrorData {
  code: ApiErrorCode;
  message: string;
  /** For invalid_input: which fields were wrong and why. */
  issues?: { path: string; message: string }[];
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiErrorData['issues'];

  constructor(code: ApiErrorCode, message: string, issues?: ApiErrorData['issues']) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }

  toJSON(): ApiErrorData {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }

  static from(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.issues);
  }
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };
