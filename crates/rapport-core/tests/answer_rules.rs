//! Rules an answer must meet beyond its type, where one definition's fixture cannot show them:
//! the `regex` extension (a pattern), constraints (SDC `targetConstraint`), the rows a patient
//! types into a number, date or time question that repeats, the options an SDC
//! `answerExpression` lists from the answers, and warnings (constraints that tell the patient
//! and stop nothing). The receiver
//! refuses answers that break one (the widget never sends them), a pattern holds in every
//! instance of a repeating group, and a definition read in two steps (as the widget reads it)
//! checks answers as one read at once. Single-definition cases are fixtures (`regex.json`,
//! `error-regex.json`, `constraints.json`, `error-constraints.json`,
//! `error-constraint-expressions.json`, `constraint-warnings.json`, `repeats-rows.json`,
//! `answer-expression.json`, `error-answer-expression.json`).

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

fn patterned() -> serde_json::Value {
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
    let q = Questionnaire::from_value(&patterned()).unwrap();
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
    let base = Questionnaire::from_value(&patterned()).unwrap();
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
    let v = patterned();
    let mut later = Questionnaire::from_value_read_later(&v, &[]).unwrap();
    assert!(later.unread_later());
    assert!(later.item("postcode").unwrap().pattern.is_none());
    later.read_later().unwrap();
    let mut answers = Answers::new();
    answers.set("postcode", text("x1234"));
    assert_eq!(validate(&later, &answers)[0].code, IssueCode::NoMatch);
}

fn constrained() -> serde_json::Value {
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
    let q = Questionnaire::from_value(&constrained()).unwrap();
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
    let v = constrained();
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

#[test]
fn typed_rows_read_as_a_list_of_values_in_order() {
    use rapport_core::definition::ItemKind;
    use rapport_core::validate::parse_typed;
    let whole = ItemKind::Integer {
        min: None,
        max: None,
        control: rapport_core::definition::NumericControl::Input,
        step: 1,
    };
    let none = |_: &str| 0;
    // One row is a list of one (the item repeats); blank rows are left out, digits of any
    // script read; the same value twice is two answers.
    assert_eq!(
        parse_typed(&whole, "7\n", &none),
        Ok(Some(AnswerValue::Many(vec![AnswerValue::Integer(7)])))
    );
    assert_eq!(
        parse_typed(&whole, "7\n\n ٣ \n7\n", &none),
        Ok(Some(AnswerValue::Many(vec![
            AnswerValue::Integer(7),
            AnswerValue::Integer(3),
            AnswerValue::Integer(7)
        ])))
    );
    assert_eq!(parse_typed(&whole, "\n\n", &none), Ok(None));
    // The first row that is not a value gives the issue.
    assert_eq!(
        parse_typed(&whole, "7\n2.5\nx\n", &none),
        Err(IssueCode::NotWholeNumber)
    );
    // Each local date and time gets the offset of its own day (summer and winter time).
    let offset = |t: &str| if t.contains("-07-") { 120 } else { 60 };
    assert_eq!(
        parse_typed(
            &ItemKind::DateTime,
            "2026-01-10T08:00\n2026-07-10T08:00\n",
            &offset
        ),
        Ok(Some(AnswerValue::Many(vec![
            AnswerValue::DateTime("2026-01-10T08:00:00+01:00".into()),
            AnswerValue::DateTime("2026-07-10T08:00:00+02:00".into())
        ])))
    );
    assert_eq!(
        parse_typed(&ItemKind::Date, "2026-12-01\n2026-02-30\n", &none),
        Err(IssueCode::NotDate)
    );
    // A quantity's row names its unit by its place in the item's units (the first when it
    // names none, or one the item does not have).
    let unit = |code: &str| rapport_core::definition::AnswerOption {
        code: code.into(),
        system: Some("http://unitsofmeasure.org".into()),
        ..Default::default()
    };
    let dose = ItemKind::Quantity {
        units: vec![unit("mg"), unit("mL")],
    };
    let q = |value: f64, code: &str| AnswerValue::Quantity {
        value,
        system: Some("http://unitsofmeasure.org".into()),
        code: code.into(),
    };
    let text = rapport_core::validate::rows_text(&[("50", 0), ("2,5", 1)], true) + "7\n";
    let text = text + &rapport_core::validate::rows_text(&[("1", 9)], true);
    assert_eq!(
        rapport_core::validate::typed_rows(&text),
        [("50", 0), ("2,5", 1), ("7", 0), ("1", 9)]
    );
    assert_eq!(
        parse_typed(&dose, &text, &none),
        Ok(Some(AnswerValue::Many(vec![
            q(50.0, "mg"),
            q(2.5, "mL"),
            q(7.0, "mg"),
            q(1.0, "mg")
        ])))
    );
}

#[test]
fn a_draft_keeps_every_typed_row() {
    // Fifty rows of a date question that repeats: the draft's typed text is not cut to one
    // field's length.
    let q = Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire",
        "url": "http://example.org/Questionnaire/rows",
        "item": [{"linkId": "days", "type": "date", "repeats": true, "text": "Placeholder days."}]
    }))
    .unwrap();
    let typed: String = (1..=28).map(|d| format!("2026-02-{d:02}\n")).collect();
    let draft = rapport_core::delivery::draft_json(
        &q,
        &Answers::new(),
        &[("days".to_owned(), typed.clone())],
    );
    let (_, back) = rapport_core::delivery::draft_from_json(&q, &draft).unwrap();
    assert_eq!(back, vec![("days".to_owned(), typed)]);
}

