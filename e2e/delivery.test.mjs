// Never lose an answer: drafts and the outbox under each storage policy, and delivery through a
// fault-injecting layer in front of the real receiver. Every scenario ends with exactly one
// stored record per submission, the answers kept until then, and honest words for the patient.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openHost, ready, events, stored, answerCheckin, noViolations, BASE, CSP } from './helpers.mjs';
import { startFaultProxy } from './fault-proxy.mjs';
import { message, shown, statusShows } from './fluent.mjs';

let browser;
let proxy;
before(async () => { browser = await launch(); proxy = await startFaultProxy(BASE); });
after(async () => { await browser?.close(); await proxy?.close(); });

const widget = (extra = '') =>
  `<rapport-questionnaire instrument="session-checkin" endpoint="/api/responses" lang="en" ${extra}></rapport-questionnaire>`;

async function open(extra = '', options = {}) {
  proxy.heal();
  const opened = await openHost(browser, widget(extra), { origin: proxy.origin, ...options });
  await ready(opened.page);
  return opened;
}

async function records(key) {
  return (await stored()).filter((r) => r.envelope.idempotencyKey === key).length;
}

async function delivered(page) {
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 30000 });
}

/// Every property another script can enumerate on the element, with its value as JSON.
async function ownProperties(page) {
  return page.evaluate(() => {
    const el = document.querySelector('rapport-questionnaire');
    return Object.getOwnPropertyNames(el).map((k) => {
      try { return `${k}=${JSON.stringify(el[k])}`; } catch { return `${k}=?`; }
    }).join(' ');
  });
}

/// The rapport: keys in both Web Storage areas of the page.
async function storedKeys(page) {
  return page.evaluate(() => [sessionStorage, localStorage].flatMap((s) =>
    Object.keys(s).filter((k) => k.startsWith('rapport:'))));
}

test('503 with Retry-After twice, then stored once with the same key', async () => {
  const { page, context } = await open('send-timeout="5"');
  proxy.push({ status: 503, retryAfter: '1' }, { status: 503, retryAfter: '1' });
  const before = proxy.posts.length;
  await answerCheckin(page, 4);
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'queued-retry');
  await delivered(page);
  const keys = proxy.posts.slice(before).map((p) => p.key);
  assert.equal(keys.length, 3, 'two refusals, then the delivery');
  assert.equal(new Set(keys).size, 1, 'one Idempotency-Key for every attempt');
  assert.equal(await records(keys[0]), 1);
  const failed = await events(page, 'rapport-failed');
  assert.equal(failed.length, 1, 'the host hears about the first failure once');
  assert.equal(failed[0].retryable, true);
  assert.equal(failed[0].queued, true);
  assert.deepEqual(await storedKeys(page), [], 'draft and outbox are cleared after delivery');
  await noViolations(page);
  await context.close();
});

test('429 and 500 are retried; a response slower than the timeout is retried and stored once', async () => {
  const { page, context } = await open('send-timeout="1"');
  proxy.push({ status: 429, retryAfter: '1' }, { status: 500 }, { delayMs: 2500 });
  const before = proxy.posts.length;
  await answerCheckin(page, 5);
  await page.locator('[data-testid=submit]').click();
  await delivered(page);
  const key = proxy.posts[before].key;
  assert.ok(proxy.posts.length - before >= 4, 'a retry after the timed-out attempt');
  // The slow attempt still reached the receiver; the key made its retry a replay.
  await new Promise((r) => setTimeout(r, 2000));
  assert.equal(await records(key), 1);
  await context.close();
});

test('the connection drops after the receiver stored it: the retry is a replay, one record', async () => {
  const { page, context } = await open();
  proxy.push({ dropAfterStore: true });
  const before = proxy.posts.length;
  await answerCheckin(page, 6);
  await page.locator('[data-testid=submit]').click();
  await delivered(page);
  const key = proxy.posts[before].key;
  assert.ok(proxy.posts.length - before >= 2);
  assert.equal(await records(key), 1);
  await context.close();
});

