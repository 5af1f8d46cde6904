// The record's page images in TEI: a <facsimile> with a <surface> per page (its image embedded
// as a data: URL, so the edition travels as one file) and a <zone> per line a passage came from;
// each passage's <p> points at its zones with @facs.
import type { Side } from '@shared/model';
import { boxInPixels, type FacsimilePage } from '@shared/scans/facsimile';
import type { ExportBundle } from '../bundle';
import { el, textEl } from './xml';

export interface TeiFacsimile {
  xml: string;
  /** The @facs of a passage: its zones, or null when it has none. */
  facsOf(side: Side, index: number): string | null;
}

const NONE: TeiFacsimile = { xml: '', facsOf: () => null };

export function facsimileTei(bundle: ExportBundle, prefix: string): TeiFacsimile {
  const facsimile = bundle.facsimile;
  if (!facsimile || facsimile.pages.every((p) => p.imageHash === null)) return NONE;
  // One surface per page of a file, even when both sides come from the same PDF.
  const surfaces = new Map<string, { id: string; page: FacsimilePage; zones: string[] }>();
  const pageKey = (page: FacsimilePage): string => `${page.sourceFile}\u0000${page.page}`;
  for (const page of facsimile.pages) {
    if (!page.imageHash || surfaces.has(pageKey(page))) continue;
    surfaces.set(pageKey(page), { id: `${prefix}surface-${surfaces.size + 1}`, page, zones: [] });
  }
  const pageOf = (side: Side, number: number): FacsimilePage | undefined =>
    facsimile.pages.find((p) => p.side === side && p.page === number && p.imageHash);
  const layoutById = new Map(facsimile.passages.map((p) => [p.passageId, p]));
  const facs = new Map<string, string>();
  for (const side of ['original', 'translation'] as const) {
    for (const passage of bundle.record[side].passages) {
      const layout = layoutById.get(passage.id);
      if (!layout) continue;
      const ids: string[] = [];
      layout.boxes.forEach((box, n) => {
        const page = pageOf(side, box.page);
        const surface = page ? surfaces.get(pageKey(page)) : undefined;
        if (!page || !surface) return;
        const px = boxInPixels(box, page);
        const id = `${prefix}zone-${side[0]}${passage.index + 1}-${n + 1}`;
        ids.push(`#${id}`);
        surface.zones.push(
          el('zone', {
            'xml:id': id,
            ulx: px.x,
            uly: px.y,
            lrx: px.x + px.w,
            lry: px.y + px.h,
          }),
        );
      });
      if (ids.length > 0) facs.set(`${side}:${passage.index}`, ids.join(' '));
    }
  }
  const xml = el(
    'facsimile',
    { 'xml:id': `${prefix}facsimile` },
    '\n' +
      [...surfaces.values()]
        .map(({ id, page, zones }) => {
          const image = bundle.pageImages?.get(page.imageHash!);
          const width = page.imageWidth ?? Math.round(page.width);
          const height = page.imageHeight ?? Math.round(page.height);
          const graphic = image
            ? el('graphic', {
                url: `data:${image.mediaType};base64,${Buffer.from(image.bytes).toString('base64')}`,
                mimeType: image.mediaType,
                width: `${width}px`,
                height: `${height}px`,
              })
            : '';
          return el(
            'surface',
            { 'xml:id': id, n: page.page, ulx: 0, uly: 0, lrx: width, lry: height },
            `\n${textEl('label', {}, `${page.sourceFile}, page ${page.page}`)}\n${graphic}\n${zones.join('\n')}\n`,
          );
        })
        .join('\n') +
      '\n',
  );
  return { xml, facsOf: (side, index) => facs.get(`${side}:${index}`) ?? null };
}
