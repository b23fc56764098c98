//! The delivery envelope: what the widget posts and the receiver stores. Documented in
//! `docs/payload.md`; `format` names its version. [`Envelope::build`] assembles one from the
//! answers (the widget and the tests); [`parse_envelope`] reads one and [`verify`] re-checks it
//! with the same code the widget used, so the receiver never trusts the client. Performs no I/O.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::answers::Answers;
use crate::definition::{AnswerOption, Item, Questionnaire};
use crate::response::{self, answers_from, ResponseMeta};
use crate::scoring::{flags, scores, Flag, PreviousScores, Score};
use crate::subject::{SubjectClaims, SubjectTokenErrorKind};
use crate::validate::validate;

/// The envelope format of a submission without a subject token. The widget writes the lowest
/// format that can say what it sends, so a portal without subjects keeps working with a
/// receiver that knows only this one (`docs/payload.md`, "Versions").
pub const FORMAT: &str = "rapport-envelope/1";

/// The envelope format of a submission with a subject token: `subjectToken`, and the
/// QuestionnaireResponse's `subject`.
pub const FORMAT_WITH_SUBJECT: &str = "rapport-envelope/2";

/// The envelope format that names the widget that wrote it (`widget.version`), with or without
/// a subject token. The widget always writes this one: its version is something it always says.
pub const FORMAT_WITH_WIDGET: &str = "rapport-envelope/3";

/// The formats this code reads, oldest first.
pub const FORMATS: [&str; 3] = [FORMAT, FORMAT_WITH_SUBJECT, FORMAT_WITH_WIDGET];

/// Longest `widget.version` accepted, in bytes (a semantic version with a pre-release or build
/// suffix fits easily).
pub const MAX_WIDGET_VERSION_BYTES: usize = 64;

/// The envelope field that carries the subject token. The receiver takes it out before it
/// hashes and stores an envelope ([`take_subject_token`]): a token is a credential, and a retry
/// with a fresh token for the same patient is the same submission.
pub const SUBJECT_TOKEN_FIELD: &str = "subjectToken";

/// The version recorded for a definition that has no `version`.
pub const UNVERSIONED: &str = "unversioned";

/// Largest envelope the receiver accepts, in bytes.
pub const MAX_ENVELOPE_BYTES: usize = 256 * 1024;

/// Largest `context` a portal may pass, as compact JSON, in bytes: room for ids, not for data.
/// The widget refuses a larger one when it reads its attributes; [`verify`] refuses one over
/// twice this (headroom for JSON writers that escape differently).
pub const MAX_CONTEXT_BYTES: usize = 4 * 1024;

/// The delivery envelope. Its `Debug` shows the metadata and score and flag ids only: the
/// answers, score values, previous scores and context are redacted.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Envelope {
    /// [`FORMAT_WITH_WIDGET`] when the writer names itself; else [`FORMAT`], or
    /// [`FORMAT_WITH_SUBJECT`] when there is a subject token.
    pub format: String,
    /// The widget that wrote the envelope; only in [`FORMAT_WITH_WIDGET`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub widget: Option<WidgetInfo>,
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
    /// The portal's signed subject token (compact JWS), passed on unread but for its `iss` and
    /// `sub`; only in [`FORMAT_WITH_SUBJECT`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_token: Option<String>,
    /// The answers as a FHIR R4 QuestionnaireResponse.
    pub questionnaire_response: Value,
}

