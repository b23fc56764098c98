//! The core must never panic, whatever it is given: a panic in WebAssembly kills the widget,
//! and the receiver runs the same code on untrusted envelopes. Property tests (proptest) feed
//! every public entry point with arbitrary and hostile input, and check the invariants that
//! tie the pieces together (a response reads back to its answers; an envelope the widget would
//! send verifies).
//!
//! Cases per run (fixed with `ProptestConfig::with_cases`; debug build on a 2-core machine):
//!
//! | property                                              | cases |
//! |-------------------------------------------------------|------:|
//! | (a) `from_json` on arbitrary strings                  |  2000 |
//! | (a) `from_json` on arbitrary bytes (lossy UTF-8)      |  1000 |
//! | (a) `from_json` on JSON-like text                     |  2000 |
//! | (a) `from_json` on byte-mutated bundled definitions   |   500 |
//! | (b) `from_value` on arbitrary FHIR-vocabulary trees   |  2000 |
//! | (b) structured definitions, every function, invariants|  1500 |
//! | (c) `verify` on arbitrary bytes                       |  2000 |
//! | (c) `verify` on JSON-mutated valid envelopes          |  1000 |
//! | (c) `verify` on byte-mutated valid envelopes          |  1000 |
//! | (c) `verify` with arbitrary QuestionnaireResponses    |  1000 |
//! | (d) `negotiate`, `is_rtl`, `same_language`, status    |  2000 |
//! | (d) `Localizer::add_locale` / `format` / `text`       |  1000 |
//! | (d) Fluent parser and resolver on arbitrary text      |  2000 |
//! | (d) Fluent parser and resolver on FTL-alphabet text   |  2000 |
//! | (d) Fluent parser on byte-edited shipped FTL files    |   500 |
//! | (d) Fluent parser on deep nesting (up to 3000 levels) |   300 |
//! | (e) `locate_pointer`, arbitrary source and pointer    |  2000 |
//! | (e) `locate_pointer`, real JSON and real pointers     |   500 |
//! | (f) `normalize_digits`, `parse_number`                |  5000 |
//! | (f) `parse_number` native digits = ASCII digits       |  2000 |
//! | (f) `parse_typed` dates and times, real calendar days |  5000 |
//! | (g) stored drafts and outbox entries, damaged          |  2000 |
//! | (g) retry rules (`classify`, `backoff_ms`, Retry-After)|  2000 |
//! | (g) `parse_decimal` agrees with `str::parse::<f64>`   |  2000 |
//!
//! 47,300 generated cases in all (plus shrinking when one fails); about 20 s in a debug build
//! on the 2-core machine this was written on (`cargo test -p rapport-core --test no_panic`).
//! Failures are saved beside this file in `no_panic.proptest-regressions` and replayed first.
//! For a longer hunt: `RAPPORT_PROPTEST_SCALE=20 cargo test -p rapport-core --test no_panic`.

// Test code may stop loudly; the core's no-panic lints (its Cargo.toml) are for src/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;
use rapport_core::answers::{normalize_digits, AnswerValue, Answers};
use rapport_core::bundled;
use rapport_core::dates;
use rapport_core::definition::instances::key_of;
use rapport_core::definition::{locate_pointer, ItemKind, NumericControl, Questionnaire};
use rapport_core::enable::enabled_items;
use rapport_core::envelope::{check, Envelope};
use rapport_core::fluent::{Bundle, PlainNumbers, MAX_NESTING};
use rapport_core::i18n::{self, Arg, Localizer};
use rapport_core::response::{answers_from, build};
use rapport_core::scoring::{flags, scores, PreviousScores};
use rapport_core::validate::{check_answer, parse_number, parse_typed, progress, validate};
use rapport_core::{
    ext, EXT_ITEM_CONTROL, EXT_ITEM_WEIGHT, EXT_MAX_VALUE, EXT_MIN_VALUE, EXT_ORDINAL_VALUE,
    EXT_SLIDER_STEP, EXT_TRANSLATION,
};
use serde_json::{json, Map, Value};

mod support;
use support::{load, lookup, proptest_config, Submission, META};

// ---------------------------------------------------------------------------------------------
// Vocabulary and strategies
// ---------------------------------------------------------------------------------------------

/// Keys of FHIR Questionnaire / QuestionnaireResponse JSON (and Rapport's extensions).
const KEYS: &[&str] = &[
    "resourceType",
    "contained",
    "answerValueSet",
    "compose",
    "include",
    "exclude",
    "concept",
    "expansion",
    "contains",
    "designation",
    "abstract",
    "inactive",
    "filter",
    "item",
    "linkId",
    "type",
    "text",
    "required",
    "enableWhen",
    "question",
    "operator",
    "answerBoolean",
    "answerInteger",
    "answerDecimal",
    "answerString",
    "answerCoding",
    "answerOption",
    "initial",
    "initialSelected",
    "readOnly",
    "valueCoding",
    "code",
    "system",
    "display",
    "_display",
    "extension",
    "url",
    "valueInteger",
    "valueDecimal",
    "valueString",
    "valueCode",
    "valueBoolean",
    "valueCodeableConcept",
    "coding",
    "maxLength",
    "enableBehavior",
    "_text",
    "title",
    "_title",
    "language",
    "version",
    "status",
    "answer",
    "questionnaire",
];

fn string_vocabulary() -> Vec<String> {
    let mut v: Vec<String> = [
        "Questionnaire",
        "QuestionnaireResponse",
        "completed",
        "group",
        "display",
        "choice",
        "integer",
        "decimal",
        "boolean",
        "string",
        "text",
        "date",
        "open-choice",
        "quantity",
        "exists",
        "=",
        "!=",
        ">",
        "<",
        ">=",
        "<=",
        "all",
        "any",
        "a",
        "b",
        "c",
        "g",
        "q1",
        "",
        "slider",
        "radio-button",
        "id",
        "method",
        "item",
        "minAnswered",
        "when",
        "score",
        "threshold",
        "sum",
        "mean",
        "prorated-sum",
        "score-below",
        "score-at-or-below",
        "any-item-at-or-below",
        "any-item-at-minimum",
        "drop-from-previous",
        "total",
        "lang",
        "content",
        "es",
        "en",
        "ar",
        "x",
        // linkIds of the bundled instruments, for random responses
        "attention",
        "part-listening",
        "takes-medicine",
        "medicine-say",
        "better",
        "say-my-mind",
        "judged",
        "part-bond",
        "about-clinician",
        "never",
        "always",
        "strongly-agree",
        "ValueSet",
        "#vs",
        "vs",
        "#",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for u in [
        EXT_TRANSLATION,
        EXT_ORDINAL_VALUE,
        EXT_ITEM_WEIGHT,
        EXT_ITEM_CONTROL,
        EXT_MIN_VALUE,
        EXT_MAX_VALUE,
        EXT_SLIDER_STEP,
    ] {
        v.push(u.to_string());
    }
    for name in ["score", "flag", "reverse-scored"] {
        v.push(ext(name));
    }
    v
}

fn vocab() -> impl Strategy<Value = String> {
    prop::sample::select(string_vocabulary())
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => "[a-z_]{1,8}",
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (-3i64..12).prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        prop::sample::select(vec![
            0.5f64,
            -2.5,
            1e300,
            -0.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            1e-300
        ])
        .prop_map(|f| json!(f)),
        any::<f64>().prop_filter_map("finite", |f| f.is_finite().then(|| json!(f))),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        2 => any::<bool>().prop_map(Value::Bool),
        3 => number(),
        6 => vocab().prop_map(Value::String),
        1 => "\\PC{0,12}".prop_map(Value::String),
    ]
}

/// Arbitrary JSON, at most 6 levels deep, with FHIR keys and values most of the time.
fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 48, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// An item-shaped object: a linkId and a type most of the time, arbitrary FHIR fields, and
/// nested items.
fn item_like() -> impl Strategy<Value = Value> {
    let small = || {
        leaf().prop_recursive(3, 12, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec((key(), inner), 0..4)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
            ]
        })
    };
    let fields = move || prop::collection::vec((key(), small()), 0..4);
    let link = || {
        prop_oneof![
            8 => prop::sample::select(vec!["a", "b", "c", "g", "q1"]).prop_map(|s| json!(s)),
            1 => leaf(),
        ]
    };
    let kind = || {
        prop_oneof![
            8 => prop::sample::select(vec![
                "group", "display", "choice", "integer", "decimal", "boolean", "string", "text",
            ]).prop_map(|s| json!(s)),
            1 => leaf(),
        ]
    };
    let make = |(l, t, extra): (Value, Value, Vec<(String, Value)>)| {
        let mut m: Map<String, Value> = extra.into_iter().collect();
        m.insert("linkId".into(), l);
        m.insert("type".into(), t);
        m
    };
    (link(), kind(), fields())
        .prop_map(move |x| Value::Object(make(x)))
        .prop_recursive(3, 24, 4, move |inner| {
            (link(), kind(), fields(), prop::collection::vec(inner, 0..4)).prop_map(
                move |(l, t, extra, children)| {
                    let mut m = make((l, t, extra));
                    m.insert("item".into(), Value::Array(children));
                    Value::Object(m)
                },
            )
        })
}

/// A Questionnaire-shaped root around arbitrary items and extensions.
fn questionnaire_tree() -> impl Strategy<Value = Value> {
    (
        prop_oneof![
            8 => Just(json!("Questionnaire")),
            1 => leaf(),
        ],
        prop::collection::vec(prop_oneof![3 => item_like(), 1 => tree()], 0..5),
        prop::collection::vec(tree(), 0..3),
        prop::collection::vec((key(), tree()), 0..3),
    )
        .prop_map(|(rt, items, exts, extra)| {
            let mut m: Map<String, Value> = extra.into_iter().collect();
            m.insert("resourceType".into(), rt);
            m.insert("item".into(), Value::Array(items));
            if !exts.is_empty() {
                m.insert("extension".into(), Value::Array(exts));
            }
            Value::Object(m)
        })
}

// ---------------------------------------------------------------------------------------------
// A small deterministic generator, for structured definitions and answers
// ---------------------------------------------------------------------------------------------

/// splitmix64: a seed from proptest drives everything below.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo) as u64 + 1)) as i64
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }
}

/// A number as a patient would type it: a few decimals, read with the standard parser.
fn typed_decimal(rng: &mut Rng, lo: f64, hi: f64) -> f64 {
    let v = lo + (hi - lo) * (rng.below(1001) as f64 / 1000.0);
    let places = rng.below(4);
    format!("{v:.places$}").parse().unwrap_or(0.0)
}

struct Question {
    link: String,
    kind: &'static str,
    codes: Vec<String>,
    min: Option<i64>,
    max: Option<i64>,
    /// The linkIds of the repeating groups around it (a condition may look at it only from
    /// inside all of them).
    groups: Vec<String>,
}

