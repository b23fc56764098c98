//! The words of the bundled instruments for the clinician's pages: item texts, option labels,
//! score names and titles from `locales/<tag>/<instrument>.ftl` (named as
//! `rapport_core::bundled` says), and each file's `# Status:` header (the translation status
//! of what the patient read). Compiled in for every locale the project ships, parsed once.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;

/// (language tag, instrument id, Fluent source) of every locale of every bundled instrument.
macro_rules! files {
    ($($tag:literal),* $(,)?) => {
        &[$(
            ($tag, "session-checkin",
             include_str!(concat!("../../../../locales/", $tag, "/session-checkin.ftl"))),
            ($tag, "working-together",
             include_str!(concat!("../../../../locales/", $tag, "/working-together.ftl"))),
            ($tag, "psychiatry-relationship",
             include_str!(concat!("../../../../locales/", $tag, "/psychiatry-relationship.ftl"))),
        )*]
    };
}

const FILES: &[(&str, &str, &str)] = files!(
    "en", "ar", "bn", "de", "es", "fa", "fr", "gu", "ht", "it", "ko", "lt", "pa", "pl", "pt", "ro",
    "ru", "tl", "tr", "uk", "ur", "vi", "zh-Hans", "zh-Hant",
);

/// One parsed file.
struct File {
    bundle: FluentBundle<FluentResource>,
    status: Option<String>,
}

/// The parsed files by (tag, instrument).
fn files() -> &'static HashMap<(&'static str, &'static str), File> {
    static FILES_PARSED: OnceLock<HashMap<(&'static str, &'static str), File>> = OnceLock::new();
    FILES_PARSED.get_or_init(|| {
        FILES
            .iter()
            .filter_map(|&(tag, instrument, source)| {
                // A file that does not parse is left out (rapport-lint refuses it in CI); its
                // words then come from English.
                let resource = FluentResource::try_new(source.to_owned()).ok()?;
                let lang: unic_langid::LanguageIdentifier = tag.parse().ok()?;
                let mut bundle = FluentBundle::new_concurrent(vec![lang]);
                bundle.set_use_isolating(false);
                bundle.add_resource(resource).ok()?;
                let status = rapport_core::i18n::translation_status(source);
                Some(((tag, instrument), File { bundle, status }))
            })
            .collect()
    })
}

/// The compiled-in file of `instrument` for `lang`: the exact tag, else its language.
fn file(instrument: &str, lang: &str) -> Option<&'static File> {
    let all = files();
    FILES
        .iter()
        .filter(|(_, i, _)| *i == instrument)
        .find(|(tag, _, _)| tag.eq_ignore_ascii_case(lang))
        .or_else(|| {
            FILES
                .iter()
                .filter(|(_, i, _)| *i == instrument)
                .find(|(tag, _, _)| rapport_core::i18n::same_language(tag, lang))
        })
        .and_then(|(tag, i, _)| all.get(&(*tag, *i)))
}

/// Message `id` of bundled `instrument` in `lang`, else in English; `None` when neither has it.
pub fn text(instrument: &str, lang: &str, id: &str) -> Option<String> {
    [lang, "en"].iter().find_map(|l| {
        let f = file(instrument, l)?;
        let pattern = f.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            f.bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
    })
}

/// The translation status (`source`, `reviewed`, `draft`) of bundled `instrument` in `lang`,
/// from its file's `# Status:` header; `None` for a language the project does not ship.
pub fn status(instrument: &str, lang: &str) -> Option<String> {
    file(instrument, lang)?.status.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_instrument_has_its_words_in_every_shipped_language() {
        for b in rapport_core::bundled::INSTRUMENTS {
            assert_eq!(status(b.id, "en").as_deref(), Some("source"), "{}", b.id);
            assert!(text(b.id, "en", "instrument-title").is_some(), "{}", b.id);
        }
        assert_eq!(FILES.len(), 24 * rapport_core::bundled::INSTRUMENTS.len());
        assert_eq!(files().len(), FILES.len(), "every file parses");
    }

    #[test]
    fn words_come_in_the_asked_language_else_english() {
        let de = text("session-checkin", "de", "item-say-my-mind").unwrap();
        let en = text("session-checkin", "en", "item-say-my-mind").unwrap();
        assert_eq!(en, "Today I could say what was on my mind.");
        assert_ne!(de, en);
        assert_eq!(
            text("session-checkin", "de-AT", "item-say-my-mind"),
            Some(de)
        );
        assert_eq!(text("session-checkin", "xx", "item-say-my-mind"), Some(en));
        assert_eq!(text("session-checkin", "en", "no-such-message"), None);
        assert_eq!(status("session-checkin", "de").as_deref(), Some("draft"));
        assert_eq!(status("session-checkin", "xx"), None);
    }
}
