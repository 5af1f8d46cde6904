// Why a row is doubtful, in words: the reader flags low-confidence rows, and a flag that says
// what looks wrong tells a scholar what to check.

import { isDoubtful, type RowEvidence, type RowNote } from '@shared/alignment/view';
import type { AlignmentGroup, Side } from '@shared/model';
import { languageName } from '@shared/text/language';
import type { AlignmentView } from '@shared/alignment/view';
import {
  explainGroups,
  type LexiconCounts,
  type RowEvidence as EngineEvidence,
} from '../alignment';
import { extractNumbers, isEditorialMark, oneSidedScore } from '../alignment/evidence';

/** The engine's evidence of a row as the reader and the CLI show it. */
export function rowEvidenceOf(evidence: EngineEvidence | null): Omit<RowEvidence, 'row'> | null {
  if (evidence === null) return null;
  const round = (value: number): number => Math.round(value * 10) / 10;
  return {
    support: round(evidence.support),
    lengthZ: round(evidence.lengthZ),
    numbers: evidence.numbersMatched,
    names: evidence.namesMatched,
    words: { covered: evidence.wordsCovered, total: evidence.wordsTotal },
    refused: evidence.rejected !== undefined,
  };
}

export interface RowTexts {
  lang: Record<Side, string>;
  /** The text of a unit of a side. */
  text(side: Side, unit: number): string;
}

// A pair whose length ratio is this far from the record's usual ratio is called out.
const LENGTH_FACTOR = 1.8;
const MAX_LISTED_NUMBERS = 3;

function rowText(texts: RowTexts, group: AlignmentGroup, side: Side): string {
  return group[side].map((unit) => texts.text(side, unit)).join(' ');
}

/** Median translation/original length ratio over the record's confident pairs. */
function usualRatio(groups: readonly AlignmentGroup[], texts: RowTexts): number {
  const ratios: number[] = [];
  for (const group of groups) {
    if (group.original.length === 0 || group.translation.length === 0) continue;
    if (isDoubtful(group)) continue;
    const o = rowText(texts, group, 'original').length;
    const t = rowText(texts, group, 'translation').length;
    if (o > 0 && t > 0) ratios.push(t / o);
  }
  if (ratios.length === 0) return 1;
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)]!;
}

function onlyIn(a: readonly string[], b: readonly string[]): string[] {
  const remaining = [...b];
  const missing: string[] = [];
  for (const value of a) {
    const at = remaining.indexOf(value);
    if (at >= 0) remaining.splice(at, 1);
    else if (!value.startsWith('m')) missing.push(value);
  }
  return missing;
}

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

function explainRow(
  group: AlignmentGroup,
  texts: RowTexts,
  ratio: number,
  unit: 'passage' | 'sentence',
): string {
  const name = (side: Side): string => languageName(texts.lang[side]);
  const sure = `The aligner is ${percent(group.confidence)} sure of this row`;
  const lone: Side | null =
    group.translation.length === 0
      ? 'original'
      : group.original.length === 0
        ? 'translation'
        : null;
  if (lone) {
    const other: Side = lone === 'original' ? 'translation' : 'original';
    const text = rowText(texts, group, lone);
    if (!isEditorialMark(text) && oneSidedScore(text) < 0.5) {
      return (
        `${sure}: this ${name(lone)} ${unit} reads like running text, yet no ${name(other)} ` +
        `counterpart was found for it. Check the rows above and below.`
      );
    }
    return `${sure}: no ${name(other)} counterpart was found for this ${name(lone)} ${unit}.`;
  }
  const original = rowText(texts, group, 'original');
  const translation = rowText(texts, group, 'translation');
  const numbersO = extractNumbers(original);
  const numbersT = extractNumbers(translation);
  const missingT = onlyIn(numbersO, numbersT);
  const missingO = onlyIn(numbersT, numbersO);
  if (missingT.length > 0 || missingO.length > 0) {
    const [side, numbers] =
      missingT.length > 0
        ? (['original', missingT] as const)
        : (['translation', missingO] as const);
    const listed = numbers.slice(0, MAX_LISTED_NUMBERS).join(', ');
    return `${sure}: the numbers differ (${listed} only in the ${name(side)}).`;
  }
  const ratioHere = original.length > 0 ? translation.length / original.length : 1;
  const factor = ratioHere / ratio;
  if (factor > LENGTH_FACTOR || factor < 1 / LENGTH_FACTOR) {
    const longer = factor > 1 ? 'translation' : 'original';
    const times = factor > 1 ? factor : 1 / factor;
    return (
      `${sure}: the ${name(longer)} is ${times.toFixed(1)} times as long as usual in this ` +
      `record; part of it may belong to a neighbouring row.`
    );
  }
  return `${sure}: other groupings with the neighbouring rows are nearly as likely.`;
}

