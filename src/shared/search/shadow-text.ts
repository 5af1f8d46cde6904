// The text the search index holds for a document: not the text itself but four "shadow" forms,
// built here in JavaScript because SQLite can neither stem nor fold ё (see ../text/stemming.ts).
// Each is a space-separated list of words that FTS5's tokenizer takes as they are.
//
//   surface    every word folded (lower case, ё→е, no accents): exact forms and prefixes
//   stems      every word's stem, in order: word forms and phrases ("о перемирии" ~ "о перемирия")
//   names_cyr  cross-script keys of capitalised Cyrillic words: Latin queries find Russian names
//   names_lat  cross-script keys of capitalised Latin words: Cyrillic queries find English names
import { wordForms } from './words';

export interface ShadowText {
  surface: string;
  stems: string;
  namesCyr: string;
  namesLat: string;
}

export const SHADOW_COLUMNS = ['surface', 'stems', 'names_cyr', 'names_lat'] as const;
export type ShadowColumn = (typeof SHADOW_COLUMNS)[number];

export function shadowText(text: string): ShadowText {
  const forms = wordForms(text);
  return {
    surface: forms.folded.join(' '),
    stems: forms.stems.join(' '),
    namesCyr: forms.cyrillicNames.join(' '),
    namesLat: forms.latinNames.join(' '),
  };
}

let lastText: string | null = null;
let lastShadow: ShadowText = { surface: '', stems: '', namesCyr: '', namesLat: '' };

/**
 * One shadow column of a text. The index asks for the four columns of one text in a row, so the
 * last text's shadow is kept and reused.
 */
export function shadowColumn(text: string | null, column: ShadowColumn): string {
  if (text === null || text === '') return '';
  if (text !== lastText) {
    lastShadow = shadowText(text);
    lastText = text;
  }
  switch (column) {
    case 'surface':
      return lastShadow.surface;
    case 'stems':
      return lastShadow.stems;
    case 'names_cyr':
      return lastShadow.namesCyr;
    case 'names_lat':
      return lastShadow.namesLat;
  }
}
