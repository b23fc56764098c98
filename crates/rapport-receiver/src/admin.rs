//! Reading and removing stored answers, every time written to the audit: `GET /api/responses`
//! (paginated), `GET /api/responses/{id}`, `DELETE /api/responses/{id or key}` (erasure),
//! `GET /api/audit`, and the retention sweep of `--retain-days`.
//!
//! Who may: the holder of the admin token (or anyone with `--demo`, which runs on loopback
//! only); erasure needs the admin token even with `--demo`. Each request that reads, exports or
//! deletes answers appends one audit row (time, actor, route, record ids or count, client
//! address, outcome): for a read before anything is answered (when the audit cannot be written
//! nothing is returned, `503`), for an erasure in the same transaction as the deletion. A
//! refused attempt goes to the log, not the audit table, so that nobody can fill the database by
//! being refused. The audit is append-only in the database itself (triggers refuse updates,
//! deletes and truncation).
//!
//! Stays out of accepting envelopes ([`crate::api`]) and of SQL ([`crate::store`]).

use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api::{authorize, now_rfc3339, AppState, ClientAddr, Listing};
use crate::reply::{storage_failure, Refusal, Reply};
use crate::store::{AuditEntry, Erase, Record};

/// Records or audit rows per page unless `limit` says otherwise.
pub const DEFAULT_PAGE: u32 = 100;
/// The largest `limit` a page may ask for.
pub const MAX_PAGE: u32 = 1000;

/// The routes for reading and removing stored answers.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/responses/{id}", get(get_response).delete(erase))
        .route("/api/audit", get(audit_page))
        .route("/api/subjects/erase", axum::routing::post(erase_subject))
}

/// `GET /api/responses`, mounted by [`crate::api::routes`] beside `POST`.
pub async fn list_responses(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Query(page): Query<PageQuery>,
) -> Response {
    let reader = Reader {
        state: &state,
        client,
        headers: &headers,
        action: "list",
        route: "GET /api/responses",
        path: "/api/responses",
    };
    reader
        .page(
            &page,
            |after, limit| state.store.page(after, limit),
            |rows| (rows.iter().map(|(_, r)| r.receipt.id.clone()).collect(), 0),
            record_json,
        )
        .await
}

/// One paginated read: who, from where, what it is called in the audit.
struct Reader<'a> {
    state: &'a AppState,
    client: Option<SocketAddr>,
    headers: &'a HeaderMap,
    action: &'a str,
    route: &'a str,
    path: &'a str,
}

impl Reader<'_> {
    /// Checks who may read, reads one page with `fetch`, audits it (`touched`: the record ids,
    /// or a count) before answering, and answers the rows shown by `show` with a `Link` to the
    /// next page.
    async fn page<T, Fut>(
        &self,
        page: &PageQuery,
        fetch: impl FnOnce(Option<i64>, u32) -> Fut,
        touched: impl FnOnce(&[(i64, T)]) -> (Vec<String>, usize),
        show: impl Fn(&T) -> Value,
    ) -> Response
    where
        Fut: std::future::Future<Output = Result<Vec<(i64, T)>, crate::store::StoreError>>,
    {
        let (state, client) = (self.state, self.client);
        let actor = match may_read(state, self.headers, client, self.action, self.route).await {
            Ok(actor) => actor,
            Err(r) => return r.into_response(),
        };
        let (after, limit) = match page.checked() {
            Ok(p) => p,
            Err(r) => return r.into_response(),
        };
        let rows = match fetch(after, limit).await {
            Ok(rows) => rows,
            Err(e) => return storage_failure(&e).into_response(),
        };
        let (ids, count) = touched(&rows);
        let audited = record(
            state,
            actor,
            self.action,
            self.route,
            ids,
            count,
            client,
            "ok",
        );
        if let Err(r) = audited.await {
            return r.into_response();
        }
        let next = (rows.len() == limit as usize)
            .then(|| rows.last().map(|(cursor, _)| *cursor))
            .flatten();
        let body: Vec<Value> = rows.iter().map(|(_, row)| show(row)).collect();
        with_next(Json(body).into_response(), self.path, next, limit)
    }
}

async fn get_response(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let route = "GET /api/responses/{id}";
    let actor = match may_read(&state, &headers, client, "read", route).await {
        Ok(actor) => actor,
        Err(r) => return r.into_response(),
    };
    let found = match state.store.get(&id).await {
        Ok(found) => found,
        Err(e) => return storage_failure(&e).into_response(),
    };
    let ids = found.iter().map(|r| r.receipt.id.clone()).collect();
    let outcome = if found.is_some() { "ok" } else { "not-found" };
    if let Err(r) = record(&state, actor, "read", route, ids, 0, client, outcome).await {
        return r.into_response();
    }
    match found {
        Some(record) => Json(record_json(&record)).into_response(),
        None => Reply::refuse(Refusal::NotFound, "no record with this id", "").into_response(),
    }
}

