// The app part of the contract: what a door learns about the running app.
import { z } from 'zod';
import { returns } from '../schemas';

export interface AppInfo {
  version: string;
  /** Where the library's SQLite file lives. */
  libraryPath: string;
  /** True when the host can show native open/save dialogs (Electron). */
  nativeDialogs: boolean;
}

export const appMethods = {
  'app.info': {
    input: z.strictObject({}),
    output: returns<AppInfo>(),
  },
} as const;
