// The records methods: the library's list and one whole record.
import { z } from 'zod';
import type { RecordDocument, RecordSummary } from '../../model';
import { id, returns } from '../schemas';

export const recordMethods = {
  'records.list': {
    input: z.strictObject({}),
    output: returns<RecordSummary[]>(),
  },
  'records.get': {
    input: z.strictObject({ id }),
    output: returns<RecordDocument>(),
  },
} as const;
