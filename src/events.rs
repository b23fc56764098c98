//! DOM events for the host page, dispatched on the element with `bubbles` and `composed`.
//! Only `rapport-submit` (host delivery, a later capability) may ever carry answers; these
//! carry ids, counts, receipts and error codes.

use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Dispatches `name` on `host` with `detail` (JSON).
pub fn dispatch(host: &HtmlElement, name: &str, detail: &Value) {
    let detail = js_sys::JSON::parse(&crate::intl::json_text(detail)).unwrap_or(JsValue::NULL);
    dispatch_js(host, name, &detail);
}

/// Dispatches `name` on `host` with a detail that is already a JavaScript value.
pub fn dispatch_js(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
}

/// Logs a problem for the portal developer (never answers).
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("rapport: {message}")));
}

/// `rapport-failed` for a configuration or load problem, plus a console line.
pub fn config_failed(host: &HtmlElement, code: &str, message: &str) {
    console_error(&format!("{code}: {message}"));
    dispatch(
        host,
        "rapport-failed",
        &json!({ "code": code, "message": message, "retryable": false }),
    );
}
