// `marginalia align ORIGINAL TRANSLATION`: aligns two text files and prints the rows, as text
// for a reader, JSON, a TSV bitext (one bead a line, as Moses and LF Aligner users expect),
// hunalign's ladder, or TMX 1.4b for CAT tools. Nothing is stored and no library is opened, so
// this command loads only the alignment engine (no database, no API schemas): it is the one
// people run in scripts, many times over.
import { parseArgs } from 'node:util';
import { SEGMENT_UNITS, unitNoun, type UnitChoice } from '@shared/alignment/units';
import { evidenceKinds } from '@shared/alignment/view';
import { ApiError } from '@shared/api/errors';
import { languageName, LANGUAGE_TAG } from '@shared/text/language';
import { alignTexts, decodeTextFile, renderTmx, type AlignedTexts } from '../api/texts';
import { appVersion } from '../paths';
import { CliError, type CliIo } from './errors';
import { readUserFile } from './read-file';

const PREVIEW = 56;
export const ALIGN_FORMATS = ['text', 'json', 'tsv', 'ladder', 'tmx'] as const;
type AlignFormat = (typeof ALIGN_FORMATS)[number];

function readText(file: string): string {
  const { bytes } = readUserFile(file);
  try {
    return decodeTextFile(bytes);
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(`cannot read ${file}: ${error.message}`);
    throw error;
  }
}

function joined(units: readonly string[], indexes: readonly number[]): string {
  return indexes
    .map((k) => units[k] ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function preview(units: readonly string[], indexes: readonly number[]): string {
  const text = joined(units, indexes);
  if (text === '') return '—';
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
}

function describeUnits(result: AlignedTexts): string {
  const side = (s: 'original' | 'translation', count: number): string =>
    `${count} ${languageName(s === 'original' ? result.originalLang : result.translationLang)} ${unitNoun(result.unit[s], count)}`;
  return `${side('original', result.original.length)} and ${side('translation', result.translation.length)}`;
}

function printText(result: AlignedTexts, io: CliIo): void {
  io.stdout(
    `${describeUnits(result)} in ${result.alignment.length} rows` +
      `${result.excerpt ? ' (the translation covers part of the original)' : ''}` +
      ' (confidence in brackets, then what made the row):\n',
  );
  result.alignment.forEach((row, k) => {
    const evidence = row.evidence === null ? [] : evidenceKinds({ row: k, ...row.evidence });
    const why =
      row.evidence?.refused === true
        ? '  · too little evidence to pair'
        : evidence.length > 0
          ? `  · ${evidence.join(', ')}`
          : '';
    io.stdout(
      `${String(k + 1).padStart(4)} [${row.confidence.toFixed(2)}] ` +
        `${preview(result.original, row.original)}  ⟷  ${preview(result.translation, row.translation)}${why}\n`,
    );
  });
}

/** One bead a line: original, translation and confidence, tab-separated (tabs in text become spaces). */
function tsv(result: AlignedTexts): string {
  return result.alignment
    .map(
      (row) =>
        `${joined(result.original, row.original)}\t${joined(result.translation, row.translation)}\t${row.confidence}\n`,
    )
    .join('');
}

/**
 * hunalign's ladder: a rung "i<TAB>j<TAB>score" where each row starts (i originals and j
 * translations before it), then the end "n<TAB>m<TAB>score"; the units between two rungs are
 * one bead.
 */
function ladder(result: AlignedTexts): string {
  let i = 0;
  let j = 0;
  const lines: string[] = [];
  for (const row of result.alignment) {
    lines.push(`${i}\t${j}\t${row.confidence}`);
    i += row.original.length;
    j += row.translation.length;
  }
  lines.push(`${i}\t${j}\t1`);
  return lines.join('\n') + '\n';
}

function tmx(result: AlignedTexts): string {
  const units = result.alignment
    .filter((row) => row.original.length > 0 && row.translation.length > 0)
    .map((row) => ({
      original: joined(result.original, row.original),
      translation: joined(result.translation, row.translation),
    }));
  const unit = result.unit.original;
  return renderTmx(units, {
    originalLang: result.originalLang,
    translationLang: result.translationLang,
    segtype: unit === 'line' ? 'block' : unit,
    toolVersion: appVersion(),
    created: new Date(),
  });
}

function json(result: AlignedTexts): string {
  return (
    JSON.stringify(
      {
        original: result.original,
        translation: result.translation,
        alignment: result.alignment,
        unit: result.unit,
        detected: result.detected,
        excerpt: result.excerpt,
        languages: { original: result.originalLang, translation: result.translationLang },
      },
      null,
      2,
    ) + '\n'
  );
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

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        unit: { type: 'string', default: 'auto' },
        format: { type: 'string' },
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
}

function languageOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const tag = value.trim();
  if (!LANGUAGE_TAG.test(tag)) {
    throw new CliError(`--${name} must be a language tag such as "ru" or "en", not “${value}”`, 2);
  }
  return tag.replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase());
}

function align(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args);
  if (positionals.length !== 2) {
    throw new CliError('align needs two files: ORIGINAL TRANSLATION (see marginalia --help)', 2);
  }
  const unit = values.unit as UnitChoice;
  if (unit !== 'auto' && !(SEGMENT_UNITS as readonly string[]).includes(unit)) {
    throw new CliError(`--unit must be auto, paragraph, line or sentence, not “${unit}”`, 2);
  }
  const format = (values.format ?? (values.json ? 'json' : 'text')) as AlignFormat;
  if (!(ALIGN_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`--format must be text, json, tsv, ladder or tmx, not “${format}”`, 2);
  }
  const originalLang = languageOption('original-lang', values['original-lang']);
  const translationLang = languageOption('translation-lang', values['translation-lang']);
  const [originalFile, translationFile] = positionals as [string, string];
  const original = readText(originalFile);
  const translation = readText(translationFile);
  let result: AlignedTexts;
  try {
    result = alignTexts({ original, translation, unit, originalLang, translationLang });
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(error.message);
    throw error;
  }
  switch (format) {
    case 'json':
      io.stdout(json(result));
      break;
    case 'tsv':
      io.stdout(tsv(result));
      break;
    case 'ladder':
      io.stdout(ladder(result));
      break;
    case 'tmx':
      io.stdout(tmx(result));
      break;
    default:
      printText(result, io);
  }
  return 0;
}
