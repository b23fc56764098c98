//! Small helpers for walking untrusted JSON with a JSON pointer, so that every problem found can
//! say exactly where it is. Performs no I/O and never panics.

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
