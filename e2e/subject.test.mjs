// Whose answers (issue 15): the portal's subject token on the element, storage scoped to the
// patient, drafts that expire, `clearStoredData()` at logout, and a token about another patient
// never carrying the first one's answers. Against the real receiver started without subject keys
// (it accepts a subject token unverified), so the tokens here are well formed but unsigned.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { launch, openHost, ready, events, stored, answerCheckin, noViolations, BASE } from './helpers.mjs';
import { startFaultProxy } from './fault-proxy.mjs';
import { message, shown, statusShows } from './fluent.mjs';

let browser;
let proxy;
before(async () => { browser = await launch(); proxy = await startFaultProxy(BASE); });
after(async () => { await browser?.close(); await proxy?.close(); });

const b64 = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const claimsOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

// A receiver that verifies tokens when there is one (`--demo` with its demo portal) mints them
// for its demo patients; then the tests use those (A, B and C here stand for the three demo
// patients), else well-formed tokens signed with nothing a receiver would accept.
const DEMO_PATIENTS = { a: 'demo-ana', b: 'demo-ben', c: 'demo-chen' };
const DEMO = await fetch(`${BASE}/demo/subject-token?patient=demo-ana`).then((r) => r.ok).catch(() => false);
const ISS = 'https://portal.example';

/// A token for patient `who` (`a`, `b` or `c`): the receiver's demo portal's, else made here.
async function mint(who) {
  if (DEMO) {
    const res = await fetch(`${BASE}/demo/subject-token?patient=${DEMO_PATIENTS[who]}`);
    return (await res.json()).token;
  }
  return local({ sub: `patient-${who}` });
}

