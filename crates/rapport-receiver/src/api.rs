//! The HTTP API: `POST /api/responses` (verify, then store once per idempotency key),
//! `GET /api/responses[/{id}]` and `GET /healthz`.
//!
//! Every answer is JSON; every refusal is `{ "error", "message", "pointer" }` with a stable
//! code. A POST is checked, before its body is read, in this order: rate limit (429), post
//! token (401), `Content-Type: application/json` (415), `Idempotency-Key` (400). Listing needs
//! the admin token (401), or `--demo`; without either it is off (403). See [`crate::guard`]. Each POST is logged as one line with its status, the first characters of its key and
//! the instrument: never answers, bodies or free text from the envelope. Verification and
//! SQLite run on `spawn_blocking`. Stays out of CORS and static files ([`crate::web`]).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequest, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rapport_core::envelope::{verify, Envelope, EnvelopeError, MAX_ENVELOPE_BYTES};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::definitions::Definitions;
use crate::guard::{Access, RateLimiter, Token};
use crate::store::{NewRecord, Outcome, Receipt, Record, Store, StoreError};

/// What the handlers share.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub store: Arc<Store>,
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
    Router::new()
        .route("/api/responses", post(post_response).get(list_responses))
        .route("/api/responses/{id}", get(get_response))
        .route("/healthz", get(healthz))
        .layer(DefaultBodyLimit::max(MAX_ENVELOPE_BYTES))
        .with_state(state)
}

/// The answer for routes that do not exist (when no static directory is served).
pub async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "not-found", "no such resource", "").into_response()
}

async fn healthz() -> &'static str {
    "ok"
}

/// A JSON answer plus what the log line needs.
struct Reply {
    status: StatusCode,
    body: Value,
    retry_after: Option<u32>,
    /// `WWW-Authenticate` for a 401.
    challenge: Option<&'static str>,
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut resp = (self.status, Json(self.body)).into_response();
        if let Some(secs) = self.retry_after {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if let Some(challenge) = self.challenge {
            resp.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        resp
    }
}

fn error(status: StatusCode, code: &str, message: impl Into<String>, pointer: &str) -> Reply {
    Reply {
        status,
        body: json!({ "error": code, "message": message.into(), "pointer": pointer }),
        retry_after: None,
        challenge: None,
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
    let mut r = error(StatusCode::UNAUTHORIZED, "unauthorized", message, "");
    r.challenge = Some(challenge);
    r
}

/// Whether `headers` may read the stored records.
fn may_list(state: &AppState, headers: &HeaderMap) -> Result<(), Reply> {
    match &state.listing {
        Listing::Open => Ok(()),
        Listing::Token(token) => match token.check(headers) {
            Access::Granted => Ok(()),
            denied => Err(unauthorized(denied, "admin token")),
        },
        Listing::Disabled => Err(error(
            StatusCode::FORBIDDEN,
            "listing-disabled",
            "start the receiver with --admin-token or --demo",
            "",
        )),
    }
}

/// Whether the `Content-Type` is `application/json` (parameters such as a charset allowed).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim())
        .is_some_and(|m| m.eq_ignore_ascii_case("application/json"))
}

/// The checks a POST passes before its body is read: rate limit, token, content type.
fn admit(state: &AppState, headers: &HeaderMap, client: Option<SocketAddr>) -> Result<(), Reply> {
    if let Err(secs) = state.limiter.check(client) {
        let mut r = error(
            StatusCode::TOO_MANY_REQUESTS,
            "rate-limited",
            format!(
                "too many envelopes from this address; try again in {secs} s with the same key"
            ),
            "",
        );
        r.retry_after = Some(secs);
        return Err(r);
    }
    if let Some(token) = &state.post_token {
        match token.check(headers) {
            Access::Granted => {}
            denied => return Err(unauthorized(denied, "post token")),
        }
    }
    if !is_json(headers) {
        return Err(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "send the envelope with Content-Type: application/json",
            "",
        ));
    }
    Ok(())
}

fn refused(e: EnvelopeError) -> Reply {
    let status = if e.error == "too-large" {
        StatusCode::PAYLOAD_TOO_LARGE
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    error(status, e.error, e.message, &e.pointer)
}

fn receipt_reply(status: StatusCode, receipt: &Receipt) -> Reply {
    match serde_json::to_value(receipt) {
        Ok(body) => Reply {
            status,
            body,
            retry_after: None,
            challenge: None,
        },
        Err(_) => internal(),
    }
}

fn internal() -> Reply {
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal-error",
        "the receiver failed; try again",
        "",
    )
}

