//! Content-hashed names and integrity hashes for the files `rapport.js` loads.
//!
//! Every file the loader fetches is renamed `<stem>.<tag>.<ext>`, where `<tag>` is the first 8
//! characters of the base64 SHA-256 of its bytes (`+` → `-`, `/` → `_`), so a changed file
//! gets a new name and every name can be cached for good. The loader carries, in `FILES`, the
//! full SHA-256 of each file a first render in English fetches (the WebAssembly, the bundled
//! questionnaires, the English Fluent files) and of `locales/files.json`, which lists the hashes
//! of every other locale's Fluent files. A hash does not compress (32 bytes each) and every byte
//! of `rapport.js` is downloaded on every first render: the other 90-odd hashes are fetched only
//! by a patient who reads another language (about 4 KB, while the WebAssembly downloads), rather
//! than by everyone. The browser checks each
//! fetch against its hash (`integrity`), so the integrity hash of `rapport.js` covers every
//! byte the widget runs or reads. `js/rapport.js` derives the names by the same rule
//! (`hashedName`).

use crate::Result;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The base64 SHA-256 of `bytes` (what `integrity="sha256-…"` holds).
pub fn digest(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes))
}

/// `locales/de/widget.ftl` with digest `q3Xz+9Ab…` → `locales/de/widget.q3Xz-9Ab.ftl`.
pub fn hashed_name(path: &str, digest: &str) -> String {
    let tag: String = digest
        .chars()
        .take(8)
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            c => c,
        })
        .collect();
    match path.rfind('.') {
        Some(dot) if !path[dot..].contains('/') => {
            format!("{}.{tag}{}", &path[..dot], &path[dot..])
        }
        _ => format!("{path}.{tag}"),
    }
}

/// The file a logical path (`pkg/rapport_widget_bg.wasm`) is served as under `dist`: the path
/// itself if it exists (`rapport.js`), else its one content-hashed sibling.
pub fn find(dist: &Path, logical: &str) -> Option<PathBuf> {
    let plain = dist.join(logical);
    if plain.is_file() {
        return Some(plain);
    }
    hashed_sibling(dist, logical)
}

/// The one content-hashed file for `logical` under `dist` (`rapport.js` →
/// `rapport.Ab12Cd34.js`), whether or not the plain name exists too.
fn hashed_sibling(dist: &Path, logical: &str) -> Option<PathBuf> {
    let (folder, name) = logical.rsplit_once('/').unwrap_or(("", logical));
    let (stem, ext) = name.rsplit_once('.')?;
    let found: Vec<PathBuf> = fs::read_dir(dist.join(folder))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.strip_prefix(stem)
                    .and_then(|rest| rest.strip_prefix('.'))
                    .and_then(|rest| rest.strip_suffix(ext))
                    .and_then(|tag| tag.strip_suffix('.'))
                    .is_some_and(|tag| tag.len() == 8 && !tag.contains('.'))
            })
        })
        .collect();
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// `dist/rapport.<8 characters>.js`, if there is exactly one.
pub fn loader_alias(dist: &Path) -> Option<PathBuf> {
    hashed_sibling(dist, "rapport.js")
}

