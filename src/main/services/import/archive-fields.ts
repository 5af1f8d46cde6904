// The "Document Information" block of an archive page: labelled fields, each label on its own
// line with the value on the lines below ("Source" / "APRF, f. 45 …"), or on one line
// ("Record ID: 110374"). Fields come in any order; any may be missing or empty.
import type { ParsedMeta } from './types';

/** What a field fills: a metadata field, the language of the original, or nothing. */
type FieldTarget = keyof ParsedMeta | 'language' | 'citation' | null;

/** Labels of the block, mapped to the field they fill (null: known but not kept). */
const FIELD_LABELS: Record<string, FieldTarget> = {
  source: 'source',
  // Newer archive pages give the source line (with its credits) as "Citation".
  citation: 'citation',
  'original archive': null,
  rights: 'rights',
  'original uploaded date': 'uploaded',
  'uploaded date': 'uploaded',
  type: 'type',
  'document type': 'type',
  language: 'language',
  'original language': 'language',
  'record id': 'recordId',
  'record url': 'url',
  url: 'url',
  summary: 'summary',
  'author(s)': null,
  authors: null,
  author: null,
  'subject(s)': null,
  subjects: null,
  'subjects discussed': null,
  'theme(s)': null,
  themes: null,
  'donor(s)': null,
  donors: null,
  'funder(s)': null,
  funders: null,
  'related documents': null,
  'associated people & organizations': null,
  'associated places': null,
  'translated by': 'translator',
  translator: 'translator',
  'contributed by': 'contributor',
  contributor: 'contributor',
  keywords: null,
  contents: null,
  'original scan': null,
};

/** Fields whose value is one line; whatever follows it is not theirs. */
const ONE_LINE: ReadonlySet<FieldTarget> = new Set<FieldTarget>([
  'recordId',
  'type',
  'translator',
  'contributor',
  'uploaded',
  'url',
  'language',
]);

/** Lines of a site footer: after one of them, nothing belongs to the record. */
const FOOTER = [
  /^©/,
  /^copyright\b/i,
  /^privacy policy$/i,
  /^terms of (use|service)$/i,
  /^back to top$/i,
  /^subscribe\b/i,
  /^footer$/i,
];

export type ArchiveFields = Partial<Record<Exclude<FieldTarget, null>, string>>;

export function normaliseLabel(line: string): string {
  return line.trim().replace(/:$/, '').toLowerCase();
}

/** True when the line is one of the block's labels, alone on its line. */
export function isFieldLabel(line: string): boolean {
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, normaliseLabel(line));
}

export function isFooterLine(line: string): boolean {
  return FOOTER.some((pattern) => pattern.test(line.trim()));
}

/** "Record ID: 110374" → ["record id", "110374"], when the label is a known one. */
function inlineField(line: string): [string, string] | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const label = line.slice(0, colon).trim().toLowerCase();
  const value = line.slice(colon + 1).trim();
  if (value === '' || !Object.prototype.hasOwnProperty.call(FIELD_LABELS, label)) return null;
  return [label, value];
}

/**
 * Reads labelled fields. Values of one field join as paragraphs ("\n\n"); one-line fields keep
 * their first line; the first occurrence of a field wins; a footer line ends the block.
 */
export function readFields(lines: string[]): ArchiveFields {
  const fields: ArchiveFields = {};
  let current: FieldTarget | undefined;
  let values: string[] = [];
  const flush = (): void => {
    if (current && values.length > 0 && fields[current] === undefined) {
      fields[current] = ONE_LINE.has(current) ? values[0]! : values.join('\n\n');
    }
    values = [];
  };
  for (const line of lines) {
    if (isFooterLine(line)) break;
    if (isFieldLabel(line)) {
      flush();
      current = FIELD_LABELS[normaliseLabel(line)];
      continue;
    }
    const inline = inlineField(line);
    if (inline) {
      flush();
      current = FIELD_LABELS[inline[0]];
      values.push(inline[1]);
      continue;
    }
    if (current !== undefined) values.push(line);
  }
  flush();
  return fields;
}
