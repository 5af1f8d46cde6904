// Fidelity on public-domain parallel texts (tests/fixtures/alignment/public, see its README):
// the thresholds of issue 11, scored as pair F1 over (original, translation) links and as pair
// precision for excerpts. The texts come as files, so the units are what the app itself would
// read from them (blank-line paragraphs or one segment per line).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectUnit, splitLines, splitParagraphs } from '../../../src/shared/alignment/units';
import { alignDetailed, alignmentProblem } from '../../../src/main/services/alignment/index';
import { RU_EN, type GoldGroup } from './fixtures';

const DIR = path.resolve('tests/fixtures/alignment/public');
const read = (name: string): string => fs.readFileSync(path.join(DIR, name), 'utf8');

/** The units of a file as detected, the way `align` and the pair import read it. */
function units(name: string): string[] {
  const text = read(name);
  return detectUnit(text).unit === 'line' ? splitLines(text) : splitParagraphs(text);
}

function gold(name: string): {
  gold: GoldGroup[];
  units: { original: number; translation: number };
} {
  const file = JSON.parse(read(`${name}.gold.json`));
  const indexes = (list: string): number[] => (list === '' ? [] : list.split(',').map(Number));
  return {
    units: file.units,
    gold: (file.gold as string[]).map((group) => {
      const [o, t] = group.split('|');
      return { original: indexes(o ?? ''), translation: indexes(t ?? '') };
    }),
  };
}

function links(groups: readonly GoldGroup[]): Set<string> {
  return new Set(
    groups.flatMap((g) => g.original.flatMap((i) => g.translation.map((j) => `${i}:${j}`))),
  );
}

function score(expected: readonly GoldGroup[], found: readonly GoldGroup[]) {
  const want = links(expected);
  const got = links(found);
  let right = 0;
  for (const link of got) if (want.has(link)) right++;
  const precision = got.size === 0 ? 1 : right / got.size;
  const recall = want.size === 0 ? 1 : right / want.size;
  const f1 = right === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function align(original: string[], translation: string[]) {
  const result = alignDetailed(original, translation, RU_EN);
  expect(alignmentProblem(result.groups, original.length, translation.length)).toBeNull();
  return result;
}

// hunalign (commit 2fbcbc9, null dictionary, with and without -realign) on the same files, as
// `npm run bench -- alignment` measures it: the aligner must never do worse.
const HUNALIGN_F1 = { udhr: 0.9945, markLines: 1 };

describe('texts of one segment per line (1–1 structure)', () => {
  it('the UDHR, 91 lines a side, with one 2–1 article and one line only in English', () => {
    const original = units('udhr.ru.txt');
    const translation = units('udhr.en.txt');
    const { gold: expected, units: counts } = gold('udhr');
    expect([original.length, translation.length]).toEqual([counts.original, counts.translation]);
    const found = align(original, translation).groups;
    const s = score(expected, found);
    expect(s.f1).toBeGreaterThanOrEqual(0.99);
    expect(s.f1).toBeGreaterThanOrEqual(HUNALIGN_F1.udhr);
    // "Now, therefore," has no Russian line of its own.
    expect(found).toContainEqual(expect.objectContaining({ original: [], translation: [9] }));
  });

  it('the Gospel of Mark, 678 verses a side', () => {
    const refs = read('gospels.refs.txt').split('\n');
    const from = refs.indexOf('Mar 1:1');
    const to = refs.indexOf('Luk 1:1');
    const original = read('gospels.ru.txt').split('\n').slice(from, to);
    const translation = read('gospels.en.txt').split('\n').slice(from, to);
    expect(original).toHaveLength(678);
    const expected = original.map((_, k) => ({ original: [k], translation: [k] }));
    const s = score(expected, align(original, translation).groups);
    expect(s.f1).toBeGreaterThanOrEqual(0.99);
    expect(s.f1).toBeGreaterThanOrEqual(HUNALIGN_F1.markLines);
  });
});

describe('paragraphs cut differently on each side (groups up to 3–3, passages missing)', () => {
  const { gold: expected, units: counts } = gold('mark-paragraphs');
  it.each([
    ['blank-line paragraphs', 'mark-paragraphs'],
    ['one paragraph per line', 'mark-paragraphs-lines'],
  ])('%s', (_layout, name) => {
    const original = units(`${name}.ru.txt`);
    const translation = units(`${name}.en.txt`);
    expect([original.length, translation.length]).toEqual([counts.original, counts.translation]);
    const found = align(original, translation).groups;
    expect(score(expected, found).f1).toBeGreaterThanOrEqual(0.95);
    // Groups of three on a side are found, not only pairs of two.
    expect(found.some((g) => g.original.length === 3 || g.translation.length === 3)).toBe(true);
  });
});

describe('excerpt translations', () => {
  it.each([
    ['a stretch from the middle', 'excerpt-middle'],
    ['a stretch marked by “[…]” before and after', 'excerpt-marked'],
    ['the first paragraphs only', 'excerpt-head'],
    ['routing lines, then the first paragraphs', 'excerpt-routing'],
  ])('%s: a wrong pair is rarer than a missing one', (_case, name) => {
    const original = units(`${name}.ru.txt`);
    const translation = units(`${name}.en.txt`);
    const { gold: expected } = gold(name);
    const s = score(expected, align(original, translation).groups);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the translated stretch and leaves the rest of the original alone', () => {
    for (const name of ['excerpt-marked', 'excerpt-head', 'excerpt-routing']) {
      const original = units(`${name}.ru.txt`);
      const translation = units(`${name}.en.txt`);
      const result = align(original, translation);
      expect(result.excerpt, name).toBe(true);
      expect(score(gold(name).gold, result.groups).recall, name).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('pairs no routing line ("By telegram", "Extremely urgent", "I report:")', () => {
    const original = units('excerpt-routing.ru.txt');
    const translation = units('excerpt-routing.en.txt');
    const found = align(original, translation).groups;
    for (const j of [0, 1, 2]) {
      expect(found).toContainEqual(expect.objectContaining({ original: [], translation: [j] }));
    }
  });
});
