// Reading first: a freshly opened record shows its text high on the screen, calm (alignment
// correction is a mode of its own), accessible, and whole at small windows and at 150 % zoom.
import { expect, test } from './support/fixtures';
import { seriousAccessibilityProblems } from './support/axe';

const TITLE = 'Ciphered Telegram No. 3917, Filippov [Stalin] to Krasovsky, for Cde. Mao Zedong';

test('a freshly opened record has no serious accessibility problem', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole('region', { name: /Russian/ })).toContainText('Ваши телеграммы');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
});
