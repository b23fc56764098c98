// Answers travel only in the POST body. A patient types a unique canary into the free-text
// question and sends to an endpoint that repeats what it was sent (a 500 with the raw body, then a
// 422 naming the offending value, as some frameworks do; or a 2xx that echoes the request as its
// "receipt"). The canary must reach the POST body and nothing else: not the console, not any
// rapport-* event but rapport-submit (not rapport-submitted's receipt), not a storage key, not a
// URL, not the widget's status line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openHost, ready, answerAll, BASE } from './helpers.mjs';
import { startFaultProxy } from './fault-proxy.mjs';

let browser;
let proxy;
before(async () => { browser = await launch(); proxy = await startFaultProxy(BASE); });
after(async () => { await browser?.close(); await proxy?.close(); });

/// Records every rapport-* event however it is dispatched (the widget's, the loader's), before
/// any page script runs: each event's type and its detail as JSON text at dispatch time.
function recordEvents() {
  window.__rapportEvents = [];
  const record = (how) => (e) => {
    if (!String(e.type).startsWith('rapport-')) return;
    let detail;
    try { detail = JSON.stringify(e.detail); } catch { detail = String(e.detail); }
    window.__rapportEvents.push({ type: e.type, how, detail: detail ?? '' });
  };
  // The documented names, in the capture phase on the document (before any page listener)...
  for (const name of ['rapport-ready', 'rapport-change', 'rapport-submitted', 'rapport-failed', 'rapport-flagged', 'rapport-submit']) {
    document.addEventListener(name, record('listener'), { capture: true });
  }
  // ...and any rapport-* event at all, even one no document lists or one that does not bubble.
  const dispatch = EventTarget.prototype.dispatchEvent;
  const seen = record('dispatch');
  EventTarget.prototype.dispatchEvent = function (e) {
    seen(e);
    return dispatch.call(this, e);
  };
}

/// The endpoint's answers by default: a 500 echoing the raw body (retried), then a 422 naming
/// every text value (final).
const REFUSALS = [{ status: 500, echo: 'raw' }, { status: 422, echo: 'fields' }];

/// Opens the psychiatry-relationship questionnaire behind the echoing proxy, answers it with the
/// canary in its free-text question, sends with the endpoint answering `faults` in turn, and
/// waits until the endpoint has refused it for good, or (`accepted`) confirmed it.
async function sendCanary({ attributes, hostDelivery = false, faults = REFUSALS, accepted = false }) {
  proxy.heal();
  const canary = `CANARY_${Math.random().toString(36).slice(2)}_${Date.now()}`;
  // Longer than any other text in the envelope, so the 422 names it first.
  const text = `My private note ${canary} `.repeat(4).trim();
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript(recordEvents);
  const seen = { console: [], urls: [] };
  context.on('page', (p) => {
    p.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
    p.on('pageerror', (e) => seen.console.push(`pageerror: ${e.message}\n${e.stack ?? ''}`));
    p.on('request', (r) => seen.urls.push(r.url()));
    p.on('framenavigated', (f) => seen.urls.push(f.url()));
  });
  const { page } = await openHost(browser,
    `<rapport-questionnaire instrument="psychiatry-relationship" lang="en" ${attributes}></rapport-questionnaire>`,
    { origin: proxy.origin, context });
  await ready(page);
  if (hostDelivery) {
    // A portal following the README: it sends the body with its own client and passes the
    // client's error on as the refusal's message, which here repeats the canary.
    await page.evaluate(() => {
      const el = document.querySelector('rapport-questionnaire');
      el.addEventListener('rapport-submit', async ({ detail }) => {
        const res = await fetch('/api/responses', {
          method: 'POST', body: detail.body,
          headers: { 'content-type': 'application/json', 'idempotency-key': detail.idempotencyKey },
        });
        el.rejectSubmission(detail.idempotencyKey, { retryable: res.status >= 500, message: `${res.status}: ${await res.text()}` });
      });
    });
  }
  await answerAll(page);
  await page.locator('[data-testid=question-better] textarea').fill(text);
  proxy.push(...faults);
  const before = proxy.posts.length;
  await page.locator('[data-testid=submit]').click();
  await page.locator(accepted ? '[data-testid=thank-you]' : '[data-testid=status].status-failed').waitFor({ timeout: 30000 });
  const posts = proxy.posts.slice(before);
  assert.equal(posts.length, faults.length, accepted ? 'one POST, confirmed' : 'the 500 is retried, the 422 is final');
  for (const post of posts) assert.ok(post.body.includes(canary), 'the canary is in the POST body');
  return { canary, context, page, seen };
}

