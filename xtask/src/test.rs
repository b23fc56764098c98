//! `cargo xtask test`: every check CI runs, in order, each announced with a banner and timed,
//! stopping at the first failure with a non-zero exit.
//!
//! Steps (id for `--only` first):
//!
//! 1. `setup`: install what is missing (see [`crate::setup`])
//! 2. `fmt`: `cargo fmt --all -- --check`
//! 3. `clippy`: `cargo clippy --workspace --exclude rapport-widget --all-targets -- -D warnings`
//!    (core, lint, receiver, xtask), then the widget with its tests for
//!    `--target wasm32-unknown-unknown`; warnings are errors, and `rapport-core`'s `[lints]`
//!    (no `unwrap`, `expect`, `panic` or indexing outside tests) are checked here
//! 4. `arch`: `rapport-core` depends on nothing browser- or framework-specific
//! 5. `lint`: `cargo run -q -p rapport-lint -- --root .` on the repository's `instruments/` and
//!    `locales/` (definitions, Fluent syntax, translation parity, plain language; docs/linter.md)
//! 6. `native`: `cargo test --workspace --exclude rapport-widget` (core, lint, receiver on
//!    SQLite, xtask)
//! 7. `postgres`: the receiver's tests again, on a throwaway PostgreSQL cluster started on a
//!    loopback port for the step and removed after it (see [`crate::postgres`])
//! 8. `fhir`: QuestionnaireResponses the core builds (and the definitions they answer), and a
//!    patient's Bundle as the receiver's clinician export answers it (written by
//!    `tests/export.rs`), pass an independent FHIR R4 validator (`scripts/validate_fhir.py`, PyPI
//!    `fhir.resources`)
//! 9. `browser`: `cargo test --target wasm32-unknown-unknown -p rapport-widget` in headless
//!    Chromium through `wasm-bindgen-test-runner`
//! 10. `build`: `cargo xtask release`: the build with the size gate, then the CDN folder and the
//!     npm package in `release/`
//! 11. `e2e`: Playwright against the real receiver serving `dist/` (see [`crate::serve::e2e`])
//! 12. `engines`: a keyboard-only smoke of the widget in Chromium, Firefox ESR and WebKitGTK
//!     over WebDriver, against the real receiver (see [`crate::engines`])
//! 13. `bundlers`: the packed npm package installed into fresh Vite, webpack 5 and React 19
//!     apps, built, type-checked and answered in Chromium (see [`crate::bundlers`])

use crate::cmd::{self, human_duration, output};
use crate::{engines, serve, setup, Result};
use std::time::{Duration, Instant};

/// One step of the test run: a short id (for `--only`), a title, and what it runs.
struct Step {
    id: &'static str,
    title: &'static str,
    run: fn() -> Result,
}

const STEPS: [Step; 13] = [
    Step {
        id: "setup",
        title: "setup",
        run: setup::run,
    },
    Step {
        id: "fmt",
        title: "format",
        run: format,
    },
    Step {
        id: "clippy",
        title: "clippy",
        run: clippy,
    },
    Step {
        id: "arch",
        title: "architecture",
        run: architecture,
    },
    Step {
        id: "lint",
        title: "definition and translation lint",
        run: lint,
    },
    Step {
        id: "native",
        title: "native tests",
        run: native_tests,
    },
    Step {
        id: "postgres",
        title: "receiver tests on PostgreSQL",
        run: postgres_tests,
    },
    Step {
        id: "fhir",
        title: "FHIR validation",
        run: fhir_validation,
    },
    Step {
        id: "browser",
        title: "browser tests",
        run: browser_tests,
    },
    Step {
        id: "build",
        title: "release: build + size gate + package",
        run: release_build,
    },
    Step {
        id: "e2e",
        title: "end-to-end tests",
        run: serve::e2e,
    },
    Step {
        id: "engines",
        title: "browser engines smoke (Chromium, Firefox, WebKit)",
        run: engines::run_smoke,
    },
    Step {
        id: "bundlers",
        title: "the npm package in Vite, webpack and React apps",
        run: bundlers,
    },
];

/// The ids `--only` accepts, for messages.
pub fn step_ids() -> String {
    STEPS.iter().map(|s| s.id).collect::<Vec<_>>().join(",")
}

