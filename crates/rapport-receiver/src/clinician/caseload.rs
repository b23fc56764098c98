//! The caseload on the clinician's home page (issue 16, a first cut of point 2): the subjects
//! this [`Viewer`] sees, each with its label (the portal's, else the pseudonymous id), when it
//! last answered, the latest scores per questionnaire and how many open alerts it has
//! ([`super::alerts`]). Patients with open alerts come first, then the most recent. Reads no
//! envelope (no answers).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::chart::number;
use super::meta::{main_score, score_range, DefinitionWords};
use super::Viewer;
use crate::store::SubjectLatest;
use rapport_core::scoring::Score;

/// The table the home page shows.
#[derive(Clone, Debug, Serialize)]
pub struct Table {
    /// Column headings and the empty text, in the viewer's language.
    pub words: BTreeMap<&'static str, String>,
    /// One row per patient.
    pub rows: Vec<Row>,
}

/// One patient.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Row {
    /// The portal's label, else the pseudonymous id.
    pub label: String,
    /// The day of the latest answers (`YYYY-MM-DD`, UTC).
    pub last_answered: String,
    /// `instrument: score value` for each questionnaire's latest answers.
    pub scores: Vec<String>,
    /// `instrument: flag` for the flags of each questionnaire's latest answers.
    pub flags: Vec<String>,
    /// The patient's page (`/clinician/patients/<ref>`).
    pub href: String,
    /// How many open alerts the patient has.
    pub open_alerts: usize,
}

/// What the caseload says of one record's scores: for each questionnaire, its title and main
/// score (the one over the most items) out of the top of the score's range, in the viewer's
/// words, e.g. "After your session: 14 of 40". A questionnaire the receiver does not know shows
/// each score by id.
pub fn describe(
    definitions: &crate::Definitions,
    lang: &str,
    t: super::Tr<'_>,
    r: &SubjectLatest,
) -> Vec<String> {
    let id = r.instrument_id.as_deref().unwrap_or("?");
    let loaded = definitions
        .all()
        .iter()
        .rev()
        .find(|l| l.ids.iter().any(|i| i == id));
    let words = DefinitionWords { loaded, lang };
    let title = words.title(id);
    let main = loaded.and_then(|l| Some((l, main_score(&l.questionnaire)?)));
    Score::list_from_json(&r.scores)
        .into_iter()
        .filter(|s| main.is_none_or(|(_, m)| m.id == s.id))
        .filter_map(|s| {
            let value = number(s.value?);
            let top = main.and_then(|(l, m)| score_range(&l.questionnaire, m));
            Some(match top {
                Some((_, high)) => t(
                    "caseload-score-of",
                    &[
                        ("title", &title),
                        ("value", &value),
                        ("high", &number(high)),
                    ],
                ),
                None => t(
                    "caseload-score",
                    &[
                        ("title", &title),
                        ("score", &words.score(&s.id)),
                        ("value", &value),
                    ],
                ),
            })
        })
        .collect()
}

