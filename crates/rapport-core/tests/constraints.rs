//! Constraints (SDC `targetConstraint`) where one definition's fixture cannot show them: the
//! receiver refuses answers that break one (the widget never sends them), and a definition read
//! in two steps, as the widget reads it, knows the same constraints. The cases of one definition
//! are fixtures (`constraints.json`, `error-constraints.json`,
//! `error-constraint-expressions.json`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod support;

use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::Questionnaire;
use serde_json::json;

fn definition() -> serde_json::Value {
    json!({
        "resourceType": "Questionnaire",
        "url": "http://example.org/Questionnaire/constraints",
        "version": "1",
        "item": [
            {"linkId": "hours", "type": "integer", "text": "Placeholder hours.",
             "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/targetConstraint", "extension": [
                {"url": "key", "valueId": "day"},
                {"url": "severity", "valueCode": "error"},
                {"url": "expression", "valueExpression": {"language": "text/fhirpath", "expression": "answer.value <= 24"}},
                {"url": "human", "valueString": "Placeholder: at most 24.",
                 "_valueString": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/translation", "extension": [
                    {"url": "lang", "valueCode": "fr"}, {"url": "content", "valueString": "Exemple : 24 au plus."}]}]}}]}]}
        ]
    })
}

#[test]
fn the_receiver_refuses_answers_that_break_a_constraint() {
    let q = Questionnaire::from_value(&definition()).unwrap();
    let mut answers = Answers::new();
    answers.set("hours", Some(AnswerValue::Integer(8)));
    support::verify_answers(&q, &answers).unwrap();
    answers.set("hours", Some(AnswerValue::Integer(30)));
    let e = support::verify_answers(&q, &answers).unwrap_err();
    assert_eq!(e.kind.code(), "invalid-answers");
    assert_eq!(e.message, "\"hours\" does not meet its constraint");
    // No answer: nothing to break.
    answers.set("hours", None);
    support::verify_answers(&q, &answers).unwrap();
}

#[test]
fn read_in_two_steps_the_constraints_are_the_same() {
    let v = definition();
    let at_once = Questionnaire::from_value(&v).unwrap();
    let mut later = Questionnaire::from_value_read_later(&v, &[]).unwrap();
    assert!(later.constraints.is_empty());
    later.read_later().unwrap();
    assert_eq!(later.constraints, at_once.constraints);
    assert_eq!(later.constraints[0].human.base, "Placeholder: at most 24.");
    // With its translations, as the patient's language shows them.
    assert_eq!(
        later.constraints[0].human.resolve(&["fr".to_owned()], "en"),
        "Exemple : 24 au plus."
    );
}
