// The stand-off part of the TEI edition: people, places and organisations (listPerson,
// listPlace, listOrg), the alignment (linkGrp of links between paragraph ids), every annotated
// span (spanGrp: a span from one anchor to another, holding the quote), and the annotations
// themselves (listAnnotation, after the W3C model: target, motivation, category, comment,
// follow-ups, tags, dates).
import type { TextUnit } from '@shared/alignment/view';
import { TRANSLATION_NOTE_TYPES, type AnnotationTarget, type Side } from '@shared/model';
import { sentenceSpans } from '../../alignment';
import type { ExportAnnotation, ExportBundle, ExportEntity } from '../bundle';
import { lexicalToTei } from './lexical-tei';
import type { NameMark, PassageMarks, TeiIds } from './text';
import { el, textEl, xmlId } from './xml';
import { langTag } from '../lang-tag';

const NAME_ELEMENT = {
  person: 'persName',
  place: 'placeName',
  organisation: 'orgName',
} as const;
const LIST = {
  person: ['listPerson', 'person'],
  place: ['listPlace', 'place'],
  organisation: ['listOrg', 'org'],
} as const;

export function categoryId(prefix: string, id: string): string {
  return xmlId(`${prefix}cat`, id);
}

export function noteTypeId(prefix: string, type: string): string {
  return xmlId(`${prefix}nt`, type);
}

/** Where each annotation's spans are, as anchors and names inside the text. */
export class StandOff {
  private readonly marks = new Map<string, PassageMarks>();
  private readonly spans: string[] = [];
  private readonly targetRefs = new Map<string, string[]>();

  constructor(
    private readonly bundle: ExportBundle,
    private readonly ids: TeiIds,
  ) {
    const entityOf = new Map<string, ExportEntity>();
    for (const entity of bundle.entities) {
      for (const id of entity.annotationIds) entityOf.set(id, entity);
    }
    for (const annotation of bundle.annotations)
      this.place(annotation, entityOf.get(annotation.id));
  }

  marksOf(side: Side, index: number): PassageMarks {
    return this.marks.get(`${side}:${index}`) ?? { anchors: [], names: [] };
  }

  private passageMarks(side: Side, index: number): PassageMarks {
    const key = `${side}:${index}`;
    let marks = this.marks.get(key);
    if (!marks) {
      marks = { anchors: [], names: [] };
      this.marks.set(key, marks);
    }
    return marks;
  }

  private placed(target: AnnotationTarget): boolean {
    const passage = this.bundle.record[target.side].passages[target.passageIndex];
    return (
      !target.orphaned &&
      target.passageId !== null &&
      passage !== undefined &&
      target.position.end <= passage.text.length &&
      target.position.end > target.position.start
    );
  }

  private place(annotation: ExportAnnotation, entity: ExportEntity | undefined): void {
    const p = this.ids.prefix;
    const refs: string[] = [];
    annotation.targets.forEach((target, n) => {
      const spanId = xmlId(`${p}span`, annotation.id, String(n + 1));
      refs.push(`#${spanId}`);
      if (!this.placed(target)) {
        // The span can no longer be placed: it points at its passage (or its side) and keeps
        // its quote, so nothing is lost and an importer can try to place it again.
        const passageExists = this.bundle.record[target.side].passages[target.passageIndex];
        const where = passageExists
          ? this.ids.passage(target.side, target.passageIndex)
          : this.ids.div(target.side);
        this.spans.push(
          textEl(
            'span',
            { 'xml:id': spanId, type: 'orphaned', target: `#${where}` },
            target.quote.exact,
          ),
        );
        return;
      }
      const from = xmlId(`${p}a`, annotation.id, String(n + 1), 'start');
      const to = xmlId(`${p}a`, annotation.id, String(n + 1), 'end');
      const marks = this.passageMarks(target.side, target.passageIndex);
      marks.anchors.push({ offset: target.position.start, edge: 'start', id: from });
      marks.anchors.push({ offset: target.position.end, edge: 'end', id: to });
      if (entity) {
        const mark: NameMark = {
          start: target.position.start,
          end: target.position.end,
          element: NAME_ELEMENT[entity.kind],
          ref: `#${xmlId(p + entity.id)}`,
        };
        marks.names.push(mark);
      }
      this.spans.push(
        textEl('span', { 'xml:id': spanId, from: `#${from}`, to: `#${to}` }, target.quote.exact),
      );
    });
    this.targetRefs.set(annotation.id, refs);
  }

  /** The <standOff> element. */
  xml(): string {
    const parts = [this.entitiesXml(), this.alignmentXml(), this.sentenceAlignmentXml()];
    if (this.spans.length > 0)
      parts.push(el('spanGrp', { type: 'annotated-spans' }, `\n${this.spans.join('\n')}\n`));
    if (this.bundle.annotations.length > 0) parts.push(this.annotationsXml());
    const content = parts.filter(Boolean).join('\n');
    return content ? el('standOff', {}, `\n${content}\n`) : '';
  }

