// Backups from the app (issue 14): a historian backs her library up from the catalogue, regrets
// a change and restores the backup; and a library damaged on disk opens on a screen that says
// so and offers its backups, instead of a stack or a blank window.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seriousAccessibilityProblems } from './support/axe';
import {
  CLI,
  ROOT,
  SAMPLE,
  expect,
  screenshot,
  startServer,
  tempDir,
  test,
  type Server,
} from './support/fixtures';

function cli(args: string[]): string {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

async function openLibraryView(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Library' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
}

const recordRows = (page: Page) =>
  page
    .getByRole('region', { name: 'Library catalogue' })
    .getByRole('grid', { name: 'Records' })
    .locator('.catalogue-body [role="row"]');

test('a backup made from the app is restored, undoing a later change', async ({ page, server }) => {
  await page.goto(server.url);
  await openLibraryView(page);
  await expect(recordRows(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^Backed up at \d{1,2} \w+ \d{4}/);
  const list = dialog.getByRole('list', { name: 'Backups, newest first' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('made by hand');
  await screenshot(page, 'backups-01-dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // A change she will regret: a second record.
  const second = path.join(tempDir('e2e-backups'), 'second.txt');
  fs.writeFileSync(
    second,
    fs
      .readFileSync(SAMPLE, 'utf8')
      .replace('Ciphered Telegram No. 3917,', 'Ciphered Telegram No. 3918,')
      .replace(/110374\s*$/, '110375\n')
      .replace('Ваши телеграммы о перемирии получены.', 'Ваша телеграмма о перемирии получена.'),
  );
  cli(['import', second, '--data-dir', server.dataDir]);
  await page.reload();
  await expect(recordRows(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Backups…' }).click();
  const restore = dialog.getByRole('button', { name: /^Restore the backup of / });
  await expect(restore).toHaveCount(1);
  await restore.click();
  // One more question before the library is replaced; declining changes nothing.
  await dialog.getByRole('button', { name: 'Keep the library' }).click();
  await expect(dialog.getByRole('button', { name: /^Confirm:/ })).toHaveCount(0);
  await restore.click();
  await expect(dialog.getByText(/The library as it is now is kept as a backup/)).toBeVisible();
  await screenshot(page, 'backups-02-confirm');
  await dialog
    .getByRole('button', { name: /^Confirm: replace the library with the backup of / })
    .click();

  // The app reloads on the restored library and says what happened.
  await expect(
    page.getByRole('status').getByText(/^The library was restored from the backup of /),
  ).toBeVisible();
  await expect(recordRows(page)).toHaveCount(1);
  const backups = JSON.parse(cli(['backup', 'list', '--json', '--data-dir', server.dataDir]))
    .backups as { kind: string }[];
  expect(backups.map((b) => b.kind).sort()).toEqual(['before-restore', 'manual']);
});

test.describe('a damaged library', () => {
  let damaged: Server | null = null;
  test.afterEach(async () => {
    await damaged?.stop();
    damaged = null;
  });

  test('opens on a screen that says so, and is restored from its backup', async ({ page }) => {
    const dataDir = tempDir('e2e-damaged');
    for (let i = 0; i < 6; i++) {
      const file = path.join(dataDir, `record-${i}.txt`);
      fs.writeFileSync(
        file,
        fs
          .readFileSync(SAMPLE, 'utf8')
          .replace('Ciphered Telegram No. 3917,', `Ciphered Telegram No. 39${20 + i},`)
          .replace(/110374\s*$/, `11040${i}\n`)
          .replace('Ваши телеграммы о перемирии получены.', `Ваши телеграммы №${i} получены.`),
      );
      cli(['import', file, '--data-dir', dataDir]);
      fs.rmSync(file);
    }
    cli(['backup', 'create', '--data-dir', dataDir]);
    // Eight kilobytes in the middle of the file overwritten, as a failing disk would.
    const library = path.join(dataDir, 'library.sqlite');
    const bytes = fs.readFileSync(library);
    const at = Math.floor(bytes.length / 2 / 4096) * 4096;
    for (let i = 0; i < 8192; i++) bytes[at + i] = (i * 131 + 17) & 0xff;
    fs.writeFileSync(library, bytes);

    damaged = await startServer(dataDir);
    await page.goto(damaged.url);
    await expect(
      page.getByRole('heading', { level: 1, name: 'This library is damaged' }),
    ).toBeVisible();
    await expect(page.getByText(/^Marginalia has not changed the file\./)).toBeVisible();
    // SQLite's own words, not a stack.
    await expect(page.locator('blockquote')).toHaveText(/malformed|error code|never used|Tree \d+/);
    await expect(page.locator('body')).not.toContainText(/SqliteError|\n\s+at /);
    const list = page.getByRole('list', { name: 'Backups, newest first' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await screenshot(page, 'backups-03-damaged');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await list.getByRole('button', { name: /^Restore the backup of / }).click();
    await list
      .getByRole('button', { name: /^Confirm: replace the library with the backup of / })
      .click();
    await expect(
      page.getByRole('status').getByText(/^The library was restored from the backup of /),
    ).toBeVisible();
    await openLibraryView(page);
    await expect(recordRows(page)).toHaveCount(6);
  });
});
