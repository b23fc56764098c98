//! `open-choice` items: what the fixtures' notation cannot say — the own-words label and its
//! translations, own words given to a closed choice, responses read back, drafts, and the
//! load errors (repeats, scores).

// Test code may stop loudly; the core's no-panic lints (its Cargo.toml) are for src/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::indexing_slicing)]

use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::{ItemKind, Questionnaire, Text};
use rapport_core::delivery::{draft_from_json, draft_json};
use rapport_core::response::{answers_from, build, ResponseMeta};
use rapport_core::validate::{validate, IssueCode};
use serde_json::{json, Value};

fn fixture() -> Questionnaire {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/open-choice.json"
    ))
    .unwrap();
    let fx: Value = serde_json::from_str(&text).unwrap();
    Questionnaire::from_value(&fx["definition"]).unwrap()
}

fn open_label(q: &Questionnaire, link: &str) -> Option<Text> {
    match &q.item(link).unwrap().kind {
        ItemKind::Choice { open, .. } => open.clone(),
        other => panic!("{link} is {other:?}"),
    }
}

#[test]
fn the_own_words_label_is_the_definitions_and_translated() {
    let q = fixture();
    assert_eq!(
        open_label(&q, "helped").unwrap().base,
        "Something else helped"
    );
    // No openLabel: an empty text, for the widget's own words.
    assert_eq!(open_label(&q, "where"), Some(Text::default()));
    // Translated like any text (the fixture has none: the FHIR check's validator refuses
    // `_valueString` inside an extension, which FHIR allows).
    let q = Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire",
        "item": [{"linkId": "oc", "type": "open-choice", "text": "Pick or write.",
            "extension": [{
                "url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-openLabel",
                "valueString": "Something else helped",
                "_valueString": {"extension": [{
                    "url": "http://hl7.org/fhir/StructureDefinition/translation",
                    "extension": [{"url": "lang", "valueCode": "es"},
                                  {"url": "content", "valueString": "Otra cosa me ayudó"}]}]}}],
            "answerOption": [{"valueCoding": {"code": "a"}}]}]
    }))
    .unwrap();
    let label = open_label(&q, "oc").unwrap();
    assert_eq!(
        label.resolve(&["es".into()], &q.language),
        "Otra cosa me ayudó"
    );
    assert_eq!(
        label.resolve(&["fr".into()], &q.language),
        "Something else helped"
    );
}

#[test]
fn own_words_fit_only_an_open_choice() {
    let q = fixture();
    let mut a = Answers::new();
    a.set("helped", Some(AnswerValue::String("A walk".into())));
    assert_eq!(validate(&q, &a), []);
    // A code no option has is not an answer, open or not.
    a.set(
        "helped",
        Some(AnswerValue::Coding {
            system: None,
            code: "walk".into(),
        }),
    );
    let codes: Vec<IssueCode> = validate(&q, &a).into_iter().map(|i| i.code).collect();
    assert_eq!(codes, [IssueCode::WrongType]);
    // Own words given to a closed choice are refused.
    let closed = Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire",
        "item": [{"linkId": "c", "type": "choice", "text": "Pick.",
                  "answerOption": [{"valueCoding": {"code": "a"}}]}]
    }))
    .unwrap();
    let mut a = Answers::new();
    a.set("c", Some(AnswerValue::String("mine".into())));
    let codes: Vec<IssueCode> = validate(&closed, &a).into_iter().map(|i| i.code).collect();
    assert_eq!(codes, [IssueCode::WrongType]);
    let qr = json!({"resourceType": "QuestionnaireResponse", "status": "completed",
                    "item": [{"linkId": "c", "answer": [{"valueString": "mine"}]}]});
    let err = answers_from(&closed, &qr).unwrap_err();
    assert!(err.pointer.starts_with("/item/0"), "{}", err.pointer);
}

#[test]
fn responses_and_drafts_read_back() {
    let q = fixture();
    let mut a = Answers::new();
    a.set(
        "helped",
        Some(AnswerValue::String("Música, y caminar".into())),
    );
    a.set(
        "where",
        Some(AnswerValue::Coding {
            system: None,
            code: "clinic".into(),
        }),
    );
    let meta = ResponseMeta {
        language: "es",
        authored: "2026-01-01T00:00:00Z",
    };
    let qr = build(&q, &a, &meta, &|_, o| {
        o.display.as_ref().map(|t| t.base.clone())
    });
    assert_eq!(answers_from(&q, &qr).unwrap(), a);
    let draft = draft_json(&q, &a, &[]);
    let (back, _) = draft_from_json(&q, &draft).unwrap();
    assert_eq!(back, a);
}

