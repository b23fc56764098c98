//! The demo portal's server side, under `--demo` only (which runs on loopback only): the
//! receiver mints subject tokens for the demo patients listed in `demo/patients.json` under the
//! static directory, signed HS256 with a secret made for this process, and verifies them like a
//! portal's (issuer [`DEMO_ISSUER`], audience [`DEMO_AUDIENCE`]). `GET
//! /demo/subject-token?patient=ID` answers `{"token", "expiresIn"}`; an unknown id is 404.
//!
//! A real portal mints its tokens itself (`docs/examples/`); nothing here is for real patients.

use std::path::Path;

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde::Deserialize;
use serde_json::json;

use crate::api::AppState;
use crate::reply::{internal, Refusal, Reply};
use crate::subject::{Verifier, DEFAULT_GRACE_SECS};
use crate::Error;

/// The demo portal's `iss`.
pub const DEMO_ISSUER: &str = "urn:rapport:demo-portal";
/// The audience the demo portal's tokens name.
pub const DEMO_AUDIENCE: &str = "rapport-demo";
/// How long a demo token is valid, in seconds.
pub const DEMO_TOKEN_SECS: i64 = 900;
/// Where the demo patients are listed, under the static directory.
pub const PATIENTS_FILE: &str = "demo/patients.json";

/// One demo patient: a pseudonymous id, a display label and a care team.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Patient {
    /// The `sub` (e.g. `demo-ana`).
    pub id: String,
    /// The `name` claim: a display label.
    pub name: String,
    /// The `care_team` claim.
    #[serde(default)]
    pub care_team: Vec<String>,
}

/// The demo portal: its secret (made per process) and its patients. `Debug` hides the secret.
pub struct DemoPortal {
    secret: Vec<u8>,
    patients: Vec<Patient>,
}

impl std::fmt::Debug for DemoPortal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DemoPortal")
            .field("patients", &self.patients.len())
            .finish_non_exhaustive()
    }
}

impl DemoPortal {
    /// A demo portal with a fresh random secret and the patients of `static_dir`'s
    /// [`PATIENTS_FILE`] (none without a static directory or that file).
    pub fn new(static_dir: Option<&Path>) -> Result<DemoPortal, Error> {
        let mut secret = Vec::with_capacity(32);
        // Two version-4 UUIDs: 244 random bits from the system's generator.
        for _ in 0..2 {
            secret.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
        }
        let patients = match static_dir.map(|d| d.join(PATIENTS_FILE)) {
            Some(path) if path.is_file() => {
                let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
                serde_json::from_str(&text).map_err(|e| {
                    Error::Config(format!(
                        "{}: not a list of {{id, name, careTeam}}: {e}",
                        path.display()
                    ))
                })?
            }
            _ => Vec::new(),
        };
        Ok(DemoPortal { secret, patients })
    }

    /// The demo patients.
    pub fn patients(&self) -> &[Patient] {
        &self.patients
    }

    /// The verifier for this portal's tokens. A token is verified when there is one; an
    /// envelope without one is still taken (the demo page also runs without a signed-in
    /// patient).
    pub fn verifier(&self) -> Result<Verifier, Error> {
        Verifier::new(
            DEMO_ISSUER,
            DEMO_AUDIENCE,
            Some(&self.secret),
            &[],
            DEFAULT_GRACE_SECS,
        )
        .map(Verifier::token_optional)
        .map_err(Error::Config)
    }

    /// A token for the patient `id`, valid from `now` (seconds since the epoch) for
    /// [`DEMO_TOKEN_SECS`]; `None` for an unknown id.
    pub fn mint(&self, id: &str, now: i64) -> Option<Result<String, jsonwebtoken::errors::Error>> {
        let p = self.patients.iter().find(|p| p.id == id)?;
        Some(self.mint_for(p, now))
    }

    /// A token for the made-up patient `p` (the demo patients, or the demo history's others).
    pub fn mint_for(&self, p: &Patient, now: i64) -> Result<String, jsonwebtoken::errors::Error> {
        let claims = json!({
            "iss": DEMO_ISSUER,
            "aud": DEMO_AUDIENCE,
            "sub": p.id,
            "name": p.name,
            "care_team": p.care_team,
            "iat": now,
            "exp": now + DEMO_TOKEN_SECS,
        });
        EncodingKey::from_secret(&self.secret)
            .and_then(|key| jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &key))
    }
}

/// `GET /demo/subject-token` (mounted only with `--demo`).
pub fn routes() -> Router<AppState> {
    Router::new().route("/demo/subject-token", get(subject_token))
}

/// `?patient=ID`.
#[derive(Debug, Deserialize)]
struct TokenQuery {
    patient: Option<String>,
}

async fn subject_token(State(state): State<AppState>, Query(query): Query<TokenQuery>) -> Response {
    let not_found = || Reply::refuse(Refusal::NotFound, "no such demo patient", "").into_response();
    let (Some(portal), Some(id)) = (&state.demo_portal, query.patient) else {
        return not_found();
    };
    match portal.mint(&id, crate::subject::now_secs()) {
        None => not_found(),
        Some(Err(_)) => internal().into_response(),
        Some(Ok(token)) => (
            [(header::CACHE_CONTROL, "no-store")],
            Json(json!({ "token": token, "expiresIn": DEMO_TOKEN_SECS })),
        )
            .into_response(),
    }
}
