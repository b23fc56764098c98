// Starts the local OpenID provider (provider.mjs) and a receiver that signs clinicians in
// through it, for the clinician e2e tests. The receiver is RAPPORT_RECEIVER_BIN (passed by
// `cargo xtask e2e`), on 127.0.0.1; the provider on 127.0.0.2: another site, as in a clinic.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import net from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
export const CLIENT_ID = 'rapport-e2e';
export const CLIENT_SECRET = 'e2e-client-secret-of-the-local-test-provider';

export const freePort = (host = '127.0.0.1') => new Promise((resolve, reject) => {
  const s = net.createServer().listen(0, host, () => { const p = s.address().port; s.close(() => resolve(p)); });
  s.on('error', reject);
});

/// The provider, for a receiver at `base`: { issuer, process }.
export async function startProvider(base, { host = '127.0.0.2' } = {}) {
  const child = spawn(process.execPath, [join(here, 'provider.mjs'), '--host', host], {
    env: {
      ...process.env,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URI: `${base}/clinician/callback`,
      OIDC_POST_LOGOUT_URI: `${base}/clinician/`,
    },
    stdio: ['ignore', 'pipe', process.env.RAPPORT_E2E_VERBOSE ? 'inherit' : 'ignore'],
  });
  const line = await new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the OpenID provider stopped (${code})`)));
  });
  return { issuer: JSON.parse(line).issuer, process: child };
}

/// A receiver on a fresh SQLite file with the clinician's view on; resolves when it answers.
export async function startReceiver({ bin = process.env.RAPPORT_RECEIVER_BIN, port, issuer, extra = [] }) {
  if (!bin) throw new Error('RAPPORT_RECEIVER_BIN is not set: run with `cargo xtask e2e`');
  const dir = mkdtempSync(join(tmpdir(), 'rapport-clinician-e2e-'));
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ['--listen', `127.0.0.1:${port}`, '--db', join(dir, 'r.sqlite3'), '--quiet',
    '--oidc-issuer', issuer, '--oidc-client-id', CLIENT_ID, '--public-url', base,
    '--clinic-wide-group', 'clinic-leads', ...extra],
  { env: { ...process.env, RAPPORT_OIDC_CLIENT_SECRET: CLIENT_SECRET }, stdio: ['ignore', 'ignore', process.env.RAPPORT_E2E_VERBOSE ? 'inherit' : 'ignore'] });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false)) {
      return { base, process: child, stop: () => { child.kill(); rmSync(dir, { recursive: true, force: true }); } };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the receiver with the clinician view did not start');
}

/// Opens `${base}/clinician/` in `context` and signs in at the provider as `account` (the label
/// of its option on the provider's demo login page, e.g. 'Dr. Okafor (dr-okafor)'), password
/// "demo". Resolves with the page, back on the clinician's home page.
export async function signIn(context, base, account) {
  const page = await context.newPage();
  await page.goto(`${base}/clinician/`);
  await page.locator('a[href="/clinician/sign-in"]').click();
  await page.waitForURL((u) => u.host !== new URL(base).host);
  await page.getByLabel('Account').selectOption({ label: account });
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/clinician/`);
  await page.locator('form[action="/clinician/sign-out"]').waitFor();
  return page;
}
