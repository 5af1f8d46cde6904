// The edition (or handout) as one self-contained HTML file: inline CSS, no scripts, no remote
// resources, and a Content-Security-Policy that would block them anyway. Every text from a
// record or a note is escaped; comments pass through the fixed-tag converter; the only
// attributes are ones this module makes (ids, classes, checked links, language tags).
import type {
  EditionDocument,
  EditionNote,
  EditionPassage,
  EditionRun,
  EditionSection,
} from '@shared/edition';
import { escapeHtml as esc, lexicalToHtml } from '@shared/lexical/html';
import { TRANSLATION_NOTE_LABELS } from '@shared/model';
import { langTag } from '../lang-tag';
import { categoryClass, categoryRules, EDITION_CSS } from './html-style';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function run(r: EditionRun): string {
  let html = esc(r.text);
  if (r.categoryIds.length > 0) {
    const classes = ['m', ...r.categoryIds.map(categoryClass)];
    if (r.categoryIds.length > 1 || r.notes.length > 1) classes.push('overlap');
    html = `<mark class="${classes.join(' ')}">${html}</mark>`;
  }
  for (const ref of r.refs) {
    const target = ref.kind === 'question' ? `q-${ref.number}` : `note-${ref.number}`;
    const id = ref.primary ? ` id="ref-${ref.kind === 'question' ? 'q' : ''}${ref.number}"` : '';
    html += `<sup class="ref"><a href="#${target}"${id}>${esc(ref.label)}</a></sup>`;
  }
  return html;
}

function passages(list: EditionPassage[]): string {
  return list.map((p) => `<p>${p.runs.map(run).join('')}</p>`).join('');
}

