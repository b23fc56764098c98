// The release as a portal takes it (issue 17): rapport.js from a CDN on another origin, with
// the integrity hash the release prints, under the strictest CSP that names only that origin;
// every file it loads checked against the hash it carries, so a CDN that alters one byte of
// any of them gets a clear panel and `integrity-failed`, never a widget running or showing
// altered files; and a .wasm that cannot be loaded at all gives the loader's own panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, extname, relative } from 'node:path';
import { BASE, launch, ready, events, noViolations, stored, answerCheckin } from './helpers.mjs';
import { message, shown } from './fluent.mjs';

const DIST = new URL('../dist/', import.meta.url).pathname;
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.ftl': 'text/plain; charset=utf-8' };

// Every file of dist/ by its served path (`/locales/de/widget.q3Xz-9Ab.ftl`), and by its
// plain name (`/locales/de/widget.ftl`) for the tests to pick.
async function files(dir = DIST, out = new Map()) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await files(path, out);
    else if (!/\.(br|gz)$/.test(entry.name)) out.set(`/${relative(DIST, path)}`, await readFile(path));
  }
  return out;
}
const plainName = (served) => served.replace(/\.[\w-]{8}(\.\w+)$/, '$1');

// A CDN: a plain static server of dist/ on another loopback origin, with CORS, whose
// `respond(path, bytes)` may alter a file or refuse it, as a broken or hostile CDN would.
function cdn(all) {
  let respond = (path, bytes) => bytes;
  let log = [];
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    log.push(path);
    const bytes = all.get(path);
    const body = bytes && respond(path, bytes);
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    if (!body) {
      res.writeHead(bytes ? 503 : 404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.3', () => resolve({
    origin: `http://127.0.0.3:${server.address().port}`,
    set: (f) => { respond = f; log = []; },
    requests: () => log.slice(),
    close: () => new Promise((r) => server.close(r)),
  })));
}

// The portal: its own origin (a real server, so that the browser sees a loopback page loading
// from a loopback CDN), serving the page with its CSP and passing /api/ on to the receiver, as
// a portal's reverse proxy would (the endpoint stays on the portal's origin).
function portal() {
  let page = '';
  let csp = '';
  const server = http.createServer((req, res) => {
    if (req.url === '/portal.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store' }).end(page);
      return;
    }
    const target = new URL(req.url, BASE);
    const forward = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/portal.html`,
    set: (html, policy) => { page = html; csp = policy; },
    close: () => new Promise((r) => server.close(r)),
  })));
}

let browser;
let all;
let server;
let site;
before(async () => {
  browser = await launch();
  all = await files();
  server = await cdn(all);
  site = await portal();
});
after(async () => {
  await browser.close();
  await server.close();
  await site.close();
});

// Opens the portal's page with `body`, collecting CSP violations and the widget's events.
async function openHost(_browser, body, { script, csp, lang = 'en' }) {
  site.set(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Portal</title>${script}</head><body>${body}</body></html>`, csp);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
    window.__events = [];
    document.addEventListener('rapport-failed', (e) => window.__events.push({ name: 'rapport-failed', detail: e.detail }));
  });
  await page.goto(site.url);
  return { page, context };
}

// The script tag a portal writes (the release prints it), and the CSP that lists only the
// CDN for scripts and the CDN and the portal itself for connections.
function fromCdn() {
  const integrity = `sha384-${createHash('sha384').update(all.get('/rapport.js')).digest('base64')}`;
  return {
    script: `<script type="module" src="${server.origin}/rapport.js" integrity="${integrity}" crossorigin="anonymous"></script>`,
    csp: `default-src 'self'; script-src ${server.origin} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${server.origin}; require-trusted-types-for 'script'; trusted-types 'none'`,
  };
}

const checkin = (attrs) => `<rapport-questionnaire instrument="session-checkin" endpoint="/api/responses" ${attrs}></rapport-questionnaire>`;

