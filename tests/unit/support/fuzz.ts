// The fuzz harness's raw material (issue 14): a seed corpus of every format Marginalia imports,
// and deterministic mutations of those files (byte flips, truncation, duplicated chunks,
// controls, NUL and bidi marks, deep nesting, huge line counts) driven by a seeded Prng, so a
// failure found once is found again on every run and can be replayed from its seed.
import type { Prng } from './prng';
import { wordDocumentXml, wordParagraph, wordFileOfXml } from './hostile-files';

/** How a file is built: bytes as they are, or a Word file around a document.xml we mutate. */
export type SeedShape = 'text' | 'docx';

/** The syntax family of a seed, for mutations that imitate its structure (nesting). */
export type Syntax = 'text' | 'markdown' | 'html' | 'xml' | 'json';

export interface Seed {
  /** The file name the import sees (its extension chooses the reader). */
  name: string;
  /** For `docx`, the document.xml; otherwise the file itself. */
  bytes: Buffer;
  shape: SeedShape;
  syntax: Syntax;
}

export const textSeed = (name: string, content: string | Buffer, syntax: Syntax): Seed => ({
  name,
  bytes: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
  shape: 'text',
  syntax,
});

export const docxSeed = (name: string, paragraphs: string[]): Seed => ({
  name,
  bytes: wordDocumentXml(paragraphs.map(wordParagraph).join('')),
  shape: 'docx',
  syntax: 'xml',
});

/** What a terminal, a bidi renderer or a C string would trip on, as UTF-8 (or raw) bytes. */
const HOSTILE_SEQUENCES: Buffer[] = [
  '\u0000',
  '\u001b[2J',
  '\u001b]0;pwned\u0007',
  '\u0008\u0008\u0008',
  '\u007f',
  '\u009b31m',
  '\u202e',
  '\u2066\u2069',
  '\u200f',
  '\ufeff',
  '\r',
  '\u2028',
  '\u000b\u000c',
].map((s) => Buffer.from(s, 'utf8'));
const RAW_SEQUENCES = [
  Buffer.from([0x9b]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xed, 0xa0, 0x80]), // a lone surrogate in UTF-8
  Buffer.from([0xc0, 0xae]), // an overlong '.'
  Buffer.from([0xe2, 0x80]), // a cut sequence
];
const INTERESTING_BYTES = [
  0x00, 0xff, 0x7f, 0x80, 0x3c, 0x3e, 0x26, 0x22, 0x7b, 0x7d, 0x5b, 0x5d, 0x3a, 0x0a, 0x2d, 0x23,
];

const splice = (bytes: Buffer, at: number, remove: number, insert: Buffer): Buffer =>
  Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at + remove)]);

/** An opening and closing run `depth` deep, in the seed's own syntax. */
function nesting(syntax: Syntax, depth: number, rng: Prng): { open: string; close: string } {
  switch (syntax) {
    case 'html':
    case 'xml': {
      const tag = rng.pick(['div', 'p', 'span', 'b', 'list', 'hi']);
      return { open: `<${tag}>`.repeat(depth), close: `</${tag}>`.repeat(depth) };
    }
    case 'json':
      return rng.chance(0.5)
        ? { open: '['.repeat(depth), close: ']'.repeat(depth) }
        : { open: '{"a":'.repeat(depth), close: '}'.repeat(depth) };
    case 'markdown':
      // A list nests by indent: its lines grow with depth, so the indent stops at 300 columns.
      return rng.chance(0.5)
        ? { open: '> '.repeat(depth), close: '' }
        : {
            open: Array.from(
              { length: depth },
              (_, i) => `${'  '.repeat(Math.min(i, 150))}- x\n`,
            ).join(''),
            close: '',
          };
    case 'text':
      return { open: '('.repeat(depth), close: ')'.repeat(depth) };
  }
}

export type MutationName =
  'flip' | 'truncate' | 'duplicate' | 'delete' | 'controls' | 'bytes' | 'nest' | 'lines';

