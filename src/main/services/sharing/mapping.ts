// Between SQLite (the source of truth) and a shared collection's Yjs documents: what this library
// writes into its own documents, projected from its rows, and how a document written elsewhere is
// applied to the rows, in one transaction per batch. Values in the maps are JSON strings, one per
// note, reply, glossary entry or record, so a change is one map entry and merges per item.
import type * as Y from 'yjs';
import type { Annotation, GlossaryEntry, Passage, RecordDocument, Side } from '@shared/model';
import type { ShareRow } from '../../db/repositories';
import { normaliseTags } from '../annotations/tags';
import { reanchorRecord } from '../annotations/reanchor';
import type { AppContext } from '../context';
import { contentHash } from '../library/store-import';
import {
  parseShared,
  rosterEntrySchema,
  sharedGlossarySchema,
  sharedNoteSchema,
  sharedRecordSchema,
  sharedReplySchema,
  type SharedGlossaryEntry,
  type SharedNote,
  type SharedRecord,
  type SharedReply,
} from './model';

/** Transaction origin of changes this library makes to its own documents. */
export const LOCAL_ORIGIN = 'marginalia-local';
/** Transaction origin of state loaded from SQLite at start-up. */
export const LOADED_ORIGIN = 'marginalia-loaded';

export const MEMBER_MAPS = ['notes', 'replies', 'glossary'] as const;
export type MemberMap = (typeof MEMBER_MAPS)[number];

/** Keys changed in each map of a document by a batch of remote updates (all keys: undefined). */
export type ChangedKeys = Partial<Record<string, Set<string>>>;

function sharedNote(annotation: Annotation): SharedNote {
  return {
    recordId: annotation.recordId,
    category: annotation.categoryId,
    comment: { json: annotation.comment.json, text: annotation.comment.text },
    tags: annotation.tags,
    noteType: annotation.noteType,
    targets: annotation.targets.map((t) => ({
      side: t.side,
      passageIndex: t.passageIndex,
      exact: t.quote.exact,
      prefix: t.quote.prefix,
      suffix: t.quote.suffix,
      start: t.position.start,
      end: t.position.end,
    })),
    created: annotation.createdAt,
    updated: annotation.updatedAt,
  };
}

function sharedGlossary(entry: GlossaryEntry): SharedGlossaryEntry {
  return {
    term: entry.term,
    termLang: entry.termLang,
    renderings: entry.renderings,
    renderingLang: entry.renderingLang,
    note: entry.note,
    recordId: entry.recordId,
    created: entry.createdAt,
    updated: entry.updatedAt,
  };
}

export function sharedRecord(record: RecordDocument): SharedRecord {
  return {
    meta: {
      id: record.id,
      title: record.title,
      date: record.date,
      recordId: record.recordId,
      type: record.type,
      source: record.source,
      rights: record.rights,
      summary: record.summary,
      url: record.url,
      uploaded: record.uploaded,
      translator: record.translator,
      contributor: record.contributor,
    },
    original: {
      lang: record.original.lang,
      paragraphs: record.original.passages.map((p) => p.text),
    },
    translation: {
      lang: record.translation.lang,
      paragraphs: record.translation.passages.map((p) => p.text),
    },
    alignment: record.alignment,
    updatedAt: record.updatedAt,
  };
}

/** Whether a note written here leaves the machine: its own choice, else the collection's. */
export function isShared(ctx: AppContext, share: ShareRow, annotationId: string): boolean {
  return (ctx.sharing.visibilityOf(annotationId) ?? share.defaultVisibility) === 'shared';
}

/** What this library's member document should hold: its shared notes, replies and glossary. */
export function ownDocSnapshot(
  ctx: AppContext,
  share: ShareRow,
): Record<MemberMap, Map<string, string>> {
  const notes = new Map<string, string>();
  for (const id of ctx.sharing.ownNotesIn(share.collectionId)) {
    if (!isShared(ctx, share, id)) continue;
    const annotation = ctx.annotations.get(id);
    if (annotation) notes.set(id, JSON.stringify(sharedNote(annotation)));
  }
  const replies = new Map<string, string>();
  for (const id of ctx.sharing.ownRepliesIn(share.collectionId)) {
    const reply = ctx.annotations.getReply(id);
    if (!reply || reply.body.json === null) continue;
    // A reply under a note of this library's that stays private stays private too.
    const onOwnNote = ctx.sharing.authorOf('note_authors', reply.annotationId) === null;
    if (onOwnNote && !notes.has(reply.annotationId)) continue;
    const value: SharedReply = {
      annotationId: reply.annotationId,
      json: reply.body.json,
      text: reply.body.text,
      created: reply.createdAt,
      updated: reply.updatedAt,
    };
    replies.set(id, JSON.stringify(value));
  }
  const glossary = new Map<string, string>();
  for (const id of ctx.sharing.ownGlossaryIn(share.collectionId)) {
    const entry = ctx.glossary.get(id);
    if (entry) glossary.set(id, JSON.stringify(sharedGlossary(entry)));
  }
  return { notes, replies, glossary };
}

