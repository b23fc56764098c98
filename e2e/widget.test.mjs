// End-to-end tests of the script-tag embed against the real receiver and its SQLite store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openHost, ready, events, stored, answerCheckin, noViolations, BASE } from './helpers.mjs';
import { message, shown, statusShows } from './fluent.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const checkin = (extra = '') =>
  `<rapport-questionnaire instrument="session-checkin" endpoint="/api/responses" ${extra}></rapport-questionnaire>`;

test('complete and submit: one stored row with the answers and the scores', async () => {
  const before = (await stored()).length;
  const { page, context, seen } = await openHost(browser, checkin(`lang="en" context='{"appointmentId":"A-77"}'`));
  await ready(page);
  await answerCheckin(page, 7);
  await page.locator('[data-testid=question-worth-my-time] input[value="2"]').check();
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });

  const rows = await stored();
  assert.equal(rows.length, before + 1, 'exactly one new record');
  const env = rows.at(-1).envelope;
  assert.equal(env.instrument.id, 'session-checkin');
  assert.equal(env.language.tag, 'en');
  assert.equal(env.language.translationStatus, 'source');
  assert.deepEqual(env.context, { appointmentId: 'A-77' });
  const total = env.scores.find((s) => s.id === 'total');
  assert.equal(total.value, 7 + 7 + 7 + 2, 'the total is the sum of the four answers');
  const qr = env.questionnaireResponse;
  assert.equal(qr.resourceType, 'QuestionnaireResponse');
  assert.equal(qr.status, 'completed');
  const answers = Object.fromEntries(qr.item.map((i) => [i.linkId, i.answer[0].valueInteger]));
  assert.deepEqual(answers, { 'say-my-mind': 7, 'what-matters': 7, 'way-we-worked': 7, 'worth-my-time': 2 });

  const posts = seen.posts.filter((r) => r.url().endsWith('/api/responses'));
  assert.equal(posts.length, 1, 'one POST');
  assert.equal(posts[0].headers()['idempotency-key'], env.idempotencyKey, 'header and envelope carry the same key');
  const submitted = await events(page, 'rapport-submitted');
  assert.equal(submitted.length, 1);
  assert.equal(submitted[0].idempotencyKey, env.idempotencyKey);
  assert.equal(submitted[0].receipt.id, rows.at(-1).id, 'the receipt is passed on to the host');
  const changes = await events(page, 'rapport-change');
  assert.ok(changes.length >= 4);
  assert.ok(!JSON.stringify(changes).includes('"7"') && changes.every((c) => !('value' in c)), 'change events carry no answers');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violations');
  // The policy is really enforced: the host page itself may not assign HTML strings.
  const blocked = await page.evaluate(() => {
    try { document.createElement('div').innerHTML = '<i>x</i>'; return 'allowed'; } catch (e) { return e.name; }
  });
  assert.equal(blocked, 'TypeError', 'Trusted Types are enforced on the test page');
  await context.close();
});

test('incomplete submit: an error summary with links, focus on it, and no POST', async () => {
  const { page, context, seen } = await openHost(browser, checkin('lang="en"'));
  await ready(page);
  await page.locator('[data-testid=question-say-my-mind] input[value="5"]').check();
  await page.locator('[data-testid=submit]').click();
  const summary = page.locator('[data-testid=error-summary]');
  await summary.locator('a').first().waitFor();
  assert.equal(await summary.locator('a').count(), 3, 'one link per unanswered question');
  await page.waitForFunction(() => document.querySelector('rapport-questionnaire').shadowRoot.activeElement?.dataset.testid === 'error-summary');
  const fieldset = page.locator('[data-testid=question-what-matters]');
  assert.equal(await fieldset.getAttribute('aria-invalid'), 'true');
  const describedBy = await fieldset.getAttribute('aria-describedby');
  assert.equal(shown(await page.locator(`rapport-questionnaire #${describedBy}`).innerText()), message('issue-required'));
  // A summary link moves focus to its question.
  await summary.locator('a').first().click();
  const focused = await page.evaluate(() => document.querySelector('rapport-questionnaire').shadowRoot.activeElement?.closest('fieldset')?.dataset.testid);
  assert.equal(focused, 'question-what-matters');
  assert.equal(seen.posts.length, 0, 'nothing was posted');
  // Answering the rest clears the summary.
  await answerCheckin(page, 4);
  assert.equal(await summary.locator('a').count(), 0);
  await context.close();
});

