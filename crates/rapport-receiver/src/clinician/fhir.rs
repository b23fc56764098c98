//! A read-only FHIR R4 API for the clinic's own systems (issue 16, point 4), on with the
//! clinician's view:
//!
//! - `GET /fhir/QuestionnaireResponse?subject=<system>|<value>` (also `subject:identifier=`),
//!   optionally `&questionnaire=<url>` or `<url>|<version>` and `&authored=` with the prefixes
//!   `eq` (none), `ge`, `gt`, `le`, `lt` and a date or an RFC 3339 time (repeatable, e.g. a
//!   range): a `searchset` Bundle of the subject's QuestionnaireResponses, oldest first. Another
//!   parameter answers 400 (rather than ignoring it and returning more than was asked for).
//! - `GET /fhir/Questionnaire/{id}`: a definition the receiver knows, by the id envelopes use
//!   (bundled id, `name`) or its `url`, newest loaded version.
//!
//! Every request carries `Authorization: Bearer <access token>`: a JWT (RFC 9068) from the same
//! OpenID provider as the clinicians' sign-in, verified against the provider's JWKS (found
//! through its discovery document, kept, and fetched again for a key id it does not have), with
//! `iss` the configured issuer, `aud` naming the receiver's client id (`--oidc-client-id`, the
//! receiver being the resource server), `exp` in the future. The token's `--clinician-claim`
//! and `--groups-claim` make the same [`Viewer`] as a sign-in, so the same care-team rule
//! scopes the answers: a subject the caller may not see gives an empty result, exactly like
//! one without answers. Searches are audited (`fhir-search`, with the record ids). Errors are
//! `OperationOutcome`s with an issue code and no words (nothing here is read by people).

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Extensions, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{json, Map, Value};
use time::format_description::well_known::Rfc3339;
use time::{Date, Duration, OffsetDateTime};
use tokio::sync::RwLock;

use super::{client_of, export, Settings, Viewer};
use crate::store::{AuditEntry, Store};

/// The audit action of a search.
pub const SEARCH_ACTION: &str = "fhir-search";

/// Why a bearer token was not accepted.
#[derive(Debug)]
pub enum TokenError {
    /// The provider's keys could not be fetched (503).
    Unavailable(String),
    /// The token did not check out (401). The text names no token.
    Invalid(String),
}

/// The provider's signing keys, discovered and kept.
pub struct Keys {
    issuer: String,
    audience: String,
    http: reqwest::Client,
    cached: RwLock<Option<JwkSet>>,
    /// When the keys were last fetched: a token with an unknown key id fetches them again at
    /// most every [`REFETCH_SECS`], so made-up key ids cannot make the receiver hammer the
    /// provider.
    fetched_at: RwLock<Option<std::time::Instant>>,
}

/// The least time between two fetches of the provider's keys, in seconds.
pub const REFETCH_SECS: u64 = 30;

