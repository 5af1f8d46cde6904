import { describe, expect, it } from 'vitest';
import { searchWords } from '../../../src/shared/search/words';
import { nameKeys, queryNameKeys } from '../../../src/shared/search/name-keys';
import { shadowText } from '../../../src/shared/search/shadow-text';

const stems = (text: string): string[] => searchWords(text).map((w) => w.stem);
const folded = (text: string): string[] => searchWords(text).map((w) => w.folded);

describe('words and stems for search', () => {
  it('gives every Russian case form of a word one stem', () => {
    const forms = ['перемирие', 'перемирия', 'перемирии', 'перемирием', 'Перемирие', 'ПЕРЕМИРИЯ'];
    expect(new Set(forms.flatMap(stems))).toEqual(new Set(['перемир']));
    expect(new Set(stems('переговоры переговоров переговорами'))).toEqual(new Set(['переговор']));
  });

  it('gives English inflections one stem', () => {
    expect(new Set(stems('armistice armistices Armistice'))).toEqual(new Set(['armistic']));
    expect(new Set(stems('negotiation negotiations'))).toEqual(new Set(['negoti']));
  });

  it('folds ё to е and Cyrillic capitals to lower case, keeping й', () => {
    expect(folded('Ёлка ёлка ЕЛКА')).toEqual(['елка', 'елка', 'елка']);
    expect(stems('ещё')).toEqual(stems('еще'));
    expect(folded('Йемен войной')).toEqual(['йемен', 'войной']);
  });

  it('removes accents and stress marks from Latin and Cyrillic', () => {
    expect(folded('Gdańsk Kaesŏng ми\u0301ра')).toEqual(['gdansk', 'kaesong', 'мира']);
  });

  it('splits words as FTS5 does and keeps a possessive with its word', () => {
    const words = searchWords('Stalin’s по-русски 95-96 ВКП(б)');
    expect(words.map((w) => w.folded)).toEqual(['stalin', 'по', 'русски', '95', '96', 'вкп', 'б']);
    expect(words[0]).toMatchObject({ start: 0, end: 6, capitalised: true, script: 'latin' });
    expect(words.every((w) => /^[\p{L}\p{N}]+$/u.test(w.folded))).toBe(true);
  });

  it('keeps offsets into the original text, whatever the folding did', () => {
    const text = 'Ёж, «Мао Цзэдун» — 1951 г.';
    for (const w of searchWords(text)) {
      expect(text.slice(w.start, w.end).toLowerCase().replace('ё', 'е')).toBe(w.folded);
    }
  });

  it('cuts absurdly long words and splits Han characters one by one', () => {
    expect(searchWords('x'.repeat(5000))[0]!.folded).toHaveLength(64);
    expect(folded('毛泽东同志')).toEqual(['毛', '泽', '东', '同', '志']);
  });

  it('keys names so that transliterations meet', () => {
    const meets = (latin: string, cyrillic: string): boolean =>
      queryNameKeys(latin).some((k) => nameKeys(cyrillic).includes(k));
    expect(meets('Kim', 'Ким') && meets('Il', 'Ир') && meets('Sung', 'Сен')).toBe(true);
    expect(meets('Peng', 'Пэн') && meets('Dehuai', 'Дэхуаем')).toBe(true);
    expect(meets('Mao', 'Мао') && meets('Zedong', 'Цзэдуна')).toBe(true);
    expect(meets('Krasovsky', 'Красовскому')).toBe(true);
    expect(meets('Stalin', 'Сталину')).toBe(true);
    expect(meets('Ridgway', 'Риджуэю')).toBe(true);
    expect(meets('Kim', 'Мао')).toBe(false);
    expect(meets('Stalin', 'Сталь')).toBe(false);
  });

  it('builds the shadow columns of a text', () => {
    const shadow = shadowText('Ваши телеграммы о перемирии получены. Kim Il Sung и Ким Ир Сен.');
    expect(shadow.stems.split(' ')).toContain('перемир');
    expect(shadow.surface.split(' ')).toContain('перемирии');
    expect(shadow.namesCyr.split(' ')).toEqual(expect.arrayContaining(['kam', 'ar', 'san']));
    expect(shadow.namesLat.split(' ')).toEqual(expect.arrayContaining(['kam', 'ar', 'san']));
    // Lower-case words are no names.
    expect(shadow.namesCyr.split(' ')).not.toContain('taragramma');
  });

  it('gives a word met again (words are remembered) the same forms and its own offsets', () => {
    const text = 'сталин 毛泽东 Сталин, 毛泽东 Stalin’s stalin';
    const words = searchWords(text);
    expect(words.map((w) => [text.slice(w.start, w.end), w.folded, w.capitalised])).toEqual([
      ['сталин', 'сталин', false],
      ['毛', '毛', false],
      ['泽', '泽', false],
      ['东', '东', false],
      ['Сталин', 'сталин', true],
      ['毛', '毛', false],
      ['泽', '泽', false],
      ['东', '东', false],
      ['Stalin', 'stalin', true],
      ['stalin', 'stalin', false],
    ]);
    expect(searchWords(text)).toEqual(words);
    // Only the capitalised forms give name keys, once each.
    const shadow = shadowText(text);
    expect(shadow.namesCyr.split(' ')).toEqual(nameKeys('Сталин'));
    expect(shadow.namesLat.split(' ')).toEqual(nameKeys('Stalin'));
    expect(shadow.surface).toBe('сталин 毛 泽 东 сталин 毛 泽 东 stalin stalin');
  });
});
