//! Never losing an answer: the typed submission, the outbox and the retry loop (the rules are
//! in `rapport_core::delivery`; where things are stored is `store`).
//!
//! - A [`Submission`] is built once, when the patient first sends: a new `Idempotency-Key`, the
//!   envelope the core assembles ([`Envelope::build`]) written to JSON text once, and the typed
//!   scores and flags (for the thank-you and `rapport-flagged`). Every retry resends the same
//!   key and body.
//! - It is written to the outbox before the first attempt. Each attempt has a timeout. Network
//!   errors, timeouts, 408/409/425/429 and 5xx are retried with full-jitter backoff, at least
//!   `Retry-After`; 401/403 wait for the portal to give new headers; other 4xx are shown and not
//!   retried.
//! - The browser coming back online, a "try again" tap, or new headers from the portal wake
//!   the loop at once ([`crate::control::wake_all`]). A reload resumes this widget's outbox
//!   entry: the receiver stores a key once, so a retry after a lost response, a double tap or
//!   two tabs store one record.
//!
//! This module does not know the session: the session hands it a submission and learns how
//! it goes through [`Progress`]. Data flows one way: session → delivery → network and events.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

use rapport_core::answers::Answers;
use rapport_core::definition::{AnswerOption, Item, Questionnaire};
use rapport_core::delivery::{self, OutboxEntry, Outcome};
use rapport_core::envelope::{Envelope, EnvelopeMeta};
use rapport_core::scoring::{Flag, PreviousScores, Score};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

use crate::config::{ConfigError, FailCode};
use crate::control::{self, Control};
use crate::events::{self, Detail};
use crate::net::{self, NetError};
use crate::store::{self, Policy};

/// The delivery settings of one widget, from its attributes and the loader.
pub struct DeliverySettings {
    pub endpoint: String,
    pub context: Value,
    pub policy: Policy,
    pub instance: String,
    pub timeout_ms: i32,
    /// The loader's handle, for the headers the portal set from JavaScript (e.g. a bearer
    /// token; never stored).
    pub control: Control,
    /// The patient's previous scores (`previous-scores`), for `drop-from-previous` flags.
    pub previous_scores: PreviousScores,
    /// Whether the patient sees their scores after sending (`show-scores`).
    pub show_scores: bool,
    /// Whose answers these are (the subject token's claims at mount), if the portal said.
    pub subject: Option<rapport_core::subject::SubjectClaims>,
    /// What this widget's storage keys start with (`store::PREFIX`, or the subject's).
    pub prefix: String,
    /// How long a draft is brought back, in milliseconds (`draft-expiry`).
    pub draft_expiry_ms: f64,
}

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
    /// Nothing can be sent: the browser cannot make an idempotency key ([`no_key_error`]).
    /// The answers are kept.
    NoKey,
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
            SendStatus::Idle | SendStatus::Sent | SendStatus::NoKey => None,
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

/// One submission, fixed at the first attempt so that every retry resends the same key and
/// body. Its `Debug` shows the key and sizes only: the body holds the answers, and the scores
/// and flags are health data too.
pub struct Submission {
    /// The `Idempotency-Key` (also inside the body).
    pub key: String,
    /// The envelope as JSON text, without the subject token (stored so in the outbox; the
    /// current token is put in just before each attempt, [`with_token`]).
    pub body: String,
    /// The scores in the envelope.
    pub scores: Vec<Score>,
    /// The flags in the envelope.
    pub flags: Vec<Flag>,
}

impl fmt::Debug for Submission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Submission")
            .field("key", &self.key)
            .field(
                "body",
                &format_args!("<{} bytes redacted>", self.body.len()),
            )
            .field("scores", &format_args!("<{} redacted>", self.scores.len()))
            .field("flags", &format_args!("<{} redacted>", self.flags.len()))
            .finish()
    }
}

