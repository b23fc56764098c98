//! The only place where core types meet Leptos's reactivity: the answers, what the patient
//! typed into number fields, the language, and the send status, held in one stored value with a
//! trigger per part (see [`Held`]); plus submitting.

use rapport_core::strmap::StrMap;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::envelope::{Envelope, InstrumentRef, LanguageInfo, FORMAT};
use rapport_core::response::{self, ResponseMeta};
use rapport_core::scoring::{self, Flag, Score};
use rapport_core::validate::progress;
use rapport_core::validate::{self, Issue, IssueCode};
use serde_json::{json, Value};
use web_sys::HtmlElement;

use crate::events;
use crate::load::Loaded;
use crate::store::Policy;
use crate::text::Strings;

/// Where a submission stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SendStatus {
    /// Not sent yet.
    Idle,
    /// A POST is under way.
    Sending,
    /// The endpoint confirmed.
    Sent,
    /// An attempt failed and the widget will try again by itself; `saved` tells whether the
    /// submission is stored on the device (else it lives only as long as the page).
    Queued { kind: FailKind, saved: bool },
    /// The endpoint refused the payload; the answers are kept and editable.
    Failed(FailKind),
}

impl SendStatus {
    /// The Fluent id of the status line, if any.
    pub fn fluent_id(&self) -> Option<&'static str> {
        match self {
            SendStatus::Sending => Some("sending"),
            SendStatus::Queued {
                kind: FailKind::Network,
                saved: true,
            } => Some("queued-offline"),
            SendStatus::Queued { saved: true, .. } => Some("queued-retry"),
            SendStatus::Queued { kind, .. } | SendStatus::Failed(kind) => Some(kind.fluent_id()),
            SendStatus::Idle | SendStatus::Sent => None,
        }
    }

    /// Whether the submission is on its way (sending or waiting for a retry): the answers are
    /// frozen until it is delivered or refused.
    pub fn in_flight(&self) -> bool {
        matches!(self, SendStatus::Sending | SendStatus::Queued { .. })
    }
}

/// Why a send failed, as the patient is told.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FailKind {
    /// No response: probably offline.
    Network,
    /// 5xx, 429, 408: try again later.
    Server,
    /// Other 4xx: the endpoint refused the payload.
    Rejected,
}

impl FailKind {
    /// The Fluent id of the message shown to the patient.
    pub fn fluent_id(self) -> &'static str {
        match self {
            FailKind::Network => "failed-network",
            FailKind::Server => "failed-server",
            FailKind::Rejected => "failed-rejected",
        }
    }
}

/// The payload frozen at the first attempt, so every retry resends the same key and body.
#[derive(Clone, Debug)]
pub(crate) struct Frozen {
    pub key: String,
    pub body: String,
    pub flags: Value,
    pub scores: Value,
}

impl Frozen {
    /// A submission read back from the outbox: the scores and flags are those in its body.
    pub fn from_body(key: String, body: String) -> Frozen {
        let envelope = crate::json::parse(&body).unwrap_or(Value::Null);
        Frozen {
            flags: envelope.get("flags").cloned().unwrap_or(Value::Null),
            scores: envelope.get("scores").cloned().unwrap_or(Value::Null),
            key,
            body,
        }
    }
}

/// The state of one session, in one stored value, with a [`Trigger`] per part to tell its
/// readers. Not a signal per part on purpose: every distinct signal, memo or stored-value type is
/// compiled into the WebAssembly on its own (about 1.5 KB each), where one stored type and one
/// trigger type serve every part. Read and write it through [`Session`]'s methods.
pub(crate) struct Held {
    loaded: Arc<Loaded>,
    host: HtmlElement,
    /// Where and how answers are delivered.
    delivery: Arc<DeliverySettings>,
    strings: Arc<Strings>,
    answers: Answers,
    /// What the patient typed into number fields, with the reason it is not a number yet.
    typed: StrMap<(String, Option<IssueCode>)>,
    /// Which items `enableWhen` shows, by position: computed once per change of the answers
    /// and read by every item (each item computing it would make an answer cost O(n²)).
    enabled: Vec<bool>,
    /// What is wrong with the answers now, in question order.
    issues: Vec<Issue>,
    /// Whether to show problems (after the first submit attempt).
    show_errors: bool,
    /// Whether answers given earlier were brought back from a draft (and not sent yet).
    restored: bool,
    frozen: Option<Frozen>,
    status: SendStatus,
}

/// One patient's session with one widget. Cheap to copy (handles only).
#[derive(Clone, Copy)]
pub struct Session {
    held: StoredValue<Rc<RefCell<Held>>, LocalStorage>,
    status_changed: Trigger,
    strings_changed: Trigger,
    answers_changed: Trigger,
    typed_changed: Trigger,
    enabled_changed: Trigger,
    issues_changed: Trigger,
    show_errors_changed: Trigger,
    restored_changed: Trigger,
}

