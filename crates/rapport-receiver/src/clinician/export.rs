//! Exports of stored answers for the clinician (issue 16, point 4):
//!
//! - `GET /clinician/export/{instrument}.csv` (optional `?version=`): one row per response of
//!   the patients the viewer sees, for a spreadsheet (see [`Csv`] for the columns and the rules
//!   of the file);
//! - `GET /clinician/patients/{ref}/bundle.json`: a FHIR R4 `Bundle` of type `collection`
//!   holding every QuestionnaireResponse of one patient (see [`bundle_json`]).
//!
//! Who may see what is the caseload's rule: a patient is the viewer's when the care team of
//! the patient's newest record names the viewer (or the viewer sees the whole clinic). A
//! patient the viewer may not see answers 404 with the same page as one that does not exist.
//! Every export is written to the audit (with the ids of the records it holds) BEFORE it is
//! answered: an export the audit cannot record is not sent.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::net::SocketAddr;

use axum::extract::{Path, Query, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Extensions, StatusCode};
use axum::response::{IntoResponse, Response};
use rapport_core::definition::{Item, ItemKind, Questionnaire};
use serde::Serialize;
use serde_json::{json, Value};

use super::{client_of, meta, Shared, Viewer};
use crate::definitions::Loaded;
use crate::store::{AuditEntry, Record, SubjectLatest};

/// The audit action of a CSV export.
pub const CSV_ACTION: &str = "clinician-export-csv";
/// The audit action of a patient's FHIR Bundle.
pub const BUNDLE_ACTION: &str = "clinician-export-bundle";
/// The media type of FHIR JSON.
pub const FHIR_JSON: &str = "application/fhir+json";

/// The subjects (`system`, `value`) `viewer` sees among `latest`: the care team of each
/// subject's newest record decides, as on the caseload.
pub fn visible_subjects(viewer: &Viewer, latest: &[SubjectLatest]) -> HashSet<(String, String)> {
    newest_care_teams(latest)
        .into_iter()
        .filter(|(_, team)| viewer.sees(team))
        .map(|(who, _)| who)
        .collect()
}

/// Each subject's care team from its newest record.
fn newest_care_teams(latest: &[SubjectLatest]) -> HashMap<(String, String), Vec<String>> {
    let mut newest: HashMap<(String, String), (&str, &[String])> = HashMap::new();
    for r in latest {
        let entry = newest
            .entry((r.system.clone(), r.value.clone()))
            .or_insert((r.received_at.as_str(), &r.care_team));
        if r.received_at.as_str() >= entry.0 {
            *entry = (r.received_at.as_str(), &r.care_team);
        }
    }
    newest
        .into_iter()
        .map(|(who, (_, team))| (who, team.to_vec()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// CSV

/// One cell of the CSV file.
#[derive(Clone, PartialEq)]
pub enum Cell {
    /// Not answered, no value.
    Empty,
    /// A number the receiver writes (ordinal points, a score, a number the patient entered, a
    /// flag's `1`): written as a plain decimal and never neutralised, so `-3` stays a number.
    Number(f64),
    /// Text: ids, codes, labels, dates and what patients wrote. Neutralised (see
    /// [`neutralise`]) and quoted as RFC 4180 asks.
    Text(String),
}

impl std::fmt::Debug for Cell {
    // Cells hold answers: never in logs or panic messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Cell::Empty => "Cell::Empty",
            Cell::Number(_) => "Cell::Number(<redacted>)",
            Cell::Text(_) => "Cell::Text(<redacted>)",
        })
    }
}

