// Storage of shared collections: the share, its members, the Yjs documents' last local state, the
// log of local updates not yet acknowledged, and who wrote the notes that came from other members.
import { prepared, type LibraryDatabase } from '../statements';

export type ShareRole = 'owner' | 'member' | 'reader';
export type Visibility = 'shared' | 'private';

export interface ShareRow {
  shareId: string;
  collectionId: string;
  serverUrl: string;
  role: ShareRole;
  memberId: string;
  memberName: string;
  memberColor: string;
  privateKey: string;
  invite: string;
  defaultVisibility: Visibility;
  lastSyncedAt: number | null;
  createdAt: number;
}

export interface ShareMemberRow {
  memberId: string;
  name: string;
  color: string;
  role: ShareRole;
  revoked: boolean;
  hidden: boolean;
}

export interface AuthorRef {
  shareId: string;
  memberId: string;
}

const SHARE_COLUMNS = `share_id AS shareId, collection_id AS collectionId, server_url AS serverUrl,
  role, member_id AS memberId, member_name AS memberName, member_color AS memberColor,
  private_key AS privateKey, invite, default_visibility AS defaultVisibility,
  last_synced_at AS lastSyncedAt, created_at AS createdAt`;

type AuthorTable = 'note_authors' | 'reply_authors' | 'glossary_authors';
const AUTHOR_KEY: Record<AuthorTable, string> = {
  note_authors: 'annotation_id',
  reply_authors: 'reply_id',
  glossary_authors: 'entry_id',
};

