//! The checked model of a questionnaire: what the parser (`definition/parse.rs`) builds and the
//! rest of the core reads (items, options, conditions, score and flag rules), with the few
//! lookups over it.
//!
//! Plain data: no JSON, no error reporting, no checks here. Everything in it has been checked
//! by the parser, so code that reads it can trust it (unique `linkId`s, conditions that point
//! to earlier questions, scores over scorable items).

use crate::answers::AnswerValue;
use crate::strmap::StrMap;

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
    /// `linkId` → position in `items` (filled by the parser).
    pub(super) index: StrMap<usize>,
    /// Positions of the top-level items.
    pub(super) roots: Vec<usize>,
    /// The definition as loaded, kept when it has FHIRPath expressions (SDC `variable`,
    /// `calculatedExpression`…), which [`crate::fhirpath::Program::compile`] reads.
    pub expressions: Option<Box<serde_json::Value>>,
    /// The definition as loaded, kept while the answers its items start with are unread
    /// ([`Questionnaire::read_later`]).
    pub(super) unread_later: Option<Box<serde_json::Value>>,
    /// FHIR `initial` (or the options with `initialSelected`): the answer an item starts with
    /// on a first visit, by `linkId`, checked like an answer (`AnswerValue::Many` when it
    /// repeats); the patient may change it unless the item is `read_only`. Beside the items
    /// rather than in them: a first render without them carries no code for them.
    pub(super) initial: Vec<(String, AnswerValue)>,
    /// The constraints answers must meet (SDC `targetConstraint`, R4 `questionnaire-constraint`,
    /// severity `error` on questions, `warning` on questions and groups), in document order: [`crate::fhirpath::Program`] works them
    /// out, and a broken one is the item's issue ([`crate::validate::IssueCode::Constraint`],
    /// its index here). Read with the initial values ([`Questionnaire::read_later`]).
    pub constraints: Vec<Constraint>,
}

/// A constraint an item's answer must meet ([`Questionnaire::constraints`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Constraint {
    /// The item's `linkId` (every instance of a repeating group has it).
    pub link_id: String,
    /// Where the extension is (its FHIRPath is read from there).
    pub pointer: String,
    /// What the patient is told when it is not met (`human`, with its translations).
    pub human: Text,
    /// Severity `warning`: told, but the response is complete without it (on a question the
    /// patient answers or a group; [`crate::answers::Answers::warned`]).
    pub warning: bool,
}

/// Text in a base language with optional translations (FHIR's `translation` extension).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    /// The text in the definition's base language.
    pub base: String,
    /// `(language tag, text)` pairs, in the order given.
    pub translations: Vec<(String, String)>,
    /// The base text as rich text (`rendering-xhtml` or `rendering-markdown`), shown instead
    /// of `base` when the base language is the one shown ([`Text::rich_for`]).
    pub rich: Option<Box<crate::rich::Rich>>,
}

impl Text {
    /// The rich text to show for `chain`: only when the base text is the one shown (a
    /// translation is plain words).
    pub fn rich_for(&self, chain: &[String], base_lang: &str) -> Option<&crate::rich::Rich> {
        let shown = self.resolve(chain, base_lang);
        // The same text, not equal words: a translation may read like the base. (Empty
        // strings share one address; an empty base has nothing to show anyway.)
        self.rich
            .as_deref()
            .filter(|_| !self.base.is_empty() && std::ptr::eq(shown, self.base.as_str()))
    }

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
    /// The item's unique `linkId`; in a questionnaire with instances of repeating groups, its
    /// key ([`super::instances`]).
    pub link_id: String,
    /// Where the item is in the definition (a JSON pointer such as `/item/2/item/0`).
    pub pointer: String,
    /// What kind of answer the item takes.
    pub kind: ItemKind,
    /// The question text (absent for bundled instruments, whose texts come from Fluent).
    pub text: Option<Text>,
    /// FHIR `prefix` ("1.", "a)"), shown before the text, with `_prefix` translations.
    pub prefix: Option<Text>,
    /// The `entryFormat` extension ("YYYY", "kg"): a hint shown in an empty text or number
    /// field, with `_valueString` translations.
    pub entry_format: Option<Text>,
    /// The `questionnaire-unit` extension of an integer or decimal item ("kg", "mg/dL"): shown
    /// after the field and named with it; the answer stays a plain number, in this unit.
    pub unit: Option<Text>,
    /// The `minLength` extension of a `string` or `text` item: an answer with fewer characters
    /// is `too-short`.
    pub min_length: Option<usize>,
    /// FHIR's `regex` extension on a `string` or `text` item: a text answer must fit it whole
    /// (else `no-match`). Read with the initial values ([`Questionnaire::read_later`]).
    pub pattern: Option<TextPattern>,
    /// Whether an answer is required (when the item is enabled): with `repeats`, at least one.
    pub required: bool,
    /// FHIR `repeats`: a `choice` item takes several answers
    /// ([`crate::answers::AnswerValue::Many`], check boxes, and an open-choice's own words as
    /// one more text answer); a `string` or `text` item, rows of text; a group is asked once per
    /// instance the patient adds ([`super::instances`]). Refused on other types.
    pub repeats: bool,
    /// Conditions under which the item is shown.
    pub enable_when: Vec<EnableWhen>,
    /// How several conditions combine.
    pub enable_behavior: EnableBehavior,
    /// Rapport's `reverse-scored` extension: the item counts reversed in scores.
    pub reverse_scored: bool,
    /// SDC `calculatedExpression`: the answer is worked out from other answers
    /// ([`crate::fhirpath`]), shown read-only and sent; never asked, never required.
    pub calculated: bool,
    /// `questionnaire-hidden` on a calculated item or one with an `initial` value: worked out
    /// or given, and sent, never drawn (other hidden items are left out of the model).
    pub hidden: bool,
    /// FHIR `readOnly` (or `questionnaire-hidden`) on a question with an `initial` value: its
    /// value is the definition's, shown (unless hidden) but never changed, sent as given; the
    /// receiver refuses another value. Other read-only questions are left out of the model.
    pub read_only: bool,
    /// SDC `enableWhenExpression`: shown only while its FHIRPath gives `true`
    /// ([`crate::answers::Answers::shown_by_expression`]), besides any `enableWhen`.
    pub enable_expression: bool,
    /// Index of the parent group in [`Questionnaire::items`].
    pub parent: Option<usize>,
    /// Indices of the children in [`Questionnaire::items`].
    pub children: Vec<usize>,
}

