// A compact menu of actions behind one button, as the WAI-ARIA menu button pattern describes:
// the button opens a role=menu list; arrow keys, Home/End and the first letter move between
// items, Enter or Space runs one, Esc closes and gives the focus back, Tab or a click outside
// closes. Items may be plain actions or a group of choices (menuitemradio).
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
} from 'react';

export interface MenuAction {
  kind?: 'action';
  label: string;
  /** A longer name for assistive technology, when the label alone is ambiguous. */
  ariaLabel?: string;
  danger?: boolean;
  run(): void;
}

export interface MenuChoice {
  kind: 'choice';
  label: string;
  checked: boolean;
  /** Shown before the label (a category's colour). */
  decoration?: JSX.Element;
  run(): void;
}

/** Choices of one kind (one is checked), e.g. the note's category. */
export interface MenuGroup {
  kind: 'group';
  label: string;
  choices: MenuChoice[];
}

export type MenuEntry = MenuAction | MenuGroup;

export function ActionMenu(props: {
  /** The button's accessible name, e.g. "Actions for “Кайдзио”". */
  label: string;
  entries: MenuEntry[];
}): JSX.Element {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [initial, setInitial] = useState<'first' | 'last'>('first');
  const id = useId();

  const items = (): HTMLElement[] => [
    ...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []),
  ];

  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  // On opening, the list goes below its button, or above it when it would run past the bottom
  // of the box that scrolls it (or of the window) and there is more room above; it never runs
  // out of that box, where focusing an item would scroll the notes panel and take its header
  // and filters out of view.
  useLayoutEffect(() => {
    const list = menu.current;
    const anchor = button.current;
    if (!open || !list || !anchor) return;
    let scroller = anchor.parentElement;
    while (scroller && !/auto|scroll/.test(getComputedStyle(scroller).overflowY)) {
      scroller = scroller.parentElement;
    }
    const area = scroller?.getBoundingClientRect();
    const top = Math.max(area?.top ?? 0, 0);
    const bottom = Math.min(area?.bottom ?? window.innerHeight, window.innerHeight);
    const box = anchor.getBoundingClientRect();
    const below = bottom - box.bottom - 8;
    const above = box.top - top - 8;
    const upward = list.offsetHeight > below && above > below;
    list.dataset['placement'] = upward ? 'above' : 'below';
    // Where neither side has room for all of it, it scrolls inside the room it has.
    list.style.maxHeight = `${Math.max(120, upward ? above : below)}px`;
  }, [open]);

  // On opening, the focus goes to the first (or last) item.
  useEffect(() => {
    if (!open) return;
    const list = items();
    (initial === 'first' ? list[0] : list.at(-1))?.focus();
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [open, initial]);

  const openWith = (where: 'first' | 'last'): void => {
    setInitial(where);
    setOpen(true);
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openWith('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openWith('last');
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown') next = list[(at + 1) % list.length];
    else if (event.key === 'ArrowUp') next = list[(at - 1 + list.length) % list.length];
    else if (event.key === 'Home') next = list[0];
    else if (event.key === 'End') next = list.at(-1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    } else if (event.key === 'Tab') {
      close(false);
      return;
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const letter = event.key.toLocaleLowerCase();
      const after = [...list.slice(at + 1), ...list.slice(0, at + 1)];
      next = after.find((item) => item.textContent?.trim().toLocaleLowerCase().startsWith(letter));
    }
    if (next) {
      event.preventDefault();
      // The reader's own single-letter keys must not act while the menu has the focus.
      event.stopPropagation();
      next.focus();
    }
  };

  const run = (entry: MenuAction | MenuChoice): void => {
    close(true);
    entry.run();
  };

  return (
    <span className="action-menu">
      <button
        ref={button}
        type="button"
        className="action-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={props.label}
        title={props.label}
        onClick={() => (open ? close(false) : openWith('first'))}
        onKeyDown={onButtonKey}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={id}
          role="menu"
          aria-label={props.label}
          className="action-menu-list"
          onKeyDown={onMenuKey}
        >
          {props.entries.map((entry) =>
            entry.kind === 'group' ? (
              <div key={`group-${entry.label}`} role="group" aria-label={entry.label}>
                <div className="action-menu-heading" aria-hidden="true">
                  {entry.label}
                </div>
                {entry.choices.map((choice) => (
                  <button
                    key={choice.label}
                    type="button"
                    role="menuitemradio"
                    aria-checked={choice.checked}
                    tabIndex={-1}
                    className="action-menu-item"
                    onClick={() => run(choice)}
                  >
                    {choice.decoration}
                    {choice.label}
                  </button>
                ))}
              </div>
            ) : (
              <button
                key={entry.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-label={entry.ariaLabel}
                className={entry.danger ? 'action-menu-item danger' : 'action-menu-item'}
                onClick={() => run(entry)}
              >
                {entry.label}
              </button>
            ),
          )}
        </div>
      )}
    </span>
  );
}
