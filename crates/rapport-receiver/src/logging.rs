//! One JSON line per request on standard error: time, a request id (also sent back as
//! `X-Request-Id`, to match a client's report with the log), method, the route's template
//! (never the path itself, which may hold a record id), status, duration, client address, and
//! for envelopes the first characters of the idempotency key and the instrument, for `$expand`
//! the value set asked for. Never answers,
//! bodies, tokens or query strings. `--quiet` turns it off.

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use serde_json::{json, Value};

/// What a handler adds to its request's log line (put in the response's extensions).
#[derive(Clone, Debug, Default)]
pub struct LogFields {
    /// The first characters of the `Idempotency-Key`, made safe for a log.
    pub key: Option<String>,
    /// `id@version` of the envelope's instrument, made safe for a log.
    pub instrument: Option<String>,
    /// The value set a `$expand` asked for (`url|version`), made safe for a log: terminology,
    /// not health data.
    pub value_set: Option<String>,
}

/// The middleware: `quiet` is `--quiet`.
pub async fn log_requests(State(quiet): State<bool>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = uuid::Uuid::new_v4().simple().to_string();
    let method = req.method().to_string();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(static)".to_owned(), |m| m.as_str().to_owned());
    let client = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "-".to_owned(), |c| c.0.ip().to_string());
    let mut resp = next.run(req).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    if !quiet {
        let fields = resp
            .extensions()
            .get::<LogFields>()
            .cloned()
            .unwrap_or_default();
        let mut line = json!({
            "time": crate::api::now_rfc3339(),
            "request_id": id,
            "method": method,
            "route": route,
            "status": resp.status().as_u16(),
            "ms": started.elapsed().as_secs_f64() * 1000.0,
            "client": client,
        });
        if let Value::Object(map) = &mut line {
            if let Some(k) = fields.key {
                map.insert("key".into(), Value::from(k));
            }
            if let Some(i) = fields.instrument {
                map.insert("instrument".into(), Value::from(i));
            }
            if let Some(v) = fields.value_set {
                map.insert("value_set".into(), Value::from(v));
            }
        }
        crate::log(format_args!("{line}"));
    }
    resp
}
