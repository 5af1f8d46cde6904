// Benchmark of the alignment engine: accuracy on the hand-made gold fixtures (with hunalign's
// published figures on the seed record as the reference bar), then speed and memory on 20,000
// generated sentence pairs. Relative imports only, so the module runs without path aliases.

import type { AlignmentGroup } from '../src/shared/model';
import { alignSentences, alignSequences } from '../src/main/services/alignment/index';
import seedParagraphs from '../tests/fixtures/alignment/wilson-center-110374.paragraphs.json' with { type: 'json' };
import seedSentences from '../tests/fixtures/alignment/wilson-center-110374.sentences.json' with { type: 'json' };
import politburo from '../tests/fixtures/alignment/politburo-decision.json' with { type: 'json' };
import conversation from '../tests/fixtures/alignment/conversation-record.json' with { type: 'json' };
import letter from '../tests/fixtures/alignment/letter-signature.json' with { type: 'json' };
import telegram from '../tests/fixtures/alignment/telegram-numbered-points.json' with { type: 'json' };
import report from '../tests/fixtures/alignment/ambassador-report-sentences.json' with { type: 'json' };
import longReport from '../tests/fixtures/alignment/long-report-sentences.json' with { type: 'json' };

interface GoldGroup {
  original: number[];
  translation: number[];
}

interface Fixture {
  name: string;
  originalLang: string;
  translationLang: string;
  level: string;
  original: string[];
  translation: string[];
  gold: GoldGroup[];
}

const FIXTURES: readonly Fixture[] = [
  politburo,
  conversation,
  letter,
  telegram,
  report,
  longReport,
];

// hunalign on the seed record and on 20,000 sentence pairs, as published in the project brief.
const HUNALIGN = {
  paragraphPairs: 9,
  sentencePairs: 24,
  bestSeconds: 9,
  worstSeconds: 16,
  megabytes: 866,
};
const TARGET = { seconds: 1, megabytes: 100 };
const SYNTHETIC_PAIRS = 20_000;

/** Links (original, translation) implied by groups that pair both sides. */
function links(groups: readonly GoldGroup[]): Set<string> {
  const result = new Set<string>();
  for (const group of groups) {
    for (const i of group.original) for (const j of group.translation) result.add(`${i}:${j}`);
  }
  return result;
}

/** Lines that stand alone ("o3", "t7"). */
function loneLines(groups: readonly GoldGroup[]): Set<string> {
  const result = new Set<string>();
  for (const group of groups) {
    if (group.translation.length === 0) for (const i of group.original) result.add(`o${i}`);
    if (group.original.length === 0) for (const j of group.translation) result.add(`t${j}`);
  }
  return result;
}

function countIn<T>(wanted: ReadonlySet<T>, found: ReadonlySet<T>): number {
  let count = 0;
  for (const item of wanted) if (found.has(item)) count++;
  return count;
}

/** Gold pairing groups reproduced exactly. */
function exactPairs(
  gold: readonly GoldGroup[],
  found: readonly GoldGroup[],
): { right: number; total: number } {
  const key = (group: GoldGroup): string =>
    `${group.original.join(',')}|${group.translation.join(',')}`;
  const foundKeys = new Set(found.map(key));
  const pairs = gold.filter((group) => group.original.length > 0 && group.translation.length > 0);
  return { right: pairs.filter((group) => foundKeys.has(key(group))).length, total: pairs.length };
}

interface Scores {
  precision: number;
  recall: number;
  f1: number;
  loneRecall: number;
  loneTotal: number;
}

