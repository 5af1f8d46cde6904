import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context';
import { importRecords } from './import-records';

const SAMPLE_FILE = 'sample/wilson-center-110374.txt';
const SEEDED_KEY = 'sample_seeded';

/**
 * Puts the bundled sample record into a new library, once, so a first-time user sees a real
 * aligned document. A library the user has emptied on purpose stays empty.
 */
export function seedSampleOnce(ctx: AppContext, resourcesDir: string): void {
  if (ctx.settings.get(SEEDED_KEY) !== null) return;
  if (ctx.records.count() === 0) {
    const file = path.join(resourcesDir, SAMPLE_FILE);
    const report = importRecords(ctx, [
      { name: path.basename(file), read: () => fs.readFileSync(file) },
    ]);
    if (report.errors.length > 0) {
      throw new Error(`The bundled sample could not be imported: ${report.errors[0]!.reason}`);
    }
  }
  ctx.settings.set(SEEDED_KEY, '1');
}
