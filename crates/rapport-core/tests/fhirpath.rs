//! The FHIRPath subset (`src/fhirpath/`): what expressions give on real JSON, what is refused
//! and where, and SDC's `initialExpression`. Calculated items in whole questionnaires are in
//! the fixtures (`calculated-*.json`, `error-expressions.json`); hostile input in `no_panic.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::dates::shift_date;
use rapport_core::definition::Questionnaire;
use rapport_core::envelope::verify;
use rapport_core::fhirpath::{evaluate_on, Clock, EvalError, Problem, Program};
use rapport_core::scoring::PreviousScores;
use serde_json::{json, Value};

fn response() -> Value {
    json!({
        "resourceType": "QuestionnaireResponse",
        "item": [
            {"linkId": "age", "answer": [{"valueInteger": 42}]},
            {"linkId": "weight", "answer": [{"valueDecimal": 70.5}]},
            {"linkId": "name", "answer": [{"valueString": "Ana María"}]},
            {"linkId": "when", "answer": [{"valueDate": "2026-11-30"}]},
            {"linkId": "g", "item": [
                {"linkId": "c1", "answer": [{"valueCoding": {"system": "http://example.org/s", "code": "often", "display": "Often"}}]},
                {"linkId": "c2", "answer": [{"valueCoding": {"system": "http://example.org/s", "code": "never", "display": "Never"}}]},
                {"linkId": "c3"}
            ]}
        ]
    })
}

fn eval(src: &str) -> Vec<Value> {
    match evaluate_on(src, &response(), "2026-12-07") {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => panic!("{src}: evaluation stopped: {e:?}"),
        Err(e) => panic!("{src}: refused: {e}"),
    }
}

fn eval_err(src: &str) -> EvalError {
    match evaluate_on(src, &response(), "2026-12-07") {
        Ok(Err(e)) => e,
        other => panic!("{src}: expected an evaluation error, got {other:?}"),
    }
}

