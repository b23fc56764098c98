//! The page of one patient over time (issue 16, point 3): `GET /clinician/patients/{ref}`.
//! Per questionnaire the patient answered: a chart of each score over the sessions (the main
//! score large, its sub-scores small beside it) on the score's range with the definition's
//! thresholds, the same numbers as a table, and the answers item by item with each item's
//! trend, in the clinician's language, with the language the patient answered in and its
//! translation status.
//!
//! Who may look is decided by the care team of the subject's newest record, as on the caseload;
//! a patient the viewer may not see answers the same 404 as one that does not exist. Reading
//! the records is audited (`clinician-read`, with their ids) before anything is shown; when the
//! audit cannot be written, nothing is shown. A 404 is audited too (`not-found`, no record), the
//! same whether the patient is missing or someone else's.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::{Extensions, HeaderMap, StatusCode};
use axum::response::Response;
use rapport_core::answers::AnswerValue;
use rapport_core::definition::instances::link_id_of;
use rapport_core::definition::{Item, ItemKind, Questionnaire};
use serde::Serialize;
use serde_json::Value;

use super::chart::{self, number};
use super::meta::DefinitionWords;
use super::{client_of, instrument_words, meta, Page, Shared, Viewer};
use crate::definitions::Loaded;
use crate::store::{AuditEntry, SubjectRecord};

pub use super::Tr;

/// The page's variables.
#[derive(Clone, Debug, Serialize)]
pub struct View {
    /// Fixed words, in the viewer's language.
    pub words: BTreeMap<&'static str, String>,
    /// One section per questionnaire, in the order first answered.
    pub instruments: Vec<Instrument>,
    /// The patient's FHIR Bundle (`export.rs`), set by the page.
    pub bundle: String,
}

/// One questionnaire the patient answered.
#[derive(Clone, Debug, Serialize)]
pub struct Instrument {
    /// A prefix for element ids (`i0`, `i1`, …).
    pub key: String,
    /// The questionnaire's title.
    pub title: String,
    /// The sessions, oldest first.
    pub sessions: Vec<Session>,
    /// The main score first, then its sub-scores.
    pub scores: Vec<ScoreView>,
    /// The answers, item by item; empty when the definition is not known.
    pub items: Vec<ItemRow>,
    /// Some session raised a flag on a score (the page then explains the diamond).
    pub flagged: bool,
}

/// One session (one stored record).
#[derive(Clone, Debug, Serialize)]
pub struct Session {
    /// The day it arrived (`YYYY-MM-DD`, UTC).
    pub date: String,
    /// The language the patient answered in, and its translation status.
    pub language: String,
}

/// One score over the sessions.
#[derive(Clone, Debug, Serialize)]
pub struct ScoreView {
    /// The element id of its heading.
    pub key: String,
    /// Its name.
    pub name: String,
    /// The main score (drawn large).
    pub main: bool,
    /// The chart.
    pub chart: chart::Chart,
    /// The chart's text alternative.
    pub summary: String,
    /// The definition's thresholds on it, as sentences.
    pub thresholds: Vec<String>,
    /// The same numbers as the chart: one row per session.
    pub rows: Vec<ScoreRow>,
}

/// One session of a score.
#[derive(Clone, Debug, Serialize)]
pub struct ScoreRow {
    /// The day.
    pub date: String,
    /// The value, or the "not scored" word.
    pub value: String,
    /// The flags the session raised on this score (ids), comma separated; empty for none.
    pub flags: String,
}

/// One item across the sessions.
#[derive(Clone, Debug, Serialize)]
pub struct ItemRow {
    /// The question, in the viewer's language.
    pub text: String,
    /// The answer of each session.
    pub cells: Vec<Cell>,
    /// The item is reverse-scored: its points run against the options' order.
    pub reversed: bool,
    /// Last minus first, as an arrow and in words, when at least two answers score.
    pub trend: Option<Trend>,
}

