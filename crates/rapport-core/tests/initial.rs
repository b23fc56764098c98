//! Answers a definition gives in advance (FHIR `initial`, `initialSelected`) and read-only
//! questions: what the receiver accepts, and how they meet `initialExpression` and `enableWhen`.
//! The cases of one definition each (what loads, what is refused) are fixtures
//! (`initial-values.json`, `initial-scored.json`, `error-initial.json`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod support;

use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::Questionnaire;
use rapport_core::enable::enabled_items;
use rapport_core::envelope::verify;
use rapport_core::fhirpath::{Clock, Program};
use rapport_core::scoring::PreviousScores;
use serde_json::json;

const CLOCK: Clock<'static> = Clock {
    today: "2026-01-01",
    now: "2026-01-01T00:00:00Z",
};

fn definition(items: serde_json::Value) -> Questionnaire {
    Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire",
        "url": "http://example.org/Questionnaire/given",
        "version": "1",
        "item": items
    }))
    .unwrap()
}

/// The answers a first visit starts with.
fn first_visit(q: &Questionnaire) -> Answers {
    let mut answers = Answers::new();
    for (item, v) in q.initial_answers() {
        answers.set(&item.link_id, Some(v.clone()));
    }
    answers
}

#[test]
fn the_receiver_takes_a_read_only_value_only_as_the_definition_gives_it() {
    let q = definition(json!([
        {"linkId": "who", "type": "string", "text": "Placeholder clinician.", "readOnly": true,
         "initial": [{"valueString": "Dr. Placeholder"}]},
        {"linkId": "src", "type": "integer", "text": "Placeholder hidden figure.",
         "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden", "valueBoolean": true}],
         "initial": [{"valueInteger": 2}]},
        {"linkId": "a", "type": "string", "text": "Placeholder question.", "initial": [{"valueString": "given"}]}
    ]));
    let previous = PreviousScores::new();
    let context = json!({});
    let submission = support::Submission {
        instrument_id: "given",
        language: "en",
        translation_status: "reference",
        previous_scores: &previous,
        context: &context,
    };
    let lookup = |_: &str, _: &str| Some(q.clone());
    let answers = first_visit(&q);
    verify(&submission.envelope(&q, &answers), &lookup).unwrap();
    // The patient may change what is not read-only, and leave out a read-only value.
    let mut changed = answers.clone();
    changed.set("a", Some(AnswerValue::String("mine".into())));
    changed.set("who", None);
    verify(&submission.envelope(&q, &changed), &lookup).unwrap();
    for (link, other) in [
        ("who", AnswerValue::String("Someone else".into())),
        ("src", AnswerValue::Integer(3)),
    ] {
        let mut tampered = answers.clone();
        tampered.set(link, Some(other));
        let e = verify(&submission.envelope(&q, &tampered), &lookup).unwrap_err();
        assert_eq!(e.kind.code(), "invalid-answers");
        assert!(
            e.message.contains(&format!("\"{link}\" is read-only")),
            "{}",
            e.message
        );
    }
}

#[test]
fn a_read_only_question_without_a_value_is_left_out_and_one_with_a_value_can_be_a_condition() {
    let q = definition(json!([
        {"linkId": "ehr", "type": "string", "text": "Placeholder prefill.", "readOnly": true},
        {"linkId": "kind", "type": "choice", "text": "Placeholder kind.", "readOnly": true,
         "answerOption": [
            {"valueCoding": {"system": "http://example.org/k", "code": "a"}, "initialSelected": true},
            {"valueCoding": {"system": "http://example.org/k", "code": "b"}}]},
        {"linkId": "more", "type": "string", "text": "Placeholder follow-up.",
         "enableWhen": [{"question": "kind", "operator": "=", "answerCoding": {"code": "a"}}]}
    ]));
    assert!(q.item("ehr").is_none());
    assert!(q.item("kind").unwrap().read_only);
    let answers = first_visit(&q);
    let enabled = enabled_items(&q, &answers);
    assert!(enabled[q.position("more").unwrap()]);
    // Read-only values are not the patient's: never required, not in progress.
    assert_eq!(rapport_core::validate::progress(&q, &answers), (0, 1));
}

#[test]
fn an_initial_expression_does_not_replace_a_read_only_value() {
    let q = definition(json!([
        {"linkId": "day", "type": "date", "text": "Placeholder day.", "readOnly": true,
         "initial": [{"valueDate": "2025-06-01"}],
         "extension": [{"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression",
                        "valueExpression": {"language": "text/fhirpath", "expression": "today()"}}]},
        {"linkId": "when", "type": "date", "text": "Placeholder date.",
         "extension": [{"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression",
                        "valueExpression": {"language": "text/fhirpath", "expression": "today()"}}]}
    ]));
    let program = Program::compile(&q).unwrap().unwrap();
    // Even with the read-only value taken out (a draft from before the definition gave it).
    let mut answers = Answers::new();
    let given = program.initial(&q, &answers, CLOCK);
    assert_eq!(
        given,
        vec![("when".to_owned(), AnswerValue::Date("2026-01-01".into()))]
    );
    answers = first_visit(&q);
    assert_eq!(
        answers.get("day"),
        Some(&AnswerValue::Date("2025-06-01".into()))
    );
}

#[test]
fn initial_values_are_taken_as_the_options_and_units_list_them() {
    let q = definition(json!([
        {"linkId": "c", "type": "choice", "text": "Placeholder choice.",
         "answerOption": [{"valueCoding": {"system": "http://example.org/c", "code": "x", "display": "X"}}],
         "initial": [{"valueCoding": {"code": "x"}}]},
        {"linkId": "w", "type": "quantity", "text": "Placeholder weight.",
         "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption",
                        "valueCoding": {"system": "http://unitsofmeasure.org", "code": "kg"}}],
         "initial": [{"valueQuantity": {"value": 60.5, "code": "kg"}}]}
    ]));
    let answers = first_visit(&q);
    assert_eq!(
        answers.get("c"),
        Some(&AnswerValue::Coding {
            system: Some("http://example.org/c".into()),
            code: "x".into()
        })
    );
    assert_eq!(
        answers.get("w"),
        Some(&AnswerValue::Quantity {
            value: 60.5,
            system: Some("http://unitsofmeasure.org".into()),
            code: "kg".into()
        })
    );
}
