// The last step of every importer: a parsed record is let through only within the paragraph
// limit, and with no control character left in any field.
import { stripControlsDeep } from '@shared/text/controls';
import { assertParagraphCount } from './limits';
import type { ParsedRecord } from './types';

/**
 * A parsed record as it may be stored: within the paragraph limit on each side, and with no
 * control character left in any field (an HTML character reference or a Word run can still
 * carry one past the decoder).
 */
export function checkedRecord(record: ParsedRecord): ParsedRecord {
  assertParagraphCount(record.original.paragraphs.length, 'The original');
  assertParagraphCount(record.translation.paragraphs.length, 'The translation');
  return stripControlsDeep(record);
}
