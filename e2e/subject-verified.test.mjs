// Hostile subject tokens against a receiver that verifies them (issue 15): a receiver of its own,
// started here with an HS256 secret, issuer and audience (`RAPPORT_RECEIVER_BIN`, passed by
// `cargo xtask e2e`). Each bad token is refused with its own code, reaches the portal in
// `rapport-failed`, stores nothing and keeps the answers; the portal then sets a good token for the
// same patient and the same submission goes through, once. Skipped when the receiver has no
// subject verification.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { launch, openHost, ready, answerCheckin } from './helpers.mjs';

const BIN = process.env.RAPPORT_RECEIVER_BIN;
const VERIFIES = !!BIN && execFileSync(BIN, ['--help'], { encoding: 'utf8' }).includes('--subject-issuer');
const SECRET = 'e2e-portal-secret-of-at-least-32-bytes!';
const ISS = 'https://portal.example';
const AUD = 'rapport-e2e';

const b64 = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/// A compact JWS: HS256 with `secret`, or `alg: none` without a signature.
function jwt(claims, { secret = SECRET, alg = 'HS256' } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg, typ: 'JWT' })}.${b64({ iss: ISS, aud: AUD, sub: 'patient-h', iat: now, exp: now + 900, ...claims })}`;
  const signature = alg === 'none' ? '' : createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${signature}`;
}

let browser;
let receiver;
let base;
let dir;
before(async () => {
  if (!VERIFIES) return;
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'rapport-subject-e2e-'));
  const port = await new Promise((r) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); });
  });
  base = `http://127.0.0.1:${port}`;
  receiver = spawn(BIN, ['--listen', `127.0.0.1:${port}`, '--static-dir', resolve('dist'), '--db', join(dir, 'r.sqlite3'),
    '--csp', '--demo', '--subject-issuer', ISS, '--subject-audience', AUD],
  { env: { ...process.env, RAPPORT_SUBJECT_SECRET: SECRET }, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the verifying receiver did not start');
});
after(async () => { await browser?.close(); receiver?.kill(); if (dir) rmSync(dir, { recursive: true, force: true }); });

async function records(key) {
  const res = await fetch(`${base}/api/responses?limit=1000`);
  return (await res.json()).filter((r) => r.envelope.idempotencyKey === key);
}

const now = () => Math.floor(Date.now() / 1000);
const cases = [
  ['signed with another key', jwt({}, { secret: 'another-portal-secret-of-32-bytes-or-more' }), 'subject-token-signature'],
  ['expired an hour ago', jwt({ iat: now() - 7200, exp: now() - 3600 }), 'subject-token-expired'],
  ['for another audience', jwt({ aud: 'someone-else' }), 'subject-token-audience'],
  ['alg none', jwt({}, { alg: 'none' }), 'subject-token-algorithm'],
];

for (const [name, bad, code] of cases) {
  test(`a token ${name}: ${code} in rapport-failed, nothing stored, answers kept; a good token sends it`, { skip: !VERIFIES && 'the receiver does not verify subject tokens' }, async () => {
    const { page, context } = await openHost(browser,
      `<rapport-questionnaire instrument="session-checkin" endpoint="/api/responses" lang="en" subject-token="${bad}"></rapport-questionnaire>`,
      { origin: base });
    await ready(page);
    await answerCheckin(page, 3);
    const posted = [];
    page.on('request', (r) => { if (r.method() === 'POST') posted.push(r.headers()['idempotency-key']); });
    await page.locator('[data-testid=submit]').click();
    await page.waitForFunction((c) => window.__events.some((e) => e.name === 'rapport-failed' && e.detail.code === c), code, { timeout: 20000 });
    const failed = (await page.evaluate(() => window.__events)).filter((e) => e.name === 'rapport-failed').map((e) => e.detail);
    assert.equal(failed.at(-1).code, code);
    assert.doesNotMatch(JSON.stringify(failed), new RegExp(bad.split('.')[1]), 'the token is not in the event');
    const key = posted[0];
    assert.deepEqual(await records(key), [], 'nothing stored');
    assert.equal(await page.locator('[data-testid=question-say-my-mind] input[value="3"]').isChecked(), true, 'answers kept');
    // The portal mints a good token for the same patient: the waiting send goes, same key.
    await page.evaluate((t) => { document.querySelector('rapport-questionnaire').subjectToken = t; }, jwt({}));
    await page.locator('[data-testid=thank-you]').waitFor({ timeout: 30000 });
    assert.ok(posted.length >= 2 && posted.every((k) => k === key), 'the same submission');
    const stored = await records(key);
    assert.equal(stored.length, 1, 'stored once');
    await context.close();
  });
}
