// A record's page images for the reader: the pages and passage layout, and each image as a
// data: URL (the page's CSP allows data: images and nothing remote).
import { ApiError } from '@shared/api/errors';
import type { RecordFacsimile } from '@shared/scans/facsimile';
import type { AppContext } from '../context';
import { requireLiveRecord } from './require-record';

export function recordFacsimile(ctx: AppContext, id: string): RecordFacsimile {
  requireLiveRecord(ctx, id);
  return ctx.facsimile.get(id);
}

export function recordPageImage(
  ctx: AppContext,
  id: string,
  hash: string,
): { url: string; width: number; height: number } {
  requireLiveRecord(ctx, id);
  const image = ctx.facsimile.image(id, hash);
  if (!image) throw new ApiError('not_found', 'This record has no such page image.');
  const base64 = Buffer.from(image.bytes).toString('base64');
  return {
    url: `data:${image.mediaType};base64,${base64}`,
    width: image.width,
    height: image.height,
  };
}
