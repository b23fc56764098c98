//! What a clinic's definition says about how a question is shown, besides its text: FHIR's
//! `prefix` ("1.", "a)") and the `entryFormat` extension (a hint such as "YYYY" in an empty
//! field), each with translations.

// Test code may stop loudly; the core's no-panic lints (its Cargo.toml) are for src/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rapport_core::definition::Questionnaire;
use serde_json::json;

fn tr(lang: &str, text: &str) -> serde_json::Value {
    json!({"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/translation",
        "extension": [{"url": "lang", "valueCode": lang}, {"url": "content", "valueString": text}]}]})
}

#[test]
fn prefix_and_entry_format_are_read_with_their_translations() {
    let q = Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire",
        "item": [
            {"linkId": "born", "type": "integer", "prefix": "1.", "_prefix": tr("es", "1)"),
             "text": "In what year were you born?",
             "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/entryFormat",
                            "valueString": "YYYY", "_valueString": tr("es", "AAAA")}]},
            {"linkId": "plain", "type": "string", "text": "Anything else?"}
        ]
    }))
    .unwrap();
    let born = q.item("born").unwrap();
    let es = ["es".to_owned()];
    assert_eq!(
        born.prefix.as_ref().unwrap().resolve(&es, &q.language),
        "1)"
    );
    assert_eq!(born.prefix.as_ref().unwrap().base, "1.");
    assert_eq!(
        born.entry_format
            .as_ref()
            .unwrap()
            .resolve(&es, &q.language),
        "AAAA"
    );
    assert_eq!(born.entry_format.as_ref().unwrap().base, "YYYY");
    let plain = q.item("plain").unwrap();
    assert!(plain.prefix.is_none() && plain.entry_format.is_none());
}

#[test]
fn a_prefix_that_is_not_text_is_a_located_error() {
    let err = Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire",
        "item": [{"linkId": "a", "type": "string", "text": "A?", "prefix": 1}]
    }))
    .unwrap_err();
    assert_eq!(err[0].pointer, "/item/0/prefix");
    assert_eq!(err[0].kind.code(), "wrong-type");
}

#[test]
fn a_numbers_unit_is_read_from_its_display_or_else_its_code_with_translations() {
    let unit = |coding: serde_json::Value| json!([{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-unit", "valueCoding": coding}]);
    let q = Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire",
        "item": [
            {"linkId": "bp", "type": "decimal", "text": "Systolic blood pressure",
             "extension": unit(json!({"display": "mm[Hg]"}))},
            {"linkId": "weight", "type": "integer", "text": "Weight",
             "extension": unit(json!({"system": "http://unitsofmeasure.org", "code": "kg",
                                      "display": "kilograms", "_display": tr("es", "kilogramos")}))},
            {"linkId": "height", "type": "decimal", "text": "Height",
             "extension": unit(json!({"system": "http://unitsofmeasure.org", "code": "cm"}))},
            {"linkId": "note", "type": "string", "text": "Note",
             "extension": unit(json!({"code": "kg"}))},
            {"linkId": "plain", "type": "decimal", "text": "Plain"}
        ]
    }))
    .unwrap();
    let es = ["es".to_owned()];
    let unit_of = |id: &str| {
        q.item(id)
            .unwrap()
            .unit
            .as_ref()
            .map(|t| t.resolve(&es, &q.language).to_owned())
    };
    assert_eq!(unit_of("bp").as_deref(), Some("mm[Hg]"));
    assert_eq!(unit_of("weight").as_deref(), Some("kilogramos"));
    assert_eq!(
        q.item("weight").unwrap().unit.as_ref().unwrap().base,
        "kilograms"
    );
    assert_eq!(unit_of("height").as_deref(), Some("cm"));
    // FHIR's context for the unit is a number (or a quantity): on text it is not read.
    assert_eq!(unit_of("note"), None);
    assert_eq!(unit_of("plain"), None);
}

