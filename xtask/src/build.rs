//! `cargo xtask build [--dev]`: the widget from Rust source to a deployable `dist/`.
//!
//! 1. `cargo build --release --target wasm32-unknown-unknown -p rapport-widget --lib`
//! 2. `wasm-bindgen --target web` into `dist/pkg/` (name and producers sections removed)
//! 3. short names for the imports and exports of the `.wasm` and its glue (`short_names.rs`)
//! 4. `wasm-opt` (size passes chosen for gzip, see [`WASM_OPT_PASSES`]) from npm `binaryen@132.0.0` — any other version is refused: Debian's
//!    wasm-opt 108 silently corrupts wasm-bindgen output (the externref table breaks, and the page
//!    fails at start with `WebAssembly.Table.grow(): failed to grow table` although wasm-opt
//!    reported success)
//! 5. copies the loader (`js/rapport.js`), `index.html`, `demo/` (if present), the Fluent files of
//!    `locales/` and the definitions in `instruments/`
//! 6. gives every file the loader fetches a content-hashed name (`hashed.rs`), writes the
//!    version, the language list, the panel's English words and the files' SHA-256 hashes into
//!    the loader, and bundles the glue into it with npm `esbuild` (one module: the integrity
//!    hash of `rapport.js` covers every byte), minified with `terser` in a release build
//! 7. prints the transfer size of a first render and fails above [`size::GATE_GZIP_BYTES`]
//!    ([`Gate::Warn`], used by `cargo xtask demo`, only warns).
//!
//! `--dev` builds the debug profile, keeps names (readable stack traces), skips steps 3 and 4, and
//! reports the size without enforcing the gate (a debug build is several times larger).
//!
//! `dist/` is deleted and rebuilt every time, so it never holds stale files.

use crate::cmd::{self, command, output};
use crate::{hashed, languages, setup, short_names, size, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The binaryen release the build accepts (npm `binaryen@132.0.0`).
pub const WASM_OPT_VERSION: u32 = 132;

/// WebAssembly features of rustc's wasm32 output that wasm-opt must be told about: the target
/// features section does not survive wasm-bindgen, and without these flags wasm-opt rejects
/// `memory.copy`/`memory.fill` and the externref table.
const WASM_OPT_FEATURES: [&str; 5] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
];

/// Release (optimized, size-gated), dev (debug, quick, not gated), or names (`--names`: the
/// release build with every function's name kept through wasm-bindgen and wasm-opt, so that a
/// CPU profile of the browser names the Rust functions; several times larger, not gated, never
/// to be served to patients).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Release,
    Dev,
    Names,
}

impl Profile {
    pub fn from_flags(dev: bool, names: bool) -> Result<Self> {
        match (dev, names) {
            (true, true) => {
                Err("--dev and --names do not go together: a dev build keeps its names".into())
            }
            (true, false) => Ok(Profile::Dev),
            (false, true) => Ok(Profile::Names),
            (false, false) => Ok(Profile::Release),
        }
    }

    /// Optimized for size (the release's compiler settings, wasm-opt, the minified loader).
    fn optimized(self) -> bool {
        self != Profile::Dev
    }
}

/// Files and directories copied from the repository into `dist/`: (source, destination, required).
const ASSETS: [(&str, &str, bool); 3] = [
    ("js/rapport.js", "rapport.js", true),
    ("index.html", "index.html", true),
    ("demo", "demo", false),
];

/// What a release build does when the first render is over [`size::GATE_GZIP_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Fail (`cargo xtask build`, `cargo xtask test`).
    Enforce,
    /// Print a warning and go on (`cargo xtask demo`: a person trying the widget still gets a page).
    Warn,
}

/// Builds `dist/` for `profile` (see the module docs).
pub fn run(profile: Profile, gate: Gate) -> Result {
    run_into(profile, gate, &cmd::repo_root().join("dist"))
}

