//! `rapport-lint`: checks questionnaire definitions (`instruments/*.json`) and their words
//! (`locales/<lang>/*.ftl`). See `docs/linter.md`.
//!
//! 1. every definition loads with `rapport_core` (problems located at file:line:column);
//! 2. every Fluent file parses;
//! 3. every locale has the reference's (`en`) files, messages, attributes and `$variables`, no
//!    stray ones, and a `# Status:` header;
//! 4. every Fluent id a bundled questionnaire looks up exists in the reference;
//! 5. the English items and introductions are plain (Flesch–Kincaid), unless waived.

pub mod ftl;
pub mod plain;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use rapport_core::bundled;
use rapport_core::definition::{locate_pointer, ItemKind, NumericControl, Questionnaire};

/// The reference locale.
pub const REFERENCE: &str = "en";
/// The waiver file for the plain-language check, relative to the root.
pub const WAIVERS: &str = "locales/en/plain-language-waivers.toml";
/// Highest allowed median grade of the graded English texts.
pub const MAX_MEDIAN_GRADE: f64 = 6.0;
/// Highest allowed grade of any graded English text.
pub const MAX_GRADE: f64 = 8.0;
/// Longest allowed sentence, in words.
pub const MAX_SENTENCE_WORDS: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, at a place in a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub hint: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {sev}: {}: {} (fix: {})",
            self.path.display(),
            self.line,
            self.column,
            self.code,
            self.message,
            self.hint
        )
    }
}

/// The grade of one English text.
#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    /// `<instrument>/<message-id>`.
    pub id: String,
    pub grade: f64,
    pub waived: bool,
}

/// Everything a run found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub files: usize,
    pub findings: Vec<Finding>,
    pub grades: Vec<Grade>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }

    /// The findings with this code.
    pub fn with_code(&self, code: &str) -> Vec<&Finding> {
        self.findings.iter().filter(|f| f.code == code).collect()
    }

    /// The plain-language figures: count, median and max over the texts not waived, and the
    /// worst three (waived ones included, marked).
    pub fn grade_table(&self) -> String {
        let counted: Vec<f64> = self
            .grades
            .iter()
            .filter(|g| !g.waived)
            .map(|g| g.grade)
            .collect();
        let max = counted.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mut worst: Vec<&Grade> = self.grades.iter().collect();
        worst.sort_by(|a, b| b.grade.total_cmp(&a.grade));
        let mut out = format!(
            "plain language (English, Flesch–Kincaid grade):\n  texts   {} ({} waived)\n  median  {:.2} (limit {MAX_MEDIAN_GRADE})\n  max     {:.2} (limit {MAX_GRADE})\n  worst:\n",
            counted.len(),
            self.grades.len() - counted.len(),
            plain::median(&counted),
            if counted.is_empty() { 0.0 } else { max },
        );
        for g in worst.iter().take(3) {
            let w = if g.waived { " (waived)" } else { "" };
            out.push_str(&format!("    {:5.2}  {}{w}\n", g.grade, g.id));
        }
        out
    }

    /// `rapport-lint: N files, N errors, N warnings`.
    pub fn summary(&self) -> String {
        format!(
            "rapport-lint: {} files, {} errors, {} warnings",
            self.files,
            self.errors(),
            self.warnings()
        )
    }

    fn push(
        &mut self,
        path: &Path,
        (line, column): (usize, usize),
        severity: Severity,
        code: &str,
        message: String,
        hint: impl Into<String>,
    ) {
        self.findings.push(Finding {
            path: path.to_owned(),
            line,
            column,
            severity,
            code: code.to_owned(),
            message,
            hint: hint.into(),
        });
    }
}

/// The Fluent ids a questionnaire looks up: `required` (title, intro, notice, each non-group
/// item, the end labels of 0–10 radio rows, each option) and `optional` (group headings).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lookups {
    pub required: BTreeSet<String>,
    pub optional: BTreeSet<String>,
    /// Whole-sentence texts graded for plain language: each non-group item and the intro.
    pub graded: Vec<String>,
}

