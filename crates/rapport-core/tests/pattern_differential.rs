//! `pattern::Pattern` against the `regex` crate, on patterns built from the subset both read
//! the same way (over an ASCII alphabet, where `\d`, `\w` and `\b` agree, and with `.` matching
//! line breaks, as the core's single-line mode does): a whole-text match and a search must give
//! the same answer for every text.

use proptest::prelude::*;
use rapport_core::pattern::Pattern;

/// A pattern of the shared subset, as text.
fn pattern() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        4 => prop::sample::select(vec!["a", "b", "c", "-", " ", "1", "\\.", "\\n"]).prop_map(str::to_owned),
        1 => Just(".".to_owned()),
        1 => prop::sample::select(vec![
            "[ab]", "[^a]", "[a-c]", "[0-9]", "[a-]", "[\\d\\s]", "[^\\w]", "\\d", "\\w", "\\s",
            "\\D", "\\W", "\\S", "\\b", "\\B", "^", "$",
        ])
        .prop_map(str::to_owned),
    ];
    let quantified = (
        atom,
        prop::sample::select(vec![
            "", "", "", "*", "+", "?", "{2}", "{1,}", "{0,2}", "*?", "+?",
        ]),
    )
        .prop_map(|(a, q)| {
            // An anchor takes no repetition in either engine's subset.
            if matches!(a.as_str(), "^" | "$" | "\\b" | "\\B") {
                a
            } else {
                format!("{a}{q}")
            }
        });
    let seq = prop::collection::vec(quantified, 0..5).prop_map(|v| v.concat());
    seq.prop_recursive(3, 24, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|v| v.concat()),
            prop::collection::vec(inner.clone(), 2..4).prop_map(|v| v.join("|")),
            (
                inner,
                prop::sample::select(vec!["", "*", "+", "?", "{1,2}"]),
                any::<bool>()
            )
                .prop_map(|(p, q, plain)| { format!("({}{p}){q}", if plain { "" } else { "?:" }) }),
        ]
    })
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!['a', 'b', 'c', '-', ' ', '1', '.', '\n', '_']),
        0..8,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn same_answers_as_the_regex_crate(p in pattern(), texts in prop::collection::vec(text(), 6)) {
        let ours = Pattern::compile(&p);
        prop_assert!(ours.is_ok(), "{p:?} is in the subset: {:?}", ours.err());
        let ours = ours.unwrap();
        // `s`: `.` matches line breaks; `^`/`$` the text's ends.
        let whole = regex::Regex::new(&format!("(?s)^(?:{p})$")).unwrap();
        let search = regex::Regex::new(&format!("(?s){p}")).unwrap();
        for t in &texts {
            prop_assert_eq!(ours.matches_whole(t), whole.is_match(t), "whole {:?} on {:?}", p, t);
            prop_assert_eq!(ours.finds(t), search.is_match(t), "search {:?} on {:?}", p, t);
        }
    }

    #[test]
    fn never_panics(p in "\\PC{0,40}", t in "\\PC{0,40}") {
        if let Ok(pat) = Pattern::compile(&p) {
            let _ = pat.matches_whole(&t);
            let _ = pat.finds(&t);
        }
    }

    #[test]
    fn never_panics_on_pattern_characters(
        p in prop::collection::vec(prop::sample::select(vec![
            '(', ')', '[', ']', '{', '}', '*', '+', '?', '|', '^', '$', '\\', '-', ',', '.', 'a',
            '1', '0', 'd', 'u', 'b', ':', '=', '!', '<',
        ]), 0..30).prop_map(|v| v.into_iter().collect::<String>()),
        t in "[a1 ]{0,20}",
    ) {
        if let Ok(pat) = Pattern::compile(&p) {
            let _ = pat.matches_whole(&t);
            let _ = pat.finds(&t);
        }
    }
}