/// [`run`] into another folder than `dist/` (the second build of `release --reproducible`).
pub fn run_into(profile: Profile, gate: Gate, dist: &Path) -> Result {
    let root = cmd::repo_root();
    let dist = dist.to_path_buf();

    // Check the tools first: a missing tool should not cost a multi-minute compile.
    let wanted = setup::locked_wasm_bindgen_version()?;
    setup::check_wasm_bindgen_cli(&wanted).map_err(|e| format!("{e}: run `cargo xtask setup`"))?;
    if profile.optimized() {
        check_wasm_opt()?;
    }
    check_sources(&root)?;

    let mut cargo = cmd::cargo();
    cargo.args([
        "build",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "rapport-widget",
        "--lib",
    ]);
    // Split at the `#[wasm_split]` points (`split.rs`; the root build.rs reads this).
    cargo.env("RAPPORT_SPLIT", "1");
    if profile.optimized() {
        cargo.arg("--release");
        size_tuned_std(&mut cargo);
    }
    if profile == Profile::Names {
        cargo.env("CARGO_PROFILE_RELEASE_STRIP", "false");
    }
    cmd::run(&mut cargo)?;

    let profile_dir = match profile {
        Profile::Release | Profile::Names => "release",
        Profile::Dev => "debug",
    };
    let wasm = cmd::target_dir()
        .join("wasm32-unknown-unknown")
        .join(profile_dir)
        .join("rapport_widget.wasm");
    if !wasm.is_file() {
        return Err(format!(
            "{} was not produced: is the root package `rapport-widget` a `cdylib`?",
            wasm.display()
        ));
    }

    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot remove {}: {e}", dist.display()))?;
    }
    // Split at the `#[wasm_split]` points first: wasm-bindgen runs on the main module only.
    let split_dir = wasm.with_file_name("rapport_widget_split");
    let split = crate::split::split(&wasm, &split_dir)?;
    let mut bindgen = command("wasm-bindgen");
    // No default `.wasm` URL in the glue: the loader passes the response, and a bundler that
    // meets `new URL("….wasm", import.meta.url)` in an app's dependency would try to resolve it.
    bindgen.args([
        "--target",
        "web",
        "--no-typescript",
        "--omit-default-module-path",
        // The chunks call into the main module through the exports the linker made.
        "--keep-lld-exports",
        "--out-name",
        "rapport_widget",
    ]);
    if profile == Profile::Release {
        bindgen.args(["--remove-name-section", "--remove-producers-section"]);
    }
    bindgen
        .arg("--out-dir")
        .arg(dist.join("pkg"))
        .arg(&split.main);
    cmd::run(&mut bindgen)?;

    let bg = dist.join("pkg").join("rapport_widget_bg.wasm");
    let link = fs::read_to_string(&split.link)
        .map_err(|e| format!("cannot read {}: {e}", split.link.display()))?;
    if profile.optimized() {
        shorten_names(&bg, &dist.join("pkg").join("rapport_widget.js"), &link)?;
        optimize(&bg, profile)?;
    }
    drop_unused_glue(&dist.join("pkg").join("rapport_widget.js"))?;
    for chunk in &split.chunks {
        let name = chunk.file_name().ok_or("chunk without a name")?;
        let to = dist.join("pkg").join(name);
        fs::copy(chunk, &to).map_err(|e| format!("cannot copy {}: {e}", chunk.display()))?;
        if profile.optimized() {
            optimize(&to, profile)?;
        }
    }
    let link = crate::split::link_module(&link, &split.chunks)?;
    let sending = crate::split::sending_files(&link)?;
    fs::write(
        dist.join("pkg")
            .join(crate::split::LINK_MODULE.trim_start_matches("./")),
        link,
    )
    .map_err(|e| format!("cannot write the link module: {e}"))?;

    let languages = copy_assets(&root, &dist)?;
    let files = hashed::apply(&dist, rapport_core::i18n::REFERENCE)?;
    let loader = dist.join("rapport.js");
    fill_loader(&loader, &root, &languages, &files, &sending)?;
    bundle(&loader)?;
    fs::remove_file(dist.join("pkg").join("rapport_widget.js"))
        .map_err(|e| format!("cannot remove the bundled glue: {e}"))?;
    fs::remove_file(
        dist.join("pkg")
            .join(crate::split::LINK_MODULE.trim_start_matches("./")),
    )
    .map_err(|e| format!("cannot remove the bundled link module: {e}"))?;
    if profile.optimized() {
        minify(&loader)?;
    }
    let alias = loader_alias(&dist)?;
    point_demo_at(&dist, &alias)?;

    if profile.optimized() {
        precompress(&dist)?;
    }

    let rows = size::measure_first_render(&dist)?;
    let total = size::total(&rows);
    println!(
        "\nTransfer for a first render (gate: {} gzip):",
        size::kb(size::GATE_GZIP_BYTES)
    );
    print!("{}", size::table(&rows));
    match profile {
        Profile::Release => match size::check_gate(total.gzip, size::GATE_GZIP_BYTES) {
            Ok(()) => println!(
                "size gate: ok, {} gzip of the {} budget ({} of headroom)\n",
                size::kb(total.gzip),
                size::kb(size::GATE_GZIP_BYTES),
                size::kb(size::GATE_GZIP_BYTES - total.gzip),
            ),
            Err(e) if gate == Gate::Warn => {
                println!("warning: {e}\n(`cargo xtask build` and CI fail on this)\n")
            }
            Err(e) => return Err(e),
        },
        Profile::Dev => println!("size gate: not enforced for --dev builds\n"),
        Profile::Names => println!(
            "size gate: not enforced for --names builds (names kept for CPU profiles; never serve this dist/ to patients)\n"
        ),
    }
    println!("dist/ is ready: `cargo xtask serve` serves it");
    Ok(())
}

