//! `cargo xtask setup`: installs what the build and the tests need, skipping whatever is already
//! there, and prints one line per tool saying what it did.
//!
//! | tool | why | how |
//! |---|---|---|
//! | `wasm32-unknown-unknown` target | the widget is WebAssembly | `rustup target add` |
//! | `rust-src` component | the release wasm rebuilds the standard library for size | `rustup component add rust-src` |
//! | `clippy` component | the `clippy` step of `cargo xtask test` | `rustup component add clippy` |
//! | wasm-bindgen CLI (+ `wasm-bindgen-test-runner`) | JS glue; browser tests | `cargo install wasm-bindgen-cli --version <Cargo.lock's wasm-bindgen> --locked` |
//! | Chromium, chromedriver, Noto fonts | browser tests, e2e, screenshots in every script | Debian packages via `apt-get` |
//! | PostgreSQL server | the receiver's tests on its second backend | Debian package `postgresql` via `apt-get` |
//! | `binaryen@132.0.0`, `playwright-core`, `oidc-provider@9.13.3` | wasm-opt; e2e driver; the local OpenID provider of the demo and the clinician e2e tests | `npm ci` (versions pinned in `package-lock.json`) |
//! | Firefox ESR, WebKitGTK's WebDriver + MiniBrowser, Xvfb | the `engines` smoke (widget in Gecko and WebKit) | Debian packages `firefox-esr`, `webkit2gtk-driver`, `xvfb` via `apt-get` |
//! | `selenium-webdriver@4.49.0`, `puppeteer-core@25.16.0` | the `engines` smoke's drivers (neither downloads a browser or a driver) | `npm ci` |
//!
//! The wasm-bindgen CLI must be exactly the version of the `wasm-bindgen` crate in `Cargo.lock`
//! (otherwise wasm-bindgen refuses the module), so the version is read from the lock file, never
//! written twice.

use crate::cmd::{self, command, output, probe};
use crate::{build, Result};
use std::fs;
use std::time::Duration;

/// Debian packages: the browser and its driver for tests, fonts so that every script the
/// locales use renders as text, not boxes, in screenshots, and PostgreSQL's server for the
/// receiver's tests on its second backend (a throwaway cluster per run: see `postgres.rs`).
/// Then the other two browser engines of the `engines` smoke (`engines.rs`): Firefox ESR (driven
/// over WebDriver BiDi, which it speaks itself: Debian packages no geckodriver), WebKitGTK's
/// WebDriver with its MiniBrowser, and Xvfb, the display WebKitGTK needs (no headless mode).
const APT_PACKAGES: [&str; 8] = [
    "chromium",
    "chromium-driver",
    "fonts-noto-core",
    "fonts-noto-cjk",
    "postgresql",
    "firefox-esr",
    "webkit2gtk-driver",
    "xvfb",
];

/// Runs every setup step.
pub fn run() -> Result {
    wasm_target()?;
    rust_components()?;
    wasm_bindgen_cli()?;
    system_packages()?;
    npm_packages()?;
    python_validator()?;
    Ok(())
}

/// The independent FHIR validator (PyPI `fhir.resources`, pinned) in a venv under `.tools/`.
pub const FHIR_RESOURCES: &str = "fhir.resources==8.1.0";

/// The venv's python.
pub fn fhir_python() -> std::path::PathBuf {
    cmd::repo_root()
        .join(".tools")
        .join("fhir-venv")
        .join("bin")
        .join("python")
}

fn python_validator() -> Result {
    let python = fhir_python();
    let stamp = cmd::repo_root()
        .join(".tools")
        .join("fhir-venv")
        .join("rapport-installed");
    if python.exists() && fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == FHIR_RESOURCES) {
        println!("setup: python {FHIR_RESOURCES} (FHIR validator): already installed");
        return Ok(());
    }
    println!("setup: python {FHIR_RESOURCES} (FHIR validator): installing into .tools/fhir-venv");
    let venv = cmd::repo_root().join(".tools").join("fhir-venv");
    cmd::run(command("python3").args(["-m", "venv"]).arg(&venv))?;
    cmd::run(command(&python).args(["-m", "pip", "install", "--quiet", FHIR_RESOURCES]))?;
    fs::write(&stamp, FHIR_RESOURCES).map_err(|e| format!("{}: {e}", stamp.display()))
}

fn wasm_target() -> Result {
    const TARGET: &str = "wasm32-unknown-unknown";
    let installed = output(command("rustup").args(["target", "list", "--installed"]))?;
    if installed.lines().any(|l| l.trim() == TARGET) {
        println!("setup: rust target {TARGET}: already installed");
        return Ok(());
    }
    println!("setup: rust target {TARGET}: installing");
    cmd::run(command("rustup").args(["target", "add", TARGET]))
}

