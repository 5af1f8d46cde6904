import { describe, expect, it } from 'vitest';
import { longRecord } from '../../../bench/long-record';
import { importSample, memoryContext } from '../support/context';
import { call, shape } from './support';

// Aligning 1,000 paragraphs and their 5,000 sentences (with the text's own lexicon and the
// sentence agreement) takes a few seconds on an idle machine and over 20 s on a loaded 2-core
// one; its speed is measured in `npm run bench -- reader`, not here.
const ALIGNS_TWICE_MS = 90_000;

describe('a record with 5,000 sentence pairs', () => {
  it(
    'imports, shows 5,000 sentence rows, and takes corrections',
    { timeout: ALIGNS_TWICE_MS },
    async () => {
      const long = longRecord(5000);
      const ctx = memoryContext();
      const recordId = await importSample(ctx, long.text, 'long.txt');
      const record = await call(ctx, 'records.get', { id: recordId });
      expect(record.title).toBe(long.title);
      expect(record.original.passages).toHaveLength(1000);
      expect(record.translation.passages).toHaveLength(1000);
      expect(shape(record.alignment).every((row, k) => row === `${k}|${k}`)).toBe(true);

      const view = await call(ctx, 'alignment.get', { recordId, level: 'sentence' });
      expect(view.original.units).toHaveLength(5000);
      expect(view.translation.units).toHaveLength(5000);
      expect(shape(view.groups).every((row, k) => row === `${k}|${k}`)).toBe(true);
      const last = view.original.units.at(-1)!;
      expect(view.original.passages[last.passage]!.text.slice(last.start, last.end)).toBe(
        long.last.ru,
      );

      const change = await call(ctx, 'alignment.merge', {
        recordId,
        level: 'sentence',
        row: { original: [4001], translation: [4001] },
      });
      expect(shape(change.groups)[4001]).toBe('4001,4002|4001,4002✓');
      const again = await call(ctx, 'alignment.get', { recordId, level: 'sentence' });
      expect(again.groups).toHaveLength(4999);
      const realigned = await call(ctx, 'alignment.realign', { recordId, level: 'sentence' });
      expect(shape(realigned.groups)[4001]).toBe('4001,4002|4001,4002✓');
    },
  );
});
