// The scholar's notes as Markdown: front matter for Obsidian and similar tools, then each
// record's notes in text order with their quotes, counterparts, tags and replies.
import { fullCitation, formatDate } from '@shared/citation';
import { deepLink } from '@shared/deep-link';
import { escapeMarkdown, lexicalToMarkdown } from '@shared/lexical/markdown';
import { TRANSLATION_NOTE_LABELS, type CatalogueFields } from '@shared/model';
import { FRONT_MATTER_KEYS, portableRecord } from '@shared/portable-record';
import { languageName } from '@shared/text/language';
import { categoryNames, type ExportAnnotation, type ExportBundle } from './bundle';
import { CounterpartIndex, otherSide } from './counterpart';

/** A YAML scalar: JSON's double-quoted strings are valid YAML and escape everything needed. */
const yaml = (value: string): string => JSON.stringify(value);

function blockquote(text: string): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** An Obsidian-style tag: no spaces, no punctuation but - _ /. */
export function tagSlug(tag: string): string {
  return tag
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_/-]/gu, '');
}

function frontMatter(bundles: ExportBundle[]): string[] {
  const tags = [
    ...new Set(bundles.flatMap((b) => b.annotations.flatMap((a) => a.tags.map(tagSlug)))),
  ].filter((t) => t !== '');
  const exported = bundles[0]!.exportedAt.toISOString();
  const tagLine = `tags: [${tags.map(yaml).join(', ')}]`;
  if (bundles.length > 1) {
    return [
      '---',
      `title: ${yaml(`Notes on ${bundles.length} records`)}`,
      `records: [${bundles.map((b) => yaml(b.record.id)).join(', ')}]`,
      tagLine,
      `exported: ${yaml(exported)}`,
      '---',
    ];
  }
  const { record } = bundles[0]!;
  const portable = portableRecord(record);
  // The catalogue fields a reader of notes wants, under their front-matter names; empty ones
  // are left out (the title never is).
  const fields = (...keys: (keyof CatalogueFields)[]): string[] =>
    keys.flatMap((key) =>
      key === 'title' || portable[key]
        ? [`${FRONT_MATTER_KEYS[key]}: ${yaml(portable[key] ?? '')}`]
        : [],
    );
  return [
    '---',
    ...fields('title', 'date', 'recordId', 'type', 'source', 'translator', 'contributor'),
    `citation: ${yaml(fullCitation(record))}`,
    ...fields('url'),
    `marginalia: ${yaml(deepLink(record.id))}`,
    `languages: [${[portable.original.lang, portable.translation.lang].map(yaml).join(', ')}]`,
    tagLine,
    `exported: ${yaml(exported)}`,
    '---',
  ];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…”`;
}

/** What the lines of one record's annotations look up, computed once per record. */
class RecordLookups {
  readonly categories: Map<string, string>;
  private readonly counterparts: CounterpartIndex;
  private readonly escaped = new Map<string, string>();
  readonly language: Record<'original' | 'translation', string>;

  constructor(bundle: ExportBundle) {
    this.categories = categoryNames(bundle);
    this.counterparts = new CounterpartIndex(bundle.record);
    this.language = {
      original: languageName(bundle.record.original.lang),
      translation: languageName(bundle.record.translation.lang),
    };
  }

  /** The aligned passage of the other language, escaped ("" when there is none). */
  counterpart(side: 'original' | 'translation', passageIndex: number): string {
    const key = `${side}:${passageIndex}`;
    let text = this.escaped.get(key);
    if (text === undefined) {
      text = escapeMarkdown(this.counterparts.text(side, passageIndex));
      this.escaped.set(key, text);
    }
    return text;
  }
}

function annotationLines(
  bundle: ExportBundle,
  annotation: ExportAnnotation,
  n: number,
  level: string,
  lookups: RecordLookups,
): string[] {
  const { record } = bundle;
  const categories = lookups.categories;
  const first = annotation.targets[0];
  const heading = first ? `“${first.quote.exact}”` : '(no text)';
  const lines = [`${level} ${n}. ${escapeMarkdown(truncate(heading, 80))}`, ''];
  for (const target of annotation.targets) {
    lines.push(blockquote(target.quote.exact), '');
    lines.push(`- **Language:** ${lookups.language[target.side]} (${target.side})`);
    if (target.orphaned) {
      lines.push('- **Status:** orphaned: the text changed and this span needs re-attaching');
    }
    const counterpart = target.orphaned
      ? ''
      : lookups.counterpart(target.side, target.passageIndex);
    lines.push(
      `- **Aligned ${lookups.language[otherSide(target.side)]} passage:** ` +
        (counterpart || '_none (this line has no counterpart)_'),
      '',
    );
  }
  lines.push(
    `- **Category:** ${escapeMarkdown(categories.get(annotation.categoryId) ?? annotation.categoryId)}`,
  );
  if (annotation.noteType) {
    lines.push(`- **Note type:** ${TRANSLATION_NOTE_LABELS[annotation.noteType]}`);
  }
  if (annotation.tags.length > 0) {
    lines.push(`- **Tags:** ${annotation.tags.map((t) => `#${tagSlug(t)}`).join(' ')}`);
  }
  lines.push(`- **Link:** [Open in Marginalia](<${deepLink(record.id, annotation.id)}>)`, '');
  const comment = lexicalToMarkdown(annotation.comment.json);
  if (comment) lines.push(comment, '');
  for (const reply of annotation.replies) {
    const body = lexicalToMarkdown(reply.body.json) || escapeMarkdown(reply.body.text);
    if (!body) continue;
    const when = new Date(reply.createdAt).toISOString().slice(0, 10);
    lines.push(`**Follow-up, ${when}:**`, '', body, '');
  }
  return lines;
}

function recordLines(bundle: ExportBundle, h: string): string[] {
  const { record, annotations } = bundle;
  const lookups = new RecordLookups(bundle);
  const citation = fullCitation(record);
  const lines: string[] = [`${h} ${escapeMarkdown(record.title)}`, ''];
  const facts: [string, string | null][] = [
    ['Date', formatDate(record.date)],
    ['Type', record.type],
    ['Record ID', record.recordId],
    ['Source', record.source],
    ['Translator', record.translator],
    ['Contributor', record.contributor],
    ['URL', record.url],
  ];
  for (const [label, value] of facts) {
    if (value) lines.push(`- **${label}:** ${escapeMarkdown(value)}`);
  }
  lines.push('', `**Citation:** ${escapeMarkdown(citation)}`, '');
  if (record.summary) lines.push(`**Summary:** ${escapeMarkdown(record.summary)}`, '');
  if (record.rights) lines.push(`**Rights:** ${escapeMarkdown(record.rights)}`, '');

  lines.push(`${h}# Notes (${annotations.length})`, '');
  if (annotations.length === 0) lines.push('_No annotations yet._', '');
  annotations.forEach((annotation, n) => {
    lines.push(...annotationLines(bundle, annotation, n + 1, `${h}##`, lookups));
  });

  if (bundle.glossary.length > 0) {
    lines.push(`${h}# Glossary`, '');
    for (const entry of bundle.glossary) {
      const renderings = entry.renderings.map(escapeMarkdown).join('; ');
      const note = entry.note ? ` — ${escapeMarkdown(entry.note)}` : '';
      lines.push(
        `- **${escapeMarkdown(entry.term)}**${renderings ? `: ${renderings}` : ''}${note}`,
      );
    }
    lines.push('');
  }
  if (bundle.entities.length > 0) {
    lines.push(`${h}# People, places and organisations`, '');
    for (const entity of bundle.entities) {
      const variants = entity.names
        .map((n) => n.text)
        .filter((t) => t !== entity.name)
        .map(escapeMarkdown);
      lines.push(
        `- **${escapeMarkdown(entity.name)}** (${entity.kind})` +
          (variants.length > 0 ? `: also ${variants.join(', ')}` : ''),
      );
    }
    lines.push('');
  }
  return lines;
}

/**
 * The scholar's notes as Markdown: YAML front matter (for Obsidian and similar), each record's
 * title, facts and full citation, then every annotation in text order with its language, the
 * quoted span, the aligned passage of the other language, category, tags, comment and a link
 * that opens the app at the span.
 */
export function renderMarkdown(bundles: ExportBundle[]): string {
  if (bundles.length === 0) throw new RangeError('Nothing to export');
  const lines = [...frontMatter(bundles), ''];
  if (bundles.length > 1) lines.push(`# Notes on ${bundles.length} records`, '');
  for (const bundle of bundles) lines.push(...recordLines(bundle, bundles.length > 1 ? '##' : '#'));
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
