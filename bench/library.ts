// Benchmark of the library and its search: a 10,000-record library generated from the fixture
// records' vocabulary (20–80 passages a side, both languages, notes on one record in ten),
// imported through the real write path (the triggers index as it goes); then search latency for
// a mix of queries, the catalogue's answer time, its first paint in Chromium and its scrolling,
// and the database's size per record. MARGINALIA_BENCH_RECORDS changes the count.
import { openBrowserSession } from './browser-session';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../src/main/api/router';
import { openLibrary } from '../src/main/db/open';
import type { LibraryDatabase } from '../src/main/db/statements';
import { createContext, type AppContext } from '../src/main/services/context';
import { headlessHost } from '../src/main/services/host';
import { generateRecord, loadChains, type GeneratedRecord } from './library-corpus';

const TARGETS = { p95: 10, p99: 30, firstPaint: 300 };

const QUERIES: [string, string][] = [
  ['stem ru', 'перемирие'],
  ['stem ru', 'переговоры'],
  ['stem ru', 'войска'],
  ['stem ru', 'правительства'],
  ['stem ru', 'телеграмму'],
  ['stem en', 'armistice'],
  ['stem en', 'negotiations'],
  ['stem en', 'troops'],
  ['stem en', 'government'],
  ['stem en', 'prisoners'],
  ['phrase', '"о перемирии"'],
  ['phrase', '"38th parallel"'],
  ['phrase', '"Народной армией"'],
  ['phrase', '"the armistice negotiations"'],
  ['prefix', 'перегов*'],
  ['prefix', 'negotiat*'],
  ['prefix', 'военн*'],
  ['prefix', 'armist*'],
  ['filter', 'lang:ru войска'],
  ['filter', 'lang:en armistice'],
  ['filter', 'in:notes armistice'],
  ['filter', 'tag:ceasefire'],
  ['filter', 'in:titles Stalin'],
  ['filter', 'category:question прекращении'],
  ['names', 'Kim Il Sung'],
  ['names', 'Peng Dehuai'],
  ['names', 'Мао Цзэдун'],
  ['boolean', 'armistice -Korea'],
  ['boolean', 'Kaesong OR Кэсон'],
  ['boolean', '(armistice OR перемирие) lang:en'],
  ['rare', 'Риджуэю'],
  ['rare', 'Danish hospital ship'],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const verdict = (value: number, target: number): string =>
  `${value <= target ? 'meets' : 'MISSES'} target ${target} ms (${(value / target).toFixed(2)}×)`;

/** Stores a generated record: through the repository, and its notes straight in SQL (fast). */
export function store(db: LibraryDatabase, ctx: AppContext, record: GeneratedRecord): void {
  const id = ctx.newRecordId();
  const rows = Math.max(record.ru.length, record.en.length);
  const now = ctx.now();
  db.transaction(() => {
    ctx.records.insert({
      meta: {
        id,
        title: record.title,
        date: record.date,
        recordId: null,
        type: record.type,
        source: record.source,
        rights: null,
        summary: record.summary,
        url: null,
        uploaded: null,
        translator: null,
        contributor: null,
      },
      contentHash: randomUUID(),
      original: { lang: 'ru', paragraphs: record.ru },
      translation: { lang: 'en', paragraphs: record.en },
      alignment: Array.from({ length: rows }, (_, i) => ({
        original: i < record.ru.length ? [i] : [],
        translation: i < record.en.length ? [i] : [],
        confidence: 0.9,
        confirmed: false,
      })),
      now,
    });
    for (const note of record.notes) {
      const text = (note.side === 'original' ? record.ru : record.en)[note.passage]!;
      const exact = text.split(' ').slice(0, note.words).join(' ');
      const passageId = db
        .prepare('SELECT id FROM passages WHERE record_id = ? AND side = ? AND ordinal = ?')
        .pluck()
        .get(id, note.side, note.passage) as number;
      const annotation = randomUUID();
      db.prepare(
        `INSERT INTO annotations (id, record_id, category_id, comment_json, comment_text, created_at, updated_at)
           VALUES (?, ?, ?, NULL, ?, ?, ?)`,
      ).run(annotation, id, note.category, note.comment, now, now);
      db.prepare(
        `INSERT INTO annotation_targets (annotation_id, ordinal, passage_id, side, passage_index,
             exact, prefix, suffix, start, end, orphaned) VALUES (?, 0, ?, ?, ?, ?, '', '', 0, ?, 0)`,
      ).run(annotation, passageId, note.side, note.passage, exact, exact.length);
      for (const tag of note.tags) {
        db.prepare('INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)').run(
          annotation,
          tag,
        );
      }
    }
  })();
}

interface Library {
  dir: string;
  db: LibraryDatabase;
  ctx: AppContext;
}

async function buildLibrary(
  log: (line: string) => void,
  count: number,
  keep?: string,
): Promise<Library> {
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-library-'));
  const db = openLibrary(dir);
  const ctx = createContext({ db, dataDir: dir, version: 'bench', host: headlessHost });
  const chains = loadChains();
  let generating = 0;
  let storing = 0;
  let passages = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const record = generateRecord(i, chains);
    const t1 = performance.now();
    store(db, ctx, record);
    storing += performance.now() - t1;
    generating += t1 - t0;
    passages += record.ru.length + record.en.length;
    if ((i + 1) % 1000 === 0 || i + 1 === count) {
      log(
        `  … ${(i + 1).toLocaleString('en')} records (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  }
  log(
    `  generated ${count.toLocaleString('en')} records with ${passages.toLocaleString('en')} passages in ${(generating / 1000).toFixed(1)} s (not counted below)`,
  );
  log(
    `  import and index (store each record in its own transaction; triggers index it): ` +
      `${(storing / 1000).toFixed(1)} s, ${(storing / count).toFixed(2)} ms a record, ` +
      `${Math.round((passages / storing) * 1000).toLocaleString('en')} passages/s`,
  );
  return { dir, db, ctx };
}

function reportSize(
  log: (line: string) => void,
  db: LibraryDatabase,
  dir: string,
  count: number,
): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const file = path.join(dir, 'library.sqlite');
  const bytes = fs.statSync(file).size;
  const tables = db
    .prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name')
    .all() as { name: string; bytes: number }[];
  const index = tables.filter((t) => t.name.startsWith('search_')).reduce((s, t) => s + t.bytes, 0);
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  log(
    `  database: ${(bytes / 1048576).toFixed(0)} MB, ${kb(bytes / count)} a record ` +
      `(search index ${kb(index / count)} of it, ${((index / bytes) * 100).toFixed(0)}%)`,
  );
}

async function benchSearch(log: (line: string) => void, ctx: AppContext): Promise<void> {
  for (const [, query] of QUERIES) await dispatch(ctx, 'search.query', { query });
  const samples: number[] = [];
  const byKind = new Map<string, number[]>();
  const hits = new Map<string, string>();
  for (let round = 0; round < 5; round++) {
    for (const [kind, query] of QUERIES) {
      const t0 = performance.now();
      const result = await dispatch(ctx, 'search.query', { query });
      const took = performance.now() - t0;
      if (!result.ok) throw new Error(`${query}: ${result.error.message}`);
      samples.push(took);
      byKind.set(kind, [...(byKind.get(kind) ?? []), took]);
      const value = result.value as {
        totalHits: number;
        totalHitsCapped: boolean;
        ordering: string;
      };
      hits.set(query, `${value.totalHits}${value.totalHitsCapped ? '+' : ''} ${value.ordering}`);
    }
  }
  samples.sort((a, b) => a - b);
  log(
    `  search, ${samples.length} queries (${QUERIES.length} kinds × 5 rounds; a results page: 10 records, 3 hits each with snippets and counterparts):`,
  );
  log(`    p50 ${ms(percentile(samples, 50))}`);
  log(`    p95 ${ms(percentile(samples, 95))} — ${verdict(percentile(samples, 95), TARGETS.p95)}`);
  log(`    p99 ${ms(percentile(samples, 99))} — ${verdict(percentile(samples, 99), TARGETS.p99)}`);
  for (const [kind, list] of byKind) {
    list.sort((a, b) => a - b);
    log(
      `    ${kind.padEnd(8)} p50 ${ms(percentile(list, 50)).padStart(9)}  max ${ms(list.at(-1)!).padStart(9)}`,
    );
  }
  log(`    hits: ${QUERIES.map(([, q]) => `${q} → ${hits.get(q)}`).join('; ')}`);

  const inRecord: number[] = [];
  const ids = ctx.records.allIds().slice(0, 50);
  for (const id of ids) {
    const t0 = performance.now();
    await dispatch(ctx, 'search.inRecord', { recordId: id, query: 'перемирие OR armistice' });
    inRecord.push(performance.now() - t0);
  }
  inRecord.sort((a, b) => a - b);
  log(
    `  find in one record (50 records): p50 ${ms(percentile(inRecord, 50))}, p95 ${ms(percentile(inRecord, 95))}`,
  );

  const t0 = performance.now();
  const reindex = await dispatch(ctx, 'search.reindex', {});
  if (!reindex.ok) throw new Error(reindex.error.message);
  log(
    `  rebuild the whole index (marginalia reindex): ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

async function benchCatalogue(log: (line: string) => void, ctx: AppContext): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const result = await dispatch(ctx, 'library.catalogue', {});
    times.push(performance.now() - t0);
    bytes = JSON.stringify(result).length;
  }
  const filtered: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await dispatch(ctx, 'library.catalogue', {
      filters: { types: ['Telegram'], dateFrom: '1950', dateTo: '1953', hasNotes: true },
      sort: 'title',
    });
    filtered.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  filtered.sort((a, b) => a - b);
  log(
    `  catalogue of all records, with facet counts: median ${ms(percentile(times, 50))} ` +
      `(${(bytes / 1048576).toFixed(1)} MB of JSON); filtered and sorted: median ${ms(percentile(filtered, 50))}`,
  );
}

// Runs in the page: the time of the first frame that shows catalogue rows, from navigation start.
const PAINT_PROBE = `
  const observer = new MutationObserver(() => {
    if (!window.cataloguePaint && document.querySelector('.catalogue-body [role="row"]')) {
      observer.disconnect();
      requestAnimationFrame(() => (window.cataloguePaint ??= performance.now()));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  // Jumps to random places in the list; for each, the time and the frames until rows for the new
  // place are on screen.
  window.scrollProbe = async () => {
    const body = document.querySelector('.catalogue-body');
    const results = [];
    for (let i = 0; i < 30; i++) {
      const target = Math.floor(Math.random() * (body.scrollHeight - body.clientHeight));
      const t0 = performance.now();
      body.scrollTop = target;
      let frames = 0;
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        frames++;
        const shown = [...body.querySelectorAll('[role="row"]')].some((row) => {
          const y = parseFloat(row.style.transform.replace('translateY(', ''));
          return y >= target - 44 && y <= target + body.clientHeight;
        });
        if (shown || frames > 30) break;
      }
      results.push([performance.now() - t0, frames]);
    }
    return results;
  };
`;

async function benchBrowser(log: (line: string) => void, dir: string): Promise<void> {
  const session = await openBrowserSession(log, dir);
  if (!session) return;
  const { url, browser } = session;
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    await page.addInitScript({ content: PAINT_PROBE });
    type Probe = { cataloguePaint?: number; scrollProbe(): Promise<[number, number][]> };
    const paints: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.goto(`${url}#/library`);
      let paint = 0;
      for (let tries = 0; paint === 0 && tries < 1200; tries++) {
        await new Promise((r) => setTimeout(r, 25));
        paint = await page.evaluate(() => (globalThis as unknown as Probe).cataloguePaint ?? 0);
      }
      paints.push(paint);
    }
    paints.sort((a, b) => a - b);
    const first = percentile(paints, 50);
    log(
      `  library view, first paint of the catalogue in Chromium (median of 5): ${ms(first)} — ${verdict(first, TARGETS.firstPaint)}`,
    );
    const jumps = await page.evaluate(() => (globalThis as unknown as Probe).scrollProbe());
    const times = jumps.map(([t]) => t).sort((a, b) => a - b);
    const frames = Math.max(...jumps.map(([, f]) => f));
    log(
      `  scrolling: 30 jumps to random places in the rows, rows there on screen after ` +
        `p50 ${ms(percentile(times, 50))}, max ${ms(times.at(-1)!)} (at most ${frames} frame${frames === 1 ? '' : 's'})`,
    );
  } finally {
    await session.close();
  }
}

export async function benchLibrary(log: (line: string) => void): Promise<void> {
  const count = Number(process.env['MARGINALIA_BENCH_RECORDS'] ?? 10_000);
  // MARGINALIA_BENCH_DIR keeps the generated library there, and reuses it on the next run.
  const keep = process.env['MARGINALIA_BENCH_DIR'];
  log(`Library and search: ${count.toLocaleString('en')} generated records`);
  let library: Library;
  if (keep && fs.existsSync(path.join(keep, 'library.sqlite'))) {
    const db = openLibrary(keep);
    library = {
      dir: keep,
      db,
      ctx: createContext({ db, dataDir: keep, version: 'bench', host: headlessHost }),
    };
    log(`  (reusing the library in ${keep})`);
  } else {
    library = await buildLibrary(log, count, keep);
  }
  const { dir, db, ctx } = library;
  try {
    reportSize(log, db, dir, count);
    await benchSearch(log, ctx);
    await benchCatalogue(log, ctx);
    db.close();
    await benchBrowser(log, dir);
  } finally {
    if (db.open) db.close();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}
