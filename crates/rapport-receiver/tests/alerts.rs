//! The alerts on the clinician's home page and their review (issue 16, point 2), over HTTP as
//! a signed-in clinician (a session inserted through the store, as in `tests/clinician.rs`), on
//! SQLite or, with `RAPPORT_TEST_POSTGRES`, PostgreSQL: the drop alert puts its patient first,
//! severities from the definition order the list, "no answer for N weeks" follows
//! `--quiet-weeks`, and a review needs the session's CSRF token, closes the alert, keeps its
//! note (escaped), is audited, is refused 404 for another clinician's patient, survives a
//! restart, and goes when the patient's records are erased.

use axum::body::{to_bytes, Body};
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use rapport_receiver::clinician::{session_hash, SESSION_SECS};
use rapport_receiver::store::ClinicianSession;
use rapport_receiver::{open_store, router_with, Config, Store};
use serde_json::{json, Value};
use time::OffsetDateTime;
use tower::ServiceExt;

mod common;
use common::{config_in, TempDir};

const FLAG: &str = "https://rapport.dev/fhir/StructureDefinition/flag";
const SCORE: &str = "https://rapport.dev/fhir/StructureDefinition/score";

/// A clinic questionnaire whose flags state severities and labels.
fn clinic_definition() -> Value {
    let flag = |id: &str, when: &str, threshold: f64, more: Value| {
        let mut subs = vec![
            json!({"url": "id", "valueCode": id}),
            json!({"url": "when", "valueCode": when}),
            json!({"url": "score", "valueCode": "total"}),
            json!({"url": "threshold", "valueDecimal": threshold}),
        ];
        subs.extend(more.as_array().cloned().unwrap_or_default());
        json!({"url": FLAG, "extension": subs})
    };
    json!({
        "resourceType": "Questionnaire",
        "name": "alliance-check",
        "version": "2",
        "status": "active",
        "title": "Alliance check",
        "extension": [
            {"url": SCORE, "extension": [
                {"url": "id", "valueCode": "total"},
                {"url": "item", "valueString": "q1"},
                {"url": "label", "valueString": "Alliance"}
            ]},
            flag("very-low", "score-below", 3.0, json!([
                {"url": "severity", "valueCode": "high"},
                {"url": "label", "valueString": "Alliance very low"}
            ])),
            flag("slipping", "score-at-or-below", 6.0, json!([
                {"url": "label", "valueString": "Alliance slipping"}
            ])),
            flag("a-bit-low", "score-at-or-below", 8.0, json!([
                {"url": "severity", "valueCode": "low"},
                {"url": "label", "valueString": "Alliance a bit low"}
            ])),
        ],
        "item": [{
            "linkId": "q1", "text": "How was today?", "type": "integer",
            "extension": [
                {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0},
                {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 10}
            ]
        }]
    })
}

async fn app(dir: &TempDir, quiet_weeks: Option<u32>) -> (Router, Store, Config) {
    let mut config = config_in(dir).await;
    let defs = dir.path().join("definitions");
    std::fs::create_dir_all(&defs).unwrap();
    std::fs::write(
        defs.join("alliance-check.json"),
        clinic_definition().to_string(),
    )
    .unwrap();
    config.definitions_dirs = vec![defs];
    config.oidc_issuer = Some("http://127.0.0.1:9".into());
    config.oidc_client_id = Some("rapport".into());
    config.oidc_client_secret = Some("client-secret-for-the-alert-tests".into());
    config.public_url = Some("http://127.0.0.1:8080".into());
    config.quiet_weeks = quiet_weeks;
    let store = open_store(&config).await.unwrap();
    let app = router_with(&config, store.clone()).unwrap();
    (app, store, config)
}

fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// An RFC 3339 time `days` days ago, as the receiver writes them.
fn days_ago(days: i64) -> String {
    rapport_receiver::api::rfc3339(OffsetDateTime::now_utc() - time::Duration::days(days))
}

async fn sign_in(store: &Store, sid: &str, clinician: &str) -> String {
    let t = now();
    store
        .create_session(&ClinicianSession {
            id_sha256: session_hash(sid),
            clinician_id: clinician.into(),
            name: format!("Dr. {clinician}"),
            whole_clinic: false,
            csrf: format!("csrf-of-{sid}"),
            created_at: t,
            expires_at: t + SESSION_SECS,
        })
        .await
        .unwrap();
    format!("rapport_clinician={sid}")
}