/// A compiled `regex` ([`crate::pattern::Pattern`]) behind a function: the validation every
/// answer goes through calls it without carrying the matcher, which only the code that reads
/// patterns (a chunk of its own in the widget) does.
#[derive(Clone)]
pub struct TextPattern(pub(crate) std::sync::Arc<dyn Fn(&str) -> bool + Send + Sync>);

impl TextPattern {
    /// Whether the whole text fits.
    pub fn fits(&self, text: &str) -> bool {
        (self.0)(text)
    }
}

impl std::fmt::Debug for TextPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TextPattern")
    }
}

impl Item {
    /// Whether the patient answers the item: not worked out (calculated) nor given (read-only).
    pub fn asked(&self) -> bool {
        !self.calculated && !self.read_only
    }
}

/// The answer type of an item, with what the renderer and validator need.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    /// A group of items; takes no answer.
    Group,
    /// Text only; takes no answer.
    Display,
    /// One of a list of options (a radio group; check boxes with `repeats`). `open` is `Some`
    /// for FHIR's `open-choice`: the patient may instead write an answer of their own
    /// (`valueString`), under the label the definition gives (SDC `openLabel`; an empty text
    /// means the widget's own words).
    Choice {
        options: Vec<AnswerOption>,
        open: Option<Text>,
        /// How the options are laid out (`questionnaire-itemControl`, `choiceOrientation`).
        layout: ChoiceLayout,
    },
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
    /// A calendar day (`date`).
    Date,
    /// A local date and time, stored with its UTC offset (`dateTime`).
    DateTime,
    /// A time of day (`time`).
    Time,
    /// A number with a unit (`quantity`): `units` from `questionnaire-unitOption` (the patient
    /// picks one; the first is chosen until they do) or `questionnaire-unit` (the one unit),
    /// each a coding, its display translatable. Empty when the definition names none: the
    /// patient writes the unit in words ([`crate::answers::AnswerValue::Quantity`]'s `code`
    /// then holds them; sent as the Quantity's `unit`), or, for a calculated quantity, there is
    /// none (a total).
    Quantity { units: Vec<AnswerOption> },
}

impl ItemKind {
    /// Whether the item takes an answer at all.
    pub fn is_question(&self) -> bool {
        !matches!(self, ItemKind::Group | ItemKind::Display)
    }
}

/// How a choice's options are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceLayout {
    /// One under the other (the default; FHIR's `choiceOrientation` `vertical`).
    Vertical,
    /// Side by side, wrapping on a narrow screen (`choiceOrientation` `horizontal`).
    Horizontal,
    /// A drop-down list (`itemControl` `drop-down` or `autocomplete`), for long lists. Only on a
    /// choice that takes one answer from its options: check boxes and an open-choice's own
    /// words stay as they are.
    DropDown,
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

/// One answer option of a choice item: a coding, or a text (`answerOption.valueString`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnswerOption {
    /// `valueCoding.code`; for a text option, the text (`valueString`).
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
    /// A text option (`valueString`): answered as `valueString`, its text the code and the
    /// label (with `_valueString` translations).
    pub text: bool,
}

impl AnswerOption {
    /// The answer that picking this option gives.
    pub fn answer(&self) -> AnswerValue {
        if self.text {
            return AnswerValue::String(self.code.clone());
        }
        AnswerValue::Coding {
            system: self.system.clone(),
            code: self.code.clone(),
        }
    }

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

impl Questionnaire {
    /// The answers items start with (FHIR `initial`, `initialSelected`), by key, in document
    /// order: given on a first visit, and to a read-only item always.
    pub fn initial_answers(&self) -> impl Iterator<Item = (&Item, &AnswerValue)> {
        self.items
            .iter()
            .filter_map(|i| self.initial_of(i).map(|v| (i, v)))
    }

    /// The answer `item` starts with (in every instance of a repeating group).
    pub fn initial_of(&self, item: &Item) -> Option<&AnswerValue> {
        let link_id = super::instances::link_id_of(&item.link_id);
        self.initial
            .iter()
            .find(|(l, _)| l == link_id)
            .map(|(_, v)| v)
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