/// The rustup components the build and the tests use: the standard library's source, which the
/// release build recompiles for size (`build::size_tuned_std`), and clippy (a test step).
fn rust_components() -> Result {
    let installed = output(command("rustup").args(["component", "list", "--installed"]))?;
    for (name, why) in [
        ("rust-src", "the release wasm rebuilds std for size"),
        ("clippy", "a step of `cargo xtask test`"),
    ] {
        if installed.lines().any(|l| l.trim().starts_with(name)) {
            println!("setup: {name}: already installed");
        } else {
            println!("setup: {name} ({why}): installing");
            cmd::run(command("rustup").args(["component", "add", name]))?;
        }
    }
    Ok(())
}

/// The version of the `wasm-bindgen` crate that `Cargo.lock` pins.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let path = cmd::repo_root().join("Cargo.lock");
    let lock =
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    wasm_bindgen_version_in_lock(&lock).ok_or_else(|| {
        format!(
            "{} has no `wasm-bindgen` package: is the widget's wasm-bindgen dependency missing?",
            path.display()
        )
    })
}

/// Finds `version` of the `[[package]]` named exactly `wasm-bindgen` in the text of a Cargo.lock.
pub fn wasm_bindgen_version_in_lock(lock: &str) -> Option<String> {
    for block in lock.split("[[package]]") {
        let mut name = None;
        let mut version = None;
        for line in block.lines() {
            if let Some(v) = toml_string_value(line, "name") {
                name = Some(v);
            } else if let Some(v) = toml_string_value(line, "version") {
                version = Some(v);
            }
        }
        if name.as_deref() == Some("wasm-bindgen") {
            return version;
        }
    }
    None
}

/// `key = "value"` → `value`.
fn toml_string_value(line: &str, key: &str) -> Option<String> {
    let rest = line
        .trim()
        .strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?;
    let value = rest.trim().strip_prefix('"')?.strip_suffix('"')?;
    Some(value.to_string())
}

/// `wasm-bindgen 0.2.129` → `0.2.129`.
fn version_word(line: &str) -> Option<&str> {
    line.split_whitespace().nth(1)
}

/// Checks both programs of the wasm-bindgen CLI against the lock file; `Err` says what is wrong.
pub fn check_wasm_bindgen_cli(wanted: &str) -> Result {
    for program in ["wasm-bindgen", "wasm-bindgen-test-runner"] {
        match probe(program, &["--version"]) {
            None => return Err(format!("`{program}` is not installed")),
            Some(line) if version_word(&line) != Some(wanted) => {
                return Err(format!(
                    "`{program} --version` says `{line}`, but Cargo.lock pins wasm-bindgen {wanted}"
                ))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn wasm_bindgen_cli() -> Result {
    let wanted = locked_wasm_bindgen_version()?;
    match check_wasm_bindgen_cli(&wanted) {
        Ok(()) => {
            println!("setup: wasm-bindgen CLI {wanted}: already installed");
            Ok(())
        }
        Err(why) => {
            println!("setup: wasm-bindgen CLI {wanted}: installing ({why}; takes about 5 minutes)");
            cmd::run(cmd::cargo().args([
                "install",
                "wasm-bindgen-cli",
                "--version",
                &wanted,
                "--locked",
                "--force",
            ]))?;
            check_wasm_bindgen_cli(&wanted)
                .map_err(|e| format!("after installing the wasm-bindgen CLI: {e}"))
        }
    }
}

fn is_root() -> bool {
    probe("id", &["-u"]).as_deref() == Some("0")
}

fn dpkg_installed(package: &str) -> bool {
    probe("dpkg-query", &["-W", "-f=${Status}", package]).as_deref() == Some("install ok installed")
}

fn system_packages() -> Result {
    if !cmd::on_path("dpkg-query") {
        // Not Debian: accept a browser installed some other way, or explain what is needed.
        if cmd::on_path("chromium") && cmd::on_path("chromedriver") {
            println!("setup: system packages: no dpkg here; chromium and chromedriver found on PATH (fonts not checked)");
            return Ok(());
        }
        return Err(format!(
            "no dpkg here, and chromium/chromedriver are not on PATH. Install Chromium, its \
             chromedriver and Noto fonts with your system's package manager (Debian names: {})",
            APT_PACKAGES.join(" ")
        ));
    }
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| !dpkg_installed(p))
        .collect();
    if missing.is_empty() {
        println!(
            "setup: Debian packages {}: already installed",
            APT_PACKAGES.join(" ")
        );
        return Ok(());
    }
    println!(
        "setup: Debian packages {}: installing (about 2 minutes)",
        missing.join(" ")
    );
    apt_get(&["update"])?;
    let mut install = vec!["install", "-y"];
    install.extend(&missing);
    apt_get(&install)?;
    let still: Vec<&str> = missing.into_iter().filter(|p| !dpkg_installed(p)).collect();
    if still.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "apt-get finished but these are still not installed: {}",
            still.join(" ")
        ))
    }
}

