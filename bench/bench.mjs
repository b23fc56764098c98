// Rapport's benchmark (issue 7): Rapport against a hand-written HTML form of the same
// questionnaire, and both at 12, 60 and 120 questions, in headless Chromium. Started by
// `cargo xtask bench`, which serves dist/ plus the pages of bench/prepare.mjs from the reference
// receiver and passes:
//   RAPPORT_BENCH_URL   the receiver (http://127.0.0.1:PORT)
//   RAPPORT_BENCH_RUNS  measured runs per page (after one warm-up run that is not counted)
//   RAPPORT_BENCH_OUT   where to write the JSON (every sample, the machine, the date)
//   CHROMIUM            the browser to launch
// It prints a table; timings are never checked (a benchmark, not a test). What is measured and
// how: bench/README.md.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

const BASE = process.env.RAPPORT_BENCH_URL;
const RUNS = Number(process.env.RAPPORT_BENCH_RUNS || 9);
const OUT = process.env.RAPPORT_BENCH_OUT || 'target/bench/bench.json';
const WARMUP = 1;
if (!BASE) {
  console.error('RAPPORT_BENCH_URL is not set: run the benchmark with `cargo xtask bench`');
  process.exit(2);
}
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`RAPPORT_BENCH_RUNS must be a whole number of at least 1, not "${process.env.RAPPORT_BENCH_RUNS}"`);
  process.exit(2);
}

const RAPPORT = { host: 'rapport-questionnaire', question: 'fieldset.question', submit: '[data-testid=submit]', progress: '[data-testid=progress]' };
const HAND = { host: null, question: 'form fieldset', submit: 'form button[type=submit]', progress: null };
const SIZES = [12, 60, 120];
const PAGES = [
  { id: 'rapport', label: 'Rapport, working-together', path: '/bench/rapport.html', items: 12, ...RAPPORT },
  // The same embed with the preload hints the release prints pasted beside the script tag.
  { id: 'rapport-preload', label: 'Rapport, working-together, with preload hints', path: '/bench/rapport-preload.html', items: 12, ...RAPPORT },
  { id: 'hand', label: 'hand-written form, working-together', path: '/bench/hand-form.html', items: 12, ...HAND },
  // Scale: the same generated questionnaire at three sizes (bench/prepare.mjs).
  ...SIZES.flatMap((n) => [
    { id: `rapport-long-${n}`, label: `Rapport, generated chain, ${n} questions`, path: `/bench/rapport-long-${n}.html`, items: n, chain: true, ...RAPPORT },
    { id: `hand-${n}`, label: `hand-written form, generated, ${n} questions`, path: `/bench/hand-form-${n}.html`, items: n, ...HAND },
  ]),
];

// Where a patient is. `loopback`: this machine as it is. `phone`: Lighthouse's mobile profile, a
// cheap phone on a slow network (issue 18): 4× CPU slowdown, 150 ms round trip, 1.6 Mbps down,
// 750 kbps up, applied with the DevTools protocol to the page before it navigates. Emulated
// throughput counts the bytes on the wire, so what the server compresses (or not) counts too.
const PROFILES = {
  loopback: null,
  phone: { cpu: 4, latencyMs: 150, downBytesPerSec: (1.6 * 1000 * 1000) / 8, upBytesPerSec: (750 * 1000) / 8 },
};
// The pages measured under the phone profile (first and second visit only, no clicks).
const PHONE_PAGES = ['rapport', 'rapport-preload', 'hand'];

async function applyProfile(cdp, profile) {
  if (!profile) return;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: profile.downBytesPerSec,
    uploadThroughput: profile.upBytesPerSec,
  });
}

// The budgets of issue 7, point 2: printed beside the figures, never a failure.
const BUDGETS = {
  transferGzipBytes: 150 * 1024,
  renderVsHand: 1.5,
  heapPlusWasmBytes: 4 * 1024 * 1024,
  clickMs: 16,
};

