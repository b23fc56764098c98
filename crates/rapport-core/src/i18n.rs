//! Language choice and Fluent message lookup.
//!
//! [`negotiate`] turns the patient's requested languages into a fallback chain of the languages
//! we have: fluent-langneg's filtering strategy, written out here for tags without likely-subtags
//! data (`tests/langneg_differential.rs` checks it against fluent-langneg), plus a small
//! pre-mapping table for the cases where plain matching goes wrong (`zh-TW` must reach Traditional Chinese, `fil` is our `tl`, Shahmukhi
//! Punjabi must not fall back to Gurmukhi). [`Localizer`] holds one Fluent bundle per language
//! of the chain and falls back message by message. Unicode isolation stays on (right-to-left
//! text needs it). Performs no I/O: the caller fetches the files.

use crate::fluent::Bundle;
pub use crate::fluent::{Arg, NumberRules, PlainNumbers, PluralCategory};

/// The reference language, always last in a chain.
pub const REFERENCE: &str = "en";

/// Maps a requested tag onto the tag we would ship for it, where plain matching would pick the
/// wrong script or miss an alias.
fn premap(tag: &str) -> String {
    let lower = tag.to_ascii_lowercase();
    let sub: Vec<&str> = lower.split(['-', '_']).collect();
    match sub.as_slice() {
        ["zh", rest @ ..] => {
            let traditional = rest
                .iter()
                .any(|s| matches!(*s, "hant" | "tw" | "hk" | "mo"));
            if traditional {
                "zh-Hant".into()
            } else {
                "zh-Hans".into()
            }
        }
        ["fil", ..] => "tl".into(),
        // Punjabi in Shahmukhi (Pakistan) is a different script: keep it distinct so it never
        // matches our Gurmukhi `pa`.
        ["pa", rest @ ..] if rest.iter().any(|s| matches!(*s, "arab" | "pk")) => "pa-Arab".into(),
        ["pa", ..] => "pa-Guru".into(),
        _ => tag.to_owned(),
    }
}

/// `premap`, for the differential test against fluent-langneg.
#[doc(hidden)]
pub fn premap_for_tests(tag: &str) -> String {
    premap(tag)
}

/// A BCP 47 language tag read as fluent-langneg's `unic-langid` reads one: a language (2–3 or
/// 5–8 letters; `und` is empty), then optionally a script (4 letters), a region (2 letters or
/// 3 digits) and variants (5–8 letters or digits, or a digit and 3 more), in that order,
/// separated by `-` or `_`, compared without regard to case. Anything else (extensions too) is
/// not a tag. Written here so that the widget does not link `unic-langid` and fluent-langneg
/// (4.2 KB of its first render, docs/size.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    language: String,
    script: Option<String>,
    region: Option<String>,
    variants: Vec<String>,
}

impl Tag {
    /// Reads `text`; `None` when it is not a language tag.
    pub fn parse(text: &str) -> Option<Tag> {
        let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
        let alnum = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
        let mut parts = text.split(['-', '_']);
        let first = parts.next()?.to_ascii_lowercase();
        if !(matches!(first.len(), 2 | 3 | 5..=8) && alpha(&first)) {
            return None;
        }
        let mut tag = Tag {
            language: if first == "und" { String::new() } else { first },
            script: None,
            region: None,
            variants: Vec::new(),
        };
        // 0: a script may come, 1: a region may come, 2: only variants.
        let mut stage = 0;
        for part in parts {
            let lower = part.to_ascii_lowercase();
            if stage == 0 && lower.len() == 4 && alpha(&lower) {
                tag.script = Some(lower);
                stage = 1;
            } else if stage <= 1
                && ((lower.len() == 2 && alpha(&lower))
                    || (lower.len() == 3 && lower.bytes().all(|b| b.is_ascii_digit())))
            {
                tag.region = Some(lower);
                stage = 2;
            } else if alnum(&lower)
                && (matches!(lower.len(), 5..=8)
                    || (lower.len() == 4 && lower.starts_with(|c: char| c.is_ascii_digit())))
            {
                // Kept sorted and without repeats (no sort routine for a few subtags).
                if let Err(at) = tag.variants.binary_search(&lower) {
                    tag.variants.insert(at, lower);
                }
                stage = 2;
            } else {
                return None;
            }
        }
        Some(tag)
    }

    /// Whether `self` (an available language) matches `other` (a requested one): each part
    /// equal, or missing where that side is a range (fluent-langneg's `matches`).
    fn matches(&self, other: &Tag, self_range: bool, other_range: bool) -> bool {
        fn part<T: PartialEq>(a: Option<&T>, b: Option<&T>, ra: bool, rb: bool) -> bool {
            (ra && a.is_none()) || (rb && b.is_none()) || a == b
        }
        fn lang(s: &Tag) -> Option<&String> {
            (!s.language.is_empty()).then_some(&s.language)
        }
        fn variants(s: &Tag) -> Option<&Vec<String>> {
            (!s.variants.is_empty()).then_some(&s.variants)
        }
        part(lang(self), lang(other), self_range, other_range)
            && part(
                self.script.as_ref(),
                other.script.as_ref(),
                self_range,
                other_range,
            )
            && part(
                self.region.as_ref(),
                other.region.as_ref(),
                self_range,
                other_range,
            )
            && part(variants(self), variants(other), self_range, other_range)
    }
}

