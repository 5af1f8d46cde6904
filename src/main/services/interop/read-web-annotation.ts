// Reads W3C Web Annotation JSON-LD: a single annotation, an array of them, an AnnotationPage or an
// AnnotationCollection (pages embedded in `first`, later ones under `@included` and reached
// through `next`). Bodies become the comment (commenting), follow-ups (replying), tags (tagging)
// and the category or translation-note type (classifying); targets keep their quote and, for
// Marginalia's own texts, their position.
import {
  TRANSLATION_NOTE_LABELS,
  TRANSLATION_NOTE_TYPES,
  type TranslationNoteType,
} from '@shared/model';
import { annotationIdFromIri, categoryIdFromIri, parseSideIri } from '../export/iris';
import { htmlToLexical } from './html-to-lexical';
import { lexicalFromPlainText } from './lexical-build';
import type {
  ImportedAnnotation,
  ImportedGroup,
  ImportedTarget,
  ParsedAnnotationFile,
} from './model';

type Json = Record<string, unknown>;

export const MAX_IMPORTED_ANNOTATIONS = 100_000;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function hasType(value: unknown, type: string): boolean {
  if (!isObject(value)) return false;
  return asArray(value['type'] ?? value['@type']).includes(type);
}

function time(value: unknown): number | null {
  const text = str(asArray(value)[0]);
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** True for JSON that looks like Web Annotation (its context or types). */
export function looksLikeWebAnnotation(value: unknown): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  if (!isObject(first)) return false;
  const context = JSON.stringify(first['@context'] ?? '');
  return (
    context.includes('www.w3.org/ns/anno') ||
    ['Annotation', 'AnnotationCollection', 'AnnotationPage'].some((t) => hasType(first, t))
  );
}

/** Every annotation object in the document, pages followed in order. */
function collectAnnotations(root: unknown): Json[] {
  const items: Json[] = [];
  const included = new Map<string, Json>();
  if (isObject(root)) {
    for (const node of asArray(root['@included'])) {
      if (isObject(node) && typeof node['id'] === 'string') included.set(node['id'], node);
    }
  }
  const seenPages = new Set<Json>();
  const page = (value: unknown): void => {
    let current: unknown = value;
    while (current !== undefined && current !== null) {
      const node = typeof current === 'string' ? included.get(current) : current;
      if (!isObject(node) || seenPages.has(node)) return;
      seenPages.add(node);
      for (const item of asArray(node['items'])) visit(item);
      current = node['next'];
    }
  };
  const visit = (value: unknown): void => {
    if (items.length > MAX_IMPORTED_ANNOTATIONS) return;
    if (Array.isArray(value)) value.forEach(visit);
    else if (hasType(value, 'AnnotationCollection')) page((value as Json)['first']);
    else if (hasType(value, 'AnnotationPage')) page(value);
    else if (isObject(value) && (hasType(value, 'Annotation') || 'target' in value))
      items.push(value);
  };
  visit(root);
  return items;
}

function noteTypeFrom(value: string): TranslationNoteType | null {
  const type = TRANSLATION_NOTE_TYPES.find(
    (t) => t === value || TRANSLATION_NOTE_LABELS[t].toLowerCase() === value.toLowerCase(),
  );
  return type ?? null;
}

function commentOf(body: Json): string | null {
  const value = str(body['value']) ?? '';
  const format = str(asArray(body['format'])[0]) ?? 'text/plain';
  return /html/i.test(format) ? htmlToLexical(value) : lexicalFromPlainText(value);
}

