// The historian's first session, as a user: open the app, read the sample telegram aligned,
// highlight and comment on "о перемирии", reload, undo a delete, export her notes.
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './support/fixtures';
import { noteAction } from './support/notes';

const TITLE = 'Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong';

/** Selects `phrase` inside the first passage of `column` that contains it, as a drag would. */
async function selectPhrase(column: Locator, phrase: string): Promise<void> {
  const passage = column.locator('.passage', { hasText: phrase }).first();
  await passage.scrollIntoViewIfNeeded();
  await passage.evaluate((element, text) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
    throw new Error(`“${text}” not found`);
  }, phrase);
}

function columns(page: Page): { russian: Locator; english: Locator } {
  return {
    russian: page.getByRole('region', { name: /Russian/ }),
    english: page.getByRole('region', { name: /English/ }),
  };
}

async function rowOf(passage: Locator): Promise<string | null> {
  return passage.locator('xpath=ancestor::div[contains(@class,"cell")]').getAttribute('data-row');
}

test('a historian reads, highlights, comments, reloads, undoes and exports', async ({
  page,
  server,
}) => {
  await page.goto(server.url);

  // The library holds the bundled sample; it opens at once.
  await expect(
    page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: TITLE }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText('June 30, 1951').first()).toBeVisible();
  await expect(page.getByText(/APRF, f\. 45, op\. 1, d\. 339, ll\. 95-96/).first()).toBeVisible();

  // Russian on the left, English on the right, aligned passages in one row.
  const { russian, english } = columns(page);
  await expect(russian).toBeVisible();
  await expect(english).toBeVisible();
  const ruBox = await russian.boundingBox();
  const enBox = await english.boundingBox();
  expect(ruBox!.x).toBeLessThan(enBox!.x);
  const ruFirst = russian.locator('.passage', { hasText: 'Ваши телеграммы о перемирии получены.' });
  const enFirst = english.locator('.passage', {
    hasText: 'Your telegrams about an armistice have been received.',
  });
  expect(await rowOf(ruFirst)).toBe(await rowOf(enFirst));
  expect(
    Math.abs((await ruFirst.boundingBox())!.y - (await enFirst.boundingBox())!.y),
  ).toBeLessThan(4);
  // English-only header lines stand alone.
  const header = english.locator('.passage', { hasText: 'CIPHERED TELEGRAM No. 3917' });
  const headerRow = await rowOf(header);
  await expect(russian.locator(`.cell[data-row="${headerRow}"]`)).toContainText(
    'No Russian counterpart',
  );

  // Hovering a passage lights up its counterpart.
  await ruFirst.hover();
  await expect(english.locator(`.cell[data-row="${await rowOf(enFirst)}"]`)).toHaveClass(
    /cell-active/,
  );
  await screenshot(page, '01-reader-aligned');

  // Highlight "о перемирии".
  await selectPhrase(russian, 'о перемирии');
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  await expect(toolbar).toBeVisible();
  await screenshot(page, '02-selection-toolbar');
  await toolbar.getByRole('button', { name: /Highlight/ }).click();
  const mark = russian.locator('mark', { hasText: 'о перемирии' }).first();
  await expect(mark).toHaveText('о перемирии');

  // Comment on it, with rich text.
  const panel = page.getByRole('region', { name: 'Annotations' });
  await noteAction(page, 'о перемирии', 'Add comment');
  const dialog = page.getByRole('dialog');
  const editor = dialog.getByRole('textbox', { name: 'Comment' });
  await expect(editor).toBeFocused();
  await editor.pressSequentially('Stalin answers ');
  await dialog.getByRole('button', { name: 'Bold' }).click();
  await editor.pressSequentially('at once');
  await dialog.getByRole('button', { name: 'Bold' }).click();
  await editor.pressSequentially(': the armistice is urgent.');
  await editor.press('Enter');
  await dialog.getByRole('button', { name: 'Bulleted list' }).click();
  await editor.pressSequentially('compare the English “armistice”');
  await screenshot(page, '03-comment-editor');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.locator('strong', { hasText: 'at once' })).toBeVisible();

  // A comment straight from a selection in the English column.
  await selectPhrase(english, 'the bosses of the affair');
  await page
    .getByRole('toolbar', { name: 'Annotate selection' })
    .getByRole('button', { name: /Comment/ })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: 'Comment' })
    .pressSequentially('Better: “masters of the situation”.');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(english.locator('mark', { hasText: 'the bosses of the affair' })).toBeVisible();

  // The panel lists both in text order, with quotes and comments.
  const items = panel.getByRole('listitem').filter({ has: page.locator('.annotation-quote') });
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('о перемирии');
  await expect(items.nth(0)).toContainText('Stalin answers at once');
  await expect(items.nth(1)).toContainText('the bosses of the affair');
  await expect(items.nth(1)).toContainText('masters of the situation');

  // Clicking a note flashes its mark.
  await panel.getByRole('button', { name: 'Show “о перемирии” in the text' }).click();
  await expect(mark).toHaveClass(/flash/);
  await screenshot(page, '04-annotated');

  // Everything persists.
  await page.reload();
  await expect(columns(page).russian.locator('mark', { hasText: 'о перемирии' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Annotations' }).locator('strong', { hasText: 'at once' }),
  ).toBeVisible();

  // Delete, then undo with Ctrl+Z.
  const panelAfter = page.getByRole('region', { name: 'Annotations' });
  await noteAction(
    page,
    'the bosses of the affair',
    'Delete annotation “the bosses of the affair”',
  );
  await expect(columns(page).english.locator('mark')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toBeVisible();
  await page.locator('body').press('Control+z');
  await expect(
    columns(page).english.locator('mark', { hasText: 'the bosses of the affair' }),
  ).toBeVisible();
  await expect(panelAfter.getByText('masters of the situation')).toBeVisible();

  // Export the notes as Markdown.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export notes (Markdown)', exact: true }).click();
  const download = await downloadPromise;
  const markdown = fs.readFileSync((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  expect(markdown).toContain(`# Ciphered Telegram No. 3917, Filippov \\[Stalin\\] to Krasovsky`);
  expect(markdown).toContain('date: "1951-06-30"');
  expect(markdown).toContain('APRF, f. 45, op. 1, d. 339, ll. 95-96');
  expect(markdown).toContain('Record ID');
  expect(markdown).toMatch(/> о перемирии/);
  expect(markdown).toContain('**Language:** Russian (original)');
  expect(markdown).toContain(
    '**Aligned English passage:** Your telegrams about an armistice have been received.',
  );
  expect(markdown).toContain('Stalin answers **at once**: the armistice is urgent.');
  expect(markdown).toContain('- compare the English “armistice”');
  expect(markdown.indexOf('о перемирии')).toBeLessThan(
    markdown.indexOf('the bosses of the affair'),
  );
  await screenshot(page, '05-exported');
});

test('importing: a new record opens, a duplicate is recognised, a bad file is explained', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const input = page.getByLabel('Import record files');

  // The same record again: recognised, not duplicated.
  await input.setInputFiles('resources/sample/wilson-center-110374.txt');
  await expect(
    page.getByRole('status').filter({ hasText: 'already in the library' }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /^(?!(Show|Hide) the )/ }),
  ).toHaveCount(1);

  // A different record.
  const sample = fs.readFileSync('resources/sample/wilson-center-110374.txt', 'utf8');
  const variant = sample
    .replace('Ciphered Telegram No. 3917,', 'Ciphered Telegram No. 3918,')
    .replace(/110374$/, '110375')
    .replace('Ваши телеграммы о перемирии получены.', 'Ваша телеграмма о перемирии получена.');
  await input.setInputFiles({
    name: 'telegram-3918.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(variant),
  });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ciphered Telegram No. 3918');
  await expect(
    page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /^(?!(Show|Hide) the )/ }),
  ).toHaveCount(2);

  // Bad files: an explanation for each, and nothing written.
  await input.setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    {
      name: 'latin1.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0x50, 0xe9, 0x6b, 0x69, 0x6e, 0x67, 0x0a]),
    },
    {
      name: 'image.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    },
  ]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('3 files could not be imported');
  await expect(alert).toContainText('empty.txt: The file is empty.');
  await expect(alert).toContainText('latin1.txt: The file is not UTF-8 text');
  await expect(alert).toContainText('image.png');
  await expect(
    page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /^(?!(Show|Hide) the )/ }),
  ).toHaveCount(2);
  await screenshot(page, '06-import-errors');
});
