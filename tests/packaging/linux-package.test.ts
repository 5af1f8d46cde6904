// A real electron-builder run of `npm run dist`'s configuration for Linux x64, as far as this
// machine allows. electron-builder cannot download Electron here, so it is given a stand-in
// Electron folder whose "binary" carries Electron's fuse wire (the bytes @electron/fuses looks
// for); everything else is electron-builder's own work: app.asar and what it leaves unpacked,
// the sample beside it, our afterPack hook flipping the fuses, and the AppImage's and the .deb's
// .desktop entries and install scripts. It stops before fpm and appimagetool (more downloads)
// through electron-builder's effectiveOptionComputed hook, which hands over what they would get.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAppOnce } from './support/build';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPackage, extractFile } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform } from 'electron-builder';
import config from '../../electron-builder.config';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The marker before the fuse wire in every Electron binary (@electron/fuses' constants). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron 41's fuse wire as shipped: RunAsNode, NODE_OPTIONS, --inspect… all on. */
const SHIPPED_WIRE = [
  FuseState.ENABLE, // RunAsNode
  FuseState.DISABLE, // EnableCookieEncryption
  FuseState.ENABLE, // EnableNodeOptionsEnvironmentVariable
  FuseState.ENABLE, // EnableNodeCliInspectArguments
  FuseState.DISABLE, // EnableEmbeddedAsarIntegrityValidation
  FuseState.DISABLE, // OnlyLoadAppFromAsar
  FuseState.DISABLE, // LoadBrowserProcessSpecificV8Snapshot
  FuseState.ENABLE, // GrantFileProtocolExtraPrivileges
  FuseState.ENABLE, // WasmTrapHandlers
];

/** A folder shaped like Electron's Linux download, with a fuse wire where the binary has one. */
function standInElectron(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-electron-dist-'));
  const wire = Buffer.from([1, SHIPPED_WIRE.length, ...SHIPPED_WIRE]);
  const binary = Buffer.concat([Buffer.alloc(8192, 0x90), Buffer.from(SENTINEL), wire]);
  fs.writeFileSync(path.join(dir, 'electron'), binary, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'chrome-sandbox'), '', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'version'), '41.10.0');
  fs.mkdirSync(path.join(dir, 'resources'));
  return dir;
}

interface Captured {
  appImageDesktop: string;
  debArgs: string[];
  debDesktop: string;
  debAfterInstall: string;
  debAppArmor: string;
}

let output: string;
let unpacked: string;
let electron: string;
const captured: Partial<Captured> = {};

beforeAll(async () => {
  // The package holds the built app: build it if out/ is missing or older than the sources.
  buildAppOnce();
  output = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-dist-'));
  unpacked = path.join(output, 'linux-unpacked');
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget(['dir', 'AppImage', 'deb'], Arch.x64),
    publish: 'never',
    config: {
      ...config,
      electronDist: (electron = standInElectron()),
      directories: { ...config.directories, output },
      // The .deb needs a project address; a release build takes it from the GitHub repository.
      extraMetadata: { homepage: 'https://example.org/marginalia' },
    },
    effectiveOptionComputed: async (computed: unknown) => {
      if (Array.isArray(computed)) {
        // The .deb: fpm's arguments and the .desktop file they install.
        const [args, desktopFile] = computed as [string[], string];
        const script = (flag: string) => args[args.indexOf(flag) + 1]!;
        captured.debArgs = args;
        captured.debDesktop = fs.readFileSync(desktopFile, 'utf8');
        captured.debAfterInstall = fs.readFileSync(script('--after-install'), 'utf8');
        captured.debAppArmor = fs.readFileSync(
          path.join(unpacked, 'resources/apparmor-profile'),
          'utf8',
        );
      } else {
        captured.appImageDesktop = (computed as { desktop: string }).desktop;
      }
      return true;
    },
  } as Parameters<typeof build>[0]);
}, 300_000);

