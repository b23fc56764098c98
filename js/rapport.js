// Rapport loader: defines <rapport-questionnaire> and mounts the WebAssembly widget into an
// open shadow root. Hand-written, no eval, no inline styles. The build (`cargo xtask build`)
// bundles the wasm-bindgen glue into this one module and fills in the constants below, so that
// the integrity hash of this file covers every byte the widget runs or reads: everything else
// is fetched by a content-hashed name with the integrity hash written here.
// Licence: MIT OR Apache-2.0.
import init, { mount, clearMemory, confirmSubmission, rejectSubmission } from './pkg/rapport_widget.js';
// The wasm-split link module (xtask/src/split.rs), bundled in with the glue: it fetches the
// chunks through the `chunk` handed to it here, so that this module does not export it.
import { useChunkLoader } from './pkg/__wasm_split.js';

// Written in by the build: the release's version, the language list (what
// locales/languages.json would hold), the English words of the panel shown when the widget
// itself cannot start, and the SHA-256 (base64) of every file this module fetches, by path:
// the WebAssembly, the bundled questionnaires, the English Fluent files, and
// `locales/files.json` (which holds the hashes of every other locale's Fluent files); and the
// files the sending chunk loads, which are fetched once the first render is done.
const VERSION = '';
const LANGUAGES = [];
const WORDS = {};
const FILES = {};
const SENDING = [];

// Where the files are: the folder of this module, unless the app moved them (a bundler puts
// this module into its own chunk; copy the package's cdn/ folder and call setBasePath).
let base = import.meta.url.replace(/[^/]*$/, '');

export function setBasePath(url) {
  base = String(new URL(url, document.baseURI)).replace(/\/?$/, '/');
}

export function getBasePath() {
  return base;
}

// A file of the release that did not match its hash: served altered (by the server, the CDN
// or a proxy). The widget reports it as `integrity-failed`.
const altered = (url) => Object.assign(
  new Error(`${url} does not match its integrity hash in rapport.js: serve the release's files unmodified`),
  { name: 'RapportIntegrityError' },
);

const base64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

// `locales/de/widget.ftl` with digest `q3Xz+9Ab…` is served as `locales/de/widget.q3Xz-9Ab.ftl`.
function hashedName(path, digest) {
  const dot = path.lastIndexOf('.');
  return `${path.slice(0, dot)}.${digest.slice(0, 8).replace(/\+/g, '-').replace(/\//g, '_')}${path.slice(dot)}`;
}

// Fetches a file of the release by its hashed name, checked against its hash by the browser.
// When the browser refuses it, fetch it once more unchecked to tell an altered file (a clear
// error) from a network failure or a missing file (passed on as such).
function verified(path, digest) {
  const url = base + hashedName(path, digest);
  return fetch(url, { integrity: `sha256-${digest}` }).catch(async (error) => {
    let again;
    try {
      again = await fetch(url, { cache: 'no-store' });
    } catch {
      throw error;
    }
    if (!again.ok) return again; // a missing file: its status says so
    const actual = base64(await crypto.subtle.digest('SHA-256', await again.arrayBuffer()));
    if (actual !== digest) throw altered(url);
    throw error;
  });
}

// The digest of a file by path: from FILES, or for another locale's Fluent file from
// locales/files.json (itself checked; fetched once, by a patient who reads another language).
let index = null;
function digestOf(path) {
  if (FILES[path] || !path.startsWith('locales/')) return Promise.resolve(FILES[path]);
  index ??= verified('locales/files.json', FILES['locales/files.json']).then((r) => {
    if (!r.ok) throw new TypeError(`${base}locales/files.json: HTTP ${r.status}`);
    return r.json();
  });
  index.catch(() => { index = null; }); // tried again on the next request
  return index.then((files) => files[path.slice(8)]);
}