#[test]
fn a_choices_layout_follows_item_control_and_choice_orientation() {
    use rapport_core::definition::{ChoiceLayout, ItemKind};
    let text: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/choice-layouts.json")).unwrap();
    let mut definition = text["definition"].clone();
    // An open-choice asked as a drop-down keeps its radio buttons and own-words field.
    definition["item"].as_array_mut().unwrap().push(json!({
        "linkId": "other", "type": "open-choice", "text": "Anything else?",
        "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
            "valueCodeableConcept": {"coding": [{"code": "drop-down"}]}}],
        "answerOption": [{"valueCoding": {"code": "no", "display": "No"}}]
    }));
    let q = Questionnaire::from_value(&definition).unwrap();
    let layout = |id: &str| match &q.item(id).unwrap().kind {
        ItemKind::Choice { layout, .. } => *layout,
        other => panic!("{id} is {other:?}"),
    };
    assert_eq!(layout("letters"), ChoiceLayout::DropDown);
    assert_eq!(layout("visit"), ChoiceLayout::DropDown, "autocomplete");
    assert_eq!(layout("week"), ChoiceLayout::Horizontal);
    assert_eq!(
        layout("topics"),
        ChoiceLayout::Vertical,
        "repeats: check boxes"
    );
    assert_eq!(layout("other"), ChoiceLayout::Vertical, "open-choice");
}

#[test]
fn rich_text_is_read_from_text_and_prefix_and_shown_only_in_the_base_language() {
    use rapport_core::rich::{parse, plain, Block, Format, Inline};
    let fixture: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/rich-text.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let q = Questionnaire::from_value(&fixture["definition"]).unwrap();
    let (en, es) = (["en".to_owned()], ["es".to_owned()]);
    let intro = q.item("intro").unwrap().text.as_ref().unwrap();
    let rich = intro.rich_for(&en, &q.language).unwrap();
    assert_eq!(rich.format, Format::Xhtml);
    let blocks = parse(rich).unwrap();
    assert_eq!(
        blocks[0],
        Block::Heading(vec![Inline::Text("Before you start".into())])
    );
    assert!(matches!(&blocks[2], Block::List { ordered: false, items } if items.len() == 2));
    assert!(
        intro.rich_for(&es, &q.language).is_none(),
        "a translation is plain words"
    );
    // A language with no translation falls back to the base text, rich.
    assert!(intro.rich_for(&["fr".to_owned()], &q.language).is_some());

    let hostile = q.item("hostile").unwrap().text.as_ref().unwrap();
    let blocks = parse(hostile.rich.as_ref().unwrap()).unwrap();
    assert_eq!(plain(&blocks), "Safe words. Not a link nor this");
    assert_eq!(
        blocks,
        vec![Block::Paragraph(vec![Inline::Text(
            "Safe words. Not a link nor this".into()
        )])]
    );

    let sleep = q.item("sleep").unwrap();
    let prefix = sleep.prefix.as_ref().unwrap().rich.as_ref().unwrap();
    assert_eq!(prefix.format, Format::Markdown);
    assert_eq!(
        parse(prefix).unwrap(),
        vec![Block::Paragraph(vec![Inline::Strong(vec![Inline::Text(
            "1.".into()
        )])])]
    );
    assert!(sleep
        .text
        .as_ref()
        .unwrap()
        .rich_for(&es, &q.language)
        .is_none());

    let talk = q.item("talk").unwrap().text.as_ref().unwrap();
    let blocks = parse(talk.rich.as_ref().unwrap()).unwrap();
    let Block::Paragraph(words) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert!(words.contains(&Inline::Break));
    let links: Vec<&Inline> = words
        .iter()
        .filter(|i| matches!(i, Inline::Link { .. }))
        .collect();
    assert_eq!(links.len(), 1, "the javascript: link is words only");
}

#[test]
fn rich_text_that_is_not_text_is_a_located_error() {
    let err = Questionnaire::from_value(&json!({
        "resourceType": "Questionnaire",
        "item": [{"linkId": "a", "type": "display", "text": "A",
                  "_text": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/rendering-markdown",
                                           "valueMarkdown": 5}]}}]
    }))
    .unwrap_err();
    assert_eq!(err[0].pointer, "/item/0/_text/extension/0/valueMarkdown");
    assert_eq!(err[0].kind.code(), "wrong-type");
}
