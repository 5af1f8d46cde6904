// The `marginalia` command line: help, version and one function per command, each a thin door onto
// the API. Each command's module (and what it needs: the database, the API schemas, the
// importers) is imported only when that command runs, so `--version` and `align` start in a few
// tens of milliseconds.
import { cliRecord, dataDirOf, parseCommandArgs } from './args';
import { CliError, type CliIo } from './errors';
import { ApiError } from '@shared/api/errors';
import { appVersion, defaultDataDir } from '../paths';
import type { Session } from './session';
import { terminalIo } from './terminal';

export const HELP = `Marginalia — read, align and annotate bilingual archival records.

Usage: marginalia <command> [options]

Commands:
  import FILE|FOLDER… Import archive records: page text copied from a digital archive (.txt),
                      a saved page (.html), Markdown or Word; folders are searched
                      recursively; x.ru.txt + x.en.txt side by side become one record.
  import --pair ORIGINAL TRANSLATION
                      Import an original and its translation from two files
                      (.txt, .md, .docx or .html).
  list                List the records in the library.
  export ID…          Export records (IDs as printed by import and list) in a format:
                      md (notes), csv, json (Marginalia's full model), jsonld (W3C Web
                      Annotation), tei (TEI P5 edition), html (annotated edition), pdf,
                      docx (teaching handout), csl (CSL-JSON) or bib (BibTeX citations).
  import-annotations FILE
                      Import annotations from W3C Web Annotation JSON-LD, Hypothesis JSON,
                      TEI or Marginalia JSON, re-anchored on the record's text (a TEI or
                      JSON file that carries its record brings it in).
  align ORIGINAL TRANSLATION
                      Align two text files; nothing is stored. A file with blank lines
                      between paragraphs is read by paragraph, one without by line (one
                      segment per line, as hunalign and LF Aligner take it); see --unit.
  search QUERY        Search the library in both languages (quote the query: "о перемирии",
                      перемир*, Korea OR Корея, -word, lang:ru, tag:NAME, in:notes).
  reindex             Rebuild the search index (maintenance; the index keeps itself current).
  backup list|create|restore NAME
                      The library's backups (kept automatically while the app or serve
                      runs): list them, make one now, or put one back (close the app first;
                      the library as it was is kept as a before-restore backup).
  archive export FILE | archive import FILE [--replace]
                      The whole library as one file, to move it to another machine:
                      records, notes, glossary, people and places, categories, settings.
                      Import into a folder that holds a library only with --replace (the
                      library there is kept as a backup).
  serve               Serve the app to a browser on this machine (127.0.0.1 only).

Working together (see README, "Working together"):
  share ID… --name NAME --server ws://HOST:PORT
                      Share records as a collection on a sync server; prints an invite
                      (--role member|reader, --days N, --as YOUR-NAME, --private).
  invite COLLECTION   Another invite for a collection you share (--role, --days).
  join INVITE         Join a shared collection from its link or code (--as YOUR-NAME;
                      --server ws://HOST:PORT: another address of the same server).
  sync [--once]       Sync every shared collection (once, or until interrupted).
  members COLLECTION  List a shared collection's members.
  revoke COLLECTION MEMBER
                      Remove a member (by id or name); only the owner can.
  leave COLLECTION    Stop sharing; --keep keeps the collection as a local copy.
  sync-server --port N [--redis redis://HOST:PORT] [--host H]
                      Run a sync server (Hocuspocus) storing documents in --data-dir.
  help                Show this help.

Options:
  --data-dir DIR      The library folder (created if missing).
                      Default: the desktop app's library, ${defaultDataDir()}
  --json              Print machine-readable JSON (import, list, align, search, reindex,
                      import-annotations).
  --duplicates MODE   import: when a record is already there (same record ID or text):
                      skip (default), replace (keeps its id and notes) or keep-both.
  --format FORMAT     export: md (default), csv, json, jsonld, tei, html, pdf, docx, csl, bib,
                      tmx (a translation memory of the record's confirmed rows).
                      align: text (default), json, tsv (one row a line: original, translation,
                      confidence), ladder (hunalign's), tmx (TMX 1.4b for CAT tools).
  --out PATH          export: write this file (all records in one), or into this folder
                      (one file per record), instead of printing to stdout; pdf and docx
                      need it.
  --record ID         import-annotations: the record the annotations are on (found from
                      the file when omitted).
  --port N            serve: the port (default: a free one).
  --limit N           search: how many records to show (default 20).
  --hits N            search: hits shown per record (default 3).
  --no-names          search: capitalised words do not also match their transliteration.
  --unit UNIT         align, import --pair: how plain text is cut: auto (default: blank-line
                      paragraphs, or one segment per line in a file without them),
                      paragraph, line or sentence.
  --original-lang TAG, --translation-lang TAG
                      align, import: the languages (e.g. ru, en); detected when omitted.
  -h, --help          Show this help.
  -v, --version       Show the version.

Exit codes: 0 success, 1 a file or record failed, 2 wrong usage.`;

