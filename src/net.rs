//! HTTP for the widget: fetching definitions and locale files, and posting the envelope.
//! Uses the browser's `fetch` through web-sys. Answers travel only in POST bodies, never in URLs.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, RequestRedirect, Response};

/// Why a request failed.
#[derive(Clone, Debug, PartialEq)]
pub enum NetError {
    /// No response at all (offline, DNS, CORS refused, redirect refused).
    Network(String),
    /// A file of the release did not match the integrity hash `rapport.js` carries for it
    /// (the loader's `RapportIntegrityError`): served altered. The message names the file.
    Integrity(String),
    /// The server answered with a non-2xx status. `retry_after_ms` is its `Retry-After`
    /// header, when it sent one (either form), in milliseconds from now. `body` is only the
    /// error code of the response (see [`error_code`]), never the response itself: an endpoint
    /// may repeat the request, answers included, in its error body.
    Status {
        status: u16,
        body: String,
        retry_after_ms: Option<f64>,
    },
}

impl NetError {
    /// A one-line description for developers, for the console and `rapport-failed`: the status
    /// and, when the body names one, its error code. Never any other text of the body, which
    /// may repeat the answers.
    pub fn describe(&self) -> String {
        match self {
            NetError::Network(m) => format!("network error: {m}"),
            NetError::Integrity(m) => m.clone(),
            NetError::Status { status, body, .. } => match error_code(body) {
                Some(code) => format!("HTTP {status} ({code})"),
                None => format!("HTTP {status}"),
            },
        }
    }
}

/// The error code of an error body: the `error` string of a JSON object
/// (`{"error": "invalid-envelope", …}`, as the reference receiver answers), or a body that is
/// nothing but a code (a portal's refusal message in host delivery). A code is 1–64 characters
/// of `a-z`, `0-9` and `-`, starting with a letter; anything else is not passed on.
pub fn error_code(body: &str) -> Option<String> {
    let body = body.trim();
    let code = if body.starts_with('{') {
        let value = js_sys::JSON::parse(body).ok()?;
        js_sys::Reflect::get(&value, &JsValue::from_str("error"))
            .ok()?
            .as_string()?
    } else {
        body.to_owned()
    };
    let looks_like_a_code = (1..=64).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_lowercase())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    looks_like_a_code.then_some(code)
}

/// A rejected fetch: [`NetError::Integrity`] when the loader found the file altered (an error
/// named `RapportIntegrityError`), else a network error.
fn fetch_error(v: &JsValue) -> NetError {
    let name = js_sys::Reflect::get(v, &JsValue::from_str("name")).ok();
    if name.and_then(|n| n.as_string()).as_deref() == Some("RapportIntegrityError") {
        NetError::Integrity(js_message(v))
    } else {
        NetError::Network(js_message(v))
    }
}

