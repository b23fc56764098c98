//! Never losing an answer: drafts, the outbox and the retry loop (the rules are in
//! `rapport_core::delivery`; where things are stored is `store`).
//!
//! - Every answer change writes the draft (unless the policy is `none`); a confirmed send
//!   clears it. A reload brings it back and says so.
//! - A submission is written to the outbox before the first attempt, with its
//!   `Idempotency-Key` and exact body. Each attempt has a timeout. Network errors, timeouts,
//!   408/409/425/429 and 5xx are retried with full-jitter backoff, at least `Retry-After`;
//!   401/403 wait for the portal to give new headers; other 4xx are shown and not retried.
//! - The browser coming back online, a "try again" tap, or new headers from the portal wake
//!   the loop at once. A reload resumes this widget's outbox entry: the receiver stores a key
//!   once, so a retry after a lost response, a double tap or two tabs store one record.

use std::cell::{Cell, RefCell};

use rapport_core::delivery::{self, OutboxEntry, Outcome};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::events;
use crate::net::{self, NetError};
use crate::session::{FailKind, Frozen, SendStatus, Session};
use crate::store::{self, Policy};

thread_local! {
    /// Resolvers of the waits in progress; calling one ends that wait early.
    static WAKERS: RefCell<Vec<js_sys::Function>> = const { RefCell::new(Vec::new()) };
    /// Host delivery: the submissions handed to the page, by idempotency key, waiting for its
    /// `confirmSubmission` or `rejectSubmission`.
    static HOST_REPLIES: RefCell<Vec<(String, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    static ONLINE_LISTENER: Cell<bool> = const { Cell::new(false) };
}

/// Ends every retry wait on the page now (back online, "try again", new headers).
pub fn wake_all() {
    let wakers = WAKERS.with(|w| std::mem::take(&mut *w.borrow_mut()));
    for f in wakers {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// Waits `ms` milliseconds, or until [`wake_all`]; with `None`, only until [`wake_all`].
async fn wait(ms: Option<f64>) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let (Some(ms), Some(window)) = (ms, web_sys::window()) {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms.round() as i32);
        }
        WAKERS.with(|w| w.borrow_mut().push(resolve));
    });
    let _ = JsFuture::from(promise).await;
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

/// One attempt in host-delivery mode: hands the payload to the page in `rapport-submit` and
/// waits up to `timeout_ms` for its confirmation, mapped onto what an HTTP attempt would return
/// (confirmed = 200 with the receipt; retryable refusal = 503; final refusal = 422; silence =
/// a network error), so the retry rules stay the same.
async fn host_attempt(
    host: &web_sys::HtmlElement,
    entry: &OutboxEntry,
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
    let envelope = crate::json::parse(&entry.body).unwrap_or(Value::Null);
    events::dispatch(
        host,
        "rapport-submit",
        &json!({ "idempotencyKey": entry.key, "envelope": envelope, "body": entry.body }),
    );
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

/// Listens once per page for the browser coming back online.
fn listen_online() {
    if ONLINE_LISTENER.with(|l| l.replace(true)) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let on_online = Closure::<dyn Fn()>::new(wake_all);
        let _ =
            window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        on_online.forget(); // one listener for the page's lifetime
    }
}

fn draft_key(s: &Session) -> String {
    let loaded = s.loaded();
    store::draft_key(&loaded.instrument_id, &s.delivery().instance)
}

/// Writes the draft (answers and unfinished number text) under the storage policy.
pub fn save_draft(s: &Session) {
    let policy = s.delivery().policy;
    if policy == Policy::None {
        return;
    }
    let loaded = s.loaded();
    let typed = s.typed_untracked();
    let draft = delivery::draft_json(&loaded.definition, &s.answers_untracked(), &typed);
    store::set(policy, &draft_key(s), &crate::intl::json_text(&draft));
}

/// On mount: brings back a draft, and resumes this widget's undelivered submission.
pub fn resume(s: Session) {
    listen_online();
    let policy = s.delivery().policy;
    let loaded = s.loaded();
    let q = &loaded.definition;
    if let Some(text) = store::get(policy, &draft_key(&s)) {
        let restored = crate::json::parse(&text)
            .ok()
            .and_then(|v| delivery::draft_from_json(q, &v));
        if let Some((answers, typed)) = restored {
            let any = !answers.is_empty() || !typed.is_empty();
            s.set_answers(answers);
            for (id, text) in typed {
                if let Some(item) = q.position(&id).and_then(|p| q.items.get(p)) {
                    s.set_typed(&id, &item.kind, text);
                }
            }
            if any {
                s.set_restored(true);
            }
        }
    }
    let settings = s.delivery();
    let (endpoint, instance) = (&settings.endpoint, &settings.instance);
    for key in store::keys(policy, &store::outbox_prefix()) {
        let Some(entry) = store::get(policy, &key)
            .and_then(|t| crate::json::parse(&t).ok())
            .and_then(|v| OutboxEntry::from_json(&v))
        else {
            continue;
        };
        if entry.endpoint == *endpoint
            && entry.instance == *instance
            && entry.instrument == loaded.instrument_id
        {
            let frozen = Frozen::from_body(entry.key.clone(), entry.body.clone());
            s.set_frozen(Some(frozen.clone()));
            run(s, entry, frozen);
            return;
        }
    }
}

