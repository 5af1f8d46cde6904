// Builds the edition / handout model from the stored data: the chosen rows of each record in the
// chosen languages, every visible annotation as a mark, notes numbered in reading order across
// the whole document, questions collected at the end, the glossary merged.
import { formatDate, fullCitation } from '@shared/citation';
import { deepLink } from '@shared/deep-link';
import type {
  EditionDocument,
  EditionEntity,
  EditionGlossaryEntry,
  EditionNote,
  EditionQuestion,
  EditionSection,
  HandoutOptions,
} from '@shared/edition';
import type { Side } from '@shared/model';
import { languageName } from '@shared/text/language';
import type { ExportAnnotation, ExportBundle } from '../bundle';
import { byTerm, nameKey } from '../derived';
import { passageRuns, type PlacedSpan } from './runs';

export const QUESTION_CATEGORY = 'question';

/** The edition's defaults: every row, both languages, every note, glossary and questions. */
export function editionOptions(bundles: ExportBundle[]): HandoutOptions {
  return {
    title: '',
    instructions: '',
    records: bundles.map((b) => ({ recordId: b.record.id, rows: null })),
    languages: 'both',
    categories: null,
    glossary: true,
    questions: true,
    extraQuestions: '',
  };
}

interface Visible {
  annotation: ExportAnnotation;
  /** Indexes of the annotation's targets that show, in reading order. */
  targets: number[];
  /** Sort key of the first visible target: row, side, passage, offset. */
  key: number[];
  kind: 'note' | 'question' | 'mark';
}

function sortKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function sideShown(options: HandoutOptions, side: Side): boolean {
  return options.languages === 'both' || options.languages === side;
}

function hasContent(annotation: ExportAnnotation): boolean {
  return annotation.comment.text.trim() !== '' || annotation.replies.length > 0;
}

function facts(bundle: ExportBundle): { label: string; value: string }[] {
  const { record } = bundle;
  const list: [string, string | null][] = [
    ['Date', formatDate(record.date)],
    ['Type', record.type],
    ['Record ID', record.recordId],
    ['Archival source', record.source],
  ];
  return list
    .filter((f): f is [string, string] => Boolean(f[1]))
    .map(([label, value]) => ({ label, value }));
}

class EditionBuilder {
  private noteCount = 0;
  private questionCount = 0;
  readonly questions: EditionQuestion[] = [];

  constructor(
    private readonly options: HandoutOptions,
    private readonly kind: EditionDocument['kind'],
  ) {}

  section(bundle: ExportBundle): EditionSection {
    const { record } = bundle;
    const options = this.options;
    const choice = options.records.find((r) => r.recordId === record.id);
    const rowIndexes = choice?.rows ?? record.alignment.map((_, i) => i);
    const rowSet = new Set(rowIndexes);
    const rowOf = new Map<string, number>();
    record.alignment.forEach((group, row) => {
      for (const i of group.original) rowOf.set(`original:${i}`, row);
      for (const i of group.translation) rowOf.set(`translation:${i}`, row);
    });
    const allowed = options.categories === null ? null : new Set(options.categories);
    const categoryName = new Map(bundle.categories.map((c) => [c.id, c.name]));

    const visible: Visible[] = [];
    const unplacedAnnotations: ExportAnnotation[] = [];
    for (const annotation of bundle.annotations) {
      const isQuestion = annotation.categoryId === QUESTION_CATEGORY;
      if (
        isQuestion ? !options.questions : allowed !== null && !allowed.has(annotation.categoryId)
      ) {
        continue;
      }
      const shown: { index: number; key: number[] }[] = [];
      annotation.targets.forEach((target, index) => {
        if (target.orphaned || target.passageId === null || !sideShown(options, target.side))
          return;
        const row = rowOf.get(`${target.side}:${target.passageIndex}`);
        if (row === undefined || !rowSet.has(row)) return;
        const sideOrder = target.side === 'original' ? 0 : 1;
        shown.push({ index, key: [row, sideOrder, target.passageIndex, target.position.start] });
      });
      if (shown.length === 0) {
        if (this.kind === 'edition' && !isQuestion && annotation.targets.every((t) => t.orphaned)) {
          unplacedAnnotations.push(annotation);
        }
        continue;
      }
      shown.sort((a, b) => sortKeys(a.key, b.key));
      visible.push({
        annotation,
        targets: shown.map((s) => s.index),
        key: shown[0]!.key,
        kind: isQuestion ? 'question' : hasContent(annotation) ? 'note' : 'mark',
      });
    }
    visible.sort((a, b) => sortKeys(a.key, b.key));

    const notes: EditionNote[] = [];
    const spans = new Map<string, PlacedSpan[]>();
    for (const item of visible) {
      const { annotation } = item;
      let number: number | null = null;
      let kind: 'note' | 'question' = 'note';
      if (item.kind === 'note') {
        number = ++this.noteCount;
        notes.push(this.note(bundle, annotation, number, categoryName));
      } else if (item.kind === 'question') {
        kind = 'question';
        number = ++this.questionCount;
        this.questions.push({
          number,
          text: annotation.comment.text,
          commentJson: annotation.comment.json,
          quote: annotation.targets.map((t) => t.quote.exact).join(' / '),
          recordTitle: record.title,
        });
      }
      item.targets.forEach((targetIndex, i) => {
        const target = annotation.targets[targetIndex]!;
        const key = `${target.side}:${target.passageIndex}`;
        const list = spans.get(key) ?? [];
        list.push({
          start: target.position.start,
          end: target.position.end,
          categoryId: annotation.categoryId,
          note: kind === 'note' ? number : null,
          ref:
            number === null
              ? null
              : {
                  label: kind === 'question' ? `Q${number}` : String(number),
                  kind,
                  number,
                  primary: i === 0,
                },
        });
        spans.set(key, list);
      });
    }

    const passages = (side: Side, indexes: number[]) =>
      sideShown(options, side)
        ? indexes.map((index) => ({
            index,
            runs: passageRuns(
              record[side].passages[index]?.text ?? '',
              spans.get(`${side}:${index}`) ?? [],
            ),
          }))
        : [];

    return {
      recordId: record.id,
      title: record.title,
      facts: facts(bundle),
      citation: fullCitation(record),
      rights: record.rights,
      summary: record.summary,
      url: record.url,
      languages: {
        original: { lang: record.original.lang, name: languageName(record.original.lang) },
        translation: { lang: record.translation.lang, name: languageName(record.translation.lang) },
      },
      rows: rowIndexes
        .filter((row) => record.alignment[row] !== undefined)
        .map((row) => ({
          row,
          original: passages('original', record.alignment[row]!.original),
          translation: passages('translation', record.alignment[row]!.translation),
        }))
        .filter((row) => row.original.length + row.translation.length > 0),
      notes,
      unplaced: unplacedAnnotations.map((a) => this.note(bundle, a, 0, categoryName)),
      entities: this.kind === 'edition' ? entities(bundle) : [],
    };
  }

