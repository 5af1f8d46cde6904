// "Copy citation" puts the record's full citation on the clipboard, and says so when the
// clipboard refuses (the desktop app once denied it silently: the button did nothing).
import { expect, screenshot, test } from './support/fixtures';

test('Copy citation puts the full citation on the clipboard', async ({ page, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'About this record' }).click();
  const citation = page.locator('.citation-text');
  await expect(citation).toContainText('Digital Archive, Wilson Center');
  await page.getByRole('button', { name: 'Copy citation' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await citation.innerText());
  await expect(page.getByRole('button', { name: 'Copy citation' })).toBeVisible({ timeout: 5000 });
});

test('a clipboard that refuses is reported, not ignored', async ({ page, server }) => {
  // As Electron answers when the permission is denied.
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () =>
      Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'About this record' }).click();
  await page.getByRole('button', { name: 'Copy citation' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'The citation could not be copied: select it and press Ctrl+C.',
  );
  await expect(page.getByRole('button', { name: 'Copy citation' })).toBeVisible();
  await screenshot(page, 'citation-copy-refused');
});
