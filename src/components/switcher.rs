//! The language switcher: a native `<select>` listing each language by its own name. Switching
//! loads that language's strings and keeps every answer.

use leptos::prelude::*;

use super::{attr, listen};

use crate::events;
use crate::load;
use crate::session::Session;

/// Loads `tag`'s strings and shows them; answers are untouched. The form is drawn again in
/// that language, so whatever had the focus (the switcher itself, or a question when the portal
/// changes `lang`) gets it back, unless the patient has put it elsewhere by then.
pub fn switch_language(s: Session, tag: String) {
    let loaded = s.loaded();
    leptos::task::spawn_local(async move {
        match load::strings_for(&loaded, &[tag]).await {
            Ok(strings) => {
                let focused = super::focused(s);
                s.set_strings(strings);
                if let Some(selector) = focused {
                    // Only if the redraw took the focus away: a patient who has already moved
                    // on (a slow phone draws the frame late) keeps it where they put it.
                    request_animation_frame(move || {
                        let lost = s
                            .host()
                            .shadow_root()
                            .is_none_or(|root| root.active_element().is_none());
                        if lost {
                            super::focus(s, &selector)
                        }
                    });
                }
            }
            Err(e) => events::console_error(&format!("{}: {}", e.code(), e.message)),
        }
    });
}

/// A `<select>` of the available languages (hidden when there is only one).
#[component]
pub fn LanguageSwitcher(session: Session) -> impl IntoView {
    let s = session;
    let loaded = s.loaded();
    let languages = loaded.languages.clone();
    if languages.len() < 2 {
        return ().into_any();
    }
    let current = s.strings_untracked().tag.clone();
    let options = languages
        .into_iter()
        .map(|l| {
            let tag = l.tag.clone();
            let selected = rapport_core::i18n::same_language(&current, &tag);
            view! { <option {attr("value", l.tag.clone())} {attr("lang", l.tag.clone())} {attr("dir", l.dir.clone())} {attr("selected", selected)}>{l.name.clone()}</option> }.into_any()
        })
        .collect_view();
    let label = super::tr(s, "language-label");
    view! {
        <label class="switcher" {attr("part", "language-switcher")}>
            <span class="switcher-label">{label}</span>
            <select data-testid="language-switcher" {listen("input", move |ev| switch_language(s, event_target_value(&ev)))}>
                {options}
            </select>
        </label>
    }
    .into_any()
}
