//! The clinician's page of one patient over time (issue 16, point 3): `GET
//! /clinician/patients/{ref}` on the real receiver router, with a session inserted through the
//! store (as `tests/clinician.rs` does) and records stored as the receiver stores envelopes.
//! SQLite by default, PostgreSQL with `RAPPORT_TEST_POSTGRES`.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;

use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use axum::Router;
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::{AnswerOption, Item, Questionnaire};
use rapport_core::envelope::{Envelope, EnvelopeMeta};
use rapport_core::scoring::{PreviousScores, Score};
use rapport_receiver::clinician::meta::patient_ref;
use rapport_receiver::clinician::{session_hash, SESSION_SECS};
use rapport_receiver::store::{ClinicianSession, NewRecord};
use rapport_receiver::{open_store, router_with, Config, Store};
use serde_json::{json, Value};
use tower::ServiceExt;

mod common;
use common::{config_in, TempDir};

const PORTAL: &str = "https://portal.example";
const DOWN_ISSUER: &str = "http://127.0.0.1:9";
const SECRET: &str = "client-secret-for-the-patient-tests";

/// A clinic definition: two 0-4 choice items (the second reverse-scored), a 0-10 integer and a
/// free-text item; `total` (sum, 0-18) with a `score-below` 6 flag, and `pair` (mean of the
/// choices, 0-4) with a `score-at-or-below` 1 flag.
fn definition() -> Value {
    let option = |code: &str, points: u32, display: &str| {
        json!({
            "valueCoding": {"system": "https://clinic.example/fhir/CodeSystem/five", "code": code, "display": display},
            "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": points}]
        })
    };
    let options = json!([
        option("a", 0, "Not at all"),
        option("b", 1, "A little"),
        option("c", 2, "Somewhat"),
        option("d", 3, "Mostly"),
        option("e", 4, "Completely"),
    ]);
    let score = |id: &str, method: &str, items: &[&str]| {
        let mut ext = vec![
            json!({"url": "id", "valueCode": id}),
            json!({"url": "method", "valueCode": method}),
        ];
        ext.extend(
            items
                .iter()
                .map(|i| json!({"url": "item", "valueString": i})),
        );
        json!({"url": "https://rapport.dev/fhir/StructureDefinition/score", "extension": ext})
    };
    let flag = |id: &str, score: &str, when: &str, threshold: f64| {
        json!({"url": "https://rapport.dev/fhir/StructureDefinition/flag", "extension": [
            {"url": "id", "valueCode": id},
            {"url": "score", "valueCode": score},
            {"url": "when", "valueCode": when},
            {"url": "threshold", "valueDecimal": threshold}
        ]})
    };
    json!({
        "resourceType": "Questionnaire",
        "url": "https://clinic.example/fhir/Questionnaire/mood-check",
        "version": "2.0",
        "name": "mood-check",
        "status": "active",
        "title": "Mood check",
        "language": "en",
        "extension": [
            score("total", "sum", &["q1", "q2", "q3"]),
            score("pair", "mean", &["q1", "q2"]),
            flag("low-total", "total", "score-below", 6.0),
            flag("low-pair", "pair", "score-at-or-below", 1.0),
        ],
        "item": [
            {"linkId": "q1", "type": "choice", "required": true, "text": "I felt heard.", "answerOption": options},
            {"linkId": "q2", "type": "choice", "required": true, "text": "I felt judged.", "answerOption": options,
             "extension": [{"url": "https://rapport.dev/fhir/StructureDefinition/reverse-scored", "valueBoolean": true}]},
            {"linkId": "q3", "type": "integer", "required": true, "text": "How was your week?",
             "extension": [
                {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0},
                {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 10}
             ]},
            {"linkId": "note", "type": "text", "text": "Anything else?"}
        ]
    })
}

