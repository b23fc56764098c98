//! Splits the release `.wasm` at its `#[wasm_split(…)]` points (crate `wasm_split_helpers`, the
//! mechanism behind Leptos 0.8's `#[lazy]`), so that code a first render does not need is
//! fetched after it (issue 18: bytes; issue 19: features loaded only when a definition needs them).
//!
//! The library `wasm_split_cli_support` (what cargo-leptos runs) reads the module rustc linked
//! with `--emit-relocs` (the root `build.rs` asks for it) and writes the main module, one
//! `split_NAME.wasm` per split point (plus `chunk_N.wasm` for code several splits share), and a
//! JS link module that the main module imports its loaders from. wasm-bindgen then runs on the
//! main module only.
//!
//! The link module fetches a chunk with `fetch(new URL("./split_NAME.wasm", import.meta.url))`:
//! [`link_module`] replaces that with the loader's own `chunk("pkg/split_NAME.wasm")`, which
//! fetches the content-hashed name with the `integrity` hash the loader carries (like every
//! other file), and the link module is bundled into `rapport.js` with the glue. The loader
//! hands its `chunk` to the link module (`useChunkLoader`, which the loader imports) rather
//! than the link module importing it from `rapport.js`: that would make `chunk` an export of
//! the public module, a name portals could come to use.

use crate::Result;
use std::fs;
use std::path::{Path, PathBuf};

/// The link module's name, as the main module imports it (and as the glue then imports it).
pub const LINK_MODULE: &str = "./__wasm_split.js";

/// What [`split`] wrote.
pub struct Split {
    /// The main module, for wasm-bindgen.
    pub main: PathBuf,
    /// The chunk modules (`split_NAME.wasm`, `chunk_N.wasm`), in the output folder.
    pub chunks: Vec<PathBuf>,
    /// The link module, in the output folder.
    pub link: PathBuf,
}

/// Splits `wasm` into `out` (emptied first).
pub fn split(wasm: &Path, out: &Path) -> Result<Split> {
    let input = fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("cannot remove {}: {e}", out.display()))?;
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let main = out.join("main.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&input);
    opts.output_dir = out;
    opts.main_out_path = &main;
    opts.link_name = LINK_MODULE;
    opts.main_module = "./rapport_widget.js";
    let done = wasm_split_cli_support::transform(opts)
        .map_err(|e| format!("wasm-split of {}: {e:?}", wasm.display()))?;
    let mut chunks = done.split_modules;
    chunks.sort();
    Ok(Split {
        main,
        chunks,
        link: out.join(LINK_MODULE.trim_start_matches("./")),
    })
}

/// The link module with every chunk fetched through the loader (see the module docs); fails
/// if the library's fetch expression is not found once per chunk (its output changed).
/// Each chunk's loader is written once, as `chunkLoad("pkg/NAME", [deps])`, rather than the
/// library's six lines per chunk: about twenty chunks, and every byte of the link module is in
/// `rapport.js`, which every first render downloads.
pub fn link_module(js: &str, chunks: &[PathBuf]) -> Result<String> {
    let mut out = String::from(
        "let chunk;\nexport function useChunkLoader(f) {\n    chunk = f;\n}\n\
         const chunkLoad = (path, deps) => makeLoad(() => {\n    const src = chunk(path);\n    \
         src.catch(() => {});\n    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}, deps);\n",
    );
    let mut text = js.to_owned();
    for c in chunks {
        let name = c
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("chunk name: {}", c.display()))?;
        let from = format!(
            "makeLoad(() => {{\n    const src = fetch(new URL(\"./{name}\", import.meta.url));\n    \
             src.catch(() => {{}});\n    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}}\n, "
        );
        if text.matches(&from).count() != 1 {
            return Err(format!(
                "the wasm-split link module does not load {name} as `{from}` exactly once: \
                 wasm_split_cli_support changed; update xtask/src/split.rs"
            ));
        }
        text = text.replace(&from, &format!("chunkLoad(\"pkg/{name}\", "));
    }
    if text.contains("import.meta.url") || text.contains("fetch(") {
        return Err("the wasm-split link module fetches something else than its chunks".into());
    }
    out.push_str(&text);
    Ok(out)
}

/// What the loader prefetches after the first render (`SENDING` in `rapport.js`): the sending
/// chunk and the shared chunks its loader names in the link module (`link_module`'s output),
/// not the shared chunks only the clinic-form chunks need.
pub fn sending_files(link: &str) -> Result<Vec<String>> {
    let at = "chunkLoad(\"pkg/split_sending.wasm\", [";
    let start = link
        .find(at)
        .map(|i| i + at.len())
        .ok_or("the link module does not load split_sending.wasm: update xtask/src/split.rs")?;
    let deps = link
        .get(start..)
        .and_then(|rest| rest.split_once(']'))
        .map(|(deps, _)| deps)
        .ok_or("the link module's split_sending.wasm has no list of dependencies")?;
    let mut out = vec!["pkg/split_sending.wasm".to_owned()];
    for dep in deps.split(',').map(str::trim).filter(|d| !d.is_empty()) {
        let n = dep
            .strip_prefix("__chunk_")
            .ok_or_else(|| format!("split_sending.wasm depends on `{dep}`, not a shared chunk"))?;
        out.push(format!("pkg/chunk_{n}.wasm"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sending_chunk_and_its_shared_chunks_are_prefetched() {
        let link = "const __chunk_3 = chunkLoad(\"pkg/chunk_3.wasm\", []);\n\
                    x = wrapAsyncCb(chunkLoad(\"pkg/split_other.wasm\", [__chunk_1, __chunk_3]));\n\
                    y = wrapAsyncCb(chunkLoad(\"pkg/split_sending.wasm\", [__chunk_3, __chunk_12]));\n";
        assert_eq!(
            sending_files(link).unwrap(),
            [
                "pkg/split_sending.wasm",
                "pkg/chunk_3.wasm",
                "pkg/chunk_12.wasm"
            ]
        );
        assert!(sending_files("nothing").is_err());
    }

    /// The link module gets the loader's fetcher from the loader (`useChunkLoader`) and never
    /// imports `rapport.js`, so the public module need not export it.
    #[test]
    fn link_module_takes_the_loaders_fetcher_without_importing_the_loader() {
        let js = "function makeLoad(fetcher, deps) {}\n\
                  export const __wasm_split_load_sending = wrapAsyncCb(makeLoad(() => {\n    \
                  const src = fetch(new URL(\"./split_sending.wasm\", import.meta.url));\n    \
                  src.catch(() => {});\n    \
                  return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}\n\
                  , [__chunk_8]));\n";
        let out = link_module(js, &[PathBuf::from("out/split_sending.wasm")]).unwrap();
        assert!(out.contains("export function useChunkLoader(f)"));
        assert!(out.contains("const src = chunk(path);"));
        assert!(
            out.contains("wrapAsyncCb(chunkLoad(\"pkg/split_sending.wasm\", [__chunk_8]));"),
            "{out}"
        );
        assert!(
            !out.contains("import ") && !out.contains("import.meta"),
            "{out}"
        );
        assert!(link_module(js, &[PathBuf::from("out/split_other.wasm")]).is_err());
    }
}
