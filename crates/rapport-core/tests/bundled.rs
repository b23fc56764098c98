//! Checks the questionnaires Rapport bundles (`instruments/*.json`) and their words
//! (`locales/<lang>/<id>.ftl`, `locales/<lang>/widget.ftl`):
//!
//! - every definition loads, carries its canonical url, version and licence notice, and has no
//!   words of its own (all words come from Fluent);
//! - every Fluent message a bundled questionnaire needs exists in every shipped language, no
//!   translation has messages the English reference lacks, and each file declares its status;
//! - the widget's own strings have the same messages and variables in every language;
//! - scores and flags come out as computed by hand (reversed items, the missing-item rule,
//!   `enableWhen`, conversation-prompt flags);
//! - the English items are plain: a Flesch–Kincaid smoke check (median grade at most 6, none
//!   above 8, sentences of at most 20 words, questions of 6 to 12 words).
//!
//! The Fluent parsing and the Flesch–Kincaid estimate are `rapport-lint`'s (see docs/linter.md),
//! so this test and the linter grade alike.
//!
//! Reads the locale files from the source tree; the definitions are compiled into the core.

// Test code may stop loudly; the core's no-panic lints (its Cargo.toml) are for src/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::bundled;
use rapport_core::definition::{ItemKind, Questionnaire};
use rapport_core::enable::enabled_items;
use rapport_core::i18n::{self, Localizer};
use rapport_core::scoring::{self, Flag, PreviousScores, Score};
use rapport_core::validate::{validate, IssueCode};
use rapport_lint::ftl;
use rapport_lint::plain::{fk_grade, median, sentences, strip_placeables, words};

mod support;
use support::load;

/// The languages whose files ship for the bundled questionnaires. English is the reference.
const LANGS: &[&str] = &["en", "es"];

