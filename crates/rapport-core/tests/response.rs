//! QuestionnaireResponse round trips and the delivery envelope.
//!
//! - For each bundled instrument, answers generated from the definition alone go through
//!   `response::build` and back through `response::answers_from` unchanged (as a value and as
//!   JSON text).
//! - A tampered response (unknown linkId, wrong value type, a display item answered, an item
//!   under the wrong group, a duplicate, two answers, …) is refused with the pointer of the
//!   offending element.
//! - `envelope::verify` accepts the envelope the widget sends, and refuses each kind of bad
//!   envelope with its stable code and pointer.

// Test code may stop loudly; the core's no-panic lints (its Cargo.toml) are for src/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::bundled;
use rapport_core::definition::{ItemKind, Questionnaire};
use rapport_core::enable::enabled_items;
use rapport_core::envelope::{
    check, put_subject_token, take_subject_token, Envelope, EnvelopeError, FORMAT,
    FORMAT_WITH_SUBJECT, FORMAT_WITH_WIDGET, MAX_ENVELOPE_BYTES, MAX_WIDGET_VERSION_BYTES,
    SUBJECT_TOKEN_FIELD,
};
use rapport_core::response::{answers_from, build, ResponseError};
use rapport_core::scoring::{Flag, PreviousScores, Score};
use rapport_core::validate::validate;
use serde_json::{json, Value};

mod support;
use support::{load, lookup, unsigned_token, Submission, KEY, META, WIDGET_VERSION};

fn ids() -> Vec<&'static str> {
    bundled::INSTRUMENTS.iter().map(|b| b.id).collect()
}

/// A valid answer to every question, chosen from the definition alone: option, number, yes/no
/// and text vary with `seed` and the item's position, so different seeds cover different values.
fn generic_answers(q: &Questionnaire, seed: usize) -> Answers {
    let mut answers = Answers::new();
    for (i, item) in q.items.iter().enumerate() {
        let k = seed.wrapping_mul(7).wrapping_add(i);
        let value = match &item.kind {
            ItemKind::Group | ItemKind::Display => continue,
            ItemKind::Choice { options, .. } => {
                let o = &options[k % options.len()];
                AnswerValue::Coding {
                    system: o.system.clone(),
                    code: o.code.clone(),
                }
            }
            ItemKind::Integer { min, max, .. } => {
                let lo = min.unwrap_or(-1000);
                let hi = max.unwrap_or(lo.saturating_add(1000)).max(lo);
                let span = (hi - lo) as usize + 1;
                AnswerValue::Integer(lo + (k % span) as i64)
            }
            ItemKind::Decimal { min, max } => {
                let lo = min.unwrap_or(-10.0);
                let hi = max.unwrap_or(lo + 10.0);
                AnswerValue::Decimal(lo + (hi - lo) * ((k % 5) as f64) / 4.0)
            }
            ItemKind::Boolean => AnswerValue::Boolean(k % 2 == 0),
            ItemKind::Date => AnswerValue::Date(["2026-12-05", "2024-02-29"][k % 2].into()),
            ItemKind::DateTime => AnswerValue::DateTime(
                ["2026-12-05T14:30:00+01:00", "2026-07-05T09:15:00Z"][k % 2].into(),
            ),
            ItemKind::Time => AnswerValue::Time(["14:30:00", "00:00:00"][k % 2].into()),
            ItemKind::Quantity { units } => {
                let u = &units[k % units.len()];
                AnswerValue::Quantity {
                    value: [72.5, 0.0][k % 2],
                    system: u.system.clone(),
                    code: u.code.clone(),
                }
            }
            ItemKind::String { max_length } | ItemKind::Text { max_length } => {
                let text = [
                    "ok",
                    "Más tiempo para hablar.",
                    "كلام",
                    "a\nb",
                    "\"quoted\" {x}",
                ][k % 5];
                let n = max_length.unwrap_or(usize::MAX);
                AnswerValue::String(text.chars().take(n).collect())
            }
        };
        // Every third seed leaves some optional questions out.
        if seed % 3 == 2 && !item.required && k % 2 == 0 {
            continue;
        }
        answers.set(&item.link_id, Some(value));
    }
    answers
}

/// The answers of enabled questions only: what a response carries.
fn enabled_subset(q: &Questionnaire, answers: &Answers) -> Answers {
    let on = enabled_items(q, answers);
    q.items
        .iter()
        .enumerate()
        .filter(|(i, item)| item.kind.is_question() && on[*i])
        .filter_map(|(_, item)| {
            answers
                .get(&item.link_id)
                .map(|v| (item.link_id.clone(), v.clone()))
        })
        .collect()
}

fn response(q: &Questionnaire, answers: &Answers) -> Value {
    build(q, answers, &META, &|_, opt| {
        Some(format!("label of {}", opt.code))
    })
}

#[test]
fn bundled_responses_read_back_unchanged() {
    let mut checked = 0;
    for id in ids() {
        let q = load(id);
        for seed in 0..15 {
            let answers = generic_answers(&q, seed);
            let qr = response(&q, &answers);
            let want = enabled_subset(&q, &answers);
            assert_eq!(
                answers_from(&q, &qr).as_ref(),
                Ok(&want),
                "{id} seed {seed}: {qr}"
            );
            // Through JSON text too, as the receiver gets it.
            let text = serde_json::to_string(&qr).unwrap();
            let parsed: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                answers_from(&q, &parsed).as_ref(),
                Ok(&want),
                "{id} seed {seed} (text)"
            );
            // Building again from what was read gives the same response.
            assert_eq!(response(&q, &want), qr, "{id} seed {seed}");
            // The canonical reference and the status.
            assert_eq!(qr["questionnaire"], json!(q.canonical()), "{id}");
            assert_eq!(qr["status"], "completed");
            assert_eq!(qr["language"], "en");
            assert_eq!(qr["authored"], META.authored);
            checked += 1;
        }
    }
    assert_eq!(checked, 15 * bundled::INSTRUMENTS.len());
}

