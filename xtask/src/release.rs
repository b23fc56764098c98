//! `cargo xtask release [--reproducible]`: the widget as a portal developer takes it.
//!
//! 1. `cargo xtask build` (release, size-gated): `dist/` with content-hashed names and
//!    `rapport.js` carrying the hash of every file it loads (`hashed.rs`)
//! 2. `release/cdn/`: the CDN folder (`dist/` without the demo page), the files a portal serves
//!    from one place; `rapport.js` is the only URL it writes
//! 3. `release/package/`: the npm package (`package/` of the repository with the version of
//!    the workspace written in, `CHANGELOG.md`, and `cdn/`), packed by `npm pack` into
//!    `release/rapport-questionnaire-<version>.tgz`. Nothing is published from here.
//! 4. prints the script tag with the `integrity` of `rapport.js` (SHA-384), and
//!    `release/SHA256SUMS` lists every file of the CDN folder and the tarball
//!
//! `--reproducible` then builds everything again from scratch in another target folder
//! (`target/reproducible/`, a cold compile: several minutes) and fails unless every file of the
//! CDN folder is byte-identical.

use crate::cmd::{self, command, output};
use crate::{build, elements, hashed, preload, Result};
use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// What of `dist/` is not part of the release: the demo portal page and its files.
const NOT_RELEASED: [&str; 4] = ["index.html", "index.html.br", "index.html.gz", "demo"];

/// The package's name on the registry (checked to be free there on 2026-12-05; the release
/// command publishes nothing).
pub const PACKAGE_NAME: &str = "rapport-questionnaire";

/// Where the printed script tag and hints say the files are: the portal's own place for them.
const CDN_EXAMPLE: &str = "https://YOUR-CDN";

/// The release's version: the workspace's (`Cargo.toml`), the one place it is set.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub fn run(reproducible: bool) -> Result {
    build::run(build::Profile::Release, build::Gate::Enforce)?;
    let root = cmd::repo_root();
    let out = root.join("release");
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("cannot remove {}: {e}", out.display()))?;
    }
    let cdn = out.join("cdn");
    copy_cdn(&root.join("dist"), &cdn)?;
    let package = out.join("package");
    assemble_package(&root, &cdn, &package)?;
    let tarball = pack(&package, &out)?;

    let mut sums = checksums(&cdn)?;
    let bytes = fs::read(&tarball).map_err(|e| format!("{}: {e}", tarball.display()))?;
    sums.insert(file_name(&tarball), hex(&Sha256::digest(&bytes)));
    let listing: String = sums.iter().map(|(f, h)| format!("{h}  {f}\n")).collect();
    fs::write(out.join("SHA256SUMS"), listing).map_err(|e| format!("SHA256SUMS: {e}"))?;

    let loader = fs::read(cdn.join("rapport.js")).map_err(|e| format!("rapport.js: {e}"))?;
    let base = format!("{CDN_EXAMPLE}/rapport/{VERSION}/");
    fs::write(
        out.join("preload.html"),
        preload::reference_file(&cdn, &base)?,
    )
    .map_err(|e| format!("preload.html: {e}"))?;
    println!(
        "\nrelease/: {PACKAGE_NAME} {VERSION}\n  {} (npm package; nothing published)\n  \
         release/cdn/ (serve this folder as it is; {} files)\n  release/SHA256SUMS\n  \
         release/preload.html (preload hints for each questionnaire and language)\n\n\
         The script tag (integrity covers every byte: rapport.js carries the hash of each file it loads):\n\n  \
         {}\n\n\
         From a host that serves the files at a path without the version in it, load {} instead \
         (the same bytes and integrity; its name changes with its content, so it can be cached \
         for a year).\n\n\
         Preload hints to paste beside it (the files start downloading with rapport.js instead of \
         after it; here for instrument=\"working-together\" in English, the others in \
         release/preload.html):\n\n{}",
        rel(&root, &tarball),
        sums.len() - 1,
        script_tag(&loader),
        hashed::loader_alias(&cdn)
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .ok_or("release/cdn/ has no rapport.<hash>.js")?,
        preload::hints(&cdn, &base, Some("working-together"), None)?
            .lines()
            .map(|l| format!("  {l}\n"))
            .collect::<String>()
    );
    if reproducible {
        check_reproducible(&root, &cdn)?;
    }
    Ok(())
}

/// `<script type="module" src="…/rapport.js" integrity="sha384-…" crossorigin="anonymous">`.
pub fn script_tag(loader: &[u8]) -> String {
    format!(
        "<script type=\"module\" src=\"{CDN_EXAMPLE}/rapport/{VERSION}/rapport.js\" \
         integrity=\"sha384-{}\" crossorigin=\"anonymous\"></script>",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(loader))
    )
}

/// Copies `dist` without [`NOT_RELEASED`] to `cdn`.
fn copy_cdn(dist: &Path, cdn: &Path) -> Result {
    let entries = fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = file_name(&path);
        if !NOT_RELEASED.contains(&name.as_str()) {
            copy_all(&path, &cdn.join(&name))?;
        }
    }
    if hashed::find(cdn, "pkg/rapport_widget_bg.wasm").is_none() {
        return Err(format!("{}: no WebAssembly in it", cdn.display()));
    }
    Ok(())
}

