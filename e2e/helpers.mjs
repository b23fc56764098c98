// Shared set-up for the end-to-end tests: a real Chromium (Debian's), the real receiver
// (started by `cargo xtask e2e`, which passes RAPPORT_BASE_URL), and host pages that embed the
// widget exactly as a portal would. Host pages are served on the receiver's origin through
// Playwright routing, with the strict Content-Security-Policy a portal would send.
import { chromium } from 'playwright-core';

export const BASE = process.env.RAPPORT_BASE_URL;
if (!BASE) throw new Error('RAPPORT_BASE_URL is not set: run the e2e tests with `cargo xtask e2e`');

// The strictest policy a portal could send: no inline code or styles, no eval, and Trusted Types
// enforced with no policy allowed (README, "Content-Security-Policy").
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/// Opens a portal page whose body is `body` (HTML), on the receiver's origin, under the CSP
/// (`csp`: another policy, for a test that needs one host more; `script`: another script tag,
/// e2e/release.test.mjs loads rapport.js from a CDN with its integrity hash).
/// Collects console errors, CSP violations and POST requests for assertions.
export async function openHost(browser, body, { locale = 'en-US', path = '/e2e-host.html', htmlLang = 'en', htmlDir = null, origin = BASE, context: given, csp = CSP, script = '<script type="module" src="/rapport.js"></script>' } = {}) {
  const context = given ?? await browser.newContext({ locale });
  const page = await context.newPage();
  const seen = { posts: [], violations: [], console: [] };
  page.on('request', (r) => { if (r.method() === 'POST') seen.posts.push(r); });
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  await page.route(`${origin}${path}`, (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
    body: `<!doctype html><html${htmlLang ? ` lang="${htmlLang}"` : ''}${htmlDir ? ` dir="${htmlDir}"` : ''}><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1"><title>Portal</title>
      ${script}</head><body>${body}</body></html>`,
  }));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
    window.__events = [];
    for (const name of ['rapport-ready', 'rapport-change', 'rapport-submitted', 'rapport-failed', 'rapport-flagged']) {
      document.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail }));
    }
  });
  await page.goto(`${origin}${path}`);
  return { context, page, seen };
}

/// Waits until the widget in `host` (a CSS selector) has rendered its questions.
export async function ready(page, host = 'rapport-questionnaire') {
  await page.locator(`${host} [data-testid=submit]`).first().waitFor({ state: 'visible', timeout: 20000 });
}

export async function events(page, name) {
  return page.evaluate((n) => window.__events.filter((e) => e.name === n).map((e) => e.detail), name);
}

/// Fails if the page reported any Content-Security-Policy or Trusted Types violation.
export async function noViolations(page) {
  const v = await page.evaluate(() => window.__violations);
  if (v.length) throw new Error(`CSP / Trusted Types violations: ${v.join('; ')}`);
}

/// Every record the receiver stored, following its pages (`Link: <…>; rel="next"`).
export async function stored() {
  const all = [];
  let url = `${BASE}/api/responses?limit=1000`;
  while (url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
    all.push(...(await res.json()));
    const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '');
    url = next ? `${BASE}${next[1]}` : null;
  }
  return all;
}

/// Sends the form with its button, waits for the thank-you and returns the envelope the receiver
/// stored for that submission (`undefined` if it stored none).
export async function sendAndFindStored(page) {
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  const [submitted] = await events(page, 'rapport-submitted');
  return (await stored()).map((r) => r.envelope).find((e) => e.idempotencyKey === submitted.idempotencyKey);
}

/// The WCAG 2.2 A and AA violations axe finds on the page, one line each (none: `[]`).
export async function axeViolations(page) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/// Removes Fluent's Unicode isolation marks before comparing text.
export const plain = (s) => s.replace(/[\u2068\u2069]/g, '');

/// Answers every question of the session check-in with `value` (0-10).
export async function answerCheckin(page, value, host = 'rapport-questionnaire') {
  for (const id of ['say-my-mind', 'what-matters', 'way-we-worked', 'worth-my-time']) {
    await page.locator(`${host} [data-testid=question-${id}] input[value="${value}"]`).check();
  }
}

/// Answers every unanswered radio group (the middle option), again until enableWhen shows no
/// new question. Returns when everything required can be sent.
export async function answerAll(page, host = 'rapport-questionnaire') {
  for (let round = 0; round < 6; round += 1) {
    const answered = await page.evaluate((sel) => {
      let n = 0;
      for (const el of document.querySelectorAll(sel)) {
        for (const q of el.shadowRoot.querySelectorAll('fieldset.question')) {
          const radios = [...q.querySelectorAll('input[type=radio]')];
          if (radios.length && !radios.some((r) => r.checked)) {
            radios[Math.floor(radios.length / 2)].click();
            n += 1;
          }
        }
      }
      return n;
    }, host);
    if (answered === 0) return;
    await page.waitForTimeout(50);
  }
}

