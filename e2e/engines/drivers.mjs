// One small driver layer for the three browser engines of the smoke test, so that the test code
// is the same for all of them:
//
// | engine   | browser (Debian package)                 | protocol                        | client             |
// |----------|------------------------------------------|---------------------------------|--------------------|
// | chromium | /usr/bin/chromium (`chromium`)           | WebDriver classic (chromedriver)| selenium-webdriver |
// | firefox  | /usr/bin/firefox-esr (`firefox-esr`)     | WebDriver BiDi (built in)       | puppeteer-core     |
// | webkit   | MiniBrowser (`webkit2gtk-driver`)        | WebDriver classic               | selenium-webdriver |
//
// Debian packages no geckodriver, and selenium's own driver lookup (selenium-manager) downloads
// drivers, which CI cannot: so Firefox is driven over BiDi, which it speaks itself, and the two
// classic drivers are started here and given to selenium as a server (selenium-manager is never
// asked). Nothing here downloads a browser.
//
// A session offers only what the smoke needs: open(url), run(fn, ...args) (a function run in
// the page, its result returned), press(key) (a real key press through the protocol's input
// actions: 'Tab', 'Shift+Tab', 'Space', 'Enter', 'ArrowDown', …), version, quit().
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMEDRIVER = process.env.CHROMEDRIVER || '/usr/bin/chromedriver';
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
// WebKitWebDriver starts Debian's MiniBrowser (its own default) unless WEBKIT_BROWSER names another.
const WEBKIT_BROWSER = process.env.WEBKIT_BROWSER;

/// Starts a browser of `engine` and returns its session.
export async function start(engine) {
  switch (engine) {
    case 'chromium': return startChromium();
    case 'firefox': return startFirefox();
    case 'webkit': return startWebKit();
    default: throw new Error(`unknown engine ${engine} (engines: ${ENGINES.join(', ')})`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/// Runs a WebDriver server (chromedriver, WebKitWebDriver) on a free loopback port until it
/// answers /status.
async function driverServer(bin, args, env = {}) {
  const port = await freePort();
  const child = spawn(bin, [`--port=${port}`, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`${bin} exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) return { url, stop: () => child.kill('SIGTERM') };
    } catch { /* not yet listening */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${bin} did not answer ${url}/status: ${stderr}`);
}

/// An X server for WebKitGTK, which needs a display even to automate (MiniBrowser 2.50 has no
/// headless mode). Xvfb picks a free display number itself and writes it to `-displayfd`.
async function xvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  let timer;
  const display = await new Promise((resolve, reject) => {
    let out = '';
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    child.on('error', (e) => reject(new Error(`cannot start Xvfb (Debian package xvfb): ${e.message}`)));
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr}`)));
    timer = setTimeout(() => reject(new Error(`Xvfb gave no display number: ${stderr}`)), 15000);
  }).finally(() => clearTimeout(timer));
  return { display, stop: () => child.kill('SIGTERM') };
}

/// The session over selenium-webdriver (WebDriver classic).
async function seleniumSession(serverUrl, capabilities, stopAll) {
  const { Builder, Key } = await import('selenium-webdriver');
  const driver = await new Builder().usingServer(serverUrl).withCapabilities(capabilities).build();
  const caps = await driver.getCapabilities();
  const keys = {
    Tab: [Key.TAB], 'Shift+Tab': [Key.SHIFT, Key.TAB], Space: [Key.SPACE], Enter: [Key.ENTER],
    ArrowDown: [Key.ARROW_DOWN], ArrowUp: [Key.ARROW_UP], ArrowLeft: [Key.ARROW_LEFT], ArrowRight: [Key.ARROW_RIGHT],
  };
  return {
    protocol: 'WebDriver classic',
    version: `${caps.getBrowserName()} ${caps.getBrowserVersion()}`,
    open: (url) => driver.get(url),
    run: (fn, ...args) => driver.executeScript(`return (${fn}).apply(null, arguments);`, ...args),
    press: async (key) => {
      const seq = keys[key] ?? [key];
      let a = driver.actions();
      for (const k of seq) a = a.keyDown(k);
      for (const k of [...seq].reverse()) a = a.keyUp(k);
      await a.perform();
    },
    quit: async () => {
      try { await driver.quit(); } finally { stopAll(); }
    },
  };
}

async function startChromium() {
  const server = await driverServer(CHROMEDRIVER, []);
  const profile = mkdtempSync(join(tmpdir(), 'rapport-engines-chromium-'));
  return seleniumSession(server.url, {
    browserName: 'chrome',
    'goog:chromeOptions': {
      binary: CHROMIUM,
      // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--window-size=1024,900', `--user-data-dir=${profile}`, '--lang=en-US'],
    },
  }, () => { server.stop(); rmSync(profile, { recursive: true, force: true }); });
}

async function startWebKit() {
  const x = await xvfb();
  // Runs as root as it is: Debian's MiniBrowser starts its web process without the bubblewrap
  // sandbox (same user namespace), so no sandbox switch is needed, unlike Chromium's
  // --no-sandbox. (Where a WebKit build does sandbox and cannot as root, WebKit's own
  // WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS=1 in the environment is passed through.)
  const env = { DISPLAY: x.display };
  let server;
  try {
    server = await driverServer(WEBKIT_DRIVER, [], env);
  } catch (e) { x.stop(); throw e; }
  try {
    return await seleniumSession(server.url, {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { ...(WEBKIT_BROWSER ? { binary: WEBKIT_BROWSER } : {}), args: ['--automation'] },
    }, () => { server.stop(); x.stop(); });
  } catch (e) { server.stop(); x.stop(); throw e; }
}

async function startFirefox() {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'intl.accept_languages': 'en-US' },
  });
  // A new tab, not the one Firefox starts with: that first tab's document does not have the
  // focus (document.hasFocus() is false), so key presses reach the page as events but do not
  // act (Space neither checks a radio nor presses a button, Enter sends nothing).
  const first = await browser.pages();
  const page = await browser.newPage();
  for (const p of first) await p.close();
  const keys = { Space: ' ' };
  return {
    protocol: 'WebDriver BiDi',
    version: await browser.version(),
    open: (url) => page.goto(url),
    run: (fn, ...args) => page.evaluate(fn, ...args),
    press: async (key) => {
      const parts = key.split('+');
      const main = keys[parts.at(-1)] ?? parts.at(-1);
      for (const m of parts.slice(0, -1)) await page.keyboard.down(m);
      await page.keyboard.press(main);
      for (const m of parts.slice(0, -1).reverse()) await page.keyboard.up(m);
    },
    quit: () => browser.close(),
  };
}
