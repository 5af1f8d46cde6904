import { describe, expect, it } from 'vitest';
import { alignmentProblem, alignSentences } from '../../../src/main/services/alignment';
import { importSample, memoryContext } from '../support/context';
import { call, refusal, shape } from './support';

const sentence = 'sentence' as const;

async function setup() {
  const ctx = memoryContext();
  const recordId = await importSample(ctx);
  const view = () => call(ctx, 'alignment.get', { recordId, level: sentence });
  const storedRows = () =>
    (ctx.db.prepare('SELECT COUNT(*) AS n FROM sentence_groups').get() as { n: number }).n;
  return { ctx, recordId, view, storedRows };
}

describe('the sentence view', () => {
  it('is derived from the paragraph rows with alignSentences', async () => {
    const { ctx, recordId, view } = await setup();
    const record = await call(ctx, 'records.get', { id: recordId });
    const texts = (side: 'original' | 'translation') => record[side].passages.map((p) => p.text);
    const expected = alignSentences(texts('original'), texts('translation'), record.alignment, {
      originalLang: 'ru',
      translationLang: 'en',
    });
    const v = await view();
    expect(v.groups).toEqual(expected.groups);
    expect(v.original.units).toEqual(
      expected.original.map((s) => ({ passage: s.paragraph, start: s.start, end: s.end })),
    );
    // Each unit is a span of its passage's text.
    for (const side of ['original', 'translation'] as const) {
      v[side].units.forEach((unit, k) => {
        expect(v[side].passages[unit.passage]!.text.slice(unit.start, unit.end)).toBe(
          expected[side][k]!.text,
        );
      });
    }
    expect(shape(v.groups).slice(4, 8)).toEqual(['1|3', '2|4', '3|5', '4|6']);
  });

  it('takes corrections inside a paragraph row and stores only that paragraph row', async () => {
    const { ctx, recordId, view, storedRows } = await setup();
    const change = await call(ctx, 'alignment.merge', {
      recordId,
      level: sentence,
      row: { original: [3], translation: [5] },
    });
    expect(change.level).toBe('sentence');
    expect(alignmentProblem(change.groups, 27, 31)).toBeNull();
    const rows = shape((await view()).groups);
    expect(rows).toEqual(shape(change.groups));
    expect(rows.slice(5, 8)).toEqual(['2|4', '3,4|5,6✓', '5|7']);
    // The paragraph "По нашему мнению…" holds six sentences, in five sentence rows now.
    expect(storedRows()).toBe(5);
    // The paragraph rows are untouched.
    const record = await call(ctx, 'records.get', { id: recordId });
    expect(record.alignment.every((g) => !g.confirmed)).toBe(true);
  });

  it('refuses a sentence row across paragraph rows', async () => {
    const { ctx, recordId, view, storedRows } = await setup();
    const before = await view();
    const error = await refusal(
      call(ctx, 'alignment.merge', {
        recordId,
        level: sentence,
        row: { original: [1], translation: [3] },
      }),
    );
    expect(error.message).toMatch(
      /sentence row 5 would join sentences of different paragraph rows; change the paragraph rows in the paragraph view first/,
    );
    const moved = await refusal(
      call(ctx, 'alignment.move', {
        recordId,
        level: sentence,
        side: 'original',
        unit: 2,
        direction: 'up',
      }),
    );
    expect(moved.message).toMatch(/different paragraph rows/);
    expect((await view()).groups).toEqual(before.groups);
    expect(storedRows()).toBe(0);
  });

  it('splits, moves, unpairs and confirms sentences', async () => {
    const { ctx, recordId, view } = await setup();
    await call(ctx, 'alignment.move', {
      recordId,
      level: sentence,
      side: 'translation',
      unit: 6,
      direction: 'up',
    });
    expect(shape((await view()).groups).slice(6, 8)).toEqual(['3|5,6✓', '4|✓']);
    await call(ctx, 'alignment.split', {
      recordId,
      level: sentence,
      row: { original: [3], translation: [5, 6] },
      original: 1,
      translation: 1,
    });
    expect(shape((await view()).groups).slice(6, 9)).toEqual(['3|5✓', '|6✓', '4|✓']);
    await call(ctx, 'alignment.unpair', {
      recordId,
      level: sentence,
      side: 'original',
      unit: 20,
    });
    expect(shape((await view()).groups)).toContain('20|✓');
    await call(ctx, 'alignment.confirm', {
      recordId,
      level: sentence,
      row: { original: [1], translation: [3] },
    });
    expect(shape((await view()).groups)).toContain('1|3✓');
  });

  it('keeps confirmed sentence rows through paragraph corrections and their undo', async () => {
    const { ctx, recordId, view } = await setup();
    await call(ctx, 'alignment.merge', {
      recordId,
      level: sentence,
      row: { original: [3], translation: [5] },
    });
    const shaped = await view();
    // Merge the paragraph row of that sentence row with the next one: the sentence rows are
    // aligned again around the confirmed one.
    const paragraphMerge = await call(ctx, 'alignment.merge', {
      recordId,
      row: { original: [2], translation: [4] },
    });
    const merged = shape((await view()).groups);
    expect(merged).toContain('3,4|5,6✓');
    expect(alignmentProblem((await view()).groups, 27, 31)).toBeNull();
    // Paragraph re-alignment keeps the confirmed paragraph row and the sentence row inside it.
    await call(ctx, 'alignment.realign', { recordId });
    expect(shape((await view()).groups)).toContain('3,4|5,6✓');
    // Undo the paragraph merge: the sentence rows are exactly as they were.
    await call(ctx, 'alignment.set', { recordId, groups: paragraphMerge.previous });
    expect((await view()).groups).toEqual(shaped.groups);
  });

  it('undoes to the machine rows and stores nothing then', async () => {
    const { ctx, recordId, view, storedRows } = await setup();
    const machine = await view();
    const change = await call(ctx, 'alignment.unpair', {
      recordId,
      level: sentence,
      side: 'translation',
      unit: 5,
    });
    expect(storedRows()).toBeGreaterThan(0);
    await call(ctx, 'alignment.set', { recordId, level: sentence, groups: change.previous });
    expect((await view()).groups).toEqual(machine.groups);
    expect(storedRows()).toBe(0);
    await call(ctx, 'alignment.set', { recordId, level: sentence, groups: change.groups });
    expect((await view()).groups).toEqual(change.groups);
  });

  it('refuses sentence rows that are incomplete or cross paragraph rows', async () => {
    const { ctx, recordId, view } = await setup();
    const { groups } = await view();
    const incomplete = await refusal(
      call(ctx, 'alignment.set', { recordId, level: sentence, groups: groups.slice(0, -1) }),
    );
    expect(incomplete.message).toMatch(/sentence alignment cannot be stored: covers 26 of 27/);
    const joined = groups.flatMap((g, k) =>
      k === 4 ? [{ ...g, original: [1, 2], translation: [3, 4] }] : k === 5 ? [] : [g],
    );
    const across = await refusal(
      call(ctx, 'alignment.set', { recordId, level: sentence, groups: joined }),
    );
    expect(across.message).toMatch(/different paragraph rows/);
    expect((await view()).groups).toEqual(groups);
  });

  it('re-aligns unconfirmed sentence rows around the confirmed ones', async () => {
    const { ctx, recordId, view } = await setup();
    const machine = shape((await view()).groups);
    await call(ctx, 'alignment.merge', {
      recordId,
      level: sentence,
      row: { original: [3], translation: [5] },
    });
    await call(ctx, 'alignment.split', {
      recordId,
      level: sentence,
      row: { original: [19], translation: [21] },
      original: 1,
      translation: 0,
    });
    const change = await call(ctx, 'alignment.realign', { recordId, level: sentence });
    const after = shape(change.groups);
    expect(after).toContain('3,4|5,6✓');
    expect(after).toContain('19|✓');
    expect(after).toContain('|21✓');
    // Everything else is the machine's again.
    const untouched = machine.filter((row) => !/^(3|4|19)\|/.test(row));
    expect(after).toEqual(expect.arrayContaining(untouched));
  });
});
