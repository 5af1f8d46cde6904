import { describe, expect, it } from 'vitest';
import { decodeTextFile } from '../../../src/main/services/import/decode';
import { parseRecordFile } from '../../../src/main/services/import';

describe('reading an imported file', () => {
  it('refuses an empty or blank file', () => {
    expect(() => decodeTextFile(new Uint8Array())).toThrow('The file is empty.');
    expect(() => decodeTextFile(Buffer.from(' \n\t\n'))).toThrow(/empty/);
  });

  it('refuses a 50 MB text with both sizes in the message', () => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 0x61);
    expect(() => decodeTextFile(huge)).toThrow(/too large \(50\.0 MB; the limit is 10\.0 MB\)/);
  });

  it('says how much too large a file just over the limit is, not "10.0 MB of 10.0 MB"', () => {
    const over = Buffer.alloc(10 * 1024 * 1024 + 1, 0x61);
    expect(() => decodeTextFile(over)).toThrow(
      /too large \(10,485,761 bytes; the limit is 10,485,760 bytes\)/,
    );
    const bitOver = Buffer.alloc(10 * 1024 * 1024 + 6_000, 0x61);
    expect(() => decodeTextFile(bitOver)).toThrow(
      /too large \(10\.01 MB; the limit is 10\.00 MB\)/,
    );
  });

  it('refuses binary data', () => {
    expect(() =>
      decodeTextFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
    ).toThrow(/not a text file/);
  });

  it('refuses text that is not UTF-8', () => {
    const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in Windows-1251
    expect(() => decodeTextFile(cp1251)).toThrow(/not UTF-8/);
  });

  it('drops a byte-order mark, unifies line endings and normalises to NFC', () => {
    const text = decodeTextFile(Buffer.from('\ufeffa\r\nb\rс\u0301', 'utf8'));
    expect(text).toBe('a\nb\n' + 'с\u0301'.normalize('NFC'));
  });

  it('names the file type it cannot read', () => {
    expect(() => parseRecordFile('scan.odt', Buffer.from('PK'))).toThrow(
      /cannot read “\.odt” files/,
    );
  });
});