/// One answer in the item table.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Cell {
    /// The points as scored, or the answer itself (an option's text, a number, free text);
    /// empty when not answered.
    pub value: String,
    /// For a scored option, the option's text beside its points.
    pub option: Option<String>,
}

/// An item's change from its first to its last scored answer.
#[derive(Clone, Debug, Serialize)]
pub struct Trend {
    /// `↑`, `↓` or `→` (hidden from screen readers; [`Trend::text`] says it).
    pub arrow: &'static str,
    /// The change in words.
    pub text: String,
}

/// Whether `text` has the form of [`meta::patient_ref`]'s references.
fn is_ref(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The subject the viewer asked for, if it exists and the viewer may see it.
async fn find_subject(
    state: &Shared,
    viewer: &Viewer,
    reference: &str,
) -> Result<Option<(String, String, String)>, crate::store::StoreError> {
    if !is_ref(reference) {
        return Ok(None);
    }
    // The newest record of the subject decides the care team (and the label), as on the
    // caseload. This reads no envelope.
    let latest = state.store.latest_by_subject().await?;
    let newest = latest
        .iter()
        .filter(|r| meta::patient_ref(&r.system, &r.value) == reference)
        .max_by(|a, b| a.received_at.cmp(&b.received_at));
    Ok(newest.filter(|r| viewer.sees(&r.care_team)).map(|r| {
        (
            r.system.clone(),
            r.value.clone(),
            r.name.clone().unwrap_or_else(|| r.value.clone()),
        )
    }))
}

/// `GET /clinician/patients/{ref}`.
pub async fn page(
    State(state): State<Shared>,
    viewer: Viewer,
    Path(reference): Path<String>,
    extensions: Extensions,
    headers: HeaderMap,
) -> Response {
    let lang = state.texts.negotiate(&headers);
    let unavailable = |what: &str, e: &dyn std::fmt::Display| {
        crate::log(format_args!("rapport-receiver: {what}: {e}"));
        state.message(
            &lang,
            StatusCode::SERVICE_UNAVAILABLE,
            "storage-heading",
            "storage-text",
            None,
        )
    };
    let subject = match find_subject(&state, &viewer, &reference).await {
        Ok(s) => s,
        Err(e) => return unavailable("patient not read", &e),
    };
    let route = if is_ref(&reference) {
        format!("GET /clinician/patients/{reference}")
    } else {
        "GET /clinician/patients/{ref}".to_owned()
    };
    let audit_entry = |records: Vec<String>, outcome: &str| AuditEntry {
        at: crate::api::now_rfc3339(),
        actor: format!("clinician:{}", viewer.clinician_id),
        action: "clinician-read".to_owned(),
        route: route.clone(),
        count: records.len(),
        records,
        client: client_of(&extensions).map_or_else(|| "-".to_owned(), |c| c.ip().to_string()),
        outcome: outcome.to_owned(),
    };
    let Some((system, value, label)) = subject else {
        // A signed-in clinician asking for a patient they may not see (or none): in the audit
        // as `not-found`, the same for both, as the page is.
        if let Err(e) = state
            .store
            .audit(&audit_entry(Vec::new(), "not-found"))
            .await
        {
            crate::log(format_args!(
                "rapport-receiver: audit of clinician-read not written: {e}"
            ));
        }
        return state.message(
            &lang,
            StatusCode::NOT_FOUND,
            "patient-not-found-heading",
            "patient-not-found-text",
            None,
        );
    };
    let records = match state.store.subject_records(&system, &value).await {
        Ok(r) => r,
        Err(e) => return unavailable("patient's records not read", &e),
    };
    let entry = audit_entry(records.iter().map(|r| r.id.clone()).collect(), "ok");
    if let Err(e) = state.store.audit(&entry).await {
        return unavailable("audit of clinician-read not written, nothing shown", &e);
    }
    let t = |id: &str, args: &[(&str, &str)]| state.texts.get(&lang, id, args);
    let mut view = build(&records, &state.definitions, &lang, &t);
    view.bundle = format!("/clinician/patients/{reference}/bundle.json");
    let page = Page {
        heading: label,
        link: Some(("/clinician/".to_owned(), t("patient-back-link", &[]))),
        signed_in: Some(super::SignedInPage {
            csrf: viewer.csrf,
            sign_out: t("sign-out-button", &[]),
        }),
        patient: Some(view),
        ..Page::default()
    };
    state.page(&lang, "patient.html", StatusCode::OK, page)
}

/// Unix seconds of an RFC 3339 time (0 when it does not parse).
fn unix(at: &str) -> i64 {
    time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339)
        .map_or(0, |t| t.unix_timestamp())
}

