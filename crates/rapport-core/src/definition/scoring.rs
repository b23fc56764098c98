//! Phase two for Rapport's `score` and `flag` extensions on the questionnaire: reads them into
//! [`ScoreRule`]s and [`FlagRule`]s, checking that every score counts only scorable items and
//! every flag looks at a score declared before it.
//!
//! Only reading the rules: computing scores and raising flags from answers is
//! [`crate::scoring`].

use serde_json::{Map, Value};

use super::error::{Allowed, NotScorable, ScoreProblem};
use super::model::{FlagCondition, FlagRule, Item, ItemKind, ScoreMethod, ScoreRule};
use super::parse::{extensions_map, Parser};
use super::ErrorKind;
use crate::ext;

impl Parser {
    pub(super) fn scoring(&mut self, obj: &Map<String, Value>) -> (Vec<ScoreRule>, Vec<FlagRule>) {
        let mut scores: Vec<ScoreRule> = Vec::new();
        let mut flags = Vec::new();
        let score_url = ext("score");
        let flag_url = ext("flag");
        for (eptr, e) in extensions_map(obj, "") {
            let url = e.get("url").and_then(Value::as_str);
            if url == Some(score_url.as_str()) {
                if let Some(rule) = self.score_rule(e, &eptr, &scores) {
                    scores.push(rule);
                }
            } else if url == Some(flag_url.as_str()) {
                if let Some(rule) = self.flag_rule(e, &eptr, &scores) {
                    flags.push(rule);
                }
            }
        }
        (scores, flags)
    }

    fn not_scorable(&mut self, ptr: String, link: &str, why: NotScorable) {
        self.err(
            ptr,
            Some(link),
            ErrorKind::ScoreItem {
                item: link.to_owned(),
                why,
            },
        );
    }

    fn score_rule(
        &mut self,
        e: &Map<String, Value>,
        eptr: &str,
        earlier: &[ScoreRule],
    ) -> Option<ScoreRule> {
        let mut id = None;
        let mut method = ScoreMethod::Sum;
        let mut items = Vec::new();
        let mut min_answered = None;
        let mut rescale = None;
        let mut label = None;
        for (sptr, sub) in extensions_map(e, eptr) {
            match sub.get("url").and_then(Value::as_str) {
                Some("id") => {
                    id = sub
                        .get("valueCode")
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                }
                Some("method") => {
                    method = match sub.get("valueCode").and_then(Value::as_str) {
                        Some("sum") => ScoreMethod::Sum,
                        Some("mean") => ScoreMethod::Mean,
                        Some("prorated-sum") => ScoreMethod::ProratedSum,
                        other => {
                            self.err(
                                sptr,
                                None,
                                ErrorKind::BadValue {
                                    field: "method".into(),
                                    value: other.unwrap_or("(none)").into(),
                                    allowed: Allowed::ScoreMethod,
                                },
                            );
                            return None;
                        }
                    }
                }
                Some("item") => match sub.get("valueString").and_then(Value::as_str) {
                    Some(link) => match self.index.get(link).and_then(|&i| self.items.get(i)) {
                        Some(item) if !self.repeating_groups_around(item.parent).is_empty() => {
                            self.not_scorable(sptr, link, NotScorable::InRepeatingGroup)
                        }
                        Some(item) if scorable(item) => items.push(link.to_owned()),
                        Some(item) if item.repeats => {
                            self.not_scorable(sptr, link, NotScorable::Repeats)
                        }
                        Some(Item {
                            kind: ItemKind::Choice { open: Some(_), .. },
                            ..
                        }) => self.not_scorable(sptr, link, NotScorable::OpenChoice),
                        Some(_) => self.not_scorable(sptr, link, NotScorable::NoPoints),
                        None => self.err(
                            sptr,
                            None,
                            ErrorKind::ScoreItem {
                                item: link.to_owned(),
                                why: NotScorable::NoItem,
                            },
                        ),
                    },
                    None => self.err(
                        sptr,
                        None,
                        ErrorKind::Missing {
                            field: "valueString",
                        },
                    ),
                },
                Some("rescale") => {
                    let bound =
                        |name: &str| sub.get("valueRange")?.get(name)?.get("value")?.as_f64();
                    match (bound("low"), bound("high")) {
                        (Some(low), Some(high)) if low < high => rescale = Some((low, high)),
                        _ => self.err(
                            sptr,
                            None,
                            ErrorKind::BadScoring {
                                why: ScoreProblem::BadRescale,
                            },
                        ),
                    }
                }
                Some("label") => label = self.text(sub, &sptr, "valueString", None),
                Some("minAnswered") => {
                    min_answered = sub
                        .get("valueInteger")
                        .and_then(Value::as_u64)
                        .map(|n| n as usize)
                }
                _ => {}
            }
        }
        let Some(id) = id else {
            self.err(
                eptr,
                None,
                ErrorKind::Missing {
                    field: "score id (valueCode)",
                },
            );
            return None;
        };
        if earlier.iter().any(|s| s.id == id) {
            self.err(
                eptr,
                None,
                ErrorKind::BadScoring {
                    why: ScoreProblem::DeclaredTwice { id: id.clone() },
                },
            );
            return None;
        }
        if items.is_empty() {
            self.err(
                eptr,
                None,
                ErrorKind::BadScoring {
                    why: ScoreProblem::NoItems { id: id.clone() },
                },
            );
            return None;
        }
        let min_answered = min_answered.unwrap_or(items.len()).clamp(1, items.len());
        Some(ScoreRule {
            id,
            method,
            items,
            min_answered,
            rescale,
            label,
        })
    }