/// A random definition that is valid most of the time: nested groups, every item type,
/// options with and without points, bounds, sliders, maxLength, translations, enableWhen on
/// earlier questions (any/all), scores over scorable items and flags on them. With `mutate`,
/// one random element is then replaced with arbitrary JSON.
fn structured_definition(rng: &mut Rng, n_items: usize, mutate: bool) -> Value {
    let mut questions: Vec<Question> = Vec::new();
    let mut scorable: Vec<String> = Vec::new();
    // A stack of open groups: (linkId, children so far).
    let mut stack: Vec<(Value, Vec<Value>)> = vec![(Value::Null, Vec::new())];
    let text_with_translations = |rng: &mut Rng, base: &str| -> (Value, Option<Value>) {
        if rng.chance(30) {
            let langs = ["es", "ar", "zh-Hant", "es-MX", "fr"];
            let n = rng.below(3) + 1;
            let ext: Vec<Value> = (0..n)
                .map(|i| {
                    json!({ "url": EXT_TRANSLATION, "extension": [
                        { "url": "lang", "valueCode": langs[(i + n) % langs.len()] },
                        { "url": "content", "valueString": format!("{base} ({i})") }
                    ]})
                })
                .collect();
            (json!(base), Some(json!({ "extension": ext })))
        } else {
            (json!(base), None)
        }
    };
    for i in 0..n_items {
        // Close some groups (never the root).
        if stack.len() > 1 && rng.chance(30) {
            let pops = rng.below(stack.len() - 1) + 1;
            for _ in 0..pops {
                close_group(&mut stack);
            }
        }
        let kind = *rng.pick(&[
            "group", "group", "display", "choice", "choice", "choice", "integer", "integer",
            "decimal", "boolean", "boolean", "string", "text", "date", "dateTime", "time",
            "quantity",
        ]);
        let kind = if kind == "group" && stack.len() > 4 {
            "boolean"
        } else {
            kind
        };
        let link = format!("i{i}");
        let mut item = Map::new();
        item.insert("linkId".into(), json!(link));
        item.insert("type".into(), json!(kind));
        if matches!(
            kind,
            "string" | "text" | "integer" | "decimal" | "date" | "dateTime" | "time" | "quantity"
        ) && rng.chance(20)
        {
            item.insert("repeats".into(), json!(true));
        }
        if rng.chance(70) {
            let (t, tr) = text_with_translations(rng, &format!("Question {i}"));
            item.insert("text".into(), t);
            if let Some(tr) = tr {
                item.insert("_text".into(), tr);
            }
        }
        if rng.chance(40) {
            item.insert("required".into(), json!(rng.chance(70)));
        }
        let mut extensions: Vec<Value> = Vec::new();
        let mut q = Question {
            link: link.clone(),
            kind,
            codes: Vec::new(),
            min: None,
            max: None,
            groups: open_repeating_groups(&stack),
        };
        match kind {
            "choice" => {
                let n = rng.below(5) + 1;
                let with_points = rng.below(10);
                let system = rng
                    .chance(50)
                    .then(|| format!("https://example.org/CodeSystem/s{}", rng.below(3)));
                let options: Vec<Value> = (0..n)
                    .map(|k| {
                        let code = format!("o{k}");
                        q.codes.push(code.clone());
                        let mut coding = json!({ "code": code });
                        if let Some(s) = &system {
                            coding["system"] = json!(s);
                        }
                        if rng.chance(50) {
                            let (d, tr) = text_with_translations(rng, &format!("Option {k}"));
                            coding["display"] = d;
                            if let Some(tr) = tr {
                                coding["_display"] = tr;
                            }
                        }
                        let mut opt = json!({ "valueCoding": coding });
                        if with_points < 7 || (with_points < 9 && k % 2 == 0) {
                            let url = if rng.chance(70) {
                                EXT_ORDINAL_VALUE
                            } else {
                                EXT_ITEM_WEIGHT
                            };
                            let points = if rng.chance(80) {
                                json!(rng.int(-2, 6))
                            } else {
                                json!(rng.int(-20, 60) as f64 / 4.0)
                            };
                            let e = json!([{ "url": url, "valueDecimal": points }]);
                            if rng.chance(70) {
                                opt["extension"] = e;
                            } else {
                                opt["valueCoding"]["extension"] = e;
                            }
                        }
                        opt
                    })
                    .collect();
                item.insert("answerOption".into(), Value::Array(options));
                if with_points < 7 && !in_repeating_group(&stack) {
                    scorable.push(link.clone());
                }
            }
            "integer" => {
                let (lo, hi) = match rng.below(10) {
                    0 => (None, None),
                    1 => (Some(rng.int(-5, 5)), None),
                    2 => (None, Some(rng.int(-5, 5))),
                    3 => {
                        let lo = rng.int(-1_000_000, 1_000_000);
                        (Some(lo), Some(lo + rng.int(0, 2_000_000)))
                    }
                    _ => {
                        let lo = rng.int(-5, 5);
                        (Some(lo), Some(lo + rng.int(0, 20)))
                    }
                };
                if let Some(lo) = lo {
                    extensions.push(json!({ "url": EXT_MIN_VALUE, "valueInteger": lo }));
                }
                if let Some(hi) = hi {
                    extensions.push(json!({ "url": EXT_MAX_VALUE, "valueInteger": hi }));
                }
                if rng.chance(30) {
                    extensions.push(json!({ "url": EXT_ITEM_CONTROL, "valueCodeableConcept": {
                        "coding": [{ "system": "http://hl7.org/fhir/questionnaire-item-control",
                                     "code": *rng.pick(&["slider", "spinner", "radio-button"]) }]
                    }}));
                }
                if rng.chance(20) {
                    extensions
                        .push(json!({ "url": EXT_SLIDER_STEP, "valueInteger": rng.int(-1, 5) }));
                }
                // A constraint (targetConstraint) the lowest number breaks, chosen by the bounds
                // drawn above (another draw would shift every definition after it).
                if let (Some(lo), Some(hi)) = (lo, hi) {
                    if (lo + hi).rem_euclid(4) == 0 {
                        extensions.push(json!({ "url": "http://hl7.org/fhir/StructureDefinition/targetConstraint", "extension": [
                            { "url": "key", "valueId": format!("c{link}") },
                            { "url": "severity", "valueCode": "error" },
                            { "url": "expression", "valueExpression": { "language": "text/fhirpath", "expression": format!("answer.value != {lo}") } },
                            { "url": "human", "valueString": "Placeholder constraint." }
                        ]}));
                    }
                }
                // Never one that repeats (several answers cannot count as one).
                if lo.is_some()
                    && hi.is_some()
                    && !in_repeating_group(&stack)
                    && !item.contains_key("repeats")
                {
                    scorable.push(link.clone());
                }
                q.min = lo;
                q.max = hi;
            }
            "decimal" if rng.chance(50) => {
                let lo = rng.int(-100, 100) as f64 / 10.0;
                let hi = lo + rng.int(0, 100) as f64 / 10.0;
                extensions.push(json!({ "url": EXT_MIN_VALUE, "valueDecimal": lo }));
                extensions.push(json!({ "url": EXT_MAX_VALUE, "valueDecimal": hi }));
            }
            "string" | "text" if rng.chance(40) => {
                let max = rng.int(1, 40);
                item.insert("maxLength".into(), json!(max));
                if rng.chance(40) {
                    extensions.push(
                        json!({ "url": "http://hl7.org/fhir/StructureDefinition/minLength",
                        "valueInteger": rng.int(1, max.min(2)) }),
                    );
                }
                // A pattern some of the texts below fit and some do not (chosen by the length
                // drawn above: another draw would shift every definition after it).
                if max % 5 == 0 {
                    let patterns = [r"\S.*", "[a-z]{1,3}", "[^x]*", ".{0,12}", r"(?:\S.*)?"];
                    let pattern = patterns[(max / 5) as usize % patterns.len()];
                    extensions.push(
                        json!({ "url": "http://hl7.org/fhir/StructureDefinition/regex", "valueString": pattern }),
                    );
                }
            }
            // One to three units the patient picks from, or the one unit, or none (the patient
            // writes it; refused when the item repeats).
            "quantity" if !item.contains_key("repeats") && rng.chance(15) => {}
            "quantity" => {
                let url = if rng.chance(30) {
                    "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
                } else {
                    "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption"
                };
                for k in 0..rng.below(3) + 1 {
                    let code = format!("u{k}");
                    q.codes.push(code.clone());
                    extensions.push(json!({ "url": url, "valueCoding": {
                        "system": "http://unitsofmeasure.org", "code": code, "display": format!("unit {k}") } }));
                }
            }
            _ => {}
        }
        if kind != "group" && kind != "display" && rng.chance(15) {
            extensions.push(json!({ "url": ext("reverse-scored"), "valueBoolean": true }));
        }
        // enableWhen on earlier questions.
        let open = open_repeating_groups(&stack);
        let reachable: Vec<&Question> = questions
            .iter()
            .filter(|q| q.groups.iter().all(|g| open.contains(g)))
            .collect();
        if !reachable.is_empty() && rng.chance(35) {
            let n = rng.below(2) + 1;
            let conds: Vec<Value> = (0..n)
                .map(|_| {
                    let target = reachable[rng.below(reachable.len())];
                    condition(rng, target)
                })
                .collect();
            item.insert("enableWhen".into(), Value::Array(conds));
            if n > 1 || rng.chance(20) {
                item.insert("enableBehavior".into(), json!(*rng.pick(&["all", "any"])));
            }
        }
        // An answer given in advance (`initial`, an option's `initialSelected`), sometimes
        // read-only; a score may count it (`initial-scored`).
        if matches!(kind, "boolean" | "choice") && rng.chance(10) {
            if kind == "boolean" {
                item.insert(
                    "initial".into(),
                    json!([{ "valueBoolean": rng.chance(50) }]),
                );
            } else if let Some(Value::Array(options)) = item.get_mut("answerOption") {
                if let Some(Value::Object(first)) = options.first_mut() {
                    first.insert("initialSelected".into(), json!(true));
                }
            }
            if rng.chance(30) {
                item.insert("readOnly".into(), json!(true));
            }
            extensions.push(json!({ "url": ext("initial-scored"), "valueBoolean": true }));
        }
        if !extensions.is_empty() {
            item.insert("extension".into(), Value::Array(extensions));
        }
        if kind == "group" {
            if rng.chance(30) {
                item.insert("repeats".into(), json!(true));
            }
            stack.push((Value::Object(item), Vec::new()));
        } else {
            if kind != "display" {
                questions.push(q);
            }
            if let Some((_, children)) = stack.last_mut() {
                children.push(Value::Object(item));
            }
        }
    }
    while stack.len() > 1 {
        close_group(&mut stack);
    }
    let items = stack.pop().map(|(_, c)| c).unwrap_or_default();
    let mut root = json!({ "resourceType": "Questionnaire", "status": "active", "item": items });
    if rng.chance(60) {
        root["url"] = json!("https://example.org/Questionnaire/generated");
        if rng.chance(70) {
            root["version"] = json!(format!("{}.0", rng.below(3)));
        }
    }
    if rng.chance(20) {
        root["language"] = json!(*rng.pick(&["es", "en-GB", "ar"]));
    }
    if rng.chance(50) {
        let (t, tr) = text_with_translations(rng, "Generated");
        root["title"] = t;
        if let Some(tr) = tr {
            root["_title"] = tr;
        }
    }
    // Scores over scorable items, flags on the scores.
    let mut ext_list: Vec<Value> = Vec::new();
    let mut score_ids: Vec<String> = Vec::new();
    if !scorable.is_empty() {
        for s in 0..rng.below(4) {
            let id = format!("s{s}");
            let mut sub = vec![json!({ "url": "id", "valueCode": id })];
            if rng.chance(70) {
                sub.push(json!({ "url": "method", "valueCode": *rng.pick(&["sum", "mean", "prorated-sum"]) }));
            }
            let n = rng.below(scorable.len()) + 1;
            for _ in 0..n {
                let item = scorable[rng.below(scorable.len())].clone();
                sub.push(json!({ "url": "item", "valueString": item }));
            }
            if rng.chance(50) {
                sub.push(json!({ "url": "minAnswered", "valueInteger": rng.int(0, n as i64 + 1) }));
            }
            ext_list.push(json!({ "url": ext("score"), "extension": sub }));
            score_ids.push(id);
        }
    }
    if !score_ids.is_empty() {
        for f in 0..rng.below(4) {
            let when = *rng.pick(&[
                "score-below",
                "score-at-or-below",
                "any-item-at-or-below",
                "any-item-at-minimum",
                "drop-from-previous",
            ]);
            let mut sub = vec![
                json!({ "url": "id", "valueCode": format!("f{f}") }),
                json!({ "url": "when", "valueCode": when }),
                json!({ "url": "score", "valueCode": score_ids[rng.below(score_ids.len())] }),
            ];
            if when != "any-item-at-minimum" || rng.chance(30) {
                sub.push(
                    json!({ "url": "threshold", "valueDecimal": rng.int(-4, 40) as f64 / 2.0 }),
                );
            }
            ext_list.push(json!({ "url": ext("flag"), "extension": sub }));
        }
    }
    if !ext_list.is_empty() {
        root["extension"] = Value::Array(ext_list);
    }
    if mutate {
        let replacement = random_value(rng, 3);
        mutate_at(&mut root, rng, replacement);
    }
    root
}