/// A number as the CSV writes it: whole numbers without a fraction, others in Rust's shortest
/// round-trip form (never an exponent); not finite (cannot come from JSON): empty.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        String::new()
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Text made safe against CSV (formula) injection: text that starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as text instead of
/// running it as a formula (OWASP, "CSV Injection":
/// <https://owasp.org/www-community/attacks/CSV_Injection>). The rule applies to every
/// [`Cell::Text`] (what patients wrote, codes, labels, ids); numbers the receiver writes itself
/// ([`Cell::Number`]) are left as they are, so a negative score stays a number. A patient's
/// free text `-3` is text and becomes `'-3`.
pub fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// One field as RFC 4180 writes it: quoted (with `""` for `"`) when it holds a comma, a quote,
/// CR or LF.
fn quoted(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// Appends one row (CRLF-terminated).
fn write_row(out: &mut String, cells: &[Cell]) {
    let fields: Vec<String> = cells
        .iter()
        .map(|c| match c {
            Cell::Empty => String::new(),
            Cell::Number(v) => number(*v),
            Cell::Text(t) => quoted(&neutralise(t)),
        })
        .collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// The columns of one questionnaire's CSV export. The fixed ones first: `response_id`,
/// `patient` (the portal's label, else the pseudonymous id), `patient_id` (`system|value`),
/// `received` (RFC 3339), `language`, `instrument_version`; then one column per question
/// (headed by its linkId) with the answer as scored (the chosen option's ordinal points as the
/// definition declares them, before any reversal), or the option's code when it has no points,
/// the number entered, `true`/`false`, or the text written; empty when not answered. Then
/// `score:<id>` per declared score (empty when the missing-item rule left it without a value)
/// and `flag:<id>` per declared flag (`1` when raised, else empty). Several versions of one
/// questionnaire share one file: the columns are those of every version, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Csv {
    /// linkIds of the questions.
    pub items: Vec<String>,
    /// Score ids.
    pub scores: Vec<String>,
    /// Flag ids.
    pub flags: Vec<String>,
}

/// The fixed columns' headers.
pub const FIXED_COLUMNS: [&str; 6] = [
    "response_id",
    "patient",
    "patient_id",
    "received",
    "language",
    "instrument_version",
];

fn push_new(list: &mut Vec<String>, id: &str) {
    if !list.iter().any(|x| x == id) {
        list.push(id.to_owned());
    }
}

impl Csv {
    /// The columns of these definitions (versions of one questionnaire).
    pub fn of(definitions: &[&Questionnaire]) -> Csv {
        let mut c = Csv::default();
        for q in definitions {
            for item in q.items.iter().filter(|i| i.kind.is_question()) {
                push_new(&mut c.items, &item.link_id);
            }
            for s in &q.scores {
                push_new(&mut c.scores, &s.id);
            }
            for f in &q.flags {
                push_new(&mut c.flags, &f.id);
            }
        }
        c
    }

    /// The header row.
    pub fn header(&self) -> Vec<Cell> {
        FIXED_COLUMNS
            .iter()
            .map(|h| (*h).to_owned())
            .chain(self.items.iter().cloned())
            .chain(self.scores.iter().map(|s| format!("score:{s}")))
            .chain(self.flags.iter().map(|f| format!("flag:{f}")))
            .map(Cell::Text)
            .collect()
    }

    /// The row of one record; `q` is the definition its envelope names, if known.
    pub fn row(&self, record: &Record, q: Option<&Questionnaire>) -> Vec<Cell> {
        let env = &record.envelope;
        let text = |v: Option<&str>| v.map_or(Cell::Empty, |s| Cell::Text(s.to_owned()));
        let subject = record.subject.as_ref();
        let mut cells = vec![
            Cell::Text(record.receipt.id.clone()),
            text(subject.map(|s| s.name.as_deref().unwrap_or(&s.value))),
            subject.map_or(Cell::Empty, |s| {
                Cell::Text(format!("{}|{}", s.system, s.value))
            }),
            Cell::Text(record.receipt.received_at.clone()),
            text(env.pointer("/language/tag").and_then(Value::as_str)),
            text(env.pointer("/instrument/version").and_then(Value::as_str)),
        ];
        let mut answers = HashMap::new();
        if let Some(items) = env.pointer("/questionnaireResponse/item") {
            collect_answers(items, &mut answers);
        }
        for link_id in &self.items {
            let item = q.and_then(|q| q.item(link_id));
            let list = answers.get(link_id.as_str()).map_or(&[][..], Vec::as_slice);
            cells.push(answers_cell(item, list));
        }
        let scores = env.get("scores").and_then(Value::as_array);
        for id in &self.scores {
            let value = scores
                .into_iter()
                .flatten()
                .find(|s| s.get("id").and_then(Value::as_str) == Some(id))
                .and_then(|s| s.get("value"))
                .and_then(Value::as_f64);
            cells.push(value.map_or(Cell::Empty, Cell::Number));
        }
        // The flags the receiver stands by (not the envelope's: see docs/payload.md).
        let flags = record.flags.as_array();
        for id in &self.flags {
            let raised = flags
                .into_iter()
                .flatten()
                .any(|f| f.get("id").and_then(Value::as_str) == Some(id));
            cells.push(if raised {
                Cell::Number(1.0)
            } else {
                Cell::Empty
            });
        }
        cells
    }
}

/// The answers of one linkId: (`value[x]` key, value), in the order the response has them.
type Answered<'a> = Vec<(&'a str, &'a Value)>;

/// linkId → every answer of every answered item, at any depth (several for check boxes and for
/// an item inside a repeating group, one per instance).
fn collect_answers<'a>(items: &'a Value, out: &mut HashMap<&'a str, Answered<'a>>) {
    for it in items.as_array().into_iter().flatten() {
        let Some(link_id) = it.get("linkId").and_then(Value::as_str) else {
            continue;
        };
        let answers = it.get("answer").and_then(Value::as_array);
        for answer in answers.into_iter().flatten().filter_map(Value::as_object) {
            if let Some((key, value)) = answer.iter().find(|(k, _)| k.starts_with("value")) {
                out.entry(link_id).or_default().push((key.as_str(), value));
            }
            if let Some(nested) = answer.get("item") {
                collect_answers(nested, out);
            }
        }
        if let Some(children) = it.get("item") {
            collect_answers(children, out);
        }
    }
}