    fn flag_rule(
        &mut self,
        e: &Map<String, Value>,
        eptr: &str,
        scores: &[ScoreRule],
    ) -> Option<FlagRule> {
        let mut id = None;
        let mut condition = None;
        let mut score = None;
        let mut threshold = None;
        for (sptr, sub) in extensions_map(e, eptr) {
            match sub.get("url").and_then(Value::as_str) {
                Some("id") => {
                    id = sub
                        .get("valueCode")
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                }
                Some("when") => {
                    condition = match sub.get("valueCode").and_then(Value::as_str) {
                        Some("score-below") => Some(FlagCondition::ScoreBelow),
                        Some("score-at-or-below") => Some(FlagCondition::ScoreAtOrBelow),
                        Some("any-item-at-or-below") => Some(FlagCondition::AnyItemAtOrBelow),
                        Some("any-item-at-minimum") => Some(FlagCondition::AnyItemAtMinimum),
                        Some("drop-from-previous") => Some(FlagCondition::DropFromPrevious),
                        other => {
                            self.err(
                                sptr,
                                None,
                                ErrorKind::BadValue {
                                    field: "when".into(),
                                    value: other.unwrap_or("(none)").into(),
                                    allowed: Allowed::FlagRule,
                                },
                            );
                            return None;
                        }
                    }
                }
                Some("score") => {
                    score = sub
                        .get("valueCode")
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                }
                Some("threshold") => {
                    threshold = sub
                        .get("valueDecimal")
                        .or_else(|| sub.get("valueInteger"))
                        .and_then(Value::as_f64)
                        .filter(|t| t.is_finite())
                }
                _ => {}
            }
        }
        let (Some(id), Some(condition), Some(score)) = (id, condition, score) else {
            self.err(
                eptr,
                None,
                ErrorKind::Missing {
                    field: "flag id, when and score",
                },
            );
            return None;
        };
        if !scores.iter().any(|s| s.id == score) {
            self.err(
                eptr,
                None,
                ErrorKind::BadScoring {
                    why: ScoreProblem::UnknownScore {
                        flag: id.clone(),
                        score: score.clone(),
                    },
                },
            );
            return None;
        }
        if threshold.is_none() && condition != FlagCondition::AnyItemAtMinimum {
            self.err(
                eptr,
                None,
                ErrorKind::Missing {
                    field: "flag threshold",
                },
            );
            return None;
        }
        Some(FlagRule {
            id,
            condition,
            score,
            threshold,
        })
    }
}

/// Whether an item can count in a score: a choice whose options all have points (or are marked
/// `not-applicable`, which counts as missing), or an integer
/// with both bounds; never an item that takes several answers (`repeats`).
pub fn scorable(item: &Item) -> bool {
    if item.repeats {
        return false;
    }
    match &item.kind {
        // An open-choice's own words have no points.
        ItemKind::Choice {
            options,
            open: None,
            ..
        } => {
            options.iter().any(|o| o.score.is_some())
                && options
                    .iter()
                    .all(|o| o.score.is_some() || o.not_applicable)
        }
        ItemKind::Integer {
            min: Some(_),
            max: Some(_),
            ..
        } => true,
        _ => false,
    }
}