fn listed() -> Questionnaire {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/answer-expression.json"
    ))
    .unwrap();
    let fixture: serde_json::Value = serde_json::from_str(&text).unwrap();
    Questionnaire::from_value(&fixture["definition"]).unwrap()
}

const CLOCK: rapport_core::fhirpath::Clock<'static> = rapport_core::fhirpath::Clock {
    today: "2026-12-07",
    now: "2026-12-07T10:00:00Z",
};

fn topic(code: &str) -> AnswerValue {
    AnswerValue::Coding {
        system: Some("https://clinic.example/topics".into()),
        code: code.into(),
    }
}

#[test]
fn an_answer_expression_lists_options_from_the_answers() {
    let q = listed();
    let program = rapport_core::fhirpath::Program::compile(&q)
        .unwrap()
        .unwrap();
    let mut answers = Answers::new();
    // Nothing written yet: no options.
    assert!(program.options(&q, &answers, "worst", CLOCK).is_empty());
    answers.set(
        "meds",
        Some(AnswerValue::Many(vec![
            AnswerValue::String("Sertraline".into()),
            AnswerValue::String("Melatonin".into()),
            AnswerValue::String("Sertraline".into()),
        ])),
    );
    answers.set(
        "areas",
        Some(AnswerValue::Many(vec![topic("mood"), topic("sleep")])),
    );
    // Texts, each once, in order; Codings with their display (as the response carries it).
    let worst: Vec<(String, bool)> = program
        .options(&q, &answers, "worst", CLOCK)
        .into_iter()
        .map(|o| (o.code, o.text))
        .collect();
    assert_eq!(
        worst,
        [
            ("Sertraline".to_owned(), true),
            ("Melatonin".to_owned(), true)
        ]
    );
    let first = program.options(&q, &answers, "first", CLOCK);
    assert_eq!(first.len(), 2);
    assert_eq!(first[0].answer(), topic("mood"));
    assert_eq!(
        first[0].display.as_ref().map(|t| t.base.as_str()),
        Some("Mood")
    );
}

#[test]
fn an_answer_the_list_no_longer_holds_is_taken_out_and_refused_by_the_receiver() {
    let q = listed();
    let program = rapport_core::fhirpath::Program::compile(&q)
        .unwrap()
        .unwrap();
    let mut answers = Answers::new();
    answers.set(
        "meds",
        Some(AnswerValue::Many(vec![AnswerValue::String(
            "Melatonin".into(),
        )])),
    );
    answers.set("worst", text("Melatonin"));
    answers.set("areas", Some(AnswerValue::Many(vec![topic("sleep")])));
    answers.set("first", Some(topic("sleep")));
    support::verify_answers(&q, &answers).unwrap();
    // The patient unticks "sleep" and ticks "mood": the first topic they chose is no longer
    // listed. Sent anyway (not by the widget), the receiver refuses it, without the answer.
    answers.set("areas", Some(AnswerValue::Many(vec![topic("mood")])));
    let e = support::verify_answers(&q, &answers).unwrap_err();
    assert_eq!(e.kind.code(), "invalid-answers");
    assert!(
        e.message.contains("\"first\" is not one of the options"),
        "{}",
        e.message
    );
    assert!(!e.message.contains("sleep"), "{}", e.message);
    // Worked out as the widget does after every change: taken out, so the question asks again.
    let mut now = answers.clone();
    program.calculate(&q, &mut now, CLOCK);
    assert_eq!(now.get("first"), None);
    assert_eq!(
        validate(&q, &now)
            .iter()
            .map(|i| (i.link_id.as_str(), i.code.clone()))
            .collect::<Vec<_>>(),
        [("first", IssueCode::Required)]
    );
    // A text no longer written goes the same way; the others stay.
    now.set(
        "meds",
        Some(AnswerValue::Many(vec![AnswerValue::String(
            "Sertraline".into(),
        )])),
    );
    program.calculate(&q, &mut now, CLOCK);
    assert_eq!(now.get("worst"), None);
    assert!(now.get("meds").is_some());
}

