//! Small helpers for untrusted JSON: walking a value with a JSON pointer, so that every problem
//! found can say exactly where it is; finding a pointer in the JSON *text* ([`locate_pointer`],
//! a structural scanner for messages about a file); a compact writer that lets the caller
//! print floats; and a reader ([`read`]) that reads JSON text as the browser's `JSON.parse`
//! does, for the widget (the receiver and the linter use serde_json). Performs no I/O and never
//! panics.

use serde_json::{Map, Number, Value};

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

/// Deepest nesting [`read`] accepts: a value inside 128 arrays or objects is read, one more
/// level is refused.
pub const MAX_READ_DEPTH: usize = 128;

/// Why [`read`] refused a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON: the byte offset where the reader stopped.
    Syntax(usize),
    /// Valid so far, but nested deeper than [`MAX_READ_DEPTH`].
    TooDeep,
}

/// Reads JSON text (RFC 8259) into a value exactly as the widget read it before through
/// `JSON.parse` and a walk over the object it returned, without the thousands of calls across
/// the WebAssembly boundary that walk took (a 15 KB definition: ~700 values, ~20 ms on a slow
/// phone).
///
/// Numbers are read as JavaScript reads them, as a double; a whole number within ±2^53 becomes
/// an integer, so `1.0` reads as `1`, as after `JSON.parse`; a number that is not finite reads
/// as `null`. Short decimals are read exactly by [`crate::number::parse_decimal`]; the others
/// (exponents, more than 15 digits: rare in a questionnaire) by `float`, which the widget hands
/// the browser's `parseFloat` so that the standard library's float parser stays out of the
/// WebAssembly. A `\u` escape of a lone surrogate reads as U+FFFD, as a JavaScript string
/// with one does when it crosses into Rust. Of duplicate keys the last wins, in the first one's
/// place. Recursion is bounded by [`MAX_READ_DEPTH`].
pub fn read(text: &str, float: &dyn Fn(&str) -> f64) -> Result<Value, ReadError> {
    let mut reader = Reader { text, at: 0, float };
    let value = reader.value(0)?;
    reader.skip_ws();
    if reader.at == text.len() {
        Ok(value)
    } else {
        Err(ReadError::Syntax(reader.at))
    }
}

/// A number as `JSON.parse` gives it, then as the widget keeps it.
fn from_double(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 {
        Value::Number(Number::from(n as i64))
    } else {
        Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    float: &'a dyn Fn(&str) -> f64,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.at += 1;
        }
        found
    }

    fn fail<T>(&self) -> Result<T, ReadError> {
        Err(ReadError::Syntax(self.at))
    }

    /// JSON's four whitespace characters (not `is_ascii_whitespace`, which adds form feed).
    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, ReadError> {
        if depth > MAX_READ_DEPTH {
            return Err(ReadError::TooDeep);
        }
        self.skip_ws();
        let open = self.peek();
        match open {
            Some(b'{' | b'[') => {
                let object = open == Some(b'{');
                self.at += 1;
                let mut map = Map::new();
                let mut list = Vec::new();
                self.members(object, depth, &mut map, &mut list)?;
                Ok(if object {
                    Value::Object(map)
                } else {
                    Value::Array(list)
                })
            }
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            _ => self.number(),
        }
    }

    /// The members of an object (into `map`) or the elements of an array (into `list`), from
    /// after the opening bracket to after the closing one. Filling the caller's collections
    /// keeps the early returns free of drops (less WebAssembly).
    fn members(
        &mut self,
        object: bool,
        depth: usize,
        map: &mut Map<String, Value>,
        list: &mut Vec<Value>,
    ) -> Result<(), ReadError> {
        let close = if object { b'}' } else { b']' };
        self.skip_ws();
        if self.eat(close) {
            return Ok(());
        }
        loop {
            if object {
                self.skip_ws();
                if self.peek() != Some(b'"') {
                    return self.fail();
                }
                let key = self.string()?;
                self.skip_ws();
                if !self.eat(b':') {
                    return self.fail();
                }
                map.insert(key, self.value(depth + 1)?);
            } else {
                list.push(self.value(depth + 1)?);
            }
            self.skip_ws();
            if !self.eat(b',') {
                return if self.eat(close) { Ok(()) } else { self.fail() };
            }
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, ReadError> {
        if self.text.as_bytes().get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            self.fail()
        }
    }

    fn digits(&mut self) -> Result<(), ReadError> {
        if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
            return self.fail();
        }
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        Ok(())
    }

    fn number(&mut self) -> Result<Value, ReadError> {
        let start = self.at;
        self.eat(b'-');
        if !self.eat(b'0') {
            self.digits()?;
        }
        if self.eat(b'.') {
            self.digits()?;
        }
        let mut exponent = false;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            exponent = true;
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.digits()?;
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        let exact = if exponent {
            None
        } else {
            crate::number::parse_decimal(text)
        };
        Ok(from_double(exact.unwrap_or_else(|| (self.float)(text))))
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, ReadError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16));
            let Some(digit) = digit else {
                return self.fail();
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, ReadError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.at += 1;
            }
            // Both ends are at ASCII bytes or the end, so on character boundaries.
            out.push_str(self.text.get(start..self.at).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => self.at += 1,
                _ => return self.fail(),
            }
            let escaped = match self.peek() {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => {
                    self.at += 1;
                    let code = self.hex4()?;
                    out.push(self.escaped_char(code)?);
                    continue;
                }
                _ => return self.fail(),
            };
            self.at += 1;
            out.push(escaped);
        }
    }

    /// The character of a `\u` escape, with the low half of a surrogate pair read here.
    fn escaped_char(&mut self, code: u32) -> Result<char, ReadError> {
        if (0xD800..0xDC00).contains(&code) {
            let pair_at = self.at;
            if self.text.as_bytes().get(pair_at..pair_at + 2) == Some(b"\\u") {
                self.at += 2;
                let low = self.hex4()?;
                if (0xDC00..0xE000).contains(&low) {
                    let joined = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    return Ok(char::from_u32(joined).unwrap_or('\u{FFFD}'));
                }
                // Not a low half: read it again as an escape of its own.
                self.at = pair_at;
            }
        }
        Ok(char::from_u32(code).unwrap_or('\u{FFFD}'))
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
