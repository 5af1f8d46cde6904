// One export, any format: reads each record's bundle from the library (reporting progress and
// giving way to other work between records, so a long export can be watched and cancelled),
// then renders the chosen format.
import type { ExportedFile } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { HandoutOptions } from '@shared/edition';
import { EXPORT_FORMAT_INFO, type ExportFormat } from '@shared/export-formats';
import type { AppContext } from '../context';
import { loadExportBundle, type ExportBundle } from './bundle';
import { renderBibtex, renderCslJson } from './citations';
import { renderCsv } from './csv';
import { buildEdition, editionOptions } from './edition/build';
import { renderEditionDocx } from './edition/docx';
import { renderEditionHtml } from './edition/html';
import { exportFileName, safeFileStem } from './file-names';
import { renderJson } from './json-model';
import { renderMarkdown } from './markdown-notes';
import { renderTei } from './tei';
import { renderRecordsTmx } from './tmx';
import { renderWebAnnotation } from './web-annotation';
import { yieldToOthers } from '../yield';

export interface ExportRequest {
  recordIds: string[];
  format: ExportFormat;
  /** For html, pdf and docx: the handout's choices (the full edition when absent). */
  handout?: HandoutOptions;
}

export interface ExportProgress {
  done: number;
  total: number;
  stage: string;
}

export interface ExportControl {
  onProgress?(progress: ExportProgress): void;
  signal?: AbortSignal;
}

const KIND: Record<ExportFormat, string> = {
  md: 'notes',
  csv: 'notes',
  json: 'library',
  jsonld: 'annotations',
  tei: 'TEI',
  html: 'edition',
  pdf: 'edition',
  docx: 'handout',
  csl: 'citations',
  bib: 'citations',
  tmx: 'translation memory',
};

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted)
    throw new ApiError('cancelled', 'The export was cancelled; nothing was written.');
}

/** The records of a request, in order, without repeats; a handout's records come first. */
/** What of the page images each format shows: TEI embeds them, W3C points into them. */
const FACSIMILE: Partial<Record<ExportFormat, 'layout' | 'images'>> = {
  tei: 'images',
  jsonld: 'layout',
};

function requestRecordIds(request: ExportRequest): string[] {
  const ids = request.handout ? request.handout.records.map((r) => r.recordId) : request.recordIds;
  return [...new Set(ids.length > 0 ? ids : request.recordIds)];
}

async function render(
  ctx: AppContext,
  bundles: ExportBundle[],
  request: ExportRequest,
  signal?: AbortSignal,
): Promise<string | Uint8Array> {
  const edition = () =>
    buildEdition(
      bundles,
      request.handout ?? editionOptions(bundles),
      request.handout ? 'handout' : 'edition',
    );
  switch (request.format) {
    case 'md':
      return renderMarkdown(bundles);
    case 'csv':
      return renderCsv(bundles);
    case 'json':
      return renderJson(bundles);
    case 'jsonld':
      return renderWebAnnotation(bundles);
    case 'tei':
      return renderTei(bundles);
    case 'html':
      return renderEditionHtml(edition());
    case 'pdf':
      return ctx.host.printToPdf(renderEditionHtml(edition()), signal);
    case 'docx':
      return renderEditionDocx(
        buildEdition(bundles, request.handout ?? editionOptions(bundles), 'handout'),
      );
    case 'csl':
      return renderCslJson(bundles.map((b) => b.record));
    case 'bib':
      return renderBibtex(bundles.map((b) => b.record));
    case 'tmx':
      return renderRecordsTmx(
        bundles.map((b) => b.record),
        ctx.version,
        new Date(ctx.now()),
      );
  }
}

function fileNameOf(request: ExportRequest, bundles: ExportBundle[]): string {
  const info = EXPORT_FORMAT_INFO[request.format];
  const kind =
    request.handout && ['html', 'pdf', 'docx'].includes(request.format)
      ? 'handout'
      : KIND[request.format];
  const title = request.handout?.title.trim();
  if (title && kind === 'handout') return `${safeFileStem(title) || 'handout'}.${info.extension}`;
  return exportFileName(
    bundles.map((b) => b.record),
    info.extension,
    kind,
  );
}

/** Exports the records in one format; throws ApiError('cancelled') when the signal aborts. */
export async function exportRecords(
  ctx: AppContext,
  request: ExportRequest,
  control: ExportControl = {},
): Promise<ExportedFile> {
  const ids = requestRecordIds(request);
  if (ids.length === 0)
    throw new ApiError('invalid_input', 'Choose at least one record to export.');
  const total = ids.length + 1;
  const bundles: ExportBundle[] = [];
  const exportedAt = new Date(ctx.now());
  for (const [i, id] of ids.entries()) {
    checkCancelled(control.signal);
    control.onProgress?.({ done: i, total, stage: 'Reading records' });
    bundles.push(
      loadExportBundle(ctx, id, {
        exportedAt,
        sentences: request.format === 'tei',
        facsimile: FACSIMILE[request.format],
      }),
    );
    if (ids.length > 1) await yieldToOthers();
  }
  checkCancelled(control.signal);
  const info = EXPORT_FORMAT_INFO[request.format];
  control.onProgress?.({ done: ids.length, total, stage: `Writing ${info.label}` });
  const output = await render(ctx, bundles, request, control.signal);
  checkCancelled(control.signal);
  control.onProgress?.({ done: total, total, stage: 'Done' });
  return {
    fileName: fileNameOf(request, bundles),
    mimeType: info.mimeType,
    encoding: typeof output === 'string' ? 'utf8' : 'base64',
    content: typeof output === 'string' ? output : Buffer.from(output).toString('base64'),
  };
}
