// Reading an annotation file of any supported kind: the format is recognised from the content
// (not the file name), and a file that is none of them is refused with the reason.
import { ApiError } from '@shared/api/errors';
import type { AppContext } from '../context';
import { assertImportSize, decodeTextFile } from '../import/decode';
import type { AnnotationImportReport } from '@shared/api/methods/interop';
import { storeAnnotationFile } from './import-annotations';
import type { ParsedAnnotationFile } from './model';
import { runJob, type RunOptions } from '../workers/pool';
import { looksLikeHypothesis, readHypothesis } from './read-hypothesis';
import { FormatError, looksLikeMarginaliaJson, readMarginaliaJson } from './read-json';
import { looksLikeTei, readTei, TeiError } from './read-tei';
import { looksLikeWebAnnotation, readWebAnnotation } from './read-web-annotation';
import { XmlError } from './xml-parse';

const bad = (message: string): ApiError => new ApiError('bad_file', message);

export function parseAnnotationFile(name: string, bytes: Uint8Array): ParsedAnnotationFile {
  assertImportSize(bytes.byteLength);
  const text = decodeTextFile(bytes);
  const start = text.trimStart().slice(0, 1);
  try {
    if (start === '<') {
      if (!looksLikeTei(text))
        throw bad(`${name} is XML but not TEI: Marginalia imports TEI P5 (<TEI> or <teiCorpus>).`);
      return readTei(text);
    }
    if (start !== '{' && start !== '[') {
      throw bad(
        `${name} is neither JSON nor XML: import W3C Web Annotation JSON-LD, Hypothesis JSON, TEI or Marginalia JSON.`,
      );
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      // The parser's words name the place; the sentence around them is ours.
      const where = (error as Error).message.replace(/[.\s]+$/, '');
      throw bad(
        `${name} is not valid JSON (${where}): it is damaged or cut short. Nothing was imported.`,
      );
    }
    if (looksLikeMarginaliaJson(document)) return readMarginaliaJson(document);
    if (looksLikeWebAnnotation(document)) return readWebAnnotation(document);
    if (looksLikeHypothesis(document)) return readHypothesis(document);
    throw bad(
      `${name} is JSON, but not annotations Marginalia knows: expected W3C Web Annotation (JSON-LD), Hypothesis' export, or Marginalia JSON.`,
    );
  } catch (error) {
    if (error instanceof XmlError) throw bad(`${name} is not well-formed XML: ${error.message}.`);
    if (error instanceof TeiError || error instanceof FormatError) throw bad(error.message);
    throw error;
  }
}

/**
 * Reads an annotation file in a parse worker (memory and time limits, no control characters
 * kept), then stores it; see storeAnnotationFile.
 */
export async function importAnnotationFile(
  ctx: AppContext,
  file: { name: string; bytes: Uint8Array },
  recordId?: string,
  control: RunOptions = {},
): Promise<AnnotationImportReport> {
  const parsed = await runJob('parse-annotations', { file }, control);
  return storeAnnotationFile(ctx, parsed, recordId);
}
