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
    // `matches`: some part fits, unless anchored; the core's own patterns (`crate::pattern`).
    assert_eq!(eval("'SW1A 1AA'.matches('[0-9][A-Z]{2}')"), [json!(true)]);
    assert_eq!(eval("'SW1A 1AA'.matches('^[0-9]')"), [json!(false)]);
    assert_eq!(eval("'12345'.matches('^\\\\d{5}$')"), [json!(true)]);
    assert_eq!(eval("{}.matches('a')"), Vec::<serde_json::Value>::new());
    assert_eq!(eval("('a' | 'b').join(', ')"), [json!("a, b")]);
    assert_eq!(eval("(true | false).anyTrue()"), [json!(true)]);
    assert_eq!(eval("(true).allTrue()"), [json!(true)]);
    assert_eq!(
        eval("item.where(linkId='name').answer.value.hasValue()"),
        [json!(true)]
    );
}

#[test]
fn string_functions_follow_fhirpath() {
    // indexOf counts characters, as substring does; '' is found at 0; -1 when absent.
    assert_eq!(eval("'Ana María'.indexOf('ría')"), [json!(6)]);
    assert_eq!(eval("'abc'.indexOf('')"), [json!(0)]);
    assert_eq!(eval("'abc'.indexOf('x')"), [json!(-1)]);
    assert!(eval("{}.indexOf('a')").is_empty());
    assert!(eval("'abc'.indexOf({})").is_empty());
    assert_eq!(eval("'  two words \n'.trim()"), [json!("two words")]);
    assert!(eval("{}.trim()").is_empty());
    // replace: every instance; '' as the pattern surrounds every character.
    assert_eq!(eval("'a-b-c'.replace('-', ' / ')"), [json!("a / b / c")]);
    assert_eq!(eval("'abc'.replace('', 'x')"), [json!("xaxbxcx")]);
    assert_eq!(eval("'abc'.replace('b', '')"), [json!("ac")]);
    assert!(eval("'abc'.replace({}, 'x')").is_empty());
    // toChars and split give collections; join puts them back.
    assert_eq!(
        eval("'añb'.toChars()"),
        [json!("a"), json!("ñ"), json!("b")]
    );
    assert_eq!(
        eval("'a,b,,c'.split(',')"),
        [json!("a"), json!("b"), json!(""), json!("c")]
    );
    assert_eq!(eval("'a,b'.split(',').join('+')"), [json!("a+b")]);
    assert_eq!(eval("'abc'.split('x')"), [json!("abc")]);
    assert_eq!(eval("'abc'.toChars().count()"), [json!(3)]);
    // Not a string: the evaluation stops, as for the other string functions.
    assert_eq!(eval_err("1.trim()"), EvalError::WrongType);
    // upper() and lower() are refused at load (docs/fhir-support.md says why).
    assert!(matches!(
        refused("'a'.upper()"),
        (4, Problem::UnknownFunction { name }) if name == "upper"
    ));
    assert_eq!(eval_err("'a'.indexOf(1)"), EvalError::WrongType);
    assert!(matches!(
        refused("'a'.replace('a')"),
        (4, Problem::Arity { .. })
    ));
}

