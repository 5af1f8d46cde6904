// A note card's actions live in its menu (⋯): open it by its name, choose an item by its name.
import type { Page } from '@playwright/test';

/** Opens the action menu of the note quoting `quote` and runs the item named `item`. */
export async function noteAction(
  page: Page,
  quote: string,
  item: string | RegExp,
  role: 'menuitem' | 'menuitemradio' = 'menuitem',
): Promise<void> {
  const panel = page.getByRole('region', { name: 'Annotations' });
  await panel.getByRole('button', { name: `Actions for “${quote}”`, exact: true }).click();
  const menu = page.getByRole('menu', { name: `Actions for “${quote}”`, exact: true });
  await menu.getByRole(role, { name: item, exact: typeof item === 'string' }).click();
}
