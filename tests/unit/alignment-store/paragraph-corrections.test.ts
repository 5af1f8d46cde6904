import { describe, expect, it } from 'vitest';
import type { AlignmentChange } from '@shared/alignment/view';
import { alignmentProblem } from '../../../src/main/services/alignment';
import { fileContext, importSample, memoryContext, tempDir } from '../support/context';
import { SEED_ROWS, call, refusal, shape } from './support';

const paragraph = 'paragraph' as const;

async function setup() {
  const ctx = memoryContext();
  const recordId = await importSample(ctx);
  const rows = async () => (await call(ctx, 'records.get', { id: recordId })).alignment;
  return { ctx, recordId, rows };
}

function expectValid(change: AlignmentChange): void {
  expect(alignmentProblem(change.groups, 13, 17)).toBeNull();
}

describe('paragraph alignment corrections through the API', () => {
  it('starts from the machine alignment of the seed record', async () => {
    const { rows } = await setup();
    expect(shape(await rows())).toEqual(SEED_ROWS);
  });

  it('merges, stores the merged row as confirmed and returns the rows before', async () => {
    const { ctx, recordId, rows } = await setup();
    const change = await call(ctx, 'alignment.merge', {
      recordId,
      row: { original: [2], translation: [4] },
    });
    expectValid(change);
    expect(change.description).toBe('Merge rows 6 and 7');
    expect(shape(change.previous)).toEqual(SEED_ROWS);
    const stored = shape(await rows());
    expect(stored).toEqual(shape(change.groups));
    expect(stored[5]).toBe('2,3|4,5✓');
    expect(stored).toHaveLength(SEED_ROWS.length - 1);
    expect((await rows())[5]!.confidence).toBe(1);
  });

  it('splits, moves and unpairs, each stored at once', async () => {
    const { ctx, recordId, rows } = await setup();
    await call(ctx, 'alignment.merge', { recordId, row: { original: [4], translation: [6] } });
    const split = await call(ctx, 'alignment.split', {
      recordId,
      level: paragraph,
      row: { original: [4, 5], translation: [6, 7] },
      original: 1,
      translation: 1,
    });
    expectValid(split);
    expect(shape(await rows()).slice(7, 9)).toEqual(['4|6✓', '5|7✓']);

    const move = await call(ctx, 'alignment.move', {
      recordId,
      side: 'translation',
      unit: 7,
      direction: 'up',
    });
    expectValid(move);
    expect(shape(await rows()).slice(7, 9)).toEqual(['4|6,7✓', '5|✓']);

    const unpair = await call(ctx, 'alignment.unpair', { recordId, side: 'original', unit: 11 });
    expectValid(unpair);
    expect(shape(await rows())).toContain('11|✓');
    expect(shape(await rows())).toContain('|13');

    const confirm = await call(ctx, 'alignment.confirm', {
      recordId,
      row: { original: [1], translation: [3] },
    });
    expect(shape(confirm.groups)).toContain('1|3✓');
  });

  it('refuses corrections that make no sense, with a reason, and changes nothing', async () => {
    const { ctx, recordId, rows } = await setup();
    const cases = [
      call(ctx, 'alignment.merge', { recordId, row: { original: [12], translation: [] } }),
      call(ctx, 'alignment.merge', { recordId, row: { original: [2], translation: [5] } }),
      call(ctx, 'alignment.split', {
        recordId,
        row: { original: [2], translation: [4] },
        original: 0,
        translation: 0,
      }),
      call(ctx, 'alignment.move', { recordId, side: 'translation', unit: 0, direction: 'up' }),
      call(ctx, 'alignment.move', { recordId, side: 'original', unit: 40, direction: 'up' }),
      call(ctx, 'alignment.unpair', { recordId, side: 'original', unit: -1 }),
      call(ctx, 'alignment.merge', { recordId: 'nope', row: { original: [1], translation: [3] } }),
      call(ctx, 'alignment.merge', {
        recordId,
        level: 'word' as never,
        row: { original: [1], translation: [3] },
      }),
      call(ctx, 'alignment.merge', { recordId, row: { original: [], translation: [] } }),
    ];
    const messages = [];
    for (const attempt of cases) messages.push((await refusal(attempt)).message);
    expect(messages[0]).toMatch(/Row 19 is the last row/);
    expect(messages[1]).toMatch(/no longer in the alignment/);
    expect(messages[2]).toMatch(/at least one passage in each part of row 6/);
    expect(messages[3]).toMatch(/Row 1 is the first row/);
    expect(messages[4]).toMatch(/no original unit 41/);
    expect(messages[5]).toMatch(/unit must not be negative/);
    expect(messages[6]).toMatch(/no record with id “nope”/);
    expect(messages[7]).toMatch(/level/);
    expect(messages[8]).toMatch(/a row holds some units/);
    expect(shape(await rows())).toEqual(SEED_ROWS);
  });

  it('undoes and redoes by setting the rows a change returned', async () => {
    const { ctx, recordId, rows } = await setup();
    const change = await call(ctx, 'alignment.move', {
      recordId,
      side: 'original',
      unit: 3,
      direction: 'up',
    });
    const undo = await call(ctx, 'alignment.set', { recordId, groups: change.previous });
    expect(await rows()).toEqual(change.previous);
    expect(shape(undo.previous)).toEqual(shape(change.groups));
    await call(ctx, 'alignment.set', { recordId, groups: change.groups });
    expect(await rows()).toEqual(change.groups);
  });

  it('refuses to set rows that are not a complete alignment', async () => {
    const { ctx, recordId, rows } = await setup();
    const current = await rows();
    const broken = {
      missing: current.slice(1),
      duplicate: [...current, { original: [0], translation: [], confidence: 1, confirmed: true }],
      disorder: [current[4]!, current[3]!, ...current.slice(0, 3), ...current.slice(5)],
      gaps: current.map((g, k) => (k === 6 ? { ...g, original: [3, 5] } : g)),
      empty: [...current, { original: [], translation: [], confidence: 1, confirmed: false }],
    };
    for (const [name, groups] of Object.entries(broken)) {
      const error = await refusal(call(ctx, 'alignment.set', { recordId, groups }));
      expect(error.code, name).toBe('invalid_input');
      expect(error.message, name).toMatch(/cannot be stored: .*Nothing was changed\./);
    }
    const confidence = await refusal(
      call(ctx, 'alignment.set', {
        recordId,
        groups: current.map((g) => ({ ...g, confidence: 2 })),
      }),
    );
    expect(confidence.message).toMatch(/confidence/);
    expect(await rows()).toEqual(current);
  });

  it('re-aligns the unconfirmed rows and keeps every confirmed row exactly', async () => {
    const { ctx, recordId, rows } = await setup();
    // A reader's decisions the machine would not take: Филиппов has no counterpart, and two
    // paragraphs of the quoted reply go together with their two renderings.
    await call(ctx, 'alignment.unpair', { recordId, side: 'original', unit: 11 });
    await call(ctx, 'alignment.merge', { recordId, row: { original: [5], translation: [7] } });
    // And a stretch garbled by hand, left unconfirmed.
    const current = await rows();
    const garbled = current.flatMap((g) =>
      shape([g])[0] === '1|3'
        ? [
            { original: [1], translation: [], confidence: 0.2, confirmed: false },
            { original: [], translation: [3], confidence: 0.2, confirmed: false },
          ]
        : [g],
    );
    await call(ctx, 'alignment.set', { recordId, groups: garbled });
    const change = await call(ctx, 'alignment.realign', { recordId });
    expectValid(change);
    expect(change.description).toBe('Re-align the unconfirmed paragraph rows');
    const after = shape(await rows());
    expect(after).toContain('11|✓');
    expect(after).toContain('5,6|7,8✓');
    expect(after).toContain('1|3');
    expect(after.filter((row) => row.endsWith('✓'))).toEqual(['5,6|7,8✓', '11|✓']);
    // Re-aligning again changes nothing.
    const again = await call(ctx, 'alignment.realign', { recordId });
    expect(shape(again.groups)).toEqual(after);
  });

  it('keeps corrections across closing and reopening the library', async () => {
    const dir = tempDir('alignment');
    const open = () => fileContext(dir);
    const first = open();
    const recordId = await importSample(first);
    await call(first, 'alignment.merge', { recordId, row: { original: [2], translation: [4] } });
    await call(first, 'alignment.merge', {
      recordId,
      level: 'sentence',
      row: { original: [3], translation: [5] },
    });
    const paragraphRows = (await call(first, 'records.get', { id: recordId })).alignment;
    const sentenceRows = (await call(first, 'alignment.get', { recordId, level: 'sentence' }))
      .groups;
    first.db.close();

    const second = open();
    expect((await call(second, 'records.get', { id: recordId })).alignment).toEqual(paragraphRows);
    expect((await call(second, 'alignment.get', { recordId, level: 'sentence' })).groups).toEqual(
      sentenceRows,
    );
    expect(shape(sentenceRows)).toContain('3,4|5,6✓');
    second.db.close();
  });
});
