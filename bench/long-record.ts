// A long bilingual archive record, generated: a Russian report and its English translation in
// the digital-archive page layout the importer reads, with as many sentence pairs as asked for.
// Used by the e2e test and the benchmark of reading at scale. Deterministic: the same arguments
// always give the same text.

interface Pair {
  ru: string;
  en: string;
}

const PLACES: [string, string][] = [
  ['Курска', 'Kursk'],
  ['Орла', 'Orel'],
  ['Тамбова', 'Tambov'],
  ['Воронежа', 'Voronezh'],
  ['Пензы', 'Penza'],
  ['Саратова', 'Saratov'],
];
const NAMES: [string, string][] = [
  ['Иванов', 'IVANOV'],
  ['Петров', 'PETROV'],
  ['Смирнов', 'SMIRNOV'],
  ['Кузнецов', 'KUZNETSOV'],
  ['Попов', 'POPOV'],
  ['Соколов', 'SOKOLOV'],
];
const MONTHS: [string, string][] = [
  ['июня', 'June'],
  ['июля', 'July'],
  ['августа', 'August'],
  ['сентября', 'September'],
];

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(k: number, next: () => number): Pair {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const n = 10 + Math.floor(next() * 9000);
  const m = 1 + Math.floor(next() * 90);
  const [place, placeEn] = pick(PLACES);
  const [name, nameEn] = pick(NAMES);
  const [month, monthEn] = pick(MONTHS);
  const day = 1 + Math.floor(next() * 28);
  switch (k % 6) {
    case 0:
      return {
        ru: `В районе ${place} к ${day} ${month} собрано ${n} тонн зерна, что на ${m} процентов больше плана.`,
        en: `In the ${placeEn} district ${n} tons of grain had been gathered by ${day} ${monthEn}, ${m} percent above the plan.`,
      };
    case 1:
      return {
        ru: `Тов. ${name} доложил, что бригада № ${m} выполнила задание досрочно.`,
        en: `Comrade ${nameEn} reported that brigade No. ${m} fulfilled its task ahead of schedule.`,
      };
    case 2:
      return {
        ru: `Из ${n} тракторов исправны лишь ${m}, остальные ждут запасных частей.`,
        en: `Of ${n} tractors only ${m} are in working order; the rest await spare parts.`,
      };
    case 3:
      return {
        ru: `Просим выделить дополнительно ${m} вагонов для вывоза урожая из ${place}.`,
        en: `We request an additional ${m} railcars to carry the harvest away from ${placeEn}.`,
      };
    case 4:
      return {
        ru: `Совещание секретарей райкомов назначено на ${day} ${month} в ${1 + (m % 12)} часов.`,
        en: `The meeting of district committee secretaries is set for ${day} ${monthEn} at ${1 + (m % 12)} o'clock.`,
      };
    default:
      return {
        ru: `По сведениям тов. ${name}, за неделю поступило ${n} жалоб, из них рассмотрено ${m}.`,
        en: `According to Comrade ${nameEn}, ${n} complaints arrived during the week, of which ${m} have been examined.`,
      };
  }
}

export interface LongRecord {
  /** The record as the text of an archive page. */
  text: string;
  title: string;
  /** Paragraphs per side. */
  paragraphs: number;
  sentencePairs: number;
  /** The first and the last sentence pairs, to look for on the screen. */
  first: Pair;
  last: Pair;
}

/** A record of `sentencePairs` sentence pairs in paragraphs of `perParagraph` sentences. */
export function longRecord(sentencePairs = 5000, perParagraph = 5, seed = 1953): LongRecord {
  const next = random(seed);
  const pairs = Array.from({ length: sentencePairs }, (_, k) => sentence(k, next));
  const paragraphs = (side: keyof Pair): string[] => {
    const result: string[] = [];
    for (let k = 0; k < pairs.length; k += perParagraph) {
      result.push(
        pairs
          .slice(k, k + perParagraph)
          .map((p) => p[side])
          .join(' '),
      );
    }
    return result;
  };
  const title = `Harvest Reports of the Central Black Earth Region, ${sentencePairs} Sentences`;
  const text = [
    'September 30, 1952',
    title,
    ...paragraphs('ru'),
    ...paragraphs('en'),
    `Generated reports on the harvest campaign, ${sentencePairs} sentences in Russian and English.`,
    'Author(s):',
    'Document Information',
    'Source',
    'Generated for the Marginalia reading-at-scale test.',
    'Type',
    'Report',
    'Record ID',
    String(900000 + sentencePairs),
  ].join('\n\n');
  return {
    text: text + '\n',
    title,
    paragraphs: Math.ceil(sentencePairs / perParagraph),
    sentencePairs,
    first: pairs[0]!,
    last: pairs.at(-1)!,
  };
}