// ---------------------------------------------------------------------------------------------
// In the page (added with page.addInitScript, so it runs before the page's own scripts).
// Nothing is added to the widget: this wraps WebAssembly.instantiate*, window.fetch and listens
// on window, as any script on the host page could.
function pageProbe(cfg) {
  const B = (window.__bench = { render: null, firstQuestion: null, memories: [], posts: [], submitted: null, probe: null });
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
    if (instance) {
      for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) B.memories.push(v);
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = function (...args) { return original.apply(this, args).then(keep); };
  }
  B.wasmBytes = () => B.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);

  // When each POST is handed to fetch and when its response arrives.
  const fetch0 = window.fetch;
  window.fetch = function (input, init) {
    const method = String((init && init.method) || (input && input.method) || 'GET').toUpperCase();
    const promise = fetch0.apply(this, arguments);
    if (method === 'POST') {
      const rec = { called: performance.now(), answered: null, status: null };
      B.posts.push(rec);
      promise.then((r) => { rec.answered = performance.now(); rec.status = r.status; if (!cfg.host) B.onSubmitted?.(); },
        () => { rec.answered = performance.now(); rec.status = 0; if (!cfg.host) B.onSubmitted?.(); });
    }
    return promise;
  };
  document.addEventListener('rapport-submitted', () => { B.submitted = performance.now(); B.onSubmitted?.(); }, true);

  const root = () => (cfg.host ? document.querySelector(cfg.host)?.shadowRoot : document);
  // A question counts as shown when its fieldset is rendered (a layout box, not hidden) with its
  // legend's text and a rendered radio button: the same test for the widget and the form.
  const shown = (f) => f.checkVisibility() && f.querySelector('legend')?.textContent.trim() !== ''
    && !!f.querySelector('input[type=radio]')?.checkVisibility();
  B.questions = () => { const r = root(); return r ? [...r.querySelectorAll(cfg.question)].filter(shown) : []; };

  // Render: the first animation frame, counted from navigation start (performance.timeOrigin),
  // in which every question is shown.
  let renderedNow;
  B.rendered = new Promise((resolve) => { renderedNow = resolve; });
  const poll = () => {
    const n = B.questions().length;
    if (n > 0 && B.firstQuestion === null) B.firstQuestion = performance.now();
    if (n >= cfg.items) {
      B.render = performance.now();
      renderedNow(B.render);
    } else {
      requestAnimationFrame(poll);
    }
  };
  requestAnimationFrame(poll);

  // Click → frame. The click's own timestamp (the input event's time, captured on window in the
  // capture phase; clicks inside the shadow root reach window retargeted to the element), then
  // every animation frame until the DOM shows the change: `frame` is the start of that frame,
  // `frames` how many frames began until then (1: the very next one), `painted` the first task
  // after it (its style, layout and paint done on the main thread).
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  addEventListener('click', (e) => {
    const p = B.probe;
    if (!p || p.t0 !== null) return;
    p.t0 = e.timeStamp;
    p.listener = performance.now();
    if (p.kind === 'submit') return;
    let frames = 0;
    const frame = () => requestAnimationFrame(() => {
      frames += 1;
      if (!p.check()) {
        if (performance.now() - p.t0 > 5000) p.finish({ error: `${p.kind}: no change within 5 s` });
        else frame();
        return;
      }
      const start = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => p.finish({
        kind: p.kind, frame: start - p.t0, painted: performance.now() - p.t0, frames, inputDelay: p.listener - p.t0,
      });
      channel.port2.postMessage(null);
    });
    frame();
  }, true);

  const byLink = (id) => root().querySelector(`[data-testid="question-${id}"]`);
  // Prepares one click: scrolls its target into view (then lets two frames pass), and returns
  // where to click. spec: { kind: 'answer', q, option } | { kind: 'hide' | 'show', link, next, option }
  // | { kind: 'submit' }.
  B.arm = async (spec) => {
    let target;
    let check = null;
    if (spec.kind === 'submit') {
      target = root().querySelector(cfg.submit);
    } else {
      const set = spec.link ? byLink(spec.link) : B.questions()[spec.q];
      if (!set) return { error: `no question ${spec.link ?? spec.q}` };
      const radio = set.querySelectorAll('input[type=radio]')[spec.option];
      target = radio.closest('label') ?? radio;
      const progress = cfg.progress ? root().querySelector(cfg.progress) : null;
      const before = progress?.textContent;
      if (spec.kind === 'answer') {
        // The radio is checked and, in the widget, the progress line counts the new answer.
        check = () => radio.checked && (!progress || progress.textContent !== before);
      } else if (spec.kind === 'hide') {
        check = () => radio.checked && !byLink(spec.next);
      } else {
        check = () => { const f = byLink(spec.next); return radio.checked && !!f && shown(f); };
      }
    }
    if (!target) return { error: `nothing to click for ${JSON.stringify(spec)}` };
    // Scrolled into view if needed, and that scroll painted before the click.
    const box = target.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) {
      target.scrollIntoView({ block: 'nearest' });
      await nextFrame();
      await nextFrame();
    }
    const r = target.getBoundingClientRect();
    if (spec.kind === 'submit') {
      // Confirmed: the rapport-submitted event (Rapport), the POST's response (the form).
      B.probe = { kind: 'submit', t0: null };
      B.result = new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ error: 'no confirmation within 15 s' }), 15000);
        B.onSubmitted = () => {
          B.onSubmitted = null;
          clearTimeout(timer);
          const t0 = B.probe?.t0;
          B.probe = null;
          const post = B.posts.at(-1);
          if (t0 == null || !post) return resolve({ error: 'submitted without a click or a POST' });
          resolve({
            called: post.called - t0,
            answered: post.answered - t0,
            confirmed: (cfg.host ? B.submitted : post.answered) - t0,
            status: post.status,
          });
        };
      });
    } else {
      B.result = new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ error: `${spec.kind}: no click arrived` }), 20000);
        B.probe = { kind: spec.kind, t0: null, check, finish: (v) => { clearTimeout(timer); B.probe = null; resolve(v); } };
      });
    }
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  };
}

