// `marginalia align ORIGINAL TRANSLATION`: aligns two text files and prints the rows. Nothing is
// stored, so no library is opened; the input is validated by the same schema as the API's
// `alignment.alignTexts`, and aligned by the same service.
import { parseArgs } from 'node:util';
import { contract } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { languageName } from '@shared/text/language';
import { alignTexts, decodeTextFile, type AlignedTexts } from '../api/local';
import { readUserFile } from './read-file';
import { CliError, type CliIo } from './errors';

const PREVIEW = 56;

function readText(file: string): string {
  const { bytes } = readUserFile(file);
  try {
    return decodeTextFile(bytes);
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(`cannot read ${file}: ${error.message}`);
    throw error;
  }
}

function preview(units: readonly string[], indexes: readonly number[]): string {
  const text = indexes
    .map((k) => units[k] ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
  if (text === '') return '—';
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
}

function printRows(result: AlignedTexts, io: CliIo): void {
  const o = languageName(result.originalLang);
  const t = languageName(result.translationLang);
  io.stdout(
    `${result.original.length} ${o} and ${result.translation.length} ${t} ${result.level}s ` +
      `in ${result.alignment.length} rows (confidence in brackets):\n`,
  );
  result.alignment.forEach((row, k) => {
    io.stdout(
      `${String(k + 1).padStart(4)} [${row.confidence.toFixed(2)}] ` +
        `${preview(result.original, row.original)}  ⟷  ${preview(result.translation, row.translation)}\n`,
    );
  });
}

/** Runs `align`; failures become one line on stderr and the exit code. */
export async function alignCommand(args: string[], io: CliIo): Promise<number> {
  try {
    return align(args, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`marginalia: ${error.message}\n`);
    return error.exitCode;
  }
}

function align(args: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        level: { type: 'string', default: 'paragraph' },
        'original-lang': { type: 'string' },
        'translation-lang': { type: 'string' },
        json: { type: 'boolean', default: false },
        // Accepted like every command's, though align opens no library.
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]} (see marginalia --help)`, 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) {
    throw new CliError('align needs two files: ORIGINAL TRANSLATION (see marginalia --help)', 2);
  }
  const input = contract['alignment.alignTexts'].input.safeParse({
    original: '',
    translation: '',
    level: values.level,
    originalLang: values['original-lang'],
    translationLang: values['translation-lang'],
  });
  if (!input.success) {
    const issue = input.error.issues[0]!;
    const option = { level: '--level', originalLang: '--original-lang' }[String(issue.path[0])];
    throw new CliError(
      `${option ?? '--translation-lang'} ${issue.path[0] === 'level' ? 'must be paragraph or sentence' : issue.message}`,
      2,
    );
  }
  const [originalFile, translationFile] = positionals as [string, string];
  const original = readText(originalFile);
  const translation = readText(translationFile);
  let result: AlignedTexts;
  try {
    result = alignTexts({ ...input.data, original, translation });
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(error.message);
    throw error;
  }
  if (values.json) {
    const json = {
      original: result.original,
      translation: result.translation,
      alignment: result.alignment,
      level: result.level,
      languages: { original: result.originalLang, translation: result.translationLang },
    };
    io.stdout(JSON.stringify(json, null, 2) + '\n');
  } else {
    printRows(result, io);
  }
  return 0;
}