impl Submission {
    /// Builds the submission: the core assembles the envelope (scores, flags and the
    /// QuestionnaireResponse, with `display` giving each option's text in the language the
    /// patient saw); it is written to JSON text once, here.
    pub fn build(
        q: &Questionnaire,
        answers: &Answers,
        meta: &EnvelopeMeta<'_>,
        display: &dyn Fn(&Item, &AnswerOption) -> Option<String>,
    ) -> Submission {
        let mut envelope = Envelope::build(q, answers, meta, display);
        // Never stored with the token: the current one is put in just before each attempt.
        // (Cleared here rather than taken out of the JSON with `take_subject_token`, whose
        // map removal would bring the B-tree's rebalancing code into the widget: ~2 KB.)
        envelope.subject_token = None;
        Submission {
            key: meta.idempotency_key.to_owned(),
            body: crate::intl::json_text(&envelope.to_json()),
            scores: envelope.scores,
            flags: envelope.flags,
        }
    }

    /// A submission read back from the outbox (after a reload), before its scores and flags
    /// are read: its key and body only, which is all that keeps a second tap on Send to the
    /// same submission. [`Submission::read_back`] (in the `sending` chunk, before the first
    /// attempt) reads the rest.
    pub fn from_outbox(entry: &OutboxEntry) -> Submission {
        Submission {
            key: entry.key.clone(),
            body: entry.body.clone(),
            scores: Vec::new(),
            flags: Vec::new(),
        }
    }

    /// The submission with the scores and flags its body carries (read once, when it is
    /// sent; shown on the thank-you screen).
    pub fn read_back(&self) -> Submission {
        let envelope = crate::json::parse(&self.body).unwrap_or(Value::Null);
        let part = |name: &str| envelope.get(name).unwrap_or(&Value::Null);
        Submission {
            key: self.key.clone(),
            body: self.body.clone(),
            scores: Score::list_from_json(part("scores")),
            flags: flags_from_json(part("flags")),
        }
    }

    /// The outbox entry for a first attempt.
    pub fn outbox_entry(&self, settings: &DeliverySettings, instrument_id: &str) -> OutboxEntry {
        OutboxEntry {
            key: self.key.clone(),
            endpoint: settings.endpoint.clone(),
            body: self.body.clone(),
            instance: settings.instance.clone(),
            instrument: instrument_id.to_owned(),
            attempts: 0,
        }
    }
}

/// The flags of a sent envelope's `flags` array, read back; entries that are not flag objects
/// are skipped. (The reader of scores is the core's `Score::list_from_json`; this one belongs
/// next to it.)
fn flags_from_json(flags: &Value) -> Vec<Flag> {
    // Plain loops: iterator adapters over `Value`s are compiled anew for each use.
    fn list(v: Option<&Value>) -> &[Value] {
        v.and_then(Value::as_array).map_or(&[][..], Vec::as_slice)
    }
    let mut out = Vec::new();
    for f in list(Some(flags)) {
        let text = |name: &str| f.get(name).and_then(Value::as_str).map(str::to_owned);
        let (Some(id), Some(score)) = (text("id"), text("score")) else {
            continue;
        };
        let mut items = Vec::new();
        for item in list(f.get("items")) {
            if let Some(item) = item.as_str() {
                items.push(item.to_owned());
            }
        }
        out.push(Flag { id, score, items });
    }
    out
}

/// A UUID v4 from the browser's cryptographic random source: `crypto.randomUUID()`, as the
/// contracts name it, where the browser has it (secure contexts: https, localhost); elsewhere the
/// same UUID made from `crypto.getRandomValues()`, which every context has. `None` when the
/// browser offers neither.
pub fn new_idempotency_key() -> Option<String> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let crypto = web_sys::window()?.crypto().ok()?;
    if js_sys::Reflect::get(&crypto, &"randomUUID".into()).is_ok_and(|f| f.is_function()) {
        return Some(crypto.random_uuid());
    }
    let mut b = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut b).ok()?;
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    let mut key = String::with_capacity(36);
    for (i, x) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            key.push('-');
        }
        key.push(char::from(HEX[usize::from(x >> 4)]));
        key.push(char::from(HEX[usize::from(x & 15)]));
    }
    Some(key)
}

