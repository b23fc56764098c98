//! Loads a FHIR R4 Questionnaire into a checked model.
//!
//! Parsing has two phases, in the manner of ripgrep's low- and high-level arguments: the text is
//! first read as plain JSON ([`serde_json::Value`], phase one), then walked into the checked
//! [`Questionnaire`] (phase two), which collects *every* problem it finds with its JSON pointer,
//! the item's `linkId` and a hint on how to fix it. Nothing here panics, whatever the input.
//! Performs no I/O.

use crate::strmap::StrMap;
use std::fmt;

use serde_json::{Map, Value};

use crate::answers::AnswerValue;
use crate::json::{depth, join, line_col, type_name};
use crate::{
    ext, EXT_ITEM_CONTROL, EXT_ITEM_WEIGHT, EXT_MAX_VALUE, EXT_MIN_VALUE, EXT_ORDINAL_VALUE,
    EXT_SLIDER_STEP, EXT_TRANSLATION,
};

/// Largest definition accepted, in bytes of JSON text.
pub const MAX_BYTES: usize = 512 * 1024;
/// Deepest JSON nesting accepted.
pub const MAX_DEPTH: usize = 48;
/// Most items (of any type, at any level) accepted.
pub const MAX_ITEMS: usize = 1000;
/// Largest `maxLength` honoured for text answers.
pub const MAX_TEXT_LENGTH: usize = 20_000;

/// A checked questionnaire definition.
#[derive(Clone, Debug)]
pub struct Questionnaire {
    /// Canonical `url`, if given.
    pub url: Option<String>,
    /// Business `version`, if given.
    pub version: Option<String>,
    /// Computer-friendly `name`, if given.
    pub name: Option<String>,
    /// Title shown to the patient.
    pub title: Option<Text>,
    /// Base language of the texts (`language`, else `en`).
    pub language: String,
    /// Every item in document order (depth first). Use [`Questionnaire::roots`] and
    /// [`Item::children`] to walk the tree.
    pub items: Vec<Item>,
    /// Scores declared with Rapport's `score` extension, in declaration order.
    pub scores: Vec<ScoreRule>,
    /// Flags declared with Rapport's `flag` extension, in declaration order.
    pub flags: Vec<FlagRule>,
    index: StrMap<usize>,
    roots: Vec<usize>,
}

/// Text in a base language with optional translations (FHIR's `translation` extension).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    /// The text in the definition's base language.
    pub base: String,
    /// `(language tag, text)` pairs, in the order given.
    pub translations: Vec<(String, String)>,
}

impl Text {
    /// The text in the first language of `chain` that has one, else the base text.
    /// `base_lang` is the definition's base language.
    pub fn resolve<'a>(&'a self, chain: &[String], base_lang: &str) -> &'a str {
        for want in chain {
            // An exact tag wins over a language-only match (`es-MX` over `es`).
            if let Some((_, t)) = self
                .translations
                .iter()
                .find(|(lang, _)| lang.eq_ignore_ascii_case(want))
            {
                return t;
            }
            if crate::i18n::same_language(want, base_lang) {
                return &self.base;
            }
            if let Some((_, t)) = self
                .translations
                .iter()
                .find(|(lang, _)| crate::i18n::same_language(lang, want))
            {
                return t;
            }
        }
        &self.base
    }
}

/// One item of the questionnaire.
#[derive(Clone, Debug)]
pub struct Item {
    /// The item's unique `linkId`.
    pub link_id: String,
    /// Where the item is in the definition (a JSON pointer such as `/item/2/item/0`).
    pub pointer: String,
    /// What kind of answer the item takes.
    pub kind: ItemKind,
    /// The question text (absent for bundled instruments, whose texts come from Fluent).
    pub text: Option<Text>,
    /// Whether an answer is required (when the item is enabled).
    pub required: bool,
    /// Conditions under which the item is shown.
    pub enable_when: Vec<EnableWhen>,
    /// How several conditions combine.
    pub enable_behavior: EnableBehavior,
    /// Rapport's `reverse-scored` extension: the item counts reversed in scores.
    pub reverse_scored: bool,
    /// Index of the parent group in [`Questionnaire::items`].
    pub parent: Option<usize>,
    /// Indices of the children in [`Questionnaire::items`].
    pub children: Vec<usize>,
}

/// The answer type of an item, with what the renderer and validator need.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    /// A group of items; takes no answer.
    Group,
    /// Text only; takes no answer.
    Display,
    /// One of a list of options (a radio group).
    Choice { options: Vec<AnswerOption> },
    /// A whole number, optionally bounded.
    Integer {
        min: Option<i64>,
        max: Option<i64>,
        control: NumericControl,
        step: i64,
    },
    /// A number with a fraction, optionally bounded.
    Decimal { min: Option<f64>, max: Option<f64> },
    /// Yes or no.
    Boolean,
    /// One line of text.
    String { max_length: Option<usize> },
    /// Several lines of text.
    Text { max_length: Option<usize> },
}

impl ItemKind {
    /// Whether the item takes an answer at all.
    pub fn is_question(&self) -> bool {
        !matches!(self, ItemKind::Group | ItemKind::Display)
    }
}

/// How an integer item is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumericControl {
    /// A row of radio buttons, one per value (bounded ranges of at most 11 values).
    RadioRow,
    /// A slider (only when the definition asks for `slider`).
    Slider,
    /// A number input.
    Input,
}