impl Table {
    /// The rows `viewer` may see among `latest` (see [`crate::store::Store::latest_by_subject`]);
    /// `open(system, value)` counts a patient's open alerts; `t` gives the words.
    pub fn new(
        viewer: &Viewer,
        latest: &[SubjectLatest],
        open: &dyn Fn(&str, &str) -> usize,
        describe: &dyn Fn(&SubjectLatest) -> Vec<String>,
        t: &dyn Fn(&str) -> String,
    ) -> Table {
        // (system, value) → (latest received_at, row); the care team of the newest record wins.
        let mut patients: BTreeMap<(&str, &str), (String, Row, Vec<String>)> = BTreeMap::new();
        for r in latest {
            let entry = patients
                .entry((r.system.as_str(), r.value.as_str()))
                .or_insert_with(|| {
                    (
                        String::new(),
                        Row {
                            label: String::new(),
                            last_answered: String::new(),
                            scores: Vec::new(),
                            flags: Vec::new(),
                            href: format!(
                                "/clinician/patients/{}",
                                super::meta::patient_ref(&r.system, &r.value)
                            ),
                            open_alerts: open(&r.system, &r.value),
                        },
                        Vec::new(),
                    )
                });
            if r.received_at >= entry.0 {
                entry.0 = r.received_at.clone();
                entry.1.label = r.name.clone().unwrap_or_else(|| r.value.clone());
                entry.1.last_answered = r.received_at.chars().take(10).collect();
                entry.2 = r.care_team.clone();
            }
            entry.1.scores.extend(describe(r));
            let instrument = r.instrument_id.as_deref().unwrap_or("?");
            for f in r.flags.as_array().into_iter().flatten() {
                if let Some(id) = f.get("id").and_then(Value::as_str) {
                    entry.1.flags.push(format!("{instrument}: {id}"));
                }
            }
        }
        let mut rows: Vec<(String, Row)> = patients
            .into_values()
            .filter(|(_, _, team)| viewer.sees(team))
            .map(|(at, row, _)| (at, row))
            .collect();
        rows.sort_by(|a, b| (b.1.open_alerts > 0, &b.0).cmp(&(a.1.open_alerts > 0, &a.0)));
        let words = [
            ("heading", "caseload-heading"),
            ("patient", "caseload-patient"),
            ("last", "caseload-last-answered"),
            ("scores", "caseload-scores"),
            ("flags", "caseload-flags"),
            ("none", "caseload-none"),
            ("empty", "caseload-empty"),
        ]
        .into_iter()
        .map(|(k, id)| (k, t(id)))
        .collect();
        Table {
            words,
            rows: rows.into_iter().map(|(_, r)| r).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn latest(value: &str, team: &[&str], at: &str, flags: Value) -> SubjectLatest {
        SubjectLatest {
            system: "https://portal.example".into(),
            value: value.into(),
            name: (value != "p-anon").then(|| format!("Patient {value}")),
            care_team: team.iter().map(|s| (*s).to_owned()).collect(),
            instrument_id: Some("session-checkin".into()),
            scores: json!([{"id": "total", "value": 12.5, "answered": 4, "items": 4}]),
            flags,
            received_at: at.into(),
        }
    }

    #[test]
    fn lists_only_the_viewers_patients_flagged_first() {
        let v = Viewer {
            clinician_id: "c1".into(),
            name: "Dr. One".into(),
            whole_clinic: false,
            csrf: String::new(),
        };
        let all = [
            latest("p1", &["c1"], "2026-01-02T10:00:00.000Z", json!([])),
            latest(
                "p2",
                &["c2"],
                "2026-01-03T10:00:00.000Z",
                json!([{"id": "low", "score": "total"}]),
            ),
            latest(
                "p3",
                &["c1", "c2"],
                "2026-01-01T10:00:00.000Z",
                json!([{"id": "dropped", "score": "total"}]),
            ),
            latest("p-anon", &["c1"], "2026-01-04T10:00:00.000Z", Value::Null),
        ];
        // Open alerts order the rows, not the flags of the latest answers.
        let open = |_: &str, value: &str| match value {
            "p3" => 2,
            "p1" => 1,
            _ => 0,
        };
        let defs = crate::Definitions::bundled().unwrap();
        let words = |id: &str, args: &[(&str, &str)]| format!("{id}{args:?}");
        let describe = |r: &SubjectLatest| describe(&defs, "en", &words, r);
        let t = Table::new(&v, &all, &open, &describe, &|id| id.to_owned());
        let labels: Vec<_> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Patient p1", "Patient p3", "p-anon"]);
        assert_eq!(t.rows[1].flags, ["session-checkin: dropped"]);
        assert_eq!(t.rows[1].open_alerts, 2);
        // The bundled title and the top of the total's range (four items of 0 to 10).
        assert_eq!(
            t.rows[1].scores,
            [
                r#"caseload-score-of[("title", "After your session"), ("value", "12.5"), ("high", "40")]"#
            ]
        );
        assert_eq!(t.rows[1].last_answered, "2026-01-01");
        assert_eq!(t.rows[2].open_alerts, 0);
        let lead = Viewer {
            whole_clinic: true,
            ..v
        };
        assert_eq!(
            Table::new(&lead, &all, &open, &describe, &|id| id.to_owned())
                .rows
                .len(),
            4
        );
    }

    #[test]
    fn an_unknown_questionnaire_shows_each_score_by_id() {
        let mut r = latest("p", &[], "2026-01-01T10:00:00.000Z", Value::Null);
        r.instrument_id = Some("clinic-own".into());
        r.scores = json!([{"id": "a", "value": 1.5}, {"id": "b", "value": null}]);
        let words = |id: &str, args: &[(&str, &str)]| format!("{id}{args:?}");
        assert_eq!(
            describe(&crate::Definitions::empty(), "en", &words, &r),
            [r#"caseload-score[("title", "clinic-own"), ("score", "a"), ("value", "1.5")]"#]
        );
    }
}
