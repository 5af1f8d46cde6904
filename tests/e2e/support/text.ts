// Selecting words in the reader as a user does: the real mouse pressed at the first letter,
// dragged and released at the last, with the points read from the words' own boxes on screen.
import { expect, type Locator, type Page } from '@playwright/test';

export interface Point {
  x: number;
  y: number;
}

/**
 * Where `phrase` (the nth occurrence in the column) starts and ends on screen: just inside its
 * first letter's left edge and its last letter's right edge, at the middle of the line.
 */
export async function phrasePoints(
  column: Locator,
  phrase: string,
  nth = 0,
): Promise<{ start: Point; end: Point }> {
  const passage = column.locator('.passage', { hasText: phrase }).nth(nth);
  await passage.scrollIntoViewIfNeeded();
  return passage.evaluate((element, text) => {
    const full = element.textContent ?? '';
    const at = full.indexOf(text);
    if (at < 0) throw new Error(`“${text}” not found`);
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
    const visible = (box: DOMRect): boolean => {
      const hit = document.elementFromPoint(box.left + 1, box.top + box.height / 2);
      return hit !== null && element.contains(hit);
    };
    // Words under a sticky bar or outside the window are first scrolled to the middle.
    if (!visible(charBox(at)) || !visible(charBox(at + text.length - 1))) {
      let scroller = element.parentElement;
      while (
        scroller &&
        !(
          scroller.scrollHeight > scroller.clientHeight + 1 &&
          /auto|scroll/.test(getComputedStyle(scroller).overflowY)
        )
      ) {
        scroller = scroller.parentElement;
      }
      const box = charBox(at);
      (scroller ?? document.scrollingElement!).scrollBy(0, box.top - window.innerHeight / 2);
    }
    const first = charBox(at);
    const last = charBox(at + text.length - 1);
    return {
      start: { x: first.left + 1, y: first.top + first.height / 2 },
      end: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }, phrase);
}

/** Presses the mouse at the phrase's first letter, drags in steps, releases at its last. */
export async function dragAcross(
  page: Page,
  column: Locator,
  phrase: string,
  options: { nth?: number; release?: boolean } = {},
): Promise<{ start: Point; end: Point }> {
  const points = await phrasePoints(column, phrase, options.nth ?? 0);
  await page.mouse.move(points.start.x, points.start.y);
  await page.mouse.down();
  await page.mouse.move(points.end.x, points.end.y, { steps: 12 });
  if (options.release !== false) await page.mouse.up();
  return points;
}

/** The text the user has selected in the page. */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

/** Drags across the phrase and waits for the annotation toolbar, checking the exact selection. */
export async function selectWithMouse(
  page: Page,
  column: Locator,
  phrase: string,
  nth = 0,
): Promise<void> {
  await dragAcross(page, column, phrase, { nth });
  await expect.poll(() => selectedText(page)).toBe(phrase);
  await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
}
