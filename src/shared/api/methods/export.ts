import { z } from 'zod';
import { id, returns } from '../schemas';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

export const exportMethods = {
  'export.notes': {
    input: z.strictObject({ recordId: id, format: z.enum(['md']).default('md') }),
    output: returns<ExportedFile>(),
  },
  /** Electron only: asks where to save with the native dialog, then writes the file. */
  'export.notesToFile': {
    input: z.strictObject({ recordId: id, format: z.enum(['md']).default('md') }),
    output: returns<{ path: string } | null>(),
  },
} as const;
