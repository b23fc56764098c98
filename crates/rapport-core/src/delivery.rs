//! The rules of never losing an answer, without the browser: what a draft and an outbox entry
//! look like when stored, which responses are retried, and how long to wait before the next
//! attempt. The widget does the storing, the timers and the HTTP (`src/delivery.rs`).
//!
//! - A **draft** is the answers in progress, stored under the portal's storage policy and
//!   cleared after a confirmed send. Reading one back keeps only answers that still fit the
//!   definition (a changed questionnaire never produces an invalid answer).
//! - An **outbox entry** is a frozen submission: the exact body and `Idempotency-Key` of the
//!   first attempt, so every retry is the same request and the receiver stores it once.
//! - [`classify`] follows RFC 9110 and the reliability research: retry network errors,
//!   timeouts, 408, 409 (the same key still in flight), 425, 429 and 5xx; wait for new
//!   credentials on 401 and 403; give up on other 4xx and show why.
//! - [`backoff_ms`] is exponential backoff with full jitter, never shorter than the server's
//!   `Retry-After`.

use serde_json::{Map, Value};

use crate::answers::{AnswerValue, Answers};
use crate::definition::Questionnaire;
use crate::json::object;
use crate::response::answer_fits;

/// The `format` of a stored draft.
pub const DRAFT_FORMAT: &str = "rapport-draft/1";

/// First retry delay before jitter, in milliseconds.
pub const BASE_DELAY_MS: f64 = 1_000.0;
/// Longest wait between two attempts, in milliseconds (also caps `Retry-After`).
pub const MAX_DELAY_MS: f64 = 120_000.0;

/// What to do after an attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx: delivered. Clear the outbox entry and the draft.
    Delivered,
    /// Try again later with the same key and body.
    Retry,
    /// 401 or 403: keep the entry and wait until the portal gives new credentials.
    NeedsAuth,
    /// Another 4xx: the endpoint refused this payload; keep the answers and say so.
    Rejected,
}

/// Classifies an attempt: `None` for a network error or a timeout (no status at all).
pub fn classify(status: Option<u16>) -> Outcome {
    match status {
        None => Outcome::Retry,
        Some(200..=299) => Outcome::Delivered,
        Some(401 | 403) => Outcome::NeedsAuth,
        Some(408 | 409 | 425 | 429) | Some(500..=599) => Outcome::Retry,
        Some(_) => Outcome::Rejected,
    }
}

/// Milliseconds to wait before attempt number `attempt + 1` (the first retry has
/// `attempt == 1`): a uniformly random share (`random01` in `[0, 1)`) of
/// `min(MAX_DELAY_MS, BASE_DELAY_MS · 2^(attempt-1))`, and at least the server's
/// `Retry-After` (capped at [`MAX_DELAY_MS`]).
pub fn backoff_ms(attempt: u32, random01: f64, retry_after_ms: Option<f64>) -> f64 {
    let exp = attempt.saturating_sub(1).min(30);
    let ceiling = (BASE_DELAY_MS * f64::from(1u32 << exp.min(20))).min(MAX_DELAY_MS);
    let jittered = ceiling * random01.clamp(0.0, 1.0);
    let floor = retry_after_ms
        .filter(|ms| ms.is_finite() && *ms > 0.0)
        .map_or(0.0, |ms| ms.min(MAX_DELAY_MS));
    jittered.max(floor)
}

/// A `Retry-After` header in its delay-seconds form (`"120"`), in milliseconds. The HTTP-date
/// form is read by the widget with the browser's date parser.
pub fn retry_after_seconds_ms(value: &str) -> Option<f64> {
    let v = value.trim();
    if v.is_empty() || v.len() > 9 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs = v.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    Some(secs as f64 * 1000.0)
}