/// One answer option of a choice item.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerOption {
    /// `valueCoding.code`.
    pub code: String,
    /// `valueCoding.system`.
    pub system: Option<String>,
    /// `valueCoding.display`, with translations.
    pub display: Option<Text>,
    /// Points from `ordinalValue` / `itemWeight`, when the option has them.
    pub score: Option<f64>,
    /// Rapport's `not-applicable` extension: choosing this option ("does not apply") answers
    /// the question but counts as a missing item in scores.
    pub not_applicable: bool,
}

impl AnswerOption {
    /// The last path segment of the code system (e.g. `agree-5` for
    /// `https://…/CodeSystem/agree-5`): bundled instruments use it to name Fluent messages.
    pub fn scale_name(&self) -> &str {
        self.system
            .as_deref()
            .and_then(|s| s.trim_end_matches('/').rsplit('/').next())
            .unwrap_or("option")
    }
}

/// One `enableWhen` condition.
#[derive(Clone, Debug, PartialEq)]
pub struct EnableWhen {
    /// The `linkId` of the question the condition looks at.
    pub question: String,
    /// The comparison.
    pub operator: Operator,
    /// The value compared with (for `exists`, a boolean).
    pub answer: AnswerValue,
}

/// `enableWhen.operator`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Exists,
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
}

/// `enableBehavior`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EnableBehavior {
    /// Every condition must hold (also the default when there is only one).
    #[default]
    All,
    /// At least one condition must hold.
    Any,
}

/// How a score combines its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreMethod {
    /// The sum of the answered items.
    Sum,
    /// The mean of the answered items.
    Mean,
    /// The mean of the answered items times the number of items (a sum that tolerates
    /// missing answers).
    ProratedSum,
}

/// A score declared in the definition (Rapport's `score` extension).
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreRule {
    /// The score's id (e.g. `bond`, `total`).
    pub id: String,
    /// How items combine.
    pub method: ScoreMethod,
    /// The `linkId`s of the items that count.
    pub items: Vec<String>,
    /// The fewest answered items for the score to be computed (the missing-item rule);
    /// defaults to every item.
    pub min_answered: usize,
    /// `rescale`: the score is mapped linearly from its possible range (from the items' lowest
    /// and highest points) onto `(low, high)`, e.g. 0–100.
    pub rescale: Option<(f64, f64)>,
    /// `label`: what the patient reads beside the score when a portal shows scores
    /// (`show-scores`), with translations; bundled instruments use Fluent `score-<id>` instead.
    pub label: Option<Text>,
}

/// When a flag is raised (Rapport's `flag` extension).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagCondition {
    /// The score is below the threshold.
    ScoreBelow,
    /// The score is at or below the threshold.
    ScoreAtOrBelow,
    /// Any item of the score, as scored (after reversal), is at or below the threshold.
    AnyItemAtOrBelow,
    /// Any item of the score, as scored (after reversal), is at the lowest point of its scale.
    AnyItemAtMinimum,
    /// The score dropped by at least the threshold since the previous score the host passed.
    DropFromPrevious,
}

/// A flag declared in the definition: a prompt for the clinician to talk, not a diagnosis.
#[derive(Clone, Debug, PartialEq)]
pub struct FlagRule {
    /// The flag's id.
    pub id: String,
    /// When it is raised.
    pub condition: FlagCondition,
    /// The score it looks at.
    pub score: String,
    /// The threshold (not used by `any-item-at-minimum`).
    pub threshold: Option<f64>,
}

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
        allowed: &'static str,
    },
    /// An item type Rapport does not render.
    UnsupportedType { item_type: String },
    /// An element the widget cannot honour and must not silently ignore (it would change what
    /// the patient is asked), e.g. `repeats: true`.
    UnsupportedElement {
        field: &'static str,
        hint: &'static str,
    },
    /// Two items share a `linkId`.
    DuplicateLinkId,
    /// `enableWhen.question` names no item.
    UnknownQuestion { question: String },
    /// `enableWhen.question` names an item that comes later (or the item itself).
    QuestionNotEarlier { question: String },
    /// `enableWhen` has no `answer[x]`, or one of the wrong type for the operator.
    BadCondition { detail: String },
    /// A choice item without `answerOption`.
    NoOptions,
    /// Two answer options share a code.
    DuplicateOption { code: String },
    /// `minValue` is greater than `maxValue`.
    MinAboveMax,
    /// A group with no items.
    EmptyGroup,
    /// Items nested under a question or display item.
    ItemsUnderQuestion,
    /// A score or flag refers to something that does not exist or cannot be scored.
    BadScoring { detail: String },
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
            ErrorKind::BadCondition { .. } => "enable-when-bad-answer",
            ErrorKind::NoOptions => "no-answer-options",
            ErrorKind::DuplicateOption { .. } => "duplicate-answer-option",
            ErrorKind::MinAboveMax => "min-above-max",
            ErrorKind::EmptyGroup => "empty-group",
            ErrorKind::ItemsUnderQuestion => "items-under-question",
            ErrorKind::BadScoring { .. } => "bad-scoring",
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
            ErrorKind::BadCondition { detail } => format!("enableWhen is not usable: {detail}"),
            ErrorKind::NoOptions => "a choice item has no answerOption".into(),
            ErrorKind::DuplicateOption { code } => {
                format!("the answer option code \"{code}\" is used twice")
            }
            ErrorKind::MinAboveMax => "minValue is greater than maxValue".into(),
            ErrorKind::EmptyGroup => "a group has no items".into(),
            ErrorKind::ItemsUnderQuestion => {
                "items are nested under a question or display item".into()
            }
            ErrorKind::BadScoring { detail } => detail.clone(),
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
            ErrorKind::BadValue { allowed, .. } => format!("use one of: {allowed}"),
            ErrorKind::UnsupportedType { .. } => {
                "use group, display, choice, integer, decimal, boolean, string or text".into()
            }
            ErrorKind::UnsupportedElement { hint, .. } => (*hint).into(),
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
            ErrorKind::NoOptions => "add answerOption entries with valueCoding".into(),
            ErrorKind::DuplicateOption { .. } => "give every option its own code".into(),
            ErrorKind::MinAboveMax => "swap minValue and maxValue".into(),
            ErrorKind::EmptyGroup => "add items to the group or remove it".into(),
            ErrorKind::ItemsUnderQuestion => {
                "put the question and its follow-ups side by side in a group, and use enableWhen".into()
            }
            ErrorKind::BadScoring { .. } => {
                "see docs/fhir-support.md for the score and flag extensions".into()
            }
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

