//! Transfer size of a first render: what a browser downloads to show the default questionnaire,
//! measured raw, gzip -9 and brotli quality 11, with the CI gate on the gzip total.

use crate::Result;
use std::io::Write;
use std::path::Path;

/// The performance issue's budget for a first render.
pub const BUDGET_GZIP_BYTES: u64 = 150 * 1024;

/// CI fails above this: the budget itself (contracts.md allows 200 KB and asks the performance
/// work to tighten the gate; 148.7 KB on 2026-11-22). A change that needs more must first win the
/// room back elsewhere (`docs/size.md` lists what each part costs).
pub const GATE_GZIP_BYTES: u64 = BUDGET_GZIP_BYTES;

/// The files a first render of the default instrument downloads, by logical path under
/// `dist/` (served by their content-hashed names, see `hashed.rs`; the glue and the language
/// list are inside `rapport.js`).
pub const FIRST_RENDER_FILES: [&str; 4] = [
    "rapport.js",
    "pkg/rapport_widget_bg.wasm",
    "instruments/working-together.json",
    "locales/en/working-together.ftl",
];

/// Sizes of one file (or a total) in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl std::ops::Add for Sizes {
    type Output = Sizes;
    fn add(self, other: Sizes) -> Sizes {
        Sizes {
            raw: self.raw + other.raw,
            gzip: self.gzip + other.gzip,
            brotli: self.brotli + other.brotli,
        }
    }
}

/// `bytes` compressed as a server would send them: gzip level 9 (no name, time 0, so the same
/// input gives the same file) and brotli quality 11, window 2^22.
pub fn compress(bytes: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("writing to memory");
    let gzip = gz.finish().expect("writing to memory");

    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 64 * 1024, 11, 22);
        w.write_all(bytes).expect("writing to memory");
    }
    (gzip, br)
}

/// The sizes of `bytes` raw, gzip -9 and brotli 11 ([`compress`]).
pub fn measure(bytes: &[u8]) -> Sizes {
    let (gzip, br) = compress(bytes);
    Sizes {
        raw: bytes.len() as u64,
        gzip: gzip.len() as u64,
        brotli: br.len() as u64,
    }
}

/// Measures each first-render file under `dist`; a missing file is an error naming it.
pub fn measure_first_render(dist: &Path) -> Result<Vec<(&'static str, Sizes)>> {
    let found: Vec<(&str, Option<std::path::PathBuf>)> = FIRST_RENDER_FILES
        .iter()
        .map(|f| (*f, crate::hashed::find(dist, f)))
        .collect();
    let missing: Vec<&str> = found
        .iter()
        .filter(|(_, p)| p.is_none())
        .map(|(f, _)| *f)
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "cannot measure the first render: missing from {}: {}",
            dist.display(),
            missing.join(", ")
        ));
    }
    found
        .into_iter()
        .filter_map(|(f, p)| p.map(|p| (f, p)))
        .map(|(f, path)| {
            std::fs::read(&path)
                .map(|bytes| (f, measure(&bytes)))
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
        })
        .collect()
}

/// The sum of all rows.
pub fn total(rows: &[(&str, Sizes)]) -> Sizes {
    rows.iter().fold(Sizes::default(), |acc, (_, s)| acc + *s)
}

/// `Ok` when the gzip total is at most `limit` bytes; otherwise a message saying by how much it is over.
pub fn check_gate(total_gzip: u64, limit: u64) -> Result {
    if total_gzip <= limit {
        Ok(())
    } else {
        Err(format!(
            "size gate: a first render transfers {} gzip, over the limit of {} by {} \
             (contracts.md \"Budgets and gates\"; `twiggy` from crates.io shows what each dependency costs in the .wasm)",
            kb(total_gzip),
            kb(limit),
            kb(total_gzip - limit)
        ))
    }
}

/// `12.3 KB` (1 KB = 1024 bytes, as the gate counts).
pub fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// The table printed after a build.
pub fn table(rows: &[(&str, Sizes)]) -> String {
    let width = rows.iter().map(|(n, _)| n.len()).max().unwrap_or(0).max(5);
    let line = |name: &str, s: &Sizes| {
        format!(
            "  {name:<width$}  {:>10}  {:>10}  {:>10}\n",
            kb(s.raw),
            kb(s.gzip),
            kb(s.brotli)
        )
    };
    let mut out = format!(
        "  {:<width$}  {:>10}  {:>10}  {:>10}\n",
        "file (dist/)", "raw", "gzip -9", "brotli 11"
    );
    for (name, s) in rows {
        out.push_str(&line(name, s));
    }
    out.push_str(&line("total", &total(rows)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_is_the_150_kib_budget_and_inclusive() {
        assert_eq!(GATE_GZIP_BYTES, 153_600);
        assert!(check_gate(0, GATE_GZIP_BYTES).is_ok());
        assert!(check_gate(GATE_GZIP_BYTES, GATE_GZIP_BYTES).is_ok());
        let err = check_gate(GATE_GZIP_BYTES + 1536, GATE_GZIP_BYTES).unwrap_err();
        assert!(
            err.contains("151.5 KB") && err.contains("150.0 KB") && err.contains("by 1.5 KB"),
            "{err}"
        );
    }

    #[test]
    fn totals_add_up() {
        let a = Sizes {
            raw: 100,
            gzip: 40,
            brotli: 30,
        };
        let b = Sizes {
            raw: 1000,
            gzip: 400,
            brotli: 300,
        };
        assert_eq!(
            total(&[("a", a), ("b", b)]),
            Sizes {
                raw: 1100,
                gzip: 440,
                brotli: 330
            }
        );
        assert!(table(&[("a", a), ("b", b)])
            .lines()
            .last()
            .unwrap()
            .contains("total"));
    }

    #[test]
    fn compression_shrinks_repetitive_text_and_is_measured_honestly() {
        let text = "language-name = English\n".repeat(200);
        let s = measure(text.as_bytes());
        assert_eq!(s.raw, text.len() as u64);
        assert!(s.gzip < s.raw / 10 && s.brotli < s.raw / 10, "{s:?}");
        // Empty input still has container overhead (the gzip header alone is 18 bytes).
        assert!(measure(b"").gzip >= 18);
    }

    #[test]
    fn missing_files_are_named() {
        let err = measure_first_render(Path::new("/nonexistent-dist")).unwrap_err();
        assert!(
            err.contains("pkg/rapport_widget_bg.wasm") && err.contains("rapport.js"),
            "{err}"
        );
    }
}
