//! Short names for the boundary between the `.wasm` and its wasm-bindgen glue.
//!
//! wasm-bindgen names every JavaScript function the module imports after the Rust path plus a
//! 16-hex-digit hash (`__wbg_addEventListener_4d0db17c671ea324`), all in the module
//! `./rapport_widget_bg.js`, and the glue calls exports by names such as
//! `__wasm_bindgen_func_elem_3948`. Each name is written twice — in the `.wasm`'s import or export
//! section and in the glue — and the hashes do not compress. Renaming them to one or two letters
//! in both files, consistently, changes nothing the browser does and saves ~5.5 KB gzip of a first
//! render (measured: `.wasm` −3.5 KB, glue −2.0 KB; `docs/size.md`).
//!
//! Only the import and export sections of the `.wasm` are rewritten (read with `wasmparser`,
//! written with `wasm-encoder`); every other section is copied byte for byte. The glue must be
//! wasm-bindgen's unminified `--target web` output, where each import is an object key
//! (`name: function …`) and each export is read as `wasm.name`; if that shape ever changes, the
//! build stops with a message instead of shipping a broken pair. Exports the glue never reads,
//! and `memory`, keep their names.

use crate::Result;
use std::collections::BTreeMap;
use std::ops::Range;
use wasmparser::Payload;

/// The module name wasm-bindgen gives every import (`--target web`, crate `rapport-widget`).
pub const GLUE_MODULE: &str = "./rapport_widget_bg.js";
/// What [`GLUE_MODULE`] becomes.
const SHORT_MODULE: &str = "r";

/// What [`shorten`] did: the rewritten files and how many names changed.
pub struct Shortened {
    pub wasm: Vec<u8>,
    pub js: String,
    pub renamed: usize,
}

/// Renames the imports and the glue-used exports of `wasm` to short names, in `wasm` and `js`.
#[cfg(test)]
pub fn shorten(wasm: &[u8], js: &str) -> Result<Shortened> {
    shorten_split(wasm, js, "")
}

/// [`shorten`] for a main module split by `split.rs`: its imports from the wasm-split link
/// module ([`crate::split::LINK_MODULE`]) and the exports `link` (that module's text) names
/// keep their names (the chunks and the link module use them).
pub fn shorten_split(wasm: &[u8], js: &str, link: &str) -> Result<Shortened> {
    let mut linked = std::collections::BTreeSet::new();
    each_identifier(link, |start, end| {
        linked.insert(&link[start..end]);
    });
    let module = read_module(wasm)?;
    let (imports, exports) = (&module.imports, &module.exports);

    // One counter for both, so a short name never means two things in the glue.
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut next = 0usize;
    let mut fresh = || loop {
        let name = short_name(next);
        next += 1;
        // Every one- and two-letter JavaScript keyword; allowed as property names, but avoided.
        if !matches!(name.as_str(), "do" | "if" | "in") {
            return name;
        }
    };
    for i in imports {
        if i.module == crate::split::LINK_MODULE {
            continue;
        }
        if i.module != GLUE_MODULE {
            return Err(format!(
                "the wasm imports `{}` from module `{}`, not from `{GLUE_MODULE}`: short_names.rs \
                 only knows wasm-bindgen's single glue module",
                i.name, i.module
            ));
        }
        if names.contains_key(i.name) {
            return Err(format!("the wasm imports `{}` twice", i.name));
        }
        names.insert(i.name.to_string(), fresh());
    }
    let export_uses = count_export_uses(js);
    for e in exports {
        if e.name != "memory" && export_uses.contains_key(e.name) && !linked.contains(e.name) {
            if names.contains_key(e.name) {
                return Err(format!(
                    "`{}` is both an import and an export: short_names.rs cannot tell them apart in the glue",
                    e.name
                ));
            }
            names.insert(e.name.to_string(), fresh());
        }
    }

    let js = rewrite_js(js, &names, imports)?;
    let wasm = write_module(wasm, &module, &names)?;
    Ok(Shortened {
        wasm,
        js,
        renamed: names.len(),
    })
}

/// The `n`th name of `a`…`z`, `A`…`Z`, `ba`, `bb`, … (letters only: a valid identifier).
fn short_name(n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut s = Vec::new();
    let mut k = n;
    loop {
        s.push(char::from(LETTERS[k % LETTERS.len()]));
        k /= LETTERS.len();
        if k == 0 {
            break;
        }
    }
    s.iter().rev().collect()
}