/// The delivery settings of one widget, from its attributes and the loader.
pub struct DeliverySettings {
    pub endpoint: String,
    pub context: Value,
    pub policy: Policy,
    pub instance: String,
    pub timeout_ms: i32,
    /// The loader's handle, for the headers the portal set from JavaScript (e.g. a bearer
    /// token; never stored).
    pub control: crate::app::Control,
    /// The patient's previous scores (`previous-scores`), for `drop-from-previous` flags.
    pub previous_scores: rapport_core::scoring::PreviousScores,
    /// Whether the patient sees their scores after sending (`show-scores`).
    pub show_scores: bool,
}

impl Session {
    /// The state. Read through one non-generic call, not `StoredValue::with_value(|h| …)`:
    /// each closure given to `with_value` compiles Leptos's whole access path again. Panics, as
    /// `with_value` would, if the widget is gone (only tasks that outlive it may see that, and
    /// they use [`Session::try_state`]). A borrow is never held across a call into the session.
    fn state(&self) -> Rc<RefCell<Held>> {
        self.held.get_value()
    }

    /// The state, or `None` once the widget is unmounted.
    fn try_state(&self) -> Option<Rc<RefCell<Held>>> {
        self.held.try_get_value()
    }

    pub fn loaded(&self) -> Arc<Loaded> {
        self.state().borrow().loaded.clone()
    }

    pub fn delivery(&self) -> Arc<DeliverySettings> {
        self.state().borrow().delivery.clone()
    }

    /// `None` once the widget is unmounted (for tasks that outlive it).
    pub(crate) fn try_delivery(&self) -> Option<Arc<DeliverySettings>> {
        Some(self.try_state()?.borrow().delivery.clone())
    }

    pub(crate) fn host(&self) -> HtmlElement {
        self.state().borrow().host.clone()
    }

    /// `None` once the widget is unmounted.
    pub(crate) fn try_host(&self) -> Option<HtmlElement> {
        Some(self.try_state()?.borrow().host.clone())
    }

    pub(crate) fn frozen(&self) -> Option<Frozen> {
        self.state().borrow().frozen.clone()
    }

    pub(crate) fn set_frozen(&self, frozen: Option<Frozen>) {
        self.change(|h| {
            h.frozen = frozen;
            &[]
        });
    }

    /// The send status; reactive.
    pub fn status(&self) -> SendStatus {
        self.status_changed.track();
        self.status_untracked()
    }

    pub fn status_untracked(&self) -> SendStatus {
        self.try_status_untracked().unwrap_or(SendStatus::Idle)
    }

    /// `None` once the widget is unmounted.
    pub(crate) fn try_status_untracked(&self) -> Option<SendStatus> {
        Some(self.try_state()?.borrow().status.clone())
    }

    pub fn set_status(&self, status: SendStatus) {
        self.change(|h| {
            h.status = status;
            &[|s| s.status_changed]
        });
    }

    /// (answered, total) of the questions shown now; reactive (it reads the answers). Not a
    /// Memo: its readers are few and it is cheap, and a Memo<(usize, usize)> type would cost the
    /// WebAssembly about 2 KB.
    pub fn progress(&self) -> (usize, usize) {
        self.answers_changed.track();
        let h = self.state();
        let h = h.borrow();
        progress(&h.loaded.definition, &h.answers)
    }

    pub fn new(
        loaded: Arc<Loaded>,
        strings: Arc<Strings>,
        host: HtmlElement,
        settings: DeliverySettings,
    ) -> Self {
        let answers = Answers::new();
        let typed = StrMap::new();
        let enabled = rapport_core::enable::enabled_items(&loaded.definition, &answers);
        let issues = issues_of(&loaded.definition, &answers, &typed, &enabled);
        Session {
            held: StoredValue::new_local(Rc::new(RefCell::new(Held {
                loaded,
                host,
                delivery: Arc::new(settings),
                strings,
                answers,
                typed,
                enabled,
                issues,
                show_errors: false,
                restored: false,
                frozen: None,
                status: SendStatus::Idle,
            }))),
            status_changed: Trigger::new(),
            strings_changed: Trigger::new(),
            answers_changed: Trigger::new(),
            typed_changed: Trigger::new(),
            enabled_changed: Trigger::new(),
            issues_changed: Trigger::new(),
            show_errors_changed: Trigger::new(),
            restored_changed: Trigger::new(),
        }
    }

    /// Changes the state and tells the readers of the parts that changed (after the change,
    /// so a reader never sees half of it). Nothing happens once the widget is unmounted.
    fn change(&self, f: impl FnOnce(&mut Held) -> &'static [fn(&Session) -> Trigger]) {
        let Some(state) = self.try_state() else {
            return;
        };
        let triggers = f(&mut state.borrow_mut());
        for t in triggers {
            t(self).notify();
        }
    }

