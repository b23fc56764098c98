//! Where every word the patient sees comes from: the widget's Fluent strings, the bundled
//! instrument's Fluent file, or a clinic definition's own texts and translations. One
//! [`Strings`] value per language choice; switching language swaps it and keeps the answers.

use rapport_core::bundled;
use rapport_core::definition::{AnswerOption, Item, Questionnaire, ScoreRule, Text};
use rapport_core::i18n::{Arg, Localizer};
use rapport_core::rich::Rich;
use rapport_core::validate::IssueCode;

/// The words for one language choice.
#[derive(Debug)]
pub struct Strings {
    /// Widget strings (and, for a bundled instrument, its texts), with per-message fallback.
    pub loc: Localizer,
    /// The language the patient sees (set as `lang` on the widget root).
    pub tag: String,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// The translation status of the questionnaire texts the patient sees (for the payload).
    pub status: String,
    /// For a clinic definition: the fallback chain for its own texts.
    pub definition_chain: Vec<String>,
    /// Whether the questionnaire is bundled (texts from Fluent) or a clinic's (texts inline).
    pub bundled: bool,
}

impl Strings {
    /// A widget message.
    pub fn t(&self, id: &str) -> String {
        self.loc.text(id, &[])
    }

    /// The patient-facing message for a problem with an item's answer.
    pub fn issue(&self, q: &Questionnaire, item: &Item, code: &IssueCode) -> String {
        // An answer that does not fit the item's pattern: with the definition's own example
        // of the way to write it (`entryFormat`), when it gives one.
        if let (IssueCode::NoMatch, Some(example)) = (code, &item.entry_format) {
            let example = Arg::Text(self.words(q, example));
            return self.t_args("issue-no-match-example", &[("example", example)]);
        }
        // A broken constraint: the definition's own words for it.
        if let IssueCode::Constraint { index } = code {
            if let Some(c) = q.constraints.get(*index) {
                return self.words(q, &c.human);
            }
        }
        let args: Vec<(&str, Arg)> = match code {
            IssueCode::BelowMin { min } => vec![("min", Arg::Number(*min))],
            IssueCode::AboveMax { max } => vec![("max", Arg::Number(*max))],
            IssueCode::TooLong { max } => vec![("max", Arg::Number(*max as f64))],
            IssueCode::TooShort { min } => vec![("min", Arg::Number(*min as f64))],
            _ => Vec::new(),
        };
        self.t_args(code.fluent_id(), &args)
    }

    /// A widget message with arguments.
    pub fn t_args(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.loc.text(id, args)
    }

    /// A number written for the patient's language (e.g. Persian digits); what is stored stays
    /// a plain value.
    pub fn number(&self, n: f64) -> String {
        self.loc.number(&self.tag, n)
    }

    /// The questionnaire's title.
    pub fn title(&self, q: &Questionnaire) -> Option<String> {
        if self.bundled {
            self.loc.format(bundled::TITLE_ID, &[])
        } else {
            q.title
                .as_ref()
                .map(|t| t.resolve(&self.definition_chain, &q.language).to_owned())
        }
    }

    /// A bundled instrument's extra texts (intro, notice); none for clinic definitions.
    pub fn instrument_text(&self, id: &str) -> Option<String> {
        if self.bundled {
            self.loc.format(id, &[])
        } else {
            None
        }
    }

    /// An item's text.
    pub fn item(&self, q: &Questionnaire, item: &Item) -> String {
        if self.bundled {
            return self.loc.text(&bundled::item_id(item), &[]);
        }
        let text = item
            .text
            .as_ref()
            .map(|t| self.words(q, t))
            .unwrap_or_default();
        // FHIR's `prefix` ("1.", "a)") goes before the text, one space between.
        match &item.prefix {
            Some(p) => format!("{} {text}", self.words(q, p)),
            None => text,
        }
    }

    /// A clinic definition's rich text (`rendering-xhtml`, `rendering-markdown`) when its base
    /// text is the one shown; a translation is plain words.
    pub fn rich<'a>(&self, q: &Questionnaire, text: &'a Text) -> Option<&'a Rich> {
        if self.bundled {
            return None;
        }
        text.rich_for(&self.definition_chain, &q.language)
    }

    /// A clinic definition's text in the patient's language (its base text when it has no
    /// translation into any language of the chain).
    pub fn words(&self, q: &Questionnaire, text: &Text) -> String {
        text.resolve(&self.definition_chain, &q.language).to_owned()
    }

    /// The words at the low or high end of a 0–10 scale (bundled instruments only).
    pub fn scale_end(&self, item: &Item, end: &str) -> Option<String> {
        if self.bundled {
            self.loc
                .format(&format!("{}-{end}", bundled::item_id(item)), &[])
        } else {
            None
        }
    }

    /// A score's name for the patient: Fluent `score-<id>` for a bundled instrument, the
    /// score's `label` for a clinic's; `None` if it has none (such a score is not shown).
    pub fn score_label(&self, q: &Questionnaire, rule: &ScoreRule) -> Option<String> {
        if self.bundled {
            self.loc.format(&bundled::score_id(&rule.id), &[])
        } else {
            rule.label
                .as_ref()
                .map(|t| t.resolve(&self.definition_chain, &q.language).to_owned())
        }
    }

    /// The label of an open-choice's own-words answer: the definition's (SDC `openLabel`),
    /// else the widget's own words.
    pub fn open_label(&self, q: &Questionnaire, label: &Text) -> String {
        if label.base.is_empty() {
            self.t("option-own-words")
        } else {
            self.words(q, label)
        }
    }

    /// An answer option's label.
    pub fn option(&self, q: &Questionnaire, option: &AnswerOption) -> String {
        if self.bundled {
            self.loc.text(&bundled::option_id(option), &[])
        } else {
            option
                .display
                .as_ref()
                .map(|t| t.resolve(&self.definition_chain, &q.language).to_owned())
                .unwrap_or_else(|| option.code.clone())
        }
    }
}
