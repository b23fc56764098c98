//! The alerts on the clinician's home page (issue 16, point 2), and their review.
//!
//! An alert is either a flag a stored record raised (the `flags` column: the flags the receiver
//! stands by) or "no answer for N weeks": a subject who answered at least twice and whose newest
//! record is older than `--quiet-weeks` weeks. Only subjects the [`Viewer`] sees count (the care
//! team of the subject's newest record, as on the caseload), and only alerts nobody has reviewed.
//!
//! What an alert says comes from the definition, never from code: its severity and label are the
//! flag's `severity` and `label` sub-extensions ([`meta::flag_facts`]; bundled instruments have
//! their clinician labels in `clinician.ftl` as `flag-<instrument>-<flag>`), the threshold is the
//! flag's rule. Most severe first, then newest.
//!
//! `POST /clinician/alerts/review` marks one reviewed, with an optional note (plain text, at
//! most [`NOTE_MAX_CHARS`] characters): CSRF-checked like sign-out, stored once per alert in
//! `alert_reviews` (migration 0005; a record's reviews go when the record is erased), audited as
//! `alert-review`, then a 303 back to the home page. An alert that is not open for this viewer
//! (another clinician's patient, a made-up id) answers 404 and stores nothing. The home page
//! lists the last [`RECENT_REVIEWS`] reviews of the viewer's patients: who, when, the note.

use std::collections::{BTreeMap, HashMap, HashSet};

use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::{Extensions, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use rapport_core::definition::model::FlagCondition;
use serde::Serialize;
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::chart::number;
use super::meta::{self, Severity};
use super::{client_of, Shared, Viewer};
use crate::definitions::{Definitions, Loaded};
use crate::store::{AlertReview, AuditEntry, FiledRecord};

/// The default of `--quiet-weeks`.
pub const DEFAULT_QUIET_WEEKS: u32 = 4;
/// The longest note, in characters (said on the page; the textarea has it as `maxlength`).
pub const NOTE_MAX_CHARS: usize = 2000;
/// How many reviews the home page lists.
pub const RECENT_REVIEWS: usize = 20;
/// `kind` of a flag's alert.
pub const KIND_FLAG: &str = "flag";
/// `kind` of "no answer for N weeks".
pub const KIND_QUIET: &str = "quiet";

const WEEK_SECS: i64 = 7 * 24 * 3600;

/// "No answer for N weeks" is moderate: definitions declare severities for the flags their
/// answers raise, and none says anything about silence. Moderate is what a flag that states no
/// severity gets, so silence weighs like an ordinary flag; ranking it above or below would need
/// a rule nobody has given.
const QUIET_SEVERITY: Severity = Severity::Moderate;

/// An alert's identity: the record and flag, or the subject's newest record for `quiet`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct AlertKey {
    /// The record's id.
    pub record: String,
    /// [`KIND_FLAG`] or [`KIND_QUIET`].
    pub kind: String,
    /// The flag's id (empty for `quiet`).
    pub flag: String,
}

/// One open alert, in the viewer's language.
#[derive(Clone, Debug, Serialize)]
pub struct Alert {
    /// What the review form sends.
    pub key: AlertKey,
    /// `high`, `moderate` or `low` (a CSS class).
    pub severity: Severity,
    /// The severity in words.
    pub severity_text: String,
    /// The patient's label (the portal's, else the pseudonymous id).
    pub patient: String,
    /// The patient's page.
    pub patient_href: String,
    /// The instrument's title (none for "no answer").
    pub instrument: Option<String>,
    /// The flag's label, or "No answer for N weeks".
    pub what: String,
    /// The score and the threshold concerned, or when the patient last answered.
    pub detail: String,
    /// When, as shown.
    pub when: String,
    /// When, RFC 3339 (for `<time datetime>`).
    pub when_iso: String,
    /// The id of the alert's elements on the page.
    pub anchor: String,
    #[serde(skip)]
    sort_at: String,
}

/// One review, as the home page lists it.
#[derive(Clone, Debug, Serialize)]
pub struct Reviewed {
    /// The patient's label.
    pub patient: String,
    /// The patient's page.
    pub patient_href: String,
    /// What the alert was.
    pub what: String,
    /// "Reviewed by X on T".
    pub by: String,
    /// When, RFC 3339.
    pub at_iso: String,
    /// The note (escaped by the template), maybe empty.
    pub note: String,
}

