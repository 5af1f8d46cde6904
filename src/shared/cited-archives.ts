// The archives and fonds a record's source line cites, as the catalogue's facets use them. The
// database keeps them beside each record (record_citations, filled by a trigger), so the
// catalogue never parses ten thousand citations while the user waits.
import { parseArchivalCitations } from './citation-parts';

export interface CitedArchives {
  /** "APRF", "AVP RF" as cited, first one first. */
  archives: string[];
  /** Fonds with their archive: "APRF f. 45". */
  fonds: string[];
}

export function citedArchives(source: string | null): CitedArchives {
  const archives: string[] = [];
  const fonds: string[] = [];
  for (const part of parseArchivalCitations(source)) {
    const archive = part.archive?.replace(/\s+/g, ' ').trim() || null;
    if (archive && !archives.includes(archive)) archives.push(archive);
    if (part.fond) {
      const fond = `${archive ?? '?'} f. ${part.fond}`;
      if (!fonds.includes(fond)) fonds.push(fond);
    }
  }
  return { archives, fonds };
}
