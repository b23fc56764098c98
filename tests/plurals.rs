//! Plural forms and digits in headless Chromium, checked against CLDR's own example numbers
//! (the `@integer` and `@decimal` samples of CLDR's `plurals.xml`), not against whatever a
//! plural library returns. The widget takes plural categories and digits from the browser's
//! `Intl` (`rapport_widget::intl::BrowserNumbers`) through the core's Fluent resolver; these
//! tests go through that whole path, then through the shipped widget strings.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use rapport_core::i18n::{strip_isolation, Arg, Localizer};
use rapport_widget::intl::BrowserNumbers;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A message that names the category it selects.
const PROBE: &str = "category = { $n ->\n    [zero] zero\n    [one] one\n    [two] two\n    [few] few\n    [many] many\n   *[other] other\n}\n";

fn localizer(lang: &str, sources: &[&str]) -> Localizer {
    let mut l = Localizer::with_rules(Arc::new(BrowserNumbers));
    assert_eq!(l.add_locale(lang, sources), vec![], "{lang}");
    l
}

/// A plural category and CLDR's example numbers for it.
type Samples = (&'static str, &'static [f64]);

/// CLDR example numbers per language and category (CLDR 44+ `plurals.xml` samples).
const CLDR_SAMPLES: &[(&str, &[Samples])] = &[
    (
        "ar",
        &[
            ("zero", &[0.0]),
            ("one", &[1.0]),
            ("two", &[2.0]),
            ("few", &[3.0, 7.0, 10.0, 103.0, 110.0, 1003.0]),
            ("many", &[11.0, 26.0, 99.0, 111.0, 1011.0]),
            ("other", &[100.0, 101.0, 102.0, 200.0, 1000.0, 0.1, 1.5]),
        ],
    ),
    (
        "pl",
        &[
            ("one", &[1.0]),
            ("few", &[2.0, 4.0, 22.0, 24.0, 32.0, 104.0]),
            ("many", &[0.0, 5.0, 12.0, 19.0, 21.0, 25.0, 100.0, 1000.0]),
            ("other", &[0.5, 1.5, 2.5]),
        ],
    ),
    (
        "ru",
        &[
            ("one", &[1.0, 21.0, 31.0, 101.0]),
            ("few", &[2.0, 4.0, 22.0, 24.0, 102.0]),
            ("many", &[0.0, 5.0, 11.0, 14.0, 19.0, 100.0, 111.0]),
            ("other", &[0.5, 1.5]),
        ],
    ),
    (
        "uk",
        &[
            ("one", &[1.0, 21.0, 31.0]),
            ("few", &[2.0, 3.0, 4.0, 22.0, 23.0]),
            ("many", &[0.0, 5.0, 11.0, 12.0, 20.0, 100.0]),
            ("other", &[0.5, 1.5]),
        ],
    ),
    (
        "lt",
        &[
            ("one", &[1.0, 21.0, 31.0, 41.0, 101.0]),
            ("few", &[2.0, 9.0, 22.0, 29.0, 102.0]),
            ("many", &[0.1, 0.9, 1.1, 2.5]),
            ("other", &[0.0, 10.0, 11.0, 19.0, 20.0, 30.0, 40.0, 111.0]),
        ],
    ),
    (
        "ro",
        &[
            ("one", &[1.0]),
            ("few", &[0.0, 2.0, 16.0, 19.0, 101.0, 102.0, 119.0, 1001.0]),
            ("other", &[20.0, 35.0, 100.0, 120.0, 1000.0]),
        ],
    ),
    (
        "fr",
        &[
            ("one", &[0.0, 1.0, 1.5]),
            ("many", &[1_000_000.0]),
            ("other", &[2.0, 17.0, 100.0]),
        ],
    ),
    (
        "pt",
        &[("one", &[0.0, 1.0, 1.5]), ("other", &[2.0, 17.0, 100.0])],
    ),
    (
        "tl",
        &[
            ("one", &[1.0, 2.0, 3.0, 5.0, 7.0, 10.0]),
            ("other", &[4.0, 6.0, 9.0, 14.0]),
        ],
    ),
    ("bn", &[("one", &[0.0, 1.0, 0.5]), ("other", &[2.0, 10.0])]),
    ("pa", &[("one", &[0.0, 1.0]), ("other", &[0.5, 2.0, 10.0])]),
    ("de", &[("one", &[1.0]), ("other", &[0.0, 1.5, 2.0])]),
    ("zh-Hans", &[("other", &[0.0, 1.0, 2.0, 22.0])]),
    ("ko", &[("other", &[0.0, 1.0, 2.0])]),
];

