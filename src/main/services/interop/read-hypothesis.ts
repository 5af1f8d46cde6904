// Reads Hypothesis' JSON: the client's export ({export_date, annotations: […]}), an API search
// result ({total, rows: […]}) or a bare array. Each annotation's Markdown text becomes the
// comment and its tags stay tags; replies (annotations with `references`) join the thread of the
// annotation they answer; page notes, which have no quote, are skipped with a word why. The
// TextPositionSelector counts in the web page, not in our text, so only the quote is used.
import { lexicalFromPlainText } from './lexical-build';
import { markdownToLexical } from './markdown-to-lexical';
import type { ImportedAnnotation, ImportedGroup, ParsedAnnotationFile } from './model';
import { MAX_IMPORTED_ANNOTATIONS } from './read-web-annotation';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function rowsOf(document: unknown): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return null;
  if (Array.isArray(document['annotations'])) return document['annotations'];
  if (Array.isArray(document['rows'])) return document['rows'];
  return null;
}

/** True for JSON shaped like Hypothesis' export or API. */
export function looksLikeHypothesis(document: unknown): boolean {
  const rows = rowsOf(document);
  const first = rows?.[0];
  return (
    isObject(first) &&
    (typeof first['uri'] === 'string' || 'export_date' in (document as Json)) &&
    Array.isArray(first['target'])
  );
}

function time(value: unknown): number | null {
  const ms = Date.parse(str(value) ?? '');
  return Number.isFinite(ms) ? ms : null;
}

function comment(text: string): string | null {
  // Markdown first; if it yields nothing (odd markup), keep the words as plain text.
  return markdownToLexical(text) ?? lexicalFromPlainText(text);
}

export function readHypothesis(document: unknown): ParsedAnnotationFile {
  const rows = (rowsOf(document) ?? []).filter(isObject);
  const warnings: string[] = [];
  if (rows.length > MAX_IMPORTED_ANNOTATIONS)
    warnings.push(`Only the first ${MAX_IMPORTED_ANNOTATIONS} annotations were read.`);
  const byId = new Map<string, ImportedAnnotation>();
  const groups = new Map<string, ImportedGroup>();
  const replies: Json[] = [];
  for (const row of rows.slice(0, MAX_IMPORTED_ANNOTATIONS)) {
    if (Array.isArray(row['references']) && row['references'].length > 0) {
      replies.push(row);
      continue;
    }
    const target = Array.isArray(row['target']) ? row['target'].find(isObject) : undefined;
    const selectors =
      target && Array.isArray(target['selector']) ? target['selector'].filter(isObject) : [];
    const quote = selectors.find(
      (s) => s['type'] === 'TextQuoteSelector' && typeof s['exact'] === 'string',
    );
    if (!quote) {
      warnings.push(
        `The page note “${(str(row['text']) ?? '').slice(0, 60)}” has no quoted text; it was skipped.`,
      );
      continue;
    }
    const annotation: ImportedAnnotation = {
      id: null,
      categoryId: null,
      categoryName: null,
      noteType: null,
      comment: str(row['text'])?.trim() ? comment(str(row['text'])!) : null,
      tags: Array.isArray(row['tags'])
        ? row['tags'].filter((t): t is string => typeof t === 'string')
        : [],
      replies: [],
      createdAt: time(row['created']),
      updatedAt: time(row['updated']),
      targets: [
        {
          side: null,
          lang: null,
          passage: null,
          sidePosition: null,
          quote: {
            exact: quote['exact'] as string,
            prefix: str(quote['prefix']) ?? '',
            suffix: str(quote['suffix']) ?? '',
          },
        },
      ],
    };
    if (typeof row['id'] === 'string') byId.set(row['id'], annotation);
    const uri = str(row['uri']) ?? str(target?.['source']) ?? '';
    let group = groups.get(uri);
    if (!group) {
      const title =
        isObject(row['document']) && Array.isArray(row['document']['title'])
          ? str(row['document']['title'][0])
          : null;
      group = {
        hints: { id: null, recordId: null, url: uri || null, title },
        record: null,
        annotations: [],
      };
      groups.set(uri, group);
    }
    group.annotations.push(annotation);
  }
  for (const reply of replies) {
    const root = byId.get(String((reply['references'] as unknown[])[0]));
    const text = str(reply['text'])?.trim();
    if (!root || !text) continue;
    root.replies.push({ createdAt: time(reply['created']), json: comment(text) });
  }
  return { format: 'hypothesis', groups: [...groups.values()], warnings };
}
