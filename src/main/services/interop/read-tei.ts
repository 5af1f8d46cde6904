// Reads TEI: Marginalia's own editions (header, both texts with anchors, the alignment and the
// stand-off annotations come back whole) and plain TEI with the original and the translation as
// two <div>s with xml:lang (the texts and the catalogue data come in; the aligner pairs them).
// A <teiCorpus> holds several records.
import {
  TRANSLATION_NOTE_TYPES,
  type AlignmentGroup,
  type Side,
  type TranslationNoteType,
} from '@shared/model';
import { creditsFor } from '../import/credits';
import type {
  ImportedAnnotation,
  ImportedGroup,
  ImportedRecord,
  ImportedTarget,
  ParsedAnnotationFile,
} from './model';
import { teiToLexical } from './tei-to-lexical';
import {
  childElements,
  descendants,
  firstDescendant,
  parseXml,
  textContent,
  type XmlElement,
  type XmlNode,
} from './xml-parse';

export class TeiError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BLOCKS = new Set(['p', 'ab', 'l', 'head']);
/** Editorial apparatus inside a paragraph that is not the paragraph's text. */
const NOT_TEXT = new Set(['note', 'fw', 'pb', 'cb', 'figure', 'del']);

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
const text = (element: XmlElement | null): string | null =>
  element ? squash(textContent(element)) || null : null;

function time(value: string | undefined): number | null {
  const ms = Date.parse(value ?? '');
  return Number.isFinite(ms) ? ms : null;
}

function byType(parent: XmlElement | null, name: string, type: string): XmlElement | null {
  return parent ? (descendants(parent, name).find((e) => e.attrs['type'] === type) ?? null) : null;
}

/** Plain TEI paragraph text: line breaks are spaces, notes and page breaks are left out. */
function plainText(node: XmlNode): string {
  if (typeof node === 'string') return node;
  if (node.name === 'lb') return ' ';
  if (NOT_TEXT.has(node.name)) return '';
  return node.children.map(plainText).join('');
}

interface AnchorPlace {
  side: Side;
  passage: number;
  offset: number;
}

/** A passage's exact text, and where each anchor inside it sits. */
function passageText(
  p: XmlElement,
  side: Side,
  index: number,
  anchors: Map<string, AnchorPlace>,
): string {
  let out = '';
  const walk = (node: XmlNode): void => {
    if (typeof node === 'string') {
      out += node;
      return;
    }
    if (node.name === 'anchor' && node.attrs['xml:id']) {
      anchors.set(node.attrs['xml:id'], { side, passage: index, offset: out.length });
      return;
    }
    node.children.forEach(walk);
  };
  p.children.forEach(walk);
  return out;
}

/** The two language divisions: typed original/translation, else the first two with xml:lang. */
function languageDivs(body: XmlElement): { original: XmlElement; translation: XmlElement } | null {
  const divs = descendants(body, 'div').filter((d) => d.attrs['xml:lang']);
  const typed = (type: string) => divs.find((d) => d.attrs['type'] === type);
  if (typed('original') && typed('translation'))
    return { original: typed('original')!, translation: typed('translation')! };
  // Outermost divisions only: a division inside another belongs to it.
  const outer = divs.filter((d) => !divs.some((o) => o !== d && descendants(o, 'div').includes(d)));
  const distinct = outer.filter(
    (d, i) => outer.findIndex((o) => o.attrs['xml:lang'] === d.attrs['xml:lang']) === i,
  );
  if (distinct.length < 2) return null;
  const [a, b] = distinct as [XmlElement, XmlElement];
  const english = (d: XmlElement) => /^en\b/i.test(d.attrs['xml:lang']!);
  return english(a) && !english(b)
    ? { original: b, translation: a }
    : { original: a, translation: b };
}

function blocksOf(div: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const child of childElements(e)) {
      if (BLOCKS.has(child.name)) out.push(child);
      else if (!NOT_TEXT.has(child.name)) walk(child);
    }
  };
  walk(div);
  return out;
}