function score(gold: readonly GoldGroup[], found: readonly GoldGroup[]): Scores {
  const goldLinks = links(gold);
  const foundLinks = links(found);
  const correct = countIn(goldLinks, foundLinks);
  const precision = foundLinks.size === 0 ? 1 : correct / foundLinks.size;
  const recall = goldLinks.size === 0 ? 1 : correct / goldLinks.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const goldLone = loneLines(gold);
  const loneRecall = goldLone.size === 0 ? 1 : countIn(goldLone, loneLines(found)) / goldLone.size;
  return { precision, recall, f1, loneRecall, loneTotal: goldLone.size };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function benchSeed(log: (line: string) => void): void {
  const options = {
    originalLang: seedParagraphs.originalLang,
    translationLang: seedParagraphs.translationLang,
  };
  const paragraphs = alignSequences(seedParagraphs.original, seedParagraphs.translation, options);
  const paragraphPairs = exactPairs(seedParagraphs.gold, paragraphs);
  const goldLone = loneLines(seedParagraphs.gold);
  const lone = countIn(goldLone, loneLines(paragraphs));
  const sentences = alignSentences(
    seedParagraphs.original,
    seedParagraphs.translation,
    paragraphs,
    options,
  );
  const sentencePairs = exactPairs(seedSentences.gold, sentences.groups);
  log(
    `Seed record wilson-center-110374 (ru→en ciphered telegram, ${seedParagraphs.original.length} + ${seedParagraphs.translation.length} paragraphs):`,
  );
  log(
    `  paragraph pairs right  ${paragraphPairs.right}/${paragraphPairs.total}   (hunalign: ${HUNALIGN.paragraphPairs}/${paragraphPairs.total})`,
  );
  log(
    `  sentence pairs right   ${sentencePairs.right}/${sentencePairs.total}   (hunalign: ${HUNALIGN.sentencePairs}/${sentencePairs.total})`,
  );
  log(`  one-sided lines left unpaired (paragraph level) ${lone}/${goldLone.size}`);
}

function benchFixtures(log: (line: string) => void): void {
  log('Gold fixtures (links = (original, translation) index pairs implied by paired groups):');
  log(
    '  fixture                          level      segments   precision  recall   F1       one-sided recall',
  );
  // The seed's sentences go through the whole pipeline (paragraphs, then sentences within each
  // paragraph row); the other fixtures are aligned directly at their level.
  const pipeline: Fixture = { ...seedSentences, name: 'wilson-center-110374 (pipeline)' };
  for (const fixture of [pipeline, ...FIXTURES]) {
    const options = {
      originalLang: fixture.originalLang,
      translationLang: fixture.translationLang,
    };
    let found: GoldGroup[];
    if (fixture === pipeline) {
      const { original, translation } = seedParagraphs;
      const paragraphs = alignSequences(original, translation, options);
      found = alignSentences(original, translation, paragraphs, options).groups;
    } else {
      found = alignSequences(fixture.original, fixture.translation, options);
    }
    const s = score(fixture.gold, found);
    const size = `${fixture.original.length}+${fixture.translation.length}`;
    log(
      `  ${fixture.name.padEnd(32)} ${fixture.level.padEnd(10)} ${size.padEnd(10)} ${percent(s.precision).padEnd(10)} ${percent(s.recall).padEnd(8)} ${percent(s.f1).padEnd(8)} ${s.loneTotal === 0 ? 'n/a' : `${percent(s.loneRecall)} of ${s.loneTotal}`}`,
    );
  }
}

/** Deterministic PRNG (mulberry32), so that every run aligns the same synthetic text. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAIN_NUMBER = /(?<![\d,.:-])\d+(?![\d,.:]\d|\d|-|th|st|nd|rd)/g;

/** Replaces numbers found on both sides of a pair by the same fresh numbers. */
function varyNumbers(ru: string, en: string, random: () => number): [string, string] {
  const shared = new Set(ru.match(PLAIN_NUMBER) ?? []);
  const inEnglish = new Set(en.match(PLAIN_NUMBER) ?? []);
  const mapping = new Map<string, string>();
  for (const value of shared) {
    if (!inEnglish.has(value)) continue;
    const n = Number(value);
    const fresh =
      n >= 1945 && n <= 1960
        ? 1946 + Math.floor(random() * 12)
        : n <= 31
          ? 1 + Math.floor(random() * 28)
          : Math.max(2, Math.round(n * (0.4 + random() * 1.5)));
    mapping.set(value, String(fresh));
  }
  const replace = (text: string): string =>
    text.replace(PLAIN_NUMBER, (value) => mapping.get(value) ?? value);
  return [replace(ru), replace(en)];
}

/**
 * About `count` sentence pairs sampled from the fixtures' 1–1 sentence pairs with numbers
 * varied, plus 1% each of omissions (1–0), inserted one-sided lines (0–1), merges of two
 * English sentences (2–1) and of two Russian sentences (1–2); returns texts and gold.
 */
function syntheticText(
  count: number,
  seed: number,
): { original: string[]; translation: string[]; gold: GoldGroup[] } {
  const pool: [string, string][] = [];
  for (const fixture of [seedSentences, report, longReport]) {
    for (const group of fixture.gold) {
      const [i] = group.original;
      const [j] = group.translation;
      if (
        group.original.length === 1 &&
        group.translation.length === 1 &&
        i !== undefined &&
        j !== undefined
      ) {
        pool.push([fixture.original[i] ?? '', fixture.translation[j] ?? '']);
      }
    }
  }
  const random = prng(seed);
  const pick = (): [string, string] =>
    varyNumbers(...(pool[Math.floor(random() * pool.length)] ?? ['', '']), random);
  const oneSided = (): string => {
    const choice = Math.floor(random() * 4);
    if (choice === 0) return '[…]';
    if (choice === 1) return `No. ${100 + Math.floor(random() * 900)}/III`;
    if (choice === 2)
      return `${1 + Math.floor(random() * 28)} June 195${Math.floor(random() * 10)}`;
    return '[Two lines illegible.]';
  };
  const original: string[] = [];
  const translation: string[] = [];
  const gold: GoldGroup[] = [];
  const add = (ru: string[], en: string[]): void => {
    gold.push({
      original: ru.map((_, k) => original.length + k),
      translation: en.map((_, k) => translation.length + k),
    });
    original.push(...ru);
    translation.push(...en);
  };
  while (original.length < count) {
    const roll = random();
    const [ru, en] = pick();
    if (roll < 0.01) add([ru], []);
    else if (roll < 0.02) add([], [oneSided()]);
    else if (roll < 0.03) {
      const [ru2, en2] = pick();
      add([ru, ru2], [`${en.replace(/[.!]$/, '')}; ${en2.charAt(0).toLowerCase()}${en2.slice(1)}`]);
    } else if (roll < 0.04) {
      const [ru2, en2] = pick();
      add(
        [`${ru.replace(/[.!]$/, '')}, а ${ru2.charAt(0).toLowerCase()}${ru2.slice(1)}`],
        [en, en2],
      );
    } else add([ru], [en]);
  }
  return { original, translation, gold };
}

const megabytes = (bytes: number): number => bytes / (1024 * 1024);

/** Heap plus typed-array memory (the lattice lives in ArrayBuffers, outside heapUsed). */
function heapAndBuffers(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function benchSpeed(log: (line: string) => void): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const options = { originalLang: 'ru', translationLang: 'en' };
  const text = syntheticText(SYNTHETIC_PAIRS, 20_000);
  // Warm the JIT on a smaller text first, as the app would be after its first alignment.
  const warm = syntheticText(2_000, 7);
  alignSequences(warm.original, warm.translation, options);

  const times: number[] = [];
  let heapPeak = 0;
  let rssPeak = 0;
  let groups: AlignmentGroup[] = [];
  for (let run = 0; run < 3; run++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const heapBefore = heapAndBuffers();
    const rssBefore = process.memoryUsage().rss;
    // Memory is sampled when the final pass ends (its lattice arrays are still in memory,
    // nothing having been collected since) and again after the call returns.
    const sample = (): void => {
      heapPeak = Math.max(heapPeak, heapAndBuffers() - heapBefore);
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss - rssBefore);
    };
    const started = performance.now();
    groups = alignSequences(text.original, text.translation, options, sample);
    times.push((performance.now() - started) / 1000);
    sample();
  }
  const s = score(text.gold, groups);
  const best = Math.min(...times);
  const median = [...times].sort((a, b) => a - b)[1] ?? best;
  const memory = megabytes(Math.max(heapPeak, rssPeak, 1));
  const hunalignBest = HUNALIGN.bestSeconds / median;
  const hunalignWorst = HUNALIGN.worstSeconds / median;
  log(
    `Speed and memory: ${text.original.length} + ${text.translation.length} generated sentences (seeded; 1% each of 1–0, 0–1, 2–1, 1–2):`,
  );
  log(
    `  accuracy on the generated text: precision ${percent(s.precision)}, recall ${percent(s.recall)}, F1 ${percent(s.f1)}`,
  );
  log(
    `  wall time  median ${median.toFixed(3)} s, best ${best.toFixed(3)} s of 3 runs   (target < ${TARGET.seconds} s; hunalign ${HUNALIGN.bestSeconds}–${HUNALIGN.worstSeconds} s)`,
  );
  log(
    `  memory     +${megabytes(heapPeak).toFixed(1)} MB heap and buffers, +${megabytes(rssPeak).toFixed(1)} MB RSS at most over the runs${gc === undefined ? ' (without --expose-gc: garbage of earlier runs may blur this)' : ''}   (target < ${TARGET.megabytes} MB; hunalign ${HUNALIGN.megabytes} MB)`,
  );
  log(
    `  ${hunalignBest.toFixed(1)}× faster than hunalign's best (${hunalignWorst.toFixed(1)}× its worst), ${(TARGET.seconds / median).toFixed(1)}× under the time target`,
  );
  log(
    `  ${(HUNALIGN.megabytes / memory).toFixed(1)}× less memory than hunalign, ${(TARGET.megabytes / memory).toFixed(1)}× under the memory target`,
  );
}

/** Prints the alignment benchmark: gold accuracy, then speed and memory at 20,000 pairs. */
export async function benchAlignment(log: (line: string) => void): Promise<void> {
  log('== Alignment engine ==');
  benchSeed(log);
  benchFixtures(log);
  await benchSpeed(log);
}
