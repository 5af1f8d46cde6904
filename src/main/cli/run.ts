import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiError } from '@shared/api/errors';
import { languageName } from '@shared/text/language';
import { writeFileAtomically } from '../services/files';
import { parseRecordFile } from '../services/import';
import { assertImportSize } from '../services/import/decode';
import { appVersion, defaultDataDir } from '../paths';
import { recordJson } from './record-json';
import { openSession, type Session } from './session';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A failure the CLI reports as one line on stderr with a non-zero exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const HELP = `Marginalia — read, align and annotate bilingual archival records.

Usage: marginalia <command> [options]

Commands:
  import FILE…        Import archive records (page text copied from a digital archive).
  list                List the records in the library.
  export ID           Export a record's notes (ID as printed by import and list).
  serve               Serve the app to a browser on this machine (127.0.0.1 only).
  help                Show this help.

Options:
  --data-dir DIR      The library folder (created if missing).
                      Default: the desktop app's library, ${defaultDataDir()}
  --json              Print machine-readable JSON (import, list).
  --duplicates MODE   import: skip (default) or keep-both when a record is already there.
  --format md         export: the format (Markdown notes).
  --out FILE          export: write here instead of printing to stdout.
  --port N            serve: the port (default: a free one).
  -h, --help          Show this help.
  -v, --version       Show the version.

Exit codes: 0 success, 1 a file or record failed, 2 wrong usage.`;

const COMMON = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

function parse<O extends ParseArgsConfig['options']>(args: string[], options: O) {
  try {
    return parseArgs({
      args,
      options: { ...COMMON, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]} (see marginalia --help)`, 2);
  }
}

function dataDirOf(values: { 'data-dir'?: string | boolean }): string {
  const dir = values['data-dir'];
  return typeof dir === 'string' && dir !== '' ? path.resolve(dir) : defaultDataDir();
}

async function withSession<T>(dataDir: string, work: (s: Session) => Promise<T>): Promise<T> {
  const session = openSession(dataDir);
  try {
    return await work(session);
  } finally {
    session.close();
  }
}

/** Reads a file for import; a problem becomes that file's error, not the whole run's. */
function readFileForImport(file: string): { base64: string } | { error: string } {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { error: 'This is a folder; name the files inside it.' };
    assertImportSize(stat.size);
    const bytes = fs.readFileSync(file);
    // Check the file before the library is opened: a run with only bad files writes nothing.
    parseRecordFile(path.basename(file), bytes);
    return { base64: bytes.toString('base64') };
  } catch (error) {
    if (error instanceof ApiError) return { error: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'No such file.' };
    if (code === 'EACCES') return { error: 'Permission denied.' };
    return { error: (error as Error).message };
  }
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { duplicates: { type: 'string' } });
  if (positionals.length === 0)
    throw new CliError('import needs at least one FILE (see marginalia --help)', 2);
  const duplicates = values.duplicates ?? 'skip';
  if (duplicates !== 'skip' && duplicates !== 'keep-both') {
    throw new CliError(`--duplicates must be skip or keep-both, not “${duplicates}”`, 2);
  }
  const readable: { name: string; base64: string }[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const file of positionals) {
    const read = readFileForImport(file);
    if ('error' in read) unreadable.push({ file, reason: read.error });
    else readable.push({ name: path.basename(file), base64: read.base64 });
  }
  const report =
    readable.length === 0
      ? { records: [], skipped: [], errors: [] }
      : await withSession(dataDirOf(values), (s) =>
          s.call('records.import', { files: readable, duplicates }),
        );
  const errors = [...unreadable, ...report.errors];

  if (values.json) {
    io.stdout(
      JSON.stringify(
        { records: report.records.map(recordJson), skipped: report.skipped, errors },
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const record of report.records) {
      const rows = record.alignment.length;
      io.stdout(
        `Imported “${record.title}” as ${record.id}: ${record.original.passages.length} ` +
          `${languageName(record.original.lang)} and ${record.translation.passages.length} ` +
          `${languageName(record.translation.lang)} passages in ${rows} aligned rows.\n`,
      );
    }
    for (const skip of report.skipped) {
      io.stdout(`Skipped ${skip.file}: ${skip.reason} (id ${skip.existingId})\n`);
    }
  }
  for (const error of errors)
    io.stderr(`marginalia: cannot import ${error.file}: ${error.reason}\n`);
  return errors.length > 0 ? 1 : 0;
}

async function listCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (positionals.length > 0)
    throw new CliError(`list takes no arguments, got “${positionals[0]}”`, 2);
  await withSession(dataDirOf(values), async (s) => {
    const summaries = await s.call('records.list', {});
    if (values.json) {
      const records = [];
      for (const summary of summaries)
        records.push(recordJson(await s.call('records.get', { id: summary.id })));
      io.stdout(JSON.stringify({ records }, null, 2) + '\n');
      return;
    }
    if (summaries.length === 0)
      io.stdout('The library is empty. Add records with: marginalia import FILE\n');
    for (const r of summaries) {
      const notes = r.annotationCount === 1 ? '1 note' : `${r.annotationCount} notes`;
      io.stdout(
        `${r.id}  ${r.date ?? '—'}  ${r.title}  (${r.originalLang}/${r.translationLang}, ${notes})\n`,
      );
    }
  });
  return 0;
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length !== 1) {
    throw new CliError('export needs exactly one record ID (see marginalia list)', 2);
  }
  const format = values.format ?? 'md';
  if (format !== 'md') throw new CliError(`--format must be md, not “${format}”`, 2);
  const file = await withSession(dataDirOf(values), (s) =>
    s.call('export.notes', { recordId: positionals[0]!, format }),
  );
  if (values.out) {
    const out = path.resolve(values.out);
    try {
      writeFileAtomically(out, file.content);
    } catch (error) {
      throw new CliError(`cannot write ${out}: ${(error as Error).message}`);
    }
    io.stderr(`Wrote ${out}\n`);
  } else {
    io.stdout(file.content);
  }
  return 0;
}

export type ServeCommand = (args: { dataDir: string; port: number }, io: CliIo) => Promise<number>;

/**
 * Runs one CLI invocation and returns its exit code. Never throws: every failure is one line on
 * stderr. `serve` is injected so tests can run the rest without starting servers.
 */
export async function runCli(argv: string[], io: CliIo, serve?: ServeCommand): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '-h':
      case '--help':
        io.stdout(HELP + '\n');
        return 0;
      case '-v':
      case '--version':
        io.stdout(`${appVersion()}\n`);
        return 0;
      case 'import':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await importCommand(rest, io);
      case 'list':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await listCommand(rest, io);
      case 'export':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await exportCommand(rest, io);
      case 'serve': {
        const { values, positionals } = parse(rest, { port: { type: 'string' } });
        if (values.help) return help(io);
        if (positionals.length > 0)
          throw new CliError(`serve takes no arguments, got “${positionals[0]}”`, 2);
        const port = values.port === undefined ? 0 : Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new CliError(`--port must be a number from 0 to 65535, not “${values.port}”`, 2);
        }
        if (!serve) throw new CliError('serve is not available here', 2);
        return await serve({ dataDir: dataDirOf(values), port }, io);
      }
      default:
        throw new CliError(`unknown command “${command}” (see marginalia --help)`, 2);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`marginalia: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ApiError) {
      io.stderr(`marginalia: ${error.message}\n`);
      return error.code === 'invalid_input' ? 2 : 1;
    }
    io.stderr(`marginalia: internal error: ${(error as Error).message}\n`);
    return 1;
  }
}

function help(io: CliIo): number {
  io.stdout(HELP + '\n');
  return 0;
}