/// The Fluent ids a bundled questionnaire looks up (see `rapport_core::bundled`).
pub fn lookups(q: &Questionnaire) -> Lookups {
    let mut l = Lookups::default();
    for id in [bundled::TITLE_ID, bundled::INTRO_ID, bundled::NOTICE_ID] {
        l.required.insert(id.to_owned());
    }
    for item in &q.items {
        let id = bundled::item_id(item);
        match &item.kind {
            ItemKind::Group => {
                l.optional.insert(id);
                continue;
            }
            ItemKind::Choice { options, .. } => {
                for o in options {
                    l.required.insert(bundled::option_id(o));
                }
            }
            ItemKind::Integer {
                control: NumericControl::RadioRow,
                ..
            } => {
                l.required.insert(format!("{id}-low"));
                l.required.insert(format!("{id}-high"));
            }
            _ => {}
        }
        l.graded.push(id.clone());
        l.required.insert(id);
    }
    // Score labels: shown only when a portal opts in (`show-scores`), but then in every language.
    for score in &q.scores {
        l.required.insert(bundled::score_id(&score.id));
    }
    l.graded.push(bundled::INTRO_ID.to_owned());
    l
}

/// [`lookups`] of a definition's JSON text (for callers that hold no `Questionnaire` of this
/// crate's `rapport_core`); the definition's errors, displayed, when it does not load.
pub fn lookups_of_json(json: &str) -> Result<Lookups, Vec<String>> {
    rapport_core::fhirpath::checked(Questionnaire::from_json(json))
        .map(|q| lookups(&q))
        .map_err(|e| e.iter().map(|e| e.to_string()).collect())
}

fn read(report: &mut Report, path: &Path) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(s) => {
            report.files += 1;
            Some(s)
        }
        Err(e) => {
            report.push(
                path,
                (1, 1),
                Severity::Error,
                "unreadable",
                format!("cannot read the file: {e}"),
                "check the path",
            );
            None
        }
    }
}

