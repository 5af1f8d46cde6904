// The fuzz harness (issue 14): every importer's formats — archive page text, saved pages,
// Markdown, Word, original/translation pairs, Marginalia JSON, W3C Web Annotation, Hypothesis
// and TEI annotation files — mutated with a fixed seed (flips, truncation, duplicated chunks,
// controls, NUL and bidi marks, deep nesting, huge line counts) plus decompression bombs, and
// imported through the real pipeline and parse worker. Each file must be imported or refused:
// no crash, no hang, a refusal in a clear sentence, and a refused file writes nothing.
// MARGINALIA_FUZZ_SEED and MARGINALIA_FUZZ_ITERATIONS explore further from the command line.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import { importItem, type ImportRequest } from '../../../src/main/services/library/import-item';
import { importAnnotationFile } from '../../../src/main/services/interop';
import { exportRecords } from '../../../src/main/services/export/run';
import {
  docxSeed,
  fuzzBudget,
  fuzzSeed,
  mutate,
  seedFile,
  textSeed,
  unclearReason,
  type Seed,
} from '../support/fuzz';
import {
  wordBomb,
  wordDocumentXml,
  wordFileOfXml,
  wordParagraph,
  zip,
} from '../support/hostile-files';
import { Prng, seedFor } from '../support/prng';
import { memoryContext, ROOT, SAMPLE_TEXT, type TestContext } from '../support/context';
import { annotatedLibrary } from '../export/support';
import { fixtureBytes, fixtureText } from './fixtures';

const BASE_SEED = fuzzSeed();
/** Mutants per seed file: about 500 imports in all, well under a minute on a busy laptop. */
const PER_SEED = fuzzBudget(30);
/** A file of a few kilobytes that takes this long to read is hanging, whatever the load. */
const LIMITS = { limits: { timeoutMs: 20_000 } };
const SLOW = { timeout: 180_000 };

// eslint-disable-next-line no-control-regex -- the characters under test
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Every table's row count: a refused file must leave each exactly as it was. */
function fingerprint(ctx: TestContext): Record<string, number> {
  const tables = ctx.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      ctx.db
        .prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

function allText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  return Object.values(value).map(allText).join(' ');
}

const file = (name: string, bytes: Buffer) => ({ name, base64: bytes.toString('base64') });

/** Imports an item and says what broke the rules, if anything did. */
async function checkItem(ctx: TestContext, item: ImportRequest, what: string): Promise<string[]> {
  const before = fingerprint(ctx);
  const outcome = await importItem(ctx, item, 'skip', LIMITS);
  const problems: string[] = [];
  if (outcome.status === 'failed') {
    const unclear = unclearReason(outcome.reason);
    if (unclear) problems.push(`${what}: the reason ${unclear}: “${outcome.reason}”`);
    if (/took longer than/.test(outcome.reason)) problems.push(`${what}: hung: ${outcome.reason}`);
    const after = fingerprint(ctx);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      problems.push(`${what}: refused, yet the library changed`);
    }
  } else if (outcome.status === 'imported') {
    const record = ctx.records.get(outcome.record.id);
    if (!record) problems.push(`${what}: imported, yet its record is missing`);
    else if (CONTROLS.test(allText(record))) problems.push(`${what}: a control was stored`);
  }
  return problems;
}

/** Imports an annotation file and says what broke the rules, if anything did. */
async function checkAnnotations(ctx: TestContext, name: string, bytes: Buffer, what: string) {
  const before = fingerprint(ctx);
  const problems: string[] = [];
  try {
    await importAnnotationFile(ctx, { name, bytes }, undefined, LIMITS);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code === 'internal') {
      problems.push(`${what}: failed unexpectedly: ${String(error)}`);
    }
    const message = (error as Error).message;
    const unclear = unclearReason(message);
    if (unclear) problems.push(`${what}: the reason ${unclear}: “${message}”`);
    if (/took longer than/.test(message)) problems.push(`${what}: hung: ${message}`);
    if (JSON.stringify(fingerprint(ctx)) !== JSON.stringify(before)) {
      problems.push(`${what}: refused, yet the library changed`);
    }
  }
  return problems;
}

