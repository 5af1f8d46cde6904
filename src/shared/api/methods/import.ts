// Importing records one item at a time, so every door can show progress and stop between items:
// the renderer (and the CLI) send the files of a batch one by one, or pair by pair. In the
// desktop app the native dialog picks files and folders; the page then only ever holds tokens
// for what the user chose, never paths it could name itself.
import { z } from 'zod';
import type { RecordDocument } from '../../model';
import { SEGMENT_UNITS } from '../../alignment/units';
import { fileInput, id, returns } from '../schemas';

/** What to do when a file's record is already in the library (same record ID or same text). */
export const DUPLICATE_POLICIES = ['skip', 'replace', 'keep-both'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];
export const duplicatePolicyInput = z.enum(DUPLICATE_POLICIES).default('skip');

/** A file granted by a native dialog (desktop app): the token stands for its path. */
export const grantedFileInput = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not an import token'),
});

/** A file's content sent by the page, or a token for a file the native dialog granted. */
export const importSource = z.union([fileInput, grantedFileInput]);

/** A BCP 47 language tag as a user may pick one ("ru", "en", "zh-Hant", "en-GB"). */
export const languageTag = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'is not a language tag such as “ru” or “en”')
  .transform((tag) => tag.replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase()));

export const importItemInput = z.discriminatedUnion('kind', [
  /** One file holding a whole record: archive page text, a saved page, Markdown or Word. */
  z.strictObject({
    kind: z.literal('record'),
    file: importSource,
    /** Chosen by the user; otherwise detected. */
    originalLang: languageTag.optional(),
    translationLang: languageTag.optional(),
  }),
  /** An original and its translation in two files. */
  z.strictObject({
    kind: z.literal('pair'),
    original: importSource,
    translation: importSource,
    /** Chosen by the user; otherwise taken from the file names or detected. */
    originalLang: languageTag.optional(),
    translationLang: languageTag.optional(),
    /** 'auto': the two files were picked together and may come in either order. */
    order: z.enum(['given', 'auto']).default('given'),
    /**
     * How plain-text files are cut into passages: `auto` (blank-line paragraphs, or one segment
     * per line when a file has no blank lines to speak of), or the unit chosen.
     */
    unit: z.enum(['auto', ...SEGMENT_UNITS]).default('auto'),
  }),
]);

export type ImportItemInput = z.input<typeof importItemInput>;

/** What became of one item of a batch. */
export type ImportOutcome =
  | {
      status: 'imported';
      file: string;
      record: RecordDocument;
      /** With keep-both: the record this one duplicates. */
      duplicateOf: string | null;
    }
  | {
      status: 'replaced';
      file: string;
      record: RecordDocument;
      /** Annotations re-attached to the new text, and those that could not be (orphans). */
      annotations: { reanchored: number; orphaned: number };
    }
  | { status: 'skipped'; file: string; reason: string; existingId: string }
  | { status: 'failed'; file: string; reason: string };

/** A file the native dialog granted: its token, and its name relative to the folder chosen. */
export interface GrantedFile {
  token: string;
  name: string;
  size: number;
}

export interface PickedFiles {
  files: GrantedFile[];
  /** Files in the chosen folders that were left out, and why (not importable, too many). */
  ignored: { name: string; reason: string }[];
}

/** One import of a record: where it came from and what was done. */
export interface ImportEvent {
  format: 'archive-text' | 'archive-html' | 'archive-docx' | 'markdown' | 'pair' | 'pdf' | 'scan';
  files: string[];
  action: 'imported' | 'replaced' | 'kept-both';
  importedAt: number;
}

export const importMethods = {
  /** Imports one record file or one pair; one transaction; never a half record. */
  'import.item': {
    input: z.strictObject({ item: importItemInput, duplicates: duplicatePolicyInput }),
    output: returns<ImportOutcome>(),
  },
  /**
   * Desktop app only: the native dialog picks files, or folders (searched recursively for
   * importable files). Returns tokens for them, or null when the user cancels.
   */
  'import.pick': {
    input: z.strictObject({ kind: z.enum(['files', 'folder']).default('files') }),
    output: returns<PickedFiles | null>(),
  },
  /** Where a record came from: every import and replace, oldest first. */
  'import.history': {
    input: z.strictObject({ recordId: id }),
    output: returns<ImportEvent[]>(),
  },
} as const;
