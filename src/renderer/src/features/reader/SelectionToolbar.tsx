import type { JSX } from 'react';
import type { Category } from '@shared/model';
import type { Pending } from '../annotations/use-annotation-tools';
import type { PassageSelection } from './selection';

export interface SelectionToolbarProps {
  selection: PassageSelection;
  categories: Category[];
  stickyCategory: string;
  pending: Pending | null;
  onHighlight(categoryId?: string): void;
  onComment(): void;
  onLink(): void;
  onEditText(): void;
}

/**
 * Floating buttons over a text selection. Pressing them must not clear the selection, so they
 * act on mouse down's default being prevented. Every button shows its key.
 */
export function SelectionToolbar(props: SelectionToolbarProps): JSX.Element {
  const { selection, pending } = props;
  const top = Math.max(8, selection.rect.top - 52);
  const left = Math.min(window.innerWidth - 560, Math.max(8, selection.rect.left));
  const keep = (event: React.MouseEvent): void => event.preventDefault();
  const sticky = props.categories.find((c) => c.id === props.stickyCategory);
  if (pending) {
    const verb = pending.kind === 'link' ? 'Link here' : 'Attach here';
    return (
      <div
        className="selection-toolbar"
        role="toolbar"
        aria-label="Annotate selection"
        style={{ top, left }}
      >
        <button
          type="button"
          className="primary"
          onMouseDown={keep}
          onClick={props.onLink}
          aria-keyshortcuts="L"
        >
          {verb} <kbd aria-hidden="true">L</kbd>
        </button>
      </div>
    );
  }
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Annotate selection"
      style={{ top, left }}
    >
      <button
        type="button"
        onMouseDown={keep}
        onClick={() => props.onHighlight()}
        aria-keyshortcuts="H"
      >
        Highlight <kbd aria-hidden="true">H</kbd>
      </button>
      <button type="button" onMouseDown={keep} onClick={props.onComment} aria-keyshortcuts="C">
        Comment <kbd aria-hidden="true">C</kbd>
      </button>
      <button type="button" onMouseDown={keep} onClick={props.onLink} aria-keyshortcuts="L">
        Link counterpart <kbd aria-hidden="true">L</kbd>
      </button>
      <span
        className="toolbar-categories"
        role="group"
        aria-label={`Mark as (now ${sticky?.name ?? 'Note'})`}
      >
        {props.categories.slice(0, 9).map((category, i) => (
          <button
            key={category.id}
            type="button"
            className="category-key"
            aria-pressed={category.id === props.stickyCategory}
            aria-keyshortcuts={String(i + 1)}
            aria-label={`Mark as ${category.name}`}
            title={`${category.name} (${i + 1})`}
            onMouseDown={keep}
            onClick={() => props.onHighlight(category.id)}
            style={{ '--chip-color': category.color } as React.CSSProperties}
          >
            {i + 1}
          </button>
        ))}
      </span>
      <button type="button" onMouseDown={keep} onClick={props.onEditText} aria-keyshortcuts="E">
        Correct text <kbd aria-hidden="true">E</kbd>
      </button>
    </div>
  );
}
