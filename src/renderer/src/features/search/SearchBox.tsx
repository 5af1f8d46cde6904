import { useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { revealPassage } from '../alignment/reveal';
import { clearHits, paintHits } from './record-highlights';
import { useSearch } from './search-state';
import { SyntaxHelp } from './SyntaxHelp';
import '../../styles/search.css';

function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

/**
 * The one search box, in the top bar. Ctrl+K searches the whole library (results as you type);
 * Ctrl+F finds in the open record, over both columns: Enter and Shift+Enter (or F3) step
 * through the hits, each marked in the text with its counterpart in the other language.
 */
export function SearchBox(): JSX.Element {
  const search = useSearch();
  const { route, scope, setScope, find, current, step, input, text, type, submit, close } = search;
  const recordOpen = route.view === 'reader';
  const [counterpart, setCounterpart] = useState<string | null>(null);
  const announce = useRef<HTMLSpanElement>(null);
  const mod = isMac() ? '⌘' : 'Ctrl+';

  // Ctrl+K / Ctrl+F, and F3 or Ctrl+G for the next hit, from anywhere in the window.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      const key = event.key.toLowerCase();
      const ctrl = event.ctrlKey || event.metaKey;
      if (ctrl && !event.shiftKey && !event.altKey && (key === 'k' || key === 'f')) {
        event.preventDefault();
        setScope(key === 'f' && route.view === 'reader' ? 'record' : 'library');
        input.current?.focus();
        input.current?.select();
      } else if (find && (key === 'f3' || (ctrl && key === 'g'))) {
        event.preventDefault();
        step(event.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route.view, find, step, setScope, input]);

  // Mark the hits in the reader, bring the current one into view, keep the marks as rows render.
  useEffect(() => {
    if (!find || route.view !== 'reader') {
      clearHits();
      return;
    }
    const hit = current === null ? undefined : find.hits[current];
    const root = document.querySelector('main') ?? document.body;
    let cancelled = false;
    let landed = !hit;
    let frame = 0;
    const paint = (): void => {
      const painted = paintHits(root, find.hits, current);
      setCounterpart(painted.counterpart);
      if (!landed && painted.current) {
        landed = true;
        painted.current.scrollIntoView({ block: 'center' });
        if (search.focusHit.current) {
          search.focusHit.current = false;
          (painted.current as HTMLElement).focus({ preventScroll: true });
        }
      }
    };
    const land = async (): Promise<void> => {
      if (hit) await revealPassage({ passageId: hit.passageId, offset: hit.start });
      if (!cancelled) paint();
    };
    void land();
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => (landed ? paint() : void land()));
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [find, current, route.view, search.focusHit]);

  useEffect(() => () => clearHits(), []);

  const hit = find && current !== null ? find.hits[current] : undefined;
  const count = find?.hits.length ?? 0;
  const position = hit
    ? `${(current ?? 0) + 1} of ${count}`
    : find
      ? count === 0
        ? 'No hits'
        : `${count} hits`
      : '';

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (scope === 'record') step(event.shiftKey ? -1 : 1);
      else submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (scope === 'record') close();
      input.current?.blur();
    } else if (event.key === 'ArrowDown' && scope === 'library' && route.view === 'search') {
      const first = document.querySelector<HTMLElement>('.search-hit');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div className="searchbox-wrap">
      <div className="searchbox" role="search" aria-label="Search">
        <div className="search-scope" role="group" aria-label="Search in">
          <button
            type="button"
            aria-pressed={scope === 'library'}
            onClick={() => {
              setScope('library');
              input.current?.focus();
            }}
          >
            Library
          </button>
          <button
            type="button"
            aria-pressed={scope === 'record'}
            disabled={!recordOpen}
            title={recordOpen ? 'Find in the open record' : 'Open a record to find in it'}
            onClick={() => {
              setScope('record');
              input.current?.focus();
            }}
          >
            This record
          </button>
        </div>
        <input
          ref={input}
          type="search"
          className="search-input"
          value={text}
          onChange={(e) => type(e.target.value)}
          onKeyDown={onKeyDown}
          aria-label={scope === 'record' ? 'Find in this record' : 'Search the library'}
          aria-keyshortcuts="Control+K Control+F"
          placeholder={
            scope === 'record'
              ? `Find in this record (${mod}F)`
              : `Search both languages, notes and tags (${mod}K)`
          }
          spellCheck={false}
          autoComplete="off"
        />
        {scope === 'record' && (
          <>
            <span className="find-count" aria-hidden="true">
              {position}
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label="Previous hit"
              title="Previous hit (Shift+Enter, Shift+F3)"
              disabled={count === 0}
              onClick={() => step(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label="Next hit"
              title="Next hit (Enter, F3)"
              disabled={count === 0}
              onClick={() => step(1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label="Close find"
              title="Close (Esc)"
              onClick={close}
            >
              ×
            </button>
          </>
        )}
        <SyntaxHelp />
      </div>
      <span ref={announce} className="visually-hidden" aria-live="polite">
        {hit
          ? `Hit ${position}, ${hit.side === 'original' ? 'original' : 'translation'} text${counterpart ? `. Counterpart: ${counterpart}` : ''}`
          : find && text.trim() !== ''
            ? position
            : ''}
      </span>
      {scope === 'record' &&
        find &&
        (find.message || find.error || find.warnings.length > 0 || (hit && counterpart)) && (
          <section className="find-panel" aria-label="Find in this record">
            {(find.error ?? find.message) && (
              <p className="find-message">{find.error ?? find.message}</p>
            )}
            {find.warnings.map((w) => (
              <p key={w} className="find-warning">
                {w}
              </p>
            ))}
            {hit && counterpart && (
              <p className="find-counterpart">
                <span className="find-counterpart-label">
                  {hit.side === 'original' ? 'Translation' : 'Original'} of this passage:
                </span>{' '}
                {counterpart}
              </p>
            )}
          </section>
        )}
    </div>
  );
}
