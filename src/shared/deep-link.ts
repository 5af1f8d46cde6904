// Links that open the app at a record, or at one annotation's span:
//   marginalia://record/<record id>#annotation-<annotation id>   (the desktop app's protocol)
//   #/record/<record id>?annotation=<annotation id>               (the renderer's route)
// Exports write the first; the desktop shell turns it into the second; the browser mode uses the
// second directly. Ids are checked against a narrow alphabet so a link can never smuggle a path
// or markup into either form.

export const DEEP_LINK_SCHEME = 'marginalia';

export interface DeepLink {
  recordId: string;
  annotationId: string | null;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function validId(value: string | null | undefined): value is string {
  return typeof value === 'string' && ID.test(value);
}

/** `marginalia://record/<id>` or, with an annotation, `…#annotation-<id>`. */
export function deepLink(recordId: string, annotationId?: string | null): string {
  const base = `${DEEP_LINK_SCHEME}://record/${encodeURIComponent(recordId)}`;
  return annotationId ? `${base}#annotation-${encodeURIComponent(annotationId)}` : base;
}

/** Reads a `marginalia://` link; null for anything else or for ids outside the id alphabet. */
export function parseDeepLink(url: string): DeepLink | null {
  const match = /^marginalia:\/\/record\/([^/?#]+)\/?(?:#annotation-([^/?#]+))?$/i.exec(url.trim());
  if (!match) return null;
  let recordId: string;
  let annotationId: string | null;
  try {
    recordId = decodeURIComponent(match[1]!);
    annotationId = match[2] ? decodeURIComponent(match[2]) : null;
  } catch {
    return null;
  }
  if (!validId(recordId) || (annotationId !== null && !validId(annotationId))) return null;
  return { recordId, annotationId };
}

/** The renderer's address for a link: `#/record/<id>` or `#/record/<id>?annotation=<id>`. */
export function hashRoute(link: DeepLink): string {
  const base = `#/record/${encodeURIComponent(link.recordId)}`;
  return link.annotationId
    ? `${base}?${new URLSearchParams({ annotation: link.annotationId }).toString()}`
    : base;
}

/** Reads the renderer's address back; null when it names no record. */
export function parseHashRoute(hash: string): DeepLink | null {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const match = /^\/record\/([^/?#]+)$/.exec(path);
  if (!match) return null;
  try {
    const recordId = decodeURIComponent(match[1]!);
    const annotationId = new URLSearchParams(query).get('annotation');
    if (!validId(recordId) || (annotationId !== null && !validId(annotationId))) return null;
    return { recordId, annotationId };
  } catch {
    return null;
  }
}