fn files_with(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// Lints the repository (or fixture tree) at `root`: `instruments/*.json` and `locales/`.
pub fn lint(root: &Path) -> Report {
    lint_with(root, &files_with(&root.join("instruments"), "json"))
}

/// Lints the given definitions (instead of `instruments/*.json`) and the locales under `root`.
///
/// One function per check (numbered as in the module docs): the locales first (2, 3), then each
/// definition (1, 4, 5), then the overall reading grade and the waivers; findings in that order.
pub fn lint_with(root: &Path, definitions: &[PathBuf]) -> Report {
    let mut report = Report::default();

    // 2 + 3: every locale file parses and matches the reference.
    let locales = read_locales(&mut report, &root.join("locales"));
    check_reference_plurals(&mut report, &locales);
    for dir in locales.langs.iter().filter(|d| **d != locales.ref_dir) {
        check_translation(&mut report, &locales, dir);
    }

    // 1 + 4 + 5: definitions load, their messages exist, the English is plain.
    let waivers_path = root.join(WAIVERS);
    let waivers = waivers(&mut report, &waivers_path);
    let mut graded_ids: BTreeSet<String> = BTreeSet::new();
    for def in definitions {
        let Some((json, q)) = load_definition(&mut report, def) else {
            continue;
        };
        let stem = def.file_stem().unwrap_or_default().to_string_lossy();
        let ftl_path = locales.ref_dir.join(format!("{stem}.ftl"));
        let Some(file) = locales.parsed.get(&ftl_path) else {
            report.push(
                &ftl_path,
                (1, 1),
                Severity::Error,
                "missing-file",
                format!("{} has no English words", def.display()),
                format!("add {} with the messages it needs", ftl_path.display()),
            );
            continue;
        };
        let l = lookups(&q);
        check_lookups(&mut report, def, &json, &q, &l, &ftl_path, file);
        let english = English {
            stem: &stem,
            path: &ftl_path,
            file,
        };
        check_plain(&mut report, &english, &l.graded, &waivers, &mut graded_ids);
    }
    check_median_grade(&mut report, &locales.ref_dir);
    check_waivers_used(&mut report, &waivers_path, &waivers, &graded_ids);
    report
}

/// Every locale's Fluent files, parsed.
struct Locales {
    /// `locales/en/`.
    ref_dir: PathBuf,
    /// Every locale folder, sorted (the reference's too).
    langs: Vec<PathBuf>,
    /// The reference's `.ftl` files, sorted.
    ref_files: Vec<PathBuf>,
    /// Every readable `.ftl` file of every locale.
    parsed: BTreeMap<PathBuf, ftl::FtlFile>,
}

/// Check 2: reads and parses every locale's `.ftl` files, reporting syntax errors, messages
/// defined twice and the `# Status:` header.
fn read_locales(report: &mut Report, locales: &Path) -> Locales {
    let ref_dir = locales.join(REFERENCE);
    let mut parsed = BTreeMap::new();
    let mut langs: Vec<PathBuf> = std::fs::read_dir(locales)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    if !ref_dir.is_dir() {
        report.push(
            &ref_dir,
            (1, 1),
            Severity::Error,
            "missing-file",
            "the reference locale directory is missing".into(),
            "add locales/en/",
        );
    }
    for dir in &langs {
        for path in files_with(dir, "ftl") {
            if let Some(src) = read(report, &path) {
                let file = ftl::parse(&src);
                for e in &file.errors {
                    report.push(
                        &path,
                        (e.line, e.column),
                        Severity::Error,
                        "fluent-syntax",
                        e.message.clone(),
                        "see https://projectfluent.org/fluent/guide/",
                    );
                }
                let mut seen = BTreeSet::new();
                for m in &file.messages {
                    if !seen.insert(&m.id) {
                        report.push(
                            &path,
                            (m.line, 1),
                            Severity::Error,
                            "duplicate-message",
                            format!("\"{}\" is defined twice", m.id),
                            "remove or rename one",
                        );
                    }
                }
                check_status(report, dir, &path, &src);
                parsed.insert(path, file);
            }
        }
    }
    let ref_files = files_with(&ref_dir, "ftl");
    Locales {
        ref_dir,
        langs,
        ref_files,
        parsed,
    }
}

/// Check 3, in the reference itself: its plural selects cover the reference language's forms.
fn check_reference_plurals(report: &mut Report, locales: &Locales) {
    let ref_lang = locales
        .ref_dir
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    for ref_path in &locales.ref_files {
        if let Some(reference) = locales.parsed.get(ref_path) {
            for m in &reference.messages {
                check_plurals(report, &ref_lang, ref_path, m, m);
            }
        }
    }
}

/// Reference files a translation may still lack (the receiver's clinician pages, which fall back
/// to English); once a translation has one, it is checked like any other.
pub const TRANSLATED_LATER: &[&str] = &["clinician.ftl"];

/// Check 3, for one translation in `dir`: the reference's files and messages, with the same
/// `$variables` and plural forms, and nothing the reference lacks.
fn check_translation(report: &mut Report, locales: &Locales, dir: &Path) {
    let lang = dir.file_name().unwrap_or_default().to_string_lossy();
    for ref_path in &locales.ref_files {
        let name = ref_path.file_name().unwrap_or_default();
        let path = dir.join(name);
        let Some(reference) = locales.parsed.get(ref_path) else {
            continue;
        };
        let Some(file) = locales.parsed.get(&path) else {
            if !path.exists() && TRANSLATED_LATER.iter().any(|f| name == *f) {
                // The receiver's pages fall back to English until this language has them.
                continue;
            }
            report.push(
                &path,
                (1, 1),
                Severity::Error,
                "missing-file",
                format!("{lang} has no translation of {}", ref_path.display()),
                format!("translate {}", ref_path.display()),
            );
            continue;
        };
        for m in &reference.messages {
            match file.get(&m.id) {
                None => report.push(
                    &path,
                    (1, 1),
                    Severity::Error,
                    "missing-message",
                    format!(
                        "\"{}\" (line {} of the reference) has no {lang} translation",
                        m.id, m.line
                    ),
                    format!("translate \"{}\" into {lang}", m.id),
                ),
                Some(t) if t.variables != m.variables => report.push(
                    &path,
                    (t.line, 1),
                    Severity::Error,
                    "variables-differ",
                    format!(
                        "\"{}\" uses {:?}; the reference uses {:?}",
                        m.id, t.variables, m.variables
                    ),
                    "use the same $variables as the reference",
                ),
                Some(t) => check_plurals(report, &lang, &path, t, m),
            }
        }
        for m in &file.messages {
            if reference.get(&m.id).is_none() {
                report.push(
                    &path,
                    (m.line, 1),
                    Severity::Error,
                    "stray-message",
                    format!(
                        "\"{}\" is not in the reference {}",
                        m.id,
                        ref_path.display()
                    ),
                    "remove it, or add it to the reference first",
                );
            }
        }
    }
    for path in files_with(dir, "ftl") {
        if !locales
            .ref_files
            .iter()
            .any(|r| r.file_name() == path.file_name())
        {
            report.push(
                &path,
                (1, 1),
                Severity::Error,
                "stray-file",
                "the reference locale has no file of this name".into(),
                "remove it, or add it to the reference first",
            );
        }
    }
}

/// Check 1: the definition loads with `rapport_core`; its errors located at line and column.
fn load_definition(report: &mut Report, def: &Path) -> Option<(String, Questionnaire)> {
    let json = read(report, def)?;
    match rapport_core::fhirpath::checked(Questionnaire::from_json(&json)) {
        Ok(q) => Some((json, q)),
        Err(errors) => {
            for e in errors {
                let at = match &e.kind {
                    rapport_core::definition::ErrorKind::NotJson { line, column, .. } => {
                        (*line, *column)
                    }
                    _ => locate_pointer(&json, &e.pointer).unwrap_or((1, 1)),
                };
                let mut message = e.kind.what();
                if let Some(id) = &e.link_id {
                    message = format!("linkId \"{id}\": {message}");
                }
                report.push(
                    def,
                    at,
                    Severity::Error,
                    e.kind.code(),
                    message,
                    e.kind.hint(),
                );
            }
            None
        }
    }
}

/// Check 4: every Fluent id the questionnaire looks up is in its English file (reported where
/// the definition asks for it), and the file has no message no item uses (a warning).
fn check_lookups(
    report: &mut Report,
    def: &Path,
    json: &str,
    q: &Questionnaire,
    l: &Lookups,
    ftl_path: &Path,
    file: &ftl::FtlFile,
) {
    // Where each id comes from in the definition.
    let mut origin: BTreeMap<String, String> = BTreeMap::new();
    for item in &q.items {
        origin.insert(bundled::item_id(item), item.pointer.clone());
        if let ItemKind::Choice { options, .. } = &item.kind {
            for o in options {
                origin
                    .entry(bundled::option_id(o))
                    .or_insert_with(|| item.pointer.clone());
            }
        }
        for end in ["low", "high"] {
            origin.insert(
                format!("{}-{end}", bundled::item_id(item)),
                item.pointer.clone(),
            );
        }
    }
    for id in &l.required {
        if file.get(id).is_none() {
            let pointer = origin.get(id).map(String::as_str).unwrap_or("");
            let at = locate_pointer(json, pointer).unwrap_or((1, 1));
            report.push(
                def,
                at,
                Severity::Error,
                "missing-message",
                format!(
                    "the widget looks up \"{id}\", which {} lacks",
                    ftl_path.display()
                ),
                format!("add \"{id}\" to {}", ftl_path.display()),
            );
        }
    }
    for m in &file.messages {
        let base = m.id.split('.').next().unwrap_or_default();
        if !l.required.contains(base) && !l.optional.contains(base) {
            report.push(
                ftl_path,
                (m.line, 1),
                Severity::Warning,
                "unused-message",
                format!("no item of {} uses \"{}\"", def.display(), m.id),
                "remove it, or check the linkId",
            );
        }
    }
}

/// A bundled questionnaire's English file.
struct English<'a> {
    /// The questionnaire's file stem (`wai-sr`), the first half of a waiver id.
    stem: &'a str,
    path: &'a Path,
    file: &'a ftl::FtlFile,
}