/// The problem shown (configuration panel, `rapport-failed`) when the browser cannot make an
/// idempotency key: sending without one would be refused for good, and sending twice could
/// store the answers twice.
pub fn no_key_error() -> ConfigError {
    ConfigError::new(
        FailCode::NoIdempotencyKey,
        "no crypto.getRandomValues() for an Idempotency-Key: nothing sent, answers kept",
    )
}

/// What the sending loop needs of the widget it sends for. The session implements it; the
/// loop holds only this, so it never reaches back into the session's state.
pub trait Progress: Copy + 'static {
    /// The widget's element, or `None` once it is unmounted (the loop then stops; the outbox
    /// entry stays for the next visit).
    fn element(&self) -> Option<HtmlElement>;
    /// The widget's delivery settings, or `None` once it is unmounted.
    fn settings(&self) -> Option<Arc<DeliverySettings>>;
    /// Where the submission stands now.
    fn report(&self, status: SendStatus);
}

thread_local! {
    /// Host delivery: the submissions handed to the page, by idempotency key, waiting for its
    /// `confirmSubmission` or `rejectSubmission`.
    static HOST_REPLIES: RefCell<Vec<(String, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
}

/// The page's answer to a `rapport-submit` (host delivery): `reply` is
/// `{ ok: true, receipt }` or `{ ok: false, retryable, message }`. `false` when no submission
/// with this key is waiting.
pub fn host_reply(key: &str, reply: &JsValue) -> bool {
    let waiting = HOST_REPLIES.with(|r| {
        let mut r = r.borrow_mut();
        let i = r.iter().position(|(k, _)| k == key)?;
        Some(r.remove(i).1)
    });
    match waiting {
        Some(resolve) => resolve.call1(&JsValue::NULL, reply).is_ok(),
        None => false,
    }
}

/// The body of an attempt: the stored body with `token`, the portal's current subject token
/// for this patient, put in (nothing changes without one).
fn with_token(body: &str, token: Option<&str>) -> String {
    let Some(token) = token else {
        return body.to_owned();
    };
    let mut envelope = crate::json::parse(body).unwrap_or(Value::Null);
    rapport_core::envelope::put_subject_token(&mut envelope, token);
    crate::intl::json_text(&envelope)
}

/// One attempt in host-delivery mode: hands the payload to the page in `rapport-submit` and
/// waits up to `timeout_ms` for its confirmation, mapped onto what an HTTP attempt would return
/// (confirmed = 200 with the receipt; retryable refusal = 503; final refusal = 422; silence =
/// a network error), so the retry rules stay the same.
async fn host_attempt(
    host: &HtmlElement,
    entry: &OutboxEntry,
    body: &str,
    timeout_ms: i32,
) -> Result<(u16, String), NetError> {
    let key = entry.key.clone();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, timeout_ms);
        }
        HOST_REPLIES.with(|r| {
            let mut r = r.borrow_mut();
            r.retain(|(k, _)| *k != key);
            r.push((key.clone(), resolve));
        });
    });
    // The envelope as an object is the body read by the browser's own `JSON.parse`: the exact
    // text that is sent, not a copy written again.
    let envelope = js_sys::JSON::parse(body).unwrap_or(JsValue::NULL);
    Detail::new()
        .text("idempotencyKey", &entry.key)
        .value("envelope", &envelope)
        .text("body", body)
        .dispatch(host, "rapport-submit");
    let reply = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
    HOST_REPLIES.with(|r| r.borrow_mut().retain(|(k, _)| *k != entry.key));
    let field = |name: &str| js_sys::Reflect::get(&reply, &JsValue::from_str(name)).ok();
    if reply.is_undefined() || reply.is_null() {
        return Err(NetError::Network(format!(
            "the page did not confirm or reject within {} s",
            timeout_ms / 1000
        )));
    }
    let message = field("message")
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    if field("ok").and_then(|v| v.as_bool()) == Some(true) {
        let receipt = field("receipt")
            .and_then(|r| js_sys::JSON::stringify(&r).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        return Ok((200, receipt));
    }
    let retryable = field("retryable").and_then(|v| v.as_bool()).unwrap_or(true);
    Err(NetError::Status {
        status: if retryable { 503 } else { 422 },
        body: message,
        retry_after_ms: None,
    })
}

