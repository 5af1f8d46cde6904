// The edition's style sheet, inlined into every HTML file so the file needs nothing else.
// Serif faces that carry Cyrillic first; print rules keep rows and notes whole on a page.
import type { Category, MarkLine } from '@shared/model';

const COLOR = /^#[0-9a-f]{6}$/i;
const LINES: readonly MarkLine[] = ['solid', 'dashed', 'dotted', 'double', 'wavy'];

/** A class name for a category id: letters, digits and hyphens only. */
export function categoryClass(id: string): string {
  return `c-${id.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`;
}

/** One rule per category: a translucent background in its colour and its line style. */
export function categoryRules(categories: Category[]): string {
  return categories
    .map((c) => {
      const color = COLOR.test(c.color) ? c.color : '#f0e442';
      const line = LINES.includes(c.line) ? c.line : 'solid';
      return (
        `mark.${categoryClass(c.id)}{background:${color}55;` +
        `text-decoration:underline ${line} ${color};text-decoration-thickness:2px;` +
        `text-underline-offset:3px}`
      );
    })
    .join('\n');
}

export const EDITION_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 3rem;
  font-family: "Liberation Serif", "DejaVu Serif", "Noto Serif", "Times New Roman", serif;
  font-size: 11.5pt; line-height: 1.5; color: #1d1b18; background: #fff;
}
h1 { font-size: 1.6em; line-height: 1.25; margin: 0 0 0.6rem; }
h2 { font-size: 1.3em; margin: 2.2rem 0 0.6rem; border-bottom: 1px solid #c9c4ba; padding-bottom: 0.2rem; }
h3 { font-size: 1.05em; margin: 1.6rem 0 0.5rem; text-transform: uppercase; letter-spacing: 0.04em; }
.instructions p { margin: 0 0 0.6rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 0.8rem; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
.citation { margin: 0.8rem 0; padding: 0.6rem 0.9rem; border-left: 4px solid #7a6a4f; background: #f6f3ec; }
.citation figcaption, .rights-label { font-weight: bold; font-size: 0.9em; }
.citation blockquote { margin: 0.2rem 0 0; }
.rights, .summary { font-size: 0.92em; }
table.aligned { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 1rem 0; }
table.aligned th { text-align: left; font-size: 0.9em; border-bottom: 2px solid #7a6a4f; padding: 0.3rem 0.6rem; }
table.aligned td { vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid #e3ded4; }
table.aligned td p { margin: 0 0 0.4rem; }
table.aligned td.empty { color: #6b6458; font-style: italic; font-size: 0.9em; }
.row-number { color: #6b6458; font-size: 0.8em; }
mark { color: inherit; padding: 0 1px; }
sup.ref { font-size: 0.72em; line-height: 0; margin-left: 1px; }
sup.ref a { color: #5b3d00; text-decoration: none; font-weight: bold; }
.notes-list > li, .questions > li { margin: 0 0 0.7rem; }
.note-head { margin: 0; }
.note-quote { font-style: italic; }
.note-meta { color: #5c564c; font-size: 0.9em; }
.note-body p, .note-body ul, .note-body ol, .note-body blockquote { margin: 0.2rem 0; }
.note-body h1, .note-body h2, .note-body h3, .note-body h4, .note-body h5, .note-body h6 { font-size: 1em; margin: 0.3rem 0; }
.note-body blockquote { border-left: 3px solid #c9c4ba; padding-left: 0.6rem; }
.reply { margin: 0.3rem 0 0 1rem; font-size: 0.95em; }
.backlink { font-size: 0.85em; text-decoration: none; }
table.glossary { border-collapse: collapse; width: 100%; }
table.glossary th, table.glossary td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem; border-bottom: 1px solid #e3ded4; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; font-size: 0.9em; padding: 0; list-style: none; }
.colophon { margin-top: 2.5rem; color: #6b6458; font-size: 0.85em; border-top: 1px solid #c9c4ba; padding-top: 0.5rem; }
a { color: #5b3d00; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-before: auto; break-after: avoid; }
  h3 { break-after: avoid; }
  .notes-list > li, .questions > li, .citation { break-inside: avoid; }
  table.aligned td p { orphans: 3; widows: 3; }
  table.aligned thead { display: table-header-group; }
  a { text-decoration: none; }
  mark { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
