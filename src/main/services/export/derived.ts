// A glossary and a list of people, places and organisations read off the annotations themselves:
// a span marked "Term" is a glossary entry (its counterpart span, when the note targets both
// languages, is the rendering); a span marked "Person", "Place" or "Organisation" names an
// entity, and the two spans of a bilingual note are two names of the same entity.
import type { EntityKind, RecordDocument } from '@shared/model';
import type { ExportAnnotation, ExportEntity, ExportGlossaryEntry } from './model';

const ENTITY_CATEGORIES: Record<string, EntityKind> = {
  person: 'person',
  place: 'place',
  organisation: 'organisation',
};

const collators = new Map<string, Intl.Collator>();

/** Sorts glossary entries by term, in the order of the terms' language (one collator each). */
export function byTerm(
  a: { term: string; termLang: string },
  b: { term: string; termLang: string },
): number {
  let collator = collators.get(a.termLang);
  if (!collator) {
    try {
      collator = new Intl.Collator(a.termLang);
    } catch {
      collator = new Intl.Collator('en');
    }
    collators.set(a.termLang, collator);
  }
  return collator.compare(a.term, b.term);
}

/** A key under which spellings that differ only in case, spacing or punctuation meet. */
export function nameKey(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function quotesBySide(annotation: ExportAnnotation): { original: string[]; translation: string[] } {
  const quotes = { original: [] as string[], translation: [] as string[] };
  for (const target of annotation.targets) quotes[target.side].push(target.quote.exact.trim());
  return quotes;
}

export function deriveGlossary(
  record: RecordDocument,
  annotations: ExportAnnotation[],
): ExportGlossaryEntry[] {
  const entries = new Map<string, ExportGlossaryEntry>();
  for (const annotation of annotations) {
    if (annotation.categoryId !== 'term') continue;
    const quotes = quotesBySide(annotation);
    const termSide = quotes.original.length > 0 ? 'original' : 'translation';
    const term = quotes[termSide][0];
    if (!term) continue;
    const renderings = termSide === 'original' ? quotes.translation : [];
    const key = nameKey(term);
    const entry = entries.get(key) ?? {
      id: `term-${entries.size + 1}`,
      term,
      termLang: record[termSide].lang,
      renderings: [],
      renderingLang: record[termSide === 'original' ? 'translation' : 'original'].lang,
      note: '',
    };
    for (const rendering of renderings) {
      if (!entry.renderings.includes(rendering)) entry.renderings.push(rendering);
    }
    if (annotation.comment.text && !entry.note) entry.note = annotation.comment.text;
    entries.set(key, entry);
  }
  return [...entries.values()].sort(byTerm);
}

export function deriveEntities(
  record: RecordDocument,
  annotations: ExportAnnotation[],
): ExportEntity[] {
  const entities: ExportEntity[] = [];
  const byKey = new Map<string, ExportEntity>();
  const counters: Record<EntityKind, number> = { person: 0, place: 0, organisation: 0 };
  for (const annotation of annotations) {
    const kind = ENTITY_CATEGORIES[annotation.categoryId];
    if (!kind) continue;
    const names = annotation.targets
      .map((t) => ({ text: t.quote.exact.trim(), lang: record[t.side].lang, side: t.side }))
      .filter((n) => n.text !== '');
    if (names.length === 0) continue;
    // A span linked to a stored entity joins it; otherwise spellings that agree meet.
    const linked = annotation.entityId ? `entity:${annotation.entityId}` : null;
    let entity =
      (linked ? byKey.get(linked) : undefined) ??
      names
        .map((n) => byKey.get(`${kind}:${nameKey(n.text)}`))
        .find((e): e is ExportEntity => e !== undefined);
    if (!entity) {
      const preferred = names.find((n) => n.side === 'original') ?? names[0]!;
      entity = {
        id: `${kind}-${++counters[kind]}`,
        kind,
        name: preferred.text,
        names: [],
        annotationIds: [],
        note: annotation.comment.text,
      };
      entities.push(entity);
    }
    if (linked) byKey.set(linked, entity);
    for (const name of names) {
      byKey.set(`${kind}:${nameKey(name.text)}`, entity);
      if (!entity.names.some((n) => nameKey(n.text) === nameKey(name.text))) {
        entity.names.push({ text: name.text, lang: name.lang });
      }
    }
    entity.annotationIds.push(annotation.id);
  }
  return entities;
}