fn storage_failure(e: &StoreError) -> Reply {
    // SQLite error texts name tables and constraints, never stored values.
    eprintln!("rapport-receiver: storage error: {e}");
    let busy = matches!(
        e,
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    );
    if busy {
        let mut r = error(
            StatusCode::SERVICE_UNAVAILABLE,
            "storage-busy",
            "the database is busy; try again with the same key",
            "",
        );
        r.retry_after = Some(2);
        r
    } else {
        error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "storage-error",
            "the receiver could not store the envelope; try again with the same key",
            "",
        )
    }
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
    let quiet = state.quiet;
    let (reply, instrument) = match admit(&state, &headers, client) {
        Err(refusal) => (refusal, None),
        // Only now is the body read (up to the DefaultBodyLimit).
        Ok(()) => {
            let body = Bytes::from_request(req, &()).await;
            accept(state, &headers, body).await
        }
    };
    if !quiet {
        eprintln!(
            "POST /api/responses {} key={key_prefix} instrument={}",
            reply.status.as_u16(),
            instrument.as_deref().unwrap_or("-"),
        );
    }
    reply.into_response()
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
        error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
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
                error(
                    StatusCode::BAD_REQUEST,
                    "unreadable-body",
                    rej.body_text(),
                    "",
                ),
                None,
            )
        }
    };
    match tokio::task::spawn_blocking(move || process(&state, &key, &body)).await {
        Ok(done) => done,
        Err(_) => (internal(), None),
    }
}

