import type { AlignmentView } from '@shared/alignment/view';
import type { Annotation, Category, Passage, Side } from '@shared/model';
import type { MarkSpan } from '../reader/PassageText';

/**
 * What PassageText needs for each unit of a view: the unit's text as a passage of its own (the
 * real passage id, so selections still name the passage) and its marks in unit coordinates.
 */
export interface UnitTexts {
  passages: Record<Side, Passage[]>;
  marks: Record<Side, Map<number, MarkSpan[]>>;
}

const NO_MARKS: MarkSpan[] = [];

export function unitPassages(view: AlignmentView): Record<Side, Passage[]> {
  const of = (side: Side): Passage[] =>
    view[side].units.map((unit) => {
      const passage = view[side].passages[unit.passage]!;
      return unit.start === 0 && unit.end === passage.text.length
        ? passage
        : { ...passage, text: passage.text.slice(unit.start, unit.end) };
    });
  return { original: of('original'), translation: of('translation') };
}

/** Marks per unit: annotation spans cut to the unit and shifted to its start. */
export function unitMarks(
  view: AlignmentView,
  annotations: Annotation[],
  categories: Category[],
): Record<Side, Map<number, MarkSpan[]>> {
  const color = new Map(categories.map((c) => [c.id, c.color]));
  const byPassage = new Map<number, MarkSpan[]>();
  for (const annotation of annotations) {
    for (const target of annotation.targets) {
      if (target.orphaned || target.passageId === null) continue;
      const list = byPassage.get(target.passageId) ?? [];
      list.push({
        id: annotation.id,
        start: target.position.start,
        end: target.position.end,
        color: color.get(annotation.categoryId) ?? '#f6d365',
      });
      byPassage.set(target.passageId, list);
    }
  }
  const marks = { original: new Map<number, MarkSpan[]>(), translation: new Map() };
  for (const side of ['original', 'translation'] as const) {
    view[side].units.forEach((unit, k) => {
      const spans = byPassage.get(view[side].passages[unit.passage]!.id);
      if (!spans) return;
      const inside = spans
        .filter((s) => s.end > unit.start && s.start < unit.end)
        .map((s) => ({
          ...s,
          start: Math.max(0, s.start - unit.start),
          end: Math.min(unit.end, s.end) - unit.start,
        }));
      if (inside.length > 0) marks[side].set(k, inside);
    });
  }
  return marks;
}

export function marksOf(marks: Map<number, MarkSpan[]>, unit: number): MarkSpan[] {
  return marks.get(unit) ?? NO_MARKS;
}