/** Notes for every doubtful row of `groups`. */
export function explainDoubtfulRows(
  groups: readonly AlignmentGroup[],
  texts: RowTexts,
  unit: 'passage' | 'sentence',
): RowNote[] {
  if (!groups.some(isDoubtful)) return [];
  const ratio = usualRatio(groups, texts);
  const notes: RowNote[] = [];
  groups.forEach((group, row) => {
    if (isDoubtful(group)) notes.push({ row, reason: explainRow(group, texts, ratio, unit) });
  });
  return notes;
}

// The evidence of a view is recomputed only when its texts or rows change: the reader asks for
// the view after every correction. Kept per library (the owner object) for a few records.
const KEPT = 4;
const evidenceCaches = new WeakMap<object, Map<string, { key: string; rows: RowEvidence[] }>>();

function viewKey(view: AlignmentView): string {
  let hash = 0x811c9dc5;
  const add = (value: number): void => {
    hash ^= value;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const side of ['original', 'translation'] as const) {
    for (const passage of view[side].passages) {
      add(passage.id);
      add(passage.text.length);
    }
    for (const unit of view[side].units) add(unit.start * 31 + unit.end);
  }
  for (const group of view.groups) {
    for (const k of group.original) add(k);
    add(-1);
    for (const k of group.translation) add(k);
    add(-2);
  }
  return `${view.level}:${hash >>> 0}:${view.groups.length}`;
}

/**
 * What made each pairing row of a view, as the reader shows it; `owner` (the library's context)
 * keeps the last few results.
 */
export function rowEvidence(
  owner: object,
  view: AlignmentView,
  texts: RowTexts,
  lexicon: { counts: LexiconCounts | null; version: number } = { counts: null, version: 0 },
): RowEvidence[] {
  let cache = evidenceCaches.get(owner);
  if (!cache) {
    cache = new Map();
    evidenceCaches.set(owner, cache);
  }
  const id = `${view.recordId}:${view.level}`;
  const key = `${viewKey(view)}:${lexicon.version}`;
  const hit = cache.get(id);
  if (hit && hit.key === key) return hit.rows;
  const rows = computeRowEvidence(view, texts, lexicon.counts);
  cache.delete(id);
  cache.set(id, { key, rows });
  while (cache.size > KEPT) cache.delete(cache.keys().next().value!);
  return rows;
}

function computeRowEvidence(
  view: AlignmentView,
  texts: RowTexts,
  lexicon: LexiconCounts | null,
): RowEvidence[] {
  const textsOf = (side: Side): string[] => view[side].units.map((_, k) => texts.text(side, k));
  const found = explainGroups(textsOf('original'), textsOf('translation'), view.groups, {
    originalLang: view.original.lang,
    translationLang: view.translation.lang,
    lexicon,
  });
  const rows: RowEvidence[] = [];
  found.forEach((evidence, row) => {
    const summary = rowEvidenceOf(evidence);
    if (summary !== null) rows.push({ row, ...summary });
  });
  return rows;
}
