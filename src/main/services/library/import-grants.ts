// The paths a native dialog granted the page. The renderer never sends a path: it sends a token
// that stands for a file the user picked (or found under a folder she picked), so a compromised
// page cannot read any other file. Tokens live as long as the library is open.
import { randomBytes } from 'node:crypto';
import { ApiError } from '@shared/api/errors';
import type { GrantedFile } from '@shared/api/methods/import';
import { memoised, type AppContext } from '../context';

/** A bound on remembered grants; the oldest are forgotten first. */
const MAX_GRANTS = 20_000;

function grants(ctx: AppContext): Map<string, string> {
  return memoised(ctx, 'import-grants', () => new Map<string, string>());
}

/** Grants the page access to these files; returns their tokens with display names and sizes. */
export function grantFiles(
  ctx: AppContext,
  files: { path: string; name: string; size: number }[],
): GrantedFile[] {
  const map = grants(ctx);
  const granted = files.map((file) => {
    const token = randomBytes(18).toString('base64url');
    map.set(token, file.path);
    return { token, name: file.name, size: file.size };
  });
  for (const token of map.keys()) {
    if (map.size <= MAX_GRANTS) break;
    map.delete(token);
  }
  return granted;
}

/** The path a token stands for; refuses a token that no dialog granted. */
export function grantedPath(ctx: AppContext, token: string): string {
  const file = grants(ctx).get(token);
  if (!file) {
    throw new ApiError(
      'invalid_input',
      'This file was not chosen in an Import dialog (or the app was restarted since); choose it again.',
    );
  }
  return file;
}
