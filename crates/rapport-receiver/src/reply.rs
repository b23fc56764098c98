//! What the API answers: every refusal is a [`Refusal`] with a stable code and an HTTP status,
//! written as `{ "error", "message", "pointer" }`. [`Refusal::all`] is the one list of codes the
//! receiver can answer (`docs/payload.md`'s table is checked against it by a test).
//!
//! Stays out of routing and storage: handlers in [`crate::api`] build [`Reply`]s from these.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rapport_core::envelope::{EnvelopeError, EnvelopeErrorKind};
use serde_json::{json, Value};

use crate::store::{Receipt, StoreError};

/// Why the receiver refused a request. The envelope's own checks are the core's
/// [`EnvelopeErrorKind`]s; the rest are the receiver's.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Refusal {
    /// The envelope failed a check of the core (`rapport_core::envelope::verify`).
    Envelope(EnvelopeErrorKind),
    /// No `Idempotency-Key` header.
    MissingIdempotencyKey,
    /// The `Idempotency-Key` header is not text.
    InvalidIdempotencyKeyHeader,
    /// The header and the envelope's `idempotencyKey` differ.
    IdempotencyKeyMismatch,
    /// The key was stored before with another envelope.
    IdempotencyKeyReused,
    /// The body could not be read.
    UnreadableBody,
    /// A query parameter (`limit`, `after`) that is not valid.
    InvalidQuery,
    /// Not `Content-Type: application/json`.
    UnsupportedMediaType,
    /// A missing or wrong bearer token.
    Unauthorized,
    /// Listing without `--admin-token` or `--demo`.
    ListingDisabled,
    /// Too many POSTs from one address.
    RateLimited,
    /// A CORS preflight from an origin that is not listed.
    OriginNotAllowed,
    /// No such route or record.
    NotFound,
    /// The database is busy; try again.
    StorageBusy,
    /// The database failed.
    StorageError,
    /// `/readyz`: the database is out of reach, replaced, or on another schema version.
    NotReady,
    /// More requests at once than the receiver handles.
    Overloaded,
    /// A request took longer than the receiver allows.
    RequestTimeout,
    /// Anything else that went wrong inside the receiver.
    InternalError,
    /// Subject keys are configured and the envelope carries no subject token.
    SubjectTokenMissing,
    /// The token's `alg` is `none`, unknown, or not one a configured key allows.
    SubjectTokenAlgorithm,
    /// No configured key verifies the token's signature.
    SubjectTokenSignature,
    /// The token's `iss` is not the configured issuer.
    SubjectTokenIssuer,
    /// The token's `aud` does not name the configured audience.
    SubjectTokenAudience,
    /// The token has expired (and the outbox rule does not save it).
    SubjectTokenExpired,
    /// The token's `iat` or `nbf` lies more than the skew in the future.
    SubjectTokenNotYetValid,
    /// `POST /api/subjects/erase` without `{"system", "value"}` as non-empty strings.
    InvalidSubjectReference,
}

impl Refusal {
    /// Every refusal the receiver can answer, the envelope's checks included.
    pub fn all() -> Vec<Refusal> {
        let mut all: Vec<Refusal> = EnvelopeErrorKind::ALL
            .into_iter()
            .map(Refusal::Envelope)
            .collect();
        all.extend([
            Refusal::MissingIdempotencyKey,
            Refusal::InvalidIdempotencyKeyHeader,
            Refusal::IdempotencyKeyMismatch,
            Refusal::IdempotencyKeyReused,
            Refusal::UnreadableBody,
            Refusal::InvalidQuery,
            Refusal::UnsupportedMediaType,
            Refusal::Unauthorized,
            Refusal::ListingDisabled,
            Refusal::RateLimited,
            Refusal::OriginNotAllowed,
            Refusal::NotFound,
            Refusal::StorageBusy,
            Refusal::StorageError,
            Refusal::NotReady,
            Refusal::Overloaded,
            Refusal::RequestTimeout,
            Refusal::InternalError,
            Refusal::SubjectTokenMissing,
            Refusal::SubjectTokenAlgorithm,
            Refusal::SubjectTokenSignature,
            Refusal::SubjectTokenIssuer,
            Refusal::SubjectTokenAudience,
            Refusal::SubjectTokenExpired,
            Refusal::SubjectTokenNotYetValid,
            Refusal::InvalidSubjectReference,
        ]);
        all
    }