test('offline, then online: saved on the device, sent when the connection is back', async () => {
  const { page, context } = await open();
  await answerCheckin(page, 7);
  await context.setOffline(true);
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'queued-offline');
  // Frozen while waiting: the answers are still shown and cannot be changed by mistake.
  assert.equal(await page.locator('[data-testid=question-say-my-mind] input[value="7"]').isChecked(), true);
  assert.equal(await page.locator('[data-testid=question-say-my-mind] input[value="2"]').isDisabled(), true);
  const outbox = await storedKeys(page);
  assert.ok(outbox.some((k) => k.startsWith('rapport:outbox:')), `outbox in sessionStorage: ${outbox}`);
  const before = proxy.posts.length;
  await context.setOffline(false);
  await delivered(page);
  assert.equal(await records(proxy.posts[before].key), 1);
  await context.close();
});

test('a reload with a pending outbox sends it on the next load, once', async () => {
  const { page, context } = await open();
  proxy.failAll(503);
  await answerCheckin(page, 8);
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'queued-retry');
  const key = proxy.posts.at(-1).key;
  proxy.heal();
  await page.reload();
  await delivered(page);
  assert.equal(await records(key), 1);
  assert.ok(proxy.posts.filter((p) => p.key === key).length >= 2);
  await context.close();
});

test('a double click posts once', async () => {
  const { page, context } = await open();
  const before = proxy.posts.length;
  await answerCheckin(page, 9);
  await page.locator('[data-testid=submit]').dblclick();
  await delivered(page);
  const posts = proxy.posts.slice(before);
  assert.equal(posts.length, 1);
  assert.equal(await records(posts[0].key), 1);
  await context.close();
});

test('two tabs flushing the same local outbox store one record', async () => {
  const context = await browser.newContext();
  const a = await open('storage="local" id="shared"', { context });
  proxy.failAll(503);
  await answerCheckin(a.page, 3);
  await a.page.locator('[data-testid=submit]').click();
  await statusShows(a.page, 'queued-retry');
  const key = proxy.posts.at(-1).key;
  // The patient opens the portal in a second tab: same device storage, same widget.
  const b = await openHost(browser, widget('storage="local" id="shared"'), { origin: proxy.origin, context });
  await statusShows(b.page, 'queued-retry');
  proxy.heal();
  await delivered(b.page);
  await delivered(a.page);
  assert.equal(await records(key), 1);
  await context.close();
});

test('a refusal (422) is not retried: the answers stay and the host is told', async () => {
  const { page, context } = await open();
  proxy.push({ status: 422, body: '{"error":"invalid-envelope","message":"injected"}' });
  const before = proxy.posts.length;
  await answerCheckin(page, 2);
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'failed-rejected');
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(proxy.posts.length - before, 1, 'no automatic retry');
  const failed = await events(page, 'rapport-failed');
  assert.equal(failed.at(-1).retryable, false);
  assert.equal(await page.locator('[data-testid=question-say-my-mind] input[value="2"]').isChecked(), true);
  assert.equal(await page.locator('[data-testid=question-say-my-mind] input[value="3"]').isDisabled(), false, 'editable again');
  await context.close();
});

test('401 waits for the portal to set headers from JavaScript, then sends with them', async () => {
  const { page, context } = await open();
  proxy.push({ requireHeader: ['Authorization', 'Bearer fresh-token'] });
  const before = proxy.posts.length;
  await answerCheckin(page, 1);
  await page.locator('[data-testid=submit]').click();
  await page.waitForFunction(() => window.__events.some((e) => e.name === 'rapport-failed' && e.detail.code === 'unauthorized'));
  await page.evaluate(() => document.querySelector('rapport-questionnaire').setRequestHeaders({ Authorization: 'Bearer fresh-token' }));
  await delivered(page);
  const last = proxy.posts.at(-1);
  assert.equal(last.headers.authorization, 'Bearer fresh-token');
  assert.equal(await records(proxy.posts[before].key), 1);
  assert.doesNotMatch(await page.content(), /fresh-token/, 'the token is never written into the page');
  assert.doesNotMatch(await ownProperties(page), /fresh-token/, 'no script can read the token back from the element');
  await context.close();
});

test('headers set before the widget mounts are sent with the first attempt, and stay unreadable', async () => {
  const { page, context } = await open();
  proxy.push({ requireHeader: ['Authorization', 'Bearer early-token'] });
  const before = proxy.posts.length;
  // A portal that creates the element from its own code and sets the token before inserting it.
  await page.evaluate(() => {
    document.querySelector('rapport-questionnaire').remove();
    const el = document.createElement('rapport-questionnaire');
    for (const [k, v] of Object.entries({ instrument: 'session-checkin', endpoint: '/api/responses', lang: 'en' })) el.setAttribute(k, v);
    el.setRequestHeaders({ Authorization: 'Bearer early-token' });
    document.body.append(el);
  });
  await ready(page);
  assert.doesNotMatch(await ownProperties(page), /early-token/);
  await answerCheckin(page, 2);
  await page.locator('[data-testid=submit]').click();
  await delivered(page);
  const posts = proxy.posts.slice(before);
  assert.equal(posts.length, 1, 'no 401 first: the headers were there from the start');
  assert.equal(posts[0].headers.authorization, 'Bearer early-token');
  await context.close();
});

