// Rapport loader: defines <rapport-questionnaire> and mounts the WebAssembly widget into an
// open shadow root. Hand-written, no build step, no eval, no inline styles.
// Licence: MIT OR Apache-2.0.
const BASE = new URL('.', import.meta.url).href;
let ready = null;
let glue = null; // the wasm-bindgen module, once the WebAssembly is running
function start() {
  // Load the WebAssembly once per page, on first use. The glue module and the .wasm are
  // fetched at the same time (a static import would fetch the glue first, then the .wasm).
  ready ??= Promise.all([
    import('./pkg/rapport_widget.js'),
    fetch(new URL('./pkg/rapport_widget_bg.wasm', import.meta.url)),
  ]).then(async ([module, wasm]) => {
    await module.default({ module_or_path: wasm });
    glue = module;
    return module;
  });
  return ready;
}

// The locale folders of dist/locales/, written in by the build (`cargo xtask build`).
const LOCALES = [];

// The language the widget will most likely choose, to fetch its Fluent files early: the first
// requested language (the `lang` attribute, inherited as in HTML, then the browser's) that names
// a shipped locale exactly or by its first subtag alone ("fr-CA" → "fr"; "zh" is ambiguous, so
// no guess). Only a guess: the widget negotiates for itself and a wrong guess is never used.
function likelyLanguage(el) {
  const wanted = [el.closest('[lang]')?.getAttribute('lang'), ...(navigator.languages ?? [])];
  for (const tag of wanted) {
    const t = tag?.trim().toLowerCase();
    if (!t) continue;
    const exact = LOCALES.find((l) => l.toLowerCase() === t);
    if (exact) return exact;
    const same = LOCALES.filter((l) => l.toLowerCase().split('-')[0] === t.split(/[-_]/)[0]);
    if (same.length > 0) return same.length === 1 ? same[0] : null;
  }
  return null;
}

// The files every bundled questionnaire needs first, fetched while the WebAssembly downloads
// and compiles instead of after it: the language list, the definition, and the Fluent files of
// the likely language and of English (the reference every language falls back to). The widget
// takes these responses (by exact URL) and reads them exactly as its own fetches, with the same
// error messages; anything it does not take is dropped. Only for instrument="…" (a clinic's
// src= is fetched by the widget, as before).
function prefetch(el, inline) {
  const files = new Map();
  const id = el.getAttribute('instrument')?.trim();
  if (!id || el.hasAttribute('src') || inline !== undefined) return files;
  const urls = [`${BASE}locales/languages.json`];
  if (/^[a-z0-9-]+$/.test(id)) {
    urls.push(`${BASE}instruments/${id}.json`);
    const lang = likelyLanguage(el);
    if (lang && lang !== 'en') urls.push(`${BASE}locales/${lang}/widget.ftl`, `${BASE}locales/${lang}/${id}.ftl`);
    urls.push(`${BASE}locales/en/${id}.ftl`);
  }
  for (const url of urls) {
    const response = fetch(url);
    response.catch(() => {}); // a failure is reported by the widget, not as an unhandled rejection
    files.set(url, response);
  }
  return files;
}

// The element's state lives in private fields (#…): other scripts on the page cannot read the
// request headers (bearer tokens) or reach the widget's handle. Only the methods below are public.
class RapportQuestionnaire extends HTMLElement {
  static get observedAttributes() { return ['lang', 'subject-token']; }

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
    const files = prefetch(this, this.#definitionText());
    start().then(({ mount }) => {
      this.#mounting = false;
      if (!this.isConnected || this.#handle) return;
      this.#handle = mount(this, shadow, BASE, this.#definitionText(), files, this.#token());
      if (this.#headers) this.#handle.setRequestHeaders(this.#headers);
    }).catch((err) => {
      this.#mounting = false;
      console.error('rapport: could not start the widget:', err);
      this.dispatchEvent(new CustomEvent('rapport-failed', {
        bubbles: true, composed: true,
        detail: { code: 'wasm-load-failed', message: String(err && err.message || err), retryable: false },
      }));
    });
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
    let removed = glue ? glue.clearMemory() : 0;
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
    return !!glue && glue.confirmSubmission(String(idempotencyKey), receipt);
  }

  rejectSubmission(idempotencyKey, { retryable = true, message = '' } = {}) {
    return !!glue && glue.rejectSubmission(String(idempotencyKey), !!retryable, String(message));
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
