//! Checks answers against a definition. Checking is not failing: the result is a list of
//! [`Issue`]s, each with the item's `linkId` and an [`IssueCode`] that the widget maps to a
//! Fluent message (`issue-required`, …). No English here. Performs no I/O.

use crate::answers::{AnswerValue, Answers};
use crate::definition::{Item, ItemKind, Questionnaire};
use crate::enable::enabled_items;

/// One problem with one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// The question's `linkId`.
    pub link_id: String,
    /// What is wrong.
    pub code: IssueCode,
}

/// What is wrong with an answer. Numbers are the limits the message needs.
#[derive(Clone, Debug, PartialEq)]
pub enum IssueCode {
    /// A required question has no answer.
    Required,
    /// The number is below the minimum.
    BelowMin { min: f64 },
    /// The number is above the maximum.
    AboveMax { max: f64 },
    /// The text is longer than allowed (`max` characters).
    TooLong { max: usize },
    /// The text is shorter than asked (`min` characters, FHIR's `minLength`).
    TooShort { min: usize },
    /// The text does not fit the pattern the question gives (FHIR's `regex`).
    NoMatch,
    /// The answer breaks a constraint of the question (SDC `targetConstraint`): `index` in
    /// [`crate::definition::Questionnaire::constraints`], whose words say what is wanted.
    Constraint { index: usize },
    /// A whole number was expected.
    NotWholeNumber,
    /// A number was expected.
    NotNumber,
    /// The answer does not fit the question's type (or names no option).
    WrongType,
    /// A real calendar day was expected.
    NotDate,
    /// A time of day was expected.
    NotTime,
    /// A date and a time were expected.
    NotDateTime,
    /// A number was given for a quantity whose unit the patient writes, without its unit.
    NoUnit,
}

impl IssueCode {
    /// The Fluent message id the widget shows for this issue.
    pub fn fluent_id(&self) -> &'static str {
        match self {
            IssueCode::Required => "issue-required",
            IssueCode::BelowMin { .. } => "issue-below-min",
            IssueCode::AboveMax { .. } => "issue-above-max",
            IssueCode::TooLong { .. } => "issue-too-long",
            IssueCode::TooShort { .. } => "issue-too-short",
            IssueCode::NoMatch => "issue-no-match",
            IssueCode::Constraint { .. } => "issue-constraint",
            IssueCode::NotWholeNumber => "issue-not-whole-number",
            IssueCode::NotNumber => "issue-not-number",
            IssueCode::WrongType => "issue-wrong-type",
            IssueCode::NotDate => "issue-not-date",
            IssueCode::NotTime => "issue-not-time",
            IssueCode::NotDateTime => "issue-not-date-time",
            IssueCode::NoUnit => "issue-no-unit",
        }
    }

    /// A stable code for machines (the receiver's 422 body).
    pub fn code(&self) -> &'static str {
        self.fluent_id().trim_start_matches("issue-")
    }
}

/// Checks every enabled question, in document order. Answers to disabled items are ignored.
pub fn validate(q: &Questionnaire, answers: &Answers) -> Vec<Issue> {
    let enabled = enabled_items(q, answers);
    let mut issues = Vec::new();
    for (i, item) in q.items.iter().enumerate() {
        let on = enabled.get(i).copied().unwrap_or(false);
        // A group's constraint (SDC `targetConstraint`) the definition's FHIRPath found broken.
        if let (ItemKind::Group, true, Some(index)) =
            (&item.kind, on, answers.broken(&item.link_id))
        {
            issues.push(Issue {
                link_id: item.link_id.clone(),
                code: IssueCode::Constraint { index },
            });
        }
        // A calculated value is worked out, a read-only one given (checked when the definition
        // is read, and by `envelope::verify`): not the patient's, nothing to check.
        if !item.kind.is_question() || !item.asked() || !on {
            continue;
        }
        let issue = |code| Issue {
            link_id: item.link_id.clone(),
            code,
        };
        let code = match answers.get(&item.link_id) {
            None => item.required.then_some(IssueCode::Required),
            Some(answer) => check_item_answer(item, answer),
        };
        // A constraint the definition's FHIRPath found broken, once the answer itself is fine.
        let broken = || {
            answers
                .broken(&item.link_id)
                .map(|index| IssueCode::Constraint { index })
        };
        if let Some(code) = code.or_else(broken) {
            issues.push(issue(code));
        }
    }
    issues
}

