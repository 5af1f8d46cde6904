// Benchmark of the alignment engine (issue 11): fidelity on the hand-made gold records and on the
// public-domain texts of tests/fixtures/alignment/public, then a speed race against hunalign,
// the classic aligner, both run from process start to output on the same segment-per-line
// files, over interleaved rounds, at 1,000 to 100,000 segments: seconds, peak RSS, pair F1,
// one-sided recall and the ratios. Marginalia's in-process time is printed too, labelled as such.
//
// hunalign is built once from ../shared/anchors/hunalign (its published source and build.sh)
// when a C++ compiler is there; its code and binary never enter this repository. Relative
// imports only, so the module runs without path aliases.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AlignmentGroup } from '../src/shared/model';
import { detectUnit, splitLines, splitParagraphs } from '../src/shared/alignment/units';
import { alignDetailed, alignSentences } from '../src/main/services/alignment/index';
import seedParagraphs from '../tests/fixtures/alignment/wilson-center-110374.paragraphs.json' with { type: 'json' };
import seedSentences from '../tests/fixtures/alignment/wilson-center-110374.sentences.json' with { type: 'json' };
import politburo from '../tests/fixtures/alignment/politburo-decision.json' with { type: 'json' };
import conversation from '../tests/fixtures/alignment/conversation-record.json' with { type: 'json' };
import letter from '../tests/fixtures/alignment/letter-signature.json' with { type: 'json' };
import telegram from '../tests/fixtures/alignment/telegram-numbered-points.json' with { type: 'json' };
import report from '../tests/fixtures/alignment/ambassador-report-sentences.json' with { type: 'json' };
import longReport from '../tests/fixtures/alignment/long-report-sentences.json' with { type: 'json' };

const ROOT = path.resolve(import.meta.dirname, '../..');
const PUBLIC = path.join(ROOT, 'tests/fixtures/alignment/public');
const HUNALIGN_SOURCE = path.resolve(ROOT, '../shared/anchors/hunalign');
const RU_EN = { originalLang: 'ru', translationLang: 'en' };

// MARGINALIA_RACE_SIZES=1000,5000 runs a shorter race.
const SIZES = (process.env.MARGINALIA_RACE_SIZES ?? '1000,5000,10000,20000,40000,100000')
  .split(',')
  .map(Number)
  .filter((size) => Number.isInteger(size) && size > 0);
const ROUNDS = 3;
// hunalign grows about 3.7× per doubling: beyond these sizes it runs once, with a time limit.
const HUNALIGN_ROUNDS_UP_TO = 20_000;
const HUNALIGN_TIME_LIMIT_S = 600;
// hunalign -realign doubles the cost again; it races up to this size.
const REALIGN_UP_TO = 20_000;
const TARGET = { ratioAt20k: 10, memoryShareAt20k: 0.25 };

interface Group {
  original: number[];
  translation: number[];
}

interface Fixture {
  name: string;
  level: string;
  original: string[];
  translation: string[];
  gold: Group[];
}

function links(groups: readonly Group[]): Set<string> {
  const result = new Set<string>();
  for (const g of groups)
    for (const i of g.original) for (const j of g.translation) result.add(`${i}:${j}`);
  return result;
}

function lone(groups: readonly Group[]): Set<string> {
  const result = new Set<string>();
  for (const g of groups) {
    if (g.translation.length === 0) for (const i of g.original) result.add(`o${i}`);
    if (g.original.length === 0) for (const j of g.translation) result.add(`t${j}`);
  }
  return result;
}

interface Scores {
  precision: number;
  recall: number;
  f1: number;
  loneRecall: number;
  loneTotal: number;
}