/// The `Idempotency-Key` header: a bare UUID, or (as the IETF draft writes it) a quoted one.
fn idempotency_key(headers: &HeaderMap) -> Result<String, Reply> {
    let missing = || {
        error(
            StatusCode::BAD_REQUEST,
            "missing-idempotency-key",
            "send the envelope's idempotencyKey in an Idempotency-Key header",
            "",
        )
    };
    let value = headers.get("idempotency-key").ok_or_else(missing)?;
    let text = value.to_str().map_err(|_| {
        error(
            StatusCode::BAD_REQUEST,
            "invalid-idempotency-key",
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

/// Checks and stores one envelope. Blocking: runs on `spawn_blocking`.
fn process(state: &AppState, key: &str, body: &[u8]) -> (Reply, Option<String>) {
    let parsed: Option<Value> = serde_json::from_slice(body).ok();
    let instrument = parsed.as_ref().and_then(instrument_label);
    let hash = match parsed.as_ref().map(canonical_json).transpose() {
        Ok(c) => c.map(|(_, hash)| hash),
        Err(_) => return (internal(), instrument),
    };

    // A key already stored is answered from the store, whatever the definitions say today.
    if let Some(hash) = &hash {
        match state.store.find(key) {
            Ok(Some((stored, receipt))) => {
                let reply = if &stored == hash {
                    receipt_reply(StatusCode::OK, &receipt)
                } else {
                    key_reused()
                };
                return (reply, instrument);
            }
            Ok(None) => {}
            Err(e) => return (storage_failure(&e), instrument),
        }
    }

    let lookup = |id: &str, version: &str| state.definitions.lookup(id, version);
    let (envelope, verified) = match verify(body, &lookup) {
        Ok(v) => (v.envelope, true),
        Err(e) if e.error == "unknown-instrument" && state.store_unverified => {
            match unverified(body) {
                Ok(env) => (env, false),
                Err(r) => return (r, instrument),
            }
        }
        Err(e) => return (refused(e), instrument),
    };
    if envelope.idempotency_key != key {
        let r = error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency-key-mismatch",
            "the Idempotency-Key header differs from the envelope's idempotencyKey",
            "/idempotencyKey",
        );
        return (r, instrument);
    }
    let Some(value) = parsed else {
        return (internal(), instrument);
    };
    let (canonical, body_sha256) = match canonical_json(&value) {
        Ok(c) => c,
        Err(_) => return (internal(), instrument),
    };
    let record = NewRecord {
        idempotency_key: key.to_owned(),
        body_sha256,
        instrument_id: envelope.instrument.id.clone(),
        instrument_version: envelope.instrument.version.clone(),
        language: envelope.language.tag.clone(),
        envelope: canonical,
        verified,
    };
    let reply = match state.store.insert(&record, || new_receipt(key)) {
        Ok(Outcome::Created(r)) => receipt_reply(StatusCode::CREATED, &r),
        Ok(Outcome::Replayed(r)) => receipt_reply(StatusCode::OK, &r),
        Ok(Outcome::KeyReused) => key_reused(),
        Err(e) => storage_failure(&e),
    };
    (reply, instrument)
}

fn key_reused() -> Reply {
    error(
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
        "this Idempotency-Key was already used with a different envelope; a new envelope needs a new key",
        "/idempotencyKey",
    )
}

/// An envelope of an unknown instrument, accepted with `--store-unverified`. `verify` has
/// already checked its shape up to the lookup; this adds that the response is a
/// QuestionnaireResponse.
fn unverified(body: &[u8]) -> Result<Envelope, Reply> {
    let envelope: Envelope = serde_json::from_slice(body).map_err(|e| {
        error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid-envelope",
            format!("not a valid envelope: {e}"),
            "",
        )
    })?;
    let qr = &envelope.questionnaire_response;
    if qr.get("resourceType").and_then(Value::as_str) != Some("QuestionnaireResponse") {
        return Err(error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid-response",
            "questionnaireResponse must be a FHIR QuestionnaireResponse",
            "/questionnaireResponse/resourceType",
        ));
    }
    Ok(envelope)
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
    let now = time::OffsetDateTime::now_utc();
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    now.format(&fmt)
        .or_else(|_| now.format(&time::format_description::well_known::Rfc3339))
        .unwrap_or_default()
}

/// The JSON text of `v` with object keys sorted at every level (so the hash does not depend on
/// serde_json's map order or on whitespace), and its hex SHA-256.
pub fn canonical_json(v: &Value) -> Result<(String, String), serde_json::Error> {
    let mut out = Vec::new();
    write_canonical(v, &mut out)?;
    let digest = Sha256::digest(&out);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok((String::from_utf8_lossy(&out).into_owned(), hex))
}

fn write_canonical(v: &Value, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    // serde_json's parser refuses nesting deeper than 128, so this recursion is bounded.
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push(b'{');
            for (i, (k, val)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                serde_json::to_writer(&mut *out, k)?;
                out.push(b':');
                write_canonical(val, out)?;
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out)?;
            }
            out.push(b']');
        }
        scalar => serde_json::to_writer(&mut *out, scalar)?,
    }
    Ok(())
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
fn loggable(s: &str, max: usize) -> String {
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

async fn list_responses(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(r) = may_list(&state, &headers) {
        return r.into_response();
    }
    let store = Arc::clone(&state.store);
    match tokio::task::spawn_blocking(move || store.list()).await {
        Ok(Ok(records)) => {
            Json(records.iter().map(record_json).collect::<Vec<_>>()).into_response()
        }
        Ok(Err(e)) => storage_failure(&e).into_response(),
        Err(_) => internal().into_response(),
    }
}

async fn get_response(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(r) = may_list(&state, &headers) {
        return r.into_response();
    }
    let store = Arc::clone(&state.store);
    match tokio::task::spawn_blocking(move || store.get(&id)).await {
        Ok(Ok(Some(record))) => Json(record_json(&record)).into_response(),
        Ok(Ok(None)) => error(
            StatusCode::NOT_FOUND,
            "not-found",
            "no record with this id",
            "",
        )
        .into_response(),
        Ok(Err(e)) => storage_failure(&e).into_response(),
        Err(_) => internal().into_response(),
    }
}

/// A stored record as the API shows it.
pub fn record_json(r: &Record) -> Value {
    json!({
        "id": r.receipt.id,
        "idempotencyKey": r.receipt.idempotency_key,
        "receivedAt": r.receipt.received_at,
        "instrument": r.envelope.get("instrument").cloned().unwrap_or(Value::Null),
        "verified": r.verified,
        "envelope": r.envelope,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_and_ignores_whitespace() {
        let a: Value = serde_json::from_str(r#"{"b": 1, "a": {"y": [1, 2], "x": null}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"a":{"x":null,"y":[1,2]},"b":1}"#).unwrap();
        let (ta, ha) = canonical_json(&a).unwrap();
        let (_, hb) = canonical_json(&b).unwrap();
        assert_eq!(ta, r#"{"a":{"x":null,"y":[1,2]},"b":1}"#);
        assert_eq!(ha, hb);
        assert_eq!(ha.len(), 64);
    }

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