/// A submission waiting to be delivered, as stored in the outbox.
///
/// Read and written through `serde_json::Value` by hand rather than derived: a derived
/// `Deserialize` brings serde's type-error messages, whose float printing costs the widget
/// about 30 KB of gzip WebAssembly (measured). Its `Debug` leaves the body out: it holds answers.
#[derive(Clone, PartialEq)]
pub struct OutboxEntry {
    /// The `Idempotency-Key` of every attempt.
    pub key: String,
    /// Where it goes.
    pub endpoint: String,
    /// The exact JSON body of every attempt.
    pub body: String,
    /// The widget instance that made it (see the widget's storage keys).
    pub instance: String,
    /// The instrument id.
    pub instrument: String,
    /// Attempts made so far.
    pub attempts: u32,
}

impl std::fmt::Debug for OutboxEntry {
    // Redacted on purpose: the body is the envelope, answers and all.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxEntry")
            .field("key", &self.key)
            .field("endpoint", &self.endpoint)
            .field(
                "body",
                &format_args!("<redacted, {} bytes>", self.body.len()),
            )
            .field("instance", &self.instance)
            .field("instrument", &self.instrument)
            .field("attempts", &self.attempts)
            .finish()
    }
}

impl OutboxEntry {
    /// The entry as stored text.
    pub fn to_text(&self) -> String {
        let v = object([
            ("key", Value::from(self.key.as_str())),
            ("endpoint", Value::from(self.endpoint.as_str())),
            ("body", Value::from(self.body.as_str())),
            ("instance", Value::from(self.instance.as_str())),
            ("instrument", Value::from(self.instrument.as_str())),
            ("attempts", Value::from(self.attempts)),
        ]);
        crate::json::to_string(&v, &|_| String::new())
    }

    /// Reads stored text back; `None` when it is not an outbox entry.
    pub fn from_text(text: &str) -> Option<OutboxEntry> {
        Self::from_json(&serde_json::from_str(text).ok()?)
    }

    /// Reads a stored entry already parsed as JSON; `None` when it is not an outbox entry.
    pub fn from_json(v: &Value) -> Option<OutboxEntry> {
        let field = |name: &str| v.get(name).and_then(Value::as_str).map(str::to_owned);
        let entry = OutboxEntry {
            key: field("key")?,
            endpoint: field("endpoint")?,
            body: field("body")?,
            instance: field("instance").unwrap_or_default(),
            instrument: field("instrument").unwrap_or_default(),
            attempts: v
                .get("attempts")
                .and_then(Value::as_u64)
                .map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX)),
        };
        (!entry.key.is_empty() && !entry.body.is_empty()).then_some(entry)
    }
}

fn value_json(v: &AnswerValue, float: &dyn Fn(f64) -> Value) -> Value {
    match v {
        AnswerValue::Coding { system, code } => {
            let mut c = Map::new();
            if let Some(s) = system {
                c.insert("system".into(), Value::String(s.clone()));
            }
            c.insert("code".into(), Value::String(code.clone()));
            object([("valueCoding", Value::Object(c))])
        }
        AnswerValue::Boolean(b) => object([("valueBoolean", Value::from(*b))]),
        AnswerValue::Integer(i) => object([("valueInteger", Value::from(*i))]),
        AnswerValue::Decimal(d) => object([("valueDecimal", float(*d))]),
        AnswerValue::String(s) => object([("valueString", Value::from(s.as_str()))]),
        AnswerValue::Date(s) => object([("valueDate", Value::from(s.as_str()))]),
        AnswerValue::DateTime(s) => object([("valueDateTime", Value::from(s.as_str()))]),
        AnswerValue::Time(s) => object([("valueTime", Value::from(s.as_str()))]),
        AnswerValue::Quantity {
            value,
            system,
            code,
        } => {
            let mut q = Map::new();
            q.insert("value".into(), float(*value));
            if let Some(s) = system {
                q.insert("system".into(), Value::String(s.clone()));
            }
            q.insert("code".into(), Value::String(code.clone()));
            object([("valueQuantity", Value::Object(q))])
        }
        // Several answers: a list of the same shapes.
        AnswerValue::Many(list) => {
            Value::Array(list.iter().map(|v| value_json(v, float)).collect())
        }
    }
}

