//! The delivery envelope: what the widget posts and the receiver stores. Documented in
//! `docs/payload.md`; `format` names its version. [`verify`] re-checks an envelope with the same
//! code the widget used, so the receiver never trusts the client. Performs no I/O.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::definition::Questionnaire;
use crate::response::answers_from;
use crate::scoring::{flags, scores, Flag, PreviousScores, Score};
use crate::validate::validate;

/// The envelope format this code writes and reads.
pub const FORMAT: &str = "rapport-envelope/1";

/// The version recorded for a definition that has no `version`.
pub const UNVERSIONED: &str = "unversioned";

/// Largest envelope the receiver accepts, in bytes.
pub const MAX_ENVELOPE_BYTES: usize = 256 * 1024;

/// The delivery envelope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Envelope {
    /// Always [`FORMAT`].
    pub format: String,
    /// The UUID also sent as the `Idempotency-Key` header.
    pub idempotency_key: String,
    /// Which questionnaire was answered.
    pub instrument: InstrumentRef,
    /// Which language version was answered.
    pub language: LanguageInfo,
    /// When the patient submitted (browser clock, RFC 3339).
    pub submitted_at: String,
    /// Scores as declared by the definition.
    pub scores: Vec<Score>,
    /// Flags raised: prompts to talk, not diagnoses.
    pub flags: Vec<Flag>,
    /// Previous scores passed in by the host (for `drop-from-previous` flags), if any.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub previous_scores: PreviousScores,
    /// Whatever JSON the portal passed in the `context` attribute, echoed back.
    #[serde(default)]
    pub context: Value,
    /// The answers as a FHIR R4 QuestionnaireResponse.
    pub questionnaire_response: Value,
}

impl Envelope {
    /// The envelope as JSON, exactly as its `Serialize` derive writes it (tested), but built by
    /// hand: the widget uses this, so serde's serializer for these types is not compiled into
    /// the WebAssembly (a few kilobytes). The receiver reads envelopes with the derive.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_owned(), v);
        };
        put("format", Value::from(self.format.as_str()));
        put("idempotencyKey", Value::from(self.idempotency_key.as_str()));
        let mut instrument = Map::new();
        instrument.insert("id".into(), Value::from(self.instrument.id.as_str()));
        instrument.insert(
            "version".into(),
            Value::from(self.instrument.version.as_str()),
        );
        if let Some(url) = &self.instrument.url {
            instrument.insert("url".into(), Value::from(url.as_str()));
        }
        put("instrument", Value::Object(instrument));
        let mut language = Map::new();
        language.insert("tag".into(), Value::from(self.language.tag.as_str()));
        language.insert(
            "translationStatus".into(),
            Value::from(self.language.translation_status.as_str()),
        );
        put("language", Value::Object(language));
        put("submittedAt", Value::from(self.submitted_at.as_str()));
        put("scores", Score::list_to_json(&self.scores));
        put("flags", Flag::list_to_json(&self.flags));
        if !self.previous_scores.is_empty() {
            put(
                "previousScores",
                Value::Object(self.previous_scores.clone()),
            );
        }
        put("context", self.context.clone());
        put("questionnaireResponse", self.questionnaire_response.clone());
        Value::Object(m)
    }
}

/// Which questionnaire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InstrumentRef {
    /// A bundled id (`working-together`) or, for a clinic definition, its `name` or `url`.
    pub id: String,
    /// The definition's version.
    pub version: String,
    /// The definition's canonical URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Which language version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LanguageInfo {
    /// The BCP 47 tag of the language the patient saw.
    pub tag: String,
    /// The translation status recorded in that locale's files (`source`, `reviewed`,
    /// `draft`, or `definition` for a clinic's own texts).
    pub translation_status: String,
}

/// Why an envelope was refused, in the shape of the receiver's 422 body.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EnvelopeError {
    /// A stable code, e.g. `invalid-json`, `unknown-instrument`, `invalid-answers`.
    pub error: &'static str,
    /// What is wrong, for developers.
    pub message: String,
    /// JSON pointer into the envelope.
    pub pointer: String,
}

/// An envelope that passed every check (its scores and flags are the core's own).
#[derive(Clone, Debug)]
pub struct Verified {
    /// The envelope as sent.
    pub envelope: Envelope,
}

