// The only bridge between the page and the app: one function that sends an API call to the main
// process, which validates it. Nothing else from Node or Electron reaches the page.
import { contextBridge, ipcRenderer } from 'electron';

const INVOKE_CHANNEL = 'marginalia:invoke';

contextBridge.exposeInMainWorld('marginalia', {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input);
  },
});