/// Runs every step, or only those named in `only` (ids separated by commas, kept in run order).
pub fn run(only: Option<&str>) -> Result {
    let selected: Vec<&Step> = match only {
        None => STEPS.iter().collect(),
        Some(list) => {
            let wanted: Vec<&str> = list.split(',').map(str::trim).collect();
            if let Some(bad) = wanted.iter().find(|w| !STEPS.iter().any(|s| s.id == **w)) {
                return Err(format!("--only: no step `{bad}` (steps: {})", step_ids()));
            }
            STEPS.iter().filter(|s| wanted.contains(&s.id)).collect()
        }
    };
    let start = Instant::now();
    let mut timings: Vec<(&str, Duration)> = Vec::new();
    let n = selected.len();
    for (i, step) in selected.iter().enumerate() {
        let label = format!("[{}/{n}] {}", i + 1, step.title);
        println!("\n==== {label} ====");
        let t = Instant::now();
        let result = (step.run)();
        let took = human_duration(t.elapsed());
        match result {
            Ok(()) => {
                println!("==== {label}: ok ({took}) ====");
                timings.push((step.id, t.elapsed()));
            }
            Err(e) => {
                println!("==== {label}: FAILED ({took}) ====");
                return Err(format!(
                    "xtask test: FAILED at step {label} after {}: {e}",
                    human_duration(start.elapsed())
                ));
            }
        }
    }
    let detail: Vec<String> = timings
        .iter()
        .map(|(id, d)| format!("{id} {}", human_duration(*d)))
        .collect();
    println!(
        "\nxtask test: OK, {n}/{n} steps succeeded in {} ({})",
        human_duration(start.elapsed()),
        detail.join(", ")
    );
    Ok(())
}

/// Exports responses for every bundled questionnaire, the demo's clinic questionnaires (and the
/// demo's ValueSet) and the e2e fixtures' definitions, and a
/// patient's Bundle from the receiver's clinician export (its HTTP test writes what the route
/// answered), then validates them (and the definitions) with `fhir.resources`.
fn fhir_validation() -> Result {
    let root = cmd::repo_root();
    let out = cmd::target_dir().join("fhir-check");
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    cmd::run(
        cmd::cargo()
            .args([
                "run",
                "--quiet",
                "-p",
                "rapport-core",
                "--example",
                "export_responses",
                "--",
            ])
            .arg(&out)
            .arg(root.join("demo").join("clinic-questionnaire.json"))
            // The demo's form with a shared answer list, and that list.
            .arg(root.join("demo").join("medicines-questionnaire.json"))
            .arg(root.join("demo").join("value-set-how-often.json"))
            // The fixtures the e2e tests send (look-alikes, FHIR features such as contained
            // value sets): their definitions and responses are checked too.
            .args(fixture_files()?),
    )?;
    cmd::run(
        cmd::cargo()
            .args([
                "test",
                "--quiet",
                "-p",
                "rapport-receiver",
                "--test",
                "export",
                "--",
                "--exact",
                "a_patients_bundle_holds_their_questionnaire_responses",
            ])
            .env("RAPPORT_FHIR_BUNDLE_DIR", &out),
    )?;
    cmd::run(
        cmd::command(setup::fhir_python())
            .arg(root.join("scripts").join("validate_fhir.py"))
            .arg(&out),
    )
    .map_err(|e| {
        format!("{e}\nthe core wrote FHIR that an independent validator refuses (see above)")
    })
}

/// The definition and ValueSet files of [`crate::serve::E2E_FIXTURES`] but the look-alikes,
/// sorted (the example reads the ValueSets for the definitions that name them by URL). The
/// look-alikes' score labels carry translations as `_valueString` inside an extension, which
/// FHIR's JSON rules allow (a primitive's extensions) and `fhir.resources` 8.1.0 refuses.
fn fixture_files() -> Result<Vec<std::path::PathBuf>> {
    let dir = crate::serve::fixture_definitions()?;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with("lookalike-"))
        })
        .collect();
    files.sort();
    Ok(files)
}

fn format() -> Result {
    cmd::run(cmd::cargo().args(["fmt", "--all", "--", "--check"]))
        .map_err(|e| format!("{e}\nformatting differs: run `cargo fmt --all`"))
}