// A request for a file of the release by its plain URL (what the widget asks for), or
// undefined for any other URL (a clinic's `src=`, fetched by the widget under its own rules).
function request(url) {
  if (!url.startsWith(base)) return undefined;
  const path = url.slice(base.length);
  if (path === 'locales/languages.json') {
    return Promise.resolve(new Response(JSON.stringify(LANGUAGES)));
  }
  if (!/^(pkg|instruments|locales)\//.test(path)) return undefined;
  return digestOf(path).then((digest) => (digest ? verified(path, digest) : fetch(url)));
}

// A WebAssembly chunk split off the main module (`pkg/split_NAME.wasm`), by the wasm-split link
// module: fetched by its hashed name and checked like every other file. Why the last one failed
// is kept for the widget (`mount`'s `chunkFailure`), which only hears that it did: an altered
// chunk (`integrity-failed`) is not retried like a network error.
let chunkFailure;
function chunk(path) {
  chunkFailure = undefined;
  return asset(base + path).then((r) => {
    if (!r.ok) throw new TypeError(`${base}${path}: HTTP ${r.status}`);
    return r;
  }).catch((error) => {
    throw (chunkFailure = error);
  });
}
useChunkLoader(chunk);

// Requests begun before the widget asked (while the WebAssembly loads), by URL; each is
// handed over once.
const early = new Map();
function asset(url) {
  const started = early.get(url);
  if (started) {
    early.delete(url);
    return started;
  }
  return request(url);
}

// After the first widget has rendered, when the browser is idle: start fetching the chunks Send
// needs, so that Send does not wait for them. A failed prefetch is dropped; the chunk is fetched again
// when the widget asks for it (and on every later try).
let chunksFetched = false;
function prefetchChunks() {
  if (chunksFetched) return;
  chunksFetched = true;
  const idle = globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 1));
  idle(() => {
    // Sending, and the shared chunks it loads (the build writes SENDING from the link module);
    // not the chunks only some definitions need, nor the code only they share, which are
    // fetched when asked for.
    for (const path of SENDING) {
      const url = base + path;
      const response = request(url);
      response.catch(() => { if (early.get(url) === response) early.delete(url); });
      early.set(url, response);
    }
  });
}

let ready = null;
let running = false; // the WebAssembly is instantiated
function start() {
  // Load the WebAssembly once per page, on first use.
  ready ??= (async () => {
    if (typeof WebAssembly !== 'object') throw new TypeError('this browser has no WebAssembly');
    const wasm = await request(`${base}pkg/rapport_widget_bg.wasm`);
    await init({ module_or_path: wasm });
    running = true;
  })();
  ready.catch(() => { ready = null; }); // a later element tries again
  return ready;
}

// The language the widget will most likely choose, to fetch its Fluent files early: the first
// requested language (the `lang` attribute, inherited as in HTML, then the browser's) that names
// a shipped locale exactly or by its first subtag alone ("fr-CA" → "fr"; "zh" is ambiguous, so
// no guess). Only a guess: the widget negotiates for itself and a wrong guess is never used.
function likelyLanguage(el) {
  const tags = LANGUAGES.map((l) => l.tag);
  const wanted = [el.closest('[lang]')?.getAttribute('lang'), ...(navigator.languages ?? [])];
  for (const tag of wanted) {
    const t = tag?.trim().toLowerCase();
    if (!t) continue;
    const exact = tags.find((l) => l.toLowerCase() === t);
    if (exact) return exact;
    const same = tags.filter((l) => l.toLowerCase().split('-')[0] === t.split(/[-_]/)[0]);
    if (same.length > 0) return same.length === 1 ? same[0] : null;
  }
  return null;
}

// The files a bundled questionnaire needs first, requested while the WebAssembly downloads and
// compiles instead of after it: the definition, and the Fluent files of the likely language and
// of English (the reference every language falls back to). Only for instrument="…" (a clinic's
// src= is fetched by the widget, as before).
function prefetch(el, inline) {
  const id = el.getAttribute('instrument')?.trim();
  if (!id || el.hasAttribute('src') || inline !== undefined || !/^[a-z0-9-]+$/.test(id)) return;
  const lang = likelyLanguage(el);
  const urls = [`${base}instruments/${id}.json`, `${base}locales/en/${id}.ftl`];
  if (lang && lang !== 'en') urls.push(`${base}locales/${lang}/widget.ftl`, `${base}locales/${lang}/${id}.ftl`);
  for (const url of urls) {
    if (early.has(url)) continue;
    const response = request(url);
    response?.catch(() => {}); // a failure is reported by the widget, not as an unhandled rejection
    if (response) early.set(url, response);
  }
}

