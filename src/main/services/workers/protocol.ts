// What the main thread and a parse worker say to each other: the jobs a worker runs (reading an
// import item, an annotation file, checking a library's integrity), how far one has got, and
// its result or the reason it failed. Plain data only: it crosses threads by structured clone.
import type { UnitChoice } from '@shared/alignment/units';
import type { ApiErrorData } from '@shared/api/errors';
import type { AlignmentGroup } from '@shared/model';
import type { LexiconCounts } from '../alignment';
import type { ImportFormat, ParsedRecord } from '../import';
import type { ParsedAnnotationFile } from '../interop/model';
import type { IntegrityReport } from '../../db/library-file';

/** A file an import reads: a path (trusted callers, or a granted token resolved), or content. */
export type JobFile =
  | { path: string; missing?: string }
  | { name: string; base64: string }
  | { name: string; bytes: Uint8Array };

/** One import item, its sources resolved to paths or content. */
export type ImportJobItem =
  | { kind: 'record'; file: JobFile; originalLang?: string; translationLang?: string }
  | {
      kind: 'pair';
      original: JobFile;
      translation: JobFile;
      originalLang?: string;
      translationLang?: string;
      order: 'given' | 'auto';
      /** Paragraphs, one segment per line, or detected (`auto`). */
      unit?: UnitChoice;
    };

/** The library's lexicon for one language pair (its maps survive structured clone). */
export interface LibraryLexicon {
  originalLang: string;
  translationLang: string;
  counts: LexiconCounts;
}

/**
 * A parse-import job: the item, and every lexicon the library has learned, so that the worker
 * aligns the record once, from the one for the languages it finds (the worker has no library).
 */
export interface ImportJob {
  item: ImportJobItem;
  lexicons: readonly LibraryLexicon[];
}

/** An item read, parsed and aligned: what the main thread stores. */
export interface ParsedImport {
  record: ParsedRecord;
  format: ImportFormat;
  /** The names of the files read (a pair: original, translation). */
  files: string[];
  /**
   * The paragraph alignment, computed in the worker (from the library's lexicon when it has one
   * for the record's languages): the heaviest part of an import.
   */
  alignment: AlignmentGroup[];
}

/** Every kind of job, with its input and what it returns. */
export interface Jobs {
  'parse-import': { input: ImportJob; output: ParsedImport };
  'parse-annotations': { input: { file: JobFile }; output: ParsedAnnotationFile };
  /** SQLite's full integrity check of a library file, on a read-only connection of its own. */
  'check-integrity': { input: { file: string }; output: IntegrityReport };
}

export type JobKind = keyof Jobs;

export interface JobProgress {
  /** What the job is doing, in a few words ("Reading", "Aligning"). */
  stage: string;
  done?: number;
  total?: number;
}

/** Main → worker. */
export interface JobRequest<K extends JobKind = JobKind> {
  id: number;
  kind: K;
  input: Jobs[K]['input'];
}

/** Worker → main. */
export type JobMessage =
  | { id: number; type: 'progress'; progress: JobProgress }
  | { id: number; type: 'done'; output: unknown }
  | { id: number; type: 'failed'; error: ApiErrorData };
