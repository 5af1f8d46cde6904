// The input of every exporter: one record with everything said about it, read from the stored
// data (never from a screen). Each exporter renders what is present — tags, follow-ups,
// translation-note types, entities, a glossary — so richer notes flow into every format.
import { ApiError } from '@shared/api/errors';
import { loadLevel } from '../alignment-store/store';
import { sortInTextOrder } from '@shared/annotation-order';
import type { AppContext } from '../context';
import type { ExportBundle, SentenceAlignment } from './model';
import { entitiesOf, glossaryOf } from './notebook-data';

export type {
  ExportAnnotation,
  ExportBundle,
  ExportEntity,
  ExportGlossaryEntry,
  SentenceAlignment,
} from './model';

export interface BundleOptions {
  exportedAt?: Date;
  /** Read the sentence rows too (only TEI uses them; aligning sentences takes a while). */
  sentences?: boolean;
  /**
   * Read where passages lie on the page images ('layout': W3C image regions), and the images
   * themselves too ('images': TEI's <facsimile>).
   */
  facsimile?: 'layout' | 'images';
}

/** Everything an exporter needs about one record, read from the library. */
export function loadExportBundle(
  ctx: AppContext,
  recordId: string,
  options: BundleOptions = {},
): ExportBundle {
  const record = ctx.records.get(recordId);
  if (!record) throw new ApiError('not_found', `There is no record with id “${recordId}”.`);
  const annotations = sortInTextOrder(ctx.annotations.listByRecord(record.id), record);
  return {
    record,
    sentences: options.sentences ? sentenceAlignment(ctx, record.id) : null,
    annotations,
    categories: ctx.categories.list(),
    glossary: glossaryOf(ctx, record, annotations),
    entities: entitiesOf(record, annotations, ctx),
    exportedAt: options.exportedAt ?? new Date(ctx.now()),
    generator: { name: 'Marginalia', version: ctx.version },
    ...(options.facsimile ? facsimileOf(ctx, record.id, options.facsimile === 'images') : {}),
  };
}

function facsimileOf(
  ctx: AppContext,
  recordId: string,
  images: boolean,
): Pick<ExportBundle, 'facsimile' | 'pageImages'> {
  const facsimile = ctx.facsimile.get(recordId);
  if (!images) return { facsimile };
  const pageImages = new Map<string, { mediaType: string; bytes: Uint8Array }>();
  for (const page of facsimile.pages) {
    if (!page.imageHash || pageImages.has(page.imageHash)) continue;
    const image = ctx.facsimile.image(recordId, page.imageHash);
    if (image) pageImages.set(page.imageHash, image);
  }
  return { facsimile, pageImages };
}

function sentenceAlignment(ctx: AppContext, recordId: string): SentenceAlignment | null {
  try {
    const state = loadLevel(ctx, recordId, 'sentence');
    if (!state.layout) return null;
    return { units: state.layout.units, groups: state.groups };
  } catch (error) {
    // The paragraph alignment is exported whatever happens; sentence rows are a bonus.
    console.warn(`Sentence rows of ${recordId} could not be read for export:`, error);
    return null;
  }
}

export function categoryNames(bundle: Pick<ExportBundle, 'categories'>): Map<string, string> {
  return new Map(bundle.categories.map((c) => [c.id, c.name]));
}