fn with_oidc(mut c: Config, dir: &TempDir) -> Config {
    c.oidc_issuer = Some(DOWN_ISSUER.into());
    c.oidc_client_id = Some("rapport".into());
    c.oidc_client_secret = Some(SECRET.into());
    c.public_url = Some("http://127.0.0.1:8080".into());
    let defs = dir.path().join("definitions");
    std::fs::create_dir_all(&defs).unwrap();
    std::fs::write(defs.join("mood-check.json"), definition().to_string()).unwrap();
    c.definitions_dirs = vec![defs];
    c
}

async fn app(dir: &TempDir) -> (Router, Store, Config) {
    let config = with_oidc(config_in(dir).await, dir);
    let store = open_store(&config).await.unwrap();
    let app = router_with(&config, store.clone()).unwrap();
    (app, store, config)
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
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

async fn call(app: &Router, path: &str, cookie: &str) -> (StatusCode, String) {
    let req = Request::builder()
        .uri(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let body = to_bytes(resp.into_body(), 1 << 22).await.unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

/// One session's answers to the clinic definition: the codes of q1 and q2, q3, the note.
struct Mood<'a>(&'a str, &'a str, i64, Option<&'a str>);

fn mood_answers(q: &Questionnaire, m: &Mood<'_>) -> Answers {
    let mut a = Answers::new();
    for (id, code) in [("q1", m.0), ("q2", m.1)] {
        a.set(
            id,
            Some(AnswerValue::Coding {
                system: Some("https://clinic.example/fhir/CodeSystem/five".into()),
                code: code.into(),
            }),
        );
    }
    a.set("q3", Some(AnswerValue::Integer(m.2)));
    if let Some(note) = m.3 {
        a.set("note", Some(AnswerValue::String(note.into())));
    }
    let _ = q;
    a
}

/// Stores an envelope of `answers` to `q` (known to the receiver as `instrument`/`version`),
/// answered in `lang`, for subject `sub` with care team `team`, received at `at`.
#[allow(clippy::too_many_arguments)]
async fn store_envelope(
    store: &Store,
    q: &Questionnaire,
    instrument: &str,
    version: &str,
    lang: &str,
    answers: &Answers,
    sub: &str,
    team: &[&str],
    at: &str,
) -> String {
    let answered = Answered {
        answers,
        display: &|_, _| None,
    };
    store_answered(
        store, q, instrument, version, lang, &answered, sub, team, at,
    )
    .await
}

/// Answers and the words of the options picked, as the widget sends them.
struct Answered<'a> {
    answers: &'a Answers,
    display: &'a dyn Fn(&Item, &AnswerOption) -> Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn store_answered(
    store: &Store,
    q: &Questionnaire,
    instrument: &str,
    version: &str,
    lang: &str,
    answered: &Answered<'_>,
    sub: &str,
    team: &[&str],
    at: &str,
) -> String {
    let answers = answered.answers;
    let key = uuid::Uuid::new_v4().to_string();
    let meta = EnvelopeMeta {
        idempotency_key: &key,
        instrument_id: instrument,
        version,
        language: lang,
        translation_status: "source",
        submitted_at: at,
        previous_scores: &PreviousScores::new(),
        context: &json!({}),
        subject: None,
        widget_version: None,
    };
    let e = Envelope::build(q, answers, &meta, answered.display);
    let id = uuid::Uuid::new_v4().to_string();
    let record = NewRecord {
        idempotency_key: key.clone(),
        body_sha256: format!("{:064}", 0),
        instrument_id: instrument.into(),
        instrument_version: version.into(),
        language: lang.into(),
        envelope: e.to_json().to_string(),
        verified: true,
        subject: Some(rapport_receiver::subject::Subject {
            system: PORTAL.into(),
            value: sub.into(),
            verified: true,
            name: Some(format!("Patient {sub}")),
            care_team: Some(team.iter().map(|s| (*s).to_owned()).collect()),
            episode: None,
        }),
        scores: Score::list_to_json(&e.scores).to_string(),
        flags: rapport_core::scoring::Flag::list_to_json(&e.flags).to_string(),
        previous_scores_from: None,
        history: None,
    };
    let receipt = rapport_receiver::Receipt {
        id: id.clone(),
        idempotency_key: key,
        received_at: at.into(),
    };
    store.insert(&record, receipt).await.expect("stored");
    id
}

fn mood() -> Questionnaire {
    Questionnaire::from_json(&definition().to_string()).expect("the test definition loads")
}

/// Ana's history of the clinic definition: totals 14, 5 (flagged: below 6, and pair 1) and 10,
/// the last with a note that tries to run a script.
async fn seed_ana(store: &Store, team: &[&str]) -> Vec<String> {
    let q = mood();
    let mut ids = Vec::new();
    for (m, at) in [
        // q1 d=3, q2 b=1 reversed to 3, q3 8: total 14, pair 3.
        (Mood("d", "b", 8, None), "2026-10-01T09:00:00.000Z"),
        // q1 a=0, q2 c=2 reversed to 2, q3 3: total 5 (< 6), pair 1 (<= 1).
        (
            Mood("a", "c", 3, Some("plain words")),
            "2026-10-15T09:00:00.000Z",
        ),
        // q1 e=4, q2 a=0 reversed to 4, q3 2: total 10, pair 4.
        (
            Mood(
                "e",
                "a",
                2,
                Some("<script>alert(1)</script> CANARY-note-7f3"),
            ),
            "2026-11-01T09:00:00.000Z",
        ),
    ] {
        ids.push(
            store_envelope(
                store,
                &q,
                "mood-check",
                "2.0",
                "en",
                &mood_answers(&q, &m),
                "p-ana",
                team,
                at,
            )
            .await,
        );
    }
    ids
}

/// The rows of the numbers table captioned `caption`: (date, value, flags) as HTML text.
fn number_rows(body: &str, caption: &str) -> Vec<(String, String, String)> {
    let start = body
        .find(&format!("<caption>{caption}</caption>"))
        .unwrap_or_else(|| panic!("no table {caption}: {body}"));
    let table = &body[start..start + body[start..].find("</table>").unwrap()];
    table
        .split("<tr><th scope=\"row\">")
        .skip(1)
        .map(|row| {
            let cells: Vec<String> = row
                .split(['<', '>'])
                .filter(|s| !s.trim().is_empty())
                .filter(|s| !s.starts_with("/t") && !s.starts_with("td") && !s.starts_with("/span"))
                .filter(|s| !s.starts_with("span") && !s.starts_with("th"))
                .map(str::to_owned)
                .collect();
            (cells[0].clone(), cells[1].clone(), cells[2].clone())
        })
        .collect()
}

#[tokio::test]
async fn the_patients_page_charts_scores_with_the_definitions_thresholds() {
    let dir = TempDir::new("patient-chart");
    let (app, store, _) = app(&dir).await;
    let ids = seed_ana(&store, &["okafor"]).await;
    let cookie = sign_in(&store, "sid-ok", "okafor").await;
    let path = format!("/clinician/patients/{}", patient_ref(PORTAL, "p-ana"));

    // The caseload links to the page.
    let (_, home) = call(&app, "/clinician/", &cookie).await;
    // (minijinja writes `/` in attributes as `&#x2f;`.)
    let href = format!("href=\"{}\"", path.replace('/', "&#x2f;"));
    assert!(home.contains(&href), "{home}");

    let (status, body) = call(&app, &path, &cookie).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("<h1><bdi>Patient p-ana</bdi></h1>"), "{body}");
    // The page links the patient's FHIR Bundle.
    let bundle = format!(
        "href=\"{}&#x2f;bundle.json\" download",
        path.replace('/', "&#x2f;")
    );
    assert!(body.contains(&bundle), "{body}");
    assert!(body.contains("<h2 id=\"i0-h\">Mood check</h2>"), "{body}");
    assert!(
        !body.contains("style=") && !body.contains("<script>"),
        "{body}"
    );

    // The same numbers as the chart, per session, with the flags on that score.
    assert_eq!(
        number_rows(&body, "total"),
        [
            ("2026-10-01".into(), "14".into(), "None".into()),
            ("2026-10-15".into(), "5".into(), "low-total".into()),
            ("2026-11-01".into(), "10".into(), "None".into()),
        ]
    );
    assert_eq!(
        number_rows(&body, "pair"),
        [
            ("2026-10-01".into(), "3".into(), "None".into()),
            ("2026-10-15".into(), "1".into(), "low-pair".into()),
            ("2026-11-01".into(), "4".into(), "None".into()),
        ]
    );

    // The main chart: total on 0-18 (the items' points summed), the threshold line at 6, one
    // flagged diamond; the text alternative names first, last and the range.
    let main = &body[body.find("<figure class=\"score main\"").expect("main")..];
    let main = &main[..main.find("</figure>").unwrap()];
    assert!(
        main.contains("role=\"img\" aria-labelledby=\"i0-s0-t\""),
        "{main}"
    );
    assert!(main.contains("<title id=\"i0-s0-t\">"), "{main}");
    for part in ["3", "14", "2026-10-01", "10", "2026-11-01", "0", "18"] {
        assert!(
            main.contains(&format!("\u{2068}{part}\u{2069}")),
            "{part}: {main}"
        );
    }
    // Plot area 10..178 high on a 0-18 scale: 6 sits at 178 - 6/18 * 168 = 122.
    assert!(
        main.contains(
            "<line class=\"threshold\" x1=\"34.0\" x2=\"470.0\" y1=\"122.0\" y2=\"122.0\"/>"
        ),
        "{main}"
    );
    assert_eq!(main.matches("class=\"mark flagged\"").count(), 1, "{main}");
    assert!(
        body.contains("<p class=\"flag-key\">"),
        "the diamond is explained"
    );
    assert_eq!(main.matches("<circle class=\"mark\"").count(), 2, "{main}");
    assert!(
        main.contains("raised when the score is below \u{2068}6\u{2069}"),
        "{main}"
    );
    // The sub-score: pair on 0-4 (the mean of its items' ranges), its line at 1 (or lower).
    let sub = &body[body.find("<figure class=\"score sub\"").expect("sub")..];
    assert!(sub.contains("\u{2068}4\u{2069}.</title>"), "{sub}");
    assert!(sub.contains("\u{2068}1\u{2069} or lower"), "{sub}");

    // Items in rows, sessions in columns, answers as scored; the note as text, escaped.
    // A reverse-scored item says so; its options show beside their points.
    assert!(
        body.contains(concat!(
            "<th scope=\"row\">I felt judged.<span class=\"reversed\">Counted reversed: a lower answer scores more points.</span></th>",
            "<td class=\"answer\">3<span class=\"option\">A little</span></td>",
            "<td class=\"answer\">2<span class=\"option\">Somewhat</span></td>",
            "<td class=\"answer\">4<span class=\"option\">Not at all</span></td>"
        )),
        "{body}"
    );
    assert!(
        body.contains("<th scope=\"row\">I felt heard.</th><td class=\"answer\">3<span class=\"option\">Mostly</span></td>"),
        "{body}"
    );
    assert!(
        body.contains("<span aria-hidden=\"true\">\u{2191}</span> up \u{2068}1\u{2069}"),
        "{body}"
    );
    assert!(body.contains("How was your week?</th><td class=\"answer\">8</td><td class=\"answer\">3</td><td class=\"answer\">2</td><td class=\"trend\"><span aria-hidden=\"true\">\u{2193}</span> down \u{2068}6\u{2069}"), "{body}");
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; CANARY-note-7f3"),
        "{body}"
    );
    assert!(
        body.contains("<td class=\"answer\">plain words</td>"),
        "{body}"
    );
    // The language answered in, with the status the envelope recorded (a clinic definition
    // has no Fluent file to read it from).
    assert_eq!(
        body.matches("<td>\u{2068}en\u{2069} (\u{2068}original\u{2069})</td>")
            .count(),
        3,
        "{body}"
    );

    // The read is audited with the records' ids; no answer is in the audit.
    let audit = store.audit_page(None, 100).await.unwrap();
    let reads: Vec<_> = audit
        .iter()
        .map(|(_, e)| e)
        .filter(|e| e.action == "clinician-read")
        .collect();
    assert_eq!(reads.len(), 1, "{audit:?}");
    assert_eq!(reads[0].actor, "clinician:okafor");
    assert_eq!(reads[0].records, ids);
    assert_eq!(reads[0].count, 3);
    assert_eq!(reads[0].route, format!("GET {path}"));
    assert!(!format!("{audit:?}").contains("CANARY"));
}

