//! The only place where core types meet Leptos signals: the answers, what the patient typed
//! into number fields, the language, and the send status; plus submitting.

use rapport_core::strmap::StrMap;
use std::sync::Arc;

use leptos::prelude::*;
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::envelope::{Envelope, InstrumentRef, LanguageInfo, FORMAT};
use rapport_core::response::{self, ResponseMeta};
use rapport_core::validate::{self, Issue, IssueCode};
use rapport_core::{scoring, validate::progress};
use serde_json::{json, Value};
use web_sys::HtmlElement;

use crate::events;
use crate::load::Loaded;
use crate::net::{self, NetError};
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
    /// The last attempt failed; the answers and the frozen payload are kept.
    Failed(FailKind),
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

/// The payload frozen at the first attempt, so "try again" resends the same key and body.
#[derive(Clone, Debug)]
struct Frozen {
    key: String,
    body: String,
    flags: Value,
    scores: Value,
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
    pub progress: Memo<(usize, usize)>,
    frozen: StoredValue<Option<Frozen>>,
    host: StoredValue<HtmlElement, LocalStorage>,
    endpoint: StoredValue<String>,
    context: StoredValue<Value>,
}

impl Session {
    pub fn new(
        loaded: Arc<Loaded>,
        strings: Arc<Strings>,
        host: HtmlElement,
        endpoint: String,
        context: Value,
    ) -> Self {
        let answers = RwSignal::new(Answers::new());
        let typed: RwSignal<StrMap<(String, Option<IssueCode>)>> = RwSignal::new(StrMap::new());
        let def = loaded.definition.clone();
        let def2 = loaded.definition.clone();
        let issues = Memo::new(move |_| {
            let answers = answers.get();
            let typed = typed.get();
            let mut issues = validate::validate(&def, &answers);
            // A number the patient typed that is not a number yet wins over "required".
            let enabled = rapport_core::enable::enabled_items(&def, &answers);
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
        let progress = Memo::new(move |_| answers.with(|a| progress(&def2, a)));
        Session {
            loaded: StoredValue::new(loaded),
            strings: RwSignal::new(strings),
            answers,
            typed,
            show_errors: RwSignal::new(false),
            status: RwSignal::new(SendStatus::Idle),
            issues,
            progress,
            frozen: StoredValue::new(None),
            host: StoredValue::new_local(host),
            endpoint: StoredValue::new(endpoint),
            context: StoredValue::new(context),
        }
    }

    /// Records an answer (or clears it) and tells the host (ids and counts only).
    pub fn set_answer(&self, link_id: &str, value: Option<AnswerValue>) {
        self.answers.update(|a| a.set(link_id, value));
        // Answers changed after a failed send: the next attempt is a new submission.
        if matches!(self.status.get_untracked(), SendStatus::Failed(_)) {
            self.frozen.set_value(None);
        }
        let (answered, total) = self.progress.get_untracked();
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
        if matches!(
            self.status.get_untracked(),
            SendStatus::Sending | SendStatus::Sent
        ) {
            return true; // a double tap: the first one is already on its way
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
        self.status.set(SendStatus::Sending);
        let this = *self;
        leptos::task::spawn_local(async move {
            let endpoint = this.endpoint.get_value();
            let result = net::post_json(&endpoint, &frozen.body, &frozen.key).await;
            let host = this.host.get_value();
            let loaded = this.loaded.get_value();
            let instrument = json!({ "id": loaded.instrument_id, "version": loaded.version });
            match result {
                Ok((_, text)) => {
                    let receipt = serde_json::from_str::<Value>(&text)
                        .ok()
                        .filter(Value::is_object)
                        .unwrap_or(Value::Null);
                    this.status.set(SendStatus::Sent);
                    events::dispatch(
                        &host,
                        "rapport-submitted",
                        &json!({
                            "receipt": receipt, "instrument": instrument, "idempotencyKey": frozen.key,
                        }),
                    );
                    if frozen.flags.as_array().is_some_and(|f| !f.is_empty()) {
                        events::dispatch(
                            &host,
                            "rapport-flagged",
                            &json!({
                                "flags": frozen.flags, "scores": frozen.scores, "instrument": instrument,
                                "idempotencyKey": frozen.key,
                            }),
                        );
                    }
                }
                Err(e) => {
                    let kind = match &e {
                        NetError::Network(_) => FailKind::Network,
                        NetError::Status { status, .. }
                            if *status >= 500 || *status == 429 || *status == 408 =>
                        {
                            FailKind::Server
                        }
                        NetError::Status { .. } => FailKind::Rejected,
                    };
                    this.status.set(SendStatus::Failed(kind));
                    let code = match kind {
                        FailKind::Network => "network",
                        FailKind::Server => "server",
                        FailKind::Rejected => "rejected",
                    };
                    events::console_error(&format!(
                        "sending to {endpoint} failed: {}",
                        e.describe()
                    ));
                    events::dispatch(
                        &host,
                        "rapport-failed",
                        &json!({
                            "code": code, "message": e.describe(), "retryable": kind != FailKind::Rejected,
                            "idempotencyKey": frozen.key, "instrument": instrument,
                        }),
                    );
                }
            }
        });
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
        let flags = scoring::flags(q, &answers, &scores, &Default::default());
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
            scores: scores.clone(),
            flags: flags.clone(),
            previous_scores: Default::default(),
            context: self.context.get_value(),
            questionnaire_response: qr,
        };
        Frozen {
            key,
            body: serde_json::to_value(&envelope)
                .map(|v| crate::intl::json_text(&v))
                .unwrap_or_default(),
            flags: serde_json::to_value(&flags).unwrap_or(Value::Null),
            scores: serde_json::to_value(&scores).unwrap_or(Value::Null),
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
