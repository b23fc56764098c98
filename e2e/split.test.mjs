// The WebAssembly split (xtask/src/split.rs): the sending chunk is not part of a first render,
// is fetched right after it (when idle) by its hashed name and checked against its integrity
// hash, and a chunk that cannot be fetched costs no answer: the widget waits for the network like
// the delivery loop does (a queued submission is sent once the browser is back online), an altered
// chunk is `integrity-failed`, and the loader's channel to the chunks is not one of its exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready, stored, events, answerCheckin, noViolations } from './helpers.mjs';
import { statusShows } from './fluent.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const WIDGET = '<rapport-questionnaire instrument="session-checkin" endpoint="/api/responses" lang="en"></rapport-questionnaire>';
const isChunk = (url) => /\/pkg\/split_sending\.[\w-]{8}\.wasm$/.test(url);

test('the sending chunk is fetched after the first render, with its integrity hash, and sends', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const requested = [];
  context.on('request', (r) => requested.push({ url: r.url(), at: Date.now() }));
  const { page } = await openHost(browser, WIDGET, { context });
  await ready(page);
  const rendered = Date.now();
  await page.waitForTimeout(500);
  const chunks = requested.filter((r) => isChunk(r.url));
  assert.equal(chunks.length, 1, `one prefetch of the chunk: ${requested.map((r) => r.url).join(' ')}`);
  const main = requested.findIndex((r) => /rapport_widget_bg\./.test(r.url));
  assert.ok(main >= 0 && requested.indexOf(chunks[0]) > main, 'after the main module');
  assert.ok(chunks[0].at <= rendered + 500, 'while the patient reads, not on Send');
  await answerCheckin(page, 4);
  const before = (await stored()).length;
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 20000 });
  assert.equal((await stored()).length, before + 1);
  assert.equal(requested.filter((r) => isChunk(r.url)).length, 1, 'Send used the prefetched chunk');
  // Only the shared chunks sending loads: not those only the clinic-form chunks share (the
  // pattern engine's, say).
  const shared = readdirSync(join(import.meta.dirname, '..', 'dist', 'pkg')).filter((f) => /^chunk_\d+\.[\w-]{8}\.wasm$/.test(f));
  const fetched = new Set(requested.map((r) => r.url.split('/').pop()).filter((f) => /^chunk_/.test(f)));
  assert.ok(fetched.size > 0 && fetched.size < shared.length, `${fetched.size} of ${shared.length} shared chunks fetched`);
  // The value-set chunk is for clinic definitions that name value sets by URL (value-sets.test.mjs).
  assert.deepEqual(requested.filter((r) => /split_value_sets/.test(r.url)).map((r) => r.url), [], 'never fetched here');
  // The words for a definition's problems are only for a definition that has some.
  assert.deepEqual(requested.filter((r) => /split_problems/.test(r.url)).map((r) => r.url), [], 'never fetched here');
  // Nor the rarer controls (sliders, number, date and time fields, check boxes): no bundled
  // questionnaire has one.
  assert.deepEqual(requested.filter((r) => /split_controls/.test(r.url)).map((r) => r.url), [], 'never fetched here');
  // Nor repeating groups and rows of text.
  assert.deepEqual(requested.filter((r) => /split_repeats/.test(r.url)).map((r) => r.url), [], 'never fetched here');
  // Nor rich text (rendering-xhtml, rendering-markdown).
  assert.deepEqual(requested.filter((r) => /split_rich/.test(r.url)).map((r) => r.url), [], 'never fetched here');
  // Nor FHIRPath (calculated items, SDC variables, initial values).
  assert.deepEqual(requested.filter((r) => /split_expressions/.test(r.url)).map((r) => r.url), [], 'never fetched here');
  await noViolations(page);
  await context.close();
});

test('a chunk that cannot be fetched: Send says so, the answers stay, and it is sent once the chunk can be fetched', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  let blocked = true;
  await context.route(isChunk, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  const { page } = await openHost(browser, WIDGET, { context });
  await ready(page);
  await answerCheckin(page, 2);
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'failed-network');
  assert.equal(await page.locator('[data-testid=thank-you]').count(), 0, 'nothing was sent');
  for (const id of ['say-my-mind', 'what-matters', 'way-we-worked', 'worth-my-time']) {
    assert.ok(await page.locator(`[data-testid=question-${id}] input[value="2"]`).isChecked(), `${id} kept`);
  }
  const before = (await stored()).length;
  blocked = false;
  // No tap: the widget tries the chunk again by itself (the delivery loop's backoff).
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 30000 });
  assert.equal((await stored()).length, before + 1, 'stored once');
  await noViolations(page);
  await context.close();
});

