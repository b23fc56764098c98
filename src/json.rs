//! JSON text in and out through the browser: `JSON.parse` reads text into a
//! `serde_json::Value`, and non-integer numbers are printed by `String(n)`.
//!
//! Why not `serde_json::from_str` here: the browser's parser is already on the page, and
//! serde's deserializer costs the widget about 15 KB of WebAssembly (measured). The core keeps
//! working on `serde_json::Value`, exactly as the receiver and the linter do.

use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Deepest nesting read; deeper documents are refused (the core allows far less anyway).
const MAX_DEPTH: usize = 128;

/// Parses JSON text. `Err` carries the browser's message (which says where the problem is).
pub fn parse(text: &str) -> Result<Value, String> {
    let js = js_sys::JSON::parse(text).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "not valid JSON".into())
    })?;
    to_value(&js, 0).ok_or_else(|| format!("nested more than {MAX_DEPTH} levels deep"))
}

/// Converts what `JSON.parse` returned into a `Value`. Whole numbers within ±2^53 become
/// integers, as `serde_json` would read them.
fn to_value(v: &JsValue, depth: usize) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    if let Some(s) = v.as_string() {
        return Some(Value::String(s));
    }
    if let Some(n) = v.as_f64() {
        let whole = n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0;
        return Some(if whole {
            Value::Number(Number::from(n as i64))
        } else {
            Number::from_f64(n).map_or(Value::Null, Value::Number)
        });
    }
    if let Some(b) = v.as_bool() {
        return Some(Value::Bool(b));
    }
    if v.is_null() || v.is_undefined() {
        return Some(Value::Null);
    }
    if js_sys::Array::is_array(v) {
        let array: &js_sys::Array = v.unchecked_ref();
        let mut out = Vec::with_capacity(array.length() as usize);
        for x in array.iter() {
            out.push(to_value(&x, depth + 1)?);
        }
        return Some(Value::Array(out));
    }
    let object: &js_sys::Object = v.dyn_ref()?;
    let mut out = Map::new();
    for pair in js_sys::Object::entries(object).iter() {
        let pair: js_sys::Array = pair.unchecked_into();
        let key = pair.get(0).as_string()?;
        out.insert(key, to_value(&pair.get(1), depth + 1)?);
    }
    Some(Value::Object(out))
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
