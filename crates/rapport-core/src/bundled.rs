//! The questionnaires this project writes and bundles (CC0). Their structure and scoring are
//! FHIR R4 Questionnaire JSON under `instruments/`; their words are Fluent messages under
//! `locales/<lang>/<id>.ftl`, named by the conventions below. Performs no I/O.
//!
//! With the `embedded-instruments` feature (the receiver, the tests) the JSON is compiled in, so
//! answers are checked against the very same files the widget serves. The widget leaves it off
//! and fetches only the one questionnaire it shows, so its WebAssembly does not grow with every
//! questionnaire added.

use crate::definition::{AnswerOption, Item};
#[cfg(feature = "embedded-instruments")]
use crate::definition::{DefinitionError, Questionnaire};

/// One bundled questionnaire.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// The id used in the `instrument` attribute (and the file `instruments/<id>.json`).
    pub id: &'static str,
    /// The FHIR Questionnaire JSON.
    #[cfg(feature = "embedded-instruments")]
    pub json: &'static str,
}

macro_rules! bundled {
    ($id:literal) => {
        Bundled {
            id: $id,
            #[cfg(feature = "embedded-instruments")]
            json: include_str!(concat!("../../../instruments/", $id, ".json")),
        }
    };
}

/// Every bundled questionnaire.
pub static INSTRUMENTS: &[Bundled] = &[
    bundled!("session-checkin"),
    bundled!("working-together"),
    bundled!("psychiatry-relationship"),
];

/// The bundled questionnaire with this id.
pub fn get(id: &str) -> Option<&'static Bundled> {
    INSTRUMENTS.iter().find(|b| b.id == id)
}

/// Loads and checks a bundled questionnaire.
#[cfg(feature = "embedded-instruments")]
pub fn load(id: &str) -> Option<Result<Questionnaire, Vec<DefinitionError>>> {
    get(id).map(|b| Questionnaire::from_json(b.json))
}

/// Fluent id of the questionnaire's title.
pub const TITLE_ID: &str = "instrument-title";
/// Fluent id of the introduction shown above the questions (who sees the answers and why).
pub const INTRO_ID: &str = "instrument-intro";
/// Fluent id of the "not a validated psychometric instrument" notice.
pub const NOTICE_ID: &str = "instrument-notice";

/// Fluent id of an item's text: `item-<linkId>`.
pub fn item_id(item: &Item) -> String {
    format!("item-{}", item.link_id)
}

/// Fluent id of a score's label, shown to the patient only when the portal asks for it
/// (`show-scores`): `score-<id>`.
pub fn score_id(score: &str) -> String {
    format!("score-{score}")
}

/// Fluent id of an answer option's label: `option-<scale>-<code>`, where the scale is the last
/// path segment of the option's code system.
pub fn option_id(option: &AnswerOption) -> String {
    format!("option-{}-{}", option.scale_name(), option.code)
}
