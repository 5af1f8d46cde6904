// The Electron entry point: starts the desktop app with this process's arguments and environment.
import { startDesktopApp } from './electron/start';

startDesktopApp({
  env: process.env,
  argv: process.argv,
  cwd: process.cwd(),
  platform: process.platform,
});
