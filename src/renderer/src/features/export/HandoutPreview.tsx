// The handout as it will be printed, drawn from the same model the files are made from. Every
// text is rendered as text; comments go through the app's safe comment view.
import type { JSX } from 'react';
import type { EditionDocument, EditionPassage, EditionSection } from '@shared/edition';
import type { Category } from '@shared/model';
import { CommentView } from '../annotations/CommentView';

function Passage({
  passage,
  colors,
}: {
  passage: EditionPassage;
  colors: Map<string, string>;
}): JSX.Element {
  return (
    <p>
      {passage.runs.map((run, i) => {
        const color = run.categoryIds[0] ? colors.get(run.categoryIds[0]) : undefined;
        return (
          <span key={i}>
            {color ? (
              <mark
                className="handout-mark"
                style={{ '--mark-color': color } as React.CSSProperties}
              >
                {run.text}
              </mark>
            ) : (
              run.text
            )}
            {run.refs.map((ref) => (
              <sup key={`${ref.kind}${ref.number}`} className="handout-ref">
                {ref.label}
              </sup>
            ))}
          </span>
        );
      })}
    </p>
  );
}

function Section({
  section,
  doc,
  colors,
}: {
  section: EditionSection;
  doc: EditionDocument;
  colors: Map<string, string>;
}): JSX.Element {
  const sides = (['original', 'translation'] as const).filter(
    (s) => doc.languages === 'both' || doc.languages === s,
  );
  return (
    <section className="handout-section">
      {(doc.sections.length > 1 || doc.title !== section.title) && <h3>{section.title}</h3>}
      <p className="handout-citation">
        <strong>Citation:</strong> {section.citation}
      </p>
      {section.rights && (
        <p className="handout-rights">
          <strong>Rights:</strong> {section.rights}
        </p>
      )}
      {section.rows.length === 0 ? (
        <p className="muted">No rows chosen from this record.</p>
      ) : (
        <table className="handout-table">
          <thead>
            <tr>
              {sides.map((side) => (
                <th key={side} scope="col">
                  {side === 'original' ? 'Original' : 'Translation'} ·{' '}
                  {section.languages[side].name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {section.rows.map((row) => (
              <tr key={row.row}>
                {sides.map((side) => (
                  <td key={side} lang={section.languages[side].lang}>
                    {row[side].length === 0 ? (
                      <span className="muted">No {section.languages[side].name} counterpart</span>
                    ) : (
                      row[side].map((p) => <Passage key={p.index} passage={p} colors={colors} />)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {section.notes.length > 0 && (
        <ol className="handout-notes" aria-label="Notes">
          {section.notes.map((note) => (
            <li key={note.annotationId} value={note.number}>
              <em>{note.quotes.map((q) => `“${q.text}”`).join(' / ')}</em> — {note.categoryName}
              <CommentView json={note.commentJson} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function HandoutPreview({
  doc,
  categories,
}: {
  doc: EditionDocument;
  categories: Category[];
}): JSX.Element {
  const colors = new Map(categories.map((c) => [c.id, c.color]));
  return (
    <article className="handout-preview" aria-label="Handout preview">
      <h2 className="handout-title">{doc.title}</h2>
      {doc.instructions.map((p, i) => (
        <p key={i} className="handout-instructions">
          {p}
        </p>
      ))}
      {doc.sections.map((section) => (
        <Section key={section.recordId} section={section} doc={doc} colors={colors} />
      ))}
      {doc.glossary && doc.glossary.length > 0 && (
        <section>
          <h3>Glossary</h3>
          <table className="handout-table">
            <thead>
              <tr>
                <th scope="col">Term</th>
                <th scope="col">Rendering</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {doc.glossary.map((g) => (
                <tr key={`${g.termLang}:${g.term}`}>
                  <td lang={g.termLang}>{g.term}</td>
                  <td lang={g.renderingLang}>{g.renderings.join('; ')}</td>
                  <td>{g.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {doc.questions && doc.questions.length > 0 && (
        <section>
          <h3>Questions</h3>
          <ol>
            {doc.questions.map((q) => (
              <li key={q.number}>
                {q.text}
                {q.quote && <span className="muted"> (on “{q.quote}”)</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
