// W3C Web Annotation (JSON-LD): one AnnotationCollection whose pages hold every annotation.
// Each target is a SpecificResource on the record's text in one language (passages joined by
// line breaks) with a TextQuoteSelector and a TextPositionSelector (in Unicode code points, as
// the model requires); a bilingual note has two targets. Bodies are TextualBodies: the comment
// (HTML, purpose commenting), follow-ups (replying), tags (tagging), the category (classifying:
// its name as text and its identifier as a SpecificResource) and, for people and places, the
// entity named (identifying).
//
// The first page is embedded in the collection; later pages travel in the same file under
// JSON-LD's `@included`, each reachable from the one before through `next`.
import { boxInPixels, type FacsimilePage } from '@shared/scans/facsimile';
import { fullCitation } from '@shared/citation';
import { lexicalToHtml } from '@shared/lexical/html';
import { TRANSLATION_NOTE_LABELS, type Side } from '@shared/model';
import type { ExportAnnotation, ExportBundle } from './bundle';
import { annotationIri, categoryIri, collectionIri, pageIri, sideIri } from './iris';
import { SideOffsets } from './side-text';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const PAGE_SIZE = 100;

type Json = Record<string, unknown>;

const ENTITY_CATEGORIES = new Set(['person', 'place', 'organisation']);

function motivation(annotation: ExportAnnotation): string {
  if (annotation.categoryId === 'question') return 'questioning';
  if (annotation.comment.json) return 'commenting';
  if (ENTITY_CATEGORIES.has(annotation.categoryId)) return 'identifying';
  return 'highlighting';
}

function htmlBody(json: string | null, text: string): { value: string; format: string } {
  const html = lexicalToHtml(json);
  return html ? { value: html, format: 'text/html' } : { value: text, format: 'text/plain' };
}

/** What the bodies of one record's annotations look up, built once per record. */
interface Lookups {
  categoryName: Map<string, string>;
  entityName: Map<string, string>;
  offsets: Record<Side, SideOffsets>;
}

function lookups(bundle: ExportBundle): Lookups {
  const entityName = new Map<string, string>();
  for (const entity of bundle.entities) {
    for (const id of entity.annotationIds) entityName.set(id, entity.name);
  }
  return {
    categoryName: new Map(bundle.categories.map((c) => [c.id, c.name])),
    entityName,
    offsets: {
      original: new SideOffsets(bundle.record.original.passages),
      translation: new SideOffsets(bundle.record.translation.passages),
    },
  };
}

function bodies(annotation: ExportAnnotation, lookup: Lookups): Json[] {
  const list: Json[] = [];
  if (annotation.comment.json || annotation.comment.text) {
    list.push({
      type: 'TextualBody',
      purpose: annotation.categoryId === 'question' ? 'questioning' : 'commenting',
      ...htmlBody(annotation.comment.json, annotation.comment.text),
    });
  }
  for (const reply of annotation.replies) {
    list.push({
      type: 'TextualBody',
      purpose: 'replying',
      ...htmlBody(reply.body.json, reply.body.text),
      created: new Date(reply.createdAt).toISOString(),
    });
  }
  for (const tag of annotation.tags)
    list.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  // The category twice: by name for every reader, and by identifier for an exact round trip.
  list.push({
    type: 'TextualBody',
    purpose: 'classifying',
    value: lookup.categoryName.get(annotation.categoryId) ?? annotation.categoryId,
  });
  list.push({
    type: 'SpecificResource',
    purpose: 'classifying',
    source: categoryIri(annotation.categoryId),
  });
  if (annotation.noteType) {
    list.push({
      type: 'TextualBody',
      purpose: 'classifying',
      value: TRANSLATION_NOTE_LABELS[annotation.noteType],
    });
  }
  const entity = lookup.entityName.get(annotation.id);
  if (entity) list.push({ type: 'TextualBody', purpose: 'identifying', value: entity });
  return list;
}

function targets(
  bundle: ExportBundle,
  annotation: ExportAnnotation,
  offsets: Record<Side, SideOffsets>,
): Json[] {
  const { record } = bundle;
  const text = annotation.targets.map((target) => {
    const side = offsets[target.side];
    const start = side.toPoints(target.passageIndex, target.position.start);
    const end = side.toPoints(target.passageIndex, target.position.end);
    return {
      type: 'SpecificResource',
      source: {
        id: sideIri(record.id, target.side),
        type: 'Text',
        format: 'text/plain',
        language: record[target.side].lang,
      },
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: target.quote.exact,
          prefix: target.quote.prefix,
          suffix: target.quote.suffix,
        },
        { type: 'TextPositionSelector', start, end },
      ],
    };
  });
  return [...text, ...imageTargets(bundle, annotation)];
}

