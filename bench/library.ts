// Benchmark of the library and its search: a 10,000-record library generated from the fixture
// records' vocabulary (20–80 passages a side, both languages, notes on one record in ten),
// imported through the real write path (indexed as it goes), beside a raw better-sqlite3
// baseline on the same rows, with a breakdown and a profile; then search latency for
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
import { shadowText } from '../src/shared/search/shadow-text';
import { generateRecord, loadChains, type GeneratedRecord } from './library-corpus';
import {
  describeTiming,
  machineLoad,
  medianSpread,
  percentile,
  profiled,
  timed,
  type Timing,
} from './measure';
import { rawBaseline, type BaselinePassage } from './raw-baseline';

const TARGETS = { p95: 5, p99: 20, firstPaint: 300 };

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
  const generated = await timed(() =>
    Array.from({ length: count }, (_, i) => generateRecord(i, chains)),
  );
  const records = generated.value;
  const passages = records.reduce((n, r) => n + r.ru.length + r.en.length, 0);
  log(
    `  generated ${count.toLocaleString('en')} records with ${passages.toLocaleString('en')} passages ` +
      `in ${(generated.wallMs / 1000).toFixed(1)} s (not counted below)`,
  );
  const perSecond = (t: Timing, ms: number): string =>
    `${Math.round((passages / ms) * 1000).toLocaleString('en')} passages/s`;

  // The import as the library does it, profiled (V8's sampler: time inside SQLite counts to the
  // JavaScript function that called it).
  const started = performance.now();
  const imported = await profiled(() =>
    timed(() => {
      records.forEach((record, i) => {
        store(db, ctx, record);
        if ((i + 1) % 1000 === 0 && i + 1 < count) {
          log(
            `  … ${(i + 1).toLocaleString('en')} records (${((performance.now() - started) / 1000).toFixed(1)} s)`,
          );
        }
      });
    }),
  );
  const importTime = imported.value;
  log(
    `  import and index through the library's write path (a transaction per record, its passages ` +
      `indexed in one statement, its notes by triggers; in-process, from parsed records): ${describeTiming(importTime)}; ` +
      `${(importTime.wallMs / count).toFixed(2)} ms a record, ${perSecond(importTime, importTime.wallMs)} ` +
      `(${perSecond(importTime, importTime.cpuMs)} of CPU)`,
  );

  // The parts of it measured on their own, on the same passages.
  const texts: BaselinePassage[] = [];
  const ids = ctx.records.allIds();
  const shadow = await timed(() => {
    records.forEach((record, r) => {
      for (const side of ['original', 'translation'] as const) {
        (side === 'original' ? record.ru : record.en).forEach((text, ordinal) =>
          texts.push({
            recordId: ids[r] ?? String(r),
            side,
            ordinal,
            text,
            lang: side === 'original' ? 'ru' : 'en',
            shadow: shadowText(text),
          }),
        );
      }
    });
  });
  const raw = await rawBaseline(db, texts);
  const rawRate = passages / raw.wallMs;
  const importRate = passages / importTime.wallMs;
  log(
    `  raw better-sqlite3 baseline (same passage rows with their index text computed beforehand, ` +
      `prepared statements, one transaction, the library's own passages and FTS5 tables): ` +
      `${describeTiming(raw)}; ${perSecond(raw, raw.wallMs)} (${perSecond(raw, raw.cpuMs)} of CPU)`,
  );
  const ratio = importRate / rawRate;
  const cpuRatio = passages / importTime.cpuMs / (passages / raw.cpuMs);
  log(
    `    import ÷ raw: ${(ratio * 100).toFixed(1)} % by wall time, ${(cpuRatio * 100).toFixed(1)} % by CPU — ` +
      `${ratio >= 0.5 ? 'meets' : 'MISSES'} target ≥ 50 %`,
  );
  log('  where the import time goes:');
  log(
    `    index text in JavaScript (fold, stem, name keys; words memoised, warm): ` +
      `${(shadow.cpuMs / 1000).toFixed(2)} s CPU, ${((shadow.cpuMs / passages) * 1000).toFixed(1)} µs a passage`,
  );
  log(
    `    SQLite writing the passage and index rows alone (the baseline): ${(raw.cpuMs / 1000).toFixed(2)} s CPU`,
  );
  log(
    `    the rest (records, alignment rows, search_docs, triggers, a commit per record, cold word memo): ` +
      `${((importTime.cpuMs - shadow.cpuMs - raw.cpuMs) / 1000).toFixed(2)} s CPU`,
  );
  log(
    '    CPU profile of the import, by self time (time in SQLite shows under the better-sqlite3 function V8 last saw):',
  );
  for (const line of imported.lines) log(`      ${line}`);
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
    .prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC')
    .all() as { name: string; bytes: number }[];
  // The text the library holds, as UTF-8: passages, catalogue fields, notes.
  const text = db
    .prepare(
      `SELECT (SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM passages)
        + (SELECT coalesce(sum(length(CAST(title || coalesce(date, '') || coalesce(type, '') ||
            coalesce(source, '') || coalesce(summary, '') AS BLOB))), 0) FROM records)
        + (SELECT coalesce(sum(length(CAST(comment_text AS BLOB))), 0) FROM annotations)
        + (SELECT coalesce(sum(length(CAST(exact AS BLOB))), 0) FROM annotation_targets)`,
    )
    .pluck()
    .get() as number;
  const index = tables.filter((t) => t.name.startsWith('search_')).reduce((s, t) => s + t.bytes, 0);
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;
  log(
    `  database: ${mb(bytes)}, ${kb(bytes / count)} a record (search index ${kb(index / count)} of it, ` +
      `${((index / bytes) * 100).toFixed(0)}%); the UTF-8 text it holds: ${mb(text)}; ` +
      `database ÷ text ${(bytes / text).toFixed(2)}× — ${bytes <= 2 * text ? 'meets' : 'MISSES'} target ≤ 2×`,
  );
  log(
    `    largest parts: ${tables
      .slice(0, 8)
      .map((t) => `${t.name} ${mb(t.bytes)}`)
      .join(', ')}`,
  );
}