impl Keys {
    /// Keys of `issuer` for tokens whose `aud` names `audience`; nothing is fetched yet.
    pub fn new(issuer: &str, audience: &str) -> Result<Keys, String> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Keys {
            issuer: issuer.trim_end_matches('/').to_owned(),
            audience: audience.to_owned(),
            http,
            cached: RwLock::new(None),
            fetched_at: RwLock::new(None),
        })
    }

    async fn get_json(&self, url: &str) -> Result<Value, TokenError> {
        let unavailable =
            |e: &dyn std::fmt::Display| TokenError::Unavailable(format!("{url}: {e}"));
        let resp = self
            .http
            .get(url)
            .send()
            .await
            .map_err(|e| unavailable(&e))?;
        if !resp.status().is_success() {
            return Err(unavailable(&resp.status()));
        }
        let bytes = resp.bytes().await.map_err(|e| unavailable(&e))?;
        serde_json::from_slice(&bytes).map_err(|e| unavailable(&e))
    }

    /// Discovery, then the JWKS it names.
    async fn fetch(&self) -> Result<JwkSet, TokenError> {
        {
            let mut last = self.fetched_at.write().await;
            let recent = last.is_some_and(|t| t.elapsed().as_secs() < REFETCH_SECS);
            if recent {
                if let Some(set) = self.cached.read().await.clone() {
                    return Ok(set);
                }
            }
            *last = Some(std::time::Instant::now());
        }
        let discovery = self
            .get_json(&format!("{}/.well-known/openid-configuration", self.issuer))
            .await?;
        let named = discovery.get("issuer").and_then(Value::as_str);
        if named.map(|i| i.trim_end_matches('/')) != Some(self.issuer.as_str()) {
            return Err(TokenError::Unavailable(
                "the discovery document names another issuer".into(),
            ));
        }
        let Some(jwks_uri) = discovery.get("jwks_uri").and_then(Value::as_str) else {
            return Err(TokenError::Unavailable(
                "the discovery document has no jwks_uri".into(),
            ));
        };
        let set = self.get_json(jwks_uri).await?;
        let set: JwkSet = serde_json::from_value(set)
            .map_err(|e| TokenError::Unavailable(format!("JWKS: {e}")))?;
        *self.cached.write().await = Some(set.clone());
        Ok(set)
    }

    /// The claims of `token` once its signature, issuer, audience and expiry check out.
    pub async fn verify(&self, token: &str) -> Result<Map<String, Value>, TokenError> {
        let invalid = |what: &str| TokenError::Invalid(what.to_owned());
        let header = jsonwebtoken::decode_header(token).map_err(|_| invalid("not a JWT"))?;
        if matches!(
            header.alg,
            Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512
        ) {
            return Err(invalid("a shared-secret alg"));
        }
        let kid = header.kid.as_deref();
        let pick = |set: &JwkSet| match kid {
            Some(kid) => set.find(kid).cloned(),
            None if set.keys.len() == 1 => set.keys.first().cloned(),
            None => None,
        };
        let cached = self.cached.read().await.as_ref().and_then(pick);
        let jwk = match cached {
            Some(k) => k,
            // A key the cached set does not have (or no set yet): discover once more.
            None => pick(&self.fetch().await?).ok_or_else(|| invalid("no key of the provider"))?,
        };
        let key = DecodingKey::from_jwk(&jwk).map_err(|_| invalid("an unusable key"))?;
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud"]);
        validation.leeway = 30;
        jsonwebtoken::decode::<Map<String, Value>>(token, &key, &validation)
            .map(|d| d.claims)
            .map_err(|e| TokenError::Invalid(format!("rejected: {:?}", e.kind())))
    }
}

/// What the FHIR routes share.
pub struct FhirState {
    settings: Settings,
    keys: Keys,
    store: Store,
    definitions: Arc<crate::Definitions>,
}

type Shared = Arc<FhirState>;

/// The FHIR routes, for the clinician's router.
pub fn routes(
    settings: &Settings,
    store: Store,
    definitions: Arc<crate::Definitions>,
) -> Result<Router, crate::Error> {
    let keys = Keys::new(&settings.issuer, &settings.client_id).map_err(crate::Error::Config)?;
    let state = Arc::new(FhirState {
        settings: settings.clone(),
        keys,
        store,
        definitions,
    });
    Ok(Router::new()
        .route("/fhir/QuestionnaireResponse", get(search))
        .route("/fhir/Questionnaire/{id}", get(questionnaire))
        .with_state(state))
}

/// A FHIR answer: the resource as `application/fhir+json`, never cached.
fn fhir(status: StatusCode, resource: &Value) -> Response {
    let body = serde_json::to_vec(resource).unwrap_or_default();
    let mut resp = (status, body).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/fhir+json; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    resp
}

/// An `OperationOutcome` with one error `code`.
fn outcome(status: StatusCode, code: &str) -> Response {
    fhir(
        status,
        &json!({
            "resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": code}],
        }),
    )
}