/// Clippy with warnings as errors: the native crates, then the widget and its wasm-bindgen tests
/// for the target they run on (natively its browser code is not what ships).
fn clippy() -> Result {
    let hint = |e: String| format!("{e}\nclippy found problems (see above)");
    cmd::run(cmd::cargo().args([
        "clippy",
        "--workspace",
        "--exclude",
        "rapport-widget",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
    .map_err(hint)?;
    cmd::run(cmd::cargo().args([
        "clippy",
        "-p",
        "rapport-widget",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
    .map_err(hint)
}

/// Crates that tie code to the browser or to the UI framework; the core must stay free of them so
/// that it is tested natively, fuzzed, and shared with the receiver.
const FORBIDDEN_PREFIXES: [&str; 3] = ["leptos", "gloo", "wasm-bindgen"];
const FORBIDDEN_NAMES: [&str; 2] = ["web-sys", "js-sys"];

/// The forbidden crate names in the output of `cargo tree --prefix none` (each once, sorted).
pub fn forbidden_in_tree(tree: &str) -> Vec<String> {
    let mut found: Vec<String> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| {
            FORBIDDEN_NAMES.contains(name) || FORBIDDEN_PREFIXES.iter().any(|p| name.starts_with(p))
        })
        .map(str::to_string)
        .collect();
    found.sort();
    found.dedup();
    found
}

fn architecture() -> Result {
    let mut c = cmd::cargo();
    c.args([
        "tree",
        "-p",
        "rapport-core",
        "-e",
        "normal",
        "--target",
        "all",
        "--prefix",
        "none",
    ]);
    println!("$ {}", cmd::display(&c));
    let tree = output(&mut c)?;
    let mut names: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    names.sort();
    names.dedup();
    let crates = names.len().saturating_sub(1);
    let offenders = forbidden_in_tree(&tree);
    if offenders.is_empty() {
        println!("rapport-core: {crates} dependencies, none browser- or framework-specific");
        Ok(())
    } else {
        Err(format!(
            "architecture: rapport-core must not depend on leptos*, web-sys, js-sys, gloo* or \
             wasm-bindgen*, but its dependency tree contains: {} \
             (see `cargo tree -p rapport-core -e normal -i <crate>`)",
            offenders.join(", ")
        ))
    }
}

/// Lints the repository's own definitions and locale files (see `docs/linter.md`).
fn lint() -> Result {
    let mut c = cmd::cargo();
    c.args(["run", "-q", "-p", "rapport-lint", "--", "--root", "."])
        .current_dir(cmd::repo_root());
    cmd::run(&mut c).map_err(|e| format!("{e}\nrapport-lint found errors (see above)"))
}

/// The widget (root package) is a browser crate; its tests run in Chromium in the next step.
fn native_tests() -> Result {
    cmd::run(cmd::cargo().args(["test", "--workspace", "--exclude", "rapport-widget"]))
}

/// The receiver's whole test suite against PostgreSQL: the same tests as on SQLite, each on a
/// fresh database of a throwaway cluster.
fn postgres_tests() -> Result {
    let cluster = crate::postgres::Cluster::start()?;
    println!("postgres: throwaway cluster at {}", cluster.url());
    cmd::run(
        cmd::cargo()
            .args(["test", "-p", "rapport-receiver"])
            .env("RAPPORT_TEST_POSTGRES", cluster.url())
            .env("RAPPORT_DATABASE_PASSWORD", cluster.password()),
    )
}

/// `wasm-bindgen-test-runner` (the cargo runner for wasm32 in `.cargo/config.toml`) finds the
/// driver through `CHROMEDRIVER` (else `chromedriver` on PATH); Debian's chromedriver starts
/// `/usr/bin/chromium` itself, and the runner adds `--headless --no-sandbox`, so this works as
/// root. `WASM_BINDGEN_USE_BROWSER` runs test files in the browser even when they lack
/// `wasm_bindgen_test_configure!(run_in_browser)` (the runner's default would be Node).
/// Doc tests are left out (`--lib --tests`): they cannot run in a browser.
fn browser_tests() -> Result {
    let driver = match std::env::var_os("CHROMEDRIVER") {
        Some(p) => p.into(),
        None => cmd::find_on_path("chromedriver")
            .ok_or("chromedriver is not installed: run `cargo xtask setup`")?,
    };
    let mut c = cmd::cargo();
    c.args([
        "test",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "rapport-widget",
        "--lib",
        "--tests",
    ])
    .env("CHROMEDRIVER", &driver)
    .env("WASM_BINDGEN_USE_BROWSER", "1");
    if std::env::var_os("WASM_BINDGEN_TEST_TIMEOUT").is_none() {
        c.env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    }
    println!(
        "(CHROMEDRIVER={}, WASM_BINDGEN_USE_BROWSER=1)",
        driver.display()
    );
    cmd::run(&mut c)
}

/// `cargo xtask release`: the size-gated build, then the CDN folder and the npm package the
/// `bundlers` step installs.
fn release_build() -> Result {
    crate::release::run(false)
}

fn bundlers() -> Result {
    crate::bundlers::run_bundlers(None)
}

#[cfg(test)]
mod tests {
    use super::forbidden_in_tree;

    #[test]
    fn a_pure_core_tree_passes() {
        let tree = "rapport-core v0.1.0 (/work/main/crates/rapport-core)\nserde v1.0.228\nserde_json v1.0.145\nfluent-bundle v0.16.0\nserde v1.0.228 (*)\n";
        assert!(forbidden_in_tree(tree).is_empty());
    }

    #[test]
    fn browser_crates_are_listed_once() {
        let tree = "rapport-core v0.1.0 (/x)\nleptos v0.8.23\nleptos_dom v0.8.1\nweb-sys v0.3.106\njs-sys v0.3.106\nweb-sys v0.3.106 (*)\ngloo-net v0.7.0\nwasm-bindgen v0.2.129\nwasm-bindgen-futures v0.4.79\nwasm-bindgen-test v0.3.79\nserde-wasm-bindgen v0.6.5\n";
        assert_eq!(
            forbidden_in_tree(tree),
            [
                "gloo-net",
                "js-sys",
                "leptos",
                "leptos_dom",
                "wasm-bindgen",
                "wasm-bindgen-futures",
                "wasm-bindgen-test",
                "web-sys"
            ]
        );
    }
}
