// Reading first: a freshly opened record shows its text high on the screen and calm (alignment
// correction is a mode of its own, "Correct alignment", key A), accessible, and whole in small
// windows and at 150 % zoom: no sideways scroll, lines of at least 40 characters, rows paired.
import type { Page } from '@playwright/test';
import { seriousAccessibilityProblems } from './support/axe';
import { expect, screenshot, test } from './support/fixtures';

const TITLE = 'Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong';
const RU_ADVICE = 'По нашему мнению, надо немедленно';
const EN_ADVICE = 'In our opinion it is necessary';

async function openSample(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole('region', { name: /Russian/ })).toContainText(RU_ADVICE);
}

/** How the window holds the text: scrolling, the text's top, line lengths, row pairing. */
async function layout(page: Page) {
  return page.evaluate(
    ([ru, en]) => {
      const passage = (text: string) =>
        [...document.querySelectorAll<HTMLElement>('.passage')].find((p) =>
          p.textContent!.startsWith(text),
        )!;
      /** Characters on the passage's first line, read from where the browser put each one. */
      const firstLine = (element: HTMLElement): number => {
        const node = element.firstChild!.nodeType === 3 ? element.firstChild! : element;
        const text = document.createTreeWalker(node, NodeFilter.SHOW_TEXT).nextNode() ?? node;
        const range = document.createRange();
        let top: number | null = null;
        for (let i = 0; i < text.textContent!.length; i++) {
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const rect = range.getBoundingClientRect();
          if (top === null) top = rect.top;
          else if (rect.top > top + 4) return i;
        }
        return text.textContent!.length;
      };
      const cellOf = (element: HTMLElement) => element.closest<HTMLElement>('.cell')!;
      const content = document.querySelector<HTMLElement>('.content')!;
      const ruCell = cellOf(passage(ru)).getBoundingClientRect();
      const enCell = cellOf(passage(en)).getBoundingClientRect();
      const row = Number(cellOf(passage(ru)).dataset['row']);
      const nextRu = document
        .querySelector(`.column-original .cell[data-row="${row + 1}"]`)!
        .getBoundingClientRect();
      return {
        sidewaysScroll:
          document.documentElement.scrollWidth > document.documentElement.clientWidth ||
          content.scrollWidth > content.clientWidth,
        textTop: Math.min(
          ...[...document.querySelectorAll('.cell')].map((c) => c.getBoundingClientRect().top),
        ),
        stacked: document.querySelector('.aligned-stacked') !== null,
        sameRow: cellOf(passage(en)).dataset['row'] === String(row),
        side: { ruLeft: ruCell.left, enLeft: enCell.left, ruTop: ruCell.top, enTop: enCell.top },
        below: { ruBottom: ruCell.bottom, enTop: enCell.top, enBottom: enCell.bottom },
        nextRowTop: nextRu.top,
        lineCharacters: { ru: firstLine(passage(ru)), en: firstLine(passage(en)) },
      };
    },
    [RU_ADVICE, EN_ADVICE] as const,
  );
}

test('a freshly opened record has no serious accessibility problem', async ({ page, server }) => {
  await openSample(page, server.url);
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
});

test.describe('at 1440 × 900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the text starts in the first third of the screen, with no correction tools', async ({
    page,
    server,
  }) => {
    await openSample(page, server.url);
    const reader = page.getByRole('group', { name: 'Reader' });
    // Reading: the rows of the view and the way into correcting; nothing else of the toolbar.
    await expect(reader.getByRole('button', { name: 'Correct alignment' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(reader.getByRole('button', { name: /^Merge/ })).toHaveCount(0);
    await expect(reader.getByRole('button', { name: /^Re-align/ })).toHaveCount(0);
    // Export and Handout have one place, the top bar.
    await expect(page.getByRole('button', { name: 'Export…' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Handout…' })).toHaveCount(1);
    await expect(page.getByRole('banner').getByRole('button', { name: 'Export…' })).toBeVisible();

    const shown = await layout(page);
    expect(shown.sidewaysScroll).toBe(false);
    expect(shown.stacked).toBe(false);
    expect(shown.sameRow).toBe(true);
    // Before the change the first row began 736 px down; a third of the screen is 300 px.
    expect(shown.textTop).toBeLessThan(300);
    expect(shown.lineCharacters.en).toBeGreaterThanOrEqual(40);
    await screenshot(page, 'reading-1440x900');

    // The citation is one click away, with its copy button.
    await page.getByRole('button', { name: 'About this record' }).click();
    await expect(page.getByText(/APRF, f\. 45, op\. 1, d\. 339, ll\. 95-96; AVP RF/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy citation' })).toBeVisible();

    // Correcting: the tools appear and stay accessible.
    await reader.getByRole('button', { name: 'Correct alignment' }).click();
    await expect(reader.getByRole('button', { name: /^Merge/ })).toBeVisible();
    await page
      .getByRole('region', { name: /Russian/ })
      .getByText(RU_ADVICE)
      .click();
    await expect(reader).toContainText('Row 6 of 19');
    await screenshot(page, 'reading-1440x900-correcting');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});

for (const size of [
  { name: '1024 × 700', viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 },
  // 150 % zoom of a 1440 × 900 screen: 960 × 600 CSS pixels at a device scale of 1.5.
  { name: '150 % zoom', viewport: { width: 960, height: 600 }, deviceScaleFactor: 1.5 },
]) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

    test('the layout holds: no sideways scroll, long lines, rows still paired', async ({
      page,
      server,
    }) => {
      await openSample(page, server.url);
      const shown = await layout(page);
      expect(shown.sidewaysScroll).toBe(false);
      expect(shown.sameRow).toBe(true);
      expect(shown.lineCharacters.en).toBeGreaterThanOrEqual(40);
      expect(shown.lineCharacters.ru).toBeGreaterThanOrEqual(40);
      if (shown.stacked) {
        // One above the other: the English cell right under its Russian one, before the next row.
        expect(shown.side.ruLeft).toBe(shown.side.enLeft);
        expect(Math.abs(shown.below.enTop - shown.below.ruBottom)).toBeLessThan(2);
        expect(shown.nextRowTop).toBeGreaterThanOrEqual(shown.below.enBottom - 1);
      } else {
        expect(Math.abs(shown.side.ruTop - shown.side.enTop)).toBeLessThan(2);
      }
      expect(shown.textTop).toBeLessThan(size.viewport.height / 2);
      const file = `reading-${size.viewport.width}x${size.viewport.height}`;
      await screenshot(page, file);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      // Correcting at this size: still no sideways scroll, and the row summary shows.
      await page.getByRole('button', { name: 'Correct alignment' }).click();
      await page
        .getByRole('region', { name: /English/ })
        .getByText(EN_ADVICE)
        .click();
      await expect(page.getByRole('group', { name: 'Reader' })).toContainText('Row 6 of 19');
      expect((await layout(page)).sidewaysScroll).toBe(false);
      await screenshot(page, `${file}-correcting`);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
    });
  });
}
