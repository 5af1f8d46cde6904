// `marginalia share | invite | join | sync | members | revoke | leave | sync-server`: the CLI takes
// part in a shared collection like any member, for scripts and tests, and launches the server.
// run.ts loads this module only for these commands: it brings the sync engine with it.
import {
  createInvite,
  joinCollection,
  leaveCollection,
  listMembers,
  revokeMember,
  shareCollection,
  startSyncLoop,
  startSyncServer,
  syncOnce,
  type ShareSyncStatus,
} from '../api/sharing';
import { dataDirOf, parseCommandArgs } from './args';
import { CliError, type CliIo } from './errors';
import { openSession } from './session';

function positiveNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new CliError(`${name} must be a positive number, not “${value}”`, 2);
  return n;
}

function roleOf(value: string | undefined): 'member' | 'reader' {
  if (value === undefined || value === 'member' || value === 'reader') return value ?? 'member';
  throw new CliError(`--role must be member or reader, not “${value}”`, 2);
}

function describe(status: ShareSyncStatus): string {
  const came = status.applied.written + status.applied.deleted;
  const incoming = came === 1 ? '1 change came in' : `${came} changes came in`;
  switch (status.state) {
    case 'synced':
      return `synced (${incoming})`;
    case 'refused':
      return `refused by the server: ${status.message ?? 'no reason given'}`;
    case 'offline':
      return `offline: the server cannot be reached; ${status.waiting} change${status.waiting === 1 ? '' : 's'} waiting`;
    default:
      return `not finished: ${status.waiting} change${status.waiting === 1 ? '' : 's'} waiting`;
  }
}

/** `share ID… --name NAME --server URL`: shares records as a new collection; prints an invite. */
export async function shareCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    name: { type: 'string' },
    server: { type: 'string' },
    as: { type: 'string' },
    role: { type: 'string' },
    days: { type: 'string' },
    private: { type: 'boolean', default: false },
  });
  if (positionals.length === 0)
    throw new CliError('share needs the ids of the records to share', 2);
  if (!values.name) throw new CliError('share needs --name NAME for the collection', 2);
  if (!values.server) throw new CliError('share needs --server ws://HOST:PORT', 2);
  const role = roleOf(values.role);
  const days = positiveNumber(values.days, '--days', 30);
  const session = await openSession(dataDirOf(values['data-dir']));
  try {
    const shared = shareCollection(session.ctx, {
      recordIds: positionals,
      name: values.name,
      server: values.server,
      ...(values.as ? { memberName: values.as } : {}),
      defaultVisibility: values.private ? 'private' : 'shared',
    });
    const invite = createInvite(session.ctx, shared.collection, { role, days });
    const [status] = await syncOnce(session.ctx, {
      collectionId: shared.collection,
      timeoutMs: 15_000,
    });
    if (values.json) {
      io.stdout(
        JSON.stringify(
          {
            collection: shared.collection,
            invite: invite.invite,
            code: invite.code,
            role,
            expires: invite.expires,
            sync: status?.state,
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      io.stdout(
        `Shared “${values.name}” as collection ${shared.collection} on ${shared.server}.\n`,
      );
      io.stdout(`Invite (${role}, until ${invite.expires.slice(0, 10)}):\n${invite.invite}\n`);
      if (status) io.stderr(`sync: ${describe(status)}\n`);
    }
  } finally {
    session.close();
  }
  return 0;
}

/** `invite COLLECTION [--role reader] [--days N]`: another invite for a shared collection. */
export async function inviteCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    role: { type: 'string' },
    days: { type: 'string' },
  });
  if (positionals.length !== 1) throw new CliError('invite takes one collection id', 2);
  const session = await openSession(dataDirOf(values['data-dir']));
  try {
    const invite = createInvite(session.ctx, positionals[0]!, {
      role: roleOf(values.role),
      days: positiveNumber(values.days, '--days', 30),
    });
    io.stdout(values.json ? JSON.stringify(invite, null, 2) + '\n' : `${invite.invite}\n`);
  } finally {
    session.close();
  }
  return 0;
}

