//! A patient's answers, keyed by `linkId`.
//!
//! Answers are health data: [`AnswerValue`]'s `Debug` output is redacted so that a log line or a
//! panic message can never carry what the patient wrote.

use std::fmt;

use crate::strmap::StrMap;

/// One answer to one question.
#[derive(Clone, PartialEq)]
pub enum AnswerValue {
    /// A chosen answer option, by its code (and the code system, when the option has one).
    Coding {
        system: Option<String>,
        code: String,
    },
    /// A yes/no answer.
    Boolean(bool),
    /// A whole number (including 0–10 scales).
    Integer(i64),
    /// A number with a fraction.
    Decimal(f64),
    /// Short or long free text.
    String(String),
    /// A calendar day, as FHIR's `date` (`YYYY-MM-DD`).
    Date(String),
    /// A moment, as FHIR's `dateTime` with a zone (`2026-12-05T14:30:00+01:00`).
    DateTime(String),
    /// A time of day, as FHIR's `time` (`hh:mm:ss`).
    Time(String),
    /// A number with its unit (`quantity`), the unit one of the item's units by its coding,
    /// or, for an item that names none, the unit in the patient's words (`code`, no `system`;
    /// empty for a calculated quantity without a unit): FHIR's `valueQuantity`.
    Quantity {
        value: f64,
        system: Option<String>,
        code: String,
    },
    /// Several answers to one item with `repeats: true` (check boxes), in the order the patient
    /// gave them: one `answer` each in the response. Never empty and never nested (an empty
    /// list is no answer, see [`Answers::set`]).
    Many(Vec<AnswerValue>),
}

impl AnswerValue {
    /// The answer as a number, for comparisons and scores (codings and text have none).
    pub fn as_number(&self) -> Option<f64> {
        match self {
            AnswerValue::Integer(i) => Some(*i as f64),
            AnswerValue::Decimal(d) => Some(*d),
            _ => None,
        }
    }

    /// The name of the variant, as FHIR spells its `value[x]` suffix.
    pub fn kind_name(&self) -> &'static str {
        match self {
            AnswerValue::Coding { .. } => "Coding",
            AnswerValue::Boolean(_) => "Boolean",
            AnswerValue::Integer(_) => "Integer",
            AnswerValue::Decimal(_) => "Decimal",
            AnswerValue::String(_) => "String",
            AnswerValue::Date(_) => "Date",
            AnswerValue::DateTime(_) => "DateTime",
            AnswerValue::Time(_) => "Time",
            AnswerValue::Quantity { .. } => "Quantity",
            AnswerValue::Many(_) => "List",
        }
    }

    /// The single values of this answer: the list of a [`AnswerValue::Many`], else itself.
    pub fn values(&self) -> &[AnswerValue] {
        match self {
            AnswerValue::Many(list) => list,
            one => std::slice::from_ref(one),
        }
    }

    /// The answer of a repeating item after the patient ticks (`on`) or unticks `value`:
    /// `current` with `value` added at the end (once) or removed; `None` when nothing is left.
    pub fn toggled(current: Option<&AnswerValue>, value: &AnswerValue, on: bool) -> Option<Self> {
        let mut list: Vec<AnswerValue> = current
            .map(AnswerValue::values)
            .unwrap_or_default()
            .iter()
            .filter(|v| *v != value)
            .cloned()
            .collect();
        if on {
            list.push(value.clone());
        }
        (!list.is_empty()).then_some(AnswerValue::Many(list))
    }

    /// The answer of a repeating open-choice after the patient types `text` in its field for
    /// their own words: `current`'s ticks kept, its own words (any text answer) replaced by
    /// `text` at the end, or taken out when `text` is blank; `None` when nothing is left.
    pub fn with_own_words(current: Option<&AnswerValue>, text: &str) -> Option<Self> {
        let mut list: Vec<AnswerValue> = current
            .map(AnswerValue::values)
            .unwrap_or_default()
            .iter()
            .filter(|v| !matches!(v, AnswerValue::String(_)))
            .cloned()
            .collect();
        if !text.trim().is_empty() {
            list.push(AnswerValue::String(text.to_owned()));
        }
        (!list.is_empty()).then_some(AnswerValue::Many(list))
    }

    /// A repeating open-choice's own words: its text answer, if any.
    pub fn own_words(&self) -> Option<&str> {
        self.values().iter().find_map(|v| match v {
            AnswerValue::String(t) => Some(t.as_str()),
            _ => None,
        })
    }
}

impl fmt::Debug for AnswerValue {
    // Redacted on purpose: answers must never reach logs or panic messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AnswerValue::{}(<redacted>)", self.kind_name())
    }
}

/// All answers of one session, keyed by `linkId`. Items that are not answered are absent;
/// an empty or whitespace-only text counts as not answered.
#[derive(Clone, Default, PartialEq)]
pub struct Answers {
    values: StrMap<AnswerValue>,
    /// The items with an SDC `enableWhenExpression` that it shows, by key (each `true`), as
    /// [`crate::fhirpath::Program::calculate`] last worked it out (none until it has). The
    /// answers' own map type: no more code in the first render than a second field.
    shown: StrMap<AnswerValue>,
    /// The items whose answer breaks a constraint (SDC `targetConstraint`), by key: the
    /// constraint's index in [`crate::definition::Questionnaire::constraints`], as
    /// [`crate::fhirpath::Program::calculate`] last worked it out.
    broken: StrMap<AnswerValue>,
    /// The questions and groups whose answers break a constraint of severity `warning`, by key,
    /// likewise: the patient is told, the response is complete without it.
    warned: StrMap<AnswerValue>,
}