/// `package/` of the repository with the version written in, the changelog, and `cdn/`.
fn assemble_package(root: &Path, cdn: &Path, package: &Path) -> Result {
    fs::create_dir_all(package).map_err(|e| format!("{}: {e}", package.display()))?;
    for name in elements::FROM_PACKAGE_DIR {
        let from = root.join(elements::PACKAGE_DIR).join(name);
        let mut text = fs::read_to_string(&from)
            .map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        if name == "package.json" {
            if text.matches(elements::VERSION_PLACEHOLDER).count() != 1 {
                return Err(format!(
                    "{} must hold the version placeholder `{}` once",
                    from.display(),
                    elements::VERSION_PLACEHOLDER
                ));
            }
            text = text.replace(elements::VERSION_PLACEHOLDER, VERSION);
        }
        fs::write(package.join(name), text).map_err(|e| format!("{name}: {e}"))?;
    }
    for name in elements::FROM_REPO_ROOT {
        copy_all(&root.join(name), &package.join(name))?;
    }
    // Without the precompressed `.br`/`.gz` copies: a bundler would copy them into every app
    // for nothing (it compresses, or its server does), and they tripled the tarball. The CDN
    // folder keeps them for servers that send them as they are.
    copy_filtered(
        cdn,
        &package.join(elements::CDN_DIR.trim_end_matches('/')),
        &|name| !is_precompressed(name),
    )
}

/// A `.br` or `.gz` copy the build writes beside a file.
fn is_precompressed(name: &str) -> bool {
    name.ends_with(".br") || name.ends_with(".gz")
}

/// `npm pack` of `package` into `out`; the tarball's path.
fn pack(package: &Path, out: &Path) -> Result<PathBuf> {
    let printed = output(
        command("npm")
            .args(["pack", "--silent", "--pack-destination"])
            .arg(out)
            .current_dir(package),
    )?;
    let name = printed.lines().last().unwrap_or("").trim().to_owned();
    let tarball = out.join(&name);
    let expected = format!("{PACKAGE_NAME}-{VERSION}.tgz");
    if name != expected || !tarball.is_file() {
        return Err(format!(
            "npm pack wrote `{name}`, expected {expected} in {}",
            out.display()
        ));
    }
    Ok(tarball)
}

/// SHA-256 (hex) of every file under `dir`, by path relative to the release folder.
fn checksums(dir: &Path) -> Result<BTreeMap<String, String>> {
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    let top = dir.parent().unwrap_or(dir);
    let mut sums = BTreeMap::new();
    for file in files {
        let bytes = fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        sums.insert(rel(top, &file), hex(&Sha256::digest(&bytes)));
    }
    Ok(sums)
}

/// Builds everything again from scratch in `target/reproducible/` and compares every file with
/// the CDN folder just made.
fn check_reproducible(root: &Path, cdn: &Path) -> Result {
    let target = root.join("target").join("reproducible");
    let second = target.join("dist");
    let _ = fs::remove_dir_all(&target);
    println!(
        "reproducible: building again from scratch in {}",
        rel(root, &target)
    );
    cmd::run(
        command(std::env::current_exe().map_err(|e| e.to_string())?)
            .args(["build", "--out"])
            .arg(&second)
            .env("CARGO_TARGET_DIR", &target)
            .current_dir(root),
    )?;
    let again = target.join("cdn");
    copy_cdn(&second, &again)?;
    let (a, b) = (checksums(cdn)?, checksums(&again)?);
    let differ: Vec<&String> = a
        .keys()
        .chain(b.keys())
        .filter(|f| a.get(*f) != b.get(*f))
        .collect();
    if differ.is_empty() {
        println!(
            "reproducible: two builds from scratch gave byte-identical files ({})",
            a.len()
        );
        Ok(())
    } else {
        Err(format!(
            "not reproducible: {} differ between two builds of the same commit: {}",
            differ.len(),
            differ
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    for entry in fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn copy_all(from: &Path, to: &Path) -> Result {
    copy_filtered(from, to, &|_| true)
}

/// Copies `from` (a file, or a folder and everything in it) to `to`, leaving out the files
/// whose name `keep` refuses.
fn copy_filtered(from: &Path, to: &Path, keep: &dyn Fn(&str) -> bool) -> Result {
    if from.is_dir() {
        fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
        for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let name = file_name(&path);
            if path.is_dir() || keep(&name) {
                copy_filtered(&path, &to.join(name), keep)?;
            }
        }
        Ok(())
    } else {
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::copy(from, to)
            .map(|_| ())
            .map_err(|e| format!("cannot copy {}: {e}", from.display()))
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn rel(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_tag_carries_the_sha384_of_rapport_js() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        let tag = script_tag(b"abc");
        assert!(tag.contains(
            "integrity=\"sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn\""
        ));
        assert!(tag.contains("crossorigin=\"anonymous\""));
        assert!(tag.starts_with("<script type=\"module\""));
        assert!(tag.contains(&format!("/{VERSION}/rapport.js\"")));
    }

    #[test]
    fn the_package_leaves_the_precompressed_copies_to_the_cdn_folder() {
        let dir = std::env::temp_dir().join(format!("rapport-release-test-{}", std::process::id()));
        let (from, to) = (dir.join("cdn"), dir.join("package-cdn"));
        for name in ["rapport.js", "rapport.js.br", "pkg/a.wasm", "pkg/a.wasm.gz"] {
            let path = from.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, name).unwrap();
        }
        copy_filtered(&from, &to, &|name| !is_precompressed(name)).unwrap();
        let kept = |name: &str| to.join(name).is_file();
        assert!(kept("rapport.js") && kept("pkg/a.wasm"));
        assert!(!kept("rapport.js.br") && !kept("pkg/a.wasm.gz"));
        assert_eq!(
            fs::read_to_string(to.join("pkg/a.wasm")).unwrap(),
            "pkg/a.wasm"
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