fn day(at: &str) -> String {
    at.chars().take(10).collect()
}

/// The definition a record was answered with, if the receiver knows it.
fn loaded_of<'d>(definitions: &'d crate::Definitions, r: &SubjectRecord) -> Option<&'d Loaded> {
    definitions.loaded(
        r.instrument_id.as_deref().unwrap_or_default(),
        r.instrument_version.as_deref().unwrap_or_default(),
    )
}

/// The scores of a record by id (values only; null for a score without a value).
fn score_values(record: &SubjectRecord) -> BTreeMap<String, Option<f64>> {
    rapport_core::scoring::Score::list_from_json(&record.scores)
        .into_iter()
        .map(|s| (s.id, s.value))
        .collect()
}

/// The ids of the flags a record raised on `score`.
fn flags_on(record: &SubjectRecord, score: &str) -> Vec<String> {
    record
        .flags
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f.get("score").and_then(Value::as_str) == Some(score))
        .filter_map(|f| f.get("id").and_then(Value::as_str).map(str::to_owned))
        .collect()
}

/// The page of `records` (one subject's, oldest first) in `lang`; `t` gives the words.
pub fn build(
    records: &[SubjectRecord],
    definitions: &crate::Definitions,
    lang: &str,
    t: Tr<'_>,
) -> View {
    // Group by instrument, in the order first answered.
    let mut order: Vec<String> = Vec::new();
    let mut groups: BTreeMap<String, Vec<&SubjectRecord>> = BTreeMap::new();
    for r in records {
        let id = r.instrument_id.clone().unwrap_or_default();
        if !groups.contains_key(&id) {
            order.push(id.clone());
        }
        groups.entry(id).or_default().push(r);
    }
    let instruments = order
        .iter()
        .enumerate()
        .map(|(n, id)| instrument(n, id, &groups[id], definitions, lang, t))
        .collect();
    let words = [
        ("scores", "patient-scores-heading"),
        ("items", "patient-items-heading"),
        ("date", "patient-date"),
        ("value", "patient-value"),
        ("flags", "patient-flags"),
        ("item", "patient-item"),
        ("trend", "patient-trend"),
        ("language", "patient-language"),
        ("numbers", "patient-numbers"),
        ("flag_key", "patient-flag-key"),
        ("none", "patient-none"),
        ("reversed", "patient-reversed"),
        ("empty", "patient-empty"),
        ("bundle", "patient-bundle-link"),
    ]
    .into_iter()
    .map(|(k, id)| (k, t(id, &[])))
    .collect();
    View {
        words,
        instruments,
        bundle: String::new(),
    }
}

