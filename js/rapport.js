// Rapport loader: defines <rapport-questionnaire> and mounts the WebAssembly widget into an
// open shadow root. Hand-written, no build step, no eval, no inline styles.
// Licence: MIT OR Apache-2.0.
import init, { mount, confirmSubmission, rejectSubmission } from './pkg/rapport_widget.js';

const BASE = new URL('.', import.meta.url).href;
let ready = null;
function start() {
  // Load the WebAssembly once per page, on first use.
  ready ??= init({ module_or_path: new URL('./pkg/rapport_widget_bg.wasm', import.meta.url) });
  return ready;
}

class RapportQuestionnaire extends HTMLElement {
  static get observedAttributes() { return ['lang']; }

  connectedCallback() {
    // A framework moving the node disconnects and reconnects it: keep the mounted widget.
    if (this._handle || this._mounting) return;
    this._mounting = true;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    start().then(() => {
      this._mounting = false;
      if (!this.isConnected || this._handle) return;
      this._handle = mount(this, shadow, BASE);
      if (this._headers) this._handle.setRequestHeaders(this._headers);
    }).catch((err) => {
      this._mounting = false;
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
      if (!this.isConnected && this._handle) {
        this._handle.unmount();
        this._handle.free();
        this._handle = null;
        this.shadowRoot?.replaceChildren();
      }
    });
  }

  // Extra request headers for sending answers, e.g. { Authorization: 'Bearer …' } or a CSRF
  // token. Set from JavaScript only (never an attribute, so never visible in the HTML); kept in
  // memory, never stored. A send waiting for credentials (401/403) is retried at once.
  setRequestHeaders(headers) {
    this._headers = headers && typeof headers === 'object' ? { ...headers } : null;
    this._handle?.setRequestHeaders(this._headers ?? {});
  }

  // Host delivery (delivery="host"): after handling a rapport-submit event, tell the widget
  // whether the payload was delivered. Same idempotency key as in the event's detail.
  confirmSubmission(idempotencyKey, receipt = null) {
    return !!ready && confirmSubmission(String(idempotencyKey), receipt);
  }

  rejectSubmission(idempotencyKey, { retryable = true, message = '' } = {}) {
    return !!ready && rejectSubmission(String(idempotencyKey), !!retryable, String(message));
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'lang' && this._handle && newValue && oldValue !== newValue) {
      this._handle.setLanguage(newValue);
    }
  }
}

if (!customElements.get('rapport-questionnaire')) {
  customElements.define('rapport-questionnaire', RapportQuestionnaire);
}
