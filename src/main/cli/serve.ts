// `marginalia serve`: the whole app for a browser on this machine, through the loopback bridge.
import { headlessHost, openWorkbench } from '../api/local';
import { appVersion, RENDERER_DIR, RESOURCES_DIR } from '../paths';
import { startBridge } from '../transports/http-bridge';
import type { ServeCommand } from './run';

/**
 * `marginalia serve`: the whole app for a browser on this machine. Prints one line, the address
 * to open (it carries the per-run token), and runs until interrupted.
 */
export const serveCommand: ServeCommand = async ({ dataDir, port }, io) => {
  const workbench = await openWorkbench({
    dataDir,
    version: appVersion(),
    host: headlessHost,
    seedSampleFrom: RESOURCES_DIR,
    backups: 'default',
  });
  let bridge;
  try {
    bridge = await startBridge({ ctx: workbench.ctx, rendererDir: RENDERER_DIR, port });
  } catch (error) {
    workbench.close();
    const message =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${port} is already in use; choose another with --port, or omit it`
        : (error as Error).message;
    io.stderr(`marginalia: cannot serve: ${message}\n`);
    return 1;
  }
  io.stdout(`${bridge.url}\n`);
  // Shared collections stay in sync while the app is open (nothing connects when there are none).
  // The sync engine loads after the address is out, so it never delays the start.
  const sync = import('../api/sharing').then(({ startSyncLoop }) => startSyncLoop(workbench.ctx));
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  (await sync).stop();
  await bridge.close();
  workbench.close();
  return 0;
};