/// Check 5, per text: each graded English text is graded (recorded in the report) and, unless
/// waived, reads at most at [`MAX_GRADE`] with no sentence over [`MAX_SENTENCE_WORDS`] words.
/// Every waiver id that names a graded text goes into `graded_ids`.
fn check_plain(
    report: &mut Report,
    english: &English,
    graded: &[String],
    waivers: &BTreeMap<String, usize>,
    graded_ids: &mut BTreeSet<String>,
) {
    let English { stem, path, file } = *english;
    for id in graded {
        let Some(m) = file.get(id) else { continue };
        let text = plain::strip_placeables(m.text.as_deref().unwrap_or_default());
        let key = format!("{stem}/{id}");
        let waived = waivers.contains_key(&key) || waivers.contains_key(id);
        graded_ids.insert(key.clone());
        graded_ids.insert(id.clone());
        let grade = plain::fk_grade(&text);
        report.grades.push(Grade {
            id: key.clone(),
            grade,
            waived,
        });
        if waived {
            continue;
        }
        if grade > MAX_GRADE {
            report.push(
                path,
                (m.line, 1),
                Severity::Error,
                "reading-grade",
                format!("\"{id}\" reads at grade {grade:.1}, above {MAX_GRADE}"),
                format!("use shorter words and sentences, or waive it in {WAIVERS}"),
            );
        }
        for s in plain::sentences(&text) {
            let n = plain::words(&s).len();
            if n > MAX_SENTENCE_WORDS {
                report.push(
                    path,
                    (m.line, 1),
                    Severity::Error,
                    "long-sentence",
                    format!("\"{id}\" has a sentence of {n} words: {}", s.trim()),
                    format!(
                        "split it (at most {MAX_SENTENCE_WORDS} words), or waive it in {WAIVERS}"
                    ),
                );
            }
        }
    }
}