fn value_from_json(v: &Value) -> Option<AnswerValue> {
    // The same `value[x]` reading as a QuestionnaireResponse's answers; a list for an item
    // that repeats (whose fit is checked by the caller).
    if let Some(list) = v.as_array() {
        let values: Option<Vec<AnswerValue>> = list
            .iter()
            .map(|v| crate::definition::value_x(v.as_object()?, "value"))
            .collect();
        return values.map(AnswerValue::Many);
    }
    crate::definition::value_x(v.as_object()?, "value")
}

/// A draft as JSON: the instrument, its version, each answer in FHIR's `value[x]` shape, and
/// what the patient typed into number fields that is not a number yet.
pub fn draft_json(q: &Questionnaire, answers: &Answers, typed: &[(String, String)]) -> Value {
    let float = |d: f64| serde_json::Number::from_f64(d).map_or(Value::Null, Value::Number);
    // Maps are filled by `insert` rather than `collect`: collecting into serde_json's map
    // brings a sort and a bulk B-tree build into the widget.
    let mut answer_map = Map::new();
    for (id, v) in answers.iter() {
        answer_map.insert(id.to_owned(), value_json(v, &float));
    }
    let mut typed_map = Map::new();
    for (id, t) in typed {
        typed_map.insert(id.clone(), Value::String(t.clone()));
    }
    object([
        ("format", Value::from(DRAFT_FORMAT)),
        (
            "instrument",
            Value::from(q.name.clone().unwrap_or_default()),
        ),
        (
            "version",
            Value::from(q.version.clone().unwrap_or_default()),
        ),
        ("answers", Value::Object(answer_map)),
        ("typed", Value::Object(typed_map)),
    ])
}

