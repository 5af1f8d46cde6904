// The reader remembers whether it last showed paragraph or sentence rows.
import type { AlignmentLevel } from '@shared/alignment/view';

const KEY = 'marginalia.alignmentLevel';

export function storedLevel(): AlignmentLevel {
  try {
    return window.localStorage.getItem(KEY) === 'sentence' ? 'sentence' : 'paragraph';
  } catch {
    return 'paragraph';
  }
}

export function storeLevel(level: AlignmentLevel): void {
  try {
    window.localStorage.setItem(KEY, level);
  } catch {
    // Storage may be unavailable (private windows); the choice then lasts for this session.
  }
}
