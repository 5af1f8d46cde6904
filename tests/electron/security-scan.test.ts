// The security gate must fail when the Electron checklist is broken, not only pass on our app.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

const CSP_PAGE = `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'">`;

function scan(source: string, page?: string): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-scan-'));
  fs.writeFileSync(path.join(dir, 'main.js'), source);
  if (page) fs.writeFileSync(path.join(dir, 'index.html'), page);
  const run = spawnSync(process.execPath, ['scripts/security-scan.mjs', '--input', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('the electronegativity gate', () => {
  it('fails a window with Node integration and no isolation', () => {
    const result = scan(`const { BrowserWindow } = require('electron');
      new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });`);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK.*FAIL/);
    expect(result.output).toMatch(/SANDBOX_JS_CHECK.*FAIL/);
  }, 60_000);

  it('passes a window built like ours', () => {
    const result = scan(
      `const { app, BrowserWindow, session } = require('electron');
      app.on('web-contents-created', (_e, contents) => {
        contents.on('will-navigate', (event) => event.preventDefault());
        contents.setWindowOpenHandler(() => ({ action: 'deny' }));
      });
      session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
      new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false,
        disableBlinkFeatures: 'Auxclick' } });`,
      CSP_PAGE,
    );
    expect(result.output).not.toMatch(/FAIL/);
    expect(result.status).toBe(0);
  }, 60_000);
});
