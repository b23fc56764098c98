//! `rapport-lint [--root DIR] [DEFINITION.json ...]`: see `docs/linter.md`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut root = PathBuf::from(".");
    let mut definitions = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        match a.to_str() {
            Some("--root") => match args.next() {
                Some(r) => root = r.into(),
                None => {
                    eprintln!("rapport-lint: --root needs a directory");
                    return ExitCode::from(2);
                }
            },
            Some("-h" | "--help") => {
                println!(
                    "usage: rapport-lint [--root DIR] [DEFINITION.json ...]\n\n\
                     Checks DIR/instruments/*.json (or the definitions given) and DIR/locales/.\n\
                     Exits 1 when there is an error. See docs/linter.md."
                );
                return ExitCode::SUCCESS;
            }
            _ => definitions.push(PathBuf::from(a)),
        }
    }
    let report = if definitions.is_empty() {
        rapport_lint::lint(&root)
    } else {
        rapport_lint::lint_with(&root, &definitions)
    };
    for f in &report.findings {
        println!("{f}");
    }
    if !report.grades.is_empty() {
        print!("{}", report.grade_table());
    }
    println!("{}", report.summary());
    if report.errors() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