/// Check 5, overall: the median grade of the texts not waived is at most [`MAX_MEDIAN_GRADE`].
fn check_median_grade(report: &mut Report, ref_dir: &Path) {
    let counted: Vec<f64> = report
        .grades
        .iter()
        .filter(|g| !g.waived)
        .map(|g| g.grade)
        .collect();
    let median = plain::median(&counted);
    if median > MAX_MEDIAN_GRADE {
        report.push(
            ref_dir,
            (1, 1),
            Severity::Error,
            "reading-grade-median",
            format!(
                "the median grade of the English items is {median:.2}, above {MAX_MEDIAN_GRADE}"
            ),
            "simplify the hardest items (see the table)",
        );
    }
}

/// Check 5, the waivers: each names a graded text.
fn check_waivers_used(
    report: &mut Report,
    waivers_path: &Path,
    waivers: &BTreeMap<String, usize>,
    graded_ids: &BTreeSet<String>,
) {
    for (id, line) in waivers {
        if !graded_ids.contains(id) {
            report.push(
                waivers_path,
                (*line, 1),
                Severity::Error,
                "unknown-waiver",
                format!("\"{id}\" is not a graded English text"),
                "remove the waiver, or use <instrument>/<message-id>",
            );
        }
    }
}

/// Every plural select of a message has a variant for each CLDR plural form of its language,
/// and a message whose reference chooses a plural form chooses one too (unless the language
/// has a single form). A variant for a form the language does not have is never chosen.
fn check_plurals(
    report: &mut Report,
    lang: &str,
    path: &Path,
    t: &ftl::Message,
    reference: &ftl::Message,
) {
    let Some(forms) = ftl::plural_categories(lang) else {
        return;
    };
    let list = |forms: &[&str]| forms.join(", ");
    for (var, _) in &reference.plurals {
        if forms.len() > 1 && !t.plurals.iter().any(|(v, _)| v == var) {
            report.push(
                path,
                (t.line, 1),
                Severity::Error,
                "plural-forms-missing",
                format!(
                    "\"{}\" does not choose a plural form for ${var}; {lang} has the forms {}",
                    t.id,
                    list(forms)
                ),
                format!(
                    "write {{ ${var} -> … }} with a variant for each of {}",
                    list(forms)
                ),
            );
        }
    }
    for (var, keys) in &t.plurals {
        let missing: Vec<&str> = forms
            .iter()
            .filter(|f| !keys.contains(**f))
            .copied()
            .collect();
        if !missing.is_empty() {
            report.push(
                path,
                (t.line, 1),
                Severity::Error,
                "plural-forms-missing",
                format!(
                    "\"{}\" has no variant for the {lang} plural form(s) {} of ${var} ({lang} has {})",
                    t.id,
                    list(&missing),
                    list(forms)
                ),
                format!("add [{}] variants (CLDR plural rules for {lang})", missing.join("], [")),
            );
        }
        let unused: Vec<&str> = keys
            .iter()
            .map(String::as_str)
            .filter(|k| !forms.contains(k))
            .collect();
        if !unused.is_empty() {
            report.push(
                path,
                (t.line, 1),
                Severity::Warning,
                "plural-form-unused",
                format!(
                    "\"{}\": {lang} has no plural form {}, so that variant of ${var} is never chosen",
                    t.id,
                    list(&unused)
                ),
                "remove the variant",
            );
        }
    }
}