/// The fallback chain: the available tags that match the requested ones, best first, then the
/// reference language. Tags are returned as spelled in `available`. Unparseable tags are
/// skipped. The matching is fluent-langneg's filtering strategy (for each requested tag: the
/// same tag, then available tags as ranges, then without variants and without region, both as
/// ranges) without its likely-subtags steps: `premap` settles the scripts that matter for the
/// languages we ship.
pub fn negotiate(requested: &[String], available: &[String]) -> Vec<String> {
    let parse = |t: &str| Tag::parse(&premap(t));
    let mut avail: Vec<(Tag, &String)> = available
        .iter()
        .filter_map(|t| parse(t).map(|l| (l, t)))
        .collect();
    let mut chain: Vec<String> = Vec::new();
    for req in requested {
        let Some(mut req) = parse(req) else {
            continue;
        };
        // The steps in order, one loop (one copy of the matching code in the widget): the
        // same tag; available tags as ranges; then, for a tag with a language, both as ranges
        // without variants, and without region.
        for step in 0..4 {
            match step {
                2 if req.language.is_empty() => break,
                2 => req.variants.clear(),
                3 => req.region = None,
                _ => {}
            }
            avail.retain(|(l, t)| {
                if l.matches(&req, step > 0, step > 1) {
                    if !chain.contains(t) {
                        chain.push((*t).clone());
                    }
                    return false;
                }
                true
            });
        }
    }
    if let Some(reference) = available.iter().find(|t| t.as_str() == REFERENCE) {
        if !chain.contains(reference) {
            chain.push(reference.clone());
        }
    }
    chain
}

/// Whether a language is written right to left (our own table: the crate's answer is wrong
/// for Punjabi without likely-subtags data).
pub fn is_rtl(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    let mut sub = lower.split(['-', '_']);
    let lang = sub.next().unwrap_or("");
    let rest: Vec<&str> = sub.collect();
    if rest
        .iter()
        .any(|s| matches!(*s, "arab" | "hebr" | "thaa" | "syrc"))
    {
        return true;
    }
    if rest.iter().any(|s| matches!(*s, "latn" | "cyrl" | "guru")) {
        return false;
    }
    matches!(
        lang,
        "ar" | "fa" | "ur" | "he" | "ps" | "sd" | "ug" | "yi" | "ckb" | "dv"
    )
}

/// `"rtl"` or `"ltr"`, for the `dir` attribute.
pub fn direction(tag: &str) -> &'static str {
    if is_rtl(tag) {
        "rtl"
    } else {
        "ltr"
    }
}

/// Whether two tags name the same language for text lookup: equal ignoring case, or the same
/// language where one of them names only the language (`es` and `es-MX`).
pub fn same_language(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let la = a.split(['-', '_']).next().unwrap_or("");
    let lb = b.split(['-', '_']).next().unwrap_or("");
    la.eq_ignore_ascii_case(lb) && (!a.contains(['-', '_']) || !b.contains(['-', '_']))
}

/// The translation status a locale file declares in its header, from a line such as
/// `# Status: draft (not yet reviewed by a qualified translator)`: the first word after the
/// colon (`source`, `reviewed`, `draft`). `None` when there is no such line.
pub fn translation_status(source: &str) -> Option<String> {
    source
        .lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .find_map(|l| {
            let rest = l.trim_start_matches('#').trim();
            let rest = rest
                .strip_prefix("Status:")
                .or_else(|| rest.strip_prefix("status:"))?;
            rest.split_whitespace()
                .next()
                .map(|w| w.trim_end_matches([',', ':', ';']).to_ascii_lowercase())
        })
}

/// Fluent bundles for a fallback chain of languages. Looks a message up in each bundle in
/// turn, so a message missing from a translation falls back to the next language. Plural forms
/// and digits come from the [`NumberRules`] given (the browser's `Intl` in the widget).
pub struct Localizer {
    bundles: Vec<(String, Bundle)>,
    rules: std::sync::Arc<dyn NumberRules>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tags: Vec<&str> = self.bundles.iter().map(|(t, _)| t.as_str()).collect();
        write!(f, "Localizer{tags:?}")
    }
}

/// A problem with a Fluent source, for developers.
#[derive(Clone, Debug, PartialEq)]
pub struct FtlProblem {
    /// The locale.
    pub locale: String,
    /// What is wrong.
    pub message: String,
}

