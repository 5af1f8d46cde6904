import type { LibraryDatabase as Database } from '../db/statements';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { dispatch } from '../api/router';
import { openLibrary } from '../db/open';
import { appVersion } from '../paths';
import { createContext, type AppContext } from '../services/context';
import { headlessHost } from '../services/host';

/** An open library and a typed way to call the API on it, as every CLI command needs. */
export interface Session {
  ctx: AppContext;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): void;
}

export function openSession(dataDir: string): Session {
  let db: Database;
  try {
    db = openLibrary(dataDir);
  } catch (error) {
    throw new ApiError(
      'bad_file',
      `Cannot open the library in ${dataDir}: ${(error as Error).message}`,
    );
  }
  const ctx = createContext({ db, dataDir, version: appVersion(), host: headlessHost });
  return {
    ctx,
    async call(method, input) {
      const result = await dispatch(ctx, method, input);
      if (!result.ok) throw ApiError.from(result.error);
      return result.value as never;
    },
    close: () => db.close(),
  };
}
