// Keeps one shared collection in step with its sync server through Hocuspocus's own provider:
// this library's documents go out as Yjs updates (logged locally until acknowledged), other
// members' documents come in and are applied to SQLite one transaction per batch. SQLite stays
// the source of truth: local edits are found by a change counter and projected into the docs.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { ShareRow } from '../../db/repositories';
import type { AppContext } from '../context';
import { memberDocName, recordsDocName, rosterDocName } from './doc-names';
import { openLocalDoc, type LocalDoc } from './local-docs';
import {
  applyMemberDoc,
  applyRecordsDoc,
  applyRoster,
  LOADED_ORIGIN,
  LOCAL_ORIGIN,
  ownDocSnapshot,
  recordsSnapshot,
  writeMap,
  type ApplyReport,
  type ChangedKeys,
} from './mapping';
import { connectionToken, publicKeyOf } from './tokens';

export type SyncState = 'synced' | 'syncing' | 'offline' | 'refused';

export interface ShareSyncStatus {
  shareId: string;
  collectionId: string;
  state: SyncState;
  /** Local changes the server has not acknowledged yet. */
  waiting: number;
  /** Why the server refused, when it did. */
  message: string | null;
  /** What came in from other members so far in this session. */
  applied: ApplyReport;
}

type DocRole = { kind: 'records' } | { kind: 'roster' } | { kind: 'member'; memberId: string };

interface Entry {
  local: LocalDoc;
  role: DocRole;
  provider: HocuspocusProvider;
  writable: boolean;
  failed: string | null;
  /** Remote changes not yet applied: keys per map, or 'all'. */
  pending: ChangedKeys | 'all' | null;
}

export interface ShareSyncOptions {
  /** Called after remote changes were applied to SQLite, and when the status changes. */
  onChange?: (status: ShareSyncStatus) => void;
}

export class ShareSync {
  private readonly entries = new Map<string, Entry>();
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly publicKey: string;
  private notesVersion = -1;
  private recordsVersion = -1;
  private applyScheduled = false;
  private connected = false;
  private closed = false;
  private readonly applied: ApplyReport = { written: 0, deleted: 0, refused: 0 };
  private socketError: string | null = null;

  constructor(
    private readonly ctx: AppContext,
    private share: ShareRow,
    private readonly options: ShareSyncOptions = {},
  ) {
    this.publicKey = publicKeyOf(share.privateKey);
    this.socket = new HocuspocusProviderWebsocket({
      url: share.serverUrl,
      autoConnect: false,
    });
    this.socket.on('status', ({ status }: { status: string }) => {
      this.connected = status === 'connected';
      this.notify();
    });
  }

  /** Opens the collection's documents from SQLite, writes pending local edits, connects. */
  start(): void {
    const { shareId, memberId, role } = this.share;
    this.open(recordsDocName(shareId), { kind: 'records' }, role === 'owner');
    this.open(rosterDocName(shareId), { kind: 'roster' }, false);
    if (role !== 'reader')
      this.open(memberDocName(shareId, memberId), { kind: 'member', memberId }, true);
    for (const member of this.ctx.sharing.members(shareId)) this.openMember(member.memberId);
    this.refreshLocal();
    this.socket.connect();
  }

  private openMember(memberId: string): void {
    if (memberId === this.share.memberId) return;
    this.open(memberDocName(this.share.shareId, memberId), { kind: 'member', memberId }, false);
  }