function score(gold: readonly Group[], found: readonly Group[]): Scores {
  const want = links(gold);
  const got = links(found);
  let right = 0;
  for (const link of got) if (want.has(link)) right++;
  const precision = got.size === 0 ? 1 : right / got.size;
  const recall = want.size === 0 ? 1 : right / want.size;
  const f1 = right === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const goldLone = lone(gold);
  const foundLone = lone(found);
  let loneRight = 0;
  for (const unit of goldLone) if (foundLone.has(unit)) loneRight++;
  return {
    precision,
    recall,
    f1,
    loneRecall: goldLone.size === 0 ? 1 : loneRight / goldLone.size,
    loneTotal: goldLone.size,
  };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const pad = (text: string | number, width: number): string => String(text).padEnd(width);
const padLeft = (text: string | number, width: number): string => String(text).padStart(width);

function exactPairs(gold: readonly Group[], found: readonly Group[]): string {
  const key = (g: Group): string => `${g.original}|${g.translation}`;
  const foundKeys = new Set(found.map(key));
  const pairs = gold.filter((g) => g.original.length > 0 && g.translation.length > 0);
  return `${pairs.filter((g) => foundKeys.has(key(g))).length}/${pairs.length}`;
}

function benchRecords(log: (line: string) => void): void {
  const paragraphs = alignDetailed(seedParagraphs.original, seedParagraphs.translation, RU_EN);
  const sentences = alignSentences(
    seedParagraphs.original,
    seedParagraphs.translation,
    paragraphs.groups,
    RU_EN,
  );
  log('Seed record wilson-center-110374 (ru→en ciphered telegram):');
  log(`  paragraph pairs right  ${exactPairs(seedParagraphs.gold, paragraphs.groups)}`);
  log(`  sentence pairs right   ${exactPairs(seedSentences.gold, sentences.groups)}`);
  log('Hand-made gold records (pair F1 over (original, translation) links):');
  const fixtures: Fixture[] = [politburo, conversation, letter, telegram, report, longReport];
  for (const fixture of fixtures) {
    const found = alignDetailed(fixture.original, fixture.translation, RU_EN).groups;
    const s = score(fixture.gold, found);
    log(
      `  ${pad(fixture.name, 32)} ${pad(fixture.level, 10)} precision ${percent(s.precision)}  recall ${percent(s.recall)}  F1 ${percent(s.f1)}`,
    );
  }
}

/** Gold of a public fixture: groups over the units of its files. */
function publicGold(name: string): Group[] {
  const file = JSON.parse(fs.readFileSync(path.join(PUBLIC, `${name}.gold.json`), 'utf8'));
  const indexes = (list: string): number[] => (list === '' ? [] : list.split(',').map(Number));
  return (file.gold as string[]).map((group) => {
    const [o, t] = group.split('|');
    return { original: indexes(o ?? ''), translation: indexes(t ?? '') };
  });
}

function fileUnits(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return detectUnit(text).unit === 'line' ? splitLines(text) : splitParagraphs(text);
}

// ---------------------------------------------------------------------------------------------
// hunalign

/** Builds hunalign once (or finds the build); null, with the reason logged, when it cannot. */
function hunalignBinary(log: (line: string) => void): string | null {
  const script = path.join(HUNALIGN_SOURCE, 'build.sh');
  if (!fs.existsSync(script)) {
    log(`  hunalign's source is not at ${HUNALIGN_SOURCE}: the race against it is skipped.`);
    return null;
  }
  const compiler = ['c++', 'g++', 'clang++'].some(
    (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0,
  );
  if (!compiler || spawnSync('sh', ['-c', 'command -v make']).status !== 0) {
    log('  No C++ compiler or make on this machine: the race against hunalign is skipped.');
    return null;
  }
  const out = path.join(os.tmpdir(), 'marginalia-hunalign');
  try {
    const printed = execFileSync('bash', [script, out], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const binary = printed.trim().split('\n').at(-1) ?? '';
    return fs.existsSync(binary) ? binary : null;
  } catch (error) {
    log(`  hunalign did not build (${(error as Error).message.split('\n')[0]}): race skipped.`);
    return null;
  }
}

/** Beads of a ladder ("i<TAB>j<TAB>score" rungs), units past n and m dropped. */
function beadsOfLadder(ladder: string, n: number, m: number): Group[] {
  const rungs = ladder
    .trim()
    .split('\n')
    .map((line) => line.split('\t').map(Number) as [number, number]);
  const groups: Group[] = [];
  for (let k = 0; k + 1 < rungs.length; k++) {
    const [i0, j0] = rungs[k]!;
    const [i1, j1] = rungs[k + 1]!;
    const original: number[] = [];
    const translation: number[] = [];
    for (let i = i0; i < i1 && i < n; i++) original.push(i);
    for (let j = j0; j < j1 && j < m; j++) translation.push(j);
    if (original.length + translation.length > 0) groups.push({ original, translation });
  }
  return groups;
}

interface Run {
  seconds: number;
  megabytes: number;
  ladder: string;
  finished: boolean;
}

const TIME = '/usr/bin/time';

// hunalign's memory grows faster than its input; beyond this address space it stops (and is
// reported as not finishing) instead of pressing the machine.
const HUNALIGN_MEMORY_LIMIT = 6 * 1024 ** 3;

/**
 * Runs a command from process start to exit, with wall time and peak RSS from GNU time, within
 * a time limit and, when given, an address-space limit.
 */
function measured(
  command: string,
  args: string[],
  cwd: string,
  limitSeconds: number,
  memoryLimit?: number,
): Run {
  const report = path.join(cwd, 'time.txt');
  // `timeout` stops the tool itself (prlimit hands its process over to it), so nothing is left
  // running when the limit is reached.
  const limited = [
    'timeout',
    '--kill-after=5',
    String(limitSeconds),
    ...(memoryLimit ? ['prlimit', `--as=${memoryLimit}`, '--'] : []),
    command,
  ];
  const result = spawnSync(TIME, ['-f', '%e %M', '-o', report, ...limited, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: (limitSeconds + 30) * 1000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (result.status !== 0 || !fs.existsSync(report)) {
    return { seconds: limitSeconds, megabytes: 0, ladder: '', finished: false };
  }
  const [seconds, kilobytes] = fs
    .readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number);
  fs.rmSync(report);
  return {
    seconds: seconds ?? 0,
    megabytes: (kilobytes ?? 0) / 1024,
    ladder: result.stdout,
    finished: true,
  };
}

// ---------------------------------------------------------------------------------------------
// Race texts: the four Gospels (Synodal and King James, verse by verse), chapters in a seeded
// order, repeated as needed, with 1% each of verses missing on one side and of two verses run
// together on one side, written one segment per line.

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

interface RaceText {
  original: string[];
  translation: string[];
  gold: Group[];
}

function raceText(size: number, seed: number): RaceText {
  const read = (name: string): string[] =>
    fs.readFileSync(path.join(PUBLIC, name), 'utf8').replace(/\n$/, '').split('\n');
  const ru = read('gospels.ru.txt');
  const en = read('gospels.en.txt');
  const refs = read('gospels.refs.txt');
  const chapters: [number, number][] = [];
  let start = 0;
  for (let k = 1; k <= refs.length; k++) {
    const chapter = (r: string | undefined): string => (r ?? '').split(':')[0] ?? '';
    if (k === refs.length || chapter(refs[k]) !== chapter(refs[k - 1])) {
      chapters.push([start, k]);
      start = k;
    }
  }
  const random = prng(seed);
  const original: string[] = [];
  const translation: string[] = [];
  const gold: Group[] = [];
  const add = (o: string[], t: string[]): void => {
    gold.push({
      original: o.map((_, k) => original.length + k),
      translation: t.map((_, k) => translation.length + k),
    });
    original.push(...o);
    translation.push(...t);
  };
  while (original.length < size) {
    const [from, to] = chapters[Math.floor(random() * chapters.length)]!;
    for (let v = from; v < to && original.length < size; v++) {
      const roll = random();
      const o = ru[v] ?? '';
      const t = en[v] ?? '';
      if (roll < 0.01) add([o], []);
      else if (roll < 0.02) add([], [t]);
      else if (roll < 0.03 && v + 1 < to) {
        add([o, ru[v + 1] ?? ''], [`${t} ${en[v + 1] ?? ''}`]);
        v++;
      } else if (roll < 0.04 && v + 1 < to) {
        add([`${o} ${ru[v + 1] ?? ''}`], [t, en[v + 1] ?? '']);
        v++;
      } else add([o], [t]);
    }
  }
  return { original, translation, gold };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

interface ToolResult {
  seconds: number[];
  megabytes: number;
  scores: Scores | null;
  finished: boolean;
}

function record(
  results: Map<string, ToolResult>,
  key: string,
  run: Run,
  scores: () => Scores,
): void {
  const result = results.get(key) ?? { seconds: [], megabytes: 0, scores: null, finished: true };
  result.seconds.push(run.seconds);
  result.megabytes = Math.max(result.megabytes, run.megabytes);
  result.finished &&= run.finished;
  if (run.finished && result.scores === null) result.scores = scores();
  results.set(key, result);
}

async function race(log: (line: string) => void): Promise<void> {
  log('');
  log('Speed race: hunalign and Marginalia, from process start to output, on the same files');
  log('  (one segment per line: the Gospels verse by verse, 1% each of verses missing and run');
  log(`  together on each side; ${ROUNDS} interleaved rounds up to 20,000 segments, then one).`);
  const hunalign = hunalignBinary(log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-race-'));
  const cli = path.join(ROOT, 'bin/marginalia.mjs');
  const results = new Map<string, ToolResult>();
  const texts = new Map<number, RaceText>();
  try {
    for (const size of SIZES) {
      const text = raceText(size, size);
      texts.set(size, text);
      fs.writeFileSync(path.join(dir, `ru-${size}.txt`), text.original.join('\n') + '\n');
      fs.writeFileSync(path.join(dir, `en-${size}.txt`), text.translation.join('\n') + '\n');
    }
    const nullDictionary = hunalign
      ? path.resolve(path.dirname(hunalign), '../../data/null.dic')
      : '';
    for (let round = 0; round < ROUNDS; round++) {
      for (const size of SIZES) {
        const text = texts.get(size)!;
        const files = [path.join(dir, `ru-${size}.txt`), path.join(dir, `en-${size}.txt`)];
        const scoreOf = (run: Run) => () =>
          score(
            text.gold,
            beadsOfLadder(run.ladder, text.original.length, text.translation.length),
          );
        const runMarginalia = (): void => {
          const run = measured(
            process.execPath,
            [
              cli,
              'align',
              ...files,
              '--format',
              'ladder',
              '--original-lang',
              'ru',
              '--translation-lang',
              'en',
            ],
            dir,
            HUNALIGN_TIME_LIMIT_S,
          );
          record(results, `marginalia ${size}`, run, scoreOf(run));
        };
        const runHunalign = (realign: boolean): void => {
          if (!hunalign) return;
          if (realign && size > REALIGN_UP_TO) return;
          if (size > HUNALIGN_ROUNDS_UP_TO && round > 0) return;
          const key = `hunalign${realign ? '-realign' : ''} ${size}`;
          if (results.get(key)?.finished === false) return;
          const run = measured(
            hunalign,
            [...(realign ? ['-realign'] : []), nullDictionary, ...files],
            dir,
            HUNALIGN_TIME_LIMIT_S,
            HUNALIGN_MEMORY_LIMIT,
          );
          record(results, key, run, scoreOf(run));
        };
        // Interleaved, and in alternating order, so that neither tool always runs first.
        if (round % 2 === 0) {
          runMarginalia();
          runHunalign(false);
          runHunalign(true);
        } else {
          runHunalign(true);
          runHunalign(false);
          runMarginalia();
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printRace(log, results, hunalign !== null);
  inProcess(log, texts);
}

function printRace(
  log: (line: string) => void,
  results: Map<string, ToolResult>,
  withHunalign: boolean,
): void {
  log('');
  log(
    `  ${pad('segments', 9)} ${pad('tool', 22)} ${padLeft('seconds', 8)} ${padLeft('peak RSS', 10)} ${padLeft('pair F1', 8)} ${padLeft('one-sided', 10)}   vs hunalign`,
  );
  for (const size of SIZES) {
    const ours = results.get(`marginalia ${size}`);
    const theirs = results.get(`hunalign ${size}`);
    for (const tool of ['hunalign', 'hunalign-realign', 'marginalia']) {
      const result = results.get(`${tool} ${size}`);
      if (!result) continue;
      const seconds = median(result.seconds);
      const label =
        tool === 'marginalia'
          ? 'Marginalia'
          : tool === 'hunalign'
            ? 'hunalign (null dict.)'
            : 'hunalign -realign';
      const time = result.finished ? seconds.toFixed(2) : 'stopped';
      const memory = result.finished ? `${result.megabytes.toFixed(0)} MB` : '—';
      const f1 = result.scores ? result.scores.f1.toFixed(3) : '—';
      const loneRecall = result.scores ? result.scores.loneRecall.toFixed(2) : '—';
      let versus = '';
      if (tool === 'marginalia' && theirs && ours) {
        const speed = theirs.finished
          ? `${(median(theirs.seconds) / seconds).toFixed(1)}× faster`
          : `hunalign did not finish in ${HUNALIGN_TIME_LIMIT_S} s`;
        const memoryShare =
          theirs.finished && theirs.megabytes > 0
            ? `, ${percent(result.megabytes / theirs.megabytes)} of its memory`
            : '';
        versus = `${speed}${memoryShare}`;
      }
      log(
        `  ${pad(size.toLocaleString('en'), 9)} ${pad(label, 22)} ${padLeft(time, 8)} ${padLeft(memory, 10)} ${padLeft(f1, 8)} ${padLeft(loneRecall, 10)}   ${versus}`,
      );
    }
  }
  if (!withHunalign) return;
  const ours = results.get('marginalia 20000');
  const theirs = results.get('hunalign 20000');
  if (ours && theirs?.finished) {
    const ratio = median(theirs.seconds) / median(ours.seconds);
    const memory = ours.megabytes / theirs.megabytes;
    log('');
    log(
      `  At 20,000 segments: ${ratio.toFixed(1)}× faster (target ≥ ${TARGET.ratioAt20k}×), ${percent(memory)} of hunalign's memory (target ≤ ${percent(TARGET.memoryShareAt20k)}), F1 ${ours.scores?.f1.toFixed(3)} vs ${theirs.scores?.f1.toFixed(3)}.`,
    );
  }
}

/** Marginalia inside a warm process: the engine alone, without start-up, reading or writing. */
function inProcess(log: (line: string) => void, texts: Map<number, RaceText>): void {
  log('');
  log('  In-process (the engine alone in a warm process: no start-up, no file reading or output):');
  const warm = texts.get(SIZES[0]!)!;
  alignDetailed(warm.original, warm.translation, RU_EN);
  let previous: { size: number; seconds: number } | null = null;
  for (const size of SIZES) {
    const text = texts.get(size)!;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage();
    let peak = 0;
    const started = performance.now();
    const groups: AlignmentGroup[] = alignDetailed(text.original, text.translation, RU_EN, () => {
      const now = process.memoryUsage();
      peak = Math.max(
        peak,
        now.heapUsed + now.arrayBuffers - before.heapUsed - before.arrayBuffers,
      );
    }).groups;
    const seconds = (performance.now() - started) / 1000;
    const now = process.memoryUsage();
    peak = Math.max(peak, now.heapUsed + now.arrayBuffers - before.heapUsed - before.arrayBuffers);
    const s = score(text.gold, groups);
    const growth = previous
      ? `  ×${(seconds / previous.seconds).toFixed(2)} for ×${(size / previous.size).toFixed(1)} segments`
      : '';
    log(
      `  ${pad(size.toLocaleString('en'), 9)} ${padLeft(seconds.toFixed(3), 7)} s  +${(peak / 1048576).toFixed(0)} MB heap and buffers  F1 ${s.f1.toFixed(3)}${growth}`,
    );
    previous = { size, seconds };
  }
}

function benchPublicTexts(log: (line: string) => void, hunalign: string | null): void {
  log('');
  log('Public-domain texts (tests/fixtures/alignment/public), pair F1 (precision for excerpts):');
  const cases: [string, string, string, number][] = [
    ['UDHR, one paragraph per line', 'udhr.ru.txt', 'udhr.en.txt', 0.99],
    ['Mark, paragraphed differently', 'mark-paragraphs.ru.txt', 'mark-paragraphs.en.txt', 0.95],
    [
      '  the same, one paragraph per line',
      'mark-paragraphs-lines.ru.txt',
      'mark-paragraphs-lines.en.txt',
      0.95,
    ],
  ];
  for (const [label, ru, en, target] of cases) {
    const name = ru.replace(/-lines/, '').replace(/\.ru\.txt$/, '');
    const gold = publicGold(name);
    const original = fileUnits(path.join(PUBLIC, ru));
    const translation = fileUnits(path.join(PUBLIC, en));
    const s = score(gold, alignDetailed(original, translation, RU_EN).groups);
    let versus = '';
    if (hunalign && detectUnit(fs.readFileSync(path.join(PUBLIC, ru), 'utf8')).unit === 'line') {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-hunalign-'));
      const ladder = execFileSync(
        hunalign,
        [
          path.resolve(path.dirname(hunalign), '../../data/null.dic'),
          path.join(PUBLIC, ru),
          path.join(PUBLIC, en),
        ],
        { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      );
      fs.rmSync(scratch, { recursive: true, force: true });
      versus = `   hunalign ${score(gold, beadsOfLadder(ladder, original.length, translation.length)).f1.toFixed(3)}`;
    }
    log(`  ${pad(label, 36)} F1 ${s.f1.toFixed(3)} (target ≥ ${target})${versus}`);
  }
  {
    const refs = fs.readFileSync(path.join(PUBLIC, 'gospels.refs.txt'), 'utf8').split('\n');
    const from = refs.indexOf('Mar 1:1');
    const to = refs.indexOf('Luk 1:1');
    const verses = (name: string): string[] =>
      fs.readFileSync(path.join(PUBLIC, name), 'utf8').split('\n').slice(from, to);
    const original = verses('gospels.ru.txt');
    const translation = verses('gospels.en.txt');
    const gold = original.map((_, k) => ({ original: [k], translation: [k] }));
    const s = score(gold, alignDetailed(original, translation, RU_EN).groups);
    let versus = '';
    if (hunalign) {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-hunalign-'));
      fs.writeFileSync(path.join(scratch, 'ru.txt'), `${original.join('\n')}\n`);
      fs.writeFileSync(path.join(scratch, 'en.txt'), `${translation.join('\n')}\n`);
      const ladder = execFileSync(
        hunalign,
        [path.resolve(path.dirname(hunalign), '../../data/null.dic'), 'ru.txt', 'en.txt'],
        { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      );
      fs.rmSync(scratch, { recursive: true, force: true });
      versus = `   hunalign ${score(gold, beadsOfLadder(ladder, original.length, translation.length)).f1.toFixed(3)}`;
    }
    log(
      `  ${pad(`Mark, ${original.length} verses one per line`, 36)} F1 ${s.f1.toFixed(3)} (target ≥ 0.99)${versus}`,
    );
  }
  for (const name of ['excerpt-middle', 'excerpt-marked', 'excerpt-head', 'excerpt-routing']) {
    const original = fileUnits(path.join(PUBLIC, `${name}.ru.txt`));
    const translation = fileUnits(path.join(PUBLIC, `${name}.en.txt`));
    const s = score(publicGold(name), alignDetailed(original, translation, RU_EN).groups);
    log(
      `  ${pad(name, 36)} precision ${s.precision.toFixed(3)} (target ≥ 0.95), recall ${s.recall.toFixed(3)}`,
    );
  }
}

const COLD_ROUNDS = 7;

/** Wall seconds of one run of a command, from spawning it to its exit (output read in full). */
function wallSeconds(command: string, args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  return seconds;
}

/**
 * `marginalia align` on the 92-line UDHR (and `marginalia --version`) against hunalign on the
 * same files, each from process start to exit, interleaved, after one warm-up run of each (the
 * files and V8's compile cache warm, as on a user's second run).
 */
function benchColdStart(log: (line: string) => void, hunalign: string | null): void {
  const cli = path.join(ROOT, 'bin/marginalia.mjs');
  const ru = path.join(PUBLIC, 'udhr.ru.txt');
  const en = path.join(PUBLIC, 'udhr.en.txt');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cold-'));
  const runs: [string, () => number][] = [
    ['marginalia align', () => wallSeconds(process.execPath, [cli, 'align', ru, en], scratch)],
    [
      'marginalia align --format ladder',
      () => wallSeconds(process.execPath, [cli, 'align', ru, en, '--format', 'ladder'], scratch),
    ],
    ['marginalia --version', () => wallSeconds(process.execPath, [cli, '--version'], scratch)],
    ['node -e 0 (Node itself)', () => wallSeconds(process.execPath, ['-e', '0'], scratch)],
  ];
  if (hunalign) {
    const nullDictionary = path.resolve(path.dirname(hunalign), '../../data/null.dic');
    runs.push([
      'hunalign (null dict.)',
      () => wallSeconds(hunalign, [nullDictionary, ru, en], scratch),
    ]);
  }
  const times = new Map<string, number[]>(runs.map(([name]) => [name, []]));
  for (const [, run] of runs) run();
  for (let round = 0; round < COLD_ROUNDS; round++) {
    for (const [name, run] of runs) times.get(name)!.push(run());
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  log('');
  log(
    `Cold start: the 92-line UDHR, from process start to exit, ${COLD_ROUNDS} interleaved rounds (median, min–max; load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs):`,
  );
  const ms = (seconds: number): string => `${(seconds * 1000).toFixed(0)} ms`;
  const theirs = hunalign ? median(times.get('hunalign (null dict.)')!) : null;
  for (const [name] of runs) {
    const values = times.get(name)!;
    const mid = median(values);
    const target =
      name === 'marginalia align'
        ? '  (target < 250 ms)'
        : name === 'marginalia --version'
          ? '  (target < 150 ms)'
          : '';
    const versus =
      theirs && name.startsWith('marginalia') ? `  ${(mid / theirs).toFixed(1)}× hunalign` : '';
    log(
      `  ${pad(name, 34)} ${padLeft(ms(mid), 7)}  (${ms(Math.min(...values))}–${ms(Math.max(...values))})${target}${versus}`,
    );
  }
}

/** Prints the alignment benchmark: fidelity, then the race against hunalign. */
export async function benchAlignment(log: (line: string) => void): Promise<void> {
  log('== Alignment engine ==');
  benchRecords(log);
  const hunalign = fs.existsSync(path.join(HUNALIGN_SOURCE, 'build.sh'))
    ? hunalignBinary(() => {})
    : null;
  benchPublicTexts(log, hunalign);
  benchColdStart(log, hunalign);
  await race(log);
}
