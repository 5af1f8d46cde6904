// Realistic generated records for the library benchmark. The texts come from word-pair (bigram)
// chains learnt from the project's real Russian and English fixture records, so word
// frequencies, inflections, names and phrases ("о перемирии", "38th parallel") are those of Cold
// War archival documents, while every passage is new. Deterministic (seeded), so runs compare.
import fs from 'node:fs';
import path from 'node:path';

// Read from the project folder, where `npm run bench` runs.
const FIXTURES = (): string => path.resolve('tests/fixtures/alignment');
const SAMPLE = (): string => path.resolve('resources/sample/wilson-center-110374.txt');

/** A small, fast, seeded random generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const END = '\u0000';

class Chain {
  private readonly next = new Map<string, string[]>();
  private readonly starts: string[] = [];

  learn(sentence: string): void {
    const words = sentence.split(/\s+/u).filter(Boolean);
    if (words.length < 3) return;
    this.starts.push(words[0]!);
    for (let i = 0; i < words.length; i++) {
      const list = this.next.get(words[i]!) ?? [];
      list.push(words[i + 1] ?? END);
      this.next.set(words[i]!, list);
    }
  }

  sentence(random: () => number, maxWords = 40): string {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const words = [pick(this.starts)];
    while (words.length < maxWords) {
      const following = this.next.get(words.at(-1)!);
      if (!following) break;
      const word = pick(following);
      if (word === END) break;
      words.push(word);
    }
    const text = words.join(' ');
    return /[.!?»”]$/u.test(text) ? text : `${text}.`;
  }
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[«“"(\p{Lu}])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface GeneratedRecord {
  title: string;
  date: string | null;
  type: string;
  source: string;
  summary: string;
  ru: string[];
  en: string[];
  notes: {
    side: 'original' | 'translation';
    passage: number;
    words: number;
    comment: string;
    category: string;
    tags: string[];
  }[];
}

const PEOPLE: [string, string][] = [
  ['Stalin', 'Сталин'],
  ['Mao Zedong', 'Мао Цзэдун'],
  ['Kim Il Sung', 'Ким Ир Сен'],
  ['Zhou Enlai', 'Чжоу Эньлай'],
  ['Peng Dehuai', 'Пэн Дэхуай'],
  ['Molotov', 'Молотов'],
  ['Vyshinsky', 'Вышинский'],
  ['Gromyko', 'Громыко'],
  ['Krasovsky', 'Красовский'],
  ['Roshchin', 'Рощин'],
  ['Shtykov', 'Штыков'],
  ['Razuvaev', 'Разуваев'],
];
const TOPICS = [
  'the armistice negotiations',
  'the Korean question',
  'military aid to China',
  'the Kaesong talks',
  'prisoners of war',
  'the 38th parallel',
  'the Chinese volunteer units',
  'the Geneva conference',
];
const TYPES = ['Telegram', 'Letter', 'Memorandum', 'Report', 'Minutes', 'Decision', 'Cable'];
const ARCHIVES: [string, string[]][] = [
  ['APRF', ['45', '3']],
  ['AVP RF', ['059a', '07', '0102']],
  ['RGASPI', ['558', '17', '495']],
  ['RGANI', ['5', '89']],
  ['GARF', ['R-5446', 'R-9401']],
  ['TsAMO', ['5', '16']],
];
const TAGS = [
  'ceasefire',
  'prisoners',
  'aid',
  'Kaesong',
  'translation check',
  'chronology',
  'Politburo',
];
const CATEGORIES = ['note', 'question', 'translation-issue', 'person', 'place', 'term'];
const COMMENTS = [
  'Compare with the Chinese text of the same telegram.',
  'Stalin insists on speed here; the armistice is urgent.',
  'The English renders this loosely: check the original wording.',
  'A name the translator spelled differently elsewhere.',
  'Date of dispatch differs from the date of receipt.',
  'Cited in Weathersby 1993; see the footnote there.',
  'The negotiations stall on the prisoners question.',
];

/** The vocabulary of the fixture records, as chains that write new sentences. */
export function loadChains(): { ru: Chain; en: Chain } {
  const ru = new Chain();
  const en = new Chain();
  for (const file of fs.readdirSync(FIXTURES()).filter((f) => f.endsWith('.json'))) {
    const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURES(), file), 'utf8')) as {
      originalLang: string;
      original: string[];
      translation: string[];
    };
    const original = fixture.originalLang === 'ru' ? ru : en;
    for (const p of fixture.original) for (const s of sentencesOf(p)) original.learn(s);
    for (const p of fixture.translation) for (const s of sentencesOf(p)) en.learn(s);
  }
  for (const line of fs.readFileSync(SAMPLE(), 'utf8').split('\n')) {
    const chain = /\p{Script=Cyrillic}/u.test(line) ? ru : en;
    for (const s of sentencesOf(line)) chain.learn(s);
  }
  return { ru, en };
}

export function generateRecord(index: number, chains: { ru: Chain; en: Chain }): GeneratedRecord {
  const random = seeded(index * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const passages = (chain: Chain, n: number): string[] =>
    Array.from({ length: n }, () =>
      Array.from({ length: int(1, 3) }, () => chain.sentence(random)).join(' '),
    );
  const [a, b] = [pick(PEOPLE), pick(PEOPLE)];
  const type = pick(TYPES);
  const topic = pick(TOPICS);
  const title = {
    Telegram: `Ciphered Telegram No. ${int(100, 9999)}, ${a[0]} to ${b[0]}`,
    Letter: `Letter from ${a[0]} to ${b[0]} on ${topic}`,
    Memorandum: `Memorandum on ${topic}`,
    Report: `Report by ${a[0]} on ${topic}`,
    Minutes: `Record of a Conversation between ${a[0]} and ${b[0]}`,
    Decision: `Politburo Decision on ${topic}`,
    Cable: `Cable from ${a[0]} to ${b[0]} about ${topic}`,
  }[type]!;
  const year = int(1945, 1991);
  const month = String(int(1, 12)).padStart(2, '0');
  const day = String(int(1, 28)).padStart(2, '0');
  const precision = random();
  const date =
    precision < 0.05
      ? null
      : precision < 0.15
        ? `${year}`
        : precision < 0.3
          ? `${year}-${month}`
          : `${year}-${month}-${day}`;
  const [archive, fonds] = pick(ARCHIVES);
  const source = `${archive}, f. ${pick(fonds)}, op. ${int(1, 20)}, d. ${int(1, 900)}, ll. ${int(1, 200)}-${int(201, 260)}`;
  const ru = passages(chains.ru, int(20, 80));
  const en = passages(chains.en, int(20, 80));
  const notes: GeneratedRecord['notes'] = [];
  if (random() < 0.1) {
    for (let k = int(1, 4); k > 0; k--) {
      const side = random() < 0.6 ? 'original' : 'translation';
      notes.push({
        side,
        passage: int(0, (side === 'original' ? ru : en).length - 1),
        words: int(1, 3),
        comment: random() < 0.7 ? pick(COMMENTS) : '',
        category: pick(CATEGORIES),
        tags: random() < 0.5 ? [pick(TAGS)] : [],
      });
    }
  }
  return {
    title,
    date,
    type,
    source,
    summary: `${type} on ${topic}, ${a[0]} and ${b[0]}.`,
    ru,
    en,
    notes,
  };
}
