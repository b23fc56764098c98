//! The clinic's ValueSets (issue 19, point 2): JSON files of `--definitions-dir` whose
//! `resourceType` is `ValueSet`, read at start beside the Questionnaires, and served to the
//! widget as a terminology server would at `GET /fhir/ValueSet/$expand?url=…[&valueSetVersion=…]`.
//!
//! Each file needs a `url` (and may have a `version`); one `url|version` in two files stops the
//! start, naming both. A file is either an expansion (`expansion.contains`, as a terminology
//! server's `$expand` returns it) or a `compose` whose includes list their codes
//! (`compose.include.concept`); its `$expand` answer is built once at start: the ValueSet with an
//! `expansion` (`timestamp`, `total`, `contains` with each code's `system`, `code`, `display`,
//! designations and extensions such as `itemWeight` or `ordinalValue`). A file the widget could
//! not read (a compose that includes by filter, from another value set, a whole code system, or
//! excludes codes; no codes at all) stops the start with the core's own message: the receiver
//! serves nothing the widget would refuse, and it reads each answer exactly as the widget does.
//!
//! The receiver fetches nothing from other terminology servers: it verifies answers against the
//! files it has. Stays out of the Questionnaires themselves ([`crate::definitions`]).

use std::path::Path;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use rapport_core::definition::Questionnaire;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::definitions::Definitions;
use crate::Error;

/// The route of the `$expand` operation.
pub const EXPAND_ROUTE: &str = "/fhir/ValueSet/$expand";

/// One ValueSet file.
#[derive(Debug, Clone)]
pub struct ValueSetFile {
    /// Its `url`.
    pub url: String,
    /// Its `version`, if it has one.
    pub version: Option<String>,
    /// The file it was read from.
    pub source: String,
    /// What `$expand` answers: the ValueSet with its `expansion`.
    pub expanded: Arc<Value>,
    /// The expanded JSON text, as served.
    pub body: Arc<[u8]>,
    /// A strong ETag of `body`.
    pub etag: String,
}

/// Why a reference finds no single file.
#[derive(Debug, Clone, PartialEq)]
pub enum NotFound {
    /// No file has this url (with this version, when one is asked for).
    Missing {
        /// The versions the files with this url have (empty: no file has this url).
        versions: Vec<String>,
    },
    /// No version asked for, no unversioned file, and several versions: which one is meant?
    Ambiguous {
        /// The versions there are.
        versions: Vec<String>,
    },
}

impl NotFound {
    /// What is wrong, for an operator.
    pub fn describe(&self, url: &str, version: Option<&str>) -> String {
        let named = match version {
            Some(v) => format!("url \"{url}\" and version \"{v}\""),
            None => format!("url \"{url}\""),
        };
        match self {
            NotFound::Missing { versions } if versions.is_empty() => {
                format!("no ValueSet file has {named}")
            }
            NotFound::Missing { versions } => format!(
                "no ValueSet file has {named} (files with that url have version(s) {})",
                versions.join(", ")
            ),
            NotFound::Ambiguous { versions } => format!(
                "the ValueSet files with {named} have versions {} and none is unversioned: \
                 name the version (\"{url}|{}\")",
                versions.join(", "),
                versions.first().map_or("", String::as_str)
            ),
        }
    }
}

/// The ValueSet files of the definitions directories.
#[derive(Debug, Default)]
pub struct ValueSets {
    files: Vec<ValueSetFile>,
}

/// `reference` (`url` or `url|version`) split.
pub fn split_reference(reference: &str) -> (&str, Option<&str>) {
    match reference.split_once('|') {
        Some((url, version)) => (url, Some(version)),
        None => (reference, None),
    }
}

