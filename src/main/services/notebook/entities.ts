// People, places and organisations: one entity with every spelling it goes by (Cyrillic, Latin,
// variants), its mentions (annotations linked to it, in either language, across records) and
// the places its names occur unlinked, found by stem ("Ким Ир Сеном" is "Ким Ир Сен").
import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { Entity, EntityMention, EntityView } from '@shared/model';
import { requireAnnotation } from '../annotations/annotations-service';
import { requireLiveRecord } from '../library/require-record';
import type { AppContext } from '../context';
import { findOccurrences, passagesMentioning } from '../text/occurrences';
import { phraseStems } from '@shared/text/stemming';

function tidyNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of names) {
    const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = name.toLocaleLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(name);
  }
  if (result.length === 0 || result.every((n) => phraseStems(n).length === 0)) {
    throw new ApiError(
      'invalid_input',
      'Give the person, place or organisation at least one name.',
      [{ path: 'names', message: 'no name' }],
    );
  }
  return result;
}

function requireEntityRecord(ctx: AppContext, id: string): Entity {
  const entity = ctx.entities.get(id);
  if (!entity)
    throw new ApiError('not_found', `There is no person, place or organisation “${id}”.`);
  return entity;
}

export function createEntity(ctx: AppContext, input: ParsedInput<'entities.create'>): Entity {
  const mentionIds = (input.annotationIds ?? []).map((id) => requireAnnotation(ctx, id).id);
  const now = ctx.now();
  const entity: Entity = {
    id: randomUUID(),
    kind: input.kind,
    names: tidyNames(input.names),
    note: input.note?.trim() ?? '',
    createdAt: now,
    updatedAt: now,
  };
  ctx.entities.save(entity, mentionIds);
  return entity;
}

export function updateEntity(ctx: AppContext, input: ParsedInput<'entities.update'>): Entity {
  const current = requireEntityRecord(ctx, input.id);
  const entity: Entity = {
    ...current,
    kind: input.kind ?? current.kind,
    names: input.names ? tidyNames(input.names) : current.names,
    note: input.note === undefined ? current.note : input.note.trim(),
    updatedAt: Math.max(ctx.now(), current.updatedAt),
  };
  ctx.entities.save(entity);
  return entity;
}

/** Deletes an entity (its mentions stay, unlinked); returns what undo needs. */
export function deleteEntity(
  ctx: AppContext,
  id: string,
): { entity: Entity; annotationIds: string[] } {
  const entity = requireEntityRecord(ctx, id);
  const annotationIds = ctx.annotations.mentionIds(id);
  ctx.entities.delete(id);
  return { entity, annotationIds };
}

export function restoreEntity(ctx: AppContext, input: ParsedInput<'entities.restore'>): Entity {
  if (ctx.entities.get(input.entity.id)) {
    throw new ApiError('invalid_input', 'This entity already exists; there is nothing to restore.');
  }
  const entity: Entity = { ...input.entity, names: tidyNames(input.entity.names) };
  const mentions = input.annotationIds.filter((id) => ctx.annotations.get(id) !== null);
  ctx.entities.save(entity, mentions);
  return entity;
}

/**
 * Entities with their mentions across the library and the unlinked occurrences of their names.
 * With a record, only the entities mentioned or named in it (still with every mention).
 */
export function listEntities(ctx: AppContext, recordId?: string): EntityView[] {
  if (recordId) requireLiveRecord(ctx, recordId);
  const entities = ctx.entities.list();
  if (entities.length === 0) return [];
  const titles = new Map(ctx.records.list().map((r) => [r.id, r.title]));
  const passages = passagesMentioning(
    ctx,
    entities.flatMap((e) => e.names),
  );
  const views = entities.map((entity): EntityView => {
    const mentions: EntityMention[] = ctx.annotations
      .mentionIds(entity.id)
      .map((id) => ctx.annotations.get(id)!)
      .flatMap((annotation) =>
        annotation.targets.map((target) => ({
          annotationId: annotation.id,
          recordId: annotation.recordId,
          recordTitle: titles.get(annotation.recordId) ?? annotation.recordId,
          side: target.side,
          passageId: target.passageId,
          quote: target.quote.exact,
          orphaned: target.orphaned,
        })),
      );
    const linked = new Set(mentions.map((m) => m.passageId));
    const occurrences = findOccurrences(passages, entity.names).filter(
      (o) =>
        !linked.has(o.passageId) || !ctx.entities.mentionCovers(entity.id, o.passageId, o.start),
    );
    return { ...entity, mentions, occurrences };
  });
  if (!recordId) return views;
  return views.filter(
    (v) =>
      v.mentions.some((m) => m.recordId === recordId) ||
      v.occurrences.some((o) => o.recordId === recordId),
  );
}
