// The library as a catalogue: facets with counts, collections filled by keyboard and by drag
// and drop, rename, duplicate, delete and undo — the way a historian tidies a growing archive.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { CLI, ROOT, SAMPLE, expect, screenshot, tempDir, test } from './support/fixtures';

/** Two more records beside the sample: a letter of 1950 from another archive, and a telegram. */
function importRecords(dataDir: string): void {
  const sample = fs.readFileSync(SAMPLE, 'utf8');
  const dir = tempDir('e2e-library');
  const letter = sample
    .replace(/June 30, 1951/g, 'October 2, 1950')
    .replace(
      'Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong',
      'Letter from Mao Zedong to Filippov [Stalin] on sending troops to Korea',
    )
    .replace(/^APRF, f\. 45.*$/m, 'RGASPI, f. 558, op. 11, d. 334, ll. 110-111.')
    .replace(/^Telegram$/m, 'Letter')
    .replace(/110374\s*$/, '110376\n')
    .replace('Ваши телеграммы о перемирии получены.', 'Мы решили послать войска в Корею.');
  const telegram = sample
    .replace('Ciphered Telegram No. 3917,', 'Ciphered Telegram No. 3918,')
    .replace(/110374\s*$/, '110375\n')
    .replace('Ваши телеграммы о перемирии получены.', 'Ваша телеграмма о перемирии получена.');
  const files = [
    ['letter.txt', letter],
    ['telegram-3918.txt', telegram],
  ].map(([name, text]) => {
    const file = path.join(dir, name!);
    fs.writeFileSync(file, text!);
    return file;
  });
  const run = spawnSync(process.execPath, [CLI, 'import', ...files, '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
}

function catalogue(page: Page): { region: Locator; grid: Locator; rows: Locator } {
  const region = page.getByRole('region', { name: 'Library catalogue' });
  const grid = region.getByRole('grid', { name: 'Records' });
  return { region, grid, rows: grid.locator('.catalogue-body [role="row"]') };
}

test('the catalogue: facets, collections, rename, duplicate, delete and undo', async ({
  page,
  server,
}) => {
  importRecords(server.dataDir);
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Library' })
    .click();

  const { region, grid, rows } = catalogue(page);
  await expect(region.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(region.getByText('3 records', { exact: true })).toBeVisible();
  await expect(rows).toHaveCount(3);
  // Sorted by date: the letter of 1950 first.
  await expect(rows.first()).toContainText('Letter from Mao Zedong');

  // Facets count records; choosing one keeps the others' counts.
  const filters = region.getByRole('group', { name: 'Filters' });
  const types = filters.getByRole('group', { name: 'Type' });
  await expect(types.getByText('Telegram')).toBeVisible();
  await expect(types.locator('label', { hasText: 'Telegram' })).toContainText('2');
  await expect(filters.getByRole('group', { name: 'Archive' })).toContainText('RGASPI');
  await types.getByRole('checkbox', { name: /Letter/ }).check();
  await expect(rows).toHaveCount(1);
  await expect(region.getByText(/1 of 3 records match the filters/)).toBeVisible();
  await expect(types.locator('label', { hasText: 'Telegram' })).toContainText('2');
  await screenshot(page, 'library-01-catalogue-filtered');
  await filters.getByRole('button', { name: /Clear/ }).click();
  await expect(rows).toHaveCount(3);
  await filters.getByLabel('Title contains').fill('3918');
  await expect(rows).toHaveCount(1);
  await filters.getByLabel('Title contains').fill('');
  await expect(rows).toHaveCount(3);

  // A new collection.
  const collections = region.getByRole('navigation', { name: 'Collections' });
  await collections.getByRole('button', { name: 'New collection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New collection' });
  await dialog.getByLabel('Collection name').fill('Korean War seminar');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(region.getByRole('heading', { level: 1, name: 'Korean War seminar' })).toBeVisible();
  await collections.getByRole('button', { name: /^All records/ }).click();

  // By keyboard: focus the first record, Space selects, A goes to "Add to collection".
  await grid.locator('.catalogue-open').first().focus();
  await page.keyboard.press('Space');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('a');
  const add = region.getByRole('combobox', { name: 'Add to collection' });
  await expect(add).toBeFocused();
  await add.selectOption({ label: 'Korean War seminar' });
  await expect(page.getByRole('status')).toContainText('Added 1 record to “Korean War seminar”');
  const seminar = collections.getByRole('button', { name: /^Korean War seminar/ });
  await expect(seminar).toContainText('1');

  // By drag and drop: another record onto the collection.
  await rows.nth(1).dragTo(seminar);
  await expect(seminar).toContainText('2');
  await seminar.click();
  await expect(rows).toHaveCount(2);
  await screenshot(page, 'library-02-collection');
  // A selection made in a collection stays there: "All records" starts with none (issue 9,
  // item 9), so a Delete there cannot reach records chosen in the collection.
  await grid.locator('.catalogue-open').first().focus();
  await page.keyboard.press('Space');
  await expect(region.getByText('1 selected', { exact: true })).toBeVisible();
  await collections.getByRole('button', { name: /^All records/ }).click();
  await expect(rows).toHaveCount(3);
  await expect(region.getByText('No selection', { exact: true })).toBeVisible();

  // Rename with F2; Ctrl+Z puts the title back.
  await grid.locator('.catalogue-open').nth(2).focus();
  const oldTitle = (await grid.locator('.catalogue-open').nth(2).textContent())!;
  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: 'Rename record' });
  await rename.getByLabel('Title').fill('Телеграмма № 3918 (рабочая копия)');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(
    grid.getByRole('button', { name: 'Телеграмма № 3918 (рабочая копия)' }),
  ).toBeVisible();
  await page.locator('body').press('Control+z');
  await expect(grid.getByRole('button', { name: oldTitle, exact: true })).toBeVisible();

  // Escape clears the selection, so the keys below act on the focused record.
  await grid.locator('.catalogue-open').first().focus();
  await page.keyboard.press('Escape');
  await expect(region.getByText('No selection')).toBeVisible();

  // Duplicate with Ctrl+D.
  await grid.locator('.catalogue-open').first().focus();
  await page.keyboard.press('Control+d');
  await expect(rows).toHaveCount(4);
  await expect(grid.getByText(/\(copy\)$/)).toBeVisible();

  // Delete moves to the trash, notes and all; Ctrl+Z brings it back.
  const copy = grid.getByRole('button', { name: /\(copy\)$/ });
  await copy.focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('status')).toContainText('(copy)” to the trash');
  await expect(rows).toHaveCount(3);
  await expect(collections.getByRole('button', { name: /^Trash/ })).toContainText('1');
  await screenshot(page, 'library-03-deleted');
  await page.locator('body').press('Control+z');
  await expect(rows).toHaveCount(4);
  await expect(collections.getByRole('button', { name: /^Trash/ })).toContainText('0');

  // The trash lists what was deleted, with when it goes for good; Restore brings it back.
  await copy.focus();
  await page.keyboard.press('Delete');
  await expect(rows).toHaveCount(3);
  await collections.getByRole('button', { name: /^Trash/ }).click();
  await expect(region.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  const restore = region.getByRole('button', { name: /^Restore “.*\(copy\)”$/ });
  await expect(restore).toBeVisible();
  await expect(region.getByText(/kept until/)).toBeVisible();
  await screenshot(page, 'library-04-trash');
  await restore.click();
  await expect(region.getByText('The trash is empty.', { exact: false })).toBeVisible();
  await collections.getByRole('button', { name: /^All records/ }).click();
  await expect(rows).toHaveCount(4);

  // Several records deleted at once: the notice says how many and undoes them on the spot.
  await grid.locator('.catalogue-open').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(region.getByText('2 selected', { exact: true })).toBeVisible();
  await page.keyboard.press('Delete');
  const moved = page.getByRole('status').filter({ hasText: 'Moved 2 records to the trash' });
  await expect(moved).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(collections.getByRole('button', { name: /^Trash/ })).toContainText('2');
  await screenshot(page, 'library-05-deleted-two');
  await moved.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(4);
  await expect(page.getByRole('status')).toContainText('Undone: Delete 2 records.');
  await expect(collections.getByRole('button', { name: /^Trash/ })).toContainText('0');

  // Enter on a record opens it in the reader.
  await grid.locator('.catalogue-open').first().focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: /Letter from Mao Zedong to Filippov/ }),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
});
