// How `npm run dist` packages Marginalia with electron-builder: an AppImage and a .deb on Linux,
// an NSIS installer on Windows, a dmg on macOS (unsigned). tests/packaging checks this object
// and a real electron-builder run over it; the GitHub release workflow builds the installers.
import type { Configuration } from 'electron-builder';
import { flipPackagedFuses } from './packaging/fuses';

export const APP_ID = 'org.marginalia.Marginalia';
export const PRODUCT_NAME = 'Marginalia';
export const EXECUTABLE_NAME = 'marginalia';

const config: Configuration = {
  appId: APP_ID,
  productName: PRODUCT_NAME,
  copyright: 'Copyright © 2026 the Marginalia authors',
  directories: { output: 'dist', buildResources: 'resources/icons' },
  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  // Only the built app goes into app.asar (with the production node_modules, which
  // electron-builder adds itself): no sources, tests or benchmarks, no CLI or bench entries.
  files: [
    'package.json',
    'out/main/**',
    '!out/main/cli.js',
    '!out/main/bench.js',
    'out/preload/**',
    'out/renderer/**',
    // The window icon (Linux, Windows); macOS takes the bundle's.
    'resources/icons/png/512x512.png',
    'resources/icons/icon.ico',
    // better-sqlite3 loads a prebuilt Node-API binary: its C sources and every other
    // platform's binary are dead weight.
    '!node_modules/better-sqlite3/{deps,src,build}/**',
    '!node_modules/better-sqlite3/binding.gyp',
    '!node_modules/better-sqlite3/prebuilds/!(${platform}-${arch}).node',
  ],
  // A native addon cannot be loaded from inside an asar archive.
  asar: true,
  // OCR starts tesseract.js's worker script from a file, and the canvas is a native addon.
  asarUnpack: [
    'node_modules/better-sqlite3/prebuilds/*.node',
    'node_modules/@napi-rs/canvas-*/*.node',
    'node_modules/tesseract.js/**',
    'node_modules/tesseract.js-core/**',
  ],
  // better-sqlite3 13 ships Node-API prebuilds, which load in Electron as they are: nothing to
  // rebuild for Electron's ABI, and no compiler needed on the build machine.
  npmRebuild: false,
  // The sample record a new library starts with, beside app.asar (process.resourcesPath). The
  // app needs no validator at run time: the W3C and TEI schemas check exports in the tests.
  // OCR's language data (npm install copies Debian's into resources/tessdata) goes there too.
  extraResources: [
    { from: 'resources/sample', to: 'sample', filter: ['*.txt'] },
    { from: 'resources/tessdata', to: 'tessdata', filter: ['*.traineddata'] },
  ],
  // marginalia:// links from exported notes: CFBundleURLTypes on macOS, MimeType
  // x-scheme-handler/marginalia in the Linux .desktop entry. Windows registers the scheme at
  // the packaged app's first start (app.setAsDefaultProtocolClient).
  protocols: [{ name: 'Marginalia link', schemes: ['marginalia'] }],
  afterPack: flipPackagedFuses,
  publish: null,
  linux: {
    target: ['AppImage', 'deb'],
    executableName: EXECUTABLE_NAME,
    icon: 'resources/icons/png',
    category: 'Office',
    synopsis: 'Read, align and annotate bilingual archival documents',
    description:
      'An offline workbench for historians, teachers and translators who read bilingual ' +
      'archival documents: import records, read them aligned passage by passage, annotate, ' +
      'search in both languages and export notes, TEI and annotated editions.',
    maintainer: 'The Marginalia authors',
    vendor: 'The Marginalia authors',
    // The .desktop file is marginalia.desktop, the name Electron (package.json desktopName)
    // gives the window and uses to register the marginalia:// handler.
    syncDesktopName: true,
    desktop: {
      entry: {
        GenericName: 'Bilingual archive reader',
        Keywords: 'archive;translation;annotation;alignment;TEI;history;',
      },
    },
  },
  // The AppImage's launcher line gets no --no-sandbox (electron-builder's legacy default).
  appImage: { executableArgs: [] },
  // The .deb's install script sets up Chromium's sandbox: an AppArmor profile that allows user
  // namespaces (Ubuntu 23.10+), or the SUID chrome-sandbox where they are missing.
  deb: { priority: 'optional' },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icons/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    shortcutName: PRODUCT_NAME,
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    icon: 'resources/icons/icon.icns',
    category: 'public.app-category.education',
    // Unsigned: the fuse step re-signs the bundle ad hoc, which Apple silicon requires; the
    // README says how to open an app from an unidentified developer.
    identity: null,
  },
  dmg: { title: '${productName} ${version}' },
};

export default config;
