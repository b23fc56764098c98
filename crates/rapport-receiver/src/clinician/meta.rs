//! What the clinician's pages know about patients and questionnaires beyond the stored rows:
//! the opaque reference of a patient in URLs, and facts of a definition that the widget's core
//! does not need (read from the definition's JSON, so the patient's download does not grow).
//!
//! Nothing here decides a cut-off: thresholds, severities and labels are the definition's.

use rapport_core::definition::model::Text;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The reference of a subject in the clinician's URLs (`/clinician/patients/<ref>`): the first
/// 32 hex digits of SHA-256 over `system`, a newline and `value`. Opaque, so a URL neither shows
/// the pseudonymous id nor lets anyone walk ids; whether the viewer may see it is checked on
/// every request (and a subject the viewer may not see answers 404, like one that does not
/// exist).
pub fn patient_ref(system: &str, value: &str) -> String {
    let digest = Sha256::new()
        .chain_update(system.as_bytes())
        .chain_update(b"\n")
        .chain_update(value.as_bytes())
        .finalize();
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

// --- Scores and items ---
//
// The page of one patient (`patient.rs`) draws each score on its possible range with the
// definition's thresholds, and shows each item's answer as scored. The core computes these
// inside `scoring` without exposing them; the same rules are read here from the definition.

use rapport_core::answers::AnswerValue;
use rapport_core::definition::{
    FlagCondition, Item, ItemKind, Questionnaire, ScoreMethod, ScoreRule,
};

/// The lowest and highest points an item can score, from its options' points or its bounded
/// integer range; `None` for items that do not score.
pub fn item_range(item: &Item) -> Option<(f64, f64)> {
    let (min, max) = match &item.kind {
        ItemKind::Choice { options, .. } => {
            let points = options.iter().filter_map(|o| o.score);
            let min = points.clone().fold(f64::INFINITY, f64::min);
            let max = points.fold(f64::NEG_INFINITY, f64::max);
            (min, max)
        }
        ItemKind::Integer {
            min: Some(a),
            max: Some(b),
            ..
        } => (*a as f64, *b as f64),
        _ => return None,
    };
    (min.is_finite() && max.is_finite()).then_some((min, max))
}

/// An answer's points as scores count them (reversed for a `reverse-scored` item); `None`
/// when the answer does not score (free text, an option without points, …).
pub fn item_points(item: &Item, answer: &AnswerValue) -> Option<f64> {
    let (min, max) = item_range(item)?;
    let value = match (&item.kind, answer) {
        (ItemKind::Choice { options, .. }, AnswerValue::Coding { code, .. }) => {
            options.iter().find(|o| &o.code == code)?.score?
        }
        (ItemKind::Integer { .. }, AnswerValue::Integer(v)) => *v as f64,
        _ => return None,
    };
    Some(if item.reverse_scored {
        min + max - value
    } else {
        value
    })
}

/// The range of a score: its `rescale` range when it has one, else its items' lowest and
/// highest points summed (sum, prorated sum) or averaged (mean). `None` when an item has no
/// bounded points.
pub fn score_range(q: &Questionnaire, rule: &ScoreRule) -> Option<(f64, f64)> {
    if let Some(range) = rule.rescale {
        return Some(range);
    }
    let mut low = 0.0;
    let mut high = 0.0;
    for id in &rule.items {
        let (min, max) = item_range(q.item(id)?)?;
        low += min;
        high += max;
    }
    let n = rule.items.len() as f64;
    match rule.method {
        ScoreMethod::Mean if n > 0.0 => Some((low / n, high / n)),
        ScoreMethod::Mean => None,
        ScoreMethod::Sum | ScoreMethod::ProratedSum => Some((low, high)),
    }
}

/// A threshold the definition declares on a score's value (`score-below`,
/// `score-at-or-below`): the flag's id, the value, and whether the value itself raises it.
#[derive(Clone, Debug, PartialEq)]
pub struct Threshold {
    /// The flag's id.
    pub flag: String,
    /// The threshold.
    pub value: f64,
    /// `score-at-or-below` (true) or `score-below` (false).
    pub inclusive: bool,
}

/// The thresholds the definition's flags put on score `score`, in declaration order.
pub fn score_thresholds(q: &Questionnaire, score: &str) -> Vec<Threshold> {
    q.flags
        .iter()
        .filter(|f| f.score == score)
        .filter_map(|f| {
            let inclusive = match f.condition {
                FlagCondition::ScoreBelow => false,
                FlagCondition::ScoreAtOrBelow => true,
                _ => return None,
            };
            Some(Threshold {
                flag: f.id.clone(),
                value: f.threshold?,
                inclusive,
            })
        })
        .collect()
}

// --- Words ---

use super::instrument_words;
use crate::definitions::Loaded;
use rapport_core::bundled;
use rapport_core::definition::AnswerOption;

/// The words of a definition: Fluent for a bundled instrument, the definition's own texts
/// (with their translations) for a clinic's.
pub struct DefinitionWords<'a> {
    /// The definition, if the receiver knows it (else every word is the id given).
    pub loaded: Option<&'a Loaded>,
    /// The viewer's language.
    pub lang: &'a str,
}

