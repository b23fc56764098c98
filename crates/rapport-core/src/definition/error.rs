//! What can be wrong in a definition ([`ErrorKind`]) and where ([`DefinitionError`]): a stable
//! code, a one-sentence message and a fix hint for each, in English for portal developers and
//! clinic authors (the patient sees a translated message instead).
//!
//! Only the vocabulary of problems: finding them is the parser's job (`definition/parse.rs`).

use std::fmt;

use super::{MAX_BYTES, MAX_DEPTH, MAX_ITEMS};

/// A problem in a definition: where, what, and how to fix it.
#[derive(Clone, Debug, PartialEq)]
pub struct DefinitionError {
    /// JSON pointer to the offending element (`""` for the whole document).
    pub pointer: String,
    /// The `linkId` of the item concerned, when there is one.
    pub link_id: Option<String>,
    /// What is wrong.
    pub kind: ErrorKind,
}

/// What is wrong in a definition. Messages are for portal developers and clinic authors, in
/// English; the patient sees a translated message instead.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not JSON.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The text is larger than [`MAX_BYTES`].
    TooLarge { bytes: usize },
    /// The JSON is nested deeper than [`MAX_DEPTH`].
    TooDeep { depth: usize },
    /// More than [`MAX_ITEMS`] items.
    TooManyItems,
    /// `resourceType` is not `Questionnaire`.
    NotAQuestionnaire { found: String },
    /// A required field is missing.
    Missing { field: &'static str },
    /// A field has the wrong JSON type.
    WrongType {
        field: String,
        expected: &'static str,
        found: &'static str,
    },
    /// A field has a value that is not allowed.
    BadValue {
        field: String,
        value: String,
        allowed: Allowed,
    },
    /// An item type Rapport does not render.
    UnsupportedType { item_type: String },
    /// An element the widget cannot honour and must not silently ignore (it would change what
    /// the patient is asked), e.g. `repeats: true`.
    UnsupportedElement {
        field: &'static str,
        hint: Unsupported,
    },
    /// Two items share a `linkId`.
    DuplicateLinkId,
    /// `enableWhen.question` names no item.
    UnknownQuestion { question: String },
    /// `enableWhen.question` names an item that comes later (or the item itself).
    QuestionNotEarlier { question: String },
    /// `enableWhen` has no `answer[x]`, or one of the wrong type for the operator.
    BadCondition { why: ConditionProblem },
    /// A choice item without `answerOption` or `answerValueSet`, or a value set with no codes.
    NoOptions,
    /// `answerValueSet` is `#id` and no contained ValueSet has that id.
    UnknownValueSet { reference: String },
    /// `answerValueSet` is a canonical URL: expanding it needs a terminology server.
    ValueSetNeedsServer { url: String },
    /// A contained ValueSet whose codes are not listed in it (a filter, a whole code system, an
    /// exclusion): it cannot be expanded without a terminology server.
    ValueSetNotListed {
        reference: String,
        why: &'static str,
    },
    /// Two answer options share a code.
    DuplicateOption { code: String },
    /// `minValue` is greater than `maxValue`.
    MinAboveMax,
    /// A group with no items.
    EmptyGroup,
    /// Items nested under display text (FHIR forbids it) or under a question that repeats
    /// (its follow-ups would be asked once per answer).
    ItemsUnderQuestion,
    /// A score or flag refers to something that does not exist or cannot be scored.
    BadScoring { why: ScoreProblem },
    /// `enableWhen.question` is inside a repeating group the item is not in (which instance's
    /// answer would count is unclear). Code `enable-when-bad-answer`.
    OutsideRepeatingGroup { question: String },
    /// A score counts an item it cannot count. Code `bad-scoring`.
    ScoreItem { item: String, why: NotScorable },
    /// A FHIRPath expression Rapport cannot evaluate (outside the subset, not FHIRPath, or
    /// needing the EHR's launch context). Code `bad-expression`.
    BadExpression {
        extension: &'static str,
        /// What is wrong and where in the expression ([`crate::fhirpath::ExprError`],
        /// written: its words are the expressions chunk's, and the model keeps no more types).
        problem: String,
    },
    /// An `initial` value (or an option's `initialSelected`) the item cannot start with. Code
    /// `bad-initial`.
    BadInitial { why: InitialProblem },
    /// A `regex` outside the subset the core reads ([`crate::pattern`]), or not a regular
    /// expression. Code `bad-regex`.
    BadRegex {
        /// What is wrong and where in the pattern ([`crate::pattern::PatternError`], written).
        problem: String,
    },
}

