// Benchmark of reading at scale: a generated record of 5,000 sentence pairs (1,000 paragraphs a
// side). In the core: building its paragraph and sentence views and correcting a sentence row.
// In Chromium (through `marginalia serve`, as the e2e tests run): opening the record to the
// first painted row, switching to the sentence view, jumping to the last row, and how many rows
// are in the page. Relative imports only, so the module runs without path aliases.
import { openBrowserSession } from './browser-session';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../src/main/db/open';
import { alignmentView, applyCorrection } from '../src/main/services/alignment-store/index';
import { alignSentences } from '../src/main/services/alignment/index';
import type { LibraryDatabase } from '../src/main/db/statements';
import { createContext, type AppContext } from '../src/main/services/context';
import { headlessHost } from '../src/main/services/host';
import { importText } from './import-text';
import { mergeWithNext } from '../src/shared/alignment/corrections';
import { longRecord } from './long-record';

const PAIRS = 5000;
const TARGETS = {
  paragraphView: 100,
  sentenceAlignment: 1000,
  sentenceViewCold: 1500,
  sentenceViewWarm: 150,
  correction: 300,
  firstPaint: 1000,
  switchToSentences: 2000,
  jumpToEnd: 250,
  rowsInPage: 120,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

function line(
  log: (l: string) => void,
  label: string,
  value: number,
  target: number,
  unit = 'ms',
): void {
  const verdict = value <= target ? 'ok' : 'OVER';
  const shown = unit === 'ms' ? value.toFixed(1) : String(value);
  log(
    `  ${label.padEnd(60)} ${shown.padStart(8)} ${unit.padEnd(4)} (target < ${target} ${unit}, ${(value / target).toFixed(2)}×) ${verdict}`,
  );
}

async function buildLibrary(
  dataDir: string,
): Promise<{ db: LibraryDatabase; ctx: AppContext; recordId: string }> {
  const db = openLibrary(dataDir);
  const ctx = createContext({ db, dataDir, version: 'bench', host: headlessHost });
  const long = longRecord(PAIRS);
  const record = await importText(ctx, 'long.txt', long.text);
  return { db, ctx, recordId: record.id };
}

/** Core figures; returns how many sentence rows the record has after the corrections made. */
function benchCore(log: (l: string) => void, ctx: AppContext, recordId: string): number {
  const record = ctx.records.get(recordId)!;
  const texts = (side: 'original' | 'translation') => record[side].passages.map((p) => p.text);
  const options = { originalLang: record.original.lang, translationLang: record.translation.lang };
  const sentenceRuns: number[] = [];
  for (let run = 0; run < 5; run++) {
    sentenceRuns.push(
      timed(() =>
        alignSentences(texts('original'), texts('translation'), record.alignment, options),
      )[1],
    );
  }
  line(
    log,
    'sentence alignment of 1,000 paragraph rows (median of 5)',
    median(sentenceRuns),
    TARGETS.sentenceAlignment,
  );
  const paragraphRuns = Array.from(
    { length: 5 },
    () => timed(() => alignmentView(ctx, recordId, 'paragraph'))[1],
  );
  line(
    log,
    'paragraph view, 1,000 rows (median of 5)',
    median(paragraphRuns),
    TARGETS.paragraphView,
  );
  // The first sentence view computes the layout; later ones (after a correction) reuse it.
  const [view, cold] = timed(() => alignmentView(ctx, recordId, 'sentence'));
  line(
    log,
    `sentence view, ${view.groups.length} rows, first time`,
    cold,
    TARGETS.sentenceViewCold,
  );
  const warm = Array.from(
    { length: 5 },
    () => timed(() => alignmentView(ctx, recordId, 'sentence'))[1],
  );
  line(log, 'sentence view again (median of 5)', median(warm), TARGETS.sentenceViewWarm);
  const corrections = Array.from(
    { length: 5 },
    (_, k) =>
      timed(() =>
        applyCorrection(ctx, recordId, 'sentence', ({ groups }) =>
          mergeWithNext(groups, 4901 - 100 * k),
        ),
      )[1],
  );
  line(
    log,
    'merge two sentence rows, validated and stored (median of 5)',
    median(corrections),
    TARGETS.correction,
  );
  return alignmentView(ctx, recordId, 'sentence').groups.length;
}

/** Browser-side probe: when the first row is painted (ms from navigation start). */
const PAINT_PROBE = `
  const observer = new MutationObserver(() => {
    if (!window.rowPaint && document.querySelector('.column-translation .passage')) {
      observer.disconnect();
      requestAnimationFrame(() => (window.rowPaint ??= performance.now()));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
`;

/**
 * Arms a measurement: from the next key press (or the `act` run now) until `selector` is in the
 * page and painted; the result lands in window.painted (ms).
 */
const UNTIL_PAINTED = `window.armPaint = (selector, act) => {
  window.painted = undefined;
  let t0 = performance.now();
  window.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => (window.painted = performance.now() - t0));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  if (act) act();
}`;

/** Polls `check` until it holds (waitForFunction would evaluate text, which the CSP forbids). */
async function until(check: () => Promise<unknown>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('the page did not get there in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function benchBrowser(
  log: (l: string) => void,
  dataDir: string,
  recordId: string,
  sentenceRows: number,
): Promise<void> {
  const session = await openBrowserSession(log, dataDir);
  if (!session) return;
  const { url, browser } = session;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
    const page = await context.newPage();
    await page.addInitScript({ content: PAINT_PROBE + UNTIL_PAINTED });

    const opens: number[] = [];
    for (let run = 0; run < 5; run++) {
      // Each run starts in the paragraph view (the reader remembers the last view).
      await page.goto(`${url}#/record/${recordId}`);
      await page.evaluate('localStorage.removeItem("marginalia.alignmentLevel")');
      await page.reload();
      await until(() => page.evaluate('window.rowPaint > 0'));
      opens.push((await page.evaluate('window.rowPaint')) as number);
    }
    line(
      log,
      `open the record to its first painted row (median of 5)`,
      median(opens),
      TARGETS.firstPaint,
    );

    const switches: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.reload();
      await until(() => page.evaluate('window.rowPaint > 0'));
      // Browser-side code is given as text: this module is compiled without the DOM's types.
      await page.evaluate(
        `armPaint('[data-level="sentence"] .passage', () =>
          document.querySelector('.view-switch button:nth-child(2)').click())`,
      );
      await until(() => page.evaluate('window.painted !== undefined'));
      switches.push((await page.evaluate('window.painted')) as number);
      await page.evaluate('localStorage.removeItem("marginalia.alignmentLevel")');
    }
    line(
      log,
      `switch to the sentence view, first sentence row painted (median of 3)`,
      median(switches),
      TARGETS.switchToSentences,
    );

    await page.getByRole('button', { name: 'Sentences', exact: true }).click();
    await page.waitForSelector('[data-level="sentence"] .passage');
    await page.locator('.column-original .passage').first().click();
    await page.evaluate(`armPaint('.cell[data-row="${sentenceRows - 1}"]')`);
    await page.keyboard.press('End');
    await until(() => page.evaluate('window.painted !== undefined'));
    const jump = (await page.evaluate('window.painted')) as number;
    line(
      log,
      `jump to the last of ${sentenceRows} sentence rows (End), painted`,
      jump,
      TARGETS.jumpToEnd,
    );
    const inPage = (await page.evaluate('document.querySelectorAll(".cell").length / 2')) as number;
    line(log, `rows in the page at once (of ${sentenceRows})`, inPage, TARGETS.rowsInPage, 'rows');
  } finally {
    await session.close();
  }
}

export async function benchReader(log: (line: string) => void): Promise<void> {
  log(`Reading at scale: a generated record of ${PAIRS} sentence pairs (1,000 paragraphs a side)`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-reader-'));
  try {
    const { db, ctx, recordId } = await buildLibrary(dataDir);
    const sentenceRows = benchCore(log, ctx, recordId);
    db.close();
    await benchBrowser(log, dataDir, recordId, sentenceRows);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