// ---------------------------------------------------------------------------------------------
// Node side.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function evaluate(cdp, expression) {
  const r = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (r.exceptionDetails) throw new Error(`in the page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value;
}

const sizeCache = new Map();
function compressedSizes(buf) {
  const key = crypto.createHash('sha256').update(buf).digest('hex');
  if (!sizeCache.has(key)) {
    sizeCache.set(key, {
      raw: buf.length,
      gzip: zlib.gzipSync(buf, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(buf, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 22, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
      }).length,
    });
  }
  return sizeCache.get(key);
}

/// Spreads the answers over the scale, never "Never" (which would hide the next question of
/// the long questionnaires).
const optionFor = (i) => 1 + (i % 4);

/// A fixed-seed generator (mulberry32): the same click phases in every benchmark.
let seed = 0x5eed;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const linkId = (i) => `q${String(i + 1).padStart(3, '0')}`;

async function measurePage(browser, cfg, profile = null) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const responses = [];
    const postBodies = [];
    let inflight = 0;
    let lastNetwork = Date.now();
    let firstRender = true;
    page.on('request', (r) => {
      inflight += 1;
      lastNetwork = Date.now();
      if (r.method() === 'POST') postBodies.push(r.postDataBuffer()?.length ?? 0);
    });
    const settled = () => { inflight -= 1; lastNetwork = Date.now(); };
    page.on('requestfinished', settled);
    page.on('requestfailed', settled);
    page.on('response', (r) => {
      if (!firstRender) return;
      const url = new URL(r.url());
      responses.push({ path: url.origin === BASE ? url.pathname : r.url(), status: r.status(), body: r.body().catch(() => null) });
    });
    await page.addInitScript(pageProbe, { host: cfg.host, question: cfg.question, submit: cfg.submit, progress: cfg.progress, items: cfg.items });
    await applyProfile(cdp, profile);
    await page.goto(BASE + cfg.path, { waitUntil: 'domcontentloaded' });
    const render = await evaluate(cdp, 'Promise.race([window.__bench.rendered, new Promise((r) => setTimeout(() => r(null), 30000))])');
    if (render === null) {
      const seen = await evaluate(cdp, 'window.__bench.questions().length');
      throw new Error(`${cfg.path}: only ${seen} of ${cfg.items} questions were shown after 30 s`);
    }
    const firstQuestion = await evaluate(cdp, 'window.__bench.firstQuestion');
    // Whatever the first render still loads counts too: wait for 500 ms without requests.
    const quietSince = Date.now();
    while ((inflight > 0 || Date.now() - lastNetwork < 500) && Date.now() - quietSince < 10000) await sleep(50);
    firstRender = false;
    const files = [];
    for (const r of responses) {
      const body = await r.body;
      files.push({ path: r.path, status: r.status, ...(body ? compressedSizes(body) : { raw: 0, gzip: 0, brotli: 0 }) });
    }
    const transfer = { requests: files.length, raw: 0, gzip: 0, brotli: 0, files };
    for (const f of files) {
      transfer.raw += f.raw;
      transfer.gzip += f.gzip;
      transfer.brotli += f.brotli;
    }

    const secondVisit = async () => {
      // A second visit: the same page again in the same context, so the browser's HTTP cache
      // and its cache of compiled WebAssembly are warm, as for a patient coming back.
      await page.goto('about:blank');
      await page.goto(BASE + cfg.path, { waitUntil: 'domcontentloaded' });
      const warm = await evaluate(cdp, 'Promise.race([window.__bench.rendered, new Promise((r) => setTimeout(() => r(null), 30000))])');
      if (warm === null) throw new Error(`${cfg.path}: the second visit did not show every question within 30 s`);
      return warm;
    };
    if (profile) {
      // Under a throttled profile only the two renders are measured: clicks and sending are
      // measured on loopback.
      return { render, warmRender: await secondVisit(), firstQuestion, transfer, memory: {}, clicks: [], toggles: [], submit: {} };
    }

    // Memory after render, after a full garbage collection.
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await evaluate(cdp, 'window.__bench.wasmBytes()');
    const memory = { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, domHeapUsed: heap.embedderHeapUsedSize ?? null, wasm, heapPlusWasm: heap.usedSize + wasm };

    const click = async (spec) => {
      const at = await evaluate(cdp, `window.__bench.arm(${JSON.stringify(spec)})`);
      if (at.error) throw new Error(`${cfg.path}: ${at.error}`);
      // Click at a random point of the frame interval (arm() may return just after a frame
      // began), so that the wait for the next frame is not always the same.
      await sleep(random() * 16.7);
      await page.mouse.click(at.x, at.y);
      const result = await evaluate(cdp, 'window.__bench.result');
      if (result.error) throw new Error(`${cfg.path}: ${result.error}`);
      return result;
    };
    // One answer per question, top to bottom.
    const clicks = [];
    for (let q = 0; q < cfg.items; q += 1) clicks.push(await click({ kind: 'answer', q, option: optionFor(q) }));
    // The enableWhen chain: "Never" hides the next question, another answer shows it again.
    const toggles = [];
    if (cfg.chain) {
      for (const at of [0.25, 0.5, 0.75].map((f) => Math.floor(cfg.items * f) - 1)) {
        const spec = { link: linkId(at), next: linkId(at + 1) };
        toggles.push(await click({ kind: 'hide', ...spec, option: 0 }));
        toggles.push(await click({ kind: 'show', ...spec, option: optionFor(at) }));
      }
    }
    const submit = await click({ kind: 'submit' });
    if (!(submit.status >= 200 && submit.status < 300)) throw new Error(`${cfg.path}: the POST was answered ${submit.status}`);
    submit.bodyBytes = postBodies.at(-1) ?? null;

    const warmRender = await secondVisit();
    return { render, warmRender, firstQuestion, transfer, memory, clicks, toggles, submit };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The breakdown of one first visit under the phone profile (issue 18: "where a figure is not
// reached, show the measured breakdown (a trace)"). One extra visit per page, traced with
// Chromium's performance timeline (tracing slows it a little, so its render time is not a
// sample). Printed: when each file was requested and finished, and where the renderer's main
// thread spent its time until every question was shown (self time by trace event, the way the
// DevTools "Bottom-up" view counts it).
const TRACE_CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'v8.execute',
  'blink.user_timing', 'loading', 'toplevel', 'disabled-by-default-v8.compile',
];

// One first visit in a fresh context under `profile`, recorded: `start(page, cdp)` before the
// navigation, `stop(cdp)` once every question is shown (or 30 s have passed); gives what `stop`
// gave and the render time (null if not every question was shown).
async function recordedVisit(browser, cfg, profile, start, stop) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.addInitScript(pageProbe, { host: cfg.host, question: cfg.question, submit: cfg.submit, progress: cfg.progress, items: cfg.items });
    await applyProfile(cdp, profile);
    await start(page, cdp);
    await page.goto(BASE + cfg.path, { waitUntil: 'domcontentloaded' });
    const render = await evaluate(cdp, 'Promise.race([window.__bench.rendered, new Promise((r) => setTimeout(() => r(null), 30000))])');
    return { render, recorded: await stop(cdp) };
  } finally {
    await context.close();
  }
}

async function tracedVisit(browser, cfg, profile) {
  const { render, recorded: buffer } = await recordedVisit(browser, cfg, profile,
    (page) => browser.startTracing(page, { categories: TRACE_CATEGORIES }),
    async () => {
      await sleep(300);
      return browser.stopTracing();
    });
  // Kept beside the JSON, to open in Chromium's DevTools (Performance, "Load profile").
  const file = path.join(path.dirname(path.resolve(OUT)), `trace-${cfg.id}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buffer);
  return { render, events: JSON.parse(buffer.toString('utf8')).traceEvents };
}

