// Running the sync: once (sync every shared collection and return when all are settled, as the
// CLI's `sync --once` does) or continuously (the app and `sync` without --once), where local
// edits are noticed by SQLite's change counter and go out within a tick.
import type { AppContext } from '../context';
import { ShareSync, type ShareSyncStatus } from './sync-client';

export interface SyncOnceOptions {
  /** Only this collection (default: every shared one). */
  collectionId?: string;
  /** Give up waiting for the server after this long; the edits stay logged for next time. */
  timeoutMs?: number;
  onStatus?: (status: ShareSyncStatus) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Syncs shared collections once; resolves with each one's final status. */
export async function syncOnce(
  ctx: AppContext,
  options: SyncOnceOptions = {},
): Promise<ShareSyncStatus[]> {
  const shares = ctx.sharing
    .shares()
    .filter((s) => !options.collectionId || s.collectionId === options.collectionId);
  const sessions = shares.map(
    (share) => new ShareSync(ctx, share, options.onStatus ? { onChange: options.onStatus } : {}),
  );
  try {
    for (const session of sessions) session.start();
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    // Settled twice in a row: a roster that named a new member opens their document in between.
    let calm = 0;
    while (Date.now() < deadline) {
      await sleep(25);
      const done = sessions.every((s) => s.isSettled() || s.refusal() !== null);
      calm = done ? calm + 1 : 0;
      if (calm >= 3) break;
    }
    const now = ctx.now();
    return sessions.map((session) => {
      const status = session.status();
      if (status.state === 'synced') ctx.sharing.setSynced(status.shareId, now);
      return status;
    });
  } finally {
    for (const session of sessions) session.close();
  }
}

export interface SyncLoop {
  statuses(): ShareSyncStatus[];
  stop(): void;
}

/** Keeps every shared collection in sync until stopped; new shares join the loop as they come. */
export function startSyncLoop(
  ctx: AppContext,
  options: { intervalMs?: number; onStatus?: (status: ShareSyncStatus) => void } = {},
): SyncLoop {
  const sessions = new Map<string, ShareSync>();
  const tick = () => {
    const live = new Set<string>();
    for (const share of ctx.sharing.shares()) {
      live.add(share.shareId);
      let session = sessions.get(share.shareId);
      if (!session) {
        session = new ShareSync(ctx, share, {
          onChange: (status) => {
            if (status.state === 'synced') ctx.sharing.setSynced(status.shareId, ctx.now());
            options.onStatus?.(status);
          },
        });
        sessions.set(share.shareId, session);
        session.start();
      } else session.refreshLocal();
    }
    for (const [shareId, session] of sessions) {
      if (!live.has(shareId)) {
        session.close();
        sessions.delete(shareId);
      }
    }
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 150);
  return {
    statuses: () => [...sessions.values()].map((s) => s.status()),
    stop: () => {
      clearInterval(timer);
      for (const session of sessions.values()) session.close();
      sessions.clear();
    },
  };
}