/// Everything the page and the widget let out, other than the POST body.
async function outside(page, seen) {
  const events = await page.evaluate(() => window.__rapportEvents);
  const storage = await page.evaluate(() => ({
    session: Object.keys(sessionStorage), local: Object.keys(localStorage), cookie: document.cookie,
  }));
  // The status line is gone once the thank-you replaces the form.
  const status = (await page.locator('[data-testid=status]').count())
    ? await page.locator('[data-testid=status]').evaluate((el) => el.textContent) : '';
  return { events, storage, status, console: seen.console, urls: [...seen.urls, page.url()] };
}

function assertOnlyInBody(canary, found, { submitCarriesIt = false, accepted = false } = {}) {
  const leaks = (list) => list.filter((s) => s.includes(canary));
  assert.deepEqual(leaks(found.console), [], 'no console message or page error holds the canary');
  const eventLeaks = found.events.filter((e) => e.type !== 'rapport-submit' && e.detail.includes(canary));
  assert.deepEqual(eventLeaks.map((e) => e.type), [], 'no rapport-* event but rapport-submit holds the canary');
  if (accepted) {
    assert.ok(found.events.some((e) => e.type === 'rapport-submitted'), 'the host heard that it was delivered');
  } else {
    const failed = found.events.filter((e) => e.type === 'rapport-failed');
    assert.ok(failed.length >= 1, 'the host heard about the failures');
  }
  if (submitCarriesIt) {
    assert.ok(found.events.some((e) => e.type === 'rapport-submit' && e.detail.includes(canary)),
      'rapport-submit carries the answers (that is its purpose)');
  }
  assert.deepEqual(leaks([...found.storage.session, ...found.storage.local, found.storage.cookie]), [],
    'no storage key or cookie holds the canary');
  assert.deepEqual(leaks(found.urls), [], 'no URL holds the canary');
  assert.ok(!found.status.includes(canary), 'the status line does not hold the canary');
}

test('storage="session": the canary reaches only the POST body (drafts hold it by design, keys do not)', async () => {
  const { canary, context, page, seen } = await sendCanary({ attributes: 'endpoint="/api/responses"' });
  const found = await outside(page, seen);
  assertOnlyInBody(canary, found);
  assert.ok(found.storage.session.some((k) => k.startsWith('rapport:draft:')), 'a draft is kept under the session policy');
  await context.close();
});

test('storage="none": the canary reaches only the POST body and nothing is stored', async () => {
  const { canary, context, page, seen } = await sendCanary({ attributes: 'endpoint="/api/responses" storage="none"' });
  const found = await outside(page, seen);
  assertOnlyInBody(canary, found);
  assert.deepEqual(found.storage, { session: [], local: [], cookie: '' }, 'nothing stored on the device');
  await context.close();
});

test('delivery="host": a refusal message repeating the body reaches neither console nor events', async () => {
  const { canary, context, page, seen } = await sendCanary({ attributes: 'delivery="host" storage="none"', hostDelivery: true });
  assertOnlyInBody(canary, await outside(page, seen), { submitCarriesIt: true });
  await context.close();
});

test('an endpoint echoing the request on 201: rapport-submitted carries only the documented receipt fields', async () => {
  const { canary, context, page, seen } = await sendCanary({
    attributes: 'endpoint="/api/responses"', faults: [{ status: 201, echo: 'raw' }], accepted: true,
  });
  const found = await outside(page, seen);
  assertOnlyInBody(canary, found, { accepted: true });
  const submitted = found.events.filter((e) => e.type === 'rapport-submitted' && e.how === 'listener');
  assert.equal(submitted.length, 1);
  const { receipt, idempotencyKey } = JSON.parse(submitted[0].detail);
  // The echoed envelope has an idempotencyKey (a documented field, a short string): only it stays.
  assert.deepEqual(receipt, { idempotencyKey }, 'nothing but the documented fields is passed on');
  await context.close();
});

test('an endpoint echoing every text value on 200: no receipt field carries the canary', async () => {
  const { canary, context, page, seen } = await sendCanary({
    attributes: 'endpoint="/api/responses" storage="none"', faults: [{ status: 200, echo: 'fields' }], accepted: true,
  });
  const found = await outside(page, seen);
  assertOnlyInBody(canary, found, { accepted: true });
  const submitted = found.events.filter((e) => e.type === 'rapport-submitted' && e.how === 'listener');
  assert.deepEqual(JSON.parse(submitted[0].detail).receipt, {}, 'a reply without the documented fields gives an empty receipt');
  await context.close();
});