test('from a CDN on another origin, with the integrity hash, under a strict CSP: renders, sends, one record', async () => {
  server.set((path, bytes) => bytes);
  const version = /^version = "([^"]+)"/m.exec(await readFile(new URL('../Cargo.toml', import.meta.url), 'utf8'))[1];
  for (const lang of ['en', 'de']) {
    const before = (await stored()).length;
    const { page, context } = await openHost(browser, checkin(`lang="${lang}" context='{"cdn":"${lang}"}'`), fromCdn());
    await ready(page);
    assert.equal(await page.evaluate(() => customElements.get('rapport-questionnaire').version), version);
    await answerCheckin(page, 6);
    await page.locator('[data-testid=submit]').click();
    await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
    const rows = await stored();
    assert.equal(rows.length, before + 1, `${lang}: exactly one new record`);
    assert.deepEqual(rows.at(-1).envelope.context, { cdn: lang });
    assert.equal(rows.at(-1).envelope.language.tag, lang);
    // The version the element shows is the one each envelope names.
    assert.equal(rows.at(-1).envelope.format, 'rapport-envelope/3');
    assert.deepEqual(rows.at(-1).envelope.widget, { version });
    await noViolations(page);
    await context.close();
  }
});

test('the loader by its hashed name: the same module, cached for good; the demo page uses it', async () => {
  const alias = [...all.keys()].find((p) => /^\/rapport\.[\w-]{8}\.js$/.test(p));
  assert.ok(alias, 'dist/ has rapport.<hash>.js');
  assert.deepEqual(all.get(alias), all.get('/rapport.js'), 'the same bytes as rapport.js');
  const served = await fetch(`${BASE}${alias}`);
  assert.equal(served.status, 200);
  assert.match(served.headers.get('cache-control'), /immutable/);
  assert.match(served.headers.get('cache-control'), /max-age=31536000/);
  assert.equal((await fetch(`${BASE}/rapport.js`)).headers.get('cache-control'), 'no-cache');
  const demo = await (await fetch(`${BASE}/index.html`)).text();
  assert.ok(demo.includes(`src="${alias.slice(1)}"`), 'index.html loads the hashed loader');
  // From the CDN by that name, with the same integrity hash.
  server.set((path, bytes) => bytes);
  const { script, csp } = fromCdn();
  const { page, context } = await openHost(browser, checkin('lang="en"'), { script: script.replace('/rapport.js"', `${alias}"`), csp });
  await ready(page);
  assert.ok(server.requests().includes(alias) && !server.requests().includes('/rapport.js'));
  await noViolations(page);
  await context.close();
});