/// Whether an open group repeats (a score may not count what is inside one).
fn in_repeating_group(stack: &[(Value, Vec<Value>)]) -> bool {
    !open_repeating_groups(stack).is_empty()
}

/// The linkIds of the open groups that repeat.
fn open_repeating_groups(stack: &[(Value, Vec<Value>)]) -> Vec<String> {
    stack
        .iter()
        .filter(|(g, _)| g.get("repeats") == Some(&json!(true)))
        .filter_map(|(g, _)| g.get("linkId").and_then(Value::as_str).map(str::to_owned))
        .collect()
}

fn close_group(stack: &mut Vec<(Value, Vec<Value>)>) {
    if let Some((mut group, children)) = stack.pop() {
        let children = if children.is_empty() {
            // Groups must have items.
            let id = group["linkId"].as_str().unwrap_or("g").to_owned();
            vec![json!({ "linkId": format!("{id}-only"), "type": "boolean" })]
        } else {
            children
        };
        group["item"] = Value::Array(children);
        if let Some((_, parent)) = stack.last_mut() {
            parent.push(group);
        }
    }
}

/// An enableWhen condition on `target`, of a fitting type most of the time.
fn condition(rng: &mut Rng, target: &Question) -> Value {
    let mut c = json!({ "question": target.link });
    // A quantity is only asked whether it is answered.
    if rng.chance(20) || target.kind == "quantity" {
        c["operator"] = json!("exists");
        c["answerBoolean"] = json!(rng.chance(50));
        return c;
    }
    let eq_ops = ["=", "!="];
    let all_ops = ["=", "!=", ">", "<", ">=", "<="];
    match target.kind {
        "choice" => {
            c["operator"] = json!(*rng.pick(&eq_ops));
            let code = target
                .codes
                .get(rng.below(target.codes.len()))
                .cloned()
                .unwrap_or_default();
            c["answerCoding"] = json!({ "code": code });
        }
        "boolean" => {
            c["operator"] = json!(*rng.pick(&eq_ops));
            c["answerBoolean"] = json!(rng.chance(50));
        }
        "integer" => {
            c["operator"] = json!(*rng.pick(&all_ops));
            let lo = target.min.unwrap_or(-5);
            let hi = target.max.unwrap_or(lo + 10).min(lo.saturating_add(30));
            c["answerInteger"] = json!(rng.int(lo, hi.max(lo)));
        }
        "decimal" => {
            c["operator"] = json!(*rng.pick(&all_ops));
            c["answerDecimal"] = json!(rng.int(-50, 50) as f64 / 4.0);
        }
        "date" => {
            c["operator"] = json!(*rng.pick(&all_ops));
            c["answerDate"] = json!(*rng.pick(&["2026-01-01", "1999-12-31", "2024-02-29"]));
        }
        "dateTime" => {
            c["operator"] = json!(*rng.pick(&all_ops));
            c["answerDateTime"] =
                json!(*rng.pick(&["2026-01-01T00:00:00Z", "2026-06-30T23:30:00-05:30"]));
        }
        "time" => {
            c["operator"] = json!(*rng.pick(&all_ops));
            c["answerTime"] = json!(*rng.pick(&["00:00:00", "12:30:00", "23:59:59"]));
        }
        _ => {
            c["operator"] = json!(*rng.pick(&all_ops));
            c["answerString"] = json!(*rng.pick(&["ok", "a", "zzz", "Más"]));
        }
    }
    c
}

/// Random JSON from the vocabulary, from the deterministic generator.
fn random_value(rng: &mut Rng, depth: usize) -> Value {
    let vocab = string_vocabulary();
    match rng.below(if depth == 0 { 5 } else { 7 }) {
        0 => Value::Null,
        1 => json!(rng.chance(50)),
        2 => json!(rng.int(-3, 12)),
        3 => json!(*rng.pick(&[0.5, -1e300, 2.25, 1e-7])),
        4 => json!(rng.pick(&vocab)),
        5 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, depth - 1))
                .collect(),
        ),
        _ => Value::Object(
            (0..rng.below(4))
                .map(|_| (rng.pick(KEYS).to_string(), random_value(rng, depth - 1)))
                .collect(),
        ),
    }
}

/// Replaces a random element of `v` with `replacement`, removes it, or adds a key.
fn mutate_at(v: &mut Value, rng: &mut Rng, replacement: Value) {
    let mut all = Vec::new();
    pointers(v, String::new(), &mut all);
    let p = rng.pick(&all).clone();
    let (parent, last) = p.rsplit_once('/').unwrap_or(("", ""));
    let last = last.replace("~1", "/").replace("~0", "~");
    match rng.below(10) {
        0 if !p.is_empty() => match v.pointer_mut(parent) {
            Some(Value::Array(a)) => {
                if let Ok(i) = last.parse::<usize>() {
                    if i < a.len() {
                        a.remove(i);
                    }
                }
            }
            Some(Value::Object(o)) => {
                o.remove(&last);
            }
            _ => {}
        },
        1 => {
            if let Some(Value::Object(o)) = v.pointer_mut(&p) {
                o.insert(rng.pick(KEYS).to_string(), replacement);
            }
        }
        _ => {
            if let Some(target) = v.pointer_mut(&p) {
                *target = replacement;
            }
        }
    }
}

/// Answers to `q`: with `widget_like`, each of the type the item takes (option codes with the
/// option's system, typed decimals, non-blank text), as the widget stores them; otherwise of
/// any type, for any linkId, including non-finite numbers.
fn random_answers(rng: &mut Rng, q: &Questionnaire, widget_like: bool) -> Answers {
    let texts = [
        "ok",
        "Más tiempo",
        "كلام",
        "a\nb",
        "日本語",
        "\u{202E}rtl",
        "  padded  ",
        "x",
    ];
    let mut answers = Answers::new();
    for item in &q.items {
        if !rng.chance(75) {
            continue;
        }
        // The widget sends a read-only value as the definition gives it, and nothing for one
        // without a value (a read-only choice whose options select none is never drawn).
        if widget_like && item.read_only {
            if let Some(v) = q.initial_of(item) {
                answers.set(&item.link_id, Some(v.clone()));
            }
            continue;
        }
        let value = if widget_like {
            match &item.kind {
                ItemKind::Group | ItemKind::Display => continue,
                ItemKind::Choice { options, .. } => {
                    let mut pick = || {
                        let o = rng.pick(options);
                        AnswerValue::Coding {
                            system: o.system.clone(),
                            code: o.code.clone(),
                        }
                    };
                    if item.repeats {
                        // Ticks as the widget makes them: each option once, in the order given.
                        let mut list: Option<AnswerValue> = None;
                        for _ in 0..3 {
                            let v = pick();
                            list = AnswerValue::toggled(list.as_ref(), &v, true);
                        }
                        // An open-choice's own words beside the ticks, sometimes.
                        let open = matches!(&item.kind, ItemKind::Choice { open: Some(_), .. });
                        if open && rng.chance(50) {
                            let words = *rng.pick(&["Music", " ", "Walks and talks"]);
                            list = AnswerValue::with_own_words(list.as_ref(), words);
                        }
                        list.unwrap_or_else(|| AnswerValue::Many(Vec::new()))
                    } else {
                        pick()
                    }
                }
                ItemKind::Integer { min, max, .. } => {
                    let lo = min.unwrap_or(-20).clamp(-1_000_000_000, 1_000_000_000_000);
                    let hi = max.unwrap_or(lo + 40).clamp(lo, lo + 1_000_000_000);
                    // Sometimes just outside the range: still an Integer.
                    AnswerValue::Integer(rng.int(lo - 1, hi + 1))
                }
                ItemKind::Decimal { min, max } => {
                    let lo = min.unwrap_or(-50.0).clamp(-1e6, 1e6);
                    let hi = max.unwrap_or(50.0).clamp(lo, 1e6);
                    if rng.chance(20) {
                        AnswerValue::Integer(rng.int(-5, 5))
                    } else {
                        AnswerValue::Decimal(typed_decimal(rng, lo - 1.0, hi + 1.0))
                    }
                }
                ItemKind::Boolean => AnswerValue::Boolean(rng.chance(50)),
                // Sometimes not a real day: still the right type, for validation to refuse.
                ItemKind::Date => AnswerValue::Date(
                    rng.pick(&["2026-12-05", "2024-02-29", "2023-02-29", "2026-13-01"])
                        .to_string(),
                ),
                ItemKind::DateTime => AnswerValue::DateTime(
                    rng.pick(&[
                        "2026-12-05T14:30:00+01:00",
                        "2026-12-05T14:30:00Z",
                        "2026-12-05T14:30:00",
                        "2026-12-05T25:30:00Z",
                    ])
                    .to_string(),
                ),
                ItemKind::Time => AnswerValue::Time(
                    rng.pick(&["14:30:00", "00:00:00", "24:00:00", "9:00"])
                        .to_string(),
                ),
                // One of its units, as the widget makes it; none named: the patient's words (or
                // none, sometimes, which is an issue).
                ItemKind::Quantity { units } if units.is_empty() => AnswerValue::Quantity {
                    value: typed_decimal(rng, -10.0, 300.0),
                    system: None,
                    code: rng
                        .pick(&["weeks", "", "jours", "\u{1f}", &"w".repeat(41)])
                        .to_string(),
                },
                ItemKind::Quantity { units } => {
                    let u = rng.pick(units);
                    AnswerValue::Quantity {
                        value: typed_decimal(rng, -10.0, 300.0),
                        system: u.system.clone(),
                        code: u.code.clone(),
                    }
                }
                ItemKind::String { .. } | ItemKind::Text { .. } => {
                    let text = |rng: &mut Rng| {
                        let mut s = rng.pick(&texts).to_string();
                        if rng.chance(10) {
                            s = s.repeat(20);
                        }
                        AnswerValue::String(s)
                    };
                    // Rows of text: one or more, the same words twice sometimes.
                    if item.repeats {
                        let n = 1 + rng.below(3);
                        AnswerValue::Many((0..n).map(|_| text(rng)).collect())
                    } else {
                        text(rng)
                    }
                }
            }
        } else {
            arbitrary_value(rng, q)
        };
        // Rows of numbers, dates or times, as the widget makes them: a list of one or two.
        let value = match value {
            v @ (AnswerValue::Many(_) | AnswerValue::Coding { .. }) => v,
            v if widget_like && item.repeats => {
                AnswerValue::Many(vec![v.clone(); 1 + rng.below(2)])
            }
            v => v,
        };
        answers.set(&item.link_id, Some(value));
    }
    if !widget_like {
        for _ in 0..rng.below(3) {
            let id = format!("unknown-{}", rng.below(5));
            answers.set(&id, Some(arbitrary_value(rng, q)));
        }
    }
    answers
}

