//! The core's JSON reader (`json::read`, what the widget reads definitions, words' lists and
//! drafts with) against serde_json with `float_roundtrip`, its reference: on every text one
//! accepts the other accepts, with the same value once numbers are kept as the widget keeps
//! them (a double, whole ones within ±2^53 as integers: what `JSON.parse` gave the widget
//! before); on every text one refuses the other refuses. Texts: every JSON file the project
//! ships or tests with, values generated at random and written compactly, pretty and with odd
//! whitespace, those texts with random edits, and random bytes.
//!
//! Where they differ on purpose, tested on their own below: a `\u` escape of a lone surrogate
//! (serde_json refuses it, `JSON.parse` and so the widget read it as U+FFFD), a number too large
//! for a double (serde_json refuses it, `JSON.parse` reads Infinity, which the widget keeps as
//! `null`) and nesting deeper than 128 levels (serde_json's limit is counted differently).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use rapport_core::json::{read, ReadError, MAX_READ_DEPTH};
use serde_json::{Number, Value};

mod support;
use support::proptest_config;

/// The standard library's parser stands in for the browser's `parseFloat` (both correctly
/// rounded).
fn float(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// serde_json's value with its numbers kept as the widget keeps them.
fn as_widget_keeps(v: Value) -> Value {
    match v {
        Value::Number(n) => {
            let d = n.as_f64().unwrap();
            if d.fract() == 0.0 && d.abs() <= 9_007_199_254_740_992.0 {
                Value::Number(Number::from(d as i64))
            } else {
                Number::from_f64(d).map_or(Value::Null, Value::Number)
            }
        }
        Value::Array(a) => Value::Array(a.into_iter().map(as_widget_keeps).collect()),
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (k, as_widget_keeps(v)))
                .collect(),
        ),
        other => other,
    }
}

/// Whether `text` holds a `\u` escape of a surrogate (serde_json's and the browser's readings
/// may then differ on purpose).
fn has_surrogate_escape(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.match_indices("\\u").any(|(i, _)| {
        lower.get(i + 2..i + 3).is_some_and(|c| {
            c == "d"
                && lower
                    .get(i + 3..i + 4)
                    .is_some_and(|c| "89abcdef".contains(c))
        })
    })
}

fn nesting(text: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Both readers on one text; they must agree.
fn agree(text: &str) {
    if has_surrogate_escape(text) || nesting(text) > 100 {
        // Differences on purpose (above); still never a panic.
        let _ = read(text, &float);
        return;
    }
    let ours = read(text, &float);
    let reference = serde_json::from_str::<Value>(text).map(as_widget_keeps);
    match (ours, reference) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "different values for {text:?}"),
        (Err(ReadError::Syntax(at)), Err(_)) => assert!(at <= text.len(), "{text:?}"),
        (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
        (a, b) => panic!("read {a:?} but serde_json {b:?} for {text:?}"),
    }
}

/// Every `.json` file under `dir`, recursively.
fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn reads_every_json_file_of_the_project_as_serde_json_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in [
        "instruments",
        "crates/rapport-core/tests/fixtures",
        "e2e",
        "locales",
    ] {
        json_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 50, "only {} JSON files found", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let expected = serde_json::from_str::<Value>(&text).map(as_widget_keeps);
        match (read(&text, &float), expected) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{}", path.display()),
            (Err(_), Err(_)) => {}
            (a, b) => panic!(
                "{}: read {:?}, serde_json {:?}",
                path.display(),
                a.is_ok(),
                b.is_ok()
            ),
        }
    }
}

#[test]
fn reads_numbers_as_javascript_does() {
    let cases: &[(&str, Value)] = &[
        ("0", Value::from(0)),
        ("-0", Value::from(0)),
        ("1.0", Value::from(1)),
        ("1.50", Value::from(1.5)),
        ("-2.25", Value::from(-2.25)),
        ("1e3", Value::from(1000)),
        ("1E-2", Value::from(0.01)),
        ("0.1", Value::from(0.1)),
        ("9007199254740993", Value::from(9_007_199_254_740_992_i64)),
        ("18446744073709551616", Value::from(1.8446744073709552e19)),
        ("1e400", Value::Null),
        ("-1e400", Value::Null),
        ("123456789.123456789", Value::from(123_456_789.123_456_79)),
    ];
    for (text, expected) in cases {
        assert_eq!(read(text, &float).as_ref(), Ok(expected), "{text}");
    }
    for bad in [
        "01", "1.", ".5", "+1", "1e", "1e+", "-", "--1", "0x10", "NaN", "Infinity", "1_000",
    ] {
        assert!(read(bad, &float).is_err(), "{bad}");
    }
}

