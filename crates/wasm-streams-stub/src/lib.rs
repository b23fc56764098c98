//! A stand-in for the `wasm-streams` crate, patched in by the workspace (`[patch.crates-io]`).
//!
//! Why: Leptos always depends on `server_fn`, whose browser client streams request and response
//! bodies with `wasm_streams::ReadableStream`. Rapport has no server functions, so that code is
//! never called, but `wasm-streams` declares `#[wasm_bindgen]` exported types
//! (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`, `IntoUnderlyingSink`). Exports are roots
//! that the linker and `wasm-opt` must keep, so merely linking the crate put about 11 KB of
//! WebAssembly and three JavaScript classes into every first render (measured: docs/size.md).
//!
//! This crate offers only what `server_fn` names — `ReadableStream::{from_raw, from_stream,
//! into_raw, into_stream}` — with no exports. It never panics: a stream made from Rust is an
//! empty body, and reading a response as a stream yields one error. If Rapport ever uses
//! server functions with streaming bodies, remove the patch.

use futures_util::Stream;
use wasm_bindgen::{JsCast, JsValue};

/// A JavaScript `ReadableStream`, as `server_fn` uses it.
#[derive(Debug)]
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a stream from JavaScript (e.g. a response body).
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// Not supported here: gives a stream that is `undefined` to JavaScript (a request with no
    /// body) instead of exporting the adapter types this needs.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        Self {
            raw: JsValue::UNDEFINED.unchecked_into(),
        }
    }

    /// The JavaScript stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Not supported here: one error saying so.
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin {
        futures_util::stream::iter([Err(JsValue::from_str(
            "streaming response bodies are not available in Rapport's build (wasm-streams stand-in)",
        ))])
    }
}