#[test]
fn string_functions_never_build_past_their_bounds() {
    // 1,000 characters made from a short expression (the source itself is bounded).
    let thousand = |c: &str| {
        let ten = c.repeat(10);
        format!("'{ten}'.replace('{c}', '{ten}').replace('{c}', '{ten}')")
    };
    assert_eq!(eval(&format!("{}.length()", thousand("a"))), [json!(1000)]);
    // '' as the pattern around each of 1,000 characters, with 1,000 each time: 1 MB if
    // built; refused before it is.
    assert_eq!(
        eval_err(&format!(
            "{}.select($this.replace('', $this))",
            thousand("a")
        )),
        EvalError::TooBig
    );
    assert_eq!(
        eval_err(&format!("{}.replace('a', 'aaaaa')", thousand("a"))),
        EvalError::TooBig
    );
    // Splitting a long text into its characters stays within the collection bound.
    let two_thousand = format!("({0} & {0})", thousand("ŉ"));
    assert_eq!(
        eval(&format!("{two_thousand}.split('').count()")),
        [json!(2000)]
    );
    assert_eq!(
        eval(&format!("{}.toChars().count()", thousand("é"))),
        [json!(1000)]
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
        matches!(refused("item.replaceMatches('x', 'y')"), (5, Problem::UnknownFunction { name }) if name == "replaceMatches")
    );
    // A pattern outside the subset, or one worked out rather than written, is refused at load.
    assert!(
        matches!(refused("item.matches('(a)\\\\1')"), (5, Problem::Pattern { problem }) if problem.contains("back-reference"))
    );
    assert!(
        matches!(refused("'a'.matches('a' + 'b')"), (4, Problem::Pattern { problem }) if problem.contains("not written as text"))
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
    // Found in review: navigation over a wide array multiplied memory before any bound, and
    // `~` compared every pair without paying for it.
    let wide = json!({"junk": (0..20_000).collect::<Vec<_>>()});
    let r = evaluate_on(
        "(1|2|3|4|5|6|7|8|9|10|11|12).aggregate($total.combine($total), %resource).junk.count()",
        &wide,
        "2026-12-07",
    )
    .unwrap();
    assert!(
        matches!(r, Err(EvalError::TooBig | EvalError::OutOfFuel)),
        "{r:?}"
    );
    let many = "(1|2|3|4|5|6|7|8|9|10|11|12).aggregate($total.combine($total), 'a')";
    let r = evaluate_on(&format!("{many} ~ {many}"), &wide, "2026-12-07").unwrap();
    assert!(
        matches!(r, Err(EvalError::TooBig | EvalError::OutOfFuel)),
        "{r:?}"
    );
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

/// The receiver's check of what may be answered: an item an enableWhenExpression hides may not
/// be answered; shown, it may.
#[test]
fn verify_reads_what_enable_when_expressions_show() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/enable-expression-on.json")).unwrap();
    let mut definition = fixture["definition"].clone();
    definition["url"] = json!("http://example.org/Questionnaire/shown");
    definition["version"] = json!("1");
    let q = Questionnaire::from_value(&definition).unwrap();
    let program = Program::compile(&q).unwrap().unwrap();
    let previous = PreviousScores::new();
    let context = json!({});
    let submission = support::Submission {
        instrument_id: "shown",
        language: "en",
        translation_status: "reference",
        previous_scores: &previous,
        context: &context,
    };
    let lookup = |_: &str, _: &str| Some(q.clone());
    let clock = Clock {
        today: "2026-01-01",
        now: "2026-01-01T00:00:00Z",
    };
    let answered = |age: i64| {
        let mut a = Answers::new();
        a.set("age", Some(AnswerValue::Integer(age)));
        a.set("adult", Some(AnswerValue::Boolean(true)));
        program.calculate(&q, &mut a, clock);
        a
    };
    let adult = answered(20);
    assert!(adult.shown_by_expression("adult"));
    verify(&submission.envelope(&q, &adult), &lookup).unwrap();
    // A tampered envelope: the answer the expression hides at 15 is sent anyway.
    let mut young = answered(15);
    assert!(!young.shown_by_expression("adult"));
    young.set_shown_by_expression("adult", true);
    let e = verify(&submission.envelope(&q, &young), &lookup).unwrap_err();
    assert!(
        e.message.contains("\"adult\" is answered but hidden"),
        "{}",
        e.message
    );
}

/// Found in review: each of these gave a wrong value, or refused what FHIRPath allows.
#[test]
fn review_findings_on_values() {
    // Binary fractions: what FHIRPath's exact decimals say.
    assert_eq!(eval("0.7 + 0.1 >= 0.8"), [json!(true)]);
    assert_eq!(eval("0.1 + 0.2 = 0.3"), [json!(true)]);
    assert_eq!(eval("(0.7 | 0.1).sum()"), [json!(0.8)]);
    assert_eq!(eval("0.04999999999.round(1)"), [json!(0.0)]);
    assert_eq!(eval("2.4999999996.round()"), [json!(2.0)]);
    assert_eq!(
        eval("975465834.906119.toString()"),
        [json!("975465834.906119")]
    );
    // dateTimes compare as moments.
    let dt = |a: &str, op: &str, b: &str| {
        let r = json!({"item": [{"linkId": "a", "answer": [{"valueDateTime": a}]}, {"linkId": "b", "answer": [{"valueDateTime": b}]}]});
        let src =
            format!("item.where(linkId='a').answer.value {op} item.where(linkId='b').answer.value");
        evaluate_on(&src, &r, "2026-12-07").unwrap().unwrap()
    };
    assert_eq!(
        dt(
            "2026-12-07T10:00:00+02:00",
            "<",
            "2026-12-07T09:00:00-05:00"
        ),
        [json!(true)]
    );
    assert_eq!(
        dt("2026-12-07T08:00:00Z", "=", "2026-12-07T03:00:00-05:00"),
        [json!(true)]
    );
    // iif's branches read the input as $this.
    assert_eq!(eval("(5).iif(true, $this)"), [json!(5)]);
    assert_eq!(eval("(5).iif($this > 3, $this * 2, 0)"), [json!(10)]);
    // ~ matches item for item.
    assert_eq!(eval("(1).combine(1) ~ (1).combine(2)"), [json!(false)]);
    assert_eq!(eval("(1).combine(2) ~ (2).combine(1)"), [json!(true)]);
    // hasValue() of several items is false, not an error.
    assert_eq!(eval("item.answer.value.hasValue()"), [json!(false)]);
    // A stem reads a choice element only with a FHIR type after it.
    let q = json!({"item": [{"linkId": "a", "answerOption": [{"valueCoding": {"code": "x"}}], "maxLength": 3}]});
    assert_eq!(
        evaluate_on("item.answer.count()", &q, "2026-12-07")
            .unwrap()
            .unwrap(),
        [json!(0)]
    );
    assert_eq!(
        evaluate_on("item.max.count()", &q, "2026-12-07")
            .unwrap()
            .unwrap(),
        [json!(0)]
    );
    // A date literal followed by a call.
    assert_eq!(eval("@2026-12-07.toString()"), [json!("2026-12-07")]);
    // A long run of unary signs is a deep tree, refused rather than a deep recursion.
    let plus = format!("{}1", "+".repeat(4000));
    assert!(matches!(refused(&plus), (_, Problem::TooDeep)));
}

fn choice(link: &str, weights: [f64; 3]) -> Value {
    let opt = |code: &str, w: f64| json!({"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/itemWeight", "valueDecimal": w}], "valueCoding": {"system": "http://example.org/s", "code": code}});
    json!({"linkId": link, "type": "choice", "text": "Placeholder.", "answerOption": [opt("a", weights[0]), opt("b", weights[1]), opt("c", weights[2])]})
}

