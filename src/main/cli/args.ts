// What every command shares in reading its arguments: the common options, the library folder,
// and how a record is printed with --json.
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultDataDir } from '../paths';
import type { RecordDocument } from '@shared/model';
import { portableRecord, type PortableRecord } from '@shared/portable-record';
import { CliError } from './errors';

/** Options every command takes. */
const COMMON = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Parses a command's arguments; a wrong one is a usage error (exit code 2) in one line. */
export function parseCommandArgs<O extends ParseArgsConfig['options']>(args: string[], options: O) {
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

/** The library folder named by --data-dir, or the desktop app's when none is given. */
export function dataDirOf(value: unknown): string {
  return typeof value === 'string' && value !== '' ? path.resolve(value) : defaultDataDir();
}

/** A record as --json prints it (documented in the README): confidences to three decimals. */
export function cliRecord(record: RecordDocument): PortableRecord {
  return portableRecord(record, { confidenceDecimals: 3 });
}