// A CPU profile of the same first visit (V8's sampling profiler, 0.1 ms), kept as
// `target/bench/rapport.cpuprofile` (DevTools, Performance, "Load profile"); printed: the
// functions with the most self time. WebAssembly functions have names only in a dist built with
// `cargo xtask build --names` (bench it with `--dist`); a release build shows `wasm-function[N]`.
async function profiledVisit(browser, cfg, profile) {
  const { recorded: cpu } = await recordedVisit(browser, cfg, profile,
    async (page, cdp) => {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    },
    async (cdp) => (await cdp.send('Profiler.stop')).profile);
  fs.writeFileSync(path.join(path.dirname(path.resolve(OUT)), `${cfg.id}.cpuprofile`), JSON.stringify(cpu));
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const self = new Map();
  cpu.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const name = (f.functionName || `(anonymous) ${f.url.split('/').pop()}:${f.columnNumber}`)
      .replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 100);
    self.set(name, (self.get(name) ?? 0) + (cpu.timeDeltas[i + 1] ?? 0));
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([n, us]) => [n, (us / 1000).toFixed(1)]);
  return `CPU profile of ${cfg.label} (phone profile), self time:\n${table(top, ['function', 'self time (ms)'])}`;
}

function breakdown(cfg, { render, events }) {
  if (render === null) return `${cfg.label}: not every question was shown within 30 s in the traced visit`;
  // Navigation start: the renderer's `navigationStart` mark for the page (microseconds).
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(BASE));
  const t0 = nav ? nav.ts : Math.min(...events.filter((e) => e.name === 'ResourceSendRequest').map((e) => e.ts));
  const end = t0 + render * 1000;
  const ms = (us) => (us / 1000).toFixed(0);
  // Files: sent, first byte, finished (the emulated network delays each).
  const req = new Map();
  for (const e of events) {
    const d = e.args?.data;
    if (!d?.requestId) continue;
    const r = req.get(d.requestId) ?? {};
    if (e.name === 'ResourceSendRequest') Object.assign(r, { url: d.url, sent: e.ts });
    if (e.name === 'ResourceReceiveResponse') r.response = e.ts;
    if (e.name === 'ResourceFinish') Object.assign(r, { finished: d.finishTime ? d.finishTime * 1e6 : e.ts, bytes: d.encodedDataLength });
    req.set(d.requestId, r);
  }
  const files = [...req.values()].filter((r) => r.url && r.sent <= end)
    .sort((a, b) => a.sent - b.sent)
    .map((r) => [new URL(r.url).pathname.replace(/\.[0-9a-f]{16,}\./, '.…'), ms(r.sent - t0), r.response ? ms(r.response - t0) : '', r.finished ? ms(r.finished - t0) : '', String(r.bytes ?? '')]);
  // The main thread: complete events ('X') of the renderer's main thread, until render.
  const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && events.some((x) => x.tid === e.tid && x.name === 'navigationStart' && x.ts === t0))?.tid
    ?? events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const slices = events.filter((e) => e.tid === mainTid && e.ph === 'X' && e.dur > 0 && e.ts >= t0 && e.ts < end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  let busy = 0;
  for (const e of slices) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
    else busy += e.dur;
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    stack.push(e);
  }
  const top = [...self.entries()].filter(([, v]) => v > 1000).sort((a, b) => b[1] - a[1]).slice(0, 14)
    .map(([name, v]) => [name, ms(v)]);
  return [
    `${cfg.label}: every question shown at ${render.toFixed(0)} ms (traced; tracing slows it a little)`,
    table(files, ['file', 'requested (ms)', 'first byte', 'finished', 'bytes on the wire']),
    `main thread busy ${ms(busy)} of ${render.toFixed(0)} ms; self time by trace event:`,
    table(top, ['trace event', 'self time (ms)']),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Statistics and the printed tables.
function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v.at(-1), n: v.length };
}