fn arbitrary_value(rng: &mut Rng, q: &Questionnaire) -> AnswerValue {
    match rng.below(10) {
        // Any unit, a known one or not, and numbers a field never gives.
        9 => AnswerValue::Quantity {
            value: *rng.pick(&[72.5, f64::NAN, f64::INFINITY, -0.0, 1e308]),
            system: rng
                .chance(50)
                .then(|| "http://unitsofmeasure.org".to_owned()),
            code: rng.pick(&["u0", "u1", "kg", ""]).to_string(),
        },
        // A list (of lists, sometimes): what a draft or a response could claim for any item.
        8 => AnswerValue::Many((0..rng.below(3)).map(|_| arbitrary_value(rng, q)).collect()),
        5 => AnswerValue::Date(rng.pick(&["2026-02-30", "", "2026-01-01", "x"]).to_string()),
        6 => AnswerValue::DateTime(
            rng.pick(&["2026-01-01T00:00:00+14:00", "2026-01-01", "T+"])
                .to_string(),
        ),
        7 => AnswerValue::Time(rng.pick(&["23:59:59", "12:30", "::"]).to_string()),
        0 => {
            let codes: Vec<(Option<String>, String)> = q
                .items
                .iter()
                .filter_map(|i| match &i.kind {
                    ItemKind::Choice { options, .. } => Some(options),
                    _ => None,
                })
                .flatten()
                .map(|o| (o.system.clone(), o.code.clone()))
                .chain([(None, "zzz".into()), (Some("other".into()), "o0".into())])
                .collect();
            let (system, code) = rng.pick(&codes).clone();
            AnswerValue::Coding { system, code }
        }
        1 => AnswerValue::Boolean(rng.chance(50)),
        2 => AnswerValue::Integer(*rng.pick(&[0, 1, -1, 10, 11, i64::MAX, i64::MIN, 1 << 53])),
        3 => AnswerValue::Decimal(*rng.pick(&[
            0.5,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            1e-320,
            2.5,
        ])),
        _ => AnswerValue::String(rng.pick(&["x", "", " ", "ok", "\u{0}"]).to_string()),
    }
}

/// The answers of enabled questions: what a response carries.
fn enabled_subset(q: &Questionnaire, answers: &Answers) -> Answers {
    let on = enabled_items(q, answers);
    q.items
        .iter()
        .enumerate()
        .filter(|(i, item)| item.kind.is_question() && on.get(*i).copied().unwrap_or(false))
        .filter_map(|(_, item)| {
            answers
                .get(&item.link_id)
                .map(|v| (item.link_id.clone(), v.clone()))
        })
        .collect()
}

/// Runs every function on a loaded definition with these answers; returns nothing, panics
/// only through the functions themselves or the invariants checked here.
fn exercise(q: &Questionnaire, answers: &Answers, previous: &PreviousScores) {
    let on = enabled_items(q, answers);
    assert_eq!(on.len(), q.items.len());
    for (i, item) in q.items.iter().enumerate() {
        // A child is never shown when its parent is hidden.
        if let Some(p) = item.parent {
            assert!(
                !on[i] || on[p],
                "{} shown under a hidden parent",
                item.link_id
            );
        }
    }
    let issues = validate(q, answers);
    for issue in &issues {
        let pos = q.position(&issue.link_id).expect("issue for a known item");
        assert!(on[pos], "issue for hidden item {}", issue.link_id);
        assert!(!issue.code.fluent_id().is_empty());
    }
    let (answered, total) = progress(q, answers);
    assert!(answered <= total);
    let computed = scores(q, answers);
    assert_eq!(computed.len(), q.scores.len());
    for (s, rule) in computed.iter().zip(&q.scores) {
        assert_eq!(s.id, rule.id);
        assert!(s.answered <= s.items);
        assert_eq!(s.items, rule.items.len());
        assert_eq!(
            s.value.is_some(),
            s.answered >= rule.min_answered && s.answered > 0,
            "missing-item rule of {}",
            s.id
        );
    }
    let raised = flags(q, answers, &computed, previous);
    for f in &raised {
        assert!(q.flags.iter().any(|r| r.id == f.id));
    }
    for item in &q.items {
        if let Some(a) = answers.get(&item.link_id) {
            let _ = check_answer(&item.kind, a);
            let _ = rapport_core::validate::check_item_answer(item, a);
        }
        if let Some(t) = &item.text {
            let _ = t.resolve(&["es-MX".into(), "ar".into()], &q.language);
        }
    }
    let _ = q.languages();
    let _ = q.canonical();
    let qr = build(q, answers, &META, &|item, opt| {
        opt.display.as_ref().map(|d| {
            format!(
                "{}: {}",
                item.link_id,
                d.resolve(&["es".into()], &q.language)
            )
        })
    });
    let _ = answers_from(q, &qr);
}

/// The envelope the widget would send.
fn envelope(q: &Questionnaire, id: &str, answers: &Answers, previous: &PreviousScores) -> Envelope {
    Submission {
        instrument_id: id,
        language: "en",
        translation_status: "definition",
        previous_scores: previous,
        context: &json!({ "visit": 1 }),
    }
    .envelope(q, answers)
}

// ---------------------------------------------------------------------------------------------
// (a) Definitions from text
// ---------------------------------------------------------------------------------------------