/**
 * Where a note's text lies on the page images, for a record read from a scan or a PDF: one
 * target per page, the region around the lines it covers, as a Media Fragments `xywh=` in the
 * image's pixels.
 */
function imageTargets(bundle: ExportBundle, annotation: ExportAnnotation): Json[] {
  const facsimile = bundle.facsimile;
  if (!facsimile) return [];
  const layoutById = new Map(facsimile.passages.map((p) => [p.passageId, p]));
  const regions = new Map<
    string,
    { page: FacsimilePage; x0: number; y0: number; x1: number; y1: number }
  >();
  for (const target of annotation.targets) {
    if (target.passageId === null || target.orphaned) continue;
    const layout = layoutById.get(target.passageId);
    for (const box of layout?.boxes ?? []) {
      if (box.start >= target.position.end || box.end <= target.position.start) continue;
      const page = facsimile.pages.find(
        (p) => p.side === target.side && p.page === box.page && p.imageHash,
      );
      if (!page) continue;
      const px = boxInPixels(box, page);
      const key = `${target.side}:${box.page}`;
      const region = regions.get(key);
      regions.set(key, {
        page,
        x0: Math.min(region?.x0 ?? Infinity, px.x),
        y0: Math.min(region?.y0 ?? Infinity, px.y),
        x1: Math.max(region?.x1 ?? -Infinity, px.x + px.w),
        y1: Math.max(region?.y1 ?? -Infinity, px.y + px.h),
      });
    }
  }
  return [...regions.values()].map(({ page, x0, y0, x1, y1 }) => ({
    type: 'SpecificResource',
    source: {
      id: pageIri(bundle.record.id, page.side, page.page),
      type: 'Image',
      ...(page.imageWidth ? { width: page.imageWidth, height: page.imageHeight } : {}),
    },
    selector: {
      type: 'FragmentSelector',
      conformsTo: 'http://www.w3.org/TR/media-frags/',
      value: `xywh=${x0},${y0},${x1 - x0},${y1 - y0}`,
    },
  }));
}

function webAnnotation(bundle: ExportBundle, annotation: ExportAnnotation, lookup: Lookups): Json {
  const body = bodies(annotation, lookup);
  return {
    '@context': ANNO_CONTEXT,
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: motivation(annotation),
    created: new Date(annotation.createdAt).toISOString(),
    modified: new Date(annotation.updatedAt).toISOString(),
    ...(body.length > 0 ? { body } : {}),
    target: targets(bundle, annotation, lookup.offsets),
  };
}

/** Every annotation of the records as one AnnotationCollection (see the file's comment). */
export function webAnnotationCollection(bundles: ExportBundle[]): Json {
  const first = bundles[0];
  if (!first) throw new RangeError('Nothing to export');
  const items: Json[] = [];
  for (const bundle of bundles) {
    const lookup = lookups(bundle);
    for (const annotation of bundle.annotations)
      items.push(webAnnotation(bundle, annotation, lookup));
  }
  const id = collectionIri(bundles.map((b) => b.record.id));
  const pageCount = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const pageId = (n: number): string => `${id}?page=${n}`;
  const pages: Json[] = [];
  for (let n = 0; n < pageCount; n++) {
    pages.push({
      id: pageId(n),
      type: 'AnnotationPage',
      partOf: id,
      startIndex: n * PAGE_SIZE,
      ...(n > 0 ? { prev: pageId(n - 1) } : {}),
      ...(n < pageCount - 1 ? { next: pageId(n + 1) } : {}),
      items: items.slice(n * PAGE_SIZE, (n + 1) * PAGE_SIZE),
    });
  }
  const label =
    bundles.length === 1
      ? `Annotations on “${first.record.title}”`
      : `Annotations on ${bundles.length} records`;
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    generated: first.exportedAt.toISOString(),
    generator: { type: 'Software', name: `${first.generator.name} ${first.generator.version}` },
    // The records the annotations are on, with their citations and rights (Dublin Core terms,
    // which the annotation context defines).
    'dcterms:source': bundles.map((b) => ({
      id: `marginalia://record/${encodeURIComponent(b.record.id)}`,
      'dcterms:title': b.record.title,
      'dcterms:bibliographicCitation': fullCitation(b.record),
      ...(b.record.rights ? { 'dcterms:rights': b.record.rights } : {}),
      ...(b.record.url ? { 'dcterms:identifier': b.record.url } : {}),
    })),
    first: pages[0],
    last: pageId(pageCount - 1),
    ...(pages.length > 1 ? { '@included': pages.slice(1) } : {}),
  };
}

export function renderWebAnnotation(bundles: ExportBundle[]): string {
  return JSON.stringify(webAnnotationCollection(bundles), null, 2) + '\n';
}
