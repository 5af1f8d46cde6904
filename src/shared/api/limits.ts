// Size limits every door enforces (kept apart from the schemas so the renderer can check
// them early without loading the validator).
export const LIMITS = {
  /** Largest file accepted as one record (a long archival record is well under 1 MB). */
  maxImportFileBytes: 10 * 1024 * 1024,
  maxImportFiles: 2000,
  maxCommentJsonChars: 1_000_000,
  maxCommentTextChars: 200_000,
} as const;

const megabytes = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** The one message every door gives for a file over the size limit, or null if it fits. */
export function fileTooLargeMessage(byteLength: number): string | null {
  if (byteLength <= LIMITS.maxImportFileBytes) return null;
  return (
    `The file is too large (${megabytes(byteLength)}; the limit is ` +
    `${megabytes(LIMITS.maxImportFileBytes)}). An archival record is far smaller: is this the right file?`
  );
}