#[tokio::test]
async fn another_clinicians_patient_is_not_found_like_an_unknown_one() {
    let dir = TempDir::new("patient-404");
    let (app, store, _) = app(&dir).await;
    seed_ana(&store, &["okafor"]).await;
    let other = sign_in(&store, "sid-li", "lindqvist").await;
    let known = format!("/clinician/patients/{}", patient_ref(PORTAL, "p-ana"));
    let unknown = format!("/clinician/patients/{}", patient_ref(PORTAL, "p-nobody"));
    let (s1, b1) = call(&app, &known, &other).await;
    let (s2, b2) = call(&app, &unknown, &other).await;
    let (s3, b3) = call(&app, "/clinician/patients/not-a-ref", &other).await;
    assert_eq!(
        (s1, s2, s3),
        (
            StatusCode::NOT_FOUND,
            StatusCode::NOT_FOUND,
            StatusCode::NOT_FOUND
        )
    );
    assert_eq!(
        b1, b2,
        "the same page for a patient one may not see and a missing one"
    );
    assert_eq!(b1, b3);
    assert!(
        b1.contains("Patient not found") && !b1.contains("p-ana"),
        "{b1}"
    );
    // Nothing was read: the three attempts are in the audit as not found, alike, with no
    // record; the junk reference is not copied into the audit.
    let audit = store.audit_page(None, 100).await.unwrap();
    let reads: Vec<_> = audit
        .iter()
        .map(|(_, e)| e)
        .filter(|e| e.action == "clinician-read")
        .collect();
    assert_eq!(reads.len(), 3, "{audit:?}");
    for e in &reads {
        assert_eq!(e.actor, "clinician:lindqvist");
        assert_eq!(e.outcome, "not-found");
        assert!(e.records.is_empty() && e.count == 0, "{e:?}");
    }
    assert_eq!(reads[0].route, format!("GET {known}"));
    assert_eq!(reads[2].route, "GET /clinician/patients/{ref}");

    // When the care team of the newest record no longer names the clinician, the page is gone
    // for them, and another team's newest record opens it to that team.
    let q = mood();
    store_envelope(
        &store,
        &q,
        "mood-check",
        "2.0",
        "en",
        &mood_answers(&q, &Mood("c", "c", 5, None)),
        "p-ana",
        &["lindqvist"],
        "2026-11-20T09:00:00.000Z",
    )
    .await;
    let okafor = sign_in(&store, "sid-ok", "okafor").await;
    let (status, _) = call(&app, &known, &okafor).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = call(&app, &known, &other).await;
    assert_eq!(status, StatusCode::OK);

    // Signed out: the signed-out page, not the patient.
    let (status, body) = call(&app, &known, "rapport_clinician=nope").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(!body.contains("Patient p-ana"), "{body}");
}

