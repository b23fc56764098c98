//! The questionnaire definitions the receiver checks envelopes against: the bundled instruments
//! of [`rapport_core::bundled`] (by bundled id and by url), plus the clinic's FHIR Questionnaire
//! JSON files of `--definitions-dir` (by `name` and by `url`), each with its `version`.
//!
//! Loaded once at start; a definition with problems, or two definitions answering to the same
//! (id, version), stop the receiver with a message rather than refuse patients' answers later.
//! Stays out of HTTP and storage.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rapport_core::bundled;
use rapport_core::definition::Questionnaire;

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
            let q = Questionnaire::from_json(b.json).map_err(|problems| Error::Definition {
                source: source.clone(),
                problems,
            })?;
            let mut ids = vec![b.id.to_owned()];
            ids.extend(q.url.clone());
            defs.add(q, b.json, Some(b.id), ids, source)?;
        }
        Ok(defs)
    }

    /// Adds every `*.json` file of `dir` (not recursing), in file-name order.
    pub fn load_dir(&mut self, dir: &Path) -> Result<(), Error> {
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
        for path in files {
            self.load_file(&path)?;
        }
        Ok(())
    }

    /// Adds one clinic definition file, known by its `name` and its `url`.
    pub fn load_file(&mut self, path: &Path) -> Result<(), Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let source = path.display().to_string();
        let q = Questionnaire::from_json(&text).map_err(|problems| Error::Definition {
            source: source.clone(),
            problems,
        })?;
        let ids: Vec<String> = q.name.iter().chain(q.url.iter()).cloned().collect();
        if ids.is_empty() {
            return Err(Error::Config(format!(
                "definition {source} has neither \"name\" nor \"url\", so no envelope can name it; add one"
            )));
        }
        self.add(q, &text, None, ids, source)
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