fn check_text(text: &str) {
    match Questionnaire::from_json(text) {
        Ok(q) => {
            let _ = q.items.len();
            check_expressions(&q, &mut Answers::new());
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "Err without errors");
            for e in &errors {
                let shown = e.to_string();
                assert!(shown.contains("; fix: "), "{shown}");
                assert!(
                    e.pointer.is_empty() || e.pointer.starts_with('/'),
                    "{shown}"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(proptest_config(2000))]

    #[test]
    fn a_from_json_arbitrary_strings(s in any::<String>()) {
        check_text(&s);
    }

    #[test]
    fn a_from_json_json_like_text(s in "[\\[\\]{}\":,0-9a-zA-Z .eE+\\-\\\\\n\t]{0,200}") {
        check_text(&s);
        check_text(&format!("{{\"resourceType\":\"Questionnaire\",\"item\":{s}"));
    }
}

/// Reads a loaded definition's expressions and, when they load, works out its calculated and
/// initial values on `answers`: located errors, never a panic; a calculated value the item
/// takes.
fn check_expressions(q: &Questionnaire, answers: &mut Answers) {
    use rapport_core::fhirpath::{Clock, Program};
    const CLOCK: Clock<'static> = Clock {
        today: "2026-12-07",
        now: "2026-12-07T10:00:00Z",
    };
    match Program::compile(q) {
        Ok(Some(p)) => {
            p.calculate(q, answers, CLOCK);
            for item in q.items.iter().filter(|i| i.calculated) {
                if let Some(a) = answers.get(&item.link_id) {
                    assert!(
                        rapport_core::response::answer_fits(item, a),
                        "calculated {} = {a:?} does not fit",
                        item.link_id
                    );
                }
            }
            let _ = p.initial(q, answers, CLOCK);
            // The options an answerExpression lists: each once, and any answer left is one.
            for item in &q.items {
                let options = p.options(q, answers, &item.link_id, CLOCK);
                let picked: Vec<AnswerValue> = options.iter().map(|o| o.answer()).collect();
                for (i, v) in picked.iter().enumerate() {
                    assert!(
                        !picked[..i].contains(v),
                        "{} lists an option twice",
                        item.link_id
                    );
                }
            }
        }
        Ok(None) => {}
        Err(errors) => {
            for e in &errors {
                assert!(e.to_string().contains("; fix: "));
                assert_eq!(e.kind.code(), "bad-expression");
            }
        }
    }
}

/// Evaluates an expression on a small response: a value, a refusal or an evaluation error,
/// never a panic.
fn check_fhirpath(source: &str) {
    let resource = serde_json::json!({
        "resourceType": "QuestionnaireResponse",
        "item": [
            {"linkId": "a", "answer": [{"valueInteger": 2}, {"valueDecimal": 2.5}]},
            {"linkId": "b", "item": [{"linkId": "c", "answer": [{"valueCoding": {"code": "x"}}]}]},
            {"linkId": "d", "answer": [{"valueString": "words"}, {"valueDate": "2026-12-07"}]}
        ]
    });
    let _ = rapport_core::fhirpath::evaluate_on(source, &resource, "2026-12-07");
}

proptest! {
    #![proptest_config(proptest_config(2000))]

    #[test]
    fn fhirpath_arbitrary_strings(s in any::<String>()) {
        check_fhirpath(&s);
    }

    #[test]
    fn fhirpath_token_soup(
        parts in prop::collection::vec(prop::sample::select(vec![
            "%resource", "%context", ".", "item", "answer", "value", "linkId", "code", "(", ")",
            "[", "]", "{", "}", ",", "where(", "select(", "repeat(", "aggregate(", "iif(",
            "exists()", "count()", "sum()", "weight()", "first()", "combine(", "union(",
            "$this", "$total", "$index", "+", "-", "*", "/", "div", "mod", "&", "|", "=", "!=",
            "<", ">=", "~", "and", "or", "xor", "implies", "in", "contains", "not()", "'a'",
            "'", "0", "1", "2.5", "9223372036854775807", "-1", "@2026-12-07", "today()",
            "round(", "power(", "ln()", "exp()", "toString()", "substring(", "toInteger()",
            "join(", "length()", "true", "false", " ", "/*", "*/", "//", "\n", "`x`",
            "indexOf(", "trim()", "replace(", "toChars()", "split(",
            "''", "'ŉß'",
        ]), 0..60)
    ) {
        check_fhirpath(&parts.concat());
    }
}

/// Reads rich text in both formats and checks what comes out: no link but to `https:`, nesting
/// within bounds, words only.
fn check_rich(source: &str) {
    use rapport_core::rich::{parse, plain, Block, Format, Inline, Rich, MAX_NESTING};
    fn walk(list: &[Inline], depth: usize) {
        assert!(depth <= MAX_NESTING + 1, "nesting {depth}");
        for i in list {
            match i {
                Inline::Link { href, content } => {
                    assert!(href.to_ascii_lowercase().starts_with("https://"), "{href}");
                    walk(content, depth + 1);
                }
                Inline::Strong(c) | Inline::Emphasis(c) => walk(c, depth + 1),
                Inline::Text(_) | Inline::Break => {}
            }
        }
    }
    for format in [Format::Xhtml, Format::Markdown] {
        let rich = Rich {
            format,
            source: source.to_owned(),
        };
        if let Some(blocks) = parse(&rich) {
            for b in &blocks {
                match b {
                    Block::Paragraph(p) | Block::Heading(p) => walk(p, 0),
                    Block::List { items, .. } => items.iter().for_each(|i| walk(i, 0)),
                }
            }
            let _ = plain(&blocks);
        }
    }
}

proptest! {
    #![proptest_config(proptest_config(2000))]

    #[test]
    fn rich_text_arbitrary_strings(s in any::<String>()) {
        check_rich(&s);
    }

    #[test]
    fn rich_text_markup_like(
        parts in prop::collection::vec(prop::sample::select(vec![
            "<p>", "</p>", "<b>", "</b>", "<strong>", "<em>", "</i>", "<br/>", "<ul>", "</ul>",
            "<ol>", "<li>", "</li>", "<a href=\"https://a.example\">", "<a href='javascript:x'>",
            "</a>", "<script>", "</script>", "<svg>", "</svg>", "<!--", "-->", "<![CDATA[", "]]>",
            "&amp;", "&#x1F600;", "&#", "<", ">", "\"", "'", "=", " ", "\n", "\n\n", "*", "**",
            "_", "__", "[", "](", ")", "(", "](https://a.example)", "![", "\\", "`", "- ",
            "1. ", "# ", "<https://a.example>", "é", "words",
        ]), 0..120)
    ) {
        check_rich(&parts.concat());
    }
}

proptest! {
    #![proptest_config(proptest_config(1000))]

    #[test]
    fn a_from_json_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_text(&String::from_utf8_lossy(&bytes));
    }
}

