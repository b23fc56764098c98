//! The questionnaire form: header, language switcher, progress, error summary, questions,
//! the send button and status, and the thank-you state.

use leptos::prelude::*;
use rapport_core::bundled::{INTRO_ID, NOTICE_ID};
use rapport_core::i18n::Arg;
use rapport_core::scoring;

use super::panel::ConfigPanel;
use super::question::ItemView;
use super::summary::ErrorSummary;
use super::switcher::LanguageSwitcher;
use super::{attr, focus, listen, live_flag, live_text, tr};
use crate::control::Control;
use crate::delivery::SendStatus;
use crate::session::Session;

/// The whole questionnaire for one session.
#[component]
pub fn Form(session: Session, control: Control) -> impl IntoView {
    let s = session;
    let loaded = s.loaded();
    let q = loaded.definition.clone();

    // The host can change the language through the element's `lang` attribute.
    {
        Effect::new(move |_| {
            if let Some(tag) = control.language() {
                super::switcher::switch_language(s, tag);
            }
        });
    }

    let on_submit = move |ev: web_sys::Event| {
        ev.prevent_default();
        if !s.submit() {
            // Focus the summary once it is drawn, so screen readers read it first.
            request_animation_frame(move || focus(s, ".summary"));
        }
    };

    let t = move |id: &'static str| s.strings().t(id);
    let q_title = q.clone();

    let progress_text = live_text(move || {
        let (answered, total) = s.progress();
        s.strings().t_args(
            "progress",
            &[
                ("answered", Arg::Number(answered as f64)),
                ("total", Arg::Number(total as f64)),
            ],
        )
    });
    let left_text = live_text(move || {
        let (answered, total) = s.progress();
        s.strings().t_args(
            "questions-left",
            &[("count", Arg::Number(total.saturating_sub(answered) as f64))],
        )
    });
    let percent = live_text(move || {
        let (answered, total) = s.progress();
        let per_mille = (answered * 1000).checked_div(total).unwrap_or(0);
        format!("{}.{}%", per_mille / 10, per_mille % 10)
    });
    let sending = live_flag(move || s.status() == SendStatus::Sending);
    let aria_sending = live_text(move || sending.get().to_string());
    let status_text = live_text(move || s.status().fluent_id().map(t).unwrap_or_default());
    let failed = live_flag(move || matches!(s.status(), SendStatus::Failed(_)));
    let waiting = live_flag(move || matches!(s.status(), SendStatus::Queued { .. }));
    // While a submission is on its way its answers are frozen.
    let locked = live_flag(move || s.status().in_flight());
    let no_note = live_flag(move || !s.restored());
    let nothing_stored = s.delivery().policy == crate::store::Policy::None;
    let button = live_text(move || {
        if failed.get() || waiting.get() {
            t("try-again")
        } else {
            t("submit")
        }
    });
    // Drawn again when instances of a repeating group are added or taken out (positions move).
    let items = move || {
        s.structure();
        let loaded = s.loaded();
        let q = &loaded.definition;
        q.roots()
            .filter_map(|item| q.position(&item.link_id))
            .map(|pos| view! { <ItemView session=s pos=pos/> })
            .collect_view()
    };

    // Only when the portal opted in (`show-scores`): the labelled scores that were sent.
    let q_scores = q.clone();
    let scores = move || {
        if !s.delivery().show_scores {
            return None;
        }
        let strings = s.strings();
        let sent = s.pending();
        let sent = sent.as_deref().map_or(&[][..], |p| &p.scores[..]);
        let rows: Vec<(String, String)> = scoring::shown(&q_scores, sent)
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
                <section class="scores" data-testid="scores" {attr("part", "scores")}>
                    <h3 class="scores-title">{strings.t("your-scores")}</h3>
                    <ul>
                        {rows.into_iter().map(|(label, value)| view! {
                            <li><span class="score-name">{label}</span>" "<span class="score-value">{value}</span></li>
                        }.into_any()).collect_view()}
                    </ul>
                    <p class="scores-note">{strings.t("scores-note")}</p>
                </section>
            }
            .into_any()
        })
    };

    let thanks = move || {
        // The heading takes focus once drawn, so screen readers announce the thank-you.
        request_animation_frame(move || focus(s, ".thanks .title"));
        view! {
            <section class="thanks" data-testid="thank-you" {attr("part", "thank-you")}>
                <h2 class="title" {attr("tabindex", "-1")}>{tr(s, "sent-title")}</h2>
                <p {attr("role", "status")}>{tr(s, "sent-body")}</p>
                {scores.clone()}
            </section>
        }
    };
    // The form or, once sent (or when nothing can be sent: no idempotency key), what replaces it.
    let sent = Memo::new(move |_| matches!(s.status(), SendStatus::Sent | SendStatus::NoKey));

    view! {
        <div class="rapport" {attr("part", "root")} data-testid="rapport-root"
            {attr("lang", live_text(move || s.strings().tag.clone()))}
            {attr("dir", live_text(move || s.strings().dir.to_owned()))}>
            {move || {
            // Drawn again when the language changes: texts that depend only on the language
            // are plain strings (see `tr`).
            let strings = s.strings();
            if sent.get() {
                // The browser cannot make an idempotency key: the configuration panel, as for
                // any setup problem the patient cannot fix (the answers stay in the session and
                // the draft).
                if s.status_untracked() == SendStatus::NoKey {
                    return view! { <ConfigPanel error=crate::delivery::no_key_error()/> }.into_any();
                }
                return thanks().into_any();
            }
            let title = strings.title(&q_title).unwrap_or_default();
            let intro = strings.instrument_text(INTRO_ID).unwrap_or_default();
            let notice = strings.instrument_text(NOTICE_ID).unwrap_or_default();
            view! {
                <form class="form" {attr("novalidate", true)} {listen("submit", on_submit)}>
                    <header class="head" {attr("part", "header")}>
                        <div class="head-row">
                            <h2 class="title" {attr("part", "title")}>{title}</h2>
                            <LanguageSwitcher session=s/>
                        </div>
                        {(!intro.is_empty()).then(|| view! { <p class="intro">{intro}</p> }.into_any())}
                        <p class="privacy">{tr(s, "privacy-note")}
                            {nothing_stored.then(|| view! { " "{tr(s, "privacy-none")} }.into_any())}
                        </p>
                        <p class="note" {attr("role", "status")} data-testid="note" class:hidden=no_note>{tr(s, "draft-restored")}</p>
                        {(!notice.is_empty()).then(|| view! { <p class="notice">{notice}</p> }.into_any())}
                    </header>
                    <div class="progress" {attr("part", "progress")}>
                        <p class="progress-text" data-testid="progress" {attr("aria-live", "polite")}>
                            {progress_text}<span class="left">" · "{left_text}</span>
                        </p>
                        <div class="bar" {attr("aria-hidden", "true")}><div class="fill" style:width=percent></div></div>
                    </div>
                    <ErrorSummary session=s/>
                    <fieldset class="items" {attr("disabled", locked)}>{items}</fieldset>
                    <div class="actions">
                        <button {attr("type", "submit")} class="submit" {attr("part", "submit")} data-testid="submit"
                            {attr("disabled", sending)} {attr("aria-disabled", aria_sending)}>
                            {button}
                        </button>
                        <p class="status" {attr("role", "status")} {attr("aria-live", "polite")} data-testid="status" class:status-failed=failed class:status-waiting=waiting>
                            {status_text}
                        </p>
                    </div>
                </form>
            }.into_any() }}
        </div>
    }
}
