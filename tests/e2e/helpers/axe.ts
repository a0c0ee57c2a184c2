import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Run axe on the page and fail on serious or critical violations, printing them. */
export async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => {
      const nodes = v.nodes.map((n) => `      ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ')}`).join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
  if (bad.length) console.log(`axe violations on ${what}:\n${report}`);
  const minor = results.violations.filter((v) => !bad.includes(v));
  if (minor.length) console.log(`axe (not failing) on ${what}: ${minor.map((v) => `${v.id} [${v.impact}]`).join(', ')}`);
  expect(bad.map((v) => `${v.id} [${v.impact}]`), `serious or critical axe violations on ${what}:\n${report}`).toEqual([]);
}
