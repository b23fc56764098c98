//! A made-up history of answers for the demo patients, so that the clinician's view of
//! `cargo xtask demo` has something to show (`--demo-history`, with `--demo` only), and for the
//! clinician's benchmark (`examples/clinician_bench.rs`: 50 patients, a year of weekly answers).
//!
//! Every record is built by the core from answers, exactly as the widget builds an envelope,
//! then checked against its definition and filed like a POST would file it (the flags of a
//! subject's history computed by the store from its previous record). Only the times are
//! chosen: a weekly `session-checkin` and a four-weekly `working-together`, going back `weeks`
//! weeks from now. Each patient follows a [`Story`]; nothing is random, so the same plan always
//! gives the same scores. None of it is about a real person.

use std::sync::Arc;

use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::{scorable, ItemKind, Questionnaire};
use rapport_core::envelope::{take_subject_token, Envelope, EnvelopeMeta};
use rapport_core::scoring::PreviousScores;
use rapport_core::subject::SubjectClaims;
use serde_json::Value;
use time::{Duration, OffsetDateTime};

use crate::api::{self, rfc3339};
use crate::canonical::canonical_json;
use crate::definitions::Definitions;
use crate::demo::{DemoPortal, DEMO_ISSUER};
use crate::store::{NewRecord, Outcome, Receipt, Store};
use crate::subject::Subject;

/// How a made-up patient's sense of working together goes, as a level from 0 (worst) to 1
/// (best) of each scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Story {
    /// About the same level all along.
    Steady(f64),
    /// Steady at `from`, then at `to` for the last `sessions` sessions (a rupture).
    DropsAtEnd { from: f64, to: f64, sessions: u32 },
    /// Steady, then no answers for the last `weeks` weeks.
    Stopped { level: f64, weeks: u32 },
}

/// One made-up patient: who (as the demo portal's token says) and how the answers go.
#[derive(Clone, Debug)]
pub struct Patient {
    /// The subject: id, label and care team.
    pub who: crate::demo::Patient,
    /// How the answers go.
    pub story: Story,
}

impl Story {
    /// The level in week `week` of `weeks` (0 the oldest), or none when no answers are given
    /// that week. A small wobble, the same for the same week and item, keeps lines alive.
    fn level(self, week: u32, weeks: u32, item: usize) -> Option<f64> {
        let wobble = (((week as usize * 7 + item * 3) % 5) as f64 - 2.0) * 0.03;
        let left = weeks - 1 - week;
        let base = match self {
            Story::Steady(l) => l,
            Story::DropsAtEnd { from, to, sessions } => {
                if left < sessions {
                    to
                } else {
                    from
                }
            }
            Story::Stopped { level, weeks } => {
                if left < weeks {
                    return None;
                }
                level
            }
        };
        Some((base + wobble).clamp(0.0, 1.0))
    }
}

/// Answers at `level` for every scorable item of `q` (reversed items answered the other way
/// round, so the score follows the level).
fn answers_at(q: &Questionnaire, level: &dyn Fn(usize) -> f64) -> Answers {
    let mut answers = Answers::new();
    for (i, item) in q.items.iter().enumerate() {
        if !scorable(item) {
            continue;
        }
        let l = if item.reverse_scored {
            1.0 - level(i)
        } else {
            level(i)
        };
        let value = match &item.kind {
            ItemKind::Integer {
                min: Some(lo),
                max: Some(hi),
                ..
            } => Some(AnswerValue::Integer(
                lo + ((hi - lo) as f64 * l).round() as i64,
            )),
            ItemKind::Choice { options, .. } => {
                let scored: Vec<_> = options.iter().filter(|o| !o.not_applicable).collect();
                let points = |o: &&rapport_core::definition::AnswerOption| o.score.unwrap_or(0.0);
                let lo = scored.iter().map(points).fold(f64::INFINITY, f64::min);
                let hi = scored.iter().map(points).fold(f64::NEG_INFINITY, f64::max);
                let want = lo + (hi - lo) * l;
                scored
                    .iter()
                    .min_by(|a, b| {
                        (points(a) - want)
                            .abs()
                            .total_cmp(&(points(b) - want).abs())
                    })
                    .map(|o| AnswerValue::Coding {
                        system: o.system.clone(),
                        code: o.code.clone(),
                    })
            }
            _ => None,
        };
        answers.set(&item.link_id, value);
    }
    answers
}

/// Writes the history of `patients` for the last `weeks` weeks before `now` into `store`, each
/// envelope carrying a token of the demo `portal` (checked like a POST's, then left out, as a
/// POST's is). Returns how many records were stored. Records already there (same made-up key)
/// are left as they are, so running it twice adds nothing.
pub async fn seed(
    store: &Store,
    definitions: &Arc<Definitions>,
    portal: &DemoPortal,
    patients: &[Patient],
    weeks: u32,
    now: OffsetDateTime,
) -> Result<usize, String> {
    let plan = [("session-checkin", 1u32), ("working-together", 4u32)];
    let mut stored = 0;
    for (instrument, every) in plan {
        let loaded = definitions
            .loaded(instrument, &version_of(definitions, instrument)?)
            .ok_or_else(|| format!("demo history: no definition of {instrument}"))?;
        let q = &loaded.questionnaire;
        for (p, patient) in patients.iter().enumerate() {
            for week in (0..weeks).filter(|w| (weeks - 1 - w).is_multiple_of(every)) {
                let Some(_) = patient.story.level(week, weeks, 0) else {
                    continue;
                };
                let at = now - Duration::weeks(i64::from(weeks - week)) + Duration::hours(2)
                    - Duration::minutes(p as i64 * 7);
                let answers = answers_at(q, &|item| {
                    patient.story.level(week, weeks, item).unwrap_or(0.5)
                });
                let key = made_up_key(&patient.who.id, instrument, week);
                let token = portal
                    .mint_for(&patient.who, at.unix_timestamp())
                    .map_err(|e| format!("demo history: token not made: {e}"))?;
                let record = record(
                    q,
                    (instrument, &loaded.version),
                    &token,
                    patient,
                    &answers,
                    &key,
                    at,
                )?;
                let receipt = Receipt {
                    id: uuid::Uuid::new_v4().to_string(),
                    idempotency_key: key,
                    received_at: rfc3339(at),
                };
                match store.insert(&record, receipt).await {
                    Ok(Outcome::Created(_)) => stored += 1,
                    Ok(_) => {}
                    Err(e) => return Err(format!("demo history not stored: {e}")),
                }
            }
        }
    }
    Ok(stored)
}