#[tokio::test]
async fn a_bundled_instrument_shows_the_clinicians_words_and_the_patients_language() {
    let dir = TempDir::new("patient-bundled");
    let (app, store, _) = app(&dir).await;
    let q = rapport_core::bundled::load("session-checkin")
        .unwrap()
        .unwrap();
    for (v, at) in [
        (7, "2026-09-01T08:00:00.000Z"),
        (9, "2026-09-08T08:00:00.000Z"),
    ] {
        let mut a = Answers::new();
        for item in &q.items {
            a.set(&item.link_id, Some(AnswerValue::Integer(v)));
        }
        store_envelope(
            &store,
            &q,
            "session-checkin",
            "1.0.0",
            "de",
            &a,
            "p-ben",
            &["okafor"],
            at,
        )
        .await;
    }
    let cookie = sign_in(&store, "sid-ok", "okafor").await;
    let path = format!("/clinician/patients/{}", patient_ref(PORTAL, "p-ben"));
    let (status, body) = call(&app, &path, &cookie).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The title, score name and questions in the clinician's language (English), not German.
    assert!(
        body.contains("<h2 id=\"i0-h\">After your session</h2>"),
        "{body}"
    );
    assert!(
        body.contains("<h4 id=\"i0-s0-h\">This session overall</h4>"),
        "{body}"
    );
    assert!(body.contains("<th scope=\"row\">Today I could say what was on my mind.</th><td class=\"answer\">7</td><td class=\"answer\">9</td>"), "{body}");
    // The patient's language and the status of its file (German is a machine draft).
    assert!(
        body.contains("\u{2068}de\u{2069} (\u{2068}machine draft, not reviewed\u{2069})"),
        "{body}"
    );
    // 0-40 (four 0-10 items); no score-below flags in this instrument, so no threshold line.
    assert_eq!(
        number_rows(&body, "This session overall"),
        [
            ("2026-09-01".into(), "28".into(), "None".into()),
            ("2026-09-08".into(), "36".into(), "None".into()),
        ]
    );
    assert!(body.contains("\u{2068}40\u{2069}.</title>"), "{body}");
    assert!(!body.contains("class=\"threshold\""), "{body}");
    assert!(
        !body.contains("class=\"flag-key\""),
        "no flag raised, so no diamond to explain"
    );
}

