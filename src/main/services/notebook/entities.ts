// People, places and organisations: one entity with every spelling it goes by (Cyrillic, Latin,
// variants), its mentions (annotations linked to it, in either language, across records) and
// the places its names occur unlinked, found by stem ("Ким Ир Сеном" is "Ким Ир Сен").
import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { Entity, EntityMention, EntityView } from '@shared/model';
import { notebookOf } from '../../db/repositories/notebook';
import { requireAnnotation, requireRecord } from '../annotations/annotations-service';
import type { AppContext } from '../context';
import { findOccurrences, passagesMentioning } from '../text/occurrences';
import { phraseStems } from '../text/stemming';

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
  const entity = notebookOf(ctx.db).entity(id);
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
  notebookOf(ctx.db).saveEntity(entity, mentionIds);
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
  notebookOf(ctx.db).saveEntity(entity);
  return entity;
}

/** Deletes an entity (its mentions stay, unlinked); returns what undo needs. */
export function deleteEntity(
  ctx: AppContext,
  id: string,
): { entity: Entity; annotationIds: string[] } {
  const entity = requireEntityRecord(ctx, id);
  const repository = notebookOf(ctx.db);
  const annotationIds = repository.mentionIds(id);
  repository.deleteEntity(id);
  return { entity, annotationIds };
}

export function restoreEntity(ctx: AppContext, input: ParsedInput<'entities.restore'>): Entity {
  if (notebookOf(ctx.db).entity(input.entity.id)) {
    throw new ApiError('invalid_input', 'This entity already exists; there is nothing to restore.');
  }
  const entity: Entity = { ...input.entity, names: tidyNames(input.entity.names) };
  const mentions = input.annotationIds.filter((id) => ctx.annotations.get(id) !== null);
  notebookOf(ctx.db).saveEntity(entity, mentions);
  return entity;
}

/**
 * Entities with their mentions across the library and the unlinked occurrences of their names.
 * With a record, only the entities mentioned or named in it (still with every mention).
 */
export function listEntities(ctx: AppContext, recordId?: string): EntityView[] {
  if (recordId) requireRecord(ctx, recordId);
  const entities = notebookOf(ctx.db).entities();
  if (entities.length === 0) return [];
  const titles = new Map(ctx.records.list().map((r) => [r.id, r.title]));
  const passages = passagesMentioning(
    ctx,
    entities.flatMap((e) => e.names),
  );
  const views = entities.map((entity): EntityView => {
    const mentions: EntityMention[] = notebookOf(ctx.db)
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
      (o) => !linked.has(o.passageId) || !mentionCovers(ctx, entity.id, o.passageId, o.start),
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

function mentionCovers(
  ctx: AppContext,
  entityId: string,
  passageId: number,
  offset: number,
): boolean {
  const row = ctx.db
    .prepare<[string, number, number, number], { one: number }>(
      `
      SELECT 1 AS one FROM annotation_targets t JOIN annotations a ON a.id = t.annotation_id
      WHERE a.entity_id = ? AND t.passage_id = ? AND t.start <= ? AND t.end > ? LIMIT 1`,
    )
    .get(entityId, passageId, offset, offset);
  return row !== undefined;
}
