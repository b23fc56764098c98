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

/// The definition of the fixture `name`.
fn definition_of(name: &str) -> Questionnaire {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let fx: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    Questionnaire::from_value(&fx["definition"]).unwrap()
}

fn fixture() -> Questionnaire {
    definition_of("repeats-choice")
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

// ---------------------------------------------------------------------------------------------
// Repeating groups (`definition::instances`): what the fixtures' notation cannot say.
// ---------------------------------------------------------------------------------------------

fn medicines() -> Questionnaire {
    definition_of("repeating-groups")
}

const S: char = rapport_core::definition::instances::SEP;

fn with(base: &Questionnaire, keys: &[String]) -> Questionnaire {
    base.with_instances(&base.instance_counts(keys.iter().map(String::as_str)))
}

#[test]
fn instances_are_added_and_taken_out() {
    let base = medicines();
    // One instance until a key names another; keys of no item are ignored.
    let one = with(&base, &["nothing".into(), format!("ghost{S}4")]);
    assert_eq!(one.items.len(), base.items.len());
    let three = with(&base, &[format!("dose{S}3")]);
    let groups: Vec<&str> = three
        .roots()
        .map(|i| i.link_id.as_str())
        .filter(|k| k.starts_with("meds"))
        .collect();
    assert_eq!(
        groups,
        ["meds".to_owned(), format!("meds{S}2"), format!("meds{S}3")]
    );
    assert_eq!(three.instance_of(&format!("meds{S}2")), (2, 3));
    // Taking out the second: its keys go, the third's become the second's, the rest stay.
    let removed = format!("meds{S}2");
    assert_eq!(
        base.key_after_removing(&format!("name{S}2"), &removed),
        None
    );
    assert_eq!(
        base.key_after_removing(&format!("name{S}3"), &removed),
        Some(format!("name{S}2"))
    );
    assert_eq!(
        base.key_after_removing("name", &removed),
        Some("name".into())
    );
    assert_eq!(
        base.key_after_removing("other", &removed),
        Some("other".into())
    );
    // Never more than MAX_INSTANCES.
    let many = with(&base, &[format!("name{S}999")]);
    let n = many
        .roots()
        .filter(|i| i.link_id.starts_with("meds"))
        .count();
    assert_eq!(n, rapport_core::definition::instances::MAX_INSTANCES);
}

#[test]
fn what_removing_an_instance_would_lose_is_known() {
    let base = medicines();
    let two = with(&base, &[format!("name{S}2")]);
    let pos = |key: &str| two.items.iter().position(|i| i.link_id == key).unwrap();
    let (first, second) = (pos("meds"), pos(&format!("meds{S}2")));
    let mut answers = Answers::default();
    answers.set("any", Some(AnswerValue::Boolean(true)));
    answers.set("other", Some(AnswerValue::String("Nothing".into())));
    // Answers outside an instance are not its own.
    assert!(!two.answered_inside(first, &answers));
    assert!(!two.answered_inside(second, &answers));
    answers.set(
        &format!("dose-known{S}2"),
        Some(AnswerValue::Boolean(false)),
    );
    assert!(!two.answered_inside(first, &answers));
    assert!(two.answered_inside(second, &answers));
    assert!(!two.answered_inside(usize::MAX, &answers), "no item there");
}

#[test]
fn instances_read_back_from_a_response_and_a_draft() {
    let base = medicines();
    let group = |name: &str| json!({"linkId": "meds", "item": [{"linkId": "name", "answer": [{"valueString": name}]}]});
    let qr = |groups: Vec<Value>| {
        let mut items = vec![json!({"linkId": "any", "answer": [{"valueBoolean": true}]})];
        items.extend(groups);
        json!({"resourceType": "QuestionnaireResponse", "status": "completed",
               "questionnaire": "https://clinic.example/fhir/Questionnaire/medicines|1", "item": items})
    };
    let a = answers_from(&base, &qr(vec![group("A"), group("B")])).unwrap();
    assert_eq!(
        a.get(&format!("name{S}2")),
        Some(&AnswerValue::String("B".into()))
    );
    let q = base.fitting(&a);
    assert!(validate(&q, &a).is_empty());
    // A draft keeps the keys, read with the questionnaire that has the instances.
    let (back, _) = draft_from_json(&q, &draft_json(&q, &a, &[])).unwrap();
    assert_eq!(back, a);
    // Too many instances, and a question of the group outside it, are refused with a pointer.
    let e = answers_from(&base, &qr((0..51).map(|_| group("x")).collect())).unwrap_err();
    assert_eq!(e.pointer, "/item/51");
    let stray = json!({"linkId": "name", "answer": [{"valueString": "x"}]});
    let e = answers_from(&base, &qr(vec![stray])).unwrap_err();
    assert_eq!(
        (e.kind.code(), e.pointer.as_str()),
        ("misplaced", "/item/1")
    );
}
