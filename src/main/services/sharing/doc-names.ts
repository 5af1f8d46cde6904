// The names of a shared collection's Yjs documents. Permissions follow from them: the records
// document is the owner's, each member document its member's, the roster the server's.
export const recordsDocName = (shareId: string): string => `${shareId}/records`;
export const rosterDocName = (shareId: string): string => `${shareId}/roster`;
export const memberDocName = (shareId: string, memberId: string): string =>
  `${shareId}/m/${memberId}`;

export type DocKind =
  | { kind: 'records'; shareId: string }
  | { kind: 'roster'; shareId: string }
  | { kind: 'member'; shareId: string; memberId: string };

const ID = '[A-Za-z0-9_-]{1,40}';
const PATTERN = new RegExp(`^(${ID})/(?:(records)|(roster)|m/(${ID}))$`);

/** What a document name names, or null for a name that is not one of ours. */
export function parseDocName(name: string): DocKind | null {
  const match = PATTERN.exec(name);
  if (!match) return null;
  const shareId = match[1]!;
  if (match[2]) return { kind: 'records', shareId };
  if (match[3]) return { kind: 'roster', shareId };
  return { kind: 'member', shareId, memberId: match[4]! };
}
