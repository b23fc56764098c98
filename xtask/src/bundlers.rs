//! `cargo xtask bundlers`: the release's npm package in bundler apps (issue 17, point 4).
//!
//! Runs `node e2e/bundlers/run.mjs`, which installs the PACKED tarball (never the source tree)
//! into fresh copies of `e2e/bundlers/vite-app/`, `webpack-app/` and `react-app/`, builds them
//! with their pinned Vite or webpack (and `tsc` for the React app's JSX types), serves each with the real
//! receiver under its strict Content-Security-Policy and sends an answer from headless Chromium.
//!
//! The tarball is `--package PATH`, else `$RAPPORT_PACKAGE`, else the one
//! `release/rapport-questionnaire-*.tgz` (`cargo xtask release` writes it). The receiver is
//! `$RAPPORT_RECEIVER_BIN` when set, else built (`cargo build --release -p rapport-receiver`).

use std::path::PathBuf;
use std::time::Instant;

use crate::cmd::{self, command, run};
use crate::serve::{build_receiver, chromium_path};
use crate::Result;

pub fn run_bundlers(package: Option<PathBuf>) -> Result {
    let started = Instant::now();
    let root = cmd::repo_root();
    if !root.join("node_modules").join("playwright-core").is_dir() {
        return Err("node_modules/playwright-core is missing: run `cargo xtask setup`".into());
    }
    let package = match package.or_else(|| std::env::var_os("RAPPORT_PACKAGE").map(PathBuf::from)) {
        Some(p) => p,
        None => release_tarball()?,
    };
    if !package.is_file() {
        return Err(format!(
            "{} is not a file (the packed package)",
            package.display()
        ));
    }
    let receiver = match std::env::var_os("RAPPORT_RECEIVER_BIN") {
        Some(p) => PathBuf::from(p),
        None => build_receiver()?,
    };
    let chromium = chromium_path()?;
    let result = run(command("node")
        .arg(root.join("e2e").join("bundlers").join("run.mjs"))
        .current_dir(&root)
        .env("RAPPORT_PACKAGE", &package)
        .env("RAPPORT_RECEIVER_BIN", &receiver)
        .env("CHROMIUM", &chromium));
    println!(
        "bundler apps: {} (npm installs included)",
        cmd::human_duration(started.elapsed())
    );
    result.map_err(|e| format!("bundler apps failed: {e}"))
}

/// The one `release/rapport-questionnaire-*.tgz`.
fn release_tarball() -> Result<PathBuf> {
    let dir = cmd::repo_root().join("release");
    let found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| {
            format!(
                "{}: {e} (run `cargo xtask release` first, or pass --package PATH)",
                dir.display()
            )
        })?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("rapport-questionnaire-") && n.ends_with(".tgz"))
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!(
            "no rapport-questionnaire-*.tgz in {}: run `cargo xtask release` first",
            dir.display()
        )),
        _ => Err(format!(
            "several rapport-questionnaire-*.tgz in {}: pass --package PATH",
            dir.display()
        )),
    }
}