fn calc(link: &str, kind: &str, expression: &str) -> Value {
    json!({"linkId": link, "type": kind, "text": "Placeholder.", "readOnly": true, "extension": [
        {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
         "valueExpression": {"language": "text/fhirpath", "expression": expression}}]})
}

const CLOCK: Clock<'static> = Clock {
    today: "2026-01-01",
    now: "2026-01-01T00:00:00Z",
};

fn coded(code: &str) -> Option<AnswerValue> {
    Some(AnswerValue::Coding {
        system: Some("http://example.org/s".into()),
        code: code.into(),
    })
}

#[test]
fn weight_is_the_answered_items_own_and_reads_answers() {
    // A reverse-coded item reuses the codes with other weights.
    let q = definition(json!([
        choice("q1", [0.0, 1.0, 2.0]),
        choice("q2", [2.0, 1.0, 0.0]),
        calc(
            "t",
            "decimal",
            "%resource.item.where(linkId.startsWith('q')).answer.value.weight().sum()"
        ),
        calc(
            "t2",
            "decimal",
            "%resource.item.where(linkId='q2').answer.value.weight()"
        ),
        calc(
            "t3",
            "decimal",
            "%resource.item.where(linkId='q1' or linkId='q2').answer.weight().sum()"
        ),
    ]));
    let program = Program::compile(&q).unwrap().unwrap();
    let mut answers = Answers::new();
    answers.set("q1", coded("a"));
    answers.set("q2", coded("a"));
    program.calculate(&q, &mut answers, CLOCK);
    assert_eq!(answers.get("t"), Some(&AnswerValue::Decimal(2.0)));
    assert_eq!(answers.get("t2"), Some(&AnswerValue::Decimal(2.0)));
    assert_eq!(
        answers.get("t3"),
        Some(&AnswerValue::Decimal(2.0)),
        "an answer stands for its value"
    );
}

#[test]
fn a_hidden_calculated_item_is_worked_out_and_read_by_others() {
    let mut hidden = calc(
        "h",
        "decimal",
        "%resource.item.where(linkId='q1').answer.value.weight()",
    );
    hidden["extension"].as_array_mut().unwrap().push(json!({"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden", "valueBoolean": true}));
    let q = definition(json!([
        choice("q1", [0.0, 1.0, 2.0]),
        hidden,
        calc(
            "t",
            "decimal",
            "%resource.item.where(linkId='h').answer.value.sum()"
        ),
    ]));
    assert!(q.item("h").is_some_and(|i| i.hidden && i.calculated));
    let program = Program::compile(&q).unwrap().unwrap();
    let mut answers = Answers::new();
    answers.set("q1", coded("c"));
    program.calculate(&q, &mut answers, CLOCK);
    assert_eq!(answers.get("h"), Some(&AnswerValue::Decimal(2.0)));
    assert_eq!(answers.get("t"), Some(&AnswerValue::Decimal(2.0)));
}