afterAll(() => {
  for (const dir of [output, electron]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const desktopEntry = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

describe('the Linux packages', () => {
  it('have .desktop entries that open marginalia:// links, without --no-sandbox', () => {
    const deb = desktopEntry(captured.debDesktop!);
    expect(deb).toMatchObject({
      Name: 'Marginalia',
      Exec: '/opt/Marginalia/marginalia %U',
      Icon: 'marginalia',
      Type: 'Application',
      MimeType: 'x-scheme-handler/marginalia;',
      StartupWMClass: 'marginalia',
      Categories: 'Office;',
    });
    const appImage = desktopEntry(captured.appImageDesktop!);
    expect(appImage).toMatchObject({ Exec: 'AppRun %U', MimeType: 'x-scheme-handler/marginalia;' });
    expect(captured.debDesktop).not.toContain('--no-sandbox');
    expect(captured.appImageDesktop).not.toContain('--no-sandbox');
  });

  it('install the .desktop entry, the icons and the app under /opt', () => {
    const args = captured.debArgs!;
    const installs = args.filter((arg) => arg.includes('='));
    expect(installs).toContain(`${unpacked}/=/opt/Marginalia`);
    expect(installs.some((a) => a.endsWith('=/usr/share/applications/marginalia.desktop'))).toBe(
      true,
    );
    for (const size of [16, 32, 48, 128, 256, 512]) {
      expect(installs).toContain(
        `${ROOT}/resources/icons/png/${size}x${size}.png=/usr/share/icons/hicolor/${size}x${size}/apps/marginalia.png`,
      );
    }
    expect(args[args.indexOf('--name') + 1]).toBe('marginalia');
  });

  it('set up Chromium’s sandbox on install: AppArmor user namespaces, or the SUID helper', () => {
    expect(captured.debAfterInstall).toContain("chmod 4755 '/opt/Marginalia/chrome-sandbox'");
    expect(captured.debAfterInstall).toContain('/etc/apparmor.d/marginalia');
    expect(captured.debAppArmor).toMatch(/profile "marginalia" "\/opt\/Marginalia\/marginalia"/);
    expect(captured.debAppArmor).toContain('userns,');
  });
});

describe('the packed app', () => {
  const asar = () => path.join(unpacked, 'resources/app.asar');

  it('holds the built app and its package.json, and no sources, tests or CLI', () => {
    const files = listPackage(asar(), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/resources/icons/png/512x512.png',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => /^\/(src|tests|bench|scripts|packaging)\//.test(f))).toEqual([]);
    expect(files).not.toContain('/out/main/cli.js');
    expect(files).not.toContain('/out/main/bench.js');
    const pkg = JSON.parse(extractFile(asar(), 'package.json').toString()) as {
      productName: string;
      main: string;
    };
    expect(pkg).toMatchObject({ productName: 'Marginalia', main: './out/main/index.js' });
  });

  it('unpacks the SQLite addon for this platform only, and ships none of its sources', () => {
    const files = listPackage(asar(), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    const sqlite = files.filter((f) => f.startsWith('/node_modules/better-sqlite3/'));
    expect(sqlite.filter((f) => f.endsWith('.node'))).toEqual([
      '/node_modules/better-sqlite3/prebuilds/linux-x64.node',
    ]);
    expect(sqlite.filter((f) => /better-sqlite3\/(deps|src|build)\//.test(f))).toEqual([]);
    const addon = path.join(
      unpacked,
      'resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node',
    );
    expect(
      fs
        .readFileSync(addon)
        .equals(
          fs.readFileSync(path.join(ROOT, 'node_modules/better-sqlite3/prebuilds/linux-x64.node')),
        ),
    ).toBe(true);
  });

  it('keeps the sample record beside app.asar, where the app reads it', () => {
    expect(fs.readdirSync(path.join(unpacked, 'resources/sample'))).toEqual([
      'wilson-center-110374.txt',
    ]);
  });

  it('has its fuses flipped: no Node, NODE_OPTIONS or --inspect; app.asar only', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'marginalia'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    // Linux has no embedded asar integrity; the file protocol keeps Electron's default.
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE);
  });
});