test('an altered chunk never runs and is reported as integrity-failed; the answers stay', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.route(isChunk, async (route) => {
    const res = await route.fetch();
    const body = Buffer.from(await res.body());
    body[body.length - 1] ^= 1;
    await route.fulfill({ response: res, body });
  });
  const { page } = await openHost(browser, WIDGET, { context });
  await ready(page);
  await answerCheckin(page, 3);
  const before = (await stored()).length;
  await page.locator('[data-testid=submit]').click();
  // Not "check your internet connection": nothing the patient can do, so tell the care team.
  await statusShows(page, 'failed-rejected');
  const failed = await events(page, 'rapport-failed');
  assert.deepEqual(failed.map((f) => [f.code, f.retryable]), [['integrity-failed', false]]);
  assert.match(failed[0].message, /split_sending\.[\w-]{8}\.wasm does not match its integrity hash/);
  assert.equal((await stored()).length, before, 'an altered chunk never runs');
  assert.equal(await page.locator('[data-testid=thank-you]').count(), 0);
  for (const id of ['say-my-mind', 'what-matters', 'way-we-worked', 'worth-my-time']) {
    assert.ok(await page.locator(`[data-testid=question-${id}] input[value="3"]`).isChecked(), `${id} kept`);
  }
  await noViolations(page);
  await context.close();
});

test('queued offline, reloaded while the chunk cannot be fetched: sent once, with no click, when back online', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  // The network for the chunk and the endpoint (the page and the main module load: from the
  // HTTP cache on a real device; Playwright's routing turns that cache off, so the chunk is
  // never cached here).
  let offline = false;
  const cut = (route) => (offline ? route.abort('internetdisconnected') : route.continue());
  await context.route(isChunk, cut);
  await context.route('**/api/responses', cut);
  let chunkLoaded = false;
  context.on('requestfinished', (r) => { if (isChunk(r.url())) chunkLoaded = true; });
  const { page } = await openHost(browser, WIDGET, { context });
  await ready(page);
  await answerCheckin(page, 4);
  while (!chunkLoaded) await page.waitForTimeout(100); // the prefetch, on idle
  offline = true;
  await context.setOffline(true);
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'queued-offline');
  const queued = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('rapport:outbox:')));
  assert.equal(queued.length, 1, `one submission in the outbox: ${queued}`);
  const key = queued[0].slice('rapport:outbox:'.length);
  const before = (await stored()).length;

  // A reload while the chunk and the endpoint are still unreachable.
  await context.setOffline(false);
  await page.reload();
  await ready(page);
  await statusShows(page, 'queued-offline');
  await context.setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
  offline = false;
  await context.setOffline(false); // the browser's `online` event; nobody taps anything
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 30000 });

  const all = await stored();
  assert.equal(all.length, before + 1, 'one record');
  const mine = all.filter((r) => r.envelope.idempotencyKey === key);
  assert.equal(mine.length, 1, 'stored under the queued submission\'s key');
  const answers = Object.fromEntries(mine[0].envelope.questionnaireResponse.item.map((i) => [i.linkId, i.answer[0].valueInteger]));
  assert.deepEqual(answers, { 'say-my-mind': 4, 'what-matters': 4, 'way-we-worked': 4, 'worth-my-time': 4 });
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('rapport:'))), [], 'outbox and draft cleared');
  await noViolations(page);
  await context.close();
});

