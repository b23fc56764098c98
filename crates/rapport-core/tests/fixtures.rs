//! Data-driven tests: every `tests/fixtures/*.json` file is one case, run by [`check_fixture`].
//!
//! A fixture is either a **definition that loads**, with answers and what must come out:
//!
//! ```json
//! {
//!   "description": "what the case is about",
//!   "definition": { "resourceType": "Questionnaire", ... },
//!   "answers": { "<linkId>": <value>, ... },
//!   "previous": { "<score id>": 30 },
//!   "expect": {
//!     "issues":   [["<linkId>", "<issue code>"], ["<linkId>", "below-min", 0]],
//!     "warnings": [["<linkId>", <index of the broken warning constraint>]],
//!     "enabled":  ["linkIds that must be enabled"],
//!     "disabled": ["linkIds that must be disabled"],
//!     "progress": [answered, total],
//!     "scores":   [{ "id": "total", "value": 12, "answered": 3, "items": 3 }],
//!     "flags":    [{ "id": "low", "score": "total", "items": ["a"] }, "or-just-an-id"],
//!     "response": { "resourceType": "QuestionnaireResponse", ... },
//!     "model":    { "items": [...], "roots": [...], "pointers": {...}, "kinds": {...},
//!                   "controls": {"q": "radio-row" | "slider" | "input"}, "steps": {...},
//!                   "bounds": {"q": [min, max]}, "maxLength": {...}, "ordinals": {...},
//!                   "codes": {"q": [[system, code], ...]}, "parents": {...},
//!                   "required": [...], "reverse": [...], "repeats": [...], "readOnly": [...],
//!                   "enableWhen": {"q": count},
//!                   "languages": [...], "language": "en", "canonical": "url|version" },
//!     "texts":    [{ "linkId": "q1" | "title", "option": "code", "chain": ["es"], "text": "..." }],
//!     "initial":  { "<linkId>": <answer the item starts with> },
//!     "shown":    [{ "id": "total", "value": 52.1, "high": 100,
//!                    "labels": { "en": "label for this chain", "es": "..." } }]
//!   }
//! }
//! ```
//!
//! A definition whose `answerValueSet`s are canonical URLs may come with `"valueSets":
//! {"<reference as written>": <ValueSet>, ...}`, what a terminology server's `$expand` gave
//! (loaded with `Questionnaire::from_value_with`).
//!
//! or a **definition that does not load**, with every problem expected, in order:
//!
//! ```json
//! {
//!   "description": "...",
//!   "definition": <any JSON value, or a string holding JSON text (read with from_json)>,
//!   "pad_to_bytes": 524289,
//!   "errors": [{ "pointer": "/item/0/answerOption", "code": "no-answer-options", "linkId": "a",
//!                "line": 3, "column": 5, "message": "substring of the Display text" }]
//! }
//! ```
//!
//! Answers are written as JSON: `{"coding": "code"}` or `{"coding": {"system": .., "code": ..}}`,
//! `true`/`false`, integers, `{"decimal": 2.5}`, strings, and `{"date": "2026-12-05"}`,
//! `{"dateTime": "2026-12-05T14:30:00+01:00"}`, `{"time": "14:30:00"}`, a quantity as
//! `{"quantity": {"value": 72, "system": .., "code": "kg"}}`; a list of these is the answer of
//! an item that repeats (`[{"coding": "a"}, {"coding": "b"}]`). The answers start from the
//! definition's initial values, as on a first visit; `null` clears one.
//!
//! Issue codes are `IssueCode::code()`: `required`, `below-min`, `above-max`, `too-long`,
//! `not-whole-number`, `not-number`, `wrong-type`, `not-date`, `not-time`, `not-date-time`,
//! `no-match`, `constraint`; an optional third element is the limit (for `constraint`, its index
//! in the definition's constraints).
//!
//! Every expectation key is optional. `response` is compared exactly with the response built
//! with language `en`, authored `2026-01-01T00:00:00Z`, and option displays resolved for `en`.
//! Whatever the fixture says, every loading fixture also checks that the response reads back
//! (`answers_from`) to the answers of the enabled questions, and that building again gives the
//! same response (unless an answer has a type its item does not take: `answers_from` refuses
//! those). Failure messages name the fixture file and show expected and actual side by side;
//! every failing fixture is reported, not just the first.
//!
//! The fixtures were written by hand (expected values worked out from the rules, not copied
//! from the code's output); `research-example.json` is a copy of the placeholder example in
//! the research report (not a licensed instrument).

// Test code may stop loudly; the core's no-panic lints (its Cargo.toml) are for src/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::{
    locate_pointer, DefinitionError, ErrorKind, Item, ItemKind, NumericControl, Questionnaire,
    MAX_ITEMS,
};
use rapport_core::enable::enabled_items;
use rapport_core::fhirpath::{Clock, Program};
use rapport_core::response::{answers_from, build, ResponseMeta};
use rapport_core::scoring::{flags, scores, Flag, PreviousScores, Score};
use rapport_core::validate::{progress, validate, IssueCode};
use serde_json::{json, Map, Value};