export function createSharingRepository(db: LibraryDatabase) {
  const authorStatements = (table: AuthorTable) => {
    const key = AUTHOR_KEY[table];
    return prepared({
      set: () =>
        db.prepare(
          `INSERT INTO ${table} (${key}, share_id, member_id) VALUES (?, ?, ?)
           ON CONFLICT (${key}) DO UPDATE SET share_id = excluded.share_id, member_id = excluded.member_id`,
        ),
      get: () =>
        db.prepare<[string], AuthorRef>(
          `SELECT share_id AS shareId, member_id AS memberId FROM ${table} WHERE ${key} = ?`,
        ),
      byMember: () =>
        db
          .prepare<[string, string], string>(
            `SELECT ${key} FROM ${table} WHERE share_id = ? AND member_id = ?`,
          )
          .pluck(),
    });
  };
  const authors = {
    note_authors: authorStatements('note_authors'),
    reply_authors: authorStatements('reply_authors'),
    glossary_authors: authorStatements('glossary_authors'),
  };

  const s = prepared({
    insertShare: () =>
      db.prepare(`
        INSERT INTO shares (share_id, collection_id, server_url, role, member_id, member_name,
          member_color, private_key, invite, default_visibility, last_synced_at, created_at)
        VALUES (@shareId, @collectionId, @serverUrl, @role, @memberId, @memberName, @memberColor,
          @privateKey, @invite, @defaultVisibility, @lastSyncedAt, @createdAt)`),
    share: () =>
      db.prepare<[string], ShareRow>(`SELECT ${SHARE_COLUMNS} FROM shares WHERE share_id = ?`),
    shareOfCollection: () =>
      db.prepare<[string], ShareRow>(`SELECT ${SHARE_COLUMNS} FROM shares WHERE collection_id = ?`),
    shares: () =>
      db.prepare<[], ShareRow>(`SELECT ${SHARE_COLUMNS} FROM shares ORDER BY created_at`),
    setSynced: () => db.prepare('UPDATE shares SET last_synced_at = ? WHERE share_id = ?'),
    setDefaultVisibility: () =>
      db.prepare('UPDATE shares SET default_visibility = ? WHERE share_id = ?'),
    deleteShare: () => db.prepare('DELETE FROM shares WHERE share_id = ?'),
    upsertMember: () =>
      db.prepare(`
        INSERT INTO share_members (share_id, member_id, name, color, role, revoked)
        VALUES (@shareId, @memberId, @name, @color, @role, @revoked)
        ON CONFLICT (share_id, member_id) DO UPDATE SET name = excluded.name,
          color = excluded.color, role = excluded.role, revoked = excluded.revoked`),
    members: () =>
      db.prepare<
        [string],
        Omit<ShareMemberRow, 'revoked' | 'hidden'> & { revoked: number; hidden: number }
      >(
        `SELECT member_id AS memberId, name, color, role, revoked, hidden FROM share_members
         WHERE share_id = ? ORDER BY role = 'owner' DESC, name COLLATE NOCASE, member_id`,
      ),
    setHidden: () =>
      db.prepare('UPDATE share_members SET hidden = ? WHERE share_id = ? AND member_id = ?'),
    docState: () =>
      db
        .prepare<[string, string], Buffer>(
          'SELECT state FROM share_docs WHERE share_id = ? AND doc_name = ?',
        )
        .pluck(),
    saveDocState: () =>
      db.prepare(`
        INSERT INTO share_docs (share_id, doc_name, state) VALUES (?, ?, ?)
        ON CONFLICT (share_id, doc_name) DO UPDATE SET state = excluded.state`),
    appendOutbox: () =>
      db.prepare(
        'INSERT INTO share_outbox (share_id, doc_name, update_data, created_at) VALUES (?, ?, ?, ?)',
      ),
    outbox: () =>
      db.prepare<[string], { id: number; docName: string; update: Buffer }>(
        `SELECT id, doc_name AS docName, update_data AS "update" FROM share_outbox
         WHERE share_id = ? ORDER BY id`,
      ),
    outboxCount: () =>
      db.prepare<[string], number>('SELECT count(*) FROM share_outbox WHERE share_id = ?').pluck(),
    clearOutbox: () =>
      db.prepare('DELETE FROM share_outbox WHERE share_id = ? AND doc_name = ? AND id <= ?'),
    changeVersion: () =>
      db.prepare<[string], number>('SELECT version FROM share_changes WHERE what = ?').pluck(),
    setVisibility: () =>
      db.prepare(`
        INSERT INTO note_visibility (annotation_id, visibility) VALUES (?, ?)
        ON CONFLICT (annotation_id) DO UPDATE SET visibility = excluded.visibility`),
    visibility: () =>
      db
        .prepare<[string], Visibility>(
          'SELECT visibility FROM note_visibility WHERE annotation_id = ?',
        )
        .pluck(),
    ownNotesIn: () =>
      db
        .prepare<[string], string>(
          `SELECT a.id FROM annotations a
           JOIN collection_records m ON m.record_id = a.record_id AND m.collection_id = ?
           WHERE a.id NOT IN (SELECT annotation_id FROM note_authors)
           ORDER BY a.created_at, a.id`,
        )
        .pluck(),
    ownRepliesIn: () =>
      db
        .prepare<[string], string>(
          `SELECT r.id FROM annotation_replies r
           JOIN annotations a ON a.id = r.annotation_id
           JOIN collection_records m ON m.record_id = a.record_id AND m.collection_id = ?
           WHERE r.id NOT IN (SELECT reply_id FROM reply_authors)
           ORDER BY r.created_at, r.id`,
        )
        .pluck(),
    ownGlossaryIn: () =>
      db
        .prepare<[string], string>(
          `SELECT g.id FROM glossary_entries g
           JOIN collection_records m ON m.record_id = g.record_id AND m.collection_id = ?
           WHERE g.id NOT IN (SELECT entry_id FROM glossary_authors)
           ORDER BY g.created_at, g.id`,
        )
        .pluck(),
    authorsOfRecord: () =>
      db.prepare<[string], { annotationId: string; shareId: string; memberId: string }>(
        `SELECT n.annotation_id AS annotationId, n.share_id AS shareId, n.member_id AS memberId
         FROM note_authors n JOIN annotations a ON a.id = n.annotation_id WHERE a.record_id = ?`,
      ),
  });

  return {
    insertShare(share: ShareRow): void {
      s.insertShare.run(share);
    },
    share(shareId: string): ShareRow | null {
      return s.share.get(shareId) ?? null;
    },
    shareOfCollection(collectionId: string): ShareRow | null {
      return s.shareOfCollection.get(collectionId) ?? null;
    },
    shares(): ShareRow[] {
      return s.shares.all();
    },
    setSynced(shareId: string, when: number): void {
      s.setSynced.run(when, shareId);
    },
    setDefaultVisibility(shareId: string, visibility: Visibility): void {
      s.setDefaultVisibility.run(visibility, shareId);
    },
    /** Forgets a share (members, documents, outbox); the collection and its notes stay. */
    deleteShare(shareId: string): void {
      s.deleteShare.run(shareId);
    },

    upsertMember(shareId: string, member: Omit<ShareMemberRow, 'hidden'>): void {
      s.upsertMember.run({ shareId, ...member, revoked: member.revoked ? 1 : 0 });
    },
    members(shareId: string): ShareMemberRow[] {
      return s.members
        .all(shareId)
        .map((m) => ({ ...m, revoked: m.revoked === 1, hidden: m.hidden === 1 }));
    },
    setHidden(shareId: string, memberId: string, hidden: boolean): void {
      s.setHidden.run(hidden ? 1 : 0, shareId, memberId);
    },

    docState(shareId: string, docName: string): Uint8Array | null {
      return s.docState.get(shareId, docName) ?? null;
    },
    saveDocState(shareId: string, docName: string, state: Uint8Array): void {
      s.saveDocState.run(shareId, docName, Buffer.from(state));
    },

    /** Logs a local update for the server; returns its place in the log. */
    appendOutbox(shareId: string, docName: string, update: Uint8Array, now: number): number {
      return Number(s.appendOutbox.run(shareId, docName, Buffer.from(update), now).lastInsertRowid);
    },
    outbox(shareId: string): { id: number; docName: string; update: Uint8Array }[] {
      return s.outbox.all(shareId);
    },
    outboxCount(shareId: string): number {
      return s.outboxCount.get(shareId) ?? 0;
    },
    /** Drops a document's outbox entries up to `lastId` (the server has them). */
    clearOutbox(shareId: string, docName: string, lastId: number): void {
      s.clearOutbox.run(shareId, docName, lastId);
    },

    /** A counter that moves whenever notes (or records) change here; cheap to poll. */
    changeVersion(what: 'notes' | 'records'): number {
      return s.changeVersion.get(what) ?? 0;
    },

    setAuthor(table: AuthorTable, id: string, author: AuthorRef): void {
      authors[table].set.run(id, author.shareId, author.memberId);
    },
    authorOf(table: AuthorTable, id: string): AuthorRef | null {
      return authors[table].get.get(id) ?? null;
    },
    idsByAuthor(table: AuthorTable, author: AuthorRef): string[] {
      return authors[table].byMember.all(author.shareId, author.memberId);
    },
    /** Who wrote each note of a record that came from another member. */
    noteAuthorsOfRecord(recordId: string) {
      return s.authorsOfRecord.all(recordId);
    },

    setVisibility(annotationId: string, visibility: Visibility): void {
      s.setVisibility.run(annotationId, visibility);
    },
    visibilityOf(annotationId: string): Visibility | null {
      return s.visibility.get(annotationId) ?? null;
    },

    /** Ids of the notes, replies and glossary entries written here on a collection's records. */
    ownNotesIn(collectionId: string): string[] {
      return s.ownNotesIn.all(collectionId);
    },
    ownRepliesIn(collectionId: string): string[] {
      return s.ownRepliesIn.all(collectionId);
    },
    ownGlossaryIn(collectionId: string): string[] {
      return s.ownGlossaryIn.all(collectionId);
    },
  };
}

export type SharingRepository = ReturnType<typeof createSharingRepository>;
