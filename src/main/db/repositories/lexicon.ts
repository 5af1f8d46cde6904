// Storage of the library's translation lexicon: each record's expected stem-pair counts, learned
// from its confirmed rows, and their sum per language pair for the aligner.
import { prepared, type LibraryDatabase } from '../statements';

/** One learned count: original stem → translation stem. */
export interface LexiconEntry {
  source: string;
  target: string;
  count: number;
}

export type LexiconLevel = 'paragraph' | 'sentence';
export interface LanguagePair {
  source: string;
  target: string;
}

interface CountRow {
  source_stem: string;
  target_stem: string;
  count: number;
}

export function createLexiconRepository(db: LibraryDatabase) {
  const s = prepared({
    sum: () =>
      db.prepare<[string, string], CountRow>(
        `SELECT source_stem, target_stem, SUM(count) AS count FROM lexicon_counts
         WHERE source_lang = ? AND target_lang = ? GROUP BY source_stem, target_stem`,
      ),
    ofRecord: () =>
      db.prepare<[string], CountRow>(
        `SELECT source_stem, target_stem, SUM(count) AS count FROM lexicon_counts
         WHERE record_id = ? GROUP BY source_stem, target_stem ORDER BY source_stem, target_stem`,
      ),
    languagePairs: () =>
      db.prepare<[], LanguagePair>(
        `SELECT DISTINCT source_lang AS source, target_lang AS target FROM lexicon_counts
         ORDER BY source_lang, target_lang`,
      ),
    forgetRecord: () => db.prepare<[string]>('DELETE FROM lexicon_counts WHERE record_id = ?'),
    forget: () =>
      db.prepare<[string, string]>('DELETE FROM lexicon_counts WHERE record_id = ? AND level = ?'),
    insert: () =>
      db.prepare<[string, string, string, string, string, string, number]>(
        `INSERT INTO lexicon_counts (record_id, level, source_lang, target_lang, source_stem,
           target_stem, count) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
  });
  const replace = db.transaction(
    (recordId: string, level: LexiconLevel, langs: LanguagePair, learned: LexiconEntry[]) => {
      s.forget.run(recordId, level);
      for (const e of learned) {
        s.insert.run(recordId, level, langs.source, langs.target, e.source, e.target, e.count);
      }
    },
  );
  const entries = (rows: CountRow[]): LexiconEntry[] =>
    rows.map((r) => ({ source: r.source_stem, target: r.target_stem, count: r.count }));
  return {
    /** The library's counts for a language pair, summed over its records. */
    counts: (sourceLang: string, targetLang: string): LexiconEntry[] =>
      entries(s.sum.all(sourceLang, targetLang)),
    /** The language pairs the library has learned anything for. */
    languagePairs: (): LanguagePair[] => s.languagePairs.all(),
    /** What one record contributes (both levels summed), by stems. */
    ofRecord: (recordId: string): LexiconEntry[] => entries(s.ofRecord.all(recordId)),
    /** Forgets everything a record taught (its text was replaced). */
    forgetRecord(recordId: string): void {
      s.forgetRecord.run(recordId);
    },
    /** Sets a record's contribution at one level (replacing what it gave there before). */
    replaceRecord(
      recordId: string,
      level: LexiconLevel,
      langs: LanguagePair,
      learned: LexiconEntry[],
    ): void {
      replace(recordId, level, langs, learned);
    },
  };
}
