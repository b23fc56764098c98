// A clinic's own questionnaire, given in the page: as an inline
// <script type="application/fhir+json"> child, or from JavaScript through the element's
// `definition` property. Its scoring (sum rescaled to 0-100) and flags (below a threshold, a
// drop since the previous score passed in `previous-scores`) are computed from the definition,
// reach the host in rapport-flagged and the receiver in the envelope, and the receiver
// recomputes them. The definition is a look-alike with placeholder text (demo/), which the
// receiver knows through --definitions-dir.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready, events, stored, noViolations } from './helpers.mjs';

const DEFINITION = readFileSync(join(import.meta.dirname, '..', 'demo', 'lookalike-session.json'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function answer(page, values) {
  for (const [i, v] of values.entries()) {
    await page.locator(`[data-testid=question-q${i + 1}] input[value="${v}"]`).check();
  }
}

test('an inline <script type="application/fhir+json"> definition renders, scores, flags and is stored', async () => {
  const { page, context } = await openHost(browser,
    `<rapport-questionnaire endpoint="/api/responses" lang="en" previous-scores='{"total":75}'>
       <script type="application/fhir+json">${DEFINITION}</script>
     </rapport-questionnaire>`);
  await ready(page);
  assert.match(await page.locator('h2.title').innerText(), /How today went/);
  // 2+2+3+3 = 10 on a possible 4..20: (10-4)/16*100 = 37.5, below 50; 75 - 37.5 >= 20: dropped.
  await answer(page, ['2', '2', '3', '3']);
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  const flagged = await events(page, 'rapport-flagged');
  assert.equal(flagged.length, 1);
  assert.deepEqual(flagged[0].flags.map((f) => f.id).sort(), ['dropped', 'low-total']);
  assert.deepEqual(flagged[0].scores, [{ id: 'total', value: 37.5, answered: 4, items: 4 }]);
  const env = (await stored()).map((r) => r.envelope).filter((e) => e.idempotencyKey === flagged[0].idempotencyKey)[0];
  assert.ok(env, 'stored (the receiver verified scores and flags against the same definition)');
  assert.equal(env.instrument.url, 'https://clinic.example/fhir/Questionnaire/lookalike-session');
  assert.deepEqual(env.previousScores, { total: 75 });
  assert.deepEqual(env.flags.map((f) => f.id).sort(), ['dropped', 'low-total']);
  // The patient sees a kind thank-you, not the scores.
  assert.doesNotMatch(await page.locator('[data-testid=thank-you]').innerText(), /37|low|flag/i);
  await noViolations(page);
  await context.close();
});

test('a definition set from JavaScript (the definition property) renders and scores', async () => {
  const { page, context } = await openHost(browser, '<div id="slot"></div>');
  await page.evaluate((text) => {
    const el = document.createElement('rapport-questionnaire');
    el.setAttribute('endpoint', '/api/responses');
    el.setAttribute('lang', 'en');
    el.definition = JSON.parse(text);
    document.getElementById('slot').append(el);
  }, DEFINITION);
  await ready(page);
  // 5+5+5+5 = 20: the top of the range, rescaled to 100; no flag (no previous score given).
  await answer(page, ['5', '5', '5', '5']);
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  const submitted = await events(page, 'rapport-submitted');
  const env = (await stored()).map((r) => r.envelope).filter((e) => e.idempotencyKey === submitted[0].idempotencyKey)[0];
  assert.deepEqual(env.scores, [{ id: 'total', value: 100, answered: 4, items: 4 }]);
  assert.deepEqual(env.flags, []);
  assert.deepEqual(await events(page, 'rapport-flagged'), []);
  await context.close();
});

test('an inline definition together with src= is a configuration error with a clear message', async () => {
  const { page, context } = await openHost(browser,
    `<rapport-questionnaire src="/demo/clinic-questionnaire.json" endpoint="/api/responses">
       <script type="application/fhir+json">${DEFINITION}</script>
     </rapport-questionnaire>
     <rapport-questionnaire id="bad" instrument="session-checkin" endpoint="/api/responses" previous-scores="[1]"></rapport-questionnaire>`);
  const panels = page.locator('[data-testid=config-error]');
  await panels.nth(1).waitFor({ timeout: 15000 });
  assert.equal(await panels.nth(0).locator('code').innerText(), 'conflicting-attributes');
  assert.equal(await panels.nth(1).locator('code').innerText(), 'invalid-previous-scores');
  await context.close();
});
