import { ApiError } from '@shared/api/errors';

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
  /** Asks the user for files to import; null when she cancels. */
  pickImportFiles(): Promise<string[] | null>;
  /** Asks the user where to save a file; null when she cancels. */
  pickSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
}

function noDialogs(): never {
  throw new ApiError(
    'unsupported',
    'Native file dialogs exist only in the desktop app; in the browser, choose files with the file input.',
  );
}

/** The host of the browser bridge and the CLI: no native dialogs. */
export const headlessHost: Host = {
  nativeDialogs: false,
  pickImportFiles: async () => noDialogs(),
  pickSavePath: async () => noDialogs(),
};
