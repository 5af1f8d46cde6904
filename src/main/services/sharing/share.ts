// Sharing a collection: the owner shares it on a sync server and hands out signed invites; a
// member joins from one; the owner lists and revokes members; anyone leaves. Each step writes
// SQLite in one transaction; the documents go out on the next sync (see sync-client.ts).
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { ApiError } from '@shared/api/errors';
import type { ShareMemberRow, ShareRow, Visibility } from '../../db/repositories';
import type { AppContext } from '../context';
import { createCollection, getCollection } from '../library/collections';
import { recordsDocName } from './doc-names';
import { changeLocalDoc } from './local-docs';
import { requireOwnNote } from './authors';
import { colorForMember } from './model';
import {
  idOfKey,
  newKeyPair,
  publicKeyOf,
  readInvite,
  signInvite,
  TokenError,
  type Invite,
  type Role,
} from './tokens';

export const INVITE_PREFIX = 'marginalia://join?invite=';
const DAY = 24 * 60 * 60 * 1000;
/** The owner's own token never expires: the key is the collection. */
const OWNER_EXPIRY = Date.UTC(9999, 0, 1);

export interface ShareSummary {
  collection: string;
  name: string;
  shareId: string;
  server: string;
  role: Role;
  memberId: string;
  defaultVisibility: Visibility;
}

function summary(ctx: AppContext, share: ShareRow): ShareSummary {
  return {
    collection: share.collectionId,
    name: ctx.collections.get(share.collectionId)?.name ?? '',
    shareId: share.shareId,
    server: share.serverUrl,
    role: share.role,
    memberId: share.memberId,
    defaultVisibility: share.defaultVisibility,
  };
}

export function checkServerUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ApiError('invalid_input', `“${url}” is not a server address (ws://HOST:PORT).`);
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:')
    throw new ApiError(
      'invalid_input',
      `The server address must start with ws:// or wss://, not “${parsed.protocol}”.`,
    );
  return parsed.href.replace(/\/$/, '');
}

export function defaultMemberName(): string {
  try {
    return os.userInfo().username || 'Me';
  } catch {
    return 'Me';
  }
}

/** Shares records (as a new collection) or an existing collection on a sync server. */
export function shareCollection(
  ctx: AppContext,
  input: {
    recordIds?: string[];
    collectionId?: string;
    name: string;
    server: string;
    memberName?: string;
    defaultVisibility?: Visibility;
  },
): ShareSummary {
  const server = checkServerUrl(input.server);
  const { privateKey, publicKey } = newKeyPair();
  const shareId = idOfKey('c', publicKey);
  const memberId = idOfKey('m', publicKey);
  const memberName = (input.memberName ?? defaultMemberName()).slice(0, 100);
  return ctx.transaction(() => {
    const collection = input.collectionId
      ? getCollection(ctx, input.collectionId)
      : createCollection(ctx, input.name, input.recordIds ?? []);
    if (ctx.sharing.shareOfCollection(collection.id))
      throw new ApiError('invalid_input', `The collection “${collection.name}” is already shared.`);
    const invite: Invite = {
      v: 1,
      c: shareId,
      k: publicKey,
      n: collection.name,
      s: server,
      r: 'owner',
      x: OWNER_EXPIRY,
      i: 'owner',
    };
    const share: ShareRow = {
      shareId,
      collectionId: collection.id,
      serverUrl: server,
      role: 'owner',
      memberId,
      memberName,
      memberColor: colorForMember(memberId),
      privateKey,
      invite: signInvite(invite, privateKey),
      defaultVisibility: input.defaultVisibility ?? 'shared',
      lastSyncedAt: null,
      createdAt: ctx.now(),
    };
    ctx.sharing.insertShare(share);
    ctx.sharing.upsertMember(shareId, {
      memberId,
      name: memberName,
      color: share.memberColor,
      role: 'owner',
      revoked: false,
    });
    return summary(ctx, share);
  });
}

export function requireShare(ctx: AppContext, collectionId: string): ShareRow {
  const share = ctx.sharing.shareOfCollection(collectionId);
  if (!share) {
    getCollection(ctx, collectionId);
    throw new ApiError('invalid_input', `The collection “${collectionId}” is not shared.`);
  }
  return share;
}

/** A signed invite link for a role, valid for `days` days. Only the owner can make one. */
export function createInvite(
  ctx: AppContext,
  collectionId: string,
  options: { role?: Exclude<Role, 'owner'>; days?: number } = {},
): { invite: string; code: string; role: Role; expires: string } {
  const share = requireShare(ctx, collectionId);
  if (share.role !== 'owner')
    throw new ApiError('invalid_input', 'Only the collection’s owner can invite people.');
  const days = options.days ?? 30;
  if (!(days > 0 && days <= 3650))
    throw new ApiError('invalid_input', 'An invite lasts from a day to ten years.');
  const role = options.role ?? 'member';
  const expires = ctx.now() + days * DAY;
  const code = signInvite(
    {
      v: 1,
      c: share.shareId,
      k: publicKeyOf(share.privateKey),
      n: ctx.collections.get(collectionId)?.name ?? '',
      s: share.serverUrl,
      r: role,
      x: expires,
      i: randomUUID(),
    },
    share.privateKey,
  );
  return { invite: INVITE_PREFIX + code, code, role, expires: new Date(expires).toISOString() };
}

