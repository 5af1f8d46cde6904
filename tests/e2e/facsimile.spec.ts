// A record read from a PDF shows its pages beside the text: the page image with the passage
// being read outlined, regions that move the text to their passage, page turns with the
// keyboard, zoom; and the screen passes axe.
import { seriousAccessibilityProblems } from './support/axe';
import { expect, screenshot, test } from './support/fixtures';
import { seedTexts, typesetPdf } from '../../bench/scan-fixtures';

test('a PDF of the telegram and its translation opens with its page images beside the text', async ({
  page,
  server,
}) => {
  // Rendering the pages for the pane takes a few seconds on a busy machine.
  test.setTimeout(180_000);
  const { ru, en } = seedTexts();
  const set = await typesetPdf(
    [
      { kind: 'heading', text: 'Шифртелеграмма № 3917' },
      ...ru.map((text) => ({ kind: 'paragraph' as const, text })),
      ...en.map((text) => ({ kind: 'paragraph' as const, text })),
    ],
    { runningHead: 'Документы по истории корейской войны', size: 12 },
  );
  expect(set.pages).toBeGreaterThanOrEqual(2);
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByLabel('Import record files').setInputFiles({
    name: 'telegram-3917.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(set.pdf),
  });
  await expect(
    page.getByRole('heading', { level: 1, name: 'Шифртелеграмма № 3917' }),
  ).toBeVisible();

  const pane = page.getByRole('complementary', { name: 'Page images' });
  await expect(pane.getByRole('img', { name: 'Page 1 of telegram-3917.pdf' })).toBeVisible();
  await expect(pane.getByText(`Page 1 of ${set.pages}`)).toBeVisible();

  // A region on the image takes the text to its passage.
  const region = pane.getByRole('button', { name: /^Go to the passage “По нашему мнению/ });
  await region.click();
  const passage = page.locator('.passage').filter({ hasText: /^По нашему мнению/ });
  await expect(passage).toBeFocused();
  await expect(pane.locator('.facsimile-region.current')).toHaveCount(1);
  await expect(pane.locator('.facsimile-line')).not.toHaveCount(0);

  // Keyboard: Page Down turns the page, + zooms, 0 fits the width again.
  const viewport = pane.getByRole('region', { name: /^Page 1 of telegram-3917\.pdf/ });
  await viewport.focus();
  await page.keyboard.press('PageDown');
  await expect(pane.getByText(`Page 2 of ${set.pages}`)).toBeVisible();
  await expect(pane.getByRole('img', { name: 'Page 2 of telegram-3917.pdf' })).toBeVisible();
  await page.keyboard.press('+');
  await expect(pane.getByText('150%')).toBeVisible();
  await page.keyboard.press('0');
  await expect(pane.getByText('100%')).toBeVisible();

  // Reading a passage on the first page turns the image back to it.
  await page
    .locator('.passage')
    .filter({ hasText: /^Ваши телеграммы/ })
    .click();
  await expect(pane.getByText(`Page 1 of ${set.pages}`)).toBeVisible();
  await expect(pane.locator('.facsimile-caret')).toHaveCount(1);

  await screenshot(page, 'facsimile-pdf');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);

  // The pane can be put away and brought back.
  await page.getByRole('button', { name: 'Page images' }).click();
  await expect(pane).toHaveCount(0);
  await page.getByRole('button', { name: 'Page images' }).click();
  await expect(pane.getByRole('img')).toBeVisible();
});
