// The clinician's view as clinicians use it (issue 16): a receiver of the test's own with the
// demo patients and their made-up history (`--demo --demo-history`), signing clinicians in through
// the local OpenID provider (never a skipped login). A patient answers in the demo portal with the
// real widget; her clinician signs in and finds her at the top with the drop the receiver computed
// from her own history. Each clinician sees only the patients whose care team names them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, join } from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { freePort, startProvider, startReceiver, signIn } from './oidc/harness.mjs';
import { answerCheckin, plain } from './helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const OKAFOR = 'Dr. Okafor (dr-okafor)';
const DEMO_ISSUER = 'urn:rapport:demo-portal';
/// The opaque reference of a patient in the clinician's URLs (src/clinician/meta.rs).
const ref = (system, value) => createHash('sha256').update(`${system}\n${value}`).digest('hex').slice(0, 32);
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
  // The first open alert is Ben's drop, and his row counts it.
  const alert = plain(await page.locator('#alerts li.alert').first().innerText());
  assert.match(alert, /Ben \(demo patient\)/);
  assert.match(alert, /Dropped since last time/);
  const first = plain(await page.locator('table.caseload tbody tr').first().innerText());
  assert.match(first, /\t[1-9]\d*$/, first);
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
  // What can take the focus and is shown (a closed review form's button is not).
  const interactive = await page.evaluate(() => [...document.querySelectorAll('a[href], button, summary, [tabindex="0"]')]
    .filter((el) => el.getClientRects().length > 0 && !el.closest('details:not([open]) > :not(summary)')).length);
  const seen = new Set();
  for (let i = 0; i < interactive + 3; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const at = [...document.querySelectorAll('*')].indexOf(el);
      return { key: `${at}:${el.tagName}:${el.getAttribute('href') ?? el.textContent.trim().slice(0, 20)}`, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
    });
    if (!focus) continue;
    assert.ok(focus.ring, `no visible focus on ${focus.key}`);
    seen.add(focus.key);
  }
  assert.ok(seen.size >= interactive, `Tab reached ${seen.size} of ${interactive}: ${[...seen].join(', ')}`);
  await context.close();
});

test('one patient over time: the chart tables hold the stored scores; someone else\'s patient is not found, like a made-up one', async () => {
  const context = await browser.newContext();
  const page = await signIn(context, base, OKAFOR);
  await page.locator('table.caseload a', { hasText: 'Ana (demo patient)' }).click();
  await page.waitForURL(`${base}/clinician/patients/${ref(DEMO_ISSUER, 'demo-ana')}`);
  assert.equal(plain(await page.locator('h1').innerText()), 'Ana (demo patient)');

  // The check-in's main score: one row per stored record, same day, same value, oldest first.
  const stored = (await records())
    .filter((r) => r.subject?.value === 'demo-ana' && r.envelope.instrument.id === 'session-checkin')
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
    .map((r) => [r.receivedAt.slice(0, 10), String(r.envelope.scores.find((s) => s.id === 'total').value)]);
  const section = page.locator('section.instrument', { has: page.locator('h2', { hasText: 'After your session' }) });
  const main = section.locator('figure.score.main');
  const shown = await main.locator('table.data tbody tr').evaluateAll((rows) => rows.map((tr) => [
    tr.querySelector('th').textContent.trim(), tr.querySelector('td.num').textContent.trim()]));
  assert.deepEqual(shown, stored);
  // The session whose score dropped is marked on the chart (a diamond), and the chart says what it shows.
  assert.equal(await main.locator('svg path.mark.flagged').count(), 1);
  assert.match(plain(await main.locator('svg title').textContent()), /\d+ sessions/);
  // The item table has a column per session.
  const columns = await section.locator('table.items thead tr').first().locator('th').count();
  assert.equal(columns, stored.length + 2);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

  // Chen is Dr. Lindqvist's patient: her page answers exactly like a reference that names nobody.
  const chen = await context.request.get(`${base}/clinician/patients/${ref(DEMO_ISSUER, 'demo-chen')}`);
  const nobody = await context.request.get(`${base}/clinician/patients/${ref(DEMO_ISSUER, 'demo-nobody')}`);
  assert.equal(chen.status(), 404);
  assert.equal(nobody.status(), 404);
  assert.equal(await chen.text(), await nobody.text());
  const chenBundle = await context.request.get(`${base}/clinician/patients/${ref(DEMO_ISSUER, 'demo-chen')}/bundle.json`);
  assert.equal(chenBundle.status(), 404);
  await context.close();
});