test('drafts survive a reload (session policy) and say so', async () => {
  const { page, context } = await open();
  await page.locator('[data-testid=question-say-my-mind] input[value="4"]').check();
  await page.locator('[data-testid=question-worth-my-time] input[value="9"]').check();
  const keys = await storedKeys(page);
  assert.deepEqual(keys, ['rapport:draft:session-checkin:default']);
  const draft = await page.evaluate(() => sessionStorage.getItem('rapport:draft:session-checkin:default'));
  assert.match(draft, /"valueInteger":4/);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('[data-testid=question-say-my-mind] input[value="4"]').isChecked(), true);
  assert.equal(await page.locator('[data-testid=question-worth-my-time] input[value="9"]').isChecked(), true);
  assert.equal(shown(await page.locator('[data-testid=note]').innerText()), message('draft-restored'));
  assert.equal(await page.evaluate(() => document.cookie), '', 'no cookies');
  await context.close();
});

test('storage="none" writes nothing on the device and says so; the outbox lives in memory', async () => {
  const { page, context } = await open('storage="none"');
  assert.ok(shown(await page.locator('.privacy').innerText()).endsWith(message('privacy-none')), 'the patient is told nothing is stored');
  proxy.push({ status: 503 }, { status: 503 }, { status: 503 });
  await answerCheckin(page, 5);
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'failed-server'); // not queued-retry: no promise of a saved copy
  assert.deepEqual(await storedKeys(page), []);
  await delivered(page);
  assert.deepEqual(await storedKeys(page), []);
  await context.close();
});

test('plain http to another host is refused for endpoint and src; allow-insecure-endpoint covers the endpoint only', async () => {
  const context = await browser.newContext();
  const { page } = await openHost(browser,
    `<rapport-questionnaire id="refused" instrument="session-checkin" endpoint="http://203.0.113.9/api/responses"></rapport-questionnaire>
     <rapport-questionnaire id="lookalike" instrument="session-checkin" endpoint="http://127.0.0.1.example.test/api/responses"></rapport-questionnaire>
     <rapport-questionnaire id="src" src="http://203.0.113.9/q.json" endpoint="/api/responses" allow-insecure-endpoint></rapport-questionnaire>
     <rapport-questionnaire id="credentials" instrument="session-checkin" endpoint="https://alice:s3cret@203.0.113.9/api/responses"></rapport-questionnaire>
     <rapport-questionnaire id="allowed" instrument="session-checkin" endpoint="http://203.0.113.9/api/responses" allow-insecure-endpoint></rapport-questionnaire>`,
    { context });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  for (const [id, code] of [['refused', 'insecure-endpoint'], ['lookalike', 'insecure-endpoint'], ['src', 'insecure-src'], ['credentials', 'invalid-url']]) {
    const panel = page.locator(`#${id} [data-testid=config-error]`);
    await panel.waitFor({ timeout: 15000 });
    assert.equal(await panel.locator('code').innerText(), code, id);
  }
  const codes = (await events(page, 'rapport-failed')).map((d) => d.code).sort();
  assert.deepEqual(codes, ['insecure-endpoint', 'insecure-endpoint', 'insecure-src', 'invalid-url']);
  const said = JSON.stringify(await events(page, 'rapport-failed'));
  assert.ok(!said.includes('s3cret') && !said.includes('alice'), 'the refusal does not repeat the credentials');
  // The bare boolean attribute (no value) is enough to allow it.
  await ready(page, '#allowed');
  assert.equal(await page.locator('#allowed [data-testid=config-error]').count(), 0);
  assert.ok(!requests.some((u) => u.includes('203.0.113.9/q.json')), 'the refused definition is never fetched');
  await context.close();
});