/// This widget's undelivered submission in the outbox, if there is one (after a reload): only
/// under this patient's keys (`settings.prefix`) and for the same endpoint.
pub fn outbox_entry(settings: &DeliverySettings, instrument_id: &str) -> Option<OutboxEntry> {
    let policy = settings.policy;
    for key in store::keys(policy, &store::outbox_prefix(&settings.prefix)) {
        let Some(entry) = store::get(policy, &key)
            .and_then(|t| crate::json::parse(&t).ok())
            .and_then(|v| OutboxEntry::from_json(&v))
        else {
            continue;
        };
        if entry.endpoint == settings.endpoint
            && entry.instance == settings.instance
            && entry.instrument == instrument_id
        {
            return Some(entry);
        }
    }
    None
}

/// Delivers `submission`: writes `entry` to the outbox, then attempts and retries until the
/// endpoint confirms or refuses, telling `w` each step. `version` is the definition's, for
/// the events.
pub fn send(w: impl Progress, mut entry: OutboxEntry, submission: Rc<Submission>, version: &str) {
    control::listen_online();
    let Some(settings) = w.settings() else {
        return;
    };
    let policy = settings.policy;
    let outbox_key = store::outbox_key(&settings.prefix, &entry.key);
    let saved = store::set(policy, &outbox_key, &entry.to_text());
    w.report(SendStatus::Sending);
    let version = version.to_owned();
    leptos::task::spawn_local(async move {
        let mut told_host: Option<String> = None;
        loop {
            let Some(settings) = w.settings() else {
                return;
            };
            // The portal's token for this patient, now. Not this patient's (or unreadable):
            // send nothing, wait for the portal.
            let Some(token) = settings.control.token_for(settings.subject.as_ref()) else {
                w.report(SendStatus::Queued {
                    kind: FailKind::Server,
                    saved,
                });
                control::wait(None).await;
                continue;
            };
            let body = with_token(&entry.body, token.as_deref());
            let headers = settings.control.headers();
            let timeout = settings.timeout_ms;
            let result = if entry.endpoint == crate::config::HOST_ENDPOINT {
                match w.element() {
                    Some(host) => host_attempt(&host, &entry, &body, timeout).await,
                    None => return,
                }
            } else {
                net::post_json(&entry.endpoint, &body, &entry.key, &headers, timeout).await
            };
            // The widget was removed meanwhile: the entry stays in the outbox for next time.
            let Some(host) = w.element() else {
                return;
            };
            entry.attempts += 1;
            let (status, retry_after) = match &result {
                Ok((code, _)) => (Some(*code), None),
                Err(NetError::Status {
                    status,
                    retry_after_ms,
                    ..
                }) => (Some(*status), *retry_after_ms),
                Err(NetError::Network(_) | NetError::Integrity(_)) => (None, None),
            };
            let outcome = delivery::classify(status);
            if outcome == Outcome::Delivered {
                store::remove(policy, &outbox_key);
                store::remove(
                    policy,
                    &store::draft_key(&settings.prefix, &entry.instrument, &entry.instance),
                );
                let text = result.map(|(_, t)| t).unwrap_or_default();
                w.report(SendStatus::Sent);
                delivered(&host, &submission, &entry.instrument, &version, &text);
                return;
            }
            let message = match &result {
                Err(e) => e.describe(),
                Ok(_) => String::new(),
            };
            // A refused subject token is named by the receiver's own code (README's
            // `subject-token-…` rows), so the portal knows to mint a fresh token or fix its keys.
            let subject_code = match &result {
                Err(NetError::Status { body, .. }) => {
                    net::error_code(body).filter(|c| c.starts_with("subject-"))
                }
                _ => None,
            };
            if outcome == Outcome::Rejected {
                store::remove(policy, &outbox_key);
                w.report(SendStatus::Failed(FailKind::Rejected));
                events::console_error(&format!(
                    "sending to {} was refused: {message}",
                    entry.endpoint
                ));
                Detail::new()
                    .text(
                        "code",
                        subject_code.as_deref().unwrap_or(FailCode::Rejected.code()),
                    )
                    .text("message", &message)
                    .flag("retryable", false)
                    .text("idempotencyKey", &entry.key)
                    .value(
                        "instrument",
                        &Detail::instrument(&entry.instrument, &version),
                    )
                    .dispatch(&host, "rapport-failed");
                return;
            }
            // Retry (or wait for credentials): keep it, say so honestly, wait, go again.
            let kind = if status.is_none() {
                FailKind::Network
            } else {
                FailKind::Server
            };
            // Not written back once the portal wiped it (`clearStoredData()` at logout).
            let still_saved = saved
                && store::get(policy, &outbox_key).is_some()
                && store::set(policy, &outbox_key, &entry.to_text());
            w.report(SendStatus::Queued {
                kind,
                saved: still_saved,
            });
            let code = match (outcome, kind) {
                (Outcome::NeedsAuth, _) => FailCode::Unauthorized,
                (_, FailKind::Network) => FailCode::Network,
                _ => FailCode::Server,
            };
            let code = subject_code.unwrap_or_else(|| code.code().to_owned());
            // Told once per submission and code (a new token refused for another reason is
            // news to the portal; the tenth timeout is not).
            if told_host.as_ref() != Some(&code) {
                events::console_error(&format!(
                    "sending to {} failed ({message}); the widget will retry with the same Idempotency-Key",
                    entry.endpoint
                ));
                Detail::new()
                    .text("code", &code)
                    .text("message", &message)
                    .flag("retryable", true)
                    .flag("queued", true)
                    .flag("savedOnDevice", still_saved)
                    .text("idempotencyKey", &entry.key)
                    .value(
                        "instrument",
                        &Detail::instrument(&entry.instrument, &version),
                    )
                    .dispatch(&host, "rapport-failed");
                told_host = Some(code);
            }
            let delay = match outcome {
                Outcome::NeedsAuth => None,
                _ => Some(delivery::backoff_ms(
                    entry.attempts,
                    js_sys::Math::random(),
                    retry_after,
                )),
            };
            control::wait(delay).await;
            if w.element().is_none() {
                return;
            }
            w.report(SendStatus::Sending);
        }
    });
}