/// The alerts part of the home page.
#[derive(Clone, Debug, Serialize)]
pub struct View {
    /// Headings and form words.
    pub words: BTreeMap<&'static str, String>,
    /// Open alerts, most severe first, then newest.
    pub open: Vec<Alert>,
    /// The latest reviews of the viewer's patients, newest first.
    pub reviewed: Vec<Reviewed>,
    /// The session's CSRF token.
    pub csrf: String,
    /// [`NOTE_MAX_CHARS`].
    pub note_max: usize,
}

/// The alerts of a viewer: what the page shows and the open count per subject.
pub struct Alerts {
    /// Open alerts, ordered.
    pub open: Vec<Alert>,
    /// Latest reviews.
    pub reviewed: Vec<Reviewed>,
    /// `(system, value)` → how many open alerts.
    pub open_by_subject: HashMap<(String, String), usize>,
    /// Every reviewed alert of the viewer's patients.
    pub reviewed_keys: HashSet<AlertKey>,
}

pub use super::Tr as Words;

/// A message of `clinician.ftl`, if it exists (`t` answers the id itself when it does not).
fn word_if_any(t: Words<'_>, id: &str) -> Option<String> {
    let text = t(id, &[]);
    (text != id).then_some(text)
}

/// What the alerts say about one instrument's flags.
struct Describe<'a> {
    definitions: &'a Definitions,
    lang: &'a str,
    t: Words<'a>,
}

impl Describe<'_> {
    fn loaded(&self, r: &FiledRecord) -> Option<&Loaded> {
        self.definitions.loaded(
            r.instrument_id.as_deref()?,
            r.instrument_version.as_deref()?,
        )
    }

    /// The instrument's title in the viewer's language, else its id.
    fn title(&self, r: &FiledRecord) -> String {
        let id = r.instrument_id.clone().unwrap_or_default();
        meta::DefinitionWords {
            loaded: self.loaded(r),
            lang: self.lang,
        }
        .title(&id)
    }

    /// The flag's label: the definition's, else `flag-<instrument>-<flag>` for a bundled
    /// instrument, else its id.
    fn flag_label(&self, r: &FiledRecord, flag: &str) -> String {
        let Some(l) = self.loaded(r) else {
            return flag.to_owned();
        };
        let facts = meta::flag_facts(&l.json, flag);
        if let Some(label) = facts.label {
            return label
                .resolve(&[self.lang.to_owned()], &l.questionnaire.language)
                .to_owned();
        }
        l.bundled
            .and_then(|b| word_if_any(self.t, &format!("flag-{b}-{flag}")))
            .unwrap_or_else(|| flag.to_owned())
    }

    fn severity(&self, r: &FiledRecord, flag: &str) -> Severity {
        self.loaded(r).map_or(Severity::Moderate, |l| {
            meta::flag_facts(&l.json, flag).severity
        })
    }

    /// The score's name: the definition's label, the bundled instrument's words, else its id.
    fn score_name(&self, l: Option<&Loaded>, score: &str) -> String {
        meta::DefinitionWords {
            loaded: l,
            lang: self.lang,
        }
        .score(score)
    }

    /// "<score> <value>; raised when <rule>".
    fn detail(&self, r: &FiledRecord, flag: &str, score: &str) -> String {
        let t = self.t;
        let l = self.loaded(r);
        let value = r
            .scores
            .as_array()
            .into_iter()
            .flatten()
            .find(|s| s.get("id").and_then(Value::as_str) == Some(score))
            .and_then(|s| s.get("value").and_then(Value::as_f64))
            .map_or_else(|| t("alert-no-value", &[]), number);
        let name = self.score_name(l, score);
        let rule = l
            .and_then(|l| l.questionnaire.flags.iter().find(|f| f.id == flag))
            .map(|f| {
                let threshold = f.threshold.map(number).unwrap_or_default();
                let id = match f.condition {
                    FlagCondition::ScoreBelow => "alert-rule-score-below",
                    FlagCondition::ScoreAtOrBelow => "alert-rule-score-at-or-below",
                    FlagCondition::AnyItemAtOrBelow => "alert-rule-item-at-or-below",
                    FlagCondition::AnyItemAtMinimum => "alert-rule-item-at-minimum",
                    FlagCondition::DropFromPrevious => "alert-rule-drop",
                };
                t(id, &[("threshold", &threshold)])
            });
        match rule {
            Some(rule) => t(
                "alert-detail",
                &[("score", &name), ("value", &value), ("rule", &rule)],
            ),
            None => t(
                "alert-detail-no-rule",
                &[("score", &name), ("value", &value)],
            ),
        }
    }
}

