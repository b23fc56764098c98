//! Shrinks the two texts compiled into the widget, so that the WebAssembly carries no comments
//! or indentation: `src/widget.css` (comments removed, whitespace collapsed) and the English
//! widget strings `locales/en/widget.ftl` (comment lines removed, except the `# Status:` line,
//! which the payload reports). The sources stay readable; only `OUT_DIR` holds the small copies.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let css = fs::read_to_string("src/widget.css").expect("src/widget.css");
    fs::write(Path::new(&out).join("widget.min.css"), minify_css(&css)).expect("write css");
    let ftl = fs::read_to_string("locales/en/widget.ftl").expect("locales/en/widget.ftl");
    fs::write(
        Path::new(&out).join("en-widget.ftl"),
        strip_ftl_comments(&ftl),
    )
    .expect("write ftl");
    // The release splits the .wasm at its `#[wasm_split]` points (xtask/src/split.rs), which
    // needs the linker's relocations; only the widget's own link gets them (not the std rebuild).
    // `RAPPORT_SPLIT` is set by `cargo xtask build` only: tests and other builds call the split
    // functions directly (an unsplit module would import their loaders from nowhere).
    println!("cargo:rustc-check-cfg=cfg(rapport_split)");
    println!("cargo:rerun-if-env-changed=RAPPORT_SPLIT");
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && env::var_os("RAPPORT_SPLIT").is_some()
    {
        println!("cargo:rustc-cfg=rapport_split");
        println!("cargo:rustc-link-arg-cdylib=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=src/widget.css");
    println!("cargo:rerun-if-changed=locales/en/widget.ftl");
}

/// Removes `/* … */` comments and collapses whitespace; spaces next to `{ } ; : ,` go too
/// (safe for this stylesheet: no strings or `url()` with such characters).
fn minify_css(css: &str) -> String {
    let mut no_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        no_comments.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    no_comments.push_str(rest);
    let collapsed = no_comments.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(collapsed.len());
    let chars: Vec<char> = collapsed.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = out.chars().last();
            let next = chars.get(i + 1).copied();
            let tight = |x: Option<char>| matches!(x, Some('{' | '}' | ';' | ',' | '>'));
            if tight(prev) || tight(next) || (prev == Some(':') && !out.ends_with(" :")) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Drops FTL comment lines (`#`, `##`, `###`) but keeps `# Status: …`.
fn strip_ftl_comments(ftl: &str) -> String {
    ftl.lines()
        .filter(|l| !l.starts_with('#') || l.trim_start_matches('#').trim().starts_with("Status:"))
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect()
}
