// What every output must carry: the record's full citation and its rights statement.
import { describe, expect, it } from 'vitest';
import { exportRecords } from '../../../src/main/services/export/run';
import { fullCitation } from '../../../src/shared/citation';
import { EXPORT_FORMAT_INFO, type ExportFormat } from '../../../src/shared/export-formats';
import { annotatedLibrary } from './support';

const TEXT_FORMATS: ExportFormat[] = ['md', 'csv', 'json', 'jsonld', 'tei', 'html', 'csl', 'bib'];

/** The text as a reader of the format sees it: entities, escapes and JSON quoting undone. */
function plain(format: ExportFormat, content: string): string {
  const decoded =
    format === 'json' || format === 'jsonld' || format === 'csl'
      ? JSON.stringify(JSON.parse(content), (_k, v: unknown) => v)
          .replace(/\\n/g, '\n')
          .replace(/\\"/g, '"')
      : content
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&')
          .replace(/\\([\\[\]{}%&$#_])/g, '$1')
          .replace(/<[^>]+>/g, '');
  return decoded.replace(/\s+/g, ' ');
}

describe('every export format', () => {
  it.each(TEXT_FORMATS)('%s carries the full citation and the rights statement', async (format) => {
    const { ctx, recordId } = await annotatedLibrary();
    const record = ctx.records.get(recordId)!;
    const file = await exportRecords(ctx, { recordIds: [recordId], format });
    expect(file.mimeType).toBe(EXPORT_FORMAT_INFO[format].mimeType);
    expect(file.fileName.endsWith(`.${EXPORT_FORMAT_INFO[format].extension}`)).toBe(true);
    const text = plain(format, file.content);
    const citation = fullCitation(record).replace(/\s+/g, ' ');
    const rightsStart = record.rights!.split('\n')[0]!.slice(0, 80);
    if (format === 'csl' || format === 'bib') {
      // A reference manager builds the citation itself: every part of it is there.
      for (const part of [
        'Ciphered Telegram No. 3917',
        '1951',
        'APRF, f. 45, op. 1, d. 339, ll. 95-96',
        '110374',
      ]) {
        expect(text).toContain(part);
      }
    } else {
      expect(text).toContain(citation);
    }
    expect(text).toContain(rightsStart);
  });
});
