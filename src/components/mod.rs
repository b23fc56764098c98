//! Thin view components. They read what they show from the [`crate::session::Session`] and the
//! core, and hold no rules of their own.

pub mod form;
pub mod panel;
pub mod question;
pub mod summary;
pub mod switcher;
pub mod view;

pub use view::{attr, focus, focused, listen, live_flag, live_maybe, live_text, tr};

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