/// Writes a copy of `rapport.js` under its content-hashed name (`rapport.Ab12Cd34.js`) and
/// returns that name. `rapport.js` must be revalidated on every visit (its plain name stays
/// while its content changes: `no-cache`), a round trip a returning patient on a slow network
/// waits for before anything else (issue 18); the hashed copy never changes, so any host serves
/// it with a year's `immutable` caching, as it does the files the loader fetches. Both are the
/// same module: a page loads one of them.
fn loader_alias(dist: &Path) -> Result<String> {
    let bytes = fs::read(dist.join("rapport.js")).map_err(|e| format!("rapport.js: {e}"))?;
    let name = hashed::hashed_name("rapport.js", &hashed::digest(&bytes));
    fs::write(dist.join(&name), bytes).map_err(|e| format!("{name}: {e}"))?;
    Ok(name)
}

/// The demo page (`index.html`) loads the loader by its hashed name, as a portal that serves
/// the files itself should (README, "Caching").
fn point_demo_at(dist: &Path, alias: &str) -> Result {
    let page = dist.join("index.html");
    let text = fs::read_to_string(&page).map_err(|e| format!("index.html: {e}"))?;
    let tag = "<script type=\"module\" src=\"rapport.js\"></script>";
    if text.matches(tag).count() != 1 {
        return Err(format!("index.html must hold `{tag}` once"));
    }
    let with = text.replace(
        tag,
        &format!("<script type=\"module\" src=\"{alias}\"></script>"),
    );
    fs::write(&page, with).map_err(|e| format!("index.html: {e}"))
}

/// Extensions of the text and WebAssembly files a browser fetches from `dist/`, which get
/// precompressed siblings.
const COMPRESSIBLE: [&str; 7] = ["js", "wasm", "json", "ftl", "html", "css", "svg"];

/// Writes `NAME.br` and `NAME.gz` beside every compressible file of `dist` (where they are
/// smaller), so that the receiver, and any static host that serves precompressed files, sends a
/// first render compressed without compressing on every request: on a slow phone network the
/// bytes on the wire are most of the wait (issue 18).
fn precompress(dist: &Path) -> Result {
    let mut files = Vec::new();
    collect_files(dist, &mut files)?;
    for file in files {
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let bytes = fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let (gzip, br) = size::compress(&bytes);
        for (suffix, packed) in [("gz", gzip), ("br", br)] {
            if packed.len() >= bytes.len() {
                continue;
            }
            let mut name = file.clone().into_os_string();
            name.push(".");
            name.push(suffix);
            fs::write(&name, packed)
                .map_err(|e| format!("cannot write {}: {e}", Path::new(&name).display()))?;
        }
    }
    Ok(())
}

/// Every file under `dir`, recursively.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Everything the build copies must exist before compiling; the message lists what is missing.
fn check_sources(root: &Path) -> Result {
    let mut missing: Vec<String> = ASSETS
        .iter()
        .filter(|(src, _, required)| *required && !root.join(src).exists())
        .map(|(src, _, _)| src.to_string())
        .collect();
    for dir in ["locales", "instruments"] {
        if !root.join(dir).is_dir() {
            missing.push(format!("{dir}/"));
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "cannot assemble dist/: missing from the repository: {}",
            missing.join(", ")
        ))
    }
}