test('reloaded with a queued submission while the chunk is altered: changing an answer supersedes it, so it is never sent beside the new one', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  let offline = false; // the chunk and the endpoint unreachable
  let altered = false; // the chunk served with one byte changed
  await context.route(isChunk, async (route) => {
    if (offline && !altered) return route.abort('internetdisconnected');
    if (!altered) return route.continue();
    const res = await route.fetch();
    const body = Buffer.from(await res.body());
    body[body.length - 1] ^= 1;
    return route.fulfill({ response: res, body });
  });
  await context.route('**/api/responses', (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  let chunkLoaded = false;
  context.on('requestfinished', (r) => { if (isChunk(r.url())) chunkLoaded = true; });
  const { page } = await openHost(browser, WIDGET, { context });
  await ready(page);
  await answerCheckin(page, 2);
  while (!chunkLoaded) await page.waitForTimeout(100); // the prefetch, on idle
  offline = true;
  await context.setOffline(true);
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'queued-offline');
  const outbox = () => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('rapport:outbox:')));
  assert.equal((await outbox()).length, 1, 'queued on the device');
  const before = new Set((await stored()).map((r) => r.envelope.idempotencyKey));

  // Reloaded with the sending chunk altered (the endpoint still unreachable, so the page
  // before the reload cannot send it either): the queued submission cannot be sent.
  altered = true;
  await context.setOffline(false);
  await page.reload();
  await ready(page);
  await statusShows(page, 'failed-rejected');
  assert.equal((await outbox()).length, 1, 'kept while the answers are the same');
  // The patient changes an answer: the queued submission is superseded (the draft keeps all).
  await page.locator('[data-testid=question-say-my-mind] input[value="5"]').check();
  assert.deepEqual(await outbox(), [], 'the superseded submission is no longer queued');
  const draft = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('rapport:draft:')));
  assert.equal(draft.length, 1, 'the answers are in the draft');

  // Everything whole again: one reload, one Send, one record, with the changed answer.
  offline = false;
  altered = false;
  await page.reload();
  await ready(page);
  assert.ok(await page.locator('[data-testid=question-say-my-mind] input[value="5"]').isChecked(), 'the change came back');
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 30000 });
  const added = (await stored()).filter((r) => !before.has(r.envelope.idempotencyKey));
  assert.equal(added.length, 1, 'one record, not two');
  const answers = Object.fromEntries(added[0].envelope.questionnaireResponse.item.map((i) => [i.linkId, i.answer[0].valueInteger]));
  assert.deepEqual(answers, { 'say-my-mind': 5, 'what-matters': 2, 'way-we-worked': 2, 'worth-my-time': 2 });
  await context.close();
});

test('the loader hands chunks their fetcher privately: `chunk` is not an export of rapport.js', async () => {
  const { page, context } = await openHost(browser, WIDGET);
  await ready(page);
  const exports = await page.evaluate(async () => Object.keys(await import('/rapport.js')).sort());
  assert.deepEqual(exports, ['getBasePath', 'setBasePath']);
  await context.close();
});

test('a definition with a date and check boxes fetches the controls chunk before drawing; if it cannot, the panel says which file, never a half-drawn form', async () => {
  const definition = {
    resourceType: 'Questionnaire', url: 'https://clinic.example/fhir/Questionnaire/rare', status: 'active', language: 'en',
    item: [
      { linkId: 'when', type: 'date', text: 'When did it start?' },
      { linkId: 'what', type: 'choice', repeats: true, text: 'What was hard?', answerOption: [{ valueCoding: { code: 'sleep', display: 'Sleep' } }, { valueCoding: { code: 'food', display: 'Eating' } }] },
    ],
  };
  const host = `<rapport-questionnaire endpoint="/api/responses" lang="en" storage="none">
      <script type="application/fhir+json">${JSON.stringify(definition)}</script></rapport-questionnaire>`;
  const isControls = (url) => /\/pkg\/split_controls\.[\w-]{8}\.wasm$/.test(url);
  {
    const context = await browser.newContext({ locale: 'en-US' });
    const requested = [];
    context.on('request', (r) => requested.push(r.url()));
    const { page } = await openHost(browser, host, { context });
    await ready(page);
    assert.equal(requested.filter(isControls).length, 1, 'fetched once');
    assert.equal(await page.locator('[data-testid=question-when] input[type=date]').count(), 1);
    assert.equal(await page.locator('[data-testid=question-what] input[type=checkbox]').count(), 2);
    await noViolations(page);
    await context.close();
  }
  {
    const context = await browser.newContext({ locale: 'en-US' });
    await context.route(isControls, (route) => route.abort('internetdisconnected'));
    const { page } = await openHost(browser, host, { context });
    const panel = page.locator('[data-testid=config-error]');
    await panel.waitFor({ timeout: 15000 });
    assert.match(await panel.innerText(), /definition-unreachable[\s\S]*split_controls/);
    assert.equal(await page.locator('[data-testid^=question-]').count(), 0, 'no question without its control');
    const failed = await events(page, 'rapport-failed');
    assert.equal(failed[0].code, 'definition-unreachable');
    await context.close();
  }
});