    /// After the answers or the typed text changed: which items are shown and what is wrong,
    /// told only to their readers if they changed.
    fn recheck(&self) {
        let Some(state) = self.try_state() else {
            return;
        };
        let (enabled, issues) = {
            let h = &mut *state.borrow_mut();
            let def = &h.loaded.definition;
            let enabled = rapport_core::enable::enabled_items(def, &h.answers);
            let issues = issues_of(def, &h.answers, &h.typed, &enabled);
            let changed = (enabled != h.enabled, issues != h.issues);
            h.enabled = enabled;
            h.issues = issues;
            changed
        };
        if enabled {
            self.enabled_changed.notify();
        }
        if issues {
            self.issues_changed.notify();
        }
    }

    /// The strings of the language shown; reactive.
    pub fn strings(&self) -> Arc<Strings> {
        self.strings_changed.track();
        self.strings_untracked()
    }

    pub fn strings_untracked(&self) -> Arc<Strings> {
        self.state().borrow().strings.clone()
    }

    pub fn set_strings(&self, strings: Arc<Strings>) {
        self.change(|h| {
            h.strings = strings;
            &[|s| s.strings_changed]
        });
    }

    /// Reads the answers; reactive.
    pub fn with_answers<R>(&self, f: impl FnOnce(&Answers) -> R) -> R {
        self.answers_changed.track();
        f(&self.state().borrow().answers)
    }

    pub fn answers_untracked(&self) -> Answers {
        self.state().borrow().answers.clone()
    }

    /// Replaces all answers (a draft brought back).
    pub fn set_answers(&self, answers: Answers) {
        self.change(|h| {
            h.answers = answers;
            &[|s| s.answers_changed]
        });
        self.recheck();
    }

    /// The text typed into a number field, if any; reactive.
    pub fn typed_text(&self, link_id: &str) -> Option<String> {
        self.typed_changed.track();
        let h = self.state();
        let text = h.borrow().typed.get(link_id).map(|(text, _)| text.clone());
        text
    }

    /// Every typed text, by link id (for the draft).
    pub fn typed_untracked(&self) -> Vec<(String, String)> {
        let h = self.state();
        let typed = h
            .borrow()
            .typed
            .iter()
            .map(|(id, (text, _))| (id.to_owned(), text.clone()))
            .collect();
        typed
    }

    /// Whether the item at `pos` is shown (`enableWhen`); reactive.
    pub fn is_enabled(&self, pos: usize) -> bool {
        self.enabled_changed.track();
        let h = self.state();
        let enabled = h.borrow().enabled.get(pos).copied().unwrap_or(false);
        enabled
    }

    /// Reads what is wrong with the answers now; reactive.
    pub fn with_issues<R>(&self, f: impl FnOnce(&[Issue]) -> R) -> R {
        self.issues_changed.track();
        f(&self.state().borrow().issues)
    }

    /// Whether problems are shown (after the first submit attempt); reactive.
    pub fn show_errors(&self) -> bool {
        self.show_errors_changed.track();
        self.state().borrow().show_errors
    }

    /// Whether answers were brought back from a draft and not sent yet; reactive.
    pub fn restored(&self) -> bool {
        self.restored_changed.track();
        self.state().borrow().restored
    }

    pub fn set_restored(&self, restored: bool) {
        self.change(|h| {
            h.restored = restored;
            &[|s| s.restored_changed]
        });
    }

    /// Records an answer (or clears it) and tells the host (ids and counts only).
    pub fn set_answer(&self, link_id: &str, value: Option<AnswerValue>) {
        if self.status_untracked().in_flight() {
            return; // frozen until delivered or refused (the inputs are disabled meanwhile)
        }
        self.change(|h| {
            h.answers.set(link_id, value);
            &[|s| s.answers_changed]
        });
        self.recheck();
        // Answers changed after a refused send: the next attempt is a new submission.
        if matches!(self.status_untracked(), SendStatus::Failed(_)) {
            self.set_frozen(None);
            self.set_status(SendStatus::Idle);
        }
        crate::delivery::save_draft(self);
        let (answered, total) = untrack(|| self.progress());
        let host = self.host();
        events::dispatch(
            &host,
            "rapport-change",
            &json!({ "linkId": link_id, "answered": answered, "total": total }),
        );
    }

    /// Records what the patient typed into a number field.
    pub fn set_typed(
        &self,
        link_id: &str,
        kind: &rapport_core::definition::ItemKind,
        text: String,
    ) {
        let parsed = validate::parse_number(kind, &text);
        let issue = parsed.as_ref().err().cloned();
        self.change(|h| {
            h.typed.insert(link_id.to_owned(), (text, issue));
            &[|s| s.typed_changed]
        });
        self.recheck();
        self.set_answer(link_id, parsed.ok().flatten());
    }