fn js_message(v: &JsValue) -> String {
    v.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| v.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

async fn send(request: Request) -> Result<(u16, String), NetError> {
    let window = web_sys::window().ok_or_else(|| NetError::Network("no window".into()))?;
    read(window.fetch_with_request(&request)).await
}

/// Waits for a `fetch` promise and reads its status and text.
async fn read(fetched: js_sys::Promise) -> Result<(u16, String), NetError> {
    let resp = JsFuture::from(fetched).await.map_err(|e| fetch_error(&e))?;
    let resp: Response = resp
        .dyn_into()
        .map_err(|e| NetError::Network(js_message(&e)))?;
    let status = resp.status();
    let retry_after_ms = resp
        .headers()
        .get("Retry-After")
        .ok()
        .flatten()
        .and_then(|v| retry_after_ms(&v));
    let text = match resp.text() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    if (200..300).contains(&status) {
        Ok((status, text))
    } else {
        Err(NetError::Status {
            status,
            body: error_code(&text).unwrap_or_default(),
            retry_after_ms,
        })
    }
}

/// `Retry-After` in milliseconds from now: delay-seconds, or an HTTP date read by the
/// browser's date parser (which accepts the obsolete formats too).
fn retry_after_ms(value: &str) -> Option<f64> {
    rapport_core::delivery::retry_after_seconds_ms(value).or_else(|| {
        let at = js_sys::Date::parse(value);
        (!at.is_nan()).then(|| (at - js_sys::Date::now()).max(0.0))
    })
}

thread_local! {
    /// The loader's resolver of the release's files (`mount`'s `assets`): called with a URL,
    /// it returns a `fetch` promise for it (begun early while the WebAssembly loaded, or now,
    /// with the file's content-hashed name and integrity hash), or `undefined` for a URL that
    /// is not one of the release's files.
    static ASSETS: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
    /// The loader's `chunkFailure` (`mount`'s): why the last WebAssembly chunk could not be
    /// loaded, see [`chunk_failure`].
    static CHUNK_FAILURE: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// Sets the loader's resolver and its `chunkFailure` (the same functions for every widget of
/// the page).
pub fn set_assets(assets: Option<js_sys::Function>, chunk_failure: Option<js_sys::Function>) {
    if assets.is_some() {
        ASSETS.with(|a| *a.borrow_mut() = assets);
    }
    if chunk_failure.is_some() {
        CHUNK_FAILURE.with(|a| *a.borrow_mut() = chunk_failure);
    }
}

/// Why the loader could not load a WebAssembly chunk (the split's loader only says that it
/// failed): [`NetError::Integrity`] when the chunk was altered, else a network error (offline,
/// an HTTP error, or a chunk that did not compile: tried again like one).
#[cfg(rapport_split)]
pub fn chunk_failure() -> NetError {
    let error = CHUNK_FAILURE.with(|f| {
        f.borrow()
            .as_ref()
            .and_then(|f| f.call0(&JsValue::NULL).ok())
    });
    fetch_error(&error.unwrap_or(JsValue::UNDEFINED))
}

/// GETs a URL as text (through the loader's resolver, see [`take_or_start`]).
/// `follow` false refuses redirects (a network error), for a URL that was checked against the
/// URL rule (`src`): a redirect could lead anywhere, plain http on another host included.
pub async fn get_text(url: &str, follow: bool) -> Result<String, NetError> {
    text_of(take_or_start(url, follow)).await
}

thread_local! {
    /// Requests made by [`get_text_cached`], by URL: one per page for the value sets several
    /// widgets share, also while the first is still on its way. A failed one is dropped.
    static CACHED: std::cell::RefCell<Vec<(String, js_sys::Promise)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// GETs a URL checked against the URL rule (no redirect followed) once per page; `Err` is the
/// failure described ([`NetError::describe`]).
pub async fn get_text_cached(url: &str) -> Result<String, String> {
    let found = CACHED.with(|c| {
        c.borrow()
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, p)| p.clone())
    });
    let promise = found.unwrap_or_else(|| {
        let owned = url.to_owned();
        let started = wasm_bindgen_futures::future_to_promise(async move {
            get_text(&owned, false)
                .await
                .map(JsValue::from)
                .map_err(|e| JsValue::from(e.describe()))
        });
        CACHED.with(|c| c.borrow_mut().push((url.to_owned(), started.clone())));
        started
    });
    match JsFuture::from(promise).await {
        Ok(text) => Ok(text.as_string().unwrap_or_default()),
        Err(why) => {
            CACHED.with(|c| c.borrow_mut().retain(|(u, _)| u != url));
            Err(why.as_string().unwrap_or_default())
        }
    }
}

/// The GET of `url` from the loader's resolver, when `url` is one of the release's files (a
/// request begun early, or one with the file's integrity hash), else a new one ([`start_get`]).
pub fn take_or_start(url: &str, follow: bool) -> Result<js_sys::Promise, NetError> {
    let resolved = ASSETS.with(|a| {
        a.borrow()
            .as_ref()
            .and_then(|f| f.call1(&JsValue::NULL, &JsValue::from_str(url)).ok())
    });
    if let Some(promise) = resolved.and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
        return Ok(promise);
    }
    start_get(url, follow)
}