  private entitiesXml(): string {
    const p = this.ids.prefix;
    const lists: string[] = [];
    for (const kind of ['person', 'place', 'organisation'] as const) {
      const entities = this.bundle.entities.filter((e) => e.kind === kind);
      if (entities.length === 0) continue;
      const [list, item] = LIST[kind];
      const items = entities.map((e) => {
        const names = e.names
          .map((n) => textEl(NAME_ELEMENT[kind], { 'xml:lang': langTag(n.lang) }, n.text))
          .join('');
        const note = e.note ? textEl('note', {}, e.note) : '';
        return el(item, { 'xml:id': xmlId(p + e.id) }, names + note);
      });
      lists.push(el(list, {}, `\n${items.join('\n')}\n`));
    }
    return lists.join('\n');
  }

  /** The aligned rows in order: a <link> per pair of passages, a <ptr> per one-sided row. */
  private alignmentXml(): string {
    const { record } = this.bundle;
    const rows = record.alignment.map((g) => {
      const target = [
        ...g.original.map((i) => `#${this.ids.passage('original', i)}`),
        ...g.translation.map((i) => `#${this.ids.passage('translation', i)}`),
      ].join(' ');
      // Full precision: the alignment comes back exactly when the edition is imported.
      const cert = g.confidence;
      const how = g.confirmed ? 'confirmed' : 'automatic';
      return g.original.length > 0 && g.translation.length > 0
        ? el('link', { type: how, cert, target })
        : el('ptr', { type: 'unaligned', subtype: how, cert, target });
    });
    return rows.length > 0 ? el('linkGrp', { type: 'alignment' }, `\n${rows.join('\n')}\n`) : '';
  }

  /**
   * Sentence rows that pair sentences of both languages, as links between the <s> ids. A row
   * whose sentences are not the ones the text was cut into is left out rather than guessed.
   */
  private sentenceAlignmentXml(): string {
    const sentences = this.bundle.sentences;
    if (!sentences) return '';
    const { record } = this.bundle;
    const spans = new Map<string, Map<string, number>>();
    const sentenceId = (side: Side, unit: TextUnit): string | null => {
      const key = `${side}:${unit.passage}`;
      let map = spans.get(key);
      if (!map) {
        const text = record[side].passages[unit.passage]?.text ?? '';
        map = new Map(
          sentenceSpans(text, record[side].lang).map((s, n) => [`${s.start}:${s.end}`, n]),
        );
        spans.set(key, map);
      }
      const n = map.get(`${unit.start}:${unit.end}`);
      return n === undefined ? null : this.ids.sentence(side, unit.passage, n);
    };
    const links: string[] = [];
    for (const group of sentences.groups) {
      if (group.original.length === 0 || group.translation.length === 0) continue;
      const ids = [
        ...group.original.map((i) => sentenceId('original', sentences.units.original[i]!)),
        ...group.translation.map((i) => sentenceId('translation', sentences.units.translation[i]!)),
      ];
      if (ids.some((id) => id === null)) continue;
      links.push(
        el('link', {
          type: group.confirmed ? 'confirmed' : 'automatic',
          cert: Math.round(group.confidence * 100) / 100,
          target: ids.map((id) => `#${id}`).join(' '),
        }),
      );
    }
    return links.length > 0
      ? el('linkGrp', { type: 'sentence-alignment' }, `\n${links.join('\n')}\n`)
      : '';
  }

  private annotationsXml(): string {
    const p = this.ids.prefix;
    const items = this.bundle.annotations.map((annotation) => {
      const ana = [
        `#${categoryId(p, annotation.categoryId)}`,
        annotation.noteType && TRANSLATION_NOTE_TYPES.includes(annotation.noteType)
          ? `#${noteTypeId(p, annotation.noteType)}`
          : null,
      ].filter(Boolean);
      const changes = [
        el(
          'change',
          { type: 'created', when: new Date(annotation.createdAt).toISOString() },
          'Created',
        ),
        el(
          'change',
          { type: 'modified', when: new Date(annotation.updatedAt).toISOString() },
          'Last modified',
        ),
      ].join('');
      const comment =
        lexicalToTei(annotation.comment.json) ||
        (annotation.comment.text ? textEl('p', {}, annotation.comment.text) : '');
      const notes = [
        comment ? el('note', { type: 'comment' }, comment) : '',
        ...annotation.replies.map((r) =>
          el(
            'note',
            { type: 'reply', 'xml:id': xmlId(`${p}reply`, r.id) },
            el('date', { when: new Date(r.createdAt).toISOString() }, null) +
              (lexicalToTei(r.body.json) || textEl('p', {}, r.body.text)),
          ),
        ),
        ...annotation.tags.map((t) => textEl('note', { type: 'tag' }, t)),
      ].join('');
      return el(
        'annotation',
        {
          'xml:id': xmlId(`${p}ann`, annotation.id),
          target: this.targetRefs.get(annotation.id)!.join(' '),
          motivation: motivationOf(annotation),
          ana: ana.join(' '),
        },
        el('revisionDesc', {}, changes) + notes,
      );
    });
    return el('listAnnotation', {}, `\n${items.join('\n')}\n`);
  }
}

function motivationOf(annotation: ExportAnnotation): string {
  if (annotation.categoryId === 'question') return 'questioning';
  if (annotation.comment.json) return 'commenting';
  if (annotation.entityId || ['person', 'place', 'organisation'].includes(annotation.categoryId))
    return 'identifying';
  return 'highlighting';
}
