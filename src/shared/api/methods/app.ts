// The app part of the contract: what a door learns about the running app.
import { z } from 'zod';
import { returns } from '../schemas';

export interface AppInfo {
  version: string;
  /** Where the library's SQLite file lives. */
  libraryPath: string;
  /** True when the host can show native open/save dialogs (Electron). */
  nativeDialogs: boolean;
  /**
   * Why the library could not be opened (it is damaged), or null when it is open. While it is
   * set, only the backups can be listed and restored.
   */
  libraryProblem: string | null;
}

export const appMethods = {
  'app.info': {
    input: z.strictObject({}),
    output: returns<AppInfo>(),
  },
} as const;
