// Benchmark of scholarly annotation on a long record: 500 aligned rows carrying 1,000
// annotations. Re-anchoring is timed in Node; opening the record and highlight → stored →
// painted are timed in Chromium against `marginalia serve`, as a user meets them.
// Relative imports only, so the module runs without path aliases.
import { openBrowserSession } from './browser-session';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../src/main/api/router';
import { openLibrary } from '../src/main/db/open';
import { createAnnotation } from '../src/main/services/annotations/annotations-service';
import { reanchorRecord } from '../src/main/services/annotations/reanchor';
import { editPassageText } from '../src/main/services/annotations/transcription';
import type { LibraryDatabase } from '../src/main/db/statements';
import { createContext, type AppContext } from '../src/main/services/context';
import { headlessHost } from '../src/main/services/host';
import { importText } from './import-text';

const ROWS = 500;
const ANNOTATIONS = 1000;
const TARGETS = { firstPaint: 300, highlight: 30, reanchor: 100 };

/** Notes the time of the first painted passage and mark (ms from navigation start). */
const PAINT_PROBE = `
  const observer = new MutationObserver(() => {
    if (!window.textPaint && document.querySelector('.passage')) {
      requestAnimationFrame(() => (window.textPaint ??= performance.now()));
    }
    if (!window.markPaint && document.querySelector('mark')) {
      requestAnimationFrame(() => (window.markPaint ??= performance.now()));
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
`;

/** Selects three letters of an unmarked run of an original passage, presses H, times the mark. */
const HIGHLIGHT_PROBE = `window.highlightProbe = async (row) => {
  const rendered = document.querySelectorAll('.passage[data-side="original"]');
  const passage = rendered[Math.min(row, rendered.length - 1)];
  passage.scrollIntoView({ block: 'center' });
  const run = [...passage.childNodes].find((n) => n.tagName !== 'MARK' && n.textContent.length > 3);
  const text = run.firstChild ?? run;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 3);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  await new Promise((r) => setTimeout(r, 50));
  const before = document.querySelectorAll('mark').length;
  return new Promise((resolve) => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('mark').length > before) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true }));
  });
}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function line(log: (l: string) => void, label: string, ms: number, target: number): void {
  const verdict = ms <= target ? 'ok' : 'OVER';
  log(
    `  ${label.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms  (target < ${target} ms, ${(ms / target).toFixed(2)}×) ${verdict}`,
  );
}

/** A library holding one record of ROWS aligned rows (built from the sample) with ANNOTATIONS notes. */
async function buildLibrary(
  dataDir: string,
): Promise<{ db: LibraryDatabase; ctx: AppContext; recordId: string }> {
  const db = openLibrary(dataDir);
  const ctx = createContext({ db, dataDir, version: 'bench', host: headlessHost });
  const sample = fs.readFileSync(path.resolve('resources/sample/wilson-center-110374.txt'), 'utf8');
  const seed = await importText(ctx, 's.txt', sample);
  const ru = seed.original.passages.map((p) => p.text).filter((t) => t.length > 20);
  const en = seed.translation.passages.map((p) => p.text).filter((t) => t.length > 20);
  const recordId = 'benchrec';
  ctx.records.insert({
    meta: { ...seed, id: recordId, title: `Bench record: ${ROWS} rows`, recordId: 'bench-500' },
    contentHash: 'bench',
    original: {
      lang: 'ru',
      paragraphs: Array.from({ length: ROWS }, (_, i) => `§${i + 1}. ${ru[i % ru.length]}`),
    },
    translation: {
      lang: 'en',
      paragraphs: Array.from({ length: ROWS }, (_, i) => `§${i + 1}. ${en[i % en.length]}`),
    },
    alignment: Array.from({ length: ROWS }, (_, i) => ({
      original: [i],
      translation: [i],
      confidence: 0.9,
      confirmed: false,
    })),
    now: Date.now(),
  });
  const record = ctx.records.get(recordId)!;
  for (let i = 0; i < ANNOTATIONS; i++) {
    const side = i % 2 === 0 ? 'original' : 'translation';
    const passage = record[side].passages[Math.floor(i / 2) % ROWS]!;
    const words = [...passage.text.matchAll(/\p{L}{4,}/gu)];
    const word = words[(i * 7) % words.length]!;
    createAnnotation(ctx, {
      recordId,
      targets: [{ passageId: passage.id, start: word.index, end: word.index + word[0].length }],
    });
  }
  return { db, ctx, recordId };
}

/**
 * How often the server reads the whole record (passages and rows) for one highlight: the create,
 * then the notes panel's refresh of the list (what the reader asks for today). In-process.
 */
async function benchRecordLoads(
  log: (l: string) => void,
  ctx: AppContext,
  recordId: string,
): Promise<void> {
  const record = ctx.records.get(recordId)!;
  const passage = record.original.passages[7]!;
  let loads = 0;
  const get = ctx.records.get.bind(ctx.records);
  ctx.records.get = (id: string) => {
    loads++;
    return get(id);
  };
  const created = await dispatch(ctx, 'annotations.create', {
    recordId,
    targets: [{ passageId: passage.id, start: 0, end: 4 }],
  });
  const onCreate = loads;
  await dispatch(ctx, 'annotations.list', { recordId });
  await dispatch(ctx, 'categories.list', {});
  ctx.records.get = get;
  log(
    `  whole-record loads on the server per highlight: ${loads} ` +
      `(create ${onCreate}, the panel's list refresh ${loads - onCreate}; in-process)` +
      (created.ok ? '' : ` — create failed: ${created.error.message}`),
  );
}

