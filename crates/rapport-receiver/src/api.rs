//! The HTTP API: `POST /api/responses` (verify, then store once per idempotency key),
//! `GET /healthz` (the process is up) and `GET /readyz` (the database is reachable, the same
//! file, and on the current schema); reading and erasing are in [`crate::admin`].
//!
//! Every answer is JSON; every refusal is `{ "error", "message", "pointer" }` with a stable code
//! ([`crate::reply`]). A POST is checked before its body is read, in this order: rate limit
//! (429), post token (401), `Content-Type: application/json` (415); then the body is read (413
//! over the limit) and the `Idempotency-Key` checked (400). The body is parsed once; the subject
//! token is taken out of it (never hashed or stored) and verified ([`crate::subject`]: 401 or
//! 422) before a replay is answered; the rest of the JSON value is hashed (canonical form,
//! [`crate::canonical`]), then the typed envelope is read from it and verified on
//! `spawn_blocking`; the database calls are async. Each request is logged as
//! one JSON line ([`crate::logging`]); a POST's line adds the first characters of its key and
//! the instrument: never answers, bodies or free text from the envelope. Stays out of CORS and
//! static files ([`crate::web`]).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use rapport_core::definition::Questionnaire;
use rapport_core::envelope::{
    envelope_from_value, parse_json, put_subject_token, take_subject_token, verify, Envelope,
    EnvelopeErrorKind, MAX_ENVELOPE_BYTES, SUBJECT_TOKEN_FIELD,
};
use rapport_core::scoring::{flags, Flag};
use serde_json::{json, Value};

use crate::canonical::canonical_json;
use crate::definitions::Definitions;
use crate::guard::{Access, RateLimiter, Token};
use crate::reply::{internal, storage_failure, Refusal, Reply};
use crate::store::{History, NewRecord, Outcome, Receipt, Store};
use crate::subject::{Subject, Verifier};

/// What the handlers share.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// The definitions envelopes are checked against.
    pub definitions: Arc<Definitions>,
    /// Store envelopes of unknown instruments, marked unverified, instead of refusing them.
    pub store_unverified: bool,
    /// Log no request lines.
    pub quiet: bool,
    /// The token `POST /api/responses` needs (`--post-token`), if any.
    pub post_token: Option<Token>,
    /// Who may read `GET /api/responses[/{id}]`.
    pub listing: Listing,
    /// POSTs per minute per client address (`--rate-limit`).
    pub limiter: Arc<RateLimiter>,
    /// Wrong or missing bearer tokens per minute per client address, before it is refused
    /// with 429 whatever it sends ([`AUTH_FAILURES_PER_MINUTE`]).
    pub auth_failures: Arc<RateLimiter>,
    /// How subject tokens are verified; `None`: they are read, not verified.
    pub subjects: Option<Arc<Verifier>>,
    /// The demo portal that mints subject tokens (`--demo` only).
    pub demo_portal: Option<Arc<crate::demo::DemoPortal>>,
}

/// Failed bearer attempts an address may make per minute (refilled continuously); guessing a
/// 32-character token at this pace is hopeless.
pub const AUTH_FAILURES_PER_MINUTE: u32 = 10;

/// The client's address, when the server gave one (tests calling the router directly give none).
pub struct ClientAddr(pub Option<SocketAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0),
        ))
    }
}

/// Checks `token` for a request from `client`. The right token always passes (behind a proxy
/// every client shares one address, and a guesser must not lock patients out); a missing or
/// wrong one is 401 and counts as a failure, or 429 once the address has failed too often.
pub(crate) fn authorize(
    state: &AppState,
    token: &Token,
    headers: &HeaderMap,
    client: Option<SocketAddr>,
    what: &str,
) -> Result<(), Reply> {
    match token.check(headers) {
        Access::Granted => Ok(()),
        denied => match state.auth_failures.check(client) {
            Ok(()) => Err(unauthorized(denied, what)),
            Err(secs) => Err(Reply::refuse(
                Refusal::RateLimited,
                format!("too many wrong tokens from this address; try again in {secs} s"),
                "",
            )
            .retry_after(secs)),
        },
    }
}