/// Starts a GET now (unlike an `async fn`, which starts when first polled), so that several
/// files can be on their way at once; read it with [`text_of`]. With `follow` false a redirect
/// fails the request (`redirect: "error"`) instead of being followed.
pub fn start_get(url: &str, follow: bool) -> Result<js_sys::Promise, NetError> {
    let window = web_sys::window().ok_or_else(|| NetError::Network("no window".into()))?;
    let init = RequestInit::new();
    init.set_method("GET");
    if !follow {
        init.set_redirect(RequestRedirect::Error);
    }
    let request = Request::new_with_str_and_init(url, &init)
        .map_err(|e| NetError::Network(js_message(&e)))?;
    Ok(window.fetch_with_request(&request))
}

/// The body of a GET begun by [`start_get`].
pub async fn text_of(started: Result<js_sys::Promise, NetError>) -> Result<String, NetError> {
    read(started?).await.map(|(_, body)| body)
}

/// POSTs a JSON body with an `Idempotency-Key` and the portal's extra headers (which may not
/// replace `Content-Type` or `Idempotency-Key`). Redirects are refused: a redirect to a login
/// page must not count as delivered. The request is aborted after `timeout_ms`; an aborted
/// request may still have reached the server, which is why every retry carries the same key.
pub async fn post_json(
    url: &str,
    body: &str,
    idempotency_key: &str,
    extra_headers: &[(String, String)],
    timeout_ms: i32,
) -> Result<(u16, String), NetError> {
    let err = |e: JsValue| NetError::Network(js_message(&e));
    let window = web_sys::window().ok_or_else(|| NetError::Network("no window".into()))?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_redirect(RequestRedirect::Error);
    init.set_body(&JsValue::from_str(body));
    let headers = web_sys::Headers::new().map_err(err)?;
    for (name, value) in extra_headers {
        let lower = name.to_ascii_lowercase();
        if lower != "content-type" && lower != "idempotency-key" {
            headers.set(name, value).map_err(err)?;
        }
    }
    headers
        .set("Content-Type", "application/json")
        .map_err(err)?;
    headers
        .set("Idempotency-Key", idempotency_key)
        .map_err(err)?;
    init.set_headers(&headers);
    let controller = web_sys::AbortController::new().map_err(err)?;
    init.set_signal(Some(&controller.signal()));
    let request = Request::new_with_str_and_init(url, &init).map_err(err)?;
    let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), timeout_ms)
        .map_err(err)?;
    let result = send(request).await;
    window.clear_timeout_with_handle(timer);
    result.map_err(|e| match e {
        NetError::Network(m) if m.contains("abort") => {
            NetError::Network(format!("no answer within {} s", timeout_ms / 1000))
        }
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn only_an_error_code_of_the_body_is_described() {
        let status = |body: &str| NetError::Status {
            status: 422,
            body: body.into(),
            retry_after_ms: None,
        };
        // (body, description): an echoed request, free text and HTML never appear.
        let cases = [
            (
                r#"{"error":"invalid-envelope","message":"item 3: I feel low"}"#,
                "HTTP 422 (invalid-envelope)",
            ),
            (
                r#"  {"message":"x","error":"too-large"} "#,
                "HTTP 422 (too-large)",
            ),
            ("appointment-closed", "HTTP 422 (appointment-closed)"),
            (r#"{"error":"Invalid answer: I feel low"}"#, "HTTP 422"),
            (r#"{"error":"UPPER-case"}"#, "HTTP 422"),
            (r#"{"error":"-starts-with-a-dash"}"#, "HTTP 422"),
            (r#"{"error":{"code":"nested"}}"#, "HTTP 422"),
            (r#"{"detail":[{"input":"I feel low"}]}"#, "HTTP 422"),
            (r#"{"answers":{"q1":"I feel low"}}"#, "HTTP 422"),
            (r#"["invalid-envelope"]"#, "HTTP 422"),
            (r#"{"error":"invalid-envelope""#, "HTTP 422"),
            ("I feel low", "HTTP 422"),
            ("<html><body>Unprocessable</body></html>", "HTTP 422"),
            ("", "HTTP 422"),
            (&"a".repeat(65), "HTTP 422"),
        ];
        for (body, expected) in cases {
            assert_eq!(status(body).describe(), expected, "body {body:?}");
        }
        assert_eq!(
            NetError::Network("Failed to fetch".into()).describe(),
            "network error: Failed to fetch"
        );
    }
}
