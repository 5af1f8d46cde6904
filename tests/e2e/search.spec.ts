// A historian finds things again: one search box for the whole library and for the open record,
// in both languages, by any word form; a hit opens the record with the hit marked and its
// counterpart shown; next and previous hits inside the record.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CLI, ROOT, SAMPLE, expect, screenshot, tempDir, test } from './support/fixtures';

/** Adds records to the library the way a script would, with the CLI, beside the running app. */
function importVariants(dataDir: string): void {
  const sample = fs.readFileSync(SAMPLE, 'utf8');
  const dir = tempDir('e2e-files');
  const variant = sample
    .replace('Ciphered Telegram No. 3917,', 'Ciphered Telegram No. 3918,')
    .replace(/110374\s*$/, '110375\n')
    .replace('Ваши телеграммы о перемирии получены.', 'Ваша телеграмма о перемирии получена.');
  const file = path.join(dir, 'telegram-3918.txt');
  fs.writeFileSync(file, variant);
  const run = spawnSync(process.execPath, [CLI, 'import', file, '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
}

/** The text of what the reader marks as the current hit (CSS Custom Highlight API). */
async function currentHit(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('mg-search-current');
    return highlight ? [...highlight].map((r) => r.toString()) : [];
  });
}

async function counterpartHighlight(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('mg-search-counterpart');
    return highlight ? [...highlight].map((r) => r.toString()) : [];
  });
}

test('search the library in both languages, filter, open a hit, step through hits', async ({
  page,
  server,
}) => {
  importVariants(server.dataDir);
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Ctrl+K: the library search, results as you type.
  await page.keyboard.press('Control+k');
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  await expect(box).toBeFocused();
  await box.fill('перемирие');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('heading', { level: 1 })).toContainText('перемирие');
  await expect(results.getByText(/hits in 2 records, best first/)).toBeVisible();
  // Every form of the word is found and marked; each hit shows its English counterpart.
  const marks = results.locator('.search-hit-text mark');
  await expect(marks.first()).toBeVisible();
  const marked = await marks.allTextContents();
  expect(marked.length).toBeGreaterThan(3);
  for (const word of marked) expect(word).toMatch(/^перемири[еияю]/);
  const firstHit = results.locator('.search-hit').first();
  await expect(firstHit).toContainText('↔ English translation');
  await expect(firstHit.locator('.search-hit-counterpart')).toContainText('armistice');
  await screenshot(page, 'search-01-results-russian');

  // English word forms, filtered to the English text.
  await box.fill('armistices lang:en');
  await expect(results.getByRole('heading', { level: 1 })).toContainText('armistices lang:en');
  await expect(results.locator('.search-hit-where').first()).toContainText('English translation');
  const where = await results.locator('.search-hit > .search-hit-where').allTextContents();
  expect(where.every((w) => w.startsWith('English translation'))).toBe(true);
  await expect(results.locator('.search-hit-text mark').first()).toHaveText(/^armistice$/i);
  await expect(results.locator('.search-hit-counterpart').first()).toContainText('перемири');
  await screenshot(page, 'search-02-results-english-filtered');

  // A name in Latin letters finds it in Cyrillic too.
  await box.fill('Kim Il Sung lang:ru');
  await expect(results.locator('.search-hit-text mark').first()).toHaveText(/^Ким Ир Сен/);

  // Hostile input gets an explanation, never an error.
  await box.fill('NEAR((( "unclosed *');
  await expect(results.locator('.search-warnings')).toContainText('quote was not closed');

  // Keyboard: down from the box into the results, Enter opens the record at the hit.
  await box.fill('"о перемирии"');
  await expect(results.getByRole('heading', { level: 1 })).toContainText('о перемирии');
  await expect(results.locator('.search-hit').first()).toBeVisible();
  await box.press('ArrowDown');
  await expect(results.locator('.search-hit').first()).toBeFocused();
  const title = (await results.locator('.search-group-title').first().textContent())!;
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/#\/record\/[^?]+\?q=/);
  await expect.poll(() => currentHit(page)).toEqual(['о перемирии']);
  // The hit's passage has the focus, and its English counterpart is shown and marked.
  await expect(page.locator('.passage:focus')).toContainText('о перемирии');
  await expect
    .poll(() => counterpartHighlight(page))
    .toEqual([expect.stringContaining('armistice')]);
  await expect(page.getByRole('region', { name: 'Find in this record' })).toContainText(
    'armistice',
  );
  const scope = page.getByRole('group', { name: 'Search in' });
  await expect(scope.getByRole('button', { name: 'This record' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('.find-count')).toHaveText(/^1 of \d+$/);
  await screenshot(page, 'search-03-hit-opened-in-record');

  // Next and previous hit inside the record (buttons, Enter in the box, F3).
  const total = Number((await page.locator('.find-count').textContent())!.split(' of ')[1]);
  expect(total).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Next hit' }).click();
  await expect(page.locator('.find-count')).toHaveText(`2 of ${total}`);
  await expect.poll(() => currentHit(page)).toEqual(['о перемирии']);
  await page.keyboard.press('Shift+F3');
  await expect(page.locator('.find-count')).toHaveText(`1 of ${total}`);
  await page.getByRole('button', { name: 'Previous hit' }).click();
  await expect(page.locator('.find-count')).toHaveText(`${total} of ${total}`);
});

test('find in the open record over both columns, with the counterpart shown', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: 'Find in this record' });
  await expect(box).toBeFocused();
  await box.fill('перемирие OR armistice');
  await expect(page.locator('.find-count')).toHaveText(/^1 of \d+$/);
  const total = Number((await page.locator('.find-count').textContent())!.split(' of ')[1]);
  // Reading order: the Russian passage, then its English counterpart in the same row.
  await expect.poll(() => currentHit(page)).toEqual(['перемирии']);
  await expect
    .poll(() => counterpartHighlight(page))
    .toEqual(['Your telegrams about an armistice have been received.']);
  const panel = page.getByRole('region', { name: 'Find in this record' });
  await expect(panel).toContainText('Translation of this passage:');
  await expect(panel).toContainText('Your telegrams about an armistice have been received.');
  await screenshot(page, 'search-04-find-in-record');

  await box.press('Enter');
  await expect(page.locator('.find-count')).toHaveText(`2 of ${total}`);
  await expect.poll(() => currentHit(page)).toEqual(['armistice']);
  await expect
    .poll(() => counterpartHighlight(page))
    .toEqual(['Ваши телеграммы о перемирии получены.']);
  await expect(panel).toContainText('Original of this passage:');
  await screenshot(page, 'search-05-find-next-in-translation');

  // Nothing found: said so, not an error.
  await box.fill('zzzznothing');
  await expect(page.locator('.find-count')).toHaveText('No hits');

  // Escape closes the find and clears the marks.
  await box.fill('перемирие');
  await expect(page.locator('.find-count')).toHaveText(/of/);
  await box.press('Escape');
  await expect(page.locator('.find-count')).toHaveCount(0);
  await expect.poll(() => currentHit(page)).toEqual([]);
});