#[test]
fn bundled_responses_nest_as_the_definition() {
    for id in ids() {
        let q = load(id);
        let answers = generic_answers(&q, 0);
        let qr = response(&q, &answers);
        // Walk the response: every item sits under its definition parent, groups have items,
        // questions one answer, display items never appear.
        fn walk(q: &Questionnaire, list: &Value, parent: Option<usize>, count: &mut usize) {
            for it in list.as_array().expect("item is an array") {
                let link = it["linkId"].as_str().expect("linkId");
                let pos = q.position(link).expect("known linkId");
                let item = &q.items[pos];
                assert_eq!(item.parent, parent, "{link} is under its parent");
                match item.kind {
                    ItemKind::Group => walk(q, &it["item"], Some(pos), count),
                    ItemKind::Display => panic!("display item {link} in the response"),
                    _ => {
                        assert_eq!(it["answer"].as_array().map(Vec::len), Some(1));
                        *count += 1;
                    }
                }
            }
        }
        let mut count = 0;
        walk(&q, &qr["item"], None, &mut count);
        assert_eq!(count, enabled_subset(&q, &answers).len(), "{id}");
    }
}

#[test]
fn psychiatry_relationship_medicine_items_follow_enable_when() {
    let q = load("psychiatry-relationship");
    let mut answers = generic_answers(&q, 0);
    answers.set("takes-medicine", Some(AnswerValue::Boolean(false)));
    let qr = response(&q, &answers);
    let text = qr.to_string();
    assert!(
        !text.contains("medicine-say") && !text.contains("side-effects"),
        "{text}"
    );
    let back = answers_from(&q, &qr).unwrap();
    assert!(back.get("medicine-say").is_none());
    answers.set("takes-medicine", Some(AnswerValue::Boolean(true)));
    let back = answers_from(&q, &response(&q, &answers)).unwrap();
    assert!(back.get("medicine-say").is_some() && back.get("side-effects").is_some());
}

#[test]
fn empty_answers_give_a_response_without_items() {
    for id in ids() {
        let q = load(id);
        let qr = response(&q, &Answers::new());
        assert!(qr.get("item").is_none(), "{id}: {qr}");
        assert_eq!(answers_from(&q, &qr), Ok(Answers::new()));
    }
}