/// Flags for the release wasm: the `--cfg` of `.cargo/config.toml` (an explicit `RUSTFLAGS`
/// replaces the config's list, so it is repeated here), then no panic machinery at all (a panic
/// traps at once: the core is property-tested never to panic, and a trap and a panic message are
/// equally fatal to the widget), no `Debug` formatting and no source locations compiled in.
const RELEASE_RUSTFLAGS: &str =
    "--cfg erase_components -Zunstable-options -Cpanic=immediate-abort \
     -Zfmt-debug=none -Zlocation-detail=none";

/// Rebuilds the standard library for the release wasm, tuned for size, with the same pinned
/// stable compiler (`rust-src`, installed by `cargo xtask setup`). These are unstable cargo and
/// rustc flags, which `RUSTC_BOOTSTRAP=1` enables on a stable toolchain; only this one build uses
/// them — tests, the receiver and the dev build are plain stable. Measured on a first render:
/// 191.5 → 171.1 KB gzip for the `.wasm` (`docs/size.md`).
fn size_tuned_std(cargo: &mut Command) {
    cargo
        .env("RUSTC_BOOTSTRAP", "1")
        .env("RUSTFLAGS", RELEASE_RUSTFLAGS)
        .args([
            "-Zbuild-std=std,panic_abort",
            "-Zbuild-std-features=optimize_for_size",
        ]);
}

/// The wasm-opt passes the build runs, in order.
///
/// Not `-Oz`: it makes the wasm ~15% smaller raw but ~6% *larger* gzipped (the transfer size
/// that counts), mostly because it reorders functions (`--reorder-functions` alone costs ~18 KB
/// gzip) and inlines, which breaks up the repetition that rustc's function order gives gzip.
/// These passes only remove or shrink code and keep the order: ~6 KB gzip smaller than no
/// wasm-opt at all, ~18 KB smaller than `-Oz`. The last three, re-checked against each of
/// binaryen's other size passes on 2026-12-07 (after the chunk splits): redundant `local.set`s
/// removed and locals numbered by use, 0.4 KB less gzip and 0.65 KB less brotli for the main
/// module; every other pass tried alone was neutral or worse for both (docs/size.md).
const WASM_OPT_PASSES: [&str; 15] = [
    "--duplicate-function-elimination",
    "--dae-optimizing",
    "--remove-unused-module-elements",
    "--vacuum",
    "--duplicate-function-elimination",
    "--precompute",
    "--optimize-instructions",
    "--remove-unused-brs",
    "--remove-unused-names",
    "--merge-blocks",
    "--vacuum",
    "--duplicate-function-elimination",
    "--rse",
    "--vacuum",
    "--reorder-locals",
];

/// wasm-opt ([`WASM_OPT_PASSES`]) in place, with the pinned binaryen only.
fn optimize(wasm: &Path, profile: Profile) -> Result {
    let tmp = wasm.with_extension("opt.wasm");
    cmd::run(
        command(wasm_opt_path())
            .args(WASM_OPT_PASSES)
            // binaryen drops the name section unless asked to keep it.
            .args((profile == Profile::Names).then_some("-g"))
            .args(WASM_OPT_FEATURES)
            .arg(wasm)
            .arg("-o")
            .arg(&tmp),
    )?;
    fs::rename(&tmp, wasm).map_err(|e| format!("cannot replace {}: {e}", wasm.display()))
}

/// Short import and export names in the `.wasm` and its glue, in place (see `short_names.rs`).
fn shorten_names(wasm: &Path, glue: &Path, link: &str) -> Result {
    let read = |p: &Path| fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let js =
        String::from_utf8(read(glue)?).map_err(|_| format!("{} is not UTF-8", glue.display()))?;
    let s = short_names::shorten_split(&read(wasm)?, &js, link)
        .map_err(|e| format!("cannot shorten the names in {}: {e}", wasm.display()))?;
    let write = |p: &Path, bytes: &[u8]| {
        fs::write(p, bytes).map_err(|e| format!("cannot write {}: {e}", p.display()))
    };
    write(wasm, &s.wasm)?;
    write(glue, s.js.as_bytes())?;
    println!("short names: {} imports and exports renamed", s.renamed);
    Ok(())
}