const IMPORT_SECTION: u8 = wasm_encoder::SectionId::Import as u8;
const EXPORT_SECTION: u8 = wasm_encoder::SectionId::Export as u8;

/// What [`shorten`] needs of a module: where each section's body is, in order, and the entries
/// of its import and export sections.
struct Module<'a> {
    /// Section id and the range of its body in the module.
    sections: Vec<(u8, Range<usize>)>,
    imports: Vec<wasmparser::Import<'a>>,
    exports: Vec<wasmparser::Export<'a>>,
}

/// Reads the section list, imports and exports with `wasmparser` (no validation: wasm-bindgen's
/// output is taken as it is, and wasm-opt checks it afterwards).
fn read_module(wasm: &[u8]) -> Result<Module<'_>> {
    if !wasm.starts_with(b"\0asm\x01\0\0\0") {
        return Err("not a WebAssembly 1.0 module (bad header)".into());
    }
    let unreadable = |e: wasmparser::BinaryReaderError| format!("the wasm cannot be read: {e}");
    let mut module = Module {
        sections: Vec::new(),
        imports: Vec::new(),
        exports: Vec::new(),
    };
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(unreadable)?;
        match &payload {
            Payload::ImportSection(r) => {
                for i in r.clone().into_imports() {
                    module.imports.push(i.map_err(unreadable)?);
                }
            }
            Payload::ExportSection(r) => {
                for e in r.clone() {
                    module.exports.push(e.map_err(unreadable)?);
                }
            }
            _ => {}
        }
        if let Some((id, range)) = payload.as_section() {
            let range = usize::try_from(range.start).map_err(|e| e.to_string())?
                ..usize::try_from(range.end).map_err(|e| e.to_string())?;
            module.sections.push((id, range));
        }
    }
    Ok(module)
}

/// The module again with `wasm-encoder`: the import and export sections re-encoded with the
/// new names (every import from [`SHORT_MODULE`]), every other section copied byte for byte.
fn write_module(wasm: &[u8], module: &Module, names: &BTreeMap<String, String>) -> Result<Vec<u8>> {
    let renamed = |name: &str| names.get(name).map_or(name, String::as_str).to_string();
    let mut out = wasm_encoder::Module::new();
    for (id, range) in &module.sections {
        match *id {
            IMPORT_SECTION => {
                let mut section = wasm_encoder::ImportSection::new();
                for i in &module.imports {
                    let ty = wasm_encoder::EntityType::try_from(i.ty).map_err(|e| {
                        format!(
                            "import `{}.{}` cannot be written again: {e:?}",
                            i.module, i.name
                        )
                    })?;
                    if i.module == GLUE_MODULE {
                        section.import(SHORT_MODULE, &renamed(i.name), ty);
                    } else {
                        section.import(i.module, i.name, ty);
                    }
                }
                out.section(&section);
            }
            EXPORT_SECTION => {
                let mut section = wasm_encoder::ExportSection::new();
                for e in &module.exports {
                    section.export(&renamed(e.name), e.kind.into(), e.index);
                }
                out.section(&section);
            }
            id => {
                out.section(&wasm_encoder::RawSection {
                    id,
                    data: &wasm[range.clone()],
                });
            }
        }
    }
    Ok(out.finish())
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// Each identifier in `js` written as `wasm.NAME`, with how often.
fn count_export_uses(js: &str) -> BTreeMap<&str, usize> {
    let mut uses = BTreeMap::new();
    each_identifier(js, |start, end| {
        if is_export_use(js.as_bytes(), start) {
            *uses.entry(&js[start..end]).or_insert(0) += 1;
        }
    });
    uses
}

/// `wasm.` right before `start`, itself not part of a longer identifier or member chain.
fn is_export_use(b: &[u8], start: usize) -> bool {
    start >= 5
        && &b[start - 5..start] == b"wasm."
        && (start == 5 || !(is_ident(b[start - 6]) || b[start - 6] == b'.'))
}

/// An object key: `NAME:` not preceded by `.` (a member) — how the glue lists its imports.
fn is_import_key(b: &[u8], start: usize, end: usize) -> bool {
    b.get(end) == Some(&b':') && (start == 0 || b[start - 1] != b'.')
}

/// Calls `f(start, end)` for every maximal run of identifier characters.
fn each_identifier(js: &str, mut f: impl FnMut(usize, usize)) {
    let b = js.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if is_ident(b[i]) {
            let start = i;
            while i < b.len() && is_ident(b[i]) {
                i += 1;
            }
            f(start, i);
        } else {
            i += 1;
        }
    }
}