/// `2026-11-08T09:00:00.000Z` as `2026-11-08 09:00 UTC`.
fn shown_time(rfc3339: &str) -> String {
    let date: String = rfc3339.chars().take(10).collect();
    let time: String = rfc3339.chars().skip(11).take(5).collect();
    format!("{date} {time} UTC")
}

/// The alerts `viewer` has among `records` (oldest first) given `reviews` (newest first), at
/// `now`, with `quiet_weeks` (0: no "no answer" alerts).
#[allow(clippy::too_many_arguments)]
pub fn build(
    viewer: &Viewer,
    records: &[FiledRecord],
    reviews: &[AlertReview],
    definitions: &Definitions,
    quiet_weeks: u32,
    now: OffsetDateTime,
    lang: &str,
    t: Words<'_>,
) -> Alerts {
    let describe = Describe {
        definitions,
        lang,
        t,
    };
    // Each subject's records, oldest first; the newest decides label and care team.
    let mut subjects: BTreeMap<(&str, &str), Vec<&FiledRecord>> = BTreeMap::new();
    for r in records {
        subjects
            .entry((r.system.as_str(), r.value.as_str()))
            .or_default()
            .push(r);
    }
    subjects.retain(|_, rs| rs.last().is_some_and(|n| viewer.sees(&n.care_team)));
    let reviewed_keys: HashSet<(&str, &str, &str)> = reviews
        .iter()
        .map(|r| (r.record_id.as_str(), r.kind.as_str(), r.flag_id.as_str()))
        .collect();
    let severity_text = |s: Severity| t(&format!("alert-severity-{}", s.code()), &[]);
    let mut open = Vec::new();
    let mut open_by_subject: HashMap<(String, String), usize> = HashMap::new();
    let mut by_id: HashMap<&str, (&FiledRecord, &FiledRecord)> = HashMap::new();
    for ((system, value), rs) in &subjects {
        let Some(newest) = rs.last() else { continue };
        let patient = newest.name.clone().unwrap_or_else(|| newest.value.clone());
        let patient_href = format!("/clinician/patients/{}", meta::patient_ref(system, value));
        let mut count = 0;
        for r in rs {
            by_id.insert(r.id.as_str(), (r, newest));
            for f in r.flags.as_array().into_iter().flatten() {
                let (Some(flag), Some(score)) = (
                    f.get("id").and_then(Value::as_str),
                    f.get("score").and_then(Value::as_str),
                ) else {
                    continue;
                };
                if reviewed_keys.contains(&(r.id.as_str(), KIND_FLAG, flag)) {
                    continue;
                }
                let severity = describe.severity(r, flag);
                count += 1;
                open.push(Alert {
                    anchor: format!("alert-{}", open.len() + 1),
                    key: AlertKey {
                        record: r.id.clone(),
                        kind: KIND_FLAG.to_owned(),
                        flag: flag.to_owned(),
                    },
                    severity,
                    severity_text: severity_text(severity),
                    patient: patient.clone(),
                    patient_href: patient_href.clone(),
                    instrument: Some(describe.title(r)),
                    what: describe.flag_label(r, flag),
                    detail: describe.detail(r, flag, score),
                    when: shown_time(&r.received_at),
                    when_iso: r.received_at.clone(),
                    sort_at: r.received_at.clone(),
                });
            }
        }
        let last = OffsetDateTime::parse(&newest.received_at, &Rfc3339).ok();
        let quiet_since = last
            .filter(|_| quiet_weeks > 0 && rs.len() >= 2)
            .map(|last| last + time::Duration::seconds(i64::from(quiet_weeks) * WEEK_SECS))
            .filter(|due| *due <= now);
        if let (Some(due), Some(last)) = (quiet_since, last) {
            if !reviewed_keys.contains(&(newest.id.as_str(), KIND_QUIET, "")) {
                let weeks = ((now - last).whole_seconds() / WEEK_SECS).to_string();
                let date = newest.received_at.chars().take(10).collect::<String>();
                let answers = rs.len().to_string();
                count += 1;
                open.push(Alert {
                    anchor: format!("alert-{}", open.len() + 1),
                    key: AlertKey {
                        record: newest.id.clone(),
                        kind: KIND_QUIET.to_owned(),
                        flag: String::new(),
                    },
                    severity: QUIET_SEVERITY,
                    severity_text: severity_text(QUIET_SEVERITY),
                    patient: patient.clone(),
                    patient_href: patient_href.clone(),
                    instrument: None,
                    what: t("alert-quiet", &[("weeks", &weeks)]),
                    detail: t(
                        "alert-quiet-detail",
                        &[("count", &answers), ("date", &date)],
                    ),
                    when: shown_time(&newest.received_at),
                    when_iso: newest.received_at.clone(),
                    sort_at: crate::api::rfc3339(due),
                });
            }
        }
        if count > 0 {
            open_by_subject.insert(((*system).to_owned(), (*value).to_owned()), count);
        }
    }
    open.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then_with(|| b.sort_at.cmp(&a.sort_at))
            .then_with(|| a.patient.cmp(&b.patient))
    });
    for (i, a) in open.iter_mut().enumerate() {
        a.anchor = format!("alert-{}", i + 1);
    }
    let reviewed_visible = reviews
        .iter()
        .filter(|rv| by_id.contains_key(rv.record_id.as_str()))
        .map(|rv| AlertKey {
            record: rv.record_id.clone(),
            kind: rv.kind.clone(),
            flag: rv.flag_id.clone(),
        })
        .collect();
    let reviewed = reviews
        .iter()
        .filter_map(|rv| {
            let (r, newest) = by_id.get(rv.record_id.as_str())?;
            let what = if rv.kind == KIND_QUIET {
                t(
                    "alert-quiet-reviewed",
                    &[("date", &r.received_at.chars().take(10).collect::<String>())],
                )
            } else {
                format!(
                    "{} · {}",
                    describe.title(r),
                    describe.flag_label(r, &rv.flag_id)
                )
            };
            Some(Reviewed {
                patient: newest.name.clone().unwrap_or_else(|| newest.value.clone()),
                patient_href: format!(
                    "/clinician/patients/{}",
                    meta::patient_ref(&r.system, &r.value)
                ),
                what,
                by: t(
                    "alert-reviewed-by",
                    &[
                        ("name", &rv.reviewer_name),
                        ("when", &shown_time(&rv.reviewed_at)),
                    ],
                ),
                at_iso: rv.reviewed_at.clone(),
                note: rv.note.clone(),
            })
        })
        .take(RECENT_REVIEWS)
        .collect();
    Alerts {
        open,
        reviewed,
        open_by_subject,
        reviewed_keys: reviewed_visible,
    }
}

