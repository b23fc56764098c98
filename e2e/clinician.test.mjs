// The clinician's view as clinicians use it (issue 16): a receiver of the test's own with the
// demo patients and their made-up history (`--demo --demo-history`), signing clinicians in through
// the local OpenID provider (never a skipped login). A patient answers in the demo portal with the
// real widget; her clinician signs in and finds her at the top with the drop the receiver computed
// from her own history. Each clinician sees only the patients whose care team names them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { freePort, startProvider, startReceiver, signIn } from './oidc/harness.mjs';
import { answerCheckin, plain } from './helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const OKAFOR = 'Dr. Okafor (dr-okafor)';
const LINDQVIST = 'Dr. Lindqvist (dr-lindqvist)';

let browser;
let provider;
let receiver;
let base;
before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startProvider(base);
  receiver = await startReceiver({
    port,
    issuer: provider.issuer,
    extra: ['--demo', '--demo-history', '--csp', '--static-dir', resolve('dist')],
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); receiver?.stop(); provider?.process.kill(); });

/// Every stored record (the demo receiver's listing is open).
async function records() {
  const res = await fetch(`${base}/api/responses?limit=1000`);
  assert.equal(res.status, 200);
  return res.json();
}

/// The patients' labels on the caseload, top to bottom.
async function caseload(page) {
  return (await page.locator('table.caseload tbody tr th, table.caseload tbody tr td:first-child').allInnerTexts())
    .map((t) => plain(t).trim()).filter(Boolean);
}

test('a patient answers in the portal; her clinician sees her first, with the drop from her own history', async () => {
  // The patient: Ben, in the demo portal, answers the check-in far below his usual.
  const before = (await records()).filter((r) => r.subject?.value === 'demo-ben').length;
  const patientContext = await browser.newContext();
  const portal = await patientContext.newPage();
  await portal.goto(`${base}/index.html?instrument=session-checkin&lang=en`);
  await portal.locator('#pick-patient').selectOption('demo-ben');
  await portal.locator('rapport-questionnaire [data-testid=question-say-my-mind]').waitFor();
  await answerCheckin(portal, 3);
  await portal.locator('rapport-questionnaire [data-testid=submit]').click();
  let mine = [];
  for (let i = 0; i < 100 && mine.length <= before; i++) {
    mine = (await records()).filter((r) => r.subject?.value === 'demo-ben');
    if (mine.length <= before) await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(mine.length, before + 1, 'the answers were stored once');
  const newest = mine.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
  assert.equal(newest.previousScoresFrom, 'receiver', 'the flags come from the stored history');
  assert.ok(newest.flags.some((f) => f.id === 'dropped'), JSON.stringify(newest.flags));
  await patientContext.close();

  // Her clinician: Ben is at the top of Dr. Lindqvist's caseload, with the drop.
  const context = await browser.newContext();
  const page = await signIn(context, base, LINDQVIST);
  const rows = await caseload(page);
  assert.match(rows[0], /^Ben \(demo patient\)/, rows.join(' | '));
  assert.ok(rows.some((r) => r.startsWith('Chen')), rows.join(' | '));
  assert.ok(!rows.some((r) => r.startsWith('Ana')), 'Ana is not in Dr. Lindqvist\'s care team');
  const first = plain(await page.locator('table.caseload tbody tr').first().innerText());
  assert.match(first, /dropped|Dropped/);
  await context.close();

  // Dr. Okafor sees Ana and Ben, never Chen.
  const other = await browser.newContext();
  const okafor = await signIn(other, base, OKAFOR);
  const hers = await caseload(okafor);
  assert.ok(hers.some((r) => r.startsWith('Ana')) && hers.some((r) => r.startsWith('Ben')), hers.join(' | '));
  assert.ok(!hers.some((r) => r.startsWith('Chen')), hers.join(' | '));
  await other.close();
});

test('the home page passes axe in light and dark, English and Arabic, and works by keyboard alone', async () => {
  for (const [locale, colorScheme] of [['en', 'light'], ['en', 'dark'], ['ar', 'light']]) {
    const context = await browser.newContext({ locale, colorScheme, extraHTTPHeaders: { 'accept-language': locale } });
    const page = await signIn(context, base, OKAFOR);
    assert.equal(await page.locator('html').getAttribute('lang'), locale);
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${locale}/${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    await context.close();
  }
  // Keyboard: Tab from the top reaches every link and button, each with a visible focus ring.
  const context = await browser.newContext();
  const page = await signIn(context, base, OKAFOR);
  const interactive = await page.locator('main a[href], main button, header button').count();
  const seen = new Set();
  for (let i = 0; i < interactive + 5; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      return { key: `${el.tagName}:${el.getAttribute('href') ?? el.textContent.trim()}`, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
    });
    if (!focus) continue;
    assert.ok(focus.ring, `no visible focus on ${focus.key}`);
    seen.add(focus.key);
  }
  assert.ok(seen.size >= interactive, `Tab reached ${seen.size} of ${interactive}: ${[...seen].join(', ')}`);
  await context.close();
});
