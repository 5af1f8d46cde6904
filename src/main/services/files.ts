// Reading and writing the user's files: the one way an import reads a file (its size checked
// before it is read), and the one way an export writes one (never half a file).
import fs from 'node:fs';
import path from 'node:path';
import { assertImportSize } from './import/decode';
import { badFile } from './import/errors';

/**
 * Reads a file to import: refuses what is not there, a folder, and a file over the size limit
 * before reading it into memory. Errors are `bad_file` ApiErrors whose message is the reason.
 */
export function readImportFile(
  file: string,
  messages: { missing?: string } = {},
): { name: string; bytes: Uint8Array } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw badFile(messages.missing ?? 'No such file.');
    if (code === 'EACCES') throw badFile('Permission denied.');
    throw badFile(`The file could not be read: ${(error as Error).message}`);
  }
  if (stat.isDirectory()) throw badFile('This is a folder, not a file.');
  if (!stat.isFile()) throw badFile('This is not a file.');
  assertImportSize(stat.size);
  try {
    return { name: path.basename(file), bytes: fs.readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES') throw badFile('Permission denied.');
    throw badFile(`The file could not be read: ${(error as Error).message}`);
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeFileAtomically(target: string, content: string | Uint8Array): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
