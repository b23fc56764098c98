// A portal may show the patient their scores (`show-scores`); by default only the clinic sees
// them. What the patient sees is what was sent: the labelled scores of the stored envelope,
// rounded to one decimal, "out of" the top of each scale, in the patient's language, with a
// kind note that they are not a test result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready, events, stored, noViolations, answerAll, plain } from './helpers.mjs';
import { message, shown } from './fluent.mjs';

const DEFINITION = readFileSync(join(import.meta.dirname, '..', 'demo', 'lookalike-session.json'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Sends the form and returns the stored envelope and the rows of the scores list, if any.
async function send(page) {
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  const [submitted] = await events(page, 'rapport-submitted');
  const env = (await stored()).map((r) => r.envelope).find((e) => e.idempotencyKey === submitted.idempotencyKey);
  assert.ok(env, 'the envelope was stored');
  const rows = await page.locator('[data-testid=scores] li').evaluateAll((lis) => lis.map((li) => [
    li.querySelector('.score-name').textContent, li.querySelector('.score-value').textContent,
  ]));
  return { env, rows };
}

test('show-scores: a bundled questionnaire shows its labelled scores, the same as sent', async () => {
  const { page, context } = await openHost(browser,
    '<rapport-questionnaire instrument="working-together" endpoint="/api/responses" lang="en" show-scores></rapport-questionnaire>');
  await ready(page);
  // Mixed answers, so that means are not whole numbers: one "always" raises bond's mean.
  await page.locator('[data-testid=question-kind] input[value="always"]').check();
  await answerAll(page);
  const { env, rows } = await send(page);
  const byId = Object.fromEntries(env.scores.map((s) => [s.id, s.value]));
  const ids = ['bond', 'goals', 'tasks', 'total'];
  assert.deepEqual(rows.map(([name]) => name), ids.map((id) => message(`score-${id}`, { file: 'working-together' })));
  for (const [i, id] of ids.entries()) {
    const rounded = Math.round(byId[id] * 10) / 10;
    assert.equal(plain(rows[i][1]), message('score-out-of', { args: { value: rounded, high: 5 } }), `${id}: sent ${byId[id]}`);
  }
  assert.ok(rows.some(([, v]) => /\.\d/.test(plain(v))), 'a mean with one decimal is shown');
  const section = page.locator('[data-testid=scores]');
  assert.equal(await section.getByRole('heading', { name: message('your-scores') }).count(), 1);
  assert.ok(shown(await section.innerText()).includes(message('scores-note')), 'the note that scores are not a test result');
  await noViolations(page);
  await context.close();
});

test('show-scores in Arabic: translated names, the numbers in the language, right to left', async () => {
  const { page, context } = await openHost(browser,
    '<rapport-questionnaire instrument="session-checkin" endpoint="/api/responses" lang="ar" show-scores></rapport-questionnaire>');
  await ready(page);
  await answerAll(page);
  const { env, rows } = await send(page);
  assert.equal(rows.length, 1);
  const [name, value] = rows[0].map(plain);
  assert.ok(name.length > 0 && !/score|total/i.test(name), `a translated name, not an id: ${name}`);
  const [expected, high] = await page.evaluate((v) => [v, 40].map((n) => new Intl.NumberFormat('ar').format(n)), env.scores[0].value);
  assert.ok(value.includes(expected) && value.includes(high), `"${value}" shows ${expected} of ${high}`);
  assert.equal(await page.locator('[data-testid=rapport-root]').getAttribute('dir'), 'rtl');
  await context.close();
});

test('show-scores with a clinic definition: its own label; scores without a label are not shown', async () => {
  const { page, context } = await openHost(browser,
    `<rapport-questionnaire endpoint="/api/responses" lang="en" show-scores>
       <script type="application/fhir+json">${DEFINITION}</script>
     </rapport-questionnaire>`);
  await ready(page);
  for (const [i, v] of ['2', '2', '3', '3'].entries()) {
    await page.locator(`[data-testid=question-q${i + 1}] input[value="${v}"]`).check();
  }
  const { env, rows } = await send(page);
  // 2+2+3+3 = 10 on 4..20, rescaled: 37.5 of 100.
  assert.deepEqual(env.scores.map((s) => s.value), [37.5]);
  assert.deepEqual(rows.map((r) => r.map(plain)), [['Placeholder: today overall', message('score-out-of', { args: { value: '37.5', high: 100 } })]]);
  await context.close();
});

test('without show-scores the patient sees no scores', async () => {
  const { page, context } = await openHost(browser,
    '<rapport-questionnaire instrument="working-together" endpoint="/api/responses" lang="en"></rapport-questionnaire>');
  await ready(page);
  await answerAll(page);
  const { env } = await send(page);
  assert.equal(env.scores.length, 4, 'the clinic still gets the scores');
  assert.equal(await page.locator('[data-testid=scores]').count(), 0);
  const thanks = shown(await page.locator('[data-testid=thank-you]').innerText());
  assert.ok(!thanks.includes(message('your-scores')) && !thanks.includes(message('scores-note')), 'no scores section text');
  await context.close();
});