/// Starts delivering a frozen submission: outbox first, then the first attempt.
pub(crate) fn start(s: Session, frozen: Frozen) {
    listen_online();
    let loaded = s.loaded();
    let settings = s.delivery();
    let entry = OutboxEntry {
        key: frozen.key.clone(),
        endpoint: settings.endpoint.clone(),
        body: frozen.body.clone(),
        instance: settings.instance.clone(),
        instrument: loaded.instrument_id.clone(),
        attempts: 0,
    };
    run(s, entry, frozen);
}

fn run(s: Session, mut entry: OutboxEntry, frozen: Frozen) {
    let policy = s.delivery().policy;
    let outbox_key = store::outbox_key(&entry.key);
    let saved = store::set(policy, &outbox_key, &entry.to_text());
    s.set_status(SendStatus::Sending);
    leptos::task::spawn_local(async move {
        let loaded = s.loaded();
        let instrument = json!({ "id": loaded.instrument_id, "version": loaded.version });
        let mut told_host = false;
        loop {
            let Some(settings) = s.try_delivery() else {
                return;
            };
            let headers = settings.control.headers();
            let timeout = settings.timeout_ms;
            let result = if entry.endpoint == crate::config::HOST_ENDPOINT {
                match s.try_host() {
                    Some(host) => host_attempt(&host, &entry, timeout).await,
                    None => return,
                }
            } else {
                net::post_json(&entry.endpoint, &entry.body, &entry.key, &headers, timeout).await
            };
            // The widget was removed meanwhile: the entry stays in the outbox for next time.
            let Some(host) = s.try_host() else {
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
                Err(NetError::Network(_)) => (None, None),
            };
            let outcome = delivery::classify(status);
            if outcome == Outcome::Delivered {
                store::remove(policy, &outbox_key);
                store::remove(policy, &draft_key(&s));
                let text = result.map(|(_, t)| t).unwrap_or_default();
                delivered(s, &host, &frozen, &instrument, &text);
                return;
            }
            let message = match &result {
                Err(e) => e.describe(),
                Ok(_) => String::new(),
            };
            if outcome == Outcome::Rejected {
                store::remove(policy, &outbox_key);
                s.set_status(SendStatus::Failed(FailKind::Rejected));
                events::console_error(&format!(
                    "sending to {} was refused: {message}",
                    entry.endpoint
                ));
                events::dispatch(
                    &host,
                    "rapport-failed",
                    &json!({
                        "code": "rejected", "message": message, "retryable": false,
                        "idempotencyKey": entry.key, "instrument": instrument,
                    }),
                );
                return;
            }
            // Retry (or wait for credentials): keep it, say so honestly, wait, go again.
            let kind = if status.is_none() {
                FailKind::Network
            } else {
                FailKind::Server
            };
            let still_saved = saved && store::set(policy, &outbox_key, &entry.to_text());
            s.set_status(SendStatus::Queued {
                kind,
                saved: still_saved,
            });
            if !told_host {
                told_host = true;
                let code = match (outcome, kind) {
                    (Outcome::NeedsAuth, _) => "unauthorized",
                    (_, FailKind::Network) => "network",
                    _ => "server",
                };
                events::console_error(&format!(
                    "sending to {} failed ({message}); the widget will retry with the same Idempotency-Key",
                    entry.endpoint
                ));
                events::dispatch(
                    &host,
                    "rapport-failed",
                    &json!({
                        "code": code, "message": message, "retryable": true, "queued": true,
                        "savedOnDevice": still_saved, "idempotencyKey": entry.key,
                        "instrument": instrument,
                    }),
                );
            }
            let delay = match outcome {
                Outcome::NeedsAuth => None,
                _ => Some(delivery::backoff_ms(
                    entry.attempts,
                    js_sys::Math::random(),
                    retry_after,
                )),
            };
            wait(delay).await;
            if s.try_status_untracked().is_none() {
                return;
            }
            s.set_status(SendStatus::Sending);
        }
    });
}

fn delivered(
    s: Session,
    host: &web_sys::HtmlElement,
    frozen: &Frozen,
    instrument: &Value,
    text: &str,
) {
    let receipt = crate::json::parse(text)
        .ok()
        .filter(Value::is_object)
        .unwrap_or(Value::Null);
    s.set_restored(false);
    s.set_status(SendStatus::Sent);
    events::dispatch(
        host,
        "rapport-submitted",
        &json!({ "receipt": receipt, "instrument": instrument, "idempotencyKey": frozen.key }),
    );
    if frozen.flags.as_array().is_some_and(|f| !f.is_empty()) {
        events::dispatch(
            host,
            "rapport-flagged",
            &json!({
                "flags": frozen.flags, "scores": frozen.scores, "instrument": instrument,
                "idempotencyKey": frozen.key,
            }),
        );
    }
}