impl Default for Localizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Localizer {
    /// An empty localizer with [`PlainNumbers`] (English-like plurals, ASCII digits): for
    /// native code and tests. Every lookup fails until a locale is added.
    pub fn new() -> Self {
        Self::with_rules(std::sync::Arc::new(PlainNumbers))
    }

    /// An empty localizer whose plural forms and digits come from `rules`.
    pub fn with_rules(rules: std::sync::Arc<dyn NumberRules>) -> Self {
        Localizer {
            bundles: Vec::new(),
            rules,
        }
    }

    /// Adds one language at the end of the chain, from one or more FTL sources. Syntax errors
    /// are returned; the valid messages are kept.
    pub fn add_locale(&mut self, tag: &str, sources: &[&str]) -> Vec<FtlProblem> {
        let mut bundle = Bundle::new();
        let mut problems = Vec::new();
        for source in sources {
            for p in bundle.add_source(source) {
                let (line, column) = crate::json::line_col(source, p.offset);
                problems.push(FtlProblem {
                    locale: tag.into(),
                    message: format!("{line}:{column}: {}", p.message),
                });
            }
        }
        self.bundles.push((tag.to_owned(), bundle));
        problems
    }

    /// The languages of the chain, best first.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.bundles.iter().map(|(t, _)| t.as_str())
    }

    /// The tag of the first bundle that has this message.
    pub fn language_of(&self, id: &str) -> Option<&str> {
        let msg_id = id.split_once('.').map_or(id, |(m, _)| m);
        self.bundles
            .iter()
            .find(|(_, b)| b.has_message(msg_id))
            .map(|(t, _)| t.as_str())
    }

    /// Whether any language has the message.
    pub fn has(&self, id: &str) -> bool {
        self.language_of(id).is_some()
    }

    /// Formats a message (or `message.attribute`) in the first language that has it. `None`
    /// when no language has it.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        self.bundles
            .iter()
            .find_map(|(tag, b)| b.format(msg_id, attr, args, tag, &*self.rules))
    }

    /// `n` written for readers of `lang`, by the localizer's [`NumberRules`].
    pub fn number(&self, lang: &str, n: f64) -> String {
        self.rules.format(lang, n)
    }

    /// Like [`Localizer::format`], but shows the id itself when no language has the message,
    /// so a missing translation is visible rather than blank.
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.format(id, args).unwrap_or_else(|| id.to_owned())
    }
}

/// Removes Fluent's Unicode isolation marks (U+2068, U+2069), for comparing text in tests.
pub fn strip_isolation(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn avail() -> Vec<String> {
        ["en", "es", "zh-Hans", "zh-Hant", "tl", "pa", "pt", "ar"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn first(req: &str) -> String {
        negotiate(&[req.to_string()], &avail()).remove(0)
    }

    #[test]
    fn negotiation_cases() {
        assert_eq!(first("pt-BR"), "pt");
        assert_eq!(first("zh-TW"), "zh-Hant");
        assert_eq!(first("zh-HK"), "zh-Hant");
        assert_eq!(first("zh-CN"), "zh-Hans");
        assert_eq!(first("zh"), "zh-Hans");
        assert_eq!(first("fil-PH"), "tl");
        assert_eq!(first("pa-IN"), "pa");
        assert_eq!(
            first("pa-Arab-PK"),
            "en",
            "Shahmukhi must not fall back to Gurmukhi"
        );
        assert_eq!(first("sr-Latn"), "en");
        assert_eq!(first("not a tag!"), "en");
        assert_eq!(
            negotiate(&["es-MX".into(), "ar".into()], &avail()),
            vec!["es", "ar", "en"]
        );
    }

    #[test]
    fn directions() {
        for t in ["ar", "fa", "ur", "pa-Arab", "he"] {
            assert!(is_rtl(t), "{t} is rtl");
        }
        for t in ["pa", "pa-IN", "en", "zh-Hant", "tr"] {
            assert!(!is_rtl(t), "{t} is ltr");
        }
    }

    #[test]
    fn status_header() {
        let src = "# Rapport widget strings\n# Status: draft (not yet reviewed by a qualified translator)\n\nhello = Hola\n";
        assert_eq!(translation_status(src).as_deref(), Some("draft"));
        assert_eq!(translation_status("hello = hi"), None);
    }

    #[test]
    fn falls_back_per_message() {
        let mut l = Localizer::new();
        assert!(l.add_locale("es", &["a = Hola\n"]).is_empty());
        assert!(l
            .add_locale("en", &["a = Hello\nb = Only English\n"])
            .is_empty());
        assert_eq!(l.text("a", &[]), "Hola");
        assert_eq!(l.text("b", &[]), "Only English");
        assert_eq!(l.language_of("b"), Some("en"));
        assert_eq!(l.text("missing-id", &[]), "missing-id");
    }
}