/// Who may list the stored records.
#[derive(Clone, Debug)]
pub enum Listing {
    /// Anyone (`--demo`).
    Open,
    /// Whoever sends `Authorization: Bearer` with the admin token (`--admin-token`).
    Token(Token),
    /// Nobody: 403.
    Disabled,
}

/// The API routes, with `state`.
pub fn routes(state: AppState) -> Router {
    let mut router = Router::new()
        .route(
            "/api/responses",
            post(post_response).get(crate::admin::list_responses),
        )
        .merge(crate::admin::routes());
    if state.demo_portal.is_some() {
        router = router.merge(crate::demo::routes());
    }
    router
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .layer(DefaultBodyLimit::max(MAX_ENVELOPE_BYTES))
        .layer(axum::middleware::from_fn(crate::web::api_headers))
        .with_state(state)
}

/// The answer for routes that do not exist (when no static directory is served).
pub async fn not_found() -> Response {
    Reply::refuse(Refusal::NotFound, "no such resource", "").into_response()
}

/// The process is up (for a supervisor's liveness check): never touches the database.
async fn healthz() -> &'static str {
    "ok"
}

/// Ready to take answers (for a load balancer): the database answers, an SQLite file is still
/// the one opened, and the schema is current. 503 `not-ready` otherwise, saying why.
async fn readyz(State(state): State<AppState>) -> Response {
    match state.store.ready().await {
        Ok(()) => "ready".into_response(),
        // The reason (paths, hosts, versions) goes to the log, not to whoever asks.
        Err(e) => {
            crate::log(format_args!("rapport-receiver: not ready: {e}"));
            Reply::refuse(
                Refusal::NotReady,
                "the database is not ready; the receiver's log says why",
                "",
            )
            .retry_after(5)
            .into_response()
        }
    }
}

/// 401 for a missing or wrong bearer token. Says which, never what the token is.
fn unauthorized(access: Access, what: &str) -> Reply {
    let (message, challenge) = match access {
        Access::Invalid => (
            format!("the bearer token is not the {what}"),
            "Bearer realm=\"rapport-receiver\", error=\"invalid_token\"",
        ),
        _ => (
            format!("send the {what} in an Authorization: Bearer header"),
            "Bearer realm=\"rapport-receiver\"",
        ),
    };
    let mut r = Reply::refuse(Refusal::Unauthorized, message, "");
    r.challenge = Some(challenge.to_owned());
    r
}

/// Whether the `Content-Type` is `application/json` (parameters such as a charset allowed).
pub(crate) fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim())
        .is_some_and(|m| m.eq_ignore_ascii_case("application/json"))
}

/// The checks a POST passes before its body is read: rate limit, token, content type.
fn admit(state: &AppState, headers: &HeaderMap, client: Option<SocketAddr>) -> Result<(), Reply> {
    if let Err(secs) = state.limiter.check(client) {
        return Err(Reply::refuse(
            Refusal::RateLimited,
            format!(
                "too many envelopes from this address; try again in {secs} s with the same key"
            ),
            "",
        )
        .retry_after(secs));
    }
    if let Some(token) = &state.post_token {
        authorize(state, token, headers, client, "post token")?;
    }
    if !is_json(headers) {
        return Err(Reply::refuse(
            Refusal::UnsupportedMediaType,
            "send the envelope with Content-Type: application/json",
            "",
        ));
    }
    Ok(())
}

async fn post_response(State(state): State<AppState>, req: Request) -> Response {
    let headers = req.headers().clone();
    let client = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    let key_prefix = headers
        .get("idempotency-key")
        .map(|v| loggable(&String::from_utf8_lossy(v.as_bytes()), 8))
        .unwrap_or_else(|| "-".into());
    let (reply, instrument) = match admit(&state, &headers, client) {
        Err(refusal) => (refusal, None),
        // Only now is the body read (up to the DefaultBodyLimit).
        Ok(()) => {
            let body = Bytes::from_request(req, &()).await;
            accept(state, &headers, body).await
        }
    };
    let mut resp = reply.into_response();
    resp.extensions_mut().insert(crate::logging::LogFields {
        key: Some(key_prefix),
        instrument,
        value_set: None,
    });
    resp
}

