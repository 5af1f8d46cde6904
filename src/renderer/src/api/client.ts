// The renderer's one way to reach the core: the Electron preload's bridge when present, otherwise
// the loopback HTTP bridge of the browser mode. Both end in the same validating router.
import type { MethodInput, MethodName, MethodOutput, WorkbenchApi } from '@shared/api/contract';
import { ApiError, type ApiResult } from '@shared/api/errors';

interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    marginalia?: PreloadBridge;
  }
}

async function invokeOverHttp(method: string, input: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        message:
          'Marginalia’s server is not answering. Is `marginalia serve` still running? Start it again and open the address it prints.',
      },
    };
  }
  if (!response.ok) {
    const text = (await response.text()).trim();
    return { ok: false, error: { code: 'unsupported', message: text || response.statusText } };
  }
  return (await response.json()) as ApiResult<unknown>;
}

export const isDesktop = (): boolean => window.marginalia !== undefined;

/** Sent on `window` when a call finds the library damaged; its detail is what is wrong. */
export const LIBRARY_DAMAGED_EVENT = 'marginalia:library-damaged';

export const api: WorkbenchApi = {
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = window.marginalia
      ? await window.marginalia.invoke(method, input)
      : await invokeOverHttp(method, input);
    if (!result.ok) {
      if (result.error.code === 'library_damaged') {
        window.dispatchEvent(
          new CustomEvent(LIBRARY_DAMAGED_EVENT, { detail: result.error.message }),
        );
      }
      throw ApiError.from(result.error);
    }
    return result.value as MethodOutput<M>;
  },
};

/** Bodies up to this size may outlive the page (the browser's limit for keep-alive requests). */
const KEEPALIVE_LIMIT = 60_000;

/**
 * Sends a call while the page is going away (a reload, a closed window), without waiting for
 * the answer. Electron's bridge delivers it to the core as usual; in the browser a keep-alive
 * request is used, which the browser completes after the page has gone.
 */
export function sendWhileLeaving<M extends MethodName>(method: M, input: MethodInput<M>): void {
  if (window.marginalia) {
    void window.marginalia.invoke(method, input).catch(() => undefined);
    return;
  }
  const body = JSON.stringify(input ?? {});
  void fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body,
    keepalive: body.length <= KEEPALIVE_LIMIT,
  }).catch(() => undefined);
}

/** A message fit for the user from anything thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