/// The bundled instrument ids, as the contracts name them.
const IDS: &[&str] = &[
    "session-checkin",
    "working-together",
    "psychiatry-relationship",
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn locale_path(lang: &str, file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../locales")
        .join(lang)
        .join(file)
}

fn read_locale(lang: &str, file: &str) -> String {
    let path = locale_path(lang, file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A localizer holding exactly one language, so that `has` never falls back to English.
fn single_language(lang: &str, file: &str) -> Localizer {
    let mut l = Localizer::new();
    let problems = l.add_locale(lang, &[&read_locale(lang, file)]);
    assert!(
        problems.is_empty(),
        "{lang}/{file} has Fluent problems: {problems:?}"
    );
    l
}

/// Parses Fluent source with the linter (failing on syntax errors).
fn parse_ftl(source: &str, what: &str) -> ftl::FtlFile {
    let file = ftl::parse(source);
    assert!(
        file.errors.is_empty(),
        "{what} does not parse: {:?}",
        file.errors
    );
    file
}

/// Message ids of a Fluent source, in file order (also fails on syntax errors).
fn message_ids(source: &str, what: &str) -> Vec<String> {
    parse_ftl(source, what).ids()
}

/// Every Fluent id a bundled questionnaire needs (the linter's list): title, intro, notice, one
/// per item (groups get a heading, display items their text), the end labels of 0–10 rows and
/// one per option.
fn required_ids(q: &Questionnaire) -> BTreeSet<String> {
    let l = rapport_lint::lookups(q);
    l.required.union(&l.optional).cloned().collect()
}

fn coding(q: &Questionnaire, link_id: &str, code: &str) -> AnswerValue {
    let item = q
        .item(link_id)
        .unwrap_or_else(|| panic!("no item {link_id}"));
    let ItemKind::Choice { options, .. } = &item.kind else {
        panic!("{link_id} is not a choice")
    };
    let option = options
        .iter()
        .find(|o| o.code == code)
        .unwrap_or_else(|| panic!("{link_id} has no option {code}"));
    AnswerValue::Coding {
        system: option.system.clone(),
        code: code.to_owned(),
    }
}

/// Answers every choice item of `q` with `code`.
fn all_choices(q: &Questionnaire, code: &str) -> Answers {
    let mut a = Answers::new();
    for item in &q.items {
        if matches!(item.kind, ItemKind::Choice { .. }) {
            a.set(&item.link_id, Some(coding(q, &item.link_id, code)));
        }
    }
    a
}

fn score(scores: &[Score], id: &str) -> Option<f64> {
    scores
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no score {id}"))
        .value
}

fn flag<'a>(flags: &'a [Flag], id: &str) -> Option<&'a Flag> {
    flags.iter().find(|f| f.id == id)
}

fn score_and_flag(
    q: &Questionnaire,
    a: &Answers,
    previous: &[(&str, f64)],
) -> (Vec<Score>, Vec<Flag>) {
    let previous: PreviousScores = previous
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
        .collect();
    let s = scoring::scores(q, a);
    let f = scoring::flags(q, a, &s, &previous);
    (s, f)
}

fn close(actual: Option<f64>, expected: f64, what: &str) {
    let v = actual.unwrap_or_else(|| panic!("{what}: expected {expected}, got no score"));
    assert!(
        (v - expected).abs() < 1e-4,
        "{what}: expected {expected}, got {v}"
    );
}

// ---------------------------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------------------------

#[test]
fn every_bundled_questionnaire_loads_with_url_version_and_scores() {
    let listed: Vec<&str> = bundled::INSTRUMENTS.iter().map(|b| b.id).collect();
    assert_eq!(
        listed, IDS,
        "the bundled list changed; update this test and the locale files"
    );
    for id in IDS {
        let q = load(id);
        assert_eq!(
            q.url.as_deref(),
            Some(format!("https://rapport.dev/fhir/Questionnaire/{id}").as_str())
        );
        assert_eq!(q.version.as_deref(), Some("1.0.0"), "{id}: version");
        assert_eq!(q.language, "en", "{id}: base language");
        assert!(
            q.title.is_none(),
            "{id}: the title comes from Fluent, not the definition"
        );
        assert!(
            q.scores.iter().any(|s| s.id == "total"),
            "{id}: declares a total"
        );
        for rule in &q.scores {
            assert!(!rule.items.is_empty(), "{id}: score {} has items", rule.id);
            assert!(rule.min_answered >= 1 && rule.min_answered <= rule.items.len());
            for link in &rule.items {
                let item = q
                    .item(link)
                    .unwrap_or_else(|| panic!("{id}: score {} names {link}", rule.id));
                assert!(item.required, "{id}: scored item {link} is required");
            }
        }
        for f in &q.flags {
            assert!(
                q.scores.iter().any(|s| s.id == f.score),
                "{id}: flag {} has its score",
                f.id
            );
        }
        assert!(
            q.flags.iter().any(|f| f.id == "lowest-point"),
            "{id}: lowest-point prompt"
        );
        assert!(
            q.flags.iter().any(|f| f.id == "dropped"),
            "{id}: dropped prompt"
        );
        let reversed = q.items.iter().filter(|i| i.reverse_scored).count();
        assert!(
            reversed <= 2,
            "{id}: reversed items are used sparingly ({reversed})"
        );
        // Free text is never required.
        for item in &q.items {
            if matches!(item.kind, ItemKind::Text { .. } | ItemKind::String { .. }) {
                assert!(
                    !item.required,
                    "{id}: free text {} must be optional",
                    item.link_id
                );
            }
        }
    }
}

#[test]
fn definitions_carry_licence_and_no_words_of_their_own() {
    fn walk(v: &serde_json::Value, at: &str, id: &str) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, child) in map {
                    assert!(
                        !matches!(
                            k.as_str(),
                            "text" | "title" | "display" | "_text" | "_title" | "_display"
                        ),
                        "{id}: {at}/{k}: bundled questionnaires take every word from Fluent"
                    );
                    walk(child, &format!("{at}/{k}"), id);
                }
            }
            serde_json::Value::Array(list) => {
                for (i, child) in list.iter().enumerate() {
                    walk(child, &format!("{at}/{i}"), id);
                }
            }
            _ => {}
        }
    }
    for id in IDS {
        let json = bundled::get(id).expect("bundled").json;
        let v: serde_json::Value = serde_json::from_str(json).expect("json");
        walk(&v, "", id);
        assert_eq!(v["status"], "active", "{id}");
        assert_eq!(v["publisher"], "The Rapport project", "{id}");
        let copyright = v["copyright"].as_str().unwrap_or_default();
        assert!(copyright.starts_with("CC0-1.0"), "{id}: CC0");
        assert!(
            copyright.contains("Not a validated psychometric instrument"),
            "{id}: notice"
        );
        assert!(copyright.contains("no clinical cut-offs"), "{id}: notice");
    }
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