test('mark an alert reviewed with a note, export the spreadsheet and the FHIR Bundle, print, sign out', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await signIn(context, base, OKAFOR);
  const alerts = page.locator('#alerts li.alert');
  const before = await alerts.count();
  const anas = alerts.filter({ hasText: 'Ana (demo patient)' }).filter({ hasText: 'After your session' });
  assert.equal(await anas.count(), 1, 'Ana\'s check-in drop is an open alert');
  await anas.locator('summary').click();
  await anas.getByLabel(/note/i).fill('We talked about it. <b>Next</b> time: pace.');
  await anas.getByRole('button').click();
  await page.waitForURL((u) => u.pathname === '/clinician/');
  assert.equal(await page.locator('#alerts li.alert').count(), before - 1, 'the reviewed alert left the open list');
  const note = page.locator('section.reviewed blockquote.note').first();
  assert.equal(await note.textContent(), 'We talked about it. <b>Next</b> time: pace.', 'the note is shown as text');
  assert.equal(await page.locator('section.reviewed b').count(), 0);

  // The spreadsheet of the check-in: a BOM, linkIds in the header, a row per response of this clinician's patients.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('ul.exports a', { hasText: 'After your session' }).click(),
  ]);
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with a byte order mark');
  const lines = csv.slice(1).split('\r\n').filter(Boolean);
  assert.match(lines[0], /say-my-mind/);
  const theirs = (await records()).filter((r) => ['demo-ana', 'demo-ben'].includes(r.subject?.value) && r.envelope.instrument.id === 'session-checkin');
  assert.equal(lines.length - 1, theirs.length);
  assert.ok(!csv.includes('demo-chen'), 'no other clinician\'s patient');

  // Ana's FHIR Bundle, from her page, checked by the independent validator the fhir step uses.
  await page.goto(`${base}/clinician/patients/${ref(DEMO_ISSUER, 'demo-ana')}`);
  const [bundleDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('p.exports a').click(),
  ]);
  const bundle = JSON.parse(readFileSync(await bundleDownload.path(), 'utf8'));
  assert.equal(bundle.resourceType, 'Bundle');
  const anasRecords = (await records()).filter((r) => r.subject?.value === 'demo-ana');
  assert.equal(bundle.entry.length, anasRecords.length);
  assert.ok(bundle.entry.every((e) => e.resource.subject.identifier.value === 'demo-ana'));
  const python = resolve('.tools/fhir-venv/bin/python');
  assert.ok(existsSync(python), 'the FHIR validator is installed by `cargo xtask setup`');
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bundle-'));
  try {
    for (const f of readdirSync('instruments').filter((n) => n.endsWith('.json'))) {
      writeFileSync(join(dir, f.replace(/\.json$/, '.questionnaire.json')), readFileSync(join('instruments', f)));
    }
    bundle.entry.forEach((e, i) => writeFileSync(join(dir, `${e.resource.questionnaire.includes('session') ? 'session-checkin' : 'working-together'}.response-${i}.json`), JSON.stringify(e.resource)));
    writeFileSync(join(dir, 'ana.bundle.json'), JSON.stringify(bundle));
    execFileSync(python, ['scripts/validate_fhir.py', dir], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Print: no navigation or buttons, the charts and tables stay.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.bar').isVisible(), false);
  assert.equal(await page.locator('form.sign-out').isVisible(), false);
  assert.ok(await page.locator('svg.chart').first().isVisible());
  await page.emulateMedia({ media: 'screen' });

  // Every read and export is in the audit, under the clinician.
  const audit = await (await fetch(`${base}/api/audit?limit=1000`)).json();
  const actions = new Set(audit.filter((r) => r.actor === 'clinician:demo-clinician-1').map((r) => r.action));
  for (const a of ['clinician-read', 'alert-review', 'clinician-export-csv', 'clinician-export-bundle']) {
    assert.ok(actions.has(a), `${a} audited (got ${[...actions].join(', ')})`);
  }
  assert.ok(!JSON.stringify(audit).includes('Next</b> time'), 'the note is not in the audit');

  // Signed out, every page is closed: home, the patient, the exports.
  await page.goto(`${base}/clinician/`);
  await page.locator('form.sign-out button').click();
  await page.waitForURL((u) => u.pathname.startsWith('/session/end') || u.pathname === '/clinician/');
  for (const path of [`/clinician/patients/${ref(DEMO_ISSUER, 'demo-ana')}`, '/clinician/export/session-checkin.csv', `/clinician/patients/${ref(DEMO_ISSUER, 'demo-ana')}/bundle.json`]) {
    const res = await context.request.get(`${base}${path}`);
    assert.equal(res.status(), 401, path);
    assert.doesNotMatch(await res.text(), /demo-ana|Ana \(demo/);
  }
  await context.close();
});
