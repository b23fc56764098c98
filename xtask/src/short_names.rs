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
//! Only the import and export sections of the `.wasm` are rewritten; every other section is
//! copied byte for byte. The glue must be wasm-bindgen's unminified `--target web` output, where
//! each import is an object key (`name: function …`) and each export is read as `wasm.name`; if
//! that shape ever changes, the build stops with a message instead of shipping a broken pair.
//! Exports the glue never reads, and `memory`, keep their names.

use crate::Result;
use std::collections::BTreeMap;

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
pub fn shorten(wasm: &[u8], js: &str) -> Result<Shortened> {
    let sections = read_sections(wasm)?;
    let mut imports = Vec::new();
    let mut exports = Vec::new();
    for s in &sections {
        match s.id {
            IMPORT_SECTION => imports = read_imports(s.body)?,
            EXPORT_SECTION => exports = read_exports(s.body)?,
            _ => {}
        }
    }

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
    for i in &imports {
        if i.module != GLUE_MODULE {
            return Err(format!(
                "the wasm imports `{}` from module `{}`, not from `{GLUE_MODULE}`: short_names.rs \
                 only knows wasm-bindgen's single glue module",
                i.name, i.module
            ));
        }
        if names.contains_key(&i.name) {
            return Err(format!("the wasm imports `{}` twice", i.name));
        }
        names.insert(i.name.clone(), fresh());
    }
    let export_uses = count_export_uses(js);
    for e in &exports {
        if e.name != "memory" && export_uses.contains_key(e.name.as_str()) {
            if names.contains_key(&e.name) {
                return Err(format!(
                    "`{}` is both an import and an export: short_names.rs cannot tell them apart in the glue",
                    e.name
                ));
            }
            names.insert(e.name.clone(), fresh());
        }
    }

    let js = rewrite_js(js, &names, &imports)?;

    let mut out = wasm[..8].to_vec();
    for s in &sections {
        let body = match s.id {
            IMPORT_SECTION => write_imports(&imports, &names),
            EXPORT_SECTION => write_exports(&exports, &names),
            _ => s.body.to_vec(),
        };
        out.push(s.id);
        write_u32(&mut out, body.len() as u32);
        out.extend_from_slice(&body);
    }
    Ok(Shortened {
        wasm: out,
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

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

struct Section<'a> {
    id: u8,
    body: &'a [u8],
}

struct Import {
    module: String,
    name: String,
    /// The import's kind and type, copied as they are.
    desc: Vec<u8>,
}

struct Export {
    name: String,
    /// The export's kind and index, copied as they are.
    desc: Vec<u8>,
}

fn read_sections(wasm: &[u8]) -> Result<Vec<Section<'_>>> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" || wasm[4..8] != [1, 0, 0, 0] {
        return Err("not a WebAssembly 1.0 module (bad header)".into());
    }
    let mut r = Reader { bytes: wasm, at: 8 };
    let mut sections = Vec::new();
    while r.at < wasm.len() {
        let id = r.byte()?;
        let len = r.u32()? as usize;
        let body = r.take(len)?;
        sections.push(Section { id, body });
    }
    Ok(sections)
}

fn read_imports(body: &[u8]) -> Result<Vec<Import>> {
    let mut r = Reader { bytes: body, at: 0 };
    let count = r.u32()?;
    let mut imports = Vec::new();
    for _ in 0..count {
        let module = r.name()?;
        let name = r.name()?;
        let start = r.at;
        match r.byte()? {
            0x00 => {
                r.u32()?; // function type index
            }
            0x04 => {
                r.byte()?; // tag attribute
                r.u32()?; // its type index
            }
            0x01 => {
                r.byte()?; // reference type
                r.limits()?;
            }
            0x02 => r.limits()?,
            0x03 => {
                r.byte()?; // value type
                r.byte()?; // mutability
            }
            kind => {
                return Err(format!(
                "import `{module}.{name}` has kind {kind:#04x}, which short_names.rs does not know"
            ))
            }
        }
        imports.push(Import {
            module,
            name,
            desc: body[start..r.at].to_vec(),
        });
    }
    r.end("import section")?;
    Ok(imports)
}

fn read_exports(body: &[u8]) -> Result<Vec<Export>> {
    let mut r = Reader { bytes: body, at: 0 };
    let count = r.u32()?;
    let mut exports = Vec::new();
    for _ in 0..count {
        let name = r.name()?;
        let start = r.at;
        r.byte()?;
        r.u32()?;
        exports.push(Export {
            name,
            desc: body[start..r.at].to_vec(),
        });
    }
    r.end("export section")?;
    Ok(exports)
}

fn write_imports(imports: &[Import], names: &BTreeMap<String, String>) -> Vec<u8> {
    let mut out = Vec::new();
    write_u32(&mut out, imports.len() as u32);
    for i in imports {
        write_name(&mut out, SHORT_MODULE);
        write_name(&mut out, names.get(&i.name).unwrap_or(&i.name));
        out.extend_from_slice(&i.desc);
    }
    out
}

fn write_exports(exports: &[Export], names: &BTreeMap<String, String>) -> Vec<u8> {
    let mut out = Vec::new();
    write_u32(&mut out, exports.len() as u32);
    for e in exports {
        write_name(&mut out, names.get(&e.name).unwrap_or(&e.name));
        out.extend_from_slice(&e.desc);
    }
    out
}

