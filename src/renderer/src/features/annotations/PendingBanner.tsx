import type { JSX } from 'react';
import type { Pending } from './use-annotation-tools';

/** Tells the user what the reader waits for while a link or re-attachment is under way. */
export function PendingBanner({
  pending,
  onCancel,
}: {
  pending: Pending;
  onCancel(): void;
}): JSX.Element {
  const target = pending.annotation.targets[pending.kind === 'reattach' ? pending.targetIndex : 0];
  const quote = target?.quote.exact ?? '';
  const text =
    pending.kind === 'link'
      ? `Select the counterpart of “${quote}” in the other column, then press L (or “Link here”).`
      : `Select the new text for “${quote}”, then press L (or “Attach here”).`;
  return (
    <div className="pending-banner" role="status">
      <span>{text}</span>
      <button type="button" className="button" onClick={onCancel} aria-keyshortcuts="Escape">
        Cancel <kbd aria-hidden="true">Esc</kbd>
      </button>
    </div>
  );
}