function header(tei: XmlElement): ImportedRecord['meta'] {
  const teiHeader = firstDescendant(tei, 'teiHeader');
  const titleStmt = teiHeader ? firstDescendant(teiHeader, 'titleStmt') : null;
  const sourceDesc = teiHeader ? firstDescendant(teiHeader, 'sourceDesc') : null;
  const publicationStmt = teiHeader ? firstDescendant(teiHeader, 'publicationStmt') : null;
  const record = byType(sourceDesc, 'bibl', 'record');
  const creation = teiHeader ? firstDescendant(teiHeader, 'creation') : null;
  // The document's date: the record's, the source's or its creation's; never the file's own.
  const dates = [record, sourceDesc, creation].flatMap((e) => (e ? descendants(e, 'date') : []));
  const date = dates.find(
    (d) =>
      d.attrs['type'] !== 'uploaded' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d.attrs['when'] ?? ''),
  );
  const licence = teiHeader ? firstDescendant(teiHeader, 'availability') : null;
  // Paragraphs of the rights statement stay paragraphs.
  const licenceParagraphs = licence
    ? descendants(licence, 'p')
        .map((p) => squash(textContent(p)))
        .filter(Boolean)
    : [];
  const url = record
    ? firstDescendant(record, 'ref')?.attrs['target']
    : byType(publicationStmt, 'idno', 'URI')
      ? text(byType(publicationStmt, 'idno', 'URI'))
      : null;
  const source =
    text(byType(sourceDesc, 'note', 'archival-citation')) ??
    (record ? null : text(sourceDesc ? firstDescendant(sourceDesc, 'bibl') : null));
  return {
    title: text(titleStmt ? firstDescendant(titleStmt, 'title') : null) ?? 'Untitled TEI document',
    date: date?.attrs['when'] ?? null,
    recordId: text(byType(teiHeader, 'idno', 'record-id')),
    type: text(byType(teiHeader, 'term', 'record-type')),
    source,
    rights: licenceParagraphs.length > 0 ? licenceParagraphs.join('\n\n') : text(licence),
    summary: text(teiHeader ? firstDescendant(teiHeader, 'abstract') : null),
    url: url ?? null,
    uploaded:
      (record
        ? descendants(record, 'date').find((d) => d.attrs['type'] === 'uploaded')?.attrs['when']
        : undefined) ?? null,
    ...creditsFor(source, {
      translator: responsible(titleStmt, 'translator'),
      contributor: responsible(titleStmt, 'contributor'),
    }),
  };
}

/** The person a <respStmt> names in a role (<name role="translator">), if any. */
function responsible(titleStmt: XmlElement | null, role: string): string | null {
  if (!titleStmt) return null;
  const name = descendants(titleStmt, 'name').find((n) => n.attrs['role'] === role);
  return text(name ?? null);
}

/**
 * The alignment from the rows a file gives, in its order; a passage named twice stays in its
 * first row, and passages no row names become one-sided rows where their order puts them.
 */
export function completeAlignment(
  given: AlignmentGroup[],
  originals: number,
  translations: number,
): AlignmentGroup[] {
  const used = { original: new Set<number>(), translation: new Set<number>() };
  const rows: AlignmentGroup[] = [];
  for (const row of given) {
    const original = row.original.filter((i) => i < originals && !used.original.has(i));
    const translation = row.translation.filter((i) => i < translations && !used.translation.has(i));
    if (original.length + translation.length === 0) continue;
    original.forEach((i) => used.original.add(i));
    translation.forEach((i) => used.translation.add(i));
    rows.push({ ...row, original, translation });
  }
  const out: AlignmentGroup[] = [];
  const next = { original: 0, translation: 0 };
  const fill = (side: Side, until: number): void => {
    for (let i = next[side]; i < until; i++) {
      if (used[side].has(i)) continue;
      out.push({
        original: side === 'original' ? [i] : [],
        translation: side === 'translation' ? [i] : [],
        confidence: 0.5,
        confirmed: false,
      });
    }
    next[side] = Math.max(next[side], until);
  };
  for (const row of rows) {
    for (const side of ['original', 'translation'] as const) {
      if (row[side].length > 0) fill(side, Math.min(...row[side]));
    }
    out.push(row);
    for (const side of ['original', 'translation'] as const) {
      if (row[side].length > 0) next[side] = Math.max(next[side], Math.max(...row[side]) + 1);
    }
  }
  fill('original', originals);
  fill('translation', translations);
  return out;
}