fn rewrite_js(
    js: &str,
    names: &BTreeMap<String, String>,
    imports: &[wasmparser::Import],
) -> Result<String> {
    let b = js.as_bytes();
    let mut out = String::with_capacity(js.len());
    let mut copied = 0;
    let mut import_keys: BTreeMap<&str, usize> = BTreeMap::new();
    each_identifier(js, |start, end| {
        let word = &js[start..end];
        let Some(short) = names.get(word) else { return };
        let import = is_import_key(b, start, end);
        if import {
            *import_keys.entry(word).or_insert(0) += 1;
        }
        if import || is_export_use(b, start) {
            out.push_str(&js[copied..start]);
            out.push_str(short);
            copied = end;
        }
    });
    out.push_str(&js[copied..]);

    for i in imports.iter().filter(|i| i.module == GLUE_MODULE) {
        let found = import_keys.get(i.name).copied().unwrap_or(0);
        if found != 1 {
            return Err(format!(
                "the glue defines the import `{}` {found} times (expected once, as `{}: …`): \
                 has wasm-bindgen's output changed? short_names.rs must be updated",
                i.name, i.name
            ));
        }
    }
    let key = format!("\"{GLUE_MODULE}\":");
    if out.matches(&key).count() != 1 {
        return Err(format!(
            "the glue does not name the import module {key} exactly once: has wasm-bindgen's \
             output changed? short_names.rs must be updated"
        ));
    }
    Ok(out.replacen(&key, &format!("\"{SHORT_MODULE}\":"), 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, CustomSection, EntityType, ExportKind, ExportSection, Function,
        FunctionSection, ImportSection, MemorySection, MemoryType, RefType, TableType, TypeSection,
        ValType,
    };

    const LOG: &str = "__wbg_log_0123456789abcdef";
    const THROW: &str = "__wbindgen_throw_fedcba9876543210";
    const TABLE: &str = "__wbindgen_externrefs";
    const CALLED: &str = "__wasm_bindgen_func_elem_12";
    const UNCALLED: &str = "__instance_terminated";

    /// A module importing two functions and a table from `import_module`, exporting memory, one
    /// function the glue calls and one it does not, with a custom section in the middle. `rename`
    /// maps import and export names (the expected output is the input module renamed).
    fn module(import_module: &str, rename: &dyn Fn(&str) -> String) -> Vec<u8> {
        let mut m = wasm_encoder::Module::new();
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], []);
        m.section(&types);
        let mut imports = ImportSection::new();
        imports.import(import_module, &rename(LOG), EntityType::Function(0));
        imports.import(import_module, &rename(THROW), EntityType::Function(0));
        let table = TableType {
            element_type: RefType::EXTERNREF,
            table64: false,
            minimum: 4,
            maximum: Some(128),
            shared: false,
        };
        imports.import(import_module, &rename(TABLE), table);
        m.section(&imports);
        let mut functions = FunctionSection::new();
        functions.function(0);
        m.section(&functions);
        let mut memory = MemorySection::new();
        memory.memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        m.section(&memory);
        let mut exports = ExportSection::new();
        exports.export("memory", ExportKind::Memory, 0);
        exports.export(&rename(CALLED), ExportKind::Func, 2);
        exports.export(&rename(UNCALLED), ExportKind::Func, 2);
        m.section(&exports);
        m.section(&CustomSection {
            name: "producers".into(),
            data: b"\x00anything".as_slice().into(),
        });
        let mut code = CodeSection::new();
        let mut body = Function::new([]);
        body.instructions().end();
        code.function(&body);
        m.section(&code);
        m.finish()
    }

    fn same(name: &str) -> String {
        name.to_string()
    }

    const GLUE: &str = r#"function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_log_0123456789abcdef: function(arg0) { console.log(arg0); },
        __wbindgen_throw_fedcba9876543210: function(arg0) { throw new Error(arg0); },
        __wbindgen_externrefs: new WebAssembly.Table({ initial: 4, element: 'externref' }),
    };
    return { __proto__: null, "./rapport_widget_bg.js": import0 };
}
function call() { wasm.__wasm_bindgen_func_elem_12(); return wasm.memory.buffer; }
const text = "wasm.__wasm_bindgen_func_elem_12 is a.wasm.__wasm_bindgen_func_elem_12";
"#;

    #[test]
    fn renames_both_sides_consistently_and_keeps_the_rest() {
        let wasm = module(GLUE_MODULE, &same);
        let s = shorten(&wasm, GLUE).unwrap();
        assert_eq!(s.renamed, 4);
        assert!(s.js.contains("        a: function(arg0) { console.log"));
        assert!(s.js.contains("        b: function(arg0) { throw"));
        assert!(s.js.contains("        c: new WebAssembly.Table"));
        assert!(s.js.contains("{ __proto__: null, \"r\": import0 }"));
        assert!(s.js.contains("{ wasm.d(); return wasm.memory.buffer; }"));
        // Only `wasm.NAME` is an export use; `a.wasm.NAME` is someone else's property.
        assert!(s
            .js
            .contains("\"wasm.d is a.wasm.__wasm_bindgen_func_elem_12\""));
        assert!(!s.js.contains("0123456789abcdef"));

        let read = read_module(&s.wasm).unwrap();
        let got: Vec<_> = read.imports.iter().map(|i| (i.module, i.name)).collect();
        assert_eq!(got, [("r", "a"), ("r", "b"), ("r", "c")]);
        let got: Vec<_> = read.exports.iter().map(|e| e.name).collect();
        assert_eq!(got, ["memory", "d", UNCALLED]);

        // Byte for byte the module a hand-renamed input would be: types, limits and indices
        // unchanged, every other section (the custom one too) identical and in the same order.
        let expected = module(SHORT_MODULE, &|name| {
            match name {
                LOG => "a",
                THROW => "b",
                TABLE => "c",
                CALLED => "d",
                other => other,
            }
            .to_string()
        });
        assert_eq!(s.wasm, expected);
        let before = read_module(&wasm).unwrap();
        let ids = |m: &Module| m.sections.iter().map(|(id, _)| *id).collect::<Vec<_>>();
        assert_eq!(ids(&before), ids(&read));
        assert_eq!(ids(&read), [1, 2, 3, 5, 7, 0, 10]);
        for ((id, a), (_, b)) in before.sections.iter().zip(&read.sections) {
            if *id != IMPORT_SECTION && *id != EXPORT_SECTION {
                assert_eq!(wasm[a.clone()], s.wasm[b.clone()], "section {id}");
            }
        }
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        let e = shorten(&module("env", &same), GLUE).err().unwrap();
        assert!(e.contains("from module `env`"), "{e}");

        let wasm = module(GLUE_MODULE, &same);
        let missing = GLUE.replace("__wbg_log_0123456789abcdef: ", "x: ");
        let e = shorten(&wasm, &missing).err().unwrap();
        assert!(e.contains("`__wbg_log_0123456789abcdef` 0 times"), "{e}");

        let no_module = GLUE.replace("\"./rapport_widget_bg.js\": import0", "r: import0");
        let e = shorten(&wasm, &no_module).err().unwrap();
        assert!(e.contains("exactly once"), "{e}");

        let e = shorten(b"\0asm\x02\0\0\0", GLUE).err().unwrap();
        assert!(e.contains("bad header"), "{e}");
        let mut truncated = wasm.clone();
        truncated.truncate(30);
        let e = shorten(&truncated, GLUE).err().unwrap();
        assert!(e.contains("cannot be read"), "{e}");
    }

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        let set: std::collections::BTreeSet<_> = names.iter().collect();
        assert_eq!(set.len(), names.len());
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(short_name(52), "ba");
        assert_eq!(short_name(3 * 52 + 14), "do");
        for n in &names {
            assert!(n.bytes().all(|b| b.is_ascii_alphabetic()), "{n}");
        }
    }

    #[test]
    fn keywords_are_skipped() {
        // 600 imports pass `do` (the 171st name), `if` and `in`.
        let mut m = wasm_encoder::Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        m.section(&types);
        let mut imports = ImportSection::new();
        let mut glue = String::from("const import0 = {\n");
        for i in 0..600 {
            let name = format!("__wbg_f{i}_0123456789abcdef");
            imports.import(GLUE_MODULE, &name, EntityType::Function(0));
            glue.push_str(&format!("    {name}: function() {{}},\n"));
        }
        glue.push_str("};\nreturn { \"./rapport_widget_bg.js\": import0 };\n");
        m.section(&imports);
        let s = shorten(&m.finish(), &glue).unwrap();
        assert_eq!(s.renamed, 600);
        for keyword in ["do", "if", "in"] {
            assert!(!s.js.contains(&format!(" {keyword}: ")), "{keyword}");
        }
        assert!(s.js.contains(" dp: "));
    }
}