/// What is wrong with an item's starting answer ([`ErrorKind::BadInitial`]).
#[derive(Clone, Debug, PartialEq)]
pub enum InitialProblem {
    /// On a group, display text or a calculated item, which the patient does not answer.
    NotAQuestion,
    /// More than one on an item that takes one answer (FHIR's que-13).
    Several,
    /// Not an answer the item takes: the issue an answer like it would get (`wrong-type`,
    /// `above-max`, `not-date`…).
    NotAnAnswer { issue: crate::validate::IssueCode },
    /// No `value[x]` Rapport reads (valueBoolean, valueDecimal, valueInteger, valueDate,
    /// valueDateTime, valueTime, valueString, valueCoding, valueQuantity).
    NoValue,
    /// On an item a score counts, without Rapport's `initial-scored` extension: an answer
    /// given in advance sways the score.
    Scored,
}

/// What is wrong with an `enableWhen` (its words are in [`ErrorKind::message`], fetched by the
/// widget only for a definition with problems).
#[derive(Clone, Debug, PartialEq)]
pub enum ConditionProblem {
    /// No `answer[x]`.
    NoAnswer,
    /// `exists` with another answer than `answerBoolean`.
    ExistsNeedsBoolean,
    /// `exists` on a group or display item.
    ExistsNeedsQuestion,
    /// A date or time not written in full.
    NotInFull,
    /// `answer<kind>` with this operator does not fit the question's type.
    DoesNotFit {
        answer: &'static str,
        operator: super::Operator,
    },
}

/// What is wrong with a score or flag rule.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoreProblem {
    /// `rescale` without a `valueRange` from low to high.
    BadRescale,
    /// Two scores with one id.
    DeclaredTwice { id: String },
    /// A score that counts nothing.
    NoItems { id: String },
    /// A flag on a score not declared before it.
    UnknownScore { flag: String, score: String },
}

/// Why a score cannot count an item (its words are in [`ErrorKind::message`], which only a
/// definition with problems needs: the widget fetches them in its `problems` chunk).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotScorable {
    /// No item has that `linkId`.
    NoItem,
    /// It takes several answers (`repeats`).
    Repeats,
    /// An open-choice: the patient's own words have no points.
    OpenChoice,
    /// Inside a repeating group: answered once per instance.
    InRepeatingGroup,
    /// Not a choice with points on every option, nor a bounded integer.
    NoPoints,
}

/// What a field may hold instead of a refused value ([`ErrorKind::BadValue`]); the words are
/// here, in the `problems` chunk with the rest of the problems' words, not in the parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// A `linkId` holding U+001F (it names instances of repeating groups).
    NoUnitSeparator,
    /// `minLength` above `maxLength`, or not a whole number.
    LengthUpToMax,
    /// `enableBehavior`.
    AllOrAny,
    /// `answerOption` and `answerValueSet` together.
    OptionsOrValueSet,
    /// An `enableWhen` operator.
    Operator,
    /// A score's `method`.
    ScoreMethod,
    /// A flag's `rule`.
    FlagRule,
}

impl Allowed {
    fn words(self) -> &'static str {
        match self {
            Allowed::NoUnitSeparator => "text without U+001F",
            Allowed::LengthUpToMax => "a whole number of characters, at most maxLength",
            Allowed::AllOrAny => "all, any",
            Allowed::OptionsOrValueSet => "answerOption or answerValueSet, not both",
            Allowed::Operator => "exists, =, !=, >, <, >=, <=",
            Allowed::ScoreMethod => "sum, mean, prorated-sum",
            Allowed::FlagRule => "score-below, score-at-or-below, any-item-at-or-below, any-item-at-minimum, drop-from-previous",
        }
    }
}

/// Why an element is refused and what to do ([`ErrorKind::UnsupportedElement`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsupported {
    /// `minValue`/`maxValue` on a date or time.
    DateLimits,
    /// `repeats` on a type that cannot repeat.
    Repeats,
    /// A quantity's units from a value set, or its limits.
    QuantityExtension,
    /// `regex` on an item whose answer is not text.
    Regex,
    /// A constraint with severity `error` (`targetConstraint`) where it is not checked: on the
    /// questionnaire, a group, display text, or an item the patient does not answer.
    Constraint,
}

