// The comment editor from the keyboard: C on a selection opens it, formatting and a link go in,
// Ctrl+Enter saves; H highlights. What the panel shows is rendered from the stored comment.
import type { Locator } from '@playwright/test';
import { expect, screenshot, test } from './support/fixtures';

async function select(column: Locator, phrase: string): Promise<void> {
  await column
    .locator('.passage', { hasText: phrase })
    .first()
    .evaluate((element, text) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`“${text}” not found`);
    }, phrase);
}

test('keyboard: H highlights, C comments with a link, Ctrl+Enter saves', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });
  const english = page.getByRole('region', { name: /English/ });

  await select(russian, 'Ким Ир Сеном');
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
  await page.keyboard.press('h');
  await expect(russian.locator('mark', { hasText: 'Ким Ир Сеном' })).toBeVisible();

  await select(english, 'Gaeseong [Kaesong]');
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog');
  const editor = dialog.getByRole('textbox', { name: 'Comment' });
  await expect(editor).toBeFocused();
  await editor.pressSequentially('See the map of Kaesong');
  // Select the last word and make it a link.
  for (let i = 0; i < 'Kaesong'.length; i++) await editor.press('Shift+ArrowLeft');
  await dialog.getByRole('button', { name: 'Link' }).click();
  const address = dialog.getByRole('textbox', { name: 'Link address' });
  await address.fill('en.wikipedia.org/wiki/Kaesong');
  await address.press('Enter');
  await expect(dialog.getByRole('link', { name: 'Kaesong' })).toBeVisible();
  await screenshot(page, '07-comment-link');
  await editor.press('Control+Enter');
  await expect(dialog).toBeHidden();

  const panel = page.getByRole('region', { name: 'Annotations' });
  const link = panel.getByRole('link', { name: 'Kaesong' });
  await expect(link).toHaveAttribute('href', 'https://en.wikipedia.org/wiki/Kaesong');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(english.locator('mark', { hasText: 'Gaeseong [Kaesong]' })).toBeVisible();
  // Exactly one note each: the highlight and the comment.
  await expect(panel.getByRole('button', { name: /^Show “/ })).toHaveCount(2);
});

test('closing the editor with unsaved words asks first', async ({ page, server }) => {
  await page.goto(server.url);
  await select(page.getByRole('region', { name: /Russian/ }), 'перемирии');
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Comment' }).pressSequentially('Half a thought');
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('Discard this unsaved comment?')).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Comment' })).toContainText('Half a thought');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(
    0,
  );
});