#[test]
fn reads_escapes_and_surrogates_as_a_javascript_string_crossing_into_rust() {
    let cases: &[(&str, &str)] = &[
        (r#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{c}\n\r\t"),
        (r#""\u00e9\u20AC""#, "é€"),
        (r#""\ud83d\ude00""#, "😀"),
        (r#""\ud83d""#, "\u{FFFD}"),
        (r#""\ude00x""#, "\u{FFFD}x"),
        (r#""\ud83d\u0041""#, "\u{FFFD}A"),
        (r#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"),
        ("\"é 日本 😀\"", "é 日本 😀"),
    ];
    for (text, expected) in cases {
        assert_eq!(read(text, &float), Ok(Value::from(*expected)), "{text}");
    }
    for bad in [
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud83d\\u12\"",
        "\"a\u{1}b\"",
        "\"open",
        "'single'",
    ] {
        assert!(
            matches!(read(bad, &float), Err(ReadError::Syntax(_))),
            "{bad:?}"
        );
    }
}

#[test]
fn refuses_deeper_than_its_limit_without_overflowing() {
    let nest = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    assert!(read(&nest(MAX_READ_DEPTH), &float).is_ok());
    assert_eq!(
        read(&nest(MAX_READ_DEPTH + 1), &float),
        Err(ReadError::TooDeep)
    );
    assert_eq!(read(&"[".repeat(100_000), &float), Err(ReadError::TooDeep));
    let objects = format!("{}{}", "{\"a\":".repeat(MAX_READ_DEPTH + 1), "1");
    assert_eq!(read(&objects, &float), Err(ReadError::TooDeep));
}

#[test]
fn keeps_the_last_of_duplicate_keys_and_refuses_what_json_parse_refuses() {
    assert_eq!(
        read(r#"{"a":1,"a":2}"#, &float),
        Ok(serde_json::json!({"a": 2}))
    );
    for bad in [
        "",
        " ",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "{a:1}",
        "[1 2]",
        "\u{feff}{}",
        "{} {}",
        "nul",
        "truex",
        "[\u{c}]",
    ] {
        assert!(
            matches!(read(bad, &float), Err(ReadError::Syntax(_))),
            "{bad:?}"
        );
    }
    assert_eq!(read(" \t\r\n[ ] \n", &float), Ok(serde_json::json!([])));
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        (-1_000_000i64..1_000_000, 0u32..7)
            .prop_map(|(m, e)| Value::from(m as f64 / 10f64.powi(e as i32))),
        any::<String>().prop_map(Value::String),
        "[a-z\\\\\"/\u{0}-\u{1f}\u{7f}-\u{a0}\u{2028}\u{fffd}😀]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec(("[a-z\"\\\\]{0,4}", inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// `text` with whitespace put between tokens (outside strings) where `spots` say.
fn spaced(text: &str, spots: &[u8]) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.chars().enumerate() {
        if !in_string && matches!(c, ',' | ':' | '[' | ']' | '{' | '}') {
            out.push_str(
                match spots.get(i % spots.len().max(1)).copied().unwrap_or(0) % 5 {
                    0 => "",
                    1 => " ",
                    2 => "\n  ",
                    3 => "\t",
                    _ => "\r\n",
                },
            );
        }
        out.push(c);
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        }
    }
    out
}

proptest! {
    #![proptest_config(proptest_config(512))]

    #[test]
    fn agrees_with_serde_json_on_generated_values(v in value(), spots in prop::collection::vec(any::<u8>(), 1..16)) {
        let compact = serde_json::to_string(&v).unwrap();
        agree(&compact);
        agree(&serde_json::to_string_pretty(&v).unwrap());
        agree(&spaced(&compact, &spots));
        // Read back, the value is the same (numbers kept as the widget keeps them).
        prop_assert_eq!(read(&compact, &float).unwrap(), as_widget_keeps(v));
    }

    #[test]
    fn agrees_with_serde_json_on_edited_texts(
        v in value(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, "[\\[\\]{}:,\"\\\\0-9a-z .eE+\\-\u{0}\u{1f}é]"), 1..4),
    ) {
        let mut text = serde_json::to_string(&v).unwrap();
        for (at, kind, piece) in edits {
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let i = *at.get(&boundaries);
            match kind {
                0 => text.insert_str(i, &piece),
                1 => { if let Some(c) = text[i..].chars().next() { text.replace_range(i..i + c.len_utf8(), ""); } }
                2 => { if let Some(c) = text[i..].chars().next() { text.replace_range(i..i + c.len_utf8(), &piece); } }
                _ => text.truncate(i),
            }
        }
        agree(&text);
    }

    #[test]
    fn agrees_with_serde_json_on_noise(text in "[\\[\\]{}:,\"\\\\0-9tfrunlseaE.+\\- \n\u{0}]{0,40}") {
        agree(&text);
    }
}