impl DefinitionWords<'_> {
    fn bundled(&self, id: &str) -> Option<String> {
        let instrument = self.loaded?.bundled?;
        instrument_words::text(instrument, self.lang, id)
    }

    fn resolve(&self, text: Option<&rapport_core::definition::Text>) -> Option<String> {
        let q = &self.loaded?.questionnaire;
        text.map(|t| t.resolve(&[self.lang.to_owned()], &q.language).to_owned())
    }

    /// The questionnaire's title, else `fallback`.
    pub fn title(&self, fallback: &str) -> String {
        self.bundled(bundled::TITLE_ID)
            .or_else(|| self.resolve(self.loaded?.questionnaire.title.as_ref()))
            .unwrap_or_else(|| fallback.to_owned())
    }

    /// A score's name, else its id.
    pub fn score(&self, id: &str) -> String {
        let rule = self
            .loaded
            .and_then(|l| l.questionnaire.scores.iter().find(|s| s.id == id));
        self.bundled(&bundled::score_id(id))
            .or_else(|| self.resolve(rule.and_then(|r| r.label.as_ref())))
            .unwrap_or_else(|| id.to_owned())
    }

    /// An item's text, else its linkId.
    pub fn item(&self, item: &Item) -> String {
        self.bundled(&bundled::item_id(item))
            .or_else(|| self.resolve(item.text.as_ref()))
            .unwrap_or_else(|| item.link_id.clone())
    }

    /// A number's unit (`questionnaire-unit`), when the item has one.
    pub fn unit(&self, item: &Item) -> Option<String> {
        self.resolve(item.unit.as_ref())
            .or_else(|| item.unit.as_ref().map(|u| u.base.clone()))
    }

    /// An option's text, else its code.
    pub fn option(&self, option: &AnswerOption) -> String {
        self.bundled(&bundled::option_id(option))
            .or_else(|| self.resolve(option.display.as_ref()))
            .unwrap_or_else(|| option.code.clone())
    }
}

// --- Flags ---
//
// Two sub-extensions of Rapport's `flag` extension that only the clinician's view reads, from
// the definition's JSON (the widget's core skips sub-extensions it does not know, so the
// patient's download and the widget are unchanged):
// - `severity` (`valueCode`: `high`, `moderate` or `low`; `moderate` when absent or unknown);
// - `label` (`valueString`, translated with `_valueString` as the score's `label` is): what the
//   clinician reads for the flag.

/// How much a flag asks for attention, as its definition says. Orders most severe first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// `high`.
    High,
    /// `moderate`: also a flag that states none.
    Moderate,
    /// `low`.
    Low,
}

impl Severity {
    /// The `valueCode` of the `severity` sub-extension; `None` for any other text.
    pub fn from_code(code: &str) -> Option<Severity> {
        match code {
            "high" => Some(Severity::High),
            "moderate" => Some(Severity::Moderate),
            "low" => Some(Severity::Low),
            _ => None,
        }
    }

    /// The code, as the definition writes it (and as Fluent ids and CSS classes use it).
    pub fn code(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Moderate => "moderate",
            Severity::Low => "low",
        }
    }
}

