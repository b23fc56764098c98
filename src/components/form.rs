//! The questionnaire form: header, language switcher, progress, error summary, questions,
//! the send button and status, and the thank-you state.

use leptos::html;
use leptos::prelude::*;
use rapport_core::bundled::{INTRO_ID, NOTICE_ID};
use rapport_core::i18n::Arg;
use rapport_core::scoring::{self, Score};
use wasm_bindgen::JsCast;

use super::question::ItemView;
use super::summary::ErrorSummary;
use super::switcher::LanguageSwitcher;
use super::tr;
use crate::app::Control;
use crate::session::{SendStatus, Session};

/// The whole questionnaire for one session.
#[component]
pub fn Form(session: Session, control: Control) -> impl IntoView {
    let s = session;
    let strings = s.strings;
    let loaded = s.loaded.get_value();
    let q = loaded.definition.clone();
    let summary_ref = NodeRef::<html::Div>::new();
    // The thank-you heading is found from the root rather than through a NodeRef<H2>: one
    // element type fewer in the WebAssembly (the summary already uses NodeRef<Div>).
    let root_ref = NodeRef::<html::Div>::new();

    // The host can change the language through the element's `lang` attribute.
    {
        let requested = control.language.clone();
        Effect::new(move |_| {
            if let Some(tag) = requested.get() {
                super::switcher::switch_language(s, tag);
            }
        });
    }

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if !s.submit() {
            // Focus the summary once it is drawn, so screen readers read it first.
            request_animation_frame(move || {
                if let Some(el) = summary_ref.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    };
    Effect::new(move |_| {
        if s.status.get() == SendStatus::Sent {
            request_animation_frame(move || {
                let heading = root_ref
                    .get_untracked()
                    .and_then(|root| root.query_selector(".thanks .title").ok().flatten())
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(el) = heading {
                    let _ = el.focus();
                }
            });
        }
    });

    let t = move |id: &'static str| strings.get().t(id);
    let q_title = q.clone();
    let title = Signal::derive(move || strings.get().title(&q_title).unwrap_or_default());
    let intro = Signal::derive(move || strings.get().instrument_text(INTRO_ID).unwrap_or_default());
    let notice =
        Signal::derive(move || strings.get().instrument_text(NOTICE_ID).unwrap_or_default());
    let no_intro = Signal::derive(move || intro.with(String::is_empty));
    let no_notice = Signal::derive(move || notice.with(String::is_empty));
    let progress_text = Signal::derive(move || {
        let (answered, total) = s.progress();
        strings.get().t_args(
            "progress",
            &[
                ("answered", Arg::Number(answered as f64)),
                ("total", Arg::Number(total as f64)),
            ],
        )
    });
    let left_text = Signal::derive(move || {
        let (answered, total) = s.progress();
        strings.get().t_args(
            "questions-left",
            &[("count", Arg::Number(total.saturating_sub(answered) as f64))],
        )
    });
    let percent = Signal::derive(move || {
        let (answered, total) = s.progress();
        let per_mille = (answered * 1000).checked_div(total).unwrap_or(0);
        format!("{}.{}%", per_mille / 10, per_mille % 10)
    });
    let sending = Signal::derive(move || s.status.get() == SendStatus::Sending);
    let aria_sending = Signal::derive(move || sending.get().to_string());
    let status_text = Signal::derive(move || s.status.get().fluent_id().map(t).unwrap_or_default());
    let failed = Signal::derive(move || matches!(s.status.get(), SendStatus::Failed(_)));
    let waiting = Signal::derive(move || matches!(s.status.get(), SendStatus::Queued { .. }));
    // While a submission is on its way its answers are frozen.
    let locked = Signal::derive(move || s.status.get().in_flight());
    let no_note = Signal::derive(move || !s.restored.get());
    let nothing_stored = s.delivery.with_value(|d| d.policy) == crate::store::Policy::None;
    let button = Signal::derive(move || {
        if failed.get() || waiting.get() {
            t("try-again")
        } else {
            t("submit")
        }
    });
    let q_items = q.clone();
    let items = move || {
        q_items
            .roots()
            .filter_map(|item| q_items.position(&item.link_id))
            .map(|pos| view! { <ItemView session=s pos=pos/> })
            .collect_view()
    };

    // Only when the portal opted in (`show-scores`): the labelled scores that were sent.
    let q_scores = q.clone();
    let scores = move || {
        if !s.delivery.with_value(|d| d.show_scores) {
            return None;
        }
        let strings = strings.get();
        let sent = s.frozen.with_value(|f| {
            f.as_ref()
                .map(|f| Score::list_from_json(&f.scores))
                .unwrap_or_default()
        });
        let rows: Vec<(String, String)> = scoring::shown(&q_scores, &sent)
            .into_iter()
            .filter_map(|shown| {
                let label = strings.score_label(&q_scores, shown.rule)?;
                let value = strings.t_args(
                    "score-out-of",
                    &[
                        ("value", Arg::Number(shown.value)),
                        ("high", Arg::Number(shown.high)),
                    ],
                );
                Some((label, value))
            })
            .collect();
        (!rows.is_empty()).then(|| {
            view! {
                <section class="scores" data-testid="scores" part="scores">
                    <h3 class="scores-title">{strings.t("your-scores")}</h3>
                    <ul>
                        {rows.into_iter().map(|(label, value)| view! {
                            <li><span class="score-name">{label}</span>" "<span class="score-value">{value}</span></li>
                        }).collect_view()}
                    </ul>
                    <p class="scores-note">{strings.t("scores-note")}</p>
                </section>
            }
        })
    };

    view! {
        <div class="rapport" part="root" data-testid="rapport-root" node_ref=root_ref
            lang=Signal::derive(move || strings.get().tag.clone())
            dir=Signal::derive(move || strings.get().dir.to_owned())>
            <Show when=move || s.status.get() == SendStatus::Sent fallback=move || view! {
                <form class="form" novalidate on:submit=on_submit>
                    <header class="head" part="header">
                        <div class="head-row">
                            <h2 class="title" part="title">{title}</h2>
                            <LanguageSwitcher session=s/>
                        </div>
                        <p class="intro" class:hidden=no_intro>{intro}</p>
                        <p class="privacy">{tr(s, "privacy-note")}
                            {nothing_stored.then(|| view! { " "{tr(s, "privacy-none")} })}
                        </p>
                        <p class="note" role="status" data-testid="note" class:hidden=no_note>{tr(s, "draft-restored")}</p>
                        <p class="notice" class:hidden=no_notice>{notice}</p>
                    </header>
                    <div class="progress" part="progress">
                        <p class="progress-text" data-testid="progress" aria-live="polite">
                            {progress_text}<span class="left">" · "{left_text}</span>
                        </p>
                        <div class="bar" aria-hidden="true"><div class="fill" style:width=percent></div></div>
                    </div>
                    <ErrorSummary session=s node_ref=summary_ref/>
                    <fieldset class="items" disabled=locked>{items.clone()}</fieldset>
                    <div class="actions">
                        <button type="submit" class="submit" part="submit" data-testid="submit"
                            disabled=sending aria-disabled=aria_sending>
                            {button}
                        </button>
                        <p class="status" class:status-failed=failed class:status-waiting=waiting role="status" aria-live="polite" data-testid="status">
                            {status_text}
                        </p>
                    </div>
                </form>
            }>
                <section class="thanks" data-testid="thank-you" part="thank-you">
                    <h2 class="title" tabindex="-1">{tr(s, "sent-title")}</h2>
                    <p role="status">{tr(s, "sent-body")}</p>
                    {scores.clone()}
                </section>
            </Show>
        </div>
    }
}
