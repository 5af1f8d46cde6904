// The trusted door to shared collections (the CLI and the app's main process), kept apart from
// local.ts so that only the commands that share load the sync engine (Yjs, Hocuspocus, Redis):
// every other command starts without it.
export {
  createInvite,
  joinCollection,
  leaveCollection,
  listMembers,
  listShares,
  revokeMember,
  shareCollection,
} from '../services/sharing/share';
export { syncOnce, startSyncLoop } from '../services/sharing/sync-run';
export type { ShareSyncStatus } from '../services/sharing/sync-client';
export { startSyncServer } from '../services/sharing/server';