async function benchSearch(log: (line: string) => void, ctx: AppContext): Promise<void> {
  for (const [, query] of QUERIES) await dispatch(ctx, 'search.query', { query });
  const samples: number[] = [];
  const byKind = new Map<string, number[]>();
  const hits = new Map<string, string>();
  const runs: { p50: number; p95: number; p99: number }[] = [];
  const loadBefore = os.loadavg()[0]!;
  for (let run = 0; run < 5; run++) {
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const [kind, query] of QUERIES) {
        const t0 = performance.now();
        const result = await dispatch(ctx, 'search.query', { query });
        const took = performance.now() - t0;
        if (!result.ok) throw new Error(`${query}: ${result.error.message}`);
        times.push(took);
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
    times.sort((a, b) => a - b);
    runs.push({
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
    });
  }
  samples.sort((a, b) => a - b);
  const median = (list: number[]): number =>
    percentile(
      [...list].sort((a, b) => a - b),
      50,
    );
  log(
    `  search, 5 runs of ${QUERIES.length * 5} queries (${QUERIES.length} kinds × 5 rounds; a results page: 10 records, ` +
      `3 hits each with snippets and counterparts; in-process, through the API router, JSON not encoded; ` +
      `load ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after):`,
  );
  log(`    p50 ${medianSpread(runs.map((r) => r.p50))}`);
  const p95 = median(runs.map((r) => r.p95));
  const p99 = median(runs.map((r) => r.p99));
  log(`    p95 ${medianSpread(runs.map((r) => r.p95))} — ${verdict(p95, TARGETS.p95)}`);
  log(`    p99 ${medianSpread(runs.map((r) => r.p99))} — ${verdict(p99, TARGETS.p99)}`);
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

  const passages = ctx.searchIndex.documentCounts().passage;
  const reindex = await timed(() => dispatch(ctx, 'search.reindex', {}));
  if (!reindex.value.ok) throw new Error(reindex.value.error.message);
  log(
    `  rebuild the whole index (marginalia reindex, in-process; ${passages.toLocaleString('en')} passages): ` +
      `${describeTiming(reindex)}, ${Math.round((passages / reindex.wallMs) * 1000).toLocaleString('en')} passages/s`,
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
  log(`Library and search: ${count.toLocaleString('en')} generated records; ${machineLoad()}`);
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
