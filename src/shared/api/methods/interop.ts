// The interop part of the contract: importing annotations made by other tools.
import { z } from 'zod';
import { fileInput, id, returns } from '../schemas';

export interface ImportedRecordReport {
  recordId: string;
  title: string;
  /** True when the record came in with the file (it was not in the library). */
  created: boolean;
  imported: number;
  /** Annotations at least one of whose spans could not be placed (listed for re-attaching). */
  orphaned: number;
  /** Annotations already in the library (same id, or same span, comment and date). */
  skipped: number;
}

export interface AnnotationImportReport {
  /** The format recognised, by name ("TEI", "Hypothesis JSON", …). */
  format: string;
  records: ImportedRecordReport[];
  imported: number;
  orphaned: number;
  skipped: number;
  /** What was left out while reading, one sentence each. */
  warnings: string[];
}

export const interopMethods = {
  /**
   * Imports annotations from W3C Web Annotation JSON-LD, Hypothesis JSON, TEI or Marginalia JSON,
   * re-anchored on the record's text. A TEI or JSON file that carries its record brings it in.
   */
  'interop.importAnnotations': {
    input: z.strictObject({
      file: fileInput,
      /** The record the annotations are on, when the user names it. */
      recordId: id.optional(),
    }),
    output: returns<AnnotationImportReport>(),
  },
} as const;