impl ValueSets {
    /// Every file, in load order.
    pub fn all(&self) -> &[ValueSetFile] {
        &self.files
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The file for `url` and `version`. Without a version: the unversioned file, else the only
    /// version there is.
    pub fn find(&self, url: &str, version: Option<&str>) -> Result<&ValueSetFile, NotFound> {
        let same_url: Vec<&ValueSetFile> = self.files.iter().filter(|f| f.url == url).collect();
        let versions = || -> Vec<String> {
            same_url
                .iter()
                .filter_map(|f| f.version.clone())
                .collect::<Vec<_>>()
        };
        let found = match version {
            Some(v) => same_url.iter().find(|f| f.version.as_deref() == Some(v)),
            None => match same_url.iter().find(|f| f.version.is_none()) {
                Some(f) => Some(f),
                None if same_url.len() > 1 => {
                    return Err(NotFound::Ambiguous {
                        versions: versions(),
                    })
                }
                None => same_url.first(),
            },
        };
        found.copied().ok_or_else(|| NotFound::Missing {
            versions: versions(),
        })
    }

    /// The file an `answerValueSet` reference (`url` or `url|version`) names.
    pub fn for_reference(&self, reference: &str) -> Result<&ValueSetFile, NotFound> {
        let (url, version) = split_reference(reference);
        self.find(url, version)
    }

    /// Adds the ValueSet `value` read from `path`: checked, expanded, and refused if another
    /// file has the same `url|version`. `now` is the expansion's timestamp when the file has
    /// none.
    pub fn add(&mut self, path: &Path, value: Value, now: &str) -> Result<(), Error> {
        let source = path.display().to_string();
        let refuse = |why: String| Error::Config(format!("ValueSet file {source}: {why}"));
        let url = match value.get("url") {
            Some(Value::String(u)) if !u.trim().is_empty() && !u.contains('|') => u.clone(),
            Some(Value::String(u)) if u.contains('|') => {
                return Err(refuse(format!(
                    "\"url\" \"{u}\" holds a '|': put the version in \"version\" instead"
                )))
            }
            _ => {
                return Err(refuse(
                    "it has no \"url\", so no answerValueSet can name it: add the canonical \
                     URL the definitions use"
                        .into(),
                ))
            }
        };
        let version = match value.get("version") {
            None => None,
            Some(Value::String(v)) if !v.is_empty() && !v.contains('|') => Some(v.clone()),
            Some(_) => {
                return Err(refuse(
                    "\"version\" must be a non-empty string without '|'".into(),
                ))
            }
        };
        if let Some(first) = self
            .files
            .iter()
            .find(|f| f.url == url && f.version == version)
        {
            return Err(Error::Config(format!(
                "ValueSet files {} and {source} both have url \"{url}\" and {}; remove one or \
                 give it another version",
                first.source,
                match &version {
                    Some(v) => format!("version \"{v}\""),
                    None => "no version".to_owned(),
                }
            )));
        }
        let expanded = expand(value, now).map_err(refuse)?;
        check_readable(&url, version.as_deref(), &expanded).map_err(refuse)?;
        let body: Arc<[u8]> = serde_json::to_vec(&expanded).unwrap_or_default().into();
        let etag = format!(
            "\"{}\"",
            Sha256::digest(&body)
                .iter()
                .take(16)
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        );
        self.files.push(ValueSetFile {
            url,
            version,
            source,
            expanded: Arc::new(expanded),
            body,
            etag,
        });
        Ok(())
    }
}

/// The ValueSet as `$expand` answers it: an `expansion` already there is kept (its `timestamp`
/// and `total` filled in when missing); otherwise it is built from `compose.include.concept`,
/// each concept with its include's `system` (and `version`). A compose the core could not list
/// is left without an expansion, for [`check_readable`] to refuse with the core's words.
fn expand(mut vs: Value, now: &str) -> Result<Value, String> {
    let Some(obj) = vs.as_object_mut() else {
        return Err("not a JSON object".into());
    };
    if !obj.contains_key("expansion") {
        if let Some(contains) = contains_from_compose(obj.get("compose")) {
            obj.insert("expansion".into(), json!({ "contains": contains }));
        }
    }
    if let Some(Value::Object(expansion)) = obj.get_mut("expansion") {
        if !expansion.contains_key("timestamp") {
            expansion.insert("timestamp".into(), Value::from(now));
        }
        if !expansion.contains_key("total") {
            let total = expansion
                .get("contains")
                .and_then(Value::as_array)
                .map_or(0, |list| count_codes(list));
            expansion.insert("total".into(), Value::from(total));
        }
    }
    Ok(vs)
}

/// `compose.include[].concept[]` as expansion entries, or `None` if the compose is not a plain
/// list of codes (excludes, filters, other value sets, a whole code system).
fn contains_from_compose(compose: Option<&Value>) -> Option<Vec<Value>> {
    let compose = compose?.as_object()?;
    if compose.contains_key("exclude") {
        return None;
    }
    let mut out = Vec::new();
    for include in compose.get("include")?.as_array()? {
        let include = include.as_object()?;
        if include.contains_key("filter") || include.contains_key("valueSet") {
            return None;
        }
        for concept in include.get("concept")?.as_array()? {
            let concept = concept.as_object()?;
            let mut entry = Map::new();
            for field in ["system", "version"] {
                if let Some(v) = include.get(field) {
                    entry.insert(field.into(), v.clone());
                }
            }
            for (k, v) in concept {
                entry.insert(k.clone(), v.clone());
            }
            out.push(Value::Object(entry));
        }
    }
    Some(out)
}

/// Codes in an expansion's `contains`, nested ones included, headings (`abstract`) not.
fn count_codes(list: &[Value]) -> usize {
    list.iter()
        .map(|e| {
            let own = usize::from(
                e.get("code").is_some() && e.get("abstract").and_then(Value::as_bool) != Some(true),
            );
            own + e
                .get("contains")
                .and_then(Value::as_array)
                .map_or(0, |nested| count_codes(nested))
        })
        .sum()
}

/// Whether the widget can read `expanded` as the answers of a choice: a one-item Questionnaire
/// naming it by canonical URL, read by the core exactly as the widget reads one.
fn check_readable(url: &str, version: Option<&str>, expanded: &Value) -> Result<(), String> {
    let reference = match version {
        Some(v) => format!("{url}|{v}"),
        None => url.to_owned(),
    };
    let probe = json!({
        "resourceType": "Questionnaire",
        "status": "active",
        "item": [{ "linkId": "probe", "type": "choice", "text": "probe",
                   "answerValueSet": reference }],
    });
    match Questionnaire::from_value_with(&probe, &[(reference, expanded.clone())]) {
        Ok(_) => Ok(()),
        Err(problems) => Err(problems
            .iter()
            .map(|p| format!("{}; fix: {}", p.kind.what(), p.kind.hint()))
            .collect::<Vec<_>>()
            .join("\n  ")),
    }
}

/// The route: `GET /fhir/ValueSet/$expand`, open to anyone (terminology, not health data).
pub fn routes(definitions: Arc<Definitions>) -> Router {
    Router::new()
        .route(EXPAND_ROUTE, get(expand_route))
        .with_state(definitions)
}

/// A FHIR answer with the headers every one of this route's answers carries.
fn fhir(status: StatusCode, body: impl Into<axum::body::Body>) -> Response {
    let mut resp = (status, body.into()).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/fhir+json; charset=utf-8"),
    );
    crate::web::no_sniff_no_referrer(h);
    resp
}

