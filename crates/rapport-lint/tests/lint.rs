//! Runs the linter on the repository (no errors expected) and on broken fixtures, asserting on
//! each finding's code and line.

use std::path::{Path, PathBuf};

use rapport_lint::{lint, lint_with, Report, Severity};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `(file name, line, column)` of each finding with this code.
fn at(report: &Report, code: &str) -> Vec<(String, usize, usize)> {
    report
        .with_code(code)
        .iter()
        .map(|f| {
            let name = f.path.file_name().unwrap().to_string_lossy().into_owned();
            let lang = f
                .path
                .parent()
                .and_then(Path::file_name)
                .unwrap()
                .to_string_lossy();
            (format!("{lang}/{name}"), f.line, f.column)
        })
        .collect()
}

#[test]
fn the_repository_is_clean() {
    let r = lint(&repo());
    let errors: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.to_string())
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(r.files >= 11, "{}", r.summary());
    assert!(r.grades.len() >= 30, "every item and intro is graded");
}

#[test]
fn broken_fixtures_are_found_where_they_are() {
    let r = lint(&fixture("broken"));
    let all: Vec<String> = r.findings.iter().map(|f| f.to_string()).collect();
    let all = all.join("\n");
    assert_eq!(
        at(&r, "missing-message")[0],
        ("es/mini.ftl".into(), 1, 1),
        "{all}"
    );
    assert!(r.with_code("missing-message")[0]
        .message
        .contains("instrument-intro"));
    assert_eq!(
        at(&r, "stray-message"),
        [("es/mini.ftl".into(), 9, 1)],
        "{all}"
    );
    assert!(r.with_code("stray-message")[0]
        .message
        .contains("option-yes-no-maybe"));
    assert_eq!(
        at(&r, "variables-differ"),
        [("es/mini.ftl".into(), 6, 1)],
        "{all}"
    );
    assert_eq!(
        at(&r, "fluent-syntax"),
        [("es/widget.ftl".into(), 4, 5)],
        "{all}"
    );
    assert_eq!(
        at(&r, "missing-status"),
        [("es/widget.ftl".into(), 1, 1)],
        "{all}"
    );
    // The second "same" is at line 11 of the definition, its `{` at column 4.
    assert_eq!(
        at(&r, "duplicate-link-id"),
        [("instruments/dup.json".into(), 11, 4)],
        "{all}"
    );
    assert_eq!(
        at(&r, "unknown-waiver"),
        [("en/plain-language-waivers.toml".into(), 2, 1)],
        "{all}"
    );
    assert_eq!(r.errors(), 8, "{all}");
    assert!(r.summary().ends_with("8 errors, 0 warnings"));
    let line = r.with_code("variables-differ")[0].to_string();
    assert!(
        line.contains("mini.ftl:6:1: error: variables-differ: ") && line.ends_with(')'),
        "{line}"
    );
}

#[test]
fn a_hard_item_fails_then_passes_with_a_waiver() {
    let definition = fixture("hard").join("instruments/hard.json");
    let r = lint_with(&fixture("hard"), std::slice::from_ref(&definition));
    assert_eq!(at(&r, "reading-grade"), [("en/hard.ftl".into(), 6, 1)]);
    assert_eq!(r.errors(), 1, "{}", r.summary());
    assert!(r.grade_table().contains("hard/item-hard"));

    let r = lint_with(&fixture("hard-waived"), &[definition]);
    assert_eq!(r.errors(), 0, "{:?}", r.findings);
    assert!(r
        .grades
        .iter()
        .any(|g| g.id == "hard/item-hard" && g.waived));
}

#[test]
fn plural_forms_follow_cldr_for_each_language() {
    let r = lint(&fixture("plurals"));
    let all: Vec<String> = r.findings.iter().map(|f| f.to_string()).collect();
    let all = all.join("\n");
    // Polish lacks "many"; German does not choose a form at all; Korean's "one" is never used.
    assert_eq!(
        at(&r, "plural-forms-missing"),
        [
            ("de/widget.ftl".into(), 2, 1),
            ("pl/widget.ftl".into(), 2, 1)
        ],
        "{all}"
    );
    assert!(
        all.contains("plural form(s) many of $count (pl has one, few, many, other)"),
        "{all}"
    );
    assert_eq!(
        at(&r, "plural-form-unused"),
        [("ko/widget.ftl".into(), 2, 1)],
        "{all}"
    );
    assert_eq!((r.errors(), r.warnings()), (2, 1), "{all}");
}
