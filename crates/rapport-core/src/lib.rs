//! Rapport's pure core.
//!
//! Everything a questionnaire needs that does not touch a browser or a network lives here:
//! loading and checking a FHIR R4 Questionnaire ([`definition`]), answers ([`answers`]),
//! `enableWhen` ([`enable`]), validation as a list of issues with ids rather than English
//! ([`validate`]), scoring and flags declared in the definition ([`scoring`]), the
//! QuestionnaireResponse and the delivery envelope ([`response`], [`envelope`]), the bundled
//! instruments ([`bundled`]) and language negotiation with Fluent message lookup ([`i18n`]).
//!
//! **Architecture invariant:** this crate depends on no browser crate (leptos, web-sys, js-sys,
//! gloo, wasm-bindgen) and performs no I/O. It must never panic on any input: a panic in
//! WebAssembly kills the widget, and the receiver runs the same code on untrusted envelopes.
//! Clippy enforces it (the `[lints.clippy]` table in Cargo.toml: no `unwrap`, `expect`, `panic!`,
//! `unreachable!`, indexing or string slicing); tests may (the workspace's `clippy.toml`, and the
//! attribute below for the lints clippy.toml has no switch for).

// Only the unit-test build: the crate's own build is still checked for these.
#![cfg_attr(
    test,
    allow(
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::string_slice
    )
)]

pub mod answers;
pub mod bundled;
pub mod dates;
pub mod definition;
pub mod delivery;
pub mod enable;
pub mod envelope;
pub mod fhirpath;
pub mod fluent;
pub mod i18n;
pub mod json;
pub mod number;
pub mod pattern;
pub mod response;
pub mod rich;
pub mod scoring;
pub mod strmap;
pub mod subject;
pub mod validate;

/// The one canonical base URL of Rapport's own FHIR extensions (scoring, flags). Documented in
/// `docs/fhir-support.md`.
pub const EXTENSION_BASE: &str = "https://rapport.dev/fhir/StructureDefinition/";

/// Rich text as XHTML on `_text` or `_prefix` ([`rich`]).
pub const EXT_RENDERING_XHTML: &str = "http://hl7.org/fhir/StructureDefinition/rendering-xhtml";
/// Rich text as Markdown on `_text` or `_prefix` ([`rich`]).
pub const EXT_RENDERING_MARKDOWN: &str =
    "http://hl7.org/fhir/StructureDefinition/rendering-markdown";
/// FHIR's translation extension (on `_text`, `_title`, `_display`).
pub const EXT_TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";
/// FHIR core extension for the score of an answer option (R4).
pub const EXT_ORDINAL_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
/// The later name of `ordinalValue`.
pub const EXT_ITEM_WEIGHT: &str = "http://hl7.org/fhir/StructureDefinition/itemWeight";
/// Item control (radio-button, slider, …).
pub const EXT_ITEM_CONTROL: &str =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
/// A hint for what to type in a field ("YYYY", "kg").
pub const EXT_ENTRY_FORMAT: &str = "http://hl7.org/fhir/StructureDefinition/entryFormat";
/// The unit of a number's answer ("kg", "mg/dL"), a coding.
pub const EXT_UNIT: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
/// One unit a `quantity`'s answer may be given in (a coding); several are a choice.
pub const EXT_UNIT_OPTION: &str =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption";
/// Whether a choice's options are laid out `horizontal` or `vertical`.
pub const EXT_CHOICE_ORIENTATION: &str =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation";
/// The fewest characters a text answer may have.
pub const EXT_MIN_LENGTH: &str = "http://hl7.org/fhir/StructureDefinition/minLength";
/// A rule a response must meet before it is complete (SDC; refused with severity `error`).
pub const EXT_TARGET_CONSTRAINT: &str = "http://hl7.org/fhir/StructureDefinition/targetConstraint";
/// The R4 name of [`EXT_TARGET_CONSTRAINT`].
pub const EXT_QUESTIONNAIRE_CONSTRAINT: &str =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-constraint";
/// The pattern a text answer must fit ([`pattern`]).
pub const EXT_REGEX: &str = "http://hl7.org/fhir/StructureDefinition/regex";
/// An item not shown to the patient.
pub const EXT_HIDDEN: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden";
/// The label of an `open-choice` item's own-words answer (SDC).
pub const EXT_OPEN_LABEL: &str =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-openLabel";
/// Lowest allowed value of a numeric item.
pub const EXT_MIN_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
/// Highest allowed value of a numeric item.
pub const EXT_MAX_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";
/// Step of a slider.
pub const EXT_SLIDER_STEP: &str =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue";

/// The full URL of one of Rapport's own extensions, e.g. `ext("score")`.
pub fn ext(name: &str) -> String {
    format!("{EXTENSION_BASE}{name}")
}
