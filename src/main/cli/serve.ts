// `marginalia serve`: the whole app for a browser on this machine, through the loopback bridge.
import { headlessHost, LibraryDoor, type AppContext } from '../api/local';
import { appVersion, RENDERER_DIR, RESOURCES_DIR } from '../paths';
import { startBridge } from '../transports/http-bridge';
import type { ServeCommand } from './run';

/**
 * `marginalia serve`: the whole app for a browser on this machine. Prints one line, the address
 * to open (it carries the per-run token), and runs until interrupted.
 */
export const serveCommand: ServeCommand = async ({ dataDir, port }, io) => {
  const door = await LibraryDoor.open({
    dataDir,
    version: appVersion(),
    host: headlessHost,
    seedSampleFrom: RESOURCES_DIR,
    backups: 'default',
  });
  let bridge;
  try {
    bridge = await startBridge({ door, rendererDir: RENDERER_DIR, port });
  } catch (error) {
    door.close();
    const message =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${port} is already in use; choose another with --port, or omit it`
        : (error as Error).message;
    io.stderr(`marginalia: cannot serve: ${message}\n`);
    return 1;
  }
  io.stdout(`${bridge.url}\n`);
  const problem = door.libraryProblem();
  if (problem)
    io.stderr(`marginalia: ${problem}\nThe app at the address above offers the backups.\n`);
  // Shared collections stay in sync while the app is open (nothing connects when there are none),
  // and with the library opened again after a restore. The sync engine loads after the address
  // is out, so it never delays the start.
  const sharing = import('../api/sharing');
  const running: { sync: { stop(): void } | null } = { sync: null };
  const syncWith = async (ctx: AppContext | null): Promise<void> => {
    running.sync?.stop();
    running.sync = ctx ? (await sharing).startSyncLoop(ctx) : null;
  };
  door.onChange((ctx) => void syncWith(ctx));
  await syncWith(door.context());
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  running.sync?.stop();
  await bridge.close();
  door.close();
  return 0;
};