/// The caller of a request: its bearer token, verified, as a [`Viewer`].
async fn caller(state: &FhirState, headers: &HeaderMap) -> Result<Viewer, Response> {
    let unauthorised = |error: &str| {
        let mut r = outcome(StatusCode::UNAUTHORIZED, "login");
        if let Ok(v) = HeaderValue::from_str(&format!("Bearer error=\"{error}\"")) {
            r.headers_mut().insert(header::WWW_AUTHENTICATE, v);
        }
        r
    };
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim);
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return Err(unauthorised("invalid_request"));
    };
    let claims = match state.keys.verify(token).await {
        Ok(c) => c,
        Err(TokenError::Unavailable(e)) => {
            crate::log(format_args!("rapport-receiver: FHIR API: {e}"));
            return Err(outcome(StatusCode::SERVICE_UNAVAILABLE, "transient"));
        }
        Err(TokenError::Invalid(_)) => return Err(unauthorised("invalid_token")),
    };
    let Some(clinician_id) = claims
        .get(&state.settings.clinician_claim)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    else {
        return Err(unauthorised("invalid_token"));
    };
    let groups: Vec<&str> = match claims.get(&state.settings.groups_claim) {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(s)) => vec![s.as_str()],
        _ => Vec::new(),
    };
    Ok(Viewer {
        clinician_id: clinician_id.to_owned(),
        name: clinician_id.to_owned(),
        whole_clinic: state
            .settings
            .clinic_wide_group
            .as_ref()
            .is_some_and(|g| groups.contains(&g.as_str())),
        csrf: String::new(),
    })
}

/// One `authored` condition: the time range its value stands for and the prefix.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Authored {
    prefix: Prefix,
    /// The first instant the value covers.
    start: OffsetDateTime,
    /// The first instant after it (a date: the next day; a time: the next nanosecond).
    end: OffsetDateTime,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Prefix {
    Eq,
    Ge,
    Gt,
    Le,
    Lt,
}

impl Authored {
    /// `[prefix]date` or `[prefix]dateTime` (RFC 3339); `None` when it is neither.
    pub fn parse(text: &str) -> Option<Authored> {
        let (prefix, rest) = match text.get(..2) {
            Some("eq") => (Prefix::Eq, &text[2..]),
            Some("ge") => (Prefix::Ge, &text[2..]),
            Some("gt") => (Prefix::Gt, &text[2..]),
            Some("le") => (Prefix::Le, &text[2..]),
            Some("lt") => (Prefix::Lt, &text[2..]),
            _ => (Prefix::Eq, text),
        };
        if let Ok(t) = OffsetDateTime::parse(rest, &Rfc3339) {
            return Some(Authored {
                prefix,
                start: t,
                end: t + Duration::nanoseconds(1),
            });
        }
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let day = Date::parse(rest, &format).ok()?;
        let start = day.midnight().assume_utc();
        Some(Authored {
            prefix,
            start,
            end: start + Duration::days(1),
        })
    }

    /// Whether a response authored at `at` matches.
    pub fn matches(&self, at: OffsetDateTime) -> bool {
        match self.prefix {
            Prefix::Eq => self.start <= at && at < self.end,
            Prefix::Ge => at >= self.start,
            Prefix::Gt => at >= self.end,
            Prefix::Le => at < self.end,
            Prefix::Lt => at < self.start,
        }
    }
}