/// Parses and re-checks an envelope: format, known instrument, a QuestionnaireResponse that
/// fits the definition, answers that pass validation, and scores and flags that match what the
/// core computes. `lookup` finds a definition by instrument id and version.
pub fn verify(
    body: &[u8],
    lookup: &dyn Fn(&str, &str) -> Option<Questionnaire>,
) -> Result<Verified, EnvelopeError> {
    let e = |error, message: String, pointer: &str| EnvelopeError {
        error,
        message,
        pointer: pointer.into(),
    };
    if body.len() > MAX_ENVELOPE_BYTES {
        return Err(e(
            "too-large",
            format!("the envelope is larger than {MAX_ENVELOPE_BYTES} bytes"),
            "",
        ));
    }
    let envelope: Envelope = serde_json::from_slice(body).map_err(|err| {
        e(
            "invalid-envelope",
            format!("not a valid envelope: {err}"),
            "",
        )
    })?;
    if envelope.format != FORMAT {
        return Err(e(
            "unsupported-format",
            format!("format must be \"{FORMAT}\""),
            "/format",
        ));
    }
    if !is_uuid(&envelope.idempotency_key) {
        return Err(e(
            "invalid-idempotency-key",
            "idempotencyKey must be a UUID".into(),
            "/idempotencyKey",
        ));
    }
    if !(envelope.context.is_object() || envelope.context.is_null()) {
        return Err(e(
            "invalid-context",
            "context must be a JSON object".into(),
            "/context",
        ));
    }
    let q = lookup(&envelope.instrument.id, &envelope.instrument.version).ok_or_else(|| {
        e(
            "unknown-instrument",
            format!(
                "no definition for instrument \"{}\" version \"{}\"",
                envelope.instrument.id, envelope.instrument.version
            ),
            "/instrument",
        )
    })?;
    if envelope.instrument.url.is_some() && envelope.instrument.url != q.url {
        return Err(e(
            "instrument-mismatch",
            "instrument.url differs from the definition's url".into(),
            "/instrument/url",
        ));
    }
    let qr_language = envelope
        .questionnaire_response
        .get("language")
        .and_then(Value::as_str);
    if qr_language != Some(envelope.language.tag.as_str()) {
        return Err(e(
            "language-mismatch",
            "language.tag differs from questionnaireResponse.language".into(),
            "/language/tag",
        ));
    }
    let answers = answers_from(&q, &envelope.questionnaire_response).map_err(|r| {
        e(
            "invalid-response",
            r.message,
            &format!("/questionnaireResponse{}", r.pointer),
        )
    })?;
    // The widget drops answers to hidden questions; an envelope that has them did not come
    // from a patient's screen.
    let enabled = crate::enable::enabled_items(&q, &answers);
    if let Some((link, _)) = answers.iter().find(|(link, _)| {
        q.position(link)
            .is_some_and(|p| !enabled.get(p).copied().unwrap_or(false))
    }) {
        return Err(e(
            "invalid-response",
            format!("\"{link}\" is answered but hidden by enableWhen"),
            "/questionnaireResponse",
        ));
    }
    let issues = validate(&q, &answers);
    if let Some(first) = issues.first() {
        return Err(e(
            "invalid-answers",
            format!(
                "{} problem(s); first: \"{}\" is {}",
                issues.len(),
                first.link_id,
                first.code.code()
            ),
            "/questionnaireResponse",
        ));
    }
    if let Some((id, _)) = envelope
        .previous_scores
        .iter()
        .find(|(_, v)| !v.is_number())
    {
        return Err(e(
            "invalid-envelope",
            format!("previousScores.{id} is not a number"),
            "/previousScores",
        ));
    }
    let expected = scores(&q, &answers);
    if expected != envelope.scores {
        return Err(e(
            "score-mismatch",
            "scores differ from the ones the definition gives".into(),
            "/scores",
        ));
    }
    let expected_flags = flags(&q, &answers, &expected, &envelope.previous_scores);
    if expected_flags != envelope.flags {
        return Err(e(
            "flag-mismatch",
            "flags differ from the ones the definition gives".into(),
            "/flags",
        ));
    }
    Ok(Verified { envelope })
}

/// Whether `s` looks like a UUID (8-4-4-4-12 hex digits).
pub fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit()))
}