/// `bytes` after `edits` (position, operation, byte): remove, insert one of `inserts`, replace,
/// or truncate.
fn edited(mut bytes: Vec<u8>, edits: &[(u32, u8, u8)], inserts: &[u8]) -> Vec<u8> {
    for &(pos, op, b) in edits {
        let i = pos as usize % (bytes.len() + 1);
        match op {
            0 => {
                if i < bytes.len() {
                    bytes.remove(i);
                }
            }
            1 => bytes.insert(i, inserts[b as usize % inserts.len()]),
            2 => {
                if i < bytes.len() {
                    bytes[i] = b;
                }
            }
            _ => bytes.truncate(i),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(proptest_config(500))]

    /// Byte edits of the bundled definitions: near-valid text reaches deep into phase two.
    #[test]
    fn a_from_json_mutated_bundled(
        which in 0..3usize,
        edits in prop::collection::vec((any::<u32>(), 0..4u8, any::<u8>()), 1..6),
    ) {
        let bytes = bundled::INSTRUMENTS[which % bundled::INSTRUMENTS.len()].json.as_bytes().to_vec();
        check_text(&String::from_utf8_lossy(&edited(bytes, &edits, b"{}[]\",:0-ae")));
    }
}

proptest! {
    #![proptest_config(proptest_config(300))]

    /// Byte edits of a definition whose choices come from contained ValueSets (listed, expanded,
    /// nested, shared): the value set reader on near-valid input.
    #[test]
    fn a_from_json_mutated_value_sets(
        edits in prop::collection::vec((any::<u32>(), 0..4u8, any::<u8>()), 1..6),
    ) {
        let fixture: Value = serde_json::from_str(include_str!("fixtures/value-set-contained.json")).unwrap();
        let bytes = serde_json::to_vec(&fixture["definition"]).unwrap();
        check_text(&String::from_utf8_lossy(&edited(bytes, &edits, b"{}[]\",:0-ae#")));
    }

    /// Byte edits of a definition with repeating choices (check boxes, one from a contained
    /// ValueSet, conditions on them): `repeats` on near-valid input.
    #[test]
    fn a_from_json_mutated_repeats(
        edits in prop::collection::vec((any::<u32>(), 0..4u8, any::<u8>()), 1..6),
    ) {
        let fixture: Value = serde_json::from_str(include_str!("fixtures/repeats-choice.json")).unwrap();
        let bytes = serde_json::to_vec(&fixture["definition"]).unwrap();
        check_text(&String::from_utf8_lossy(&edited(bytes, &edits, b"{}[]\",:0-aefrst")));
    }

    /// Byte edits of a definition with a repeating open-choice (ticks and own words, a condition
    /// on a tick).
    #[test]
    fn a_from_json_mutated_calculated(
        which in 0..4usize,
        edits in prop::collection::vec((any::<u32>(), 0..4u8, any::<u8>()), 1..6),
    ) {
        let text = [
            include_str!("fixtures/calculated-weights.json"),
            include_str!("fixtures/calculated-bmi.json"),
            include_str!("fixtures/enable-expression-on.json"),
            include_str!("fixtures/answer-expression.json"),
        ][which];
        let fixture: Value = serde_json::from_str(text).unwrap();
        let bytes = serde_json::to_vec(&fixture["definition"]).unwrap();
        check_text(&String::from_utf8_lossy(&edited(bytes, &edits, b"{}[]\",:0-aefrst()%.'+*")));
    }

    #[test]
    fn a_from_json_mutated_repeating_open_choice(
        edits in prop::collection::vec((any::<u32>(), 0..4u8, any::<u8>()), 1..6),
    ) {
        let fixture: Value = serde_json::from_str(include_str!("fixtures/repeats-open-choice.json")).unwrap();
        let bytes = serde_json::to_vec(&fixture["definition"]).unwrap();
        check_text(&String::from_utf8_lossy(&edited(bytes, &edits, b"{}[]\",:0-aefrst")));
    }
}

// ---------------------------------------------------------------------------------------------
// (b) Definitions from JSON values, and everything downstream
// ---------------------------------------------------------------------------------------------

/// Checks the loaded-or-not definition and, when it loads, runs everything on answers.
fn check_value(v: &Value, rng: &mut Rng) -> bool {
    let result = Questionnaire::from_value(v);
    // The text path gives the same result.
    let text = serde_json::to_string(v).unwrap_or_default();
    match (&result, Questionnaire::from_json(&text)) {
        (Ok(_), Ok(_)) => {}
        // Compared by place and code: a message may echo a float that JSON text does not
        // carry back exactly (see decimal_answers_survive_json_text in tests/response.rs).
        (Err(a), Err(b)) => {
            let key = |e: &rapport_core::definition::DefinitionError| {
                (e.pointer.clone(), e.kind.code(), e.link_id.clone())
            };
            let a: Vec<_> = a.iter().map(key).collect();
            let b: Vec<_> = b.iter().map(key).collect();
            assert_eq!(a, b, "from_value and from_json disagree");
        }
        (a, b) => panic!("from_value ok: {}, from_json ok: {}", a.is_ok(), b.is_ok()),
    }
    match result {
        Err(errors) => {
            let pretty = serde_json::to_string_pretty(v).unwrap_or_default();
            for (i, e) in errors.iter().enumerate() {
                assert!(e.to_string().contains("; fix: "));
                // Every problem is located: the pointer, or its parent for a missing field.
                if !e.pointer.is_empty() {
                    let parent = e.pointer.rsplit_once('/').map(|(p, _)| p).unwrap_or("");
                    assert!(
                        v.pointer(&e.pointer).is_some() || v.pointer(parent).is_some(),
                        "pointer {} ({}) does not lead into the definition",
                        e.pointer,
                        e.kind.code()
                    );
                }
                if i < 3 {
                    let _ = locate_pointer(&pretty, &e.pointer);
                }
            }
            false
        }
        Ok(base) => {
            // With instances of its repeating groups, as a patient adds them (from random keys,
            // garbage among them), and one taken out again.
            let q = if base.has_repeating_groups() && rng.chance(80) {
                let mut keys: Vec<String> = base
                    .items
                    .iter()
                    .map(|i| {
                        let path = [rng.below(3) + 1, rng.below(3) + 1, rng.below(2) + 1];
                        key_of(&i.link_id, &path)
                    })
                    .collect();
                keys.push(format!("{}\u{1f}x.-1..", base.items[0].link_id));
                keys.push("\u{1f}\u{1f}9".into());
                let counts = base.instance_counts(keys.iter().map(String::as_str));
                let q = base.with_instances(&counts);
                assert!(q.items.len() <= rapport_core::definition::MAX_ITEMS);
                for (i, item) in q.items.iter().enumerate() {
                    assert_eq!(q.position(&item.link_id), Some(i), "keys are unique");
                }
                let removed = q.items[rng.below(q.items.len())].link_id.clone();
                let after: Vec<String> = q
                    .items
                    .iter()
                    .filter_map(|i| base.key_after_removing(&i.link_id, &removed))
                    .collect();
                let _ =
                    base.with_instances(&base.instance_counts(after.iter().map(String::as_str)));
                q
            } else {
                base.clone()
            };
            for widget_like in [false, true] {
                let mut answers = random_answers(rng, &q, widget_like);
                // Calculated values join the answers, as in the widget: everything below must
                // hold with them too.
                check_expressions(&q, &mut answers);
                let mut previous = PreviousScores::new();
                for s in &q.scores {
                    if rng.chance(50) {
                        let p = if widget_like {
                            rng.int(-10, 60) as f64 / 4.0
                        } else {
                            *rng.pick(&[f64::NAN, f64::INFINITY, -1e300, 0.0, 3.5])
                        };
                        previous.insert(s.id.clone(), Value::from(p));
                    }
                }
                exercise(&q, &answers, &previous);
                if widget_like {
                    check_round_trip(&base, &q, &answers, &previous);
                }
            }
            true
        }
    }
}

/// What the widget sends, the receiver reads back and accepts.
/// `q` is `base` with instances of its repeating groups (or `base` itself).
fn check_round_trip(
    base: &Questionnaire,
    q: &Questionnaire,
    answers: &Answers,
    previous: &PreviousScores,
) {
    // Items nested under display text or a repeating question are refused by the parser;
    // under a question they travel inside its answer (proptest once found nested items being
    // dropped from the response: tests/no_panic.proptest-regressions).
    assert!(
        q.items.iter().all(|i| i.children.is_empty()
            || i.kind == ItemKind::Group
            || (i.kind.is_question() && !i.repeats)),
        "a definition with items under display text or a repeating question must not load"
    );
    let qr = build(q, answers, &META, &|_, _| None);
    let back = answers_from(base, &qr).expect("a built response reads back");
    // An instance left empty is not in the response: the ones after it read back one number
    // lower, so the answers compare only without repeating groups; the response always.
    if !base.has_repeating_groups() {
        assert_eq!(back, enabled_subset(q, answers), "read back: {qr}");
    }
    let fitting = base.fitting(&back);
    assert_eq!(
        build(&fitting, &back, &META, &|_, _| None),
        qr,
        "built again"
    );
    // Through JSON text, as a verified envelope.
    let e = envelope(q, "generated", answers, previous);
    // The widget writes the envelope by hand; it must be what the derive writes.
    let json = e.to_json();
    assert_eq!(json, serde_json::to_value(&e).expect("serialise envelope"));
    let bytes = serde_json::to_vec(&json).expect("envelope as text");
    let lookup = |_: &str, _: &str| Some(base.clone());
    // What the receiver checks is the response: an instance left empty is not in it (and a
    // required question there no longer missing).
    // Constraints (targetConstraint) are worked out with the calculated values, as the widget
    // does before it lets the patient send.
    let (checked, mut worked) = if base.has_repeating_groups() {
        (&fitting, back.clone())
    } else {
        (q, answers.clone())
    };
    match rapport_core::fhirpath::Program::compile(base) {
        Ok(Some(p)) => {
            let clock = rapport_core::fhirpath::Clock {
                today: "2026-12-07",
                now: "2026-12-07T10:00:00Z",
            };
            p.calculate(checked, &mut worked, clock);
        }
        Ok(None) => {}
        // The widget refuses such a definition when it loads (its FHIRPath, a mutated
        // expression that is no text, say): nothing is ever sent for it.
        Err(_) => return,
    }
    let issues = validate(checked, &worked);
    match check(&bytes, &lookup) {
        Ok(v) => {
            assert!(issues.is_empty(), "verified despite {issues:?}");
            assert_eq!(v, e);
        }
        Err(err) => {
            assert!(
                !issues.is_empty() && err.code() == "invalid-answers",
                "the widget's envelope was refused: {err:?} (issues {issues:?})"
            );
        }
    }
}

proptest! {
    #![proptest_config(proptest_config(2000))]

    #[test]
    fn b_from_value_arbitrary_trees(v in questionnaire_tree(), seed in any::<u64>()) {
        check_value(&v, &mut Rng(seed));
    }
}

proptest! {
    #![proptest_config(proptest_config(1500))]

    #[test]
    fn b_structured_definitions(seed in any::<u64>(), n in 1..40usize, mutate in prop::bool::weighted(0.25)) {
        let mut rng = Rng(seed);
        let v = structured_definition(&mut rng, n, mutate);
        let loaded = check_value(&v, &mut rng);
        if !mutate {
            // Unmutated, the generator makes valid definitions only.
            prop_assert!(loaded, "generated definition refused: {:?}",
                Questionnaire::from_value(&v).err().map(|e| e.iter().map(|x| x.to_string()).collect::<Vec<_>>()));
        }
        let _ = loaded;
    }
}

#[test]
fn b_structured_generator_covers_the_model() {
    // The generator reaches every item kind, every control, enableWhen, scores and flags.
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..300u64 {
        let mut rng = Rng(seed);
        let v = structured_definition(&mut rng, 30, false);
        let q = Questionnaire::from_value(&v).expect("valid");
        for item in &q.items {
            seen.insert(format!("{:?}", std::mem::discriminant(&item.kind)));
            if let ItemKind::Integer { control, .. } = item.kind {
                seen.insert(format!("{control:?}"));
            }
            if !item.enable_when.is_empty() {
                seen.insert("enableWhen".into());
            }
            if item.reverse_scored {
                seen.insert("reverse".into());
            }
            if item.repeats && item.kind == ItemKind::Group {
                seen.insert("repeating group".into());
            }
            if item.pattern.is_some() {
                seen.insert("pattern".into());
            }
            if q.initial_of(item).is_some() {
                seen.insert(
                    if item.read_only {
                        "read-only"
                    } else {
                        "initial"
                    }
                    .into(),
                );
            }
        }
        if !q.constraints.is_empty() {
            seen.insert("constraint".into());
        }
        if !q.scores.is_empty() {
            seen.insert("scores".into());
        }
        if !q.flags.is_empty() {
            seen.insert("flags".into());
        }
    }
    for want in [
        format!("{:?}", NumericControl::RadioRow),
        format!("{:?}", NumericControl::Slider),
        format!("{:?}", NumericControl::Input),
        "enableWhen".into(),
        "reverse".into(),
        "repeating group".into(),
        "scores".into(),
        "flags".into(),
        "initial".into(),
        "read-only".into(),
        "pattern".into(),
        "constraint".into(),
    ] {
        assert!(seen.contains(&want), "generator never makes {want}");
    }
    assert_eq!(
        seen.iter()
            .filter(|s| s.starts_with("Discriminant"))
            .count(),
        12,
        "every item kind: {seen:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// (c) Envelopes
// ---------------------------------------------------------------------------------------------

/// One valid envelope per bundled instrument, as JSON.
fn valid_envelopes() -> &'static Vec<Value> {
    static CELL: OnceLock<Vec<Value>> = OnceLock::new();
    CELL.get_or_init(|| {
        bundled::INSTRUMENTS
            .iter()
            .map(|b| {
                let q = load(b.id);
                // Every question answered: the option, bound or text depends on the position.
                let mut answers = Answers::new();
                for (i, item) in q.items.iter().enumerate() {
                    let v = match &item.kind {
                        ItemKind::Choice { options, .. } => {
                            let o = &options[i % options.len()];
                            AnswerValue::Coding {
                                system: o.system.clone(),
                                code: o.code.clone(),
                            }
                        }
                        ItemKind::Integer { min, max, .. } => AnswerValue::Integer(if i % 2 == 0 {
                            min.unwrap_or(0)
                        } else {
                            max.unwrap_or(0)
                        }),
                        ItemKind::Decimal { min, .. } => AnswerValue::Decimal(min.unwrap_or(0.0)),
                        ItemKind::Boolean => AnswerValue::Boolean(true),
                        ItemKind::String { .. } | ItemKind::Text { .. } => {
                            AnswerValue::String("ok".into())
                        }
                        ItemKind::Date => AnswerValue::Date("2026-12-05".into()),
                        ItemKind::DateTime => {
                            AnswerValue::DateTime("2026-12-05T14:30:00+01:00".into())
                        }
                        ItemKind::Time => AnswerValue::Time("14:30:00".into()),
                        ItemKind::Group | ItemKind::Display | ItemKind::Quantity { .. } => continue,
                    };
                    answers.set(&item.link_id, Some(v));
                }
                assert!(
                    validate(&q, &answers).is_empty(),
                    "{}: {:?}",
                    b.id,
                    validate(&q, &answers)
                );
                let e = envelope(&q, b.id, &answers, &PreviousScores::new());
                let v = serde_json::to_value(&e).unwrap();
                assert!(
                    check(&serde_json::to_vec(&v).unwrap(), &lookup).is_ok(),
                    "base envelope for {} verifies",
                    b.id
                );
                v
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(proptest_config(2000))]

    #[test]
    fn c_verify_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = check(&bytes, &lookup);
    }
}

proptest! {
    #![proptest_config(proptest_config(1000))]

    #[test]
    fn c_verify_mutated_envelopes(which in 0..3usize, seed in any::<u64>(), n in 1..4usize, replacement in tree()) {
        let mut v = valid_envelopes()[which % valid_envelopes().len()].clone();
        let mut rng = Rng(seed);
        for k in 0..n {
            let r = if k == 0 { replacement.clone() } else { random_value(&mut rng, 3) };
            mutate_at(&mut v, &mut rng, r);
        }
        let _ = check(&serde_json::to_vec(&v).unwrap(), &lookup);
    }

    #[test]
    fn c_verify_byte_mutated_envelopes(
        which in 0..3usize,
        edits in prop::collection::vec((any::<u32>(), 0..3u8, any::<u8>()), 1..8),
    ) {
        let mut bytes = serde_json::to_vec(&valid_envelopes()[which % 3]).unwrap();
        for (pos, op, b) in edits {
            let i = pos as usize % (bytes.len() + 1);
            match op {
                0 => { if i < bytes.len() { bytes.remove(i); } }
                1 => bytes.insert(i, b),
                _ => { if i < bytes.len() { bytes[i] = b; } }
            }
        }
        let _ = check(&bytes, &lookup);
    }

    #[test]
    fn c_verify_arbitrary_responses(which in 0..3usize, items in prop::collection::vec(tree(), 0..6)) {
        let mut v = valid_envelopes()[which % 3].clone();
        v["questionnaireResponse"]["item"] = Value::Array(items);
        let _ = check(&serde_json::to_vec(&v).unwrap(), &lookup);
    }
}

// ---------------------------------------------------------------------------------------------
// (d) Languages and Fluent
// ---------------------------------------------------------------------------------------------

fn tag() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z]{0,9}([-_][a-zA-Z0-9]{0,9}){0,4}",
        2 => prop::sample::select(vec![
            "en", "es", "zh-Hant", "zh-TW", "zh", "fil", "pa-Arab-PK", "pa", "ar", "und", "root",
            "x-private", "en-US-u-ca-gregory", "i-klingon", "zh-Hant-TW-x-a", "-", "_", "",
        ]).prop_map(str::to_owned),
        1 => "\\PC{0,16}",
    ]
}

/// Fluent-looking source text: messages, terms, attributes, selectors and placeables, some of
/// them broken.
fn ftl() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("hello = Hello\n".to_owned()),
        Just("msg = { $name } has { $count ->\n    [one] one item\n   *[other] { $count } items\n}\n".to_owned()),
        Just("-term = Rapport\nuses = Uses { -term }\n".to_owned()),
        Just("withattr = Value\n    .title = Title { $x }\n".to_owned()),
        Just("loop = { loop }\n".to_owned()),
        Just("ref = { hello } and { missing }\n".to_owned()),
        Just("num = { NUMBER($n, minimumFractionDigits: 2) }\n".to_owned()),
        Just("# Status: draft\n".to_owned()),
        Just("sel = { $n ->\n *[a] A\n".to_owned()),
        Just("{ }\n".to_owned()),
        Just("bad = { $\n".to_owned()),
        Just("only-attr =\n    .a = A\n".to_owned()),
        "[a-z][a-z0-9-]{0,6} = [^{}\n]{0,12}\n",
        "[ {}$*\\[\\]=.\\-#a-z0-9\n\"\\\\]{0,40}",
        "\\PC{0,30}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

fn arg() -> impl Strategy<Value = (String, Arg)> {
    (
        prop::sample::select(vec!["name", "count", "n", "x", ""]).prop_map(str::to_owned),
        prop_oneof![
            any::<f64>().prop_map(Arg::Number),
            prop::sample::select(vec![f64::NAN, f64::INFINITY, 1.0, 0.0, -1.0, 1e300])
                .prop_map(Arg::Number),
            "\\PC{0,12}".prop_map(Arg::Text),
        ],
    )
}

proptest! {
    #![proptest_config(proptest_config(2000))]

    #[test]
    fn d_languages(requested in prop::collection::vec(tag(), 0..5), available in prop::collection::vec(tag(), 0..6), text in "\\PC{0,80}") {
        let chain = i18n::negotiate(&requested, &available);
        for t in &chain {
            prop_assert!(available.contains(t), "chain has {t}, which is not available");
        }
        for t in requested.iter().chain(&available) {
            let _ = i18n::is_rtl(t);
            let _ = i18n::direction(t);
            for u in &available {
                prop_assert_eq!(i18n::same_language(t, u), i18n::same_language(u, t));
            }
        }
        let _ = i18n::translation_status(&text);
        let _ = i18n::translation_status(&format!("# {text}\n# Status: {text}\n"));
        let _ = i18n::strip_isolation(&text);
    }
}

proptest! {
    #![proptest_config(proptest_config(1000))]

    #[test]
    fn d_localizer(
        locales in prop::collection::vec((tag(), ftl()), 0..3),
        ids in prop::collection::vec(prop_oneof![
            prop::sample::select(vec!["hello", "msg", "uses", "withattr", "withattr.title", "loop",
                "ref", "num", "sel", "only-attr", "only-attr.a", "-term", ".", "", "a.b.c"]).prop_map(str::to_owned),
            "\\PC{0,10}",
        ], 1..5),
        args in prop::collection::vec(arg(), 0..4),
    ) {
        let mut l = Localizer::new();
        for (t, src) in &locales {
            let _ = l.add_locale(t, &[src.as_str(), "extra = Extra\n"]);
        }
        let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        for id in &ids {
            let _ = l.format(id, &args);
            let shown = l.text(id, &args);
            if !l.has(id.split('.').next().unwrap_or("")) {
                prop_assert_eq!(&shown, id);
            }
            let _ = l.language_of(id);
        }
        let _ = l.languages().count();
        let _ = format!("{l:?}");
    }
}

/// The shipped Fluent files (`locales/*/*.ftl`), read once.
fn locale_texts() -> &'static Vec<String> {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../locales");
        let mut texts = Vec::new();
        for dir in std::fs::read_dir(root).into_iter().flatten().flatten() {
            for file in std::fs::read_dir(dir.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if file.path().extension().is_some_and(|x| x == "ftl") {
                    texts.extend(std::fs::read_to_string(file.path()));
                }
            }
        }
        texts.sort();
        texts
    })
}

