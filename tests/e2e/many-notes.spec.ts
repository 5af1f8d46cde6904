// Acting on many notes at once (issue 9, item 2), the note card's action menu and the folding
// side panels (item 7): select with click, Shift-click, Ctrl-click, the keyboard and "Select all
// shown"; re-categorise, tag and delete them all, each one undo step.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './support/fixtures';
import { selectWithMouse } from './support/text';

const PHRASES = ['Ким Ир Сеном', 'Пэн Дэхуаем', 'Гензана', 'Кайдзио', 'хозяевами дела'];

function cardOf(page: Page, quote: string) {
  return page
    .getByRole('region', { name: 'Annotations' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Show “${quote}” in the text` }) });
}

async function expectSeriousAxeProblems(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('many notes selected, re-categorised, tagged and deleted, each as one undo step', async ({
  page,
  server,
}) => {
  test.slow();
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });
  const panel = page.getByRole('region', { name: 'Annotations' });
  for (const phrase of PHRASES) {
    await selectWithMouse(page, russian, phrase);
    await page.keyboard.press('h');
    await expect(cardOf(page, phrase)).toHaveCount(1);
  }
  const bar = panel.getByRole('toolbar', { name: 'Selected notes' });
  const count = bar.getByRole('status');
  const box = (quote: string) => cardOf(page, quote).getByRole('checkbox');
  const meta = (quote: string) => cardOf(page, quote).getByText(/^Russian · /);

  // Click, Shift-click, Ctrl-click.
  await meta('Пэн Дэхуаем').click();
  await expect(count).toHaveText('1 selected');
  await meta('Кайдзио').click({ modifiers: ['Shift'] });
  await expect(count).toHaveText('3 selected');
  await expect(box('Гензана')).toBeChecked();
  await meta('Гензана').click({ modifiers: ['ControlOrMeta'] });
  await expect(count).toHaveText('2 selected');
  // The keyboard: a note's box, Space, arrows (Shift extends).
  await box('Ким Ир Сеном').focus();
  await page.keyboard.press('Space');
  await expect(count).toHaveText('3 selected');
  await expect(box('Ким Ир Сеном')).toBeChecked();
  await expect(box('Гензана')).not.toBeChecked();
  await screenshot(page, 'many-notes-01-selected');

  // Another category for all three: one call, one undo step, one redo.
  await bar.getByLabel('Category for the selected notes').selectOption({ label: 'Person (2)' });
  for (const quote of ['Ким Ир Сеном', 'Пэн Дэхуаем', 'Кайдзио']) {
    await expect(meta(quote)).toHaveText('Russian · Person');
  }
  await expect(meta('Гензана')).toHaveText('Russian · Note');
  await page.locator('body').press('Control+z');
  await expect(panel.getByText('Russian · Person')).toHaveCount(0);
  await page.locator('body').press('Control+Shift+z');
  await expect(panel.getByText('Russian · Person')).toHaveCount(3);

  // A number key re-categorises the selected notes too.
  await box('Кайдзио').focus();
  await page.keyboard.press('3');
  await expect(panel.getByText('Russian · Place')).toHaveCount(3);

  // A tag for all of them.
  await bar.getByRole('textbox', { name: 'Tag for the selected notes' }).fill('seminar');
  await bar.getByRole('button', { name: 'Add tag' }).click();
  await expect(
    panel.getByRole('list', { name: 'Tags' }).filter({ hasText: 'seminar' }),
  ).toHaveCount(3);

  // "Select all shown" takes what the filter shows; a filter drops what it hides.
  await panel
    .getByRole('combobox', { name: 'Category', exact: true })
    .selectOption({ label: 'Note' });
  await expect(count).toHaveText('');
  await bar.getByRole('checkbox', { name: 'Select all shown (2)' }).check();
  await expect(count).toHaveText('2 selected');
  await bar.getByRole('button', { name: 'Delete 2 notes' }).click();
  await panel
    .getByRole('combobox', { name: 'Category', exact: true })
    .selectOption({ label: 'All' });
  await expect(panel.getByRole('button', { name: /^Show “/ })).toHaveCount(3);
  await expect(russian.locator('mark')).toHaveCount(3);
  await page.locator('body').press('Control+z');
  await expect(panel.getByRole('button', { name: /^Show “/ })).toHaveCount(5);
  await expect(russian.locator('mark')).toHaveCount(5);

  // Esc clears the selection; Delete with a selection deletes it all.
  await meta('Гензана').click();
  await meta('хозяевами дела').click({ modifiers: ['ControlOrMeta'] });
  await expect(count).toHaveText('2 selected');
  await page.keyboard.press('Escape');
  await expect(count).toHaveText('');
  await meta('Гензана').click();
  await page.keyboard.press('Delete');
  await expect(panel.getByRole('button', { name: /^Show “/ })).toHaveCount(4);
  await expectSeriousAxeProblems(page);
});

test('a note card’s menu from the keyboard, and side panels that fold away', async ({
  page,
  server,
}) => {
  test.slow();
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });
  const panel = page.getByRole('region', { name: 'Annotations' });
  await selectWithMouse(page, russian, 'Кайдзио');
  await page.keyboard.press('h');

  // One menu button instead of a row of links; arrows, Home/End, Esc.
  const button = panel.getByRole('button', { name: 'Actions for “Кайдзио”' });
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Actions for “Кайдзио”' });
  await expect(menu.getByRole('menuitem', { name: 'Add comment' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Link counterpart' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Delete annotation “Кайдзио”' })).toBeFocused();
  await expect(menu.getByRole('menuitemradio', { name: 'Note' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await screenshot(page, 'many-notes-02-card-menu');
  await expectSeriousAxeProblems(page);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Delete annotation “Кайдзио”' })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter'); // Add comment
  await expect(page.getByRole('dialog', { name: /Comment on/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The panels fold away, stay folded after a reload, and a click on a mark unfolds the notes.
  const russianWidth = (await russian.boundingBox())!.width;
  await panel.getByRole('button', { name: 'Hide the notes panel' }).click();
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: 'Hide the library list' })
    .click();
  await expect(panel.getByRole('tab')).toHaveCount(0);
  expect((await russian.boundingBox())!.width).toBeGreaterThan(russianWidth + 150);
  await screenshot(page, 'many-notes-03-panels-folded');
  await page.reload();
  const show = page.getByRole('button', { name: 'Show the notes panel' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Show the library list' })).toBeVisible();
  await expectSeriousAxeProblems(page);
  await russian.locator('mark', { hasText: 'Кайдзио' }).click();
  await expect(panel.getByRole('button', { name: 'Hide the notes panel' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(cardOf(page, 'Кайдзио')).toBeInViewport();
  await page.getByRole('button', { name: 'Show the library list' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /Ciphered Telegram/ }),
  ).toBeVisible();
});
