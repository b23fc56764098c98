//! Loads a FHIR R4 Questionnaire into a checked model.
//!
//! Parsing has two phases, in the manner of ripgrep's low- and high-level arguments: the text is
//! first read as plain JSON ([`serde_json::Value`], phase one), then walked into the checked
//! [`Questionnaire`] (phase two), which collects *every* problem it finds with its JSON pointer,
//! the item's `linkId` and a hint on how to fix it. Nothing here panics, whatever the input.
//! Performs no I/O.
//!
//! - [`model`]: the checked types the rest of the core reads;
//! - [`error`]: what can be wrong ([`ErrorKind`]), with a code, a message and a fix hint;
//! - `parse`: both phases, for the questionnaire, its items, options and `enableWhen`;
//! - [`instances`]: repeating groups, copied once per instance, and the keys that name them;
//! - `scoring`: Rapport's `score` and `flag` extensions (computing scores is [`crate::scoring`]).
//!
//! Everything public is re-exported here, so `rapport_core::definition::Questionnaire` is the
//! path to use. Finding a pointer in the JSON text (for the linter) is [`crate::json`]'s.

pub mod error;
pub mod instances;
pub mod model;
mod parse;
mod scoring;

pub use error::{
    Allowed, ConditionProblem, DefinitionError, ErrorKind, InitialProblem, NotScorable,
    ScoreProblem, Unsupported,
};
pub use model::{
    AnswerOption, ChoiceLayout, Constraint, EnableBehavior, EnableWhen, FlagCondition, FlagRule,
    Item, ItemKind, NumericControl, Operator, Questionnaire, ScoreMethod, ScoreRule, Text,
    TextPattern,
};
pub use parse::{needed_value_sets, value_x};
pub use scoring::scorable;

/// Locates a JSON pointer in JSON source text; see [`crate::json::locate_pointer`].
pub use crate::json::locate_pointer;

/// Largest definition accepted, in bytes of JSON text.
pub const MAX_BYTES: usize = 512 * 1024;
/// Deepest JSON nesting accepted.
pub const MAX_DEPTH: usize = 48;
/// Most items (of any type, at any level) accepted.
pub const MAX_ITEMS: usize = 1000;
/// Largest `maxLength` honoured for text answers.
pub const MAX_TEXT_LENGTH: usize = 20_000;