fn instrument(
    n: usize,
    id: &str,
    records: &[&SubjectRecord],
    definitions: &crate::Definitions,
    lang: &str,
    t: Tr<'_>,
) -> Instrument {
    let newest = records.last().copied();
    let loaded_of = |r: &SubjectRecord| loaded_of(definitions, r);
    // The newest record's definition names the scores and items; older versions' answers are
    // read with their own.
    let loaded = newest.and_then(&loaded_of);
    let words = DefinitionWords { loaded, lang };
    let sessions = records
        .iter()
        .map(|r| {
            let tag = r.language.clone().unwrap_or_default();
            let status = match loaded_of(r).and_then(|l| l.bundled) {
                Some(b) => instrument_words::status(b, &tag),
                None => None,
            }
            .or_else(|| {
                r.envelope
                    .pointer("/language/translationStatus")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            });
            let status = match status.as_deref() {
                Some(s @ ("source" | "reviewed" | "draft" | "definition")) => {
                    t(&format!("patient-status-{s}"), &[])
                }
                Some(other) => other.to_owned(),
                None => t("patient-status-unknown", &[]),
            };
            Session {
                date: day(&r.received_at),
                language: t(
                    "patient-language-status",
                    &[("language", &tag), ("status", &status)],
                ),
            }
        })
        .collect();
    let values: Vec<BTreeMap<String, Option<f64>>> =
        records.iter().map(|r| score_values(r)).collect();
    // The scores: the definition's, main first; else whatever the records carry.
    let mut score_ids: Vec<String> = match loaded {
        Some(l) => {
            let q = &l.questionnaire;
            let main = meta::main_score(q).map(|s| s.id.clone());
            main.iter()
                .cloned()
                .chain(
                    q.scores
                        .iter()
                        .map(|s| s.id.clone())
                        .filter(|s| Some(s) != main.as_ref()),
                )
                .collect()
        }
        None => Vec::new(),
    };
    for v in &values {
        for id in v.keys() {
            if !score_ids.contains(id) {
                score_ids.push(id.clone());
            }
        }
    }
    let scores: Vec<ScoreView> = score_ids
        .iter()
        .enumerate()
        .map(|(k, score)| {
            score_view(
                &format!("i{n}-s{k}"),
                k == 0,
                score,
                records,
                &values,
                loaded.map(|l| l.questionnaire.as_ref()),
                &words,
                t,
            )
        })
        .collect();
    let items = match loaded {
        Some(l) => item_rows(&l.questionnaire, records, definitions, &words, t),
        None => Vec::new(),
    };
    let flagged = scores
        .iter()
        .any(|s: &ScoreView| s.chart.marks.iter().any(|m| m.flagged));
    Instrument {
        flagged,
        key: format!("i{n}"),
        title: words.title(id),
        sessions,
        scores,
        items,
    }
}

#[allow(clippy::too_many_arguments)]
fn score_view(
    key: &str,
    main: bool,
    score: &str,
    records: &[&SubjectRecord],
    values: &[BTreeMap<String, Option<f64>>],
    q: Option<&Questionnaire>,
    words: &DefinitionWords<'_>,
    t: Tr<'_>,
) -> ScoreView {
    let mut points = Vec::new();
    let mut rows = Vec::new();
    let mut dated = Vec::new();
    for (r, v) in records.iter().zip(values) {
        let flags = flags_on(r, score);
        let value = v.get(score).copied().flatten();
        if let Some(value) = value {
            points.push(chart::Point {
                at: unix(&r.received_at),
                value,
                flagged: !flags.is_empty(),
            });
            dated.push((day(&r.received_at), value));
        }
        rows.push(ScoreRow {
            date: day(&r.received_at),
            value: value.map_or_else(|| t("patient-not-scored", &[]), number),
            flags: flags.join(", "),
        });
    }
    let rule = q.and_then(|q| q.scores.iter().find(|s| s.id == score));
    let observed = || {
        let lo = dated.iter().map(|d| d.1).fold(f64::INFINITY, f64::min);
        let hi = dated.iter().map(|d| d.1).fold(f64::NEG_INFINITY, f64::max);
        if lo.is_finite() {
            (lo, hi)
        } else {
            (0.0, 1.0)
        }
    };
    let scale = q
        .zip(rule)
        .and_then(|(q, rule)| meta::score_range(q, rule))
        .unwrap_or_else(observed);
    let thresholds = q
        .map(|q| meta::score_thresholds(q, score))
        .unwrap_or_default();
    let name = words.score(score);
    let first = dated.first().cloned().unwrap_or_default();
    let last = dated.last().cloned().unwrap_or_default();
    let chart = chart::plot(
        &points,
        scale,
        &thresholds.iter().map(|th| th.value).collect::<Vec<_>>(),
        (&first.0, &last.0),
        if main { chart::LARGE } else { chart::SMALL },
    );
    let count = dated.len().to_string();
    let summary = if dated.is_empty() {
        t("patient-chart-empty", &[("score", &name)])
    } else {
        t(
            "patient-chart-summary",
            &[
                ("score", &name),
                ("count", &count),
                ("first", &number(first.1)),
                ("first-date", &first.0),
                ("last", &number(last.1)),
                ("last-date", &last.0),
                ("low", &number(scale.0)),
                ("high", &number(scale.1)),
            ],
        )
    };
    let thresholds = thresholds
        .iter()
        .map(|th| {
            t(
                if th.inclusive {
                    "patient-threshold-at-or-below"
                } else {
                    "patient-threshold-below"
                },
                &[("flag", &th.flag), ("value", &number(th.value))],
            )
        })
        .collect();
    ScoreView {
        key: key.to_owned(),
        name,
        main,
        chart,
        summary,
        thresholds,
        rows,
    }
}

