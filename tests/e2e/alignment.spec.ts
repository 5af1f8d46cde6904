// Correcting the alignment as a user: with the mouse, with the keyboard, in the sentence view,
// with undo; a doubtful row found and explained; a record of 5,000 sentence pairs read to its
// end. Assertions are about behaviour, never timing.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { longRecord } from '../../bench/long-record';
import { SAMPLE, expect, screenshot, test, tempDir } from './support/fixtures';

function columns(page: Page): { russian: Locator; english: Locator } {
  return {
    russian: page.getByRole('region', { name: /Russian/ }),
    english: page.getByRole('region', { name: /English/ }),
  };
}

function passage(column: Locator, text: string): Locator {
  return column.locator('.passage', { hasText: text }).first();
}

/** The aligned row a passage (or sentence) sits in. */
async function rowOf(unit: Locator): Promise<string | null> {
  return unit.locator('xpath=ancestor::div[contains(@class,"cell")]').getAttribute('data-row');
}

function cellOf(unit: Locator): Locator {
  return unit.locator('xpath=ancestor::div[contains(@class,"cell")]');
}

function tools(page: Page): Locator {
  return page.getByRole('group', { name: 'Reader' });
}

/** Selects `phrase` inside the first element of `scope` that holds it, as a drag would. */
async function selectPhrase(scope: Locator, phrase: string): Promise<void> {
  await scope.scrollIntoViewIfNeeded();
  await scope.evaluate((element, text) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`“${text}” not found`);
  }, phrase);
}

const RU_ADVICE = 'По нашему мнению, надо немедленно';
const RU_SEND = 'Пошлите Риджуэю сегодня же';
const EN_ADVICE = 'In our opinion it is necessary';
const EN_SEND = 'Send to Ridgway today';

