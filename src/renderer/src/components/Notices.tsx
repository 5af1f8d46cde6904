import type { JSX } from 'react';
import { useAppState } from '../app-state';

/**
 * Messages for the user: a polite live region for news ("Annotation deleted — Undo"), an
 * assertive one for errors, both read out by screen readers.
 */
export function Notices(): JSX.Element {
  const { notices, dismiss } = useAppState();
  const render = (kind: 'info' | 'error'): JSX.Element[] =>
    notices
      .filter((n) => n.kind === kind)
      .map((notice) => (
        <div key={notice.id} className={`notice notice-${kind}`}>
          <p className="notice-text">{notice.text}</p>
          {notice.details && notice.details.length > 0 && (
            <ul className="notice-details">
              {notice.details.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          <div className="notice-actions">
            {notice.action && (
              <button
                type="button"
                onClick={() => {
                  notice.action!.run();
                  dismiss(notice.id);
                }}
              >
                {notice.action.label}
              </button>
            )}
            <button type="button" aria-label="Dismiss message" onClick={() => dismiss(notice.id)}>
              ×
            </button>
          </div>
        </div>
      ));
  return (
    <div className="notices">
      <div role="status" aria-live="polite">
        {render('info')}
      </div>
      <div role="alert" aria-live="assertive">
        {render('error')}
      </div>
    </div>
  );
}
