import { fullCitation, formatDate } from '@shared/citation';
import { lexicalToMarkdown } from '@shared/lexical/serialized';
import type { Annotation, Category, RecordDocument } from '@shared/model';
import { languageName } from '@shared/text/language';
import { counterpartText, otherSide } from './counterpart';

/** A YAML scalar: JSON's double-quoted strings are valid YAML and escape everything needed. */
const yaml = (value: string): string => JSON.stringify(value);

/** Escapes text so Markdown shows it literally (quotes and passages are never markup). */
export function escapeMarkdownText(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`)
        .replace(
          /^(\s*)([>+-]|\d+\.)(?=\s)/gm,
          (_m, space: string, mark: string) => `${space}\\${mark}`,
        )
        .replace(/\n/g, '  \n'),
    )
    .join('\n\n');
}

function blockquote(text: string): string {
  return escapeMarkdownText(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

export interface MarkdownNotesOptions {
  record: RecordDocument;
  annotations: Annotation[];
  categories: Category[];
  exportedAt: Date;
}

/**
 * The scholar's notes on one record as Markdown: YAML front matter (for Obsidian and similar),
 * the record's title, date and full citation, then every annotation in text order with its
 * language, the quoted span, the aligned passage of the other language and the comment.
 */
export function renderMarkdownNotes(options: MarkdownNotesOptions): string {
  const { record, annotations } = options;
  const categoryName = new Map(options.categories.map((c) => [c.id, c.name]));
  const citation = fullCitation(record);
  const front = [
    '---',
    `title: ${yaml(record.title)}`,
    record.date ? `date: ${yaml(record.date)}` : null,
    record.recordId ? `record_id: ${yaml(record.recordId)}` : null,
    record.type ? `type: ${yaml(record.type)}` : null,
    record.source ? `archive_citation: ${yaml(record.source)}` : null,
    `citation: ${yaml(citation)}`,
    record.url ? `url: ${yaml(record.url)}` : null,
    `languages: [${[record.original.lang, record.translation.lang].map(yaml).join(', ')}]`,
    `exported: ${yaml(options.exportedAt.toISOString())}`,
    '---',
  ].filter((line): line is string => line !== null);

  const lines: string[] = [...front, '', `# ${escapeMarkdownText(record.title)}`, ''];
  const facts: [string, string | null][] = [
    ['Date', formatDate(record.date)],
    ['Type', record.type],
    ['Record ID', record.recordId],
    ['Source', record.source],
  ];
  for (const [label, value] of facts) {
    if (value) lines.push(`- **${label}:** ${escapeMarkdownText(value)}`);
  }
  lines.push('', `**Citation:** ${escapeMarkdownText(citation)}`, '');
  if (record.summary) lines.push(`**Summary:** ${escapeMarkdownText(record.summary)}`, '');
  if (record.rights) lines.push(`**Rights:** ${escapeMarkdownText(record.rights)}`, '');

  lines.push(`## Notes (${annotations.length})`, '');
  if (annotations.length === 0) lines.push('_No annotations yet._', '');

  annotations.forEach((annotation, n) => {
    const first = annotation.targets[0];
    const heading = first ? `“${first.quote.exact}”` : '(no text)';
    lines.push(`### ${n + 1}. ${escapeMarkdownText(truncate(heading, 80))}`, '');
    for (const target of annotation.targets) {
      const lang = record[target.side].lang;
      const otherLang = record[otherSide(target.side)].lang;
      lines.push(blockquote(target.quote.exact), '');
      lines.push(`- **Language:** ${languageName(lang)} (${target.side})`);
      if (target.orphaned) {
        lines.push('- **Status:** orphaned: the text changed and this span needs re-attaching');
      }
      const counterpart = target.orphaned
        ? ''
        : counterpartText(record, target.side, target.passageIndex);
      lines.push(
        `- **Aligned ${languageName(otherLang)} passage:** ` +
          (counterpart ? escapeMarkdownText(counterpart) : '_none (this line has no counterpart)_'),
      );
    }
    lines.push(
      `- **Category:** ${escapeMarkdownText(categoryName.get(annotation.categoryId) ?? annotation.categoryId)}`,
    );
    lines.push('');
    const comment = lexicalToMarkdown(annotation.comment.json);
    if (comment) lines.push(comment, '');
  });
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…”`;
}

/** A file name a user recognises: the record's title, made safe for every file system. */
export function exportFileName(record: RecordDocument, extension: string): string {
  const base = record.title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|[\]\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return `${base || 'record'} - notes.${extension}`;
}