    /// The stable code in the body's `error` field.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Envelope(kind) => kind.code(),
            Refusal::MissingIdempotencyKey => "missing-idempotency-key",
            // The same code as the envelope's own key check: a key that is not a UUID.
            Refusal::InvalidIdempotencyKeyHeader => "invalid-idempotency-key",
            Refusal::IdempotencyKeyMismatch => "idempotency-key-mismatch",
            Refusal::IdempotencyKeyReused => "idempotency-key-reused",
            Refusal::UnreadableBody => "unreadable-body",
            Refusal::InvalidQuery => "invalid-query",
            Refusal::UnsupportedMediaType => "unsupported-media-type",
            Refusal::Unauthorized => "unauthorized",
            Refusal::ListingDisabled => "listing-disabled",
            Refusal::RateLimited => "rate-limited",
            Refusal::OriginNotAllowed => "origin-not-allowed",
            Refusal::NotFound => "not-found",
            Refusal::StorageBusy => "storage-busy",
            Refusal::StorageError => "storage-error",
            Refusal::NotReady => "not-ready",
            Refusal::Overloaded => "overloaded",
            Refusal::RequestTimeout => "request-timeout",
            Refusal::InternalError => "internal-error",
            Refusal::SubjectTokenMissing => "subject-token-missing",
            Refusal::SubjectTokenAlgorithm => "subject-token-algorithm",
            Refusal::SubjectTokenSignature => "subject-token-signature",
            Refusal::SubjectTokenIssuer => "subject-token-issuer",
            Refusal::SubjectTokenAudience => "subject-token-audience",
            Refusal::SubjectTokenExpired => "subject-token-expired",
            Refusal::SubjectTokenNotYetValid => "subject-token-not-yet-valid",
            Refusal::InvalidSubjectReference => "invalid-subject",
        }
    }

    /// The HTTP status it is answered with.
    pub fn status(self) -> StatusCode {
        match self {
            Refusal::Envelope(EnvelopeErrorKind::TooLarge) => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::Envelope(_)
            | Refusal::IdempotencyKeyMismatch
            | Refusal::IdempotencyKeyReused => StatusCode::UNPROCESSABLE_ENTITY,
            Refusal::MissingIdempotencyKey
            | Refusal::InvalidIdempotencyKeyHeader
            | Refusal::UnreadableBody
            | Refusal::InvalidQuery => StatusCode::BAD_REQUEST,
            Refusal::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Refusal::InvalidSubjectReference => StatusCode::BAD_REQUEST,
            Refusal::Unauthorized
            | Refusal::SubjectTokenMissing
            | Refusal::SubjectTokenAlgorithm
            | Refusal::SubjectTokenSignature
            | Refusal::SubjectTokenIssuer
            | Refusal::SubjectTokenAudience
            | Refusal::SubjectTokenExpired
            | Refusal::SubjectTokenNotYetValid => StatusCode::UNAUTHORIZED,
            Refusal::ListingDisabled | Refusal::OriginNotAllowed => StatusCode::FORBIDDEN,
            Refusal::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Refusal::NotFound => StatusCode::NOT_FOUND,
            Refusal::StorageBusy | Refusal::NotReady | Refusal::Overloaded => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            Refusal::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            Refusal::StorageError | Refusal::InternalError => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// A JSON answer with its status and the headers some refusals carry.
pub struct Reply {
    /// The HTTP status.
    pub status: StatusCode,
    /// The JSON body.
    pub body: Value,
    /// `Retry-After`, in seconds.
    pub retry_after: Option<u32>,
    /// `WWW-Authenticate` for a 401.
    pub challenge: Option<String>,
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut resp = (self.status, Json(self.body)).into_response();
        if let Some(secs) = self.retry_after {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if let Some(v) = self.challenge.and_then(|c| HeaderValue::from_str(&c).ok()) {
            resp.headers_mut().insert(header::WWW_AUTHENTICATE, v);
        }
        resp
    }
}

impl Reply {
    /// A refusal: `{ error, message, pointer }` with the refusal's status. A refused subject
    /// token (401) carries `WWW-Authenticate: RapportSubject error="<code>"`, so that a portal
    /// tells it from the post token's `Bearer` challenge.
    pub fn refuse(why: Refusal, message: impl Into<String>, pointer: &str) -> Reply {
        let challenge = (why.status() == StatusCode::UNAUTHORIZED && why != Refusal::Unauthorized)
            .then(|| format!("RapportSubject error=\"{}\"", why.code()));
        Reply {
            status: why.status(),
            body: json!({ "error": why.code(), "message": message.into(), "pointer": pointer }),
            retry_after: None,
            challenge,
        }
    }

    /// With a `Retry-After` header.
    pub fn retry_after(mut self, secs: u32) -> Reply {
        self.retry_after = Some(secs);
        self
    }

    /// A receipt (201 stored, 200 replayed).
    pub fn receipt(status: StatusCode, receipt: &Receipt) -> Reply {
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
}

impl From<EnvelopeError> for Reply {
    fn from(e: EnvelopeError) -> Reply {
        Reply::refuse(Refusal::Envelope(e.kind), e.message, &e.pointer)
    }
}

/// 500: something failed inside the receiver.
pub fn internal() -> Reply {
    Reply::refuse(Refusal::InternalError, "the receiver failed; try again", "")
}

/// 503 with `Retry-After` when the database is busy or out of reach, else 500: never a `2xx`
/// for something that was not stored. The error itself goes to the log: database texts name
/// tables, constraints and hosts, never stored values.
pub fn storage_failure(e: &StoreError) -> Reply {
    crate::log(format_args!("rapport-receiver: storage error: {e}"));
    if e.is_transient() {
        Reply::refuse(
            Refusal::StorageBusy,
            "the database is busy or out of reach; try again with the same key",
            "",
        )
        .retry_after(2)
    } else {
        Reply::refuse(
            Refusal::StorageError,
            "the receiver could not store the envelope; try again with the same key",
            "",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_but_for_the_two_key_checks() {
        let all = Refusal::all();
        let mut codes: Vec<&str> = all.iter().map(|r| r.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        // `invalid-idempotency-key` is both a header (400) and an envelope (422) problem.
        assert_eq!(codes.len(), all.len() - 1);
    }
}
