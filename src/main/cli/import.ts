// `marginalia import`: files, folders (searched recursively), saved pages and pairs of files
// (`--pair ORIGINAL TRANSLATION`, or x.ru.txt + x.en.txt found side by side), one record at a
// time through the API, with progress on stderr when it is a terminal and one line per failure.
import fs from 'node:fs';
import path from 'node:path';
import { SEGMENT_UNITS, type UnitChoice } from '@shared/alignment/units';
import { ApiError } from '@shared/api/errors';
import type { ImportOutcome } from '@shared/api/contract';
import { DUPLICATE_POLICIES, type DuplicatePolicy } from '@shared/api/methods/import';
import { planImport, type PlannedItem } from '@shared/import/pairing';
import { languageName } from '@shared/text/language';
import {
  libraryExistsIn,
  listImportableFiles,
  parseImport,
  reasonOf,
  storeItem,
  type AppContext,
  type ImportRequest,
  type ParsedImport,
} from '../api/local';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../paths';
import { cliRecord } from './args';
import type { CliIo } from './errors';
import { openSession, type Session } from './session';
import { STYLE } from './terminal';

/** Wrong usage: the CLI prints the message and exits with code 2. */
function usage(message: string): ApiError {
  return new ApiError('invalid_input', message);
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        duplicates: { type: 'string' },
        'original-lang': { type: 'string' },
        unit: { type: 'string', default: 'auto' },
        'translation-lang': { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usage(`${(error as Error).message.split('\n')[0]} (see marginalia --help)`);
  }
}

interface CliFile {
  /** As the user would name it: the argument, or a path under a folder argument. */
  name: string;
  path: string;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Takes every `--pair A B` out of the arguments. */
function extractPairs(args: string[]): { rest: string[]; pairs: [string, string][] } {
  const rest: string[] = [];
  const pairs: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--pair') {
      rest.push(args[i]!);
      continue;
    }
    const original = args[i + 1];
    const translation = args[i + 2];
    if (!original || !translation || original.startsWith('--') || translation.startsWith('--')) {
      throw usage('--pair needs two files: --pair ORIGINAL TRANSLATION');
    }
    pairs.push([original, translation]);
    i += 2;
  }
  return { rest, pairs };
}

/** Expands folder arguments into the importable files inside them. */
function expand(args: string[], errors: { file: string; reason: string }[]): CliFile[] {
  const files: CliFile[] = [];
  for (const arg of args) {
    let isFolder = false;
    try {
      isFolder = fs.statSync(arg).isDirectory();
    } catch {
      isFolder = false;
    }
    if (!isFolder) {
      files.push({ name: arg, path: arg });
      continue;
    }
    const listing = listImportableFiles([arg]);
    const root = path.basename(arg);
    const inside = (name: string): string => path.join(arg, name.slice(root.length + 1));
    for (const found of listing.files) files.push({ name: inside(found.name), path: found.path });
    for (const ignored of listing.ignored) {
      // Other files in a folder are simply not records; only real problems are errors.
      if (!ignored.reason.startsWith('Not a file')) {
        errors.push({ file: inside(ignored.name), reason: ignored.reason });
      }
    }
    if (listing.files.length === 0 && listing.ignored.length === 0) {
      errors.push({ file: arg, reason: 'The folder holds no files to import.' });
    }
  }
  return files;
}

const label = (item: PlannedItem<CliFile>): string =>
  item.kind === 'record' ? item.file.name : `${item.original.name} + ${item.translation.name}`;

/**
 * Reads an item's files and parses them, before the library is touched: a run with only bad
 * files writes nothing, not even an empty library. The parsed record is what gets stored: the
 * CLI hands its trusted paths to the import pipeline, which reads and parses each file once.
 */
function prepare(
  item: PlannedItem<CliFile>,
  langs: { original?: string; translation?: string },
  unit: UnitChoice,
  library: AppContext | null,
): Promise<ParsedImport> {
  const request: ImportRequest =
    item.kind === 'record'
      ? {
          kind: 'record',
          file: { path: item.file.path },
          originalLang: langs.original,
          translationLang: langs.translation,
        }
      : {
          kind: 'pair',
          original: { path: item.original.path },
          translation: { path: item.translation.path },
          originalLang: langs.original,
          translationLang: langs.translation,
          unit,
        };
  return parseImport(request, library);
}

