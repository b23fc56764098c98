//! The questionnaire definitions the receiver checks envelopes against: the bundled instruments
//! of [`rapport_core::bundled`] (by bundled id and by url), plus the clinic's FHIR Questionnaire
//! JSON files of `--definitions-dir` (by `name` and by `url`), each with its `version`.
//!
//! The same directories may hold ValueSet files ([`crate::value_sets`]): they are read first,
//! and a Questionnaire whose `answerValueSet` names one by canonical URL (`url` or
//! `url|version`) is read with it, as the widget reads it with a terminology server's
//! `$expand` answer (`Questionnaire::from_value_with`). A reference no file provides stops the
//! start, naming the definition file, the item and the value set.
//!
//! Loaded once at start; a definition with problems, or two definitions answering to the same
//! (id, version), stop the receiver with a message rather than refuse patients' answers later.
//! Stays out of HTTP and storage.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rapport_core::bundled;
use rapport_core::definition::{needed_value_sets, ErrorKind, Questionnaire};
use serde_json::Value;

use crate::value_sets::ValueSets;
use crate::Error;

/// The version the widget puts in an envelope when the definition has none.
pub use rapport_core::envelope::UNVERSIONED;

/// Known definitions, by `(id, version)`. A definition without `version` answers to the
/// version [`UNVERSIONED`], as the widget sends it.
#[derive(Debug, Default)]
pub struct Definitions {
    by_key: HashMap<(String, String), (Arc<Questionnaire>, String)>,
    /// Every definition once: its ids, the parsed form and the JSON it was parsed from (the
    /// clinician's view reads sub-extensions the core ignores, e.g. a flag's `severity`).
    all: Vec<Loaded>,
    count: usize,
    /// The ValueSet files of the definitions directories.
    value_sets: ValueSets,
}

/// One loaded definition.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The ids it answers to (bundled id, `name`, `url`), the first being the one envelopes
    /// of the bundled instruments use.
    pub ids: Vec<String>,
    /// Its `version`, or [`UNVERSIONED`].
    pub version: String,
    /// The parsed definition.
    pub questionnaire: Arc<Questionnaire>,
    /// The JSON it was parsed from.
    pub json: Arc<serde_json::Value>,
    /// The bundled instrument's id (its words are in `locales/<tag>/<id>.ftl`), if bundled.
    pub bundled: Option<&'static str>,
}

impl Definitions {
    /// No definitions at all (every envelope is unknown).
    pub fn empty() -> Self {
        Self::default()
    }

    /// The bundled instruments. Fails if one of them does not load: that is a build defect,
    /// and a receiver that silently forgot an instrument would refuse its answers.
    pub fn bundled() -> Result<Self, Error> {
        let mut defs = Self::empty();
        for b in bundled::INSTRUMENTS {
            let source = format!("bundled instrument \"{}\"", b.id);
            let q = rapport_core::fhirpath::checked(Questionnaire::from_json(b.json)).map_err(
                |problems| Error::Definition {
                    source: source.clone(),
                    problems,
                },
            )?;
            let mut ids = vec![b.id.to_owned()];
            ids.extend(q.url.clone());
            defs.add(q, b.json, Some(b.id), ids, source)?;
        }
        Ok(defs)
    }

    /// Adds every `*.json` file of `dir` (not recursing), in file-name order.
    pub fn load_dir(&mut self, dir: &Path) -> Result<(), Error> {
        self.load_dirs(&[dir.to_path_buf()])
    }

    /// Adds every `*.json` file of `dirs` (not recursing), each directory in file-name order:
    /// the ValueSet files of all of them first, then the Questionnaires, which may use any of
    /// those ValueSets.
    pub fn load_dirs(&mut self, dirs: &[PathBuf]) -> Result<(), Error> {
        let now = crate::api::now_rfc3339();
        let mut questionnaires = Vec::new();
        for dir in dirs {
            for path in json_files(dir)? {
                let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
                match serde_json::from_str::<Value>(&text) {
                    Ok(v) if v.get("resourceType").and_then(Value::as_str) == Some("ValueSet") => {
                        self.value_sets.add(&path, v, &now)?;
                    }
                    // Anything else must be a Questionnaire (what is not is refused there,
                    // with the core's message).
                    _ => questionnaires.push((path, text)),
                }
            }
        }
        for (path, text) in questionnaires {
            self.load_text(&path, &text)?;
        }
        Ok(())
    }

