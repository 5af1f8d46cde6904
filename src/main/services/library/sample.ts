// The bundled sample record, put into a new library once so a first-time user sees a real
// aligned document; a library the user has emptied on purpose stays empty.
import path from 'node:path';
import type { AppContext } from '../context';
import { importItem } from './import-item';

const SAMPLE_FILE = 'sample/wilson-center-110374.txt';
const SEEDED_KEY = 'sample_seeded';

/** Imports the sample through the import pipeline, unless this library was seeded before. */
export async function seedSampleOnce(ctx: AppContext, resourcesDir: string): Promise<void> {
  if (ctx.settings.get(SEEDED_KEY) !== null) return;
  if (ctx.records.count() === 0) {
    const outcome = await importItem(
      ctx,
      { kind: 'record', file: { path: path.join(resourcesDir, SAMPLE_FILE) } },
      'skip',
    );
    if (outcome.status === 'failed') {
      throw new Error(`The bundled sample could not be imported: ${outcome.reason}`);
    }
  }
  ctx.settings.set(SEEDED_KEY, '1');
}
