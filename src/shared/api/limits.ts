// Size limits every door enforces (kept apart from the schemas so the renderer can check
// them early without loading the validator).
export const LIMITS = {
  /** Largest file accepted as one record (a long archival record is well under 1 MB). */
  maxImportFileBytes: 10 * 1024 * 1024,
  maxImportFiles: 2000,
  maxCommentJsonChars: 1_000_000,
  maxCommentTextChars: 200_000,
} as const;

const MB = 1024 * 1024;

/**
 * A size and the limit it broke, written so the two never read the same: in MB with one decimal
 * when that shows the difference, else two, else in exact bytes.
 */
function sizes(size: number, limit: number): [string, string] {
  for (const digits of [1, 2]) {
    const [a, b] = [size, limit].map((n) => `${(n / MB).toFixed(digits)} MB`) as [string, string];
    if (a !== b) return [a, b];
  }
  return [size, limit].map((n) => `${n.toLocaleString('en-US')} bytes`) as [string, string];
}

/** The one message every door gives for a file over the size limit, or null if it fits. */
export function fileTooLargeMessage(byteLength: number): string | null {
  if (byteLength <= LIMITS.maxImportFileBytes) return null;
  const [size, limit] = sizes(byteLength, LIMITS.maxImportFileBytes);
  return (
    `The file is too large (${size}; the limit is ${limit}). ` +
    'An archival record is far smaller: is this the right file?'
  );
}
