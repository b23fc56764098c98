//! JSON text in through the core's reader, and non-integer numbers printed by `String(n)`.
//!
//! Why not `serde_json::from_str` here: serde's deserializer costs the widget about 15 KB of
//! WebAssembly (measured). Why not `JSON.parse` and a walk over what it returns, as before:
//! the walk crossed the WebAssembly boundary a few times per value, thousands of calls for a
//! definition (20 ms of a first render on a slow phone). The core's reader
//! (`rapport_core::json::read`) reads the text where it is and gives the same values; the
//! browser is asked only for numbers it does not read exactly itself (`parseFloat`, which keeps
//! the standard library's float parser out of the WebAssembly) and, for a text that is not
//! JSON, for its message (`JSON.parse`'s, which says where the problem is).

use rapport_core::json::{read, ReadError, MAX_READ_DEPTH};
use serde_json::Value;
use wasm_bindgen::JsCast;

/// Parses JSON text. `Err` carries the browser's message (which says where the problem is).
pub fn parse(text: &str) -> Result<Value, String> {
    read(text, &js_sys::Number::parse_float).map_err(|e| match e {
        ReadError::TooDeep => format!("nested more than {MAX_READ_DEPTH} levels deep"),
        ReadError::Syntax(_) => js_sys::JSON::parse(text)
            .err()
            .and_then(|e| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "not valid JSON".into()),
    })
}

/// `(line, column)` from a `JSON.parse` message such as "… (line 3 column 5)"; `(0, 0)` when
/// the browser does not say.
pub fn position(message: &str) -> (usize, usize) {
    // Digits folded by hand: no `collect::<String>()` and integer parser for two numbers.
    let number_after = |word: &str| -> usize {
        let Some(at) = message.find(word) else {
            return 0;
        };
        message[at + word.len()..]
            .trim_start()
            .bytes()
            .take_while(u8::is_ascii_digit)
            .fold(0usize, |n, b| {
                n.saturating_mul(10).saturating_add(usize::from(b - b'0'))
            })
    };
    (number_after("line "), number_after("column "))
}
