// Accessibility audit with axe-core (WCAG 2.0/2.1/2.2 A and AA rules). A failure prints each
// rule and the nodes it found.
//
// The test command runs:
//   - every shipped locale, idle, with the three bundled questionnaires on one page (phone width);
//   - every state (idle, error summary, sending, thank-you) of each questionnaire in English,
//     Arabic and Punjabi, at desktop and phone widths, in light and dark schemes.
// The full matrix (every questionnaire × every locale × every state × both widths × both schemes,
// 1,152 audits) runs with `RAPPORT_A11Y=full cargo xtask e2e` (README, "Accessibility").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openHost, ready, answerAll, BASE } from './helpers.mjs';

const FULL = process.env.RAPPORT_A11Y === 'full';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const INSTRUMENTS = ['session-checkin', 'working-together', 'psychiatry-relationship'];
const LOCALES_DIR = join(import.meta.dirname, '..', 'locales');
const LOCALES = readdirSync(LOCALES_DIR).filter((t) => existsSync(join(LOCALES_DIR, t, 'widget.ftl'))).sort();

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function audit(page, label) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) =>
    `${label}: ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary}`).join('\n')}`);
}

/// Audits one questionnaire through its four states.
async function auditStates(instrument, lang, width, scheme) {
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
  const { page } = await openHost(browser,
    `<main><h1>Portal</h1><rapport-questionnaire instrument="${instrument}" endpoint="/api/responses" lang="${lang}"></rapport-questionnaire></main>`,
    { context });
  await ready(page);
  const label = `${instrument} ${lang} ${width}px ${scheme}`;
  const problems = [];
  problems.push(...await audit(page, `${label} idle`));
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=error-summary] a').first().waitFor();
  problems.push(...await audit(page, `${label} error summary`));
  await answerAll(page);
  // Hold the POST so the sending state can be audited, then let it through.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(`${BASE}/api/responses`, async (route) => { await held; await route.continue(); });
  await page.locator('[data-testid=submit]').click();
  await page.waitForFunction(() => document.querySelector('rapport-questionnaire').shadowRoot
    .querySelector('[data-testid=submit]')?.disabled === true);
  problems.push(...await audit(page, `${label} sending`));
  release();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  problems.push(...await audit(page, `${label} thank-you`));
  await context.close();
  return problems;
}

test(`axe: every locale, idle, all three questionnaires (${LOCALES.length} locales)`, async () => {
  const problems = [];
  for (const lang of LOCALES) {
    const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
    const { page } = await openHost(browser, `<main><h1>Portal</h1>${INSTRUMENTS.map((i) =>
      `<rapport-questionnaire id="${i}" instrument="${i}" endpoint="/api/responses" lang="${lang}"></rapport-questionnaire>`).join('')}</main>`,
    { context });
    for (const i of INSTRUMENTS) await ready(page, `#${i}`);
    problems.push(...await audit(page, `${lang} idle`));
    await context.close();
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

const STATE_LOCALES = FULL ? LOCALES : ['en', 'ar', 'pa'];
for (const instrument of INSTRUMENTS) {
  test(`axe: ${instrument}, every state, ${FULL ? 'every locale' : 'en ar pa'}, 1024/360 px, light/dark`, async () => {
    const problems = [];
    for (const lang of STATE_LOCALES) {
      for (const width of [1024, 360]) {
        for (const scheme of ['light', 'dark']) {
          problems.push(...await auditStates(instrument, lang, width, scheme));
        }
      }
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}
