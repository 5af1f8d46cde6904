// Annotations as a CSV table: one row per annotated span (a bilingual note has two rows, one per
// language), RFC 4180 quoting with CRLF line ends, and a UTF-8 byte-order mark so that
// spreadsheet programs read Cyrillic correctly. Every row carries its record's full citation
// and rights statement, so a row copied elsewhere still says where it comes from.
import { fullCitation } from '@shared/citation';
import { lexicalToPlainText } from '@shared/lexical/plain-text';
import { deepLink } from '@shared/deep-link';
import { categoryNames, type ExportBundle } from './bundle';
import { CounterpartIndex } from './counterpart';

export const CSV_COLUMNS = [
  'record',
  'archive_record_id',
  'record_title',
  'annotation',
  'target',
  'side',
  'language',
  'passage',
  'start',
  'end',
  'quote',
  'prefix',
  'suffix',
  'counterpart',
  'category',
  'note_type',
  'tags',
  'comment',
  'follow_ups',
  'orphaned',
  'created',
  'modified',
  'link',
  'citation',
  'rights',
] as const;

const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (=, +, @, or - before a sign of a formula) gets a
 * leading apostrophe: hostile record text must not become a live formula on someone's machine.
 */
function defuse(value: string): string {
  return /^[=+@\t\r]|^-[^\s-]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : defuse(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(bundles: ExportBundle[]): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const bundle of bundles) {
    const { record } = bundle;
    const categories = categoryNames(bundle);
    const counterparts = new CounterpartIndex(record);
    const citation = fullCitation(record);
    for (const annotation of bundle.annotations) {
      const followUps = annotation.replies
        .map((r) => lexicalToPlainText(r.body.json) || r.body.text)
        .filter((t) => t !== '')
        .join('\n\n');
      annotation.targets.forEach((target, i) => {
        const row: (string | number)[] = [
          record.id,
          record.recordId ?? '',
          record.title,
          annotation.id,
          i + 1,
          target.side,
          record[target.side].lang,
          target.passageIndex,
          target.position.start,
          target.position.end,
          target.quote.exact,
          target.quote.prefix,
          target.quote.suffix,
          target.orphaned ? '' : counterparts.text(target.side, target.passageIndex),
          categories.get(annotation.categoryId) ?? annotation.categoryId,
          annotation.noteType ?? '',
          annotation.tags.join('; '),
          annotation.comment.text,
          followUps,
          target.orphaned ? 'yes' : 'no',
          new Date(annotation.createdAt).toISOString(),
          new Date(annotation.updatedAt).toISOString(),
          deepLink(record.id, annotation.id),
          citation,
          record.rights ?? '',
        ];
        lines.push(row.map(csvField).join(','));
      });
    }
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
