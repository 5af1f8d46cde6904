// The export formats every door offers (the app's export dialog, the CLI, the API), in one table.

export const EXPORT_FORMATS = [
  'md',
  'csv',
  'json',
  'jsonld',
  'tei',
  'html',
  'pdf',
  'docx',
  'csl',
  'bib',
  'tmx',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFormatInfo {
  id: ExportFormat;
  label: string;
  /** What the file is for, in a line. */
  description: string;
  extension: string;
  mimeType: string;
  /** True when the file is binary (sent base64-encoded). */
  binary: boolean;
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  md: {
    id: 'md',
    label: 'Markdown notes',
    description:
      'Notes with YAML front matter and links back into Marginalia (Obsidian and similar).',
    extension: 'md',
    mimeType: 'text/markdown',
    binary: false,
  },
  csv: {
    id: 'csv',
    label: 'CSV table',
    description: 'One row per annotated span, for spreadsheets (UTF-8 with BOM).',
    extension: 'csv',
    mimeType: 'text/csv',
    binary: false,
  },
  json: {
    id: 'json',
    label: 'Marginalia JSON',
    description: 'Records, alignment and annotations in full, for backup and exchange.',
    extension: 'json',
    mimeType: 'application/json',
    binary: false,
  },
  jsonld: {
    id: 'jsonld',
    label: 'W3C Web Annotation (JSON-LD)',
    description: 'An annotation collection that other annotation tools read.',
    extension: 'jsonld',
    mimeType: 'application/ld+json',
    binary: false,
  },
  tei: {
    id: 'tei',
    label: 'TEI P5 edition',
    description: 'Original and translation with alignment, notes and names, in TEI XML.',
    extension: 'xml',
    mimeType: 'application/tei+xml',
    binary: false,
  },
  html: {
    id: 'html',
    label: 'Annotated edition (HTML)',
    description: 'One self-contained page: aligned columns, marks, numbered notes, citation.',
    extension: 'html',
    mimeType: 'text/html',
    binary: false,
  },
  pdf: {
    id: 'pdf',
    label: 'Annotated edition (PDF)',
    description: 'The HTML edition, printed to PDF.',
    extension: 'pdf',
    mimeType: 'application/pdf',
    binary: true,
  },
  docx: {
    id: 'docx',
    label: 'Teaching handout (Word)',
    description: 'Two-column table, notes as footnotes, glossary, questions, citation.',
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    binary: true,
  },
  csl: {
    id: 'csl',
    label: 'Citations (CSL-JSON)',
    description: 'For Zotero and other reference managers.',
    extension: 'json',
    mimeType: 'application/vnd.citationstyles.csl+json',
    binary: false,
  },
  bib: {
    id: 'bib',
    label: 'Citations (BibTeX)',
    description: 'For LaTeX and reference managers.',
    extension: 'bib',
    mimeType: 'application/x-bibtex',
    binary: false,
  },
  tmx: {
    id: 'tmx',
    label: 'Translation memory (TMX)',
    description: 'The confirmed rows as a TMX 1.4b memory, for OmegaT, Trados and other CAT tools.',
    extension: 'tmx',
    mimeType: 'application/x-tmx+xml',
    binary: false,
  },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}
