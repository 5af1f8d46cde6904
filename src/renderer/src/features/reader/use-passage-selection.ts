import { useEffect, useState, type RefObject } from 'react';
import { readPassageSelection, type PassageSelection } from './selection';

/** The user's current text selection inside `area`, as a span of one passage (or null). */
export function usePassageSelection(area: RefObject<HTMLElement | null>): PassageSelection | null {
  const [selection, setSelection] = useState<PassageSelection | null>(null);
  useEffect(() => {
    const update = (): void => {
      const current = window.getSelection();
      const read = readPassageSelection(current);
      const inside = !!current?.anchorNode && !!area.current?.contains(current.anchorNode);
      if (!read || read === 'across-passages' || !inside) return setSelection(null);
      setSelection((previous) => {
        const same =
          previous !== null &&
          previous.passageId === read.passageId &&
          previous.start === read.start &&
          previous.end === read.end;
        return { ...read, draftId: same ? previous.draftId : crypto.randomUUID() };
      });
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [area]);
  return selection;
}
