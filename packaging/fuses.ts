// Electron fuses for the packaged app: switches compiled into the Electron binary that no
// argument or environment variable can turn back. A packaged Marginalia cannot be run as a plain
// Node (RunAsNode), take code from NODE_OPTIONS or a debugger (--inspect), or load its code from
// anywhere but its own app.asar, whose contents are checked against the hash recorded at build
// time where Electron supports it (macOS and Windows). electron-builder calls flipPackagedFuses
// in afterPack, before signing.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/** Platforms as electron-builder names them in its hooks. */
export type ElectronPlatform = 'darwin' | 'mas' | 'win32' | 'linux';

/** Embedded asar integrity: Electron checks it on macOS (Info.plist) and Windows (a resource). */
export function supportsAsarIntegrity(platform: ElectronPlatform): boolean {
  return platform === 'darwin' || platform === 'mas' || platform === 'win32';
}

/** The fuse wire of a packaged Marginalia on one platform. */
export function fuseConfigFor(platform: ElectronPlatform): FuseV1Config {
  const mac = platform === 'darwin' || platform === 'mas';
  return {
    version: FuseVersion.V1,
    // Flipping a fuse invalidates the ad-hoc signature macOS (on Apple silicon) insists on.
    resetAdHocDarwinSignature: mac,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: supportsAsarIntegrity(platform),
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // GrantFileProtocolExtraPrivileges keeps Electron's default: the PDF printer loads its one
    // page from a file:// URL (src/main/electron/print-pdf.ts).
  };
}

export interface PackagedApp {
  appOutDir: string;
  electronPlatformName: string;
  /** electron-builder's packager; only its Linux packager names an executable. */
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** The file whose fuse wire is flipped: the app bundle on macOS, the executable elsewhere. */
export function packagedBinary(context: PackagedApp): string {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
  }
}

/** electron-builder's afterPack hook. */
export async function flipPackagedFuses(context: PackagedApp): Promise<void> {
  const platform = context.electronPlatformName as ElectronPlatform;
  await flipFuses(packagedBinary(context), fuseConfigFor(platform));
}