/// A receiver process with its request log on a pipe.
struct Instance {
    child: std::process::Child,
    addr: SocketAddr,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn the_server_log_carries_no_answers() {
    let dir = TempDir::new("patient-log");
    let (_, store, config) = app(&dir).await;
    seed_ana(&store, &["okafor"]).await;
    let cookie = sign_in(&store, "sid-ok", "okafor").await;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rapport-receiver"));
    cmd.args(["--listen", "127.0.0.1:0", "--rate-limit", "0"])
        .args(["--database", &config.database.to_string()])
        .args(["--oidc-issuer", DOWN_ISSUER, "--oidc-client-id", "rapport"])
        .args(["--public-url", "http://127.0.0.1:8080"])
        .args([
            "--definitions-dir",
            &config.definitions_dirs[0].display().to_string(),
        ])
        .env("RAPPORT_OIDC_CLIENT_SECRET", SECRET)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    match &config.database_password {
        Some(pw) => cmd.env("RAPPORT_DATABASE_PASSWORD", pw),
        None => cmd.env_remove("RAPPORT_DATABASE_PASSWORD"),
    };
    let mut child = cmd.spawn().expect("start rapport-receiver");
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
    let addr: SocketAddr = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("no address in {first:?}"));
    let mut instance = Instance { child, addr };

