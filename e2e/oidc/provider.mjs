// A local OpenID Connect provider for the demo and the e2e tests: the certified npm package
// `oidc-provider`, with the demo clinicians of demo/clinicians.json (DEMO ONLY: password "demo").
// Never for real use.
//
//   node e2e/oidc/provider.mjs [--host 127.0.0.2] [--port 0]
//   env: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_POST_LOGOUT_URI
//
// Listens first (port 0: any free port), then builds the provider with its real issuer URL and
// prints ONE line on stdout: {"issuer": "...", "port": N}. Everything else goes to stderr.
// Run it on another site than the receiver (127.0.0.2 against a receiver on 127.0.0.1) so that
// cookies behave as they do between a clinic's provider and its receiver.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Provider from 'oidc-provider';

console.info = (...a) => console.error(...a);
console.log = (...a) => console.error(...a);

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const host = arg('host', process.env.OIDC_HOST || '127.0.0.2');
const wantedPort = Number(arg('port', process.env.OIDC_PORT || '0'));
const clientId = process.env.OIDC_CLIENT_ID || 'rapport-demo';
const clientSecret = process.env.OIDC_CLIENT_SECRET || 'rapport-demo-client-secret-not-for-real-use';
const redirectUris = (process.env.OIDC_REDIRECT_URI || 'http://127.0.0.1:8080/clinician/callback').split(',');
const postLogoutUris = (process.env.OIDC_POST_LOGOUT_URI || 'http://127.0.0.1:8080/clinician/').split(',');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const demo = JSON.parse(readFileSync(join(root, 'demo', 'clinicians.json'), 'utf8'));
const accounts = new Map(demo.accounts.map((a) => [a.id, a]));

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, error) {
  const options = demo.accounts.map((a) => `<option value="${esc(a.id)}">${esc(a.name)} (${esc(a.login)})</option>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo clinic sign-in</title></head><body>
<main><h1>Demo clinic sign-in</h1>
<p><strong>Demo only.</strong> Every password is "demo".</p>
${error ? `<p role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login">
<p><label for="account">Account</label> <select id="account" name="account">${options}</select></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">Sign in</button></p>
</form></main></body></html>`;
}

const body = (req) => new Promise((resolve, reject) => {
  let data = '';
  req.setEncoding('utf8');
  req.on('data', (c) => { data += c; if (data.length > 10000) req.destroy(); });
  req.on('end', () => resolve(new URLSearchParams(data)));
  req.on('error', reject);
});

const server = http.createServer();
await new Promise((r) => server.listen(wantedPort, host, r));
const { port } = server.address();
const issuer = `http://${host}:${port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `demo-${Date.now()}`, use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: redirectUris,
    post_logout_redirect_uris: postLogoutUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  pkce: { required: () => true },
  conformIdTokenClaims: false,
  claims: { openid: ['sub'], profile: ['name'], groups: ['groups'] },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  async findAccount(ctx, id) {
    const a = accounts.get(id);
    if (!a) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: a.name, groups: a.groups }) };
  },
  // First-party demo client: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile groups');
    grant.addOIDCClaims(['name', 'groups']);
    await grant.save();
    return grant;
  },
});
provider.on('server_error', (ctx, err) => console.error('oidc-provider server_error:', err.message));

const oidc = provider.callback();
server.on('request', async (req, res) => {
  const m = req.url.match(/^\/interaction\/([\w-]+)(\/login)?$/);
  if (!m) return oidc(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'POST' && m[2]) {
      const form = await body(req);
      const account = form.get('account');
      if (!accounts.has(account) || form.get('password') !== demo.password) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(loginPage(details.uid, 'Wrong account or password.'));
      }
      return await provider.interactionFinished(req, res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
    }
    if (details.prompt.name === 'consent') {
      return await provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(loginPage(details.uid));
  } catch (e) {
    console.error('interaction failed:', e.message);
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end('This sign-in has expired. Start again from the receiver.');
  }
});

process.stdout.write(`${JSON.stringify({ issuer, port })}\n`);
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => server.close(() => process.exit(0)));
