// Accessibility audit with axe-core (WCAG 2.0/2.1/2.2 A and AA rules) of each bundled
// questionnaire, idle and with the error summary showing, at desktop and phone widths. The full
// matrix (every locale, every state, dark scheme) belongs to the accessibility work; this keeps
// the foundation honest. A failure prints each rule and the nodes it found.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openHost, ready } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function audit(page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary}`).join('\n')}`);
}

for (const instrument of ['session-checkin', 'working-together', 'psychiatry-relationship']) {
  for (const width of [1024, 360]) {
    test(`axe: ${instrument} at ${width}px, idle and with the error summary`, async () => {
      const { page, context } = await openHost(browser,
        `<main><h1>Portal</h1><rapport-questionnaire instrument="${instrument}" endpoint="/api/responses" lang="en"></rapport-questionnaire></main>`);
      await page.setViewportSize({ width, height: 900 });
      await ready(page);
      let problems = await audit(page);
      assert.deepEqual(problems, [], `idle:\n${problems.join('\n')}`);
      await page.locator('[data-testid=submit]').click();
      await page.locator('[data-testid=error-summary] a').first().waitFor();
      problems = await audit(page);
      assert.deepEqual(problems, [], `error summary:\n${problems.join('\n')}`);
      await context.close();
    });
  }
}
