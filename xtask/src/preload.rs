//! Preload hints: the `<link rel="preload">` lines a portal can paste beside the script tag, so
//! the browser starts fetching the files a first render needs while `rapport.js` itself
//! downloads, instead of after it has run (issue 18: on a phone network every file requested
//! only after another arrives costs a round trip).
//!
//! Each hint names the file by its content-hashed name and carries the same `integrity` and
//! CORS mode (`crossorigin="anonymous"`, i.e. `fetch()`'s defaults) as the loader's own request,
//! so the browser hands the preloaded response to the loader instead of fetching again, and
//! still checks every byte. The files follow the loader's order: the WebAssembly, then the
//! questionnaire and its English words, then for another language its index and its two files.

use crate::hashed;
use crate::Result;
use std::fs;
use std::path::Path;

/// The hint lines for a first render of bundled questionnaire `instrument` (if any) in
/// language `lang` (if any and not English) from the release in `dist`, served under `base`
/// (ends with `/`).
pub fn hints(
    dist: &Path,
    base: &str,
    instrument: Option<&str>,
    lang: Option<&str>,
) -> Result<String> {
    let mut paths = vec!["pkg/rapport_widget_bg.wasm".to_owned()];
    if let Some(id) = instrument {
        paths.push(format!("instruments/{id}.json"));
        paths.push(format!("locales/en/{id}.ftl"));
    }
    if let Some(tag) = lang.filter(|t| *t != "en") {
        paths.push("locales/files.json".to_owned());
        paths.push(format!("locales/{tag}/widget.ftl"));
        if let Some(id) = instrument {
            paths.push(format!("locales/{tag}/{id}.ftl"));
        }
    }
    let mut out = String::new();
    for path in &paths {
        out.push_str(&hint(dist, base, path)?);
        out.push('\n');
    }
    Ok(out)
}

/// One `<link rel="preload">` for the file at logical `path` under `dist`.
fn hint(dist: &Path, base: &str, path: &str) -> Result<String> {
    let file = hashed::find(dist, path)
        .ok_or_else(|| format!("{}: no {path} (a release build writes it)", dist.display()))?;
    let bytes = fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let digest = hashed::digest(&bytes);
    let served = hashed::hashed_name(path, &digest);
    let kind = if path.ends_with(".wasm") {
        " type=\"application/wasm\""
    } else {
        ""
    };
    Ok(format!(
        "<link rel=\"preload\" href=\"{base}{served}\" as=\"fetch\"{kind} crossorigin=\"anonymous\" \
         integrity=\"sha256-{digest}\">"
    ))
}

/// `release/preload.html`: every hint a portal may want, grouped (always; per questionnaire;
/// per language; per language and questionnaire), with a comment saying which to take.
pub fn reference_file(dist: &Path, base: &str) -> Result<String> {
    let instruments = names(&dist.join("instruments"), ".json")?;
    let languages: Vec<String> = names(&dist.join("locales"), "")?
        .into_iter()
        .filter(|t| t != "en")
        .collect();
    let mut out = String::from(
        "<!-- Preload hints for this release (README, \"Faster first visits\"). Paste the first\n     \
         line beside the script tag; add the two lines of the questionnaire you embed, and for a\n     \
         page in another language than English the lines of that language. Each hint carries\n     \
         the file's integrity hash: the loader still checks every byte. -->\n\n<!-- always -->\n",
    );
    out.push_str(&hints(dist, base, None, None)?);
    for id in &instruments {
        out.push_str(&format!("\n<!-- instrument=\"{id}\" -->\n"));
        let all = hints(dist, base, Some(id), None)?;
        out.extend(all.lines().skip(1).map(|l| format!("{l}\n")));
    }
    for tag in &languages {
        out.push_str(&format!("\n<!-- lang=\"{tag}\" -->\n"));
        let all = hints(dist, base, None, Some(tag))?;
        out.extend(all.lines().skip(1).map(|l| format!("{l}\n")));
        for id in &instruments {
            out.push_str(&format!(
                "<!-- lang=\"{tag}\" with instrument=\"{id}\" -->\n"
            ));
            out.push_str(&hint(dist, base, &format!("locales/{tag}/{id}.ftl"))?);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The logical names in `dir` (a file `working-together.Ab12Cd34.json` → `working-together`;
/// a folder → its name when `suffix` is empty), sorted.
fn names(dir: &Path, suffix: &str) -> Result<Vec<String>> {
    let mut out: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_owned();
            if suffix.is_empty() {
                p.is_dir().then_some(name)
            } else {
                let stem = name.strip_suffix(suffix)?;
                // Only the hashed file itself, not its .br/.gz copies.
                Some(stem.rsplit_once('.').map_or(stem, |(s, _)| s).to_owned())
            }
        })
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("rapport-preload-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    fn put(dist: &Path, logical: &str, bytes: &[u8]) {
        let path = dist.join(hashed::hashed_name(logical, &hashed::digest(bytes)));
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    #[test]
    fn hints_name_the_hashed_files_with_their_integrity_in_the_loaders_order() {
        let dist = tmp("order");
        put(&dist, "pkg/rapport_widget_bg.wasm", b"\0asm");
        put(&dist, "instruments/checkin.json", b"{}");
        put(&dist, "locales/en/checkin.ftl", b"a = b");
        put(&dist, "locales/files.json", b"{}");
        put(&dist, "locales/de/widget.ftl", b"c = d");
        put(&dist, "locales/de/checkin.ftl", b"e = f");
        let text = hints(&dist, "https://cdn.example/r/", Some("checkin"), Some("de")).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 6, "{text}");
        let wasm_digest = hashed::digest(b"\0asm");
        assert_eq!(
            lines[0],
            format!(
                "<link rel=\"preload\" href=\"https://cdn.example/r/{}\" as=\"fetch\" \
                 type=\"application/wasm\" crossorigin=\"anonymous\" integrity=\"sha256-{wasm_digest}\">",
                hashed::hashed_name("pkg/rapport_widget_bg.wasm", &wasm_digest)
            )
        );
        for (line, path) in lines.iter().zip([
            "pkg/",
            "instruments/checkin.",
            "locales/en/checkin.",
            "locales/files.",
            "locales/de/widget.",
            "locales/de/checkin.",
        ]) {
            assert!(line.contains(&format!("/r/{path}")), "{line}");
        }
        // English needs no language files beyond the questionnaire's; no instrument, no lines
        // for it.
        assert_eq!(
            hints(&dist, "/", Some("checkin"), Some("en"))
                .unwrap()
                .lines()
                .count(),
            3
        );
        assert_eq!(hints(&dist, "/", None, None).unwrap().lines().count(), 1);
        // A file the release lacks is an error naming it, not a hint to nothing.
        let err = hints(&dist, "/", Some("nothing"), None).unwrap_err();
        assert!(err.contains("instruments/nothing.json"), "{err}");
        let all = reference_file(&dist, "/").unwrap();
        assert!(all.contains("<!-- instrument=\"checkin\" -->"), "{all}");
        assert!(
            all.contains("<!-- lang=\"de\" with instrument=\"checkin\" -->"),
            "{all}"
        );
        assert!(!all.contains("lang=\"en\""), "{all}");
        fs::remove_dir_all(&dist).unwrap();
    }
}