/// Installs one more Debian package when missing (for tasks outside `test`, such as
/// `bench-receiver`'s `wrk`).
pub fn debian_package(package: &str) -> Result {
    if dpkg_installed(package) {
        return Ok(());
    }
    println!("setup: Debian package {package}: installing");
    apt_get(&["update"])?;
    apt_get(&["install", "-y", package])
}

/// Runs `apt-get` (through `sudo` unless root), waiting for a busy package database rather than
/// failing: apt's own lock timeout, plus a few retries for `apt-get update`, whose lock it does
/// not always wait for.
fn apt_get(args: &[&str]) -> Result {
    let mut last_error = String::new();
    for attempt in 1..=4 {
        let mut c = if is_root() {
            command("apt-get")
        } else {
            let mut c = command("sudo");
            c.arg("apt-get");
            c
        };
        c.args(["-o", "DPkg::Lock::Timeout=300", "-q"])
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive");
        match cmd::run(&mut c) {
            Ok(()) => return Ok(()),
            Err(e) => {
                last_error = e;
                if attempt < 4 {
                    println!("setup: apt-get failed (attempt {attempt} of 4; the package database may be busy): retrying in 30s");
                    std::thread::sleep(Duration::from_secs(30));
                }
            }
        }
    }
    Err(last_error)
}

/// `npm ci` when `node_modules` is missing, was installed from a different `package-lock.json`
/// (a copy of the lock used is kept as `node_modules/.rapport-package-lock.json`), or holds a
/// wasm-opt or playwright-core that is not the pinned one.
fn npm_packages() -> Result {
    let root = cmd::repo_root();
    let lock_path = root.join("package-lock.json");
    let lock =
        fs::read(&lock_path).map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let stamp = root.join("node_modules").join(".rapport-package-lock.json");
    let why = if !root.join("node_modules").is_dir() {
        Some("node_modules missing".to_string())
    } else if fs::read(&stamp).map(|s| s != lock).unwrap_or(true) {
        Some("package-lock.json changed".to_string())
    } else if let Err(e) = build::check_wasm_opt() {
        Some(e)
    } else if playwright_version().is_none() {
        Some("playwright-core missing".to_string())
    } else {
        ENGINE_DRIVERS
            .iter()
            .find(|p| !root.join("node_modules").join(p).is_dir())
            .map(|p| format!("{p} missing"))
    };
    match why {
        None => println!("setup: npm packages (package-lock.json): already installed"),
        Some(why) => {
            println!("setup: npm packages: running npm ci ({why})");
            cmd::run(command("npm").args(["ci", "--no-audit", "--no-fund"]))?;
            fs::write(&stamp, &lock)
                .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
        }
    }
    let version = build::check_wasm_opt()?;
    println!("setup: wasm-opt: {version} (node_modules/.bin/wasm-opt)");
    let playwright =
        playwright_version().ok_or("node_modules/playwright-core is missing after npm ci")?;
    println!("setup: playwright-core: {playwright} (drives /usr/bin/chromium; never downloads a browser)");
    Ok(())
}

/// The npm packages of the `engines` smoke (`e2e/engines/drivers.mjs`).
const ENGINE_DRIVERS: [&str; 2] = ["selenium-webdriver", "puppeteer-core"];

fn playwright_version() -> Option<String> {
    probe(
        "node",
        &[
            "-p",
            "require('./node_modules/playwright-core/package.json').version",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen-futures"
version = "0.4.79"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen"
version = "0.2.129"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.129"
"#;

    #[test]
    fn reads_the_exact_wasm_bindgen_package_from_the_lock() {
        assert_eq!(
            wasm_bindgen_version_in_lock(LOCK).as_deref(),
            Some("0.2.129")
        );
        assert_eq!(
            wasm_bindgen_version_in_lock("[[package]]\nname = \"x\"\n"),
            None
        );
    }

    #[test]
    fn reads_the_version_word() {
        assert_eq!(version_word("wasm-bindgen 0.2.129"), Some("0.2.129"));
        assert_eq!(version_word("wasm-bindgen"), None);
    }
}