fn write_u32(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_u32(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or("the wasm ends in the middle of a section")?;
        self.at += 1;
        Ok(b)
    }

    fn u32(&mut self) -> Result<u32> {
        let mut n: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(n).map_err(|_| "a LEB128 number is out of range".into());
            }
        }
        Err("a LEB128 number is too long".into())
    }

    fn u64(&mut self) -> Result<()> {
        for _ in 0..10 {
            if self.byte()? & 0x80 == 0 {
                return Ok(());
            }
        }
        Err("a LEB128 number is too long".into())
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("a wasm section or name runs past the end of the file")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn name(&mut self) -> Result<String> {
        let len = self.u32()? as usize;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| "a wasm name is not UTF-8".into())
    }

    /// Table or memory limits: flags (bit 0 maximum, bit 2 64-bit), minimum, maybe maximum.
    fn limits(&mut self) -> Result<()> {
        let flags = self.byte()?;
        self.u64()?;
        if flags & 1 != 0 {
            self.u64()?;
        }
        Ok(())
    }

    fn end(&self, what: &str) -> Result<()> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(format!("the {what} has bytes after its last entry"))
        }
    }
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

fn rewrite_js(js: &str, names: &BTreeMap<String, String>, imports: &[Import]) -> Result<String> {
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

    for i in imports {
        let found = import_keys.get(i.name.as_str()).copied().unwrap_or(0);
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

    /// A module importing two functions from the glue module and exporting memory, one
    /// function the glue calls and one it does not.
    fn module(import_module: &str) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // type section: one type () -> ()
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut imports = Vec::new();
        write_u32(&mut imports, 3);
        for (name, desc) in [
            ("__wbg_log_0123456789abcdef", &[0u8, 0][..]),
            ("__wbindgen_throw_fedcba9876543210", &[0, 0][..]),
            ("__wbindgen_externrefs", &[1, 0x6f, 1, 4, 0x80, 0x01][..]),
        ] {
            write_name(&mut imports, import_module);
            write_name(&mut imports, name);
            imports.extend_from_slice(desc);
        }
        m.push(2);
        write_u32(&mut m, imports.len() as u32);
        m.extend_from_slice(&imports);
        // function section: one function of type 0
        m.extend_from_slice(&[3, 2, 1, 0]);
        // memory section: one memory, min 1
        m.extend_from_slice(&[5, 3, 1, 0, 1]);
        let mut exports = Vec::new();
        write_u32(&mut exports, 3);
        for (name, desc) in [
            ("memory", [2u8, 0]),
            ("__wasm_bindgen_func_elem_12", [0, 2]),
            ("__instance_terminated", [0, 2]),
        ] {
            write_name(&mut exports, name);
            exports.extend_from_slice(&desc);
        }
        m.push(7);
        write_u32(&mut m, exports.len() as u32);
        m.extend_from_slice(&exports);
        // code section: one empty body
        m.extend_from_slice(&[10, 4, 1, 2, 0, 0x0b]);
        m
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
        let wasm = module(GLUE_MODULE);
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

        let sections = read_sections(&s.wasm).unwrap();
        let imports = sections.iter().find(|s| s.id == IMPORT_SECTION).unwrap();
        let imports = read_imports(imports.body).unwrap();
        let got: Vec<_> = imports
            .iter()
            .map(|i| (i.module.as_str(), i.name.as_str()))
            .collect();
        assert_eq!(got, [("r", "a"), ("r", "b"), ("r", "c")]);
        assert_eq!(imports[2].desc, [1, 0x6f, 1, 4, 0x80, 0x01]);
        let exports = sections.iter().find(|s| s.id == EXPORT_SECTION).unwrap();
        let exports = read_exports(exports.body).unwrap();
        let got: Vec<_> = exports.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(got, ["memory", "d", "__instance_terminated"]);
        // Every other section is byte for byte the same, in the same order.
        let before = read_sections(&wasm).unwrap();
        assert_eq!(before.len(), sections.len());
        for (a, b) in before.iter().zip(&sections) {
            assert_eq!(a.id, b.id);
            if a.id != IMPORT_SECTION && a.id != EXPORT_SECTION {
                assert_eq!(a.body, b.body);
            }
        }
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        let e = shorten(&module("env"), GLUE).err().unwrap();
        assert!(e.contains("from module `env`"), "{e}");

        let missing = GLUE.replace("__wbg_log_0123456789abcdef: ", "x: ");
        let e = shorten(&module(GLUE_MODULE), &missing).err().unwrap();
        assert!(e.contains("`__wbg_log_0123456789abcdef` 0 times"), "{e}");

        let no_module = GLUE.replace("\"./rapport_widget_bg.js\": import0", "r: import0");
        let e = shorten(&module(GLUE_MODULE), &no_module).err().unwrap();
        assert!(e.contains("exactly once"), "{e}");

        let e = shorten(b"\0asm\x02\0\0\0", GLUE).err().unwrap();
        assert!(e.contains("bad header"), "{e}");
        let mut truncated = module(GLUE_MODULE);
        truncated.truncate(30);
        assert!(shorten(&truncated, GLUE).is_err());
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
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut imports = Vec::new();
        write_u32(&mut imports, 600);
        let mut glue = String::from("const import0 = {\n");
        for i in 0..600 {
            let name = format!("__wbg_f{i}_0123456789abcdef");
            write_name(&mut imports, GLUE_MODULE);
            write_name(&mut imports, &name);
            imports.extend_from_slice(&[0, 0]);
            glue.push_str(&format!("    {name}: function() {{}},\n"));
        }
        glue.push_str("};\nreturn { \"./rapport_widget_bg.js\": import0 };\n");
        m.push(2);
        write_u32(&mut m, imports.len() as u32);
        m.extend_from_slice(&imports);
        let s = shorten(&m, &glue).unwrap();
        assert_eq!(s.renamed, 600);
        for keyword in ["do", "if", "in"] {
            assert!(!s.js.contains(&format!(" {keyword}: ")), "{keyword}");
        }
        assert!(s.js.contains(" dp: "));
    }
}