/// The wasm-bindgen glue's code for what Rapport's only callers of its init functions (the
/// loader and the split link module) never do: pass something else than an object (a
/// deprecation warning each), or a URL for the glue to fetch (the loader fetches the `.wasm`
/// itself, checked against its hash). About 150 bytes of `rapport.js`, which every first render
/// downloads. Fails if the glue no longer holds them as written (wasm-bindgen changed it).
fn drop_unused_glue(glue: &Path) -> Result {
    const WARNINGS: [&str; 2] = [
        "console.warn('using deprecated parameters for `initSync()`; pass a single object instead')",
        "console.warn('using deprecated parameters for the initialization function; pass a single object instead')",
    ];
    let mut js =
        fs::read_to_string(glue).map_err(|e| format!("cannot read {}: {e}", glue.display()))?;
    for warning in WARNINGS {
        if js.matches(warning).count() != 1 {
            return Err(format!(
                "{} does not hold `{warning}` once: wasm-bindgen changed its glue; update \
                 xtask/src/build.rs (drop_unused_glue)",
                glue.display()
            ));
        }
        js = js.replace(warning, "");
    }
    // The loader hands `__wbg_init` the `.wasm`'s response, never a URL to fetch.
    const FETCH_URL: &str = "if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {module_or_path = fetch(module_or_path);}";
    let start = js.find("if (typeof module_or_path === 'string'");
    let end = start.and_then(|s| js[s..].find('}').map(|e| s + e + 1));
    match (start, end) {
        (Some(s), Some(e)) if squeeze(&js[s..e]) == squeeze(FETCH_URL) => {
            js.replace_range(s..e, "")
        }
        _ => {
            return Err(format!(
                "{} does not hold `{FETCH_URL}`: wasm-bindgen changed its glue; update \
                 xtask/src/build.rs (drop_unused_glue)",
                glue.display()
            ))
        }
    }
    fs::write(glue, js).map_err(|e| format!("cannot write {}: {e}", glue.display()))
}

/// `text` without its whitespace.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The pinned wasm-opt installed by `npm ci`.
pub fn wasm_opt_path() -> PathBuf {
    cmd::repo_root()
        .join("node_modules")
        .join(".bin")
        .join("wasm-opt")
}

/// Minifies an ES module in place with npm `terser` (pinned in package-lock.json): the
/// wasm-bindgen glue is about a quarter smaller over the wire.
fn minify(file: &Path) -> Result {
    let terser = npm_tool("terser")?;
    cmd::run(
        command(&terser)
            .arg(file)
            .args(["--module", "--compress", "--mangle", "--output"])
            .arg(file),
    )
}

/// Checks that `node_modules/.bin/wasm-opt` is binaryen 132 and returns its version line.
pub fn check_wasm_opt() -> Result<String> {
    let path = wasm_opt_path();
    if !path.exists() {
        return Err(format!(
            "{} is missing: run `cargo xtask setup` (it installs npm binaryen@132.0.0)",
            path.display()
        ));
    }
    let line = output(command(&path).arg("--version"))?;
    let line = line.trim();
    match parse_wasm_opt_version(line) {
        Some(WASM_OPT_VERSION) => Ok(line.to_string()),
        found => Err(format!(
            "refusing to run {} (`{line}`, version {}): Rapport needs binaryen {WASM_OPT_VERSION} \
             (npm binaryen@132.0.0, pinned in package-lock.json; `cargo xtask setup` installs it). \
             Other versions are not trusted: Debian's wasm-opt 108 silently corrupts wasm-bindgen \
             output (the page then fails with `WebAssembly.Table.grow(): failed to grow table`).",
            path.display(),
            found.map_or("unknown".to_string(), |v| v.to_string())
        )),
    }
}

