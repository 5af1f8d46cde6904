// What the services need from the operating system's user interface, so they never import Electron.
import { ApiError } from '@shared/api/errors';
import { printHtmlWithChromium } from './export/pdf/chromium-pdf';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * What the services need from the operating system's user interface. Electron supplies native
 * dialogs; the browser bridge and the CLI have none, and say so with a clear error.
 */
export interface Host {
  readonly nativeDialogs: boolean;
  /** Asks the user for files (or, with `folders`, folders) to import; null when she cancels. */
  pickImportFiles(options?: { folders?: boolean }): Promise<string[] | null>;
  /** Asks the user where to save a file; null when she cancels. */
  pickSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  /** Prints a self-contained HTML document to PDF (Electron's printToPDF, or Chromium). */
  printToPdf(html: string, signal?: AbortSignal): Promise<Uint8Array>;
}

function noDialogs(): never {
  throw new ApiError(
    'unsupported',
    'Native file dialogs exist only in the desktop app; in the browser, choose files with the file input.',
  );
}

/** The host of the browser bridge and the CLI: no native dialogs; PDFs from headless Chromium. */
export const headlessHost: Host = {
  nativeDialogs: false,
  pickImportFiles: async () => noDialogs(),
  pickSavePath: async () => noDialogs(),
  printToPdf: printHtmlWithChromium,
};
