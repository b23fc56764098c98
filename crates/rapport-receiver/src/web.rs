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

/// The policy `--csp` adds to every static response, with `frame-ancestors` set to
/// `frame_ancestors` (`--frame-ancestors`, default `'none'`): the contracts' policy for a
/// portal, plus what a page that holds health data should also say (no `<base>`, no plugins,
/// forms only to itself, framed only where the clinic says).
pub fn csp(frame_ancestors: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         connect-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; \
         frame-ancestors {frame_ancestors}"
    )
}

/// The default of `--frame-ancestors`.
pub const DEFAULT_FRAME_ANCESTORS: &str = "'none'";

/// Checks `--frame-ancestors`: `'none'`, `'self'` or origins, separated by spaces, nothing that
/// could end the directive or the header.
pub fn check_frame_ancestors(value: &str) -> Result<(), Error> {
    let ok = !value.trim().is_empty()
        && value.split_whitespace().all(|source| {
            source == "'none'"
                || source == "'self'"
                || ((source.starts_with("https://") || source.starts_with("http://"))
                    && !source.contains([';', ',', '\'', '"']))
        })
        && HeaderValue::from_str(value).is_ok();
    if ok {
        Ok(())
    } else {
        Err(Error::Config(format!(
            "--frame-ancestors: \"{value}\" is not 'none', 'self' or a list of origins such as \
             https://portal.example.org"
        )))
    }
}

/// Request headers a cross-origin page may send.
pub const ALLOW_HEADERS: &str = "content-type, idempotency-key, authorization, x-csrf-token";
/// Methods a cross-origin page may use.
pub const ALLOW_METHODS: &str = "GET, POST";
/// Response headers a cross-origin page may read: when to try again, and which challenge a
/// 401 answers (the post token's `Bearer`, or `RapportSubject` for the subject token).
pub const EXPOSE_HEADERS: &str = "retry-after, www-authenticate";
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

/// The files of `dir` at `/` (`index.html` for directories), with the policy `csp` when given.
/// Files that look like databases or their journals are never served, wherever they are.
pub fn static_files(dir: &Path, csp: Option<String>) -> Router {
    let csp = csp.and_then(|c| HeaderValue::from_str(&c).ok());
    Router::new()
        // `NAME.br` / `NAME.gz` beside a file (the release build writes them) are sent instead
        // when the browser accepts that encoding.
        .fallback_service(ServeDir::new(dir).precompressed_br().precompressed_gzip())
        .layer(middleware::from_fn_with_state(csp, static_headers))
}

/// Whether a request path names a database file or one of its journals, once percent-decoded
/// as the file server decodes it (`answers.sqlite%33` is `answers.sqlite3`).
pub fn looks_like_a_database(path: &str) -> bool {
    let p = percent_decoded(path).to_ascii_lowercase();
    [
        ".sqlite", ".sqlite3", ".db", "-wal", "-shm", "-journal", ".db3",
    ]
    .iter()
    .any(|end| p.ends_with(end))
}

async fn static_headers(
    State(csp): State<Option<HeaderValue>>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path().to_ascii_lowercase();
    if looks_like_a_database(req.uri().path()) {
        return Reply::refuse(Refusal::NotFound, "no such resource", "").into_response();
    }
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
        // The body may be a precompressed sibling chosen by Accept-Encoding: caches must key
        // on it.
        h.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        // A content-hashed name never changes meaning: cached for a year without asking
        // again. Everything else (`rapport.js`, the pages) is asked for again each time
        // (a `304` when unchanged), so a new release reaches patients at once.
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(if content_hashed(&path) {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            }),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if let Some(policy) = csp {
        h.insert(HeaderName::from_static("content-security-policy"), policy);
    }
    resp
}

/// Whether the last segment of `path` is a content-hashed name as the release writes them
/// (`widget.q3Xz-9Ab.ftl`: a stem, 8 characters of the file's base64url SHA-256, the extension).
pub fn content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let mut parts = name.rsplit('.');
    let (Some(ext), Some(tag), Some(stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !stem.is_empty()
        && !ext.is_empty()
        && ext.bytes().all(|b| b.is_ascii_alphanumeric())
        && tag.len() == 8
        && tag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `path` with its `%XX` escapes decoded (invalid ones left as they are).
fn percent_decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |at: usize| bytes.get(at).and_then(|c| (*c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(u8::try_from(hi * 16 + lo).unwrap_or(b'?'));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What every API response carries: never cached (answers and receipts are health data), never
/// sniffed as another type, and no referrer sent on from it.
pub async fn api_headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    no_sniff_no_referrer(h);
    resp
}

/// Never sniffed as another type, and no referrer sent on from it: what every answer of the
/// API, the exports, the clinician's pages and the terminology route carries.
pub fn no_sniff_no_referrer(h: &mut axum::http::HeaderMap) {
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
}

#[cfg(test)]
mod content_hashed_tests {
    use super::content_hashed;

    #[test]
    fn only_names_with_an_eight_character_tag_are_content_hashed() {
        for name in [
            "/locales/de/widget.q3Xz-9A_.ftl",
            "/pkg/rapport_widget_bg.ABCDEFGH.wasm",
            "/instruments/psychiatry-relationship.shvmMNGI.json",
        ] {
            assert!(content_hashed(name), "{name}");
        }
        for name in [
            "/rapport.js",
            "/",
            "/index.html",
            "/demo/portal.css",
            "/locales/de/widget.ftl",
            "/a.b.c",
            "/.ABCDEFGH.js",
            "/x.ABCDEFG!.js",
            "/x.ABCDEFGH.",
        ] {
            assert!(!content_hashed(name), "{name}");
        }
    }
}
