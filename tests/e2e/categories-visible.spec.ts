// Categories are not a hidden mode: the toolbar names them, the one H gives is shown and goes
// back to Note after one use unless kept with the lock, and a note's category changes with a
// number key on its mark or from its card's menu (issue 9, item 5).
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './support/fixtures';
import { noteAction } from './support/notes';
import { selectWithMouse } from './support/text';

function cardOf(page: Page, quote: string) {
  return page
    .getByRole('region', { name: 'Annotations' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Show “${quote}” in the text` }) });
}

test('the next category is shown, used once unless kept, and a note is re-categorised', async ({
  page,
  server,
}) => {
  test.slow(); // many drags with the real mouse
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });

  // The toolbar names its categories, with their colours, and says what H gives.
  await selectWithMouse(page, russian, 'Ким Ир Сеном');
  await expect(toolbar.getByRole('button', { name: 'Highlight as Note' })).toBeVisible();
  // Each chip is named by its words (the group says "Mark as"), as a voice user reads them.
  const markAs = (name: string) =>
    toolbar.getByRole('group', { name: 'Mark as' }).getByRole('button', { name, exact: true });
  const chips = toolbar.getByRole('group', { name: 'Mark as' }).getByRole('button');
  await expect(chips).toHaveText([
    'Note 1',
    'Person 2',
    'Place 3',
    'Organisation 4',
    'Date 5',
    'Term 6',
    'Translation issue 7',
    'Question 8',
    'Keep',
  ]);
  await screenshot(page, 'categories-02-toolbar-chips');
  await page.keyboard.press('2');
  await expect(cardOf(page, 'Ким Ир Сеном')).toContainText('Russian · Person');

  // A number key is for one highlight: the next is a Note again.
  await selectWithMouse(page, russian, 'Пэн Дэхуаем');
  await expect(toolbar.getByRole('button', { name: 'Highlight as Note' })).toBeVisible();
  await page.keyboard.press('h');
  await expect(cardOf(page, 'Пэн Дэхуаем')).toContainText('Russian · Note');

  // Chosen with nothing selected, it is shown, used once, then Note again.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('3');
  await expect(page.getByRole('status').filter({ hasText: 'next highlight' })).toContainText(
    'Place (once)',
  );
  await selectWithMouse(page, russian, 'Гензана');
  await expect(toolbar.getByRole('button', { name: 'Highlight as Place' })).toBeVisible();
  await expect(markAs('Place')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('h');
  await expect(cardOf(page, 'Гензана')).toContainText('Russian · Place');
  await selectWithMouse(page, russian, 'Кайдзио');
  await expect(toolbar.getByRole('button', { name: 'Highlight as Note' })).toBeVisible();

  // Kept with the lock, it stays.
  await markAs('Date').click();
  await expect(cardOf(page, 'Кайдзио')).toContainText('Russian · Date');
  await selectWithMouse(page, russian, 'Риджуэю');
  await page.keyboard.press('5');
  await selectWithMouse(page, russian, 'хозяевами дела');
  const lock = toolbar.getByRole('button', { name: 'Keep Note for the next highlights' });
  await lock.click();
  await expect(lock).toHaveAttribute('aria-pressed', 'true');
  await markAs('Term').click();
  await selectWithMouse(page, russian, 'Мао Цзэдун');
  await expect(toolbar.getByRole('button', { name: 'Highlight as Term' })).toBeVisible();
  await page.keyboard.press('h');
  await expect(cardOf(page, 'Мао Цзэдун')).toContainText('Russian · Term');
  await expect(cardOf(page, 'хозяевами дела')).toContainText('Russian · Term');

  // A number key on a highlight's mark changes that note, as one undo step.
  await russian.locator('mark', { hasText: 'Пэн Дэхуаем' }).click();
  await page.keyboard.press('4');
  await expect(cardOf(page, 'Пэн Дэхуаем')).toContainText('Russian · Organisation');
  await page.locator('body').press('Control+z');
  await expect(cardOf(page, 'Пэн Дэхуаем')).toContainText('Russian · Note');

  // And from the card's menu, without opening the comment dialog.
  await noteAction(page, 'Гензана', 'Question', 'menuitemradio');
  await expect(cardOf(page, 'Гензана')).toContainText('Russian · Question');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(russian.locator('mark')).toHaveCount(7);
});
