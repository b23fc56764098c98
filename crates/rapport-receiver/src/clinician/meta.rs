//! What the clinician's pages know about patients and questionnaires beyond the stored rows:
//! the opaque reference of a patient in URLs, and facts of a definition that the widget's core
//! does not need (read from the definition's JSON, so the patient's download does not grow).
//!
//! Nothing here decides a cut-off: thresholds, severities and labels are the definition's.

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
        ItemKind::Choice { options } => {
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
        (ItemKind::Choice { options }, AnswerValue::Coding { code, .. }) => {
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

/// The questionnaire's main score: the one over the most items (the first of those), the
/// others being its sub-scores.
pub fn main_score(q: &Questionnaire) -> Option<&ScoreRule> {
    q.scores.iter().rev().max_by_key(|s| s.items.len())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let ItemKind::Choice { options } = &reversed.kind else {
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
}