fn refused(src: &str) -> (usize, Problem) {
    match evaluate_on(src, &response(), "2026-12-07") {
        Err(e) => (e.at, e.problem),
        other => panic!("{src}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn literals_and_arithmetic_follow_fhirpath_precedence() {
    assert_eq!(eval("1 + 2 * 3"), [json!(7)]);
    assert_eq!(eval("(1 + 2) * 3"), [json!(9)]);
    assert_eq!(eval("7 div 2"), [json!(3)]);
    assert_eq!(eval("7 mod 2"), [json!(1)]);
    assert_eq!(eval("7 / 2"), [json!(3.5)]);
    assert_eq!(eval("-2 + 5"), [json!(3)]);
    assert_eq!(eval("2.power(3)"), [json!(8)]);
    assert_eq!(eval("1.5 * 2"), [json!(3.0)]);
    assert_eq!(eval("'a' + 'b'"), [json!("ab")]);
    assert_eq!(eval("'a' & {} & 'c'"), [json!("ac")]);
    // Division by zero, and anything with an empty operand, is empty.
    assert!(eval("1 / 0").is_empty());
    assert!(eval("5 div 0").is_empty());
    assert!(eval("{} + 1").is_empty());
    // Whole-number overflow stops the evaluation rather than wrapping.
    assert_eq!(eval_err("9223372036854775807 + 1"), EvalError::TooBig);
    // Comments and escapes.
    assert_eq!(eval("1 /* one */ + // two\n 1"), [json!(2)]);
    assert_eq!(eval(r"'it\'s \u00e9'"), [json!("it's é")]);
}

#[test]
fn paths_read_the_response_and_value_x_by_its_stem() {
    assert_eq!(eval("item.where(linkId = 'age').answer.value"), [json!(42)]);
    assert_eq!(eval("QuestionnaireResponse.item.count()"), [json!(5)]);
    assert_eq!(
        eval("%resource.item.where(linkId='weight').answer.value * 2"),
        [json!(141.0)]
    );
    assert_eq!(
        eval("item.where(linkId='g').item.answer.value.code"),
        [json!("often"), json!("never")]
    );
    assert_eq!(
        eval("%resource.repeat(item).where(linkId='c1').answer.value.display"),
        [json!("Often")]
    );
    assert_eq!(eval("repeat(item).count()"), [json!(8)]);
    assert_eq!(eval("item[1].linkId"), [json!("weight")]);
    assert!(eval("item[10]").is_empty());
    assert_eq!(
        eval("item.where(linkId='g').item.where(answer.exists()).count()"),
        [json!(2)]
    );
}

#[test]
fn logic_is_three_valued() {
    assert_eq!(eval("true and {}"), Vec::<Value>::new());
    assert_eq!(eval("false and {}"), [json!(false)]);
    assert_eq!(eval("true or {}"), [json!(true)]);
    assert_eq!(eval("{} or false"), Vec::<Value>::new());
    assert_eq!(eval("true xor false"), [json!(true)]);
    assert_eq!(eval("false implies {}"), [json!(true)]);
    assert_eq!(eval("(1 = 1).not()"), [json!(false)]);
    assert_eq!(eval("{}.not()"), Vec::<Value>::new());
    assert_eq!(eval("1 = {}"), Vec::<Value>::new());
    assert_eq!(eval("1 != 2"), [json!(true)]);
    assert_eq!(eval("1 = 1.0"), [json!(true)]);
    assert_eq!(eval("'A  b' ~ 'a b'"), [json!(true)]);
    assert_eq!(eval("@2026-12-07 < today()"), [json!(false)]);
    assert_eq!(eval("@2026-12-07 = today()"), [json!(true)]);
    assert_eq!(eval("'x' in ('x' | 'y')"), [json!(true)]);
    assert_eq!(eval("('x' | 'y') contains 'z'"), [json!(false)]);
}

#[test]
fn functions_of_the_subset() {
    assert_eq!(eval("(1 | 2 | 2 | 3).count()"), [json!(3)]);
    assert_eq!(eval("(1).combine(1).count()"), [json!(2)]);
    assert_eq!(eval("(1 | 2 | 3).sum()"), [json!(6)]);
    assert_eq!(eval("{}.sum()"), [json!(0)]);
    assert_eq!(eval("(1 | 2 | 3).avg()"), [json!(2.0)]);
    assert_eq!(eval("(3 | 1 | 2).min()"), [json!(1)]);
    assert_eq!(eval("(3 | 1 | 2).max()"), [json!(3)]);
    assert_eq!(eval("(1 | 2 | 3).aggregate($this + $total, 0)"), [json!(6)]);
    assert_eq!(
        eval("(1 | 2 | 3).select($this * $index)"),
        [json!(0), json!(2), json!(6)]
    );
    assert_eq!(eval("(1 | 2 | 3).all($this > 0)"), [json!(true)]);
    assert_eq!(eval("(1 | 2 | 3).exists($this > 2)"), [json!(true)]);
    assert_eq!(eval("(1 | 2 | 3).first()"), [json!(1)]);
    assert_eq!(eval("(1 | 2 | 3).last()"), [json!(3)]);
    assert_eq!(eval("(1 | 2 | 3).tail().count()"), [json!(2)]);
    assert_eq!(eval("(1 | 2 | 3).skip(1).take(1)"), [json!(2)]);
    assert_eq!(eval("iif(1 > 2, 'yes', 'no')"), [json!("no")]);
    assert!(eval("iif({}, 'yes')").is_empty());
    assert_eq!(eval("22.14285.round(1)"), [json!(22.1)]);
    assert_eq!(eval("2.675.round(2)"), [json!(2.68)]);
    assert_eq!(eval("(0.5).round()"), [json!(1.0)]);
    assert_eq!(eval("1.ln()"), [json!(0.0)]);
    assert_eq!(eval("0.exp()"), [json!(1.0)]);
    assert_eq!(eval("16.sqrt()"), [json!(4.0)]);
    assert!(eval("(-1).sqrt()").is_empty(), "not a number: empty");
    assert_eq!(eval("(-2.5).abs()"), [json!(2.5)]);
    assert_eq!(eval("2.5.floor()"), [json!(2)]);
    assert_eq!(eval("2.5.ceiling()"), [json!(3)]);
    assert_eq!(eval("12.34.toString() & '%'"), [json!("12.34%")]);
    assert_eq!(eval("2.0.toString()"), [json!("2.0")]);
    assert_eq!(eval("(0.1 + 0.2).toString()"), [json!("0.3")]);
    assert_eq!(eval("(-0.25).toString()"), [json!("-0.25")]);
    assert_eq!(eval("(1 / 3).toString()"), [json!("0.333333333333")]);
    assert_eq!(eval("81.2934.round(2).toString()"), [json!("81.29")]);
    assert_eq!(eval("'42'.toInteger() + 1"), [json!(43)]);
    assert_eq!(eval("'4.5'.toDecimal()"), [json!(4.5)]);
    assert!(eval("'4x'.toDecimal()").is_empty());
    assert_eq!(
        eval("today().toString().substring(0, 4).toInteger()"),
        [json!(2026)]
    );
    assert_eq!(eval("'Ana María'.length()"), [json!(9)]);
    assert_eq!(eval("'Ana María'.substring(4)"), [json!("María")]);
    assert_eq!(
        eval("'abc'.startsWith('ab') and 'abc'.endsWith('bc') and 'abc'.contains('b')"),
        [json!(true)]
    );
    assert_eq!(eval("('a' | 'b').join(', ')"), [json!("a, b")]);
    assert_eq!(eval("(true | false).anyTrue()"), [json!(true)]);
    assert_eq!(eval("(true).allTrue()"), [json!(true)]);
    assert_eq!(
        eval("item.where(linkId='name').answer.value.hasValue()"),
        [json!(true)]
    );
}

#[test]
fn single_of_several_stops_the_evaluation() {
    assert_eq!(eval_err("(1 | 2).single()"), EvalError::NotSingle);
    assert_eq!(eval_err("(1 | 2) + 1"), EvalError::NotSingle);
    assert_eq!(eval_err("'a' + 1"), EvalError::WrongType);
}

#[test]
fn outside_the_subset_is_refused_where_it_starts() {
    assert!(
        matches!(refused("item.matches('x')"), (5, Problem::UnknownFunction { name }) if name == "matches")
    );
    assert!(matches!(
        refused("1 is Integer"),
        (2, Problem::Unsupported(_))
    ));
    assert!(matches!(
        refused("today() + 7 days"),
        (10, Problem::Unsupported("quantities"))
    ));
    assert!(matches!(
        refused("4 'mg'"),
        (0, Problem::Unsupported("quantities"))
    ));
    assert!(matches!(
        refused("@2026-12-07T10:00"),
        (0, Problem::Unsupported(_))
    ));
    assert!(matches!(refused("(1 + 2"), (6, Problem::Syntax(")"))));
    assert!(matches!(refused("1 +"), (3, Problem::Syntax(_))));
    assert!(matches!(refused("'open"), (0, Problem::Syntax(_))));
    assert!(matches!(refused("first(1)"), (0, Problem::Arity { .. })));
    assert!(matches!(
        refused("99999999999999999999"),
        (0, Problem::NumberTooLarge)
    ));
    assert!(matches!(refused("$that"), (0, Problem::Syntax(_))));
    let deep = format!("{}1{}", "(".repeat(200), ")".repeat(200));
    assert!(matches!(refused(&deep), (_, Problem::TooDeep)));
    let chain = format!("1{}", " + 1".repeat(100));
    assert!(
        matches!(refused(&chain), (_, Problem::TooDeep)),
        "a long chain is a deep tree"
    );
    let long = "1".repeat(5000);
    assert!(matches!(
        refused(&long),
        (0, Problem::TooLong { bytes: 5000 })
    ));
}

#[test]
fn hostile_expressions_stop_within_their_fuel() {
    // Every step doubles the collection: stopped by size or fuel, never a hang.
    let doubling = "(1|2).combine((1|2)).combine((1|2).combine((1|2))).select(%resource.repeat(item)).select(%resource.repeat(item)).select(%resource.repeat(item)).select(%resource.repeat(item))";
    let e = eval_err(doubling);
    assert!(
        matches!(e, EvalError::OutOfFuel | EvalError::TooBig),
        "{e:?}"
    );
    let strings = "'aaaaaaaaaaaaaaaa'.select($this & $this).select($this & $this & $this & $this).select($this & $this & $this & $this).select($this & $this & $this & $this).select($this & $this & $this & $this).select($this & $this & $this & $this)";
    assert_eq!(eval_err(strings), EvalError::TooBig);
}

fn definition(items: Value) -> Questionnaire {
    Questionnaire::from_value(&json!({"resourceType": "Questionnaire", "item": items})).unwrap()
}

#[test]
fn initial_values_fill_only_unanswered_items_and_need_no_launch_context() {
    let q = definition(json!([
        {"linkId": "d", "type": "date", "text": "Placeholder date.", "extension": [
            {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression",
             "valueExpression": {"language": "text/fhirpath", "expression": "today()"}}]},
        {"linkId": "n", "type": "string", "text": "Placeholder name.", "extension": [
            {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression",
             "valueExpression": {"language": "text/fhirpath", "expression": "%patient.name.first().family"}}]}
    ]));
    let program = Program::compile(&q).unwrap().expect("has expressions");
    assert!(!program.calculates());
    let clock = Clock {
        today: "2026-12-07",
        now: "2026-12-07T10:00:00+01:00",
    };
    let answers = Answers::new();
    assert_eq!(
        program.initial(&q, &answers, clock),
        [("d".to_owned(), AnswerValue::Date("2026-12-07".into()))],
        "the launch-context one is left out"
    );
    let mut given = Answers::new();
    given.set("d", Some(AnswerValue::Date("2026-01-01".into())));
    assert!(
        program.initial(&q, &given, clock).is_empty(),
        "an answer is kept"
    );
}

#[test]
fn a_definition_without_expressions_has_no_program() {
    let q = definition(json!([{"linkId": "a", "type": "boolean", "text": "Placeholder."}]));
    assert!(q.expressions.is_none());
    assert!(Program::compile(&q).unwrap().is_none());
}

#[test]
fn calculated_values_follow_the_answers_and_clear_when_they_go() {
    let q = definition(json!([
        {"linkId": "a", "type": "integer", "text": "Placeholder."},
        {"linkId": "b", "type": "integer", "text": "Placeholder."},
        {"linkId": "t", "type": "integer", "text": "Placeholder total.", "readOnly": true, "extension": [
            {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
             "valueExpression": {"language": "text/fhirpath", "expression": "%resource.item.where(linkId = 'a' or linkId = 'b').answer.value.sum()"}}]},
        {"linkId": "half", "type": "decimal", "text": "Placeholder half.", "readOnly": true, "extension": [
            {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
             "valueExpression": {"language": "text/fhirpath", "expression": "%resource.item.where(linkId = 't').answer.value / 2"}}]}
    ]));
    let program = Program::compile(&q).unwrap().unwrap();
    let clock = Clock {
        today: "2026-12-07",
        now: "2026-12-07T10:00:00Z",
    };
    let mut answers = Answers::new();
    answers.set("a", Some(AnswerValue::Integer(3)));
    answers.set("b", Some(AnswerValue::Integer(4)));
    let done = program.calculate(&q, &mut answers, clock);
    assert!(done.failed.is_empty());
    assert_eq!(answers.get("t"), Some(&AnswerValue::Integer(7)));
    // One calculated value read by another settles in a second pass.
    assert_eq!(answers.get("half"), Some(&AnswerValue::Decimal(3.5)));
    answers.set("a", None);
    answers.set("b", None);
    program.calculate(&q, &mut answers, clock);
    assert_eq!(
        answers.get("t"),
        Some(&AnswerValue::Integer(0)),
        "sum() of nothing is 0"
    );
    // A value the item cannot take leaves it empty.
    answers.set("a", Some(AnswerValue::Integer(i64::MAX)));
    answers.set("b", Some(AnswerValue::Integer(1)));
    let done = program.calculate(&q, &mut answers, clock);
    assert_eq!(answers.get("t"), None);
    assert_eq!(done.failed, ["t"]);
    assert_eq!(answers.get("half"), None);
}

#[test]
fn dates_shift_across_months_years_and_leap_days() {
    assert_eq!(shift_date("2026-12-31", 1).as_deref(), Some("2027-01-01"));
    assert_eq!(shift_date("2027-01-01", -1).as_deref(), Some("2026-12-31"));
    assert_eq!(shift_date("2028-02-28", 1).as_deref(), Some("2028-02-29"));
    assert_eq!(shift_date("2028-03-01", -1).as_deref(), Some("2028-02-29"));
    assert_eq!(shift_date("2026-03-01", -1).as_deref(), Some("2026-02-28"));
    assert_eq!(shift_date("2026-12-07", 0).as_deref(), Some("2026-12-07"));
    assert_eq!(shift_date("9999-12-31", 1), None);
    assert_eq!(shift_date("2026-02-30", 0), None);
}

/// The receiver's check: a calculated value sent must be the one the definition works out.
#[test]
fn verify_refuses_a_calculated_value_the_definition_does_not_give() {
    let q = Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire",
        "url": "http://example.org/Questionnaire/calc",
        "version": "1",
        "item": [
            {"linkId": "a", "type": "integer", "text": "Placeholder."},
            {"linkId": "t", "type": "integer", "text": "Placeholder total.", "readOnly": true, "extension": [
                {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
                 "valueExpression": {"language": "text/fhirpath", "expression": "%resource.item.where(linkId = 'a').answer.value * 2"}}]}
        ]
    }))
    .unwrap();
    let program = Program::compile(&q).unwrap().unwrap();
    let previous = PreviousScores::new();
    let context = json!({});
    let submission = support::Submission {
        instrument_id: "calc",
        language: "en",
        translation_status: "reference",
        previous_scores: &previous,
        context: &context,
    };
    let lookup = |_: &str, _: &str| Some(q.clone());
    let mut answers = Answers::new();
    answers.set("a", Some(AnswerValue::Integer(4)));
    program.calculate(
        &q,
        &mut answers,
        Clock {
            today: "2026-01-01",
            now: "2026-01-01T00:00:00Z",
        },
    );
    assert_eq!(answers.get("t"), Some(&AnswerValue::Integer(8)));
    verify(&submission.envelope(&q, &answers), &lookup).unwrap();
    let mut tampered = answers.clone();
    tampered.set("t", Some(AnswerValue::Integer(80)));
    let e = verify(&submission.envelope(&q, &tampered), &lookup).unwrap_err();
    assert_eq!(e.kind.code(), "invalid-answers");
    assert!(e.message.contains("\"t\" is calculated"), "{}", e.message);
    let mut missing = answers.clone();
    missing.set("t", None);
    assert!(verify(&submission.envelope(&q, &missing), &lookup).is_err());
}