test('Spanish renders Spanish, inside the widget only', async () => {
  const { page, context } = await openHost(browser, checkin('lang="es"'));
  await ready(page);
  const root = page.locator('[data-testid=rapport-root]');
  assert.equal(await root.getAttribute('lang'), 'es');
  assert.equal(await root.getAttribute('dir'), 'ltr');
  assert.equal(shown(await page.locator('[data-testid=submit]').innerText()), message('submit', { tag: 'es' }));
  assert.ok(shown(await page.locator('[data-testid=progress]').innerText()).startsWith(message('progress', { tag: 'es', args: { answered: 0, total: 4 } })));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the host page is untouched');
  await context.close();
});

test('language: inherited lang first, then the browser languages', async () => {
  const host = `<div><rapport-questionnaire instrument="session-checkin" endpoint="/api/responses"></rapport-questionnaire></div>`;
  // The page says lang="en" on <html>, which the element inherits: it wins over the browser.
  let { page, context } = await openHost(browser, host, { locale: 'es-MX' });
  await ready(page);
  assert.equal(await page.locator('[data-testid=rapport-root]').getAttribute('lang'), 'en');
  await context.close();
  // No lang anywhere: the browser's es-MX negotiates to es.
  ({ page, context } = await openHost(browser, host, { locale: 'es-MX', htmlLang: null }));
  await ready(page);
  assert.equal(await page.locator('[data-testid=rapport-root]').getAttribute('lang'), 'es');
  await context.close();
});

test('switching language on a slow device: a focus the patient moves before the frame is drawn stays where they put it', async () => {
  const { page, context } = await openHost(browser, checkin('lang="en"'));
  await ready(page);
  const radio = '[data-testid=question-say-my-mind] input[value="9"]';
  // A slow phone: the next frame comes late (the widget gives the focus back in one).
  await page.evaluate(() => { window.requestAnimationFrame = (cb) => setTimeout(() => cb(performance.now()), 800); });
  await page.locator('[data-testid=language-switcher]').focus();
  await page.locator('[data-testid=language-switcher]').selectOption('es');
  await page.waitForFunction(() => document.querySelector('rapport-questionnaire').shadowRoot.querySelector('[data-testid=rapport-root]').lang === 'es');
  // The patient moves on at once, before that frame.
  await page.locator(radio).focus();
  await page.waitForTimeout(1200);
  const active = await page.evaluate(() => {
    const a = document.querySelector('rapport-questionnaire').shadowRoot.activeElement;
    return a ? (a.dataset.testid ?? `${a.name}=${a.value}`) : null;
  });
  assert.match(active ?? '', /=9$/, `the focus stays on the option the patient moved to (${active})`);
  await context.close();
});