    /// Adds one clinic definition file, known by its `name` and its `url` (its canonical value
    /// sets from the ValueSet files already loaded).
    pub fn load_file(&mut self, path: &Path) -> Result<(), Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.load_text(path, &text)
    }

    fn load_text(&mut self, path: &Path, text: &str) -> Result<(), Error> {
        let source = path.display().to_string();
        let q = match rapport_core::fhirpath::checked(Questionnaire::from_json(text)) {
            Ok(q) => q,
            Err(problems) => self.with_value_sets(text, problems, &source)?,
        };
        let ids: Vec<String> = q.name.iter().chain(q.url.iter()).cloned().collect();
        if ids.is_empty() {
            return Err(Error::Config(format!(
                "definition {source} has neither \"name\" nor \"url\", so no envelope can name it; add one"
            )));
        }
        self.add(q, text, None, ids, source)
    }

    /// A definition that did not load: read again with the ValueSet files its canonical
    /// `answerValueSet`s name, if it names any and they are all there.
    fn with_value_sets(
        &self,
        text: &str,
        problems: Vec<rapport_core::definition::DefinitionError>,
        source: &str,
    ) -> Result<Questionnaire, Error> {
        let needed = needed_value_sets(&problems);
        let value = match serde_json::from_str::<Value>(text) {
            Ok(v) if !needed.is_empty() => v,
            _ => {
                return Err(Error::Definition {
                    source: source.to_owned(),
                    problems,
                })
            }
        };
        let mut given = Vec::new();
        let mut missing = Vec::new();
        for reference in needed {
            match self.value_sets.for_reference(&reference) {
                Ok(file) => given.push((reference, Value::clone(&file.expanded))),
                Err(why) => {
                    let (url, version) = crate::value_sets::split_reference(&reference);
                    let why = why.describe(url, version);
                    for p in &problems {
                        if matches!(&p.kind, ErrorKind::ValueSetNeedsServer { url } if *url == reference)
                        {
                            missing.push(crate::MissingValueSet {
                                pointer: p.pointer.clone(),
                                link_id: p.link_id.clone(),
                                reference: reference.clone(),
                                why: why.clone(),
                            });
                        }
                    }
                }
            }
        }
        if !missing.is_empty() {
            return Err(Error::MissingValueSets {
                source: source.to_owned(),
                missing,
            });
        }
        rapport_core::fhirpath::checked(Questionnaire::from_value_with(&value, &given)).map_err(
            |problems| Error::Definition {
                source: source.to_owned(),
                problems,
            },
        )
    }

    /// The ValueSet files of the definitions directories.
    pub fn value_sets(&self) -> &ValueSets {
        &self.value_sets
    }

    fn add(
        &mut self,
        q: Questionnaire,
        text: &str,
        bundled: Option<&'static str>,
        mut ids: Vec<String>,
        source: String,
    ) -> Result<(), Error> {
        ids.dedup();
        let version = q.version.clone().unwrap_or_else(|| UNVERSIONED.to_owned());
        let q = Arc::new(q);
        // It parsed as a Questionnaire, so it is JSON.
        let json = serde_json::from_str(text).unwrap_or(serde_json::Value::Null);
        for id in ids.iter().cloned() {
            let key = (id, version.clone());
            if let Some((_, first)) = self.by_key.get(&key) {
                return Err(Error::DuplicateDefinition {
                    id: key.0,
                    version: key.1,
                    first: first.clone(),
                    second: source,
                });
            }
            self.by_key.insert(key, (Arc::clone(&q), source.clone()));
        }
        self.all.push(Loaded {
            ids,
            version,
            questionnaire: q,
            json: Arc::new(json),
            bundled,
        });
        self.count += 1;
        Ok(())
    }

    /// The definition an envelope names by `id` (bundled id, `name` or `url`) and `version`.
    pub fn lookup(&self, id: &str, version: &str) -> Option<Questionnaire> {
        self.by_key
            .get(&(id.to_owned(), version.to_owned()))
            .map(|(q, _)| Questionnaire::clone(q))
    }

    /// The loaded definition an envelope names by `id` and `version`, with its JSON.
    pub fn loaded(&self, id: &str, version: &str) -> Option<&Loaded> {
        let (q, _) = self.by_key.get(&(id.to_owned(), version.to_owned()))?;
        self.all.iter().find(|l| Arc::ptr_eq(&l.questionnaire, q))
    }

    /// Every loaded definition, in load order (bundled first).
    pub fn all(&self) -> &[Loaded] {
        &self.all
    }

    /// How many definitions are loaded (a definition known by two ids counts once).
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether no definition is loaded.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

/// The `*.json` files of `dir` (not recursing), in file-name order.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let is_json = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_json && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