/// Checks the answer of an item: one value against its type and limits, or, for an item that
/// repeats, a list of different values, each checked so.
pub fn check_item_answer(item: &Item, answer: &AnswerValue) -> Option<IssueCode> {
    let one = |v: &AnswerValue| {
        check_answer(&item.kind, v).or_else(|| match (item.min_length, v) {
            (Some(min), AnswerValue::String(s)) if s.trim().chars().count() < min => {
                Some(IssueCode::TooShort { min })
            }
            // A quantity whose unit the patient writes: a number alone is not enough.
            (_, AnswerValue::Quantity { code, .. })
                if code.trim().is_empty()
                    && matches!(&item.kind, ItemKind::Quantity { units } if units.is_empty()) =>
            {
                Some(IssueCode::NoUnit)
            }
            // Blanks at the ends are not counted here either (a phone's keyboard adds them).
            (_, AnswerValue::String(s))
                if item.pattern.as_ref().is_some_and(|p| !p.fits(s.trim())) =>
            {
                Some(IssueCode::NoMatch)
            }
            _ => None,
        })
    };
    match (item.repeats, answer) {
        (true, AnswerValue::Many(list)) => {
            for (i, v) in list.iter().enumerate() {
                // The same option ticked twice is not two answers (rows of text may repeat).
                let twice = matches!(item.kind, ItemKind::Choice { .. })
                    && list.iter().take(i).any(|w| w == v);
                if matches!(v, AnswerValue::Many(_)) || twice {
                    return Some(IssueCode::WrongType);
                }
                if let Some(code) = one(v) {
                    return Some(code);
                }
            }
            None
        }
        (false, AnswerValue::Many(_)) | (true, _) => Some(IssueCode::WrongType),
        (false, v) => one(v),
    }
}

/// Checks one answer against its item's type and limits.
pub fn check_answer(kind: &ItemKind, answer: &AnswerValue) -> Option<IssueCode> {
    let range = |v: f64, min: Option<f64>, max: Option<f64>| {
        if let Some(min) = min.filter(|m| v < *m) {
            return Some(IssueCode::BelowMin { min });
        }
        max.filter(|m| v > *m)
            .map(|max| IssueCode::AboveMax { max })
    };
    match (kind, answer) {
        // No options: an `answerExpression` lists them, and takes out an answer no longer
        // among them (`fhirpath::sdc`).
        (ItemKind::Choice { options, .. }, AnswerValue::Coding { code, system }) => {
            let known = options.is_empty()
                || options.iter().any(|o| {
                    !o.text && &o.code == code && (system.is_none() || &o.system == system)
                });
            (!known).then_some(IssueCode::WrongType)
        }
        (ItemKind::Integer { min, max, .. }, AnswerValue::Integer(v)) => {
            range(*v as f64, min.map(|m| m as f64), max.map(|m| m as f64))
        }
        (ItemKind::Integer { .. }, AnswerValue::Decimal(_)) => Some(IssueCode::NotWholeNumber),
        (ItemKind::Decimal { min, max }, a) => match a.as_number() {
            Some(v) => range(v, *min, *max),
            None => Some(IssueCode::NotNumber),
        },
        // One of the item's units, by its coding.
        (
            ItemKind::Quantity { units },
            AnswerValue::Quantity {
                value,
                system,
                code,
            },
        ) => {
            // None named: the unit in the patient's words (or none, calculated).
            let known = units
                .iter()
                .any(|u| &u.code == code && (system.is_none() || &u.system == system))
                || units.is_empty() && system.is_none();
            if units.is_empty() && code.chars().count() > MAX_UNIT_WORDS {
                return Some(IssueCode::TooLong {
                    max: MAX_UNIT_WORDS,
                });
            }
            (!known || !value.is_finite()).then_some(IssueCode::WrongType)
        }
        (ItemKind::Boolean, AnswerValue::Boolean(_)) => None,
        (ItemKind::Date, AnswerValue::Date(d)) => {
            (!crate::dates::is_date(d)).then_some(IssueCode::NotDate)
        }
        (ItemKind::DateTime, AnswerValue::DateTime(d)) => {
            (!crate::dates::is_date_time(d)).then_some(IssueCode::NotDateTime)
        }
        (ItemKind::Time, AnswerValue::Time(t)) => {
            (!crate::dates::is_time(t)).then_some(IssueCode::NotTime)
        }
        // A text option, or an open-choice's own words (blank text is no answer, see
        // `Answers::set`).
        (ItemKind::Choice { .. }, AnswerValue::String(_)) => {
            (!crate::response::value_fits(kind, answer)).then_some(IssueCode::WrongType)
        }
        (
            ItemKind::String { max_length } | ItemKind::Text { max_length },
            AnswerValue::String(s),
        ) => max_length
            .filter(|m| s.chars().count() > *m)
            .map(|max| IssueCode::TooLong { max }),
        _ => Some(IssueCode::WrongType),
    }
}