#[test]
fn an_open_choice_may_repeat_but_cannot_count_in_a_score() {
    let err = Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire",
        "extension": [{"url": "https://rapport.dev/fhir/StructureDefinition/score",
                       "extension": [{"url": "id", "valueCode": "total"},
                                     {"url": "item", "valueString": "oc"}]}],
        "item": [
            {"linkId": "oc", "type": "open-choice", "text": "Pick or write.",
             "answerOption": [{"valueCoding": {"code": "a"},
                "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue",
                               "valueDecimal": 1}]}]},
            {"linkId": "many", "type": "open-choice", "repeats": true, "text": "Any.",
             "answerOption": [{"valueCoding": {"code": "a"}}]}
        ]
    }))
    .unwrap_err();
    let found: Vec<(&str, &str)> = err
        .iter()
        .map(|e| (e.pointer.as_str(), e.kind.code()))
        .collect();
    assert_eq!(
        found,
        [
            ("/extension/0/extension/1", "bad-scoring"),
            ("/extension/0", "bad-scoring"),
        ]
    );
    assert!(err[0].to_string().contains("open-choice"), "{}", err[0]);
}

#[test]
fn a_repeating_open_choice_takes_ticks_and_own_words_and_reads_back() {
    let q = Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire", "language": "en",
        "item": [{"linkId": "helped", "type": "open-choice", "repeats": true, "required": true,
                  "text": "What helped?",
                  "answerOption": [{"valueCoding": {"system": "https://c.example", "code": "walks", "display": "Walks"}},
                                   {"valueCoding": {"system": "https://c.example", "code": "friends", "display": "Friends"}}]}]
    }))
    .unwrap();
    let walks = AnswerValue::Coding {
        system: Some("https://c.example".into()),
        code: "walks".into(),
    };
    let friends = AnswerValue::Coding {
        system: Some("https://c.example".into()),
        code: "friends".into(),
    };
    // Ticks and own words: typing replaces the words and keeps the ticks; blank takes them out.
    let a1 = AnswerValue::toggled(None, &walks, true);
    let a2 = AnswerValue::with_own_words(a1.as_ref(), "My dog");
    let a3 = AnswerValue::toggled(a2.as_ref(), &friends, true);
    let a4 = AnswerValue::with_own_words(a3.as_ref(), "My dog and cat");
    assert_eq!(
        a4,
        Some(AnswerValue::Many(vec![
            walks.clone(),
            friends.clone(),
            AnswerValue::String("My dog and cat".into())
        ]))
    );
    assert_eq!(
        a4.as_ref().and_then(AnswerValue::own_words),
        Some("My dog and cat")
    );
    assert_eq!(
        AnswerValue::with_own_words(a4.as_ref(), "  "),
        Some(AnswerValue::Many(vec![walks.clone(), friends.clone()]))
    );
    assert_eq!(AnswerValue::with_own_words(None, " "), None);
    let only_words = AnswerValue::with_own_words(None, "Sleep");
    assert_eq!(
        AnswerValue::toggled(only_words.as_ref(), &walks, true),
        Some(AnswerValue::Many(vec![
            AnswerValue::String("Sleep".into()),
            walks.clone()
        ]))
    );

    let mut a = Answers::default();
    a.set("helped", a4.clone());
    assert!(validate(&q, &a).is_empty());
    let meta = ResponseMeta {
        language: "en",
        authored: "2026-01-01T00:00:00Z",
    };
    let qr = build(&q, &a, &meta, &|_, o| {
        o.display.as_ref().map(|t| t.base.clone())
    });
    assert_eq!(
        qr["item"][0]["answer"],
        json!([
            {"valueCoding": {"system": "https://c.example", "code": "walks", "display": "Walks"}},
            {"valueCoding": {"system": "https://c.example", "code": "friends", "display": "Friends"}},
            {"valueString": "My dog and cat"}
        ])
    );
    assert_eq!(answers_from(&q, &qr).unwrap(), a);
    let draft = draft_json(&q, &a, &[]);
    let (back, _) = draft_from_json(&q, &draft).unwrap();
    assert_eq!(back, a);
}