function readOne(tei: XmlElement, warnings: string[]): ImportedGroup {
  const body = firstDescendant(tei, 'body');
  if (!body) throw new TeiError('This TEI document has no <text><body>.');
  const divs = languageDivs(body);
  if (!divs) {
    throw new TeiError(
      'This TEI document has no two language divisions: Marginalia needs the original and the translation as <div xml:lang="…"> elements.',
    );
  }
  const ours = descendants(tei, 'idno').some((i) => i.attrs['type'] === 'marginalia');
  const anchors = new Map<string, AnchorPlace>();
  const passageIds = new Map<string, { side: Side; index: number }>();
  const side = (which: Side) => {
    const div = divs[which];
    const paragraphs = blocksOf(div).map((p, index) => {
      if (p.attrs['xml:id']) passageIds.set(p.attrs['xml:id'], { side: which, index });
      return ours ? passageText(p, which, index, anchors) : squash(plainText(p));
    });
    // Our passages keep their places (anchors and links count them); plain TEI drops empty ones.
    return {
      lang: div.attrs['xml:lang']!,
      paragraphs: ours ? paragraphs : paragraphs.filter((t) => t !== ''),
    };
  };
  const original = side('original');
  const translation = side('translation');
  if (original.paragraphs.length + translation.paragraphs.length === 0)
    throw new TeiError('The language divisions of this TEI document hold no text.');
  const meta = header(tei);
  const group: ImportedGroup = {
    hints: { id: null, recordId: meta.recordId, url: meta.url, title: meta.title },
    record: { meta, original, translation, alignment: null },
    annotations: [],
  };
  if (!ours) return group;

  const rows = descendants(tei, 'linkGrp')
    .filter((g) => g.attrs['type'] === 'alignment')
    .flatMap((g) => childElements(g).filter((c) => c.name === 'link' || c.name === 'ptr'))
    .map((row): AlignmentGroup => {
      const targets = (row.attrs['target'] ?? '')
        .split(/\s+/)
        .map((t) => passageIds.get(t.replace(/^#/, '')))
        .filter((t) => t !== undefined);
      const cert = Number(row.attrs['cert']);
      return {
        original: targets.filter((t) => t.side === 'original').map((t) => t.index),
        translation: targets.filter((t) => t.side === 'translation').map((t) => t.index),
        confidence: Number.isFinite(cert) ? Math.min(1, Math.max(0, cert)) : 0.5,
        confirmed: (row.name === 'link' ? row.attrs['type'] : row.attrs['subtype']) === 'confirmed',
      };
    });
  group.record!.alignment = completeAlignment(
    rows,
    original.paragraphs.length,
    translation.paragraphs.length,
  );
  group.annotations = readAnnotations(tei, anchors, passageIds, warnings);
  return group;
}

function readAnnotations(
  tei: XmlElement,
  anchors: Map<string, AnchorPlace>,
  passageIds: Map<string, { side: Side; index: number }>,
  warnings: string[],
): ImportedAnnotation[] {
  const categories = new Map<string, { id: string; name: string }>();
  for (const category of descendants(tei, 'category')) {
    const id = category.attrs['xml:id'];
    const match = id ? /(?:^|-)cat-(.+)$/.exec(id) : null;
    if (id && match)
      categories.set(id, {
        id: match[1]!,
        name: text(firstDescendant(category, 'catDesc')) ?? match[1]!,
      });
  }
  const spans = new Map<string, XmlElement>();
  for (const span of descendants(tei, 'span'))
    if (span.attrs['xml:id']) spans.set(span.attrs['xml:id'], span);

  const targetOf = (spanId: string): ImportedTarget | null => {
    const span = spans.get(spanId);
    if (!span) return null;
    const quote = textContent(span);
    const from = anchors.get((span.attrs['from'] ?? '').replace(/^#/, ''));
    const to = anchors.get((span.attrs['to'] ?? '').replace(/^#/, ''));
    if (from && to && from.side === to.side && from.passage === to.passage) {
      return {
        side: from.side,
        lang: null,
        passage: { index: from.passage, start: from.offset, end: to.offset },
        sidePosition: null,
        quote: { exact: quote, prefix: '', suffix: '' },
      };
    }
    const where = passageIds.get((span.attrs['target'] ?? '').replace(/^#/, ''));
    const divSide = /(?:^|-)(original|translation)$/.exec(span.attrs['target'] ?? '')?.[1] as
      Side | undefined;
    if (!quote) return null;
    return {
      side: where?.side ?? divSide ?? null,
      lang: null,
      passage: where ? { index: where.index, start: 0, end: 0 } : null,
      sidePosition: null,
      quote: { exact: quote, prefix: '', suffix: '' },
    };
  };

  const list: ImportedAnnotation[] = [];
  for (const annotation of descendants(tei, 'annotation')) {
    const xmlId = annotation.attrs['xml:id'] ?? '';
    const uuid = /ann-(.+)$/.exec(xmlId)?.[1];
    const ana = (annotation.attrs['ana'] ?? '').split(/\s+/).map((a) => a.replace(/^#/, ''));
    const category = ana.map((a) => categories.get(a)).find((c) => c !== undefined);
    const noteType =
      ana
        .map((a) => /(?:^|-)nt-(.+)$/.exec(a)?.[1])
        .find((t): t is TranslationNoteType =>
          TRANSLATION_NOTE_TYPES.includes(t as TranslationNoteType),
        ) ?? null;
    const changes = descendants(annotation, 'change');
    const notes = childElements(annotation, 'note');
    const comment = notes.find((n) => n.attrs['type'] === 'comment');
    const targets = (annotation.attrs['target'] ?? '')
      .split(/\s+/)
      .map((t) => targetOf(t.replace(/^#/, '')))
      .filter((t): t is ImportedTarget => t !== null);
    if (targets.length === 0) {
      warnings.push(
        `The annotation ${xmlId || '(without an id)'} points at no span in the text; it was skipped.`,
      );
      continue;
    }
    list.push({
      id: uuid && UUID.test(uuid) ? uuid.toLowerCase() : null,
      categoryId: category?.id ?? null,
      categoryName: category?.name ?? null,
      noteType,
      comment: comment ? teiToLexical(comment) : null,
      tags: notes
        .filter((n) => n.attrs['type'] === 'tag')
        .map((n) => squash(textContent(n)))
        .filter(Boolean),
      replies: notes
        .filter((n) => n.attrs['type'] === 'reply')
        .map((n) => ({
          id: /reply-(.+)$/.exec(n.attrs['xml:id'] ?? '')?.[1] ?? null,
          createdAt: time(firstDescendant(n, 'date')?.attrs['when']),
          json: teiToLexical(n),
        })),
      createdAt: time(changes.find((c) => c.attrs['type'] === 'created')?.attrs['when']),
      updatedAt: time(changes.find((c) => c.attrs['type'] === 'modified')?.attrs['when']),
      targets,
    });
  }
  return list;
}

export function looksLikeTei(source: string): boolean {
  return /<(?:[\w-]+:)?(TEI|teiCorpus)[\s>]/.test(source.slice(0, 4096));
}

export function readTei(source: string): ParsedAnnotationFile {
  const root = parseXml(source);
  const documents =
    root.name === 'teiCorpus' ? descendants(root, 'TEI') : root.name === 'TEI' ? [root] : [];
  if (documents.length === 0)
    throw new TeiError(`This XML file is not TEI (its root element is <${root.name}>).`);
  const warnings: string[] = [];
  return { format: 'tei', groups: documents.map((tei) => readOne(tei, warnings)), warnings };
}
