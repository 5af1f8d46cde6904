// The one entrance to the core that every transport (IPC, the bridge, the CLI) dispatches through.
import { contract, isMethodName, type MethodName } from '@shared/api/contract';
import { ApiError, type ApiResult } from '@shared/api/errors';
import type { z } from 'zod';
import type { AppContext } from '../services/context';
import { retryWhenBusy } from '../services/busy';
import { handlers, type Handler } from './handlers';

function formatIssues(issues: z.core.$ZodIssue[]): { path: string; message: string }[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

/**
 * The one entrance to the core: rejects unknown methods, validates the input against the
 * contract, runs the handler and wraps the outcome. It never throws: every failure comes back as
 * `{ ok: false, error }` with a code and a sentence a user can act on.
 */
export async function dispatch(
  ctx: AppContext,
  method: unknown,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `There is no API method “${String(method)}”.` },
    };
  }
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = formatIssues(parsed.error.issues);
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Invalid arguments for ${method}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
        issues,
      },
    };
  }
  try {
    const handler = handlers[method] as Handler<MethodName>;
    // A write that finds the library busy is tried again, the event loop free meanwhile.
    const value = await retryWhenBusy(() => handler(ctx, parsed.data as never));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
    console.error(`API method ${method} failed:`, error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Marginalia hit an internal error in ${method}; nothing was changed. Details are in the log.`,
      },
    };
  }
}