/// `DELETE /api/responses/{id or idempotency key}`: erasure, admin token only.
async fn erase(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let route = "DELETE /api/responses/{id}";
    let Listing::Token(token) = &state.listing else {
        let r = Reply::refuse(
            Refusal::ListingDisabled,
            "erasure needs the admin token: start the receiver with --admin-token",
            "",
        );
        refused_attempt(state.quiet, "erase", route, client, "refused 403");
        return r.into_response();
    };
    if let Err(r) = authorize(&state, token, &headers, client, "admin token") {
        let outcome = format!("refused {}", r.status.as_u16());
        refused_attempt(state.quiet, "erase", route, client, &outcome);
        return r.into_response();
    }
    let audit = |ids: &[String]| {
        let outcome = if ids.is_empty() { "not-found" } else { "ok" };
        Some(entry(
            "admin-token",
            "erase",
            route,
            ids.to_vec(),
            0,
            client,
            outcome,
        ))
    };
    match state.store.erase(Erase::IdOrKey(&id), audit).await {
        Ok(ids) if ids.is_empty() => Reply::refuse(
            Refusal::NotFound,
            "no record with this id or idempotency key",
            "",
        )
        .into_response(),
        Ok(ids) => Json(json!({ "erased": ids })).into_response(),
        // Nothing was deleted (the deletion and its audit row are one transaction).
        Err(e) => storage_failure(&e).into_response(),
    }
}

/// `POST /api/subjects/erase` with `{"system": iss, "value": sub}`: erases every record of the
/// subject (verified or not) and audits it, in one transaction; admin token only. The subject
/// travels in the body, never in the URL, and is not written to the log or the audit (the
/// audit lists the record ids).
async fn erase_subject(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let route = "POST /api/subjects/erase";
    let Listing::Token(token) = &state.listing else {
        let r = Reply::refuse(
            Refusal::ListingDisabled,
            "erasure needs the admin token: start the receiver with --admin-token",
            "",
        );
        refused_attempt(state.quiet, "erase-subject", route, client, "refused 403");
        return r.into_response();
    };
    if let Err(r) = authorize(&state, token, &headers, client, "admin token") {
        let outcome = format!("refused {}", r.status.as_u16());
        refused_attempt(state.quiet, "erase-subject", route, client, &outcome);
        return r.into_response();
    }
    if !crate::api::is_json(&headers) {
        return Reply::refuse(
            Refusal::UnsupportedMediaType,
            "send {\"system\", \"value\"} with Content-Type: application/json",
            "",
        )
        .into_response();
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Which {
        system: String,
        value: String,
    }
    let which =
        match serde_json::from_slice::<Which>(&body) {
            Ok(w) if !w.system.is_empty() && !w.value.is_empty() => w,
            _ => return Reply::refuse(
                Refusal::InvalidSubjectReference,
                "send {\"system\": the token's iss, \"value\": its sub}, both non-empty strings",
                "",
            )
            .into_response(),
        };
    let audit = |ids: &[String]| {
        let outcome = if ids.is_empty() { "not-found" } else { "ok" };
        Some(entry(
            "admin-token",
            "erase-subject",
            route,
            ids.to_vec(),
            0,
            client,
            outcome,
        ))
    };
    match state
        .store
        .erase(Erase::Subject(&which.system, &which.value), audit)
        .await
    {
        Ok(ids) => Json(json!({ "erased": ids })).into_response(),
        // Nothing was deleted (the deletion and its audit row are one transaction).
        Err(e) => storage_failure(&e).into_response(),
    }
}

/// `GET /api/audit`: the audit, oldest first, paginated like the records.
async fn audit_page(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Query(page): Query<PageQuery>,
) -> Response {
    let reader = Reader {
        state: &state,
        client,
        headers: &headers,
        action: "audit-read",
        route: "GET /api/audit",
        path: "/api/audit",
    };
    reader
        .page(
            &page,
            |after, limit| state.store.audit_page(after, limit),
            |rows| (Vec::new(), rows.len()),
            |entry: &AuditEntry| serde_json::to_value(entry).unwrap_or(Value::Null),
        )
        .await
}

/// `?after=CURSOR&limit=N`.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    after: Option<String>,
    limit: Option<String>,
}

impl PageQuery {
    fn checked(&self) -> Result<(Option<i64>, u32), Reply> {
        let after = match &self.after {
            None => None,
            Some(a) => Some(a.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| {
                Reply::refuse(
                    Refusal::InvalidQuery,
                    "after must be the cursor of a Link: rel=\"next\" header",
                    "",
                )
            })?),
        };
        let limit = match &self.limit {
            None => DEFAULT_PAGE,
            Some(l) => l
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=MAX_PAGE).contains(n))
                .ok_or_else(|| {
                    Reply::refuse(
                        Refusal::InvalidQuery,
                        format!("limit must be a number from 1 to {MAX_PAGE}"),
                        "",
                    )
                })?,
        };
        Ok((after, limit))
    }
}

