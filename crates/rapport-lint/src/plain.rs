//! A rough Flesch–Kincaid estimator for English, good enough to catch an item that drifts into
//! long words or long sentences. Shared with `crates/rapport-core/tests/bundled.rs`.

/// Syllables of an English word by vowel groups, less a silent final "e".
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut groups = 0;
    let mut previous = false;
    for &c in &w {
        let v = vowel(c);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    let n = w.len();
    if groups > 1 && n >= 2 && w[n - 1] == 'e' && w[n - 2] != 'l' {
        groups -= 1;
    }
    groups.max(1)
}

/// Removes Fluent placeables (`{ … }`, nested too) and Unicode isolation marks.
pub fn strip_placeables(text: &str) -> String {
    let text = rapport_core::i18n::strip_isolation(text);
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The words of a text (ASCII letters only; empty tokens dropped).
pub fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_ascii_alphabetic())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Sentences split at `.`, `!` and `?` (those without words dropped).
pub fn sentences(text: &str) -> Vec<String> {
    text.split(['.', '!', '?'])
        .filter(|s| !words(s).is_empty())
        .map(str::to_owned)
        .collect()
}

/// Flesch–Kincaid grade level.
pub fn fk_grade(text: &str) -> f64 {
    let w = words(text);
    let s = sentences(text).len().max(1) as f64;
    let n = w.len().max(1) as f64;
    let syl: usize = w.iter().map(|x| syllables(x)).sum();
    0.39 * (n / s) + 11.8 * (syl as f64 / n) - 15.59
}

/// The median of some figures (0 when there are none).
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_heuristic_is_sane() {
        assert_eq!(syllables("time"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("clinician"), 3);
        assert_eq!(syllables("I"), 1);
        assert_eq!(syllables("today's"), 2);
        assert!(fk_grade("The cat sat on the mat.") < 0.0);
        assert_eq!(strip_placeables("Hi { $name }, { -x }!"), "Hi , !");
        assert_eq!(median(&[3.0, 1.0, 2.0, 10.0]), 2.5);
    }
}