/** The seed itself, then PER_SEED mutants of it, each checked; every problem found. */
async function fuzz(
  seeds: Seed[],
  check: (files: { name: string; bytes: Buffer }[], what: string) => Promise<string[]>,
): Promise<string[]> {
  const label = seeds.map((s) => s.name).join(' + ');
  const rng = new Prng(seedFor(BASE_SEED, label));
  const problems = await check(
    seeds.map((s) => ({ name: s.name, bytes: seedFile(s) })),
    `${label} (unmutated)`,
  );
  for (let i = 0; i < PER_SEED; i++) {
    // A pair has one side mutated, or both.
    const which = seeds.length > 1 ? rng.int(seeds.length + 1) : 0;
    const mutants = seeds.map((s, k) =>
      which === seeds.length || which === k
        ? mutate(s, rng)
        : { name: s.name, bytes: seedFile(s), recipe: 'as it is' },
    );
    const recipe = mutants.map((m) => m.recipe).join(' | ');
    problems.push(...(await check(mutants, `${label} #${i} [seed ${BASE_SEED}; ${recipe}]`)));
  }
  return problems;
}

const recordCheck =
  (ctx: TestContext) =>
  ([one]: { name: string; bytes: Buffer }[], what: string) =>
    checkItem(ctx, { kind: 'record', file: file(one!.name, one!.bytes) }, what);

const pairCheck =
  (ctx: TestContext) =>
  ([original, translation]: { name: string; bytes: Buffer }[], what: string) =>
    checkItem(
      ctx,
      {
        kind: 'pair',
        original: file(original!.name, original!.bytes),
        translation: file(translation!.name, translation!.bytes),
      },
      what,
    );

const LINES = SAMPLE_TEXT.split('\n');

/** The sample as a Markdown record: front matter, then its lines as paragraphs. */
const MARKDOWN_RECORD = [
  '---',
  'title: "Ciphered Telegram, Filippov (Stalin) to Mao Zedong"',
  'date: 1951-06-30',
  'Record ID: 110374',
  '---',
  '',
  ...LINES.filter((l) => l.trim() !== '').flatMap((l) => [l, '']),
].join('\n');

const RECORD_SEEDS: Seed[] = [
  textSeed('telegram.txt', SAMPLE_TEXT, 'text'),
  textSeed('legacy.txt', fixtureText('archive-page/legacy-layout.txt'), 'text'),
  textSeed('chinese.txt', fixtureText('archive-page/chinese-english.txt'), 'text'),
  textSeed('page.html', fixtureBytes('html/wilson-center-110374.html'), 'html'),
  textSeed('cp1251.html', fixtureBytes('html/windows-1251.html'), 'html'),
  textSeed('record.md', MARKDOWN_RECORD, 'markdown'),
  docxSeed(
    'telegram.docx',
    LINES.filter((l) => l.trim() !== ''),
  ),
];

const PAIR_SEEDS: Seed[][] = [
  [
    textSeed('politburo-1954.ru.txt', fixtureBytes('pairs/politburo-1954.ru.txt'), 'text'),
    textSeed('politburo-1954.en.txt', fixtureBytes('pairs/politburo-1954.en.txt'), 'text'),
  ],
  [
    textSeed('ulbricht-1961.de.md', fixtureBytes('pairs/ulbricht-1961.de.md'), 'markdown'),
    textSeed('ulbricht-1961.en.md', fixtureBytes('pairs/ulbricht-1961.en.md'), 'markdown'),
  ],
];

describe('fuzzing the record importers', () => {
  for (const seed of RECORD_SEEDS) {
    it(`${seed.name}: ${PER_SEED} mutants, each imported or refused cleanly`, SLOW, async () => {
      const ctx = memoryContext();
      expect(await fuzz([seed], recordCheck(ctx))).toEqual([]);
      // The seed itself is a real file of its kind: it was imported.
      expect(ctx.records.count()).toBeGreaterThanOrEqual(1);
    });
  }

  for (const seeds of PAIR_SEEDS) {
    const label = seeds.map((s) => s.name).join(' + ');
    it(`${label}: ${PER_SEED} mutant pairs, each imported or refused cleanly`, SLOW, async () => {
      const ctx = memoryContext();
      expect(await fuzz(seeds, pairCheck(ctx))).toEqual([]);
      expect(ctx.records.count()).toBeGreaterThanOrEqual(1);
    });
  }
});

