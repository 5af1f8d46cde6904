// Serving the renderer from app://marginalia/ (never file://), so the page has a real origin and a
// strict CSP.
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '@shared/security';

/** The renderer is served from app://marginalia/, never file://, so it has a real origin and CSP. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://marginalia';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Answers one app:// request from the built renderer folder; anything outside it is a 404. */
export function serveAppRequest(rendererDir: string, requestUrl: string): Response {
  const url = new URL(requestUrl);
  if (url.host !== 'marginalia') return new Response('Not found', { status: 404 });
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    // A malformed %-escape (`/%ZZ`, `/%c0%ae`) is the asker's mistake, not a crash.
    return new Response('Bad request', { status: 400 });
  }
  const relative = url.pathname === '/' ? 'index.html' : decoded.slice(1);
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return new Response('Not found', { status: 404 });
  }
  return new Response(fs.readFileSync(file), {
    headers: {
      'Content-Type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** True for addresses of the app itself: its own origin, or the dev server in development. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`)) return true;
    return devServerUrl !== undefined && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
