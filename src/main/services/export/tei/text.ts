// The record's two texts as TEI divisions: a <div> per language with xml:lang, a <p> per passage
// and an <s> per sentence, each with an xml:id; empty <anchor>s mark where annotated spans start
// and end (spans may overlap and cross sentences, anchors never break nesting); names of people,
// places and organisations are wrapped in persName / placeName / orgName where they nest cleanly.
import type { RecordDocument, Side } from '@shared/model';
import { sentenceSpans } from '../../alignment';
import { el, escapeXml } from './xml';

export interface AnchorMark {
  offset: number;
  edge: 'start' | 'end';
  id: string;
}

export interface NameMark {
  start: number;
  end: number;
  element: 'persName' | 'placeName' | 'orgName';
  ref: string;
}

export interface PassageMarks {
  anchors: AnchorMark[];
  names: NameMark[];
}

export interface TeiIds {
  prefix: string;
  div(side: Side): string;
  passage(side: Side, index: number): string;
  sentence(side: Side, index: number, sentence: number): string;
}

export function teiIds(prefix: string): TeiIds {
  const short = (side: Side): string => (side === 'original' ? 'o' : 't');
  return {
    prefix,
    div: (side) => `${prefix}${side}`,
    passage: (side, index) => `${prefix}${short(side)}-p${index + 1}`,
    sentence: (side, index, s) => `${prefix}${short(side)}-p${index + 1}-s${s + 1}`,
  };
}

/** Names that fit inside one sentence and do not cross each other, outermost first. */
function nestable(names: NameMark[], from: number, to: number): NameMark[] {
  const inside = names
    .filter((n) => n.start >= from && n.end <= to && n.end > n.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NameMark[] = [];
  for (const name of inside) {
    const crosses = kept.some((k) => name.start < k.end && name.end > k.end);
    const same = kept.some((k) => k.start === name.start && k.end === name.end);
    if (!crosses && !same) kept.push(name);
  }
  return kept;
}

/** Inline content of text[from, to) with the given anchors and names inside it. */
function inline(
  text: string,
  from: number,
  to: number,
  anchors: AnchorMark[],
  names: NameMark[],
): string {
  const cuts = new Set([from, to]);
  for (const a of anchors) cuts.add(a.offset);
  for (const n of names) {
    cuts.add(n.start);
    cuts.add(n.end);
  }
  const points = [...cuts].filter((p) => p >= from && p <= to).sort((a, b) => a - b);
  const anchor = (a: AnchorMark): string => el('anchor', { 'xml:id': a.id });
  let out = '';
  points.forEach((at, i) => {
    // At one offset: names close (innermost first), spans end, spans start, names open.
    out += names
      .filter((n) => n.end === at)
      .sort((a, b) => b.start - a.start)
      .map((n) => `</${n.element}>`)
      .join('');
    out += anchors
      .filter((a) => a.offset === at && a.edge === 'end')
      .map(anchor)
      .join('');
    out += anchors
      .filter((a) => a.offset === at && a.edge === 'start')
      .map(anchor)
      .join('');
    if (at === to) return;
    out += names
      .filter((n) => n.start === at)
      .sort((a, b) => b.end - a.end)
      .map((n) => `<${n.element} ref="${escapeXml(n.ref)}">`)
      .join('');
    out += escapeXml(text.slice(at, points[i + 1]!));
  });
  return out;
}

/** One passage as <p> with <s> children. */
export function passageXml(
  text: string,
  lang: string,
  ids: { p: string; s: (n: number) => string },
  marks: PassageMarks,
  facs: string | null = null,
): string {
  const spans = sentenceSpans(text, lang);
  const sentences = spans.length > 0 ? spans : [{ start: 0, end: text.length }];
  // Each anchor goes to exactly one place: the sentence holding it, or the gap before the next.
  const placed = new Set<AnchorMark>();
  const take = (pick: (a: AnchorMark) => boolean): AnchorMark[] =>
    marks.anchors.filter((a) => !placed.has(a) && pick(a)).map((a) => (placed.add(a), a));
  let out = '';
  let cursor = 0;
  sentences.forEach((span, n) => {
    const gap = take(
      (a) =>
        a.offset >= cursor &&
        (a.offset < span.start || (a.offset === span.start && a.edge === 'end')),
    );
    out += inline(text, cursor, span.start, gap, []);
    const inside = take(
      (a) =>
        a.offset >= span.start &&
        a.offset <= span.end &&
        !(a.offset === span.end && a.edge === 'start'),
    );
    const names = nestable(marks.names, span.start, span.end);
    out += el(
      's',
      { 'xml:id': ids.s(n) },
      inline(text, span.start, span.end, inside, names) || null,
    );
    cursor = span.end;
  });
  const rest = take(() => true);
  out += inline(text, cursor, text.length, rest, []);
  return el('p', { 'xml:id': ids.p, facs }, out);
}

/** The record's texts: one <div> per language. */
export function bodyXml(
  record: RecordDocument,
  ids: TeiIds,
  marksOf: (side: Side, index: number) => PassageMarks,
  facsOf: (side: Side, index: number) => string | null = () => null,
): string {
  return (['original', 'translation'] as const)
    .map((side) => {
      const version = record[side];
      const paragraphs = version.passages.map((p) =>
        passageXml(
          p.text,
          version.lang,
          { p: ids.passage(side, p.index), s: (n) => ids.sentence(side, p.index, n) },
          marksOf(side, p.index),
          facsOf(side, p.index),
        ),
      );
      const content = paragraphs.length > 0 ? paragraphs.join('\n') : el('p', {}, null);
      return el(
        'div',
        { type: side, 'xml:lang': version.lang, 'xml:id': ids.div(side) },
        `\n${content}\n`,
      );
    })
    .join('\n');
}