  private open(name: string, role: DocRole, writable: boolean): void {
    if (this.entries.has(name)) return;
    const local = openLocalDoc(this.ctx, this.share.shareId, name);
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: local.doc,
      token: () =>
        connectionToken(
          {
            invite: this.share.invite,
            p: this.publicKey,
            name: this.share.memberName,
            color: this.share.memberColor,
            t: Date.now(),
          },
          this.share.privateKey,
        ),
    });
    const entry: Entry = { local, role, provider, writable, failed: null, pending: null };
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      entry.failed = reason;
      this.notify();
    });
    provider.on('authenticated', () => {
      entry.failed = null;
    });
    provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0 && writable && local.lastOutboxId > 0) {
        this.ctx.sharing.clearOutbox(this.share.shareId, name, local.lastOutboxId);
      }
      if (number === 0) this.notify();
    });
    provider.on('synced', () => this.notify());
    local.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      const origin = transaction.origin;
      if (origin === LOCAL_ORIGIN || origin === LOADED_ORIGIN) return;
      if (transaction.changed.size === 0) return;
      this.markPending(entry, transaction);
    });
    this.entries.set(name, entry);
    provider.attach();
    // Whatever the stored state holds is applied once at start, in case SQLite lags behind it.
    if (!writable) {
      entry.pending = 'all';
      this.scheduleApply();
    }
  }

  private markPending(entry: Entry, transaction: Y.Transaction): void {
    if (entry.pending !== 'all') {
      const pending: ChangedKeys = entry.pending ?? {};
      for (const [type, keys] of transaction.changed) {
        const mapName = [...entry.local.doc.share].find(([, t]) => t === type)?.[0];
        if (!mapName) continue;
        const set = (pending[mapName] ??= new Set());
        for (const key of keys) if (key !== null) set.add(key);
      }
      entry.pending = pending;
    }
    this.scheduleApply();
  }

  private scheduleApply(): void {
    if (this.applyScheduled || this.closed) return;
    this.applyScheduled = true;
    setImmediate(() => {
      this.applyScheduled = false;
      if (!this.closed) this.applyPending();
    });
  }

  /** Applies remote changes: the records document first, then the roster, then members' notes. */
  private applyPending(): void {
    const order = [...this.entries.values()].sort((a, b) => rank(a.role) - rank(b.role));
    let changed = false;
    for (const entry of order) {
      if (entry.pending === null || entry.writable) {
        entry.pending = null;
        continue;
      }
      const changedKeys = entry.pending === 'all' ? undefined : entry.pending;
      entry.pending = null;
      const { shareId } = this.share;
      const report = this.ctx.transaction(() => {
        let result: ApplyReport | null = null;
        if (entry.role.kind === 'records') {
          result = applyRecordsDoc(this.ctx, this.share, entry.local.doc, changedKeys);
        } else if (entry.role.kind === 'roster') {
          applyRoster(this.ctx, this.share, entry.local.doc, this.recordsDoc());
        } else {
          result = applyMemberDoc(
            this.ctx,
            this.share,
            entry.role.memberId,
            entry.local.doc,
            changedKeys,
          );
        }
        this.ctx.sharing.saveDocState(
          shareId,
          entry.local.name,
          Y.encodeStateAsUpdate(entry.local.doc),
        );
        return result;
      });
      if (report) {
        this.applied.written += report.written;
        this.applied.deleted += report.deleted;
        this.applied.refused += report.refused;
      }
      if (entry.role.kind === 'roster') {
        for (const member of this.ctx.sharing.members(shareId)) this.openMember(member.memberId);
      }
      if (entry.role.kind === 'records' && report && report.written > 0) {
        // New or changed records: notes that waited for them can be placed now.
        for (const other of this.entries.values())
          if (other.role.kind === 'member' && !other.writable) other.pending = 'all';
        this.scheduleApply();
      }
      changed = true;
    }
    if (changed) this.notify();
  }

  private recordsDoc(): Y.Doc {
    return this.entries.get(recordsDocName(this.share.shareId))!.local.doc;
  }

  /**
   * Writes local edits into this library's documents when SQLite changed since the last look:
   * its own notes, replies and glossary entries, and (for the owner) the records.
   */
  refreshLocal(): void {
    if (this.closed) return;
    const share = this.ctx.sharing.share(this.share.shareId);
    if (!share) return;
    this.share = share;
    const notes = this.ctx.sharing.changeVersion('notes');
    if (notes !== this.notesVersion && share.role !== 'reader') {
      this.notesVersion = notes;
      const own = this.entries.get(memberDocName(share.shareId, share.memberId));
      if (own) {
        const snapshot = ownDocSnapshot(this.ctx, share);
        const doc = own.local.doc;
        doc.transact(() => {
          writeMap(doc.getMap('notes'), snapshot.notes);
          writeMap(doc.getMap('replies'), snapshot.replies);
          writeMap(doc.getMap('glossary'), snapshot.glossary);
        }, LOCAL_ORIGIN);
      }
    }
    const records = this.ctx.sharing.changeVersion('records');
    if (records !== this.recordsVersion && share.role === 'owner') {
      this.recordsVersion = records;
      const entry = this.entries.get(recordsDocName(share.shareId));
      const collection = this.ctx.collections.get(share.collectionId);
      if (entry && collection) {
        const snapshot = recordsSnapshot(this.ctx, share);
        const doc = entry.local.doc;
        doc.transact(() => {
          writeMap(doc.getMap('records'), snapshot);
          const meta = doc.getMap('meta');
          if (meta.get('name') !== collection.name) meta.set('name', collection.name);
          if (meta.get('owner') !== share.memberId) meta.set('owner', share.memberId);
          if (meta.get('defaultVisibility') !== share.defaultVisibility)
            meta.set('defaultVisibility', share.defaultVisibility);
        }, LOCAL_ORIGIN);
      }
    }
  }

  status(): ShareSyncStatus {
    const entries = [...this.entries.values()];
    const refused = entries.find((e) => e.failed !== null);
    const waiting = this.ctx.sharing.outboxCount(this.share.shareId);
    let state: SyncState;
    if (refused) state = 'refused';
    else if (!this.connected) state = 'offline';
    else if (this.isSettled()) state = 'synced';
    else state = 'syncing';
    return {
      shareId: this.share.shareId,
      collectionId: this.share.collectionId,
      state,
      waiting,
      message: refused?.failed ?? this.socketError,
      applied: { ...this.applied },
    };
  }

  /** Connected, every document handshaken, nothing unacknowledged, nothing left to apply. */
  isSettled(): boolean {
    if (!this.connected || this.applyScheduled) return false;
    for (const entry of this.entries.values()) {
      if (entry.failed !== null) continue;
      if (!entry.provider.synced || entry.provider.hasUnsyncedChanges || entry.pending !== null)
        return false;
    }
    return true;
  }

  /** Whether the server refused any document (a revoked member, an expired invite…). */
  refusal(): string | null {
    for (const entry of this.entries.values()) if (entry.failed) return entry.failed;
    return null;
  }

  private notify(): void {
    if (!this.closed) this.options.onChange?.(this.status());
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const entry of this.entries.values()) {
      entry.provider.destroy();
      entry.local.detach();
      entry.local.doc.destroy();
    }
    this.socket.destroy();
  }
}

function rank(role: DocRole): number {
  return role.kind === 'records' ? 0 : role.kind === 'roster' ? 1 : 2;
}