/// `wasm-opt version 132 (version_132)` → `132`.
pub fn parse_wasm_opt_version(line: &str) -> Option<u32> {
    let rest = &line[line.find("version")? + "version".len()..];
    let digits: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// Copies the files of [`ASSETS`], the definitions and the Fluent files into `dist`; returns the
/// language list (JSON) for the loader.
fn copy_assets(root: &Path, dist: &Path) -> Result<String> {
    for (src, dst, required) in ASSETS {
        let from = root.join(src);
        if !from.exists() {
            if required {
                return Err(format!("cannot assemble dist/: {src} is missing"));
            }
            continue;
        }
        copy_tree(&from, &dist.join(dst), &|_| true)?;
    }
    copy_tree(
        &root.join("instruments"),
        &dist.join("instruments"),
        &|_| true,
    )?;
    minify_json_files(&dist.join("instruments"))?;
    // The widget's Fluent files (not the receiver's `clinician.ftl`).
    copy_tree(&root.join("locales"), &dist.join("locales"), &|p| {
        p.extension().is_some_and(|e| e == "ftl")
            && p.file_name().is_some_and(|n| n != "clinician.ftl")
    })?;

    let languages = languages::collect(&root.join("locales"))?;
    if languages.is_empty() {
        return Err("locales/ has no <tag>/widget.ftl: no language to offer".into());
    }
    println!(
        "dist/: {} languages ({})",
        languages.len(),
        languages
            .iter()
            .map(|l| l.tag.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    Ok(languages::to_json(&languages))
}

/// The loader's constants the build fills in (each must appear exactly once in `js/rapport.js`).
const PLACEHOLDERS: [&str; 5] = [
    "const VERSION = '';",
    "const LANGUAGES = [];",
    "const WORDS = {};",
    "const FILES = {};",
    "const SENDING = [];",
];

/// The messages of the panel the loader shows when the WebAssembly cannot start, in English
/// (the loader reads them from the patient's language's `widget.ftl` when it can).
const PANEL_MESSAGES: [&str; 2] = ["config-error-title", "config-error-help"];

/// Writes the version, the language list, the panel's words, the files' hashes and what to
/// prefetch after the first render (`split::sending_files`) into the loader, in place.
fn fill_loader(
    loader: &Path,
    root: &Path,
    languages: &str,
    files: &std::collections::BTreeMap<String, String>,
    sending: &[String],
) -> Result {
    let text =
        fs::read_to_string(loader).map_err(|e| format!("cannot read {}: {e}", loader.display()))?;
    let en = root
        .join("locales")
        .join(rapport_core::i18n::REFERENCE)
        .join("widget.ftl");
    let ftl = fs::read_to_string(&en).map_err(|e| format!("cannot read {}: {e}", en.display()))?;
    let mut words = serde_json::Map::new();
    for id in PANEL_MESSAGES {
        let line = ftl
            .lines()
            .find_map(|l| l.strip_prefix(id)?.trim_start().strip_prefix('='))
            .ok_or_else(|| format!("{}: no one-line message `{id}`", en.display()))?;
        words.insert(id.to_owned(), line.trim().into());
    }
    let values = [
        format!(
            "const VERSION = {};",
            serde_json::json!(env!("CARGO_PKG_VERSION"))
        ),
        format!("const LANGUAGES = {languages};"),
        format!("const WORDS = {};", serde_json::Value::Object(words)),
        format!("const FILES = {};", serde_json::json!(files)),
        format!("const SENDING = {};", serde_json::json!(sending)),
    ];
    let filled = fill(&text, &values).ok_or_else(|| {
        format!(
            "{} must contain each of {} exactly once (the build fills them in)",
            loader.display(),
            PLACEHOLDERS.join(" ")
        )
    })?;
    fs::write(loader, filled).map_err(|e| format!("cannot write {}: {e}", loader.display()))
}

/// `text` with each of [`PLACEHOLDERS`] replaced by the value at the same place, or `None`
/// unless each is there exactly once.
fn fill(text: &str, values: &[String; PLACEHOLDERS.len()]) -> Option<String> {
    let mut out = text.to_owned();
    for (placeholder, value) in PLACEHOLDERS.iter().zip(values) {
        if out.matches(placeholder).count() != 1 {
            return None;
        }
        out = out.replacen(placeholder, value, 1);
    }
    Some(out)
}

/// `node_modules/.bin/<name>`, installed by `cargo xtask setup` (`npm ci`).
fn npm_tool(name: &str) -> Result<PathBuf> {
    let path = cmd::repo_root()
        .join("node_modules")
        .join(".bin")
        .join(name);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "{} is missing: run `cargo xtask setup`",
            path.display()
        ))
    }
}