/// A constraint (SDC `targetConstraint`) of `severity`, with its words when given.
fn rule(severity: &str, expr: &str, human: Option<&str>) -> serde_json::Value {
    let mut parts = vec![
        json!({"url": "severity", "valueCode": severity}),
        json!({"url": "expression", "valueExpression": {"language": "text/fhirpath", "expression": expr}}),
    ];
    if let Some(h) = human {
        parts.push(json!({"url": "human", "valueString": h}));
    }
    json!({"url": "http://hl7.org/fhir/StructureDefinition/targetConstraint", "extension": parts})
}

/// A question, then a group it shows with the constraint `on_group`, holding questions
/// `hours` (with `on_hours`) and `mood`.
fn week(on_group: serde_json::Value, on_hours: Option<serde_json::Value>) -> serde_json::Value {
    json!({
        "resourceType": "Questionnaire",
        "url": "http://example.org/Questionnaire/week",
        "version": "1",
        "item": [
            {"linkId": "more", "type": "boolean", "text": "Placeholder more?"},
            {"linkId": "week", "type": "group", "text": "Placeholder week.",
             "enableWhen": [{"question": "more", "operator": "=", "answerBoolean": true}],
             "extension": [on_group],
             "item": [
                {"linkId": "hours", "type": "integer", "text": "Placeholder hours.",
                 "extension": on_hours.into_iter().collect::<Vec<_>>()},
                {"linkId": "mood", "type": "integer", "text": "Placeholder mood."}
             ]}
        ]
    })
}

fn warned() -> serde_json::Value {
    week(
        rule(
            "warning",
            "item.answer.exists()",
            Some("Placeholder: one answer helps."),
        ),
        Some(rule(
            "warning",
            "answer.value >= 4",
            Some("Placeholder: little sleep."),
        )),
    )
}

#[test]
fn a_broken_warning_is_told_and_stops_nothing() {
    let q = Questionnaire::from_value(&warned()).unwrap();
    let program = rapport_core::fhirpath::Program::compile(&q)
        .unwrap()
        .unwrap();
    let clock = rapport_core::fhirpath::Clock {
        today: "2026-12-08",
        now: "2026-12-08T10:00:00Z",
    };
    let mut answers = Answers::new();
    // The group is hidden: its warning and its question's are not worked out.
    answers.set("more", Some(AnswerValue::Boolean(false)));
    program.calculate(&q, &mut answers, clock);
    assert_eq!(
        (answers.warned("week"), answers.warned("hours")),
        (None, None)
    );
    // Shown and empty: the group's warning.
    answers.set("more", Some(AnswerValue::Boolean(true)));
    program.calculate(&q, &mut answers, clock);
    assert_eq!(
        (answers.warned("week"), answers.warned("hours")),
        (Some(0), None)
    );
    // Little sleep: the question's, and the group's is met.
    answers.set("hours", Some(AnswerValue::Integer(2)));
    program.calculate(&q, &mut answers, clock);
    assert_eq!(
        (answers.warned("week"), answers.warned("hours")),
        (None, Some(1))
    );
    // Not an issue, and the receiver stores it.
    assert!(validate(&q, &answers).is_empty());
    support::verify_answers(&q, &answers).unwrap();
    // Mended: told no more.
    answers.set("hours", Some(AnswerValue::Integer(7)));
    program.calculate(&q, &mut answers, clock);
    assert_eq!(answers.warned("hours"), None);
}

#[test]
fn a_warning_needs_its_words() {
    let mut v = warned();
    v["item"][1]["item"][0]["extension"][0]["extension"]
        .as_array_mut()
        .unwrap()
        .pop();
    let errors = Questionnaire::from_value(&v).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].pointer, "/item/1/item/0/extension/0/extension");
    assert_eq!(errors[0].kind.code(), "missing-field");
}

fn unit_written() -> Questionnaire {
    Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire",
        "url": "http://example.org/Questionnaire/unit-words",
        "version": "1",
        "item": [{"linkId": "since", "type": "quantity", "text": "Placeholder: how long ago?"}]
    }))
    .unwrap()
}