/// `GET /fhir/QuestionnaireResponse`: see the module's documentation.
async fn search(
    State(state): State<Shared>,
    extensions: Extensions,
    headers: HeaderMap,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let viewer = match caller(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut subject = None;
    let mut questionnaire = None;
    let mut authored = Vec::new();
    for (name, value) in &params {
        match name.as_str() {
            "subject" | "subject:identifier" => match value.split_once('|') {
                Some((s, v)) if !s.is_empty() && !v.is_empty() && subject.is_none() => {
                    subject = Some((s.to_owned(), v.to_owned()));
                }
                _ => return outcome(StatusCode::BAD_REQUEST, "invalid"),
            },
            "questionnaire" if questionnaire.is_none() => questionnaire = Some(value.clone()),
            "authored" => match Authored::parse(value) {
                Some(a) => authored.push(a),
                None => return outcome(StatusCode::BAD_REQUEST, "invalid"),
            },
            _ => return outcome(StatusCode::BAD_REQUEST, "not-supported"),
        }
    }
    let Some((system, value)) = subject else {
        return outcome(StatusCode::BAD_REQUEST, "required");
    };
    let latest = match state.store.latest_by_subject().await {
        Ok(l) => l,
        Err(e) => {
            crate::log(format_args!("rapport-receiver: FHIR search not read: {e}"));
            return outcome(StatusCode::SERVICE_UNAVAILABLE, "transient");
        }
    };
    let seen =
        export::visible_subjects(&viewer, &latest).contains(&(system.clone(), value.clone()));
    let records = if seen {
        match state.store.export_subject_records(&system, &value).await {
            Ok(r) => r,
            Err(e) => {
                crate::log(format_args!("rapport-receiver: FHIR search not read: {e}"));
                return outcome(StatusCode::SERVICE_UNAVAILABLE, "transient");
            }
        }
    } else {
        Vec::new()
    };
    let records: Vec<_> = records
        .into_iter()
        .filter(|r| {
            let qr = &r.envelope["questionnaireResponse"];
            let named = qr
                .get("questionnaire")
                .and_then(Value::as_str)
                .unwrap_or("");
            let fits_questionnaire = questionnaire.as_deref().is_none_or(|q| {
                named == q || named.split_once('|').is_some_and(|(url, _)| url == q)
            });
            let at = qr
                .get("authored")
                .and_then(Value::as_str)
                .and_then(|t| OffsetDateTime::parse(t, &Rfc3339).ok());
            let fits_time =
                authored.is_empty() || at.is_some_and(|at| authored.iter().all(|a| a.matches(at)));
            fits_questionnaire && fits_time
        })
        .collect();
    let ids: Vec<String> = records.iter().map(|r| r.receipt.id.clone()).collect();
    let entry = AuditEntry {
        at: crate::api::now_rfc3339(),
        actor: format!("clinician:{}", viewer.clinician_id),
        action: SEARCH_ACTION.to_owned(),
        route: "GET /fhir/QuestionnaireResponse".to_owned(),
        count: ids.len(),
        records: ids,
        client: client_of(&extensions).map_or_else(|| "-".to_owned(), |c| c.ip().to_string()),
        outcome: "ok".to_owned(),
    };
    if let Err(e) = state.store.audit(&entry).await {
        crate::log(format_args!(
            "rapport-receiver: audit of a FHIR search not written: {e}"
        ));
        return outcome(StatusCode::SERVICE_UNAVAILABLE, "transient");
    }
    let mut bundle = export::bundle_json(&records, &crate::api::now_rfc3339());
    if let Some(b) = bundle.as_object_mut() {
        b.insert("type".into(), json!("searchset"));
        b.insert("total".into(), json!(records.len()));
        if let Some(Value::Array(entries)) = b.get_mut("entry") {
            for e in entries {
                e["search"] = json!({"mode": "match"});
            }
        }
    }
    fhir(StatusCode::OK, &bundle)
}

/// `GET /fhir/Questionnaire/{id}`: the newest loaded version of the definition with this id.
async fn questionnaire(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(r) = caller(&state, &headers).await {
        return r;
    }
    let found = state
        .definitions
        .all()
        .iter()
        .rfind(|l| l.ids.contains(&id));
    match found {
        Some(l) => fhir(StatusCode::OK, &l.json),
        None => outcome(StatusCode::NOT_FOUND, "not-found"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(t: &str) -> OffsetDateTime {
        OffsetDateTime::parse(t, &Rfc3339).unwrap()
    }

    #[test]
    fn authored_prefixes_cover_days_and_instants() {
        let ge = Authored::parse("ge2026-11-02").unwrap();
        assert!(!ge.matches(at("2026-11-01T23:59:59Z")));
        assert!(ge.matches(at("2026-11-02T00:00:00Z")));
        let le = Authored::parse("le2026-11-02").unwrap();
        assert!(le.matches(at("2026-11-02T23:59:59Z")));
        assert!(!le.matches(at("2026-11-03T00:00:00Z")));
        let eq = Authored::parse("2026-11-02").unwrap();
        assert!(eq.matches(at("2026-11-02T12:00:00Z")));
        assert!(!eq.matches(at("2026-11-03T12:00:00Z")));
        let gt = Authored::parse("gt2026-11-02T10:00:00Z").unwrap();
        assert!(!gt.matches(at("2026-11-02T10:00:00Z")));
        assert!(gt.matches(at("2026-11-02T10:00:00.001Z")));
        let lt = Authored::parse("lt2026-11-02T10:00:00+01:00").unwrap();
        assert!(lt.matches(at("2026-11-02T08:59:59Z")));
        assert!(!lt.matches(at("2026-11-02T09:00:00Z")));
        assert!(Authored::parse("ge2026-13-01").is_none());
        assert!(Authored::parse("soon").is_none());
    }
}