/// Reads what a patient typed into a field that is read as they type: a number (see
/// [`parse_number`]), or a date, time or local date and time ([`crate::dates`]; a dateTime gets
/// `offset_minutes` of its text, the browser's UTC offset at that moment, east of UTC). Empty
/// text is no answer; `Err` carries the issue to show. A quantity that names no unit comes as
/// the number, U+001F and the unit in the patient's words (a number without them: `NoUnit`).
///
/// The rows of a question that repeats come as one text, each row followed by a line break
/// (a field's own text never holds one): the answer is the list of the rows' values in order
/// ([`AnswerValue::Many`], blank rows left out, `None` when all are blank), or the issue of the
/// first row that is not a value yet.
pub fn parse_typed(
    kind: &ItemKind,
    typed: &str,
    offset_minutes: &dyn Fn(&str) -> i32,
) -> Result<Option<AnswerValue>, IssueCode> {
    if !typed.contains('\n') {
        return parse_one_typed(kind, typed, offset_minutes);
    }
    let mut list = Vec::new();
    for (text, unit) in typed_rows(typed) {
        // A quantity's unit (the first when the row names none, or one it does not have).
        let mut value = parse_one_typed(kind, text, offset_minutes)?;
        if let (Some(AnswerValue::Quantity { system, code, .. }), ItemKind::Quantity { units }) =
            (&mut value, kind)
        {
            if let Some(u) = units.get(unit) {
                (*system, *code) = (u.system.clone(), u.code.clone());
            }
        }
        list.extend(value);
    }
    Ok((!list.is_empty()).then_some(AnswerValue::Many(list)))
}

/// In a quantity's typed row ([`parse_typed`]), what comes between the number and its unit's
/// place in the item's units; in the field of a quantity that names no unit, between the
/// number and the unit the patient writes.
const UNIT_MARK: char = '\u{1f}';

/// The typed text of a quantity that names no unit cut in two: the number and the unit's words
/// (`None` without the mark between them).
pub fn number_and_unit(typed: &str) -> Option<(&str, &str)> {
    // By bytes: `split_once` here would be code the widget's chunks share (one more file).
    let at = typed.bytes().position(|b| b == UNIT_MARK as u8)?;
    Some((typed.get(..at)?, typed.get(at + 1..)?))
}

/// The most characters of a unit a patient writes in words (a quantity that names no unit).
pub const MAX_UNIT_WORDS: usize = 40;

/// The rows of a typed text ([`parse_typed`]): each row's text and, for a quantity, its unit's
/// place in the item's units (0 when it names none).
pub fn typed_rows(typed: &str) -> Vec<(&str, usize)> {
    typed
        .split_terminator('\n')
        .map(|row| match row.split_once(UNIT_MARK) {
            Some((text, unit)) => (text, unit.parse().unwrap_or(0)),
            None => (row, 0),
        })
        .collect()
}

/// The typed text of rows ([`parse_typed`]): each row's text, then, for a quantity, its
/// unit's place, then a line break.
pub fn rows_text(rows: &[(&str, usize)], quantity: bool) -> String {
    let mut out = String::new();
    for (text, unit) in rows {
        out.push_str(text);
        if quantity {
            out.push(UNIT_MARK);
            out.push_str(&unit.to_string());
        }
        out.push('\n');
    }
    out
}

