// Archival citations split into their parts. Russian and Soviet archives cite a document by
// archive, fond (collection), opis (inventory), delo (file), sometimes papka (folder), and list
// or listy (sheets): "APRF, f. 45, op. 1, d. 339, ll. 95-96" or, in Russian, "АП РФ. Ф. 45.
// Оп. 1. Д. 339. Л. 95–96". A digital archive's source line may close with who contributed and
// translated the document ("… L. 92. Contributed and translated by Mark Kramer."): those credits
// are read apart. The whole line is always kept as the archive gave it; the parts serve the
// catalogue, exports (TEI <idno>s), search and the record-details editor.

export interface CitationParts {
  /** This citation's text as the archive gave it (one of several in a source line). */
  text: string;
  /** The archive as cited: "APRF", "AVP RF", "РГАСПИ"; null when the citation names none. */
  archive: string | null;
  /** The archive's full name, when the abbreviation is a known one (or the citation spells it). */
  archiveName: string | null;
  fond: string | null;
  opis: string | null;
  delo: string | null;
  papka: string | null;
  /** Sheets: "95-96", "14", "0095-0096", "12 ob.". */
  listy: string | null;
  /** Other numbered parts the archive uses: perechen', dokument, Blatt and the like. */
  other: { label: string; value: string }[];
}

type PartKey = 'fond' | 'opis' | 'delo' | 'papka' | 'listy';

interface Label {
  pattern: string;
  key: PartKey | null;
  /** The canonical name of parts kept in `other`. */
  name?: string;
}

// Longer forms first, so "ll." is not read as "l." and "opis'" not as "op.".
const LABELS: Label[] = [
  { pattern: 'fond', key: 'fond' },
  { pattern: 'f\\.', key: 'fond' },
  { pattern: 'фонд', key: 'fond' },
  { pattern: 'ф\\.', key: 'fond' },
  { pattern: "opis['’]?", key: 'opis' },
  { pattern: 'op\\.', key: 'opis' },
  { pattern: 'опись', key: 'opis' },
  { pattern: 'оп\\.', key: 'opis' },
  { pattern: 'delo', key: 'delo' },
  { pattern: 'd\\.', key: 'delo' },
  { pattern: 'дело', key: 'delo' },
  { pattern: 'д\\.', key: 'delo' },
  { pattern: 'papka', key: 'papka' },
  { pattern: 'папка', key: 'papka' },
  { pattern: 'п\\.', key: 'papka' },
  { pattern: 'listy', key: 'listy' },
  { pattern: 'list', key: 'listy' },
  { pattern: 'll\\.', key: 'listy' },
  { pattern: 'l\\.', key: 'listy' },
  { pattern: 'листы', key: 'listy' },
  { pattern: 'лист', key: 'listy' },
  { pattern: 'лл\\.', key: 'listy' },
  { pattern: 'л\\.', key: 'listy' },
  { pattern: 'pp\\.', key: 'listy' },
  // "p." is papka in transliterated Russian citations (a page is "pp." or "l.").
  { pattern: 'p\\.', key: 'papka' },
  { pattern: "perechen['’]?", key: null, name: 'perechen' },
  { pattern: 'per\\.', key: null, name: 'perechen' },
  { pattern: 'перечень', key: null, name: 'perechen' },
  { pattern: 'пер\\.', key: null, name: 'perechen' },
  { pattern: 'dok\\.', key: null, name: 'dokument' },
  { pattern: 'док\\.', key: null, name: 'dokument' },
  { pattern: 'Bl\\.', key: null, name: 'Blatt' },
];