/** `join INVITE [--as NAME]`: joins from a link or code, then syncs once with progress. */
export async function joinCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    as: { type: 'string' },
    server: { type: 'string' },
  });
  if (positionals.length !== 1) throw new CliError('join takes one invite link or code', 2);
  const session = await openSession(dataDirOf(values['data-dir']));
  try {
    const joined = joinCollection(session.ctx, {
      invite: positionals[0]!,
      ...(values.as ? { memberName: values.as } : {}),
      ...(values.server ? { server: values.server } : {}),
    });
    let shown = -1;
    const [status] = await syncOnce(session.ctx, {
      collectionId: joined.collection,
      onStatus: (s) => {
        if (!values.json && s.applied.written !== shown && s.applied.written > 0) {
          shown = s.applied.written;
          io.stderr(`first sync: ${shown} items received\n`);
        }
      },
    });
    const records = session.ctx.collections.get(joined.collection)?.recordIds.length ?? 0;
    if (values.json) {
      io.stdout(
        JSON.stringify(
          {
            collection: joined.collection,
            name: joined.name,
            role: joined.role,
            memberId: joined.memberId,
            records,
            sync: status?.state,
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      io.stdout(
        `Joined “${session.ctx.collections.get(joined.collection)?.name}” as ${joined.role}: collection ${joined.collection}, ${records} records.\n`,
      );
      if (status) io.stderr(`sync: ${describe(status)}\n`);
    }
    return status?.state === 'synced' ? 0 : 1;
  } finally {
    session.close();
  }
}

/** `sync [--once]`: syncs every shared collection once, or keeps syncing until interrupted. */
export async function syncCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    once: { type: 'boolean', default: false },
    timeout: { type: 'string' },
  });
  if (positionals.length > 0)
    throw new CliError(`sync takes no arguments, got “${positionals[0]}”`, 2);
  const session = await openSession(dataDirOf(values['data-dir']));
  try {
    if (values.once) {
      const statuses = await syncOnce(session.ctx, {
        timeoutMs: positiveNumber(values.timeout, '--timeout', 30) * 1000,
      });
      if (values.json) io.stdout(JSON.stringify({ collections: statuses }, null, 2) + '\n');
      else {
        if (statuses.length === 0) io.stdout('No shared collections in this library.\n');
        for (const s of statuses) io.stdout(`${s.collectionId}: ${describe(s)}\n`);
      }
      return statuses.every((s) => s.state === 'synced') ? 0 : 1;
    }
    const last = new Map<string, string>();
    const loop = startSyncLoop(session.ctx, {
      onStatus: (s) => {
        const line = describe(s);
        if (last.get(s.collectionId) === line) return;
        last.set(s.collectionId, line);
        io.stdout(values.json ? JSON.stringify(s) + '\n' : `${s.collectionId}: ${line}\n`);
      },
    });
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    loop.stop();
    return 0;
  } finally {
    session.close();
  }
}

/** `members COLLECTION`: who is in a shared collection. */
export async function membersCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 1) throw new CliError('members takes one collection id', 2);
  const session = await openSession(dataDirOf(values['data-dir']));
  try {
    const members = listMembers(session.ctx, positionals[0]!);
    if (values.json) {
      io.stdout(
        JSON.stringify(
          {
            members: members.map((m) => ({
              id: m.memberId,
              name: m.name,
              role: m.role,
              color: m.color,
              revoked: m.revoked,
              you: m.you,
            })),
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      for (const m of members)
        io.stdout(
          `${m.memberId}  ${m.role.padEnd(6)}  ${m.name}${m.you ? ' (you)' : ''}${m.revoked ? ' — revoked' : ''}\n`,
        );
    }
  } finally {
    session.close();
  }
  return 0;
}

/** `revoke COLLECTION MEMBER`: the owner removes a member (by id or name), then syncs. */
export async function revokeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 2) throw new CliError('revoke takes a collection id and a member', 2);
  const session = await openSession(dataDirOf(values['data-dir']));
  try {
    const member = revokeMember(session.ctx, positionals[0]!, positionals[1]!);
    const [status] = await syncOnce(session.ctx, {
      collectionId: positionals[0]!,
      timeoutMs: 15_000,
    });
    if (values.json)
      io.stdout(
        JSON.stringify({ revoked: member.memberId, name: member.name, sync: status?.state }) + '\n',
      );
    else {
      io.stdout(`Revoked ${member.name} (${member.memberId}).\n`);
      if (status) io.stderr(`sync: ${describe(status)}\n`);
    }
  } finally {
    session.close();
  }
  return 0;
}

/** `leave COLLECTION [--keep]`: stops sharing; with --keep the collection stays as a local copy. */
export async function leaveCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    keep: { type: 'boolean', default: false },
  });
  if (positionals.length !== 1) throw new CliError('leave takes one collection id', 2);
  const session = await openSession(dataDirOf(values['data-dir']));
  try {
    leaveCollection(session.ctx, positionals[0]!, values.keep === true);
    io.stdout(
      values.keep
        ? 'Left; the collection stays here as a local copy.\n'
        : 'Left; the collection was removed (its records stay in the library).\n',
    );
  } finally {
    session.close();
  }
  return 0;
}

/** `sync-server --data-dir DIR --port N [--host H] [--redis URL]`: runs until interrupted. */
export async function syncServerCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    redis: { type: 'string' },
    name: { type: 'string' },
  });
  if (positionals.length > 0)
    throw new CliError(`sync-server takes no arguments, got “${positionals[0]}”`, 2);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port must be a number from 0 to 65535, not “${values.port}”`, 2);
  if (values.redis !== undefined && !/^redis:\/\/[^/]+/.test(values.redis))
    throw new CliError(`--redis must be redis://HOST:PORT, not “${values.redis}”`, 2);
  let server;
  try {
    server = await startSyncServer({
      dataDir: dataDirOf(values['data-dir']),
      port,
      ...(values.host ? { host: values.host } : {}),
      ...(values.redis ? { redis: values.redis } : {}),
      ...(values.name ? { name: values.name } : {}),
      log: (line) => io.stderr(`${line}\n`),
    });
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${port} is already in use`
        : (error as Error).message;
    throw new CliError(`cannot start the sync server: ${message}`);
  }
  io.stdout(`${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  // Extensions (Redis clients, timers) may still hold the event loop: leave soon regardless.
  setTimeout(() => process.exit(0), 1000).unref();
  return 0;
}
