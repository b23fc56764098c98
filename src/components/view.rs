//! The helpers every view is written with. They carry the widget's size rules (docs/size.md,
//! "Rules for the widget's view code"): Leptos compiles its reactive and rendering code once per
//! Rust *type*, so the views use a few types for everything (three signal types, attributes by
//! name, `AnyView`, no `NodeRef`), and view code written with these needs no size comments.

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::{custom_attribute, CustomAttr};
use leptos::tachys::html::attribute::AttributeValue;

use crate::session::Session;

/// A widget message in the language shown, as plain text: the form is drawn again when the
/// language changes (the answers live in the session), so a text that depends only on the
/// language needs no reactive node of its own.
pub fn tr(s: Session, id: &'static str) -> String {
    s.strings_untracked().t(id)
}

/// A text that changes with the answers or the status. Read with `.get()`.
#[inline(always)] // as if `Signal::derive` were written here: no function per call site
pub fn live_text(f: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(f)
}

/// A yes/no that changes with the answers or the status (`class:x=`, `disabled`, …).
#[inline(always)]
pub fn live_flag(f: impl Fn() -> bool + Send + Sync + 'static) -> Signal<bool> {
    Signal::derive(f)
}

/// An optional text that changes: an attribute that is there or not (`aria-invalid`), or a
/// message.
#[inline(always)]
pub fn live_maybe(
    f: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> Signal<Option<String>> {
    Signal::derive(f)
}

/// An HTML attribute by name, written in a view as `{attr("role", "status")}`; every attribute
/// but `class` is written this way. The browser sees the same `setAttribute` as for
/// `role="status"`.
pub fn attr<V: AttributeValue>(name: &'static str, value: V) -> CustomAttr<&'static str, V> {
    custom_attribute(name, value)
}

/// A selector for the element of this widget that has the focus, to find it again after the
/// form is drawn again (a language change): by id, by a radio's name and value, or by test id.
pub fn focused(s: Session) -> Option<String> {
    let el = s.host().shadow_root()?.active_element()?;
    // By id, else by a radio's name and value, else by test id: `[name="value"]` for each
    // attribute, pushed onto one string (no `format!` per case).
    let mut selector = String::new();
    'ways: for names in [&["id"][..], &["name", "value"], &["data-testid"]] {
        selector.clear();
        for &name in names {
            let Some(value) = el.get_attribute(name).filter(|v| !v.is_empty()) else {
                continue 'ways;
            };
            for part in ["[", name, "=\"", &value, "\"]"] {
                selector.push_str(part);
            }
        }
        return Some(selector);
    }
    None
}

/// Focuses the element of this widget that matches `selector`, if there is one, found from the
/// host's shadow root (or the host, when mounted without one, as in the component tests).
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
