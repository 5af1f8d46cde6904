// Notes and text find each other: a click on a highlight opens its card, the comment dialog sits
// beside the words it comments on, and the search-syntax popover closes like a popover (issue
// 9, item 6).
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './support/fixtures';
import { selectWithMouse } from './support/text';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function selectionBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...window.getSelection()!.getRangeAt(0).getClientRects()]
      .filter((r) => r.width > 0)
      .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
  );
}

/** Brings the words to the middle of the window, where a centred dialog would go. */
async function centre(column: Locator, phrase: string): Promise<void> {
  await column
    .locator('.passage', { hasText: phrase })
    .first()
    .evaluate((element, text) => {
      const at = (element.textContent ?? '').indexOf(text);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (at < offset + length) {
          const range = document.createRange();
          range.setStart(node, at - offset);
          range.setEnd(node, at - offset + 1);
          const top = range.getBoundingClientRect().top;
          let scroller = element.parentElement;
          while (scroller && getComputedStyle(scroller).overflowY !== 'auto') {
            scroller = scroller.parentElement;
          }
          scroller?.scrollBy(0, top - window.innerHeight / 2);
          return;
        }
        offset += length;
      }
    }, phrase);
}

async function expectDialogBesideWords(page: Page, column: Locator, phrase: string) {
  await centre(column, phrase);
  await selectWithMouse(page, column, phrase);
  const words = await selectionBoxes(page);
  const passage = (await column.locator('.passage', { hasText: phrase }).first().boundingBox())!;
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: /Comment on/ });
  await expect(dialog.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  const box = (await dialog.boundingBox())!;
  const placed = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
  const viewport = page.viewportSize()!;
  expect(placed.left).toBeGreaterThanOrEqual(0);
  expect(placed.right).toBeLessThanOrEqual(viewport.width);
  expect(placed.top).toBeGreaterThanOrEqual(0);
  expect(placed.bottom).toBeLessThanOrEqual(viewport.height);
  for (const line of words) expect(overlaps(placed, line)).toBe(false);
  // Nor any of the passage the words are in.
  const paragraph = {
    left: passage.x,
    top: passage.y,
    right: passage.x + passage.width,
    bottom: passage.y + passage.height,
  };
  expect(overlaps(placed, paragraph)).toBe(false);
  return dialog;
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test(`the comment dialog sits beside its words at ${viewport.width}×${viewport.height}`, async ({
    page,
    server,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(server.url);
    const russian = page.getByRole('region', { name: /Russian/ });
    const english = page.getByRole('region', { name: /English/ });
    await expect(english.locator('.passage').first()).toBeVisible();

    let dialog = await expectDialogBesideWords(page, english, 'necessary immediately');
    await screenshot(page, `comment-dialog-english-${viewport.width}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    dialog = await expectDialogBesideWords(page, russian, 'немедленно ответить');
    await screenshot(page, `comment-dialog-russian-${viewport.width}`);
    await dialog.getByRole('textbox', { name: 'Comment' }).pressSequentially('Urgency');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(russian.locator('mark', { hasText: 'немедленно ответить' })).toBeVisible();
  });
}

test('a click on a highlight opens its card, even when the filters hid it', async ({
  page,
  server,
}) => {
  test.slow(); // a dozen drags with the real mouse
  await page.setViewportSize({ width: 1440, height: 640 });
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });
  const english = page.getByRole('region', { name: /English/ });
  const panel = page.getByRole('region', { name: 'Annotations' });

  // Enough notes that the list scrolls.
  const phrases = ['Ким Ир Сеном', 'Пэн Дэхуаем', 'Гензана', 'Кайдзио', 'хозяевами дела'];
  for (const phrase of phrases) {
    await selectWithMouse(page, russian, phrase);
    await page.keyboard.press('h');
    await expect(russian.locator('mark', { hasText: phrase }).first()).toBeVisible();
  }
  await selectWithMouse(page, english, 'about an armistice');
  await page.keyboard.press('2'); // a Person, to be hidden by the filter below
  await expect(english.locator('mark', { hasText: 'about an armistice' })).toBeVisible();

  // The list shows Notes only; the English highlight is filtered out.
  await panel.getByLabel('Category').selectOption({ label: 'Note' });
  const card = panel.getByRole('listitem').filter({
    has: page.getByRole('button', { name: 'Show “about an armistice” in the text' }),
  });
  await expect(card).toHaveCount(0);
  await panel.getByRole('tab', { name: 'Glossary' }).click();

  await english.locator('mark', { hasText: 'about an armistice' }).click();
  await expect(panel.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(card).toBeInViewport();
  await expect(panel.getByLabel('Category')).toHaveValue('');

  // The first note is far up the list: a click on its mark brings its card into view.
  await russian.locator('mark', { hasText: 'Ким Ир Сеном' }).click();
  const first = panel.getByRole('listitem').filter({
    has: page.getByRole('button', { name: 'Show “Ким Ир Сеном” in the text' }),
  });
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(first).toBeInViewport();
  await screenshot(page, 'notes-and-text-card-opened');
});

test('the search-syntax popover closes on Esc and on a click outside', async ({ page, server }) => {
  await page.goto(server.url);
  const help = page.getByRole('heading', { name: 'Searching' });
  const button = page.getByLabel('Search syntax help');

  await button.click();
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await expect(help).toBeVisible();
  // A click on the text beside it (the popover hangs over the top of the English column, so
  // the click goes to the Russian one: Playwright clicks only where the passage is uncovered).
  await page
    .getByRole('region', { name: /Russian/ })
    .locator('.passage')
    .first()
    .click();
  await expect(help).toBeHidden();
  await screenshot(page, 'search-help-closed');
});
