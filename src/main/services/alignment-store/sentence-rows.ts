// Sentence rows: derived from the paragraph rows, overridden where the reader shaped them.
//
// The choice (documented in README, "Aligned reading"): the paragraph rows are the stored truth,
// and the sentence view is computed from them with alignSentences, so the two views never
// disagree and a paragraph correction reshapes the sentence view at once. Sentence corrections
// are stored per paragraph row: when the reader changes the sentence rows of a paragraph row,
// all sentence rows of that paragraph row are stored (sentences named by passage id and
// character span, see migration 0020). On reading, a paragraph row whose stored sentence rows
// still cover exactly its sentences shows them as stored; otherwise (its paragraph row was
// merged, split or moved since) it is aligned again around the confirmed sentence rows that
// still fit inside it, so confirmations survive paragraph corrections and re-alignment.

import type { AlignmentGroup, RecordDocument, Side } from '@shared/model';
import { SIDES } from '@shared/model';
import type { TextUnit } from '@shared/alignment/view';
import type { StoredSentence, StoredSentenceGroup } from '../../db/repositories/alignment';
import { alignSentences, realign, type SentenceAlignment } from '../alignment';
import type { AlignOptions } from '../alignment';
import { inReadingOrder, orderedCover, type LocalGroup } from './row-order';

/** The sentences of a record and how they fall into its paragraph rows. */
export interface SentenceLayout {
  options: AlignOptions;
  sentences: SentenceAlignment;
  units: Record<Side, TextUnit[]>;
  /** Sentence index → paragraph row. */
  paragraphRow: Record<Side, Int32Array>;
  /** Per paragraph row: its sentence range [from, to) on each side. */
  ranges: { original: [number, number]; translation: [number, number] }[];
  /** Per paragraph row: the machine's sentence rows (global sentence indexes). */
  machine: AlignmentGroup[][];
  /** Per paragraph row: its confidence as alignSentences weighs it. */
  rowConfidence: number[];
  passageIds: Record<Side, number[]>;
  /** "passageId:start:end" → sentence index, per side. */
  sentenceIndex: Record<Side, Map<string, number>>;
}

const keyOf = (passageId: number, start: number, end: number): string =>
  `${passageId}:${start}:${end}`;

export function sentenceLayout(record: RecordDocument): SentenceLayout {
  const options = {
    originalLang: record.original.lang,
    translationLang: record.translation.lang,
  };
  const paragraphs = (side: Side): string[] => record[side].passages.map((p) => p.text);
  const sentences = alignSentences(
    paragraphs('original'),
    paragraphs('translation'),
    record.alignment,
    options,
  );
  const passageIds = {
    original: record.original.passages.map((p) => p.id),
    translation: record.translation.passages.map((p) => p.id),
  };
  const rowOfParagraph = {
    original: new Int32Array(record.original.passages.length),
    translation: new Int32Array(record.translation.passages.length),
  };
  record.alignment.forEach((group, row) => {
    for (const side of SIDES) for (const p of group[side]) rowOfParagraph[side][p] = row;
  });
  const units = { original: [] as TextUnit[], translation: [] as TextUnit[] };
  const paragraphRow = {
    original: new Int32Array(sentences.original.length),
    translation: new Int32Array(sentences.translation.length),
  };
  const sentenceIndex = { original: new Map<string, number>(), translation: new Map() };
  const ranges = record.alignment.map(() => ({
    original: [Infinity, -Infinity] as [number, number],
    translation: [Infinity, -Infinity] as [number, number],
  }));
  for (const side of SIDES) {
    sentences[side].forEach((ref, k) => {
      units[side].push({ passage: ref.paragraph, start: ref.start, end: ref.end });
      const row = rowOfParagraph[side][ref.paragraph] ?? 0;
      paragraphRow[side][k] = row;
      const range = ranges[row]![side];
      range[0] = Math.min(range[0], k);
      range[1] = Math.max(range[1], k + 1);
      sentenceIndex[side].set(keyOf(passageIds[side][ref.paragraph] ?? -1, ref.start, ref.end), k);
    });
  }
  for (const range of ranges) {
    for (const side of SIDES) if (range[side][0] === Infinity) range[side] = [0, 0];
  }
  const machine: AlignmentGroup[][] = record.alignment.map(() => []);
  for (const group of sentences.groups) {
    const side: Side = group.original.length > 0 ? 'original' : 'translation';
    machine[paragraphRow[side][group[side][0] ?? 0] ?? 0]!.push(group);
  }
  return {
    options,
    sentences,
    units,
    paragraphRow,
    ranges,
    machine,
    rowConfidence: record.alignment.map((row) => (row.confirmed ? 1 : row.confidence)),
    passageIds,
    sentenceIndex,
  };
}

/** The paragraph row a sentence row lies in, or null when it spans several. */
export function paragraphRowOf(layout: SentenceLayout, group: AlignmentGroup): number | null {
  let row: number | null = null;
  for (const side of SIDES) {
    for (const k of group[side]) {
      const r = layout.paragraphRow[side][k];
      if (r === undefined) return null;
      if (row === null) row = r;
      else if (r !== row) return null;
    }
  }
  return row;
}

