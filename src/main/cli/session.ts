// An open library and a typed way to call the API on it, as every CLI command needs.
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { openWorkbench, headlessHost, type AppContext } from '../api/local';
import { dispatch } from '../api/router';
import { appVersion } from '../paths';

export interface Session {
  ctx: AppContext;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): void;
}

export async function openSession(dataDir: string): Promise<Session> {
  let workbench;
  try {
    workbench = await openWorkbench({ dataDir, version: appVersion(), host: headlessHost });
  } catch (error) {
    throw new ApiError(
      'bad_file',
      `Cannot open the library in ${dataDir}: ${(error as Error).message}`,
    );
  }
  const { ctx } = workbench;
  return {
    ctx,
    async call(method, input) {
      const result = await dispatch(ctx, method, input);
      if (!result.ok) throw ApiError.from(result.error);
      return result.value as never;
    },
    close: workbench.close,
  };
}

/** Runs `work` on the library in `dataDir`, closing it afterwards whatever happens. */
export async function withSession<T>(
  dataDir: string,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const session = await openSession(dataDir);
  try {
    return await work(session);
  } finally {
    session.close();
  }
}
