//! The only place where core types meet Leptos signals: the answers, what the patient typed
//! into number fields, the language, and the send status; plus submitting.

use rapport_core::strmap::StrMap;
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

/// One patient's session with one widget. Cheap to copy (signals are handles).
#[derive(Clone, Copy)]
pub struct Session {
    pub loaded: StoredValue<Arc<Loaded>>,
    pub strings: RwSignal<Arc<Strings>>,
    pub answers: RwSignal<Answers>,
    /// What the patient typed into number fields, with the reason it is not a number yet.
    pub typed: RwSignal<StrMap<(String, Option<IssueCode>)>>,
    /// Whether to show problems (after the first submit attempt).
    pub show_errors: RwSignal<bool>,
    pub status: RwSignal<SendStatus>,
    pub issues: Memo<Vec<Issue>>,
    /// Which items `enableWhen` shows, by position: computed once per change of the answers
    /// and read by every item (each item computing it would make an answer cost O(n²)).
    pub enabled: Memo<Vec<bool>>,
    /// Whether answers given earlier were brought back from a draft (and not sent yet).
    pub restored: RwSignal<bool>,
    pub(crate) frozen: StoredValue<Option<Frozen>>,
    pub(crate) host: StoredValue<HtmlElement, LocalStorage>,
    /// Where and how answers are delivered (one stored value: each distinct stored type
    /// costs the WebAssembly a few kilobytes).
    pub delivery: StoredValue<Arc<DeliverySettings>>,
}

/// The delivery settings of one widget, from its attributes and the loader.
pub struct DeliverySettings {
    pub endpoint: String,
    pub context: Value,
    pub policy: Policy,
    pub instance: String,
    pub timeout_ms: i32,
    /// Headers the portal set from JavaScript (e.g. a bearer token); never stored.
    pub headers: ArcRwSignal<Vec<(String, String)>>,
    /// The patient's previous scores (`previous-scores`), for `drop-from-previous` flags.
    pub previous_scores: rapport_core::scoring::PreviousScores,
    /// Whether the patient sees their scores after sending (`show-scores`).
    pub show_scores: bool,
}

impl Session {
    /// (answered, total) of the questions shown now; reactive (it reads the answers). Not a
    /// Memo: its readers are few and it is cheap, and a Memo<(usize, usize)> type would cost the
    /// WebAssembly about 2 KB.
    pub fn progress(&self) -> (usize, usize) {
        let def = self.loaded.with_value(|l| l.definition.clone());
        self.answers.with(|a| progress(&def, a))
    }

    pub fn new(
        loaded: Arc<Loaded>,
        strings: Arc<Strings>,
        host: HtmlElement,
        settings: DeliverySettings,
    ) -> Self {
        let answers = RwSignal::new(Answers::new());
        let typed: RwSignal<StrMap<(String, Option<IssueCode>)>> = RwSignal::new(StrMap::new());
        let def = loaded.definition.clone();
        let def3 = loaded.definition.clone();
        let enabled_memo =
            Memo::new(move |_| answers.with(|a| rapport_core::enable::enabled_items(&def3, a)));
        let issues = Memo::new(move |_| {
            let answers = answers.get();
            let typed = typed.get();
            let mut issues = validate::validate(&def, &answers);
            // A number the patient typed that is not a number yet wins over "required".
            let enabled = enabled_memo.get();
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
        });
        Session {
            loaded: StoredValue::new(loaded),
            strings: RwSignal::new(strings),
            answers,
            typed,
            show_errors: RwSignal::new(false),
            status: RwSignal::new(SendStatus::Idle),
            issues,
            enabled: enabled_memo,
            restored: RwSignal::new(false),
            frozen: StoredValue::new(None),
            host: StoredValue::new_local(host),
            delivery: StoredValue::new(Arc::new(settings)),
        }
    }

    /// Records an answer (or clears it) and tells the host (ids and counts only).
    pub fn set_answer(&self, link_id: &str, value: Option<AnswerValue>) {
        if self.status.get_untracked().in_flight() {
            return; // frozen until delivered or refused (the inputs are disabled meanwhile)
        }
        self.answers.update(|a| a.set(link_id, value));
        // Answers changed after a refused send: the next attempt is a new submission.
        if matches!(self.status.get_untracked(), SendStatus::Failed(_)) {
            self.frozen.set_value(None);
            self.status.set(SendStatus::Idle);
        }
        crate::delivery::save_draft(self);
        let (answered, total) = untrack(|| self.progress());
        let host = self.host.get_value();
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
        self.typed.update(|t| {
            t.insert(link_id.to_owned(), (text, issue));
        });
        self.set_answer(link_id, parsed.ok().flatten());
    }

    /// The issue to show for an item, if problems are shown.
    pub fn issue_for(&self, link_id: &str) -> Option<IssueCode> {
        if !self.show_errors.get() {
            return None;
        }
        self.issues.with(|list| {
            list.iter()
                .find(|i| i.link_id == link_id)
                .map(|i| i.code.clone())
        })
    }

    /// Submits: shows the problems if there are any, otherwise posts the envelope once.
    /// Returns `false` when there were problems to show.
    pub fn submit(&self) -> bool {
        match self.status.get_untracked() {
            // A double tap: the first one is already on its way.
            SendStatus::Sending | SendStatus::Sent => return true,
            // "Try again" while waiting for a retry: retry now.
            SendStatus::Queued { .. } => {
                crate::delivery::wake_all();
                return true;
            }
            SendStatus::Idle | SendStatus::Failed(_) => {}
        }
        if !self.issues.get_untracked().is_empty() {
            self.show_errors.set(true);
            return false;
        }
        let frozen = match self.frozen.get_value() {
            Some(f) => f,
            None => {
                let f = self.freeze();
                self.frozen.set_value(Some(f.clone()));
                f
            }
        };
        crate::delivery::start(*self, frozen);
        true
    }

    /// Builds the envelope: a new idempotency key, scores, flags and the QuestionnaireResponse.
    fn freeze(&self) -> Frozen {
        let loaded = self.loaded.get_value();
        let strings = self.strings.get_untracked();
        let answers = self.answers.get_untracked();
        let q = &loaded.definition;
        let key = new_idempotency_key();
        let authored: String = js_sys::Date::new_0().to_iso_string().into();
        let scores = scoring::scores(q, &answers);
        let previous = self.delivery.with_value(|d| d.previous_scores.clone());
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
            context: self.delivery.with_value(|d| d.context.clone()),
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
