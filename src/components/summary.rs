//! The error summary: a list of links to each question with a problem, shown after a submit
//! attempt. Focus moves here so that keyboard and screen-reader users start from it.

use leptos::prelude::*;
use rapport_core::i18n::Arg;
use wasm_bindgen::JsCast;

use super::question_dom_id;
use super::{attr, listen, live_flag, live_text};
use crate::session::Session;

/// Links to every question that needs attention.
#[component]
pub fn ErrorSummary(session: Session) -> impl IntoView {
    let s = session;
    let visible = Memo::new(move |_| s.show_errors() && !s.with_issues(<[_]>::is_empty));
    let hidden = live_flag(move || !visible.get());
    let title = live_text(move || {
        let count = s.with_issues(<[_]>::len);
        s.strings().t_args(
            "error-summary-title",
            &[("count", Arg::Number(count as f64))],
        )
    });
    let links = move || {
        let loaded = s.loaded();
        let q = loaded.definition.clone();
        s.with_issues(<[_]>::to_vec)
            .into_iter()
            .filter_map(|issue| {
                let pos = q.position(&issue.link_id)?;
                let item = q.items.get(pos)?;
                let label = s.strings().item(&q, item);
                let message = s.strings().issue(&q, item, &issue.code);
                let target = question_dom_id(pos);
                let href = format!("#{target}");
                let on_click = move |ev: web_sys::Event| {
                    ev.prevent_default();
                    focus_question(&ev, &target);
                };
                Some(view! {
                    <li><a {attr("href", href)} {listen("click", on_click)}><span class="summary-question">{label}</span>" "<span class="summary-message">{message}</span></a></li>
                }.into_any())
            })
            .collect_view()
    };
    let body = move || {
        visible.get().then(|| {
            view! {
                <h3 class="summary-title" {attr("id", "rq-summary-title")}>{title}</h3>
                <ul>{links}</ul>
            }
            .into_any()
        })
    };
    view! {
        <div class="summary" {attr("part", "error-summary")} data-testid="error-summary" {attr("tabindex", "-1")} {attr("role", "group")}
            {attr("aria-labelledby", "rq-summary-title")} class:hidden=hidden>
            {body}
        </div>
    }
}

/// Moves focus to the first control of a question (fragment links do not reach into a shadow
/// root, so this is done by hand).
fn focus_question(ev: &web_sys::Event, dom_id: &str) {
    let root = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .map(|n| n.get_root_node());
    let Some(root) = root.and_then(|r| r.dyn_into::<web_sys::ShadowRoot>().ok()) else {
        return;
    };
    let Some(field) = root.get_element_by_id(dom_id) else {
        return;
    };
    field.scroll_into_view();
    let control = field
        .query_selector("input:checked, input, textarea, select")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(control) = control {
        let _ = control.focus();
    }
}
