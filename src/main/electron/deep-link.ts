// The `marginalia://` protocol: links in exported notes open the app at a record, or at one
// annotation's span. The link reaches the app in three ways — as a command-line argument when it
// starts the app (Windows, Linux), to the running instance through `second-instance`, and as
// `open-url` on macOS — and always ends as the renderer's hash route (#/record/ID/annotation/ID).
// The system learns that the app handles the scheme from the installed package (the .desktop
// entry on Linux, CFBundleURLTypes on macOS, the NSIS installer's registration on Windows).
import type { App, BrowserWindow } from 'electron';
import { DEEP_LINK_SCHEME, hashRoute, parseDeepLink, type DeepLink } from '@shared/deep-link';
import { loadUrlSafely } from './load-url';

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
  private openWindow: (() => void) | null = null;

  constructor(
    private readonly app: ElectronApp,
    private readonly window: () => BrowserWindow | null,
    private readonly appUrl: string,
  ) {}

  /**
   * Listens for links and takes one given at start; call before `ready`. Only a packaged app
   * claims the scheme: a development run (`electron .`) must not re-point the handler the user's
   * installed Marginalia registered (on Windows, setAsDefaultProtocolClient rewrites it in the
   * registry) at a source tree.
   */
  register(argv: readonly string[], packaged: boolean): void {
    if (packaged) this.app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
    this.app.on('open-url', (event, url) => {
      event.preventDefault();
      this.openUrl(url);
    });
    this.pending = deepLinkFromArgv(argv);
  }

  /**
   * Once the app is ready: how to open a window for a link that arrives while none is open
   * (macOS keeps running with no window; a link from the browser or Finder must show one).
   */
  whenNoWindow(openWindow: () => void): void {
    this.openWindow = openWindow;
  }

  /** A second launch (the system opening a link while the app runs) passes its arguments here. */
  handleArgv(argv: readonly string[]): void {
    const link = deepLinkFromArgv(argv);
    if (link) this.open(link);
  }

  /** A marginalia:// address from anywhere (open-url, a link clicked in a comment). */
  openUrl(url: string): void {
    const link = parseDeepLink(url);
    if (link) this.open(link);
  }

  /** The address the window should load first: the app, at the pending link if any. */
  initialUrl(): string {
    const url = appUrlFor(this.appUrl, this.pending);
    this.pending = null;
    return url;
  }

  open(link: DeepLink): void {
    const window = this.window();
    if (!window) {
      this.pending = link;
      // Before `ready` the first window takes the pending link; after it, open one now.
      this.openWindow?.();
      return;
    }
    if (window.isMinimized()) window.restore();
    window.focus();
    // Only the fragment changes, so the page stays and the renderer follows its hash route.
    const current = window.webContents.getURL() || this.appUrl;
    void loadUrlSafely(window.webContents, appUrlFor(current, link));
  }
}
