// The clinician signs in through a real OpenID provider (issue 16, first increment): the local
// `oidc-provider` of e2e/oidc/provider.mjs on 127.0.0.2 and a receiver of the test's own on
// 127.0.0.1 (RAPPORT_RECEIVER_BIN), never a skipped login. Checks the session cookie's
// attributes, that sign-out refuses a missing or wrong CSRF token, and that after signing out the
// old cookie opens nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { freePort, startProvider, startReceiver, signIn as signInAt } from './oidc/harness.mjs';

const plain = (s) => s.replace(/[\u2068\u2069]/g, '');

let browser;
let provider;
let receiver;
let base;
const ADMIN = 'admin-token-of-the-clinician-e2e-0123456789';
before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startProvider(base);
  receiver = await startReceiver({ port, issuer: provider.issuer, extra: ['--admin-token', ADMIN] });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); receiver?.stop(); provider?.process.kill(); });

/// Signs in at the provider as `account` (its option label).
const signIn = (context, account) => signInAt(context, base, account);

test('a clinician signs in at the provider, sees their name, and signs out; the old cookie opens nothing', async () => {
  const context = await browser.newContext();
  const page = await signIn(context, 'Dr. Okafor (dr-okafor)');
  assert.equal(plain(await page.locator('h1').innerText()), 'Signed in as Dr. Okafor');
  assert.match(await page.locator('main').innerText(), /care team names you/);
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });

  const cookies = await context.cookies(base);
  const session = cookies.find((c) => c.name === 'rapport_clinician');
  assert.ok(session, `a session cookie (got ${cookies.map((c) => c.name).join(', ')})`);
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  assert.equal(session.path, '/');
  assert.ok(!cookies.some((c) => c.name === 'rapport_clinician_login'), 'the sign-in cookie is gone');

  const res = await context.request.get(`${base}/clinician/`);
  assert.equal(res.headers()['cache-control'], 'no-store');
  assert.match(res.headers()['content-security-policy'], /default-src 'none'/);

  // Sign-out without and with a wrong CSRF token: refused, still signed in.
  const noToken = await context.request.post(`${base}/clinician/sign-out`, { form: {} });
  assert.equal(noToken.status(), 403);
  assert.match(await noToken.text(), /This form has expired/);
  const wrong = await context.request.post(`${base}/clinician/sign-out`, { form: { csrf: 'not-the-token' } });
  assert.equal(wrong.status(), 403);
  await page.reload();
  assert.equal(plain(await page.locator('h1').innerText()), 'Signed in as Dr. Okafor');

  // Sign out with the page's form: the session ends here and at the provider's end-session page.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/session/end') || u.pathname === '/clinician/');
  assert.ok(!(await context.cookies(base)).some((c) => c.name === 'rapport_clinician' && c.value), 'the session cookie is cleared');
  await page.goto(`${base}/clinician/`);
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  assert.equal(await page.getByText('Signed in as').count(), 0);

  // The old cookie value no longer opens anything.
  const replay = await fetch(`${base}/clinician/`, { headers: { cookie: `rapport_clinician=${session.value}` } });
  assert.equal(replay.status, 200);
  const text = await replay.text();
  assert.doesNotMatch(text, /Signed in as/);
  assert.match(text, /<h1>Sign in to see your patients<\/h1>/);
  const replayOut = await fetch(`${base}/clinician/sign-out`, { method: 'POST', headers: { cookie: `rapport_clinician=${session.value}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=x' });
  assert.equal(replayOut.status, 403);
  assert.deepEqual(violations, []);

  // Sign-in and sign-out are in the audit, under the clinician's id, with no token or cookie.
  const audit = await fetch(`${base}/api/audit?limit=1000`, { headers: { authorization: `Bearer ${ADMIN}` } });
  assert.equal(audit.status, 200);
  const rows = await audit.json();
  const mine = rows.filter((r) => r.actor === 'clinician:demo-clinician-1').map((r) => r.action);
  assert.deepEqual(mine.slice(0, 2), ['clinician-sign-in', 'clinician-sign-out']);
  assert.ok(!JSON.stringify(rows).includes(session.value), 'the session id is not in the audit');
  await context.close();
});

test('a member of the clinic-wide group is told they see every patient', async () => {
  const context = await browser.newContext();
  const page = await signIn(context, 'Dr. Mensah (clinic lead) (dr-mensah)');
  assert.equal(plain(await page.locator('h1').innerText()), 'Signed in as Dr. Mensah (clinic lead)');
  assert.match(await page.locator('main').innerText(), /every patient of the clinic/);
  await context.close();
});

test('with the provider down the receiver still starts and answers sign-in with 503 and a page', async () => {
  const port = await freePort();
  const down = await startReceiver({ port, issuer: 'http://127.0.0.2:9' });
  try {
    const res = await fetch(`${down.base}/clinician/sign-in`, { redirect: 'manual' });
    assert.equal(res.status, 503);
    assert.match(await res.text(), /Sign-in is not available right now/);
    const health = await fetch(`${down.base}/healthz`);
    assert.equal(health.status, 200);
  } finally {
    down.stop();
  }
});