const MUTATIONS: Record<MutationName, (bytes: Buffer, rng: Prng, syntax: Syntax) => Buffer> = {
  flip(bytes, rng) {
    const out = Buffer.from(bytes);
    for (let n = rng.between(1, 16); n > 0 && out.length > 0; n--) {
      const at = rng.int(out.length);
      out[at] = out[at]! ^ (1 << rng.int(8));
    }
    return out;
  },
  truncate: (bytes, rng) => bytes.subarray(0, rng.int(bytes.length + 1)),
  duplicate(bytes, rng) {
    if (bytes.length === 0) return bytes;
    const from = rng.int(bytes.length);
    const chunk = bytes.subarray(from, from + rng.between(1, 4096));
    const times = rng.chance(0.2) ? rng.between(100, 2000) : rng.between(1, 8);
    return splice(bytes, rng.int(bytes.length + 1), 0, Buffer.concat(Array(times).fill(chunk)));
  },
  delete(bytes, rng) {
    const at = rng.int(bytes.length + 1);
    return splice(bytes, at, rng.between(1, 2048), Buffer.alloc(0));
  },
  controls(bytes, rng) {
    let out = bytes;
    for (let n = rng.between(1, 24); n > 0; n--) {
      const sequence = rng.chance(0.8) ? rng.pick(HOSTILE_SEQUENCES) : rng.pick(RAW_SEQUENCES);
      out = splice(out, rng.int(out.length + 1), 0, sequence);
    }
    return out;
  },
  bytes(bytes, rng) {
    const out = Buffer.from(bytes);
    for (let n = rng.between(1, 32); n > 0 && out.length > 0; n--) {
      out[rng.int(out.length)] = rng.pick(INTERESTING_BYTES);
    }
    return out;
  },
  nest(bytes, rng, syntax) {
    const depth = rng.chance(0.5) ? rng.between(200, 2000) : rng.between(5000, 20_000);
    const { open, close } = nesting(syntax, depth, rng);
    const at = rng.int(bytes.length + 1);
    const to = Math.min(bytes.length, at + rng.int(4096));
    const middle = bytes.subarray(at, to);
    const closing = rng.chance(0.8) ? Buffer.from(close) : Buffer.alloc(0);
    return splice(bytes, at, to - at, Buffer.concat([Buffer.from(open), middle, closing]));
  },
  lines(bytes, rng) {
    const count = rng.chance(0.5) ? rng.between(1000, 20_000) : rng.between(40_000, 120_000);
    const line = rng.pick(['\n', 'x\n', 'Строка.\n', '\r\n', '- a\n', '<p>a</p>\n']);
    return splice(bytes, rng.int(bytes.length + 1), 0, Buffer.from(line.repeat(count)));
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS) as MutationName[];

export interface Mutant {
  name: string;
  bytes: Buffer;
  /** What was done, for a failure's message: "docx(xml): flip, lines". */
  recipe: string;
}

/**
 * The seed changed by one to three mutations. A Word seed is mutated inside (its document.xml,
 * then zipped as Word does) or outside (the ZIP bytes themselves), half and half.
 */
export function mutate(seed: Seed, rng: Prng): Mutant {
  const names = Array.from({ length: rng.between(1, 3) }, () => rng.pick(MUTATION_NAMES));
  const apply = (bytes: Buffer, syntax: Syntax): Buffer =>
    names.reduce((b, name) => MUTATIONS[name](b, rng, syntax), bytes);
  if (seed.shape === 'docx') {
    const inside = rng.chance(0.5);
    const bytes = inside
      ? wordFileOfXml(apply(seed.bytes, 'xml'))
      : apply(wordFileOfXml(seed.bytes), 'text');
    return {
      name: seed.name,
      bytes,
      recipe: `${inside ? 'document.xml' : 'zip'}: ${names.join(', ')}`,
    };
  }
  return { name: seed.name, bytes: apply(seed.bytes, seed.syntax), recipe: names.join(', ') };
}

/** The seed as a file, unmutated. */
export function seedFile(seed: Seed): Buffer {
  return seed.shape === 'docx' ? wordFileOfXml(seed.bytes) : seed.bytes;
}

/** How much of each kind of iteration one run does: bounded, and the same on every run. */
export function fuzzBudget(defaultIterations: number): number {
  const asked = Number(process.env['MARGINALIA_FUZZ_ITERATIONS']);
  return Number.isInteger(asked) && asked > 0 ? asked : defaultIterations;
}

/** The run's base seed: fixed, unless MARGINALIA_FUZZ_SEED asks for another (to explore). */
export function fuzzSeed(): number {
  const asked = Number(process.env['MARGINALIA_FUZZ_SEED']);
  return Number.isInteger(asked) ? asked >>> 0 : 0x14_2026;
}

/** Engine and runtime messages that must never reach a user as a file's reason. */
const RAW_ERRORS = [
  /Cannot (read|set) propert/i,
  /is not a function/,
  /is not iterable/,
  /is not defined/,
  /\bundefined\b/,
  /\bNaN\b/,
  /\[object \w+\]/,
  /^\s*[A-Z]\w*Error\b/,
  /\n\s+at /,
  /Maximum call stack/i,
  /SQLITE_/,
  /internal error/i,
  /out of memory/i,
];

/**
 * Why `reason` is not a clear sentence a user can read, or null when it is: one or more
 * sentences, ending as a sentence ends, with no engine message or stack in it.
 */
export function unclearReason(reason: unknown): string | null {
  if (typeof reason !== 'string') return `not a string: ${String(reason)}`;
  const text = reason.trim();
  if (text.length < 12) return 'too short to say anything';
  if (text.length > 1000) return 'longer than a reason should be';
  if (!/[.!?)”]$/.test(text)) return 'does not end as a sentence';
  if (!/\s/.test(text)) return 'is one word';
  const raw = RAW_ERRORS.find((pattern) => pattern.test(text));
  return raw ? `holds a raw error (${raw.source})` : null;
}
