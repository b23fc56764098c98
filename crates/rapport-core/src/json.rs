//! Small helpers for untrusted JSON: walking a value with a JSON pointer, so that every problem
//! found can say exactly where it is; finding a pointer in the JSON *text* ([`locate_pointer`],
//! a structural scanner for messages about a file); and a compact writer that lets the caller
//! print floats. Stays out of parsing JSON text into values (serde_json, or the browser's
//! `JSON.parse` in the widget). Performs no I/O and never panics.

use serde_json::Value;

/// Escapes one JSON-pointer reference token (RFC 6901).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Joins a pointer and a key or index.
pub fn join(pointer: &str, token: impl std::fmt::Display) -> String {
    format!("{pointer}/{}", escape_token(&token.to_string()))
}

/// The JSON type name of a value, for "expected X, found Y" messages.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The nesting depth of a JSON value (a scalar is 1), computed without recursion so that a
/// hostile document cannot overflow the stack.
pub fn depth(v: &Value) -> usize {
    let mut max = 0;
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        max = max.max(d);
        match v {
            Value::Array(a) => stack.extend(a.iter().map(|x| (x, d + 1))),
            Value::Object(o) => stack.extend(o.values().map(|x| (x, d + 1))),
            _ => {}
        }
    }
    max
}

/// A JSON object of the given members.
/// Written out rather than with `json!`, which converts each member through serde's
/// serializer: that links `Value`'s `Serialize` and the value serializer into the widget.
pub fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
    let mut map = serde_json::Map::new();
    for (key, value) in members {
        map.insert(key.to_owned(), value);
    }
    Value::Object(map)
}

/// Writes `v` as compact JSON, like `serde_json::to_string`, except that numbers that are not
/// integers are written by `float` (the widget passes the browser's `Number.prototype.toString`,
/// which keeps serde_json's float printer out of the WebAssembly). Object keys keep their
/// order.
pub fn write(v: &Value, out: &mut String, float: &dyn Fn(f64) -> String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                out.push_str(&i.to_string());
            } else if let Some(u) = n.as_u64() {
                out.push_str(&u.to_string());
            } else {
                out.push_str(&float(n.as_f64().unwrap_or(0.0)));
            }
        }
        Value::String(s) => write_str(s, out),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(x, out, float);
            }
            out.push(']');
        }
        Value::Object(o) => {
            out.push('{');
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(k, out);
                out.push(':');
                write(x, out, float);
            }
            out.push('}');
        }
    }
}

/// [`write()`] into a new string.
pub fn to_string(v: &Value, float: &dyn Fn(f64) -> String) -> String {
    let mut out = String::new();
    write(v, &mut out, float);
    out
}

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                for digit in [(c as u32) >> 4, (c as u32) & 15] {
                    out.push(char::from_digit(digit, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A short description of a JSON value for error messages: a string's text, an integer,
/// `true`, `false` or `null` as written, anything else by its type ("a number", "an object";
/// no float printer involved).
pub fn describe(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) if n.is_i64() || n.is_u64() => to_string(v, &|_| String::new()),
        Value::Null | Value::Bool(_) => to_string(v, &|_| String::new()),
        Value::Array(_) | Value::Object(_) => format!("an {}", type_name(v)),
        Value::Number(_) => "a number".into(),
    }
}

/// The line and column (1-based) of a byte offset, for messages about a file.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut line = 1;
    let mut col = 1;
    for (i, c) in source.char_indices() {
        if i >= offset {
            break;
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (line, col)
}

/// Locates a JSON pointer in the JSON source text, as `(line, column)` of the member's key (or
/// of the array element), for messages about a file (the linter). Walks the text structurally, so a key of the same
/// name deeper down is never mistaken for the one wanted. `None` when the pointer does not
/// resolve. Iterative: no input can exhaust the stack.
pub fn locate_pointer(source: &str, pointer: &str) -> Option<(usize, usize)> {
    let bytes = source.as_bytes();
    let mut at = skip_ws(bytes, 0);
    if pointer.is_empty() {
        return (at < bytes.len()).then(|| line_col(source, at));
    }
    let mut report = at;
    for token in pointer.strip_prefix('/')?.split('/') {
        let token = token.replace("~1", "/").replace("~0", "~");
        match bytes.get(at)? {
            b'{' => {
                at = skip_ws(bytes, at + 1);
                loop {
                    if *bytes.get(at)? == b'}' {
                        return None;
                    }
                    let key_start = at;
                    let key_end = skip_value(bytes, at)?;
                    let key: String = serde_json::from_str(source.get(at..key_end)?).ok()?;
                    at = skip_ws(bytes, key_end);
                    if *bytes.get(at)? != b':' {
                        return None;
                    }
                    at = skip_ws(bytes, at + 1);
                    if key == token {
                        report = key_start;
                        break;
                    }
                    at = skip_ws(bytes, skip_value(bytes, at)?);
                    match bytes.get(at)? {
                        b',' => at = skip_ws(bytes, at + 1),
                        _ => return None,
                    }
                }
            }
            b'[' => {
                let index: usize = token.parse().ok()?;
                at = skip_ws(bytes, at + 1);
                for _ in 0..index {
                    if *bytes.get(at)? == b']' {
                        return None;
                    }
                    at = skip_ws(bytes, skip_value(bytes, at)?);
                    match bytes.get(at)? {
                        b',' => at = skip_ws(bytes, at + 1),
                        _ => return None,
                    }
                }
                if *bytes.get(at)? == b']' {
                    return None;
                }
                report = at;
            }
            _ => return None,
        }
    }
    Some(line_col(source, report))
}

fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
        at += 1;
    }
    at
}

/// The end (exclusive) of the JSON value starting at `at`, without recursion.
fn skip_value(bytes: &[u8], mut at: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match *bytes.get(at)? {
            b'"' => {
                at += 1;
                loop {
                    match *bytes.get(at)? {
                        b'\\' => at += 2,
                        b'"' => break,
                        _ => at += 1,
                    }
                }
                at += 1;
            }
            b'{' | b'[' => {
                depth += 1;
                at += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                at += 1;
            }
            b',' | b':' if depth > 0 => at += 1,
            b if b.is_ascii_whitespace() && depth > 0 => at += 1,
            _ if depth == 0 => {
                // A scalar: up to the next delimiter.
                while bytes.get(at).is_some_and(|b| {
                    !matches!(b, b',' | b'}' | b']' | b':') && !b.is_ascii_whitespace()
                }) {
                    at += 1;
                }
                return Some(at);
            }
            _ => at += 1,
        }
        if depth == 0 {
            return Some(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn writes_what_serde_json_writes() {
        let v = json!({
            "s": "quote \" backslash \\ newline \n tab \t bell \u{7} é 😀 \u{2028}",
            "n": [0, -1, 18446744073709551615u64, -9223372036854775808i64, 2.5, -0.001, 1e300],
            "b": [true, false, null],
            "o": {"z": {}, "a": []}
        });
        let ours = to_string(&v, &|f| serde_json::to_string(&f).unwrap_or_default());
        assert_eq!(ours, serde_json::to_string(&v).unwrap());
        let back: Value = serde_json::from_str(&ours).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn describes_without_floats() {
        assert_eq!(describe(&json!("any2")), "any2");
        assert_eq!(describe(&json!(3)), "3");
        assert_eq!(describe(&json!(2.5)), "a number");
        assert_eq!(describe(&json!({})), "an object");
        assert_eq!(describe(&json!(null)), "null");
    }
}