async fn accept(
    state: AppState,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> (Reply, Option<String>) {
    let key = match idempotency_key(headers) {
        Ok(k) => k,
        Err(r) => return (r, None),
    };
    let too_large = || {
        Reply::refuse(
            Refusal::Envelope(EnvelopeErrorKind::TooLarge),
            format!("the envelope is larger than {MAX_ENVELOPE_BYTES} bytes"),
            "",
        )
    };
    let body = match body {
        Ok(b) if b.len() <= MAX_ENVELOPE_BYTES => b,
        Ok(_) => return (too_large(), None),
        Err(rej) if rej.status() == StatusCode::PAYLOAD_TOO_LARGE => return (too_large(), None),
        Err(rej) => {
            return (
                Reply::refuse(Refusal::UnreadableBody, rej.body_text(), ""),
                None,
            )
        }
    };
    process(&state, &key, body).await
}

/// The `Idempotency-Key` header: a bare UUID, or (as the IETF draft writes it) a quoted one.
fn idempotency_key(headers: &HeaderMap) -> Result<String, Reply> {
    let missing = || {
        Reply::refuse(
            Refusal::MissingIdempotencyKey,
            "send the envelope's idempotencyKey in an Idempotency-Key header",
            "",
        )
    };
    let value = headers.get("idempotency-key").ok_or_else(missing)?;
    let text = value.to_str().map_err(|_| {
        Reply::refuse(
            Refusal::InvalidIdempotencyKeyHeader,
            "the Idempotency-Key header must be a UUID",
            "",
        )
    })?;
    let text = text.trim();
    let text = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    if text.is_empty() {
        return Err(missing());
    }
    Ok(text.to_owned())
}

/// Checks and stores one envelope.
///
/// The body is parsed once; its canonical hash tells a replay (200, the stored receipt) from a
/// reused key (422) before anything else, so a key already stored is answered from the store
/// whatever the definitions say today. Then the envelope is read from the same value, verified
/// (CPU-bound: on `spawn_blocking`) and inserted; the unique key in the database decides between
/// two racing inserts.
async fn process(state: &AppState, key: &str, body: Bytes) -> (Reply, Option<String>) {
    let mut value = match parse_json(&body) {
        Ok(v) => v,
        Err(e) => return (e.into(), None),
    };
    let instrument = instrument_label(&value);
    // The token is a credential: never hashed, never stored. A retry with a fresh token for the
    // same patient is the same submission.
    let token = take_subject_token(&mut value);
    let subject = match subject_of(state, token.as_deref(), &value) {
        Ok(s) => s,
        Err(refusal) => return (refusal, instrument),
    };
    let Ok((canonical, body_sha256)) = canonical_json(&value) else {
        return (internal(), instrument);
    };
    match state.store.find(key).await {
        Ok(Some((stored, receipt))) => {
            let reply = if stored == body_sha256 {
                Reply::receipt(StatusCode::OK, &receipt)
            } else {
                key_reused()
            };
            return (reply, instrument);
        }
        Ok(None) => {}
        Err(e) => return (storage_failure(&e), instrument),
    }
    if let Some(t) = &token {
        put_subject_token(&mut value, t);
    }
    let definitions = Arc::clone(&state.definitions);
    let store_unverified = state.store_unverified;
    let checked =
        tokio::task::spawn_blocking(move || check(&definitions, store_unverified, &value)).await;
    let (envelope, verified, definition) = match checked {
        Ok(Ok(done)) => done,
        Ok(Err(refusal)) => return (refusal, instrument),
        Err(_) => return (internal(), instrument),
    };
    if envelope.idempotency_key != key {
        let r = Reply::refuse(
            Refusal::IdempotencyKeyMismatch,
            "the Idempotency-Key header differs from the envelope's idempotencyKey",
            "/idempotencyKey",
        );
        return (r, instrument);
    }
    let to_json = |v: Result<String, serde_json::Error>| v.unwrap_or_else(|_| "[]".into());
    let scores = to_json(serde_json::to_string(&envelope.scores));
    let envelope_flags = to_json(serde_json::to_string(&envelope.flags));
    // A verified subject's history is the receiver's: the flags come from its stored scores,
    // whatever previousScores the browser sent.
    let history = match (&subject, definition) {
        (Some(s), Some(h)) if s.verified => Some(h),
        _ => None,
    };
    let previous_scores_from =
        (history.is_none() && !envelope.previous_scores.is_empty()).then_some("browser");
    let record = NewRecord {
        idempotency_key: key.to_owned(),
        body_sha256,
        instrument_id: envelope.instrument.id.clone(),
        instrument_version: envelope.instrument.version.clone(),
        language: envelope.language.tag.clone(),
        envelope: canonical,
        verified,
        subject,
        scores,
        flags: envelope_flags,
        previous_scores_from,
        history,
    };
    let reply = match state.store.insert(&record, new_receipt(key)).await {
        Ok(Outcome::Created(r)) => Reply::receipt(StatusCode::CREATED, &r),
        Ok(Outcome::Replayed(r)) => Reply::receipt(StatusCode::OK, &r),
        Ok(Outcome::KeyReused) => key_reused(),
        Err(e) => storage_failure(&e),
    };
    (reply, instrument)
}

/// Whom the envelope in `value` (its token taken out) is about: verified with the configured
/// keys, read only (no keys), or nobody (no token and no keys). The QuestionnaireResponse's
/// `subject` must name the token's subject, checked here before a replay is answered, so that
/// a stored submission is never acknowledged to another patient's token.
fn subject_of(
    state: &AppState,
    token: Option<&str>,
    value: &Value,
) -> Result<Option<Subject>, Reply> {
    let subject = match (token, &state.subjects) {
        // A subjectToken that is not a string: the envelope's own check refuses it.
        (None, _) if value.get(SUBJECT_TOKEN_FIELD).is_some() => return Ok(None),
        (None, None) => return Ok(None),
        (None, Some(v)) if !v.required() => return Ok(None),
        (None, Some(_)) => {
            return Err(Reply::refuse(
                Refusal::SubjectTokenMissing,
                "this receiver files answers under a subject: send the portal's subject token \
                 in subjectToken",
                "/subjectToken",
            ))
        }
        (Some(t), Some(verifier)) => {
            let sent = value
                .get("submittedAt")
                .and_then(Value::as_str)
                .unwrap_or("");
            verifier.verify(t, sent, crate::subject::now_secs())
        }
        (Some(t), None) => crate::subject::unverified(t),
    }
    .map_err(|(refusal, message)| Reply::refuse(refusal, message, "/subjectToken"))?;
    let stated = value
        .get("questionnaireResponse")
        .and_then(|qr| qr.get("subject"));
    let expected = json!({ "identifier": { "system": subject.system, "value": subject.value } });
    if stated != Some(&expected) {
        return Err(Reply::refuse(
            Refusal::Envelope(EnvelopeErrorKind::SubjectMismatch),
            "questionnaireResponse.subject must be the subject token's iss (identifier.system) \
             and sub (identifier.value)",
            "/questionnaireResponse/subject",
        ));
    }
    Ok(Some(subject))
}

/// The envelope in `value`, verified against the definitions; `false` when it was accepted
/// unverified (`--store-unverified` and an unknown instrument). With its definition: how its
/// flags come out against other previous scores.
fn check(
    definitions: &Definitions,
    store_unverified: bool,
    value: &Value,
) -> Result<(Envelope, bool, Option<History>), Reply> {
    let envelope = envelope_from_value(value)?;
    let lookup = |id: &str, version: &str| definitions.lookup(id, version);
    match verify(&envelope, &lookup) {
        Ok(()) => {
            let history = lookup(&envelope.instrument.id, &envelope.instrument.version)
                .and_then(|q| history(q, &envelope));
            Ok((envelope, true, history))
        }
        Err(e) if e.kind == EnvelopeErrorKind::UnknownInstrument && store_unverified => {
            plausible_response(&envelope.questionnaire_response)?;
            Ok((envelope, false, None))
        }
        Err(e) => Err(e.into()),
    }
}

/// The envelope in `value` checked against `q` (the made-up demo history goes through the same
/// check as a POST), with how its flags come out against a subject's stored history.
pub(crate) fn check_known(
    q: &Questionnaire,
    value: &Value,
) -> Result<(Envelope, Option<History>), String> {
    let envelope = envelope_from_value(value).map_err(|e| e.code().to_owned())?;
    let lookup = |_: &str, _: &str| Some(q.clone());
    verify(&envelope, &lookup).map_err(|e| format!("{}: {}", e.code(), e.pointer))?;
    let history = history(q.clone(), &envelope);
    Ok((envelope, history))
}

/// The envelope's flags as they come out with other previous scores (the subject's stored
/// ones), as JSON.
fn history(q: Questionnaire, envelope: &Envelope) -> Option<History> {
    let answers =
        rapport_core::response::answers_from(&q, &envelope.questionnaire_response).ok()?;
    let scores = envelope.scores.clone();
    Some(Arc::new(move |previous| {
        let raised: Vec<Flag> = flags(&q, &answers, &scores, previous);
        serde_json::to_string(&raised).unwrap_or_else(|_| "[]".into())
    }))
}

fn key_reused() -> Reply {
    Reply::refuse(
        Refusal::IdempotencyKeyReused,
        "this Idempotency-Key was already used with a different envelope; a new envelope needs a new key",
        "/idempotencyKey",
    )
}

/// What an envelope of an unknown instrument, accepted with `--store-unverified`, must still
/// be: `verify` checked its shape up to the lookup; this adds that the response is a
/// QuestionnaireResponse.
fn plausible_response(qr: &Value) -> Result<(), Reply> {
    if qr.get("resourceType").and_then(Value::as_str) == Some("QuestionnaireResponse") {
        Ok(())
    } else {
        Err(Reply::refuse(
            Refusal::Envelope(EnvelopeErrorKind::InvalidResponse),
            "questionnaireResponse must be a FHIR QuestionnaireResponse",
            "/questionnaireResponse/resourceType",
        ))
    }
}

fn new_receipt(key: &str) -> Receipt {
    Receipt {
        id: uuid::Uuid::new_v4().to_string(),
        idempotency_key: key.to_owned(),
        received_at: now_rfc3339(),
    }
}

/// The current time as RFC 3339 in UTC, with milliseconds: `2026-08-01T09:30:00.123Z`.
pub fn now_rfc3339() -> String {
    rfc3339(time::OffsetDateTime::now_utc())
}

/// `t` (in UTC) as the receiver writes times: RFC 3339 with milliseconds, so that text order is
/// time order (retention compares them as text).
pub fn rfc3339(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    t.format(&fmt)
        .or_else(|_| t.format(&time::format_description::well_known::Rfc3339))
        .unwrap_or_default()
}

/// `id@version` of the envelope's instrument, made safe for a log line.
fn instrument_label(v: &Value) -> Option<String> {
    let i = v.get("instrument")?;
    let id = i.get("id").and_then(Value::as_str).unwrap_or("?");
    let version = i.get("version").and_then(Value::as_str).unwrap_or("?");
    Some(format!("{}@{}", loggable(id, 80), loggable(version, 24)))
}

/// At most `max` characters of `s`, anything but `[A-Za-z0-9._:/|-]` replaced by `?`, so that
/// a client cannot forge log lines or smuggle text into them.
pub(crate) fn loggable(s: &str, max: usize) -> String {
    s.chars()
        .take(max)
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._:/|-".contains(c) {
                c
            } else {
                '?'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_fields_cannot_carry_text() {
        assert_eq!(loggable("abc\ndef ghi", 80), "abc?def?ghi");
        assert_eq!(loggable("0123456789", 8), "01234567");
    }

    #[test]
    fn time_is_rfc3339_utc() {
        let t = now_rfc3339();
        assert_eq!(t.len(), "2026-08-01T09:30:00.123Z".len(), "{t}");
        assert!(t.ends_with('Z') && t.as_bytes()[10] == b'T');
    }
}
