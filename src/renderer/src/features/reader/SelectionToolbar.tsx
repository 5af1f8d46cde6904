import { useLayoutEffect, useRef, useState, type CSSProperties, type JSX } from 'react';
import type { Category } from '@shared/model';
import type { NextCategory } from '../annotations/next-category';
import type { Pending } from '../annotations/use-annotation-tools';
import { placeAboveOrBelow } from './placement';
import { selectedBox, type PassageSelection } from './selection';

export interface SelectionToolbarProps {
  selection: PassageSelection;
  categories: Category[];
  /** The category H gives, and whether it is kept after one use. */
  next: NextCategory;
  pending: Pending | null;
  onHighlight(categoryId?: string): void;
  onComment(): void;
  onLink(): void;
  onEditText(): void;
  onToggleLock(): void;
}

/**
 * Where the toolbar goes: measured once drawn, then above the selection (below when there is no
 * room), never over it, and inside the window; it follows the words when the page scrolls.
 */
function useToolbarPosition(selection: PassageSelection): {
  ref: React.RefObject<HTMLDivElement | null>;
  style: CSSProperties;
} {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const place = (): void => {
      const element = ref.current;
      if (!element) return;
      const { left, top } = placeAboveOrBelow(
        selectedBox(selection.rect),
        { width: element.offsetWidth, height: element.offsetHeight },
        { width: window.innerWidth, height: window.innerHeight },
      );
      setPosition((p) => (p && p.left === left && p.top === top ? p : { left, top }));
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [selection]);
  return {
    ref,
    style: position ? { left: position.left, top: position.top } : { visibility: 'hidden' },
  };
}

/** A padlock, shut when the category is kept for the next highlights. */
function LockIcon({ locked }: { locked: boolean }): JSX.Element {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path
        d={locked ? 'M5 7V5a3 3 0 0 1 6 0v2' : 'M5 7V5a3 3 0 0 1 6 0'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        transform={locked ? undefined : 'translate(3 -1.5)'}
      />
    </svg>
  );
}

/** A category's colour and line, as its marks show them. */
function Swatch({ category }: { category: Category }): JSX.Element {
  return (
    <span
      className="category-chip"
      data-line={category.line}
      style={{ '--chip-color': category.color } as CSSProperties}
      aria-hidden="true"
    />
  );
}

/**
 * Floating buttons beside a text selection, shown once the mouse button is up. Pressing them
 * must not clear the selection, so they act on mouse down's default being prevented. Every
 * button shows its key; the categories are named chips, the one H gives is marked, and a lock
 * keeps it for the highlights after.
 */
export function SelectionToolbar(props: SelectionToolbarProps): JSX.Element {
  const { selection, pending, next } = props;
  const { ref, style } = useToolbarPosition(selection);
  const keep = (event: React.MouseEvent): void => event.preventDefault();
  const current =
    props.categories.find((c) => c.id === next.id) ??
    props.categories.find((c) => c.id === 'note') ??
    props.categories[0];
  if (pending) {
    const verb = pending.kind === 'link' ? 'Link here' : 'Attach here';
    return (
      <div
        className="selection-toolbar"
        role="toolbar"
        aria-label="Annotate selection"
        ref={ref}
        style={style}
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
      ref={ref}
      style={style}
    >
      <div className="toolbar-row">
        <button
          type="button"
          onMouseDown={keep}
          onClick={() => props.onHighlight()}
          aria-keyshortcuts="H"
        >
          {current && <Swatch category={current} />}
          Highlight as {current?.name ?? 'Note'} <kbd aria-hidden="true">H</kbd>
        </button>
        <button type="button" onMouseDown={keep} onClick={props.onComment} aria-keyshortcuts="C">
          Comment <kbd aria-hidden="true">C</kbd>
        </button>
        <button type="button" onMouseDown={keep} onClick={props.onLink} aria-keyshortcuts="L">
          Link counterpart <kbd aria-hidden="true">L</kbd>
        </button>
        <button type="button" onMouseDown={keep} onClick={props.onEditText} aria-keyshortcuts="E">
          Correct text <kbd aria-hidden="true">E</kbd>
        </button>
      </div>
      <div className="toolbar-row toolbar-categories" role="group" aria-label="Mark as">
        {props.categories.slice(0, 9).map((category, i) => (
          <button
            key={category.id}
            type="button"
            className="category-key"
            aria-pressed={category.id === current?.id}
            aria-keyshortcuts={String(i + 1)}
            title={`${category.name} (${i + 1})`}
            onMouseDown={keep}
            onClick={() => props.onHighlight(category.id)}
          >
            <Swatch category={category} />
            {category.name} <kbd aria-hidden="true">{i + 1}</kbd>
          </button>
        ))}
        <button
          type="button"
          className="category-lock"
          aria-pressed={next.locked}
          aria-label={`Keep ${current?.name ?? 'Note'} for the next highlights`}
          title={
            next.locked
              ? 'The category stays for the next highlights. Press to go back to Note after each.'
              : 'After one highlight the category goes back to Note. Press to keep it.'
          }
          onMouseDown={keep}
          onClick={props.onToggleLock}
        >
          <LockIcon locked={next.locked} /> Keep
        </button>
      </div>
    </div>
  );
}
