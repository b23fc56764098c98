//! DOM events for the host page, dispatched on the element with `bubbles` and `composed`.
//! Only `rapport-submit` (host delivery) carries answers; `rapport-flagged` carries scores and
//! flag ids (derived from the answers); the others carry ids, counts, the documented receipt
//! fields and error codes.

use serde_json::Value;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// An event's `detail`, built field by field as a JavaScript object: one small call per field,
/// with no `json!` map and no JSON text in between (docs/size.md).
#[derive(Default)]
pub struct Detail(js_sys::Object);

impl Detail {
    pub fn new() -> Detail {
        Detail(js_sys::Object::new())
    }

    /// Sets `name` to any JavaScript value.
    pub fn value(self, name: &str, value: &JsValue) -> Detail {
        let _ = js_sys::Reflect::set(&self.0, &JsValue::from_str(name), value);
        self
    }

    pub fn text(self, name: &str, value: &str) -> Detail {
        self.value(name, &JsValue::from_str(value))
    }

    pub fn flag(self, name: &str, value: bool) -> Detail {
        self.value(name, &JsValue::from_bool(value))
    }

    pub fn number(self, name: &str, value: f64) -> Detail {
        self.value(name, &JsValue::from_f64(value))
    }

    /// Sets `name` to a JSON value (read by the browser's `JSON.parse` from its text).
    pub fn json(self, name: &str, value: &Value) -> Detail {
        let v = js_sys::JSON::parse(&crate::intl::json_text(value)).unwrap_or(JsValue::NULL);
        self.value(name, &v)
    }

    /// The instrument of an event: `{ id, version }`.
    pub fn instrument(id: &str, version: &str) -> JsValue {
        Detail::new().text("id", id).text("version", version).into()
    }

    /// Dispatches `name` on `host` with this detail.
    pub fn dispatch(self, host: &HtmlElement, name: &str) {
        dispatch_js(host, name, &self.0);
    }
}

impl From<Detail> for JsValue {
    fn from(d: Detail) -> JsValue {
        d.0.into()
    }
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
    Detail::new()
        .text("code", code)
        .text("message", message)
        .flag("retryable", false)
        .dispatch(host, "rapport-failed");
}
