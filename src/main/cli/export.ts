// `marginalia export ID… --format F [--out PATH]` and `marginalia import-annotations FILE`:
// every export format and every annotation import from the command line, through the same API
// (and validation) as the app.
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '@shared/api/contract';
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, isExportFormat } from '@shared/export-formats';
import { writeFileAtomically } from '../api/local';
import { dataDirOf, parseCommandArgs } from './args';
import { CliError, type CliIo } from './errors';
import { readUserFile } from './read-file';
import { withSession } from './session';

function bytesOf(file: ExportedFile): string | Buffer {
  return file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content;
}

function write(target: string, file: ExportedFile): void {
  try {
    writeFileAtomically(target, bytesOf(file));
  } catch (error) {
    throw new CliError(`cannot write ${target}: ${(error as Error).message}`);
  }
}

function isDirectory(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length === 0) {
    throw new CliError('export needs at least one record ID (see marginalia list)', 2);
  }
  const format = values.format ?? 'md';
  if (!isExportFormat(format)) {
    throw new CliError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not “${format}”`, 2);
  }
  const info = EXPORT_FORMAT_INFO[format];
  const out = values.out === undefined ? null : path.resolve(values.out);
  const perRecord = out !== null && (isDirectory(out) || /[\\/]$/.test(values.out!));
  if (out === null && info.binary) {
    throw new CliError(`${format} is a binary format: name the file with --out FILE`, 2);
  }
  if (perRecord && !isDirectory(out!)) throw new CliError(`the folder ${out} does not exist`, 2);
  const ids = [...new Set(positionals)];
  await withSession(dataDirOf(values['data-dir']), async (session) => {
    if (perRecord) {
      // One file per record, each under its own name, in the folder given.
      const used = new Set<string>();
      for (const id of ids) {
        const file = await session.call('export.file', { recordIds: [id], format });
        // Two records with one title must not overwrite each other: the second gets its id.
        const ext = path.extname(file.fileName);
        const name = used.has(file.fileName)
          ? `${path.basename(file.fileName, ext)} (${id})${ext}`
          : file.fileName;
        used.add(name);
        const target = path.join(out!, name);
        write(target, file);
        io.stderr(`Wrote ${target}\n`);
      }
      return;
    }
    const file = await session.call('export.file', { recordIds: ids, format });
    if (out === null) {
      (io.file ?? io.stdout)(file.content);
      return;
    }
    write(out, file);
    io.stderr(`Wrote ${out}\n`);
  });
  return 0;
}

export async function importAnnotationsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { record: { type: 'string' } });
  if (positionals.length !== 1) {
    throw new CliError('import-annotations needs exactly one FILE (see marginalia --help)', 2);
  }
  const file = readUserFile(path.resolve(positionals[0]!));
  const report = await withSession(dataDirOf(values['data-dir']), (session) =>
    session.call('interop.importAnnotations', {
      file: { name: file.name, base64: Buffer.from(file.bytes).toString('base64') },
      ...(values.record ? { recordId: values.record } : {}),
    }),
  );
  if (values.json) {
    io.stdout(JSON.stringify(report, null, 2) + '\n');
  } else {
    for (const r of report.records) {
      const parts = [
        `${r.imported} annotation${r.imported === 1 ? '' : 's'} imported`,
        r.orphaned > 0 ? `${r.orphaned} need re-attaching (their text was not found)` : null,
        r.skipped > 0 ? `${r.skipped} already there` : null,
      ].filter(Boolean);
      io.stdout(
        `${r.created ? 'New record' : 'Record'} “${r.title}” (${r.recordId}): ${parts.join('; ')}.\n`,
      );
    }
  }
  for (const warning of report.warnings) io.stderr(`marginalia: note: ${warning}\n`);
  return 0;
}
