// The TEI header: the full bibliographic and archival description of the record — title, date,
// publisher, record ID, URL and rights; each archival citation as an msDesc whose msIdentifier
// names the repository and gives fond, opis, delo and list as <idno>s — plus the category and
// note-type taxonomies the annotations point to, the languages, the type and the summary.
import { formatDate, fullCitation, publisherOf } from '@shared/citation';
import { parseArchivalCitations, type CitationParts } from '@shared/citation-parts';
import { TRANSLATION_NOTE_LABELS, TRANSLATION_NOTE_TYPES } from '@shared/model';
import { languageName } from '@shared/text/language';
import type { ExportBundle } from '../bundle';
import { langTag } from '../lang-tag';
import { categoryId, noteTypeId } from './standoff';
import { el, textEl } from './xml';

/** Text with blank lines between paragraphs as <p>s. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => textEl('p', {}, p))
    .join('');
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function dateEl(iso: string | null, attrs: Record<string, string> = {}): string {
  if (!iso) return '';
  return ISO_DATE.test(iso)
    ? textEl('date', { ...attrs, when: iso }, formatDate(iso) ?? iso)
    : textEl('date', attrs, iso);
}

const IDNO_TYPES: [keyof CitationParts, string][] = [
  ['fond', 'fond'],
  ['opis', 'opis'],
  ['papka', 'papka'],
  ['delo', 'delo'],
  ['listy', 'list'],
];

function msDesc(parts: CitationParts, id: string): string {
  const repository = parts.archive
    ? textEl(
        'repository',
        {},
        parts.archiveName ? `${parts.archiveName} (${parts.archive})` : parts.archive,
      )
    : '';
  const idnos = [
    ...IDNO_TYPES.filter(([key]) => parts[key]).map(([key, type]) =>
      textEl('idno', { type }, String(parts[key])),
    ),
    ...parts.other.map((o) => textEl('idno', { type: o.label }, o.value)),
  ];
  // msIdentifier needs something to identify by: the citation itself when no part was found.
  const identifier =
    repository || idnos.length > 0
      ? repository + idnos.join('')
      : textEl('idno', { type: 'citation' }, parts.text);
  return el(
    'msDesc',
    { 'xml:id': id },
    el('msIdentifier', {}, identifier) + el('p', {}, textEl('bibl', {}, parts.text)),
  );
}

function taxonomies(bundle: ExportBundle, prefix: string): string {
  const categories = bundle.categories.map((c) =>
    el('category', { 'xml:id': categoryId(prefix, c.id) }, textEl('catDesc', {}, c.name)),
  );
  const noteTypes = TRANSLATION_NOTE_TYPES.map((t) =>
    el(
      'category',
      { 'xml:id': noteTypeId(prefix, t) },
      textEl('catDesc', {}, TRANSLATION_NOTE_LABELS[t]),
    ),
  );
  return el(
    'encodingDesc',
    {},
    el(
      'classDecl',
      {},
      el('taxonomy', { 'xml:id': `${prefix}categories` }, categories.join('')) +
        el('taxonomy', { 'xml:id': `${prefix}note-types` }, noteTypes.join('')),
    ),
  );
}

export function teiHeader(bundle: ExportBundle, prefix: string): string {
  const { record } = bundle;
  const publisher = publisherOf(record);
  const exported = bundle.exportedAt.toISOString();
  const titleStmt = el(
    'titleStmt',
    {},
    textEl('title', {}, record.title) +
      el(
        'respStmt',
        {},
        textEl('resp', {}, 'Translation') +
          (record.translator
            ? textEl('name', { role: 'translator' }, record.translator)
            : textEl(
                'name',
                {},
                publisher ? `as published by the ${publisher}` : 'as given in the source',
              )),
      ) +
      (record.contributor
        ? el(
            'respStmt',
            {},
            textEl('resp', {}, 'Contributed to the archive') +
              textEl('name', { role: 'contributor' }, record.contributor),
          )
        : '') +
      el(
        'respStmt',
        {},
        textEl('resp', {}, 'Alignment, annotation and TEI encoding') +
          textEl('name', {}, `${bundle.generator.name} ${bundle.generator.version}`),
      ),
  );
  const publicationStmt = el(
    'publicationStmt',
    {},
    textEl('authority', {}, `Exported with ${bundle.generator.name} ${bundle.generator.version}`) +
      textEl('idno', { type: 'marginalia' }, record.id) +
      (record.recordId ? textEl('idno', { type: 'record-id' }, record.recordId) : '') +
      (record.url ? textEl('idno', { type: 'URI' }, record.url) : '') +
      (record.rights ? el('availability', {}, el('licence', {}, paragraphs(record.rights))) : '') +
      textEl('date', { when: exported }, exported.slice(0, 10)),
  );
  const bibl = el(
    'bibl',
    { type: 'record' },
    textEl('title', {}, record.title) +
      dateEl(record.date) +
      (publisher ? textEl('publisher', {}, publisher) : '') +
      (record.recordId ? textEl('idno', { type: 'record-id' }, record.recordId) : '') +
      (record.url ? textEl('ref', { target: record.url }, record.url) : '') +
      dateEl(record.uploaded, { type: 'uploaded' }) +
      (record.source ? textEl('note', { type: 'archival-citation' }, record.source) : ''),
  );
  const citations = parseArchivalCitations(record.source).map((parts, i) =>
    msDesc(parts, `${prefix}source-${i + 1}`),
  );
  const sourceDesc = el(
    'sourceDesc',
    {},
    textEl('bibl', { type: 'citation' }, fullCitation(record)) + bibl + citations.join(''),
  );
  const languages = [...new Set([record.original.lang, record.translation.lang])].map((lang) =>
    textEl('language', { ident: langTag(lang) }, languageName(lang)),
  );
  const profileDesc = el(
    'profileDesc',
    {},
    (record.summary ? el('abstract', {}, textEl('p', {}, record.summary)) : '') +
      el('langUsage', {}, languages.join('')) +
      (record.type
        ? el(
            'textClass',
            {},
            el('keywords', {}, textEl('term', { type: 'record-type' }, record.type)),
          )
        : ''),
  );
  return el(
    'teiHeader',
    {},
    `\n${el('fileDesc', {}, titleStmt + publicationStmt + sourceDesc)}\n${taxonomies(bundle, prefix)}\n${profileDesc}\n`,
  );
}
