// The glossary and the people, places and organisations of a record, for exports: the scholar's
// own glossary entries and entities (the notebook), joined by what her annotations say on their
// own (a span marked Term, Person, Place…) so that nothing she marked is left out.
import type { RecordDocument } from '@shared/model';
import { detectLanguage } from '@shared/text/language';
import type { AppContext } from '../context';
import { listGlossary } from '../notebook/glossary';
import type { ExportAnnotation, ExportEntity, ExportGlossaryEntry } from './model';
import { byTerm, deriveEntities, deriveGlossary, nameKey } from './derived';

/** Glossary entries that concern the record: made from it, or whose term occurs in it. */
export function glossaryOf(
  ctx: AppContext,
  record: RecordDocument,
  annotations: ExportAnnotation[],
): ExportGlossaryEntry[] {
  // Finding which entries occur in the record stems its whole text: only when there are entries.
  const hasEntries = ctx.glossary.list().length > 0;
  const stored: ExportGlossaryEntry[] = (hasEntries ? listGlossary(ctx, record.id) : []).map(
    (e) => ({
      id: e.id,
      term: e.term,
      termLang: e.termLang,
      renderings: e.renderings,
      renderingLang: e.renderingLang,
      note: e.note,
    }),
  );
  const known = new Set(stored.map((e) => `${e.termLang}:${nameKey(e.term)}`));
  const derived = deriveGlossary(record, annotations).filter(
    (e) => !known.has(`${e.termLang}:${nameKey(e.term)}`),
  );
  return [...stored, ...derived].sort(byTerm);
}

/** Entities the record's annotations name: stored ones first, then those read off the marks. */
export function entitiesOf(
  record: RecordDocument,
  annotations: ExportAnnotation[],
  ctx: AppContext,
): ExportEntity[] {
  const linked = new Map<string, ExportEntity>();
  for (const annotation of annotations) {
    if (!annotation.entityId) continue;
    let entity = linked.get(annotation.entityId);
    if (!entity) {
      const stored = ctx.entities.get(annotation.entityId);
      if (!stored || stored.names.length === 0) continue;
      entity = {
        id: stored.id,
        kind: stored.kind,
        name: stored.names[0]!,
        names: stored.names.map((text) => ({ text, lang: detectLanguage(text) ?? 'und' })),
        annotationIds: [],
        note: stored.note,
      };
      linked.set(annotation.entityId, entity);
    }
    entity.annotationIds.push(annotation.id);
  }
  const all = [
    ...linked.values(),
    ...deriveEntities(
      record,
      annotations.filter((a) => !a.entityId || !linked.has(a.entityId)),
    ),
  ];
  // Ids for this export: person-1, place-1… in the order the record names them.
  const counters = new Map<string, number>();
  return all.map((e) => {
    const n = (counters.get(e.kind) ?? 0) + 1;
    counters.set(e.kind, n);
    return { ...e, id: `${e.kind}-${n}` };
  });
}