fn check_status(report: &mut Report, dir: &Path, path: &Path, src: &str) {
    let reference = dir.file_name().is_some_and(|n| n == REFERENCE);
    let allowed: &[&str] = if reference {
        &["source"]
    } else {
        &["reviewed", "draft"]
    };
    match rapport_core::i18n::translation_status(src) {
        None => report.push(
            path,
            (1, 1),
            Severity::Error,
            "missing-status",
            "the header has no \"# Status:\" line".into(),
            format!(
                "add \"# Status: {}\" to the header",
                allowed[allowed.len() - 1]
            ),
        ),
        Some(s) if !allowed.contains(&s.as_str()) => {
            let line = src
                .lines()
                .position(|l| l.contains("Status:") || l.contains("status:"))
                .map_or(1, |i| i + 1);
            report.push(
                path,
                (line, 1),
                Severity::Error,
                "bad-status",
                format!("status \"{s}\" is not allowed here"),
                format!("use one of: {}", allowed.join(", ")),
            )
        }
        Some(_) => {}
    }
}

/// Reads the waiver file: `"<instrument>/<message-id>" = "reason"` lines (a TOML subset; bare
/// keys and `#` comments allowed). Returns each id with its line.
fn waivers(report: &mut Report, path: &Path) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    if !path.exists() {
        return out;
    }
    let Some(src) = read(report, path) else {
        return out;
    };
    let unquote = |s: &str| {
        let s = s.trim();
        s.strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .map(str::to_owned)
    };
    for (n, l) in src.lines().enumerate() {
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let parsed = t.split_once('=').and_then(|(k, v)| {
            let k = k.trim();
            let key = unquote(k).unwrap_or_else(|| k.to_owned());
            Some((key, unquote(v)?))
        });
        match parsed {
            Some((key, reason)) if !key.is_empty() && !reason.trim().is_empty() => {
                out.insert(key, n + 1);
            }
            _ => report.push(
                path,
                (n + 1, 1),
                Severity::Error,
                "bad-waiver",
                "a waiver needs an id and a non-empty reason".into(),
                "write \"<instrument>/<message-id>\" = \"why it cannot be plainer\"",
            ),
        }
    }
    out
}
