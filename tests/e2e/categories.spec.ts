// The category palette is the user's: rename, recolour, change a mark's line, add and delete
// (its notes become Notes), every change undoable.
import { expect, screenshot, test } from './support/fixtures';

test('editing the category palette', async ({ page, server }) => {
  await page.goto(server.url);
  const panel = page.getByRole('region', { name: 'Annotations' });
  await panel.getByRole('button', { name: 'Categories…' }).click();
  const palette = page.getByRole('dialog', { name: 'Categories' });
  await expect(palette.getByRole('textbox', { name: 'Name of Question' })).toBeVisible();

  // Rename, recolour and restyle.
  const name = palette.getByRole('textbox', { name: 'Name of Question' });
  await name.fill('Seminar question');
  await name.press('Enter');
  await expect(palette.getByRole('textbox', { name: 'Name of Seminar question' })).toBeVisible();
  // As the native colour picker does: set the value, fire input events.
  await palette.getByRole('textbox', { name: 'Colour of Person' }).evaluate((input) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    for (const colour of ['#aa0000', '#cc79a7']) {
      setValue.call(input, colour);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await palette
    .getByRole('combobox', { name: 'Mark line of Person' })
    .selectOption({ label: 'Wavy line' });
  await expect(palette.getByRole('combobox', { name: 'Mark line of Person' })).toHaveValue('wavy');

  // Add a category, then delete it.
  await palette.getByRole('textbox', { name: 'New category' }).fill('Event');
  await palette.getByRole('button', { name: 'Add category' }).click();
  await expect(palette.getByRole('textbox', { name: 'Name of Event' })).toBeVisible();
  await screenshot(page, 'categories-01-palette');
  await palette.getByRole('button', { name: 'Delete category Event' }).click();
  await expect(palette.getByRole('textbox', { name: 'Name of Event' })).toBeHidden();

  // A duplicate name is refused with the reason.
  await palette.getByRole('textbox', { name: 'New category' }).fill('person');
  await palette.getByRole('button', { name: 'Add category' }).click();
  await expect(palette.getByRole('alert')).toContainText('already a category called “Person”');
  await palette.getByRole('button', { name: 'Done' }).click();
  await expect(palette).toBeHidden();

  // Undo brings back the deleted category; a second undo takes it away again (its creation).
  await page.locator('body').press('Control+z');
  await panel.getByRole('button', { name: 'Categories…' }).click();
  await expect(palette.getByRole('textbox', { name: 'Name of Event' })).toBeVisible();
  await palette.getByRole('button', { name: 'Done' }).click();

  // The renamed category is offered when annotating, and survives a reload.
  await page.reload();
  await page
    .getByRole('region', { name: 'Annotations' })
    .getByRole('button', { name: 'Categories…' })
    .click();
  await expect(palette.getByRole('textbox', { name: 'Name of Seminar question' })).toBeVisible();
  await expect(palette.getByRole('textbox', { name: 'Colour of Person' })).toHaveValue('#cc79a7');
});
