// The handout builder's choices, remembered in the library between sessions (title,
// instructions, languages, categories, glossary and questions on or off, the format).
import { handoutSettings } from '@shared/api/methods/export';
import { DEFAULT_HANDOUT_SETTINGS, type HandoutSettings } from '@shared/edition';
import type { AppContext } from '../context';

const KEY = 'export.handout';

/** The remembered settings; defaults when none were saved or what was saved no longer fits. */
export function loadHandoutSettings(ctx: AppContext): HandoutSettings {
  const stored = ctx.settings.get(KEY);
  if (!stored) return { ...DEFAULT_HANDOUT_SETTINGS };
  try {
    const parsed = handoutSettings.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : { ...DEFAULT_HANDOUT_SETTINGS };
  } catch {
    return { ...DEFAULT_HANDOUT_SETTINGS };
  }
}

export function saveHandoutSettings(ctx: AppContext, settings: HandoutSettings): HandoutSettings {
  ctx.settings.set(KEY, JSON.stringify(settings));
  return settings;
}
