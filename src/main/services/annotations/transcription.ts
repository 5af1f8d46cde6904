// Correcting a passage's transcription (a typo in the archive's text, or a word OCR misread). The
// edit, the re-anchoring of the record's annotations and, for a scan, the offsets of its line
// boxes and doubtful words happen in one transaction: all or nothing.
import { ApiError } from '@shared/api/errors';
import { spansAfterEdit } from '@shared/scans/after-edit';
import type { Annotation, Passage, ReanchorReport } from '@shared/model';
import type { AppContext } from '../context';
import { reanchorRecord } from './reanchor';

export interface PassageEdit {
  passage: Passage;
  previousText: string;
  report: ReanchorReport;
  /** The annotations the edit moved or orphaned, as now stored (the change a client applies). */
  annotations: Annotation[];
}

/** Replaces one passage's text and re-anchors the record's annotations. */
export function editPassageText(ctx: AppContext, passageId: number, text: string): PassageEdit {
  const passage = ctx.records.passage(passageId);
  if (!passage) throw new ApiError('not_found', `There is no passage ${passageId}.`);
  const normalised = text.normalize('NFC').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') {
    throw new ApiError(
      'invalid_input',
      'A passage cannot be left empty; correct its words instead (an alignment fix can remove a passage).',
      [{ path: 'text', message: 'empty' }],
    );
  }
  if (hasControlCharacters(normalised)) {
    throw new ApiError('invalid_input', 'The text holds control characters; type plain text.', [
      { path: 'text', message: 'control characters' },
    ]);
  }
  const report = ctx.transaction(() => {
    ctx.records.setPassageText(passageId, passage.recordId, normalised, ctx.now());
    const spans = ctx.facsimile.passageSpans(passageId);
    if (spans) {
      ctx.facsimile.setPassageSpans(passageId, spansAfterEdit(passage.text, normalised, spans));
    }
    return reanchorRecord(ctx, passage.recordId);
  });
  const { recordId: _recordId, ...stored } = ctx.records.passage(passageId)!;
  const annotations = report.changedAnnotationIds.map((id) => ctx.annotations.get(id)!);
  return { passage: stored, previousText: passage.text, report, annotations };
}

/** C0 control characters other than tab and line feed (never part of a transcription). */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a) return true;
  }
  return false;
}