#[test]
fn every_message_exists_in_every_language() {
    for id in IDS {
        let q = load(id);
        let file = format!("{id}.ftl");
        let needed = required_ids(&q);
        let english = message_ids(&read_locale("en", &file), &format!("en/{file}"));
        for lang in LANGS {
            let l = single_language(lang, &file);
            let missing: Vec<&String> = needed.iter().filter(|m| !l.has(m)).collect();
            assert!(missing.is_empty(), "{lang}/{file} lacks {missing:?}");
            let ids = message_ids(&read_locale(lang, &file), &format!("{lang}/{file}"));
            let unique: BTreeSet<&String> = ids.iter().collect();
            assert_eq!(
                unique.len(),
                ids.len(),
                "{lang}/{file} defines a message twice"
            );
            let extra: Vec<&String> = ids.iter().filter(|m| !english.contains(m)).collect();
            assert!(
                extra.is_empty(),
                "{lang}/{file} has messages English lacks: {extra:?}"
            );
            let unused: Vec<&String> = ids.iter().filter(|m| !needed.contains(*m)).collect();
            assert!(
                unused.is_empty(),
                "{lang}/{file} has messages no item uses: {unused:?}"
            );
            for m in &needed {
                let text = l.format(m, &[]).unwrap_or_default();
                assert!(!text.trim().is_empty(), "{lang}/{file}: {m} is empty");
            }
        }
    }
}

#[test]
fn widget_strings_match_in_every_language() {
    let english = read_locale("en", "widget.ftl");
    let en_vars = parse_ftl(&english, "en/widget.ftl").variables();
    for lang in LANGS {
        let source = read_locale(lang, "widget.ftl");
        let vars = parse_ftl(&source, &format!("{lang}/widget.ftl")).variables();
        let en_ids: BTreeSet<&String> = en_vars.keys().collect();
        let ids: BTreeSet<&String> = vars.keys().collect();
        assert_eq!(
            ids, en_ids,
            "{lang}/widget.ftl has other message ids than English"
        );
        for (id, v) in &vars {
            assert_eq!(
                Some(v),
                en_vars.get(id),
                "{lang}/widget.ftl: {id} uses other variables"
            );
        }
        let l = single_language(lang, "widget.ftl");
        // Plural selectors work: one and other forms come out with the number.
        for n in [1.0, 3.0] {
            let text = i18n::strip_isolation(
                &l.text("questions-left", &[("count", i18n::Arg::Number(n))]),
            );
            assert!(
                text.contains(&format!("{n}")),
                "{lang}: questions-left for {n}: {text}"
            );
        }
    }
    let es = single_language("es", "widget.ftl");
    let left = |n: f64| {
        i18n::strip_isolation(&es.text("questions-left", &[("count", i18n::Arg::Number(n))]))
    };
    assert_eq!(left(1.0), "Queda 1 pregunta");
    assert_eq!(left(3.0), "Quedan 3 preguntas");
}

