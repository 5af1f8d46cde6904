// The library's translation lexicon: rows a reader confirms teach it, records aligned later start
// from it (words become evidence where a short text cannot teach itself), and undo untrains it.
import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '@shared/api/methods/import';
import type { RecordDocument } from '@shared/model';
import {
  parseImport,
  storeItem,
  type ImportRequest,
} from '../../../src/main/services/library/import-item';
import { memoryContext, type TestContext } from '../support/context';
import { call } from './support';

// Six short sentences a side, each with its own vocabulary: too few pairs for a text to learn a
// lexicon from itself (the aligner needs eight), enough for the library's to show.
const TAUGHT = {
  ru: [
    'Министр принял посла.',
    'Армия отступила к реке.',
    'Урожай пшеницы был хорошим.',
    'Заводы выпустили много стали.',
    'Поезд прибыл в столицу.',
    'Газета напечатала речь.',
  ],
  en: [
    'The minister received the ambassador.',
    'The army retreated to the river.',
    'The wheat harvest was good.',
    'The factories produced much steel.',
    'The train arrived in the capital.',
    'The newspaper printed the speech.',
  ],
};
const LATER = {
  ru: [
    'Посол встретил министра.',
    'Река остановила армию.',
    'Пшеница дала урожай.',
    'Сталь отправили на заводы.',
    'Столица ждала поезд.',
    'Речь вышла в газете.',
  ],
  en: [
    'The ambassador met the minister.',
    'The river stopped the army.',
    'The wheat gave a harvest.',
    'The steel was sent to the factories.',
    'The capital awaited the train.',
    'The speech appeared in the newspaper.',
  ],
};

const file = (name: string, lines: string[]) => ({
  name,
  base64: Buffer.from(`${lines.join('\n')}\n`).toString('base64'),
});

const pairItem = (name: string, text: { ru: string[]; en: string[] }): ImportRequest => ({
  kind: 'pair',
  original: file(`${name}.ru.txt`, text.ru),
  translation: file(`${name}.en.txt`, text.en),
});

async function importPair(
  ctx: TestContext,
  name: string,
  text: { ru: string[]; en: string[] },
): Promise<RecordDocument> {
  const outcome = await call(ctx, 'import.item', {
    item: {
      kind: 'pair',
      original: file(`${name}.ru.txt`, text.ru),
      translation: file(`${name}.en.txt`, text.en),
    },
  });
  if ((outcome as ImportOutcome).status !== 'imported') throw new Error(JSON.stringify(outcome));
  return (outcome as Extract<ImportOutcome, { status: 'imported' }>).record;
}

async function confirmAll(ctx: TestContext, record: RecordDocument) {
  let change = null;
  for (const group of record.alignment.filter((g) => !g.confirmed)) {
    change = await call(ctx, 'alignment.confirm', {
      recordId: record.id,
      row: { original: group.original, translation: group.translation },
    });
  }
  return change!;
}

describe('the library lexicon', () => {
  it('learns from every confirmed row, and undoing the confirmation untrains it', async () => {
    const ctx = memoryContext();
    const taught = await importPair(ctx, 'taught', TAUGHT);
    expect(taught.alignment.map((g) => `${g.original}|${g.translation}`)).toEqual([
      '0|0',
      '1|1',
      '2|2',
      '3|3',
      '4|4',
      '5|5',
    ]);
    expect(ctx.lexicon.ofRecord(taught.id)).toEqual([]);

    const first = await call(ctx, 'alignment.confirm', {
      recordId: taught.id,
      row: { original: [0], translation: [0] },
    });
    const learned = ctx.lexicon.ofRecord(taught.id);
    // One row of three content words a side: each stem explains each of the other side's.
    expect(learned.map((e) => `${e.source}→${e.target}`).sort()).toEqual([
      'министр→ambassador',
      'министр→minist',
      'министр→receiv',
      'посл→ambassador',
      'посл→minist',
      'посл→receiv',
      'приня→ambassador',
      'приня→minist',
      'приня→receiv',
    ]);
    await confirmAll(ctx, (await call(ctx, 'records.get', { id: taught.id })) as RecordDocument);
    const all = ctx.lexicon.counts('ru', 'en');
    const pairs = new Set(all.map((e) => `${e.source}→${e.target}`));
    // Each row teaches its own words (19 content stems in all), never a word of another row.
    expect(pairs.has('пшениц→wheat')).toBe(true);
    expect(pairs.has('газет→newspap')).toBe(true);
    expect(pairs.has('пшениц→minist')).toBe(false);
    expect(new Set(all.map((e) => e.source)).size).toBe(19);

    // Undo every confirmation (back to the rows before the first): nothing is left.
    await call(ctx, 'alignment.set', {
      recordId: taught.id,
      groups: first.previous,
    });
    expect(ctx.lexicon.ofRecord(taught.id)).toEqual([]);
    expect(ctx.lexicon.counts('ru', 'en')).toEqual([]);
  });

  it('makes later records align with more evidence and more confidence', async () => {
    // The same record in a library that has learned nothing…
    const alone = memoryContext();
    const before = await importPair(alone, 'later', LATER);
    const viewBefore = await call(alone, 'alignment.get', { recordId: before.id });
    expect(viewBefore.evidence.every((e) => e.words.covered === 0)).toBe(true);

    // …and in one whose reader confirmed the rows of another record.
    const ctx = memoryContext();
    await confirmAll(ctx, await importPair(ctx, 'taught', TAUGHT));
    const after = await importPair(ctx, 'later', LATER);
    expect(after.alignment.map((g) => `${g.original}|${g.translation}`)).toEqual(
      before.alignment.map((g) => `${g.original}|${g.translation}`),
    );
    const view = await call(ctx, 'alignment.get', { recordId: after.id });
    expect(view.evidence).toHaveLength(6);
    for (const row of view.evidence) expect(row.words.covered).toBeGreaterThan(0);
    const lowest = (r: RecordDocument) => Math.min(...r.alignment.map((g) => g.confidence));
    expect(lowest(after)).toBeGreaterThan(lowest(before));
  });

  it('reaches the parse worker, which aligns the record once; the store keeps that alignment', async () => {
    const ctx = memoryContext();
    await confirmAll(ctx, await importPair(ctx, 'taught', TAUGHT));
    expect(ctx.lexicon.languagePairs()).toEqual([{ source: 'ru', target: 'en' }]);
    // The worker, handed the library, aligns from its lexicon: surer than without one.
    const informed = await parseImport(pairItem('later', LATER), ctx);
    const plain = await parseImport(pairItem('later', LATER), null);
    const lowest = (groups: { confidence: number }[]) =>
      Math.min(...groups.map((g) => g.confidence));
    expect(lowest(informed.alignment)).toBeGreaterThan(lowest(plain.alignment));
    // Storing does not align again: the rows stored are the worker's, confidences and all
    // (here those of the parse without the lexicon, which a second pass would have replaced).
    const outcome = await storeItem(ctx, plain, 'later', 'keep-both');
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    expect(outcome.record.alignment).toEqual(plain.alignment);
  });
});
