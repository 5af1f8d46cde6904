// The interop methods: annotations from other tools (W3C JSON-LD, Hypothesis, TEI, our JSON).
import { importAnnotationFile } from '../../services/interop';
import { decodeBase64 } from '../../services/import/decode';
import type { HandlersFor } from './types';

export const interopHandlers: HandlersFor<'interop.'> = {
  'interop.importAnnotations': (ctx, { file, recordId }) =>
    importAnnotationFile(ctx, { name: file.name, bytes: decodeBase64(file.base64) }, recordId),
};
