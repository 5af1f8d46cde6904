// `marginalia backup list|create|restore`: the library's backups from the command line. Listing
// and restoring never open the library, so they work on one too damaged to open.
import { appVersion } from '../paths';
import {
  backupsOf,
  headlessHost,
  openWorkbench,
  restoreLibrary,
  type BackupInfo,
} from '../api/local';
import { dataDirOf, parseCommandArgs } from './args';
import { CliError, type CliIo } from './errors';

const when = (time: number): string => new Date(time).toISOString().slice(0, 19).replace('T', ' ');

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const line = (b: BackupInfo): string =>
  `${b.name}  ${when(b.createdAt)} UTC  ${b.kind}  ${size(b.bytes)}\n`;

export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  const [action, ...names] = positionals;
  const dataDir = dataDirOf(values['data-dir']);
  switch (action) {
    case 'list': {
      if (names.length > 0) throw new CliError('backup list takes no names', 2);
      const backups = backupsOf(dataDir);
      if (values.json) {
        io.stdout(JSON.stringify({ backups }, null, 2) + '\n');
      } else if (backups.length === 0) {
        io.stdout(
          'There are no backups of this library yet. Make one with: marginalia backup create\n',
        );
      } else {
        for (const backup of backups) io.stdout(line(backup));
      }
      return 0;
    }
    case 'create': {
      if (names.length > 0) throw new CliError('backup create takes no names', 2);
      const workbench = await openWorkbench({ dataDir, version: appVersion(), host: headlessHost });
      try {
        const backup = await workbench.backUp();
        io.stdout(
          values.json ? JSON.stringify({ backup }, null, 2) + '\n' : `Backed up as ${line(backup)}`,
        );
      } finally {
        workbench.close();
      }
      return 0;
    }
    case 'restore': {
      if (names.length !== 1) {
        throw new CliError(
          'backup restore needs the name of one backup (see marginalia backup list)',
          2,
        );
      }
      const { restored } = restoreLibrary(dataDir, names[0]!, Date.now());
      io.stdout(
        `Restored the library from ${restored.name} (${when(restored.createdAt)} UTC); ` +
          'the library as it was is kept as a before-restore backup.\n',
      );
      return 0;
    }
    default:
      throw new CliError('backup needs list, create or restore NAME (see marginalia --help)', 2);
  }
}