function readBodies(annotation: Json, into: ImportedAnnotation): void {
  const bodyValue = str(annotation['bodyValue']);
  if (bodyValue) into.comment = lexicalFromPlainText(bodyValue);
  for (const raw of asArray(annotation['body'])) {
    const body = isObject(raw) && hasType(raw, 'Choice') ? asArray(raw['items'])[0] : raw;
    if (!isObject(body)) continue;
    const purposes = asArray(body['purpose']).filter((p): p is string => typeof p === 'string');
    const value = str(body['value']) ?? '';
    if (purposes.includes('tagging')) {
      if (value.trim()) into.tags.push(value.trim());
    } else if (purposes.includes('classifying')) {
      const iri = str(body['source']) ?? str(body['id']);
      const category = iri ? categoryIdFromIri(iri) : null;
      const noteType = noteTypeFrom(value);
      if (category) into.categoryId = category;
      else if (noteType) into.noteType = noteType;
      else if (!into.categoryName && value) into.categoryName = value;
    } else if (purposes.includes('replying')) {
      into.replies.push({ createdAt: time(body['created']), json: commentOf(body) });
    } else if (purposes.includes('identifying') && !purposes.includes('commenting')) {
      continue;
    } else if (hasType(body, 'TextualBody') || 'value' in body) {
      const comment = commentOf(body);
      if (into.comment === null) into.comment = comment;
      else into.replies.push({ createdAt: time(body['created']), json: comment });
    }
  }
}

function readTarget(raw: unknown): { target: ImportedTarget; source: string | null } | null {
  if (!isObject(raw)) return null;
  const source = raw['source'];
  const sourceId = str(source) ?? (isObject(source) ? str(source['id']) : null);
  const lang = isObject(source) ? str(asArray(source['language'])[0]) : null;
  const ours = sourceId ? parseSideIri(sourceId) : null;
  const selectors: Json[] = [];
  const gather = (value: unknown): void => {
    for (const s of asArray(value)) {
      if (!isObject(s)) continue;
      selectors.push(s);
      gather(s['refinedBy']);
    }
  };
  gather(raw['selector']);
  const quoteSelector = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  const positionSelector = selectors.find((s) => hasType(s, 'TextPositionSelector'));
  const quote =
    quoteSelector && typeof quoteSelector['exact'] === 'string'
      ? {
          exact: quoteSelector['exact'],
          prefix: str(quoteSelector['prefix']) ?? '',
          suffix: str(quoteSelector['suffix']) ?? '',
        }
      : null;
  const start = Number(positionSelector?.['start']);
  const end = Number(positionSelector?.['end']);
  // A position counts only in a text we know: Marginalia's own side texts.
  const sidePosition =
    ours && Number.isInteger(start) && Number.isInteger(end) && end > start && start >= 0
      ? { start, end }
      : null;
  if (!quote && !sidePosition) return null;
  return {
    target: { side: ours?.side ?? null, lang, passage: null, sidePosition, quote },
    source: ours ? `marginalia:${ours.recordId}` : sourceId,
  };
}

export function readWebAnnotation(document: unknown): ParsedAnnotationFile {
  const groups = new Map<string, ImportedGroup>();
  const warnings: string[] = [];
  const annotations = collectAnnotations(document);
  if (annotations.length > MAX_IMPORTED_ANNOTATIONS) {
    warnings.push(`Only the first ${MAX_IMPORTED_ANNOTATIONS} annotations were read.`);
  }
  annotations.slice(0, MAX_IMPORTED_ANNOTATIONS).forEach((raw, n) => {
    const annotation: ImportedAnnotation = {
      id: typeof raw['id'] === 'string' ? annotationIdFromIri(raw['id']) : null,
      categoryId: null,
      categoryName: null,
      noteType: null,
      comment: null,
      tags: [],
      replies: [],
      createdAt: time(raw['created']),
      updatedAt: time(raw['modified']),
      targets: [],
    };
    readBodies(raw, annotation);
    if (!annotation.categoryId && asArray(raw['motivation']).includes('questioning'))
      annotation.categoryId = 'question';
    let source: string | null = null;
    for (const t of asArray(raw['target'])) {
      const read = readTarget(t);
      if (!read) continue;
      annotation.targets.push(read.target);
      source ??= read.source;
    }
    if (annotation.targets.length === 0) {
      warnings.push(
        `Annotation ${n + 1} has no text selector (a note on a whole page?); it was skipped.`,
      );
      return;
    }
    const key = source ?? '';
    let group = groups.get(key);
    if (!group) {
      const ours = key.startsWith('marginalia:') ? key.slice('marginalia:'.length) : null;
      group = {
        hints: { id: ours, recordId: null, url: ours ? null : key || null, title: null },
        record: null,
        annotations: [],
      };
      groups.set(key, group);
    }
    group.annotations.push(annotation);
  });
  return { format: 'jsonld', groups: [...groups.values()], warnings };
}