/** Known archives, by the abbreviations historians cite them with (Latin and Cyrillic). */
const ARCHIVES: Record<string, string> = {
  APRF: 'Archive of the President of the Russian Federation',
  'АП РФ': 'Archive of the President of the Russian Federation',
  'AVP RF': 'Archive of Foreign Policy of the Russian Federation',
  'АВП РФ': 'Archive of Foreign Policy of the Russian Federation',
  RGASPI: 'Russian State Archive of Socio-Political History',
  РГАСПИ: 'Russian State Archive of Socio-Political History',
  RGANI: 'Russian State Archive of Contemporary History',
  РГАНИ: 'Russian State Archive of Contemporary History',
  GARF: 'State Archive of the Russian Federation',
  ГАРФ: 'State Archive of the Russian Federation',
  TsAMO: 'Central Archive of the Ministry of Defence of the Russian Federation',
  ЦАМО: 'Central Archive of the Ministry of Defence of the Russian Federation',
  RGAE: 'Russian State Archive of the Economy',
  РГАЭ: 'Russian State Archive of the Economy',
  RGVA: 'Russian State Military Archive',
  РГВА: 'Russian State Military Archive',
  TsKhSD: 'Centre for the Storage of Contemporary Documentation',
  ЦХСД: 'Centre for the Storage of Contemporary Documentation',
  'SAPMO-BArch':
    'Foundation Archives of Parties and Mass Organisations of the GDR in the Federal Archives',
  'PRC FMA': 'Archive of the Ministry of Foreign Affairs of the People’s Republic of China',
};

const ARCHIVE_KEYS = new Map(Object.keys(ARCHIVES).map((k) => [normaliseArchive(k), k]));

function normaliseArchive(name: string): string {
  return name
    .replace(/[\s.]+/g, ' ')
    .trim()
    .toUpperCase();
}

