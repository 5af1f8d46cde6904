// The aligned view of a record at one level of detail, as the reader shows it and the alignment
// API returns it. Plain data: it crosses IPC, HTTP and the CLI unchanged.
import type { AlignmentGroup, Passage, Side } from '../model';

/** Paragraph rows are the stored passages; sentence rows pair the sentences inside them. */
export type AlignmentLevel = 'paragraph' | 'sentence';
export const ALIGNMENT_LEVELS: readonly AlignmentLevel[] = ['paragraph', 'sentence'];

/** Rows under this confidence (and not confirmed) are flagged for a scholar to check. */
export const LOW_CONFIDENCE = 0.5;

/**
 * One unit of a row: a whole passage (paragraph level) or one sentence of a passage, as a span
 * [start, end) of that passage's text. Annotations keep passage offsets; a unit's `start` maps
 * a selection inside the unit back onto its passage.
 */
export interface TextUnit {
  /** Index of the passage within its side. */
  passage: number;
  start: number;
  end: number;
}

export interface AlignmentSideView {
  lang: string;
  passages: Passage[];
  units: TextUnit[];
}

/** Why a row was flagged, in a sentence a reader understands. */
export interface RowNote {
  row: number;
  reason: string;
}

/**
 * What made a row, for the reader to show: how well the lengths fit (in standard deviations),
 * and how many numbers, names and words (through the translation lexicon) have a partner on the
 * other side. `support` sums them as log-likelihood ratios against a random pairing; a row is
 * paired only when it is positive (or its neighbours vouch for it). A lone unit carries the
 * evidence of the pairing that was considered and refused for being too weak (`refused`).
 */
export interface RowEvidence {
  row: number;
  support: number;
  lengthZ: number;
  numbers: number;
  names: number;
  words: { covered: number; total: number };
  refused: boolean;
}

/** The kinds of evidence a row shows, in the reader's words, strongest first. */
export function evidenceKinds(evidence: RowEvidence): string[] {
  const kinds: [number, string][] = [];
  if (evidence.words.covered > 0) {
    kinds.push([evidence.words.covered, `words ${evidence.words.covered}/${evidence.words.total}`]);
  }
  if (evidence.names > 0) kinds.push([evidence.names * 2, `names ${evidence.names}`]);
  if (evidence.numbers > 0) kinds.push([evidence.numbers * 3, `numbers ${evidence.numbers}`]);
  if (Math.abs(evidence.lengthZ) < 1.5) kinds.push([0.5, 'length']);
  return kinds.sort((a, b) => b[0] - a[0]).map(([, label]) => label);
}

/** A record's alignment at one level: the units of both sides and the rows over their indexes. */
export interface AlignmentView {
  recordId: string;
  level: AlignmentLevel;
  original: AlignmentSideView;
  translation: AlignmentSideView;
  /** Rows in reading order; indexes point into `original.units` and `translation.units`. */
  groups: AlignmentGroup[];
  /** Explanations for the low-confidence rows that are not confirmed. */
  notes: RowNote[];
  /** What made each machine row (rows the aligner said nothing of are left out). */
  evidence: RowEvidence[];
}

/** What a correction did: the new rows, the rows before it (for undo) and a description. */
export interface AlignmentChange {
  recordId: string;
  level: AlignmentLevel;
  groups: AlignmentGroup[];
  previous: AlignmentGroup[];
  /** E.g. "Merge rows 4 and 5"; doubles as the undo entry's label. */
  description: string;
}

/** True when a row deserves a second look: the aligner was unsure and nobody confirmed it. */
export function isDoubtful(group: AlignmentGroup): boolean {
  return !group.confirmed && group.confidence < LOW_CONFIDENCE;
}

/** A key that names a row by its contents, stable while the row itself is unchanged. */
export function rowKey(group: AlignmentGroup): string {
  return `${group.original.join(',')}|${group.translation.join(',')}`;
}

/** For every unit of each side, the row that holds it. */
export function rowsOfUnits(
  groups: readonly AlignmentGroup[],
  counts: Record<Side, number>,
): Record<Side, Int32Array> {
  const rows = {
    original: new Int32Array(counts.original).fill(-1),
    translation: new Int32Array(counts.translation).fill(-1),
  };
  groups.forEach((group, row) => {
    for (const unit of group.original) rows.original[unit] = row;
    for (const unit of group.translation) rows.translation[unit] = row;
  });
  return rows;
}
