// Benchmark of exports: 10,000 annotations to Markdown notes, and the TEI edition and the Word
// handout of a 500-row record, each timed from the stored data (reading the library included)
// to the finished file. Relative imports only, so the module runs without path aliases.
import { dispatch } from '../src/main/api/router';
import { openDatabase } from '../src/main/db/open';
import { createContext, type AppContext } from '../src/main/services/context';
import { exportRecords } from '../src/main/services/export/run';
import { headlessHost } from '../src/main/services/host';
import { importText } from './import-text';
import { longRecord } from './long-record';

const TARGETS = { markdown: 1000, tei: 2000, docx: 2000 };
const ANNOTATIONS = 10_000;
const ROWS = 500;

function comment(text: string): string {
  const node = { type: 'text', version: 1, text, format: 2, detail: 0, mode: 'normal', style: '' };
  const paragraph = {
    type: 'paragraph',
    version: 1,
    format: '',
    indent: 0,
    direction: 'ltr',
    children: [node],
  };
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      format: '',
      indent: 0,
      direction: 'ltr',
      children: [paragraph],
    },
  });
}

/** A library with one record of ROWS aligned paragraphs per side. */
async function library(): Promise<{ ctx: AppContext; recordId: string }> {
  const ctx = createContext({
    db: openDatabase(':memory:'),
    dataDir: '/bench',
    version: 'bench',
    host: headlessHost,
  });
  const long = longRecord(ROWS * 5, 5);
  const record = await importText(ctx, 'long.txt', long.text);
  return { ctx, recordId: record.id };
}

async function annotate(ctx: AppContext, recordId: string, count: number): Promise<void> {
  const record = ctx.records.get(recordId)!;
  for (let i = 0; i < count; i++) {
    const side = i % 3 === 2 ? 'translation' : 'original';
    const passages = record[side].passages;
    const passage = passages[i % passages.length]!;
    const start = (i * 7) % Math.max(1, passage.text.length - 12);
    const result = await dispatch(ctx, 'annotations.create', {
      recordId,
      targets: [{ passageId: passage.id, start, end: start + 10 }],
      categoryId: ['note', 'term', 'translation-issue', 'person'][i % 4],
      ...(i % 2 === 0 ? { comment: { json: comment(`Note ${i}: compare the rendering.`) } } : {}),
      ...(i % 5 === 0 ? { tags: ['harvest', `batch ${i % 7}`] } : {}),
    });
    if (!result.ok) throw new Error(result.error.message);
  }
}

async function time(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm up: compile the code paths once
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await run();
    runs.push(performance.now() - start);
  }
  return Math.min(...runs);
}

function line(label: string, ms: number, target: number, extra = ''): string {
  const verdict = ms <= target ? 'ok' : 'OVER TARGET';
  return `  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   target < ${target} ms   ${(ms / target).toFixed(2)}× of target   ${verdict}${extra}`;
}

export async function benchExport(log: (line: string) => void): Promise<void> {
  log(`Exports (record of ${ROWS} aligned rows; best of 3 after a warm-up)`);
  const many = await library();
  await annotate(many.ctx, many.recordId, ANNOTATIONS);
  const md = await time(() =>
    exportRecords(many.ctx, { recordIds: [many.recordId], format: 'md' }),
  );
  const file = await exportRecords(many.ctx, { recordIds: [many.recordId], format: 'md' });
  log(
    line(
      `${ANNOTATIONS.toLocaleString('en')} annotations → Markdown notes`,
      md,
      TARGETS.markdown,
      `   (${(file.content.length / 1e6).toFixed(1)} MB)`,
    ),
  );

  const record = await library();
  await annotate(record.ctx, record.recordId, 1000);
  const tei = await time(() =>
    exportRecords(record.ctx, { recordIds: [record.recordId], format: 'tei' }),
  );
  log(line(`${ROWS}-row record, 1,000 notes → TEI P5`, tei, TARGETS.tei));
  const docx = await time(() =>
    exportRecords(record.ctx, { recordIds: [record.recordId], format: 'docx' }),
  );
  log(line(`${ROWS}-row record, 1,000 notes → Word handout`, docx, TARGETS.docx));
}