// Work the first render needs that the browser does once per page, done while the WebAssembly
// downloads (the main thread is idle then) instead of after it: the page's first
// Intl.NumberFormat, whatever its language, sets up the browser's number formatting (15–30 ms
// here, about 100 ms on a slow phone; the widget formats its progress numbers with one), and
// the first read of the storage the widget brings a draft back from opens it (up to 10 ms).
// Nothing is written; storage="none" is not touched.
let warmed = false;
function warmUp(el) {
  if (warmed) return;
  warmed = true;
  setTimeout(() => {
    try {
      new Intl.NumberFormat(likelyLanguage(el) ?? undefined);
      const policy = el.getAttribute('storage') ?? 'session';
      if (policy === 'session') void sessionStorage.length;
      if (policy === 'local') void localStorage.length;
    } catch { /* storage disabled, or an old browser: the widget says so itself */ }
  }, 0);
}

// The two sentences of the panel shown when the widget cannot start, from the widget.ftl of
// `lang` when it can be read, else in English.
async function panelWords(lang) {
  try {
    const text = await (await request(`${base}locales/${lang}/widget.ftl`)).text();
    const words = {};
    for (const id in WORDS) words[id] = new RegExp(`^${id} = ([^{\\n]+)$`, 'm').exec(text)[1];
    return [words, lang];
  } catch {
    return [WORDS, 'en'];
  }
}

const PANEL_STYLES = `.panel{border:2px solid var(--rapport-error,#b3261e);border-radius:var(--rapport-radius,10px);padding:var(--rapport-space,16px);font:var(--rapport-font-size,16px)/1.5 var(--rapport-font,system-ui,sans-serif)}
.title{font-weight:700}p{margin:0 0 8px}pre{margin:0;font-size:.85em;white-space:pre-wrap;overflow-wrap:anywhere}`;

// The element's state lives in private fields (#…): other scripts on the page cannot read the
// request headers (bearer tokens) or reach the widget's handle. Only the methods below are public.
class RapportQuestionnaire extends HTMLElement {
  static get observedAttributes() { return ['lang', 'subject-token']; }

  // The release's version (`customElements.get('rapport-questionnaire').version`).
  static get version() { return VERSION; }

  #handle = null; // the mounted WidgetHandle
  #mounting = false;
  #definition = undefined; // set through the `definition` property
  #headers = null; // from setRequestHeaders, handed to the widget when it mounts
  #subjectToken = null; // set through the `subjectToken` property (wins over the attribute)

