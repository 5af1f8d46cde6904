// How a command reads a file the user named on the command line: with the import pipeline's one
// reader (which checks the size before reading), its refusal turned into the CLI's one line.
import { ApiError } from '@shared/api/errors';
import { readImportFile } from '../api/texts';
import { CliError } from './errors';

/** "No such file." → "no such file", to follow "cannot read FILE: ". */
const fragment = (sentence: string): string =>
  sentence.charAt(0).toLowerCase() + sentence.slice(1).replace(/\.$/, '');

export function readUserFile(file: string): { name: string; bytes: Uint8Array } {
  try {
    return readImportFile(file);
  } catch (error) {
    const reason = error instanceof ApiError ? error.message : (error as Error).message;
    throw new CliError(`cannot read ${file}: ${fragment(reason)}`);
  }
}
