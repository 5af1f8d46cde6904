// The identifiers Marginalia gives things in linked-data exports (Web Annotation JSON-LD, TEI),
// and their readers for imports. Annotation ids are UUIDs, so `urn:uuid:` names them anywhere;
// texts and categories live under the app's own `marginalia://` scheme, which the desktop app
// opens.
import { createHash } from 'node:crypto';
import type { Side } from '@shared/model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function annotationIri(id: string): string {
  return UUID.test(id)
    ? `urn:uuid:${id.toLowerCase()}`
    : `marginalia://annotation/${encodeURIComponent(id)}`;
}

/** The annotation id an IRI of ours names, or null for anyone else's IRI. */
export function annotationIdFromIri(iri: string): string | null {
  const uuid = /^urn:uuid:([0-9a-f-]{36})$/i.exec(iri);
  if (uuid && UUID.test(uuid[1]!)) return uuid[1]!.toLowerCase();
  const own = /^marginalia:\/\/annotation\/([^/?#]+)$/.exec(iri);
  if (own) {
    const id = decodeURIComponent(own[1]!);
    return SAFE_ID.test(id) ? id : null;
  }
  return null;
}

/** The text of one side of a record: its passages joined by line breaks. */
export function sideIri(recordId: string, side: Side): string {
  return `marginalia://record/${encodeURIComponent(recordId)}/${side}`;
}

/** One page image of a side of a record (a scan's page, or a PDF page rendered). */
export function pageIri(recordId: string, side: Side, page: number): string {
  return `${sideIri(recordId, side)}/page/${page}`;
}

export function parseSideIri(iri: string): { recordId: string; side: Side } | null {
  const match = /^marginalia:\/\/record\/([^/?#]+)\/(original|translation)$/.exec(iri);
  if (!match) return null;
  const recordId = decodeURIComponent(match[1]!);
  return SAFE_ID.test(recordId) ? { recordId, side: match[2] as Side } : null;
}

export function categoryIri(id: string): string {
  return `marginalia://category/${encodeURIComponent(id)}`;
}

export function categoryIdFromIri(iri: string): string | null {
  const match = /^marginalia:\/\/category\/([^/?#]+)$/.exec(iri);
  if (!match) return null;
  const id = decodeURIComponent(match[1]!);
  return SAFE_ID.test(id) ? id : null;
}

export function collectionIri(recordIds: string[]): string {
  return recordIds.length === 1
    ? `marginalia://record/${encodeURIComponent(recordIds[0]!)}/annotations`
    : `marginalia://records/${createHash('sha256').update(recordIds.join('\n')).digest('hex').slice(0, 16)}/annotations`;
}
