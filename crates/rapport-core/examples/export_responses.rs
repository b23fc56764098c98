//! Writes QuestionnaireResponses built by the core, for an independent FHIR validator
//! (`scripts/validate_fhir.py`, run by `cargo xtask test`).
//!
//! `cargo run -p rapport-core --example export_responses -- OUT_DIR DEFINITION.json...`
//! (a definition, or a test fixture whose `definition` is taken, or a ValueSet file: copied
//! as `NAME.valueset.json` for the validator, and given to the definitions that name it by
//! canonical URL, `url` or `url|version`, as the receiver gives its ValueSet files).
//! For every bundled questionnaire and every definition named, it writes the definition and a
//! few responses answering its questions in different ways (every question, only the required
//! ones, with follow-up questions shown and hidden).

// A test tool (run by `cargo xtask test`) may stop loudly; the no-panic lints are for src/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::path::Path;

use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::{ItemKind, Questionnaire};
use rapport_core::response::{build, ResponseMeta};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .ok_or("usage: export_responses OUT_DIR [DEFINITION.json...]")?;
    let out = Path::new(&out);
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut definitions: Vec<(String, String)> = rapport_core::bundled::INSTRUMENTS
        .iter()
        .map(|b| (b.id.to_owned(), b.json.to_owned()))
        .collect();
    let mut value_sets: Vec<serde_json::Value> = Vec::new();
    for path in args {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
            if v["resourceType"] == "ValueSet" {
                let stem = Path::new(&path).file_stem().unwrap().to_string_lossy();
                std::fs::write(out.join(format!("{stem}.valueset.json")), &text)
                    .map_err(|e| e.to_string())?;
                value_sets.push(v);
                continue;
            }
        }
        // A test fixture (tests/fixtures/*.json) gives its `definition`.
        let text = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(v) if v.get("definition").is_some() => v["definition"].to_string(),
            _ => text,
        };
        let name = Path::new(&path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or(path.clone());
        definitions.push((name, text));
    }
    let mut written = 0;
    for (name, text) in definitions {
        let q = load(&text, &value_sets).map_err(|errors| {
            let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
            format!("{name}: {}", shown.join("; "))
        })?;
        std::fs::write(out.join(format!("{name}.questionnaire.json")), &text)
            .map_err(|e| e.to_string())?;
        for variant in 0..4 {
            let answers = answer(&q, variant);
            let meta = ResponseMeta {
                language: if variant % 2 == 0 { "en" } else { "es" },
                authored: "2026-11-22T10:42:00.000Z",
            };
            let display = |_: &_, o: &rapport_core::definition::AnswerOption| {
                Some(format!("Option {}", o.code))
            };
            let qr = build(&q, &answers, &meta, &display);
            let file = out.join(format!("{name}.response-{variant}.json"));
            let body = serde_json::to_string_pretty(&qr).map_err(|e| e.to_string())?;
            std::fs::write(&file, body).map_err(|e| format!("{}: {e}", file.display()))?;
            written += 1;
        }
    }
    println!("wrote {written} responses to {}", out.display());
    Ok(())
}

/// `text`'s definition, with the ValueSets its canonical `answerValueSet`s name.
fn load(
    text: &str,
    value_sets: &[serde_json::Value],
) -> Result<Questionnaire, Vec<rapport_core::definition::DefinitionError>> {
    let errors = match Questionnaire::from_json(text) {
        Ok(q) => return Ok(q),
        Err(errors) => errors,
    };
    let needed = rapport_core::definition::needed_value_sets(&errors);
    if needed.is_empty() {
        return Err(errors);
    }
    let given: Vec<(String, serde_json::Value)> = needed
        .into_iter()
        .filter_map(|reference| {
            let (url, version) = match reference.split_once('|') {
                Some((u, v)) => (u, Some(v)),
                None => (reference.as_str(), None),
            };
            let vs = value_sets.iter().find(|vs| {
                vs["url"] == url && version.is_none_or(|v| vs["version"].as_str() == Some(v))
            })?;
            Some((reference.clone(), vs.clone()))
        })
        .collect();
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| errors.clone())?;
    Questionnaire::from_value_with(&value, &given)
}

/// Answers in one of four ways: 0 every question (first option, lowest value), 1 only required
/// ones (last option, highest value), 2 every question (middle values, yes), 3 every question
/// (no, free text with non-Latin script, an open-choice's own words). A question that repeats
/// gets every option in way 2.
fn answer(q: &Questionnaire, variant: usize) -> Answers {
    let mut answers = Answers::new();
    for item in &q.items {
        if variant == 1 && !item.required {
            continue;
        }
        let value = match &item.kind {
            // An open-choice answered in words of the patient's own, in way 3.
            ItemKind::Choice { open: Some(_), .. } if variant == 3 => {
                Some(AnswerValue::String("Музыка и прогулки".into()))
            }
            ItemKind::Choice { options, .. } => {
                let pick = match variant {
                    1 => options.last(),
                    2 => options.get(options.len() / 2),
                    _ => options.first(),
                };
                let coding = |o: &rapport_core::definition::AnswerOption| AnswerValue::Coding {
                    system: o.system.clone(),
                    code: o.code.clone(),
                };
                match (item.repeats, variant) {
                    // Check boxes: every option ticked, or the one picked.
                    (true, 2) => Some(AnswerValue::Many(options.iter().map(coding).collect())),
                    (true, _) => pick.map(|o| AnswerValue::Many(vec![coding(o)])),
                    _ => pick.map(coding),
                }
            }
            ItemKind::Integer { min, max, .. } => {
                let (lo, hi) = (min.unwrap_or(0), max.unwrap_or(10));
                Some(AnswerValue::Integer(match variant {
                    1 => hi,
                    2 => lo + (hi - lo) / 2,
                    _ => lo,
                }))
            }
            ItemKind::Decimal { min, max } => Some(AnswerValue::Decimal(match variant {
                1 => max.unwrap_or(9.5),
                _ => min.unwrap_or(0.0) + 0.25,
            })),
            ItemKind::Boolean => Some(AnswerValue::Boolean(variant != 3)),
            ItemKind::String { .. } | ItemKind::Text { .. } => {
                Some(AnswerValue::String(if variant == 3 {
                    "وقت أطول للحديث".into()
                } else {
                    "More time to talk.".into()
                }))
            }
            ItemKind::Date => Some(AnswerValue::Date(
                if variant == 1 {
                    "2024-02-29"
                } else {
                    "2026-12-05"
                }
                .into(),
            )),
            ItemKind::DateTime => Some(AnswerValue::DateTime(
                if variant == 1 {
                    "2026-07-05T09:15:00-05:30"
                } else {
                    "2026-12-05T14:30:00+01:00"
                }
                .into(),
            )),
            ItemKind::Time => Some(AnswerValue::Time(
                if variant == 1 { "23:59:59" } else { "14:30:00" }.into(),
            )),
            ItemKind::Quantity { units } => units.first().map(|u| AnswerValue::Quantity {
                value: if variant == 1 { 0.5 } else { 72.5 },
                system: u.system.clone(),
                code: u.code.clone(),
            }),
            ItemKind::Group | ItemKind::Display => None,
        };
        answers.set(&item.link_id, value);
    }
    answers
}