impl Questionnaire {
    /// Parses and checks a definition from JSON text. Returns every problem found.
    pub fn from_json(text: &str) -> Result<Questionnaire, Vec<DefinitionError>> {
        if text.len() > MAX_BYTES {
            return Err(vec![root_error(ErrorKind::TooLarge { bytes: text.len() })]);
        }
        // Phase one: plain JSON. serde_json refuses nesting beyond 128 by itself.
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                let (line, column) = (e.line(), e.column());
                let detail = e.to_string();
                let detail = detail
                    .split(" at line")
                    .next()
                    .unwrap_or(&detail)
                    .to_owned();
                return Err(vec![root_error(ErrorKind::NotJson {
                    line,
                    column,
                    detail,
                })]);
            }
        };
        Self::from_value(&value)
    }

    /// The error for text that is not JSON, for callers that parse JSON themselves (the
    /// widget uses the browser's `JSON.parse`). `line` and `column` start at 1; 0 when unknown.
    pub fn not_json(line: usize, column: usize, detail: String) -> Vec<DefinitionError> {
        vec![root_error(ErrorKind::NotJson {
            line,
            column,
            detail,
        })]
    }

    /// The error for text longer than [`MAX_BYTES`], for callers that parse JSON themselves.
    pub fn too_large(bytes: usize) -> Vec<DefinitionError> {
        vec![root_error(ErrorKind::TooLarge { bytes })]
    }

    /// Parses and checks a definition that is already JSON.
    pub fn from_value(value: &Value) -> Result<Questionnaire, Vec<DefinitionError>> {
        let d = depth(value);
        if d > MAX_DEPTH {
            return Err(vec![root_error(ErrorKind::TooDeep { depth: d })]);
        }
        // Phase two: walk into the checked model.
        let mut p = Parser::default();
        let q = p.questionnaire(value);
        if p.errors.is_empty() {
            if let Some(q) = q {
                return Ok(q);
            }
        }
        Err(p.errors)
    }

    /// The item with this `linkId`.
    pub fn item(&self, link_id: &str) -> Option<&Item> {
        self.index.get(link_id).and_then(|&i| self.items.get(i))
    }

    /// The position of the item with this `linkId` in [`Questionnaire::items`].
    pub fn position(&self, link_id: &str) -> Option<usize> {
        self.index.get(link_id).copied()
    }

    /// The top-level items, in order.
    pub fn roots(&self) -> impl Iterator<Item = &Item> {
        self.roots.iter().filter_map(|&i| self.items.get(i))
    }

    /// The children of an item, in order.
    pub fn children<'a>(&'a self, item: &'a Item) -> impl Iterator<Item = &'a Item> + 'a {
        item.children.iter().filter_map(|&i| self.items.get(i))
    }

    /// The canonical reference `url|version` used by QuestionnaireResponse.questionnaire.
    pub fn canonical(&self) -> Option<String> {
        match (&self.url, &self.version) {
            (Some(u), Some(v)) => Some(format!("{u}|{v}")),
            (Some(u), None) => Some(u.clone()),
            _ => None,
        }
    }

    /// Every language the definition's own texts come in (base first).
    pub fn languages(&self) -> Vec<String> {
        let mut langs = vec![self.language.clone()];
        let mut add = |t: &Option<Text>| {
            if let Some(t) = t {
                for (l, _) in &t.translations {
                    if !langs.iter().any(|x| x == l) {
                        langs.push(l.clone());
                    }
                }
            }
        };
        add(&self.title);
        for item in &self.items {
            add(&item.text);
        }
        langs
    }
}

fn root_error(kind: ErrorKind) -> DefinitionError {
    DefinitionError {
        pointer: String::new(),
        link_id: None,
        kind,
    }
}

#[derive(Default)]
struct Parser {
    errors: Vec<DefinitionError>,
    items: Vec<Item>,
    index: StrMap<usize>,
    /// Conditions to check once every item is known: (item position, pointer, condition).
    pending: Vec<(usize, String, EnableWhen)>,
}

impl Parser {
    fn err(&mut self, pointer: impl Into<String>, link_id: Option<&str>, kind: ErrorKind) {
        self.errors.push(DefinitionError {
            pointer: pointer.into(),
            link_id: link_id.map(str::to_owned),
            kind,
        });
    }