/// Renames the file at `logical` under `dist` to its hashed name; returns its digest.
fn rename(dist: &Path, logical: &str) -> Result<String> {
    let from = dist.join(logical);
    let bytes = fs::read(&from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    let digest = digest(&bytes);
    let to = dist.join(hashed_name(logical, &digest));
    fs::rename(&from, &to).map_err(|e| format!("cannot rename {}: {e}", from.display()))?;
    Ok(digest)
}

/// Gives every file the loader fetches under `dist` its hashed name (see the module docs)
/// and returns the loader's `FILES`: digest by logical path.
pub fn apply(dist: &Path, reference: &str) -> Result<BTreeMap<String, String>> {
    let mut files = BTreeMap::new();
    // The main module and the chunks split off it (`split.rs`).
    for name in sorted_names(&dist.join("pkg"), "wasm")? {
        let logical = format!("pkg/{name}");
        files.insert(logical.clone(), rename(dist, &logical)?);
    }
    for name in sorted_names(&dist.join("instruments"), "json")? {
        let logical = format!("instruments/{name}");
        files.insert(logical.clone(), rename(dist, &logical)?);
    }
    let mut index = BTreeMap::new();
    for tag in sorted_dirs(&dist.join("locales"))? {
        for name in sorted_names(&dist.join("locales").join(&tag), "ftl")? {
            let logical = format!("locales/{tag}/{name}");
            let digest = rename(dist, &logical)?;
            if tag == reference {
                files.insert(logical, digest);
            } else {
                index.insert(format!("{tag}/{name}"), digest);
            }
        }
    }
    if !index.is_empty() {
        let logical = "locales/files.json";
        let text = serde_json::to_string(&index).map_err(|e| e.to_string())?;
        fs::write(dist.join(logical), text).map_err(|e| format!("{logical}: {e}"))?;
        files.insert(logical.to_owned(), rename(dist, logical)?);
    }
    Ok(files)
}

/// The names of the files ending in `.ext` directly in `dir`, sorted (so the output does not
/// depend on the order the file system lists them in).
fn sorted_names(dir: &Path, ext: &str) -> Result<Vec<String>> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(&format!(".{ext}")))
        .collect();
    names.sort();
    Ok(names)
}

fn sorted_dirs(dir: &Path) -> Result<Vec<String>> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_first_eight_characters_url_safe() {
        assert_eq!(
            hashed_name("locales/de/widget.ftl", "q3Xz+9A/bcdef="),
            "locales/de/widget.q3Xz-9A_.ftl"
        );
        assert_eq!(
            hashed_name("pkg/rapport_widget_bg.wasm", "ABCDEFGHIJ"),
            "pkg/rapport_widget_bg.ABCDEFGH.wasm"
        );
    }

    #[test]
    fn digest_is_the_sri_sha256() {
        // `printf abc | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            digest(b"abc"),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }

    #[test]
    fn hashes_every_file_and_indexes_other_locales() {
        let dist = std::env::temp_dir().join(format!("rapport-hashed-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dist);
        for (path, text) in [
            ("pkg/rapport_widget_bg.wasm", "wasm"),
            ("instruments/a.json", "{}"),
            ("locales/en/a.ftl", "a = A"),
            ("locales/de/widget.ftl", "submit = Senden"),
            ("locales/de/a.ftl", "a = Ä"),
        ] {
            fs::create_dir_all(dist.join(path).parent().unwrap()).unwrap();
            fs::write(dist.join(path), text).unwrap();
        }
        let files = apply(&dist, "en").unwrap();
        let keys: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "instruments/a.json",
                "locales/en/a.ftl",
                "locales/files.json",
                "pkg/rapport_widget_bg.wasm"
            ]
        );
        assert_eq!(files["locales/en/a.ftl"], digest(b"a = A"));
        let wasm = find(&dist, "pkg/rapport_widget_bg.wasm").unwrap();
        assert_eq!(fs::read(&wasm).unwrap(), b"wasm");
        assert!(!dist.join("pkg/rapport_widget_bg.wasm").exists());
        let index = find(&dist, "locales/files.json").unwrap();
        let index: BTreeMap<String, String> =
            serde_json::from_slice(&fs::read(&index).unwrap()).unwrap();
        assert_eq!(index["de/widget.ftl"], digest(b"submit = Senden"));
        assert_eq!(index["de/a.ftl"], digest("a = Ä".as_bytes()));
        assert_eq!(
            files["locales/files.json"],
            digest(&serde_json::to_vec(&index).unwrap())
        );
        let de = find(&dist, "locales/de/widget.ftl").unwrap();
        assert_eq!(
            de,
            dist.join(hashed_name(
                "locales/de/widget.ftl",
                &index["de/widget.ftl"]
            ))
        );
        assert_eq!(find(&dist, "locales/de/missing.ftl"), None);
        fs::remove_dir_all(&dist).unwrap();
    }
}