impl Unsupported {
    fn words(self) -> &'static str {
        match self {
            Unsupported::DateLimits => "remove it; say the allowed range in the question's text",
            Unsupported::Repeats => "a group, a choice and a string, text, integer, decimal, quantity (with its units listed), date, dateTime or time question may repeat; a boolean or display item, or a quantity whose unit the patient writes, may not: remove \"repeats\": true, list the units (questionnaire-unitOption), or ask one question per answer",
            Unsupported::Constraint => "a constraint is checked on a question the patient answers or on a group, where its words are shown; here it is not checked yet, and the response would be sent as complete without it: put it on the question or the group it is about, make its severity warning, or remove it",
            Unsupported::Regex => "a regex is checked on string and text items only: remove it (a number takes minValue and maxValue, a choice its list of answers)",
            Unsupported::QuantityExtension => "list the units as questionnaire-unitOption codings; limits on a quantity are not checked yet, remove them or use a decimal item with minValue and maxValue",
        }
    }
}

impl ErrorKind {
    /// A stable id for the problem (used in the visible panel and by tests).
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::NotJson { .. } => "not-json",
            ErrorKind::TooLarge { .. } => "too-large",
            ErrorKind::TooDeep { .. } => "too-deep",
            ErrorKind::TooManyItems => "too-many-items",
            ErrorKind::NotAQuestionnaire { .. } => "not-a-questionnaire",
            ErrorKind::Missing { .. } => "missing-field",
            ErrorKind::WrongType { .. } => "wrong-type",
            ErrorKind::BadValue { .. } => "bad-value",
            ErrorKind::UnsupportedType { .. } => "unsupported-item-type",
            ErrorKind::UnsupportedElement { .. } => "unsupported-element",
            ErrorKind::DuplicateLinkId => "duplicate-link-id",
            ErrorKind::UnknownQuestion { .. } => "enable-when-unknown-question",
            ErrorKind::QuestionNotEarlier { .. } => "enable-when-not-earlier",
            ErrorKind::BadCondition { .. } | ErrorKind::OutsideRepeatingGroup { .. } => {
                "enable-when-bad-answer"
            }
            ErrorKind::NoOptions => "no-answer-options",
            ErrorKind::UnknownValueSet { .. } => "unknown-value-set",
            ErrorKind::ValueSetNeedsServer { .. } => "value-set-needs-server",
            ErrorKind::ValueSetNotListed { .. } => "value-set-not-listed",
            ErrorKind::DuplicateOption { .. } => "duplicate-answer-option",
            ErrorKind::MinAboveMax => "min-above-max",
            ErrorKind::EmptyGroup => "empty-group",
            ErrorKind::ItemsUnderQuestion => "items-under-question",
            ErrorKind::BadScoring { .. } | ErrorKind::ScoreItem { .. } => "bad-scoring",
            ErrorKind::BadExpression { .. } => "bad-expression",
            ErrorKind::BadInitial { .. } => "bad-initial",
            ErrorKind::BadRegex { .. } => "bad-regex",
        }
    }

    /// What is wrong, in one lower-case sentence.
    pub fn what(&self) -> String {
        match self {
            ErrorKind::NotJson {
                line,
                column,
                detail,
            } if *line > 0 => {
                format!("not valid JSON at line {line}, column {column}: {detail}")
            }
            ErrorKind::NotJson { detail, .. } => format!("not valid JSON: {detail}"),
            ErrorKind::TooLarge { bytes } => {
                format!("the definition is {bytes} bytes; the limit is {MAX_BYTES}")
            }
            ErrorKind::TooDeep { depth } => {
                format!("the JSON is nested {depth} levels deep; the limit is {MAX_DEPTH}")
            }
            ErrorKind::TooManyItems => format!("more than {MAX_ITEMS} items"),
            ErrorKind::NotAQuestionnaire { found } => {
                format!("resourceType is \"{found}\", not \"Questionnaire\"")
            }
            ErrorKind::Missing { field } => format!("\"{field}\" is missing"),
            ErrorKind::WrongType {
                field,
                expected,
                found,
            } => {
                format!("\"{field}\" should be {expected}, found {found}")
            }
            ErrorKind::BadValue { field, value, .. } => {
                format!("\"{field}\" has the value \"{value}\", which is not supported")
            }
            ErrorKind::UnsupportedType { item_type } => {
                format!("item type \"{item_type}\" is not supported")
            }
            ErrorKind::UnsupportedElement { field, .. } => {
                format!("\"{field}\" is not supported: the question would not be asked as written")
            }
            ErrorKind::DuplicateLinkId => "this linkId is used by an earlier item too".into(),
            ErrorKind::UnknownQuestion { question } => {
                format!("enableWhen refers to \"{question}\", which is not an item")
            }
            ErrorKind::QuestionNotEarlier { question } => {
                format!("enableWhen refers to \"{question}\", which does not come before this item")
            }
            ErrorKind::BadCondition { why } => {
                let detail = match why {
                    ConditionProblem::NoAnswer => "no answer[x] (answerBoolean, answerInteger, answerDecimal, answerString, answerCoding, answerDate, answerDateTime or answerTime)".to_owned(),
                    ConditionProblem::ExistsNeedsBoolean => "\"exists\" needs answerBoolean".to_owned(),
                    ConditionProblem::ExistsNeedsQuestion => "\"exists\" needs a question, not a group or display item".to_owned(),
                    ConditionProblem::NotInFull => "a date or time must be written in full: YYYY-MM-DD, hh:mm:ss, or YYYY-MM-DDThh:mm:ss with a zone (Z or +01:00)".to_owned(),
                    ConditionProblem::DoesNotFit { answer, operator } => format!(
                        "answer{answer} with \"{}\" does not fit the question's type",
                        operator_symbol(*operator)
                    ),
                };
                format!("enableWhen is not usable: {detail}")
            }
            ErrorKind::NoOptions => "a choice item has no answer options".into(),
            ErrorKind::UnknownValueSet { reference } => {
                format!("answerValueSet \"{reference}\" names no ValueSet in contained")
            }
            ErrorKind::ValueSetNeedsServer { url } => format!(
                "answerValueSet \"{url}\" is a value set that a terminology server must expand"
            ),
            ErrorKind::ValueSetNotListed { reference, why } => format!(
                "the value set \"{reference}\" cannot be listed without a terminology server: {why}"
            ),
            ErrorKind::DuplicateOption { code } => {
                format!("the answer option code \"{code}\" is used twice")
            }
            ErrorKind::MinAboveMax => "minValue is greater than maxValue".into(),
            ErrorKind::EmptyGroup => "a group has no items".into(),
            ErrorKind::ItemsUnderQuestion => {
                "items are nested under display text or under a question that takes several answers"
                    .into()
            }
            ErrorKind::BadScoring { why } => match why {
                ScoreProblem::BadRescale => "rescale needs valueRange with low.value below high.value, e.g. {\"low\":{\"value\":0},\"high\":{\"value\":100}}".to_owned(),
                ScoreProblem::DeclaredTwice { id } => format!("score id \"{id}\" is declared twice"),
                ScoreProblem::NoItems { id } => format!("score \"{id}\" has no items"),
                ScoreProblem::UnknownScore { flag, score } => format!(
                    "flag \"{flag}\" refers to score \"{score}\", which is not declared before it"
                ),
            },
            ErrorKind::OutsideRepeatingGroup { question } => format!(
                "enableWhen is not usable: \"{question}\" is inside a repeating group this item is not in (which instance would count?)"
            ),
            ErrorKind::ScoreItem { item, why } => format!(
                "score item \"{item}\" {}",
                match why {
                    NotScorable::NoItem => "is not an item",
                    NotScorable::Repeats =>
                        "repeats: several answers cannot count as one; leave it out of the score",
                    NotScorable::OpenChoice =>
                        "is an open-choice: words of the patient's own have no points; make it a choice or leave it out of the score",
                    NotScorable::InRepeatingGroup =>
                        "is inside a repeating group: it is answered once per instance; leave it out of the score",
                    NotScorable::NoPoints =>
                        "is not a choice with ordinalValue on every option (or the not-applicable extension), nor a bounded integer",
                }
            ),
            ErrorKind::BadExpression { extension, problem } => {
                format!("the FHIRPath of {extension} cannot be evaluated: {problem}")
            }
            ErrorKind::BadInitial { why } => match why {
                InitialProblem::NotAQuestion => "an initial value on an item the patient does not answer (a group, display text or a calculated item)".to_owned(),
                InitialProblem::Several => "several initial values on an item that takes one answer".to_owned(),
                InitialProblem::NotAnAnswer { issue } => format!("the initial value is not an answer this item takes ({})", issue.code()),
                InitialProblem::NoValue => "an initial value without a value Rapport reads".to_owned(),
                InitialProblem::Scored => "an initial value on an item a score counts: an answer given in advance sways the score".to_owned(),
            },
            ErrorKind::BadRegex { problem } => format!("the regex cannot be read: {problem}"),
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> String {
        match self {
            ErrorKind::NotJson { .. } => "check for a missing comma, quote or bracket".into(),
            ErrorKind::TooLarge { .. } | ErrorKind::TooManyItems => {
                "split the questionnaire into smaller ones".into()
            }
            ErrorKind::TooDeep { .. } => "nest groups less deeply".into(),
            ErrorKind::NotAQuestionnaire { .. } => {
                "point the widget at a FHIR R4 Questionnaire resource".into()
            }
            ErrorKind::Missing { field } => format!("add \"{field}\""),
            ErrorKind::WrongType { field, expected, .. } => {
                format!("make \"{field}\" {expected}")
            }
            ErrorKind::BadValue { allowed, .. } => format!("use one of: {}", allowed.words()),
            ErrorKind::UnsupportedType { .. } => {
                "use group, display, choice, open-choice, integer, decimal, quantity, boolean, string, text, date, dateTime or time".into()
            }
            ErrorKind::UnsupportedElement { hint, .. } => hint.words().into(),
            ErrorKind::DuplicateLinkId => "give every item its own linkId".into(),
            ErrorKind::UnknownQuestion { .. } => {
                "set enableWhen.question to the linkId of an earlier question".into()
            }
            ErrorKind::QuestionNotEarlier { .. } => {
                "move the condition's question before this item".into()
            }
            ErrorKind::BadCondition { .. } => {
                "give a boolean answerBoolean for \"exists\", otherwise an answer of the question's type".into()
            }
            ErrorKind::NoOptions => {
                "add answerOption entries with valueCoding, a contained ValueSet with codes, or an SDC answerExpression that lists them".into()
            }
            ErrorKind::UnknownValueSet { .. } => {
                "add a ValueSet with that id to contained, or fix the reference".into()
            }
            ErrorKind::ValueSetNeedsServer { .. } => {
                "set the widget's terminology-server (a FHIR server with ValueSet/$expand, such \
                 as the reference receiver), or list the codes (answerOption, or a contained \
                 ValueSet \"#id\")"
                    .into()
            }
            ErrorKind::ValueSetNotListed { .. } => {
                "list the codes: answerOption entries, or a contained ValueSet (\"#id\") with \
                 expansion.contains or compose.include.concept"
                    .into()
            }
            ErrorKind::DuplicateOption { .. } => "give every option its own code".into(),
            ErrorKind::MinAboveMax => "swap minValue and maxValue".into(),
            ErrorKind::EmptyGroup => "add items to the group or remove it".into(),
            ErrorKind::ItemsUnderQuestion => {
                "put the items side by side in a group, and use enableWhen to show them after an answer".into()
            }
            ErrorKind::BadScoring { .. } => {
                "see docs/fhir-support.md for the score and flag extensions".into()
            }
            ErrorKind::OutsideRepeatingGroup { .. } => {
                "put the item in that group, or ask the question outside it".into()
            }
            ErrorKind::ScoreItem { .. } => {
                "see docs/fhir-support.md for the score and flag extensions".into()
            }
            ErrorKind::BadExpression { .. } => {
                "write it in the FHIRPath subset docs/fhir-support.md lists, or declare a total with Rapport's score extension".into()
            }
            ErrorKind::BadInitial { why } => match why {
                InitialProblem::NotAQuestion | InitialProblem::Several => "remove it, or give one initial value to each question that takes one answer".into(),
                InitialProblem::NotAnAnswer { .. } => "give a value of the item's type that a patient could answer: one of its options' codes, a unit it lists, a number within minValue and maxValue, a date written in full, text that fits its regex".into(),
                InitialProblem::NoValue => "give valueBoolean, valueDecimal, valueInteger, valueDate, valueDateTime, valueTime, valueString, valueCoding or valueQuantity".into(),
                InitialProblem::Scored => "remove it, or add Rapport's initial-scored extension (valueBoolean true) to the item if the clinic means the score to start from it".into(),
            },
            ErrorKind::BadRegex { .. } => "write it in the subset docs/fhir-support.md lists (characters, classes, groups, alternation, counts, anchors); back-references, look-around, flags and \\p{…} are not read".into(),
        }
    }
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "at {at}")?;
        if let Some(id) = &self.link_id {
            write!(f, " (linkId \"{id}\")")?;
        }
        write!(f, ": {}; fix: {}", self.kind.what(), self.kind.hint())
    }
}

impl std::error::Error for DefinitionError {}

/// A problem with the whole document (no pointer, no item).
pub(super) fn root_error(kind: ErrorKind) -> DefinitionError {
    DefinitionError {
        pointer: String::new(),
        link_id: None,
        kind,
    }
}

fn operator_symbol(op: super::Operator) -> &'static str {
    use super::Operator;
    match op {
        Operator::Exists => "exists",
        Operator::Equal => "=",
        Operator::NotEqual => "!=",
        Operator::Greater => ">",
        Operator::Less => "<",
        Operator::GreaterOrEqual => ">=",
        Operator::LessOrEqual => "<=",
    }
}