/// The version the bundled instrument `id` is loaded with.
fn version_of(definitions: &Definitions, id: &str) -> Result<String, String> {
    definitions
        .all()
        .iter()
        .find(|l| l.bundled == Some(id))
        .map(|l| l.version.clone())
        .ok_or_else(|| format!("demo history: {id} is not bundled"))
}

/// A UUID made from the patient, instrument and week, so a second seeding finds its records.
fn made_up_key(patient: &str, instrument: &str, week: u32) -> String {
    use sha2::{Digest, Sha256};
    let name = format!("{DEMO_ISSUER}\n{patient}\n{instrument}\n{week}");
    let digest = Sha256::digest(name.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    // Shaped as a version-4 UUID (the form the widget's keys have), from the hash, not chance.
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// The record a POST of these answers would be filed as.
fn record(
    q: &Questionnaire,
    (instrument, version): (&str, &str),
    token: &str,
    patient: &Patient,
    answers: &Answers,
    key: &str,
    at: OffsetDateTime,
) -> Result<NewRecord, String> {
    let submitted_at = rfc3339(at);
    let meta = EnvelopeMeta {
        idempotency_key: key,
        instrument_id: instrument,
        version,
        language: "en",
        translation_status: "source",
        submitted_at: &submitted_at,
        previous_scores: &PreviousScores::new(),
        context: &Value::Null,
        subject: None,
        widget_version: Some(env!("CARGO_PKG_VERSION")),
    };
    let claims = SubjectClaims {
        iss: DEMO_ISSUER.to_owned(),
        sub: patient.who.id.clone(),
    };
    let meta = EnvelopeMeta {
        subject: Some((token, &claims)),
        ..meta
    };
    let mut value = Envelope::build(q, answers, &meta, &|_, _| None).to_json();
    let (envelope, history) = api::check_known(q, &value)?;
    // As a POST is stored: without the token (a credential).
    take_subject_token(&mut value);
    let (canonical, body_sha256) =
        canonical_json(&value).map_err(|e| format!("demo history: {e}"))?;
    Ok(NewRecord {
        idempotency_key: key.to_owned(),
        body_sha256,
        instrument_id: instrument.to_owned(),
        instrument_version: version.to_owned(),
        language: "en".to_owned(),
        envelope: canonical,
        verified: true,
        subject: Some(Subject {
            system: DEMO_ISSUER.to_owned(),
            value: patient.who.id.clone(),
            verified: true,
            name: Some(patient.who.name.clone()),
            care_team: Some(patient.who.care_team.clone()),
            episode: None,
        }),
        scores: serde_json::to_string(&envelope.scores).unwrap_or_else(|_| "[]".into()),
        flags: serde_json::to_string(&envelope.flags).unwrap_or_else(|_| "[]".into()),
        previous_scores_from: None,
        history,
    })
}

/// The demo portal's patients (`demo/patients.json`) with their stories: the first drops in
/// the last session (the alliance slipping), the second stays steady, the third stopped answering six
/// weeks ago; further patients take these stories in turn.
pub fn demo_patients(portal: &[crate::demo::Patient]) -> Vec<Patient> {
    portal
        .iter()
        .enumerate()
        .map(|(i, p)| Patient {
            who: p.clone(),
            story: story(i),
        })
        .collect()
}

/// The `i`-th story of the rotation [`demo_patients`] uses.
pub fn story(i: usize) -> Story {
    match i % 3 {
        0 => Story::DropsAtEnd {
            from: 0.8,
            to: 0.35,
            sessions: 1,
        },
        1 => Story::Steady(0.85),
        _ => Story::Stopped {
            level: 0.7,
            weeks: 6,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_follow_their_plot() {
        let drop = story(0);
        assert!(drop.level(0, 10, 0).unwrap() > 0.7);
        assert!(drop.level(9, 10, 0).unwrap() < 0.45);
        assert!(drop.level(8, 10, 0).unwrap() > 0.7);
        let stopped = story(2);
        assert!(stopped.level(3, 10, 0).is_some());
        assert!(stopped.level(4, 10, 0).is_none());
        for w in 0..10 {
            let l = story(1).level(w, 10, w as usize).unwrap();
            assert!((0.78..=0.92).contains(&l), "{l}");
        }
    }

    #[test]
    fn made_up_keys_are_uuids_and_stable() {
        let a = made_up_key("p", "session-checkin", 3);
        assert!(rapport_core::envelope::is_uuid(&a));
        assert_eq!(a, made_up_key("p", "session-checkin", 3));
        assert_ne!(a, made_up_key("p", "session-checkin", 4));
    }
}