/** Describes the first sentence row that crosses a paragraph row boundary, or null. */
export function paragraphRowProblem(
  layout: SentenceLayout,
  groups: readonly AlignmentGroup[],
): string | null {
  for (const [position, group] of groups.entries()) {
    if (paragraphRowOf(layout, group) === null) {
      return (
        `sentence row ${position + 1} would join sentences of different paragraph rows; ` +
        'change the paragraph rows in the paragraph view first'
      );
    }
  }
  return null;
}

/** Aligns one paragraph row's sentences again, keeping the confirmed sentence rows in it. */
function realignRow(
  layout: SentenceLayout,
  row: number,
  kept: readonly AlignmentGroup[],
): AlignmentGroup[] {
  const range = layout.ranges[row]!;
  const [o0, o1] = range.original;
  const [t0, t1] = range.translation;
  const texts = (side: Side, from: number, to: number): string[] =>
    layout.sentences[side].slice(from, to).map((s) => s.text);
  const order = inReadingOrder(kept);
  if (!order) return layout.machine[row] ?? [];
  const local = order.map((g) => ({
    ...g,
    original: g.original.map((k) => k - o0),
    translation: g.translation.map((k) => k - t0),
  }));
  let result: AlignmentGroup[];
  try {
    result = realign(
      texts('original', o0, o1),
      texts('translation', t0, t1),
      layout.options,
      local,
    );
  } catch {
    // Confirmed rows that no longer fit together (the text changed): the machine's rows.
    return layout.machine[row] ?? [];
  }
  const weight = layout.rowConfidence[row] ?? 1;
  return result.map((g) => ({
    original: g.original.map((k) => k + o0),
    translation: g.translation.map((k) => k + t0),
    confidence: g.confirmed ? 1 : Math.round(g.confidence * weight * 1000) / 1000,
    confirmed: g.confirmed,
  }));
}

function toLocal(layout: SentenceLayout, group: StoredSentenceGroup): LocalGroup | null {
  const indexes = (side: Side, members: readonly StoredSentence[]): number[] | null => {
    const found: number[] = [];
    for (const m of members) {
      const k = layout.sentenceIndex[side].get(keyOf(m.passageId, m.start, m.end));
      if (k === undefined) return null;
      found.push(k);
    }
    found.sort((a, b) => a - b);
    return found.every((k, i) => i === 0 || k === found[i - 1]! + 1) ? found : null;
  };
  const original = indexes('original', group.original);
  const translation = indexes('translation', group.translation);
  if (!original || !translation || original.length + translation.length === 0) return null;
  return {
    original,
    translation,
    confidence: group.confidence,
    confirmed: group.confirmed,
    ordinal: group.ordinal,
  };
}

/** The sentence rows of a record: the machine's, overridden by what the reader stored. */
export function deriveSentenceRows(
  layout: SentenceLayout,
  stored: readonly StoredSentenceGroup[],
): AlignmentGroup[] {
  const storedByRow = new Map<number, LocalGroup[]>();
  for (const group of stored) {
    const local = toLocal(layout, group);
    if (!local) continue;
    const row = paragraphRowOf(layout, local);
    if (row === null) continue;
    const list = storedByRow.get(row) ?? [];
    list.push(local);
    storedByRow.set(row, list);
  }
  const result: AlignmentGroup[] = [];
  layout.machine.forEach((machine, row) => {
    const own = storedByRow.get(row);
    if (!own) {
      result.push(...machine);
      return;
    }
    const cover = orderedCover(own, layout.ranges[row]!);
    if (cover) result.push(...cover);
    else
      result.push(
        ...realignRow(
          layout,
          row,
          own.filter((g) => g.confirmed),
        ),
      );
  });
  return result;
}

function sameRows(a: readonly AlignmentGroup[], b: readonly AlignmentGroup[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (g, k) =>
        g.confirmed === b[k]!.confirmed &&
        g.original.join() === b[k]!.original.join() &&
        g.translation.join() === b[k]!.translation.join(),
    )
  );
}

/**
 * What to store for a complete sentence alignment (valid, every row inside one paragraph row):
 * the sentence rows of each paragraph row that differs from the machine's or holds a confirmed
 * row. Deriving from what this returns gives `groups` back.
 */
export function sentenceRowsToStore(
  layout: SentenceLayout,
  groups: readonly AlignmentGroup[],
): StoredSentenceGroup[] {
  const byRow: { group: AlignmentGroup; ordinal: number }[][] = layout.machine.map(() => []);
  groups.forEach((group, ordinal) => {
    const row = paragraphRowOf(layout, group);
    if (row !== null) byRow[row]!.push({ group, ordinal });
  });
  const stored: StoredSentenceGroup[] = [];
  byRow.forEach((rows, row) => {
    const shaped = rows.map((r) => r.group);
    if (!shaped.some((g) => g.confirmed) && sameRows(shaped, layout.machine[row] ?? [])) return;
    for (const { group, ordinal } of rows) {
      const members = (side: Side): StoredSentence[] =>
        group[side].map((k) => {
          const unit = layout.units[side][k]!;
          return {
            passageId: layout.passageIds[side][unit.passage]!,
            start: unit.start,
            end: unit.end,
          };
        });
      stored.push({
        ordinal,
        confidence: group.confidence,
        confirmed: group.confirmed,
        original: members('original'),
        translation: members('translation'),
      });
    }
  });
  return stored;
}
