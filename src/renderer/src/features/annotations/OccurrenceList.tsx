import type { JSX } from 'react';
import type { TextOccurrence } from '@shared/model';
import { showTextRange } from './marks';

/**
 * Where a term or a name occurs: in the open record, a button that selects the words in the
 * text; in other records, the words and the record's title.
 */
export function OccurrenceList(props: {
  occurrences: TextOccurrence[];
  recordId: string;
  label?: string;
}): JSX.Element {
  return (
    <ul className="occurrences" aria-label={props.label}>
      {props.occurrences.map((o) => (
        <li key={`${o.passageId}:${o.start}`}>
          {o.recordId === props.recordId ? (
            <button
              type="button"
              className="link-button"
              onClick={() => void showTextRange(o.passageId, o.start, o.end)}
              aria-label={`Show “${o.text}” in passage ${o.passageIndex + 1}`}
            >
              {o.text}
            </button>
          ) : (
            <span>
              {o.text} <span className="muted">in {o.recordTitle}</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
