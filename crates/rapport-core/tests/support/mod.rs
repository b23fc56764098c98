//! Helpers shared by the core's integration tests (`mod support;` in each test file): the
//! bundled questionnaires, the envelope the widget sends, and the property-test configuration.
//!
//! Each test binary uses only some of these.
#![allow(dead_code)]

use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence};
use rapport_core::answers::Answers;
use rapport_core::bundled;
use rapport_core::definition::Questionnaire;
use rapport_core::envelope::{Envelope, EnvelopeMeta, UNVERSIONED};
use rapport_core::response::ResponseMeta;
use rapport_core::scoring::PreviousScores;
use rapport_core::subject::SubjectClaims;
use serde_json::Value;

/// The idempotency key of every test envelope (a valid UUID).
pub const KEY: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

/// When every test response was authored (and every test envelope submitted).
pub const AUTHORED: &str = "2026-01-01T00:00:00Z";

/// An English response authored at [`AUTHORED`].
pub const META: ResponseMeta<'static> = ResponseMeta {
    language: "en",
    authored: AUTHORED,
};

/// A bundled questionnaire; panics with its load errors (one per line) if it does not load.
pub fn load(id: &str) -> Questionnaire {
    match bundled::load(id) {
        Some(Ok(q)) => q,
        Some(Err(errors)) => {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!(
                "bundled questionnaire {id} does not load:\n{}",
                list.join("\n")
            )
        }
        None => panic!("{id} is not a bundled questionnaire"),
    }
}

/// The receiver's lookup for `verify`: a bundled questionnaire of exactly this version.
pub fn lookup(id: &str, version: &str) -> Option<Questionnaire> {
    bundled::load(id)?
        .ok()
        .filter(|q| q.version.as_deref() == Some(version))
}

/// What the envelope says besides the answers; [`Submission::envelope`] builds it.
pub struct Submission<'a> {
    pub instrument_id: &'a str,
    pub language: &'a str,
    pub translation_status: &'a str,
    pub previous_scores: &'a PreviousScores,
    pub context: &'a Value,
}

/// What the receiver says of `answers` to a clinic's definition `q` (no previous scores, no
/// context, in English): the envelope built as [`Submission::envelope`] does, then
/// `envelope::verify` with `q` as the only definition it knows.
pub fn verify_answers(
    q: &Questionnaire,
    answers: &Answers,
) -> Result<(), rapport_core::envelope::EnvelopeError> {
    let previous = PreviousScores::new();
    let context = serde_json::json!({});
    let submission = Submission {
        instrument_id: "clinic-definition",
        language: "en",
        translation_status: "reference",
        previous_scores: &previous,
        context: &context,
    };
    let lookup = |_: &str, _: &str| Some(q.clone());
    rapport_core::envelope::verify(&submission.envelope(q, answers), &lookup)
}

/// The widget version the tests' `/3` envelopes carry.
pub const WIDGET_VERSION: &str = "0.1.0";

impl Submission<'_> {
    /// The envelope for `answers` (`Envelope::build`, the widget's own code), with [`KEY`],
    /// submitted at [`AUTHORED`], option texts left to the definition, in the formats that do
    /// not name the widget (`/1`, `/2`): every receiver still reads them. The widget's own
    /// `/3` is [`Submission::envelope_from_widget`].
    pub fn envelope(&self, q: &Questionnaire, answers: &Answers) -> Envelope {
        self.build(q, answers, None, None)
    }

    /// [`Submission::envelope`] as the widget writes it (`rapport-envelope/3`): `widget.version`
    /// [`WIDGET_VERSION`], and the subject token if one is given.
    pub fn envelope_from_widget(
        &self,
        q: &Questionnaire,
        answers: &Answers,
        token: Option<&str>,
    ) -> Envelope {
        self.build(q, answers, token, Some(WIDGET_VERSION))
    }

    /// [`Submission::envelope`] with a subject token (`rapport-envelope/2`).
    pub fn envelope_with_subject(
        &self,
        q: &Questionnaire,
        answers: &Answers,
        token: &str,
    ) -> Envelope {
        self.build(q, answers, Some(token), None)
    }

    fn build(
        &self,
        q: &Questionnaire,
        answers: &Answers,
        token: Option<&str>,
        widget_version: Option<&str>,
    ) -> Envelope {
        let claims = token.map(|t| match SubjectClaims::peek(t) {
            Ok(c) => c,
            Err(kind) => panic!("test token not readable: {}", kind.code()),
        });
        let meta = EnvelopeMeta {
            idempotency_key: KEY,
            instrument_id: self.instrument_id,
            version: q.version.as_deref().unwrap_or(UNVERSIONED),
            language: self.language,
            translation_status: self.translation_status,
            submitted_at: AUTHORED,
            previous_scores: self.previous_scores,
            context: self.context,
            subject: token.zip(claims.as_ref()),
            widget_version,
        };
        Envelope::build(q, answers, &meta, &|_, _| None)
    }
}

/// Unpadded base64url, for building test tokens.
pub fn base64url(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// A compact JWS with these claims and a signature of zeros: readable by the core, which never
/// checks signatures (the receiver's tests sign real ones).
pub fn unsigned_token(claims: &Value) -> String {
    format!(
        "{}.{}.{}",
        base64url(br#"{"alg":"HS256","typ":"JWT"}"#),
        base64url(claims.to_string().as_bytes()),
        base64url(&[0; 32])
    )
}

/// `cases` per run, times `RAPPORT_PROPTEST_SCALE` when set (e.g. 20 for a long bug hunt);
/// failures are saved beside the test file (`<test>.proptest-regressions`) and replayed first.
pub fn proptest_config(cases: u32) -> ProptestConfig {
    let scale = std::env::var("RAPPORT_PROPTEST_SCALE")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1);
    ProptestConfig {
        cases: cases.saturating_mul(scale),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}