/// Adds `Link: <path?after=…&limit=…>; rel="next"` when there may be more.
fn with_next(mut resp: Response, path: &str, next: Option<i64>, limit: u32) -> Response {
    if let Some(cursor) = next {
        let link = format!("<{path}?after={cursor}&limit={limit}>; rel=\"next\"");
        if let Ok(v) = HeaderValue::from_str(&link) {
            resp.headers_mut().insert(header::LINK, v);
        }
    }
    resp
}

/// Who may read (`Ok` with the actor for the audit); a refusal is audited too.
async fn may_read(
    state: &AppState,
    headers: &HeaderMap,
    client: Option<SocketAddr>,
    action: &str,
    route: &str,
) -> Result<&'static str, Reply> {
    let refused = match &state.listing {
        Listing::Open => return Ok("demo"),
        Listing::Token(token) => match authorize(state, token, headers, client, "admin token") {
            Ok(()) => return Ok("admin-token"),
            Err(r) => r,
        },
        Listing::Disabled => Reply::refuse(
            Refusal::ListingDisabled,
            "start the receiver with --admin-token or --demo",
            "",
        ),
    };
    let outcome = format!("refused {}", refused.status.as_u16());
    // A refusal that cannot be audited is still a refusal.
    refused_attempt(state.quiet, action, route, client, &outcome);
    Err(refused)
}

/// A refused attempt to read or erase, as one JSON log line (not an audit row: a refusal
/// touches no record, and rows would let anyone fill the database by being refused).
fn refused_attempt(
    quiet: bool,
    action: &str,
    route: &str,
    client: Option<SocketAddr>,
    outcome: &str,
) {
    let line = json!({
        "time": now_rfc3339(),
        "event": "refused",
        "action": action,
        "route": route,
        "client": client.map_or_else(|| "-".to_owned(), |c| c.ip().to_string()),
        "outcome": outcome,
    });
    if !quiet {
        crate::log(format_args!("{line}"));
    }
}

/// Appends an audit row; `Err` (503) when it cannot be written, so that nothing is answered
/// that the audit does not show.
#[allow(clippy::too_many_arguments)]
async fn record(
    state: &AppState,
    actor: &str,
    action: &str,
    route: &str,
    records: Vec<String>,
    count: usize,
    client: Option<SocketAddr>,
    outcome: &str,
) -> Result<(), Reply> {
    let entry = entry(actor, action, route, records, count, client, outcome);
    state.store.audit(&entry).await.map_err(|e| {
        crate::log(format_args!("rapport-receiver: audit not written: {e}"));
        Reply::refuse(
            Refusal::StorageBusy,
            "the audit could not be written, so nothing is answered; try again",
            "",
        )
        .retry_after(2)
    })
}

/// An audit row, now.
fn entry(
    actor: &str,
    action: &str,
    route: &str,
    records: Vec<String>,
    count: usize,
    client: Option<SocketAddr>,
    outcome: &str,
) -> AuditEntry {
    AuditEntry {
        at: now_rfc3339(),
        actor: actor.to_owned(),
        action: action.to_owned(),
        route: route.to_owned(),
        count: count.max(records.len()),
        records,
        client: client.map_or_else(|| "-".to_owned(), |c| c.ip().to_string()),
        outcome: outcome.to_owned(),
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
        "subject": r.subject.as_ref().map(|s| json!({
            "system": s.system,
            "value": s.value,
            "verified": s.verified,
            "name": s.name,
            "careTeam": s.care_team,
            "episode": s.episode,
        })),
        "flags": r.flags,
        "previousScoresFrom": r.previous_scores_from,
        "envelope": r.envelope,
    })
}

/// The retention sweep: deletes records received more than `days` ago, at start and then every
/// hour, writing what it removed to the log and the audit. Runs until the process stops.
pub async fn retention(state: AppState, days: u32) {
    let mut every = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every.tick().await;
        match sweep(&state, days).await {
            Ok(0) => {}
            Ok(n) => crate::log(format_args!(
                "rapport-receiver: retention: removed {n} record(s) received more than {days} day(s) ago"
            )),
            Err(e) => crate::log(format_args!("rapport-receiver: retention failed: {e}")),
        }
    }
}

/// One retention sweep; how many records it removed (deleted and audited in one transaction).
pub async fn sweep(state: &AppState, days: u32) -> Result<usize, String> {
    let cutoff = time::OffsetDateTime::now_utc() - time::Duration::days(i64::from(days));
    let cutoff = crate::api::rfc3339(cutoff);
    let route = format!("retention --retain-days {days}");
    let audit = |ids: &[String]| {
        (!ids.is_empty()).then(|| {
            entry(
                "retention",
                "retention",
                &route,
                ids.to_vec(),
                0,
                None,
                "ok",
            )
        })
    };
    let ids = state
        .store
        .erase(Erase::ReceivedBefore(&cutoff), audit)
        .await
        .map_err(|e| e.to_string())?;
    Ok(ids.len())
}