impl fmt::Debug for Envelope {
    // Redacted on purpose: an envelope holds answers, which must never reach logs or panic
    // messages. Score values are left out too (one item's score is its answer).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids = |list: Vec<&str>| list.join(",");
        f.debug_struct("Envelope")
            .field("format", &self.format)
            .field("widget", &self.widget)
            .field("idempotency_key", &self.idempotency_key)
            .field("instrument", &self.instrument)
            .field("language", &self.language)
            .field("submitted_at", &self.submitted_at)
            .field(
                "scores",
                &format_args!(
                    "[{}]",
                    ids(self.scores.iter().map(|s| s.id.as_str()).collect())
                ),
            )
            .field(
                "flags",
                &format_args!(
                    "[{}]",
                    ids(self.flags.iter().map(|s| s.id.as_str()).collect())
                ),
            )
            .field("previous_scores", &format_args!("<redacted>"))
            .field("context", &format_args!("<redacted>"))
            .field(
                "subject_token",
                &format_args!(
                    "{}",
                    if self.subject_token.is_some() {
                        "<redacted>"
                    } else {
                        "None"
                    }
                ),
            )
            .field("questionnaire_response", &format_args!("<redacted>"))
            .finish()
    }
}

/// What the caller knows of a submission that the answers do not say: the key, which
/// definition and language, the caller's clock, and what the portal passed in.
#[derive(Clone, Copy, Debug)]
pub struct EnvelopeMeta<'a> {
    /// The UUID also sent as the `Idempotency-Key` header.
    pub idempotency_key: &'a str,
    /// A bundled id (`working-together`) or, for a clinic definition, its `name` or `url`.
    pub instrument_id: &'a str,
    /// The definition's version, or [`UNVERSIONED`].
    pub version: &'a str,
    /// The BCP 47 tag of the language the patient saw.
    pub language: &'a str,
    /// That language's translation status.
    pub translation_status: &'a str,
    /// When the patient submitted, RFC 3339 (the core has no clock).
    pub submitted_at: &'a str,
    /// The portal's previous scores, for `drop-from-previous` flags.
    pub previous_scores: &'a PreviousScores,
    /// The portal's `context`, echoed back.
    pub context: &'a Value,
    /// The portal's subject token and the claims read from it ([`SubjectClaims::peek`]), if
    /// the portal gave one.
    pub subject: Option<(&'a str, &'a SubjectClaims)>,
    /// The version of the widget writing the envelope (its workspace version). `Some` writes
    /// [`FORMAT_WITH_WIDGET`]; `None` writes the older formats (kept for tests and for writers
    /// that do not name themselves).
    pub widget_version: Option<&'a str>,
}

impl Envelope {
    /// The envelope for `answers`: scores, flags and the QuestionnaireResponse computed by the
    /// core from the definition, so what the widget sends is exactly what [`verify`] expects.
    /// `display` gives the text of a chosen option in the patient's language.
    pub fn build(
        q: &Questionnaire,
        answers: &Answers,
        meta: &EnvelopeMeta<'_>,
        display: &dyn Fn(&Item, &AnswerOption) -> Option<String>,
    ) -> Envelope {
        let computed = scores(q, answers);
        let raised = flags(q, answers, &computed, meta.previous_scores);
        let mut questionnaire_response = response::build(
            q,
            answers,
            &ResponseMeta {
                language: meta.language,
                authored: meta.submitted_at,
            },
            display,
        );
        if let (Some((_, claims)), Some(qr)) =
            (meta.subject, questionnaire_response.as_object_mut())
        {
            qr.insert("subject".into(), claims.reference());
        }
        Envelope {
            format: match (meta.widget_version, meta.subject) {
                (Some(_), _) => FORMAT_WITH_WIDGET,
                (None, Some(_)) => FORMAT_WITH_SUBJECT,
                (None, None) => FORMAT,
            }
            .into(),
            widget: meta.widget_version.map(|version| WidgetInfo {
                version: version.into(),
            }),
            idempotency_key: meta.idempotency_key.into(),
            instrument: InstrumentRef {
                id: meta.instrument_id.into(),
                version: meta.version.into(),
                url: q.url.clone(),
            },
            language: LanguageInfo {
                tag: meta.language.into(),
                translation_status: meta.translation_status.into(),
            },
            submitted_at: meta.submitted_at.into(),
            scores: computed,
            flags: raised,
            previous_scores: meta.previous_scores.clone(),
            context: meta.context.clone(),
            subject_token: meta.subject.map(|(token, _)| token.to_owned()),
            questionnaire_response,
        }
    }

