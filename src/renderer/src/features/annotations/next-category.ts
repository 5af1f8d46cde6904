// The category the next highlight gets. It is always shown (in the selection toolbar), it goes
// back to Note after one use, and only a visible lock keeps it: no hidden mode.

export const DEFAULT_CATEGORY = 'note';

export interface NextCategory {
  id: string;
  locked: boolean;
}

export const FIRST_CATEGORY: NextCategory = { id: DEFAULT_CATEGORY, locked: false };

/** The user chose a category for what comes next (a number key with nothing to act on). */
export function chooseCategory(state: NextCategory, id: string): NextCategory {
  return { ...state, id };
}

/** A highlight, link or comment was made with `used`: locked, it stays; else back to Note. */
export function afterUse(state: NextCategory, used: string): NextCategory {
  return state.locked ? { id: used, locked: true } : FIRST_CATEGORY;
}

export function toggleLock(state: NextCategory): NextCategory {
  return { ...state, locked: !state.locked };
}
