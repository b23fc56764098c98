// Date, time and date-and-time items (issue 19, point 3): the browser's own controls, labelled by
// their question, answered by keyboard, checked (a date left unfinished is said, not dropped),
// kept in the draft over a reload, and sent: the receiver re-verifies the QuestionnaireResponse's
// valueDate, valueDateTime and valueTime with the core and stores it. The dateTime carries the
// browser's UTC offset on that day (the context's time zone decides it).
// The definition is the fixture crates/rapport-core/tests/fixtures/dates-types.json, the single
// source: `cargo xtask e2e` gives the receiver its definition (xtask/src/serve.rs, LOOKALIKES).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready, events, stored, noViolations, plain } from './helpers.mjs';

const FIXTURES = join(import.meta.dirname, '..', 'crates', 'rapport-core', 'tests', 'fixtures');
const { definition } = JSON.parse(readFileSync(join(FIXTURES, 'dates-types.json'), 'utf8'));
const EN = readFileSync(join(import.meta.dirname, '..', 'locales', 'en', 'widget.ftl'), 'utf8');
const message = (id) => new RegExp(`^${id} = (.*)$`, 'm').exec(EN)[1];

const BODY = `<rapport-questionnaire endpoint="/api/responses" lang="en">
  <script type="application/fhir+json">${JSON.stringify(definition)}</script>
</rapport-questionnaire>`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const input = (page, id) => page.locator(`[data-testid=question-${id}] input`);
const error = async (page, id) => plain((await page.locator(`[data-testid=error-${id}]`).innerText()).trim());

/// Focuses a control with the keyboard alone: Tab from the previous one (or from the page).
async function tabTo(page, id) {
  for (let i = 0; i < 20; i += 1) {
    const here = await input(page, id).evaluate((el) => el.getRootNode().activeElement === el);
    if (here) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${id}`);
}

/// The envelope the receiver stored for the last `rapport-submitted`.
async function storedEnvelope(page) {
  const [submitted] = await events(page, 'rapport-submitted');
  const env = (await stored()).map((r) => r.envelope).find((e) => e.idempotencyKey === submitted.idempotencyKey);
  assert.ok(env, 'stored: the receiver verified the date, time and dateTime answers');
  return env;
}

const answersOf = (qr) => {
  const out = {};
  const walk = (items) => (items ?? []).forEach((i) => {
    if (i.answer) out[i.linkId] = i.answer[0];
    walk(i.item);
  });
  walk(qr.item);
  return out;
};

test('date, time and date-and-time: native controls answered by keyboard, checked, kept over a reload, stored with the offset', async () => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris' });
  const { page } = await openHost(browser, BODY, { context });
  await ready(page);
  // The browser's own controls, named by their question.
  for (const [id, type] of [['born', 'date'], ['seen', 'datetime-local'], ['woke', 'time'], ['slept', 'time']]) {
    assert.equal(await input(page, id).getAttribute('type'), type);
    const label = await input(page, id).getAttribute('aria-labelledby');
    const legend = await page.locator(`[data-testid=question-${id}] legend .legend-text`).getAttribute('id');
    assert.equal(label, legend, `${id} is labelled by its question`);
  }

  // An unfinished date (month and day, no year) is said, not taken for no answer: the control
  // fires no input event then, so it is read when it loses focus (here, to the send button).
  await tabTo(page, 'born');
  await page.keyboard.type('0229');
  await page.locator('[data-testid=submit]').click();
  assert.equal(await error(page, 'born'), message('issue-not-date'));
  assert.equal(await error(page, 'slept'), message('issue-required'));
  assert.equal((await events(page, 'rapport-submitted')).length, 0);

  // Finished: the year, then the other three, by keyboard only.
  // Back into the control from its question's text: Tab lands on its first part, the month.
  await page.locator('[data-testid=question-born] legend .legend-text').click();
  await page.keyboard.press('Tab');
  await page.keyboard.type('02292024');
  await tabTo(page, 'seen');
  await page.keyboard.type('12052026');
  await page.keyboard.press('Tab'); // to the hour, inside the control
  await page.keyboard.type('0230P');
  await tabTo(page, 'woke');
  await page.keyboard.type('0705A');
  await tabTo(page, 'slept');
  await page.keyboard.type('1030P');
  assert.equal(await input(page, 'born').inputValue(), '2024-02-29');
  assert.equal(await input(page, 'seen').inputValue(), '2026-12-05T14:30');
  assert.equal(await input(page, 'woke').inputValue(), '07:05');
  assert.equal(await input(page, 'slept').inputValue(), '22:30');
  assert.equal(await page.locator('[data-testid=error-born]').isVisible(), false, 'the message goes once the date is whole');

  // The draft keeps them (what was typed; answers only as values, under the storage policy).
  await page.reload();
  await ready(page);
  assert.equal(await input(page, 'born').inputValue(), '2024-02-29');
  assert.equal(await input(page, 'seen').inputValue(), '2026-12-05T14:30');
  assert.equal(await input(page, 'woke').inputValue(), '07:05');
  assert.equal(await input(page, 'slept').inputValue(), '22:30');

  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  const env = await storedEnvelope(page);
  assert.equal(env.questionnaireResponse.questionnaire, `${definition.url}|${definition.version}`);
  assert.deepEqual(answersOf(env.questionnaireResponse), {
    born: { valueDate: '2024-02-29' },
    seen: { valueDateTime: '2026-12-05T14:30:00+01:00' }, // Paris in December
    woke: { valueTime: '07:05:00' },
    slept: { valueTime: '22:30:00' },
  });
  await noViolations(page);
  await context.close();
});

test('a dateTime in summer, west of UTC, gets that day\'s offset', async () => {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  const { page } = await openHost(browser, BODY, { context });
  await ready(page);
  await tabTo(page, 'born');
  await page.keyboard.type('12311999');
  await tabTo(page, 'seen');
  await page.keyboard.type('07052026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0915A');
  await tabTo(page, 'slept');
  await page.keyboard.type('1200A');
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  const env = await storedEnvelope(page);
  assert.deepEqual(answersOf(env.questionnaireResponse), {
    born: { valueDate: '1999-12-31' },
    seen: { valueDateTime: '2026-07-05T09:15:00-04:00' }, // daylight saving time that day
    slept: { valueTime: '00:00:00' },
  });
  await noViolations(page);
  await context.close();
});