  connectedCallback() {
    // A `definition` or `subjectToken` set on the element before this class was defined is an
    // own property that hides the setter: move it into place.
    for (const name of ['definition', 'subjectToken']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    // A framework moving the node disconnects and reconnects it: keep the mounted widget.
    if (this.#handle || this.#mounting) return;
    this.#mounting = true;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    // After the module that defined the element has run to its end: an app that bundles this
    // module calls setBasePath right after importing it, while elements already in the page
    // connect the moment the element is defined.
    queueMicrotask(() => this.#begin(shadow));
  }

  #begin(shadow) {
    prefetch(this, this.#definitionText());
    const started = start();
    warmUp(this);
    started.then(() => {
      this.#mounting = false;
      if (!this.isConnected || this.#handle) return;
      shadow.replaceChildren();
      this.#handle = mount(this, shadow, base, this.#definitionText(), asset, this.#token(), () => chunkFailure);
      if (this.#headers) this.#handle.setRequestHeaders(this.#headers);
      prefetchChunks();
    }).catch((err) => {
      this.#mounting = false;
      this.#cannotStart(shadow, err);
    });
  }

  // The WebAssembly could not be loaded (the server down, a network error, an altered file,
  // an old browser): never a blank space. The same panel as the widget's own, from here.
  async #cannotStart(shadow, err) {
    const code = err?.name === 'RapportIntegrityError' ? 'integrity-failed' : 'wasm-load-failed';
    const message = String(err?.message || err);
    console.error(`rapport: ${code}: ${message}`);
    this.dispatchEvent(new CustomEvent('rapport-failed', {
      bubbles: true, composed: true, detail: { code, message, retryable: false },
    }));
    let lang = likelyLanguage(this);
    let words = WORDS;
    if (lang && lang !== 'en') [words, lang] = await panelWords(lang);
    if (this.#handle || !this.isConnected) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PANEL_STYLES);
    shadow.adoptedStyleSheets = [sheet];
    const node = (tag, text, props) => Object.assign(document.createElement(tag), props, { textContent: text });
    const panel = node('div', '', { className: 'panel', lang: lang || 'en', dir: LANGUAGES.find((l) => l.tag === lang)?.dir ?? 'ltr' });
    panel.setAttribute('part', 'error-panel');
    panel.setAttribute('role', 'alert');
    panel.dataset.testid = 'config-error';
    panel.append(
      node('p', words['config-error-title'], { className: 'title' }),
      node('p', words['config-error-help']),
      node('pre', `${code}\n${message}`, { lang: 'en', dir: 'ltr' }),
    );
    shadow.replaceChildren(panel);
  }

  disconnectedCallback() {
    // Unmount only if the element is still gone after a microtask (contracts.md).
    queueMicrotask(() => {
      if (!this.isConnected && this.#handle) this.#unmount();
    });
  }

  // A FHIR Questionnaire given in the page instead of instrument="…" or src="…": the
  // `definition` property (an object or JSON text, set from JavaScript), else a
  // <script type="application/fhir+json"> child (inert data: CSP does not run it).
  #definitionText() {
    if (this.#definition != null) {
      return typeof this.#definition === 'string' ? this.#definition : JSON.stringify(this.#definition);
    }
    return this.querySelector(':scope > script[type="application/fhir+json"]')?.textContent ?? undefined;
  }

  get definition() { return this.#definition ?? null; }

  set definition(value) {
    this.#definition = value;
    // Already showing a questionnaire: show the new one (a new widget, no answers carried over).
    if (this.#handle) {
      this.#unmount();
      this.#mounting = false;
      this.connectedCallback();
    }
  }

  // The portal's subject token for the signed-in patient (a JWT its server minted): the
  // `subjectToken` property, else the `subject-token` attribute. Write-only: kept in a private
  // field, never stored by the widget.
  set subjectToken(value) {
    this.#subjectToken = value == null ? null : String(value);
    this.#subjectChanged();
  }

  #token() { return this.#subjectToken ?? this.getAttribute('subject-token') ?? undefined; }

  // A token about another patient: a new widget with that patient's storage (the first
  // patient's draft and queued submission stay under theirs). The same patient's fresh token
  // is used from the next attempt on.
  #subjectChanged() {
    if (this.#handle?.setSubjectToken(this.#token())) {
      this.#unmount();
      this.#mounting = false;
      this.connectedCallback();
    }
  }

  // At logout on a shared device: removes every key the widget wrote (`rapport:…`) from
  // localStorage and sessionStorage, and the page's in-memory outbox. Returns how many
  // undelivered submissions were removed (0 means nothing was waiting to be sent).
  clearStoredData() {
    let removed = running ? clearMemory() : 0;
    try {
      for (const store of [localStorage, sessionStorage]) {
        for (const k of Object.keys(store)) {
          if (!k.startsWith('rapport:')) continue;
          if (/^rapport:(s:\w{32}:)?outbox:/.test(k)) removed++;
          store.removeItem(k);
        }
      }
    } catch { /* storage disabled: nothing was written there */ }
    return removed;
  }

  #unmount() {
    this.#handle.unmount();
    this.#handle.free();
    this.#handle = null;
    this.shadowRoot?.replaceChildren();
  }

  // Extra request headers for sending answers, e.g. { Authorization: 'Bearer …' } or a CSRF
  // token. Set from JavaScript only (never an attribute, so never visible in the HTML); kept in
  // memory in a private field (no other script can read them back), never stored. A send
  // waiting for credentials (401/403) is retried at once.
  setRequestHeaders(headers) {
    this.#headers = headers && typeof headers === 'object' ? { ...headers } : null;
    this.#handle?.setRequestHeaders(this.#headers ?? {});
  }

  // Host delivery (delivery="host"): after handling a rapport-submit event, tell the widget
  // whether the payload was delivered. Same idempotency key as in the event's detail.
  confirmSubmission(idempotencyKey, receipt = null) {
    return running && confirmSubmission(String(idempotencyKey), receipt);
  }

  rejectSubmission(idempotencyKey, { retryable = true, message = '' } = {}) {
    return running && rejectSubmission(String(idempotencyKey), !!retryable, String(message));
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'lang' && this.#handle && newValue && oldValue !== newValue) {
      this.#handle.setLanguage(newValue);
    }
    if (name === 'subject-token' && oldValue !== newValue && this.#subjectToken == null) {
      this.#subjectChanged();
    }
  }
}

if (!customElements.get('rapport-questionnaire')) {
  customElements.define('rapport-questionnaire', RapportQuestionnaire);
}