    /// The envelope as JSON, exactly as its `Serialize` derive writes it (tested), but built by
    /// hand: the widget uses this, so serde's serializer for these types is not compiled into
    /// the WebAssembly (a few kilobytes). The receiver reads envelopes with the derive.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_owned(), v);
        };
        put("format", Value::from(self.format.as_str()));
        if let Some(widget) = &self.widget {
            let mut w = Map::new();
            w.insert("version".into(), Value::from(widget.version.as_str()));
            put("widget", Value::Object(w));
        }
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
        if let Some(token) = &self.subject_token {
            put(SUBJECT_TOKEN_FIELD, Value::from(token.as_str()));
        }
        put("questionnaireResponse", self.questionnaire_response.clone());
        Value::Object(m)
    }
}

/// Takes the subject token out of an envelope's JSON, leaving what is hashed and stored. The
/// widget keeps a queued submission this way (it never stores a token) and the receiver hashes
/// and stores it this way.
pub fn take_subject_token(envelope: &mut Value) -> Option<String> {
    match envelope.as_object_mut()?.remove(SUBJECT_TOKEN_FIELD)? {
        Value::String(token) => Some(token),
        // Not a string: put it back for `envelope_from_value` to refuse with the others.
        other => {
            if let Some(m) = envelope.as_object_mut() {
                m.insert(SUBJECT_TOKEN_FIELD.into(), other);
            }
            None
        }
    }
}

/// Puts the current subject token into an envelope's JSON just before it is sent (a queued
/// submission is stored without one).
pub fn put_subject_token(envelope: &mut Value, token: &str) {
    if let Some(m) = envelope.as_object_mut() {
        m.insert(SUBJECT_TOKEN_FIELD.into(), Value::from(token));
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

/// Which widget wrote the envelope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WidgetInfo {
    /// Its version (semantic versioning), e.g. `0.1.0`.
    pub version: String,
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

/// Why an envelope was refused: one variant per stable code (the receiver's `error` field).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EnvelopeErrorKind {
    /// Larger than [`MAX_ENVELOPE_BYTES`] (the receiver answers 413).
    TooLarge,
    /// Not JSON, not an envelope object, a missing or unknown field, a wrong type, or a
    /// previous score that is not a number.
    InvalidEnvelope,
    /// `format` is none of [`FORMATS`], or does not match the fields present (`widget`, a
    /// subject token), or `widget.version` is not a version.
    UnsupportedFormat,
    /// `idempotencyKey` is not a UUID.
    InvalidIdempotencyKey,
    /// `context` is neither a JSON object nor null.
    InvalidContext,
    /// `subjectToken` is longer than [`crate::subject::MAX_SUBJECT_TOKEN_BYTES`].
    SubjectTokenTooLarge,
    /// `subjectToken` is not a compact JWS with a JSON payload.
    SubjectTokenMalformed,
    /// `subjectToken` has no usable `iss` and `sub`.
    SubjectTokenClaims,
    /// The QuestionnaireResponse's `subject` is not the token's `iss` and `sub` (or there is one
    /// without a token).
    SubjectMismatch,
    /// No definition for this instrument id and version.
    UnknownInstrument,
    /// `instrument.url` differs from the definition's.
    InstrumentMismatch,
    /// `language.tag` differs from the QuestionnaireResponse's `language`.
    LanguageMismatch,
    /// The QuestionnaireResponse does not fit the definition.
    InvalidResponse,
    /// The answers do not pass validation (a required question left out, a value out of range).
    InvalidAnswers,
    /// The scores differ from the ones the definition gives for these answers.
    ScoreMismatch,
    /// The flags differ from the ones the definition gives.
    FlagMismatch,
}

impl EnvelopeErrorKind {
    /// Every kind, in the order of the checks (for documentation tables and tests).
    pub const ALL: [EnvelopeErrorKind; 16] = [
        Self::TooLarge,
        Self::InvalidEnvelope,
        Self::UnsupportedFormat,
        Self::InvalidIdempotencyKey,
        Self::InvalidContext,
        Self::SubjectTokenTooLarge,
        Self::SubjectTokenMalformed,
        Self::SubjectTokenClaims,
        Self::SubjectMismatch,
        Self::UnknownInstrument,
        Self::InstrumentMismatch,
        Self::LanguageMismatch,
        Self::InvalidResponse,
        Self::InvalidAnswers,
        Self::ScoreMismatch,
        Self::FlagMismatch,
    ];

    /// The stable code, e.g. `invalid-answers`.
    pub fn code(self) -> &'static str {
        match self {
            Self::TooLarge => "too-large",
            Self::InvalidEnvelope => "invalid-envelope",
            Self::UnsupportedFormat => "unsupported-format",
            Self::InvalidIdempotencyKey => "invalid-idempotency-key",
            Self::InvalidContext => "invalid-context",
            Self::SubjectTokenTooLarge => SubjectTokenErrorKind::TooLarge.code(),
            Self::SubjectTokenMalformed => SubjectTokenErrorKind::Malformed.code(),
            Self::SubjectTokenClaims => SubjectTokenErrorKind::BadClaims.code(),
            Self::SubjectMismatch => "subject-mismatch",
            Self::UnknownInstrument => "unknown-instrument",
            Self::InstrumentMismatch => "instrument-mismatch",
            Self::LanguageMismatch => "language-mismatch",
            Self::InvalidResponse => "invalid-response",
            Self::InvalidAnswers => "invalid-answers",
            Self::ScoreMismatch => "score-mismatch",
            Self::FlagMismatch => "flag-mismatch",
        }
    }
}

