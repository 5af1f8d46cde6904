// The historian's second session, as a user: a bilingual translation note, people and a place
// with two spellings, a glossary term found in its inflected forms, a question for students, a
// record note citing a note, a corrected typo (undone and redone), an orphan re-attached, the
// keyboard throughout — and an accessibility check of the reader with annotations open.
import { seriousAccessibilityProblems } from './support/axe';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './support/fixtures';
import { noteAction } from './support/notes';

async function selectPhrase(column: Locator, phrase: string, nth = 0): Promise<void> {
  const passage = column.locator('.passage', { hasText: phrase }).nth(nth);
  await passage.scrollIntoViewIfNeeded();
  await passage.evaluate((element, text) => {
    const full = element.textContent ?? '';
    const at = full.indexOf(text);
    if (at < 0) throw new Error(`“${text}” not found`);
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0;
    let started = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent!.length;
      if (!started && at <= offset + length) {
        range.setStart(node, at - offset);
        started = true;
      }
      if (started && at + text.length <= offset + length) {
        range.setEnd(node, at + text.length - offset);
        break;
      }
      offset += length;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, phrase);
  await expect(column.page().getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
}

function columns(page: Page) {
  return {
    russian: page.getByRole('region', { name: /Russian/ }),
    english: page.getByRole('region', { name: /English/ }),
    panel: page.getByRole('region', { name: 'Annotations' }),
  };
}

test('a historian annotates in depth and her notes survive a corrected transcription', async ({
  page,
  server,
}) => {
  // A whole session of some forty steps, with an axe scan: on a busy two-core machine it can
  // take longer than the default minute.
  test.slow();
  await page.goto(server.url);
  const { russian, english, panel } = columns(page);
  await expect(russian).toBeVisible();

  // A bilingual translation note: select, L, select the counterpart, L.
  await selectPhrase(russian, 'хозяевами дела');
  await page.keyboard.press('l');
  await expect(
    page.getByRole('status').filter({ hasText: 'Select the counterpart' }),
  ).toBeVisible();
  await selectPhrase(english, 'the bosses of the affair');
  await page.keyboard.press('l');
  const ruMark = russian.locator('mark', { hasText: 'хозяевами дела' });
  const enMark = english.locator('mark', { hasText: 'the bosses of the affair' });
  await expect(ruMark).toBeVisible();
  await expect(enMark).toBeVisible();
  expect(await ruMark.getAttribute('data-annotations')).toBe(
    await enMark.getAttribute('data-annotations'),
  );
  // Hovering one lights the other.
  await ruMark.hover();
  await expect(enMark).toHaveClass(/mark-lit/);
  await page.mouse.move(5, 5);

  // Its comment, type and tag.
  await noteAction(page, 'хозяевами дела / the bosses of the affair', 'Add comment');
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('textbox', { name: 'Comment' })
    .pressSequentially("more like 'masters of the situation'");
  await dialog.getByLabel('Category').selectOption({ label: 'Translation issue' });
  await dialog.getByLabel('Translation note').selectOption({ label: 'Rendering choice' });
  await dialog.getByRole('combobox', { name: 'Add a tag' }).fill('idiom');
  await dialog.getByRole('combobox', { name: 'Add a tag' }).press('Enter');
  await screenshot(page, '10-translation-note-dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const note = panel.locator('.annotation-item', { hasText: 'хозяевами дела' });
  await expect(note).toContainText('Russian + English · Translation issue · Rendering choice');
  await expect(note).toContainText('idiom');

  // People: 2 marks as Person, then one entity with both spellings.
  await selectPhrase(russian, 'Ким Ир Сен', 1);
  await page.keyboard.press('2');
  await expect(russian.locator('mark', { hasText: /^Ким Ир Сен$/ })).toBeVisible();
  await selectPhrase(english, 'KIM IL SUNG', 1);
  await page.keyboard.press('2'); // a category is for one highlight; Person again
  await expect(panel.locator('.annotation-item', { hasText: 'KIM IL SUNG' })).toContainText(
    'English · Person',
  );
  await noteAction(page, 'Ким Ир Сен', 'Person or place…');
  await panel.getByRole('textbox', { name: /Names/ }).fill('Ким Ир Сен, KIM IL SUNG');
  await panel.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(panel.getByRole('form', { name: /^Person, place or organisation/ })).toHaveCount(0);
  await noteAction(page, 'KIM IL SUNG', 'Person or place…');
  await panel
    .getByRole('combobox', { name: 'Names' })
    .selectOption({ label: 'Person: Ким Ир Сен / KIM IL SUNG' });
  await panel.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(panel.locator('.annotation-item', { hasText: 'KIM IL SUNG' })).toContainText(
    'Person · Ким Ир Сен',
  );

  // A place spelled two ways is one place.
  await selectPhrase(russian, 'Кайдзио');
  await page.keyboard.press('3');
  await selectPhrase(english, 'Gaeseong');
  await page.keyboard.press('3');
  await noteAction(page, 'Кайдзио', 'Person or place…');
  await panel.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(panel.getByRole('form', { name: /^Person, place or organisation/ })).toHaveCount(0);
  await noteAction(page, 'Gaeseong', 'Person or place…');
  await panel.getByRole('combobox', { name: 'Names' }).selectOption({ label: 'Place: Кайдзио' });
  await panel.getByRole('button', { name: 'Link', exact: true }).click();
  await panel.getByRole('tab', { name: 'People & places' }).click();
  const place = panel.locator('.entity', { hasText: 'Place' });
  await expect(place).toContainText('Кайдзио / Gaeseong');
  await expect(place.getByRole('button', { name: 'Show mention “Gaeseong”' })).toBeVisible();
  await expect(panel.locator('.entity', { hasText: 'Person' })).toContainText(
    'Ким Ир Сен / KIM IL SUNG',
  );
  await screenshot(page, '11-people-and-places');

  // The glossary finds the term in its inflected forms.
  await panel.getByRole('tab', { name: 'Glossary' }).click();
  await panel.getByRole('textbox', { name: /Term/ }).fill('перемирие');
  await panel.getByRole('textbox', { name: /Rendering/ }).fill('armistice');
  await panel.getByRole('button', { name: 'Add to glossary' }).click();
  const entry = panel.locator('.glossary-entry', { hasText: 'перемирие' });
  await expect(entry).toContainText('→ armistice');
  await expect(entry.getByRole('button', { name: /Show “перемирии”/ }).first()).toBeVisible();
  await entry
    .getByRole('button', { name: /Show “перемирия”/ })
    .first()
    .click();
  // The row is drawn first if need be, then the occurrence is selected.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('перемирия');
  await screenshot(page, '12-glossary');

  // A question for her students on a sentence.
  await panel.getByRole('tab', { name: 'Notes' }).click();
  await selectPhrase(russian, 'Это, конечно, немыслимо и не нужно.');
  await page.keyboard.press('8');
  await noteAction(page, 'Это, конечно, немыслимо и не нужно.', 'Add comment');
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: 'Comment' })
    .pressSequentially('Why does Stalin refuse to lead?');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  const question = panel.locator('.annotation-item', { hasText: 'немыслимо' });
  await expect(question).toContainText('Russian · Question');
  // A follow-up entry under it.
  await question.getByRole('button', { name: /^Reply to/ }).click();
  await question
    .getByRole('textbox', { name: 'Reply' })
    .pressSequentially('Compare his telegram of 5 July.');
  await question.getByRole('button', { name: 'Save reply' }).click();
  await expect(question.getByRole('list', { name: /Replies/ })).toContainText(
    'Compare his telegram of 5 July.',
  );

  // Filters: people only.
  await panel.getByLabel('Category').selectOption({ label: 'Person' });
  await expect(panel.locator('.annotation-item')).toHaveCount(2);
  await panel.getByLabel('Category').selectOption({ label: 'All' });

  // J and K walk the notes in text order.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('j'); // from the last note made, round to the first in text order
  await expect(page.locator('mark:focus')).toHaveText('Кайдзио');
  await page.keyboard.press('j');
  await expect(page.locator('mark:focus')).toHaveText(/хозяевами дела/);
  await page.keyboard.press('k');
  await expect(page.locator('mark:focus')).toHaveText('Кайдзио');

  // The record note cites a note; the citation jumps to the span.
  await panel.getByRole('tab', { name: 'Record note' }).click();
  const essay = panel.getByRole('textbox', { name: 'Record note' });
  await essay.pressSequentially('Stalin leaves the talks to Mao; see ');
  await panel.getByLabel('Cite a note').selectOption({ label: 'Кайдзио' });
  await panel.getByRole('button', { name: 'Insert citation' }).click();
  await expect(panel.getByText('All changes saved')).toBeVisible();
  // The jump makes the span flash; the flash lasts a moment, so it is watched for, not polled.
  await russian.locator('mark', { hasText: 'Кайдзио' }).evaluate((mark) => {
    const seen = window as unknown as { flashed?: boolean };
    seen.flashed = false;
    new MutationObserver(() => {
      if (mark.classList.contains('flash')) seen.flashed = true;
    }).observe(mark, { attributes: true, attributeFilter: ['class'] });
  });
  await panel.locator('a', { hasText: '“Кайдзио”' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { flashed?: boolean }).flashed))
    .toBe(true);
  await screenshot(page, '13-record-note');

  // Accessibility of the reader with annotations open.
  await panel.getByRole('tab', { name: 'Notes' }).click();
  expect(await seriousAccessibilityProblems(page)).toEqual([]);

  // Correct a typo in the transcription: the notes follow the words.
  await selectPhrase(russian, 'Имейте в виду');
  await page.keyboard.press('e');
  const editor = page.getByRole('dialog').getByRole('textbox', { name: 'Passage text' });
  const original = await editor.inputValue();
  await editor.fill(
    original
      .replace('Имейте в виду', 'Имейте, пожалуйста, в виду')
      .replace('района Кайдзио', 'района Кайдзио'),
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Save text' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Text corrected' })).toBeVisible();
  await expect(
    russian.locator('.passage', { hasText: 'Имейте, пожалуйста, в виду' }),
  ).toBeVisible();
  await expect(ruMark).toHaveText('хозяевами дела');
  await expect(russian.locator('mark', { hasText: 'Кайдзио' }).first()).toBeVisible();
  await page.locator('body').press('Control+z');
  await expect(russian.locator('.passage', { hasText: 'Имейте в виду' })).toBeVisible();
  await expect(ruMark).toHaveText('хозяевами дела');
  await page.locator('body').press('Control+Shift+z');
  await expect(
    russian.locator('.passage', { hasText: 'Имейте, пожалуйста, в виду' }),
  ).toBeVisible();

  // An edit that removes a marked word: the note is listed as needing re-attachment, then re-attached.
  await selectPhrase(russian, 'Имейте, пожалуйста');
  await page.keyboard.press('e');
  const text = await editor.inputValue();
  await editor.fill(text.replace('в районе Кайдзио', 'в районе Кэсона'));
  await page.getByRole('dialog').getByRole('button', { name: 'Save text' }).click();
  await expect(page.getByRole('status').filter({ hasText: /needs? re-attaching/ })).toBeVisible();
  await panel.getByRole('checkbox', { name: /Needs re-attaching/ }).check();
  const orphan = panel.locator('.annotation-item');
  await expect(orphan).toHaveCount(1);
  await expect(orphan).toContainText('Кайдзио');
  await screenshot(page, '14-orphan-listed');
  await noteAction(page, 'Кайдзио', 'Re-attach “Кайдзио”');
  await selectPhrase(russian, 'Кэсона');
  await page.keyboard.press('l');
  await expect(russian.locator('mark', { hasText: 'Кэсона' })).toBeVisible();
  await expect(panel.locator('.annotation-item')).toHaveCount(0);
  await panel.getByRole('checkbox', { name: /Needs re-attaching/ }).uncheck();
  await screenshot(page, '15-reattached');

  // Everything is still there after a reload.
  await page.reload();
  await expect(
    columns(page).english.locator('mark', { hasText: 'the bosses of the affair' }),
  ).toBeVisible();
  await expect(columns(page).panel.locator('.annotation-item')).toHaveCount(6);
});
