// Which files of a batch belong together: an original and its translation named alike with a
// language before the extension ("telegram-3917.ru.txt" + "telegram-3917.en.txt", also with
// "_ru" or "-ru"). Shared by the renderer (to show and send pairs), the CLI and the services.
import { KNOWN_LANGUAGES } from '../text/language';

/** Language tags recognised in file names; two letters, as archives and translators use them. */
const NAME_LANGUAGES = new Set(KNOWN_LANGUAGES);

export interface NamedFile {
  /** The file's name, or its path relative to a chosen folder ("1951/telegram.ru.txt"). */
  name: string;
}

export interface NameParts {
  /** Folder and name without the language and extension: "1951/telegram". */
  stem: string;
  lang: string | null;
  extension: string;
}

export type PlannedItem<F extends NamedFile> =
  | { kind: 'record'; file: F }
  | { kind: 'pair'; original: F; translation: F; originalLang: string; translationLang: string };

/** "1951/telegram.ru.txt" → { stem: "1951/telegram", lang: "ru", extension: ".txt" }. */
export function nameParts(name: string): NameParts {
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const base = name.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot).toLowerCase() : '';
  const bare = dot > 0 ? base.slice(0, dot) : base;
  const match = /^(.+?)[._-]([A-Za-z]{2})$/.exec(bare);
  const lang =
    match && NAME_LANGUAGES.has(match[2]!.toLowerCase()) ? match[2]!.toLowerCase() : null;
  const stem = name.slice(0, slash + 1) + (lang ? match![1]! : bare);
  return { stem, lang, extension };
}

/** Of two languages, which is the original's: the one that is not English. */
export function originalFirst(a: string, b: string): boolean {
  return !(a === 'en' && b !== 'en');
}

/**
 * Groups a batch into records and pairs. Two files with the same stem and different languages
 * form a pair (English is the translation); every other file is a record of its own. The order
 * of the batch is kept.
 */
export function planImport<F extends NamedFile>(files: F[]): PlannedItem<F>[] {
  const byStem = new Map<string, { file: F; lang: string }[]>();
  for (const file of files) {
    const parts = nameParts(file.name);
    if (!parts.lang) continue;
    const key = parts.stem.toLowerCase();
    byStem.set(key, [...(byStem.get(key) ?? []), { file, lang: parts.lang }]);
  }
  const paired = new Map<F, PlannedItem<F>>();
  for (const group of byStem.values()) {
    const english = group.find((g) => g.lang === 'en');
    const other = group.find((g) => g.lang !== 'en');
    const pair =
      group.length === 2 && group[0]!.lang !== group[1]!.lang
        ? originalFirst(group[0]!.lang, group[1]!.lang)
          ? [group[0]!, group[1]!]
          : [group[1]!, group[0]!]
        : english && other
          ? [other, english]
          : null;
    if (!pair) continue;
    const [original, translation] = pair as [{ file: F; lang: string }, { file: F; lang: string }];
    const item: PlannedItem<F> = {
      kind: 'pair',
      original: original.file,
      translation: translation.file,
      originalLang: original.lang,
      translationLang: translation.lang,
    };
    paired.set(original.file, item);
    paired.set(translation.file, item);
  }
  const plan: PlannedItem<F>[] = [];
  const planned = new Set<PlannedItem<F>>();
  for (const file of files) {
    const item = paired.get(file);
    if (item) {
      if (!planned.has(item)) plan.push(item);
      planned.add(item);
    } else {
      plan.push({ kind: 'record', file });
    }
  }
  return plan;
}

/** A short label for a planned item, for progress and reports: "x.ru.txt + x.en.txt". */
export function itemLabel<F extends NamedFile>(item: PlannedItem<F>): string {
  return item.kind === 'record'
    ? item.file.name
    : `${item.original.name} + ${item.translation.name}`;
}