/// Why an envelope was refused, in the shape of the receiver's 422 body. The message names
/// fields, linkIds and issue codes, never an answer or any other value taken from the body.
#[derive(Clone, Debug, PartialEq)]
pub struct EnvelopeError {
    /// What kind of problem; [`EnvelopeErrorKind::code`] is the stable code.
    pub kind: EnvelopeErrorKind,
    /// What is wrong, for developers.
    pub message: String,
    /// JSON pointer into the envelope.
    pub pointer: String,
}

impl EnvelopeError {
    fn new(kind: EnvelopeErrorKind, message: impl Into<String>, pointer: &str) -> Self {
        EnvelopeError {
            kind,
            message: message.into(),
            pointer: pointer.into(),
        }
    }

    /// The stable code of its kind, e.g. `invalid-answers`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

/// Reads an envelope from the request body: size, JSON and shape only ([`parse_json`], then
/// [`envelope_from_value`]). Nothing in it is trusted yet: [`verify`] re-checks it against its
/// definition.
pub fn parse_envelope(body: &[u8]) -> Result<Envelope, EnvelopeError> {
    envelope_from_value(&parse_json(body)?)
}

/// The request body as JSON, if it is within [`MAX_ENVELOPE_BYTES`] and is JSON at all. The
/// receiver keeps this value (to hash and store it) and reads the envelope from it, so the body
/// is parsed once.
pub fn parse_json(body: &[u8]) -> Result<Value, EnvelopeError> {
    if body.len() > MAX_ENVELOPE_BYTES {
        return Err(EnvelopeError::new(
            EnvelopeErrorKind::TooLarge,
            format!("the envelope is larger than {MAX_ENVELOPE_BYTES} bytes"),
            "",
        ));
    }
    serde_json::from_slice(body).map_err(not_an_envelope)
}

/// The envelope in a JSON value: every field present with its type, no unknown fields.
pub fn envelope_from_value(v: &Value) -> Result<Envelope, EnvelopeError> {
    Envelope::deserialize(v).map_err(not_an_envelope)
}

fn not_an_envelope(err: serde_json::Error) -> EnvelopeError {
    EnvelopeError::new(
        EnvelopeErrorKind::InvalidEnvelope,
        format!("not a valid envelope: {}", without_values(&err.to_string())),
        "",
    )
}

/// serde's message without the values it quotes from the input (`invalid type: string "…"`):
/// a client's text never comes back in an error or reaches a log. Field names stay.
fn without_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("string \"") {
        let (before, quoted) = rest.split_at(at);
        out.push_str(before);
        out.push_str("a string");
        let after_open = quoted.get("string \"".len()..).unwrap_or("");
        // serde writes the value with Rust's escaping, so the value ends at the first `"`
        // that is not escaped.
        let mut escaped = false;
        let mut end = after_open.len();
        for (i, c) in after_open.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = i + 1;
                    break;
                }
                _ => escaped = false,
            }
        }
        rest = after_open.get(end..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Re-checks a parsed envelope: format, known instrument, a QuestionnaireResponse that fits the
/// definition, answers that pass validation, and scores and flags that match what the core
/// computes. `lookup` finds a definition by instrument id and version.
pub fn verify(
    envelope: &Envelope,
    lookup: &dyn Fn(&str, &str) -> Option<Questionnaire>,
) -> Result<(), EnvelopeError> {
    use EnvelopeErrorKind as K;
    check_format(envelope)?;
    if !is_uuid(&envelope.idempotency_key) {
        return Err(EnvelopeError::new(
            K::InvalidIdempotencyKey,
            "idempotencyKey must be a UUID",
            "/idempotencyKey",
        ));
    }
    if !(envelope.context.is_object() || envelope.context.is_null()) {
        return Err(EnvelopeError::new(
            K::InvalidContext,
            "context must be a JSON object",
            "/context",
        ));
    }
    let context_bytes = serde_json::to_string(&envelope.context).map_or(usize::MAX, |t| t.len());
    if context_bytes > 2 * MAX_CONTEXT_BYTES {
        return Err(EnvelopeError::new(
            K::InvalidContext,
            format!(
                "context is {context_bytes} bytes; it is for ids (at most {MAX_CONTEXT_BYTES} bytes), \
                 not for data"
            ),
            "/context",
        ));
    }
    check_subject(envelope)?;
    let q = lookup(&envelope.instrument.id, &envelope.instrument.version).ok_or_else(|| {
        EnvelopeError::new(
            K::UnknownInstrument,
            format!(
                "no definition for instrument \"{}\" version \"{}\"",
                envelope.instrument.id, envelope.instrument.version
            ),
            "/instrument",
        )
    })?;
    if envelope.instrument.url.is_some() && envelope.instrument.url != q.url {
        return Err(EnvelopeError::new(
            K::InstrumentMismatch,
            "instrument.url differs from the definition's url",
            "/instrument/url",
        ));
    }
    let qr_language = envelope
        .questionnaire_response
        .get("language")
        .and_then(Value::as_str);
    if qr_language != Some(envelope.language.tag.as_str()) {
        return Err(EnvelopeError::new(
            K::LanguageMismatch,
            "language.tag differs from questionnaireResponse.language",
            "/language/tag",
        ));
    }
    let answers = answers_from(&q, &envelope.questionnaire_response).map_err(|r| {
        EnvelopeError::new(
            K::InvalidResponse,
            format!("{} ({})", r.message, r.kind.code()),
            &format!("/questionnaireResponse{}", r.pointer),
        )
    })?;
    // Checked against the instances of repeating groups the answers fill.
    let q = q.fitting(&answers);
    // The widget drops answers to hidden questions; an envelope that has them did not come
    // from a patient's screen.
    let enabled = crate::enable::enabled_items(&q, &answers);
    if let Some((link, _)) = answers.iter().find(|(link, _)| {
        q.position(link)
            .is_some_and(|p| !enabled.get(p).copied().unwrap_or(false))
    }) {
        return Err(EnvelopeError::new(
            K::InvalidResponse,
            format!("\"{link}\" is answered but hidden by enableWhen"),
            "/questionnaireResponse",
        ));
    }
    // A read-only item's value is the definition's: another one did not come from the widget.
    if let Some(item) = q.items.iter().find(|i| {
        i.read_only
            && answers
                .get(&i.link_id)
                .is_some_and(|a| Some(a) != q.initial_of(i))
    }) {
        return Err(EnvelopeError::new(
            K::InvalidAnswers,
            format!(
                "\"{}\" is read-only; the value sent is not the definition's initial value",
                item.link_id
            ),
            "/questionnaireResponse",
        ));
    }
    let issues = validate(&q, &answers);
    if let Some(first) = issues.first() {
        return Err(EnvelopeError::new(
            K::InvalidAnswers,
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
        return Err(EnvelopeError::new(
            K::InvalidEnvelope,
            format!("previousScores.{id} is not a number"),
            "/previousScores",
        ));
    }
    check_calculated(&q, &answers, envelope)?;
    let expected = scores(&q, &answers);
    if expected != envelope.scores {
        return Err(EnvelopeError::new(
            K::ScoreMismatch,
            "scores differ from the ones the definition gives",
            "/scores",
        ));
    }
    let expected_flags = flags(&q, &answers, &expected, &envelope.previous_scores);
    if expected_flags != envelope.flags {
        return Err(EnvelopeError::new(
            K::FlagMismatch,
            "flags differ from the ones the definition gives",
            "/flags",
        ));
    }
    Ok(())
}

/// Every calculated value (SDC `calculatedExpression`) sent is the one the definition works out
/// from the other answers, on the day the patient submitted (`authored`), as the widget does.
fn check_calculated(
    q: &Questionnaire,
    answers: &Answers,
    envelope: &Envelope,
) -> Result<(), EnvelopeError> {
    use crate::fhirpath::{Clock, Program};
    let program = match Program::compile(q) {
        Ok(Some(p)) => p,
        Ok(None) => return Ok(()),
        Err(_) => {
            return Err(EnvelopeError::new(
                EnvelopeErrorKind::InvalidAnswers,
                "the definition's expressions cannot be evaluated",
                "/instrument",
            ))
        }
    };
    let authored = envelope
        .questionnaire_response
        .get("authored")
        .and_then(Value::as_str)
        .unwrap_or_default();
    // `authored` is in UTC; the patient's day (`today()`) may be the one before or after.
    let utc_day = authored.get(..10).unwrap_or_default();
    let days: Vec<String> = [0, -1, 1]
        .iter()
        .filter_map(|&d| crate::dates::shift_date(utc_day, d))
        .collect();
    let differs = |today: &str| {
        // From the patient's answers alone, as the widget began (not from the values sent).
        let mut expected = answers.clone();
        for item in q.items.iter().filter(|i| i.calculated) {
            expected.set(&item.link_id, None);
        }
        let clock = Clock {
            today,
            now: authored,
        };
        program.calculate(q, &mut expected, clock);
        let calculated = q
            .items
            .iter()
            .find(|i| i.calculated && answers.get(&i.link_id) != expected.get(&i.link_id))
            .map(|i| {
                format!(
                    "\"{}\" is calculated; the value sent is not the one the definition works out",
                    i.link_id
                )
            });
        // A constraint (`targetConstraint`) the answers break: the widget would not have sent
        // them.
        // A choice's answer that its `answerExpression` does not list: worked out with the
        // answers, `calculate` takes it out, which the widget shows before it sends.
        let unlisted = || {
            q.items
                .iter()
                .find(|i| {
                    matches!(&i.kind, crate::definition::ItemKind::Choice { options, .. } if options.is_empty())
                        && answers.get(&i.link_id) != expected.get(&i.link_id)
                })
                .map(|i| format!("\"{}\" is not one of the options its answerExpression lists", i.link_id))
        };
        calculated.or_else(unlisted).or_else(|| {
            validate(q, &expected)
                .into_iter()
                .find(|i| matches!(i.code, crate::validate::IssueCode::Constraint { .. }))
                .map(|i| format!("\"{}\" does not meet its constraint", i.link_id))
        })
    };
    let mut first = None;
    for day in &days {
        match differs(day) {
            None => return Ok(()),
            Some(link) => {
                first.get_or_insert(link);
            }
        }
    }
    let no_day = || "the response's authored day cannot be read".to_owned();
    match first.or_else(|| days.is_empty().then(no_day)) {
        Some(message) => Err(EnvelopeError::new(
            EnvelopeErrorKind::InvalidAnswers,
            message,
            "/questionnaireResponse",
        )),
        None => Ok(()),
    }
}

/// `format` must say what the envelope holds: `/3` with `widget` (a subject token or not), `/2`
/// with a token and no `widget`, `/1` with neither.
fn check_format(envelope: &Envelope) -> Result<(), EnvelopeError> {
    use EnvelopeErrorKind as K;
    let has_token = envelope.subject_token.is_some();
    let expected = match (&envelope.widget, has_token) {
        (Some(_), _) => FORMAT_WITH_WIDGET,
        (None, true) => FORMAT_WITH_SUBJECT,
        (None, false) => FORMAT,
    };
    if envelope.format != expected {
        let message = if !FORMATS.contains(&envelope.format.as_str()) {
            format!(
                "format must be one of {}; this receiver does not know the one sent",
                FORMATS.join(", ")
            )
        } else if envelope.format == FORMAT_WITH_WIDGET {
            format!("format \"{FORMAT_WITH_WIDGET}\" needs a widget object with its version")
        } else {
            format!(
                "format must be \"{expected}\" for an envelope {} a subjectToken{}",
                if has_token { "with" } else { "without" },
                if envelope.widget.is_some() {
                    " and with a widget"
                } else {
                    ""
                }
            )
        };
        return Err(EnvelopeError::new(K::UnsupportedFormat, message, "/format"));
    }
    if let Some(widget) = &envelope.widget {
        let v = &widget.version;
        let fits = !v.is_empty()
            && v.len() <= MAX_WIDGET_VERSION_BYTES
            && v.starts_with(|c: char| c.is_ascii_digit())
            && v.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'));
        if !fits {
            return Err(EnvelopeError::new(
                K::UnsupportedFormat,
                format!(
                    "widget.version must be a version such as 0.1.0 (digits, letters, . - +; at \
                     most {MAX_WIDGET_VERSION_BYTES} bytes)"
                ),
                "/widget/version",
            ));
        }
    }
    Ok(())
}

/// The subject token's claims (read, not verified: the receiver checks the signature) and the
/// QuestionnaireResponse's `subject` must name the same patient; without a token there is no
/// `subject`.
fn check_subject(envelope: &Envelope) -> Result<Option<SubjectClaims>, EnvelopeError> {
    use EnvelopeErrorKind as K;
    let claims = match &envelope.subject_token {
        None => None,
        Some(token) => Some(SubjectClaims::peek(token).map_err(|kind| {
            let envelope_kind = match kind {
                SubjectTokenErrorKind::TooLarge => K::SubjectTokenTooLarge,
                SubjectTokenErrorKind::BadClaims => K::SubjectTokenClaims,
                _ => K::SubjectTokenMalformed,
            };
            EnvelopeError::new(envelope_kind, kind.message(), "/subjectToken")
        })?),
    };
    let stated = envelope.questionnaire_response.get("subject");
    let expected = claims.as_ref().map(SubjectClaims::reference);
    if stated != expected.as_ref() {
        return Err(EnvelopeError::new(
            K::SubjectMismatch,
            if claims.is_some() {
                "questionnaireResponse.subject must be the subject token's iss (identifier.system) \
                 and sub (identifier.value)"
            } else {
                "questionnaireResponse.subject needs a subjectToken that vouches for it"
            },
            "/questionnaireResponse/subject",
        ));
    }
    Ok(claims)
}

/// [`parse_envelope`] then [`verify`]: the envelope, if it passes every check.
pub fn check(
    body: &[u8],
    lookup: &dyn Fn(&str, &str) -> Option<Questionnaire>,
) -> Result<Envelope, EnvelopeError> {
    let envelope = parse_envelope(body)?;
    verify(&envelope, lookup)?;
    Ok(envelope)
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn canary_envelope() -> Envelope {
        Envelope {
            format: FORMAT.into(),
            idempotency_key: "9b2c7d4e-5f60-4a71-8b92-a3b4c5d6e7f8".into(),
            instrument: InstrumentRef {
                id: "psychiatry-relationship".into(),
                version: "1.0.0".into(),
                url: None,
            },
            language: LanguageInfo {
                tag: "en".into(),
                translation_status: "source".into(),
            },
            submitted_at: "2026-12-04T10:00:00.000Z".into(),
            scores: vec![Score {
                id: "total".into(),
                value: Some(41.5),
                answered: 12,
                items: 12,
            }],
            flags: Vec::new(),
            previous_scores: [("total".to_string(), json!(47.25))].into_iter().collect(),
            context: json!({ "appointmentId": "CANARY-context" }),
            subject_token: None,
            widget: None,
            questionnaire_response: json!({
                "resourceType": "QuestionnaireResponse",
                "item": [{ "linkId": "better", "answer": [{ "valueString": "CANARY-answer" }] }]
            }),
        }
    }

    #[test]
    fn debug_never_shows_answers_scores_or_context() {
        let e = canary_envelope();
        for shown in [format!("{e:?}"), format!("{e:#?}")] {
            for secret in ["CANARY", "41.5", "47.25"] {
                assert!(!shown.contains(secret), "{secret} in {shown}");
            }
            assert!(shown.contains("psychiatry-relationship"), "{shown}");
            assert!(shown.contains("total"), "score ids stay: {shown}");
        }
    }

    #[test]
    fn parse_errors_never_quote_values() {
        let mut v = canary_envelope().to_json();
        v["submittedAt"] = json!(7);
        v["format"] = json!({ "x": "CANARY \\\" still inside" });
        let body = serde_json::to_vec(&v).unwrap_or_default();
        let err = parse_envelope(&body).err();
        let message = err.map(|e| e.message).unwrap_or_default();
        assert!(message.contains("not a valid envelope"), "{message}");
        // A string where a number belongs: serde quotes it; we do not.
        let mut v = canary_envelope().to_json();
        v["scores"] =
            json!([{ "id": "total", "value": "CANARY-in-a-score", "answered": 1, "items": 1 }]);
        let body = serde_json::to_vec(&v).unwrap_or_default();
        let message = parse_envelope(&body)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(!message.is_empty());
        assert!(!message.contains("CANARY"), "{message}");
        assert_eq!(
            without_values(r#"invalid type: string "a \" b", expected f64 at line 1"#),
            "invalid type: a string, expected f64 at line 1"
        );
        assert_eq!(
            without_values("missing field `format`"),
            "missing field `format`"
        );
    }

    #[test]
    fn a_large_context_is_refused() {
        let mut e = canary_envelope();
        e.context = json!({ "note": "x".repeat(2 * MAX_CONTEXT_BYTES) });
        let err = verify(&e, &|_, _| None).err();
        assert_eq!(err.map(|e| e.kind), Some(EnvelopeErrorKind::InvalidContext));
    }

    #[test]
    fn every_kind_has_a_distinct_code() {
        let mut codes: Vec<&str> = EnvelopeErrorKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), EnvelopeErrorKind::ALL.len());
    }
}
