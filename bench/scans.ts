// Benchmark of PDFs and scans: a 300-page text-layer PDF read into its reading text (time, and
// how exactly heads, folios, footnotes and hyphenation come out against the gold text), and OCR
// of the seed's Russian and English set in a typewriter and a serif face, clean and degraded:
// character error rate and time per A4 page at 300 dpi, side by side with Debian's native
// `tesseract` on the same page when it is installed, and how long the main thread stalls while
// OCR runs (in-process figure).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { recognisePages, tessdataDir } from '../src/main/services/import/ocr';
import { readPdf, renderPdfPages } from '../src/main/services/import/pdf';
import { readingText, type LaidOutPage } from '../src/shared/scans/reading-text';
import {
  characterErrorRate,
  degrade,
  seedTexts,
  typesetPdf,
  type Block,
  type Degradation,
} from './scan-fixtures';

const TARGETS = {
  pdf300Seconds: 20,
  cerRuClean: 0.02,
  cerRuDegraded: 0.05,
  cerEnClean: 0.01,
  ocrVsNative: 2,
  stallMs: 100,
};

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

function nativeTesseract(): string | null {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
    return 'tesseract';
  } catch {
    return null;
  }
}

async function benchTextPdf(log: (line: string) => void): Promise<void> {
  const { ru, en } = seedTexts();
  const blocks: Block[] = [];
  let note = 0;
  while (blocks.length < 2400) {
    for (const [i, text] of [...ru, ...en].entries()) {
      blocks.push({
        kind: 'paragraph',
        text,
        ...(i % 9 === 4 ? { notes: [`Note ${(note += 1)}: АП РФ, ф. 45, оп. 1, д. 339.`] } : {}),
      });
    }
  }
  const set = await typesetPdf(blocks, {
    runningHead: 'Documents on the Korean War / Документы',
    size: 11,
  });
  log(
    `  text-layer PDF: ${set.pages} pages, ${(set.pdf.byteLength / 1e6).toFixed(1)} MB, ${set.gold.length} gold passages`,
  );
  const start = performance.now();
  const side = await readPdf(set.pdf, { images: false });
  const seconds = (performance.now() - start) / 1000;
  log(
    `    read into reading text (no page images): ${seconds.toFixed(1)} s for ${set.pages} pages, ${((seconds / set.pages) * 300).toFixed(1)} s for 300 pages at this rate (target < ${TARGETS.pdf300Seconds} s for 300 pages)`,
  );
  const got = side.passages.map((p) => p.text);
  const exact = set.gold.filter((g, i) => got[i] === g).length;
  log(
    `    passages matching the gold exactly: ${exact}/${set.gold.length}; passages found: ${got.length}`,
  );
  // Edit distance is quadratic: passage by passage when they pair up, else on the opening.
  const cer =
    got.length === set.gold.length
      ? set.gold.reduce((sum, g, i) => sum + characterErrorRate(got[i]!, g) * g.length, 0) /
        set.gold.reduce((sum, g) => sum + g.length, 0)
      : characterErrorRate(got.join('\n').slice(0, 20_000), set.gold.join('\n').slice(0, 20_000));
  log(`    CER of the reading text vs gold: ${pct(cer)}`);
  // Page images for the facsimile pane, measured on the first pages' worth of the same text.
  const short = await typesetPdf(blocks.slice(0, 60), { runningHead: 'Documents', size: 11 });
  const renderStart = performance.now();
  const rendered = (await renderPdfPages(short.pdf, 110)).length;
  const perPage = (performance.now() - renderStart) / rendered;
  log(
    `    page images at 110 dpi for the facsimile: ${perPage.toFixed(0)} ms a page (${rendered} pages; ${((perPage * set.pages) / 1000).toFixed(0)} s for all ${set.pages})`,
  );
}

interface OcrCase {
  label: string;
  lang: 'ru' | 'en';
  face: 'serif' | 'typewriter';
  degrade?: Degradation;
  target: number;
}

const CASES: OcrCase[] = [
  {
    label: 'Russian typescript, clean',
    lang: 'ru',
    face: 'typewriter',
    target: TARGETS.cerRuClean,
  },
  { label: 'Russian serif, clean', lang: 'ru', face: 'serif', target: TARGETS.cerRuClean },
  {
    label: 'Russian typescript, degraded (noise, 2° skew, low contrast, JPEG q40)',
    lang: 'ru',
    face: 'typewriter',
    degrade: { noise: 0.03, skew: 2, contrast: 0.55, jpeg: 40 },
    target: TARGETS.cerRuDegraded,
  },
  {
    label: 'Russian serif, degraded (noise, 1° skew, JPEG q50)',
    lang: 'ru',
    face: 'serif',
    degrade: { noise: 0.02, skew: 1, jpeg: 50 },
    target: TARGETS.cerRuDegraded,
  },
  { label: 'English serif, clean', lang: 'en', face: 'serif', target: TARGETS.cerEnClean },
  {
    label: 'English typescript, clean',
    lang: 'en',
    face: 'typewriter',
    target: TARGETS.cerEnClean,
  },
];

