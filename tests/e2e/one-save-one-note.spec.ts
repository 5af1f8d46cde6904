// One save is one note: a comment typed slowly and saved with Ctrl+Enter becomes exactly one
// note, a reply exactly one reply, however many edits the typing made (issue 9, item 1).
import { expect, screenshot, test } from './support/fixtures';
import { selectWithMouse } from './support/text';

test('Ctrl+Enter after slow typing saves exactly one note and exactly one reply', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });
  const panel = page.getByRole('region', { name: 'Annotations' });
  const saved: string[] = [];
  page.on('request', (request) => {
    const method = /\/api\/(annotations\.(create|addReply))$/.exec(request.url())?.[1];
    if (method) saved.push(method);
  });

  await selectWithMouse(page, russian, 'о перемирии');
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: /Comment on/ });
  const editor = dialog.getByRole('textbox', { name: 'Comment' });
  await expect(editor).toBeFocused();
  await editor.pressSequentially('Tass', { delay: 250 });
  await editor.press('Control+Enter');
  await expect(dialog).toBeHidden();

  const note = panel.getByRole('button', { name: 'Show “о перемирии” in the text' });
  await expect(note).toHaveCount(1);
  // Copies were written within half a second of the key: wait well past that, then count.
  await page.waitForTimeout(1500);
  expect(saved).toEqual(['annotations.create']);
  await expect(note).toHaveCount(1);

  // A reply typed slowly, saved with Ctrl+Enter.
  const card = panel.getByRole('listitem').filter({
    has: page.getByRole('button', { name: 'Show “о перемирии” in the text' }),
  });
  await card.getByRole('button', { name: 'Reply to “о перемирии”' }).click();
  const reply = card.getByRole('textbox', { name: 'Reply' });
  await reply.pressSequentially('Checked in the archive', { delay: 250 });
  await reply.press('Control+Enter');
  const replies = card.getByRole('list', { name: 'Replies to “о перемирии”' });
  await expect(replies.getByRole('listitem')).toHaveCount(1);
  await page.waitForTimeout(1500);
  expect(saved).toEqual(['annotations.create', 'annotations.addReply']);

  // What the library holds, read back after a reload.
  await page.reload();
  await expect(note).toHaveCount(1);
  await expect(panel.getByText('Tass', { exact: true })).toHaveCount(1);
  await expect(replies.getByRole('listitem')).toHaveCount(1);
  await expect(replies).toContainText('Checked in the archive');
  await screenshot(page, 'one-save-01-note-and-reply');
});
