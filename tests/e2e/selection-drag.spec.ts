// Selecting with the mouse selects exactly the words dragged across, in either column; the
// annotation toolbar waits for the button to be released, never covers the selection, stays on
// screen, and a drag never spreads out of its column (issue 9, item 3).
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './support/fixtures';
import { dragAcross, phrasePoints, selectedText } from './support/text';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The boxes of the selected text's lines, in viewport coordinates. */
function selectionBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return [];
    return [...selection.getRangeAt(0).getClientRects()]
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
  });
}

/** True when the whole selection lies inside the element. */
function selectionInside(column: Locator): Promise<boolean> {
  return column.evaluate((element) => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return false;
    const range = selection.getRangeAt(0);
    return element.contains(range.startContainer) && element.contains(range.endContainer);
  });
}

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function expectToolbarBesideSelection(page: Page): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
  await expect(toolbar).toBeVisible();
  const box = (await toolbar.boundingBox())!;
  const bar = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
  const viewport = page.viewportSize()!;
  expect(bar.left).toBeGreaterThanOrEqual(0);
  expect(bar.top).toBeGreaterThanOrEqual(0);
  expect(bar.right).toBeLessThanOrEqual(viewport.width);
  expect(bar.bottom).toBeLessThanOrEqual(viewport.height);
  for (const line of await selectionBoxes(page)) expect(overlaps(bar, line)).toBe(false);
}

async function dragAndCheck(page: Page, column: Locator, phrase: string): Promise<void> {
  await dragAcross(page, column, phrase, { release: false });
  // While the button is down there is no toolbar to run into.
  await page.waitForTimeout(300);
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toHaveCount(0);
  await page.mouse.up();
  expect(await selectedText(page)).toBe(phrase);
  await expectToolbarBesideSelection(page);
}

test.use({ viewport: { width: 1440, height: 900 } });

test('a mouse drag selects exactly the words, in both columns', async ({ page, server }) => {
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });
  const english = page.getByRole('region', { name: /English/ });
  await expect(english.locator('.passage').first()).toBeVisible();

  await dragAndCheck(page, english, 'about an armistice');
  await screenshot(page, 'selection-01-english-1440');
  await dragAndCheck(page, russian, 'о перемирии');
  await dragAndCheck(page, english, 'In our opinion');
  await dragAndCheck(page, russian, 'Ким Ир Сеном');
  await dragAndCheck(page, english, 'KIM IL SUNG');

  // The selection is what gets marked.
  await dragAcross(page, english, 'about an armistice');
  await page.keyboard.press('h');
  await expect(english.locator('mark')).toHaveText(['about an armistice']);
});

test('a drag never leaves its column', async ({ page, server }) => {
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });
  const english = page.getByRole('region', { name: /English/ });
  const panel = page.getByRole('region', { name: 'Annotations' });
  await expect(english.locator('.passage').first()).toBeVisible();
  const panelBox = (await panel.boundingBox())!;
  const russianBox = (await russian.boundingBox())!;

  // From an English word out over the notes panel, and on down the page.
  const english1 = await phrasePoints(english, 'about an armistice');
  await page.mouse.move(english1.start.x, english1.start.y);
  await page.mouse.down();
  await page.mouse.move(panelBox.x + panelBox.width / 2, english1.start.y + 40, { steps: 10 });
  await page.mouse.move(panelBox.x + panelBox.width / 2, 880, { steps: 10 });
  await page.mouse.up();
  expect(await selectionInside(english)).toBe(true);
  expect(await selectedText(page)).not.toContain('Annotations');

  // From an English word left over the Russian column.
  await page.mouse.move(english1.end.x, english1.end.y);
  await page.mouse.down();
  await page.mouse.move(russianBox.x + 40, english1.end.y + 60, { steps: 12 });
  await page.mouse.up();
  expect(await selectionInside(english)).toBe(true);
  expect(await selectedText(page)).not.toMatch(/[а-яё]/i);

  // From a Russian word right over the English column.
  const russian1 = await phrasePoints(russian, 'о перемирии');
  await page.mouse.move(russian1.start.x, russian1.start.y);
  await page.mouse.down();
  await page.mouse.move(english1.end.x + 20, russian1.start.y + 30, { steps: 12 });
  await page.mouse.up();
  expect(await selectionInside(russian)).toBe(true);
  expect(await selectedText(page)).not.toMatch(/[a-z]{3}/i);
});

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test(`the selection toolbar at ${viewport.width}×${viewport.height}`, async ({
    page,
    server,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(server.url);
    const russian = page.getByRole('region', { name: /Russian/ });
    const english = page.getByRole('region', { name: /English/ });
    await expect(english.locator('.passage').first()).toBeVisible();
    await dragAndCheck(page, english, 'about an armistice');
    await screenshot(page, `selection-02-english-${viewport.width}`);
    await dragAndCheck(page, russian, 'Ким Ир Сеном');
    await screenshot(page, `selection-03-russian-${viewport.width}`);
  });
}