#[test]
fn status_headers_say_source_or_draft() {
    let mut files: Vec<String> = IDS.iter().map(|id| format!("{id}.ftl")).collect();
    files.push("widget.ftl".into());
    for file in &files {
        let en = read_locale("en", file);
        assert_eq!(
            i18n::translation_status(&en).as_deref(),
            Some("source"),
            "en/{file}"
        );
        let es = read_locale("es", file);
        assert_eq!(
            i18n::translation_status(&es).as_deref(),
            Some("draft"),
            "es/{file}"
        );
        for (lang, src) in [("en", &en), ("es", &es)] {
            assert!(
                src.lines().any(|l| l.trim() == "# Licence: CC0-1.0"),
                "{lang}/{file}: licence line"
            );
        }
    }
    for id in IDS {
        let first = read_locale("en", &format!("{id}.ftl"));
        let first = first.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            format!("# Rapport questionnaire \"{id}\" 1.0.0: English (the reference).")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Scores and flags, computed by hand
// ---------------------------------------------------------------------------------------------

#[test]
fn session_checkin_scores() {
    let q = load("session-checkin");
    let items = [
        "say-my-mind",
        "what-matters",
        "way-we-worked",
        "worth-my-time",
    ];
    let with = |values: [i64; 4]| -> Answers {
        items
            .iter()
            .zip(values)
            .map(|(k, v)| (k.to_string(), AnswerValue::Integer(v)))
            .collect()
    };

    // All at the top: 4 × 10.
    let (s, f) = score_and_flag(&q, &with([10, 10, 10, 10]), &[]);
    close(score(&s, "total"), 40.0, "all 10");
    assert!(
        f.is_empty(),
        "no prompt when everything is at the top: {f:?}"
    );
    assert!(validate(&q, &with([10, 10, 10, 10])).is_empty());

    // One item at 0: 0 + 3 × 10, and the lowest-point prompt names that item.
    let (s, f) = score_and_flag(&q, &with([10, 0, 10, 10]), &[]);
    close(score(&s, "total"), 30.0, "one at 0");
    assert_eq!(
        flag(&f, "lowest-point").map(|f| f.items.clone()),
        Some(vec!["what-matters".to_string()])
    );

    // Mixed: 7 + 8 + 6 + 9 = 30; a drop of exactly 8 from 38 raises "dropped", 7 from 37 does not.
    let mixed = with([7, 8, 6, 9]);
    let (s, f) = score_and_flag(&q, &mixed, &[("total", 38.0)]);
    close(score(&s, "total"), 30.0, "mixed");
    assert!(
        flag(&f, "dropped").is_some(),
        "a drop of 8 is a prompt to talk"
    );
    assert!(flag(&f, "lowest-point").is_none());
    let (_, f) = score_and_flag(&q, &mixed, &[("total", 37.0)]);
    assert!(flag(&f, "dropped").is_none(), "a drop of 7 is not");

    // Missing-item rule: the sum needs all four.
    let mut three = with([10, 10, 10, 10]);
    three.set("worth-my-time", None);
    let (s, f) = score_and_flag(&q, &three, &[("total", 40.0)]);
    assert_eq!(score(&s, "total"), None, "three answers give no total");
    assert!(flag(&f, "dropped").is_none(), "no total, no drop");
    assert_eq!(
        validate(&q, &three).len(),
        1,
        "the missing answer is required"
    );

    // Out of range is a validation issue, not a score.
    assert_eq!(
        validate(&q, &with([11, 10, 10, 10]))[0].code,
        IssueCode::AboveMax { max: 10.0 }
    );
}

#[test]
fn working_together_scores() {
    let q = load("working-together");
    assert!(
        q.item("judged").is_some_and(|i| i.reverse_scored),
        "judged is reverse-scored"
    );

    // All "always" (5): "judged" is reversed, so it counts 1 + 5 − 5 = 1.
    let (s, f) = score_and_flag(&q, &all_choices(&q, "always"), &[]);
    close(score(&s, "bond"), (5.0 + 5.0 + 5.0 + 1.0) / 4.0, "bond");
    close(score(&s, "goals"), 5.0, "goals");
    close(score(&s, "tasks"), 5.0, "tasks");
    close(score(&s, "total"), (11.0 * 5.0 + 1.0) / 12.0, "total");
    assert_eq!(
        flag(&f, "lowest-point").map(|f| f.items.clone()),
        Some(vec!["judged".to_string()])
    );

    // The best answers everywhere: "judged" never (reversed to 5).
    let mut best = all_choices(&q, "always");
    best.set("judged", Some(coding(&q, "judged", "never")));
    let (s, f) = score_and_flag(&q, &best, &[]);
    close(score(&s, "total"), 5.0, "best");
    assert!(f.is_empty(), "{f:?}");
    assert!(validate(&q, &best).is_empty());

    // All "sometimes" (3; reversed 3 stays 3): 3.0. A drop of 0.75 from 3.75 raises "dropped",
    // 0.7 from 3.7 does not.
    let middle = all_choices(&q, "sometimes");
    let (s, f) = score_and_flag(&q, &middle, &[("total", 3.75)]);
    close(score(&s, "total"), 3.0, "middle");
    assert!(flag(&f, "dropped").is_some());
    let (_, f) = score_and_flag(&q, &middle, &[("total", 3.7)]);
    assert!(flag(&f, "dropped").is_none());

    // Missing-item rule: bond needs 3 of 4, total 9 of 12.
    let mut partial = all_choices(&q, "often");
    partial.set("kind", None);
    partial.set("judged", None);
    let (s, _) = score_and_flag(&q, &partial, &[]);
    assert_eq!(score(&s, "bond"), None, "two bond answers are too few");
    close(score(&s, "goals"), 4.0, "goals");
    close(score(&s, "total"), 4.0, "ten answers make a total");
    partial.set("goals-clear", None);
    partial.set("makes-sense", None);
    let (s, _) = score_and_flag(&q, &partial, &[]);
    close(score(&s, "goals"), 4.0, "three goals answers are enough");
    assert_eq!(score(&s, "total"), None, "eight answers are too few");
}

#[test]
fn psychiatry_relationship_scores_and_enable_when() {
    let q = load("psychiatry-relationship");
    let pos = |id: &str| q.position(id).unwrap_or_else(|| panic!("no {id}"));

    // Without "yes" to the medicine question, the two medicine items are hidden and their
    // answers ignored, even when set.
    let mut no_medicine = all_choices(&q, "strongly-agree");
    no_medicine.set("takes-medicine", Some(AnswerValue::Boolean(false)));
    no_medicine.set(
        "medicine-say",
        Some(coding(&q, "medicine-say", "strongly-disagree")),
    );
    let on = enabled_items(&q, &no_medicine);
    assert!(
        !on[pos("medicine-say")] && !on[pos("side-effects")],
        "medicine items hidden"
    );
    assert!(on[pos("choices")] && on[pos("better")]);
    let (s, f) = score_and_flag(&q, &no_medicine, &[]);
    // "rushed" is reversed: strongly agree (5) counts 1.
    close(score(&s, "listening"), (5.0 + 5.0 + 1.0) / 3.0, "listening");
    close(
        score(&s, "treatment"),
        5.0,
        "treatment from its two shown items",
    );
    close(score(&s, "trust"), 5.0, "trust");
    close(
        score(&s, "total"),
        (9.0 * 5.0 + 1.0) / 10.0,
        "total of ten shown items",
    );
    assert_eq!(
        flag(&f, "lowest-point").map(|f| f.items.clone()),
        Some(vec!["rushed".to_string()])
    );
    assert!(
        validate(&q, &no_medicine).is_empty(),
        "the free text is optional"
    );

    // With "yes", both count: 10 × 5 + rushed 1 + medicine-say 1 = 52 over 12.
    let mut medicine = no_medicine.clone();
    medicine.set("takes-medicine", Some(AnswerValue::Boolean(true)));
    let (s, f) = score_and_flag(&q, &medicine, &[]);
    close(
        score(&s, "treatment"),
        (5.0 + 5.0 + 1.0 + 5.0) / 4.0,
        "treatment",
    );
    close(score(&s, "total"), 52.0 / 12.0, "total");
    assert_eq!(
        flag(&f, "lowest-point").map(|f| f.items.clone()),
        Some(vec!["rushed".to_string(), "medicine-say".to_string()])
    );

    // "Yes" makes the medicine items required.
    let mut unanswered = medicine.clone();
    unanswered.set("side-effects", None);
    let issues = validate(&q, &unanswered);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].link_id, "side-effects");
    assert_eq!(issues[0].code, IssueCode::Required);

    // The best answers: "rushed" strongly disagree (reversed to 5), free text kept out of scores.
    let mut best = all_choices(&q, "strongly-agree");
    best.set("rushed", Some(coding(&q, "rushed", "strongly-disagree")));
    best.set("takes-medicine", Some(AnswerValue::Boolean(true)));
    best.set(
        "better",
        Some(AnswerValue::String("More time to talk.".into())),
    );
    let (s, f) = score_and_flag(&q, &best, &[("total", 5.0)]);
    close(score(&s, "total"), 5.0, "best");
    assert!(f.is_empty(), "{f:?}");

    // Missing-item rule: trust needs 4 of 5; total needs 8.
    let mut partial = no_medicine.clone();
    partial.set("who-sees", None);
    partial.set("worries", None);
    let (s, _) = score_and_flag(&q, &partial, &[]);
    assert_eq!(score(&s, "trust"), None, "three trust answers are too few");
    close(
        score(&s, "total"),
        (7.0 * 5.0 + 1.0) / 8.0,
        "eight answers make a total",
    );
    partial.set("culture", None);
    let (s, _) = score_and_flag(&q, &partial, &[]);
    assert_eq!(score(&s, "total"), None, "seven answers are too few");

    // A drop of 0.75 on the mean is a prompt to talk.
    let (_, f) = score_and_flag(&q, &all_choices(&q, "agree"), &[("total", 4.75)]);
    assert!(flag(&f, "dropped").is_some());
}

