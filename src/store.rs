//! Where drafts and the outbox live, under the storage policy the portal picks with the
//! `storage` attribute (contracts.md, "Delivery"):
//!
//! | policy | where | survives |
//! |---|---|---|
//! | `session` (default) | `sessionStorage` | a reload, not closing the tab |
//! | `local` | `localStorage` | closing the tab |
//! | `none` | memory only (nothing written to the device) | nothing: kept while the page is open |
//!
//! Every key starts with `rapport:`; nothing else is written, and no cookies. With a subject token
//! every key of that patient starts with `rapport:s:<scope>:`, where `<scope>` is the first 32
//! hex digits of SHA-256 of the token's `iss`, a line feed and `sub` (never the token, never
//! the ids themselves): another patient on the same device neither sees nor sends them. Drafts
//! carry the time they were saved and expire (`draft-expiry`). If the browser
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

/// The key of a widget's draft; `prefix` is the widget's ([`PREFIX`], or a subject's).
pub fn draft_key(prefix: &str, instrument: &str, instance: &str) -> String {
    format!("{prefix}draft:{instrument}:{instance}")
}

/// The key of an outbox entry.
pub fn outbox_key(prefix: &str, idempotency_key: &str) -> String {
    format!("{prefix}outbox:{idempotency_key}")
}

/// The prefix of every outbox entry under `prefix`.
pub fn outbox_prefix(prefix: &str) -> String {
    format!("{prefix}outbox:")
}

/// The key prefix of one patient's storage: `rapport:s:` and the first 32 hex digits of
/// SHA-256(`claims.scope_text()`), from the browser's `crypto.subtle` (the widget ships no hash).
/// `None` where the page has no `crypto.subtle` (an insecure context): then nothing of this
/// patient may be stored.
pub async fn subject_prefix(claims: &rapport_core::subject::SubjectClaims) -> Option<String> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let crypto = web_sys::window()?.crypto().ok()?;
    // `crypto.subtle` is undefined outside secure contexts; the binding would not say so.
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into()).ok()?;
    if subtle.is_undefined() || subtle.is_null() {
        return None;
    }
    let subtle: web_sys::SubtleCrypto = wasm_bindgen::JsCast::unchecked_into(subtle);
    let promise = subtle
        .digest_with_str_and_u8_array("SHA-256", claims.scope_text().as_bytes())
        .ok()?;
    let digest = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&digest);
    let mut out = format!("{PREFIX}s:");
    for i in 0..16 {
        let b = bytes.get_index(i);
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out.push(':');
    Some(out)
}

/// `el.clearStoredData()`'s part in memory: forgets the `none` policy's outbox on this page
/// (it holds nothing else: no drafts are kept under `none`) and returns how many entries it had
/// (the loader wipes Web Storage itself).
pub fn clear_memory() -> u32 {
    let memory = memory();
    let n = memory.size();
    memory.clear();
    n
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
    let mut draft = rapport_core::delivery::draft_json(q, answers, typed);
    if let Some(d) = draft.as_object_mut() {
        // Whole milliseconds: an integer, so no float formatting in the widget.
        d.insert("savedAt".into(), (js_sys::Date::now() as i64).into());
    }
    set(policy, key, &crate::intl::json_text(&draft));
}

/// The draft stored under `key`, if there is one saved less than `max_age_ms` ago, as JSON
/// (read with `rapport_core::delivery::draft_from_json`). An expired draft (or one without a
/// saved-at time) is removed.
pub fn load_draft(policy: Policy, key: &str, max_age_ms: f64) -> Option<serde_json::Value> {
    let value = crate::json::parse(&get(policy, key)?).ok()?;
    let saved = value.get("savedAt").and_then(serde_json::Value::as_i64);
    if saved.is_none_or(|t| js_sys::Date::now() - t as f64 > max_age_ms) {
        remove(policy, key);
        return None;
    }
    Some(value)
}