/// Stores one record of `sub` and answers its id.
#[allow(clippy::too_many_arguments)]
async fn answer(
    store: &Store,
    sub: &str,
    team: &[&str],
    instrument: (&str, &str),
    at: &str,
    total: f64,
    flags: &[&str],
) -> String {
    let key = format!("{sub}-{at}-{}", instrument.0);
    let flags: Vec<Value> = flags
        .iter()
        .map(|f| json!({"id": f, "score": "total"}))
        .collect();
    let record = rapport_receiver::store::NewRecord {
        idempotency_key: key.clone(),
        body_sha256: format!("{:064}", 0),
        instrument_id: instrument.0.into(),
        instrument_version: instrument.1.into(),
        language: "en".into(),
        envelope: "{\"answers\":\"never on the home page\"}".into(),
        verified: true,
        subject: Some(rapport_receiver::subject::Subject {
            system: "https://portal.example".into(),
            value: sub.into(),
            verified: true,
            name: Some(format!("Patient {sub}")),
            care_team: Some(team.iter().map(|s| (*s).to_owned()).collect()),
            episode: None,
        }),
        scores: format!("[{{\"id\":\"total\",\"value\":{total},\"answered\":1,\"items\":1}}]"),
        flags: Value::Array(flags).to_string(),
        previous_scores_from: None,
        history: None,
    };
    let id = uuid::Uuid::new_v4().to_string();
    let receipt = rapport_receiver::Receipt {
        id: id.clone(),
        idempotency_key: key,
        received_at: at.into(),
    };
    store.insert(&record, receipt).await.expect("stored");
    id
}

const CHECKIN: (&str, &str) = ("session-checkin", "1.0.0");
const CLINIC: (&str, &str) = ("alliance-check", "2");