/// The cell of an item's answers: empty, the one answer's cell, or several answers (ticks, or
/// one per instance of a repeating group) each as its own cell would read, in order, in one
/// text cell.
fn answers_cell(item: Option<&Item>, list: &[(&str, &Value)]) -> Cell {
    match list {
        [] => Cell::Empty,
        [(key, v)] => answer_cell(item, key, v),
        several => Cell::Text(
            several
                .iter()
                .map(|(key, v)| match answer_cell(item, key, v) {
                    Cell::Text(t) => t,
                    Cell::Number(n) => number(n),
                    Cell::Empty => String::new(),
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
    }
}

/// One answer's cell: ordinal points for a chosen option that has them, else its code; numbers
/// as numbers; everything else as text.
fn answer_cell(item: Option<&Item>, key: &str, value: &Value) -> Cell {
    match key {
        "valueCoding" => {
            let code = value.get("code").and_then(Value::as_str).unwrap_or("");
            let points = match item.map(|i| &i.kind) {
                Some(ItemKind::Choice { options, .. }) => options
                    .iter()
                    .find(|o| o.code == code)
                    .and_then(|o| o.score),
                _ => None,
            };
            points.map_or_else(|| Cell::Text(code.to_owned()), Cell::Number)
        }
        "valueInteger" | "valueDecimal" => value.as_f64().map_or(Cell::Empty, Cell::Number),
        // The number with its unit, as one cell: answers may come in different units.
        "valueQuantity" => match (
            value.get("value").and_then(Value::as_f64),
            value
                .get("unit")
                .or_else(|| value.get("code"))
                .and_then(Value::as_str),
        ) {
            (Some(v), Some(unit)) => Cell::Text(format!("{v} {unit}")),
            (Some(v), None) => Cell::Number(v),
            _ => Cell::Empty,
        },
        "valueBoolean" => value
            .as_bool()
            .map_or(Cell::Empty, |b| Cell::Text(b.to_string())),
        _ => value
            .as_str()
            .map_or(Cell::Empty, |s| Cell::Text(s.to_owned())),
    }
}

/// The whole file: a UTF-8 byte order mark (so spreadsheets read it as UTF-8), the header row,
/// then one row per record; CRLF line ends.
pub fn csv_file(columns: &Csv, rows: &[Vec<Cell>]) -> String {
    let mut out = String::from("\u{feff}");
    write_row(&mut out, &columns.header());
    for row in rows {
        write_row(&mut out, row);
    }
    out
}

/// A file-name part made of `[A-Za-z0-9._-]` only (others become `_`).
fn file_part(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A path segment with every byte outside `[A-Za-z0-9._~-]` percent-encoded.
fn path_segment(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~' | b'-') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The "Exports" block of the home page.
#[derive(Clone, Debug, Serialize)]
pub struct Links {
    /// The section's heading.
    pub heading: String,
    /// What the files are.
    pub text: String,
    /// (href, link text) per questionnaire.
    pub links: Vec<(String, String)>,
}

/// The home page's export links: one per questionnaire the receiver knows (all its versions in
/// one file), by the id envelopes use for it.
pub fn links(definitions: &crate::Definitions, texts: &super::Texts, lang: &str) -> Links {
    let mut ids: Vec<(&str, &crate::definitions::Loaded)> = Vec::new();
    for l in definitions.all() {
        if let Some(id) = l.ids.first() {
            if !ids.iter().any(|(i, _)| i == id) {
                ids.push((id, l));
            }
        }
    }
    Links {
        heading: texts.get(lang, "exports-heading", &[]),
        text: texts.get(lang, "exports-text", &[]),
        links: ids
            .into_iter()
            .map(|(id, l)| {
                let title = super::meta::DefinitionWords {
                    loaded: Some(l),
                    lang,
                }
                .title(id);
                (
                    format!("/clinician/export/{}.csv", path_segment(id)),
                    texts.get(lang, "exports-csv-link", &[("instrument", &title)]),
                )
            })
            .collect(),
    }
}

async fn audit(
    state: &Shared,
    viewer: &Viewer,
    action: &str,
    route: &str,
    records: Vec<String>,
    client: Option<SocketAddr>,
    outcome: &str,
) -> Result<(), crate::store::StoreError> {
    let entry = AuditEntry {
        at: crate::api::now_rfc3339(),
        actor: format!("clinician:{}", viewer.clinician_id),
        action: action.to_owned(),
        route: route.to_owned(),
        count: records.len(),
        records,
        client: client.map_or_else(|| "-".to_owned(), |c| c.ip().to_string()),
        outcome: outcome.to_owned(),
    };
    state.store.audit(&entry).await
}

fn not_found(state: &Shared, lang: &str) -> Response {
    state.message(
        lang,
        StatusCode::NOT_FOUND,
        "export-not-found-heading",
        "export-not-found-text",
        None,
    )
}

fn storage_failed(state: &Shared, lang: &str, what: &str, e: &dyn std::fmt::Display) -> Response {
    crate::log(format_args!("rapport-receiver: {what}: {e}"));
    state.message(
        lang,
        StatusCode::SERVICE_UNAVAILABLE,
        "storage-heading",
        "storage-text",
        None,
    )
}

/// A download: the body with its type and file name, never cached.
fn download(body: Vec<u8>, content_type: &'static str, file_name: &str) -> Response {
    let mut resp = (StatusCode::OK, body).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    crate::web::no_sniff_no_referrer(h);
    resp
}

/// `GET /clinician/export/{instrument}.csv`: see [`Csv`]. 404 for a questionnaire (or
/// `version`) the receiver does not know.
pub async fn csv(
    State(state): State<Shared>,
    viewer: Viewer,
    extensions: Extensions,
    headers: HeaderMap,
    Path(file): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let lang = state.texts.negotiate(&headers);
    let Some(instrument) = file.strip_suffix(".csv") else {
        return not_found(&state, &lang);
    };
    let version = query.get("version").map(String::as_str);
    let defs: Vec<&Loaded> = state
        .definitions
        .all()
        .iter()
        .filter(|l| l.ids.iter().any(|id| id == instrument))
        .filter(|l| version.is_none_or(|v| l.version == v))
        .collect();
    if defs.is_empty() {
        return not_found(&state, &lang);
    }
    let mut ids: Vec<&str> = Vec::new();
    for l in &defs {
        for id in &l.ids {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
    }
    let mut records: Vec<(i64, Record)> = Vec::new();
    for id in ids {
        match state.store.export_instrument_records(id).await {
            Ok(mut r) => records.append(&mut r),
            Err(e) => return storage_failed(&state, &lang, "CSV export not read", &e),
        }
    }
    records.sort_by_key(|(seq, _)| *seq);
    records.dedup_by_key(|(seq, _)| *seq);
    let latest = match state.store.latest_by_subject().await {
        Ok(l) => l,
        Err(e) => return storage_failed(&state, &lang, "CSV export not read", &e),
    };
    let visible = visible_subjects(&viewer, &latest);
    let records: Vec<Record> = records
        .into_iter()
        .map(|(_, r)| r)
        .filter(|r| {
            r.subject
                .as_ref()
                .is_some_and(|s| visible.contains(&(s.system.clone(), s.value.clone())))
        })
        .filter(|r| {
            version.is_none_or(|v| {
                r.envelope
                    .pointer("/instrument/version")
                    .and_then(Value::as_str)
                    == Some(v)
            })
        })
        .collect();
    let questionnaires: Vec<&Questionnaire> = defs.iter().map(|l| &*l.questionnaire).collect();
    let columns = Csv::of(&questionnaires);
    let rows: Vec<Vec<Cell>> = records
        .iter()
        .map(|r| {
            let named = |p: &str| r.envelope.pointer(p).and_then(Value::as_str);
            let q = match (named("/instrument/id"), named("/instrument/version")) {
                (Some(id), Some(v)) => state.definitions.loaded(id, v),
                _ => None,
            };
            columns.row(r, q.map(|l| &*l.questionnaire))
        })
        .collect();
    let body = csv_file(&columns, &rows);
    let route = format!("GET /clinician/export/{}", path_segment(&file));
    let ids = records.iter().map(|r| r.receipt.id.clone()).collect();
    if let Err(e) = audit(
        &state,
        &viewer,
        CSV_ACTION,
        &route,
        ids,
        client_of(&extensions),
        "ok",
    )
    .await
    {
        return storage_failed(&state, &lang, "audit of a CSV export not written", &e);
    }
    let day: String = crate::api::now_rfc3339().chars().take(10).collect();
    let name = match version {
        Some(v) => format!("{}-{}-{day}.csv", file_part(instrument), file_part(v)),
        None => format!("{}-{day}.csv", file_part(instrument)),
    };
    download(
        body.into_bytes(),
        "text/csv; charset=utf-8; header=present",
        &name,
    )
}

// ---------------------------------------------------------------------------------------------
// FHIR Bundle

/// A FHIR R4 `Bundle` of type `collection` (a set of resources kept together, not the answer to
/// a search: no `total`, no search modes) with its `timestamp` (RFC 3339), holding the
/// QuestionnaireResponse of each record as its envelope carries it, each entry with
/// `fullUrl` `urn:uuid:<record id>`. A response without `subject` (sent before the portal
/// gave subject tokens) gets the record's subject as a logical reference by identifier, as
/// `/2` envelopes carry it.
pub fn bundle_json(records: &[Record], timestamp: &str) -> Value {
    let entries: Vec<Value> = records
        .iter()
        .filter_map(|r| {
            let mut qr = r.envelope.get("questionnaireResponse")?.clone();
            if let (Some(obj), Some(s)) = (qr.as_object_mut(), r.subject.as_ref()) {
                obj.entry("subject").or_insert_with(
                    || json!({"identifier": {"system": s.system, "value": s.value}}),
                );
            }
            Some(json!({
                "fullUrl": format!("urn:uuid:{}", r.receipt.id),
                "resource": qr,
            }))
        })
        .collect();
    json!({
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timestamp,
        "entry": entries,
    })
}

/// `GET /clinician/patients/{ref}/bundle.json`: see [`bundle_json`]. 404 (the same page) for a
/// reference no patient has and for a patient the viewer may not see.
pub async fn bundle(
    State(state): State<Shared>,
    viewer: Viewer,
    extensions: Extensions,
    headers: HeaderMap,
    Path(reference): Path<String>,
) -> Response {
    let lang = state.texts.negotiate(&headers);
    let latest = match state.store.latest_by_subject().await {
        Ok(l) => l,
        Err(e) => return storage_failed(&state, &lang, "FHIR Bundle export not read", &e),
    };
    let route = format!(
        "GET /clinician/patients/{}/bundle.json",
        path_segment(&reference)
    );
    let client = client_of(&extensions);
    let found = newest_care_teams(&latest)
        .into_iter()
        .find(|((system, value), _)| meta::patient_ref(system, value) == reference);
    let Some(((system, value), team)) = found else {
        return not_found(&state, &lang);
    };
    if !viewer.sees(&team) {
        // Someone else's patient: recorded, and answered like one that does not exist.
        if let Err(e) = audit(
            &state,
            &viewer,
            BUNDLE_ACTION,
            &route,
            Vec::new(),
            client,
            "refused 404",
        )
        .await
        {
            crate::log(format_args!(
                "rapport-receiver: audit of a refused FHIR Bundle export not written: {e}"
            ));
        }
        return not_found(&state, &lang);
    }
    let records = match state.store.export_subject_records(&system, &value).await {
        Ok(r) => r,
        Err(e) => return storage_failed(&state, &lang, "FHIR Bundle export not read", &e),
    };
    let bundle = bundle_json(&records, &crate::api::now_rfc3339());
    let ids = records.iter().map(|r| r.receipt.id.clone()).collect();
    if let Err(e) = audit(&state, &viewer, BUNDLE_ACTION, &route, ids, client, "ok").await {
        return storage_failed(
            &state,
            &lang,
            "audit of a FHIR Bundle export not written",
            &e,
        );
    }
    let body = serde_json::to_vec_pretty(&bundle).unwrap_or_default();
    download(
        body,
        "application/fhir+json; charset=utf-8",
        &format!("patient-{}.bundle.json", file_part(&reference)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_in_text_are_neutralised_numbers_are_not() {
        for t in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(t), format!("'{t}"));
        }
        assert_eq!(neutralise("a=1"), "a=1");
        assert_eq!(neutralise(""), "");
        let mut out = String::new();
        write_row(
            &mut out,
            &[
                Cell::Number(-3.0),
                Cell::Text("-3".into()),
                Cell::Text("=HYPERLINK(\"http://x\",\"y\")".into()),
                Cell::Empty,
                Cell::Number(2.5),
            ],
        );
        assert_eq!(
            out,
            "-3,'-3,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,2.5\r\n"
        );
    }

    #[test]
    fn fields_are_quoted_as_rfc_4180_asks() {
        assert_eq!(quoted("plain"), "plain");
        assert_eq!(quoted("a,b"), "\"a,b\"");
        assert_eq!(quoted("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quoted("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(number(12.0), "12");
        assert_eq!(number(-0.5), "-0.5");
        assert_eq!(number(1e-7), "0.0000001");
        assert_eq!(number(f64::NAN), "");
    }

    #[test]
    fn every_answer_of_an_item_is_in_its_cell() {
        // Two instances of a repeating group, one with a question nested in its answer.
        let items = serde_json::json!([
            {"linkId": "meds", "item": [{"linkId": "name", "answer": [{"valueString": "Sertraline"}]},
                                        {"linkId": "mg", "answer": [{"valueInteger": 50}]}]},
            {"linkId": "meds", "item": [{"linkId": "name", "answer": [{"valueString": "Melatonin"}]},
                                        {"linkId": "mg", "answer": [{"valueInteger": 3,
                                            "item": [{"linkId": "why", "answer": [{"valueString": "sleep"}]}]}]}]}
        ]);
        let mut answers = HashMap::new();
        collect_answers(&items, &mut answers);
        let cell = |id: &str| answers_cell(None, answers.get(id).map_or(&[][..], Vec::as_slice));
        assert_eq!(cell("name"), Cell::Text("Sertraline; Melatonin".into()));
        assert_eq!(cell("mg"), Cell::Text("50; 3".into()));
        assert_eq!(cell("why"), Cell::Text("sleep".into()));
        assert_eq!(cell("meds"), Cell::Empty);
    }

    #[test]
    fn names_and_segments_are_safe() {
        assert_eq!(file_part("https://x.example/Q a"), "https___x.example_Q_a");
        assert_eq!(path_segment("session-checkin"), "session-checkin");
        assert_eq!(path_segment("https://x/Q"), "https%3A%2F%2Fx%2FQ");
    }

    #[test]
    fn the_newest_care_team_decides() {
        let row = |value: &str, team: &[&str], at: &str| SubjectLatest {
            system: "s".into(),
            value: value.into(),
            name: None,
            care_team: team.iter().map(|t| (*t).to_owned()).collect(),
            instrument_id: None,
            scores: Value::Null,
            flags: Value::Null,
            received_at: at.into(),
        };
        let latest = [
            row("moved", &["c1"], "2026-01-01"),
            row("moved", &["c2"], "2026-01-02"),
            row("joined", &["c2"], "2026-01-01"),
            row("joined", &["c1"], "2026-01-03"),
        ];
        let v = Viewer {
            clinician_id: "c1".into(),
            name: String::new(),
            whole_clinic: false,
            csrf: String::new(),
        };
        let seen = visible_subjects(&v, &latest);
        assert_eq!(seen.len(), 1);
        assert!(seen.contains(&("s".to_owned(), "joined".to_owned())));
    }
}
