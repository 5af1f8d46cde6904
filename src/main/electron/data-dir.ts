// Where the desktop app keeps its library. It is the folder the CLI uses by default (the same
// defaultDataDir function, so the two never drift apart), or MARGINALIA_DATA_DIR. Electron's
// app.setPath throws on a relative or missing folder, so the folder is made absolute and created
// first, and a folder that cannot be used is reported in words, not as a crash.
import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../paths';

export const DATA_DIR_VARIABLE = 'MARGINALIA_DATA_DIR';

/** The library folder, absolute and existing; throws an Error whose message a user can act on. */
export function desktopDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): string {
  const override = env[DATA_DIR_VARIABLE]?.trim();
  const dir = override ? path.resolve(cwd, override) : defaultDataDir();
  const source = override ? ` (set by ${DATA_DIR_VARIABLE})` : '';
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a file of that name is in the way'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'you may not write there'
          : (error as Error).message;
    throw new Error(`The library folder ${dir}${source} cannot be created: ${reason}.`);
  }
  if (!fs.statSync(dir).isDirectory()) {
    throw new Error(`The library folder ${dir}${source} is a file, not a folder.`);
  }
  return dir;
}
