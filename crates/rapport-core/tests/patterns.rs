//! The `regex` extension where one definition's fixture cannot show it: the receiver refuses a
//! text that does not fit (the widget never sends one), a pattern holds in every instance of a
//! repeating group, and a definition read in two steps (as the widget reads it) checks answers
//! as one read at once. Single-definition cases are fixtures (`regex.json`, `error-regex.json`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod support;

use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::instances::SEP;
use rapport_core::definition::Questionnaire;
use rapport_core::validate::{validate, IssueCode};
use serde_json::json;

fn definition() -> serde_json::Value {
    json!({
        "resourceType": "Questionnaire",
        "url": "http://example.org/Questionnaire/patterns",
        "version": "1",
        "item": [
            {"linkId": "postcode", "type": "string", "text": "Placeholder postcode.",
             "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/regex", "valueString": "[0-9]{5}"}]},
            {"linkId": "visits", "type": "group", "repeats": true, "text": "Placeholder visits.", "item": [
                {"linkId": "ref", "type": "string", "text": "Placeholder reference.",
                 "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/regex", "valueString": "[A-Z]\\d{3}"}]}
            ]}
        ]
    })
}

fn text(s: &str) -> Option<AnswerValue> {
    Some(AnswerValue::String(s.into()))
}

#[test]
fn the_receiver_refuses_a_text_that_does_not_fit() {
    let q = Questionnaire::from_value(&definition()).unwrap();
    let mut answers = Answers::new();
    answers.set("postcode", text(" 01234 "));
    answers.set("ref", text("A123"));
    support::verify_answers(&q, &answers).unwrap();
    answers.set("postcode", text("1234"));
    let e = support::verify_answers(&q, &answers).unwrap_err();
    assert_eq!(e.kind.code(), "invalid-answers");
    assert!(e.message.contains("no-match"), "{}", e.message);
    // Health data stays out of the error: the answer is not in it.
    assert!(!e.message.contains("1234"), "{}", e.message);
}

#[test]
fn every_instance_of_a_repeating_group_keeps_the_pattern() {
    let base = Questionnaire::from_value(&definition()).unwrap();
    let second = format!("ref{SEP}2");
    let q = base.with_instances(&base.instance_counts([second.as_str()].into_iter()));
    let mut answers = Answers::new();
    answers.set("ref", text("A123"));
    answers.set(&second, text("a123"));
    let issues = validate(&q, &answers);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].link_id, second);
    assert_eq!(issues[0].code, IssueCode::NoMatch);
}

#[test]
fn read_in_two_steps_the_patterns_check_the_same() {
    let v = definition();
    let mut later = Questionnaire::from_value_read_later(&v, &[]).unwrap();
    assert!(later.unread_later());
    assert!(later.item("postcode").unwrap().pattern.is_none());
    later.read_later().unwrap();
    let mut answers = Answers::new();
    answers.set("postcode", text("x1234"));
    assert_eq!(validate(&later, &answers)[0].code, IssueCode::NoMatch);
}
