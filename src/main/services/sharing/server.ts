// The sync server: Hocuspocus with its SQLite extension (and its Redis extension when several
// nodes share the load), our token check in onAuthenticate and per-document write rules. No
// protocol of our own: clients speak Hocuspocus's, and the server only decides who may read and
// write which document, keeps the roster of members, and turns revoked members away.
import fs from 'node:fs';
import path from 'node:path';
import { Server, type Extension, type onAuthenticatePayload } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Redis } from '@hocuspocus/extension-redis';
import type * as Y from 'yjs';
import { parseDocName, recordsDocName, rosterDocName } from './doc-names';
import { TokenError, verifyConnectionToken, type VerifiedMember } from './tokens';

/** The largest message a client may send (a first sync of a big collection fits easily). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export interface SyncServerOptions {
  dataDir: string;
  port: number;
  /** 127.0.0.1 unless told otherwise (a reverse proxy in front terminates TLS). */
  host?: string;
  /** redis://host:port to share documents with other nodes. */
  redis?: string;
  /** Node name in Redis (defaults to a random one). */
  name?: string;
  log?: (line: string) => void;
}

export interface RunningSyncServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

interface ConnectionContext {
  member: VerifiedMember;
}

/** Members the owner revoked (by member id or invite id), as the records document says. */
function revokedIn(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('revoked');
}

export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? (() => {});
  const extensions: Extension[] = [
    new SQLite({ database: path.join(options.dataDir, 'sync-server.sqlite') }),
  ];
  if (options.redis) {
    const url = new URL(options.redis);
    extensions.push(
      new Redis({
        host: url.hostname,
        port: Number(url.port || 6379),
        ...(options.name ? { identifier: options.name } : {}),
      }),
    );
  }

  /** Hocuspocus sends an error's `reason` to the client as the permission-denied message. */
  const refusal = (documentName: string, reason: string): Error => {
    log(`refused ${documentName}: ${reason}`);
    return Object.assign(new Error(reason), { reason });
  };

  const server = new Server<ConnectionContext>({
    name: options.name ?? 'marginalia-sync',
    port: options.port,
    address: options.host ?? '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    websocketOptions: { maxPayload: MAX_MESSAGE_BYTES },
    extensions,

    async onAuthenticate(data: onAuthenticatePayload<ConnectionContext>) {
      const doc = parseDocName(data.documentName);
      let member: VerifiedMember;
      try {
        member = verifyConnectionToken(data.token, Date.now());
      } catch (error) {
        const reason = error instanceof TokenError ? error.message : 'token: malformed';
        throw refusal(data.documentName, reason);
      }
      if (!doc || doc.shareId !== member.shareId) {
        throw refusal(data.documentName, 'document: not part of your collection');
      }
      const records = await data.instance.openDirectConnection(recordsDocName(member.shareId));
      let revoked = false;
      try {
        const list = revokedIn(records.document!);
        revoked = list.has(member.memberId) || list.has(`invite:${member.inviteId}`);
      } finally {
        await records.disconnect();
      }
      if (revoked && member.role !== 'owner') {
        throw refusal(data.documentName, 'token: your access to this collection was revoked');
      }
      const writable =
        (doc.kind === 'records' && member.role === 'owner') ||
        (doc.kind === 'member' && doc.memberId === member.memberId && member.role !== 'reader');
      data.connectionConfig.readOnly = !writable;
      await enrol(data.instance, member);
      return { member };
    },

    async onChange(data) {
      // When the owner revokes someone, their open connections close at once.
      const doc = parseDocName(data.documentName);
      if (doc?.kind !== 'records') return;
      const revoked = revokedIn(data.document);
      for (const connection of data.document.getConnections()) {
        const member = (connection.context as ConnectionContext | undefined)?.member;
        if (
          member &&
          member.role !== 'owner' &&
          (revoked.has(member.memberId) || revoked.has(`invite:${member.inviteId}`))
        ) {
          connection.close({ code: 4403, reason: 'revoked' });
        }
      }
    },
  });

  /** Puts a member on the collection's roster (written by the server only). */
  async function enrol(instance: typeof server.hocuspocus, member: VerifiedMember): Promise<void> {
    const entry = JSON.stringify({ name: member.name, color: member.color, role: member.role });
    const roster = await instance.openDirectConnection(rosterDocName(member.shareId));
    try {
      const members = roster.document!.getMap<string>('members');
      if (members.get(member.memberId) !== entry) {
        await roster.transact((doc) => doc.getMap<string>('members').set(member.memberId, entry));
      }
    } finally {
      await roster.disconnect();
    }
  }

  await server.listen();
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `ws://${options.host ?? '127.0.0.1'}:${port}`;
  log(`Marginalia sync server listening on ${url}`);
  return {
    port,
    url,
    close: async () => {
      // Hocuspocus waits for every document to unload; a document loaded for a refused
      // connection may never be, so stopping waits at most a few seconds for a clean end.
      await Promise.race([
        server.destroy(),
        new Promise((resolve) => setTimeout(resolve, 3000).unref()),
      ]);
      server.httpServer.closeAllConnections();
    },
  };
}