test('switching language keeps the answers and the focus', async () => {
  const { page, context } = await openHost(browser, checkin('lang="en"'));
  await ready(page);
  await page.locator('[data-testid=question-say-my-mind] input[value="9"]').check();
  // As a patient does: the switcher has the focus when its value changes.
  await page.locator('[data-testid=language-switcher]').focus();
  await page.locator('[data-testid=language-switcher]').selectOption('es');
  await page.waitForFunction(() => document.querySelector('rapport-questionnaire').shadowRoot.querySelector('[data-testid=rapport-root]').lang === 'es');
  assert.equal(await page.locator('[data-testid=question-say-my-mind] input[value="9"]').isChecked(), true);
  assert.ok(shown(await page.locator('[data-testid=progress]').innerText()).startsWith(message('progress', { tag: 'es', args: { answered: 1, total: 4 } })));
  // The form is drawn again in the new language: whatever had the focus gets it back, the
  // switcher here, a question's option when the portal changes `lang`.
  const focused = () => page.evaluate(() => {
    const a = document.querySelector('rapport-questionnaire').shadowRoot.activeElement;
    return a ? (a.dataset.testid ?? `${a.name}=${a.value}`) : null;
  });
  await page.waitForFunction(() => document.querySelector('rapport-questionnaire').shadowRoot.activeElement?.dataset.testid === 'language-switcher');
  await page.locator('[data-testid=question-say-my-mind] input[value="9"]').focus();
  const before = await focused();
  await page.locator('rapport-questionnaire').evaluate((e) => e.setAttribute('lang', 'fr'));
  await page.waitForFunction(() => document.querySelector('rapport-questionnaire').shadowRoot.querySelector('[data-testid=rapport-root]').lang === 'fr');
  await page.waitForFunction((want) => {
    const a = document.querySelector('rapport-questionnaire').shadowRoot.activeElement;
    return a && `${a.name}=${a.value}` === want;
  }, before, { timeout: 5000 });
  assert.equal(await page.locator('[data-testid=question-say-my-mind] input[value="9"]').isChecked(), true);
  await context.close();
});

test('a broken definition shows a panel with the exact problem', async () => {
  const { page, context } = await openHost(browser,
    `<rapport-questionnaire src="/fixtures/broken.json" endpoint="/api/responses"></rapport-questionnaire>`, {});
  // The definition is the portal's file; serve a broken one on the same origin.
  await page.route(`${BASE}/fixtures/broken.json`, (r) => r.fulfill({
    status: 200, contentType: 'application/json',
    body: JSON.stringify({ resourceType: 'Questionnaire', item: [{ linkId: 'a', type: 'choice' }, { linkId: 'a', type: 'colour' }] }),
  }));
  await page.reload();
  const panel = page.locator('[data-testid=config-error]');
  await panel.waitFor({ timeout: 15000 });
  const text = await panel.innerText();
  assert.match(text, /invalid-definition/);
  assert.match(text, /\/item\/0.*linkId "a".*no answer options/s);
  assert.match(text, /item type "colour" is not supported/);
  const failed = await events(page, 'rapport-failed');
  assert.equal(failed[0].code, 'invalid-definition');
  await context.close();
});

test('a broken definition whose explaining chunk cannot be fetched still names each problem by place and code', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const problems = [];
  await context.route(/\/pkg\/split_problems\.[\w-]{8}\.wasm$/, (route) => { problems.push(route.request().url()); return route.abort('internetdisconnected'); });
  await context.route(`${BASE}/fixtures/broken.json`, (r) => r.fulfill({
    status: 200, contentType: 'application/json',
    body: JSON.stringify({ resourceType: 'Questionnaire', item: [{ linkId: 'a', type: 'choice' }, { linkId: 'b', type: 'colour' }] }),
  }));
  const { page } = await openHost(browser,
    `<rapport-questionnaire src="/fixtures/broken.json" endpoint="/api/responses"></rapport-questionnaire>`, { context });
  const panel = page.locator('[data-testid=config-error]');
  await panel.waitFor({ timeout: 15000 });
  const text = await panel.innerText();
  assert.ok(problems.length >= 1, 'the chunk was asked for');
  assert.match(text, /invalid-definition/);
  assert.match(text, /2 problem\(s\)/);
  assert.match(text, /at \/item\/0: no-answer-options/);
  assert.match(text, /at \/item\/1\/type: unsupported-item-type/);
  assert.match(text, /serve the whole dist\/ folder/);
  const failed = await events(page, 'rapport-failed');
  assert.equal(failed[0].code, 'invalid-definition');
  await context.close();
});

