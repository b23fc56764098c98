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

use leptos::tachys::html::attribute::custom::{custom_attribute, CustomAttr};
use leptos::tachys::html::attribute::AttributeValue;

use crate::session::Session;

/// A widget message in the language shown. Plain text, not a signal: the form is rebuilt when
/// the language changes (the answers live in the session), so a text that depends only on the
/// language needs no reactive node of its own — each costs memory per question.
///
/// Texts that change with the answers or the status are `Signal<String>`s rather than closures:
/// Leptos compiles its rendering code once per *type*, so one signal type for every such text
/// keeps the wasm small. For the same reason signals are read with `.get()` (a clone) rather than
/// `.with(|v| …)`: every `.with` closure compiles its own copy of the signal-access code.
pub fn tr(s: Session, id: &'static str) -> String {
    s.strings_untracked().t(id)
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

/// A selector for the element of this widget that has the focus, to find it again after the
/// form is drawn again (a language change): by id, by a radio's name and value, or by test id.
pub fn focused(s: Session) -> Option<String> {
    let el = s.host().shadow_root()?.active_element()?;
    let attr = |name: &str| el.get_attribute(name).filter(|v| !v.is_empty());
    if let Some(id) = attr("id") {
        return Some(format!("[id=\"{id}\"]"));
    }
    if let (Some(name), Some(value)) = (attr("name"), attr("value")) {
        return Some(format!("[name=\"{name}\"][value=\"{value}\"]"));
    }
    attr("data-testid").map(|t| format!("[data-testid=\"{t}\"]"))
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