function summarize(samples, chain) {
  const pick = (f) => stats(samples.map(f));
  const allClicks = samples.flatMap((s) => s.clicks);
  const allToggles = samples.flatMap((s) => s.toggles);
  return {
    transferGzip: pick((s) => s.transfer.gzip),
    transferBrotli: pick((s) => s.transfer.brotli),
    transferRaw: pick((s) => s.transfer.raw),
    requests: pick((s) => s.transfer.requests),
    firstQuestion: pick((s) => s.firstQuestion),
    render: pick((s) => s.render),
    warmRender: pick((s) => s.warmRender),
    jsHeap: pick((s) => s.memory.jsHeapUsed),
    wasm: pick((s) => s.memory.wasm),
    heapPlusWasm: pick((s) => s.memory.heapPlusWasm),
    domHeap: pick((s) => s.memory.domHeapUsed),
    clickFrame: stats(allClicks.map((c) => c.frame)),
    clickPainted: stats(allClicks.map((c) => c.painted)),
    clickInputDelay: stats(allClicks.map((c) => c.inputDelay)),
    toggleFrame: chain ? stats(allToggles.map((c) => c.frame)) : null,
    togglePainted: chain ? stats(allToggles.map((c) => c.painted)) : null,
    sendBuilt: pick((s) => s.submit.called),
    sendAnswered: pick((s) => s.submit.answered),
    sendConfirmed: pick((s) => s.submit.confirmed),
    postBytes: pick((s) => s.submit.bodyBytes),
  };
}