function benchReanchoring(log: (l: string) => void, ctx: AppContext, recordId: string): void {
  const record = ctx.records.get(recordId)!;
  const passage = record.original.passages[ROWS / 2]!;
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const text = run % 2 === 0 ? `Итак, ${passage.text}` : passage.text;
    const t0 = performance.now();
    editPassageText(ctx, passage.id, text);
    times.push(performance.now() - t0);
  }
  line(
    log,
    `edit one passage + re-anchor all ${ANNOTATIONS} (median of 7)`,
    median(times),
    TARGETS.reanchor,
  );

  // Harder than the target's case: every passage of the original changed, so half the notes
  // must be found again by quote rather than by position.
  ctx.transaction(() => {
    for (const p of record.original.passages) {
      ctx.records.setPassageText(p.id, recordId, `Итак, ${p.text}`, Date.now());
    }
  });
  const t0 = performance.now();
  const report = reanchorRecord(ctx, recordId);
  line(
    log,
    `every original passage edited: ${report.reanchored} found by quote`,
    performance.now() - t0,
    TARGETS.reanchor,
  );
}

async function benchBrowser(
  log: (l: string) => void,
  dataDir: string,
  recordId: string,
): Promise<void> {
  const session = await openBrowserSession(log, dataDir);
  if (!session) return;
  const { url, browser } = session;
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    // Record when the first passage and the first mark are painted, from navigation start.
    // (Browser-side code is given as text: this module is compiled without the DOM's types.)
    await page.addInitScript({ content: PAINT_PROBE + HIGHLIGHT_PROBE });
    // Run in the page: they read what the probes left on the page's global object.
    type Probe = {
      textPaint?: number;
      markPaint?: number;
      highlightProbe(row: number): Promise<number>;
    };
    const paints = (): [number, number] => {
      const probe = globalThis as unknown as Probe;
      return [probe.textPaint ?? 0, probe.markPaint ?? 0];
    };
    const opens: number[] = [];
    const textPaints: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.goto(`${url}#/record/${recordId}`);
      let [text, mark] = await page.evaluate(paints);
      for (let tries = 0; mark === 0 && tries < 600; tries++) {
        await new Promise((r) => setTimeout(r, 25));
        [text, mark] = await page.evaluate(paints);
      }
      textPaints.push(text);
      opens.push(mark);
    }
    const calls = await page.evaluate(() =>
      (
        globalThis as unknown as {
          performance: { getEntriesByType(t: string): { name: string; duration: number }[] };
        }
      ).performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/'))
        .map(
          (e) =>
            `${decodeURIComponent(e.name.split('/api/')[1] ?? '')} ${e.duration.toFixed(0)} ms`,
        ),
    );
    log(`  (API calls while opening: ${calls.join(', ')})`);
    line(
      log,
      `open record to first paint of text (median of 5)`,
      median(textPaints),
      TARGETS.firstPaint,
    );
    line(
      log,
      `open record to first paint of its marks (median of 5)`,
      median(opens),
      TARGETS.firstPaint,
    );

    const apiCalls = (): Promise<string[]> =>
      page.evaluate(() =>
        (
          globalThis as unknown as {
            performance: { getEntriesByType(t: string): { name: string }[] };
          }
        ).performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/'))
          .map((e) => decodeURIComponent(e.name.split('/api/')[1] ?? '')),
      );
    const callsBefore = (await apiCalls()).length;
    const highlights: number[] = [];
    page.on('pageerror', (error) => log(`  (page error: ${error.message})`));
    page.on('crash', () => log('  (the page crashed)'));
    for (let run = 0; run < 7; run++) {
      highlights.push(
        await page.evaluate(
          (row) => (globalThis as unknown as Probe).highlightProbe(row),
          10 + run * 3,
        ),
      );
    }
    line(log, 'highlight → stored → painted (median of 7)', median(highlights), TARGETS.highlight);
    // Give the panel's follow-up requests a moment to be made, then list what 7 highlights asked.
    await new Promise((r) => setTimeout(r, 1000));
    const made = (await apiCalls()).slice(callsBefore);
    const counts = new Map<string, number>();
    for (const name of made) counts.set(name, (counts.get(name) ?? 0) + 1);
    log(`  (API calls for 7 highlights: ${[...counts].map(([n, c]) => `${n} ×${c}`).join(', ')})`);
  } finally {
    await session.close();
  }
}

export async function benchAnnotations(log: (line: string) => void): Promise<void> {
  log(`Annotations: ${ROWS} aligned rows, ${ANNOTATIONS} annotations`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-annotations-'));
  try {
    const { db, ctx, recordId } = await buildLibrary(dataDir);
    benchReanchoring(log, ctx, recordId);
    await benchRecordLoads(log, ctx, recordId);
    db.close();
    await benchBrowser(log, dataDir, recordId);
  } finally {
    // MARGINALIA_BENCH_KEEP=1 keeps the library, to profile it with `marginalia serve`.
    if (process.env['MARGINALIA_BENCH_KEEP']) log(`  (library kept in ${dataDir})`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
