//! Where drafts and the outbox live, under the storage policy the portal picks with the
//! `storage` attribute (contracts.md, "Delivery"):
//!
//! | policy | where | survives |
//! |---|---|---|
//! | `session` (default) | `sessionStorage` | a reload, not closing the tab |
//! | `local` | `localStorage` | closing the tab |
//! | `none` | memory only (nothing written to the device) | nothing: kept while the page is open |
//!
//! Every key starts with `rapport:`; nothing else is written, and no cookies. If the browser
//! refuses storage (private mode, quota, disabled), a write reports `false` and the widget
//! tells the patient the truth: the answers are kept only while the page is open.

use rapport_core::answers::Answers;
use rapport_core::definition::Questionnaire;

/// The portal's storage policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// `sessionStorage`.
    Session,
    /// `localStorage`.
    Local,
    /// Memory only.
    None,
}

impl Policy {
    /// Reads the `storage` attribute value.
    pub fn parse(value: &str) -> Option<Policy> {
        match value {
            "session" => Some(Policy::Session),
            "local" => Some(Policy::Local),
            "none" => Some(Policy::None),
            _ => None,
        }
    }
}

/// The prefix of every key the widget writes.
pub const PREFIX: &str = "rapport:";

thread_local! {
    /// The `none` policy's outbox: this page's memory, shared by the widgets on it. A
    /// JavaScript `Map`, so reading and writing it is one call each (no generic code per use).
    static MEMORY: js_sys::Map = js_sys::Map::new();
}

fn memory() -> js_sys::Map {
    MEMORY.with(js_sys::Map::clone)
}

fn storage(policy: Policy) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match policy {
        Policy::Session => window.session_storage().ok().flatten(),
        Policy::Local => window.local_storage().ok().flatten(),
        Policy::None => None,
    }
}

/// The value stored under `key`.
pub fn get(policy: Policy, key: &str) -> Option<String> {
    match policy {
        Policy::None => memory().get(&key.into()).as_string(),
        _ => storage(policy)?.get_item(key).ok().flatten(),
    }
}

/// Stores `value` under `key`. `true` when it is on the device (never for `none`).
pub fn set(policy: Policy, key: &str, value: &str) -> bool {
    match policy {
        Policy::None => {
            memory().set(&key.into(), &value.into());
            false
        }
        _ => storage(policy).is_some_and(|s| s.set_item(key, value).is_ok()),
    }
}

/// Removes `key`.
pub fn remove(policy: Policy, key: &str) {
    match policy {
        Policy::None => {
            memory().delete(&key.into());
        }
        _ => {
            if let Some(s) = storage(policy) {
                let _ = s.remove_item(key);
            }
        }
    }
}

/// Every key that starts with `prefix`.
pub fn keys(policy: Policy, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    match policy {
        Policy::None => {
            for k in js_sys::Array::from(&memory().keys()).iter() {
                if let Some(k) = k.as_string().filter(|k| k.starts_with(prefix)) {
                    out.push(k);
                }
            }
        }
        _ => {
            if let Some(s) = storage(policy) {
                for i in 0..s.length().unwrap_or(0) {
                    if let Some(k) = s.key(i).ok().flatten().filter(|k| k.starts_with(prefix)) {
                        out.push(k);
                    }
                }
            }
        }
    }
    out
}

/// The key of a widget's draft.
pub fn draft_key(instrument: &str, instance: &str) -> String {
    format!("{PREFIX}draft:{instrument}:{instance}")
}

/// The key of an outbox entry.
pub fn outbox_key(idempotency_key: &str) -> String {
    format!("{PREFIX}outbox:{idempotency_key}")
}

/// The prefix of every outbox entry.
pub fn outbox_prefix() -> String {
    format!("{PREFIX}outbox:")
}

/// Writes a draft (the answers and unfinished number text, in the core's draft format) under
/// `key`; nothing under the `none` policy.
pub fn save_draft(
    policy: Policy,
    key: &str,
    q: &Questionnaire,
    answers: &Answers,
    typed: &[(String, String)],
) {
    if policy == Policy::None {
        return;
    }
    let draft = rapport_core::delivery::draft_json(q, answers, typed);
    set(policy, key, &crate::intl::json_text(&draft));
}

/// The draft stored under `key`, if there is one that fits `q`: the answers and the typed
/// texts by link id.
pub fn load_draft(
    policy: Policy,
    key: &str,
    q: &Questionnaire,
) -> Option<(Answers, Vec<(String, String)>)> {
    let value = crate::json::parse(&get(policy, key)?).ok()?;
    rapport_core::delivery::draft_from_json(q, &value)
}