/// An `OperationOutcome` with one error: its issue `code` and, for the operator, `diagnostics`.
fn outcome(status: StatusCode, code: &str, diagnostics: String) -> Response {
    let body = json!({
        "resourceType": "OperationOutcome",
        "issue": [{ "severity": "error", "code": code, "diagnostics": diagnostics }],
    });
    let mut resp = fhir(status, serde_json::to_vec(&body).unwrap_or_default());
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// `GET /fhir/ValueSet/$expand?url=…[&valueSetVersion=…]` (also `url=<url>|<version>`): the
/// file's ValueSet with its expansion, `Cache-Control: no-cache` and an ETag (a `304` when
/// `If-None-Match` names it), so a page asks again each time and a changed file reaches it at
/// the receiver's next start. 400 without `url`, with another parameter, or two versions that
/// disagree; 404 for a value set no file has; 422 when several versions fit and none is named.
async fn expand_route(
    State(definitions): State<Arc<Definitions>>,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Response {
    let (resp, logged) = answer(&definitions, &params, &headers);
    let mut resp = resp;
    resp.extensions_mut().insert(crate::logging::LogFields {
        value_set: logged.map(|v| crate::api::loggable(&v, 200)),
        ..Default::default()
    });
    resp
}

fn answer(
    definitions: &Definitions,
    params: &[(String, String)],
    headers: &HeaderMap,
) -> (Response, Option<String>) {
    let bad = |why: String| outcome(StatusCode::BAD_REQUEST, "invalid", why);
    let mut url: Option<&str> = None;
    let mut version: Option<&str> = None;
    for (name, value) in params {
        let slot = match name.as_str() {
            "url" => &mut url,
            "valueSetVersion" => &mut version,
            // FHIR's format parameter (the widget sends `_format=json`): JSON is all there is.
            "_format"
                if ["json", "application/json", "application/fhir+json"]
                    .contains(&value.as_str()) =>
            {
                continue
            }
            other => {
                return (
                    bad(format!(
                        "parameter \"{other}\" is not supported here: give url and, \
                         optionally, valueSetVersion"
                    )),
                    None,
                )
            }
        };
        if slot.replace(value.as_str()).is_some() {
            return (bad(format!("parameter \"{name}\" is given twice")), None);
        }
    }
    let Some(url) = url.filter(|u| !u.is_empty()) else {
        return (
            outcome(
                StatusCode::BAD_REQUEST,
                "required",
                "give the value set's canonical URL as the url parameter".into(),
            ),
            None,
        );
    };
    let (url, in_url) = split_reference(url);
    let version = match (in_url, version) {
        (Some(a), Some(b)) if a != b => {
            return (
                bad(format!(
                    "the url names version \"{a}\" and valueSetVersion \"{b}\""
                )),
                Some(url.to_owned()),
            )
        }
        (a, b) => a.or(b).filter(|v| !v.is_empty()),
    };
    let logged = Some(match version {
        Some(v) => format!("{url}|{v}"),
        None => url.to_owned(),
    });
    let file = match definitions.value_sets().find(url, version) {
        Ok(f) => f,
        Err(e @ NotFound::Missing { .. }) => {
            return (
                outcome(StatusCode::NOT_FOUND, "not-found", e.describe(url, version)),
                logged,
            )
        }
        Err(e @ NotFound::Ambiguous { .. }) => {
            return (
                outcome(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "multiple-matches",
                    e.describe(url, version),
                ),
                logged,
            )
        }
    };
    let fresh = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| {
            let t = t.trim();
            t == "*" || t.trim_start_matches("W/") == file.etag
        });
    let mut resp = if fresh {
        fhir(StatusCode::NOT_MODIFIED, axum::body::Body::empty())
    } else {
        fhir(StatusCode::OK, axum::body::Bytes::from(file.body.to_vec()))
    };
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(&file.etag) {
        h.insert(header::ETAG, v);
    }
    (resp, logged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compose_listing_becomes_an_expansion_with_system_and_extensions() {
        let vs = json!({
            "resourceType": "ValueSet", "url": "https://x.example/vs", "status": "active",
            "compose": { "include": [
                { "system": "https://x.example/cs", "version": "3", "concept": [
                    { "code": "a", "display": "A",
                      "designation": [{ "language": "es", "value": "A es" }],
                      "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/itemWeight",
                                      "valueDecimal": 1 }] },
                    { "code": "b", "display": "B" } ] },
                { "system": "https://x.example/other", "concept": [{ "code": "c", "display": "C" }] }
            ] }
        });
        let e = expand(vs, "2026-12-06T00:00:00Z").unwrap();
        let x = &e["expansion"];
        assert_eq!(x["timestamp"], "2026-12-06T00:00:00Z");
        assert_eq!(x["total"], 3);
        assert_eq!(x["contains"][0]["system"], "https://x.example/cs");
        assert_eq!(x["contains"][0]["version"], "3");
        assert_eq!(x["contains"][0]["designation"][0]["value"], "A es");
        assert_eq!(x["contains"][0]["extension"][0]["valueDecimal"], 1);
        assert_eq!(x["contains"][2]["system"], "https://x.example/other");
        assert!(x["contains"][2].get("version").is_none());
        assert!(check_readable("https://x.example/vs", None, &e).is_ok());
    }

    #[test]
    fn a_compose_by_filter_is_not_expanded_and_the_core_says_why() {
        let vs = json!({
            "resourceType": "ValueSet", "url": "https://x.example/vs", "status": "active",
            "compose": { "include": [{ "system": "http://loinc.org",
                "filter": [{ "property": "x", "op": "=", "value": "y" }] }] }
        });
        let e = expand(vs, "2026-12-06T00:00:00Z").unwrap();
        assert!(e.get("expansion").is_none());
        let why = check_readable("https://x.example/vs", None, &e).unwrap_err();
        assert!(why.contains("filter"), "{why}");
    }

    #[test]
    fn totals_count_nested_codes_but_not_headings() {
        let list = json!([
            { "abstract": true, "code": "h", "contains": [{ "code": "a" }, { "code": "b" }] },
            { "code": "c" }
        ]);
        assert_eq!(count_codes(list.as_array().unwrap()), 3);
    }
}