/// What a definition says about one of its flags beyond the core's rule.
#[derive(Clone, Debug, PartialEq)]
pub struct FlagFacts {
    /// `severity`, else [`Severity::Moderate`].
    pub severity: Severity,
    /// `label`, with its translations, if given.
    pub label: Option<Text>,
}

/// The facts of flag `flag_id` in a definition's JSON (defaults when the flag or its
/// sub-extensions are not there).
pub fn flag_facts(json: &Value, flag_id: &str) -> FlagFacts {
    let mut facts = FlagFacts {
        severity: Severity::Moderate,
        label: None,
    };
    let flag_url = rapport_core::ext("flag");
    let subs = |e: &Value| -> Vec<Value> {
        e.get("extension")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let flag = json
        .get("extension")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|e| e.get("url").and_then(Value::as_str) == Some(flag_url.as_str()))
        .find(|e| {
            subs(e).iter().any(|s| {
                s.get("url").and_then(Value::as_str) == Some("id")
                    && s.get("valueCode").and_then(Value::as_str) == Some(flag_id)
            })
        });
    let Some(flag) = flag else {
        return facts;
    };
    for sub in subs(flag) {
        match sub.get("url").and_then(Value::as_str) {
            Some("severity") => {
                if let Some(s) = sub
                    .get("valueCode")
                    .and_then(Value::as_str)
                    .and_then(Severity::from_code)
                {
                    facts.severity = s;
                }
            }
            Some("label") => {
                if let Some(base) = sub.get("valueString").and_then(Value::as_str) {
                    facts.label = Some(Text {
                        base: base.to_owned(),
                        translations: translations(sub.get("_valueString")),
                        rich: None,
                    });
                }
            }
            _ => {}
        }
    }
    facts
}

