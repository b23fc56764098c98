//! Scores and flags, exactly as the definition declares them (Rapport's `score` and `flag`
//! extensions): subscales, reversed items, totals, the missing-item rule, and flags that prompt
//! the clinician to talk. No rule or cut-off lives in code. Performs no I/O.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::answers::{AnswerValue, Answers};
use crate::definition::{FlagCondition, Item, ItemKind, Questionnaire, ScoreMethod, ScoreRule};
use crate::enable::enabled_items;

/// One computed score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    /// The score's id from the definition.
    pub id: String,
    /// The value, or `null` when too few items were answered (the missing-item rule).
    pub value: Option<f64>,
    /// How many of its items were answered.
    pub answered: usize,
    /// How many items it has.
    pub items: usize,
}

impl Score {
    /// Scores as JSON, exactly as the `Serialize` derive writes them (see
    /// [`crate::envelope::Envelope::to_json`] for why by hand).
    pub fn list_to_json(scores: &[Score]) -> Value {
        Value::Array(
            scores
                .iter()
                .map(|s| {
                    let mut m = Map::new();
                    m.insert("id".into(), Value::from(s.id.as_str()));
                    m.insert("value".into(), s.value.map_or(Value::Null, Value::from));
                    m.insert("answered".into(), Value::from(s.answered));
                    m.insert("items".into(), Value::from(s.items));
                    Value::Object(m)
                })
                .collect(),
        )
    }

    /// The scores of a sent envelope's `scores` array, read back (e.g. from the outbox after a
    /// reload); entries that are not score objects are skipped.
    pub fn list_from_json(scores: &Value) -> Vec<Score> {
        let field =
            |s: &Value, name: &str| s.get(name).and_then(Value::as_u64).unwrap_or(0) as usize;
        scores
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| {
                Some(Score {
                    id: s.get("id")?.as_str()?.to_owned(),
                    value: s.get("value").and_then(Value::as_f64),
                    answered: field(s, "answered"),
                    items: field(s, "items"),
                })
            })
            .collect()
    }
}

/// One raised flag: a prompt for the clinician to talk, not a diagnosis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Flag {
    /// The flag's id from the definition.
    pub id: String,
    /// The score it looks at.
    pub score: String,
    /// The `linkId`s of the items that raised it (for item conditions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
}

impl Flag {
    /// Flags as JSON, exactly as the `Serialize` derive writes them.
    pub fn list_to_json(flags: &[Flag]) -> Value {
        Value::Array(
            flags
                .iter()
                .map(|f| {
                    let mut m = Map::new();
                    m.insert("id".into(), Value::from(f.id.as_str()));
                    m.insert("score".into(), Value::from(f.score.as_str()));
                    if !f.items.is_empty() {
                        let items = f.items.iter().map(|i| Value::from(i.as_str())).collect();
                        m.insert("items".into(), Value::Array(items));
                    }
                    Value::Object(m)
                })
                .collect(),
        )
    }
}

/// The scored value of one answered item (after reversal) and its scale's bounds.
fn item_points(item: &Item, answer: &AnswerValue) -> Option<(f64, f64, f64)> {
    let (value, min, max) = match (&item.kind, answer) {
        (
            ItemKind::Choice { options, .. },
            AnswerValue::Coding { code, .. } | AnswerValue::String(code),
        ) => {
            let points: Vec<f64> = options.iter().filter_map(|o| o.score).collect();
            let min = points.iter().copied().fold(f64::INFINITY, f64::min);
            let max = points.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let v = options.iter().find(|o| &o.code == code)?.score?;
            (v, min, max)
        }
        (
            ItemKind::Integer {
                min: Some(a),
                max: Some(b),
                ..
            },
            AnswerValue::Integer(v),
        ) => (*v as f64, *a as f64, *b as f64),
        _ => return None,
    };
    if !(value.is_finite() && min.is_finite() && max.is_finite()) {
        return None;
    }
    let value = if item.reverse_scored {
        min + max - value
    } else {
        value
    };
    Some((value, min, max))
}

/// Computes every declared score. Answers to disabled items count as missing.
pub fn scores(q: &Questionnaire, answers: &Answers) -> Vec<Score> {
    let enabled = enabled_items(q, answers);
    q.scores
        .iter()
        .map(|rule| {
            let points: Vec<f64> = rule
                .items
                .iter()
                .filter_map(|id| {
                    let pos = q.position(id)?;
                    if !enabled.get(pos).copied().unwrap_or(false) {
                        return None;
                    }
                    item_points(q.items.get(pos)?, answers.get(id)?).map(|(v, _, _)| v)
                })
                .collect();
            let answered = points.len();
            let n = rule.items.len();
            let value = (answered >= rule.min_answered && answered > 0).then(|| {
                let sum: f64 = points.iter().sum();
                let mean = sum / answered as f64;
                let raw = match rule.method {
                    ScoreMethod::Sum => sum,
                    ScoreMethod::Mean => mean,
                    ScoreMethod::ProratedSum => mean * n as f64,
                };
                round(match (rule.rescale, possible_range(q, rule)) {
                    (Some((low, high)), Some((min, max))) if max > min => {
                        low + (raw - min) / (max - min) * (high - low)
                    }
                    _ => raw,
                })
            });
            Score {
                id: rule.id.clone(),
                value,
                answered,
                items: n,
            }
        })
        .collect()
}

