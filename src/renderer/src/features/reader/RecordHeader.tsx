import { useState, type JSX } from 'react';
import type { RecordDocument } from '@shared/model';
import { formatDate, fullCitation } from '@shared/citation';

/** Title, catalogue facts and the full citation, as a historian would footnote the record. */
export function RecordHeader({ record }: { record: RecordDocument }): JSX.Element {
  const citation = fullCitation(record);
  const [copied, setCopied] = useState(false);
  const facts: [string, string | null][] = [
    ['Date', formatDate(record.date)],
    ['Type', record.type],
    ['Record ID', record.recordId],
  ];
  return (
    <header className="record-header">
      <h1 className="record-title">{record.title}</h1>
      <dl className="record-facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {record.summary && <p className="record-summary">{record.summary}</p>}
      <figure className="citation">
        <figcaption>Citation</figcaption>
        <blockquote className="citation-text">{citation}</blockquote>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            void navigator.clipboard?.writeText(citation).then(() => {
              setCopied(true);
              window.setTimeout(() => setCopied(false), 2000);
            });
          }}
        >
          {copied ? 'Copied' : 'Copy citation'}
        </button>
      </figure>
      {record.rights && (
        <details className="rights">
          <summary>Rights</summary>
          <p>{record.rights}</p>
        </details>
      )}
    </header>
  );
}