const KB = (b) => `${(b / 1024).toFixed(1)} KB`;
const MB = (b) => `${(b / 1024 / 1024).toFixed(2)} MB`;
const MS = (t) => `${t.toFixed(1)} ms`;
const N = (x) => `${Math.round(x)}`;
function cell(s, unit) {
  if (!s) return '–';
  if (s.min === s.max) return unit(s.median);
  return `${unit(s.median)} [${unit(s.min)}–${unit(s.max)}]`;
}
const ratio = (a, b) => (a && b && b.median ? a.median / b.median : null);
const times = (r) => (r === null ? '–' : `${r.toFixed(2)}×`);

function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r) => `  ${r.map((c, i) => (i === 0 ? (c ?? '').padEnd(widths[i]) : (c ?? '').padEnd(widths[i]))).join('  ')}`.trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function budgetNote(value, limit, fmt, word = 'at most') {
  if (value === null || value === undefined) return '';
  const ok = value <= limit;
  return `${word} ${fmt(limit)}: ${ok ? 'within' : 'OVER'}`;
}

function mainTable(r, h) {
  const rows = [];
  const row = (name, key, unit, budget = '') => rows.push([name, cell(r[key], unit), cell(h[key], unit),
    times(ratio(r[key], h[key])), budget]);
  row('transfer, gzip -9', 'transferGzip', KB, budgetNote(r.transferGzip?.median, BUDGETS.transferGzipBytes, KB));
  row('transfer, brotli 11', 'transferBrotli', KB);
  row('transfer, uncompressed', 'transferRaw', KB);
  row('requests', 'requests', N);
  row('render: navigation → every question shown', 'render', MS,
    budgetNote(ratio(r.render, h.render), BUDGETS.renderVsHand, (x) => `${x.toFixed(1)}× the form`));
  row('  second visit, warm cache (information)', 'warmRender', MS);
  row('JS heap after render (after GC)', 'jsHeap', MB);
  row('WebAssembly memory', 'wasm', MB);
  row('JS heap + wasm memory', 'heapPlusWasm', MB, budgetNote(r.heapPlusWasm?.median, BUDGETS.heapPlusWasmBytes, MB, 'under'));
  row('  (DOM heap, for information)', 'domHeap', MB);
  row('click → first frame showing it', 'clickFrame', MS, budgetNote(r.clickFrame?.median, BUDGETS.clickMs, MS));
  row('click → that frame painted', 'clickPainted', MS);
  row('send: click → payload built (fetch called)', 'sendBuilt', MS);
  row('send: click → response received', 'sendAnswered', MS);
  row('send: click → confirmed', 'sendConfirmed', MS);
  row('  (POST body)', 'postBytes', KB);
  return table(rows, ['metric', 'Rapport: median [min–max]', 'hand-written form', 'Rapport/form', 'budget (information only)']);
}

// Issue 18's budgets under the phone profile: information, never a failure.
const PHONE_BUDGETS = { renderMs: 1200, renderVsHand: 4, warmVsHand: 1.8 };

function phoneTable(r, h) {
  const rows = [];
  const row = (name, key, unit, budget = '') => rows.push([name, cell(r[key], unit), cell(h[key], unit),
    times(ratio(r[key], h[key])), budget]);
  row('render, first visit: navigation → every question shown', 'render', MS,
    `${budgetNote(r.render?.median, PHONE_BUDGETS.renderMs, MS)}; ${budgetNote(ratio(r.render, h.render), PHONE_BUDGETS.renderVsHand, (x) => `${x.toFixed(1)}× the form`)}`);
  row('render, second visit (same context, cache warm)', 'warmRender', MS,
    budgetNote(ratio(r.warmRender, h.warmRender), PHONE_BUDGETS.warmVsHand, (x) => `${x.toFixed(1)}× the form`));
  row('first question shown', 'firstQuestion', MS);
  row('requests, first visit', 'requests', N);
  row('transfer, first visit (gzip -9, for comparison)', 'transferGzip', KB);
  return table(rows, ['metric (phone profile)', 'Rapport: median [min–max]', 'hand-written form', 'Rapport/form', 'issue 18 budget (information only)']);
}

