// The record's title and facts above its text, kept short so reading starts high on the screen.
import { useState, type JSX, type ReactNode } from 'react';
import type { RecordDocument } from '@shared/model';
import { formatDate, fullCitation } from '@shared/citation';
import { formatCitationParts, parseArchivalCitations } from '@shared/citation-parts';
import { useAppState } from '../../app-state';

/** The archival reference as the reader's one-line summary shows it: the first citation. */
function archiveLine(source: string | null): string | null {
  const citations = parseArchivalCitations(source);
  const first = citations[0];
  if (!first) return null;
  const shown = first.archive ? formatCitationParts(first) : first.text;
  return citations.length > 1 ? `${shown} (+${citations.length - 1} more)` : shown;
}

/** The record's actions: "About this record" (the toggle of the header's About part) and more. */
export function RecordActions({
  aboutId,
  aboutOpen,
  onAbout,
  children,
}: {
  aboutId: string;
  aboutOpen: boolean;
  onAbout(open: boolean): void;
  children?: ReactNode;
}): JSX.Element {
  return (
    <div className="record-actions" role="toolbar" aria-label="Record actions">
      <button
        type="button"
        className="link-button"
        aria-expanded={aboutOpen}
        aria-controls={aboutId}
        onClick={() => onAbout(!aboutOpen)}
      >
        About this record
      </button>
      {children}
    </div>
  );
}

/**
 * The record's title and catalogue facts on one compact line, so the text starts high on the
 * screen; the summary, the full citation (with Copy citation) and the rights show under it when
 * "About this record" (RecordActions) is open.
 */
export function RecordHeader({
  record,
  aboutId,
  aboutOpen,
}: {
  record: RecordDocument;
  aboutId: string;
  aboutOpen: boolean;
}): JSX.Element {
  const citation = fullCitation(record);
  const [copied, setCopied] = useState(false);
  const { notify } = useAppState();
  // Date and type speak for themselves; the record ID and the archive say what they are.
  const facts: { label: string; value: string | null; shown: boolean }[] = [
    { label: 'Date', value: formatDate(record.date), shown: false },
    { label: 'Type', value: record.type, shown: false },
    { label: 'Record ID', value: record.recordId, shown: true },
    { label: 'Archive', value: archiveLine(record.source), shown: false },
  ];
  return (
    <header className="record-header">
      <h1 className="record-title">{record.title}</h1>
      <p className="record-facts">
        {facts
          .filter((f) => f.value)
          .map((f) => (
            <span key={f.label} className="fact">
              <span className={f.shown ? 'fact-label' : 'visually-hidden'}>{f.label}: </span>
              {f.value}
            </span>
          ))}
      </p>
      <div id={aboutId} className="record-about" hidden={!aboutOpen}>
        {record.summary && <p className="record-summary">{record.summary}</p>}
        <figure className="citation">
          <figcaption>Citation</figcaption>
          <blockquote className="citation-text">{citation}</blockquote>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              // The clipboard may refuse (no permission, window not focused): say so, never fail
              // silently.
              const written = navigator.clipboard
                ? navigator.clipboard.writeText(citation)
                : Promise.reject(new Error('no clipboard'));
              written.then(
                () => {
                  setCopied(true);
                  window.setTimeout(() => setCopied(false), 2000);
                },
                () =>
                  notify({
                    kind: 'error',
                    text: 'The citation could not be copied: select it and press Ctrl+C.',
                  }),
              );
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
      </div>
    </header>
  );
}