/// Bundles the loader and the glue it imports into one ES module, in place, with npm
/// `esbuild` (pinned in package-lock.json).
fn bundle(loader: &Path) -> Result {
    let esbuild = npm_tool("esbuild")?;
    let out = loader.with_extension("bundle.js");
    cmd::run(
        command(&esbuild)
            .arg(loader)
            .args([
                "--bundle",
                "--format=esm",
                "--log-level=warning",
                "--legal-comments=none",
            ])
            .arg(format!("--outfile={}", out.display())),
    )?;
    fs::rename(&out, loader).map_err(|e| format!("cannot write {}: {e}", loader.display()))
}

/// Rewrites every `.json` file in `dir` without whitespace: the widget fetches its questionnaire,
/// and indentation is a third of a definition's bytes.
fn minify_json_files(dir: &Path) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let value: serde_json::Value = serde_json::from_str(&text)
                .map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
            fs::write(&path, value.to_string()).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Copies a file, or a directory recursively keeping only the files `keep` accepts.
fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result {
    if from.is_file() {
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::copy(from, to)
            .map(|_| ())
            .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
    } else {
        let entries =
            fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot read {}: {e}", from.display()))?
                .path();
            let name = path.file_name().expect("directory entries have names");
            if path.is_dir() || keep(&path) {
                copy_tree(&path, &to.join(name), keep)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_flags_pick_a_profile() {
        assert_eq!(Profile::from_flags(false, false), Ok(Profile::Release));
        assert_eq!(Profile::from_flags(true, false), Ok(Profile::Dev));
        assert_eq!(Profile::from_flags(false, true), Ok(Profile::Names));
        let both = Profile::from_flags(true, true).unwrap_err();
        assert!(both.contains("--dev and --names"), "{both}");
        assert!(Profile::Names.optimized() && Profile::Release.optimized());
        assert!(!Profile::Dev.optimized());
    }

    #[test]
    fn reads_wasm_opt_versions() {
        assert_eq!(
            parse_wasm_opt_version("wasm-opt version 132 (version_132)"),
            Some(132)
        );
        assert_eq!(parse_wasm_opt_version("wasm-opt version 108"), Some(108));
        assert_eq!(parse_wasm_opt_version("wasm-opt"), None);
    }

    #[test]
    fn fills_each_loader_constant_once() {
        let loader = std::fs::read_to_string(cmd::repo_root().join("js/rapport.js")).unwrap();
        let values = [
            "const VERSION = \"1.2.3\";".to_owned(),
            "const LANGUAGES = [{\"tag\":\"en\"}];".to_owned(),
            "const WORDS = {\"a\":\"b\"};".to_owned(),
            "const FILES = {\"x\":\"y\"};".to_owned(),
            "const SENDING = [\"pkg/split_sending.wasm\"];".to_owned(),
        ];
        let filled = fill(&loader, &values).unwrap();
        for (placeholder, value) in PLACEHOLDERS.iter().zip(&values) {
            assert!(!filled.contains(placeholder), "{placeholder}");
            assert!(filled.contains(value.as_str()), "{value}");
        }
        assert_eq!(fill("const x = 1;", &values), None);
        let twice = format!("{loader}\n{}", PLACEHOLDERS[2]);
        assert_eq!(fill(&twice, &values), None);
    }

    #[test]
    fn copies_only_fluent_files_from_locales() {
        let base = std::env::temp_dir().join(format!("xtask-copy-{}", std::process::id()));
        let src = base.join("locales");
        fs::create_dir_all(src.join("en")).unwrap();
        fs::write(src.join("en/widget.ftl"), "language-name = English\n").unwrap();
        fs::write(src.join("en/notes.md"), "not shipped").unwrap();
        let dst = base.join("dist/locales");
        copy_tree(&src, &dst, &|p| p.extension().is_some_and(|e| e == "ftl")).unwrap();
        assert!(dst.join("en/widget.ftl").is_file());
        assert!(!dst.join("en/notes.md").exists());
        fs::remove_dir_all(&base).unwrap();
    }
}