    let path = format!("/clinician/patients/{}", patient_ref(PORTAL, "p-ana"));
    let body = get_over_tcp(instance.addr, &path, &cookie).await;
    assert!(body.starts_with("HTTP/1.1 200"), "{body}");
    assert!(body.contains("CANARY-note-7f3"), "the page shows the note");
    let stderr = instance.child.stderr.take().unwrap();
    drop(instance);
    let log: Vec<String> = BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .collect();
    let text = log.join("\n");
    assert!(
        text.contains("/clinician/patients/{reference}"),
        "the request is logged: {text}"
    );
    for secret in [
        "CANARY",
        "p-ana",
        "Patient p-ana",
        &patient_ref(PORTAL, "p-ana"),
    ] {
        assert!(!text.contains(secret), "{secret} in the log: {text}");
    }
}

async fn get_over_tcp(addr: SocketAddr, path: &str, cookie: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).await.unwrap();
    String::from_utf8_lossy(&reply).into_owned()
}

/// The patient page's HTML after one stored answer set for `definition` (written to the
/// receiver's definitions as `file`), seen by the patient's clinician.
async fn item_table(name: &str, definition: &Value, id: &str, answers: &Answers) -> String {
    let answered = Answered {
        answers,
        display: &|_, _| None,
    };
    item_table_answered(name, definition, id, &answered).await
}

