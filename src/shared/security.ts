/**
 * The renderer's Content-Security-Policy, the same in Electron and in the browser bridge: only
 * the app's own scripts, no inline or remote code, no plugins, no framing, no network beyond
 * the app itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "worker-src 'self'",
].join('; ');
