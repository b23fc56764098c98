//! Thin view components. They read what they show from the [`crate::session::Session`] and the
//! core, and hold no rules of their own.

pub mod calculated;
pub mod form;
pub mod panel;
pub mod question;
pub mod read_only;
pub mod rich;
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

/// Adds a constructed stylesheet of a chunk (made once per page, from `css`) to this widget's
/// shadow root, once: the chunk's styles travel with its code, not in every first render.
pub fn adopt_sheet(
    s: crate::session::Session,
    cell: &'static std::thread::LocalKey<std::cell::OnceCell<web_sys::CssStyleSheet>>,
    css: &str,
) {
    let Some(shadow) = s.host().shadow_root() else {
        return;
    };
    cell.with(|cell| {
        let sheet = match cell.get() {
            Some(sheet) => sheet.clone(),
            None => {
                let Ok(sheet) = web_sys::CssStyleSheet::new() else {
                    return;
                };
                if sheet.replace_sync(css).is_err() {
                    return;
                }
                cell.get_or_init(|| sheet).clone()
            }
        };
        let sheets = shadow.adopted_style_sheets();
        if !sheets.includes(&sheet, 0) {
            sheets.push(&sheet);
            shadow.set_adopted_style_sheets(&sheets);
        }
    });
}
