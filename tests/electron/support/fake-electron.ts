// A recording stand-in for the parts of Electron's main-process API the desktop shell uses, so
// its start-up runs under vitest: `vi.mock('electron', () => fakeElectron)`. Each call is kept
// in `recorded` for the test to read; resetFakeElectron() starts a fresh app (packaged or not,
// with command-line switches, with or without the single-instance lock).
import os from 'node:os';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export interface FakeWindow {
  options: { webPreferences: Record<string, unknown>; icon?: string };
  url: string | null;
  loads: string[];
  minimized: boolean;
  focused: number;
  closed: boolean;
  emit(name: string): void;
}

function freshState() {
  return {
    packaged: false,
    switches: new Set<string>(),
    appendedSwitches: [] as [string, string | undefined][],
    lock: true,
    appListeners: new Map<string, Listener[]>(),
    ipcHandlers: new Map<string, Listener>(),
    protocolHandlers: new Map<string, Listener>(),
    privileged: [] as unknown[],
    windows: [] as FakeWindow[],
    beforeRequest: null as Listener | null,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    paths: new Map<string, string>(),
    defaultProtocolClient: [] as unknown[][],
    exitCodes: [] as number[],
    quits: 0,
    ready: false,
  };
}

export const recorded = freshState();

export function resetFakeElectron(
  options: { packaged?: boolean; switches?: string[]; lock?: boolean } = {},
): void {
  Object.assign(recorded, freshState(), {
    packaged: options.packaged ?? false,
    switches: new Set(options.switches ?? []),
    lock: options.lock ?? true,
  });
  dialog.showErrorBox.mockClear();
  dialog.showMessageBox.mockClear();
}

/** Calls the listeners the app registered for an event, as Electron would. */
export function emitApp(name: string, ...args: unknown[]): void {
  for (const listener of recorded.appListeners.get(name) ?? []) listener(...args);
}

const on = (name: string, listener: Listener) => {
  const list = recorded.appListeners.get(name) ?? [];
  list.push(listener);
  recorded.appListeners.set(name, list);
};

const fakeSession = () => ({
  setPermissionRequestHandler: (fn: Listener) => (recorded.permissionRequest = fn),
  setPermissionCheckHandler: (fn: Listener) => (recorded.permissionCheck = fn),
  webRequest: { onBeforeRequest: (fn: Listener) => (recorded.beforeRequest = fn) },
  protocol: { handle: () => undefined },
});

class BrowserWindow {
  static getAllWindows = () => recorded.windows.filter((w) => !w.closed);
  static fromWebContents = () => null;
  private record: FakeWindow;
  private listeners = new Map<string, Listener[]>();
  webContents: { getURL(): string; loadURL(url: string): Promise<void>; on(): void };
  constructor(options: FakeWindow['options']) {
    const listeners = this.listeners;
    this.record = {
      options,
      url: null,
      loads: [],
      minimized: false,
      focused: 0,
      closed: false,
      emit(name: string) {
        if (name === 'closed') this.closed = true;
        for (const listener of listeners.get(name) ?? []) listener();
      },
    };
    recorded.windows.push(this.record);
    const record = this.record;
    this.webContents = {
      getURL: () => record.url ?? '',
      loadURL: async (url: string) => {
        record.url = url;
        record.loads.push(url);
      },
      on: () => undefined,
    };
  }
  once(): void {}
  on(name: string, listener: Listener): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  show(): void {}
  isMinimized(): boolean {
    return this.record.minimized;
  }
  restore(): void {
    this.record.minimized = false;
  }
  focus(): void {
    this.record.focused += 1;
  }
  async loadURL(url: string): Promise<void> {
    this.record.url = url;
    this.record.loads.push(url);
  }
}

const app = {
  on,
  whenReady: () => {
    recorded.ready = true;
    return Promise.resolve();
  },
  isReady: () => recorded.ready,
  get isPackaged() {
    return recorded.packaged;
  },
  commandLine: {
    hasSwitch: (name: string) => recorded.switches.has(name),
    appendSwitch: (name: string, value?: string) => recorded.appendedSwitches.push([name, value]),
  },
  requestSingleInstanceLock: () => recorded.lock,
  setAsDefaultProtocolClient: (...args: unknown[]) => recorded.defaultProtocolClient.push(args),
  setPath: (name: string, value: string) => recorded.paths.set(name, value),
  getPath: (name: string) => recorded.paths.get(name) ?? os.tmpdir(),
  getVersion: () => '0.0.0-test',
  quit: () => (recorded.quits += 1),
  exit: (code: number) => recorded.exitCodes.push(code),
};

const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
};

export const fakeElectron = {
  app,
  BrowserWindow,
  dialog,
  ipcMain: { handle: (channel: string, fn: Listener) => recorded.ipcHandlers.set(channel, fn) },
  Menu: { buildFromTemplate: () => ({ popup: () => undefined }) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
    handle: (scheme: string, fn: Listener) => recorded.protocolHandlers.set(scheme, fn),
  },
  session: { defaultSession: fakeSession(), fromPartition: () => fakeSession() },
  shell: { openExternal: vi.fn(async () => undefined) },
};

/** Asks the app's IPC channel what the renderer would (as the app page). */
export async function invoke(method: string, input: unknown = {}): Promise<unknown> {
  const handler = recorded.ipcHandlers.get('marginalia:invoke');
  if (!handler) throw new Error('The IPC channel is not registered.');
  const sender = { senderFrame: { url: 'app://marginalia/index.html', parent: null } };
  return handler(sender, method, input);
}
