// The window's guards, following Electron's security checklist: no new windows, no navigation
// away from the app, no webviews, no remote requests, and of all the permissions a page may ask
// for, only writing plain text to the clipboard (the "Copy citation" button).
import type { Session, WebContents } from 'electron';
import { DEEP_LINK_SCHEME } from '@shared/deep-link';
import { APP_ORIGIN, isAppUrl } from './app-protocol';

/** What to do with a link the page asked to open in a new window. */
export type LinkAction = 'external' | 'deep-link' | 'refuse';

/**
 * Web links and e-mail addresses go to the user's browser and mail program; marginalia:// links
 * stay in the app; anything else (file:, javascript:, data:, other schemes) goes nowhere.
 */
export function linkAction(url: string): LinkAction {
  if (/^https?:\/\/[^\s]+$/i.test(url)) return 'external';
  if (/^mailto:[^\s]+$/i.test(url)) return 'external';
  if (url.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) return 'deep-link';
  return 'refuse';
}

export interface LinkHandlers {
  openExternal(url: string): void;
  openDeepLink(url: string): void;
}

/**
 * Denies everything a page could use to leave the app: new windows, navigation away from the
 * app's origin, webviews. Links to the web and mailto: links open in the user's own programs.
 */
export function lockDownWebContents(
  contents: WebContents,
  links: LinkHandlers,
  devServerUrl?: string,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    const action = linkAction(url);
    if (action === 'external') links.openExternal(url);
    if (action === 'deep-link') links.openDeepLink(url);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The one permission the app's page may have. */
export const GRANTED_PERMISSION = 'clipboard-sanitized-write';

/** True for the app's own origin ("app://marginalia", or the dev server in development). */
export function isAppOrigin(origin: string, devServerUrl?: string): boolean {
  return origin === APP_ORIGIN || isAppUrl(origin, devServerUrl);
}

/**
 * No camera, microphone, notifications, geolocation, clipboard reading…: the app needs none of
 * them. Writing text to the clipboard (navigator.clipboard.writeText, which Chromium treats as
 * the "clipboard-sanitized-write" permission) is allowed for the app's own page only.
 */
export function restrictPermissions(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === GRANTED_PERMISSION && isAppOrigin(details.requestingUrl, devServerUrl));
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      permission === GRANTED_PERMISSION && isAppOrigin(requestingOrigin, devServerUrl),
  );
}

/** No remote content: every request must go to the app itself (or devtools in development). */
export function blockRemoteRequests(session: Session, devServerUrl?: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isAppUrl(details.url, devServerUrl) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:') ||
      (devServerUrl !== undefined && details.url.startsWith(devServerUrl.replace(/^http/, 'ws')));
    callback({ cancel: !allowed });
  });
}
