// A fault-injecting layer in front of the real receiver, for the delivery tests: every request
// is forwarded to the receiver unchanged, except that each POST to /api/responses first takes
// the next fault from a queue the test sets. The page, the widget files and the endpoint are all
// served through it, so the endpoint stays same-origin as a portal would have it.
//
// Faults (objects in the queue):
//   { status, retryAfter?, body? }  answer with this status without forwarding
//   { delayMs }                     forward after a delay (to outlast the widget's timeout)
//   { dropAfterStore: true }        forward, let the receiver store it, then cut the connection
//   { requireHeader: [name, value] } answer 401 unless the request carries this header, else forward
//   { status, echo: 'raw' }         answer with this status and the request body, as received
//   { status, echo: 'fields' }      answer with this status and every text value of the request
//                                   in a validation report, as some frameworks do on 422
// `failAll(status)` answers every POST with `status` until `heal()`.
// `GET /redirect?to=<url>` answers `302 Found` to `<url>` (for the src= redirect test).
import http from 'node:http';

/// An endpoint that repeats what it was sent: the raw body, or (`fields`) each text value of the
/// JSON body as the `input` of a validation error, the longest first (as a "too long" report
/// would name the offending field).
function echo(kind, body) {
  if (kind === 'raw') return body;
  const texts = [];
  const walk = (v) => {
    if (typeof v === 'string') texts.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  try { walk(JSON.parse(body.toString('utf8'))); } catch { texts.push(body.toString('utf8')); }
  return JSON.stringify({ detail: texts.sort((a, b) => b.length - a.length).map((input) => ({ msg: 'invalid value', input })) });
}

export async function startFaultProxy(upstream) {
  const target = new URL(upstream);
  const faults = [];
  let failing = null;
  const posts = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'GET' && req.url.startsWith('/redirect?')) {
        const to = new URL(req.url, 'http://proxy').searchParams.get('to');
        res.writeHead(302, { location: to, 'access-control-allow-origin': '*' });
        res.end();
        return;
      }
      const isPost = req.method === 'POST' && req.url.startsWith('/api/responses');
      let fault = null;
      if (isPost) {
        posts.push({ key: req.headers['idempotency-key'], headers: req.headers, body: body.toString('utf8') });
        fault = failing ? { status: failing } : faults.shift() ?? null;
      }
      if (fault?.status) {
        const headers = { 'content-type': 'application/json' };
        if (fault.retryAfter) headers['retry-after'] = fault.retryAfter;
        res.writeHead(fault.status, headers);
        res.end(fault.echo ? echo(fault.echo, body) : fault.body ?? JSON.stringify({ error: 'injected', message: `fault ${fault.status}` }));
        return;
      }
      if (fault?.requireHeader) {
        const [name, value] = fault.requireHeader;
        if (req.headers[name.toLowerCase()] !== value) {
          faults.unshift(fault); // keep asking until the header comes
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end('{"error":"unauthorized"}');
          return;
        }
      }
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      const up = http.request({
        hostname: target.hostname, port: target.port, path: req.url, method: req.method,
        headers: { ...req.headers, host: target.host },
      }, (upRes) => {
        const upChunks = [];
        upRes.on('data', (c) => upChunks.push(c));
        upRes.on('end', () => {
          if (fault?.dropAfterStore) {
            req.socket.destroy(); // the receiver stored it; the browser never hears back
            return;
          }
          res.writeHead(upRes.statusCode, upRes.headers);
          res.end(Buffer.concat(upChunks));
        });
      });
      up.on('error', () => { res.writeHead(502); res.end(); });
      up.end(body);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    posts,
    push: (...f) => faults.push(...f),
    failAll: (status) => { failing = status; },
    heal: () => { failing = null; faults.length = 0; },
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}
