import { ApiError } from '@shared/api/errors';
import { importAnnotationFile } from '../../services/interop';
import type { HandlersFor } from './types';

export const interopHandlers: HandlersFor<'interop.'> = {
  'interop.importAnnotations': (ctx, { file, recordId }) => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.base64)) {
      throw new ApiError('invalid_input', 'The file content is not valid base64.', [
        { path: 'file.base64', message: 'not base64' },
      ]);
    }
    return importAnnotationFile(
      ctx,
      { name: file.name, bytes: Buffer.from(file.base64, 'base64') },
      recordId,
    );
  },
};
