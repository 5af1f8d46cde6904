// The one entrance to the core that every transport (IPC, the bridge, the CLI) dispatches through.
import { contract, isMethodName, type MethodName } from '@shared/api/contract';
import { ApiError, type ApiErrorData, type ApiResult } from '@shared/api/errors';
import type { z } from 'zod';
import type { AppContext } from '../services/context';
import { retryWhenBusy } from '../services/busy';
import { isReadOnly, readOnlyError } from '../services/read-only';
import { handlers, isDoorMethod, type Handler, type HandledMethodName } from './handlers';

function formatIssues(issues: z.core.$ZodIssue[]): { path: string; message: string }[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

/** A call whose method exists and whose input satisfies the contract, or why it does not. */
export type CheckedCall =
  { ok: true; method: MethodName; input: unknown } | { ok: false; error: ApiErrorData };

/** Rejects unknown methods and validates the input against the contract. */
export function checkCall(method: unknown, rawInput: unknown): CheckedCall {
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
  return { ok: true, method, input: parsed.data };
}

/** Runs `work` for `method`, wrapping its outcome; an unexpected failure is logged, not shown. */
export async function outcomeOf(
  method: MethodName,
  work: () => unknown,
): Promise<ApiResult<unknown>> {
  try {
    return { ok: true, value: await work() };
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

/**
 * The one entrance to the core: rejects unknown methods, validates the input against the
 * contract, runs the handler and wraps the outcome. It never throws: every failure comes back as
 * `{ ok: false, error }` with a code and a sentence a user can act on. The backups methods need
 * the door that holds the library (./door.ts), so here they are refused.
 */
export async function dispatch(
  ctx: AppContext,
  method: unknown,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  const call = checkCall(method, rawInput);
  if (!call.ok) return call;
  if (isDoorMethod(call.method)) {
    return {
      ok: false,
      error: {
        code: 'unsupported',
        message: `${call.method} is answered by the app itself; on the command line use marginalia backup.`,
      },
    };
  }
  const handler = handlers[call.method] as Handler<HandledMethodName>;
  // A write that finds the library busy is tried again, the event loop free meanwhile.
  return outcomeOf(call.method, () =>
    retryWhenBusy(() => handler(ctx, call.input as never)).catch((error: unknown) => {
      // A library opened read-only refuses writes in one sentence, not as an internal error.
      throw isReadOnly(error) ? readOnlyError(ctx.dataDir) : error;
    }),
  );
}

/** What a transport calls: the door holding the library (./door.ts), or one fixed context. */
export interface ApiDoor {
  dispatch(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
}

/** A door onto one open context, for callers that never restore a backup (tests, tools). */
export const contextDoor = (ctx: AppContext): ApiDoor => ({
  dispatch: (method, input) => dispatch(ctx, method, input),
});
