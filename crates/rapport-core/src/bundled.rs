//! The questionnaires this project writes and bundles (CC0). Their structure and scoring are
//! FHIR R4 Questionnaire JSON under `instruments/`; their words are Fluent messages under
//! `locales/<lang>/<id>.ftl`, named by the conventions below. Performs no I/O: the JSON is
//! compiled in, so the widget and the receiver check answers against the very same definition.

use crate::definition::{AnswerOption, DefinitionError, Item, Questionnaire};

/// One bundled questionnaire.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// The id used in the `instrument` attribute.
    pub id: &'static str,
    /// The FHIR Questionnaire JSON.
    pub json: &'static str,
}

/// Every bundled questionnaire.
pub static INSTRUMENTS: &[Bundled] = &[
    Bundled {
        id: "session-checkin",
        json: include_str!("../../../instruments/session-checkin.json"),
    },
    Bundled {
        id: "working-together",
        json: include_str!("../../../instruments/working-together.json"),
    },
    Bundled {
        id: "psychiatry-relationship",
        json: include_str!("../../../instruments/psychiatry-relationship.json"),
    },
];

/// The bundled questionnaire with this id.
pub fn get(id: &str) -> Option<&'static Bundled> {
    INSTRUMENTS.iter().find(|b| b.id == id)
}

/// Loads and checks a bundled questionnaire.
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

/// Fluent id of an answer option's label: `option-<scale>-<code>`, where the scale is the last
/// path segment of the option's code system.
pub fn option_id(option: &AnswerOption) -> String {
    format!("option-{}-{}", option.scale_name(), option.code)
}