// The preload hints `cargo xtask release` wrote in release/preload.html for these plain names,
// pointed at the CDN, as a portal pastes them beside the script tag.
async function preloadHints(names) {
  const text = await readFile(new URL('../release/preload.html', import.meta.url), 'utf8');
  const lines = text.split('\n').filter((l) => l.startsWith('<link rel="preload"'));
  return names.map((name) => {
    const line = lines.find((l) => plainName(/href="[^"]*?(\/(?:pkg|instruments|locales)\/[^"]+)"/.exec(l)[1]) === name);
    assert.ok(line, `release/preload.html has a hint for ${name}`);
    const href = /href="[^"]*?(\/(?:pkg|instruments|locales)\/[^"]+)"/.exec(line)[1];
    assert.ok(all.has(href), `${href} of release/preload.html is in dist/ (run \`cargo xtask release\` after a build)`);
    return line.replace(/href="[^"]*?(\/(?:pkg|instruments|locales)\/)/, `href="${server.origin}$1`);
  });
}

test('the preload hints the release prints: each file fetched once (the preload is used), still checked', async () => {
  const english = ['/pkg/rapport_widget_bg.wasm', '/instruments/session-checkin.json', '/locales/en/session-checkin.ftl'];
  const german = [...english, '/locales/files.json', '/locales/de/widget.ftl', '/locales/de/session-checkin.ftl'];
  for (const [lang, names] of [['en', english], ['de', german]]) {
    server.set((path, bytes) => bytes);
    const before = (await stored()).length;
    const { script, csp } = fromCdn();
    const hints = await preloadHints(names);
    const { page, context } = await openHost(browser, checkin(`lang="${lang}"`), { script: `${hints.join('')}${script}`, csp, lang });
    await ready(page);
    await answerCheckin(page, 7);
    await page.locator('[data-testid=submit]').click();
    await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
    assert.equal((await stored()).length, before + 1, `${lang}: one record`);
    // The CDN says no-store: a preload the loader did not take would show as a second request.
    const asked = server.requests().map(plainName);
    for (const name of names) {
      assert.equal(asked.filter((p) => p === name).length, 1, `${lang}: ${name} fetched once (${asked.join(', ')})`);
    }
    await noViolations(page);
    await context.close();
  }
  // A preloaded file the CDN altered is refused all the same.
  server.set(alterOne('/pkg/rapport_widget_bg.wasm'));
  const { script, csp } = fromCdn();
  const { page, context } = await openHost(browser, checkin('lang="en"'), { script: `${(await preloadHints(english)).join('')}${script}`, csp });
  const panel = page.locator('rapport-questionnaire [data-testid=config-error]');
  await panel.waitFor({ timeout: 20000 });
  assert.match(await panel.innerText(), /integrity-failed/);
  assert.equal(await page.locator('rapport-questionnaire [data-testid=submit]').count(), 0);
  await context.close();
});

// One altered byte in the middle of the first file whose plain name is `name`.
const alterOne = (name) => (path, bytes) => {
  if (plainName(path) !== name) return bytes;
  const copy = Buffer.from(bytes);
  const i = Math.floor(copy.length / 2);
  copy[i] = copy[i] === 0x20 ? 0x21 : 0x20;
  return copy;
};

test('a CDN that alters one byte of any file: integrity-failed and a panel, never the altered file', async () => {
  const cases = [
    ['/pkg/rapport_widget_bg.wasm', 'en'],
    ['/instruments/session-checkin.json', 'en'],
    ['/locales/en/session-checkin.ftl', 'en'],
    ['/locales/files.json', 'de'],
    ['/locales/de/widget.ftl', 'de'],
    ['/locales/de/session-checkin.ftl', 'de'],
  ];
  for (const [name, lang] of cases) {
    assert.ok([...all.keys()].some((p) => plainName(p) === name), `dist/ has ${name}`);
    server.set(alterOne(name));
    const { page, context } = await openHost(browser, checkin(`lang="${lang}"`), fromCdn());
    const panel = page.locator('rapport-questionnaire [data-testid=config-error]');
    await panel.waitFor({ timeout: 20000 });
    assert.match(await panel.innerText(), /integrity-failed/, name);
    assert.match(await panel.innerText(), new RegExp(`${name.slice(1).replace(/\.\w+$/, '')}\\.[\\w-]{8}`), `${name}: the panel names the file`);
    assert.equal(await page.locator('rapport-questionnaire [data-testid=submit]').count(), 0, `${name}: no form`);
    const failed = await events(page, 'rapport-failed');
    assert.deepEqual(failed.map((d) => d.code), ['integrity-failed'], name);
    await noViolations(page);
    await context.close();
  }
  // rapport.js itself altered: the browser refuses to run it (the script tag's integrity).
  server.set(alterOne('/rapport.js'));
  const { page, context } = await openHost(browser, checkin('lang="en"'), fromCdn());
  await page.waitForLoadState('load');
  assert.equal(await page.evaluate(() => customElements.get('rapport-questionnaire')), undefined);
  await context.close();
});

test('a .wasm that cannot be loaded: the loader shows the panel, in the patient\'s language', async () => {
  server.set((path, bytes) => (plainName(path) === '/pkg/rapport_widget_bg.wasm' ? null : bytes));
  for (const lang of ['de', 'en']) {
    const { page, context } = await openHost(browser, checkin(`lang="${lang}"`), fromCdn());
    const panel = page.locator('rapport-questionnaire [data-testid=config-error]');
    await panel.waitFor({ timeout: 20000 });
    const text = shown(await panel.innerText());
    const [title, help] = await panel.locator('p').allInnerTexts();
    assert.equal(shown(title), shown(message('config-error-title', { tag: lang })), lang);
    assert.equal(shown(help), shown(message('config-error-help', { tag: lang })), lang);
    assert.match(text, /wasm-load-failed/);
    assert.equal(await panel.getAttribute('lang'), lang);
    assert.equal(await panel.getAttribute('role'), 'alert');
    const failed = await events(page, 'rapport-failed');
    assert.deepEqual(failed.map((d) => [d.code, d.retryable]), [['wasm-load-failed', false]]);
    await noViolations(page);
    await context.close();
  }
});