async fn item_table_answered(
    name: &str,
    definition: &Value,
    id: &str,
    answered: &Answered<'_>,
) -> String {
    let answers = answered.answers;
    let dir = TempDir::new(name);
    let config = with_oidc(config_in(&dir).await, &dir);
    std::fs::write(
        config.definitions_dirs[0].join(format!("{name}.json")),
        definition.to_string(),
    )
    .unwrap();
    let store = open_store(&config).await.unwrap();
    let app = router_with(&config, store.clone()).unwrap();
    // With the instances of repeating groups the answers fill.
    let q = Questionnaire::from_value(definition)
        .expect("the definition loads")
        .fitting(answers);
    store_answered(
        &store,
        &q,
        id,
        "1",
        "en",
        answered,
        "p-ana",
        &["okafor"],
        "2026-11-01T09:00:00.000Z",
    )
    .await;
    let cookie = sign_in(&store, &format!("sid-{name}"), "okafor").await;
    let path = format!("/clinician/patients/{}", patient_ref(PORTAL, "p-ana"));
    let (status, body) = call(&app, &path, &cookie).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// A core fixture's definition.
fn fixture_definition(text: &str) -> Value {
    let fixture: Value = serde_json::from_str(text).unwrap();
    fixture["definition"].clone()
}

/// Check boxes (a choice with `repeats: true`): every tick in the item table, in the order the
/// patient gave them, with the options' words, and items nested under a question beside them.
#[tokio::test]
async fn check_box_answers_are_listed_in_the_order_given() {
    let definition = fixture_definition(include_str!(
        "../../rapport-core/tests/fixtures/repeats-choice.json"
    ));
    let symptom = |code: &str| AnswerValue::Coding {
        system: Some("https://clinic.example/CodeSystem/symptoms".into()),
        code: code.into(),
    };
    let mut answers = Answers::new();
    answers.set(
        "symptoms",
        Some(AnswerValue::Many(vec![symptom("worry"), symptom("sleep")])),
    );
    answers.set("worry-detail", Some(AnswerValue::String("Money".into())));
    let body = item_table("repeats", &definition, "Repeats", &answers).await;
    assert!(
        body.contains("<td class=\"answer\">Worry; Sleep</td>"),
        "{body}"
    );
    assert!(body.contains("<td class=\"answer\">Money</td>"), "{body}");
}

/// A number's unit (`questionnaire-unit`) beside the answer, as the patient typed it in; a
/// number without one is the number alone.
#[tokio::test]
async fn numbers_are_shown_with_their_unit() {
    let mut definition = fixture_definition(include_str!(
        "../../rapport-core/tests/fixtures/units-and-hidden.json"
    ));
    definition["item"]
        .as_array_mut()
        .unwrap()
        .push(json!({"linkId": "pulse", "type": "integer", "text": "Pulse"}));
    let mut answers = Answers::new();
    answers.set("systolic", Some(AnswerValue::Decimal(128.5)));
    answers.set("weight", Some(AnswerValue::Integer(72)));
    answers.set("pulse", Some(AnswerValue::Integer(64)));
    let body = item_table("units", &definition, "Vitals", &answers).await;
    assert!(
        body.contains("<td class=\"answer\">128.5 mm[Hg]</td>"),
        "{body}"
    );
    assert!(body.contains("<td class=\"answer\">72 kg</td>"), "{body}");
    assert!(body.contains("<td class=\"answer\">64</td>"), "{body}");
}

/// A quantity's answer: the number and the unit the patient chose, in the unit's words.
#[tokio::test]
async fn quantities_are_shown_with_the_unit_chosen() {
    let definition = fixture_definition(include_str!(
        "../../rapport-core/tests/fixtures/quantity.json"
    ));
    let quantity = |value: f64, code: &str| AnswerValue::Quantity {
        value,
        system: Some("http://unitsofmeasure.org".to_owned()),
        code: code.into(),
    };
    let mut answers = Answers::new();
    answers.set("weight", Some(quantity(160.5, "[lb_av]")));
    answers.set("since", Some(quantity(3.0, "wk")));
    let body = item_table("quantity", &definition, "Quantities", &answers).await;
    assert!(
        body.contains("<td class=\"answer\">160.5 lb</td>"),
        "{body}"
    );
    assert!(body.contains("<td class=\"answer\">3 weeks</td>"), "{body}");
}

/// A repeating group: an item's answer in each instance, in order, in one cell.
#[tokio::test]
async fn answers_in_a_repeating_group_are_listed_per_instance() {
    let definition = fixture_definition(include_str!(
        "../../rapport-core/tests/fixtures/repeating-groups.json"
    ));
    let sep = rapport_core::definition::instances::SEP;
    let mut answers = Answers::new();
    answers.set("any", Some(AnswerValue::Boolean(true)));
    answers.set("name", Some(AnswerValue::String("Sertraline".into())));
    answers.set(
        &format!("name{sep}2"),
        Some(AnswerValue::String("Melatonin".into())),
    );
    answers.set(
        &format!("dose-known{sep}2"),
        Some(AnswerValue::Boolean(false)),
    );
    let body = item_table("repeating", &definition, "Medicines", &answers).await;
    assert!(
        body.contains("<td class=\"answer\">Sertraline; Melatonin</td>"),
        "{body}"
    );
    assert!(body.contains("<td class=\"answer\">No</td>"), "{body}");
}

/// A choice whose options an `answerExpression` lists (none in the definition): the option's
/// words, worked out again from the answers, whatever `display` the response carries.
#[tokio::test]
async fn options_listed_from_answers_are_shown_with_their_words() {
    let definition = fixture_definition(include_str!(
        "../../rapport-core/tests/fixtures/answer-expression.json"
    ));
    let topic = |code: &str| AnswerValue::Coding {
        system: Some("https://clinic.example/topics".into()),
        code: code.into(),
    };
    let mut answers = Answers::new();
    answers.set(
        "areas",
        Some(AnswerValue::Many(vec![topic("sleep"), topic("mood")])),
    );
    answers.set("first", Some(topic("mood")));
    // Sent without words (an older widget): the list's words.
    let body = item_table("listed-code", &definition, "MedicinesReview", &answers).await;
    assert!(body.contains("<td class=\"answer\">Mood</td>"), "{body}");
    // Sent with other words than the list's (a client that is not the widget): the list's.
    let display = |item: &Item, o: &AnswerOption| {
        (item.link_id == "first").then(|| format!("not {}", o.code))
    };
    let answered = Answered {
        answers: &answers,
        display: &display,
    };
    let body = item_table_answered("listed", &definition, "MedicinesReview", &answered).await;
    assert!(body.contains("<td class=\"answer\">Mood</td>"), "{body}");
    assert!(!body.contains("not mood"), "{body}");
}