/// Reads a draft back for `q`: only answers to questions the definition has, of a type that
/// fits, and typed text for number questions. `None` when the text is not a draft of this
/// instrument and version.
pub fn draft_from_json(
    q: &Questionnaire,
    draft: &Value,
) -> Option<(Answers, Vec<(String, String)>)> {
    let obj = draft.as_object()?;
    let same = |field: &str, expected: &Option<String>| {
        obj.get(field).and_then(Value::as_str).unwrap_or("") == expected.as_deref().unwrap_or("")
    };
    if obj.get("format").and_then(Value::as_str) != Some(DRAFT_FORMAT)
        || !same("instrument", &q.name)
        || !same("version", &q.version)
    {
        return None;
    }
    let mut answers = Answers::new();
    for (id, v) in obj
        .get("answers")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let Some(item) = q.position(id).and_then(|p| q.items.get(p)) else {
            continue;
        };
        if let Some(value) = value_from_json(v) {
            if answer_fits(item, &value) {
                answers.set(id, Some(value));
            }
        }
    }
    let mut typed = Vec::new();
    for (id, t) in obj
        .get("typed")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        // 64 characters a field (the rows of one that repeats, one field each).
        let limit = match q.position(id).and_then(|p| q.items.get(p)) {
            Some(i) if crate::validate::reads_typed(&i.kind) => match i.repeats {
                true => 64 * crate::definition::instances::MAX_INSTANCES,
                false => 64,
            },
            _ => 0,
        };
        if let (true, Some(t)) = (limit > 0, t.as_str()) {
            typed.push((id.clone(), t.chars().take(limit).collect()));
        }
    }
    Some((answers, typed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn debug_never_shows_the_body() {
        let entry = OutboxEntry {
            key: "k".into(),
            endpoint: "/api/responses".into(),
            body: r#"{"answer":"CANARY-7f3a"}"#.into(),
            instance: "i".into(),
            instrument: "session-checkin".into(),
            attempts: 2,
        };
        let shown = format!("{entry:?} {entry:#?}");
        assert!(!shown.contains("CANARY"), "{shown}");
        assert!(
            shown.contains("session-checkin") && shown.contains("attempts"),
            "{shown}"
        );
    }

    #[test]
    fn classification_follows_the_rules() {
        assert_eq!(classify(None), Outcome::Retry);
        for s in [200, 201, 204] {
            assert_eq!(classify(Some(s)), Outcome::Delivered, "{s}");
        }
        for s in [408, 409, 425, 429, 500, 502, 503, 504] {
            assert_eq!(classify(Some(s)), Outcome::Retry, "{s}");
        }
        for s in [401, 403] {
            assert_eq!(classify(Some(s)), Outcome::NeedsAuth, "{s}");
        }
        for s in [400, 404, 405, 410, 413, 415, 422, 302, 100] {
            assert_eq!(classify(Some(s)), Outcome::Rejected, "{s}");
        }
    }

    #[test]
    fn backoff_grows_jitters_and_honours_retry_after() {
        assert_eq!(backoff_ms(1, 0.999_999, None).round(), 1000.0);
        assert_eq!(backoff_ms(3, 0.5, None), 2000.0);
        assert_eq!(
            backoff_ms(1, 0.0, None),
            0.0,
            "full jitter may retry at once"
        );
        assert_eq!(backoff_ms(40, 1.0, None), MAX_DELAY_MS, "capped");
        assert_eq!(
            backoff_ms(1, 0.1, Some(5000.0)),
            5000.0,
            "Retry-After is a floor"
        );
        assert_eq!(
            backoff_ms(1, 0.1, Some(1e12)),
            MAX_DELAY_MS,
            "and is capped"
        );
        assert_eq!(backoff_ms(u32::MAX, f64::NAN, Some(f64::NAN)), 0.0);
    }

    #[test]
    fn retry_after_seconds() {
        assert_eq!(retry_after_seconds_ms("120"), Some(120_000.0));
        assert_eq!(retry_after_seconds_ms(" 0 "), Some(0.0));
        for bad in [
            "",
            "-1",
            "1.5",
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "9999999999",
        ] {
            assert_eq!(retry_after_seconds_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn outbox_entries_round_trip() {
        let e = OutboxEntry {
            key: "k".into(),
            endpoint: "/api/responses".into(),
            body: "{\"a\":1.5}".into(),
            instance: "default".into(),
            instrument: "session-checkin".into(),
            attempts: 2,
        };
        assert_eq!(OutboxEntry::from_text(&e.to_text()), Some(e));
        assert_eq!(OutboxEntry::from_text("{}"), None);
        assert_eq!(OutboxEntry::from_text("not json"), None);
    }

    #[test]
    fn drafts_round_trip_and_drop_what_no_longer_fits() {
        let q = crate::bundled::load("psychiatry-relationship")
            .unwrap()
            .unwrap();
        let mut a = Answers::new();
        let choice = q
            .items
            .iter()
            .find(|i| matches!(i.kind, crate::definition::ItemKind::Choice { .. }))
            .unwrap();
        let text = q
            .items
            .iter()
            .find(|i| matches!(i.kind, crate::definition::ItemKind::Text { .. }))
            .unwrap();
        let crate::definition::ItemKind::Choice { options, .. } = &choice.kind else {
            unreachable!()
        };
        let code = options[0].code.clone();
        let system = options[0].system.clone();
        a.set(&choice.link_id, Some(AnswerValue::Coding { system, code }));
        a.set(
            &text.link_id,
            Some(AnswerValue::String("Ça va « bien » \n".into())),
        );
        let json = draft_json(&q, &a, &[]);
        let (back, typed) = draft_from_json(&q, &json).unwrap();
        assert_eq!(back, a);
        assert!(typed.is_empty());

        // Unknown questions and answers of the wrong type are dropped, not trusted.
        let mut tampered = json.clone();
        tampered["answers"]["no-such-item"] = json!({"valueBoolean": true});
        tampered["answers"][&text.link_id] = json!({"valueInteger": 3});
        let (back, _) = draft_from_json(&q, &tampered).unwrap();
        assert_eq!(back.len(), 1);

        // Another instrument's or version's draft is not read.
        let mut other = json.clone();
        other["version"] = json!("0.0.1");
        assert!(draft_from_json(&q, &other).is_none());
        assert!(draft_from_json(&q, &json!("x")).is_none());
    }
}