test('src= is fetched without following redirects: a redirect to plain http on another host is refused', async () => {
  // The other host, served by Playwright routing and allowed by the page's connect-src, so that
  // only the widget's own rule stands between the redirect and a reworded questionnaire.
  const definition = await (await fetch(`${BASE}/demo/clinic-questionnaire.json`)).text();
  const context = await browser.newContext();
  const served = [];
  await context.route(/^https?:\/\/definitions\.example\.test\//, (route) => {
    served.push(route.request().url());
    return route.fulfill({
      status: 200, body: definition,
      headers: { 'content-type': 'application/fhir+json', 'access-control-allow-origin': '*' },
    });
  });
  const csp = CSP.replace("connect-src 'self'", "connect-src 'self' http://definitions.example.test https://definitions.example.test");
  const insecure = 'http://definitions.example.test/q.json';
  proxy.heal();
  const { page } = await openHost(browser,
    `<rapport-questionnaire id="redirected" src="/redirect?to=${encodeURIComponent(insecure)}" endpoint="/api/responses"></rapport-questionnaire>
     <rapport-questionnaire id="direct" src="https://definitions.example.test/q.json" endpoint="/api/responses"></rapport-questionnaire>`,
    { origin: proxy.origin, context, csp });
  // The same definition straight from https on that host renders: the routing and the policy
  // would let the redirected one through if the widget followed it.
  await ready(page, '#direct');
  const panel = page.locator('#redirected [data-testid=config-error]');
  await panel.waitFor({ timeout: 15000 });
  assert.equal(await panel.locator('code').innerText(), 'definition-unreachable');
  assert.match(await panel.innerText(), /redirects are not followed/);
  assert.equal(await page.locator('#redirected [data-testid=submit]').count(), 0, 'no questionnaire from the redirect');
  assert.deepEqual(served, ['https://definitions.example.test/q.json'], 'the plain-http target is never requested');
  await context.close();
});

test('host delivery: the page sends the payload with its own client and confirms; retries reuse the key', async () => {
  const { page, context } = await open('delivery="host"');
  // The portal's own code: first attempt fails (retryable), the second is sent and confirmed.
  await page.evaluate(() => {
    window.__submits = [];
    const el = document.querySelector('rapport-questionnaire');
    el.addEventListener('rapport-submit', async (ev) => {
      const { idempotencyKey, envelope, body } = ev.detail;
      window.__submits.push({ idempotencyKey, hasResponse: !!envelope.questionnaireResponse });
      if (window.__submits.length === 1) {
        el.rejectSubmission(idempotencyKey, { retryable: true, message: 'portal session refreshing' });
        return;
      }
      const res = await fetch('/api/responses', {
        method: 'POST', body,
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, 'x-portal-client': 'yes' },
      });
      el.confirmSubmission(idempotencyKey, await res.json());
    });
  });
  const before = proxy.posts.length;
  await answerCheckin(page, 6);
  await page.locator('[data-testid=submit]').click();
  await delivered(page);
  const submits = await page.evaluate(() => window.__submits);
  assert.equal(submits.length, 2);
  assert.equal(submits[0].idempotencyKey, submits[1].idempotencyKey, 'the same key both times');
  assert.ok(submits.every((s) => s.hasResponse), 'the payload carries the QuestionnaireResponse');
  const posts = proxy.posts.slice(before);
  assert.equal(posts.length, 1, 'only the portal posted');
  assert.equal(posts[0].headers['x-portal-client'], 'yes');
  assert.equal(await records(submits[0].idempotencyKey), 1);
  const done = await events(page, 'rapport-submitted');
  assert.ok(done.at(-1).receipt?.id, 'the portal\'s receipt is passed on');
  await noViolations(page);
  await context.close();
});

test('host delivery: a final refusal keeps the answers and says so', async () => {
  const { page, context } = await open('delivery="host"');
  await page.evaluate(() => {
    const el = document.querySelector('rapport-questionnaire');
    el.addEventListener('rapport-submit', (ev) =>
      el.rejectSubmission(ev.detail.idempotencyKey, { retryable: false, message: 'appointment-closed' }));
  });
  await answerCheckin(page, 3);
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'failed-rejected');
  const failed = await events(page, 'rapport-failed');
  assert.equal(failed.at(-1).retryable, false);
  assert.match(failed.at(-1).message, /\(appointment-closed\)/, 'a code-like message is passed on');
  assert.equal(await page.locator('[data-testid=question-say-my-mind] input[value="3"]').isChecked(), true);
  await context.close();
});
