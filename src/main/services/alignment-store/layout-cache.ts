// The sentence layout of a long record takes a while to compute (every paragraph row is split
// into sentences and aligned), and the reader asks for it after every correction. It depends
// only on the passages' texts and the paragraph rows, so it is kept for the last few records,
// keyed by a fingerprint of exactly those.

import type { RecordDocument } from '@shared/model';
import { memoised, type AppContext } from '../context';
import { sentenceLayout, type SentenceLayout } from './sentence-rows';

const KEPT = 4;

/** FNV-1a over the texts and the paragraph rows: changes whenever the layout would. */
function fingerprint(record: RecordDocument): string {
  let hash = 0x811c9dc5;
  const add = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0xff;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const side of ['original', 'translation'] as const) {
    add(record[side].lang);
    for (const passage of record[side].passages) {
      add(String(passage.id));
      add(passage.text);
    }
  }
  for (const group of record.alignment) {
    add(`${group.original}|${group.translation}|${group.confidence}|${group.confirmed}`);
  }
  return `${hash >>> 0}:${record.original.passages.length}:${record.alignment.length}`;
}

/** The record's sentence layout, computed again only when its texts or paragraph rows changed. */
export function cachedSentenceLayout(ctx: AppContext, record: RecordDocument): SentenceLayout {
  const cache = memoised(
    ctx,
    'sentence-layouts',
    () => new Map<string, { fingerprint: string; layout: SentenceLayout }>(),
  );
  const key = fingerprint(record);
  const hit = cache.get(record.id);
  if (hit && hit.fingerprint === key) {
    // Most recently used last.
    cache.delete(record.id);
    cache.set(record.id, hit);
    return hit.layout;
  }
  const layout = sentenceLayout(record);
  cache.delete(record.id);
  cache.set(record.id, { fingerprint: key, layout });
  while (cache.size > KEPT) cache.delete(cache.keys().next().value!);
  return layout;
}
