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
