// Screenshots of the clinician's view for people to look at (not a test): the local provider, a
// receiver with the demo history, Dr. Okafor signed in; home and patient pages at desktop, tablet,
// phone, dark, Arabic and German, and the print view. Run after `cargo xtask build` and
// `cargo build --release -p rapport-receiver`:
//   RAPPORT_RECEIVER_BIN=target/release/rapport-receiver node e2e/clinician-screens.mjs OUTDIR
import { chromium } from 'playwright-core';
import { freePort, startProvider, startReceiver } from './oidc/harness.mjs';
const out = process.argv[2] || '/tmp/shots';
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const provider = await startProvider(base);
const receiver = await startReceiver({ port, issuer: provider.issuer, extra: ['--demo', '--demo-history', '--static-dir', new URL('../dist', import.meta.url).pathname] });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
async function signIn(context, account) {
  const page = await context.newPage();
  await page.goto(`${base}/clinician/`);
  await page.getByRole('link', { name: /Sign in|تسجيل الدخول|Anmelden/ }).click();
  await page.waitForURL((u) => u.host !== new URL(base).host);
  await page.getByLabel('Account').selectOption({ label: account });
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/clinician/`);
  return page;
}
const variants = [
  ['desktop', { width: 1280, height: 900 }, 'light', 'en'],
  ['tablet', { width: 768, height: 1024 }, 'light', 'en'],
  ['phone', { width: 360, height: 800 }, 'light', 'en'],
  ['dark', { width: 1280, height: 900 }, 'dark', 'en'],
  ['ar', { width: 1280, height: 900 }, 'light', 'ar'],
  ['de', { width: 768, height: 1024 }, 'dark', 'de'],
];
const extraPaths = process.argv.slice(3);
try {
  for (const [name, viewport, colorScheme, locale] of variants) {
    const context = await browser.newContext({ viewport, colorScheme, locale, extraHTTPHeaders: { 'accept-language': locale } });
    const page = await signIn(context, 'Dr. Okafor (dr-okafor)');
    await page.screenshot({ path: `${out}/home-${name}.png`, fullPage: true });
    const links = await page.locator('a[href^="/clinician/patients/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const paths = [...new Set([...links.slice(0, 1), ...extraPaths])];
    let i = 0;
    for (const p of paths) {
      await page.goto(`${base}${p}`);
      await page.screenshot({ path: `${out}/page${i++}-${name}.png`, fullPage: true });
    }
    if (name === 'desktop' && links[0]) {
      await page.goto(`${base}${links[0]}`);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `${out}/print.png`, fullPage: true });
      await page.pdf({ path: `${out}/print.pdf` }).catch(() => {});
    }
    await context.close();
  }
} finally {
  await browser.close(); receiver.stop(); provider.process.kill();
}
console.log('done', base);