#[test]
fn a_chain_of_calculated_values_settles_and_verifies() {
    let mut items = vec![json!({"linkId": "a", "type": "integer", "text": "Placeholder."})];
    for i in 1..=8 {
        let before = if i == 1 {
            "a".to_owned()
        } else {
            format!("c{}", i - 1)
        };
        items.push(calc(
            &format!("c{i}"),
            "integer",
            &format!("%resource.item.where(linkId='{before}').answer.value + 1"),
        ));
    }
    let mut definition_json = json!({"resourceType": "Questionnaire", "url": "http://example.org/Questionnaire/chain", "version": "1", "item": items});
    // In reverse order, so that each pass moves the chain on by one only.
    definition_json["item"].as_array_mut().unwrap()[1..].reverse();
    let q = Questionnaire::from_value(&definition_json).unwrap();
    let program = Program::compile(&q).unwrap().unwrap();
    let mut answers = Answers::new();
    answers.set("a", Some(AnswerValue::Integer(1)));
    let done = program.calculate(&q, &mut answers, CLOCK);
    assert!(done.failed.is_empty(), "{:?}", done.failed);
    assert_eq!(answers.get("c8"), Some(&AnswerValue::Integer(9)));
    let previous = PreviousScores::new();
    let context = json!({});
    let submission = support::Submission {
        instrument_id: "chain",
        language: "en",
        translation_status: "reference",
        previous_scores: &previous,
        context: &context,
    };
    let lookup = |_: &str, _: &str| Some(q.clone());
    verify(&submission.envelope(&q, &answers), &lookup).unwrap();
}

#[test]
fn now_is_refused_where_a_value_is_sent_or_a_question_decided() {
    for (kind, expression) in [
        ("calculatedExpression", "now().toString()"),
        ("enableWhenExpression", "now() > @2026-01-01"),
    ] {
        let q = definition(
            json!([{"linkId": "a", "type": "string", "text": "Placeholder.", "extension": [
            {"url": format!("http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-{kind}"),
             "valueExpression": {"language": "text/fhirpath", "expression": expression}}]}]),
        );
        let errors = Program::compile(&q).unwrap_err();
        assert!(errors[0].to_string().contains("now()"), "{}", errors[0]);
    }
    // Through a variable too.
    let q = Questionnaire::from_value(&json!({"resourceType": "Questionnaire",
        "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/variable", "valueExpression": {"name": "moment", "language": "text/fhirpath", "expression": "now()"}}],
        "item": [calc("a", "string", "%moment.toString()")]})).unwrap();
    assert!(Program::compile(&q).is_err());
    // Where it only fills a field the patient can change, it is allowed.
    let q = definition(
        json!([{"linkId": "a", "type": "string", "text": "Placeholder.", "extension": [
        {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression",
         "valueExpression": {"language": "text/fhirpath", "expression": "now().toString()"}}]}]),
    );
    assert!(Program::compile(&q).is_ok());
}

/// Found in review: text functions over a long answer (a free-text item has no size of its own)
/// read or split all of it for the price of one step; now each 64 bytes read is a step, and
/// splitting stops one part past the collection bound.
#[test]
fn text_functions_over_a_long_answer_pay_for_what_they_read() {
    let long =
        json!({"item": [{"linkId": "t", "answer": [{"valueString": "a,".repeat(500_000)}]}]});
    let run = |src: &str| evaluate_on(src, &long, "2026-12-07").unwrap();
    let a = "%resource.item.answer.value";
    let many = "'xxxxxxxxxx'.replace('x', 'xxxxxxxxxx').replace('x', 'xxxxxxxxxx').toChars()";
    for per_item in [
        "replace('a', '').length()",
        "contains('b')",
        "length()",
        "trim().length()",
        "substring(1, 1)",
        "indexOf('b')",
    ] {
        let r = run(&format!("{many}.select({a}.{per_item}).count()"));
        assert!(
            matches!(r, Err(EvalError::OutOfFuel | EvalError::TooBig)),
            "{per_item}: {r:?}"
        );
    }
    for whole in ["toChars().count()", "split(',').count()"] {
        assert_eq!(
            run(&format!("{a}.{whole}")),
            Err(EvalError::TooBig),
            "{whole}"
        );
    }
    assert_eq!(run(&format!("{a}.trim()")), Err(EvalError::TooBig));
}