/** The owner's records document: every live record of the collection. */
export function recordsSnapshot(ctx: AppContext, share: ShareRow): Map<string, string> {
  const records = new Map<string, string>();
  const collection = ctx.collections.get(share.collectionId);
  for (const id of collection?.recordIds ?? []) {
    const state = ctx.records.state(id);
    if (!state || state.deletedAt !== null) continue;
    const record = ctx.records.get(id);
    if (record) records.set(id, JSON.stringify(sharedRecord(record)));
  }
  return records;
}

/** Makes a map hold exactly `snapshot`, touching only entries that differ. */
export function writeMap(map: Y.Map<unknown>, snapshot: Map<string, string>): void {
  for (const [key, value] of snapshot) if (map.get(key) !== value) map.set(key, value);
  for (const key of [...map.keys()]) if (!snapshot.has(key)) map.delete(key);
}

/** What applying a document did, for the sync report. */
export interface ApplyReport {
  written: number;
  deleted: number;
  /** Entries refused: malformed, too big, on records outside the collection, or not theirs. */
  refused: number;
}

const emptyReport = (): ApplyReport => ({ written: 0, deleted: 0, refused: 0 });

function keysToVisit(
  map: Y.Map<unknown>,
  changed: Set<string> | undefined,
  known: () => string[],
): Set<string> {
  if (changed) return changed;
  return new Set([...map.keys(), ...known()]);
}

/**
 * Applies another member's document to SQLite: their notes, replies and glossary entries appear
 * (marked as theirs), change or go. An entry that would overwrite something not theirs, or that
 * fails the checks, is refused and counted. The caller holds the transaction.
 */
export function applyMemberDoc(
  ctx: AppContext,
  share: ShareRow,
  memberId: string,
  doc: Y.Doc,
  changed: ChangedKeys | undefined,
): ApplyReport {
  const report = emptyReport();
  const author = { shareId: share.shareId, memberId };
  const isTheirs = (table: 'note_authors' | 'reply_authors' | 'glossary_authors', id: string) => {
    const who = ctx.sharing.authorOf(table, id);
    return who !== null && who.shareId === share.shareId && who.memberId === memberId;
  };
  const inCollection = ctx.collections.memberIds(share.collectionId);
  const records = new Map<string, RecordDocument | null>();
  const recordOf = (id: string): RecordDocument | null => {
    if (!records.has(id)) records.set(id, inCollection.has(id) ? ctx.records.get(id) : null);
    return records.get(id) ?? null;
  };

  const notes = doc.getMap('notes');
  for (const key of keysToVisit(notes, changed?.notes, () =>
    ctx.sharing.idsByAuthor('note_authors', author),
  )) {
    const existing = ctx.annotations.get(key);
    if (existing && !isTheirs('note_authors', key)) {
      report.refused++;
      continue;
    }
    const note = notes.has(key) ? parseShared(sharedNoteSchema, notes.get(key)) : null;
    const record = note ? recordOf(note.recordId) : null;
    if (!note || !record) {
      if (notes.has(key)) report.refused++;
      if (existing) {
        ctx.annotations.delete(key);
        report.deleted++;
      }
      continue;
    }
    const annotation = annotationFrom(ctx, key, note, record, existing);
    if (existing) ctx.annotations.update(annotation, true);
    else {
      ctx.annotations.insert(annotation);
      ctx.sharing.setAuthor('note_authors', key, author);
    }
    report.written++;
  }

  const replies = doc.getMap('replies');
  for (const key of keysToVisit(replies, changed?.replies, () =>
    ctx.sharing.idsByAuthor('reply_authors', author),
  )) {
    const existing = ctx.annotations.getReply(key);
    if (existing && !isTheirs('reply_authors', key)) {
      report.refused++;
      continue;
    }
    const reply = replies.has(key) ? parseShared(sharedReplySchema, replies.get(key)) : null;
    const parent = reply ? ctx.annotations.get(reply.annotationId) : null;
    if (!reply || !parent || !inCollection.has(parent.recordId)) {
      if (replies.has(key)) report.refused++;
      if (existing) {
        ctx.annotations.deleteReply(key);
        report.deleted++;
      }
      continue;
    }
    const value = {
      id: key,
      annotationId: reply.annotationId,
      body: { json: reply.json, text: reply.text },
      createdAt: reply.created,
      updatedAt: reply.updated,
    };
    if (existing) ctx.annotations.updateReply(value);
    else {
      ctx.annotations.insertReply(value);
      ctx.sharing.setAuthor('reply_authors', key, author);
    }
    report.written++;
  }

  const glossary = doc.getMap('glossary');
  for (const key of keysToVisit(glossary, changed?.glossary, () =>
    ctx.sharing.idsByAuthor('glossary_authors', author),
  )) {
    const existing = ctx.glossary.get(key);
    if (existing && !isTheirs('glossary_authors', key)) {
      report.refused++;
      continue;
    }
    const entry = glossary.has(key) ? parseShared(sharedGlossarySchema, glossary.get(key)) : null;
    if (!entry || (entry.recordId !== null && !inCollection.has(entry.recordId))) {
      if (glossary.has(key)) report.refused++;
      if (existing) {
        ctx.glossary.delete(key);
        report.deleted++;
      }
      continue;
    }
    ctx.glossary.save({
      id: key,
      term: entry.term,
      termLang: entry.termLang,
      renderings: entry.renderings,
      renderingLang: entry.renderingLang,
      note: entry.note,
      recordId: entry.recordId,
      annotationId: null,
      createdAt: entry.created,
      updatedAt: entry.updated,
    });
    if (!existing) ctx.sharing.setAuthor('glossary_authors', key, author);
    report.written++;
  }
  return report;
}

