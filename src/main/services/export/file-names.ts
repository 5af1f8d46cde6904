// Names for exported files that a user recognises and every file system accepts.
import type { RecordMeta } from '@shared/model';
import { stripBidiControls } from '@shared/text/controls';

/**
 * A file-name stem a user recognises, made safe for every file system, with no direction
 * override left to make "…gnp.exe" read as "….png".
 */
export function safeFileStem(title: string): string {
  return stripBidiControls(title)
    .normalize('NFC')
    .replace(/[\\/:*?"<>|[\]\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
}

/** "<record title> - notes.md"; several records: "Marginalia - 3 records - notes.md". */
export function exportFileName(
  records: Pick<RecordMeta, 'title'> | Pick<RecordMeta, 'title'>[],
  extension: string,
  kind = 'notes',
): string {
  const list = Array.isArray(records) ? records : [records];
  const stem =
    list.length === 1
      ? safeFileStem(list[0]!.title) || 'record'
      : `Marginalia - ${list.length} records`;
  return `${stem} - ${kind}.${extension}`;
}