/// The research report's example QuestionnaireResponse (placeholder text, not licensed) reads
/// back against the example Questionnaire.
#[test]
fn research_example_response_reads_back() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/research-example.json"
    );
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let q = Questionnaire::from_value(&fixture["definition"]).unwrap();
    let qr = json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": "http://example.org/Questionnaire/session-feedback|1.0.0",
        "status": "completed", "language": "es", "authored": "2026-01-15T10:42:00+01:00",
        "item": [
            { "linkId": "q1", "answer": [{ "valueCoding": { "system": "http://example.org/agree5", "code": "4", "display": "De acuerdo" } }] },
            { "linkId": "q2", "answer": [{ "valueCoding": { "system": "http://example.org/agree5", "code": "5", "display": "Muy de acuerdo" } }] },
            { "linkId": "total", "answer": [{ "valueDecimal": 9 }] }
        ]
    });
    // The calculated total (an SDC calculatedExpression) reads back with the rest; whether it
    // is the right total is `envelope::verify`'s check (tests/fhirpath.rs).
    let answers = answers_from(&q, &qr).unwrap();
    assert_eq!(answers.get("total"), Some(&AnswerValue::Decimal(9.0)));
    let mut qr = qr;
    qr["item"].as_array_mut().unwrap().pop();
    let answers = answers_from(&q, &qr).unwrap();
    let coding = |code: &str| AnswerValue::Coding {
        system: Some("http://example.org/agree5".into()),
        code: code.into(),
    };
    assert_eq!(answers.get("q1"), Some(&coding("4")));
    assert_eq!(answers.get("q2"), Some(&coding("5")));
    assert_eq!(answers.get("total"), None);
    assert!(validate(&q, &answers).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Tampering
// ---------------------------------------------------------------------------------------------

/// psychiatry-relationship answered everywhere (medicine "yes"), and its response. The
/// response's shape, checked here so the pointers below mean what they say:
/// `/item/0` part-listening [attention, plain-words, rushed], `/item/1` part-treatment
/// [choices, my-say, takes-medicine, medicine-say, side-effects], `/item/2` part-trust [5
/// items], `/item/3` better.
fn valid_psychiatry() -> (Questionnaire, Value) {
    let q = load("psychiatry-relationship");
    let mut answers = generic_answers(&q, 0);
    answers.set("takes-medicine", Some(AnswerValue::Boolean(true)));
    answers.set("better", Some(AnswerValue::String("More time.".into())));
    let qr = response(&q, &answers);
    let links = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["linkId"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        links(&qr["item"]),
        ["part-listening", "part-treatment", "part-trust", "better"]
    );
    assert_eq!(
        links(&qr["item"][0]["item"]),
        ["attention", "plain-words", "rushed"]
    );
    assert_eq!(
        links(&qr["item"][1]["item"]),
        [
            "choices",
            "my-say",
            "takes-medicine",
            "medicine-say",
            "side-effects"
        ]
    );
    assert!(answers_from(&q, &qr).is_ok());
    (q, qr)
}

/// Applies `tamper` to a valid response and returns the error `answers_from` gives.
fn refused(what: &str, tamper: impl FnOnce(&mut Value)) -> ResponseError {
    let (q, mut qr) = valid_psychiatry();
    tamper(&mut qr);
    match answers_from(&q, &qr) {
        Err(e) => {
            assert!(!e.message.is_empty());
            e
        }
        Ok(a) => panic!("{what}: tampered response accepted ({a:?}): {qr}"),
    }
}

fn items(v: &mut Value) -> &mut Vec<Value> {
    v.as_array_mut().expect("an array")
}

#[test]
fn tampered_responses_are_refused_with_a_pointer() {
    type Tamper = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, &str, &str, Tamper)> = vec![
        (
            "not an object",
            "",
            "not-an-object",
            Box::new(|qr| *qr = json!([])),
        ),
        (
            "another resource",
            "/resourceType",
            "wrong-resource-type",
            Box::new(|qr| qr["resourceType"] = json!("Patient")),
        ),
        (
            "another questionnaire",
            "/questionnaire",
            "wrong-questionnaire",
            Box::new(|qr| {
                qr["questionnaire"] =
                    json!("https://rapport.dev/fhir/Questionnaire/session-checkin|1.0.0")
            }),
        ),
        (
            "another version",
            "/questionnaire",
            "wrong-questionnaire",
            Box::new(|qr| {
                qr["questionnaire"] =
                    json!("https://rapport.dev/fhir/Questionnaire/psychiatry-relationship|2.0.0")
            }),
        ),
        (
            "no questionnaire",
            "/questionnaire",
            "wrong-questionnaire",
            Box::new(|qr| {
                qr.as_object_mut().unwrap().remove("questionnaire");
            }),
        ),
        (
            "in progress",
            "/status",
            "not-completed",
            Box::new(|qr| qr["status"] = json!("in-progress")),
        ),
        (
            "item not an array",
            "/item",
            "item-not-an-array",
            Box::new(|qr| qr["item"] = json!({})),
        ),
        (
            "group items not an array",
            "/item/1/item",
            "item-not-an-array",
            Box::new(|qr| qr["item"][1]["item"] = json!("x")),
        ),
        (
            "unknown linkId",
            "/item/1/item/2/linkId",
            "unknown-link-id",
            Box::new(|qr| qr["item"][1]["item"][2]["linkId"] = json!("takes-pills")),
        ),
        (
            "missing linkId",
            "/item/0/item/1/linkId",
            "missing-link-id",
            Box::new(|qr| {
                qr["item"][0]["item"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("linkId");
            }),
        ),
        (
            "linkId not a string",
            "/item/3/linkId",
            "missing-link-id",
            Box::new(|qr| qr["item"][3]["linkId"] = json!(7)),
        ),
        (
            "string for a choice",
            "/item/0/item/0/answer/0",
            "wrong-value-type",
            Box::new(|qr| qr["item"][0]["item"][0]["answer"] = json!([{ "valueString": "agree" }])),
        ),
        (
            "integer for a boolean",
            "/item/1/item/2/answer/0",
            "wrong-value-type",
            Box::new(|qr| qr["item"][1]["item"][2]["answer"] = json!([{ "valueInteger": 1 }])),
        ),
        (
            "coding for a boolean",
            "/item/1/item/2/answer/0",
            "wrong-value-type",
            Box::new(|qr| {
                qr["item"][1]["item"][2]["answer"] = json!([{ "valueCoding": { "code": "yes" } }])
            }),
        ),
        (
            "boolean for a text",
            "/item/3/answer/0",
            "wrong-value-type",
            Box::new(|qr| qr["item"][3]["answer"] = json!([{ "valueBoolean": true }])),
        ),
        (
            "unknown value type",
            "/item/3/answer",
            "not-one-answer",
            Box::new(|qr| {
                qr["item"][3]["answer"] =
                    json!([{ "valueAttachment": { "url": "https://a.example/x" } }])
            }),
        ),
        (
            "a date where the question takes text",
            "/item/3/answer/0",
            "wrong-value-type",
            Box::new(|qr| qr["item"][3]["answer"] = json!([{ "valueDate": "2026-01-01" }])),
        ),
        (
            "display item answered",
            "/item/0",
            "display-answered",
            Box::new(|qr| {
                items(&mut qr["item"]).insert(
                    0,
                    json!({ "linkId": "about-clinician", "answer": [{ "valueString": "x" }] }),
                )
            }),
        ),
        (
            "question under the wrong group",
            "/item/1/item/5",
            "misplaced",
            Box::new(|qr| {
                let moved = items(&mut qr["item"][0]["item"]).remove(0);
                items(&mut qr["item"][1]["item"]).push(moved);
            }),
        ),
        (
            "question outside its group",
            "/item/4",
            "misplaced",
            Box::new(|qr| {
                let moved = items(&mut qr["item"][0]["item"]).remove(0);
                items(&mut qr["item"]).push(moved);
            }),
        ),
        (
            "root question inside a group",
            "/item/0/item/3",
            "misplaced",
            Box::new(|qr| {
                let moved = items(&mut qr["item"]).remove(3);
                items(&mut qr["item"][0]["item"]).push(moved);
            }),
        ),
        (
            "group inside another group",
            "/item/0/item/3",
            "misplaced",
            Box::new(|qr| {
                let moved = items(&mut qr["item"]).remove(2);
                items(&mut qr["item"][0]["item"]).push(moved);
            }),
        ),
        (
            "duplicate question",
            "/item/0/item/3",
            "repeated",
            Box::new(|qr| {
                let copy = qr["item"][0]["item"][0].clone();
                items(&mut qr["item"][0]["item"]).push(copy);
            }),
        ),
        (
            "duplicate group",
            "/item/4",
            "repeated",
            Box::new(|qr| {
                // The copy of part-trust carries no question of its own twice: only the group
                // repeats.
                let mut copy = qr["item"][2].clone();
                copy["item"] = json!([]);
                items(&mut qr["item"]).push(copy);
            }),
        ),
        (
            "two answers",
            "/item/0/item/0/answer",
            "not-one-answer",
            Box::new(|qr| {
                let a = qr["item"][0]["item"][0]["answer"][0].clone();
                items(&mut qr["item"][0]["item"][0]["answer"]).push(a);
            }),
        ),
        (
            "no answer",
            "/item/0/item/1/answer",
            "not-one-answer",
            Box::new(|qr| qr["item"][0]["item"][1]["answer"] = json!([])),
        ),
        (
            "answer missing",
            "/item/0/item/1/answer",
            "not-one-answer",
            Box::new(|qr| {
                qr["item"][0]["item"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("answer");
            }),
        ),
        (
            "answer not an array",
            "/item/0/item/1/answer",
            "not-one-answer",
            Box::new(|qr| qr["item"][0]["item"][1]["answer"] = json!({ "valueBoolean": true })),
        ),
        (
            "answer without a value",
            "/item/0/item/1/answer",
            "not-one-answer",
            Box::new(|qr| qr["item"][0]["item"][1]["answer"] = json!([{}])),
        ),
        (
            "coding without a code",
            "/item/0/item/1/answer",
            "not-one-answer",
            Box::new(|qr| {
                qr["item"][0]["item"][1]["answer"] = json!([{ "valueCoding": { "system": "x" } }])
            }),
        ),
    ];
    let mut failures = Vec::new();
    for (what, pointer, code, tamper) in cases {
        let (q, mut qr) = valid_psychiatry();
        tamper(&mut qr);
        match answers_from(&q, &qr) {
            Err(e) if e.pointer == pointer && e.kind.code() == code && !e.message.is_empty() => {}
            Err(e) => failures.push(format!(
                "{what}: {} at {:?} (\"{}\"), expected {code} at {pointer:?}",
                e.kind.code(),
                e.pointer,
                e.message
            )),
            Ok(_) => failures.push(format!(
                "{what}: accepted; expected an error at {pointer:?}"
            )),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn tampering_that_is_harmless_is_accepted() {
    // A group sent without items, and extra FHIR fields, change nothing.
    let (q, mut qr) = valid_psychiatry();
    let want = answers_from(&q, &qr).unwrap();
    qr["id"] = json!("abc");
    qr["subject"] = json!({ "reference": "Patient/1" });
    qr["item"][0]["text"] = json!("Listening");
    qr["item"][0]["item"][0]["answer"][0]["valueCoding"]["display"] = json!("anything");
    assert_eq!(answers_from(&q, &qr), Ok(want));
    // Blank text is no answer, as in the widget.
    let (_, mut qr) = valid_psychiatry();
    qr["item"][3]["answer"] = json!([{ "valueString": "   " }]);
    assert!(answers_from(&q, &qr).unwrap().get("better").is_none());
    // A refusal names the unknown linkId in its message.
    let e = refused("unknown linkId", |qr| {
        qr["item"][3]["linkId"] = json!("a/b~c")
    });
    assert_eq!(e.pointer, "/item/3/linkId");
    assert!(e.message.contains("a/b~c"), "{}", e.message);
}

/// Items nested under a question (FHIR allows it, with the answers under `answer[].item`) are
/// asked once the question is answered and travel inside its answer; under display text
/// (FHIR's que-1 forbids it) or under a question that repeats they are refused, located, never
/// validated and then dropped from the response (what the receiver would refuse).
#[test]
fn items_nested_under_a_question_travel_inside_its_answer() {
    let def = json!({ "resourceType": "Questionnaire", "item": [
        { "linkId": "a", "type": "boolean", "text": "A", "item": [
            { "linkId": "b", "type": "string", "required": true }
        ]}
    ]});
    let q = Questionnaire::from_value(&def).expect("items under a question load");
    // Not asked before the question is answered.
    assert_eq!(enabled_items(&q, &Answers::new()), [true, false]);
    let mut answers = Answers::new();
    answers.set("a", Some(AnswerValue::Boolean(true)));
    assert_eq!(enabled_items(&q, &answers), [true, true]);
    assert_eq!(validate(&q, &answers).len(), 1, "b is required once shown");
    answers.set("b", Some(AnswerValue::String("yes".into())));
    let qr = response(&q, &answers);
    assert_eq!(
        qr["item"],
        json!([{ "linkId": "a", "answer": [{ "valueBoolean": true,
            "item": [{ "linkId": "b", "answer": [{ "valueString": "yes" }] }] }] }])
    );
    assert_eq!(answers_from(&q, &qr).unwrap(), answers);
    // Beside the answer instead of inside it: refused, located.
    let mut beside = qr.clone();
    let inner = beside["item"][0]["answer"][0]
        .as_object_mut()
        .unwrap()
        .remove("item")
        .unwrap();
    beside["item"][0]["item"] = inner;
    let e = answers_from(&q, &beside).expect_err("items beside the answer");
    assert_eq!(
        (e.kind.code(), e.pointer.as_str()),
        ("misplaced", "/item/0/item")
    );

    for (parent, extra) in [
        ("display", json!({})),
        (
            "choice",
            json!({ "repeats": true,
        "answerOption": [{ "valueCoding": { "code": "x" } }] }),
        ),
    ] {
        let mut a = json!({ "linkId": "a", "type": parent, "text": "A", "item": [
            { "linkId": "b", "type": "string", "required": true }
        ]});
        for (k, v) in extra.as_object().unwrap() {
            a[k] = v.clone();
        }
        let def = json!({ "resourceType": "Questionnaire", "item": [a] });
        let errors = Questionnaire::from_value(&def).expect_err("nested items must be refused");
        assert!(
            errors
                .iter()
                .any(|e| e.kind.code() == "items-under-question" && e.pointer == "/item/0/item"),
            "under a {parent}: {errors:?}"
        );
    }
}

/// Decimal answers should arrive exactly as sent. serde_json parses floats "best effort"
/// unless its `float_roundtrip` feature is on, so values with 17 significant digits can come
/// back one ULP off (e.g. 1/11). The receiver turns the feature on, and so do these tests.
#[test]
fn decimal_answers_survive_json_text() {
    let q = Questionnaire::from_value(&json!({ "resourceType": "Questionnaire", "item": [
        { "linkId": "d", "type": "decimal" }
    ]}))
    .unwrap();
    for v in [
        1.0 / 11.0,
        1.4000000000000001,
        0.018867924528301886,
        3.8000000000000003,
    ] {
        let mut answers = Answers::new();
        answers.set("d", Some(AnswerValue::Decimal(v)));
        let text = serde_json::to_string(&response(&q, &answers)).unwrap();
        let back = answers_from(&q, &serde_json::from_str(&text).unwrap()).unwrap();
        assert_eq!(back, answers, "{v:?} sent as {text}");
    }
}

// ---------------------------------------------------------------------------------------------
// Envelopes
// ---------------------------------------------------------------------------------------------

/// The envelope the widget sends for these answers (in Spanish, a draft translation).
fn envelope_for(id: &str, answers: &Answers, previous: &[(&str, f64)]) -> Envelope {
    let previous: PreviousScores = previous
        .iter()
        .map(|(k, v)| (k.to_string(), Value::from(*v)))
        .collect();
    Submission {
        instrument_id: id,
        language: "es",
        translation_status: "draft",
        previous_scores: &previous,
        context: &json!({ "visit": "2026-01-01", "clinician": { "id": 7 } }),
    }
    .envelope(&load(id), answers)
}

fn valid_envelope(id: &str) -> Envelope {
    let q = load(id);
    let mut a = generic_answers(&q, 1);
    a.set("takes-medicine", Some(AnswerValue::Boolean(true)));
    envelope_for(id, &a, &[])
}

fn bytes(e: &Envelope) -> Vec<u8> {
    serde_json::to_vec(e).unwrap()
}

fn verify_value(v: &Value) -> Result<(), EnvelopeError> {
    check(&serde_json::to_vec(v).unwrap(), &lookup).map(|_| ())
}

#[track_caller]
fn assert_refused(result: Result<(), EnvelopeError>, code: &str, pointer: &str, what: &str) {
    match result {
        Err(e) => {
            assert_eq!(
                (e.code(), e.pointer.as_str()),
                (code, pointer),
                "{what}: {}",
                e.message
            );
            assert!(!e.message.is_empty());
        }
        Ok(()) => panic!("{what}: accepted, expected {code} at {pointer:?}"),
    }
}

#[test]
fn valid_envelopes_verify() {
    for id in ids() {
        let q = load(id);
        for seed in 0..10 {
            let answers = generic_answers(&q, seed);
            if !validate(&q, &answers).is_empty() {
                continue; // seeds that leave required questions out are refused below
            }
            let e = envelope_for(id, &answers, &[("total", 1000.0)]);
            match check(&bytes(&e), &lookup) {
                Ok(v) => assert_eq!(v, e, "{id} seed {seed}"),
                Err(err) => panic!("{id} seed {seed}: {err:?}"),
            }
        }
        // Context may be null or absent.
        let mut v = serde_json::to_value(valid_envelope(id)).unwrap();
        v["context"] = Value::Null;
        assert!(verify_value(&v).is_ok(), "{id}: null context");
        v.as_object_mut().unwrap().remove("context");
        assert!(verify_value(&v).is_ok(), "{id}: no context");
        // The instrument url may be left out.
        let mut e = valid_envelope(id);
        e.instrument.url = None;
        assert!(check(&bytes(&e), &lookup).is_ok(), "{id}: no url");
        // An upper-case UUID is a UUID.
        let mut e = valid_envelope(id);
        e.idempotency_key = KEY.to_uppercase();
        assert!(check(&bytes(&e), &lookup).is_ok(), "{id}: upper-case key");
    }
}

#[test]
fn flags_from_previous_scores_verify() {
    let q = load("session-checkin");
    let answers: Answers = [
        "say-my-mind",
        "what-matters",
        "way-we-worked",
        "worth-my-time",
    ]
    .iter()
    .zip([7, 8, 6, 9])
    .map(|(k, v)| (k.to_string(), AnswerValue::Integer(v)))
    .collect();
    let e = envelope_for("session-checkin", &answers, &[("total", 38.0)]);
    assert_eq!(e.flags.len(), 1, "{:?}", e.flags);
    assert_eq!(e.flags[0].id, "dropped");
    assert!(check(&bytes(&e), &lookup).is_ok());
    // The same envelope claiming another previous total no longer matches its flags.
    let mut other = e.clone();
    other.previous_scores.insert("total".into(), json!(37.0));
    assert_refused(
        check(&bytes(&other), &lookup).map(|_| ()),
        "flag-mismatch",
        "/flags",
        "previous total changed",
    );
    // A previous score that is not a number is refused rather than silently ignored.
    let mut garbled = e.clone();
    garbled.previous_scores.insert("total".into(), json!("38"));
    assert_refused(
        check(&bytes(&garbled), &lookup).map(|_| ()),
        "invalid-envelope",
        "/previousScores",
        "previous total as a string",
    );
    let _ = q;
}

/// A Spanish envelope with a subject token for patient `sub` of `https://portal.example`.
fn envelope_with_subject(sub: &str) -> (Envelope, String) {
    let id = "working-together";
    let q = load(id);
    let token = unsigned_token(&json!({ "iss": "https://portal.example", "sub": sub, "exp": 1 }));
    let e = Submission {
        instrument_id: id,
        language: "es",
        translation_status: "draft",
        previous_scores: &PreviousScores::new(),
        context: &json!({}),
    }
    .envelope_with_subject(&q, &generic_answers(&q, 1), &token);
    (e, token)
}

#[test]
fn envelopes_with_a_subject_verify_and_say_who() {
    let (e, token) = envelope_with_subject("patient-7");
    assert_eq!(e.format, FORMAT_WITH_SUBJECT);
    assert_eq!(e.subject_token.as_deref(), Some(token.as_str()));
    assert_eq!(
        e.questionnaire_response["subject"],
        json!({ "identifier": { "system": "https://portal.example", "value": "patient-7" } })
    );
    let back = check(&bytes(&e), &lookup).unwrap();
    assert_eq!(back, e);
    // The hand-built JSON is the derive's.
    assert_eq!(e.to_json(), serde_json::to_value(&e).unwrap());
    // Stored without the token, sent with the current one: the same envelope.
    let mut v = e.to_json();
    assert_eq!(take_subject_token(&mut v), Some(token.clone()));
    assert!(v.get(SUBJECT_TOKEN_FIELD).is_none());
    assert_eq!(take_subject_token(&mut v), None);
    put_subject_token(&mut v, &token);
    assert_eq!(v, e.to_json());
    // A token that is not a string stays for the shape check to refuse.
    let mut odd = e.to_json();
    odd[SUBJECT_TOKEN_FIELD] = json!(7);
    assert_eq!(take_subject_token(&mut odd), None);
    assert_refused(
        verify_value(&odd),
        "invalid-envelope",
        "",
        "a number as token",
    );
    // Without a subject the format stays the first one, byte for byte as before.
    assert_eq!(valid_envelope("working-together").format, FORMAT);
}

/// A Spanish envelope as the widget writes it (`rapport-envelope/3`), with or without a subject.
fn envelope_from_widget(token: Option<&str>) -> Envelope {
    let id = "working-together";
    let q = load(id);
    Submission {
        instrument_id: id,
        language: "es",
        translation_status: "draft",
        previous_scores: &PreviousScores::new(),
        context: &json!({}),
    }
    .envelope_from_widget(&q, &generic_answers(&q, 1), token)
}

#[test]
fn envelopes_from_the_widget_name_its_version() {
    let token = unsigned_token(&json!({ "iss": "https://portal.example", "sub": "patient-7" }));
    for token in [None, Some(token.as_str())] {
        let e = envelope_from_widget(token);
        assert_eq!(e.format, FORMAT_WITH_WIDGET);
        let v = e.to_json();
        assert_eq!(v["widget"], json!({ "version": WIDGET_VERSION }));
        // The hand-built JSON is the derive's, and it verifies as it is.
        assert_eq!(v, serde_json::to_value(&e).unwrap());
        assert_eq!(check(&bytes(&e), &lookup).unwrap(), e);
        assert_eq!(
            e.questionnaire_response.get("subject").is_some(),
            token.is_some(),
            "a subject exactly when there is a token"
        );
        // Debug names the version (not health data) and still hides the answers.
        let debug = format!("{e:?}");
        assert!(debug.contains(WIDGET_VERSION), "{debug}");
        assert!(!debug.contains("valueCoding"), "{debug}");
    }
    // Receivers keep reading the older formats.
    assert_eq!(valid_envelope("working-together").format, FORMAT);
    assert!(check(&bytes(&valid_envelope("working-together")), &lookup).is_ok());
    assert_eq!(
        envelope_with_subject("patient-7").0.format,
        FORMAT_WITH_SUBJECT
    );
}

#[test]
fn widget_refusals() {
    let token = unsigned_token(&json!({ "iss": "https://portal.example", "sub": "patient-7" }));
    for token in [None, Some(token.as_str())] {
        let e = envelope_from_widget(token);
        let refused = |what: &str, code: &str, pointer: &str, tamper: &dyn Fn(&mut Value)| {
            let mut v = e.to_json();
            tamper(&mut v);
            assert_refused(verify_value(&v), code, pointer, what);
        };
        refused("widget left out", "unsupported-format", "/format", &|v| {
            v.as_object_mut().unwrap().remove("widget");
        });
        refused(
            "an older format with a widget",
            "unsupported-format",
            "/format",
            &|v| {
                v["format"] = json!(if v.get(SUBJECT_TOKEN_FIELD).is_some() {
                    FORMAT_WITH_SUBJECT
                } else {
                    FORMAT
                })
            },
        );
        refused(
            "a format from the future",
            "unsupported-format",
            "/format",
            &|v| v["format"] = json!("rapport-envelope/4"),
        );
        for bad in [
            json!(""),
            json!("v0.1.0"),
            json!("0.1.0 beta"),
            json!("0.1.0<script>"),
            json!("1".repeat(MAX_WIDGET_VERSION_BYTES + 1)),
        ] {
            refused(
                "a version that is not one",
                "unsupported-format",
                "/widget/version",
                &|v| v["widget"]["version"] = bad.clone(),
            );
        }
        refused("a version as a number", "invalid-envelope", "", &|v| {
            v["widget"]["version"] = json!(1)
        });
        refused("an unknown widget field", "invalid-envelope", "", &|v| {
            v["widget"]["build"] = json!("x")
        });
        refused("widget as a string", "invalid-envelope", "", &|v| {
            v["widget"] = json!("0.1.0")
        });
    }
    // The longest version allowed, with pre-release and build parts, is one.
    let mut v = envelope_from_widget(None).to_json();
    v["widget"]["version"] = json!("1.2.3-rc.1+build.5");
    assert!(verify_value(&v).is_ok());
    v["widget"]["version"] = json!("9".repeat(MAX_WIDGET_VERSION_BYTES));
    assert!(verify_value(&v).is_ok());
}

#[test]
fn subject_refusals() {
    let (e, _) = envelope_with_subject("patient-7");
    let refused = |what: &str, code: &str, pointer: &str, tamper: &dyn Fn(&mut Value)| {
        let mut v = e.to_json();
        tamper(&mut v);
        assert_refused(verify_value(&v), code, pointer, what);
    };
    let other_token =
        unsigned_token(&json!({ "iss": "https://portal.example", "sub": "patient-8" }));
    refused(
        "another patient's token",
        "subject-mismatch",
        "/questionnaireResponse/subject",
        &|v| v[SUBJECT_TOKEN_FIELD] = json!(other_token),
    );
    refused(
        "subject edited",
        "subject-mismatch",
        "/questionnaireResponse/subject",
        &|v| v["questionnaireResponse"]["subject"]["identifier"]["value"] = json!("patient-8"),
    );
    refused(
        "subject as a literal reference",
        "subject-mismatch",
        "/questionnaireResponse/subject",
        &|v| v["questionnaireResponse"]["subject"] = json!({ "reference": "Patient/7" }),
    );
    refused(
        "subject left out",
        "subject-mismatch",
        "/questionnaireResponse/subject",
        &|v| {
            v["questionnaireResponse"]
                .as_object_mut()
                .unwrap()
                .remove("subject");
        },
    );
    refused(
        "token taken out, subject left",
        "unsupported-format",
        "/format",
        &|v| {
            v.as_object_mut().unwrap().remove(SUBJECT_TOKEN_FIELD);
        },
    );
    refused(
        "a subject without a token",
        "subject-mismatch",
        "/questionnaireResponse/subject",
        &|v| {
            v.as_object_mut().unwrap().remove(SUBJECT_TOKEN_FIELD);
            v["format"] = json!(FORMAT);
        },
    );
    refused(
        "a token under the first format",
        "unsupported-format",
        "/format",
        &|v| v["format"] = json!(FORMAT),
    );
    refused(
        "not a token",
        "subject-token-malformed",
        "/subjectToken",
        &|v| v[SUBJECT_TOKEN_FIELD] = json!("not.a-token"),
    );
    refused("no sub", "subject-token-claims", "/subjectToken", &|v| {
        v[SUBJECT_TOKEN_FIELD] = json!(unsigned_token(&json!({ "iss": "https://portal.example" })))
    });
    refused("10 KB", "subject-token-too-large", "/subjectToken", &|v| {
        v[SUBJECT_TOKEN_FIELD] = json!(unsigned_token(&json!({
            "iss": "https://portal.example", "sub": "patient-7", "pad": "x".repeat(10_000)
        })))
    });
}

#[test]
fn envelope_size_limit() {
    let e = valid_envelope("working-together");
    let mut body = bytes(&e);
    assert!(body.len() < MAX_ENVELOPE_BYTES);
    body.resize(MAX_ENVELOPE_BYTES, b' ');
    assert!(check(&body, &lookup).is_ok(), "exactly the limit is fine");
    body.push(b' ');
    assert_refused(
        check(&body, &lookup).map(|_| ()),
        "too-large",
        "",
        "one byte over",
    );
    assert_refused(
        check(&vec![b'x'; 10 * MAX_ENVELOPE_BYTES], &lookup).map(|_| ()),
        "too-large",
        "",
        "far over",
    );
}

#[test]
fn each_refusal_code() {
    let id = "psychiatry-relationship";
    let good = || serde_json::to_value(valid_envelope(id)).unwrap();
    assert!(verify_value(&good()).is_ok());
    let raw = |b: &[u8]| check(b, &lookup).map(|_| ());

    // invalid-envelope: not JSON, not an object, missing or unknown fields, wrong types.
    for (what, body) in [
        ("empty", b"".as_slice()),
        ("not json", b"{not json"),
        ("array", b"[]"),
        ("only a format", br#"{"format":"rapport-envelope/1"}"#),
        ("utf-16", b"\xff\xfe{\x00}\x00"),
    ] {
        assert_refused(raw(body), "invalid-envelope", "", what);
    }
    let mutate = |f: &dyn Fn(&mut Value)| {
        let mut v = good();
        f(&mut v);
        verify_value(&v)
    };
    type Mutation = Box<dyn Fn(&mut Value)>;
    let mutations: Vec<(&str, &str, &str, Mutation)> = vec![
        (
            "unknown field",
            "invalid-envelope",
            "",
            Box::new(|v| v["patientName"] = json!("x")),
        ),
        (
            "unknown instrument field",
            "invalid-envelope",
            "",
            Box::new(|v| v["instrument"]["extra"] = json!(1)),
        ),
        (
            "missing scores",
            "invalid-envelope",
            "",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("scores");
            }),
        ),
        (
            "scores not a list",
            "invalid-envelope",
            "",
            Box::new(|v| v["scores"] = json!({})),
        ),
        (
            "language not an object",
            "invalid-envelope",
            "",
            Box::new(|v| v["language"] = json!("en")),
        ),
        (
            "missing questionnaireResponse",
            "invalid-envelope",
            "",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("questionnaireResponse");
            }),
        ),
        (
            "format 2",
            "unsupported-format",
            "/format",
            Box::new(|v| v["format"] = json!("rapport-envelope/2")),
        ),
        (
            "format empty",
            "unsupported-format",
            "/format",
            Box::new(|v| v["format"] = json!("")),
        ),
        (
            "key not a uuid",
            "invalid-idempotency-key",
            "/idempotencyKey",
            Box::new(|v| v["idempotencyKey"] = json!("12345")),
        ),
        (
            "key empty",
            "invalid-idempotency-key",
            "/idempotencyKey",
            Box::new(|v| v["idempotencyKey"] = json!("")),
        ),
        (
            "key in braces",
            "invalid-idempotency-key",
            "/idempotencyKey",
            Box::new(|v| v["idempotencyKey"] = json!(format!("{{{KEY}}}"))),
        ),
        (
            "key one digit short",
            "invalid-idempotency-key",
            "/idempotencyKey",
            Box::new(|v| v["idempotencyKey"] = json!(&KEY[..KEY.len() - 1])),
        ),
        (
            "key not hex",
            "invalid-idempotency-key",
            "/idempotencyKey",
            Box::new(|v| v["idempotencyKey"] = json!(KEY.replace('f', "g"))),
        ),
        (
            "context a string",
            "invalid-context",
            "/context",
            Box::new(|v| v["context"] = json!("visit 1")),
        ),
        (
            "context a list",
            "invalid-context",
            "/context",
            Box::new(|v| v["context"] = json!([1])),
        ),
        (
            "unknown instrument",
            "unknown-instrument",
            "/instrument",
            Box::new(|v| v["instrument"]["id"] = json!("phq-9")),
        ),
        (
            "unknown version",
            "unknown-instrument",
            "/instrument",
            Box::new(|v| v["instrument"]["version"] = json!("9.9.9")),
        ),
        (
            "instrument url of another instrument",
            "instrument-mismatch",
            "/instrument/url",
            Box::new(|v| {
                v["instrument"]["url"] =
                    json!("https://rapport.dev/fhir/Questionnaire/session-checkin")
            }),
        ),
        (
            "language tag not the response's",
            "language-mismatch",
            "/language/tag",
            Box::new(|v| v["language"]["tag"] = json!("en")),
        ),
        (
            "response without a language",
            "language-mismatch",
            "/language/tag",
            Box::new(|v| {
                v["questionnaireResponse"]
                    .as_object_mut()
                    .unwrap()
                    .remove("language");
            }),
        ),
        (
            "response not a QuestionnaireResponse",
            "invalid-response",
            "/questionnaireResponse/resourceType",
            Box::new(|v| v["questionnaireResponse"]["resourceType"] = json!("Patient")),
        ),
        (
            "response for another questionnaire",
            "invalid-response",
            "/questionnaireResponse/questionnaire",
            Box::new(|v| v["questionnaireResponse"]["questionnaire"] = json!("x")),
        ),
        (
            "response with an unknown linkId",
            "invalid-response",
            "/questionnaireResponse/item/3/linkId",
            Box::new(|v| v["questionnaireResponse"]["item"][3]["linkId"] = json!("nope")),
        ),
        (
            "response with a wrong value type",
            "invalid-response",
            "/questionnaireResponse/item/3/answer/0",
            Box::new(|v| {
                v["questionnaireResponse"]["item"][3]["answer"] = json!([{ "valueInteger": 3 }])
            }),
        ),
        (
            "required answer missing",
            "invalid-answers",
            "/questionnaireResponse",
            Box::new(|v| {
                items(&mut v["questionnaireResponse"]["item"][0]["item"]).remove(0);
            }),
        ),
        (
            "option that does not exist",
            "invalid-answers",
            "/questionnaireResponse",
            Box::new(|v| {
                v["questionnaireResponse"]["item"][0]["item"][0]["answer"][0]["valueCoding"]
                    ["code"] = json!("totally")
            }),
        ),
        (
            "score changed",
            "score-mismatch",
            "/scores",
            Box::new(|v| v["scores"][0]["value"] = json!(99.5)),
        ),
        (
            "score count changed",
            "score-mismatch",
            "/scores",
            Box::new(|v| v["scores"][0]["answered"] = json!(1)),
        ),
        (
            "score removed",
            "score-mismatch",
            "/scores",
            Box::new(|v| {
                items(&mut v["scores"]).pop();
            }),
        ),
        (
            "score added",
            "score-mismatch",
            "/scores",
            Box::new(|v| {
                items(&mut v["scores"])
                    .push(json!({ "id": "extra", "value": 1.0, "answered": 1, "items": 1 }))
            }),
        ),
        (
            "flag added",
            "flag-mismatch",
            "/flags",
            Box::new(|v| items(&mut v["flags"]).push(json!({ "id": "dropped", "score": "total" }))),
        ),
    ];
    for (what, code, pointer, f) in mutations {
        assert_refused(mutate(&*f), code, pointer, what);
    }
}

#[test]
fn flag_removed_is_flag_mismatch() {
    let q = load("working-together");
    // All "always": "judged" is reversed to the bottom of the scale, so "lowest-point" is raised.
    let mut answers = Answers::new();
    for item in &q.items {
        if let ItemKind::Choice { options, .. } = &item.kind {
            let o = options.iter().find(|o| o.code == "always").unwrap();
            answers.set(
                &item.link_id,
                Some(AnswerValue::Coding {
                    system: o.system.clone(),
                    code: o.code.clone(),
                }),
            );
        }
    }
    let mut e = envelope_for("working-together", &answers, &[]);
    assert!(
        e.flags.iter().any(|f| f.id == "lowest-point"),
        "{:?}",
        e.flags
    );
    assert!(check(&bytes(&e), &lookup).is_ok());
    e.flags.clear();
    assert_refused(
        check(&bytes(&e), &lookup).map(|_| ()),
        "flag-mismatch",
        "/flags",
        "flag removed",
    );
    // Changing the items a flag names is a mismatch too.
    let mut e = envelope_for("working-together", &answers, &[]);
    e.flags[0].items = vec!["kind".into()];
    assert_refused(
        check(&bytes(&e), &lookup).map(|_| ()),
        "flag-mismatch",
        "/flags",
        "flag items changed",
    );
}

#[test]
fn envelope_json_round_trip() {
    let e = envelope_for(
        "session-checkin",
        &generic_answers(&load("session-checkin"), 4),
        &[("total", 12.5)],
    );
    let text = serde_json::to_string(&e).unwrap();
    let back: Envelope = serde_json::from_str(&text).unwrap();
    assert_eq!(back, e);
    // Field names as documented: camelCase.
    let v: Value = serde_json::from_str(&text).unwrap();
    for key in [
        "format",
        "idempotencyKey",
        "instrument",
        "language",
        "submittedAt",
        "scores",
        "flags",
        "previousScores",
        "context",
        "questionnaireResponse",
    ] {
        assert!(v.get(key).is_some(), "envelope has {key}: {text}");
    }
    assert!(v["language"].get("translationStatus").is_some());
    // Scores and flags serialise as documented.
    let s: Vec<Score> = serde_json::from_value(v["scores"].clone()).unwrap();
    assert_eq!(s, e.scores);
    let f: Vec<Flag> = serde_json::from_value(v["flags"].clone()).unwrap();
    assert_eq!(f, e.flags);
}

#[test]
fn scores_read_back_from_a_sent_envelope() {
    // What the thank-you screen shows with `show-scores` is read back from the body that was
    // sent (after a reload it is all there is), so it must be exactly the scores computed.
    let e = valid_envelope("working-together");
    let body: Value = serde_json::from_slice(&bytes(&e)).unwrap();
    assert!(!e.scores.is_empty());
    assert_eq!(Score::list_from_json(&body["scores"]), e.scores);
    // Junk entries are skipped, never a panic.
    let junk = json!([1, "x", {"value": 3}, {"id": "a", "value": "3", "answered": -1}]);
    let read = Score::list_from_json(&junk);
    assert_eq!(read.len(), 1);
    assert_eq!(
        (read[0].id.as_str(), read[0].value, read[0].answered),
        ("a", None, 0)
    );
    assert!(Score::list_from_json(&json!({"not": "a list"})).is_empty());
}

#[test]
fn the_hand_written_envelope_json_is_the_derived_one() {
    // The widget writes envelopes with `to_json` (no serde serializer in the wasm); the
    // receiver and the docs go by the derive. Both must give the same JSON, in every shape:
    // with and without url, flags with and without items, with and without previous scores.
    let mut e = valid_envelope("psychiatry-relationship");
    let same = |e: &Envelope| assert_eq!(e.to_json(), serde_json::to_value(e).unwrap());
    same(&e);
    e.instrument.url = None;
    e.flags = vec![
        Flag {
            id: "a".into(),
            score: "total".into(),
            items: vec![],
        },
        Flag {
            id: "b".into(),
            score: "trust".into(),
            items: vec!["x".into(), "y".into()],
        },
    ];
    e.scores.push(Score {
        id: "none".into(),
        value: None,
        answered: 0,
        items: 3,
    });
    e.previous_scores.insert("total".into(), json!(3.25));
    same(&e);
    assert_eq!(e.to_json()["previousScores"], json!({"total": 3.25}));
}

/// README's "What is posted" example is an envelope of the current format, shape and all (its
/// answers are illustrative: it is read, not verified against the definition).
#[test]
fn readme_example_is_a_current_envelope() {
    let readme = include_str!("../../../README.md");
    let section = &readme[readme.find("## What is posted").expect("section")..];
    let start = section.find("```json\n").expect("json block") + "```json\n".len();
    let block = &section[start..start + section[start..].find("```").expect("end")];
    let v: Value = serde_json::from_str(block).expect("README's example is JSON");
    let e = rapport_core::envelope::envelope_from_value(&v).expect("README's example");
    assert_eq!(e.format, FORMAT_WITH_WIDGET);
    assert_eq!(
        e.widget.map(|w| w.version).as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
}
