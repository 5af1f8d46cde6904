// The parse worker's own code: it runs the jobs the main thread sends (see ./pool.ts), one at a
// time, inside the heap and time limits the pool set, and answers each with its output or the
// reason it failed. It holds no library connection; what it returns is stored by the main thread.
import { parentPort } from 'node:worker_threads';
import { ApiError, type ApiErrorData } from '@shared/api/errors';
import { stripControlsDeep } from '@shared/text/controls';
import { checkIntegrity } from '../../db/library-file';
import { alignSequences } from '../alignment';
import { readImportFile } from '../files';
import { readPair, readRecordFile } from '../import';
import { decodeBase64 } from '../import/decode';
import { parseAnnotationFile } from '../interop';
import type {
  ImportJob,
  JobFile,
  JobMessage,
  JobProgress,
  JobRequest,
  Jobs,
  ParsedImport,
} from './protocol';

type Report = (progress: JobProgress) => void;

function load(file: JobFile): { name: string; bytes: Uint8Array } {
  if ('path' in file)
    return readImportFile(file.path, file.missing ? { missing: file.missing } : {});
  if ('bytes' in file) return file;
  return { name: file.name, bytes: decodeBase64(file.base64) };
}

async function parseImport({ item, lexicons }: ImportJob, report: Report): Promise<ParsedImport> {
  report({ stage: 'Reading' });
  let parsed: Omit<ParsedImport, 'alignment'>;
  if (item.kind === 'record') {
    const file = load(item.file);
    // A PDF or scan reports each page as it is read or recognised.
    const { record, format } = await readRecordFile(file.name, file.bytes, {
      onProgress: report,
    });
    if (item.originalLang) record.original.lang = item.originalLang;
    if (item.translationLang) record.translation.lang = item.translationLang;
    parsed = { record, format, files: [file.name] };
  } else {
    const original = load(item.original);
    const translation = load(item.translation);
    const record = await readPair(original, translation, {
      originalLang: item.originalLang ?? null,
      translationLang: item.translationLang ?? null,
      order: item.order,
      unit: item.unit ?? 'auto',
      ocr: { onProgress: report },
    });
    parsed = { record, format: 'pair', files: [original.name, translation.name] };
  }
  const { record } = parsed;
  report({
    stage: 'Aligning',
    done: 0,
    total: record.original.paragraphs.length + record.translation.paragraphs.length,
  });
  // The library's lexicon for these languages, when it has learned one: the only alignment.
  const library = lexicons.find(
    (l) => l.originalLang === record.original.lang && l.translationLang === record.translation.lang,
  );
  const alignment = alignSequences(record.original.paragraphs, record.translation.paragraphs, {
    originalLang: record.original.lang,
    translationLang: record.translation.lang,
    lexicon: library?.counts ?? null,
  });
  return { ...parsed, alignment };
}

const run: { [K in keyof Jobs]: (input: Jobs[K]['input'], report: Report) => unknown } = {
  'parse-import': parseImport,
  'parse-annotations': ({ file }, report) => {
    report({ stage: 'Reading' });
    const { name, bytes } = load(file);
    return stripControlsDeep(parseAnnotationFile(name, bytes));
  },
  'check-integrity': ({ file }, report) => {
    report({ stage: 'Checking the library' });
    return checkIntegrity(file);
  },
};

/** Whatever went wrong, as the reason a user reads. */
function reason(error: unknown): ApiErrorData {
  if (error instanceof ApiError) return error.toJSON();
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return {
      code: 'bad_file',
      message:
        'This file is nested too deeply to read (elements inside elements, thousands of levels down); nothing was saved.',
    };
  }
  console.error('A parse job failed unexpectedly:', error);
  return {
    code: 'internal',
    message: 'Marginalia could not read this file because of an internal error; nothing was saved.',
  };
}

const port = parentPort;
if (!port) throw new Error('The parse worker runs only as a worker thread.');

port.on('message', (request: JobRequest) => {
  const send = (message: JobMessage): void => port.postMessage(message);
  const report: Report = (progress) => send({ id: request.id, type: 'progress', progress });
  Promise.resolve()
    .then(() =>
      (run[request.kind] as (input: unknown, r: Report) => unknown)(request.input, report),
    )
    .then(
      (output) => send({ id: request.id, type: 'done', output }),
      (error: unknown) => send({ id: request.id, type: 'failed', error: reason(error) }),
    );
});
