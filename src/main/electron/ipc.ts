// The IPC transport: one channel, callable only by the app's own top-level page, onto the router.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '@shared/api/errors';
import type { ApiDoor } from '../api/router';
import { isAppUrl } from './app-protocol';

export const INVOKE_CHANNEL = 'marginalia:invoke';

/** Only the app's own top-level page may call the API, never a frame from elsewhere. */
export function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl?: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, devServerUrl);
}

/** Serves the Workbench API over Electron IPC: one channel, the same router as every door. */
export function registerIpc(ipcMain: IpcMain, door: ApiDoor, devServerUrl?: string): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event, devServerUrl)) {
        return {
          ok: false,
          error: { code: 'unsupported', message: 'Refused: this page may not call Marginalia.' },
        };
      }
      return door.dispatch(method, input);
    },
  );
}