/// The fields of a receipt passed on in `rapport-submitted`: the documented ones only, each
/// only if it is a string of at most 100 characters. An endpoint (or a portal in host
/// delivery) that echoes the request in its reply would otherwise put the answers in an event
/// any script on the page can hear.
fn receipt(text: &str) -> Detail {
    let body = js_sys::JSON::parse(text).unwrap_or(JsValue::NULL);
    let mut out = Detail::new();
    for name in ["id", "idempotencyKey", "receivedAt"] {
        // `Reflect.get` throws on anything but an object: then there is no such field.
        let field = js_sys::Reflect::get(&body, &JsValue::from_str(name)).ok();
        if let Some(v) = field
            .and_then(|v| v.as_string())
            .filter(|v| v.chars().count() <= 100)
        {
            out = out.text(name, &v);
        }
    }
    out
}

/// Tells the page: `rapport-submitted` with the receipt, and `rapport-flagged` when the
/// submission raised flags.
fn delivered(
    host: &HtmlElement,
    submission: &Submission,
    instrument_id: &str,
    version: &str,
    text: &str,
) {
    Detail::new()
        .value("receipt", &receipt(text).into())
        .value("instrument", &Detail::instrument(instrument_id, version))
        .text("idempotencyKey", &submission.key)
        .dispatch(host, "rapport-submitted");
    if !submission.flags.is_empty() {
        Detail::new()
            .json("flags", &Flag::list_to_json(&submission.flags))
            .json("scores", &Score::list_to_json(&submission.scores))
            .value("instrument", &Detail::instrument(instrument_id, version))
            .text("idempotencyKey", &submission.key)
            .dispatch(host, "rapport-flagged");
    }
}