/// Loads `src` into a [`Bundle`] and formats every word of it as a message id, and as an
/// attribute of the first words, with `args`. Problems must point into the source (at a
/// character boundary, so a line and column can be shown).
fn check_ftl(src: &str, args: &[(&str, Arg)]) -> Result<(), TestCaseError> {
    let mut b = Bundle::new();
    let problems = b.add_source(src);
    for p in &problems {
        prop_assert!(
            p.offset <= src.len() && src.is_char_boundary(p.offset),
            "{p:?} outside {} bytes",
            src.len()
        );
    }
    let words: std::collections::BTreeSet<&str> = src
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .filter(|w| !w.is_empty())
        .take(300)
        .collect();
    for w in &words {
        let value = b.format(w, None, args, "en", &PlainNumbers);
        if !b.has_message(w) {
            prop_assert!(value.is_none());
        }
        for a in words.iter().take(8) {
            let _ = b.format(w, Some(a), args, "lt", &PlainNumbers);
        }
    }
    Ok(())
}

fn ftl_args() -> Vec<(&'static str, Arg)> {
    vec![
        ("count", Arg::Number(21.0)),
        ("n", Arg::Number(f64::NAN)),
        ("x", Arg::Text("one".into())),
        ("name", Arg::Number(1.5)),
    ]
}

proptest! {
    #![proptest_config(proptest_config(2000))]

    #[test]
    fn d_fluent_arbitrary_text(s in any::<String>()) {
        check_ftl(&s, &ftl_args())?;
    }

    #[test]
    fn d_fluent_ftl_alphabet(s in "([a-z]{1,4} = |[ {}$*\\[\\]=.\\-#a-zA-Z0-9\n\r\"\\\\()>:,\t]){0,80}") {
        check_ftl(&s, &ftl_args())?;
        check_ftl(&s.replace('\n', "\r\n"), &[])?;
    }
}

proptest! {
    #![proptest_config(proptest_config(500))]

    /// Byte edits of the shipped Fluent files (read back as lossy UTF-8): near-valid sources,
    /// deep into every rule of the parser.
    #[test]
    fn d_fluent_mutated_locales(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<u32>(), 0..4u8, any::<u8>()), 1..8),
    ) {
        let mut bytes = which.get(locale_texts()).as_bytes().to_vec();
        for (pos, op, b) in edits {
            let i = pos as usize % (bytes.len() + 1);
            match op {
                0 => { if i < bytes.len() { bytes.remove(i); } }
                1 => bytes.insert(i, b"{}[]*.-#$\"\\\n\r =():,>a1"[b as usize % 22]),
                2 => { if i < bytes.len() { bytes[i] = b; } }
                _ => bytes.truncate(i),
            }
        }
        check_ftl(&String::from_utf8_lossy(&bytes), &ftl_args())?;
    }
}