    /// The issue to show for an item, if problems are shown.
    pub fn issue_for(&self, link_id: &str) -> Option<IssueCode> {
        if !self.show_errors() {
            return None;
        }
        self.with_issues(|list| {
            list.iter()
                .find(|i| i.link_id == link_id)
                .map(|i| i.code.clone())
        })
    }

    /// Submits: shows the problems if there are any, otherwise posts the envelope once.
    /// Returns `false` when there were problems to show.
    pub fn submit(&self) -> bool {
        match self.status_untracked() {
            // A double tap: the first one is already on its way.
            SendStatus::Sending | SendStatus::Sent => return true,
            // "Try again" while waiting for a retry: retry now.
            SendStatus::Queued { .. } => {
                crate::delivery::wake_all();
                return true;
            }
            SendStatus::Idle | SendStatus::Failed(_) => {}
        }
        if !self.state().borrow().issues.is_empty() {
            self.change(|h| {
                h.show_errors = true;
                &[|s| s.show_errors_changed]
            });
            return false;
        }
        let frozen = match self.frozen() {
            Some(f) => f,
            None => {
                let f = self.freeze();
                self.set_frozen(Some(f.clone()));
                f
            }
        };
        crate::delivery::start(*self, frozen);
        true
    }

    /// Builds the envelope: a new idempotency key, scores, flags and the QuestionnaireResponse.
    fn freeze(&self) -> Frozen {
        let loaded = self.loaded();
        let strings = self.strings_untracked();
        let answers = self.answers_untracked();
        let q = &loaded.definition;
        let key = new_idempotency_key();
        let authored: String = js_sys::Date::new_0().to_iso_string().into();
        let scores = scoring::scores(q, &answers);
        let previous = self.delivery().previous_scores.clone();
        let flags = scoring::flags(q, &answers, &scores, &previous);
        let display = |_item: &rapport_core::definition::Item,
                       opt: &rapport_core::definition::AnswerOption| {
            Some(rapport_core::i18n::strip_isolation(&strings.option(q, opt)))
        };
        let qr = response::build(
            q,
            &answers,
            &ResponseMeta {
                language: &strings.tag,
                authored: &authored,
            },
            &display,
        );
        let (flags_json, scores_json) = (Flag::list_to_json(&flags), Score::list_to_json(&scores));
        let envelope = Envelope {
            format: FORMAT.into(),
            idempotency_key: key.clone(),
            instrument: InstrumentRef {
                id: loaded.instrument_id.clone(),
                version: loaded.version.clone(),
                url: q.url.clone(),
            },
            language: LanguageInfo {
                tag: strings.tag.clone(),
                translation_status: strings.status.clone(),
            },
            submitted_at: authored,
            scores,
            flags,
            previous_scores: previous,
            context: self.delivery().context.clone(),
            questionnaire_response: qr,
        };
        Frozen {
            key,
            body: crate::intl::json_text(&envelope.to_json()),
            flags: flags_json,
            scores: scores_json,
        }
    }
}

/// What is wrong with `answers`: the core's checks, where a number the patient typed that is not
/// a number yet wins over "required".
fn issues_of(
    def: &rapport_core::definition::Questionnaire,
    answers: &Answers,
    typed: &StrMap<(String, Option<IssueCode>)>,
    enabled: &[bool],
) -> Vec<Issue> {
    let mut issues = validate::validate(def, answers);
    for (pos, item) in def.items.iter().enumerate() {
        if !enabled.get(pos).copied().unwrap_or(false) {
            continue;
        }
        if let Some((_, Some(code))) = typed.get(&item.link_id) {
            issues.retain(|i| i.link_id != item.link_id);
            let at = issues
                .iter()
                .position(|i| def.position(&i.link_id).unwrap_or(0) > pos)
                .unwrap_or(issues.len());
            issues.insert(
                at,
                Issue {
                    link_id: item.link_id.clone(),
                    code: code.clone(),
                },
            );
        }
    }
    issues
}

/// A UUID v4 from the browser's cryptographic random source. `crypto.randomUUID()` exists only
/// in secure contexts (https, localhost); on a plain-http portal the same UUID is made from
/// `crypto.getRandomValues()`, which exists everywhere.
fn new_idempotency_key() -> String {
    let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) else {
        return String::new();
    };
    let has_random_uuid =
        js_sys::Reflect::get(&crypto, &"randomUUID".into()).is_ok_and(|f| f.is_function());
    if has_random_uuid {
        return crypto.random_uuid();
    }
    let mut b = [0u8; 16];
    if crypto.get_random_values_with_u8_array(&mut b).is_err() {
        return String::new();
    }
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}
