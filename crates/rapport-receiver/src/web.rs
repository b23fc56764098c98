//! What the receiver does for browsers: CORS for the origins listed with `--allow-origin`
//! (and for no other), and the static files of `--static-dir` (the demo page and the widget)
//! with the right `Content-Type` for `.wasm`, `.ftl`, `.html` and `.js` and, with `--csp`, the strict
//! Content-Security-Policy the contracts give for a portal. Stays out of the API's logic.

use std::path::Path;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;

use tower_http::services::ServeDir;

use crate::reply::{Refusal, Reply};
use crate::Error;

/// The policy `--csp` adds to every static response.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

/// Request headers a cross-origin page may send.
pub const ALLOW_HEADERS: &str = "content-type, idempotency-key, authorization, x-csrf-token";
/// Methods a cross-origin page may use.
pub const ALLOW_METHODS: &str = "GET, POST";
/// Response headers a cross-origin page may read.
pub const EXPOSE_HEADERS: &str = "retry-after";
/// How long a browser may cache a preflight, in seconds.
pub const MAX_AGE: u32 = 600;

/// The origins allowed by CORS, lower-cased, as `scheme://host[:port]`.
#[derive(Clone, Debug, Default)]
pub struct Origins(Arc<Vec<String>>);

impl Origins {
    fn allows(&self, origin: &HeaderValue) -> bool {
        origin
            .to_str()
            .map(|o| self.0.iter().any(|a| a.eq_ignore_ascii_case(o)))
            .unwrap_or(false)
    }
}

/// Checks the `--allow-origin` values: `http(s)://host[:port]`, no path, no wildcard.
pub fn parse_origins(list: &[String]) -> Result<Origins, Error> {
    let mut out = Vec::new();
    for raw in list {
        let o = raw.trim().trim_end_matches('/').to_ascii_lowercase();
        let rest = o
            .strip_prefix("https://")
            .or_else(|| o.strip_prefix("http://"));
        let ok = rest.is_some_and(|r| {
            !r.is_empty()
                && !r.contains(['/', '*', '?', '#', ' ', '@'])
                && HeaderValue::from_str(&o).is_ok()
        });
        if !ok {
            return Err(Error::Config(format!(
                "--allow-origin \"{raw}\": give an origin such as https://portal.example.org \
                 (scheme, host and port only; no wildcard)"
            )));
        }
        if !out.contains(&o) {
            out.push(o);
        }
    }
    Ok(Origins(Arc::new(out)))
}

/// Wraps the whole application in the CORS policy.
pub fn with_cors(app: Router, origins: Origins) -> Router {
    app.layer(middleware::from_fn_with_state(origins, cors))
}

async fn cors(State(origins): State<Origins>, req: Request, next: Next) -> Response {
    let origin = req.headers().get(header::ORIGIN).cloned();
    let allowed = origin.clone().filter(|o| origins.allows(o));
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if preflight && origin.is_some() {
        let mut resp = match allowed {
            Some(o) => {
                let mut r = StatusCode::NO_CONTENT.into_response();
                let h = r.headers_mut();
                h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, o);
                h.insert(
                    header::ACCESS_CONTROL_ALLOW_METHODS,
                    HeaderValue::from_static(ALLOW_METHODS),
                );
                h.insert(
                    header::ACCESS_CONTROL_ALLOW_HEADERS,
                    HeaderValue::from_static(ALLOW_HEADERS),
                );
                h.insert(
                    header::ACCESS_CONTROL_EXPOSE_HEADERS,
                    HeaderValue::from_static(EXPOSE_HEADERS),
                );
                h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from(MAX_AGE));
                r
            }
            None => Reply::refuse(
                Refusal::OriginNotAllowed,
                "this origin is not allowed; start the receiver with --allow-origin",
                "",
            )
            .into_response(),
        };
        resp.headers_mut().append(
            header::VARY,
            HeaderValue::from_static(
                "origin, access-control-request-method, access-control-request-headers",
            ),
        );
        return resp;
    }
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    if let Some(o) = allowed {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, o);
        h.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static(EXPOSE_HEADERS),
        );
    }
    if !origins.0.is_empty() {
        h.append(header::VARY, HeaderValue::from_static("origin"));
    }
    resp
}

/// The files of `dir` at `/` (`index.html` for directories), with [`CSP`] when `csp` is set.
pub fn static_files(dir: &Path, csp: bool) -> Router {
    Router::new()
        .fallback_service(ServeDir::new(dir))
        .layer(middleware::from_fn_with_state(csp, static_headers))
}

async fn static_headers(State(csp): State<bool>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_ascii_lowercase();
    let mut resp = next.run(req).await;
    let ok = resp.status().is_success();
    let h = resp.headers_mut();
    if ok {
        let forced = if path.ends_with(".ftl") {
            Some("text/plain; charset=utf-8")
        } else if path.ends_with(".wasm") {
            Some("application/wasm")
        } else if path.ends_with(".html") || path.ends_with('/') {
            Some("text/html; charset=utf-8")
        } else if path.ends_with(".js") || path.ends_with(".mjs") {
            Some("text/javascript; charset=utf-8")
        } else {
            None
        };
        if let Some(ct) = forced {
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
        }
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if csp {
        h.insert(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_static(CSP),
        );
    }
    resp
}