/** session.ts's withSession, loaded only by the commands that open a library (cold start). */
async function withSession<T>(dataDir: string, work: (s: Session) => Promise<T>): Promise<T> {
  return (await import('./session')).withSession(dataDir, work);
}

async function listCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (positionals.length > 0)
    throw new CliError(`list takes no arguments, got “${positionals[0]}”`, 2);
  await withSession(dataDirOf(values['data-dir']), async (s) => {
    const summaries = await s.call('records.list', {});
    if (values.json) {
      const records = [];
      for (const summary of summaries)
        records.push(cliRecord(await s.call('records.get', { id: summary.id })));
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

export type ServeCommand = (args: { dataDir: string; port: number }, io: CliIo) => Promise<number>;

/**
 * Runs one CLI invocation and returns its exit code. Never throws: every failure is one line on
 * stderr. `serve` is injected so tests can run the rest without starting servers.
 */
export async function runCli(argv: string[], rawIo: CliIo, serve?: ServeCommand): Promise<number> {
  const io = terminalIo(rawIo);
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
          : await (await import('./import')).importCommand(rest, io);
      case 'list':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await listCommand(rest, io);
      case 'export':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./export')).exportCommand(rest, io);
      case 'import-annotations':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./export')).importAnnotationsCommand(rest, io);
      case 'align':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./align')).alignCommand(rest, io);
      case 'search':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./search')).searchCommand(rest, io);
      case 'backup':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./backup')).backupCommand(rest, io);
      case 'archive':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./archive')).archiveCommand(rest, io);
      case 'reindex':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./search')).reindexCommand(rest, io);
      case 'share':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./sharing')).shareCommand(rest, io);
      case 'invite':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./sharing')).inviteCommand(rest, io);
      case 'join':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./sharing')).joinCommand(rest, io);
      case 'sync':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./sharing')).syncCommand(rest, io);
      case 'members':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./sharing')).membersCommand(rest, io);
      case 'revoke':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./sharing')).revokeCommand(rest, io);
      case 'leave':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./sharing')).leaveCommand(rest, io);
      case 'sync-server':
        return rest.includes('--help') || rest.includes('-h')
          ? help(io)
          : await (await import('./sharing')).syncServerCommand(rest, io);
      case 'serve': {
        const { values, positionals } = parseCommandArgs(rest, { port: { type: 'string' } });
        if (values.help) return help(io);
        if (positionals.length > 0)
          throw new CliError(`serve takes no arguments, got “${positionals[0]}”`, 2);
        const port = values.port === undefined ? 0 : Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new CliError(`--port must be a number from 0 to 65535, not “${values.port}”`, 2);
        }
        if (!serve) throw new CliError('serve is not available here', 2);
        return await serve({ dataDir: dataDirOf(values['data-dir']), port }, io);
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

export { CliError, type CliIo } from './errors';