/// A token made here, never accepted by a verifying receiver: for the widget's own checks.
function local(claims = {}) {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: ISS, aud: 'rapport', iat: now, exp: now + 900, ...claims };
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.${b64('not-a-real-signature')}`;
}

/// A fresh token for the same patient (a later `iat`, so a different token).
async function fresh(who) {
  await new Promise((r) => setTimeout(r, 1100));
  return mint(who);
}

/// The storage key prefix of a token's patient: `rapport:s:` + the first 32 hex digits of
/// SHA-256(iss LF sub).
function scope(token) {
  const { iss, sub } = claimsOf(token);
  return `rapport:s:${createHash('sha256').update(`${iss}\n${sub}`).digest('hex').slice(0, 32)}:`;
}

const widget = (extra = '') =>
  `<rapport-questionnaire instrument="session-checkin" endpoint="/api/responses" lang="en" storage="local" ${extra}></rapport-questionnaire>`;

async function open(extra = '', options = {}) {
  proxy.heal();
  const opened = await openHost(browser, widget(extra), { origin: proxy.origin, ...options });
  await ready(opened.page);
  return opened;
}

async function storedKeys(page) {
  return page.evaluate(() => [sessionStorage, localStorage].flatMap((s) =>
    Object.keys(s).filter((k) => k.startsWith('rapport:'))));
}

/// The portal signs another patient in (or out, with `null`): sets the property.
async function signIn(page, token) {
  await page.evaluate((t) => { document.querySelector('rapport-questionnaire').subjectToken = t; }, token);
  await ready(page);
}

const checked = (page, id, v) => page.locator(`[data-testid=question-${id}] input[value="${v}"]`).isChecked();

/// What a POST carried: its subject token and the QuestionnaireResponse's subject value.
function carried(post) {
  const envelope = JSON.parse(post.body);
  return { token: envelope.subjectToken, sub: envelope.questionnaireResponse.subject?.identifier?.value, format: envelope.format };
}

test('patient B on the same profile finds nothing of A, sends only B; A comes back to the draft', async () => {
  const a = await mint('a');
  const b = await mint('b');
  const { page, context } = await open(`subject-token="${a}"`);
  // A answers half.
  await page.locator('[data-testid=question-say-my-mind] input[value="3"]').check();
  await page.locator('[data-testid=question-what-matters] input[value="6"]').check();
  let keys = await storedKeys(page);
  assert.deepEqual(keys, [`${scope(a)}draft:session-checkin:default`], 'A\'s draft under A\'s scope only');
  assert.ok(!keys.some((k) => k.includes(claimsOf(a).sub)), 'no subject id in a key');
  const draft = await page.evaluate((k) => localStorage.getItem(k), keys[0]);
  assert.doesNotMatch(draft, new RegExp(a.split('.')[1]), 'the token is never stored');

  // A "logs out"; the portal signs B in on the same page: a fresh form, nothing restored.
  await signIn(page, b);
  assert.equal(await checked(page, 'say-my-mind', 3), false);
  assert.equal(await checked(page, 'what-matters', 6), false);
  assert.equal(await page.locator('[data-testid=note]').isVisible(), false, 'no "answers restored" note');
  const before = proxy.posts.length;
  await answerCheckin(page, 9);
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 30000 });
  const posts = proxy.posts.slice(before);
  assert.equal(posts.length, 1);
  assert.deepEqual(carried(posts[0]), { token: b, sub: claimsOf(b).sub, format: 'rapport-envelope/3' });
  assert.equal(JSON.parse(posts[0].body).questionnaireResponse.item.filter((i) => i.answer?.[0]?.valueInteger === 3).length, 0, 'none of A\'s answers');

  // B leaves, A signs in again in a new tab of the same profile: the draft is back.
  await context.pages()[0].close();
  const again = await openHost(browser, widget(`subject-token="${await mint('a')}"`), { origin: proxy.origin, context });
  await ready(again.page);
  assert.equal(await checked(again.page, 'say-my-mind', 3), true);
  assert.equal(await checked(again.page, 'what-matters', 6), true);
  assert.equal(shown(await again.page.locator('[data-testid=note]').innerText()), message('draft-restored'));
  await noViolations(again.page);
  await context.close();
});

test('an outbox entry queued under A is not sent while B is signed in, and is sent when A returns', async () => {
  const a = await mint('a');
  const { page, context } = await open(`subject-token="${a}" send-timeout="2"`);
  proxy.failAll(503);
  await answerCheckin(page, 2);
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'queued-retry');
  const key = proxy.posts.at(-1).key;
  assert.equal(carried(proxy.posts.at(-1)).token, a);
  const outbox = (await storedKeys(page)).filter((k) => k.includes(':outbox:'));
  assert.deepEqual(outbox, [`${scope(a)}outbox:${key}`]);
  const entry = await page.evaluate((k) => localStorage.getItem(k), outbox[0]);
  assert.doesNotMatch(entry, /subjectToken/, 'queued without the token');

  // B signs in; the endpoint is back. Nothing of A's may go, with any token.
  await signIn(page, await mint('b'));
  proxy.heal();
  const before = proxy.posts.length;
  await page.waitForTimeout(4000);
  assert.deepEqual(proxy.posts.slice(before).map((p) => p.key), [], 'A\'s submission waits for A');
  // A signs in again (a fresh token): it is sent, once, with that token.
  const again = await fresh('a');
  await page.evaluate((t) => { document.querySelector('rapport-questionnaire').subjectToken = t; }, again);
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 30000 });
  const sent = proxy.posts.slice(before);
  assert.ok(sent.length >= 1);
  for (const p of sent) assert.equal(p.key, key);
  assert.deepEqual(carried(sent.at(-1)), { token: again, sub: claimsOf(a).sub, format: 'rapport-envelope/3' }, 'the current token, put in just before the send');
  assert.equal((await stored()).filter((r) => r.envelope.idempotencyKey === key).length, 1);
  assert.deepEqual(await storedKeys(page), [], 'draft and outbox gone once delivered');
  await context.close();
});

test('clearStoredData() wipes every rapport: key and counts the undelivered submissions', async () => {
  const { page, context } = await open(`subject-token="${await mint('c')}"`);
  proxy.failAll(503);
  await answerCheckin(page, 5);
  await page.locator('[data-testid=submit]').click();
  await statusShows(page, 'queued-retry');
  await page.evaluate(() => sessionStorage.setItem('rapport:draft:other:default', '{}'));
  await page.evaluate(() => localStorage.setItem('portal-own-key', 'kept'));
  assert.ok((await storedKeys(page)).length >= 3);
  const removed = await page.evaluate(() => document.querySelector('rapport-questionnaire').clearStoredData());
  assert.equal(removed, 1, 'one undelivered submission');
  assert.deepEqual(await storedKeys(page), []);
  assert.equal(await page.evaluate(() => localStorage.getItem('portal-own-key')), 'kept', 'only the widget\'s keys');
  await page.waitForTimeout(2500); // a retry in progress does not write it back
  assert.deepEqual(await storedKeys(page), []);
  proxy.heal();
  await context.close();
});

test('an expired draft is not restored (default a week; draft-expiry in hours)', async () => {
  const token = await mint('c');
  const { page, context } = await open(`subject-token="${token}"`);
  await page.locator('[data-testid=question-say-my-mind] input[value="8"]').check();
  const key = `${scope(token)}draft:session-checkin:default`;
  const age = async (hours) => page.evaluate(([k, h]) => {
    const d = JSON.parse(localStorage.getItem(k));
    d.savedAt = Date.now() - h * 3600000;
    localStorage.setItem(k, JSON.stringify(d));
  }, [key, hours]);
  // Six days old: still there.
  await age(24 * 6);
  await page.reload();
  await ready(page);
  assert.equal(await checked(page, 'say-my-mind', 8), true);
  // Eight days old: gone, and removed from the device.
  await age(24 * 8);
  await page.reload();
  await ready(page);
  assert.equal(await checked(page, 'say-my-mind', 8), false);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null);
  await context.close();
});

test('draft-expiry="1": a two-hour-old draft is not restored', async () => {
  const token = await mint('c');
  const { page, context } = await open(`subject-token="${token}" draft-expiry="1"`);
  await page.locator('[data-testid=question-say-my-mind] input[value="8"]').check();
  const key = `${scope(token)}draft:session-checkin:default`;
  await page.evaluate((k) => {
    const d = JSON.parse(localStorage.getItem(k));
    d.savedAt = Date.now() - 2 * 3600000;
    localStorage.setItem(k, JSON.stringify(d));
  }, key);
  await page.reload();
  await ready(page);
  assert.equal(await checked(page, 'say-my-mind', 8), false);
  await context.close();
});

test('a malformed token: the configuration panel at mount; rapport-failed later, answers kept', async () => {
  const { page, context } = await openHost(browser, widget('subject-token="not.a-token"'), { origin: proxy.origin });
  await page.locator('[data-testid=config-error]').waitFor();
  assert.match(await page.locator('[data-testid=config-error]').innerText(), /subject-token-malformed/);
  assert.equal((await events(page, 'rapport-failed'))[0].code, 'subject-token-malformed');
  // The portal fixes it: the form appears.
  const f = await mint('a');
  await signIn(page, f);
  await page.locator('[data-testid=question-say-my-mind] input[value="1"]').check();
  // Later a broken one (a claim missing): said in rapport-failed, the answers stay, nothing sent.
  const noSub = `${b64({ alg: 'HS256' })}.${b64({ iss: ISS })}.${b64('x')}`;
  await page.evaluate((t) => { document.querySelector('rapport-questionnaire').subjectToken = t; }, noSub);
  const failed = await events(page, 'rapport-failed');
  assert.equal(failed.at(-1).code, 'subject-token-claims');
  assert.doesNotMatch(failed.at(-1).message, /portal\.example/, 'no claim value in the message');
  assert.equal(await checked(page, 'say-my-mind', 1), true);
  await answerCheckin(page, 1);
  const before = proxy.posts.length;
  await page.locator('[data-testid=submit]').click();
  await page.waitForTimeout(1500);
  assert.equal(proxy.posts.length, before, 'nothing sent with an unreadable token');
  // A good token for the same patient: the waiting send goes.
  const good = await fresh('a');
  await page.evaluate((t) => { document.querySelector('rapport-questionnaire').subjectToken = t; }, good);
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 30000 });
  assert.equal(carried(proxy.posts.at(-1)).token, good);
  const tooLong = local({ sub: claimsOf(f).sub, iss: claimsOf(f).iss, pad: 'x'.repeat(5000) });
  await page.evaluate((t) => { document.querySelector('rapport-questionnaire').subjectToken = t; }, tooLong);
  assert.equal((await events(page, 'rapport-failed')).at(-1).code, 'subject-token-too-large');
  await context.close();
});

test('host delivery: rapport-submit carries the token in the envelope; nothing else does', async () => {
  const token = await mint('b');
  const { page, context } = await openHost(browser, widget(`delivery="host" subject-token="${token}"`), { origin: proxy.origin });
  await ready(page);
  await page.evaluate(() => {
    document.addEventListener('rapport-submit', (e) => {
      window.__submit = e.detail;
      document.querySelector('rapport-questionnaire').confirmSubmission(e.detail.idempotencyKey, { id: 'r1' });
    });
  });
  await answerCheckin(page, 6);
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 30000 });
  const detail = await page.evaluate(() => window.__submit);
  assert.equal(detail.envelope.subjectToken, token);
  assert.equal(detail.envelope.format, 'rapport-envelope/3');
  assert.deepEqual(detail.envelope.questionnaireResponse.subject, { identifier: { system: claimsOf(token).iss, value: claimsOf(token).sub } });
  assert.equal(JSON.parse(detail.body).subjectToken, token);
  const others = await page.evaluate(() => JSON.stringify(window.__events));
  assert.ok(!others.includes(token.split('.')[1]), 'no other event carries the token');
  assert.deepEqual(await storedKeys(page), []);
  await context.close();
});
