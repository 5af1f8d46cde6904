// Migration 120, frozen: shared collections. Local SQLite stays the source of truth; these tables
// remember which collections are shared, with whom, the Yjs documents' last local state, the
// updates not yet acknowledged by the server, and who wrote each note that came from elsewhere.
import type { Database } from 'better-sqlite3';

/**
 * Shared collections: the share itself (server, role, this library's member key), the members,
 * each Yjs document's state as last applied here, the log of local updates waiting for the
 * server, authors of notes/replies/glossary entries written by other members, notes kept
 * private, and a change counter that triggers bump so the sync loop notices local edits.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE shares (
      share_id TEXT PRIMARY KEY,
      collection_id TEXT NOT NULL UNIQUE REFERENCES collections(id) ON DELETE CASCADE,
      server_url TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('owner', 'member', 'reader')),
      member_id TEXT NOT NULL,
      member_name TEXT NOT NULL,
      member_color TEXT NOT NULL,
      -- This library's Ed25519 private key for the share (PKCS#8 PEM); the owner's also signs invites.
      private_key TEXT NOT NULL,
      -- The owner-signed invite this library joined with (the owner's own for the owner).
      invite TEXT NOT NULL,
      default_visibility TEXT NOT NULL DEFAULT 'shared'
        CHECK (default_visibility IN ('shared', 'private')),
      last_synced_at INTEGER,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE share_members (
      share_id TEXT NOT NULL REFERENCES shares(share_id) ON DELETE CASCADE,
      member_id TEXT NOT NULL,
      name TEXT NOT NULL,
      color TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('owner', 'member', 'reader')),
      revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
      hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
      PRIMARY KEY (share_id, member_id)
    ) STRICT, WITHOUT ROWID;

    -- Each Yjs document's full state as last written to SQLite here (Y.encodeStateAsUpdate).
    CREATE TABLE share_docs (
      share_id TEXT NOT NULL REFERENCES shares(share_id) ON DELETE CASCADE,
      doc_name TEXT NOT NULL,
      state BLOB NOT NULL,
      PRIMARY KEY (share_id, doc_name)
    ) STRICT, WITHOUT ROWID;

    -- Local updates the server has not acknowledged yet, oldest first; they survive restarts.
    CREATE TABLE share_outbox (
      id INTEGER PRIMARY KEY,
      share_id TEXT NOT NULL REFERENCES shares(share_id) ON DELETE CASCADE,
      doc_name TEXT NOT NULL,
      update_data BLOB NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX share_outbox_by_share ON share_outbox(share_id, id);

    -- Notes, replies and glossary entries that another member wrote (absent: written here).
    CREATE TABLE note_authors (
      annotation_id TEXT PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
      share_id TEXT NOT NULL,
      member_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX note_authors_by_member ON note_authors(share_id, member_id);
    CREATE TABLE reply_authors (
      reply_id TEXT PRIMARY KEY REFERENCES annotation_replies(id) ON DELETE CASCADE,
      share_id TEXT NOT NULL,
      member_id TEXT NOT NULL
    ) STRICT;
    CREATE TABLE glossary_authors (
      entry_id TEXT PRIMARY KEY REFERENCES glossary_entries(id) ON DELETE CASCADE,
      share_id TEXT NOT NULL,
      member_id TEXT NOT NULL
    ) STRICT;

    -- A note's own choice; absent, the collection's default applies.
    CREATE TABLE note_visibility (
      annotation_id TEXT PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
      visibility TEXT NOT NULL CHECK (visibility IN ('shared', 'private'))
    ) STRICT;

    -- Bumped by triggers when something a share carries changes locally.
    CREATE TABLE share_changes (
      what TEXT PRIMARY KEY CHECK (what IN ('notes', 'records')),
      version INTEGER NOT NULL
    ) STRICT;
    INSERT INTO share_changes (what, version) VALUES ('notes', 0), ('records', 0);
  `);
  const notes = [
    'annotations',
    'annotation_targets',
    'annotation_tags',
    'annotation_replies',
    'glossary_entries',
    'glossary_renderings',
    'note_visibility',
  ];
  const records = ['records', 'passages', 'alignment_groups', 'collection_records'];
  for (const [what, tables] of [
    ['notes', notes],
    ['records', records],
  ] as const) {
    for (const table of tables) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        db.exec(`CREATE TRIGGER share_changes_${table}_${op.toLowerCase()} AFTER ${op} ON ${table}
          BEGIN UPDATE share_changes SET version = version + 1 WHERE what = '${what}'; END;`);
      }
    }
  }
}