/**
 * Scrolls the reader so that the phrase's line sits `fromBottom` px above the window's edge, and
 * answers where its first and last letters are then.
 */
function putAtBottom(
  column: Locator,
  phrase: string,
  fromBottom: number,
): Promise<{ start: { x: number; y: number }; end: { x: number; y: number } }> {
  return column
    .locator('.passage', { hasText: phrase })
    .first()
    .evaluate(
      (element, [text, gap]) => {
        const at = (element.textContent ?? '').indexOf(text);
        const charBox = (index: number): DOMRect => {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          let offset = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent!.length;
            if (index < offset + length) {
              const range = document.createRange();
              range.setStart(node, index - offset);
              range.setEnd(node, index - offset + 1);
              return range.getBoundingClientRect();
            }
            offset += length;
          }
          throw new Error(`no character ${index}`);
        };
        const box = charBox(at);
        const middle = box.top + box.height / 2;
        document.querySelector('main.content')!.scrollBy(0, middle - (innerHeight - gap));
        const first = charBox(at);
        const last = charBox(at + text.length - 1);
        return {
          start: { x: first.left + 1, y: first.top + first.height / 2 },
          end: { x: last.right - 1, y: last.top + last.height / 2 },
        };
      },
      [phrase, fromBottom] as const,
    );
}

const readerScroll = (page: Page): Promise<number> =>
  page.evaluate(() => document.querySelector('main.content')!.scrollTop);

test('words on the window’s last line: the text stays still under the pointer', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  const russian = page.getByRole('region', { name: /Russian/ });
  const english = page.getByRole('region', { name: /English/ });
  await expect(english.locator('.passage').first()).toBeVisible();

  // The browser scrolls a box by itself while a selecting pointer is near its edge: the words
  // slid up under a pointer held on the last line and the selection ran on for paragraphs.
  for (const [column, phrase] of [
    [russian, 'хозяевами дела'],
    [english, 'the bosses of the'],
  ] as const) {
    const { start, end } = await putAtBottom(column, phrase, 8);
    expect(start.y).toBeGreaterThan(900 - 20);
    const before = await readerScroll(page);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(end.x, end.y, { steps: 12 });
    await page.waitForTimeout(600);
    expect(await selectedText(page)).toBe(phrase);
    await page.mouse.up();
    expect(await selectedText(page)).toBe(phrase);
    expect(await readerScroll(page)).toBe(before);
    await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
  }
  await screenshot(page, 'selection-04-last-line-1440');

  // A pointer taken on past the window's edge still scrolls the text and selects on.
  const start = await phrasePoints(english, 'In our opinion');
  const before = await readerScroll(page);
  await page.mouse.move(start.start.x, start.start.y);
  await page.mouse.down();
  await page.mouse.move(start.start.x + 100, 960, { steps: 8 });
  await page.waitForTimeout(600);
  await page.mouse.up();
  expect(await readerScroll(page)).toBeGreaterThan(before);
  expect(await selectionInside(english)).toBe(true);
  expect((await selectedText(page)).startsWith('In our opinion')).toBe(true);
});