/// A score as the patient may see it, when the portal opts in (`show-scores`).
#[derive(Clone, Debug, PartialEq)]
pub struct Shown<'a> {
    /// The score's rule (its id and label).
    pub rule: &'a ScoreRule,
    /// The value rounded to one decimal (what a person reads; the payload keeps four).
    pub value: f64,
    /// The top of the score's range (the rescaled top if it is rescaled).
    pub high: f64,
}

/// The computed scores a patient may see: those with a value and a known range, in the
/// definition's order. Labels are the caller's: a score without one should not be shown.
pub fn shown<'a>(q: &'a Questionnaire, computed: &[Score]) -> Vec<Shown<'a>> {
    q.scores
        .iter()
        .filter_map(|rule| {
            let value = computed.iter().find(|s| s.id == rule.id)?.value?;
            let (_, high) = rule.rescale.or_else(|| possible_range(q, rule))?;
            Some(Shown {
                rule,
                value: (value * 10.0).round() / 10.0,
                high,
            })
        })
        .collect()
}

/// The lowest and highest value a score can take, from its items' lowest and highest points
/// (after reversal the range is the same): the sums of the bounds for `sum` and
/// `prorated-sum`, their means for `mean`. `None` if an item has no bounds.
fn possible_range(q: &Questionnaire, rule: &ScoreRule) -> Option<(f64, f64)> {
    let mut low = 0.0;
    let mut high = 0.0;
    for id in &rule.items {
        let item = q.item(id)?;
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
        if !(min.is_finite() && max.is_finite()) {
            return None;
        }
        low += min;
        high += max;
    }
    let n = rule.items.len() as f64;
    match rule.method {
        ScoreMethod::Mean => Some((low / n, high / n)),
        ScoreMethod::Sum | ScoreMethod::ProratedSum => Some((low, high)),
    }
}

/// Rounds to 4 decimals so that scores compare equal across platforms.
fn round(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

/// Previous score values by score id, as the host passed them (for `drop-from-previous`). A JSON
/// object rather than a typed map: the widget already links `serde_json`'s map, and a second
/// map type would cost kilobytes of WebAssembly. Values that are not numbers count as absent.
pub type PreviousScores = Map<String, Value>;

/// Raises the declared flags. `previous` holds the host-supplied previous score values, by
/// score id, for `drop-from-previous`.
pub fn flags(
    q: &Questionnaire,
    answers: &Answers,
    computed: &[Score],
    previous: &PreviousScores,
) -> Vec<Flag> {
    let enabled = enabled_items(q, answers);
    let mut out = Vec::new();
    for rule in &q.flags {
        let Some(score) = computed.iter().find(|s| s.id == rule.score) else {
            continue;
        };
        let Some(score_rule) = q.scores.iter().find(|s| s.id == rule.score) else {
            continue;
        };
        let threshold = rule.threshold.unwrap_or(0.0);
        let mut items = Vec::new();
        let raised = match rule.condition {
            FlagCondition::ScoreBelow => score.value.is_some_and(|v| v < threshold),
            FlagCondition::ScoreAtOrBelow => score.value.is_some_and(|v| v <= threshold),
            FlagCondition::DropFromPrevious => match (
                score.value,
                previous.get(&rule.score).and_then(Value::as_f64),
            ) {
                // A small allowance so that a drop of exactly the threshold counts despite
                // binary fractions (4.0 - 3.2 is 0.7999…).
                (Some(now), Some(before)) => before - now >= threshold - 1e-9,
                _ => false,
            },
            FlagCondition::AnyItemAtOrBelow | FlagCondition::AnyItemAtMinimum => {
                for id in &score_rule.items {
                    let Some(pos) = q.position(id) else { continue };
                    if !enabled.get(pos).copied().unwrap_or(false) {
                        continue;
                    }
                    let Some(item) = q.items.get(pos) else {
                        continue;
                    };
                    let Some(answer) = answers.get(id) else {
                        continue;
                    };
                    if let Some((v, min, _)) = item_points(item, answer) {
                        let hit = match rule.condition {
                            FlagCondition::AnyItemAtMinimum => v <= min,
                            _ => v <= threshold,
                        };
                        if hit {
                            items.push(id.clone());
                        }
                    }
                }
                !items.is_empty()
            }
        };
        if raised {
            out.push(Flag {
                id: rule.id.clone(),
                score: rule.score.clone(),
                items,
            });
        }
    }
    out
}
