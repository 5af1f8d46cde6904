// `marginalia archive export FILE` / `archive import FILE`: a whole library as one file, to move
// it to another machine (records, notes, glossary, people and places, categories, settings).
import path from 'node:path';
import { appVersion } from '../paths';
import { headlessHost, importArchive, openWorkbench } from '../api/local';
import { dataDirOf, parseCommandArgs } from './args';
import { CliError, type CliIo } from './errors';

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function archiveCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    replace: { type: 'boolean', default: false },
  });
  const [action, file, ...extra] = positionals;
  if ((action !== 'export' && action !== 'import') || !file || extra.length > 0) {
    throw new CliError('archive needs export FILE or import FILE (see marginalia --help)', 2);
  }
  const dataDir = dataDirOf(values['data-dir']);
  const target = path.resolve(file);
  if (action === 'export') {
    if (values.replace) throw new CliError('--replace is for archive import', 2);
    const workbench = await openWorkbench({ dataDir, version: appVersion(), host: headlessHost });
    try {
      const bytes = await workbench.exportArchive(target);
      const records = workbench.ctx.records.count();
      io.stdout(
        values.json
          ? JSON.stringify({ file: target, bytes, records }, null, 2) + '\n'
          : `Exported the library (${records} records, ${megabytes(bytes)}) to ${target}.\n`,
      );
    } finally {
      workbench.close();
    }
    return 0;
  }
  const { keptAs } = importArchive(dataDir, target, { replace: values.replace, time: Date.now() });
  // Opening brings the archive's schema up to this version of Marginalia and counts it.
  const workbench = await openWorkbench({ dataDir, version: appVersion(), host: headlessHost });
  try {
    const records = workbench.ctx.records.count();
    io.stdout(
      values.json
        ? JSON.stringify({ dataDir, records, keptAs: keptAs?.name ?? null }, null, 2) + '\n'
        : `Imported the archive into ${dataDir}: ${records} records.` +
            (keptAs ? ` The library that was there is kept as the backup ${keptAs.name}.` : '') +
            '\n',
    );
  } finally {
    workbench.close();
  }
  return 0;
}