async function onePage(
  paragraphs: string[],
  face: 'serif' | 'typewriter',
): Promise<{ png: Uint8Array; gold: string }> {
  // Fill one A4 page: as many paragraphs as fit.
  let take = paragraphs.length;
  for (;;) {
    const set = await typesetPdf(
      paragraphs.slice(0, take).map((text) => ({ kind: 'paragraph' as const, text })),
      { face, size: 12, hyphenate: false, pageNumbers: false },
    );
    if (set.pages === 1 || take === 1) {
      const [image] = await renderPdfPages(set.pdf, 300);
      return { png: image!.bytes, gold: set.gold.join('\n') };
    }
    take -= 1;
  }
}

async function benchOcr(log: (line: string) => void): Promise<void> {
  const { ru, en } = seedTexts();
  const native = nativeTesseract();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-ocr-'));
  const ratios: number[] = [];
  const rows: string[] = [];
  try {
    for (const c of CASES) {
      const page = await onePage(c.lang === 'ru' ? ru.slice(1) : en.slice(3), c.face);
      const image = c.degrade
        ? await degrade(page.png, c.degrade)
        : { bytes: page.png, mediaType: 'image/png' as const };
      const lag = monitorEventLoopDelay({ resolution: 10 });
      lag.enable();
      const start = performance.now();
      const [result] = await recognisePages([
        {
          number: 1,
          render: async () => ({
            width: 2480,
            height: 3508,
            mediaType: image.mediaType,
            bytes: image.bytes,
          }),
        },
      ]);
      const ms = performance.now() - start;
      lag.disable();
      const laid: LaidOutPage = { number: 1, width: 2480, height: 3508, items: result!.items };
      const text = readingText([laid])
        .map((p) => p.text)
        .join('\n');
      const cer = characterErrorRate(text, page.gold);
      const ours = `${pct(cer)}${cer <= c.target ? '' : ' **missed**'}`;
      const stall = `${(lag.max / 1e6).toFixed(0)} ms`;
      let anchor = 'not installed | — | —';
      if (native) {
        const file = path.join(dir, `page.${image.mediaType === 'image/png' ? 'png' : 'jpg'}`);
        fs.writeFileSync(file, image.bytes);
        const t = performance.now();
        const out = execFileSync(
          native,
          [file, '-', '-l', 'rus+eng', '--oem', '1', '--dpi', '300'],
          {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            env: { ...process.env, TESSDATA_PREFIX: tessdataDir(), OMP_THREAD_LIMIT: '1' },
          },
        );
        const nativeMs = performance.now() - t;
        const nativeCer = characterErrorRate(
          out.replace(/-\n(?=\p{Ll})/gu, '').replace(/\n+/g, ' '),
          page.gold,
        );
        ratios.push(ms / nativeMs);
        anchor = `${pct(nativeCer)} | ${(nativeMs / 1000).toFixed(1)} s | ${(ms / nativeMs).toFixed(2)}×`;
      }
      rows.push(
        `    | ${c.label} | ${ours} | ≤ ${pct(c.target)} | ${(ms / 1000).toFixed(1)} s | ${anchor} | ${stall} |`,
      );
    }
    log(
      '    | page | CER, tesseract.js | target | tesseract.js time | CER, native tesseract (anchor) | native time | time ratio (≤ 2×) | main-thread stall (in-process, < 100 ms) |',
    );
    log('    | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) log(row);
    if (ratios.length > 0) {
      const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
      log(
        `    tesseract.js vs native, mean time ratio: ${mean.toFixed(2)}× (target ≤ ${TARGETS.ocrVsNative}×)`,
      );
    } else {
      log('    native tesseract is not installed: no side-by-side figure.');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchScans(log: (line: string) => void): Promise<void> {
  log('Scans and PDFs (OCR: rus+eng, one engine, A4 at 300 dpi; native tesseract single-threaded)');
  await benchTextPdf(log);
  log('  OCR of one A4 page at 300 dpi (seed text, 12 pt):');
  await benchOcr(log);
}
