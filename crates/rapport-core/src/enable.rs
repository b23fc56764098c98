//! `enableWhen`: which items are shown, given the answers so far.
//!
//! Rules (documented in `docs/fhir-support.md`): an item is enabled when its parent is enabled
//! (and answered, for a parent that is a question), its conditions hold (all of them, or any
//! with `enableBehavior: any`) and, for an item with an SDC `enableWhenExpression`, the
//! expressions last showed it ([`crate::answers::Answers::shown_by_expression`]). A condition on an
//! unanswered or disabled question is false, except `exists = false`, which is true. The
//! answers of disabled items are ignored everywhere (progress, validation, scores, response).

use std::cmp::Ordering;

use crate::answers::{AnswerValue, Answers};
use crate::definition::{EnableBehavior, EnableWhen, Operator, Questionnaire};

/// Which items are enabled, indexed like [`Questionnaire::items`].
pub fn enabled_items(q: &Questionnaire, answers: &Answers) -> Vec<bool> {
    let mut enabled = vec![false; q.items.len()];
    // Conditions only look at earlier items and parents come before children, so one pass in
    // document order sees every input already decided.
    for (i, item) in q.items.iter().enumerate() {
        // An item nested under a question is asked once that question is answered (FHIR puts
        // its answer inside the question's answer, which needs one).
        let parent_on = item
            .parent
            .map(|p| {
                enabled.get(p).copied().unwrap_or(false)
                    && q.items.get(p).is_some_and(|parent| {
                        !parent.kind.is_question() || answers.get(&parent.link_id).is_some()
                    })
            })
            .unwrap_or(true);
        let own = if item.enable_when.is_empty() {
            true
        } else {
            let check = |c: &EnableWhen| {
                let answer = q
                    .position(&c.question)
                    .filter(|&t| enabled.get(t).copied().unwrap_or(false))
                    .and_then(|_| answers.get(&c.question));
                holds(c, answer)
            };
            match item.enable_behavior {
                EnableBehavior::All => item.enable_when.iter().all(check),
                EnableBehavior::Any => item.enable_when.iter().any(check),
            }
        };
        // An SDC `enableWhenExpression`, as the expressions last worked it out.
        let expressed = !item.enable_expression || answers.shown_by_expression(&item.link_id);
        if let Some(slot) = enabled.get_mut(i) {
            *slot = parent_on && own && expressed;
        }
    }
    enabled
}

/// Whether one condition holds for the (effective) answer of its question. A question with
/// several answers (`repeats`) meets it when any one of them does, as FHIR says.
pub fn holds(c: &EnableWhen, answer: Option<&AnswerValue>) -> bool {
    if c.operator == Operator::Exists {
        let want = matches!(c.answer, AnswerValue::Boolean(true));
        return answer.is_some() == want;
    }
    let Some(answer) = answer else {
        return false;
    };
    answer.values().iter().any(|a| holds_one(c, a))
}

fn holds_one(c: &EnableWhen, answer: &AnswerValue) -> bool {
    let ord = compare(answer, &c.answer);
    match c.operator {
        Operator::Equal => ord == Some(Ordering::Equal),
        Operator::NotEqual => ord != Some(Ordering::Equal),
        Operator::Greater => ord == Some(Ordering::Greater),
        Operator::Less => ord == Some(Ordering::Less),
        Operator::GreaterOrEqual => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
        Operator::LessOrEqual => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
        Operator::Exists => false,
    }
}

fn compare(a: &AnswerValue, b: &AnswerValue) -> Option<Ordering> {
    match (a, b) {
        (
            AnswerValue::Coding {
                system: s1,
                code: c1,
            },
            AnswerValue::Coding {
                system: s2,
                code: c2,
            },
        ) => {
            // A condition without a system matches on the code alone.
            let same_system = s2.is_none() || s1 == s2;
            (same_system && c1 == c2)
                .then_some(Ordering::Equal)
                .or(Some(Ordering::Less))
        }
        (AnswerValue::Boolean(x), AnswerValue::Boolean(y)) => Some(x.cmp(y)),
        (AnswerValue::String(x), AnswerValue::String(y))
        | (AnswerValue::Date(x), AnswerValue::Date(y))
        | (AnswerValue::Time(x), AnswerValue::Time(y)) => Some(x.cmp(y)),
        // The same moment written in two zones is equal: compare instants.
        (AnswerValue::DateTime(x), AnswerValue::DateTime(y)) => {
            match (crate::dates::instant(x), crate::dates::instant(y)) {
                (Some(x), Some(y)) => Some(x.cmp(&y)),
                _ => Some(x.cmp(y)),
            }
        }
        _ => a.as_number()?.partial_cmp(&b.as_number()?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(op: Operator, answer: AnswerValue) -> EnableWhen {
        EnableWhen {
            question: "q".into(),
            operator: op,
            answer,
        }
    }

    #[test]
    fn operators_on_numbers() {
        let five = AnswerValue::Integer(5);
        assert!(holds(
            &cond(Operator::Greater, AnswerValue::Integer(4)),
            Some(&five)
        ));
        assert!(!holds(
            &cond(Operator::Greater, AnswerValue::Integer(5)),
            Some(&five)
        ));
        assert!(holds(
            &cond(Operator::GreaterOrEqual, AnswerValue::Decimal(5.0)),
            Some(&five)
        ));
        assert!(holds(
            &cond(Operator::Less, AnswerValue::Integer(6)),
            Some(&five)
        ));
        assert!(holds(
            &cond(Operator::LessOrEqual, AnswerValue::Integer(5)),
            Some(&five)
        ));
        assert!(holds(
            &cond(Operator::NotEqual, AnswerValue::Integer(4)),
            Some(&five)
        ));
        assert!(holds(
            &cond(Operator::Equal, AnswerValue::Integer(5)),
            Some(&five)
        ));
    }

    #[test]
    fn unanswered_is_false_except_exists_false() {
        assert!(!holds(
            &cond(Operator::NotEqual, AnswerValue::Integer(4)),
            None
        ));
        assert!(holds(
            &cond(Operator::Exists, AnswerValue::Boolean(false)),
            None
        ));
        assert!(!holds(
            &cond(Operator::Exists, AnswerValue::Boolean(true)),
            None
        ));
    }

    #[test]
    fn coding_without_system_matches_code() {
        let a = AnswerValue::Coding {
            system: Some("s".into()),
            code: "yes".into(),
        };
        assert!(holds(
            &cond(
                Operator::Equal,
                AnswerValue::Coding {
                    system: None,
                    code: "yes".into()
                }
            ),
            Some(&a)
        ));
        assert!(!holds(
            &cond(
                Operator::Equal,
                AnswerValue::Coding {
                    system: Some("t".into()),
                    code: "yes".into()
                }
            ),
            Some(&a)
        ));
    }
}