/// The `(language, text)` pairs of FHIR `translation` extensions on a primitive's `_` element.
fn translations(element: Option<&Value>) -> Vec<(String, String)> {
    element
        .and_then(|e| e.get("extension"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|e| e.get("url").and_then(Value::as_str) == Some(rapport_core::EXT_TRANSLATION))
        .filter_map(|e| {
            let subs = e.get("extension")?.as_array()?;
            let get = |name: &str, field: &str| {
                subs.iter()
                    .find(|s| s.get("url").and_then(Value::as_str) == Some(name))
                    .and_then(|s| s.get(field))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            };
            Some((get("lang", "valueCode")?, get("content", "valueString")?))
        })
        .collect()
}

/// The questionnaire's main score: the one over the most items (the first of those), the
/// others being its sub-scores.
pub fn main_score(q: &Questionnaire) -> Option<&ScoreRule> {
    q.scores.iter().rev().max_by_key(|s| s.items.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn patient_refs_are_stable_and_separate_system_from_value() {
        let a = patient_ref("https://portal.example", "p-1");
        assert_eq!(a.len(), 32);
        assert_eq!(a, patient_ref("https://portal.example", "p-1"));
        assert_ne!(a, patient_ref("https://portal.example/", "-1"));
        assert_ne!(a, patient_ref("https://portal.example", "p-2"));
    }

    fn bundled(id: &str) -> Questionnaire {
        rapport_core::bundled::load(id).unwrap().unwrap()
    }

    #[test]
    fn score_ranges_come_from_items_or_rescale() {
        let q = bundled("session-checkin");
        assert_eq!(score_range(&q, &q.scores[0]), Some((0.0, 40.0)));
        let w = bundled("working-together");
        for s in &w.scores {
            assert_eq!(score_range(&w, s), Some((1.0, 5.0)), "{}", s.id);
        }
        assert_eq!(main_score(&w).map(|s| s.id.as_str()), Some("total"));
        let mut rescaled = q.scores[0].clone();
        rescaled.rescale = Some((0.0, 100.0));
        assert_eq!(score_range(&q, &rescaled), Some((0.0, 100.0)));
    }

    #[test]
    fn reversed_items_score_reversed() {
        let w = bundled("working-together");
        let reversed = w.items.iter().find(|i| i.reverse_scored).unwrap();
        let ItemKind::Choice { options, .. } = &reversed.kind else {
            panic!("a choice");
        };
        let lowest = options
            .iter()
            .min_by(|a, b| a.score.partial_cmp(&b.score).unwrap())
            .unwrap();
        let answer = AnswerValue::Coding {
            system: lowest.system.clone(),
            code: lowest.code.clone(),
        };
        assert_eq!(item_points(reversed, &answer), Some(5.0));
        assert_eq!(
            item_points(reversed, &AnswerValue::String("x".into())),
            None
        );
    }

    #[test]
    fn only_score_value_flags_are_thresholds() {
        let q = Questionnaire::from_json(include_str!("../../../../demo/lookalike-session.json"))
            .unwrap();
        assert_eq!(
            score_thresholds(&q, "total"),
            [Threshold {
                flag: "low-total".into(),
                value: 50.0,
                inclusive: false
            }]
        );
        assert!(score_thresholds(&bundled("session-checkin"), "total").is_empty());
    }

    fn flag(id: &str, more: Value) -> Value {
        let mut subs = vec![
            json!({"url": "id", "valueCode": id}),
            json!({"url": "when", "valueCode": "score-below"}),
            json!({"url": "score", "valueCode": "total"}),
            json!({"url": "threshold", "valueDecimal": 3}),
        ];
        subs.extend(more.as_array().cloned().unwrap_or_default());
        json!({"url": rapport_core::ext("flag"), "extension": subs})
    }

    #[test]
    fn flag_severity_and_label_come_from_the_definition() {
        let definition = json!({
            "resourceType": "Questionnaire",
            "extension": [
                flag("plain", json!([])),
                flag("urgent", json!([
                    {"url": "severity", "valueCode": "high"},
                    {"url": "label", "valueString": "Low alliance",
                     "_valueString": {"extension": [{
                         "url": rapport_core::EXT_TRANSLATION,
                         "extension": [
                             {"url": "lang", "valueCode": "de"},
                             {"url": "content", "valueString": "Geringe Allianz"}
                         ]
                     }]}}
                ])),
                flag("minor", json!([{"url": "severity", "valueCode": "low"}])),
                flag("odd", json!([{"url": "severity", "valueCode": "critical"}])),
            ]
        });
        let plain = flag_facts(&definition, "plain");
        assert_eq!(plain.severity, Severity::Moderate);
        assert_eq!(plain.label, None);
        let urgent = flag_facts(&definition, "urgent");
        assert_eq!(urgent.severity, Severity::High);
        let label = urgent.label.expect("a label");
        assert_eq!(label.base, "Low alliance");
        assert_eq!(label.resolve(&["de".to_owned()], "en"), "Geringe Allianz");
        assert_eq!(flag_facts(&definition, "minor").severity, Severity::Low);
        assert_eq!(
            flag_facts(&definition, "odd").severity,
            Severity::Moderate,
            "an unknown code counts as the default"
        );
        assert_eq!(
            flag_facts(&definition, "absent").severity,
            Severity::Moderate
        );
        assert!(Severity::High < Severity::Moderate && Severity::Moderate < Severity::Low);
    }

    #[test]
    fn the_core_still_reads_a_flag_with_severity_and_label() {
        let definition = json!({
            "resourceType": "Questionnaire",
            "status": "active",
            "extension": [
                {"url": rapport_core::ext("score"), "extension": [
                    {"url": "id", "valueCode": "total"},
                    {"url": "item", "valueString": "q1"}
                ]},
                flag("urgent", json!([
                    {"url": "severity", "valueCode": "high"},
                    {"url": "label", "valueString": "Low alliance"}
                ]))
            ],
            "item": [{"linkId": "q1", "text": "How was it?", "type": "integer",
                      "extension": [
                          {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0},
                          {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 10}
                      ]}]
        });
        let q = rapport_core::definition::Questionnaire::from_json(&definition.to_string())
            .expect("the core ignores the clinician's sub-extensions");
        assert_eq!(q.flags.len(), 1);
        assert_eq!(q.flags[0].id, "urgent");
        assert_eq!(q.flags[0].threshold, Some(3.0));
    }
}
