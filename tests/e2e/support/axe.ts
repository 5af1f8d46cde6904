// One way to ask axe-core for the accessibility problems that matter (serious or critical, under
// every rule axe runs by default: WCAG 2 A/AA and best practice), so every screen is checked
// alike and a finding reads as one line.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Serious or critical findings on the page (or inside `within`), as "rule: element, …". */
export async function seriousAccessibilityProblems(page: Page, within?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (within) builder = builder.include(within);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
