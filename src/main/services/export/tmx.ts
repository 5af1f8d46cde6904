// TMX 1.4b, the translation-memory exchange format of CAT tools (OmegaT, Trados, memoQ): one
// translation unit per aligned pair, the original as the source language. `marginalia align
// --format tmx` writes the rows it found; the record export writes a record's confirmed rows.
// Text only, escaped; characters XML 1.0 forbids are dropped.

import { ApiError } from '@shared/api/errors';
import type { RecordDocument } from '@shared/model';

/** One translation unit: a pair of texts, with an optional note (where it came from). */
export interface TmxUnit {
  original: string;
  translation: string;
  note?: string;
  /** The languages of this unit, when they differ from the memory's. */
  originalLang?: string;
  translationLang?: string;
}

export interface TmxOptions {
  originalLang: string;
  translationLang: string;
  /** TMX's segmentation: "paragraph", "sentence" or "block" (lines). */
  segtype: 'paragraph' | 'sentence' | 'block';
  /** The version written into the header's creationtoolversion. */
  toolVersion: string;
  created: Date;
}

// Control characters other than tab, line feed and carriage return, lone surrogates and the two
// non-characters are not allowed in XML 1.0.
function isXmlCharacter(code: number, text: string, at: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code === 0xfffe || code === 0xffff) return false;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(at + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = text.charCodeAt(at - 1);
    return previous >= 0xd800 && previous <= 0xdbff;
  }
  return true;
}

function xmlCharacters(text: string): string {
  let out = '';
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (isXmlCharacter(code, text, k)) out += text[k];
  }
  return out;
}

function escape(text: string): string {
  return xmlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** TMX's date form: 20250101T120000Z. */
function tmxDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A TMX 1.4b document holding `units`. */
export function renderTmx(units: readonly TmxUnit[], options: TmxOptions): string {
  const created = tmxDate(options.created);
  const source = escape(options.originalLang);
  const target = escape(options.translationLang);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    `  <header creationtool="Marginalia" creationtoolversion="${escape(options.toolVersion)}"` +
      ` segtype="${options.segtype}" o-tmf="Marginalia" adminlang="en" srclang="${source}"` +
      ` datatype="plaintext" creationdate="${created}"/>`,
    '  <body>',
  ];
  units.forEach((unit, k) => {
    lines.push(`    <tu tuid="${k + 1}">`);
    if (unit.note) lines.push(`      <note>${escape(unit.note)}</note>`);
    const unitSource = unit.originalLang ? escape(unit.originalLang) : source;
    const unitTarget = unit.translationLang ? escape(unit.translationLang) : target;
    lines.push(`      <tuv xml:lang="${unitSource}"><seg>${escape(unit.original)}</seg></tuv>`);
    lines.push(`      <tuv xml:lang="${unitTarget}"><seg>${escape(unit.translation)}</seg></tuv>`);
    lines.push('    </tu>');
  });
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}

/**
 * A translation memory of records: one unit per confirmed paragraph row (rows nobody confirmed
 * are the machine's guess and stay out), noted with the record's title and the row's number.
 * Throws when no record has a confirmed row, saying how to get one.
 */
export function renderRecordsTmx(
  records: readonly RecordDocument[],
  toolVersion: string,
  created: Date,
): string {
  const units: TmxUnit[] = [];
  for (const record of records) {
    const text = (side: 'original' | 'translation', indexes: readonly number[]): string =>
      indexes.map((k) => record[side].passages[k]?.text ?? '').join(' ');
    record.alignment.forEach((row, k) => {
      if (!row.confirmed || row.original.length === 0 || row.translation.length === 0) return;
      units.push({
        original: text('original', row.original),
        translation: text('translation', row.translation),
        note: `${record.title}, row ${k + 1}`,
        originalLang: record.original.lang,
        translationLang: record.translation.lang,
      });
    });
  }
  if (units.length === 0) {
    throw new ApiError(
      'invalid_input',
      records.length === 1
        ? 'This record has no confirmed rows yet. Confirm the rows you checked in the reader (Y), then export its translation memory.'
        : 'These records have no confirmed rows yet. Confirm the rows you checked in the reader (Y), then export their translation memory.',
    );
  }
  const first = records[0]!;
  return renderTmx(units, {
    originalLang: first.original.lang,
    translationLang: first.translation.lang,
    segtype: 'paragraph',
    toolVersion,
    created,
  });
}
