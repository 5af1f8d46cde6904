// Signed invites and connection tokens for shared collections. The owner's Ed25519 key names the
// collection (its id is a hash of the public key), so a sync server checks every token with no
// secret of its own and no registry: the invite is signed by the owner, the connection token by
// the member who presents it.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

export type Role = 'owner' | 'member' | 'reader';
export const ROLES: readonly Role[] = ['owner', 'member', 'reader'];

/** What the owner signs: which collection, on which server, with which role, until when. */
export interface Invite {
  v: 1;
  /** The collection's share id: a hash of the owner's public key. */
  c: string;
  /** The owner's public key (SPKI DER, base64url). */
  k: string;
  /** The collection's name, shown to whoever joins. */
  n: string;
  s: string;
  r: Role;
  /** Expiry, ms since the epoch. */
  x: number;
  /** The invite's own id, so it can be revoked as a whole. */
  i: string;
}

/** What a member presents to the server: an invite, who they are, signed with their own key. */
export interface ConnectionClaims {
  invite: string;
  /** The member's public key (SPKI DER, base64url); the member id is its hash. */
  p: string;
  name: string;
  color: string;
  /** When the token was made, ms since the epoch. */
  t: number;
}

/** A verified connection: the collection, the member and what they may do. */
export interface VerifiedMember {
  shareId: string;
  memberId: string;
  role: Role;
  name: string;
  color: string;
  inviteId: string;
  inviteExpires: number;
}

export class TokenError extends Error {}

const b64 = (data: Uint8Array | string): string => Buffer.from(data).toString('base64url');

/** A new Ed25519 key pair: the private key as PKCS#8 PEM, the public key as base64url DER. */
export function newKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: b64(publicKey.export({ type: 'spki', format: 'der' })),
  };
}

export function publicKeyOf(privateKeyPem: string): string {
  return b64(
    createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' }),
  );
}

/** A short, stable id from a public key: "c…" for collections, "m…" for members. */
export function idOfKey(prefix: 'c' | 'm', publicKey: string): string {
  return prefix + createHash('sha256').update(publicKey).digest('base64url').slice(0, 20);
}

function signed(body: object, privateKeyPem: string): string {
  const payload = b64(JSON.stringify(body));
  const signature = sign(null, Buffer.from(payload), createPrivateKey(privateKeyPem));
  return `${payload}.${b64(signature)}`;
}

function opened(token: string, what: string): { payload: string; body: unknown; sig: Buffer } {
  if (typeof token !== 'string' || token.length > 8192) throw new TokenError(`${what}: malformed`);
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new TokenError(`${what}: malformed`);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
  } catch {
    throw new TokenError(`${what}: malformed`);
  }
  return { payload: parts[0], body, sig: Buffer.from(parts[1], 'base64url') };
}

function keyFrom(publicKey: string, what: string): KeyObject {
  try {
    return createPublicKey({
      key: Buffer.from(publicKey, 'base64url'),
      format: 'der',
      type: 'spki',
    });
  } catch {
    throw new TokenError(`${what}: not a public key`);
  }
}

function checkSignature(payload: string, sig: Buffer, key: KeyObject, what: string): void {
  let ok = false;
  try {
    ok = verify(null, Buffer.from(payload), key, sig);
  } catch {
    ok = false;
  }
  if (!ok) throw new TokenError(`${what}: the signature does not match`);
}

export function signInvite(invite: Invite, ownerPrivateKey: string): string {
  return signed(invite, ownerPrivateKey);
}

/** Reads an invite and checks the owner's signature and that the key names the collection. */
export function readInvite(token: string): Invite {
  const { payload, body, sig } = opened(token, 'invite');
  const invite = body as Partial<Invite>;
  if (
    invite === null ||
    typeof invite !== 'object' ||
    invite.v !== 1 ||
    typeof invite.c !== 'string' ||
    typeof invite.k !== 'string' ||
    typeof invite.n !== 'string' ||
    typeof invite.s !== 'string' ||
    typeof invite.x !== 'number' ||
    typeof invite.i !== 'string' ||
    !ROLES.includes(invite.r as Role)
  ) {
    throw new TokenError('invite: malformed');
  }
  if (idOfKey('c', invite.k) !== invite.c)
    throw new TokenError("invite: the key is not the collection's");
  checkSignature(payload, sig, keyFrom(invite.k, 'invite'), 'invite');
  return invite as Invite;
}

export function connectionToken(claims: ConnectionClaims, memberPrivateKey: string): string {
  return signed(claims, memberPrivateKey);
}

/**
 * Verifies a connection token as the server does: the member's signature, the owner's invite,
 * its expiry, and that only the owner's own key holds the owner role.
 */
export function verifyConnectionToken(token: string, now: number): VerifiedMember {
  const { payload, body, sig } = opened(token, 'token');
  const claims = body as Partial<ConnectionClaims>;
  if (
    claims === null ||
    typeof claims !== 'object' ||
    typeof claims.invite !== 'string' ||
    typeof claims.p !== 'string' ||
    typeof claims.name !== 'string' ||
    typeof claims.color !== 'string' ||
    typeof claims.t !== 'number'
  ) {
    throw new TokenError('token: malformed');
  }
  checkSignature(payload, sig, keyFrom(claims.p, 'token'), 'token');
  const invite = readInvite(claims.invite);
  if (invite.x <= now) throw new TokenError('token: the invite has expired');
  if (invite.r === 'owner' && claims.p !== invite.k)
    throw new TokenError("token: only the collection's owner holds the owner role");
  return {
    shareId: invite.c,
    memberId: idOfKey('m', claims.p),
    role: invite.r,
    name: claims.name.slice(0, 100),
    color: /^#[0-9a-fA-F]{6}$/.test(claims.color) ? claims.color : '#777777',
    inviteId: invite.i,
    inviteExpires: invite.x,
  };
}