test('misconfigured elements show a panel, never a blank space', async () => {
  const { page, context } = await openHost(browser, `
    <rapport-questionnaire id="a" instrument="nope" endpoint="/api/responses"></rapport-questionnaire>
    <rapport-questionnaire id="b" instrument="session-checkin"></rapport-questionnaire>
    <rapport-questionnaire id="c" instrument="session-checkin" endpoint="/api/responses" context="not json"></rapport-questionnaire>
    <rapport-questionnaire id="d" instrument="session-checkin" endpoint="/api/responses" context='{"notes":"${'x'.repeat(5000)}"}'></rapport-questionnaire>`);
  // A context is for ids: one too large for the receiver is refused here, before a patient
  // could answer and be refused on sending.
  for (const [id, code] of [['a', 'unknown-instrument'], ['b', 'missing-endpoint'], ['c', 'invalid-context'], ['d', 'invalid-context']]) {
    const panel = page.locator(`#${id} [data-testid=config-error]`);
    await panel.waitFor({ timeout: 15000 });
    assert.equal(await panel.locator('code').innerText(), code, id);
  }
  await context.close();
});

test('the same Idempotency-Key twice stores once', async () => {
  const { page, context, seen } = await openHost(browser, checkin('lang="en"'));
  await ready(page);
  await answerCheckin(page, 3);
  await page.locator('[data-testid=submit]').dblclick();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  const posts = seen.posts.filter((r) => r.url().endsWith('/api/responses'));
  assert.equal(posts.length, 1, 'a double click posts once');
  const key = posts[0].headers()['idempotency-key'];
  const count = (rows) => rows.filter((r) => r.idempotencyKey === key).length;
  assert.equal(count(await stored()), 1);
  // Replay the very same request, as a retry after a lost response would.
  const replay = await fetch(`${BASE}/api/responses`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: posts[0].postData(),
  });
  assert.equal(replay.status, 200, 'a replay answers 200 with the first receipt');
  assert.equal((await replay.json()).idempotencyKey, key);
  assert.equal(count(await stored()), 1, 'still one record');
  await context.close();
});

test('a failed send keeps every answer, says it is saved, and retries with the same key', async () => {
  const { page, context } = await openHost(browser, checkin('lang="en"'));
  await ready(page);
  await answerCheckin(page, 6);
  let attempts = [];
  await page.route(`${BASE}/api/responses`, async (route) => {
    attempts.push(route.request().headers()['idempotency-key']);
    // Two failures, so the "saved" status stays up long enough to be read between retries.
    if (attempts.length <= 2) return route.abort('internetdisconnected');
    return route.continue();
  });
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'queued-offline');
  assert.equal(await page.locator('[data-testid=question-say-my-mind] input[value="6"]').isChecked(), true);
  const failed = await events(page, 'rapport-failed');
  assert.equal(failed[0].code, 'network');
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  assert.equal(attempts.length, 3);
  assert.equal(new Set(attempts).size, 1, 'every retry reuses the idempotency key');
  await context.close();
});

test('several widgets on one page, and clean removal', async () => {
  const { page, context } = await openHost(browser, `${checkin('id="one" lang="en"')}${checkin('id="two" lang="es"')}`);
  await ready(page, '#one');
  await ready(page, '#two');
  await page.locator('#one [data-testid=question-say-my-mind] input[value="1"]').check();
  assert.equal(await page.locator('#two [data-testid=question-say-my-mind] input[value="1"]').isChecked(), false, 'widgets do not share answers');
  await page.evaluate(() => document.getElementById('one').remove());
  await page.waitForFunction(() => document.querySelectorAll('rapport-questionnaire').length === 1);
  assert.equal(await page.locator('#two [data-testid=rapport-root]').getAttribute('lang'), 'es');
  await context.close();
});

test('a portal on plain http (no crypto.randomUUID) still gets a valid UUID v4 key', async () => {
  const { page, context } = await openHost(browser, checkin('lang="en"'));
  // randomUUID exists only in secure contexts; remove it as a plain-http page would lack it.
  await page.evaluate(() => { delete Crypto.prototype.randomUUID; });
  await ready(page);
  await answerCheckin(page, 5);
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  const [detail] = await events(page, 'rapport-submitted');
  assert.match(detail.idempotencyKey, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await context.close();
});
