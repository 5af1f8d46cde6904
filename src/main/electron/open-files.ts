// Files handed to the app by the system: `marginalia telegram.txt` in a terminal, "Open with
// Marginalia" in a file manager, a file dropped on the macOS Dock icon, or the same again while
// the app already runs (the second instance passes its arguments to the first). Each file is
// imported through the one import pipeline (as the CLI imports a path), and the window then
// shows the record (or the one already in the library).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEEP_LINK_SCHEME } from '@shared/deep-link';
import { parseImport, reasonOf, storeItem, type AppContext } from '../api/local';

/** At most this many files from one launch; a shell glob must not start a huge batch unseen. */
export const MAX_OPENED_FILES = 50;

/**
 * The existing files among command-line arguments, as absolute paths. Linux file managers pass
 * file:// URLs (the .desktop entry's %U). Switches, links, the executable itself and the app
 * folder Electron is given in development are left out.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    let file: string;
    try {
      file = arg.startsWith('file://') ? fileURLToPath(arg) : path.resolve(cwd, arg);
      if (fs.statSync(file).isFile()) files.push(file);
    } catch {
      // Not a path to an existing file (or a malformed URL): some other argument.
    }
  }
  return [...new Set(files)].slice(0, MAX_OPENED_FILES);
}

export interface OpenedFiles {
  /** The record to show: the last one imported, or already in the library. */
  recordId: string | null;
  failures: { file: string; reason: string }[];
}

/** Imports the files one by one (a failure never stops the others). */
export async function importOpenedFiles(ctx: AppContext, files: string[]): Promise<OpenedFiles> {
  const result: OpenedFiles = { recordId: null, failures: [] };
  for (const file of files) {
    let outcome;
    try {
      const parsed = await parseImport({ kind: 'record', file: { path: file } }, ctx);
      outcome = await storeItem(ctx, parsed, path.basename(file), 'skip');
    } catch (error) {
      result.failures.push({ file, reason: reasonOf(error) });
      continue;
    }
    if (outcome.status === 'failed') result.failures.push({ file, reason: outcome.reason });
    else if (outcome.status === 'skipped') result.recordId = outcome.existingId;
    else result.recordId = outcome.record.id;
  }
  return result;
}
