// Putting a generated text into a bench library through the import pipeline, as a user's file
// would come in. Relative imports only, so the module runs without path aliases.
import type { RecordDocument } from '../src/shared/model';
import type { AppContext } from '../src/main/services/context';
import { importItem } from '../src/main/services/library/import-item';

export async function importText(
  ctx: AppContext,
  name: string,
  text: string,
): Promise<RecordDocument> {
  const outcome = await importItem(
    ctx,
    { kind: 'record', file: { name, base64: Buffer.from(text).toString('base64') } },
    'skip',
  );
  if (outcome.status !== 'imported') {
    throw new Error(`The bench record did not import: ${JSON.stringify(outcome)}`);
  }
  return outcome.record;
}
