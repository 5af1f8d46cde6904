// A shared collection's Yjs documents as this library keeps them between runs: each document's
// state as last written to SQLite, plus the log of local updates the server has not acknowledged.
// Loading replays both; every local update is logged and the state saved in one transaction, so
// an edit made offline survives a restart (or a kill) and goes out on the next connection.
import * as Y from 'yjs';
import type { AppContext } from '../context';
import { LOADED_ORIGIN, LOCAL_ORIGIN } from './mapping';

export interface LocalDoc {
  name: string;
  doc: Y.Doc;
  /** The newest outbox entry of this document (0: none). */
  lastOutboxId: number;
  /** Stops logging local updates. */
  detach(): void;
}

/** Loads a document from SQLite and logs its local updates from now on. */
export function openLocalDoc(ctx: AppContext, shareId: string, name: string): LocalDoc {
  const doc = new Y.Doc({ gc: true });
  const state = ctx.sharing.docState(shareId, name);
  let lastOutboxId = 0;
  doc.transact(() => {
    if (state) Y.applyUpdate(doc, state, LOADED_ORIGIN);
    for (const entry of ctx.sharing.outbox(shareId)) {
      if (entry.docName !== name) continue;
      Y.applyUpdate(doc, entry.update, LOADED_ORIGIN);
      lastOutboxId = entry.id;
    }
  }, LOADED_ORIGIN);
  const local: LocalDoc = {
    name,
    doc,
    lastOutboxId,
    detach: () => doc.off('update', onUpdate),
  };
  function onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin !== LOCAL_ORIGIN) return;
    ctx.transaction(() => {
      local.lastOutboxId = ctx.sharing.appendOutbox(shareId, name, update, ctx.now());
      ctx.sharing.saveDocState(shareId, name, Y.encodeStateAsUpdate(doc));
    });
  }
  doc.on('update', onUpdate);
  return local;
}

/** Makes a local change to one document outside a sync session (e.g. revoking a member). */
export function changeLocalDoc(
  ctx: AppContext,
  shareId: string,
  name: string,
  change: (doc: Y.Doc) => void,
): void {
  const local = openLocalDoc(ctx, shareId, name);
  try {
    local.doc.transact(() => change(local.doc), LOCAL_ORIGIN);
  } finally {
    local.detach();
    local.doc.destroy();
  }
}
