// Metadata a scholar can trust and fix: an archive page's "Citation" line read into archive,
// fond, opis, delo, list and translator (the catalogue shows the archive), and the record-details
// editor: every field, the citation following the edit, a refusal explained, undo and redo.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seriousAccessibilityProblems } from './support/axe';
import { expect, ROOT, screenshot, test } from './support/fixtures';

const FIXTURE = path.join(ROOT, 'tests/fixtures/import/archive-page/citation-credits.txt');
const TITLE = 'Telegram from Filippov [Stalin] to Mao Zedong on Volunteers for Korea';

async function importKramer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByLabel('Import record files').setInputFiles(FIXTURE);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

async function catalogueArchive(page: Page, title: string): Promise<string | null> {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Library' })
    .click();
  const row = page
    .getByRole('grid', { name: 'Records' })
    .getByRole('row')
    .filter({ hasText: title });
  await expect(row).toHaveCount(1);
  const archive = await row.locator('.col-archive').textContent();
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Reader' })
    .click();
  return archive;
}

test('a "Citation" line gives the archive and the translator; the catalogue shows them', async ({
  page,
  server,
}) => {
  await importKramer(page, server.url);
  await expect(page.locator('.record-facts')).toContainText(
    'RGASPI, f. 558, op. 11, d. 342, l. 92',
  );
  await page.getByRole('button', { name: 'About this record' }).click();
  await expect(page.locator('.record-about .citation-text')).toHaveText(
    `“${TITLE},” October 1, 1950, RGASPI, F. 558, Op. 11, D. 342, L. 92. Contributed and translated by Mark Kramer. Record ID 900107.`,
  );
  expect(await catalogueArchive(page, TITLE)).toBe('RGASPI f. 558');
});

test('the record-details editor changes every field, explains a refusal, and undoes', async ({
  page,
  server,
}) => {
  await importKramer(page, server.url);
  await page.getByRole('button', { name: 'Edit details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record details' });
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);
  await expect(dialog.getByRole('textbox', { name: 'Date' })).toHaveValue('1950-10-01');
  await expect(dialog.getByRole('textbox', { name: 'Type' })).toHaveValue('Telegram');
  const parts = dialog.getByRole('group', { name: 'Citation 1' });
  for (const [name, value] of [
    ['Archive', 'RGASPI'],
    ['Fond', '558'],
    ['Opis', '11'],
    ['Papka', ''],
    ['Delo', '342'],
    ['List (sheets)', '92'],
  ] as const) {
    await expect(parts.getByRole('textbox', { name })).toHaveValue(value);
  }
  await expect(dialog.getByRole('textbox', { name: 'Translator' })).toHaveValue('Mark Kramer');
  await expect(dialog.getByRole('textbox', { name: 'Contributed by' })).toHaveValue('Mark Kramer');
  expect(await seriousAccessibilityProblems(page, 'dialog[open]')).toEqual([]);

  // Edit as a scholar would: a sharper title, the sheets, the translator, a second archive.
  await dialog
    .getByRole('textbox', { name: 'Title' })
    .fill('Stalin to Mao on volunteers, 1 October 1950');
  await parts.getByRole('textbox', { name: 'List (sheets)' }).fill('92-93');
  await dialog.getByRole('textbox', { name: 'Translator' }).fill('Gary Goldberg');
  await dialog.getByRole('button', { name: 'Add a citation' }).click();
  const second = dialog.getByRole('group', { name: 'Citation 2' });
  await second.getByRole('textbox', { name: 'Archive (citation 2)' }).fill('APRF');
  await second.getByRole('textbox', { name: 'Fond (citation 2)' }).fill('45');
  await second.getByRole('textbox', { name: 'Opis (citation 2)' }).fill('1');
  await second.getByRole('textbox', { name: 'Delo (citation 2)' }).fill('334');
  await dialog
    .getByRole('textbox', { name: 'Summary' })
    .fill('Stalin urges Mao to send volunteers.');
  const cited =
    '“Stalin to Mao on volunteers, 1 October 1950,” October 1, 1950, RGASPI, f. 558, op. 11, d. 342, ll. 92-93; and APRF, f. 45, op. 1, d. 334. Contributed by Mark Kramer. Translated by Gary Goldberg. Record ID 900107.';
  await expect(dialog.locator('.details-preview .citation-text')).toHaveText(cited);

  // A date not in the calendar is refused with the reason, and nothing is saved.
  await dialog.getByRole('textbox', { name: 'Date' }).fill('1950-02-30');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'The details were not saved. The date is not a date in the calendar.',
  );
  await dialog.getByRole('textbox', { name: 'Date' }).fill('1950-10-01');
  await screenshot(page, 'details-01-editor');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();

  // The header, the citation and the catalogue follow.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Stalin to Mao on volunteers, 1 October 1950' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'About this record' }).click();
  await expect(page.locator('.record-about .citation-text')).toHaveText(cited);
  await expect(page.locator('.record-about')).toContainText('Stalin urges Mao to send volunteers.');
  expect(await catalogueArchive(page, 'Stalin to Mao on volunteers')).toBe('RGASPI f. 558');

  // One Ctrl+Z takes the whole edit back; Ctrl+Shift+Z does it again.
  await page.locator('body').press('Control+z');
  await expect(page.getByRole('status')).toContainText(`Undone: Edit the details of “${TITLE}”`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.locator('.record-facts')).toContainText('l. 92');
  await page.locator('body').press('Control+Shift+z');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Stalin to Mao on volunteers, 1 October 1950' }),
  ).toBeVisible();

  // Leaving with unsaved words asks first.
  await page.getByRole('button', { name: 'Edit details…' }).click();
  await dialog.getByRole('textbox', { name: 'Type' }).fill('Ciphered telegram');
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('alert')).toContainText('Your changes are not saved.');
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.record-facts')).toContainText('Telegram');
});

test.describe('at 150 % zoom', () => {
  test.use({ viewport: { width: 960, height: 600 }, deviceScaleFactor: 1.5 });

  test('the details editor fits and scrolls, with Save in reach', async ({ page, server }) => {
    await importKramer(page, server.url);
    await page.getByRole('button', { name: 'Edit details…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record details' });
    const save = dialog.getByRole('button', { name: 'Save details' });
    await expect(save).toBeInViewport();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(960);
    await screenshot(page, 'details-02-editor-150');
    expect(await seriousAccessibilityProblems(page, 'dialog[open]')).toEqual([]);
  });
});
