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

use leptos::prelude::{Get, Signal};

use crate::session::Session;

/// A widget message as a signal that follows the language.
///
/// Views take `Signal`s rather than closures on purpose: Leptos compiles its rendering code
/// once per *type*, so one `Signal<String>` type for every text keeps the wasm small, where a
/// distinct closure type per text would not. For the same reason the strings are read with
/// `.get()` (an `Arc` clone) rather than `.with(|st| …)`: every `.with` closure compiles its own
/// copy of the signal-access code.
pub fn tr(s: Session, id: &'static str) -> Signal<String> {
    Signal::derive(move || s.strings.get().t(id))
}