fn item_rows(
    q: &Questionnaire,
    records: &[&SubjectRecord],
    definitions: &crate::Definitions,
    words: &DefinitionWords<'_>,
    t: Tr<'_>,
) -> Vec<ItemRow> {
    // Each record's answers, read with its own definition (an unreadable one: no answers).
    #[allow(clippy::type_complexity)]
    let answers: Vec<Option<(&Loaded, rapport_core::answers::Answers, &Value)>> = records
        .iter()
        .map(|r| {
            let l = loaded_of(definitions, r)?;
            let qr = r.envelope.get("questionnaireResponse")?;
            let a = rapport_core::response::answers_from(&l.questionnaire, qr).ok()?;
            Some((l, a, qr))
        })
        .collect();
    q.items
        .iter()
        .filter(|i| i.kind.is_question())
        .map(|item| {
            let mut scored = Vec::new();
            let cells = answers
                .iter()
                .map(|a| {
                    let Some((l, a, qr)) = a else {
                        return Cell::default();
                    };
                    let listed = Some(Listed {
                        loaded: l,
                        answers: a,
                        response: qr,
                    });
                    let Some(own) = l.questionnaire.item(&item.link_id) else {
                        return Cell::default();
                    };
                    let own_words = DefinitionWords {
                        loaded: Some(l),
                        lang: words.lang,
                    };
                    // Inside a repeating group: one answer per instance, in order, side by side
                    // (never scored: a score may not count such an item).
                    let mut all: Vec<(&str, &AnswerValue)> = a
                        .iter()
                        .filter(|(k, _)| link_id_of(k) == item.link_id)
                        .collect();
                    all.sort_by_key(|(k, _)| (k.len(), *k));
                    let answer = match all.as_slice() {
                        [] => return Cell::default(),
                        [(_, one)] => *one,
                        several => {
                            let shown: Vec<String> = several
                                .iter()
                                .map(|(_, v)| cell(own, v, &own_words, listed, t))
                                .collect();
                            return Cell {
                                value: shown.join("; "),
                                option: None,
                            };
                        }
                    };
                    if let Some(points) = meta::item_points(own, answer) {
                        scored.push(points);
                        let option = matches!(own.kind, ItemKind::Choice { .. })
                            .then(|| cell(own, answer, &own_words, listed, t));
                        return Cell {
                            value: number(points),
                            option,
                        };
                    }
                    Cell {
                        value: cell(own, answer, &own_words, listed, t),
                        option: None,
                    }
                })
                .collect();
            let trend = match (scored.first(), scored.last()) {
                (Some(first), Some(last)) if scored.len() >= 2 => {
                    let by = last - first;
                    let size = number(by.abs());
                    Some(if by > 0.0 {
                        Trend {
                            arrow: "\u{2191}",
                            text: t("patient-trend-up", &[("by", &size)]),
                        }
                    } else if by < 0.0 {
                        Trend {
                            arrow: "\u{2193}",
                            text: t("patient-trend-down", &[("by", &size)]),
                        }
                    } else {
                        Trend {
                            arrow: "\u{2192}",
                            text: t("patient-trend-same", &[]),
                        }
                    })
                }
                _ => None,
            };
            ItemRow {
                text: words.item(item),
                cells,
                reversed: item.reverse_scored,
                trend,
            }
        })
        .collect()
}

