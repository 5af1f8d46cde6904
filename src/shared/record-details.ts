// A record's catalogue details as a scholar edits them: title, date, type, the archival
// citation split into its parts (archive, fond, opis, papka, delo, list, one set per archive
// cited), translator, contributor, rights and summary. The source line is written back from the
// parts, keeping every citation and credit the scholar did not touch exactly as the archive gave
// it. Pure: shared by the editor (renderer) and its tests.
import {
  composeSourceLine,
  formatCitationParts,
  joinCitations,
  parseArchivalCitations,
  splitSourceLine,
  type CitationParts,
} from './citation-parts';
import type { RecordMeta } from './model';

/** The fields the record-details editor changes. */
export type RecordDetails = Pick<
  RecordMeta,
  'title' | 'date' | 'type' | 'source' | 'translator' | 'contributor' | 'rights' | 'summary'
>;

export const DETAIL_FIELDS = [
  'title',
  'date',
  'type',
  'source',
  'translator',
  'contributor',
  'rights',
  'summary',
] as const satisfies readonly (keyof RecordDetails)[];

export function detailsOf(meta: RecordDetails): RecordDetails {
  return Object.fromEntries(DETAIL_FIELDS.map((k) => [k, meta[k]])) as unknown as RecordDetails;
}

export function sameDetails(a: RecordDetails, b: RecordDetails): boolean {
  return DETAIL_FIELDS.every((k) => a[k] === b[k]);
}

/** The parts of one archival citation, as editable text (empty for a part it does not have). */
export interface CitationDraft {
  archive: string;
  fond: string;
  opis: string;
  papka: string;
  delo: string;
  listy: string;
  /** Parts kept as they are (perechen, a shelf mark): not edited, written back. */
  other: CitationParts['other'];
  /** The citation as the archive gave it; written back unchanged while its parts are. */
  text: string;
  /** False for a citation with no recognisable parts: it is edited as text (`text`). */
  structured: boolean;
}

export const CITATION_PARTS = ['archive', 'fond', 'opis', 'papka', 'delo', 'listy'] as const;
export type CitationPartKey = (typeof CITATION_PARTS)[number];

export function emptyCitation(): CitationDraft {
  return {
    archive: '',
    fond: '',
    opis: '',
    papka: '',
    delo: '',
    listy: '',
    other: [],
    text: '',
    structured: true,
  };
}

function draftOf(parts: CitationParts): CitationDraft {
  const structured =
    parts.archive !== null &&
    (parts.fond !== null || parts.opis !== null || parts.delo !== null || parts.listy !== null);
  return {
    archive: parts.archive ?? '',
    fond: parts.fond ?? '',
    opis: parts.opis ?? '',
    papka: parts.papka ?? '',
    delo: parts.delo ?? '',
    listy: parts.listy ?? '',
    other: parts.other,
    text: parts.text,
    structured,
  };
}

/** The citations of a source line as drafts to edit (none for an empty line). */
export function citationDrafts(source: string | null): CitationDraft[] {
  return parseArchivalCitations(source).map(draftOf);
}

function unchanged(draft: CitationDraft): boolean {
  if (!draft.structured) return true;
  const again = parseArchivalCitations(draft.text)[0];
  if (!again) return false;
  const was = draftOf(again);
  return CITATION_PARTS.every((k) => was[k] === draft[k].trim());
}

/** One citation as text: as given while untouched, else written from its parts. */
export function citationText(draft: CitationDraft): string {
  if (!draft.structured) return draft.text.trim();
  if (draft.text && unchanged(draft)) return draft.text;
  const value = (s: string): string | null => s.trim() || null;
  return formatCitationParts({
    text: '',
    archive: value(draft.archive),
    archiveName: null,
    fond: value(draft.fond),
    opis: value(draft.opis),
    papka: value(draft.papka),
    delo: value(draft.delo),
    listy: value(draft.listy),
    other: draft.other,
  });
}

/**
 * The source line from edited citations and credits. What the scholar did not change stays as
 * the archive wrote it: the whole line, its citations, or its credit sentence. `credits` are the
 * new translator and contributor when the scholar changed them, else null; a line that credited
 * people then credits the new ones (or no one), a line that credited no one still does not (the
 * record's own fields carry them, and the citation credits them from there).
 */
export function sourceLine(
  previous: string | null,
  drafts: readonly CitationDraft[],
  credits: { translator: string | null; contributor: string | null } | null,
): string | null {
  const before = previous ? splitSourceLine(previous) : { archival: '', credits: null };
  const original = citationDrafts(previous);
  const sameCitations =
    drafts.length === original.length &&
    drafts.every((d, i) => citationText(d) === citationText(original[i]!));
  const creditsChange = credits !== null && before.credits !== null;
  if (sameCitations && !creditsChange) return previous;
  const archival = sameCitations ? before.archival : joinCitations(drafts.map(citationText));
  if (creditsChange) return composeSourceLine(archival, credits);
  const cited = archival.trim().replace(/[.;,\s]+$/, '');
  const line = [cited, before.credits].filter(Boolean).join('. ');
  return line === '' ? null : `${line}.`;
}