// ---------------------------------------------------------------------------------------------
// Plain language
// ---------------------------------------------------------------------------------------------

#[test]
fn english_items_are_plain() {
    let mut grades: Vec<(f64, String)> = Vec::new();
    for id in IDS {
        let q = load(id);
        let file = format!("{id}.ftl");
        let l = single_language("en", &file);
        // Whole sentences only: question and display items, the introduction and the notice.
        // Headings, option labels and end labels are fragments, where a grade means nothing.
        let mut texts: Vec<(String, bool)> = q
            .items
            .iter()
            .filter(|i| !matches!(i.kind, ItemKind::Group))
            .map(|i| (bundled::item_id(i), true))
            .collect();
        texts.push((bundled::INTRO_ID.to_owned(), false));
        texts.push((bundled::NOTICE_ID.to_owned(), false));
        for (msg, is_item) in texts {
            let text = strip_placeables(&l.format(&msg, &[]).unwrap_or_default());
            for s in sentences(&text) {
                let n = words(&s).len();
                assert!(n <= 20, "{id}/{msg}: a sentence of {n} words: {s}");
            }
            let grade = fk_grade(&text);
            assert!(
                grade <= 8.0,
                "{id}/{msg}: grade {grade:.1} is above 8: {text}"
            );
            if is_item {
                let n = words(&text).len();
                assert!(
                    (6..=12).contains(&n),
                    "{id}/{msg}: {n} words (want 6 to 12): {text}"
                );
                grades.push((grade, format!("{id}/{msg}")));
            } else {
                println!("{grade:5.1}  {id}/{msg} (not counted in the median)");
            }
        }
    }
    grades.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (g, what) in &grades {
        println!("{g:5.1}  {what}");
    }
    let median = median(&grades.iter().map(|g| g.0).collect::<Vec<_>>());
    let max = grades.last().map(|g| g.0).unwrap_or(0.0);
    println!(
        "English items: {} texts, Flesch–Kincaid median {median:.2}, max {max:.2}",
        grades.len()
    );
    assert!(median <= 6.0, "median grade {median:.2} is above 6");
    assert!(max <= 8.0, "an item is above grade 8");
}
