// What `npm run dist` is told to build, checked where no installer can be built (electron-builder
// downloads Electron): the electron-builder configuration, the fuse wire for each platform, and
// the icon set — every size present, of the size its name says, rendered from the SVG source.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
import config, { APP_ID, EXECUTABLE_NAME, PRODUCT_NAME } from '../../electron-builder.config';
import { flipPackagedFuses, fuseConfigFor, packagedBinary } from '../../packaging/fuses';
import { PRODUCT_NAME as APP_PRODUCT_NAME } from '../../src/main/paths';
import { ICON_SOURCE, PNG_SIZES, renderPng } from '../../scripts/render-icons.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<
  string,
  unknown
>;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The image sizes in a Windows .ico (0 in the directory means 256). */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(2)).toBe(1); // an icon, not a cursor
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => bytes[6 + i * 16]! || 256).sort((a, b) => a - b);
}

/** The element types in a macOS .icns. */
function icnsTypes(bytes: Buffer): string[] {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const types: string[] = [];
  for (let at = 8; at < bytes.length; at += bytes.readUInt32BE(at + 4)) {
    types.push(bytes.subarray(at, at + 4).toString('latin1'));
  }
  return types;
}

describe('the electron-builder configuration', () => {
  it('names the app once: app id, product name, executable, .desktop file', () => {
    expect(config.appId).toBe(APP_ID);
    expect(APP_ID).toBe('org.marginalia.Marginalia');
    expect(config.productName).toBe(PRODUCT_NAME);
    // Electron names the user-data folder after package.json's productName, which the CLI's
    // default library folder must match.
    expect(pkg['productName']).toBe(PRODUCT_NAME);
    expect(APP_PRODUCT_NAME).toBe(PRODUCT_NAME);
    expect(config.linux?.executableName).toBe(EXECUTABLE_NAME);
    expect(pkg['desktopName']).toBe(`${EXECUTABLE_NAME}.desktop`);
    expect(config.linux?.syncDesktopName).toBe(true);
  });

  it('builds an AppImage and a .deb, an NSIS installer, and a dmg', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac?.identity).toBeNull();
    expect(pkg['scripts']).toMatchObject({
      dist: 'electron-vite build && electron-builder --config electron-builder.config.ts --publish never',
    });
  });

  it('registers marginalia:// (macOS CFBundleURLTypes, the Linux .desktop MimeType)', () => {
    expect(config.protocols).toEqual([{ name: 'Marginalia link', schemes: ['marginalia'] }]);
  });

  it('never launches the AppImage with --no-sandbox', () => {
    expect(config.appImage?.executableArgs).toEqual([]);
  });

  it('unpacks the SQLite addon from the asar, packs the sample, flips the fuses after packing', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual([
      'node_modules/better-sqlite3/prebuilds/*.node',
      'node_modules/@napi-rs/canvas-*/*.node',
      'node_modules/tesseract.js/**',
      'node_modules/tesseract.js-core/**',
    ]);
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([
      { from: 'resources/sample', to: 'sample', filter: ['*.txt'] },
      { from: 'resources/tessdata', to: 'tessdata', filter: ['*.traineddata'] },
    ]);
    expect(fs.readdirSync(path.join(ROOT, 'resources/sample'))).toEqual([
      'wilson-center-110374.txt',
    ]);
    expect(config.afterPack).toBe(flipPackagedFuses);
  });

  it('points at icon files that exist', () => {
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon]) {
      expect(fs.existsSync(path.join(ROOT, String(icon)))).toBe(true);
    }
  });
});

describe('the fuses of a packaged app', () => {
  it('turn off Node, NODE_OPTIONS and --inspect, and load the app only from its asar', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      expect(fuseConfigFor(platform)).toMatchObject({
        [FuseV1Options.RunAsNode]: false,
        [FuseV1Options.EnableCookieEncryption]: true,
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
        [FuseV1Options.EnableNodeCliInspectArguments]: false,
        [FuseV1Options.OnlyLoadAppFromAsar]: true,
      });
    }
  });

  it('check the asar against its recorded hash where Electron supports it', () => {
    const integrity = (platform: 'linux' | 'win32' | 'darwin') =>
      fuseConfigFor(platform)[FuseV1Options.EnableEmbeddedAsarIntegrityValidation];
    expect(integrity('darwin')).toBe(true);
    expect(integrity('win32')).toBe(true);
    expect(integrity('linux')).toBe(false);
    expect(fuseConfigFor('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfigFor('linux').resetAdHocDarwinSignature).toBe(false);
  });

  it('are flipped in the file each platform keeps them in', () => {
    const packager = { appInfo: { productFilename: 'Marginalia' }, executableName: 'marginalia' };
    const at = (electronPlatformName: string) =>
      packagedBinary({ appOutDir: '/out', electronPlatformName, packager });
    expect(at('linux')).toBe(path.join('/out', 'marginalia'));
    expect(at('win32')).toBe(path.join('/out', 'Marginalia.exe'));
    expect(at('darwin')).toBe(path.join('/out', 'Marginalia.app'));
  });
});

describe('the icon set', () => {
  const icons = path.join(ROOT, 'resources/icons');

  it('has a PNG of every size, each as large as its name says', () => {
    expect(PNG_SIZES).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    const files = fs.readdirSync(path.join(icons, 'png')).sort();
    expect(files).toEqual(PNG_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of PNG_SIZES) {
      const bytes = fs.readFileSync(path.join(icons, 'png', `${size}x${size}.png`));
      expect(pngSize(bytes)).toEqual({ width: size, height: size });
    }
    expect(pngSize(fs.readFileSync(path.join(icons, 'icon.png')))).toEqual({
      width: 1024,
      height: 1024,
    });
  });

  it('has a Windows .ico from 16 to 256 pixels', () => {
    expect(icoSizes(fs.readFileSync(path.join(icons, 'icon.ico')))).toEqual([
      16, 24, 32, 48, 64, 72, 96, 128, 256,
    ]);
  });

  it('has a macOS .icns from 16 to 1024 pixels', () => {
    const types = icnsTypes(fs.readFileSync(path.join(icons, 'icon.icns')));
    // 16, 32, 64 (small), 128, 256, 512, 1024 (ic10: 512@2x) and the retina pairs.
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
    expect(types).toEqual(expect.arrayContaining(['ic11', 'ic12', 'ic13', 'ic14']));
  });

  it('is rendered from the SVG source as committed', () => {
    const svg = fs.readFileSync(ICON_SOURCE);
    expect(svg.toString()).toContain('<svg');
    for (const size of [16, 256]) {
      const committed = fs.readFileSync(path.join(icons, 'png', `${size}x${size}.png`));
      expect(renderPng(svg, size).equals(committed)).toBe(true);
    }
  });
});