function annotationFrom(
  ctx: AppContext,
  id: string,
  note: SharedNote,
  record: RecordDocument,
  existing: Annotation | null,
): Annotation {
  const passagesOf = (side: Side): Passage[] =>
    side === 'original' ? record.original.passages : record.translation.passages;
  return {
    id,
    recordId: record.id,
    categoryId: ctx.categories.exists(note.category) ? note.category : 'note',
    comment: note.comment.text === '' ? { json: null, text: '' } : note.comment,
    targets: note.targets.map((t) => {
      const passage = passagesOf(t.side)[t.passageIndex];
      const intact = passage !== undefined && passage.text.slice(t.start, t.end) === t.exact;
      return {
        passageId: passage?.id ?? null,
        side: t.side,
        passageIndex: t.passageIndex,
        quote: { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
        position: { type: 'TextPositionSelector', start: t.start, end: t.end },
        orphaned: !intact,
      };
    }),
    tags: normaliseTags(note.tags),
    noteType: note.noteType,
    entityId: existing?.entityId ?? null,
    replies: [],
    createdAt: note.created,
    updatedAt: note.updated,
  };
}

/**
 * Applies the owner's records document (on a member's machine): records appear in the collection,
 * change (their notes re-anchored on the new text) or leave it; the collection takes the owner's
 * name; revoked members are marked. The caller holds the transaction.
 */
export function applyRecordsDoc(
  ctx: AppContext,
  share: ShareRow,
  doc: Y.Doc,
  changed: ChangedKeys | undefined,
): ApplyReport {
  const report = emptyReport();
  const records = doc.getMap('records');
  const inCollection = ctx.collections.memberIds(share.collectionId);
  const now = ctx.now();
  for (const key of keysToVisit(records, changed?.records, () => [...inCollection])) {
    if (!records.has(key)) {
      if (inCollection.has(key)) {
        ctx.collections.removeMembers(share.collectionId, [key]);
        report.deleted++;
      }
      continue;
    }
    const shared = parseShared(sharedRecordSchema, records.get(key));
    if (!shared || shared.meta.id !== key) {
      report.refused++;
      continue;
    }
    const newRecord = {
      meta: shared.meta,
      contentHash: contentHash(shared),
      original: shared.original,
      translation: shared.translation,
      alignment: shared.alignment,
      now: shared.updatedAt,
    };
    const current = ctx.records.state(key);
    if (!current) ctx.records.insert(newRecord);
    else if (ctx.records.get(key)?.updatedAt !== shared.updatedAt) {
      ctx.records.replaceContent(newRecord);
      reanchorRecord(ctx, key);
    }
    ctx.collections.addMembers(share.collectionId, [key], now);
    report.written++;
  }
  const meta = doc.getMap('meta');
  const name = meta.get('name');
  const collection = ctx.collections.get(share.collectionId);
  if (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= 200 &&
    collection?.name !== name
  )
    ctx.collections.rename(share.collectionId, name, now);
  markRevoked(ctx, share, doc);
  return report;
}

function markRevoked(ctx: AppContext, share: ShareRow, recordsDoc: Y.Doc): void {
  const revoked = recordsDoc.getMap('revoked');
  for (const member of ctx.sharing.members(share.shareId)) {
    const isRevoked = revoked.has(member.memberId);
    if (isRevoked !== member.revoked)
      ctx.sharing.upsertMember(share.shareId, { ...member, revoked: isRevoked });
  }
}

/** Applies the server's roster: who is in the collection, with their names and colours. */
export function applyRoster(
  ctx: AppContext,
  share: ShareRow,
  roster: Y.Doc,
  recordsDoc: Y.Doc,
): string[] {
  const members = roster.getMap('members');
  const revoked = recordsDoc.getMap('revoked');
  const ids: string[] = [];
  for (const [memberId, value] of members.entries()) {
    const entry = parseShared(rosterEntrySchema, value);
    if (!entry || !/^m[A-Za-z0-9_-]{1,40}$/.test(memberId)) continue;
    ctx.sharing.upsertMember(share.shareId, {
      memberId,
      name: entry.name,
      color: entry.color,
      role: entry.role,
      revoked: revoked.has(memberId),
    });
    ids.push(memberId);
  }
  return ids;
}