function progressLine(
  io: CliIo,
  done: number,
  total: number,
  item: PlannedItem<CliFile> | null,
): void {
  if (!io.stderrIsTTY) return;
  const base = (file: CliFile): string => path.basename(file.name);
  const name =
    item === null
      ? 'done'
      : item.kind === 'record'
        ? base(item.file)
        : `${base(item.original)} + ${base(item.translation)}`;
  const text = `[${done}/${total}] ${name}`;
  io.stderr(`${STYLE.clearLine}${text.length > 100 ? `${text.slice(0, 99)}…` : text}`);
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { rest, pairs } = extractPairs(args);
  const { values, positionals } = parse(rest);
  if (positionals.length === 0 && pairs.length === 0) {
    throw usage('import needs at least one FILE, FOLDER or --pair (see marginalia --help)');
  }
  const duplicates = (values.duplicates ?? 'skip') as DuplicatePolicy;
  if (!DUPLICATE_POLICIES.includes(duplicates)) {
    throw usage(`--duplicates must be skip, replace or keep-both, not “${values.duplicates}”`);
  }
  const unit = values.unit as UnitChoice;
  if (unit !== 'auto' && !(SEGMENT_UNITS as readonly string[]).includes(unit)) {
    throw usage(`--unit must be auto, paragraph, line or sentence, not “${unit}”`);
  }
  const langs = { original: values['original-lang'], translation: values['translation-lang'] };
  for (const [flag, tag] of Object.entries(langs)) {
    if (tag !== undefined && !LANGUAGE_TAG.test(tag)) {
      throw usage(`--${flag}-lang must be a language tag such as ru or en, not “${tag}”`);
    }
  }

  const dir = values['data-dir'];
  const dataDir = dir ? path.resolve(dir) : defaultDataDir();
  const errors: { file: string; reason: string }[] = [];
  const items: PlannedItem<CliFile>[] = pairs.map(([original, translation]) => ({
    kind: 'pair',
    original: { name: original, path: original },
    translation: { name: translation, path: translation },
    originalLang: '',
    translationLang: '',
  }));
  items.push(...planImport(expand(positionals, errors)));

  const outcomes: ImportOutcome[] = [];
  let session: Session | null = null;
  try {
    // A library that exists is opened first: its lexicon is where each record's alignment
    // starts. A new one is made only once a file has been read (nothing is written when every
    // file is refused), and it has learned nothing yet.
    if (items.length > 0 && libraryExistsIn(dataDir)) session = await openSession(dataDir);
    for (const [index, item] of items.entries()) {
      progressLine(io, index, items.length, item);
      let parsed: ParsedImport;
      try {
        parsed = await prepare(
          item,
          {
            original:
              langs.original ?? (item.kind === 'pair' ? item.originalLang || undefined : undefined),
            translation:
              langs.translation ??
              (item.kind === 'pair' ? item.translationLang || undefined : undefined),
          },
          unit,
          session?.ctx ?? null,
        );
      } catch (error) {
        errors.push({ file: label(item), reason: reasonOf(error) });
        continue;
      }
      session ??= await openSession(dataDir);
      // Reported as the user named the file.
      outcomes.push(await storeItem(session.ctx, parsed, label(item), duplicates));
    }
    progressLine(io, items.length, items.length, null);
    if (io.stderrIsTTY && items.length > 0) io.stderr(STYLE.clearLine);
  } finally {
    session?.close();
  }

  for (const outcome of outcomes) {
    if (outcome.status === 'failed') errors.push({ file: outcome.file, reason: outcome.reason });
  }
  const written = outcomes.filter(
    (o): o is Extract<ImportOutcome, { status: 'imported' | 'replaced' }> =>
      o.status === 'imported' || o.status === 'replaced',
  );
  const skipped = outcomes.flatMap((o) =>
    o.status === 'skipped' ? [{ file: o.file, reason: o.reason, existingId: o.existingId }] : [],
  );
  const replaced = written.flatMap((o) =>
    o.status === 'replaced' ? [{ file: o.file, id: o.record.id, annotations: o.annotations }] : [],
  );

  if (values.json) {
    const report = { records: written.map((o) => cliRecord(o.record)), replaced, skipped, errors };
    io.stdout(JSON.stringify(report, null, 2) + '\n');
  } else {
    for (const outcome of written) {
      const record = outcome.record;
      const verb = outcome.status === 'replaced' ? 'Replaced' : 'Imported';
      io.stdout(
        `${verb} “${record.title}” as ${record.id}: ${record.original.passages.length} ` +
          `${languageName(record.original.lang)} and ${record.translation.passages.length} ` +
          `${languageName(record.translation.lang)} passages in ${record.alignment.length} aligned rows.` +
          (outcome.status === 'replaced'
            ? ` Notes re-attached: ${outcome.annotations.reanchored}; orphaned: ${outcome.annotations.orphaned}.`
            : '') +
          '\n',
      );
    }
    for (const skip of skipped) {
      io.stdout(`Skipped ${skip.file}: ${skip.reason} (id ${skip.existingId})\n`);
    }
  }
  for (const error of errors)
    io.stderr(`marginalia: cannot import ${error.file}: ${error.reason}\n`);
  return errors.length > 0 ? 1 : 0;
}