const AUTHORED: &str = "2026-01-01T00:00:00Z";
const CLOCK: Clock<'static> = Clock {
    today: "2026-01-01",
    now: AUTHORED,
};

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn every_fixture() {
    let paths = fixture_paths();
    assert!(
        paths.len() >= 25,
        "expected at least 25 fixtures, found {}",
        paths.len()
    );
    let mut failures = Vec::new();
    for path in &paths {
        if let Err(msg) = check_fixture(path) {
            failures.push(format!(
                "--- fixture {} ---\n{msg}",
                path.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    println!("{} fixtures checked", paths.len());
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n\n")
    );
}

/// Runs one fixture file. `Err` lists everything that differed.
fn check_fixture(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let fx: Value = serde_json::from_str(&text).map_err(|e| format!("fixture is not JSON: {e}"))?;
    let fx = fx.as_object().ok_or("fixture is not a JSON object")?;
    for key in fx.keys() {
        if !matches!(
            key.as_str(),
            "description"
                | "definition"
                | "answers"
                | "previous"
                | "expect"
                | "errors"
                | "pad_to_bytes"
                | "valueSets"
        ) {
            return Err(format!("unknown fixture key \"{key}\" (a typo?)"));
        }
    }
    if !fx.get("description").is_some_and(Value::is_string) {
        return Err("fixture has no \"description\"".into());
    }
    let definition = fx
        .get("definition")
        .ok_or("fixture has no \"definition\"")?;
    let loaded = match (definition, fx.get("pad_to_bytes")) {
        (Value::String(source), pad) => {
            let mut source = source.clone();
            pad_to(&mut source, pad);
            Questionnaire::from_json(&source)
        }
        (v, Some(pad)) => {
            let mut source = serde_json::to_string(v).unwrap_or_default();
            pad_to(&mut source, Some(pad));
            Questionnaire::from_json(&source)
        }
        (v, None) if fx.contains_key("valueSets") => {
            // Value sets a terminology server expanded: `{"<reference>": ValueSet, ...}`.
            let given: Vec<(String, Value)> = fx
                .get("valueSets")
                .and_then(Value::as_object)
                .ok_or("\"valueSets\" must be an object")?
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            Questionnaire::from_value_with(v, &given)
        }
        (v, None) => {
            // Also load through the text path: both must agree.
            let by_value = Questionnaire::from_value(v);
            let by_text = Questionnaire::from_json(&serde_json::to_string(v).unwrap_or_default());
            match (&by_value, &by_text) {
                (Err(a), Err(b)) if a != b => {
                    return Err(format!(
                        "from_value and from_json disagree:\n{}\nvs\n{}",
                        show_errors(a),
                        show_errors(b)
                    ))
                }
                (Ok(_), Err(e)) | (Err(e), Ok(_)) => {
                    return Err(format!(
                        "from_value and from_json disagree; one failed with:\n{}",
                        show_errors(e)
                    ))
                }
                _ => {}
            }
            // As the widget loads it: the initial values read afterwards, with the same
            // problems, or the same answers to start with.
            if let Ok(mut later) = Questionnaire::from_value_read_later(v, &[]) {
                // What is read later: the initial values, the patterns (by which items have
                // one) and the constraints.
                let later_parts = |q: &Questionnaire| {
                    let given: Vec<_> = q
                        .initial_answers()
                        .map(|(i, a)| (i.link_id.clone(), a.clone()))
                        .collect();
                    let patterned: Vec<_> = q
                        .items
                        .iter()
                        .filter(|i| i.pattern.is_some())
                        .map(|i| i.link_id.clone())
                        .collect();
                    (given, patterned, q.constraints.clone())
                };
                let read = later.read_later().map(|()| later_parts(&later));
                let direct = by_value.as_ref().map(later_parts).map_err(Clone::clone);
                if read != direct {
                    return Err("what is read later (initial values, patterns, constraints) differs from what is read with the definition".into());
                }
            }
            by_value
        }
    };
    // Expressions are read with the definition, as everything that loads one does.
    let loaded = loaded.and_then(|q| Program::compile(&q).map(|_| q));
    match (fx.get("errors"), loaded) {
        (Some(expected), Err(actual)) => check_errors(expected, &actual),
        (Some(_), Ok(_)) => Err("expected definition errors, but the definition loaded".into()),
        (None, Err(actual)) => Err(format!(
            "the definition does not load:\n{}",
            show_errors(&actual)
        )),
        (None, Ok(q)) => check_loaded(fx, &q),
    }
}

fn pad_to(source: &mut String, pad: Option<&Value>) {
    if let Some(n) = pad.and_then(Value::as_u64) {
        while source.len() < n as usize {
            source.push(' ');
        }
    }
}

fn show_errors(errors: &[DefinitionError]) -> String {
    errors
        .iter()
        .map(|e| {
            format!(
                "  {{\"pointer\": {}, \"code\": \"{}\", \"linkId\": {}}}   // {e}",
                json!(e.pointer),
                e.kind.code(),
                json!(e.link_id)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_errors(expected: &Value, actual: &[DefinitionError]) -> Result<(), String> {
    let list = expected.as_array().ok_or("\"errors\" must be an array")?;
    let mut out = String::new();
    let want: Vec<(String, String, Option<String>)> = list
        .iter()
        .map(|e| {
            (
                e.get("pointer")
                    .and_then(Value::as_str)
                    .unwrap_or("<missing pointer>")
                    .to_owned(),
                e.get("code")
                    .and_then(Value::as_str)
                    .unwrap_or("<missing code>")
                    .to_owned(),
                e.get("linkId").and_then(Value::as_str).map(str::to_owned),
            )
        })
        .collect();
    let got: Vec<(String, String, Option<String>)> = actual
        .iter()
        .map(|e| {
            (
                e.pointer.clone(),
                e.kind.code().to_owned(),
                e.link_id.clone(),
            )
        })
        .collect();
    if want != got {
        let _ = writeln!(
            out,
            "definition errors differ.\nexpected ({}):\n{}\nactual ({}):\n{}",
            want.len(),
            want.iter()
                .map(|(p, c, l)| format!(
                    "  {{\"pointer\": {}, \"code\": \"{c}\", \"linkId\": {}}}",
                    json!(p),
                    json!(l)
                ))
                .collect::<Vec<_>>()
                .join("\n"),
            got.len(),
            show_errors(actual)
        );
    }
    for (i, (e, a)) in list.iter().zip(actual).enumerate() {
        if let Some(line) = e.get("line").and_then(Value::as_u64) {
            match not_json_position(a) {
                Some((l, c)) => {
                    if line as usize != l {
                        let _ = writeln!(out, "error {i}: line {l}, expected {line}");
                    }
                    if let Some(col) = e.get("column").and_then(Value::as_u64) {
                        if col as usize != c {
                            let _ = writeln!(out, "error {i}: column {c}, expected {col}");
                        }
                    }
                }
                None => {
                    let _ = writeln!(
                        out,
                        "error {i}: expected a not-json error with a line, got {a}"
                    );
                }
            }
        }
        if let Some(m) = e.get("message").and_then(Value::as_str) {
            if !a.to_string().contains(m) {
                let _ = writeln!(out, "error {i}: message \"{a}\" does not contain \"{m}\"");
            }
        }
    }
    // Every error, whatever it is, says where, what and how to fix it.
    for a in actual {
        let shown = a.to_string();
        if !shown.starts_with("at /") || !shown.contains("; fix: ") || a.kind.hint().is_empty() {
            let _ = writeln!(out, "error not located or without a fix hint: {shown}");
        }
        if !a.pointer.is_empty() && !a.pointer.starts_with('/') {
            let _ = writeln!(out, "pointer is not a JSON pointer: {}", a.pointer);
        }
    }
    if out.is_empty() {
        Ok(())
    } else {
        Err(out)
    }
}

/// The line and column of a not-json error.
fn not_json_position(e: &DefinitionError) -> Option<(usize, usize)> {
    match &e.kind {
        ErrorKind::NotJson { line, column, .. } => Some((*line, *column)),
        _ => None,
    }
}

/// Reads one answer written in the fixture notation.
fn parse_answer(v: &Value) -> Result<AnswerValue, String> {
    Ok(match v {
        Value::Array(list) => {
            AnswerValue::Many(list.iter().map(parse_answer).collect::<Result<_, _>>()?)
        }
        Value::Bool(b) => AnswerValue::Boolean(*b),
        Value::Number(n) => AnswerValue::Integer(
            n.as_i64()
                .ok_or_else(|| format!("{v} is not an integer; write {{\"decimal\": {v}}}"))?,
        ),
        Value::String(s) => AnswerValue::String(s.clone()),
        Value::Object(o) if o.len() == 1 && o.contains_key("decimal") => AnswerValue::Decimal(
            o.get("decimal")
                .and_then(Value::as_f64)
                .ok_or("\"decimal\" must be a number")?,
        ),
        Value::Object(o)
            if o.len() == 1
                && ["date", "dateTime", "time"]
                    .iter()
                    .any(|k| o.get(*k).is_some_and(Value::is_string)) =>
        {
            match o.iter().next() {
                Some((k, Value::String(s))) if k == "date" => AnswerValue::Date(s.clone()),
                Some((k, Value::String(s))) if k == "dateTime" => AnswerValue::DateTime(s.clone()),
                Some((_, Value::String(s))) => AnswerValue::Time(s.clone()),
                _ => return Err(format!("bad date answer {v}")),
            }
        }
        Value::Object(o) if o.len() == 1 && o.contains_key("quantity") => {
            let q = o.get("quantity").ok_or("quantity")?;
            AnswerValue::Quantity {
                value: q
                    .get("value")
                    .and_then(Value::as_f64)
                    .ok_or("quantity without value")?,
                system: q.get("system").and_then(Value::as_str).map(str::to_owned),
                code: q
                    .get("code")
                    .and_then(Value::as_str)
                    .ok_or("quantity without code")?
                    .to_owned(),
            }
        }
        Value::Object(o) if o.len() == 1 && o.contains_key("coding") => match o.get("coding") {
            Some(Value::String(code)) => AnswerValue::Coding {
                system: None,
                code: code.clone(),
            },
            Some(Value::Object(c)) => AnswerValue::Coding {
                system: c.get("system").and_then(Value::as_str).map(str::to_owned),
                code: c
                    .get("code")
                    .and_then(Value::as_str)
                    .ok_or("coding without code")?
                    .to_owned(),
            },
            _ => return Err(format!("bad coding answer {v}")),
        },
        _ => return Err(format!("cannot read answer {v}")),
    })
}

fn show_answer(v: &AnswerValue) -> String {
    match v {
        AnswerValue::Coding { system, code } => match system {
            Some(s) => format!("{{\"coding\": {{\"system\": \"{s}\", \"code\": \"{code}\"}}}}"),
            None => format!("{{\"coding\": \"{code}\"}}"),
        },
        AnswerValue::Boolean(b) => b.to_string(),
        AnswerValue::Integer(i) => i.to_string(),
        AnswerValue::Decimal(d) => format!("{{\"decimal\": {d}}}"),
        AnswerValue::String(s) => json!(s).to_string(),
        AnswerValue::Date(s) => format!("{{\"date\": \"{s}\"}}"),
        AnswerValue::DateTime(s) => format!("{{\"dateTime\": \"{s}\"}}"),
        AnswerValue::Time(s) => format!("{{\"time\": \"{s}\"}}"),
        AnswerValue::Quantity {
            value,
            system,
            code,
        } => json!({"quantity": {"value": value, "system": system, "code": code}}).to_string(),
        AnswerValue::Many(list) => format!(
            "[{}]",
            list.iter().map(show_answer).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn show_answers(a: &Answers) -> String {
    a.iter()
        .map(|(k, v)| format!("{k}: {}", show_answer(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn issue_code(code: &IssueCode) -> Value {
    match code {
        IssueCode::BelowMin { min } => json!([code.code(), min]),
        IssueCode::AboveMax { max } => json!([code.code(), max]),
        IssueCode::TooLong { max } => json!([code.code(), max]),
        IssueCode::TooShort { min } => json!([code.code(), min]),
        IssueCode::Constraint { index } => json!([code.code(), index]),
        _ => json!([code.code()]),
    }
}

fn kind_name(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Group => "group",
        ItemKind::Display => "display",
        ItemKind::Choice { open: None, .. } => "choice",
        ItemKind::Choice { open: Some(_), .. } => "open-choice",
        ItemKind::Integer { .. } => "integer",
        ItemKind::Decimal { .. } => "decimal",
        ItemKind::Boolean => "boolean",
        ItemKind::String { .. } => "string",
        ItemKind::Text { .. } => "text",
        ItemKind::Date => "date",
        ItemKind::DateTime => "dateTime",
        ItemKind::Time => "time",
        ItemKind::Quantity { .. } => "quantity",
    }
}

fn control_name(c: NumericControl) -> &'static str {
    match c {
        NumericControl::RadioRow => "radio-row",
        NumericControl::Slider => "slider",
        NumericControl::Input => "input",
    }
}

/// The response the fixtures expect: language `en`, a fixed time, option displays for `en`.
fn build_response(q: &Questionnaire, answers: &Answers) -> Value {
    let chain = vec!["en".to_owned()];
    let lang = q.language.clone();
    build(
        q,
        answers,
        &ResponseMeta {
            language: "en",
            authored: AUTHORED,
        },
        &move |_, opt| {
            opt.display
                .as_ref()
                .map(|t| t.resolve(&chain, &lang).to_owned())
        },
    )
}

/// Whether an answer has the shape its item takes (what `answers_from` accepts).
fn fits(item: &Item, v: &AnswerValue) -> bool {
    rapport_core::response::answer_fits(item, v)
}

fn check_loaded(fx: &Map<String, Value>, q: &Questionnaire) -> Result<(), String> {
    let mut out = String::new();
    // A first visit, as the widget begins one: the definition's initial values, then what the
    // patient answered over them (`null`: they cleared it).
    let mut answers = Answers::new();
    for (item, v) in q.initial_answers() {
        answers.set(&item.link_id, Some(v.clone()));
    }
    if let Some(a) = fx.get("answers") {
        let a = a.as_object().ok_or("\"answers\" must be an object")?;
        for (k, v) in a {
            let v = match v {
                Value::Null => None,
                v => Some(parse_answer(v).map_err(|e| format!("answer {k}: {e}"))?),
            };
            answers.set(k, v);
        }
    }
    // With the instances of repeating groups the answers fill (answers inside them are keyed
    // `linkId` + U+001F + instance numbers); the definition itself when no group repeats.
    let base = q;
    let q = &base.fitting(&answers);
    // Calculated items (SDC calculatedExpression) worked out as the widget does, on a fixed
    // day; the fixture gives only what the patient answered.
    if let Some(program) = Program::compile(q).map_err(|e| show_errors(&e))? {
        program.calculate(q, &mut answers, CLOCK);
    }
    let mut previous = PreviousScores::new();
    if let Some(p) = fx.get("previous") {
        for (k, v) in p.as_object().ok_or("\"previous\" must be an object")? {
            v.as_f64().ok_or("previous scores are numbers")?;
            previous.insert(k.clone(), v.clone());
        }
    }
    let empty = Map::new();
    let expect = match fx.get("expect") {
        Some(Value::Object(e)) => e,
        Some(_) => return Err("\"expect\" must be an object".into()),
        None => &empty,
    };
    for key in expect.keys() {
        if !matches!(
            key.as_str(),
            "issues"
                | "warnings"
                | "enabled"
                | "disabled"
                | "progress"
                | "scores"
                | "flags"
                | "response"
                | "model"
                | "texts"
                | "shown"
                | "initial"
        ) {
            return Err(format!("unknown expect key \"{key}\" (a typo?)"));
        }
    }
    for (k, _) in answers.iter() {
        if q.item(k).is_none() {
            let _ = writeln!(out, "the fixture answers \"{k}\", which is not an item");
        }
    }

    // Issues.
    let issues = validate(q, &answers);
    if let Some(want) = expect.get("issues") {
        let got: Vec<Value> = issues
            .iter()
            .map(|i| {
                let mut v = vec![json!(i.link_id)];
                let code = issue_code(&i.code);
                v.extend(code.as_array().cloned().unwrap_or_default());
                Value::Array(v)
            })
            .collect();
        // An expected entry without a limit matches on linkId and code only.
        let want = want.as_array().ok_or("\"issues\" must be an array")?;
        let same = want.len() == got.len()
            && want
                .iter()
                .zip(&got)
                .all(|(w, g)| match (w.as_array(), g.as_array()) {
                    (Some(w), Some(g)) if w.len() == 2 => g.get(..2) == Some(&w[..]),
                    (Some(w), Some(g)) => {
                        w.len() == g.len()
                            && w.iter().zip(g).all(|(a, b)| {
                                a == b || (a.as_f64().is_some() && a.as_f64() == b.as_f64())
                            })
                    }
                    _ => false,
                });
        if !same {
            let _ = writeln!(
                out,
                "issues differ (answers: {}):\n  expected {}\n  actual   {}",
                show_answers(&answers),
                Value::Array(want.clone()),
                Value::Array(got)
            );
        }
    }

    // Constraints of severity `warning` broken: the patient is told, nothing stops.
    if let Some(want) = expect.get("warnings") {
        let got: Vec<Value> = q
            .items
            .iter()
            .filter_map(|i| answers.warned(&i.link_id).map(|w| json!([i.link_id, w])))
            .collect();
        if want.as_array() != Some(&got) {
            let _ = writeln!(
                out,
                "warnings differ:\n  expected {want}\n  actual   {}",
                Value::Array(got)
            );
        }
    }

    // Enabled and disabled items.
    let enabled = enabled_items(q, &answers);
    for (key, want_on) in [("enabled", true), ("disabled", false)] {
        if let Some(list) = expect.get(key) {
            for id in list.as_array().ok_or("enabled/disabled must be arrays")? {
                let id = id.as_str().unwrap_or_default();
                match q.position(id) {
                    None => {
                        let _ = writeln!(out, "{key}: \"{id}\" is not an item");
                    }
                    Some(p) if enabled.get(p).copied() != Some(want_on) => {
                        let _ = writeln!(
                            out,
                            "\"{id}\" should be {key} but is not (answers: {})",
                            show_answers(&answers)
                        );
                    }
                    Some(_) => {}
                }
            }
        }
    }
    if let Some(want) = expect.get("progress") {
        let got = progress(q, &answers);
        if json!([got.0, got.1]) != *want {
            let _ = writeln!(out, "progress: expected {want}, got [{}, {}]", got.0, got.1);
        }
    }

    // Scores and flags.
    let computed = scores(q, &answers);
    if let Some(want) = expect.get("scores") {
        match serde_json::from_value::<Vec<Score>>(want.clone()) {
            Ok(want_scores) if want_scores == computed => {}
            Ok(_) => {
                let _ = writeln!(
                    out,
                    "scores differ:\n  expected {}\n  actual   {}",
                    want,
                    json!(computed)
                );
            }
            Err(e) => {
                let _ = writeln!(out, "cannot read expected scores: {e}");
            }
        }
    }
    let raised = flags(q, &answers, &computed, &previous);
    if let Some(want) = expect.get("flags") {
        let want = want.as_array().ok_or("\"flags\" must be an array")?;
        let same = want.len() == raised.len()
            && want.iter().zip(&raised).all(|(w, g)| match w {
                Value::String(id) => id == &g.id,
                other => serde_json::from_value::<Flag>(other.clone()).ok().as_ref() == Some(g),
            });
        if !same {
            let _ = writeln!(
                out,
                "flags differ (previous {previous:?}):\n  expected {}\n  actual   {}",
                Value::Array(want.clone()),
                json!(raised)
            );
        }
    }

    // The response, and that it reads back.
    let response = build_response(q, &answers);
    if let Some(want) = expect.get("response") {
        if *want != response {
            let _ = writeln!(
                out,
                "response differs:\n  expected {want}\n  actual   {response}"
            );
        }
    }
    let well_typed = answers.iter().all(|(k, v)| {
        q.item(k)
            .is_none_or(|i| !i.kind.is_question() || fits(i, v))
    });
    match answers_from(base, &response) {
        Ok(back) => {
            // Expected: the enabled questions' answers, with the option's system on codings.
            let mut effective = Answers::new();
            for (i, item) in q.items.iter().enumerate() {
                if !item.kind.is_question() || !enabled.get(i).copied().unwrap_or(false) {
                    continue;
                }
                let Some(v) = answers.get(&item.link_id) else {
                    continue;
                };
                let with_system = |v: &AnswerValue| match (&item.kind, v) {
                    // Options an answerExpression lists: as answered.
                    (ItemKind::Choice { options, .. }, AnswerValue::Coding { .. })
                        if options.is_empty() =>
                    {
                        Some(v.clone())
                    }
                    (ItemKind::Choice { options, .. }, AnswerValue::Coding { code, .. }) => options
                        .iter()
                        .find(|o| &o.code == code)
                        .map(|o| AnswerValue::Coding {
                            system: o.system.clone(),
                            code: o.code.clone(),
                        }),
                    (_, v) => Some(v.clone()),
                };
                let v = match v {
                    AnswerValue::Many(list) => {
                        match list.iter().map(with_system).collect::<Option<Vec<_>>>() {
                            Some(list) => AnswerValue::Many(list),
                            None => continue,
                        }
                    }
                    one => match with_system(one) {
                        Some(v) => v,
                        None => continue,
                    },
                };
                effective.set(&item.link_id, Some(v));
            }
            // And what the enableWhenExpressions showed (the receiver works it out again).
            for item in q.items.iter().filter(|i| i.enable_expression) {
                effective.set_shown_by_expression(
                    &item.link_id,
                    answers.shown_by_expression(&item.link_id),
                );
            }
            if back != effective {
                let _ = writeln!(
                    out,
                    "response does not read back to the enabled answers:\n  expected {}\n  actual   {}",
                    show_answers(&effective),
                    show_answers(&back)
                );
            }
            let again = build_response(q, &back);
            if again != response {
                let _ = writeln!(
                    out,
                    "building from the read-back answers gives another response:\n  first  {response}\n  second {again}"
                );
            }
        }
        Err(e) if well_typed => {
            let _ = writeln!(
                out,
                "the built response does not read back: {e:?}\n  {response}"
            );
        }
        Err(_) => {}
    }

    if let Some(model) = expect.get("model") {
        check_model(model, q, &mut out)?;
    }
    if let Some(texts) = expect.get("texts") {
        check_texts(texts, q, &mut out)?;
    }
    if let Some(want) = expect.get("initial") {
        let want = want.as_object().ok_or("\"initial\" must be an object")?;
        let mut listed = Vec::new();
        for (k, v) in want {
            listed.push((
                k.clone(),
                parse_answer(v).map_err(|e| format!("initial {k}: {e}"))?,
            ));
        }
        let mut got: Vec<(String, AnswerValue)> = q
            .initial_answers()
            .map(|(i, v)| (i.link_id.clone(), v.clone()))
            .collect();
        got.sort_by(|a, b| a.0.cmp(&b.0));
        listed.sort_by(|a, b| a.0.cmp(&b.0));
        if got != listed {
            let _ = writeln!(
                out,
                "initial answers differ:\n  expected {listed:?}\n  actual   {got:?}"
            );
        }
    }
    if let Some(want) = expect.get("shown") {
        check_shown(want, q, &computed, &mut out)?;
    }
    if out.is_empty() {
        Ok(())
    } else {
        Err(out)
    }
}

/// What a patient would see with `show-scores`: which scores, rounded how, out of what, and
/// each label in each language chain given (a one-tag chain per key of `labels`; `null` for
/// no label).
fn check_shown(
    want: &Value,
    q: &Questionnaire,
    computed: &[Score],
    out: &mut String,
) -> Result<(), String> {
    let want = want.as_array().ok_or("\"shown\" must be an array")?;
    let got = rapport_core::scoring::shown(q, computed);
    let ids: Vec<&str> = got.iter().map(|s| s.rule.id.as_str()).collect();
    let want_ids: Vec<&str> = want
        .iter()
        .filter_map(|w| w.get("id").and_then(Value::as_str))
        .collect();
    if ids != want_ids {
        let _ = writeln!(out, "shown scores: expected {want_ids:?}, got {ids:?}");
        return Ok(());
    }
    for (w, g) in want.iter().zip(&got) {
        let id = &g.rule.id;
        if w.get("value").and_then(Value::as_f64) != Some(g.value) {
            let _ = writeln!(
                out,
                "shown {id}: value expected {}, got {}",
                w["value"], g.value
            );
        }
        if w.get("high").and_then(Value::as_f64) != Some(g.high) {
            let _ = writeln!(
                out,
                "shown {id}: high expected {}, got {}",
                w["high"], g.high
            );
        }
        for (lang, label) in w
            .get("labels")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let resolved = g
                .rule
                .label
                .as_ref()
                .map(|t| t.resolve(std::slice::from_ref(lang), &q.language));
            if resolved != label.as_str() {
                let _ = writeln!(
                    out,
                    "shown {id}: label in [{lang}] expected {label}, got {resolved:?}"
                );
            }
        }
    }
    Ok(())
}

fn check_model(model: &Value, q: &Questionnaire, out: &mut String) -> Result<(), String> {
    let model = model.as_object().ok_or("\"model\" must be an object")?;
    let item = |id: &str| {
        q.item(id)
            .ok_or_else(|| format!("model: \"{id}\" is not an item"))
    };
    for (key, want) in model {
        match key.as_str() {
            "items" => {
                let got: Vec<&str> = q.items.iter().map(|i| i.link_id.as_str()).collect();
                if json!(got) != *want {
                    let _ = writeln!(
                        out,
                        "items in document order: expected {want}, got {}",
                        json!(got)
                    );
                }
            }
            "roots" => {
                let got: Vec<&str> = q.roots().map(|i| i.link_id.as_str()).collect();
                if json!(got) != *want {
                    let _ = writeln!(out, "roots: expected {want}, got {}", json!(got));
                }
            }
            "pointers" => {
                for (id, p) in want.as_object().ok_or("pointers is an object")? {
                    let got = &item(id)?.pointer;
                    if Some(got.as_str()) != p.as_str() {
                        let _ = writeln!(out, "pointer of {id}: expected {p}, got \"{got}\"");
                    }
                }
            }
            "kinds" => {
                for (id, k) in want.as_object().ok_or("kinds is an object")? {
                    let got = kind_name(&item(id)?.kind);
                    if Some(got) != k.as_str() {
                        let _ = writeln!(out, "kind of {id}: expected {k}, got \"{got}\"");
                    }
                }
            }
            "controls" | "steps" | "bounds" => {
                for (id, c) in want
                    .as_object()
                    .ok_or("controls/steps/bounds is an object")?
                {
                    match &item(id)?.kind {
                        ItemKind::Integer {
                            control,
                            step,
                            min,
                            max,
                        } => {
                            let got = match key.as_str() {
                                "controls" => json!(control_name(*control)),
                                "steps" => json!(step),
                                _ => json!([min, max]),
                            };
                            if got != *c {
                                let _ = writeln!(out, "{key} of {id}: expected {c}, got {got}");
                            }
                        }
                        ItemKind::Decimal { min, max } if key == "bounds" => {
                            let got = json!([min, max]);
                            let same = got.as_array().zip(c.as_array()).is_some_and(|(g, w)| {
                                g.len() == w.len()
                                    && g.iter().zip(w).all(|(a, b)| a.as_f64() == b.as_f64())
                            });
                            if !same {
                                let _ = writeln!(out, "bounds of {id}: expected {c}, got {got}");
                            }
                        }
                        other => {
                            let _ = writeln!(
                                out,
                                "{key}: {id} is a {}, not an integer",
                                kind_name(other)
                            );
                        }
                    }
                }
            }
            "maxLength" => {
                for (id, m) in want.as_object().ok_or("maxLength is an object")? {
                    match &item(id)?.kind {
                        ItemKind::String { max_length } | ItemKind::Text { max_length } => {
                            if json!(max_length) != *m {
                                let _ = writeln!(
                                    out,
                                    "maxLength of {id}: expected {m}, got {}",
                                    json!(max_length)
                                );
                            }
                        }
                        other => {
                            let _ = writeln!(out, "maxLength: {id} is a {}", kind_name(other));
                        }
                    }
                }
            }
            "ordinals" => {
                for (id, list) in want.as_object().ok_or("ordinals is an object")? {
                    match &item(id)?.kind {
                        ItemKind::Choice { options, .. } => {
                            let got: Vec<Value> = options
                                .iter()
                                .map(|o| o.score.map_or(Value::Null, |s| json!(s)))
                                .collect();
                            let same = list.as_array().is_some_and(|w| {
                                w.len() == got.len()
                                    && w.iter().zip(&got).all(|(a, b)| a.as_f64() == b.as_f64())
                            });
                            if !same {
                                let _ = writeln!(
                                    out,
                                    "ordinal values of {id}: expected {list}, got {}",
                                    json!(got)
                                );
                            }
                        }
                        other => {
                            let _ = writeln!(out, "ordinals: {id} is a {}", kind_name(other));
                        }
                    }
                }
            }
            "codes" => {
                for (id, list) in want.as_object().ok_or("codes is an object")? {
                    if let ItemKind::Choice { options, .. } = &item(id)?.kind {
                        let got: Vec<Value> =
                            options.iter().map(|o| json!([o.system, o.code])).collect();
                        if Value::Array(got.clone()) != *list {
                            let _ = writeln!(
                                out,
                                "options of {id}: expected {list}, got {}",
                                json!(got)
                            );
                        }
                    }
                }
            }
            "parents" => {
                for (id, p) in want.as_object().ok_or("parents is an object")? {
                    let got = item(id)?
                        .parent
                        .and_then(|i| q.items.get(i))
                        .map(|i| i.link_id.clone());
                    if json!(got) != *p {
                        let _ = writeln!(out, "parent of {id}: expected {p}, got {}", json!(got));
                    }
                }
            }
            "required" | "reverse" | "repeats" | "readOnly" => {
                let got: Vec<&str> = q
                    .items
                    .iter()
                    .filter(|i| match key.as_str() {
                        "required" => i.required,
                        "repeats" => i.repeats,
                        "readOnly" => i.read_only,
                        _ => i.reverse_scored,
                    })
                    .map(|i| i.link_id.as_str())
                    .collect();
                if json!(got) != *want {
                    let _ = writeln!(out, "{key} items: expected {want}, got {}", json!(got));
                }
            }
            "languages" => {
                if json!(q.languages()) != *want {
                    let _ = writeln!(
                        out,
                        "languages: expected {want}, got {}",
                        json!(q.languages())
                    );
                }
            }
            "language" => {
                if json!(q.language) != *want {
                    let _ = writeln!(out, "language: expected {want}, got {}", json!(q.language));
                }
            }
            "canonical" => {
                if json!(q.canonical()) != *want {
                    let _ = writeln!(
                        out,
                        "canonical: expected {want}, got {}",
                        json!(q.canonical())
                    );
                }
            }
            "enableWhen" => {
                // linkId -> number of conditions kept
                for (id, n) in want.as_object().ok_or("enableWhen is an object")? {
                    let got = item(id)?.enable_when.len();
                    if Some(got as u64) != n.as_u64() {
                        let _ = writeln!(out, "conditions of {id}: expected {n}, got {got}");
                    }
                }
            }
            other => return Err(format!("unknown model key \"{other}\"")),
        }
    }
    Ok(())
}

fn check_texts(texts: &Value, q: &Questionnaire, out: &mut String) -> Result<(), String> {
    for t in texts.as_array().ok_or("\"texts\" must be an array")? {
        let id = t
            .get("linkId")
            .and_then(Value::as_str)
            .ok_or("texts entry without linkId")?;
        let chain: Vec<String> = t
            .get("chain")
            .and_then(Value::as_array)
            .map(|c| {
                c.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let want = t
            .get("text")
            .and_then(Value::as_str)
            .ok_or("texts entry without text")?;
        let text = if id == "title" {
            q.title.clone()
        } else {
            let item = q
                .item(id)
                .ok_or_else(|| format!("texts: \"{id}\" is not an item"))?;
            match t.get("option").and_then(Value::as_str) {
                None => item.text.clone(),
                Some(code) => match &item.kind {
                    ItemKind::Choice { options, .. } => options
                        .iter()
                        .find(|o| o.code == code)
                        .and_then(|o| o.display.clone()),
                    _ => None,
                },
            }
        };
        let got = text.as_ref().map(|x| x.resolve(&chain, &q.language));
        if got != Some(want) {
            let _ = writeln!(
                out,
                "text of {id}{} for {chain:?}: expected \"{want}\", got {got:?}",
                t.get("option")
                    .map(|o| format!(" option {o}"))
                    .unwrap_or_default()
            );
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Cases that do not fit in a fixture file
// ---------------------------------------------------------------------------------------------

/// A definition with `n` top-level integer items.
fn many_items(n: usize) -> Value {
    let items: Vec<Value> = (0..n)
        .map(|i| json!({ "linkId": format!("i{i}"), "type": "boolean" }))
        .collect();
    json!({ "resourceType": "Questionnaire", "item": items })
}

#[test]
fn item_limit() {
    assert!(Questionnaire::from_value(&many_items(MAX_ITEMS)).is_ok());
    let errors = Questionnaire::from_value(&many_items(MAX_ITEMS + 1)).unwrap_err();
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.pointer.as_str(), e.kind.code()))
        .collect();
    assert_eq!(got, vec![("/item", "too-many-items")]);
    // Nested below a group, too.
    let nested = json!({ "resourceType": "Questionnaire", "item": [
        { "linkId": "g", "type": "group", "item": many_items(MAX_ITEMS)["item"] }
    ]});
    let errors = Questionnaire::from_value(&nested).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].kind.code(), "too-many-items");
}

#[test]
fn max_length_is_capped() {
    let q = Questionnaire::from_value(&json!({ "resourceType": "Questionnaire", "item": [
        { "linkId": "t", "type": "text", "maxLength": 1_000_000 }
    ]}))
    .unwrap();
    assert_eq!(
        q.item("t").map(|i| i.kind.clone()),
        Some(ItemKind::Text {
            max_length: Some(rapport_core::definition::MAX_TEXT_LENGTH)
        })
    );
    let mut a = Answers::new();
    a.set(
        "t",
        Some(AnswerValue::String(
            "x".repeat(rapport_core::definition::MAX_TEXT_LENGTH + 1),
        )),
    );
    assert_eq!(
        validate(&q, &a).first().map(|i| i.code.clone()),
        Some(IssueCode::TooLong {
            max: rapport_core::definition::MAX_TEXT_LENGTH
        })
    );
}

#[test]
fn depth_limit_boundary() {
    // resourceType object (depth 1) + 47 levels of arrays = depth 48: accepted up to the walk.
    let nest = |levels: usize| {
        let mut v = json!(1);
        for _ in 0..levels {
            v = json!([v]);
        }
        json!({ "resourceType": "Questionnaire", "item": [ { "linkId": "a", "type": "boolean" } ], "x": v })
    };
    // depth of {"x": [[...[1]...]]} is 1 (object) + levels + 1 (the scalar).
    assert!(Questionnaire::from_value(&nest(46)).is_ok());
    let errors = Questionnaire::from_value(&nest(47)).unwrap_err();
    assert_eq!(errors[0].kind.code(), "too-deep", "{errors:?}");
    // Far beyond serde_json's own recursion limit: a not-json error, not a stack overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let errors = Questionnaire::from_json(&deep).unwrap_err();
    assert_eq!(errors[0].kind.code(), "not-json");
}

// ---------------------------------------------------------------------------------------------
// locate_pointer: where a problem is in the file
// ---------------------------------------------------------------------------------------------

/// The byte offset of a 1-based (line, column), columns counted in characters.
fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let start: usize = source
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    start
        + source[start..]
            .char_indices()
            .nth(column - 1)
            .map_or(0, |(i, _)| i)
}

/// Whether `located` is the place `pointer` names in `source`: the key's quote for an object
/// member, the opening bracket for an array element.
fn located_right(source: &str, pointer: &str, located: (usize, usize)) -> bool {
    let at = &source[offset_of(source, located.0, located.1)..];
    let last = pointer.rsplit('/').next().unwrap_or("");
    if last.parse::<usize>().is_ok() {
        // An array element: located at its first character, whatever its type.
        at.starts_with(|c: char| {
            matches!(c, '{' | '[' | '"' | '-' | 't' | 'f' | 'n') || c.is_ascii_digit()
        })
    } else {
        at.starts_with(&format!(
            "\"{}\"",
            last.replace("~1", "/").replace("~0", "~")
        ))
    }
}

/// Every error of the error fixtures is found in the fixture file itself (hand-formatted JSON),
/// at the element named by its pointer (or, for a missing field, at its parent).
#[test]
fn locate_pointer_finds_fixture_errors() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    for path in fixture_paths() {
        let text = std::fs::read_to_string(&path).unwrap();
        let fx: Value = serde_json::from_str(&text).unwrap();
        let (Some(errors), Some(def)) = (fx["errors"].as_array(), fx["definition"].as_object())
        else {
            continue;
        };
        let def = Value::Object(def.clone());
        for e in errors {
            let p = e["pointer"].as_str().unwrap_or_default();
            if p.is_empty() {
                continue;
            }
            let target = if def.pointer(p).is_some() {
                p.to_owned()
            } else {
                p.rsplit_once('/')
                    .map(|(a, _)| a.to_owned())
                    .unwrap_or_default()
            };
            if target.is_empty() {
                continue;
            }
            let full = format!("/definition{target}");
            match locate_pointer(&text, &full) {
                Some(at) if located_right(&text, &full, at) => checked += 1,
                other => wrong.push(format!(
                    "{}: {full} located at {other:?}",
                    path.file_name().unwrap().to_string_lossy()
                )),
            }
        }
    }
    assert!(checked > 50, "only {checked} pointers checked");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A key is looked up at the depth of the element it belongs to: an item's own `extension`
/// comes after the `extension` inside its `_text` translations (as in the research example).
/// And an array element that is not an object or array is located at its first character (or
/// not at all), never elsewhere.
#[test]

fn locate_pointer_skips_nested_keys_of_the_same_name() {
    let source = "{\"item\": [1, \"not an item\", {\"linkId\": \"a\"}]}";
    let at = locate_pointer(source, "/item/1");
    assert!(
        at.is_none() || at == Some((1, 14)),
        "scalar element located at {at:?}"
    );

    let path = fixtures_dir().join("research-example.json");
    let text = std::fs::read_to_string(path).unwrap();
    let at = locate_pointer(&text, "/definition/item/0/extension/0").expect("located");
    let rest = &text[offset_of(&text, at.0, at.1)..];
    let element: String = rest.chars().take_while(|c| *c != '}').collect();
    assert!(
        element.contains("questionnaire-itemControl"),
        "located at {at:?}: {element}"
    );
}
