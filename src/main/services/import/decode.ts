// Turning what was sent or read into text a parser can trust: the size limit, base64, UTF-8,
// line endings, control characters and Unicode normalisation, with a sentence for whatever is
// refused.
import { fileTooLargeMessage } from '@shared/api/limits';
import { stripControls } from '@shared/text/controls';
import { badFile, tooMuch } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Refuses a file over the size limit with a message that says both sizes. */
export function assertImportSize(byteLength: number): void {
  const tooLarge = fileTooLargeMessage(byteLength);
  if (tooLarge) throw tooMuch('size', tooLarge);
}

/**
 * Turns a file's bytes into text, refusing what cannot be a record: empty files, binaries,
 * files over the size limit and text that is not valid UTF-8. Line endings become "\n", control
 * characters other than tab and newline (a stray NUL, ESC, BEL) are removed, and the text is
 * NFC-normalised so offsets stay stable across platforms.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw badFile('The file is empty.');
  assertImportSize(bytes.byteLength);
  if (looksBinary(bytes)) {
    throw badFile('This is not a text file (it contains binary data).');
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw badFile('The file is not UTF-8 text. Save it as UTF-8 and import it again.');
  }
  text = cleanText(text);
  if (text.trim().length === 0) throw badFile('The file is empty (it holds only blank space).');
  return text;
}

/** Decoded text as every importer stores it: no BOM, "\n" line ends, no controls, NFC. */
export function cleanText(text: string): string {
  return stripControls(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')).normalize('NFC');
}

/** The bytes of a file the page sent; the contract has already checked that it is base64. */
export function decodeBase64(data: string): Uint8Array {
  return Buffer.from(data, 'base64');
}

/**
 * Binary data: a NUL byte near the start (where every binary format's header is), or control
 * characters making up more than 5% of the whole file. A text with a stray NUL further on is
 * still text; the NUL is removed when it is decoded.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0 && i < 8192) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return bytes.length > 0 && control / bytes.length > 0.05;
}