  private note(
    bundle: ExportBundle,
    annotation: ExportAnnotation,
    number: number,
    categoryName: Map<string, string>,
  ): EditionNote {
    const { record } = bundle;
    return {
      number,
      annotationId: annotation.id,
      categoryId: annotation.categoryId,
      categoryName: categoryName.get(annotation.categoryId) ?? annotation.categoryId,
      quotes: annotation.targets.map((t) => ({
        side: t.side,
        lang: record[t.side].lang,
        text: t.quote.exact,
      })),
      commentJson: annotation.comment.json,
      commentText: annotation.comment.text,
      tags: annotation.tags,
      noteType: annotation.noteType,
      thread: annotation.replies.map((r) => ({
        createdAt: r.createdAt,
        json: r.body.json,
        text: r.body.text,
      })),
      link: deepLink(record.id, annotation.id),
      orphaned: annotation.targets.some((t) => t.orphaned),
    };
  }

  extraQuestions(text: string): void {
    for (const line of text.split(/\r?\n/)) {
      const question = line.trim();
      if (!question) continue;
      this.questions.push({
        number: ++this.questionCount,
        text: question,
        commentJson: null,
        quote: null,
        recordTitle: null,
      });
    }
  }
}

function entities(bundle: ExportBundle): EditionEntity[] {
  return bundle.entities.map((e) => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    variants: e.names.map((n) => n.text).filter((t) => t !== e.name),
  }));
}

function glossary(bundles: ExportBundle[]): EditionGlossaryEntry[] {
  const merged = new Map<string, EditionGlossaryEntry>();
  for (const bundle of bundles) {
    for (const entry of bundle.glossary) {
      const key = `${entry.termLang}:${nameKey(entry.term)}`;
      const existing = merged.get(key);
      if (!existing) {
        merged.set(key, { ...entry, renderings: [...entry.renderings] });
        continue;
      }
      for (const r of entry.renderings)
        if (!existing.renderings.includes(r)) existing.renderings.push(r);
      if (!existing.note) existing.note = entry.note;
    }
  }
  return [...merged.values()].sort(byTerm);
}

/** The document for the chosen records (in the options' order) and options. */
export function buildEdition(
  bundles: ExportBundle[],
  options: HandoutOptions,
  kind: EditionDocument['kind'],
): EditionDocument {
  const first = bundles[0];
  if (!first) throw new RangeError('Nothing to export');
  const builder = new EditionBuilder(options, kind);
  const sections = bundles.map((bundle) => builder.section(bundle));
  if (options.questions) builder.extraQuestions(options.extraQuestions);
  const used = new Set(
    sections
      .flatMap((s) => s.rows.flatMap((r) => [...r.original, ...r.translation]))
      .flatMap((p) => p.runs.flatMap((run) => run.categoryIds)),
  );
  const title =
    options.title.trim() ||
    (bundles.length === 1
      ? first.record.title
      : kind === 'handout'
        ? 'Handout'
        : 'Annotated edition');
  return {
    kind,
    title,
    instructions: options.instructions
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    languages: options.languages,
    sections,
    categories: first.categories.filter((c) => used.has(c.id)),
    glossary: options.glossary ? glossary(bundles) : null,
    questions: options.questions ? builder.questions : null,
    generatedAt: first.exportedAt.toISOString(),
    generator: `${first.generator.name} ${first.generator.version}`,
  };
}