/// Rows for one series (Rapport or the form) at SIZES = 12, 60, 120 questions: median (min–max)
/// per size, the 120/12 ratio, and the cost per added question from 12 to 60 and from 60 to 120.
/// Linear growth gives two similar per-question costs; growth faster than linear, a second one
/// clearly larger than the first.
function scalingRows(series, who) {
  const rows = [];
  const compact = (s, f) => (s ? (s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`) : '–');
  const row = (name, key, f, unit, digits) => {
    const [a, b, c] = series.map((s) => s[key]);
    if (!a || !b || !c) return;
    const step = (x, y, nx, ny) => {
      const v = (y.median - x.median) / (ny - nx) / (unit === 'KB' ? 1024 : unit === 'MB' ? 1024 * 1024 : 1);
      return `${(Math.abs(v) < 0.5 * 10 ** -digits ? 0 : v).toFixed(digits)} ${unit}`;
    };
    rows.push([`${who}: ${name} (${unit})`, compact(a, f), compact(b, f), compact(c, f), times(ratio(c, a)),
      step(a, b, SIZES[0], SIZES[1]), step(b, c, SIZES[1], SIZES[2])]);
  };
  const ms = (x) => x.toFixed(1);
  const kb = (x) => (x / 1024).toFixed(1);
  const mb = (x) => (x / 1024 / 1024).toFixed(2);
  row('render', 'render', ms, 'ms', 2);
  row('click → first frame showing it', 'clickFrame', ms, 'ms', 3);
  row('click → that frame painted', 'clickPainted', ms, 'ms', 3);
  row('enableWhen click → first frame', 'toggleFrame', ms, 'ms', 3);
  row('enableWhen click → frame painted', 'togglePainted', ms, 'ms', 3);
  row('send: click → confirmed', 'sendConfirmed', ms, 'ms', 3);
  row('transfer, gzip -9', 'transferGzip', kb, 'KB', 3);
  row('JS heap + wasm memory', 'heapPlusWasm', mb, 'MB', 4);
  return rows;
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const samples = Object.fromEntries(PAGES.map((p) => [p.id, []]));
  const phoneSamples = Object.fromEntries(PHONE_PAGES.map((id) => [id, []]));
  const started = new Date();
  const loadBefore = os.loadavg();
  try {
    for (let run = -WARMUP; run < RUNS; run += 1) {
      const label = run < 0 ? 'warm-up (not counted)' : `run ${run + 1}/${RUNS}`;
      const t = Date.now();
      // Pages alternate within each run, so drift spreads over all of them.
      for (const p of PAGES) {
        const m = await measurePage(browser, p);
        if (run >= 0) samples[p.id].push(m);
      }
      for (const id of PHONE_PAGES) {
        const m = await measurePage(browser, PAGES.find((p) => p.id === id), PROFILES.phone);
        if (run >= 0) phoneSamples[id].push(m);
      }
      console.log(`  ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    // One traced first visit per phone page, after the measured runs: the breakdown.
    const traces = [];
    for (const id of PHONE_PAGES) {
      const cfg = PAGES.find((p) => p.id === id);
      traces.push(breakdown(cfg, await tracedVisit(browser, cfg, PROFILES.phone)));
    }
    traces.push(await profiledVisit(browser, PAGES.find((p) => p.id === 'rapport'), PROFILES.phone));
    const version = browser.version();
    const summary = Object.fromEntries(PAGES.map((p) => [p.id, summarize(samples[p.id], p.chain)]));
    const s = summary;
    const phone = Object.fromEntries(PHONE_PAGES.map((id) => [id, summarize(phoneSamples[id], false)]));

    const require = createRequire(import.meta.url);
    const machine = {
      nproc: os.availableParallelism?.() ?? os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryBytes: os.totalmem(),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      chromium: version,
      node: process.version,
      playwright: require('playwright-core/package.json').version,
      // Other work on the machine skews every timing: the 1, 5 and 15-minute load averages.
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
    };
    const notes = [
      'Transfer sizes are the response bodies of a first render, compressed here (gzip level 9, brotli quality 11): the local receiver serves them uncompressed. Headers are not counted.',
      'Every run opens a fresh browser context (empty HTTP cache, new renderer); one warm-up run per page is not counted.',
      'Render = first animation frame, from navigation start, in which every question is shown (fieldset laid out, legend text, a rendered radio).',
      'Click → first frame showing it = from the click event\'s timestamp to the start of the first animation frame whose DOM shows the answer (radio checked; in Rapport also the progress line updated); "painted" = the first task after that frame. Clicks land at a random point of the frame interval.',
      'Scale: the same generated questionnaire (bench/prepare.mjs) at 12, 60 and 120 questions; in Rapport each question is chained to the one before by enableWhen, all visible at first.',
      'The hand-written form posts a minimal envelope (no scores) to the same receiver, which stores it unverified (--store-unverified); Rapport\'s envelope carries scores and flags and is verified against the definition before it is stored.',
    ];

    console.log(`\nRapport benchmark: ${machine.chromium} headless, ${machine.nproc} CPUs (${machine.cpu}), ${RUNS} runs per page + ${WARMUP} warm-up, ${started.toISOString()}`);
    console.log('Transfer sizes: bodies compressed here (gzip -9, brotli 11); the local server does not compress.');
    const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
    console.log(`Load average (1, 5, 15 min) before: ${load(loadBefore)}; after: ${load(machine.loadAverageAfter)}.`
      + (loadBefore[0] > 0.5 * machine.nproc ? ' The machine was busy before the benchmark started: timings are less reliable.' : ''));
    console.log('');
    console.log('12-question questionnaire "Working together": Rapport against a hand-written HTML form');
    console.log(mainTable(s.rapport, s.hand));
    console.log('\nThe same with the preload hints (loopback)');
    console.log(mainTable(s['rapport-preload'], s.hand));
    console.log('\nThe same two pages on a cheap phone (4× CPU slowdown, 150 ms round trip, 1.6 Mbps down, 750 kbps up; files as the receiver serves them, precompressed where the release build wrote .br/.gz)');
    console.log(phoneTable(phone.rapport, phone.hand));
    console.log('\nThe same on the phone profile, with the preload hints the release prints pasted beside the script tag');
    console.log(phoneTable(phone['rapport-preload'], phone.hand));
    console.log('\nWhere a first visit on the phone profile goes (one traced visit per page, after the runs):');
    for (const t of traces) console.log(`\n${t}`);
    const [n1, n2, n3] = SIZES;
    console.log(`\nScale: the same generated questionnaire with ${n1}, ${n2} and ${n3} questions (${n3 / n1}× the questions), median (min–max).`);
    console.log('Rapport: each question hidden when the one before is answered "Never" (enableWhen); the form: the same questions, no chain.');
    console.log(`"per question" = the median's growth per added question from ${n1} to ${n2} and from ${n2} to ${n3}: about equal when growth is linear.`);
    console.log(table([
      ...scalingRows(SIZES.map((n) => s[`rapport-long-${n}`]), 'Rapport'),
      ...scalingRows(SIZES.map((n) => s[`hand-${n}`]), 'form'),
    ], ['metric', `${n1} questions`, `${n2} questions`, `${n3} questions`, `${n3}/${n1}`, `per question ${n1}→${n2}`, `per question ${n2}→${n3}`]));
    console.log('\nBudgets (issue 7) are information, not a gate: transfer ≤ 150 KB gzip, render ≤ 1.5× the form, JS heap + wasm < 4 MB, click reflected within one frame (16 ms) at the median.');

    const out = path.resolve(OUT);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify({
      benchmark: 'rapport issue 7: Rapport vs a hand-written form; 12 vs 120 questions',
      date: started.toISOString(),
      runs: RUNS,
      warmup: WARMUP,
      machine,
      notes,
      budgets: BUDGETS,
      profiles: PROFILES,
      phone: Object.fromEntries(PHONE_PAGES.map((id) => [id, { summary: phone[id], samples: phoneSamples[id] }])),
      pages: Object.fromEntries(PAGES.map((p) => [p.id, {
        label: p.label, path: p.path, items: p.items, chain: !!p.chain, summary: summary[p.id], samples: samples[p.id],
      }])),
    }, null, 1)}\n`);
    const shown = path.relative(process.cwd(), out);
    console.log(`\nEvery sample: ${shown.startsWith('..') ? out : shown}`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(`bench failed: ${e.stack ?? e}`);
  process.exit(1);
});