#[test]
fn a_quantity_without_units_takes_the_unit_in_the_patients_words() {
    use rapport_core::validate::{check_item_answer, parse_typed};
    let q = unit_written();
    let kind = &q.item("since").unwrap().kind;
    let utc = |_: &str| 0;
    let weeks = AnswerValue::Quantity {
        value: 3.5,
        system: None,
        code: "weeks".into(),
    };
    // The number, U+001F, the words (blanks at the ends dropped; digits of any script).
    assert_eq!(
        parse_typed(kind, "3,5\u{1f} weeks ", &utc),
        Ok(Some(weeks.clone()))
    );
    assert!(matches!(
        parse_typed(kind, "\u{663}\u{1f}weeks", &utc),
        Ok(Some(AnswerValue::Quantity { value, .. })) if value == 3.0
    ));
    // A number without its unit is the issue; the unit without a number is no answer yet.
    assert_eq!(parse_typed(kind, "3\u{1f}", &utc), Err(IssueCode::NoUnit));
    assert_eq!(parse_typed(kind, "\u{1f}weeks", &utc), Ok(None));
    assert_eq!(
        parse_typed(kind, "three\u{1f}weeks", &utc),
        Err(IssueCode::NotNumber)
    );
    // Checked as an answer: the words, at most 40 characters, and never none.
    let item = q.item("since").unwrap();
    assert_eq!(check_item_answer(item, &weeks), None);
    let bare = AnswerValue::Quantity {
        value: 3.0,
        system: None,
        code: " ".into(),
    };
    assert_eq!(check_item_answer(item, &bare), Some(IssueCode::NoUnit));
    let long = AnswerValue::Quantity {
        value: 3.0,
        system: None,
        code: "w".repeat(41),
    };
    assert_eq!(
        check_item_answer(item, &long),
        Some(IssueCode::TooLong { max: 40 })
    );
    // The receiver: stored with the words, refused without them (the answer not in the message).
    let mut answers = Answers::new();
    answers.set("since", Some(weeks));
    support::verify_answers(&q, &answers).unwrap();
    answers.set("since", Some(bare));
    let e = support::verify_answers(&q, &answers).unwrap_err();
    assert!(e.message.contains("no-unit"), "{}", e.message);
    let private = "weeks since the night I left my husband";
    answers.set(
        "since",
        Some(AnswerValue::Quantity {
            value: 3.0,
            system: None,
            code: format!("{private}, at last"),
        }),
    );
    let e = support::verify_answers(&q, &answers).unwrap_err();
    assert!(e.message.contains("too-long"), "{}", e.message);
    assert!(!e.message.contains("husband"), "{}", e.message);
}

#[test]
fn a_draft_keeps_the_unit_written() {
    let q = unit_written();
    let typed = vec![("since".to_owned(), "3\u{1f}weeks".to_owned())];
    let mut answers = Answers::new();
    answers.set(
        "since",
        Some(AnswerValue::Quantity {
            value: 3.0,
            system: None,
            code: "weeks".into(),
        }),
    );
    let draft = rapport_core::delivery::draft_json(&q, &answers, &typed);
    let (back_answers, back_typed) = rapport_core::delivery::draft_from_json(&q, &draft).unwrap();
    assert_eq!(back_typed, typed);
    assert_eq!(back_answers.get("since"), answers.get("since"));
}

#[test]
fn a_groups_constraint_is_the_groups_issue_and_the_receiver_checks_it() {
    let on_group = rule(
        "error",
        "item.answer.exists()",
        Some("Placeholder: answer one."),
    );
    let q = Questionnaire::from_value(&week(on_group, None)).unwrap();
    let program = rapport_core::fhirpath::Program::compile(&q)
        .unwrap()
        .unwrap();
    let mut answers = Answers::new();
    // Hidden: not worked out, not an issue.
    answers.set("more", Some(AnswerValue::Boolean(false)));
    program.calculate(&q, &mut answers, CLOCK);
    assert!(validate(&q, &answers).is_empty());
    support::verify_answers(&q, &answers).unwrap();
    // Shown and empty: the group's issue, in document order before its questions'.
    answers.set("more", Some(AnswerValue::Boolean(true)));
    program.calculate(&q, &mut answers, CLOCK);
    let issues = validate(&q, &answers);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].link_id, "week");
    assert_eq!(issues[0].code, IssueCode::Constraint { index: 0 });
    let e = support::verify_answers(&q, &answers).unwrap_err();
    assert_eq!(e.message, "\"week\" does not meet its constraint");
    // One answer in it meets it.
    answers.set("mood", Some(AnswerValue::Integer(7)));
    program.calculate(&q, &mut answers, CLOCK);
    assert!(validate(&q, &answers).is_empty());
    support::verify_answers(&q, &answers).unwrap();
}
