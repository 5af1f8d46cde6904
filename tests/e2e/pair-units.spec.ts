// A translator brings the Universal Declaration as two files of one segment per line, the format
// aligners exchange. The pair dialog says what it found in each file (no blank lines, so one
// segment per line), she keeps that, and the record opens with the declaration aligned line by
// line; then she imports the same files cut into sentences instead.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, ROOT, screenshot, test } from './support/fixtures';

const PUBLIC = path.join(ROOT, 'tests/fixtures/alignment/public');

test('the pair dialog detects one segment per line and lets the user choose the unit', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import records' });
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('Original file').setInputFiles(path.join(PUBLIC, 'udhr.ru.txt'));
  await dialog.getByLabel('Translation file').setInputFiles(path.join(PUBLIC, 'udhr.en.txt'));
  const passages = dialog.getByLabel('Passages');
  await expect(passages).toHaveValue('auto');
  await expect(
    dialog.getByText(
      /udhr\.ru\.txt: no blank lines between paragraphs, so one segment per line \(91 lines\)/,
    ),
  ).toBeVisible();
  await expect(dialog.getByText(/udhr\.en\.txt: no blank lines .* \(91 lines\)/)).toBeVisible();
  await screenshot(page, 'import-pair-units');
  const problems = (await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id);
  expect(problems).toEqual([]);

  await dialog.getByRole('button', { name: 'Import pair' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Universal Declaration of Human Rights',
  );
  const russian = page.getByRole('region', { name: /Russian/ });
  const english = page.getByRole('region', { name: /English/ });
  await expect(russian).toContainText('Статья 1');
  await expect(english).toContainText('Article 1');
  await screenshot(page, 'import-pair-units-reader');

  // The same files cut into sentences: more passages than lines.
  await page.keyboard.press('Control+o');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Original file').setInputFiles(path.join(PUBLIC, 'udhr.ru.txt'));
  await dialog.getByLabel('Translation file').setInputFiles(path.join(PUBLIC, 'udhr.en.txt'));
  await dialog.getByLabel('Passages').selectOption('sentence');
  await dialog.getByRole('radio', { name: /Keep both/ }).check();
  await dialog.getByRole('button', { name: 'Import pair' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Universal Declaration of Human Rights',
  );
  await expect(russian).toContainText(
    'Все люди рождаются свободными и равными в своем достоинстве и правах.',
  );
});
