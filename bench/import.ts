// Benchmark of the importers: reading archive pages (text and saved HTML) and a batch of 300
// records imported one by one into a library, as the Import dialog and the CLI do it.
// Relative imports only, so the module runs without path aliases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../src/main/db/open';
import { createContext } from '../src/main/services/context';
import { headlessHost } from '../src/main/services/host';
import { parseArchivePage } from '../src/main/services/import/archive-page';
import { decodeHtmlFile, parseArchiveHtml } from '../src/main/services/import/html-page';
import { importItem } from '../src/main/services/library/import-item';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BATCH = 300;
const TARGETS = { textParseMs: 5, htmlParseMs: 20, perRecordMs: 100 };

function time(runs: number, work: () => void): number {
  const start = performance.now();
  for (let i = 0; i < runs; i++) work();
  return (performance.now() - start) / runs;
}

const ratio = (value: number, target: number): string =>
  `${value.toFixed(2)} ms (target < ${target} ms, ${(target / value).toFixed(1)}× better)`;

export async function benchImport(log: (line: string) => void): Promise<void> {
  log('Import');
  const sample = fs.readFileSync(
    path.join(ROOT, 'resources/sample/wilson-center-110374.txt'),
    'utf8',
  );
  const html = fs.readFileSync(
    path.join(ROOT, 'tests/fixtures/import/html/wilson-center-110374.html'),
  );
  time(20, () => parseArchivePage(sample));
  log(
    `  archive page text, parse one page: ${ratio(
      time(500, () => parseArchivePage(sample)),
      TARGETS.textParseMs,
    )}`,
  );
  time(20, () => parseArchiveHtml(decodeHtmlFile(html)));
  log(
    `  saved page (HTML, parse5), parse one page: ${ratio(
      time(200, () => parseArchiveHtml(decodeHtmlFile(html))),
      TARGETS.htmlParseMs,
    )}`,
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-import-'));
  const db = openLibrary(dir);
  const ctx = createContext({ db, dataDir: dir, version: 'bench', host: headlessHost });
  try {
    const files = Array.from({ length: BATCH }, (_, i) =>
      Buffer.from(
        sample
          .replace('Ciphered Telegram No. 3917,', `Ciphered Telegram No. ${5000 + i},`)
          .replace(/110374$/, String(800000 + i))
          .replace('Ваши телеграммы о перемирии получены.', `Ваши телеграммы № ${i} получены.`),
      ).toString('base64'),
    );
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    let imported = 0;
    for (const [i, base64] of files.entries()) {
      const outcome = await importItem(
        ctx,
        { kind: 'record', file: { name: `t${i}.txt`, base64 } },
        'skip',
      );
      if (outcome.status === 'imported') imported++;
    }
    const elapsed = performance.now() - start;
    const heap = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    log(
      `  batch of ${BATCH} records (parse, align, store, one transaction each): ${(elapsed / 1000).toFixed(2)} s, ` +
        `${imported} imported, ${(BATCH / (elapsed / 1000)).toFixed(0)} records/s`,
    );
    log(
      `  per record: ${ratio(elapsed / BATCH, TARGETS.perRecordMs)}; heap growth ${heap.toFixed(1)} MB`,
    );
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
