// The walls around reading an imported file, so that no file can make the reader do unbounded
// work: how many entries an archive may hold, how far its content may unpack, how many
// paragraphs a text may have. Every importer checks its input here before the expensive part
// (Word files today; the PDF and scan importers unpack their streams through the same budget),
// and each refusal is a sentence that says what was too much.
import { inflateRawSync, inflateSync } from 'node:zlib';
import { badFile, tooMuch } from './errors';

const MiB = 1024 * 1024;

/** The limits of one imported file. The README lists them for users. */
export const IMPORT_LIMITS = {
  /** Entries one archive (a .docx is a ZIP archive) may hold; Word files hold a few dozen. */
  maxArchiveEntries: 1000,
  /** Bytes one file's archive entries or streams may unpack to, together. */
  maxUnpackedBytes: 64 * MiB,
  /** Paragraphs one text (the original, or the translation) may have. */
  maxParagraphsPerText: 10_000,
  /**
   * Lines (or a Word file's paragraphs) one file may have, counted before it is parsed, so
   * that reading a huge one never starts: at most two full texts, hard-wrapped.
   */
  maxLinesPerFile: 50_000,
} as const;

const count = (n: number): string => n.toLocaleString('en');
const size = (bytes: number): string =>
  bytes < MiB ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / MiB).toFixed(1)} MB`;

/**
 * What one file may still unpack to. Every inflation of the file's content goes through one
 * budget, so a thousand small bombs add up like one big one.
 */
export class UnpackBudget {
  private used = 0;

  /** `what` names the file in refusals: "This Word file". */
  constructor(
    private readonly what: string,
    private readonly packedBytes: number,
    private readonly limit: number = IMPORT_LIMITS.maxUnpackedBytes,
  ) {}

  get unpacked(): number {
    return this.used;
  }

  /** Counts `bytes` more against the budget; refuses past the limit. */
  charge(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) throw this.refusal();
  }

  /**
   * Inflates deflate data (`raw`, as in ZIP entries, or `zlib`-wrapped, as in PDF streams),
   * never producing more than what is left: a bomb stops at the limit, whatever its headers
   * claim.
   */
  inflate(data: Uint8Array, format: 'raw' | 'zlib'): Buffer {
    const left = this.limit - this.used;
    let out: Buffer;
    try {
      const options = { maxOutputLength: Math.max(1, left + 1) };
      out = format === 'raw' ? inflateRawSync(data, options) : inflateSync(data, options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw this.refusal();
      throw badFile(`${this.what} is damaged: part of it cannot be unpacked.`);
    }
    this.charge(out.length);
    return out;
  }

  private refusal(): Error {
    return tooMuch(
      'unpacked',
      `${this.what} unpacks to more than ${size(this.limit)} (it is ${size(this.packedBytes)} packed): ` +
        'far more than any archival record, as a “decompression bomb” would. Nothing was saved.',
    );
  }
}

/** One file inside a ZIP archive, as its central directory describes it. */
export interface ArchiveEntry {
  name: string;
  /** 0: stored; 8: deflated. */
  method: number;
  packedSize: number;
  /** What the headers claim it unpacks to (a bomb may lie; `UnpackBudget` counts the truth). */
  claimedSize: number;
  headerOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * The entries of a ZIP archive, read from its central directory (found from the end, as every
 * ZIP reader finds it), refusing an archive with more entries than the limit before reading
 * them. `what` names the file in refusals.
 */
export function zipEntries(
  bytes: Uint8Array,
  what: string,
  maxEntries: number = IMPORT_LIMITS.maxArchiveEntries,
): ArchiveEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (): Error => badFile(`${what} is damaged: its table of contents cannot be read.`);
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged();
  const total = view.getUint16(end + 10, true);
  if (total === 0xffff) {
    throw tooMuch(
      'entries',
      `${what} is a ZIP64 archive, far larger than any archival record can need.`,
    );
  }
  if (total > maxEntries) {
    throw tooMuch(
      'entries',
      `${what} holds ${count(total)} parts; Marginalia reads at most ${count(maxEntries)} ` +
        '(a Word file holds a few dozen). Nothing was saved.',
    );
  }
  let at = view.getUint32(end + 16, true);
  const entries: ArchiveEntry[] = [];
  const names = new TextDecoder('utf-8');
  for (let i = 0; i < total; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw damaged();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.byteLength) throw damaged();
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      packedSize: view.getUint32(at + 20, true),
      claimedSize: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The packed bytes of one entry (after its local header). */
function packedData(bytes: Uint8Array, entry: ArchiveEntry, what: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.headerOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) {
    throw badFile(`${what} is damaged: a part of it is missing.`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.packedSize;
  if (end > bytes.byteLength) throw badFile(`${what} is damaged: a part of it is cut short.`);
  return bytes.subarray(start, end);
}

/**
 * Checks a whole ZIP archive against the limits before a library (mammoth's JSZip) unpacks it:
 * the number of entries, what the headers claim, and what each entry really unpacks to
 * (inflated within one budget, so lying headers are caught too). Returns each entry's content
 * by name, for readers that want to look inside (e.g. to count paragraphs cheaply).
 */
export function checkZipArchive(bytes: Uint8Array, what: string): Map<string, Buffer> {
  const entries = zipEntries(bytes, what);
  const budget = new UnpackBudget(what, bytes.byteLength);
  const claimed = entries.reduce((sum, e) => sum + e.claimedSize, 0);
  if (claimed > IMPORT_LIMITS.maxUnpackedBytes) budget.charge(claimed);
  const contents = new Map<string, Buffer>();
  for (const entry of entries) {
    const data = packedData(bytes, entry, what);
    if (entry.method === 0) {
      budget.charge(data.byteLength);
      contents.set(entry.name, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    } else if (entry.method === 8) {
      contents.set(entry.name, budget.inflate(data, 'raw'));
    } else {
      throw badFile(`${what} uses a kind of compression Word never writes; it cannot be read.`);
    }
  }
  return contents;
}

/** Refuses a text with more paragraphs than a record may have. */
export function assertParagraphCount(found: number, what = 'This file'): void {
  const max = IMPORT_LIMITS.maxParagraphsPerText;
  if (found <= max) return;
  throw tooMuch(
    'paragraphs',
    `${what} has ${count(found)} paragraphs; Marginalia imports at most ${count(max)} per text ` +
      '(an archival record has a few hundred). Split it into several files and import those.',
  );
}

/**
 * Refuses, before parsing, a file with more lines (`unit`: or Word paragraphs) than the limit,
 * so that a huge one costs a count, not minutes of reading.
 */
export function assertLineCount(found: number, unit = 'lines', what = 'This file'): void {
  const max = IMPORT_LIMITS.maxLinesPerFile;
  if (found <= max) return;
  throw tooMuch(
    'lines',
    `${what} has ${count(found)} ${unit}; Marginalia reads at most ${count(max)} from one file ` +
      '(an archival record has a few hundred). Split it into several files and import those.',
  );
}

/** Non-blank lines of a text, counted without parsing it. */
export function nonBlankLines(text: string): number {
  let lines = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (!blank) lines++;
      blank = true;
    } else if (blank && c !== 32 && c !== 9 && c !== 13) {
      blank = false;
    }
  }
  return blank ? lines : lines + 1;
}