    fn questionnaire(&mut self, v: &Value) -> Option<Questionnaire> {
        let Some(obj) = v.as_object() else {
            self.err(
                "",
                None,
                ErrorKind::WrongType {
                    field: "(document)".into(),
                    expected: "a JSON object",
                    found: type_name(v),
                },
            );
            return None;
        };
        match obj.get("resourceType") {
            Some(Value::String(s)) if s == "Questionnaire" => {}
            Some(Value::String(s)) => {
                self.err(
                    "/resourceType",
                    None,
                    ErrorKind::NotAQuestionnaire { found: s.clone() },
                );
                return None;
            }
            Some(other) => {
                self.wrong_type("/resourceType", None, "resourceType", "a string", other);
                return None;
            }
            None => {
                self.err(
                    "/resourceType",
                    None,
                    ErrorKind::Missing {
                        field: "resourceType",
                    },
                );
                return None;
            }
        }
        let url = self.opt_string(obj, "", "url", None);
        let version = self.opt_string(obj, "", "version", None);
        let name = self.opt_string(obj, "", "name", None);
        let language = self
            .opt_string(obj, "", "language", None)
            .unwrap_or_else(|| "en".to_owned());
        let title = self.text(obj, "", "title", None);
        let mut roots = Vec::new();
        match obj.get("item") {
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if let Some(pos) = self.item(item, &join("/item", i), None) {
                        roots.push(pos);
                    }
                }
            }
            Some(other) => self.wrong_type("/item", None, "item", "an array", other),
            None => self.err("/item", None, ErrorKind::Missing { field: "item" }),
        }
        if self.items.len() > MAX_ITEMS {
            self.err("/item", None, ErrorKind::TooManyItems);
        }
        self.check_conditions();
        let (scores, flags) = self.scoring(obj);
        Some(Questionnaire {
            url,
            version,
            name,
            title,
            language,
            items: std::mem::take(&mut self.items),
            scores,
            flags,
            index: std::mem::take(&mut self.index),
            roots,
        })
    }

    fn wrong_type(
        &mut self,
        pointer: &str,
        link_id: Option<&str>,
        field: &str,
        expected: &'static str,
        found: &Value,
    ) {
        self.err(
            pointer,
            link_id,
            ErrorKind::WrongType {
                field: field.to_owned(),
                expected,
                found: type_name(found),
            },
        );
    }

    fn opt_string(
        &mut self,
        obj: &Map<String, Value>,
        base: &str,
        field: &str,
        link_id: Option<&str>,
    ) -> Option<String> {
        match obj.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.wrong_type(&join(base, field), link_id, field, "a string", other);
                None
            }
        }
    }

    fn opt_bool(
        &mut self,
        obj: &Map<String, Value>,
        base: &str,
        field: &str,
        link_id: Option<&str>,
    ) -> bool {
        match obj.get(field) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.wrong_type(&join(base, field), link_id, field, "true or false", other);
                false
            }
        }
    }

    /// A text field with its `_field` translations.
    fn text(
        &mut self,
        obj: &Map<String, Value>,
        base: &str,
        field: &str,
        link_id: Option<&str>,
    ) -> Option<Text> {
        let text = self.opt_string(obj, base, field, link_id)?;
        let mut translations = Vec::new();
        let under = format!("_{field}");
        if let Some(element) = obj.get(&under) {
            let ptr = join(base, &under);
            for (ext_ptr, e) in extensions(element, &ptr) {
                if e.get("url").and_then(Value::as_str) != Some(EXT_TRANSLATION) {
                    continue;
                }
                let mut lang = None;
                let mut content = None;
                for (_, sub) in extensions_map(e, &ext_ptr) {
                    match sub.get("url").and_then(Value::as_str) {
                        Some("lang") => lang = sub.get("valueCode").and_then(Value::as_str),
                        Some("content") => content = sub.get("valueString").and_then(Value::as_str),
                        _ => {}
                    }
                }
                match (lang, content) {
                    (Some(l), Some(c)) => translations.push((l.to_owned(), c.to_owned())),
                    _ => self.err(
                        ext_ptr,
                        link_id,
                        ErrorKind::Missing {
                            field: "translation lang (valueCode) and content (valueString)",
                        },
                    ),
                }
            }
        }
        Some(Text {
            base: text,
            translations,
        })
    }

    fn item(&mut self, v: &Value, ptr: &str, parent: Option<usize>) -> Option<usize> {
        let Some(obj) = v.as_object() else {
            self.wrong_type(ptr, None, "item", "an object", v);
            return None;
        };
        let link_id = match obj.get("linkId") {
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            Some(Value::String(_)) | None => {
                self.err(
                    join(ptr, "linkId"),
                    None,
                    ErrorKind::Missing { field: "linkId" },
                );
                return None;
            }
            Some(other) => {
                self.wrong_type(&join(ptr, "linkId"), None, "linkId", "a string", other);
                return None;
            }
        };
        // A read-only or calculated item (an SDC `calculatedExpression` total, say) is for
        // other renderers: drawn here it would be a question the patient could answer. It is
        // left out, deliberately (docs/fhir-support.md): scores come from the `score` extension.
        if obj.get("readOnly").and_then(Value::as_bool) == Some(true)
            || extensions(v, ptr).iter().any(|(_, e)| {
                e.get("url")
                    .and_then(Value::as_str)
                    .is_some_and(|u| u.ends_with("calculatedExpression"))
            })
        {
            return None;
        }
        let lid = Some(link_id.as_str());
        let type_ptr = join(ptr, "type");
        let item_type = match obj.get("type") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                self.wrong_type(&type_ptr, lid, "type", "a string", other);
                return None;
            }
            None => {
                self.err(type_ptr, lid, ErrorKind::Missing { field: "type" });
                return None;
            }
        };
        let text = self.text(obj, ptr, "text", lid);
        let required = self.opt_bool(obj, ptr, "required", lid);
        let extensions_here: Vec<(String, &Map<String, Value>)> =
            extensions(v, ptr).into_iter().collect();
        let control = extensions_here.iter().find_map(|(_, e)| {
            (e.get("url").and_then(Value::as_str) == Some(EXT_ITEM_CONTROL))
                .then(|| {
                    e.get("valueCodeableConcept")
                        .and_then(|c| c.get("coding"))
                        .and_then(Value::as_array)
                        .and_then(|c| c.first())
                        .and_then(|c| c.get("code"))
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                })
                .flatten()
        });
        let reverse_scored = extensions_here.iter().any(|(_, e)| {
            e.get("url").and_then(Value::as_str) == Some(ext("reverse-scored").as_str())
                && e.get("valueBoolean") == Some(&Value::Bool(true))
        });
        let number_ext = |url: &str| {
            extensions_here.iter().find_map(|(p, e)| {
                (e.get("url").and_then(Value::as_str) == Some(url)).then(|| {
                    let v = e
                        .get("valueInteger")
                        .or_else(|| e.get("valueDecimal"))
                        .and_then(Value::as_f64);
                    (p.clone(), v)
                })
            })
        };
        let min = number_ext(EXT_MIN_VALUE);
        let max = number_ext(EXT_MAX_VALUE);
        let step = number_ext(EXT_SLIDER_STEP);
        for (p, v) in [&min, &max, &step].into_iter().flatten() {
            if v.is_none_or(|x| !x.is_finite()) {
                self.err(
                    p.clone(),
                    lid,
                    ErrorKind::Missing {
                        field: "valueInteger or valueDecimal",
                    },
                );
            }
        }
        let min = min.and_then(|(_, v)| v);
        let max = max.and_then(|(_, v)| v);
        if let (Some(a), Some(b)) = (min, max) {
            if a > b {
                self.err(ptr, lid, ErrorKind::MinAboveMax);
            }
        }
        let max_length = match obj.get("maxLength") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|n| n > 0) => {
                Some((n.as_u64().unwrap_or(0) as usize).min(MAX_TEXT_LENGTH))
            }
            Some(other) => {
                self.wrong_type(
                    &join(ptr, "maxLength"),
                    lid,
                    "maxLength",
                    "a positive integer",
                    other,
                );
                None
            }
        };
        let kind = match item_type.as_str() {
            "group" => ItemKind::Group,
            "display" => ItemKind::Display,
            "choice" => ItemKind::Choice {
                options: self.options(obj, ptr, lid),
            },
            "integer" => {
                let to_i =
                    |x: Option<f64>| x.map(|x| x.clamp(i64::MIN as f64, i64::MAX as f64) as i64);
                let (min, max) = (to_i(min), to_i(max));
                let wants_slider = control.as_deref() == Some("slider");
                let span = match (min, max) {
                    (Some(a), Some(b)) => b.checked_sub(a),
                    _ => None,
                };
                let control = if wants_slider && span.is_some() {
                    NumericControl::Slider
                } else if span.is_some_and(|s| (0..=10).contains(&s)) {
                    NumericControl::RadioRow
                } else {
                    NumericControl::Input
                };
                let step = to_i(step.and_then(|(_, v)| v))
                    .filter(|s| *s > 0)
                    .unwrap_or(1);
                ItemKind::Integer {
                    min,
                    max,
                    control,
                    step,
                }
            }
            "decimal" => ItemKind::Decimal { min, max },
            "boolean" => ItemKind::Boolean,
            "string" => ItemKind::String { max_length },
            "text" => ItemKind::Text { max_length },
            other => {
                self.err(
                    type_ptr,
                    lid,
                    ErrorKind::UnsupportedType {
                        item_type: other.to_owned(),
                    },
                );
                return None;
            }
        };
        // Elements that change what is asked are refused rather than ignored.
        for (field, hint) in [(
            "repeats",
            "remove \"repeats\": true; ask one question per answer (e.g. yes/no questions)",
        )] {
            if obj.get(field).and_then(Value::as_bool) == Some(true) {
                self.err(
                    join(ptr, field),
                    lid,
                    ErrorKind::UnsupportedElement { field, hint },
                );
            }
        }
        let enable_behavior = match obj.get("enableBehavior") {
            None | Some(Value::Null) => EnableBehavior::All,
            Some(Value::String(s)) if s == "all" => EnableBehavior::All,
            Some(Value::String(s)) if s == "any" => EnableBehavior::Any,
            Some(other) => {
                self.err(
                    join(ptr, "enableBehavior"),
                    lid,
                    ErrorKind::BadValue {
                        field: "enableBehavior".into(),
                        value: crate::json::describe(other),
                        allowed: "all, any",
                    },
                );
                EnableBehavior::All
            }
        };
        let pos = self.items.len();
        if self.index.contains_key(&link_id) {
            self.err(join(ptr, "linkId"), lid, ErrorKind::DuplicateLinkId);
        } else {
            self.index.insert(link_id.clone(), pos);
        }
        self.conditions(obj, ptr, &link_id, pos);
        self.items.push(Item {
            link_id: link_id.clone(),
            pointer: ptr.to_owned(),
            kind: kind.clone(),
            text,
            required,
            enable_when: Vec::new(),
            enable_behavior,
            reverse_scored,
            parent,
            children: Vec::new(),
        });
        if self.items.len() > MAX_ITEMS {
            return Some(pos);
        }
        let children = match obj.get("item") {
            Some(Value::Array(items)) => {
                let mut children = Vec::new();
                for (i, child) in items.iter().enumerate() {
                    if let Some(c) = self.item(child, &join(&join(ptr, "item"), i), Some(pos)) {
                        children.push(c);
                    }
                }
                children
            }
            None | Some(Value::Null) => Vec::new(),
            Some(other) => {
                self.wrong_type(&join(ptr, "item"), lid, "item", "an array", other);
                Vec::new()
            }
        };
        // No items, `"item": null` and `"item": []` are all an empty group; a group whose
        // items all failed has its errors already.
        let no_items = match obj.get("item") {
            None | Some(Value::Null) => true,
            Some(Value::Array(items)) => items.is_empty(),
            Some(_) => false,
        };
        if kind == ItemKind::Group && no_items {
            self.err(ptr, lid, ErrorKind::EmptyGroup);
        }
        // FHIR allows items under a question (answered per answer) and forbids them under
        // display text; Rapport supports neither yet, so say so rather than lose answers.
        if kind != ItemKind::Group && !no_items {
            self.err(join(ptr, "item"), lid, ErrorKind::ItemsUnderQuestion);
        }
        if let Some(item) = self.items.get_mut(pos) {
            item.children = children;
        }
        Some(pos)
    }

    fn options(
        &mut self,
        obj: &Map<String, Value>,
        ptr: &str,
        lid: Option<&str>,
    ) -> Vec<AnswerOption> {
        let Some(list) = obj.get("answerOption") else {
            self.err(ptr, lid, ErrorKind::NoOptions);
            return Vec::new();
        };
        let Some(list) = list.as_array() else {
            self.wrong_type(
                &join(ptr, "answerOption"),
                lid,
                "answerOption",
                "an array",
                list,
            );
            return Vec::new();
        };
        if list.is_empty() {
            self.err(join(ptr, "answerOption"), lid, ErrorKind::NoOptions);
        }
        let mut seen: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for (i, opt) in list.iter().enumerate() {
            let optr = join(&join(ptr, "answerOption"), i);
            let Some(coding) = opt.get("valueCoding").and_then(Value::as_object) else {
                self.err(
                    optr,
                    lid,
                    ErrorKind::Missing {
                        field: "valueCoding",
                    },
                );
                continue;
            };
            let cptr = join(&optr, "valueCoding");
            let Some(code) = coding.get("code").and_then(Value::as_str) else {
                self.err(
                    join(&cptr, "code"),
                    lid,
                    ErrorKind::Missing { field: "code" },
                );
                continue;
            };
            let fresh = match seen.binary_search(&code) {
                Ok(_) => false,
                Err(at) => {
                    seen.insert(at, code);
                    true
                }
            };
            if !fresh {
                self.err(
                    join(&cptr, "code"),
                    lid,
                    ErrorKind::DuplicateOption { code: code.into() },
                );
            }
            let system = self.opt_string(coding, &cptr, "system", lid);
            let display = self.text(coding, &cptr, "display", lid);
            // ordinalValue / itemWeight may sit on the option or on the coding.
            let holders = [extensions(opt, &optr), extensions_map(coding, &cptr)];
            let score = holders.iter().find_map(|list| {
                list.iter().find_map(|(_, e)| {
                    let url = e.get("url").and_then(Value::as_str)?;
                    (url == EXT_ORDINAL_VALUE || url == EXT_ITEM_WEIGHT)
                        .then(|| e.get("valueDecimal").or_else(|| e.get("valueInteger")))
                        .flatten()
                        .and_then(Value::as_f64)
                })
            });
            let not_applicable = holders.iter().any(|list| {
                list.iter().any(|(_, e)| {
                    e.get("url").and_then(Value::as_str) == Some(ext("not-applicable").as_str())
                        && e.get("valueBoolean").and_then(Value::as_bool) == Some(true)
                })
            });
            out.push(AnswerOption {
                code: code.to_owned(),
                system,
                display,
                score,
                not_applicable,
            });
        }
        out
    }

    fn conditions(&mut self, obj: &Map<String, Value>, ptr: &str, link_id: &str, pos: usize) {
        let lid = Some(link_id);
        let list = match obj.get("enableWhen") {
            None | Some(Value::Null) => return,
            Some(Value::Array(a)) => a,
            Some(other) => {
                self.wrong_type(
                    &join(ptr, "enableWhen"),
                    lid,
                    "enableWhen",
                    "an array",
                    other,
                );
                return;
            }
        };
        for (i, cond) in list.iter().enumerate() {
            let cptr = join(&join(ptr, "enableWhen"), i);
            let Some(c) = cond.as_object() else {
                self.wrong_type(&cptr, lid, "enableWhen", "an object", cond);
                continue;
            };
            let Some(question) = c.get("question").and_then(Value::as_str) else {
                self.err(
                    join(&cptr, "question"),
                    lid,
                    ErrorKind::Missing { field: "question" },
                );
                continue;
            };
            let operator = match c.get("operator").and_then(Value::as_str) {
                Some("exists") => Operator::Exists,
                Some("=") => Operator::Equal,
                Some("!=") => Operator::NotEqual,
                Some(">") => Operator::Greater,
                Some("<") => Operator::Less,
                Some(">=") => Operator::GreaterOrEqual,
                Some("<=") => Operator::LessOrEqual,
                Some(other) => {
                    self.err(
                        join(&cptr, "operator"),
                        lid,
                        ErrorKind::BadValue {
                            field: "operator".into(),
                            value: other.into(),
                            allowed: "exists, =, !=, >, <, >=, <=",
                        },
                    );
                    continue;
                }
                None => {
                    self.err(
                        join(&cptr, "operator"),
                        lid,
                        ErrorKind::Missing { field: "operator" },
                    );
                    continue;
                }
            };
            let answer = answer_x(c);
            let Some(answer) = answer else {
                self.err(cptr, lid, ErrorKind::BadCondition {
                    detail: "no answer[x] (answerBoolean, answerInteger, answerDecimal, answerString or answerCoding)".into(),
                });
                continue;
            };
            self.pending.push((
                pos,
                cptr,
                EnableWhen {
                    question: question.to_owned(),
                    operator,
                    answer,
                },
            ));
        }
    }

    /// Checks conditions once every item is known: the question exists, comes earlier, and the
    /// answer type fits the operator and the question.
    fn check_conditions(&mut self) {
        for (pos, cptr, cond) in std::mem::take(&mut self.pending) {
            let link_id = self.items.get(pos).map(|i| i.link_id.clone());
            let lid = link_id.as_deref();
            let Some(&target) = self.index.get(&cond.question) else {
                self.err(
                    join(&cptr, "question"),
                    lid,
                    ErrorKind::UnknownQuestion {
                        question: cond.question.clone(),
                    },
                );
                continue;
            };
            if target >= pos {
                self.err(
                    join(&cptr, "question"),
                    lid,
                    ErrorKind::QuestionNotEarlier {
                        question: cond.question.clone(),
                    },
                );
                continue;
            }
            let target_kind = self.items.get(target).map(|i| i.kind.clone());
            let problem = condition_problem(&cond, target_kind.as_ref());
            if let Some(detail) = problem {
                self.err(cptr, lid, ErrorKind::BadCondition { detail });
                continue;
            }
            if let Some(item) = self.items.get_mut(pos) {
                item.enable_when.push(cond);
            }
        }
    }

    fn scoring(&mut self, obj: &Map<String, Value>) -> (Vec<ScoreRule>, Vec<FlagRule>) {
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
                Some("id") => id = sub.get("valueCode").and_then(Value::as_str).map(str::to_owned),
                Some("method") => {
                    method = match sub.get("valueCode").and_then(Value::as_str) {
                        Some("sum") => ScoreMethod::Sum,
                        Some("mean") => ScoreMethod::Mean,
                        Some("prorated-sum") => ScoreMethod::ProratedSum,
                        other => {
                            self.err(sptr, None, ErrorKind::BadValue {
                                field: "method".into(),
                                value: other.unwrap_or("(none)").into(),
                                allowed: "sum, mean, prorated-sum",
                            });
                            return None;
                        }
                    }
                }
                Some("item") => match sub.get("valueString").and_then(Value::as_str) {
                    Some(link) => match self.index.get(link).and_then(|&i| self.items.get(i)) {
                        Some(item) if scorable(item) => items.push(link.to_owned()),
                        Some(_) => self.err(sptr, Some(link), ErrorKind::BadScoring {
                            detail: format!("score item \"{link}\" is not a choice with ordinalValue on every option (or the not-applicable extension), nor a bounded integer"),
                        }),
                        None => self.err(sptr, None, ErrorKind::BadScoring {
                            detail: format!("score item \"{link}\" is not an item"),
                        }),
                    },
                    None => self.err(sptr, None, ErrorKind::Missing { field: "valueString" }),
                },
                Some("rescale") => {
                    let bound = |name: &str| {
                        sub.get("valueRange")?
                            .get(name)?
                            .get("value")?
                            .as_f64()
                    };
                    match (bound("low"), bound("high")) {
                        (Some(low), Some(high)) if low < high => rescale = Some((low, high)),
                        _ => self.err(sptr, None, ErrorKind::BadScoring {
                            detail: "rescale needs valueRange with low.value below high.value, e.g. {\"low\":{\"value\":0},\"high\":{\"value\":100}}".into(),
                        }),
                    }
                }
                Some("label") => label = self.text(sub, &sptr, "valueString", None),
                Some("minAnswered") => {
                    min_answered = sub.get("valueInteger").and_then(Value::as_u64).map(|n| n as usize)
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
                    detail: format!("score id \"{id}\" is declared twice"),
                },
            );
            return None;
        }
        if items.is_empty() {
            self.err(
                eptr,
                None,
                ErrorKind::BadScoring {
                    detail: format!("score \"{id}\" has no items"),
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
                            self.err(sptr, None, ErrorKind::BadValue {
                                field: "when".into(),
                                value: other.unwrap_or("(none)").into(),
                                allowed: "score-below, score-at-or-below, any-item-at-or-below, any-item-at-minimum, drop-from-previous",
                            });
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
            self.err(eptr, None, ErrorKind::BadScoring {
                detail: format!("flag \"{id}\" refers to score \"{score}\", which is not declared before it"),
            });
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
/// with both bounds.
pub fn scorable(item: &Item) -> bool {
    match &item.kind {
        ItemKind::Choice { options } => {
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

fn condition_problem(cond: &EnableWhen, target: Option<&ItemKind>) -> Option<String> {
    if cond.operator == Operator::Exists {
        if !matches!(cond.answer, AnswerValue::Boolean(_)) {
            return Some("\"exists\" needs answerBoolean".to_owned());
        }
        // A group or display item is never answered: the condition would be constant.
        if !target.is_some_and(ItemKind::is_question) {
            return Some("\"exists\" needs a question, not a group or display item".to_owned());
        }
        return None;
    }
    let ordered = !matches!(cond.operator, Operator::Equal | Operator::NotEqual);
    let fits = match (target, &cond.answer) {
        (Some(ItemKind::Choice { .. }), AnswerValue::Coding { .. }) => !ordered,
        (Some(ItemKind::Boolean), AnswerValue::Boolean(_)) => !ordered,
        (Some(ItemKind::Integer { .. } | ItemKind::Decimal { .. }), a) => a.as_number().is_some(),
        (Some(ItemKind::String { .. } | ItemKind::Text { .. }), AnswerValue::String(_)) => true,
        _ => false,
    };
    (!fits).then(|| {
        format!(
            "answer{} with \"{}\" does not fit the question's type",
            cond.answer.kind_name(),
            operator_symbol(cond.operator)
        )
    })
}

fn operator_symbol(op: Operator) -> &'static str {
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

/// Reads `answer[x]` (as in `enableWhen`) or `value[x]` from an object.
fn answer_x(c: &Map<String, Value>) -> Option<AnswerValue> {
    value_x(c, "answer")
}

/// Reads a FHIR `<prefix>[x]` choice value (Boolean, Integer, Decimal, String, Coding).
pub fn value_x(c: &Map<String, Value>, prefix: &str) -> Option<AnswerValue> {
    let get = |suffix: &str| c.get(&format!("{prefix}{suffix}"));
    if let Some(b) = get("Boolean").and_then(Value::as_bool) {
        return Some(AnswerValue::Boolean(b));
    }
    if let Some(i) = get("Integer").and_then(Value::as_i64) {
        return Some(AnswerValue::Integer(i));
    }
    if let Some(d) = get("Decimal")
        .and_then(Value::as_f64)
        .filter(|d| d.is_finite())
    {
        return Some(AnswerValue::Decimal(d));
    }
    if let Some(s) = get("String").and_then(Value::as_str) {
        return Some(AnswerValue::String(s.to_owned()));
    }
    if let Some(coding) = get("Coding").and_then(Value::as_object) {
        let code = coding.get("code").and_then(Value::as_str)?;
        let system = coding
            .get("system")
            .and_then(Value::as_str)
            .map(str::to_owned);
        return Some(AnswerValue::Coding {
            system,
            code: code.to_owned(),
        });
    }
    None
}

/// The extensions of an element, each with its pointer. Non-object entries are skipped.
fn extensions<'a>(element: &'a Value, ptr: &str) -> Vec<(String, &'a Map<String, Value>)> {
    element
        .as_object()
        .map(|m| extensions_map(m, ptr))
        .unwrap_or_default()
}

/// The extensions of an object, each with its pointer.
fn extensions_map<'a>(
    element: &'a Map<String, Value>,
    ptr: &str,
) -> Vec<(String, &'a Map<String, Value>)> {
    element
        .get("extension")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .enumerate()
                .filter_map(|(i, e)| e.as_object().map(|o| (join(&join(ptr, "extension"), i), o)))
                .collect()
        })
        .unwrap_or_default()
}

/// Locates a JSON pointer in the JSON source text, as `(line, column)` of the member's key (or
/// of the array element), for messages about a file (the linter). Walks the text structurally, so a key of the same
/// name deeper down is never mistaken for the one wanted. `None` when the pointer does not
/// resolve. Iterative: no input can exhaust the stack.
pub fn locate_pointer(source: &str, pointer: &str) -> Option<(usize, usize)> {
    let bytes = source.as_bytes();
    let mut at = skip_ws(bytes, 0);
    if pointer.is_empty() {
        return (at < bytes.len()).then(|| line_col(source, at));
    }
    let mut report = at;
    for token in pointer.strip_prefix('/')?.split('/') {
        let token = token.replace("~1", "/").replace("~0", "~");
        match bytes.get(at)? {
            b'{' => {
                at = skip_ws(bytes, at + 1);
                loop {
                    if *bytes.get(at)? == b'}' {
                        return None;
                    }
                    let key_start = at;
                    let key_end = skip_value(bytes, at)?;
                    let key: String = serde_json::from_str(source.get(at..key_end)?).ok()?;
                    at = skip_ws(bytes, key_end);
                    if *bytes.get(at)? != b':' {
                        return None;
                    }
                    at = skip_ws(bytes, at + 1);
                    if key == token {
                        report = key_start;
                        break;
                    }
                    at = skip_ws(bytes, skip_value(bytes, at)?);
                    match bytes.get(at)? {
                        b',' => at = skip_ws(bytes, at + 1),
                        _ => return None,
                    }
                }
            }
            b'[' => {
                let index: usize = token.parse().ok()?;
                at = skip_ws(bytes, at + 1);
                for _ in 0..index {
                    if *bytes.get(at)? == b']' {
                        return None;
                    }
                    at = skip_ws(bytes, skip_value(bytes, at)?);
                    match bytes.get(at)? {
                        b',' => at = skip_ws(bytes, at + 1),
                        _ => return None,
                    }
                }
                if *bytes.get(at)? == b']' {
                    return None;
                }
                report = at;
            }
            _ => return None,
        }
    }
    Some(line_col(source, report))
}

fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
        at += 1;
    }
    at
}

/// The end (exclusive) of the JSON value starting at `at`, without recursion.
fn skip_value(bytes: &[u8], mut at: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match *bytes.get(at)? {
            b'"' => {
                at += 1;
                loop {
                    match *bytes.get(at)? {
                        b'\\' => at += 2,
                        b'"' => break,
                        _ => at += 1,
                    }
                }
                at += 1;
            }
            b'{' | b'[' => {
                depth += 1;
                at += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                at += 1;
            }
            b',' | b':' if depth > 0 => at += 1,
            b if b.is_ascii_whitespace() && depth > 0 => at += 1,
            _ if depth == 0 => {
                // A scalar: up to the next delimiter.
                while bytes.get(at).is_some_and(|b| {
                    !matches!(b, b',' | b'}' | b']' | b':') && !b.is_ascii_whitespace()
                }) {
                    at += 1;
                }
                return Some(at);
            }
            _ => at += 1,
        }
        if depth == 0 {
            return Some(at);
        }
    }
}
