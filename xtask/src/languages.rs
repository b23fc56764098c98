//! `dist/locales/languages.json`: the list the widget's language switcher offers, generated from
//! the locale directories so that adding a locale is adding a directory.
//!
//! Every directory `locales/<tag>/` with a `widget.ftl` becomes one entry:
//!
//! ```json
//! {"tag":"en","name":"English","dir":"ltr","status":"source"}
//! ```
//!
//! - `name`: the value of the message `language-name` (the language's own name), read from the
//!   line `language-name = …` of that `widget.ftl`;
//! - `status`: the first word after `# Status:` in the file's header comment (e.g. `source`,
//!   `reviewed`, `machine`);
//! - `dir`: `rtl` or `ltr` from `rapport_core::i18n::direction` (Arabic, Persian, Urdu,
//!   Hebrew, and tags with a right-to-left script such as `pa-Arab`).
//!
//! Entries are sorted with `en` (the reference locale) first, then by tag.

use crate::Result;
use std::fs;
use std::path::Path;

/// One entry of `languages.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub tag: String,
    pub name: String,
    pub dir: &'static str,
    pub status: String,
}

/// Reads one locale's `widget.ftl` text. `file` only labels error messages.
pub fn parse_widget_ftl(tag: &str, text: &str, file: &str) -> Result<Language> {
    let name = text
        .lines()
        .find_map(|line| {
            let rest = line.strip_prefix("language-name")?.trim_start();
            Some(rest.strip_prefix('=')?.trim().to_string())
        })
        .filter(|name| !name.is_empty())
        .ok_or_else(|| {
            format!("{file}: no `language-name = …` message (the language's own name, e.g. `language-name = Español`)")
        })?;
    let status = text
        .lines()
        .find_map(|line| line.trim().strip_prefix("# Status:"))
        .and_then(|rest| rest.split_whitespace().next())
        .map(|word| word.trim_end_matches([',', ';', '.', ':']).to_string())
        .filter(|word| !word.is_empty())
        .ok_or_else(|| {
            format!("{file}: no `# Status: <word>` line in the header comment (e.g. `# Status: reviewed`)")
        })?;
    Ok(Language {
        tag: tag.to_string(),
        name,
        dir: direction(tag),
        status,
    })
}

/// `rtl` or `ltr` for a BCP 47 tag: the core's table, the one the widget uses too.
pub fn direction(tag: &str) -> &'static str {
    rapport_core::i18n::direction(tag)
}

/// Every locale under `locales_dir` that has a `widget.ftl`, sorted (en first, then by tag).
pub fn collect(locales_dir: &Path) -> Result<Vec<Language>> {
    let entries = fs::read_dir(locales_dir)
        .map_err(|e| format!("cannot read {}: {e}", locales_dir.display()))?;
    let mut languages = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", locales_dir.display()))?;
        let widget = entry.path().join("widget.ftl");
        if !widget.is_file() {
            continue;
        }
        let tag = entry.file_name().to_string_lossy().into_owned();
        let text = fs::read_to_string(&widget)
            .map_err(|e| format!("cannot read {}: {e}", widget.display()))?;
        languages.push(parse_widget_ftl(
            &tag,
            &text,
            &format!("locales/{tag}/widget.ftl"),
        )?);
    }
    sort(&mut languages);
    Ok(languages)
}

/// `en` first, then by tag.
pub fn sort(languages: &mut [Language]) {
    languages.sort_by(|a, b| (a.tag != "en", &a.tag).cmp(&(b.tag != "en", &b.tag)));
}

/// The JSON text: one entry per line, so that diffs of the generated file stay readable.
pub fn to_json(languages: &[Language]) -> String {
    let entries: Vec<String> = languages
        .iter()
        .map(|l| {
            format!(
                "  {{\"tag\":{},\"name\":{},\"dir\":{},\"status\":{}}}",
                json_string(&l.tag),
                json_string(&l.name),
                json_string(l.dir),
                json_string(&l.status)
            )
        })
        .collect();
    format!("[\n{}\n]\n", entries.join(",\n"))
}

/// A JSON string literal (UTF-8 kept as is; quotes, backslashes and control characters escaped).
fn json_string(s: &str) -> String {
    serde_json::Value::String(s.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "\
# Rapport widget strings: English (the reference locale).
# Status: source (written by the Rapport project; every other locale is translated from this file)
# Licence: CC0-1.0

# The language's own name, shown in the language switcher.
language-name = English

language-label = Language
";

    const AR: &str = "\
# Status: reviewed, by two native speakers
language-name =   العربية  
submit = إرسال
";

    #[test]
    fn reads_name_status_and_direction() {
        let en = parse_widget_ftl("en", EN, "en/widget.ftl").unwrap();
        assert_eq!(
            en,
            Language {
                tag: "en".into(),
                name: "English".into(),
                dir: "ltr",
                status: "source".into()
            }
        );
        let ar = parse_widget_ftl("ar", AR, "ar/widget.ftl").unwrap();
        assert_eq!(
            (ar.name.as_str(), ar.dir, ar.status.as_str()),
            ("العربية", "rtl", "reviewed")
        );
    }

    #[test]
    fn does_not_mistake_similar_message_ids() {
        let text = "# Status: machine\nlanguage-name-note = x\nlanguage-name = Deutsch\n";
        // `language-name-note` starts with the id but is not followed by `=`.
        assert_eq!(parse_widget_ftl("de", text, "f").unwrap().name, "Deutsch");
    }

    #[test]
    fn missing_parts_are_clear_errors() {
        let err = parse_widget_ftl("es", "# Status: draft\n", "locales/es/widget.ftl").unwrap_err();
        assert!(err.contains("locales/es/widget.ftl") && err.contains("language-name"));
        let err = parse_widget_ftl("es", "language-name = Español\n", "f").unwrap_err();
        assert!(err.contains("# Status:"));
    }

    #[test]
    fn directions() {
        for tag in ["ar", "fa", "ur", "he", "pa-Arab", "ar-EG"] {
            assert_eq!(direction(tag), "rtl", "{tag}");
        }
        for tag in ["en", "pa", "zh-Hans", "fr", "uk", "tr"] {
            assert_eq!(direction(tag), "ltr", "{tag}");
        }
    }

    #[test]
    fn sorts_english_first_and_writes_json() {
        let lang = |tag: &str, name: &str| Language {
            tag: tag.into(),
            name: name.into(),
            dir: direction(tag),
            status: "reviewed".into(),
        };
        let mut list = vec![
            lang("zh-Hans", "简体中文"),
            lang("ar", "العربية"),
            lang("en", "English"),
            lang("es", "Español \"quoted\""),
        ];
        sort(&mut list);
        let tags: Vec<&str> = list.iter().map(|l| l.tag.as_str()).collect();
        assert_eq!(tags, ["en", "ar", "es", "zh-Hans"]);
        let json = to_json(&list);
        assert!(json.starts_with(
            "[\n  {\"tag\":\"en\",\"name\":\"English\",\"dir\":\"ltr\",\"status\":\"reviewed\"},\n"
        ));
        assert!(json.contains("{\"tag\":\"ar\",\"name\":\"العربية\",\"dir\":\"rtl\""));
        assert!(json.contains("\"Español \\\"quoted\\\"\""));
        assert!(json.ends_with("}\n]\n"));
    }
}