async fn call(app: &Router, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = to_bytes(resp.into_body(), 1 << 22).await.unwrap();
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

async fn home(app: &Router, cookie: &str) -> String {
    let req = Request::builder()
        .uri("/clinician/")
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = call(app, req).await;
    assert_eq!(status, StatusCode::OK);
    body
}

/// The open alerts part of the home page, without Fluent's isolation marks.
fn open_part(body: &str) -> String {
    let start = body.find("id=\"alerts\"").expect("the alerts section");
    let end = body[start..].find("</section>").unwrap() + start;
    body[start..end].replace(['\u{2068}', '\u{2069}'], "")
}

/// The "recently reviewed" part, without Fluent's isolation marks.
fn reviewed_part(body: &str) -> String {
    let start = body
        .find("class=\"reviewed\"")
        .expect("the reviewed section");
    body[start..].replace(['\u{2068}', '\u{2069}'], "")
}

fn form_encode(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| {
            let enc: String = v
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("{k}={enc}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

async fn review(
    app: &Router,
    cookie: Option<&str>,
    fields: &[(&str, &str)],
) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut r = Request::builder()
        .method(Method::POST)
        .uri("/clinician/alerts/review")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        r = r.header(header::COOKIE, c);
    }
    call(app, r.body(Body::from(form_encode(fields))).unwrap()).await
}

#[tokio::test]
async fn a_patient_whose_score_dropped_comes_first_with_the_drop_alert() {
    let dir = TempDir::new("alerts-drop");
    let (app, store, _) = app(&dir, None).await;
    answer(&store, "ana", &["okafor"], CHECKIN, &days_ago(9), 30.0, &[]).await;
    answer(
        &store,
        "ana",
        &["okafor"],
        CHECKIN,
        &days_ago(2),
        18.0,
        &["dropped"],
    )
    .await;
    answer(&store, "ben", &["okafor"], CHECKIN, &days_ago(1), 33.0, &[]).await;
    let cookie = sign_in(&store, "sid", "okafor").await;
    let body = home(&app, &cookie).await;
    let open = &open_part(&body);
    assert!(
        open.contains("Patient ana") && !open.contains("Patient ben"),
        "{open}"
    );
    // The bundled instrument's title and the flag's clinician label, the score and threshold.
    assert!(open.contains("After your session"), "{open}");
    assert!(
        open.contains("<strong>Dropped since last time</strong>"),
        "{open}"
    );
    assert!(open.contains("18"), "{open}");
    assert!(
        open.contains("drops by 8 or more"),
        "the definition's threshold: {open}"
    );
    assert!(open.contains("Moderate"), "the default severity: {open}");
    // On the caseload, Ana (open alert) comes before Ben, who answered later.
    let table = &body[body.find("caseload-heading").unwrap()..];
    assert!(
        table.find(">Patient ana<").unwrap() < table.find(">Patient ben<").unwrap(),
        "{table}"
    );
    assert!(!body.contains("never on the home page"));
}

#[tokio::test]
async fn alerts_come_most_severe_first_then_newest() {
    let dir = TempDir::new("alerts-severity");
    let (app, store, _) = app(&dir, None).await;
    answer(
        &store,
        "p-low",
        &["okafor"],
        CLINIC,
        &days_ago(1),
        7.0,
        &["a-bit-low"],
    )
    .await;
    answer(
        &store,
        "p-mod-old",
        &["okafor"],
        CLINIC,
        &days_ago(6),
        5.0,
        &["slipping"],
    )
    .await;
    answer(
        &store,
        "p-high",
        &["okafor"],
        CLINIC,
        &days_ago(8),
        2.0,
        &["very-low"],
    )
    .await;
    answer(
        &store,
        "p-mod-new",
        &["okafor"],
        CLINIC,
        &days_ago(3),
        6.0,
        &["slipping"],
    )
    .await;
    let cookie = sign_in(&store, "sid", "okafor").await;
    let body = home(&app, &cookie).await;
    let open = &open_part(&body);
    let at = |who: &str| {
        open.find(&format!(">Patient {who}<"))
            .unwrap_or_else(|| panic!("{who} listed: {open}"))
    };
    assert!(at("p-high") < at("p-mod-new"), "{open}");
    assert!(at("p-mod-new") < at("p-mod-old"), "{open}");
    assert!(at("p-mod-old") < at("p-low"), "{open}");
    // Severity in words (not colour only), labels and title from the definition.
    assert!(open.contains("severity-high\">High<"), "{open}");
    assert!(open.contains("severity-low\">Low<"), "{open}");
    assert!(
        open.contains("<strong>Alliance very low</strong>"),
        "{open}"
    );
    assert!(open.contains("Alliance check"), "{open}");
    assert!(
        open.contains("Alliance: 2. Raised when it is below 3."),
        "{open}"
    );
}

#[tokio::test]
async fn no_answer_for_n_weeks_follows_quiet_weeks_and_0_turns_it_off() {
    let dir = TempDir::new("alerts-quiet");
    let (default_app, store, config) = app(&dir, None).await;
    // Answered twice, the newest five weeks ago: quiet after 4 weeks (the default).
    answer(
        &store,
        "quiet",
        &["okafor"],
        CHECKIN,
        &days_ago(50),
        30.0,
        &[],
    )
    .await;
    let newest = answer(
        &store,
        "quiet",
        &["okafor"],
        CHECKIN,
        &days_ago(36),
        30.0,
        &[],
    )
    .await;
    // Answered once, long ago: never a patient who used to answer.
    answer(
        &store,
        "once",
        &["okafor"],
        CHECKIN,
        &days_ago(80),
        30.0,
        &[],
    )
    .await;
    // Answering: the newest a week ago.
    answer(
        &store,
        "busy",
        &["okafor"],
        CHECKIN,
        &days_ago(20),
        30.0,
        &[],
    )
    .await;
    answer(
        &store,
        "busy",
        &["okafor"],
        CHECKIN,
        &days_ago(7),
        30.0,
        &[],
    )
    .await;
    let cookie = sign_in(&store, "sid", "okafor").await;

    let open_of = |body: &str| open_part(body);
    let body = home(&default_app, &cookie).await;
    let open = open_of(&body);
    assert!(open.contains("No answers for 5 weeks"), "{open}");
    assert!(open.contains("Patient quiet"), "{open}");
    assert!(
        !open.contains("Patient once") && !open.contains("Patient busy"),
        "{open}"
    );
    assert!(open.contains("name=\"kind\" value=\"quiet\""), "{open}");

    let with = |weeks: u32| {
        let mut c = config.clone();
        c.quiet_weeks = Some(weeks);
        router_with(&c, store.clone()).unwrap()
    };
    let open = open_of(&home(&with(6), &cookie).await);
    assert!(
        !open.contains("Patient quiet"),
        "not yet after 6 weeks: {open}"
    );
    let open = open_of(&home(&with(1), &cookie).await);
    assert!(
        open.contains("Patient quiet") && open.contains("Patient busy"),
        "{open}"
    );
    assert!(!open.contains("Patient once"), "{open}");
    let body = home(&with(0), &cookie).await;
    assert!(
        !open_part(&body).contains("Patient quiet"),
        "0 turns it off: {body}"
    );
    assert!(open_part(&body).contains("No open alerts."));

    // Reviewed: gone from the open list, listed as reviewed.
    let (status, _, _) = review(
        &default_app,
        Some(&cookie),
        &[
            ("csrf", "csrf-of-sid"),
            ("record", &newest),
            ("kind", "quiet"),
            ("flag", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let body = home(&default_app, &cookie).await;
    assert!(!open_part(&body).contains("Patient quiet"), "{body}");
    assert!(reviewed_part(&body).contains("No answers after"), "{body}");
}

#[test]
fn quiet_weeks_is_a_checked_flag_of_the_clinicians_view() {
    use rapport_receiver::{check_config, parse_args, Command};
    let Ok(Command::Run(c)) = parse_args(["--quiet-weeks", "0"]) else {
        panic!("parsed");
    };
    assert_eq!(c.quiet_weeks, Some(0));
    let Ok(Command::Run(c)) = parse_args(Vec::<String>::new()) else {
        panic!("parsed");
    };
    assert_eq!(c.quiet_weeks, None);
    for bad in ["x", "-1", "521", ""] {
        let e = parse_args(["--quiet-weeks", bad]).expect_err(bad);
        assert!(e.contains("--quiet-weeks"), "{e}");
    }
    assert!(rapport_receiver::USAGE.contains("--quiet-weeks N"));
    let stray = Config {
        quiet_weeks: Some(2),
        ..Config::default()
    };
    let e = check_config(&stray)
        .expect_err("no clinician's view")
        .to_string();
    assert!(
        e.contains("--quiet-weeks") && e.contains("--oidc-issuer"),
        "{e}"
    );
}

#[tokio::test]
async fn a_review_needs_the_sessions_csrf_token() {
    let dir = TempDir::new("alerts-csrf");
    let (app, store, _) = app(&dir, None).await;
    let id = answer(
        &store,
        "ana",
        &["okafor"],
        CHECKIN,
        &days_ago(2),
        18.0,
        &["dropped"],
    )
    .await;
    let cookie = sign_in(&store, "sid", "okafor").await;
    let base = [
        ("record", id.as_str()),
        ("kind", "flag"),
        ("flag", "dropped"),
    ];
    for csrf in [None, Some("wrong"), Some("csrf-of-si")] {
        let mut fields = base.to_vec();
        fields.extend(csrf.map(|c| ("csrf", c)));
        let (status, _, body) = review(&app, Some(&cookie), &fields).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{csrf:?}");
        assert!(body.contains("This form has expired"), "{body}");
    }
    let mut fields = base.to_vec();
    fields.push(("csrf", "csrf-of-sid"));
    let (status, _, _) = review(&app, None, &fields).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no session");
    assert!(store.alert_reviews().await.unwrap().is_empty());
    assert!(open_part(&home(&app, &cookie).await).contains(&id));
    let audit = store.audit_page(None, 100).await.unwrap();
    assert!(audit.iter().all(|(_, e)| e.action != "alert-review"));
}

#[tokio::test]
async fn a_review_closes_the_alert_keeps_its_note_escaped_and_is_audited() {
    let dir = TempDir::new("alerts-review");
    let (app, store, _) = app(&dir, None).await;
    let id = answer(
        &store,
        "ana",
        &["okafor"],
        CHECKIN,
        &days_ago(2),
        18.0,
        &["dropped"],
    )
    .await;
    answer(
        &store,
        "ana",
        &["okafor"],
        CHECKIN,
        &days_ago(40),
        30.0,
        &[],
    )
    .await;
    let cookie = sign_in(&store, "sid", "okafor").await;
    let note = "Talked it through; <b>bold</b> & fine";
    let fields = [
        ("csrf", "csrf-of-sid"),
        ("record", id.as_str()),
        ("kind", "flag"),
        ("flag", "dropped"),
        ("note", note),
    ];
    let (status, headers, _) = review(&app, Some(&cookie), &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], "/clinician/#alerts");
    let body = home(&app, &cookie).await;
    assert!(!open_part(&body).contains(&id), "closed: {body}");
    let reviewed = &reviewed_part(&body);
    assert!(reviewed.contains("Reviewed by Dr. okafor"), "{reviewed}");
    assert!(reviewed.contains("Dropped since last time"), "{reviewed}");
    assert!(reviewed.contains("&lt;b&gt;bold&lt;") && reviewed.contains("&amp; fine"));
    assert!(!body.contains("<b>bold"), "the note is text, not markup");

    let stored = store.alert_reviews().await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].note, note);
    assert_eq!(
        (stored[0].record_id.as_str(), stored[0].reviewer_id.as_str()),
        (id.as_str(), "okafor")
    );
    // A double submit is one review.
    let (status, _, _) = review(&app, Some(&cookie), &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(store.alert_reviews().await.unwrap().len(), 1);
    let audit = store.audit_page(None, 100).await.unwrap();
    let reviews: Vec<_> = audit
        .iter()
        .filter(|(_, e)| e.action == "alert-review")
        .collect();
    assert_eq!(reviews.len(), 1, "{audit:?}");
    assert_eq!(reviews[0].1.actor, "clinician:okafor");
    assert_eq!(reviews[0].1.records, vec![id.clone()]);
    assert!(
        !format!("{audit:?}").contains("bold"),
        "no note in the audit"
    );

    // Too long a note stores nothing; the quiet alert (newest answer 2 days ago: none) is not
    // open, so its review is refused as not found.
    let long = "x".repeat(2001);
    let (status, _, body) = review(
        &app,
        Some(&cookie),
        &[
            ("csrf", "csrf-of-sid"),
            ("record", &id),
            ("kind", "quiet"),
            ("flag", ""),
            ("note", &long),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _, _) = review(
        &app,
        Some(&cookie),
        &[
            ("csrf", "csrf-of-sid"),
            ("record", &id),
            ("kind", "quiet"),
            ("flag", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(store.alert_reviews().await.unwrap().len(), 1);
}

#[tokio::test]
async fn reviewing_another_clinicians_patients_alert_answers_404_and_stores_nothing() {
    let dir = TempDir::new("alerts-other");
    let (app, store, _) = app(&dir, None).await;
    let chen = answer(
        &store,
        "chen",
        &["lindqvist"],
        CHECKIN,
        &days_ago(2),
        18.0,
        &["dropped"],
    )
    .await;
    let cookie = sign_in(&store, "sid", "okafor").await;
    let (status, _, theirs) = review(
        &app,
        Some(&cookie),
        &[
            ("csrf", "csrf-of-sid"),
            ("record", &chen),
            ("kind", "flag"),
            ("flag", "dropped"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, missing) = review(
        &app,
        Some(&cookie),
        &[
            ("csrf", "csrf-of-sid"),
            ("record", "no-such-record"),
            ("kind", "flag"),
            ("flag", "dropped"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(theirs, missing, "the same answer: ids cannot be probed");
    assert!(store.alert_reviews().await.unwrap().is_empty());
    assert!(!home(&app, &cookie).await.contains("Patient chen"));
    // Chen's own clinician still has the alert.
    let theirs = sign_in(&store, "sid-l", "lindqvist").await;
    assert!(open_part(&home(&app, &theirs).await).contains(&chen));
}

#[tokio::test]
async fn reviews_survive_a_restart() {
    let dir = TempDir::new("alerts-restart");
    let (app, store, config) = app(&dir, None).await;
    let id = answer(
        &store,
        "ana",
        &["okafor"],
        CHECKIN,
        &days_ago(2),
        18.0,
        &["dropped"],
    )
    .await;
    let cookie = sign_in(&store, "sid", "okafor").await;
    let (status, _, _) = review(
        &app,
        Some(&cookie),
        &[
            ("csrf", "csrf-of-sid"),
            ("record", &id),
            ("kind", "flag"),
            ("flag", "dropped"),
            ("note", "seen"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    drop(app);
    store.close().await;

    let again = open_store(&config).await.unwrap();
    let app = router_with(&config, again.clone()).unwrap();
    let body = home(&app, &cookie).await;
    assert!(!open_part(&body).contains(&id), "{body}");
    assert!(reviewed_part(&body).contains("seen"), "{body}");
    again.close().await;
}

#[tokio::test]
async fn erasing_a_subject_erases_the_reviews_and_notes_about_it() {
    let dir = TempDir::new("alerts-erase");
    let (app, store, _) = app(&dir, None).await;
    let id = answer(
        &store,
        "ana",
        &["okafor"],
        CHECKIN,
        &days_ago(2),
        18.0,
        &["dropped"],
    )
    .await;
    let cookie = sign_in(&store, "sid", "okafor").await;
    let (status, _, _) = review(
        &app,
        Some(&cookie),
        &[
            ("csrf", "csrf-of-sid"),
            ("record", &id),
            ("kind", "flag"),
            ("flag", "dropped"),
            ("note", "about Ana"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(store.alert_reviews().await.unwrap().len(), 1);
    store
        .erase(
            rapport_receiver::store::Erase::Subject("https://portal.example", "ana"),
            |_| None,
        )
        .await
        .unwrap();
    assert!(store.alert_reviews().await.unwrap().is_empty());
    assert!(!home(&app, &cookie).await.contains("about Ana"));
}