function table(section: EditionSection, doc: EditionDocument): string {
  const { original, translation } = section.languages;
  const sides = (['original', 'translation'] as const).filter(
    (s) => doc.languages === 'both' || doc.languages === s,
  );
  const heading = {
    original: `Original · ${original.name}`,
    translation: `Translation · ${translation.name}`,
  };
  const head = sides.map((s) => `<th scope="col" lang="en">${esc(heading[s])}</th>`).join('');
  const rows = section.rows
    .map((row) => {
      const cells = sides.map((side) => {
        const lang = langTag(section.languages[side].lang);
        const list = row[side];
        return list.length === 0
          ? `<td class="empty" lang="en">No ${esc(section.languages[side].name)} counterpart</td>`
          : `<td lang="${lang}">${passages(list)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table class="aligned"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function note(n: EditionNote, numbered: boolean): string {
  const quotes = n.quotes
    .map((q) => `<span class="note-quote" lang="${langTag(q.lang)}">“${esc(q.text)}”</span>`)
    .join(' / ');
  const meta = [
    esc(n.categoryName),
    n.noteType ? esc(TRANSLATION_NOTE_LABELS[n.noteType]) : null,
    n.tags.length > 0 ? n.tags.map((t) => `#${esc(t)}`).join(' ') : null,
    n.orphaned ? 'needs re-attaching: the text changed' : null,
  ].filter(Boolean);
  const body =
    lexicalToHtml(n.commentJson) || (n.commentText ? `<p>${esc(n.commentText)}</p>` : '');
  const replies = n.thread
    .map((r) => {
      const date = new Date(r.createdAt).toISOString().slice(0, 10);
      const html = lexicalToHtml(r.json) || `<p>${esc(r.text)}</p>`;
      return `<div class="reply"><span class="note-meta">Follow-up, ${date}:</span>${html}</div>`;
    })
    .join('');
  const back = numbered
    ? ` <a class="backlink" href="#ref-${n.number}" aria-label="Back to the text">↩</a>`
    : '';
  const open = numbered ? `<li id="note-${n.number}" value="${n.number}">` : '<li>';
  return (
    `${open}<p class="note-head">${quotes} <span class="note-meta">— ${meta.join(' · ')}</span>${back}</p>` +
    `<div class="note-body">${body}${replies}</div></li>`
  );
}

function section(s: EditionSection, doc: EditionDocument): string {
  const facts = s.facts.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`).join('');
  const parts = [
    `<section class="record" lang="en">`,
    doc.sections.length > 1 || doc.title !== s.title ? `<h2>${esc(s.title)}</h2>` : '',
    facts ? `<dl class="facts">${facts}</dl>` : '',
    s.summary ? `<p class="summary">${esc(s.summary)}</p>` : '',
    `<figure class="citation"><figcaption>Citation</figcaption><blockquote>${esc(s.citation)}</blockquote></figure>`,
    s.rights
      ? s.rights
          .split(/\n\s*\n/)
          .map(
            (p, i) =>
              `<p class="rights">${i === 0 ? '<span class="rights-label">Rights: </span>' : ''}${esc(p.trim())}</p>`,
          )
          .join('')
      : '',
    table(s, doc),
  ];
  if (s.notes.length > 0) {
    parts.push(
      `<h3>Notes</h3><ol class="notes-list">${s.notes.map((n) => note(n, true)).join('\n')}</ol>`,
    );
  }
  if (s.unplaced.length > 0) {
    parts.push(
      '<h3>Notes that need re-attaching</h3><p class="note-meta">The text changed where these notes were made.</p>' +
        `<ul class="notes-list">${s.unplaced.map((n) => note(n, false)).join('\n')}</ul>`,
    );
  }
  if (s.entities.length > 0) {
    const items = s.entities.map((e) => {
      const variants = e.variants.length > 0 ? `: also ${e.variants.map(esc).join(', ')}` : '';
      return `<li><strong>${esc(e.name)}</strong> (${esc(e.kind)})${variants}</li>`;
    });
    parts.push(`<h3>People, places and organisations</h3><ul>${items.join('')}</ul>`);
  }
  parts.push('</section>');
  return parts.filter(Boolean).join('\n');
}

function glossary(doc: EditionDocument): string {
  if (!doc.glossary || doc.glossary.length === 0) return '';
  const rows = doc.glossary
    .map(
      (g) =>
        `<tr><td lang="${langTag(g.termLang)}">${esc(g.term)}</td>` +
        `<td lang="${langTag(g.renderingLang)}">${esc(g.renderings.join('; '))}</td>` +
        `<td>${esc(g.note)}</td></tr>`,
    )
    .join('');
  return (
    '<section class="glossary-section"><h2>Glossary</h2><table class="glossary"><thead><tr>' +
    '<th scope="col">Term</th><th scope="col">Rendering</th><th scope="col">Note</th></tr></thead>' +
    `<tbody>${rows}</tbody></table></section>`
  );
}

function questions(doc: EditionDocument): string {
  if (!doc.questions || doc.questions.length === 0) return '';
  const items = doc.questions.map((q) => {
    const body = lexicalToHtml(q.commentJson) || `<p>${esc(q.text)}</p>`;
    const about = q.quote
      ? `<p class="note-meta">On “${esc(q.quote)}”${q.recordTitle && doc.sections.length > 1 ? ` in ${esc(q.recordTitle)}` : ''}</p>`
      : '';
    return `<li id="q-${q.number}" value="${q.number}">${body}${about}</li>`;
  });
  return `<section class="questions-section"><h2>Questions</h2><ol class="questions">${items.join('\n')}</ol></section>`;
}

function legend(doc: EditionDocument): string {
  if (doc.categories.length === 0) return '';
  const items = doc.categories.map(
    (c) => `<li><mark class="m ${categoryClass(c.id)}">${esc(c.name)}</mark></li>`,
  );
  return `<ul class="legend" aria-label="Categories of marks">${items.join('')}</ul>`;
}

/** The whole HTML file. */
export function renderEditionHtml(doc: EditionDocument): string {
  const instructions = doc.instructions.map((p) => `<p>${esc(p)}</p>`).join('');
  const generated = doc.generatedAt.slice(0, 10);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(doc.generator)}">`,
    `<title>${esc(doc.title)}</title>`,
    `<style>${EDITION_CSS}\n${categoryRules(doc.categories)}\nmark.overlap{box-shadow:inset 0 -0.35em 0 #00000022}</style>`,
    '</head>',
    `<body class="${doc.kind}">`,
    `<header><h1>${esc(doc.title)}</h1>${instructions ? `<div class="instructions">${instructions}</div>` : ''}${legend(doc)}</header>`,
    '<main>',
    ...doc.sections.map((s) => section(s, doc)),
    glossary(doc),
    questions(doc),
    '</main>',
    `<footer class="colophon">Made with ${esc(doc.generator)} on ${generated}.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