#[wasm_bindgen_test]
fn browser_plural_categories_match_cldr_samples() {
    let mut wrong = Vec::new();
    for (lang, categories) in CLDR_SAMPLES {
        let l = localizer(lang, &[PROBE]);
        for (category, numbers) in *categories {
            for n in *numbers {
                let got = l.text("category", &[("n", Arg::Number(*n))]);
                if got != *category {
                    wrong.push(format!("{lang} {n}: expected {category}, got {got}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn widget(lang: &str) -> &'static str {
    match lang {
        "ar" => include_str!("../locales/ar/widget.ftl"),
        "pl" => include_str!("../locales/pl/widget.ftl"),
        "ru" => include_str!("../locales/ru/widget.ftl"),
        "lt" => include_str!("../locales/lt/widget.ftl"),
        "ro" => include_str!("../locales/ro/widget.ftl"),
        "fa" => include_str!("../locales/fa/widget.ftl"),
        "bn" => include_str!("../locales/bn/widget.ftl"),
        _ => include_str!("../locales/en/widget.ftl"),
    }
}

fn left(lang: &str, n: f64) -> String {
    strip_isolation(
        &localizer(lang, &[widget(lang)]).text("questions-left", &[("count", Arg::Number(n))]),
    )
}

/// The shipped strings pick a different form for each category: numbers of one category give
/// the same words, numbers of different categories different words. Digits are replaced by `#`
/// so that only the words are compared.
#[wasm_bindgen_test]
fn shipped_strings_follow_the_categories() {
    let words = |lang: &str, n: f64| -> String {
        left(lang, n)
            .chars()
            .map(|c| if c.is_numeric() { '#' } else { c })
            .collect::<String>()
            .replace("##", "#")
            .replace("##", "#")
    };
    for (lang, groups) in [
        (
            "pl",
            vec![
                vec![1.0],
                vec![2.0, 3.0, 4.0, 22.0],
                vec![5.0, 11.0, 12.0, 25.0],
            ],
        ),
        (
            "ru",
            vec![vec![1.0, 21.0], vec![2.0, 4.0, 22.0], vec![5.0, 11.0, 25.0]],
        ),
        (
            "lt",
            vec![
                vec![1.0, 21.0],
                vec![2.0, 9.0, 22.0, 29.0],
                vec![10.0, 11.0, 20.0],
            ],
        ),
        (
            "ro",
            vec![vec![1.0], vec![2.0, 19.0, 101.0], vec![20.0, 100.0]],
        ),
        (
            "ar",
            vec![vec![3.0, 10.0, 103.0], vec![11.0, 99.0], vec![100.0, 102.0]],
        ),
    ] {
        let forms: Vec<Vec<String>> = groups
            .iter()
            .map(|g| g.iter().map(|n| words(lang, *n)).collect())
            .collect();
        for (g, f) in groups.iter().zip(&forms) {
            assert!(
                f.iter().all(|x| x == &f[0]),
                "{lang}: {g:?} should read alike: {f:?}"
            );
        }
        for i in 0..forms.len() {
            for j in i + 1..forms.len() {
                assert_ne!(
                    forms[i][0], forms[j][0],
                    "{lang}: {:?} vs {:?}",
                    groups[i], groups[j]
                );
            }
        }
    }
}

#[wasm_bindgen_test]
fn counts_use_the_language_digits_and_keep_the_value() {
    assert!(left("fa", 12.0).contains("۱۲"), "{}", left("fa", 12.0));
    assert!(left("bn", 12.0).contains("১২"), "{}", left("bn", 12.0));
    assert!(left("pl", 12.0).contains("12"), "{}", left("pl", 12.0));
    // Typed Persian digits read back as plain values.
    assert_eq!(
        rapport_core::answers::normalize_digits("۱۲"),
        "12",
        "the payload keeps ASCII values"
    );
}
