// Electron's security checklist applied to every web contents: no new windows, navigation or remote
// content.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * Denies everything a page could use to leave the app: new windows, navigation away from the
 * app's origin, webviews. Links to the web open in the user's browser instead.
 */
export function lockDownWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
  devServerUrl?: string,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) openExternal(url);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** No camera, microphone, notifications, geolocation…: the app needs none of them. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
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
