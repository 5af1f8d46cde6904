// The kinds of file an import takes, in one list for every door: the page's file inputs and
// drops, the desktop app's native dialog, the CLI's folder walk and the importers themselves.

/** Text records and sides of a pair. */
export const TEXT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.docx'];
/** PDFs (with a text layer or scanned) and page images, read with OCR where needed. */
export const SCAN_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'];
export const IMPORT_EXTENSIONS = [...TEXT_EXTENSIONS, ...SCAN_EXTENSIONS];

/** The `accept` attribute of a file input for imports. */
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.join(',');

/** Whether a file's name says it is one Marginalia imports. */
export function isImportableName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && IMPORT_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

/** The kinds, as a user reads them in a sentence. */
export const IMPORT_KINDS_TEXT = '.txt, .md, .html, .docx, .pdf or a scan (.png, .jpg, .tif)';
