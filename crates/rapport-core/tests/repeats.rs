//! Items with `repeats: true` (check boxes): what the fixtures' notation cannot say — a list
//! that repeats a value, a single value given to a repeating item, a list given to one that
//! does not, responses with several answers read back (or refused with a pointer), and drafts.

// Test code may stop loudly; the core's no-panic lints (its Cargo.toml) are for src/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::indexing_slicing)]

use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::Questionnaire;
use rapport_core::delivery::{draft_from_json, draft_json};
use rapport_core::response::answers_from;
use rapport_core::validate::{validate, IssueCode};
use serde_json::{json, Value};

fn fixture() -> Questionnaire {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/repeats-choice.json"
    ))
    .unwrap();
    let fx: Value = serde_json::from_str(&text).unwrap();
    Questionnaire::from_value(&fx["definition"]).unwrap()
}

const SYS: &str = "https://clinic.example/CodeSystem/symptoms";

fn code(c: &str) -> AnswerValue {
    AnswerValue::Coding {
        system: Some(SYS.into()),
        code: c.into(),
    }
}

fn issues_of(answers: &Answers) -> Vec<(String, IssueCode)> {
    validate(&fixture(), answers)
        .into_iter()
        .map(|i| (i.link_id, i.code))
        .collect()
}

#[test]
fn a_list_must_fit_the_item() {
    let mut a = Answers::new();
    // The same tick twice is not two answers.
    a.set(
        "symptoms",
        Some(AnswerValue::Many(vec![code("sleep"), code("sleep")])),
    );
    assert_eq!(issues_of(&a), [("symptoms".into(), IssueCode::WrongType)]);
    // A single value where a list is expected, and a list inside a list.
    a.set("symptoms", Some(code("sleep")));
    assert_eq!(issues_of(&a), [("symptoms".into(), IssueCode::WrongType)]);
    a.set(
        "symptoms",
        Some(AnswerValue::Many(vec![AnswerValue::Many(vec![code(
            "sleep",
        )])])),
    );
    assert_eq!(issues_of(&a), [("symptoms".into(), IssueCode::WrongType)]);
    // A list to an item that does not repeat.
    a.set("symptoms", Some(AnswerValue::Many(vec![code("worry")])));
    a.set(
        "worry-detail",
        Some(AnswerValue::Many(vec![AnswerValue::String("x".into())])),
    );
    assert_eq!(
        issues_of(&a),
        [("worry-detail".into(), IssueCode::WrongType)]
    );
    a.set("worry-detail", Some(AnswerValue::String("x".into())));
    assert_eq!(issues_of(&a), []);
}

fn response(items: Value) -> Value {
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": "https://clinic.example/fhir/Questionnaire/repeats|1",
        "status": "completed",
        "item": items,
    })
}

fn coding(c: &str) -> Value {
    json!({"valueCoding": {"system": SYS, "code": c}})
}

#[test]
fn several_answers_read_back_in_order() {
    let q = fixture();
    let qr = response(json!([
        {"linkId": "symptoms", "answer": [coding("people"), coding("sleep")]},
    ]));
    let a = answers_from(&q, &qr).unwrap();
    assert_eq!(
        a.get("symptoms"),
        Some(&AnswerValue::Many(vec![code("people"), code("sleep")]))
    );
    // One answer to a repeating item is still a list.
    let qr = response(json!([{"linkId": "symptoms", "answer": [coding("sleep")]}]));
    let a = answers_from(&q, &qr).unwrap();
    assert_eq!(
        a.get("symptoms"),
        Some(&AnswerValue::Many(vec![code("sleep")]))
    );
}

#[test]
fn bad_lists_are_refused_with_a_pointer() {
    let q = fixture();
    let cases = [
        (
            json!([{"linkId": "symptoms", "answer": [coding("sleep"), coding("sleep")]}]),
            "repeated",
            "/item/0/answer/1",
        ),
        (
            json!([{"linkId": "symptoms", "answer": []}]),
            "not-one-answer",
            "/item/0/answer",
        ),
        (
            json!([{"linkId": "symptoms", "answer": [coding("sleep"), {"valueString": "x"}]}]),
            "wrong-value-type",
            "/item/0/answer/1",
        ),
        (
            json!([
                {"linkId": "symptoms", "answer": [coding("worry")]},
                {"linkId": "worry-detail", "answer": [{"valueString": "a"}, {"valueString": "b"}]},
            ]),
            "not-one-answer",
            "/item/1/answer",
        ),
    ];
    for (items, code, pointer) in cases {
        let e = answers_from(&q, &response(items.clone())).expect_err(&items.to_string());
        assert_eq!(
            (e.kind.code(), e.pointer.as_str()),
            (code, pointer),
            "{items}"
        );
        assert!(
            !e.message.contains("sleep"),
            "no answer in messages: {}",
            e.message
        );
    }
}

#[test]
fn drafts_keep_lists() {
    let q = fixture();
    let mut a = Answers::new();
    a.set(
        "symptoms",
        Some(AnswerValue::Many(vec![code("worry"), code("sleep")])),
    );
    a.set(
        "help",
        Some(AnswerValue::Many(vec![AnswerValue::Coding {
            system: Some("https://clinic.example/CodeSystem/help".into()),
            code: "talk".into(),
        }])),
    );
    let draft = draft_json(&q, &a, &[]);
    let (back, _) = draft_from_json(&q, &draft).unwrap();
    assert_eq!(back, a);
    // A list kept for an item that no longer repeats (the definition changed) is dropped.
    let mut edited = draft.clone();
    edited["answers"]["worry-detail"] = json!([{"valueString": "x"}]);
    let (back, _) = draft_from_json(&q, &edited).unwrap();
    assert_eq!(back.get("worry-detail"), None);
}
