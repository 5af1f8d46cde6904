// The walls inside the app hold: ESLint (eslint.config.js) refuses an import that goes up a
// layer, SQL prepared outside src/main/db, and Node or app code in src/shared, while the imports
// each layer is allowed still pass. Each probe is linted as if it were a file at that place.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

const IMPORT = '@typescript-eslint/no-restricted-imports';
const WALLS = new Set([IMPORT, 'no-restricted-syntax']);

/** What the walls say about `code` placed at `file` (other rules, e.g. unused names, aside). */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages
    .filter((m) => m.ruleId !== null && WALLS.has(m.ruleId))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layers', () => {
  it.each([
    [
      'src/main/db/probe.ts',
      "import { createContext } from '../services/context';",
      /bottom layer/,
    ],
    ['src/main/db/probe.ts', "import { dispatch } from '../api/router';", /bottom layer/],
    ['src/main/services/probe.ts', "import { dispatch } from '../api/router';", /Services import/],
    ['src/main/services/probe.ts', "import Database from 'better-sqlite3';", /Services import/],
    ['src/main/services/probe.ts', "import { app } from 'electron';", /Services import/],
    [
      'src/main/api/probe.ts',
      "import { openLibrary } from '../db/open';",
      /never a door or the database/,
    ],
    ['src/main/api/probe.ts', "import { serveCommand } from '../cli/serve';", /never a door/],
    [
      'src/main/cli/probe.ts',
      "import { importItem } from '../services/library/import-item';",
      /go through src\/main\/api/,
    ],
    [
      'src/main/electron/probe.ts',
      "import { openLibrary } from '../db/open';",
      /go through src\/main\/api/,
    ],
    ['src/shared/probe.ts', "import fs from 'node:fs';", /runs in every process/],
    ['src/shared/probe.ts', "import path from 'path';", /runs in every process/],
    [
      'src/shared/probe.ts',
      "import { dispatch } from '../main/api/router';",
      /runs in every process/,
    ],
  ])('%s may not %s', async (file, code, message) => {
    const found = await violations(file, code);
    expect(found).toEqual([expect.stringMatching(new RegExp(`^${IMPORT}: .*${message.source}`))]);
  });

  it('keeps SQL in src/main/db', async () => {
    const code =
      "export const probe = (db: { prepare(sql: string): unknown }) => db.prepare('SELECT 1');\n";
    expect(await violations('src/main/services/probe.ts', code)).toEqual([
      expect.stringMatching(/^no-restricted-syntax: SQL belongs in src\/main\/db/),
    ]);
    expect(await violations('src/main/db/probe.ts', code)).toEqual([]);
  });

  it.each([
    [
      'src/main/services/probe.ts',
      "import { ApiError } from '@shared/api/errors';\nimport type { Repositories } from '../db/repositories';",
    ],
    [
      'src/main/api/probe.ts',
      "import { requireRecord } from '../services/library/require-record';",
    ],
    [
      'src/main/cli/probe.ts',
      "import { dispatch } from '../api/router';\nimport type { AppContext } from '../services/context';",
    ],
    ['src/main/db/probe.ts', "import { foldWord } from '@shared/text/stemming';"],
    ['src/shared/probe.ts', "import { z } from 'zod';\nimport type { Side } from './model';"],
  ])('%s may %s', async (file, code) => {
    expect(
      await violations(
        file,
        `${code}\nexport const probe = [${code.includes('type') ? '' : '0'}];\n`,
      ),
    ).toEqual([]);
  });
});