proptest! {
    #![proptest_config(proptest_config(300))]

    /// Nesting far beyond the parser's limit, balanced or not: no stack overflow; a balanced
    /// entry deeper than [`MAX_NESTING`] is one problem and the next entry still loads.
    #[test]
    fn d_fluent_deep_nesting(
        depth in prop_oneof![0..2 * MAX_NESTING, 0..3000usize],
        kind in 0..5usize,
        balanced in any::<bool>(),
    ) {
        // What opens a level, the innermost expression, what closes it, and how many levels of
        // nesting (placeables and call arguments) each repetition adds.
        let (open, inner, close, levels) = [
            ("{ ", "$x", " }", 1),
            ("F(", "1", ")", 1),
            ("{ $x ->\n *[a] ", "deep", "\n}", 1),
            ("-t(x: F(", "1", "))", 2),
            ("{ NUMBER(", "$x", ") }", 2),
        ][kind];
        let mut src = format!("-t = T\na = {{ {}{inner}", open.repeat(depth));
        if balanced {
            src.push_str(&close.repeat(depth));
        }
        src.push_str(" }\nb = ok\n");
        check_ftl(&src, &ftl_args())?;
        let mut b = Bundle::new();
        let problems = b.add_source(&src);
        if balanced {
            // With the outer `{ }`, 1 + levels × depth ≤ MAX_NESTING.
            prop_assert_eq!(problems.is_empty(), levels * depth < MAX_NESTING, "{:?}", problems);
            prop_assert!(b.has_message("b"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// (e) locate_pointer
// ---------------------------------------------------------------------------------------------

fn pointer() -> impl Strategy<Value = String> {
    prop_oneof![
        "(/[a-zA-Z0-9~_]{0,6}){0,6}",
        "\\PC{0,20}",
        prop::collection::vec(
            prop_oneof![key(), (0..6usize).prop_map(|i| i.to_string())],
            0..6
        )
        .prop_map(|t| t.iter().map(|x| format!("/{x}")).collect::<String>()),
    ]
}

/// Every pointer into `v`.
fn pointers(v: &Value, prefix: String, out: &mut Vec<String>) {
    out.push(prefix.clone());
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{prefix}/{i}"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(x, format!("{prefix}/{k}"), out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(proptest_config(2000))]

    #[test]
    fn e_locate_pointer_arbitrary(source in prop_oneof!["\\PC{0,200}", "[\\[\\]{}\":,0-9a-z \n\\\\]{0,200}"], p in pointer()) {
        let _ = locate_pointer(&source, &p);
    }
}

proptest! {
    #![proptest_config(proptest_config(500))]

    #[test]
    fn e_locate_pointer_real(v in questionnaire_tree(), pretty in any::<bool>(), extra in pointer()) {
        let source = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        let mut all = Vec::new();
        pointers(&v, String::new(), &mut all);
        // Every pointer of small trees; a spread of them in large ones.
        let stride = (all.len() / 24).max(1);
        let mut all: Vec<String> = all.into_iter().step_by(stride).collect();
        all.push(extra);
        let lines = source.lines().count().max(1);
        for p in &all {
            if let Some((line, col)) = locate_pointer(&source, p) {
                prop_assert!(line >= 1 && line <= lines && col >= 1, "{p}: {line}:{col} in {lines} lines");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// (f) Typed numbers
// ---------------------------------------------------------------------------------------------

fn kinds() -> Vec<ItemKind> {
    vec![
        ItemKind::Integer {
            min: Some(0),
            max: Some(10),
            control: NumericControl::RadioRow,
            step: 1,
        },
        ItemKind::Decimal {
            min: None,
            max: None,
        },
        ItemKind::Boolean,
        ItemKind::Text { max_length: None },
        ItemKind::Date,
        ItemKind::DateTime,
        ItemKind::Time,
    ]
}

/// Writes ASCII digits in another script (Arabic-Indic, Persian, Devanagari, Bengali,
/// Gurmukhi, Gujarati, full-width), with the Arabic decimal separator and minus sign.
fn native(s: &str, zero: u32) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(zero + (c as u32 - '0' as u32)).unwrap_or(c),
            '.' if zero == 0x0660 => '\u{066B}',
            '-' => '\u{2212}',
            _ => c,
        })
        .collect()
}

proptest! {
    #![proptest_config(proptest_config(5000))]

    #[test]
    fn f_typed_numbers(s in prop_oneof![
        "\\PC{0,30}",
        "[ \\-+0-9.,eE٠-٩۰-۹०-९০-৯੦-੯૦-૯０-９٫−a-z]{0,24}",
        Just("NaN".to_owned()), Just("inf".to_owned()), Just("-infinity".to_owned()),
        Just("1e400".to_owned()), Just("9007199254740993".to_owned()), Just("-0".to_owned()),
    ]) {
        let n = normalize_digits(&s);
        prop_assert_eq!(normalize_digits(&n), n.clone(), "normalising is idempotent");
        for kind in kinds() {
            match parse_number(&kind, &s) {
                Ok(Some(AnswerValue::Integer(_))) => {
                    let integer = matches!(kind, ItemKind::Integer { .. });
                    prop_assert!(integer);
                }
                Ok(Some(AnswerValue::Decimal(d))) => prop_assert!(d.is_finite()),
                Ok(Some(other)) => prop_assert!(false, "parse_number gave {}", other.kind_name()),
                Ok(None) => prop_assert!(n.is_empty()),
                Err(_) => {}
            }
        }
    }
}

proptest! {
    #![proptest_config(proptest_config(2000))]

    #[test]
    fn f_native_digits_read_like_ascii(v in -9_000_000_000_000_000i64 / 1000..9_000_000_000_000_000 / 1000, frac in 0u32..1000, zero in prop::sample::select(vec![0x0660u32, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0xFF10])) {
        let whole = v.to_string();
        let integer = &kinds()[0];
        prop_assert_eq!(parse_number(integer, &whole), Ok(Some(AnswerValue::Integer(v))));
        prop_assert_eq!(parse_number(integer, &native(&whole, zero)), Ok(Some(AnswerValue::Integer(v))));
        let dec = format!("{}.{frac:03}", v / 1_000_000);
        let decimal = &kinds()[1];
        prop_assert_eq!(parse_number(decimal, &native(&dec, zero)), parse_number(decimal, &dec));
        prop_assert_eq!(parse_number(decimal, &dec.replace('.', ",")), parse_number(decimal, &dec));
    }
}

proptest! {
    #![proptest_config(proptest_config(5000))]

    /// Dates and times typed into a field (or a browser without native date inputs): never a
    /// panic, and whatever is accepted passes validation and compares as FHIR says.
    #[test]
    fn f_typed_dates_and_times(s in prop_oneof![
        "\\PC{0,30}",
        "[0-9٠-٩T :+\\-Z.]{0,26}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?",
        "[0-9]{2}:[0-9]{2}(:[0-9]{2})?",
    ], offset in prop_oneof![-900i32..900, any::<i32>()]) {
        for kind in [ItemKind::Date, ItemKind::DateTime, ItemKind::Time] {
            match parse_typed(&kind, &s, &|_| offset) {
                Ok(Some(v)) => {
                    prop_assert_eq!(check_answer(&kind, &v), None, "accepted but invalid");
                    if let AnswerValue::DateTime(d) = &v {
                        prop_assert!(dates::instant(d).is_some());
                        prop_assert!(dates::local_part(d).len() == 19);
                    }
                }
                Ok(None) => prop_assert!(s.trim().is_empty()),
                Err(_) => {}
            }
        }
        let _ = (dates::is_date(&s), dates::is_time(&s), dates::instant(&s), dates::local_part(&s));
    }

    /// Every real day from 0001 to 9999 is a date, and dates sort as the days do.
    #[test]
    fn f_real_days(y in 1u32..10000, m in 1u32..13, d in 1u32..32, y2 in 1u32..10000) {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let last = match m { 2 if leap => 29, 2 => 28, 4 | 6 | 9 | 11 => 30, _ => 31 };
        let s = format!("{y:04}-{m:02}-{d:02}");
        prop_assert_eq!(dates::is_date(&s), d <= last);
        if d <= last {
            let a = dates::instant(&format!("{s}T00:00:00Z")).unwrap();
            let b = dates::instant(&format!("{y2:04}-01-01T00:00:00Z")).unwrap();
            prop_assert_eq!(a.cmp(&b), s.as_str().cmp(format!("{y2:04}-01-01").as_str()));
        }
    }
}

/// The generators reach past the first checks: arbitrary trees sometimes load, mutated
/// definitions often do, widget-like answers both pass and fail validation, and mutated
/// envelopes are refused at every stage of `verify` (and sometimes still verify).
#[test]
fn generators_reach_deep() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = questionnaire_tree();
    let loaded = (0..500)
        .filter(|_| {
            let v = strategy.new_tree(&mut runner).unwrap().current();
            Questionnaire::from_value(&v).is_ok_and(|q| !q.items.is_empty())
        })
        .count();
    assert!(
        loaded >= 5,
        "arbitrary trees with items loaded: {loaded}/500"
    );

    let (mut mutated, mut mutated_loaded, mut valid, mut with_issues) = (0, 0, 0, 0);
    for seed in 0..400u64 {
        let mut rng = Rng(seed);
        let mutate = seed % 4 == 0;
        let r = Questionnaire::from_value(&structured_definition(
            &mut rng,
            1 + (seed % 39) as usize,
            mutate,
        ));
        if mutate {
            mutated += 1;
            mutated_loaded += usize::from(r.is_ok());
        }
        if let Ok(q) = r {
            if validate(&q, &random_answers(&mut rng, &q, true)).is_empty() {
                valid += 1;
            } else {
                with_issues += 1;
            }
        }
    }
    assert!(
        mutated_loaded * 5 >= mutated,
        "mutated definitions loaded: {mutated_loaded}/{mutated}"
    );
    assert!(
        valid >= 60 && with_issues >= 60,
        "valid {valid}, with issues {with_issues}"
    );

    let mut codes = BTreeMap::new();
    for seed in 0..400u64 {
        let mut rng = Rng(seed);
        let mut v = valid_envelopes()[(seed % 3) as usize].clone();
        let r = random_value(&mut rng, 3);
        mutate_at(&mut v, &mut rng, r);
        let code = match check(&serde_json::to_vec(&v).unwrap(), &lookup) {
            Ok(_) => "ok",
            Err(e) => e.code(),
        };
        *codes.entry(code).or_insert(0) += 1;
    }
    for want in [
        "ok",
        "invalid-envelope",
        "invalid-response",
        "invalid-answers",
        "score-mismatch",
        "flag-mismatch",
    ] {
        assert!(
            codes.contains_key(want),
            "no mutated envelope ended in {want}: {codes:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// (g) delivery: stored drafts and outbox entries come back from the browser's storage, which any
// script on the portal's origin can write; numbers patients type
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(proptest_config(2000))]

    #[test]
    fn g_stored_drafts_and_outbox_entries(v in tree(), text in "\\PC{0,200}", seed in any::<u64>()) {
        use rapport_core::delivery::{draft_from_json, draft_json, OutboxEntry};
        let _ = OutboxEntry::from_json(&v);
        let _ = rapport_core::scoring::Score::list_from_json(&v);
        let _ = OutboxEntry::from_text(&text);
        let mut rng = Rng(seed);
        let q = load(["session-checkin", "working-together", "psychiatry-relationship"][(seed % 3) as usize]);
        let _ = draft_from_json(&q, &v);
        // A real draft, then damaged anywhere: never a panic, never an answer that does not fit.
        let answers = random_answers(&mut rng, &q, true);
        let mut draft = draft_json(&q, &answers, &[]);
        let back = draft_from_json(&q, &draft).map(|(a, _)| a);
        prop_assert_eq!(back.as_ref(), Some(&answers));
        let r = random_value(&mut rng, 3);
        mutate_at(&mut draft, &mut rng, r);
        if let Some((a, _)) = draft_from_json(&q, &draft) {
            for (id, value) in a.iter() {
                let item = q.item(id).expect("only known questions come back");
                prop_assert!(rapport_core::response::answer_fits(item, value));
            }
        }
    }

    #[test]
    fn g_retry_rules(status in proptest::option::of(any::<u16>()), attempt in any::<u32>(),
                     r in any::<f64>(), after in proptest::option::of(any::<f64>()), header in "\\PC{0,20}") {
        use rapport_core::delivery::{backoff_ms, classify, retry_after_seconds_ms, MAX_DELAY_MS};
        let _ = classify(status);
        let ms = backoff_ms(attempt, r, after);
        prop_assert!((0.0..=MAX_DELAY_MS).contains(&ms), "{}", ms);
        let _ = retry_after_seconds_ms(&header);
    }

    #[test]
    fn g_decimals_agree_with_the_standard_parser(s in "[+-]?[0-9]{0,9}(\\.[0-9]{0,6})?") {
        let ours = rapport_core::number::parse_decimal(&s);
        let std = s.parse::<f64>().ok().filter(|_| !matches!(s.as_str(), "" | "+" | "-" | "." | "+." | "-."));
        prop_assert_eq!(ours, std, "{}", s);
    }
}

proptest! {
    #![proptest_config(proptest_config(2000))]

    /// The subject token reader: arbitrary text, text in the token's alphabet, and real tokens
    /// around arbitrary payload bytes. Never a panic; whatever it accepts names a patient.
    #[test]
    fn subject_tokens_never_panic(
        s in any::<String>(),
        shaped in "[A-Za-z0-9_\\-.=+/]{0,120}",
        payload in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        use rapport_core::subject::{payload_text, SubjectClaims};
        for text in [
            s.clone(),
            shaped,
            format!(
                "{}.{}.{}",
                support::base64url(b"{\"alg\":\"none\"}"),
                support::base64url(&payload),
                support::base64url(s.as_bytes())
            ),
        ] {
            let _ = payload_text(&text);
            if let Ok(claims) = SubjectClaims::peek(&text) {
                prop_assert!(!claims.iss.is_empty() && !claims.sub.is_empty());
                prop_assert!(!claims.scope_text().is_empty());
            }
        }
        // Claims from arbitrary JSON text.
        if let Ok(v) = serde_json::from_str::<Value>(&s) {
            let _ = SubjectClaims::from_payload(&v);
        }
    }
}