/// What a record needs to show the answers to a choice whose options an `answerExpression`
/// lists: its definition, its answers and the response they came in.
#[derive(Clone, Copy)]
struct Listed<'a> {
    loaded: &'a Loaded,
    answers: &'a rapport_core::answers::Answers,
    response: &'a Value,
}

impl Listed<'_> {
    /// The words of the listed option with `code` that the patient picked for `item`, worked
    /// out again from the answers, as the widget listed them (what the response says is not
    /// taken on trust), in the viewer's language; `None` when the list no longer holds it.
    fn words(&self, item: &Item, code: &str, words: &DefinitionWords<'_>) -> Option<String> {
        let q = &self.loaded.questionnaire;
        let program = rapport_core::fhirpath::Program::compile(q).ok()??;
        let authored = self
            .response
            .get("authored")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let clock = rapport_core::fhirpath::Clock {
            today: authored.get(..10).unwrap_or_default(),
            now: authored,
        };
        program
            .options(q, self.answers, &item.link_id, clock)
            .into_iter()
            .find(|o| o.code == code)
            .map(|o| words.option(&o))
    }
}

/// An answer that does not score, as the clinician reads it (`listed`: its record, for the
/// options an `answerExpression` lists).
fn cell(
    item: &Item,
    answer: &AnswerValue,
    words: &DefinitionWords<'_>,
    listed: Option<Listed<'_>>,
    t: Tr<'_>,
) -> String {
    match (answer, &item.kind) {
        // Listed by an `answerExpression` (no options in the definition): the option's words,
        // worked out again from the answers, else the code.
        (AnswerValue::Coding { code, .. }, ItemKind::Choice { options, .. })
            if options.is_empty() =>
        {
            listed
                .and_then(|l| l.words(item, code, words))
                .unwrap_or_else(|| code.clone())
        }
        (AnswerValue::Coding { code, .. }, ItemKind::Choice { options, .. }) => options
            .iter()
            .find(|o| &o.code == code)
            .map_or_else(|| code.clone(), |o| words.option(o)),
        (AnswerValue::Coding { code, .. }, _) => code.clone(),
        (AnswerValue::Boolean(b), _) => t(if *b { "patient-yes" } else { "patient-no" }, &[]),
        // With the unit the patient typed it in (`questionnaire-unit`): "128.5 mm[Hg]".
        (AnswerValue::Integer(_) | AnswerValue::Decimal(_), _) => {
            let n = match answer {
                AnswerValue::Integer(i) => i.to_string(),
                _ => number(answer.as_number().unwrap_or_default()),
            };
            match words.unit(item) {
                Some(unit) => format!("{n} {unit}"),
                None => n,
            }
        }
        // As FHIR writes them (ISO 8601, a dateTime with the patient's UTC offset): one form
        // that reads the same in every language and sorts by time.
        (
            AnswerValue::String(s)
            | AnswerValue::Date(s)
            | AnswerValue::DateTime(s)
            | AnswerValue::Time(s),
            _,
        ) => s.clone(),
        // The number and its unit's words in the clinician's language.
        (AnswerValue::Quantity { value, code, .. }, ItemKind::Quantity { units }) => {
            let unit = units
                .iter()
                .find(|u| &u.code == code)
                .map_or_else(|| code.clone(), |u| words.option(u));
            format!("{} {unit}", number(*value))
        }
        (AnswerValue::Quantity { value, code, .. }, _) => format!("{} {code}", number(*value)),
        // Check boxes: every answer, in the order the patient gave them.
        (AnswerValue::Many(list), _) => list
            .iter()
            .map(|a| cell(item, a, words, listed, t))
            .collect::<Vec<_>>()
            .join(&t("patient-list-separator", &[])),
    }
}
