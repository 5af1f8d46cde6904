// The library's translation lexicon: every confirmed or corrected row of every record trains it
// (IBM Model 1 over stems, services/alignment/lexicon.ts), and the aligner starts from it for
// records of the same language pair, so alignment gets better as the library grows.
import type { AlignmentGroup, Side } from '@shared/model';
import { learnCounts, lexiconCounts, type LexiconCounts } from '../alignment';
import { memoised, type AppContext } from '../context';
import type { LibraryLexicon } from '../workers/protocol';

interface LexiconCache {
  /** "ru>en" → the summed counts (null: nothing learned yet). */
  pairs: Map<string, LexiconCounts | null>;
  /** Bumped whenever the library learns, so views can tell their evidence is stale. */
  version: number;
}

const cacheOf = (ctx: AppContext): LexiconCache =>
  memoised(ctx, 'library-lexicon', () => ({ pairs: new Map(), version: 0 }));

/** The library's lexicon from `originalLang` to `translationLang`, or null when it is empty. */
export function libraryLexicon(
  ctx: AppContext,
  originalLang: string,
  translationLang: string,
): LexiconCounts | null {
  const cache = cacheOf(ctx);
  const key = `${originalLang}>${translationLang}`;
  if (!cache.pairs.has(key)) {
    cache.pairs.set(key, lexiconCounts(ctx.lexicon.counts(originalLang, translationLang)));
  }
  return cache.pairs.get(key) ?? null;
}

/**
 * Every lexicon the library has learned, one per language pair: what an import hands its parse
 * worker, which learns the record's languages only as it reads the file.
 */
export function libraryLexicons(ctx: AppContext): LibraryLexicon[] {
  return ctx.lexicon.languagePairs().flatMap(({ source, target }) => {
    const counts = libraryLexicon(ctx, source, target);
    return counts === null ? [] : [{ originalLang: source, translationLang: target, counts }];
  });
}

/** A number that changes whenever the library's lexicon does. */
export function lexiconVersion(ctx: AppContext): number {
  return cacheOf(ctx).version;
}

/**
 * Trains the library's lexicon on a record's confirmed rows at one level (replacing what that
 * record taught at that level before, so undoing a confirmation untrains it too).
 */
export function learnFromConfirmedRows(
  ctx: AppContext,
  recordId: string,
  level: 'paragraph' | 'sentence',
  langs: Record<Side, string>,
  groups: readonly AlignmentGroup[],
  text: (side: Side, unit: number) => string,
): void {
  const rows = groups
    .filter((g) => g.confirmed && g.original.length > 0 && g.translation.length > 0)
    .map((g) => ({
      original: g.original.map((k) => text('original', k)).join(' '),
      translation: g.translation.map((k) => text('translation', k)).join(' '),
    }));
  ctx.lexicon.replaceRecord(
    recordId,
    level,
    { source: langs.original, target: langs.translation },
    learnCounts(rows),
  );
  changed(ctx);
}

/** Forgets what a record taught (its text was replaced, and its confirmed rows with it). */
export function forgetRecordLexicon(ctx: AppContext, recordId: string): void {
  ctx.lexicon.forgetRecord(recordId);
  changed(ctx);
}

function changed(ctx: AppContext): void {
  const cache = cacheOf(ctx);
  cache.pairs.clear();
  cache.version++;
}