#[test]
fn a_total_over_options_without_weights_stays_empty() {
    // The SDC item-weight example's shape: a LOINC answer list whose weights live in LOINC,
    // not in the questionnaire. A total of 0 would be a wrong answer.
    let q = definition(json!([
        {"linkId": "c", "type": "choice", "text": "Placeholder.", "answerOption": [
            {"valueCoding": {"system": "http://example.org/s", "code": "a"}},
            {"valueCoding": {"system": "http://example.org/s", "code": "b"}}]},
        {"linkId": "t", "type": "integer", "text": "Placeholder total.", "readOnly": true, "extension": [
            {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
             "valueExpression": {"language": "text/fhirpath", "expression": "%resource.item.answer.value.weight().sum()"}}]}
    ]));
    let program = Program::compile(&q).unwrap().unwrap();
    let mut answers = Answers::new();
    answers.set(
        "c",
        Some(AnswerValue::Coding {
            system: Some("http://example.org/s".into()),
            code: "b".into(),
        }),
    );
    let done = program.calculate(
        &q,
        &mut answers,
        Clock {
            today: "2026-12-07",
            now: "2026-12-07T10:00:00Z",
        },
    );
    assert_eq!(answers.get("t"), None);
    assert_eq!(done.failed, ["t"]);
}
