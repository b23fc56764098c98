//! Thin view components. They read what they show from the [`crate::session::Session`] and the
//! core, and hold no rules of their own.

pub mod form;
pub mod panel;
pub mod question;
pub mod summary;
pub mod switcher;

/// The DOM id of a question's fieldset, unique inside the widget's shadow root.
pub fn question_dom_id(pos: usize) -> String {
    format!("rq-{pos}")
}

/// The DOM id of a question's text, which names its text and number fields.
pub fn label_dom_id(pos: usize) -> String {
    format!("rq-{pos}-label")
}

/// The DOM id of a question's inline error message.
pub fn error_dom_id(pos: usize) -> String {
    format!("rq-{pos}-error")
}

use leptos::prelude::Signal;
use leptos::tachys::html::attribute::custom::{custom_attribute, CustomAttr};
use leptos::tachys::html::attribute::AttributeValue;

use crate::session::Session;

/// A widget message as a signal that follows the language.
///
/// Views take `Signal`s rather than closures on purpose: Leptos compiles its rendering code
/// once per *type*, so one `Signal<String>` type for every text keeps the wasm small, where a
/// distinct closure type per text would not. For the same reason signals are read with `.get()`
/// (a clone) rather than `.with(|v| …)`: every `.with` closure compiles its own copy of the
/// signal-access code.
pub fn tr(s: Session, id: &'static str) -> Signal<String> {
    Signal::derive(move || s.strings().t(id))
}

/// An HTML attribute by name, written in a view as `{attr("role", "status")}`.
///
/// The views write every attribute but `class` this way, not as `role="status"`: Leptos gives
/// each attribute name its own Rust type (and `aria-*` names too), and every attribute type is
/// compiled into the WebAssembly on its own, where attributes by name share one type per kind
/// of value. The browser sees the same `setAttribute` either way.
pub fn attr<V: AttributeValue>(name: &'static str, value: V) -> CustomAttr<&'static str, V> {
    custom_attribute(name, value)
}

/// Focuses the element of this widget that matches `selector`, if there is one. Found from the
/// host's shadow root (or the host, when mounted without one, as in the component tests) rather
/// than through a `NodeRef`: one type fewer in the WebAssembly.
pub fn focus(s: Session, selector: &str) {
    use wasm_bindgen::JsCast;
    let host = s.host();
    let found = match host.shadow_root() {
        Some(root) => root.query_selector(selector),
        None => host.query_selector(selector),
    };
    if let Some(el) = found
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