/** Reads an invite link or code, refusing forged, expired and malformed ones with a reason. */
export function parseInvite(text: string, now: number): { invite: Invite; token: string } {
  let token = text.trim();
  if (token.startsWith('marginalia://')) {
    try {
      token = new URL(token).searchParams.get('invite') ?? '';
    } catch {
      token = '';
    }
  }
  let invite: Invite;
  try {
    invite = readInvite(token);
  } catch (error) {
    const reason =
      error instanceof TokenError && error.message.includes('signature')
        ? 'its signature does not match (it was altered or forged)'
        : 'it is not a Marginalia invite';
    throw new ApiError('invalid_input', `This invite cannot be used: ${reason}.`);
  }
  if (invite.r === 'owner') throw new ApiError('invalid_input', 'This is not an invite to join.');
  if (invite.x <= now)
    throw new ApiError(
      'invalid_input',
      `This invite expired on ${new Date(invite.x).toISOString().slice(0, 10)}; ask for a new one.`,
    );
  return { invite, token };
}

/** Joins a shared collection: an empty local collection that the first sync fills. */
export function joinCollection(
  ctx: AppContext,
  input: { invite: string; memberName?: string; server?: string },
): ShareSummary {
  const { invite, token } = parseInvite(input.invite, ctx.now());
  // Another address of the same service (another node, or the same server behind a proxy).
  const serverUrl = input.server ? checkServerUrl(input.server) : invite.s;
  if (ctx.sharing.share(invite.c))
    throw new ApiError('invalid_input', `This library is already in “${invite.n}”.`);
  const { privateKey, publicKey } = newKeyPair();
  const memberId = idOfKey('m', publicKey);
  const memberName = (input.memberName ?? defaultMemberName()).slice(0, 100);
  return ctx.transaction(() => {
    const collection = createCollection(ctx, invite.n || 'Shared collection', []);
    const share: ShareRow = {
      shareId: invite.c,
      collectionId: collection.id,
      serverUrl,
      role: invite.r,
      memberId,
      memberName,
      memberColor: colorForMember(memberId),
      privateKey,
      invite: token,
      defaultVisibility: 'shared',
      lastSyncedAt: null,
      createdAt: ctx.now(),
    };
    ctx.sharing.insertShare(share);
    ctx.sharing.upsertMember(share.shareId, {
      memberId,
      name: memberName,
      color: share.memberColor,
      role: invite.r,
      revoked: false,
    });
    return summary(ctx, share);
  });
}

export function listShares(ctx: AppContext): ShareSummary[] {
  return ctx.sharing.shares().map((share) => summary(ctx, share));
}

export interface MemberView extends ShareMemberRow {
  you: boolean;
}

export function listMembers(ctx: AppContext, collectionId: string): MemberView[] {
  const share = requireShare(ctx, collectionId);
  return ctx.sharing
    .members(share.shareId)
    .map((member) => ({ ...member, you: member.memberId === share.memberId }));
}

/**
 * Revokes a member (by id, or by a unique name): the owner records it in the records document,
 * which the server reads, so their connections close and their notes stop coming in.
 */
export function revokeMember(ctx: AppContext, collectionId: string, who: string): MemberView {
  const share = requireShare(ctx, collectionId);
  if (share.role !== 'owner')
    throw new ApiError('invalid_input', 'Only the collection’s owner can revoke members.');
  const members = listMembers(ctx, collectionId);
  const byName = members.filter((m) => m.name === who);
  const member =
    members.find((m) => m.memberId === who) ?? (byName.length === 1 ? byName[0] : null);
  if (!member)
    throw new ApiError(
      'not_found',
      byName.length > 1
        ? `Several members are called “${who}”; name one by id (see marginalia members).`
        : `There is no member “${who}” in this collection.`,
    );
  if (member.memberId === share.memberId)
    throw new ApiError('invalid_input', 'The owner cannot revoke themselves.');
  ctx.transaction(() => {
    changeLocalDoc(ctx, share.shareId, recordsDocName(share.shareId), (doc) =>
      doc.getMap('revoked').set(member.memberId, ctx.now()),
    );
    ctx.sharing.upsertMember(share.shareId, { ...member, revoked: true });
  });
  return { ...member, revoked: true };
}

/**
 * Leaves a shared collection. With `keep`, the collection and everyone's notes stay as a local
 * copy; without, the collection goes (records stay in the library), and so do other members'
 * notes on it.
 */
export function leaveCollection(ctx: AppContext, collectionId: string, keep: boolean): void {
  const share = requireShare(ctx, collectionId);
  ctx.transaction(() => {
    if (!keep) {
      for (const member of ctx.sharing.members(share.shareId)) {
        const author = { shareId: share.shareId, memberId: member.memberId };
        for (const id of ctx.sharing.idsByAuthor('note_authors', author))
          ctx.annotations.delete(id);
        for (const id of ctx.sharing.idsByAuthor('glossary_authors', author))
          ctx.glossary.delete(id);
      }
      ctx.collections.delete(collectionId);
    }
    ctx.sharing.deleteShare(share.shareId);
  });
}

/** Makes one note private (never leaves the machine) or shared. */
export function setNoteVisibility(
  ctx: AppContext,
  annotationId: string,
  visibility: Visibility,
): void {
  requireOwnNote(ctx, annotationId);
  ctx.sharing.setVisibility(annotationId, visibility);
}
