// The `marginalia://` protocol: links in exported notes open the app at a record, or at one
// annotation's span. The link reaches the app in three ways — as a command-line argument when it
// starts the app (Windows, Linux), to the running instance through `second-instance`, and as
// `open-url` on macOS — and always ends as the renderer's hash route (#/record/ID/annotation/ID).
import path from 'node:path';
import type { App, BrowserWindow } from 'electron';
import { DEEP_LINK_SCHEME, hashRoute, parseDeepLink, type DeepLink } from '@shared/deep-link';

/** The first well-formed marginalia:// link among command-line arguments. */
export function deepLinkFromArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) continue;
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}

/** The app page's address with the route of a link (or without one). */
export function appUrlFor(appUrl: string, link: DeepLink | null): string {
  const base = appUrl.split('#')[0]!;
  return link ? base + hashRoute(link) : base;
}

type ElectronApp = Pick<App, 'setAsDefaultProtocolClient' | 'on'>;

/** Receives deep links from the system and shows them in the app window. */
export class DeepLinkRouter {
  private pending: DeepLink | null = null;

  constructor(
    private readonly app: ElectronApp,
    private readonly window: () => BrowserWindow | null,
    private readonly appUrl: string,
  ) {}

  /** Registers the protocol with the system and listens for links; call before `ready`. */
  register(argv: readonly string[], defaultApp = Boolean(process.defaultApp)): void {
    // In development Electron runs as `electron path/to/app`; the system must call it the same way.
    if (defaultApp && argv[1]) {
      this.app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [
        path.resolve(argv[1]),
      ]);
    } else {
      this.app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
    }
    this.app.on('open-url', (event, url) => {
      event.preventDefault();
      const link = parseDeepLink(url);
      if (link) this.open(link);
    });
    this.pending = deepLinkFromArgv(argv);
  }

  /** A second launch (the system opening a link while the app runs) passes its arguments here. */
  handleArgv(argv: readonly string[]): void {
    const link = deepLinkFromArgv(argv);
    if (link) this.open(link);
  }

  /** The address the window should load first: the app, at the pending link if any. */
  initialUrl(): string {
    const url = appUrlFor(this.appUrl, this.pending);
    this.pending = null;
    return url;
  }

  private open(link: DeepLink): void {
    const window = this.window();
    if (!window) {
      this.pending = link;
      return;
    }
    if (window.isMinimized()) window.restore();
    window.focus();
    // Only the fragment changes, so the page stays and the renderer follows its hash route.
    const current = window.webContents.getURL() || this.appUrl;
    void window.webContents.loadURL(appUrlFor(current, link));
  }
}