/// Records in `map` the constraint `index` that `key` breaks, or that it breaks none.
fn mark(map: &mut StrMap<AnswerValue>, key: &str, index: Option<usize>) {
    match index.and_then(|i| i64::try_from(i).ok()) {
        Some(i) => {
            map.insert(key.to_owned(), AnswerValue::Integer(i));
        }
        None => {
            map.remove(key);
        }
    }
}

impl fmt::Debug for Answers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.values.keys()).finish()
    }
}

impl Answers {
    /// No answers yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets (or, with `None`, clears) the answer to `link_id`. Blank text clears it.
    pub fn set(&mut self, link_id: &str, value: Option<AnswerValue>) {
        match value {
            Some(AnswerValue::String(s)) if s.trim().is_empty() => {
                self.values.remove(link_id);
            }
            Some(AnswerValue::Many(list)) if list.is_empty() => {
                self.values.remove(link_id);
            }
            Some(v) => {
                self.values.insert(link_id.to_owned(), v);
            }
            None => {
                self.values.remove(link_id);
            }
        }
    }

    /// The answer to `link_id`, if any.
    pub fn get(&self, link_id: &str) -> Option<&AnswerValue> {
        self.values.get(link_id)
    }

    /// Every answer, in `linkId` order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &AnswerValue)> {
        self.values.iter()
    }

    /// How many questions have an answer.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when nothing is answered.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Whether the item `key`, which has an SDC `enableWhenExpression`, is shown (see
    /// [`crate::enable`]).
    pub fn shown_by_expression(&self, key: &str) -> bool {
        self.shown.get(key).is_some()
    }

    /// The constraint the answer to `key` breaks, if any (its index in
    /// [`crate::definition::Questionnaire::constraints`]).
    pub fn broken(&self, key: &str) -> Option<usize> {
        match self.broken.get(key) {
            Some(AnswerValue::Integer(i)) => usize::try_from(*i).ok(),
            _ => None,
        }
    }

    /// Records the constraint the answer to `key` breaks (`None`: it meets them all).
    pub fn set_broken(&mut self, key: &str, index: Option<usize>) {
        mark(&mut self.broken, key, index);
    }

    /// The constraint of severity `warning` that the answers to the question or group `key`
    /// break, if any (its index in [`crate::definition::Questionnaire::constraints`]).
    pub fn warned(&self, key: &str) -> Option<usize> {
        match self.warned.get(key) {
            Some(AnswerValue::Integer(i)) => usize::try_from(*i).ok(),
            _ => None,
        }
    }

    /// Records the warning the answers to `key` break (`None`: they meet them all).
    pub fn set_warned(&mut self, key: &str, index: Option<usize>) {
        mark(&mut self.warned, key, index);
    }

    /// Records whether the `enableWhenExpression` of the item `key` shows it.
    pub fn set_shown_by_expression(&mut self, key: &str, shown: bool) {
        if shown {
            self.shown
                .insert(key.to_owned(), AnswerValue::Boolean(true));
        } else {
            self.shown.remove(key);
        }
    }
}

impl FromIterator<(String, AnswerValue)> for Answers {
    fn from_iter<T: IntoIterator<Item = (String, AnswerValue)>>(iter: T) -> Self {
        let mut answers = Answers::new();
        for (k, v) in iter {
            answers.set(&k, Some(v));
        }
        answers
    }
}

/// Turns digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, Gurmukhi,
/// Gujarati) and full-width digits into ASCII, and trims, so typed numbers validate the same in
/// every language.
pub fn normalize_digits(input: &str) -> String {
    const ZEROS: [u32; 7] = [0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0xFF10];
    input
        .trim()
        .chars()
        .map(|c| {
            let cp = c as u32;
            for zero in ZEROS {
                if (zero..zero + 10).contains(&cp) {
                    return char::from_digit(cp - zero, 10).unwrap_or(c);
                }
            }
            match c {
                '\u{066B}' => '.', // Arabic decimal separator
                '\u{2212}' => '-', // minus sign
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_answer_text() {
        let mut a = Answers::new();
        a.set("q1", Some(AnswerValue::String("secret words".into())));
        let shown = format!("{a:?} {:?}", a.get("q1"));
        assert!(
            !shown.contains("secret"),
            "answers leaked into Debug: {shown}"
        );
    }

    #[test]
    fn blank_text_is_no_answer() {
        let mut a = Answers::new();
        a.set("q1", Some(AnswerValue::String("  ".into())));
        assert!(a.is_empty());
    }

    #[test]
    fn ticking_and_unticking_keeps_the_order_given() {
        let code = |c: &str| AnswerValue::Coding {
            system: None,
            code: c.into(),
        };
        let one = AnswerValue::toggled(None, &code("b"), true);
        let two = AnswerValue::toggled(one.as_ref(), &code("a"), true);
        assert_eq!(two, Some(AnswerValue::Many(vec![code("b"), code("a")])));
        // Ticking twice keeps one; unticking the last leaves no answer.
        let same = AnswerValue::toggled(two.as_ref(), &code("a"), true);
        assert_eq!(same, two);
        let left = AnswerValue::toggled(two.as_ref(), &code("b"), false);
        assert_eq!(left, Some(AnswerValue::Many(vec![code("a")])));
        assert_eq!(AnswerValue::toggled(left.as_ref(), &code("a"), false), None);
        let mut a = Answers::new();
        a.set("q", Some(AnswerValue::Many(Vec::new())));
        assert!(a.is_empty(), "an empty list is no answer");
    }

    #[test]
    fn native_digits_become_ascii() {
        assert_eq!(normalize_digits(" ۷ "), "7");
        assert_eq!(normalize_digits("٧٫٥"), "7.5");
        assert_eq!(normalize_digits("৭"), "7");
        assert_eq!(normalize_digits("\u{2212}3"), "-3");
    }
}