// A label must start a word: after the start, a space, or punctuation.
const LABEL_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${LABELS.map((l) => l.pattern).join('|')})(?![\\p{L}])\\s*`,
  'giu',
);

// A part's value: "45", "059a", "R-9401", "5a", "95-96", "95–96", "12 ob.", "12 об.",
// "IV 2/2/123". Ranges and lists of sheets continue with ",", "-" or "–" followed by a digit.
const VALUE_RE =
  /^([\p{L}]{0,3}[-–]?\d[\p{L}\p{N}/]*(?:\s*[-–]\s*\d[\p{L}\p{N}]*)?(?:\s*(?:ob|об)\.?)?(?:\s*,\s*\d[\p{N}]*(?:\s*[-–]\s*\d[\p{N}]*)?(?:\s*(?:ob|об)\.?)?)*)/u;

function labelFor(matched: string): Label {
  const lower = matched.toLowerCase();
  return LABELS.find((l) => new RegExp(`^(?:${l.pattern})$`, 'iu').test(lower))!;
}

/**
 * Splits a source line into its citations ("APRF, …; AVP RF, …; and RGASPI, …") and each into
 * its parts. A citation in which no part can be recognised is still returned, with its text.
 */
export function parseArchivalCitations(source: string | null): CitationParts[] {
  if (!source) return [];
  return splitCitations(splitSourceLine(source).archival)
    .map(parseOne)
    .filter((c) => c.text !== '');
}

function splitCitations(source: string): string[] {
  return source
    .replace(/^\s*(?:source|источник)\s*:\s*/i, '')
    .split(/\s*;\s*/)
    .map((part) =>
      part
        .replace(/^(?:and|и)\s+/i, '')
        .trim()
        .replace(/[.;,\s]+$/, ''),
    )
    .filter((part) => part !== '');
}

function parseOne(text: string): CitationParts {
  const parts: CitationParts = {
    text,
    archive: null,
    archiveName: null,
    fond: null,
    opis: null,
    delo: null,
    papka: null,
    listy: null,
    other: [],
  };
  const matches = [...text.matchAll(LABEL_RE)];
  let firstPart = text.length;
  let found = false;
  for (const match of matches) {
    const at = match.index;
    const after = text.slice(at + match[0].length);
    const value = VALUE_RE.exec(after)?.[1];
    if (!value) continue;
    const label = labelFor(match[1]!);
    const clean = value.replace(/\s*[-–]\s*/g, '-').trim();
    if (label.key) {
      // The first occurrence wins: a later "d." inside a note is not the delo.
      if (parts[label.key] !== null) continue;
      parts[label.key] = clean;
    } else {
      parts.other.push({ label: label.name!, value: clean });
    }
    if (!found) firstPart = at;
    found = true;
  }
  const prefix = found ? text.slice(0, firstPart) : text;
  const named = archiveFrom(prefix);
  if (!found && !named.archive) return parts;
  if (named.signature) parts.other.unshift({ label: 'signature', value: named.signature });
  return { ...parts, archive: named.archive, archiveName: named.archiveName };
}

/**
 * "Archive of the President of the Russian Federation (APRF)", "APRF", "АП РФ." → the archive;
 * "SAPMO-BArch, DY 30/IV 2/2/123" → the archive and a signature (the archive's own shelf mark).
 */
function archiveFrom(
  prefix: string,
): Pick<CitationParts, 'archive' | 'archiveName'> & { signature: string | null } {
  const none = { archive: null, archiveName: null, signature: null };
  const trimmed = prefix.replace(/[\s.,:;]+$/, '').trim();
  if (trimmed === '') return none;
  const comma = trimmed.indexOf(', ');
  const name = comma < 0 ? trimmed : trimmed.slice(0, comma).trim();
  const signature = comma < 0 ? null : trimmed.slice(comma + 2).trim() || null;
  const spelled = /^(.*?)\s*\(([^()]+)\)$/.exec(name);
  if (spelled) {
    const abbreviation = spelled[2]!.trim();
    const archiveName = spelled[1]!.trim() || knownArchive(abbreviation);
    return { archive: abbreviation, archiveName, signature };
  }
  // A bare name is an archive only when it is short (an abbreviation) or a known one; a long
  // sentence ("Obtained by … for CWIHP") is no archive.
  const known = knownArchive(name);
  if (known) return { archive: name, archiveName: known, signature };
  // "PRC FMA 109-00100-01": a known archive followed by its file number.
  for (const key of Object.keys(ARCHIVES)) {
    if (name.startsWith(`${key} `)) {
      const rest = name.slice(key.length).trim();
      return { archive: key, archiveName: ARCHIVES[key]!, signature: signature ?? rest };
    }
  }
  if (name.split(/\s+/).length <= 4) return { archive: name, archiveName: null, signature };
  return none;
}

function knownArchive(name: string): string | null {
  const key = ARCHIVE_KEYS.get(normaliseArchive(name));
  return key ? ARCHIVES[key]! : null;
}

/** The parts as "f. 45, op. 1, d. 339, ll. 95-96", for display and TEI idno text. */
export function formatCitationParts(parts: CitationParts): string {
  const items: string[] = [];
  if (parts.fond) items.push(`f. ${parts.fond}`);
  if (parts.opis) items.push(`op. ${parts.opis}`);
  if (parts.papka) items.push(`p. ${parts.papka}`);
  if (parts.delo) items.push(`d. ${parts.delo}`);
  for (const o of parts.other) items.push(`${o.label} ${o.value}`);
  if (parts.listy) items.push(`${/[-,]/.test(parts.listy) ? 'll.' : 'l.'} ${parts.listy}`);
  return [parts.archive, ...items].filter(Boolean).join(', ');
}

// ---------- Credits: who contributed and who translated ----------

/** The roles a source line credits, as the words that name them. */
const CREDIT_WORDS =
  'contributed|obtained|donated|provided|supplied|translated|translation|transcribed|edited|annotated';
/** A credit sentence starts the line or follows a full stop or semicolon: "Translated by …". */
const CREDIT_START = new RegExp(`(?:^|(?<=[.;])\\s+)(?=(?:${CREDIT_WORDS})\\b)`, 'iu');
/** One credit: roles, perhaps "for CWIHP" or "from Russian", then "by" and the names. */
const CREDIT = new RegExp(
  `^((?:${CREDIT_WORDS})(?:\\s*(?:,|and|&)\\s*(?:${CREDIT_WORDS}))*)\\b.*?\\bby\\s+(.+)$`,
  'iu',
);

export interface Credits {
  /** Who translated the document, as credited ("Mark Kramer"). */
  translator: string | null;
  /** Who contributed (obtained, donated) it to the archive. */
  contributor: string | null;
}

/**
 * "RGASPI, F. 558, Op. 11, D. 342, L. 92. Contributed and translated by Mark Kramer." →
 * the archival citation ("RGASPI, F. 558, Op. 11, D. 342, L. 92") and the credits sentence(s)
 * ("Contributed and translated by Mark Kramer"), or null when the line credits no one.
 */
export function splitSourceLine(source: string): { archival: string; credits: string | null } {
  const match = CREDIT_START.exec(source);
  if (!match) return { archival: source.trim(), credits: null };
  const credits = source
    .slice(match.index)
    .trim()
    .replace(/[.;\s]+$/, '');
  if (!CREDIT.test(credits)) {
    return { archival: source.trim(), credits: null };
  }
  return {
    archival: source
      .slice(0, match.index)
      .trim()
      .replace(/[;\s]+$/, ''),
    credits,
  };
}

/** Who the credits name: translators and contributors ("Obtained by X and translated by Y"). */
export function readCredits(credits: string | null): Credits {
  const found: Credits = { translator: null, contributor: null };
  if (!credits) return found;
  // A new clause starts with a role word: after a full stop ("… Ostermann. Translated by …"),
  // or after "and" ("Obtained by X and translated by Y"); "Christian F. Ostermann" stays whole,
  // and so do roles that share their names ("Contributed and translated by X").
  const pieces = credits
    .split(new RegExp(`(?:[.;]|,?\\s+and)\\s+(?=(?:${CREDIT_WORDS})\\b)`, 'iu'))
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const clauses: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    const clause = pending ? `${pending} and ${piece}` : piece;
    if (/\bby\s/i.test(clause)) {
      clauses.push(clause);
      pending = '';
    } else pending = clause;
  }
  for (const clause of clauses) {
    const m = CREDIT.exec(clause);
    if (!m) continue;
    const roles = m[1]!.toLowerCase();
    const names = m[2]!.replace(/[.;,\s]+$/, '').trim();
    if (!names) continue;
    if (/translat/.test(roles)) found.translator ??= names;
    if (/contributed|obtained|donated|provided|supplied/.test(roles)) found.contributor ??= names;
  }
  return found;
}

/** The credits of a source line, read from its closing credit sentences. */
export function creditsOf(source: string | null): Credits {
  return readCredits(source ? splitSourceLine(source).credits : null);
}

/** The sentence that credits them, as digital archives write it, or null for no one. */
export function creditSentence({ translator, contributor }: Credits): string | null {
  const t = translator?.trim() || null;
  const c = contributor?.trim() || null;
  if (t && c) {
    return t === c
      ? `Contributed and translated by ${t}`
      : `Contributed by ${c}. Translated by ${t}`;
  }
  if (t) return `Translated by ${t}`;
  if (c) return `Contributed by ${c}`;
  return null;
}

/** A source line again from its archival citation and its credits. */
export function composeSourceLine(archival: string, credits: Credits): string | null {
  const cited = archival.trim().replace(/[.;,\s]+$/, '');
  const sentence = creditSentence(credits);
  const line = [cited, sentence].filter(Boolean).join('. ');
  return line === '' ? null : `${line}.`;
}

/** The citations of a line joined again, as archives list several: "A; B; and C". */
export function joinCitations(texts: readonly string[]): string {
  const list = texts.map((t) => t.trim()).filter((t) => t !== '');
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join('; ')}; and ${list.at(-1)}`;
}
