//! `cargo xtask engines` (and the `engines` step of `cargo xtask test`): a smoke test of the
//! widget in three browser engines, Chromium, Firefox ESR (Gecko) and WebKitGTK (WebKit, the
//! engine family of Safari), with the same test code (`e2e/engines/smoke.mjs`, drivers in
//! `e2e/engines/drivers.mjs`).
//!
//! The receiver serves a copy of `dist/` with the smoke's host page (`e2e/engines/site/`) added,
//! under its strict Content-Security-Policy (`--csp`; the page adds Trusted Types with a meta
//! policy), on a free loopback port with a throw-away SQLite file, so the test stores real
//! records and reads them back from `/api/responses` (`--demo`).
//!
//! `RAPPORT_ENGINES=firefox,webkit` runs only some engines. `RAPPORT_RECEIVER_BIN` uses a receiver
//! already built instead of `cargo build --release -p rapport-receiver` (a no-op after `e2e`).

use crate::cmd::{self, command, run};
use crate::serve::{self, Receiver};
use crate::Result;
use std::fs;
use std::path::{Path, PathBuf};

/// What the smoke needs on the machine (installed by `cargo xtask setup`), with the Debian
/// package that brings it.
const PROGRAMS: [(&str, &str); 4] = [
    ("/usr/bin/firefox-esr", "firefox-esr"),
    ("/usr/bin/WebKitWebDriver", "webkit2gtk-driver"),
    ("/usr/bin/Xvfb", "xvfb"),
    ("/usr/bin/chromedriver", "chromium-driver"),
];

/// The npm packages that drive the browsers (pinned in `package-lock.json`).
const NPM: [&str; 2] = ["selenium-webdriver", "puppeteer-core"];

pub fn run_smoke() -> Result {
    let root = cmd::repo_root();
    if !root.join("dist").join("rapport.js").is_file() {
        return Err(
            "dist/ is not built (dist/rapport.js is missing): run `cargo xtask build` first".into(),
        );
    }
    let missing: Vec<String> = PROGRAMS
        .iter()
        .filter(|(path, _)| !Path::new(path).is_file())
        .map(|(path, package)| format!("{path} (Debian package {package})"))
        .chain(
            NPM.iter()
                .filter(|p| !root.join("node_modules").join(p).is_dir())
                .map(|p| format!("node_modules/{p}")),
        )
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "missing for the engines smoke: {}: run `cargo xtask setup`",
            missing.join(", ")
        ));
    }
    let chromium = serve::chromium_path()?;
    let site = site()?;
    let bin = match std::env::var_os("RAPPORT_RECEIVER_BIN") {
        Some(p) => PathBuf::from(p),
        None => serve::build_receiver()?,
    };
    let port = serve::free_port()?;
    let db = crate::serve::TempDb(std::env::temp_dir().join(format!(
        "rapport-engines-{}-{port}.sqlite3",
        std::process::id()
    )));
    let mut c = command(&bin);
    c.arg("--listen")
        .arg(format!("127.0.0.1:{port}"))
        .arg("--static-dir")
        .arg(&site)
        .arg("--db")
        .arg(&db.0)
        .arg("--csp")
        // The listing is open: the test reads back what was stored.
        .arg("--demo")
        .arg("--quiet");
    let receiver = Receiver::spawn(c, port)?;
    let result = run(command("node")
        .args(["--test", "e2e/engines/smoke.mjs"])
        .current_dir(&root)
        .env("RAPPORT_BASE_URL", receiver.base_url())
        .env("CHROMIUM", &chromium));
    drop(receiver); // stopped before the database file is removed
    drop(db);
    result.map_err(|e| format!("browser engines smoke failed: {e}"))
}

/// `target/engines-site/`: `dist/` as built (whatever its file names), plus the smoke's page.
fn site() -> Result<PathBuf> {
    let root = cmd::repo_root();
    let out = cmd::target_dir().join("engines-site");
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    copy_dir(&root.join("dist"), &out)?;
    copy_dir(&root.join("e2e").join("engines").join("site"), &out)?;
    Ok(out)
}

/// Copies the files of `from` into `to` (created), folders included.
fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            fs::copy(&src, &dst)
                .map_err(|e| format!("{} -> {}: {e}", src.display(), dst.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::copy_dir;

    #[test]
    fn copies_nested_folders() {
        let base =
            std::env::temp_dir().join(format!("rapport-engines-copy-{}", std::process::id()));
        let (from, to) = (base.join("from"), base.join("to"));
        std::fs::create_dir_all(from.join("pkg")).unwrap();
        std::fs::write(from.join("rapport.js"), "a").unwrap();
        std::fs::write(from.join("pkg").join("x.wasm"), "b").unwrap();
        copy_dir(&from, &to).unwrap();
        assert_eq!(std::fs::read_to_string(to.join("rapport.js")).unwrap(), "a");
        assert_eq!(
            std::fs::read_to_string(to.join("pkg").join("x.wasm")).unwrap(),
            "b"
        );
        std::fs::remove_dir_all(&base).unwrap();
    }
}
