// Drafts survive: a comment, a reply and the record note reloaded in the middle of writing come
// back with every word; the window asks before it goes; a saved or discarded draft is gone
// (issue 9, item 4).
import type { Dialog, Page } from '@playwright/test';
import { expect, screenshot, test } from './support/fixtures';
import { selectWithMouse } from './support/text';

const COMMENT =
  'Stalin hands the talks to Mao and Kim; compare the Soviet draft reply of 29 June, point 3.';

/** Reloads the page as a user would, accepting the "leave the page?" question; returns its kind. */
async function reloadAccepting(page: Page): Promise<string[]> {
  const asked: string[] = [];
  const onDialog = (dialog: Dialog): void => {
    asked.push(dialog.type());
    void dialog.accept();
  };
  page.on('dialog', onDialog);
  await page.reload();
  page.off('dialog', onDialog);
  return asked;
}

test('a comment reloaded in the middle of writing comes back, and is saved once', async ({
  page,
  server,
}) => {
  test.slow(); // ninety characters typed at a human pace
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });
  const panel = page.getByRole('region', { name: 'Annotations' });
  await selectWithMouse(page, russian, 'о перемирии');
  await page.keyboard.press('c');
  let dialog = page.getByRole('dialog', { name: /Comment on/ });
  const editor = dialog.getByRole('textbox', { name: 'Comment' });
  await editor.pressSequentially(COMMENT, { delay: 250 });
  await dialog.getByLabel('Category').selectOption({ label: 'Question' });

  // The reload asks first; going ahead loses nothing.
  expect(await reloadAccepting(page)).toEqual(['beforeunload']);
  dialog = page.getByRole('dialog', { name: 'Comment on о перемирии' });
  await expect(dialog.getByRole('textbox', { name: 'Comment' })).toHaveText(COMMENT);
  await expect(dialog.getByLabel('Category')).toHaveValue('question');
  await expect(dialog.getByText('kept as a draft')).toBeVisible();
  await screenshot(page, 'drafts-01-comment-restored');

  // Saving it makes exactly one note, and the draft is gone.
  await dialog.getByRole('textbox', { name: 'Comment' }).press('Control+Enter');
  await expect(dialog).toBeHidden();
  const note = panel.getByRole('button', { name: 'Show “о перемирии” in the text' });
  await expect(note).toHaveCount(1);
  expect(await reloadAccepting(page)).toEqual([]);
  await expect(note).toHaveCount(1);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(panel.getByText(COMMENT)).toHaveCount(1);
});

test('a reply and the record note reloaded mid-sentence come back', async ({ page, server }) => {
  test.slow();
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });
  const panel = page.getByRole('region', { name: 'Annotations' });
  await selectWithMouse(page, russian, 'Ким Ир Сеном');
  await page.keyboard.press('h');
  const card = panel.getByRole('listitem').filter({
    has: page.getByRole('button', { name: 'Show “Ким Ир Сеном” in the text' }),
  });
  await card.getByRole('button', { name: 'Reply to “Ким Ир Сеном”' }).click();
  await card
    .getByRole('textbox', { name: 'Reply' })
    .pressSequentially('Kim signs first', { delay: 250 });

  expect(await reloadAccepting(page)).toEqual(['beforeunload']);
  const reply = card.getByRole('textbox', { name: 'Reply' });
  await expect(reply).toHaveText('Kim signs first');
  await screenshot(page, 'drafts-02-reply-restored');
  await reply.press('End');
  await reply.pressSequentially(', then Peng.', { delay: 100 });
  await reply.press('Control+Enter');
  const replies = card.getByRole('list', { name: 'Replies to “Ким Ир Сеном”' });
  await expect(replies.getByRole('listitem')).toHaveCount(1);
  await expect(replies).toContainText('Kim signs first, then Peng.');

  // The record note: typed, and the window reloaded at once.
  await panel.getByRole('tab', { name: 'Record note' }).click();
  await panel
    .getByRole('textbox', { name: 'Record note' })
    .pressSequentially('Who signs matters', { delay: 150 });
  await reloadAccepting(page);
  await panel.getByRole('tab', { name: 'Record note' }).click();
  await expect(panel.getByRole('textbox', { name: 'Record note' })).toHaveText('Who signs matters');

  // Nothing was left behind: a reload now asks nothing and opens no editor.
  expect(await reloadAccepting(page)).toEqual([]);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(card.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
  await expect(replies.getByRole('listitem')).toHaveCount(1);
});

test('a discarded comment stays discarded; drafts from two tabs both come back', async ({
  page,
  server,
  context,
}) => {
  test.slow();
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });

  await selectWithMouse(page, russian, 'о перемирии');
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: /Comment on/ });
  await dialog
    .getByRole('textbox', { name: 'Comment' })
    .pressSequentially('Not this', { delay: 100 });
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  expect(await reloadAccepting(page)).toEqual([]);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Two tabs on the record, each with a comment half written, both closed.
  const url = page.url();
  const second = await context.newPage();
  await second.goto(url);
  for (const [tab, phrase, words] of [
    [page, 'Ким Ир Сеном', 'First thought'],
    [second, 'Пэн Дэхуаем', 'Second thought'],
  ] as const) {
    await selectWithMouse(tab, tab.getByRole('region', { name: /Russian/ }), phrase);
    await tab.keyboard.press('c');
    await tab
      .getByRole('dialog', { name: /Comment on/ })
      .getByRole('textbox', { name: 'Comment' })
      .pressSequentially(words, { delay: 100 });
    tab.once('dialog', (question) => void question.accept());
    await tab.close({ runBeforeUnload: true });
    await tab.waitForEvent('close');
  }

  // The newest comes back in its dialog; the other waits in the Notes tab.
  const again = await context.newPage();
  await again.goto(url);
  const reopened = again.getByRole('dialog', { name: /Comment on/ });
  await expect(reopened).toHaveAccessibleName('Comment on Пэн Дэхуаем');
  await expect(reopened.getByRole('textbox', { name: 'Comment' })).toHaveText('Second thought');
  await reopened.getByRole('button', { name: 'Save' }).click();
  await expect(reopened).toBeHidden();
  const notes = again.getByRole('region', { name: 'Annotations' });
  const waiting = notes.getByRole('region', { name: 'Unsaved comments' });
  await waiting.getByRole('button', { name: 'Resume the comment on “Ким Ир Сеном”' }).click();
  await expect(reopened.getByRole('textbox', { name: 'Comment' })).toHaveText('First thought');
  await reopened.getByRole('button', { name: 'Save' }).click();
  await expect(reopened).toBeHidden();
  await expect(waiting).toHaveCount(0);
  await expect(notes.getByRole('button', { name: /^Show “/ })).toHaveCount(2);
  await again.close();
});