impl View {
    /// The page part for `alerts`.
    pub fn new(alerts: &Alerts, csrf: &str, t: Words<'_>) -> View {
        let max = NOTE_MAX_CHARS.to_string();
        let words = [
            ("heading", t("alerts-heading", &[])),
            ("intro", t("alerts-intro", &[])),
            ("empty", t("alerts-empty", &[])),
            ("severity", t("alert-severity", &[])),
            ("review", t("alert-review-summary", &[])),
            ("note", t("alert-note-label", &[])),
            ("note_hint", t("alert-note-hint", &[("max", &max)])),
            ("submit", t("alert-review-button", &[])),
            ("reviewed_heading", t("alerts-reviewed-heading", &[])),
            ("reviewed_empty", t("alerts-reviewed-empty", &[])),
            ("no_note", t("alert-no-note", &[])),
        ]
        .into_iter()
        .collect();
        View {
            words,
            open: alerts.open.clone(),
            reviewed: alerts.reviewed.clone(),
            csrf: csrf.to_owned(),
            note_max: NOTE_MAX_CHARS,
        }
    }
}

impl super::Texts {
    /// [`Texts::get`](super::Texts::get), but an argument that is a whole number is passed
    /// as a number, so that Fluent's plural variants (`[one]`, `*[other]`) apply.
    pub fn get_counting(&self, lang: &str, id: &str, args: &[(&str, &str)]) -> String {
        let english = self.bundles.iter().find(|(t, _)| t == "en");
        let found = self
            .bundles
            .iter()
            .find(|(t, b)| t == lang && b.has_message(id))
            .or(english);
        let Some(pattern) = found.and_then(|(_, b)| Some((b, b.get_message(id)?.value()?))) else {
            return id.to_owned();
        };
        let mut fluent_args = fluent_bundle::FluentArgs::new();
        for (k, v) in args {
            match v.parse::<i64>() {
                Ok(n) => fluent_args.set(*k, n),
                Err(_) => fluent_args.set(*k, *v),
            }
        }
        let mut errors = Vec::new();
        pattern
            .0
            .format_pattern(pattern.1, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

/// Reads what the viewer's alerts are built from and builds them.
pub async fn for_viewer(
    state: &Shared,
    viewer: &Viewer,
    lang: &str,
) -> Result<Alerts, crate::store::StoreError> {
    let records = state.store.filed_records().await?;
    let reviews = state.store.alert_reviews().await?;
    let t = |id: &str, args: &[(&str, &str)]| state.texts.get_counting(lang, id, args);
    Ok(build(
        viewer,
        &records,
        &reviews,
        &state.definitions,
        state.settings.quiet_weeks,
        OffsetDateTime::now_utc(),
        lang,
        &t,
    ))
}

/// `POST /clinician/alerts/review`: `csrf`, `record`, `kind`, `flag` and an optional `note`.
pub async fn review(
    State(state): State<Shared>,
    extensions: Extensions,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let lang = state.texts.negotiate(&headers);
    let form = form.ok().map(|Form(f)| f).unwrap_or_default();
    let viewer = match state.form_viewer(&headers, &form).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    let note = field("note").trim().replace("\r\n", "\n");
    if note.chars().count() > NOTE_MAX_CHARS {
        return state.message(
            &lang,
            StatusCode::BAD_REQUEST,
            "alert-note-too-long-heading",
            "alert-note-too-long-text",
            None,
        );
    }
    let key = AlertKey {
        record: field("record").to_owned(),
        kind: field("kind").to_owned(),
        flag: field("flag").to_owned(),
    };
    let storage_down = |e: crate::store::StoreError| {
        crate::log(format_args!("rapport-receiver: alert review: {e}"));
        state.message(
            &lang,
            StatusCode::SERVICE_UNAVAILABLE,
            "storage-heading",
            "storage-text",
            None,
        )
    };
    let alerts = match for_viewer(&state, &viewer, &lang).await {
        Ok(a) => a,
        Err(e) => return storage_down(e),
    };
    if alerts.reviewed_keys.contains(&key) {
        // Reviewed already (a double submit, or a colleague was quicker): that review stands.
        return Redirect::to("/clinician/#alerts").into_response();
    }
    if !alerts.open.iter().any(|a| a.key == key) {
        // Not an alert of this viewer's: someone else's patient, no such record or flag, or
        // "no answer" that ended. All answer the same.
        return state.message(
            &lang,
            StatusCode::NOT_FOUND,
            "alert-gone-heading",
            "alert-gone-text",
            None,
        );
    }
    let at = crate::api::now_rfc3339();
    let stored = state
        .store
        .review_alert(&AlertReview {
            record_id: key.record.clone(),
            kind: key.kind.clone(),
            flag_id: key.flag.clone(),
            reviewer_id: viewer.clinician_id.clone(),
            reviewer_name: viewer.name.clone(),
            reviewed_at: at.clone(),
            note,
        })
        .await;
    match stored {
        Ok(true) => {
            let entry = AuditEntry {
                at,
                actor: format!("clinician:{}", viewer.clinician_id),
                action: "alert-review".to_owned(),
                route: "POST /clinician/alerts/review".to_owned(),
                records: vec![key.record],
                count: 1,
                client: client_of(&extensions)
                    .map_or_else(|| "-".to_owned(), |c| c.ip().to_string()),
                outcome: "ok".to_owned(),
            };
            if let Err(e) = state.store.audit(&entry).await {
                crate::log(format_args!(
                    "rapport-receiver: audit of alert-review not written: {e}"
                ));
            }
        }
        // Reviewed at the same moment by another request: that review stands.
        Ok(false) => {}
        Err(e) => return storage_down(e),
    }
    Redirect::to("/clinician/#alerts").into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(id: &str, sub: &str, team: &[&str], at: &str, flags: Value) -> FiledRecord {
        FiledRecord {
            id: id.into(),
            system: "https://portal.example".into(),
            value: sub.into(),
            name: None,
            care_team: team.iter().map(|s| (*s).to_owned()).collect(),
            instrument_id: Some("session-checkin".into()),
            instrument_version: Some("1.0.0".into()),
            scores: json!([{"id": "total", "value": 12.5}]),
            flags,
            received_at: at.into(),
        }
    }

    fn viewer(id: &str) -> Viewer {
        Viewer {
            clinician_id: id.into(),
            name: format!("Dr. {id}"),
            whole_clinic: false,
            csrf: String::new(),
        }
    }

    fn words(id: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<String> = args.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{id}({})", args.join(","))
    }

    fn at(text: &str) -> OffsetDateTime {
        OffsetDateTime::parse(text, &Rfc3339).unwrap()
    }

    #[test]
    fn the_care_team_of_the_newest_record_decides_and_reviews_close_alerts() {
        let defs = Definitions::bundled().unwrap();
        let drop = json!([{"id": "dropped", "score": "total"}]);
        let records = [
            record(
                "r1",
                "moved",
                &["c1"],
                "2026-01-01T09:00:00.000Z",
                drop.clone(),
            ),
            record(
                "r2",
                "moved",
                &["c2"],
                "2026-01-08T09:00:00.000Z",
                json!([]),
            ),
            record(
                "r3",
                "mine",
                &["c1"],
                "2026-01-02T09:00:00.000Z",
                drop.clone(),
            ),
            record("r4", "mine", &["c1"], "2026-01-09T09:00:00.000Z", drop),
        ];
        let review = AlertReview {
            record_id: "r3".into(),
            kind: KIND_FLAG.into(),
            flag_id: "dropped".into(),
            reviewer_id: "c1".into(),
            reviewer_name: "Dr. c1".into(),
            reviewed_at: "2026-01-03T09:00:00.000Z".into(),
            note: "seen".into(),
        };
        let now = at("2026-01-10T09:00:00Z");
        let a = build(
            &viewer("c1"),
            &records,
            &[review],
            &defs,
            4,
            now,
            "en",
            &words,
        );
        let open: Vec<_> = a.open.iter().map(|x| x.key.record.as_str()).collect();
        assert_eq!(open, ["r4"], "r1's subject moved to c2; r3 reviewed");
        assert_eq!(a.open[0].what, "flag-session-checkin-dropped()");
        assert_eq!(a.open[0].instrument.as_deref(), Some("After your session"));
        assert_eq!(a.open[0].patient, "mine", "no label: the pseudonymous id");
        assert!(
            a.open[0].detail.contains("threshold=8"),
            "{}",
            a.open[0].detail
        );
        assert_eq!(a.reviewed.len(), 1);
        assert_eq!(a.reviewed[0].note, "seen");
        assert_eq!(
            a.open_by_subject
                .get(&("https://portal.example".into(), "mine".into())),
            Some(&1)
        );
        let theirs = build(&viewer("c2"), &records, &[], &defs, 4, now, "en", &words);
        let open: Vec<_> = theirs.open.iter().map(|x| x.key.record.as_str()).collect();
        assert_eq!(open, ["r1"]);
        assert!(theirs.reviewed.is_empty(), "not their patient's review");
    }

    #[test]
    fn quiet_needs_two_answers_and_the_weeks_to_have_passed() {
        let defs = Definitions::empty();
        let records = [
            record("a1", "two", &["c1"], "2026-01-01T09:00:00.000Z", json!([])),
            record("a2", "two", &["c1"], "2026-01-05T09:00:00.000Z", json!([])),
            record("b1", "one", &["c1"], "2025-06-01T09:00:00.000Z", json!([])),
        ];
        let v = viewer("c1");
        let quiet = |now: &str, weeks: u32| {
            build(&v, &records, &[], &defs, weeks, at(now), "en", &words)
                .open
                .into_iter()
                .map(|a| (a.key.record, a.key.kind, a.what))
                .collect::<Vec<_>>()
        };
        assert!(
            quiet("2026-02-02T08:59:59Z", 4).is_empty(),
            "a second early"
        );
        assert_eq!(
            quiet("2026-02-02T09:00:00Z", 4),
            [("a2".into(), "quiet".into(), "alert-quiet(weeks=4)".into())]
        );
        assert!(
            quiet("2027-01-01T00:00:00Z", 0).is_empty(),
            "0 turns it off"
        );
        assert_eq!(
            quiet("2026-03-02T09:00:00Z", 4)[0].2,
            "alert-quiet(weeks=8)"
        );
    }

    #[test]
    fn times_and_numbers_read_plainly() {
        assert_eq!(
            shown_time("2026-11-08T09:05:00.000Z"),
            "2026-11-08 09:05 UTC"
        );
        assert_eq!(number(8.0), "8");
        assert_eq!(number(0.75), "0.75");
    }

    #[test]
    fn the_page_states_the_notes_limit_the_code_enforces() {
        let ftl = include_str!("../../../../locales/en/clinician.ftl");
        assert!(ftl.contains(&format!("up to {NOTE_MAX_CHARS} characters")));
    }
}