test('correcting the alignment with the mouse, undoing and redoing', async ({ page, server }) => {
  await page.goto(server.url);
  const { russian, english } = columns(page);
  const bar = tools(page);
  await expect(passage(russian, RU_ADVICE)).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Paragraphs' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // Reading: the rows switch, the record's actions (About, Edit details, Export notes) and
  // "Correct alignment"; no correction tool shows until that is pressed.
  await expect(bar.getByRole('button')).toHaveCount(6);
  for (const name of [/^Merge/, /^Split/, /^Move up/, /^Re-align/, /^Next/]) {
    await expect(bar.getByRole('button', { name })).toHaveCount(0);
  }
  await bar.getByRole('button', { name: 'Correct alignment' }).click();
  await expect(bar.getByRole('button', { name: 'Correct alignment' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(bar).toContainText('0 low-confidence rows');

  // Choose a row by clicking a passage: the toolbar says which row it is.
  await passage(russian, RU_ADVICE).click();
  await expect(bar).toContainText('Row 6 of 19');

  // Merge it with the next row: both passages of each language now share one confirmed row.
  await bar.getByRole('button', { name: 'Merge with the next row' }).click();
  await expect(page.getByRole('status')).toContainText('Merge rows 6 and 7. Ctrl+Z undoes.');
  await expect
    .poll(() => rowOf(passage(russian, RU_SEND)))
    .toBe(await rowOf(passage(russian, RU_ADVICE)));
  expect(await rowOf(passage(english, EN_SEND))).toBe(await rowOf(passage(russian, RU_ADVICE)));
  await expect(cellOf(passage(russian, RU_ADVICE))).toHaveClass(/cell-confirmed/);
  await expect(bar).toContainText('Row 6 of 18 · confirmed by you');
  await screenshot(page, 'alignment-01-merged');

  // Split it again before "Пошлите…": each language is cut at the matching passage.
  await passage(russian, RU_SEND).click();
  await bar.getByRole('button', { name: /^Split the row here/ }).click();
  await expect(page.getByRole('status')).toContainText('Split row 6');
  await expect.poll(() => rowOf(passage(russian, RU_SEND))).toBe('6');
  expect(await rowOf(passage(english, EN_SEND))).toBe('6');
  expect(await rowOf(passage(english, EN_ADVICE))).toBe('5');

  // Move "Send to Ridgway…" up into the row above, then down again.
  await passage(english, EN_SEND).click();
  await bar.getByRole('button', { name: /^Move up/ }).click();
  await expect.poll(() => rowOf(passage(english, EN_SEND))).toBe('5');
  await expect(russian.locator('.cell[data-row="6"]')).toBeVisible();
  await expect(english.locator('.cell[data-row="6"]')).toContainText('No English counterpart');
  await bar.getByRole('button', { name: /^Move down/ }).click();
  await expect.poll(() => rowOf(passage(english, EN_SEND))).toBe('6');

  // "Филиппов" has no counterpart, says the historian; re-aligning the rest keeps that.
  await passage(russian, 'Филиппов').click();
  await bar.getByRole('button', { name: /^No counterpart/ }).click();
  // The rows are drawn again once the change is stored: read Филиппов's row as it settles.
  const counterpartOfFilippov = async (): Promise<string | null> => {
    const row = await rowOf(passage(russian, 'Филиппов'));
    return english.locator(`.cell[data-row="${row}"]`).textContent();
  };
  await expect.poll(counterpartOfFilippov).toContain('No English counterpart');
  await bar.getByRole('button', { name: /^Re-align the rest/ }).click();
  await expect(page.getByRole('status')).toContainText('Re-align the unconfirmed paragraph rows');
  await expect.poll(counterpartOfFilippov).toContain('No English counterpart');
  await expect(cellOf(passage(russian, 'Филиппов'))).toHaveClass(/cell-confirmed/);
  await screenshot(page, 'alignment-02-no-counterpart');

  // Undo twice: Филиппов pairs with FILIPPOV again. Redo once: alone again.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toContainText('Undone: Re-align');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toContainText('Undone: Mark original passage 12');
  await expect
    .poll(() => rowOf(passage(english, 'FILIPPOV [Stalin]')))
    .toBe(await rowOf(passage(russian, 'Филиппов')));
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('status')).toContainText('Redone: Mark original passage 12');
  await expect
    .poll(
      async () =>
        (await rowOf(passage(english, 'FILIPPOV [Stalin]'))) !==
        (await rowOf(passage(russian, 'Филиппов'))),
    )
    .toBe(true);

  // Everything is stored: after a reload the corrections are still there.
  await page.reload();
  const after = columns(page);
  await expect(cellOf(passage(after.russian, 'Филиппов'))).toHaveClass(/cell-confirmed/);
  expect(await rowOf(passage(after.english, 'FILIPPOV [Stalin]'))).not.toBe(
    await rowOf(passage(after.russian, 'Филиппов')),
  );
  expect(await rowOf(passage(after.english, EN_SEND))).toBe(
    await rowOf(passage(after.russian, RU_SEND)),
  );
});

test('correcting the alignment with the keyboard, in both views', async ({ page, server }) => {
  await page.goto(server.url);
  const { russian, english } = columns(page);
  const bar = tools(page);
  await expect(passage(russian, RU_ADVICE)).toBeVisible();

  // Into the text and down the Russian column with the arrow keys.
  await passage(russian, '[…]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(passage(russian, RU_ADVICE)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(passage(english, EN_ADVICE)).toBeFocused();

  // While reading, M changes nothing and says how to start correcting; A starts.
  await page.keyboard.press('m');
  await expect(page.getByRole('status')).toContainText('press A (Correct alignment) first');
  expect(await rowOf(passage(english, EN_SEND))).not.toBe(await rowOf(passage(english, EN_ADVICE)));
  await page.keyboard.press('a');
  await expect(bar.getByRole('button', { name: 'Correct alignment' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // M merges the row with the next; focus stays on the passage.
  await page.keyboard.press('m');
  await expect
    .poll(() => rowOf(passage(english, EN_SEND)))
    .toBe(await rowOf(passage(english, EN_ADVICE)));
  await expect(passage(english, EN_ADVICE)).toBeFocused();

  // Alt+↓ on the last English passage of the row moves it down into the next row.
  await page.keyboard.press('ArrowDown');
  await expect(passage(english, EN_SEND)).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect
    .poll(() => rowOf(passage(english, EN_SEND)))
    .toBe(await rowOf(passage(russian, '«Главнокомандующему войсками ООН')));
  // A correction that makes no sense is refused with the reason.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('alert')).toContainText('Only the last translation passage');
  // Undo the move with Ctrl+Z; Y confirms the row; N gives a passage a row of its own.
  await page.keyboard.press('Control+z');
  await expect
    .poll(() => rowOf(passage(english, EN_SEND)))
    .toBe(await rowOf(passage(english, EN_ADVICE)));
  await passage(english, 'Your telegrams about an armistice').focus();
  await page.keyboard.press('y');
  await expect(cellOf(passage(english, 'Your telegrams about an armistice'))).toHaveClass(
    /cell-confirmed/,
  );
  await page.keyboard.press('n');
  await expect(
    russian.locator(`.cell[data-row="${await rowOf(passage(english, 'Your telegrams about'))}"]`),
  ).toContainText('No Russian counterpart');
  await page.keyboard.press('Control+z');
  await expect
    .poll(() => rowOf(passage(russian, 'Ваши телеграммы')))
    .toBe(await rowOf(passage(english, 'Your telegrams about')));

  // V switches to the sentence view: the focus stays where it was.
  await page.keyboard.press('v');
  await expect(bar.getByRole('button', { name: 'Sentences' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('.aligned[data-level="sentence"]')).toBeVisible();
  await expect(passage(english, 'Your telegrams about an armistice')).toBeFocused();
  // Down to "This communication must be signed…" and merge it with the next sentence row.
  const signed = passage(english, 'This communication must be signed');
  const ifNot = passage(english, 'If there is no signature');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(signed).toBeFocused();
  expect(await rowOf(signed)).not.toBe(await rowOf(ifNot));
  await page.keyboard.press('m');
  await expect.poll(() => rowOf(ifNot)).toBe(await rowOf(signed));
  await expect(russian.locator(`.cell[data-row="${await rowOf(signed)}"] .passage`)).toHaveCount(2);
  await expect(cellOf(signed)).toHaveClass(/cell-confirmed/);
  await screenshot(page, 'alignment-03-sentences-merged');
  // A sentence row cannot reach into another paragraph row: refused with the reason.
  await passage(english, EN_SEND).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('alert')).toContainText('different paragraph rows');
  // Undo the sentence merge.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await rowOf(ifNot)) !== (await rowOf(signed))).toBe(true);

  // Quick presses queue up: M M merges three sentence rows, then one Ctrl+Z per merge.
  const demand = passage(english, 'It is necessary to demand');
  const decisively = passage(english, 'It is necessary decisively');
  const keep = passage(english, 'Keep in mind that');
  await decisively.focus();
  await page.keyboard.press('m');
  await page.keyboard.press('m');
  await expect.poll(() => rowOf(keep)).toBe(await rowOf(decisively));
  expect(await rowOf(demand)).toBe(await rowOf(decisively));
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await rowOf(demand)) !== (await rowOf(decisively))).toBe(true);
  expect(await rowOf(keep)).not.toBe(await rowOf(demand));

  // Back to paragraphs with V: the paragraph rows are as they were.
  await signed.focus();
  await page.keyboard.press('v');
  await expect(page.locator('.aligned[data-level="paragraph"]')).toBeVisible();
  expect(await rowOf(passage(english, EN_SEND))).toBe(await rowOf(passage(english, EN_ADVICE)));

  // Esc goes back to reading: the tools hide, the key changes nothing again.
  await passage(english, EN_ADVICE).focus();
  await page.keyboard.press('Escape');
  await expect(bar.getByRole('button', { name: 'Correct alignment' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(bar.getByRole('button', { name: /^Merge/ })).toHaveCount(0);
});

test('annotating in the sentence view marks exactly the selected characters', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  const { russian } = columns(page);
  await tools(page).getByRole('button', { name: 'Sentences' }).click();
  const sentence = russian.locator('.passage', { hasText: 'Имейте в виду' });
  await expect(sentence).toHaveText(/^Имейте в виду, что в настоящее время/);
  // A phrase in the fifth sentence of its paragraph: its passage offsets are far from 0.
  await selectPhrase(sentence, 'хозяевами дела перемирия');
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
  await page.keyboard.press('h');
  await expect(russian.locator('mark')).toHaveText(['хозяевами дела перемирия']);
  await screenshot(page, 'alignment-04-sentence-mark');

  // In the paragraph view the mark covers the same characters of the whole passage.
  await tools(page).getByRole('button', { name: 'Paragraphs' }).click();
  await expect(page.locator('.aligned[data-level="paragraph"]')).toBeVisible();
  await expect(russian.locator('mark')).toHaveText(['хозяевами дела перемирия']);
  await expect(
    page.getByRole('region', { name: 'Annotations' }).getByText('хозяевами дела перемирия'),
  ).toBeVisible();
});

// A garbled line between sure rows stays paired, but doubtful: the words of the text's own
// lexicon that only this pair taught do not vouch for it (they once made it 99.9% sure).
test('a doubtful row is flagged with the reason and found with F8', async ({ page, server }) => {
  // The first Russian paragraph garbled in transcription: its row is in doubt.
  const garbled = fs
    .readFileSync(SAMPLE, 'utf8')
    .replace('Ваши телеграммы о перемирии получены.', 'Погода была хорошей.')
    .replace(/110374\s*$/, '110999');
  await page.goto(server.url);
  await page.getByLabel('Import record files').setInputFiles({
    name: 'garbled.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(garbled),
  });
  const { russian, english } = columns(page);
  await expect(passage(russian, 'Погода была хорошей.')).toBeVisible();
  const bar = tools(page);
  const doubtful = cellOf(passage(russian, 'Погода была хорошей.'));
  await expect(doubtful).toHaveClass(/cell-doubtful/);
  await expect(doubtful.locator('.row-doubtful')).toHaveAttribute(
    'title',
    /times as long as usual/,
  );

  // Reading: the row is marked, and nothing of the correction tools shows.
  await expect(bar).not.toContainText('low-confidence');
  await passage(russian, '[…]').focus();
  await page.keyboard.press('a');
  await expect(bar).toContainText('1 low-confidence row');
  await page.keyboard.press('F8');
  await expect(passage(russian, 'Погода была хорошей.')).toBeFocused();
  await expect(bar).toContainText(/Row 5 of 19 · low confidence · The aligner is \d+% sure/);
  // Nothing but the pair itself linked its words: the bar shows no word evidence.
  await expect(bar).not.toContainText(/words \d+\/\d+/);
  await screenshot(page, 'alignment-05-doubtful');
  // The scholar decides that neither line has a counterpart: the flag goes.
  await passage(english, 'Your telegrams about').focus();
  await page.keyboard.press('n');
  await expect(cellOf(passage(english, 'Your telegrams about'))).toHaveClass(/cell-confirmed/);
  await passage(russian, 'Погода была хорошей.').focus();
  await page.keyboard.press('n');
  await expect(bar).toContainText('0 low-confidence rows');
  await expect(cellOf(passage(russian, 'Погода была хорошей.'))).toHaveClass(/cell-confirmed/);
});

test('a record of 5,000 sentence pairs opens and reads to its end', async ({ page, server }) => {
  // Long by nature (every format / a megabyte of text): more time on a busy machine.
  test.slow();
  const long = longRecord(5000);
  const file = path.join(tempDir('long'), 'harvest-reports.txt');
  fs.writeFileSync(file, long.text);
  await page.goto(server.url);
  await page.getByLabel('Import record files').setInputFiles(file);
  // Importing a megabyte of text takes a while on a busy machine; wait for it, whatever it takes.
  await expect(page.getByRole('heading', { level: 1, name: long.title })).toBeVisible({
    timeout: 60_000,
  });
  const { russian, english } = columns(page);
  await expect(passage(russian, long.first.ru)).toBeVisible();
  await expect(passage(english, long.first.en)).toBeVisible();
  expect(await rowOf(passage(russian, long.first.ru))).toBe(
    await rowOf(passage(english, long.first.en)),
  );

  await tools(page).getByRole('button', { name: 'Sentences', exact: true }).click();
  await expect(page.locator('.aligned[data-level="sentence"]')).toBeVisible();
  await expect(russian.locator('.cell[data-row="0"] .passage')).toHaveText(long.first.ru);
  // Only the rows near the viewport are in the page.
  expect(await page.locator('.column-original .cell').count()).toBeLessThan(200);
  await screenshot(page, 'alignment-06-long-sentences');

  // Scrolling reaches the end: the last sentence pair, side by side. (Rows are measured as they
  // come into view, so the page may grow while it scrolls: scroll until the end stays put.)
  const scroller = page.locator('main.content');
  const lastRu = russian.locator('.cell[data-row="4999"] .passage');
  await expect
    .poll(
      async () => {
        await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
        return scroller.evaluate((element) => {
          const last = element.querySelector('.column-original .cell[data-row="4999"]');
          const box = last?.getBoundingClientRect();
          return !!box && box.top >= 0 && box.bottom <= element.getBoundingClientRect().bottom;
        });
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await expect(lastRu).toBeInViewport();
  await expect(lastRu).toHaveText(long.last.ru);
  await expect(english.locator('.cell[data-row="4999"] .passage')).toHaveText(long.last.en);
  await expect(russian.locator('.cell[data-row="5000"]')).toHaveCount(0);
  await screenshot(page, 'alignment-07-long-end');

  // And the keyboard: Home goes back to the first sentence, End to the last.
  await lastRu.click();
  await page.keyboard.press('Home');
  await expect(russian.locator('.cell[data-row="0"] .passage')).toBeFocused();
  await page.keyboard.press('End');
  await expect(lastRu).toBeFocused();
});
