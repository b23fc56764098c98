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
    /// The server answered with a non-2xx status.
    Status { status: u16, body: String },
}

impl NetError {
    /// A one-line description for developers (never contains answers).
    pub fn describe(&self) -> String {
        match self {
            NetError::Network(m) => format!("network error: {m}"),
            NetError::Status { status, body } => {
                let body: String = body.chars().take(300).collect();
                format!("HTTP {status}: {body}")
            }
        }
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
    let resp = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|e| NetError::Network(js_message(&e)))?;
    let resp: Response = resp
        .dyn_into()
        .map_err(|e| NetError::Network(js_message(&e)))?;
    let status = resp.status();
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
        Err(NetError::Status { status, body: text })
    }
}

/// GETs a URL as text.
pub async fn get_text(url: &str) -> Result<String, NetError> {
    let init = RequestInit::new();
    init.set_method("GET");
    let request = Request::new_with_str_and_init(url, &init)
        .map_err(|e| NetError::Network(js_message(&e)))?;
    send(request).await.map(|(_, body)| body)
}

/// POSTs a JSON body with an `Idempotency-Key`. Redirects are refused: a redirect to a login
/// page must not count as delivered.
pub async fn post_json(
    url: &str,
    body: &str,
    idempotency_key: &str,
) -> Result<(u16, String), NetError> {
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_redirect(RequestRedirect::Error);
    init.set_body(&JsValue::from_str(body));
    let headers = web_sys::Headers::new().map_err(|e| NetError::Network(js_message(&e)))?;
    headers
        .set("Content-Type", "application/json")
        .map_err(|e| NetError::Network(js_message(&e)))?;
    headers
        .set("Idempotency-Key", idempotency_key)
        .map_err(|e| NetError::Network(js_message(&e)))?;
    init.set_headers(&headers);
    let request = Request::new_with_str_and_init(url, &init)
        .map_err(|e| NetError::Network(js_message(&e)))?;
    send(request).await
}