fn parse_one_typed(
    kind: &ItemKind,
    typed: &str,
    offset_minutes: &dyn Fn(&str) -> i32,
) -> Result<Option<AnswerValue>, IssueCode> {
    use crate::dates;
    let t = crate::answers::normalize_digits(typed);
    if t.is_empty() {
        return Ok(None);
    }
    // A quantity whose unit the patient writes: the number, then the unit's words.
    if let ItemKind::Quantity { units } = kind {
        if let (true, Some((number, words))) = (units.is_empty(), number_and_unit(typed)) {
            let words = words.trim();
            return match parse_number(kind, number)? {
                Some(AnswerValue::Quantity { .. }) if words.is_empty() => Err(IssueCode::NoUnit),
                Some(AnswerValue::Quantity { value, .. }) => Ok(Some(AnswerValue::Quantity {
                    value,
                    system: None,
                    code: words.to_owned(),
                })),
                other => Ok(other),
            };
        }
    }
    let value = match kind {
        ItemKind::Date => dates::typed_date(&t).map(AnswerValue::Date),
        ItemKind::Time => dates::typed_time(&t).map(AnswerValue::Time),
        ItemKind::DateTime => {
            dates::typed_date_time(&t, offset_minutes(&t)).map(AnswerValue::DateTime)
        }
        _ => return parse_number(kind, typed),
    };
    value.map(Some).ok_or_else(|| not_typed(kind))
}

/// The issue for unfinished text in a field of this kind (a browser's date control that
/// holds part of a date reports no value at all).
pub fn not_typed(kind: &ItemKind) -> IssueCode {
    match kind {
        ItemKind::Date => IssueCode::NotDate,
        ItemKind::Time => IssueCode::NotTime,
        ItemKind::DateTime => IssueCode::NotDateTime,
        ItemKind::Integer { .. } => IssueCode::NotWholeNumber,
        _ => IssueCode::NotNumber,
    }
}

/// Whether the item's answer is read from what the patient types ([`parse_typed`]): numbers,
/// dates and times, whose unfinished text a draft keeps.
pub fn reads_typed(kind: &ItemKind) -> bool {
    matches!(
        kind,
        ItemKind::Integer { .. }
            | ItemKind::Decimal { .. }
            | ItemKind::Quantity { .. }
            | ItemKind::Date
            | ItemKind::DateTime
            | ItemKind::Time
    )
}

/// Reads what a patient typed into a number field: digits of any script, `.` or `,` as the
/// decimal mark. `Err` carries the issue to show.
pub fn parse_number(kind: &ItemKind, typed: &str) -> Result<Option<AnswerValue>, IssueCode> {
    let t = crate::answers::normalize_digits(typed).replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    let v = crate::number::parse_decimal(&t).ok_or(IssueCode::NotNumber)?;
    if !v.is_finite() {
        return Err(IssueCode::NotNumber);
    }
    match kind {
        // In the first unit; the widget gives the unit the patient chose. None named: no unit
        // yet (the patient's words for it come after the number, `parse_typed`).
        ItemKind::Quantity { units } => Ok(Some(match units.first() {
            Some(u) => AnswerValue::Quantity {
                value: v,
                system: u.system.clone(),
                code: u.code.clone(),
            },
            None => AnswerValue::Quantity {
                value: v,
                system: None,
                code: String::new(),
            },
        })),
        ItemKind::Integer { .. } => {
            if v.fract() != 0.0 || v.abs() > 9.0e15 {
                Err(IssueCode::NotWholeNumber)
            } else {
                Ok(Some(AnswerValue::Integer(v as i64)))
            }
        }
        _ => Ok(Some(AnswerValue::Decimal(v))),
    }
}

/// How many enabled questions there are and how many of them are answered: the "N of M
/// answered" progress.
pub fn progress(q: &Questionnaire, answers: &Answers) -> (usize, usize) {
    let enabled = enabled_items(q, answers);
    let mut answered = 0;
    let mut total = 0;
    for (i, item) in q.items.iter().enumerate() {
        if item.kind.is_question() && item.asked() && enabled.get(i).copied().unwrap_or(false) {
            total += 1;
            if answers.get(&item.link_id).is_some() {
                answered += 1;
            }
        }
    }
    (answered, total)
}
