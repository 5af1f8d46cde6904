import { useEffect, useRef, useState, type JSX } from 'react';

const EXAMPLES: [string, string][] = [
  ['перемирие', 'every form of the word: перемирия, перемирии…'],
  ['"о перемирии"', 'these words together, in this order'],
  ['перегов*', 'words that start so'],
  ['=перемирии', 'this exact form only'],
  ['Korea OR Корея', 'either word'],
  ['armistice -Korea', 'without a word (also NOT)'],
  ['Kim Il Sung', 'capitalised names also in the other script'],
  ['lang:ru  lang:en', 'only Russian or English text'],
  ['in:notes  in:text  in:titles', 'only your notes, the texts, or catalogue data'],
  ['tag:ceasefire  category:person', 'notes with a tag or category, and what they mark'],
];

/**
 * The query language in a nutshell, one click (or Enter) away from the box. Like any popover it
 * closes on Esc (the focus goes back to its button) and on a click anywhere outside it.
 */
export function SyntaxHelp(): JSX.Element {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const close = (refocus: boolean): void => {
      const element = details.current;
      if (!element) return;
      element.open = false;
      if (refocus) element.querySelector('summary')?.focus();
    };
    const onPointer = (event: PointerEvent): void => {
      if (!details.current?.contains(event.target as Node)) close(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      close(details.current?.contains(document.activeElement) ?? false);
    };
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  return (
    <details
      ref={details}
      className="search-help"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary aria-label="Search syntax help" title="Search syntax">
        ?
      </summary>
      <div className="search-help-panel">
        <h2>Searching</h2>
        <dl>
          {EXAMPLES.map(([example, meaning]) => (
            <div key={example}>
              <dt>
                <code>{example}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <p>
          Case and ё/е do not matter. In a record, <kbd>Enter</kbd> and <kbd>Shift+Enter</kbd> (or{' '}
          <kbd>F3</kbd>) go to the next and previous hit.
        </p>
      </div>
    </details>
  );
}
