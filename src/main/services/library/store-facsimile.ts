// Keeps the pages of a record read from a PDF or a scan with the record: each page image once
// (by the hash of its bytes), and where every passage lies on its pages. Called inside the
// transaction that stores the record's passages, so the two are written together or not at all.
import { createHash } from 'node:crypto';
import { SIDES } from '@shared/model';
import type { NewSideFacsimile } from '../../db/repositories';
import type { AppContext } from '../context';
import type { ParsedRecord } from '../import';

/** Writes (or, on a re-import, replaces) the record's pages and passage layout. */
export function storeFacsimile(ctx: AppContext, recordId: string, record: ParsedRecord): void {
  const sides: NewSideFacsimile[] = [];
  const hashes = new Map<Uint8Array, string>();
  for (const side of SIDES) {
    const facsimile = record[side].facsimile;
    if (!facsimile) continue;
    sides.push({
      side,
      sourceFile: facsimile.file,
      passages: facsimile.passages,
      pages: facsimile.pages.map((page) => {
        const image = page.image;
        if (!image)
          return { page: page.number, width: page.width, height: page.height, image: null };
        let hash = hashes.get(image.bytes);
        if (!hash) {
          hash = createHash('sha256').update(image.bytes).digest('hex');
          hashes.set(image.bytes, hash);
        }
        return {
          page: page.number,
          width: page.width,
          height: page.height,
          image: {
            hash,
            mediaType: image.mediaType,
            width: image.width,
            height: image.height,
            bytes: image.bytes,
          },
        };
      }),
    });
  }
  ctx.facsimile.write(recordId, sides);
}
