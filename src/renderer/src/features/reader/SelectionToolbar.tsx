import type { JSX } from 'react';
import type { PassageSelection } from './selection';

export interface SelectionToolbarProps {
  selection: PassageSelection;
  onHighlight(): void;
  onComment(): void;
}

/**
 * Floating buttons over a text selection. Pressing them must not clear the selection, so they
 * act on mouse down's default being prevented. Shortcuts: H highlights, C comments.
 */
export function SelectionToolbar({
  selection,
  onHighlight,
  onComment,
}: SelectionToolbarProps): JSX.Element {
  const top = Math.max(8, selection.rect.top - 48);
  const left = Math.min(window.innerWidth - 220, Math.max(8, selection.rect.left));
  const keep = (event: React.MouseEvent): void => event.preventDefault();
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Annotate selection"
      style={{ top, left }}
    >
      <button type="button" onMouseDown={keep} onClick={onHighlight} aria-keyshortcuts="H">
        Highlight <kbd aria-hidden="true">H</kbd>
      </button>
      <button type="button" onMouseDown={keep} onClick={onComment} aria-keyshortcuts="C">
        Comment <kbd aria-hidden="true">C</kbd>
      </button>
    </div>
  );
}
