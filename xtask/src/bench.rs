//! `cargo xtask bench [--runs N] [--out PATH] [--dist DIR]`: the benchmark of issue 7, in headless
//! Chromium. Rapport against a hand-written HTML form of the same 12-question questionnaire, and
//! both at 12, 60 and 120 questions (Rapport's chained by `enableWhen`): transfer size, requests,
//! render time, JS heap plus WebAssembly memory, click → frame, and sending. It prints a table
//! with the ratios and the budgets (as information: timings never fail this command) and writes
//! every sample as JSON (default `target/bench/bench.json`). Not part of `cargo xtask test`.
//!
//! Here: build the release receiver, assemble a throw-away site (a copy of the dist folder plus
//! the pages and definitions `bench/prepare.mjs` writes into `bench/`), serve it on a free
//! loopback port, run `node bench/bench.mjs` (Playwright driving Chromium; what it measures and
//! how: `bench/README.md`), then stop the receiver and remove the site.

use crate::cmd::{self, command, run};
use crate::serve::{build_receiver, chromium_path, free_port, Receiver};
use crate::Result;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Measured runs per page when `--runs` is not given (after one warm-up run that is not counted).
pub const DEFAULT_RUNS: u32 = 9;

/// What `cargo xtask bench` was asked for.
pub struct Options {
    pub runs: u32,
    /// Where the JSON goes.
    pub out: PathBuf,
    /// A built dist folder (`rapport.js`, `pkg/`, `locales/`, `instruments/`).
    pub dist: PathBuf,
}

/// Runs the benchmark; fails only when it cannot be run, never because of a figure.
pub fn run_bench(o: &Options) -> Result {
    let started = Instant::now();
    for needed in ["rapport.js", "pkg/rapport_widget_bg.wasm"] {
        if crate::hashed::find(&o.dist, needed).is_none() {
            return Err(format!(
                "{} has no {needed}: run `cargo xtask build` first, or pass --dist DIR",
                o.dist.display()
            ));
        }
    }
    let root = cmd::repo_root();
    if !root.join("node_modules").join("playwright-core").is_dir() {
        return Err("node_modules/playwright-core is missing: run `cargo xtask setup`".into());
    }
    let chromium = chromium_path()?;
    let bin = build_receiver()?;

    let work = TempDir::create()?;
    let site = work.0.join("site");
    copy_dir(&o.dist, &site)?;
    run(command("node")
        .arg("bench/prepare.mjs")
        .arg(site.join("bench")))?;
    write_preload_page(&o.dist, &site.join("bench"))?;
    point_pages_at_hashed_loader(&o.dist, &site.join("bench"))?;

    let port = free_port()?;
    let receiver = start_receiver(&bin, port, &site, &work.0.join("bench.sqlite3"))?;
    if let Some(parent) = o.out.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let result = run(command("node")
        .arg("bench/bench.mjs")
        .env("RAPPORT_BENCH_URL", format!("http://127.0.0.1:{port}"))
        .env("RAPPORT_BENCH_RUNS", o.runs.to_string())
        .env("RAPPORT_BENCH_OUT", &o.out)
        .env("CHROMIUM", &chromium));
    drop(receiver); // stopped before its database is removed with the site
    drop(work);
    result.map_err(|e| format!("the benchmark did not finish: {e}"))?;
    println!(
        "benchmark done in {}",
        cmd::human_duration(started.elapsed())
    );
    Ok(())
}

/// `bench/rapport-preload.html`: `rapport.html` with the preload hints the release prints
/// (README, "Faster first visits") pasted before its script tag, as a portal would.
fn write_preload_page(dist: &Path, bench: &Path) -> Result {
    let page = bench.join("rapport.html");
    let text = std::fs::read_to_string(&page)
        .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let hints = crate::preload::hints(dist, "/", Some("working-together"), None)?;
    let tag = "<script type=\"module\" src=\"/rapport.js\"></script>";
    if !text.contains(tag) {
        return Err(format!("{} has no `{tag}`", page.display()));
    }
    let with = text.replace(tag, &format!("{hints}{tag}"));
    let to = bench.join("rapport-preload.html");
    std::fs::write(&to, with).map_err(|e| format!("cannot write {}: {e}", to.display()))
}

/// Rapport's pages load the loader by its content-hashed name (`rapport.Ab12Cd34.js`, which the
/// build writes beside `rapport.js`), as README's "Caching" advises a portal serving the files
/// itself: cached for good, so a second visit does not wait to revalidate it.
fn point_pages_at_hashed_loader(dist: &Path, bench: &Path) -> Result {
    let alias = crate::hashed::loader_alias(dist)
        .ok_or_else(|| format!("{} has no rapport.<hash>.js: rebuild it", dist.display()))?;
    let alias = alias
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    let entries =
        std::fs::read_dir(bench).map_err(|e| format!("cannot read {}: {e}", bench.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !(name.starts_with("rapport") && name.ends_with(".html")) {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let with = text.replace("src=\"/rapport.js\"", &format!("src=\"/{alias}\""));
        std::fs::write(&path, with).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// A temporary folder, removed with everything in it when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn create() -> Result<TempDir> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir =
            std::env::temp_dir().join(format!("rapport-bench-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies the files of `from` into `to`, folders included (symbolic links are followed).
fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst)
                .map_err(|e| format!("cannot copy {} to {}: {e}", src.display(), dst.display()))?;
        }
    }
    Ok(())
}

/// The receiver serving the benchmark's site, stopped when dropped.
fn start_receiver(bin: &Path, port: u16, site: &Path, db: &Path) -> Result<Receiver> {
    let mut c = command(bin);
    c.arg("--listen")
        .arg(format!("127.0.0.1:{port}"))
        .arg("--static-dir")
        .arg(site)
        .arg("--db")
        .arg(db)
        // The generated long questionnaires, so that Rapport's envelopes for them verify.
        .arg("--definitions-dir")
        .arg(site.join("bench"))
        // The hand-written form posts a minimal envelope of a questionnaire the receiver
        // does not know: stored, marked unverified, instead of refused.
        .arg("--store-unverified")
        // Every run posts once per page.
        .args(["--rate-limit", "0", "--quiet"]);
    Receiver::spawn(c, port)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_folders_and_cleans_up() {
        let work = TempDir::create().unwrap();
        let from = work.0.join("from");
        std::fs::create_dir_all(from.join("pkg")).unwrap();
        std::fs::write(from.join("rapport.js"), "// loader").unwrap();
        std::fs::write(from.join("pkg").join("a.wasm"), [0u8, 97, 115, 109]).unwrap();
        let to = work.0.join("to");
        copy_dir(&from, &to).unwrap();
        assert_eq!(
            std::fs::read_to_string(to.join("rapport.js")).unwrap(),
            "// loader"
        );
        assert_eq!(
            std::fs::read(to.join("pkg").join("a.wasm")).unwrap(),
            [0u8, 97, 115, 109]
        );
        let path = work.0.clone();
        drop(work);
        assert!(!path.exists());
    }

    #[test]
    fn a_missing_dist_says_what_to_do() {
        let err = run_bench(&Options {
            runs: 1,
            out: PathBuf::from("unused.json"),
            dist: PathBuf::from("/nonexistent-dist"),
        })
        .unwrap_err();
        assert!(
            err.contains("rapport.js") && err.contains("cargo xtask build"),
            "{err}"
        );
    }
}