describe('fuzzing the annotation importers', () => {
  const seeds: Seed[] = [];
  let library: TestContext;

  beforeAll(async () => {
    const { ctx, recordId } = await annotatedLibrary();
    library = ctx as TestContext;
    for (const [format, name, syntax] of [
      ['json', 'notes.json', 'json'],
      ['jsonld', 'notes.jsonld', 'json'],
      ['tei', 'notes.tei.xml', 'xml'],
    ] as const) {
      const exported = await exportRecords(ctx, { recordIds: [recordId], format });
      seeds.push(textSeed(name, exported.content, syntax));
    }
    const interop = path.join(ROOT, 'tests/fixtures/interop');
    seeds.push(
      textSeed(
        'hypothesis.json',
        fs.readFileSync(path.join(interop, 'hypothesis-110374.json')),
        'json',
      ),
      textSeed(
        'two-divs.tei.xml',
        fs.readFileSync(path.join(interop, 'plain-two-divs.tei.xml')),
        'xml',
      ),
    );
  }, SLOW.timeout);

  it(
    `Marginalia JSON, W3C JSON-LD, Hypothesis and TEI: ${PER_SEED} mutants each`,
    SLOW,
    async () => {
      expect(seeds).toHaveLength(5);
      const problems: string[] = [];
      for (const seed of seeds) {
        const check = ([one]: { name: string; bytes: Buffer }[], what: string) =>
          checkAnnotations(library, one!.name, one!.bytes, what);
        problems.push(...(await fuzz([seed], check)));
      }
      expect(problems).toEqual([]);
    },
  );
});

describe('the hostile corner of the corpus', () => {
  it(
    'bombs, archives of many parts, deep nesting and huge line counts are refused or read, cleanly',
    SLOW,
    async () => {
      const ctx = memoryContext();
      const deep = (depth: number) => '<div>'.repeat(depth) + '<p>x</p>' + '</div>'.repeat(depth);
      const hostile: [string, Buffer][] = [
        ['bomb.docx', wordBomb(72)],
        ['liar.docx', wordBomb(72, true)],
        [
          'parts.docx',
          wordFileOfXml(
            wordDocumentXml(wordParagraph('Один.')),
            Array.from({ length: 1200 }, (_, i) => ({ name: `x/${i}.xml`, data: '<a/>' })),
          ),
        ],
        ['not-word.docx', zip([{ name: 'hello.txt', data: 'hello' }])],
        ['deep.docx', wordFileOfXml(wordDocumentXml(deep(50_000)))],
        ['deep.html', Buffer.from(`<html><body>${deep(100_000)}</body></html>`)],
        [
          'deep.md',
          Buffer.from(`---\ntitle: T\n---\n${'> '.repeat(50_000)}x\n\nПривет.\n\nHello.\n`),
        ],
        ['lines.txt', Buffer.from('x\n'.repeat(400_000))],
        ['blank.txt', Buffer.from('\n'.repeat(2_000_000))],
        ['one-line.txt', Buffer.from('слово '.repeat(1_500_000))],
        ['nul.txt', Buffer.alloc(100_000)],
        ['empty.txt', Buffer.alloc(0)],
        ['bidi.txt', Buffer.from(SAMPLE_TEXT.replace(/\./g, '.\u202e\u2066'))],
      ];
      const problems: string[] = [];
      for (const [name, bytes] of hostile) {
        problems.push(...(await checkItem(ctx, { kind: 'record', file: file(name, bytes) }, name)));
      }
      const annotationsCtx = memoryContext();
      const annotationHostile: [string, Buffer][] = [
        ['deep.json', Buffer.from('['.repeat(200_000) + ']'.repeat(200_000))],
        ['deep-objects.json', Buffer.from('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000))],
        [
          'deep.tei.xml',
          Buffer.from(`<TEI>${'<div>'.repeat(100_000)}${'</div>'.repeat(100_000)}</TEI>`),
        ],
        ['many.jsonld', Buffer.from(JSON.stringify(Array.from({ length: 200_000 }, () => ({}))))],
      ];
      for (const [name, bytes] of annotationHostile) {
        problems.push(...(await checkAnnotations(annotationsCtx, name, bytes, name)));
      }
      expect(problems).toEqual([]);
    },
  );
});
