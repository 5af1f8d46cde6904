// Reads an archive record page saved from a browser ("Save Page As", HTML only or complete).
// The markup is parsed with parse5 and reduced to the text a reader sees; the record is then
// read from that text exactly as from a copied page, with the page's <h1>, <time> and address
// as hints. Nothing from the page is kept as HTML.
import { parseArchivePage } from './archive-page';
import { parseDateLine } from './dates';
import { assertImportSize, cleanText, looksBinary } from './decode';
import { badFile } from './errors';
import { declaredCharset, htmlToText } from './html-text';
import { assertLineCount } from './limits';
import type { ParsedRecord } from './types';

/** Decodes a saved page: a byte-order mark first, then the charset the page declares, else UTF-8. */
export function decodeHtmlFile(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw badFile('The file is empty.');
  assertImportSize(bytes.byteLength);
  let label = bomCharset(bytes);
  if (label === null) {
    if (looksBinary(bytes)) throw badFile('This is not a web page (it contains binary data).');
    // Every byte maps to one character in latin1, so the declaration can be read before the
    // real encoding is known, as browsers do.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
    label = declaredCharset(head) ?? 'utf-8';
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw badFile(`The page declares the character set “${label}”, which Marginalia cannot read.`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw badFile(
      `The page is not valid ${label.toUpperCase()} text. Save it again from the browser (“Save Page As”, Web Page, HTML only).`,
    );
  }
  return cleanText(text);
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** True when decoded text is an HTML document rather than copied page text. */
export function looksLikeHtml(text: string): boolean {
  const start = text.trimStart().slice(0, 256).toLowerCase();
  return (
    start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<!--')
  );
}

/** "1951-06-30T00:00:00Z" → "1951-06-30"; a <time>'s text ("June 30, 1951") is parsed as such. */
function timeHint(time: string | null): string | null {
  if (!time) return null;
  const iso = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T|$)/.exec(time.trim());
  return parseDateLine(iso ? iso[1]! : time);
}

/** Parses a saved archive page into a record; throws a `bad_file` ApiError when it holds none. */
export function parseArchiveHtml(html: string): ParsedRecord {
  const page = htmlToText(html);
  assertLineCount(page.lines.length);
  if (page.lines.length === 0) {
    throw badFile('This web page has no text to import (is it the record’s page?).');
  }
  const record = parseArchivePage(page.lines.join('\n'), {
    title: page.heading,
    date: timeHint(page.time),
  });
  if (record.meta.url === null && page.url) record.meta.url = page.url;
  return record;
}
