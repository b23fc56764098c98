//! The receiver end to end, without a network: the router is built against a real SQLite file
//! in a temporary directory, or (when `RAPPORT_TEST_POSTGRES` names a PostgreSQL server, as
//! `cargo xtask test` does) a fresh database on that server, and called with
//! `tower::ServiceExt::oneshot`. Envelopes are made
//! with rapport_core exactly as the widget makes them, answering every question of the loaded
//! definition generically (so the tests do not depend on the instruments' linkIds).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use axum::body::{to_bytes, Body};
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::bundled;
use rapport_core::definition::{ItemKind, Questionnaire};
use rapport_core::envelope::{Envelope, EnvelopeMeta, MAX_ENVELOPE_BYTES};
use rapport_core::scoring::Score;
use rapport_receiver::{router, Config, Database, Store};
use serde_json::{json, Value};
use tower::ServiceExt;

mod common;
use common::{config_in, TempDir};

const INSTRUMENT: &str = "session-checkin";

// ---------------------------------------------------------------------------------------------
// Fixtures

/// A router on a fresh database, and where that database is.
struct Receiver {
    app: Router,
    config: Config,
    _dir: TempDir,
}

async fn receiver(name: &str, tweak: impl FnOnce(&mut Config, &Path)) -> Receiver {
    let dir = TempDir::new(name);
    let mut config = config_in(&dir).await;
    tweak(&mut config, dir.path());
    let app = router(&config).await.expect("router builds");
    Receiver {
        app,
        config,
        _dir: dir,
    }
}

/// Writes `files` (name, text) into `dir/definitions` and points the receiver at it.
fn with_definitions(c: &mut Config, dir: &Path, files: &[(&str, &str)]) {
    let defs = dir.join("definitions");
    std::fs::create_dir_all(&defs).unwrap();
    for (name, text) in files {
        std::fs::write(defs.join(name), text).unwrap();
    }
    c.definitions_dirs = vec![defs];
}

/// Rows in the database, counted over a connection of its own (not the receiver's).
async fn rows_stored(config: &Config) -> i64 {
    let store = Store::connect(&config.database, config.database_password.as_deref())
        .await
        .expect("open the database");
    let n = store.count().await.expect("count");
    store.close().await;
    n
}

fn load(id: &str) -> Questionnaire {
    match bundled::load(id) {
        Some(Ok(q)) => q,
        Some(Err(problems)) => {
            let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            panic!(
                "bundled instrument {id} does not load:\n{}",
                list.join("\n")
            )
        }
        None => panic!("no bundled instrument {id}"),
    }
}

/// A valid answer to every question: the first option, the lowest allowed number, yes, "ok".
fn answer_everything(q: &Questionnaire) -> Answers {
    let mut answers = Answers::new();
    for item in &q.items {
        let value = match &item.kind {
            ItemKind::Group | ItemKind::Display => continue,
            ItemKind::Choice { options, .. } => {
                let coding = |o: &rapport_core::definition::AnswerOption| AnswerValue::Coding {
                    system: o.system.clone(),
                    code: o.code.clone(),
                };
                if item.repeats {
                    // Check boxes: every option ticked, the last first.
                    AnswerValue::Many(options.iter().rev().map(coding).collect())
                } else {
                    coding(options.first().expect("choice item has options"))
                }
            }
            ItemKind::Integer { min, max, .. } => AnswerValue::Integer(match (min, max) {
                (Some(a), _) => *a,
                (None, Some(b)) => (*b).min(0),
                (None, None) => 0,
            }),
            ItemKind::Decimal { min, max } => AnswerValue::Decimal(match (min, max) {
                (Some(a), _) => *a,
                (None, Some(b)) => b.min(0.0),
                (None, None) => 0.0,
            }),
            ItemKind::Boolean => AnswerValue::Boolean(true),
            ItemKind::Date => AnswerValue::Date("2026-12-05".into()),
            ItemKind::DateTime => AnswerValue::DateTime("2026-12-05T14:30:00+01:00".into()),
            ItemKind::Time => AnswerValue::Time("14:30:00".into()),
            ItemKind::Quantity { units } => {
                let u = units.first().expect("a quantity has a unit");
                AnswerValue::Quantity {
                    value: 72.5,
                    system: u.system.clone(),
                    code: u.code.clone(),
                }
            }
            ItemKind::String { max_length } | ItemKind::Text { max_length } => {
                let n = max_length.unwrap_or(2).clamp(1, 2);
                AnswerValue::String("ok".chars().take(n).collect())
            }
        };
        answers.set(&item.link_id, Some(value));
    }
    answers
}

/// The envelope the widget would send for `answers`.
fn envelope(id: &str, q: &Questionnaire, answers: &Answers, key: &str) -> Envelope {
    let version = q.version.clone().unwrap_or_default();
    let meta = EnvelopeMeta {
        idempotency_key: key,
        instrument_id: id,
        version: &version,
        language: "en",
        translation_status: "source",
        submitted_at: "2026-08-01T09:30:00Z",
        previous_scores: &Default::default(),
        context: &json!({ "visit": "demo" }),
        subject: None,
        widget_version: Some(env!("CARGO_PKG_VERSION")),
    };
    Envelope::build(q, answers, &meta, &|_, _| None)
}

fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A valid envelope for the bundled instrument, with a fresh key.
fn valid(key: &str) -> Envelope {
    let q = load(INSTRUMENT);
    envelope(INSTRUMENT, &q, &answer_everything(&q), key)
}

fn bytes(e: &Envelope) -> Vec<u8> {
    serde_json::to_vec(e).expect("serialize envelope")
}

fn post(key: Option<&str>, body: Vec<u8>) -> Request<Body> {
    let mut req = Request::builder()
        .method(Method::POST)
        .uri("/api/responses")
        .header("content-type", "application/json");
    if let Some(k) = key {
        req = req.header("idempotency-key", k);
    }
    req.body(Body::from(body)).expect("request")
}

fn get(uri: &str) -> Request<Body> {
    Request::builder()
        .uri(uri)
        .body(Body::empty())
        .expect("request")
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn is_json(&self) -> bool {
        self.header("content-type")
            .is_some_and(|c| c.starts_with("application/json"))
    }
}

async fn send(app: &Router, req: Request<Body>) -> Reply {
    let resp = app.clone().oneshot(req).await.expect("infallible");
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = to_bytes(resp.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

fn assert_refused(r: &Reply, status: StatusCode, code: &str) {
    assert_eq!(
        r.status,
        status,
        "body: {}",
        String::from_utf8_lossy(&r.body)
    );
    assert!(r.is_json(), "content-type {:?}", r.header("content-type"));
    let v = r.json();
    assert_eq!(v["error"], code, "{v}");
    assert!(v["message"].is_string() && v["pointer"].is_string(), "{v}");
}

// ---------------------------------------------------------------------------------------------
// Delivery and idempotency

#[tokio::test]
async fn valid_envelope_is_stored_once_and_replayed() {
    let r = receiver("valid", |_, _| {}).await;
    let key = new_key();
    let body = bytes(&valid(&key));

    let first = send(&r.app, post(Some(&key), body.clone())).await;
    assert_eq!(
        first.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&first.body)
    );
    assert!(first.is_json());
    let receipt = first.json();
    assert_eq!(receipt["idempotencyKey"], key.as_str());
    let id = receipt["id"].as_str().expect("id");
    assert!(rapport_core::envelope::is_uuid(id), "{id}");
    let at = receipt["receivedAt"].as_str().expect("receivedAt");
    assert!(at.ends_with('Z') && at.len() == 24, "{at}");
    assert_eq!(receipt.as_object().map(|o| o.len()), Some(3), "{receipt}");
    assert_eq!(rows_stored(&r.config).await, 1);

    // The same key and body again: the same receipt, nothing new stored.
    let again = send(&r.app, post(Some(&key), body.clone())).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json(), receipt);
    assert_eq!(rows_stored(&r.config).await, 1);

    // The key as the IETF draft writes it (a quoted sf-string), and the body re-formatted:
    // still the same envelope.
    let pretty =
        serde_json::to_vec_pretty(&serde_json::from_slice::<Value>(&body).unwrap()).unwrap();
    let quoted = send(&r.app, post(Some(&format!("\"{key}\"")), pretty)).await;
    assert_eq!(quoted.status, StatusCode::OK);
    assert_eq!(quoted.json(), receipt);
    assert_eq!(rows_stored(&r.config).await, 1);
}

#[tokio::test]
async fn same_key_with_another_body_is_refused() {
    let r = receiver("reused", |_, _| {}).await;
    let key = new_key();
    let first = send(&r.app, post(Some(&key), bytes(&valid(&key)))).await;
    assert_eq!(first.status, StatusCode::CREATED);

    let mut other = valid(&key);
    other.context = json!({ "visit": "another" });
    let r2 = send(&r.app, post(Some(&key), bytes(&other))).await;
    assert_refused(
        &r2,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
    );
    assert_eq!(rows_stored(&r.config).await, 1);
}

#[tokio::test]
async fn concurrent_posts_with_one_key_store_one_row() {
    let r = receiver("concurrent", |_, _| {}).await;
    let key = new_key();
    let body = bytes(&valid(&key));
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let app = r.app.clone();
            let req = post(Some(&key), body.clone());
            tokio::spawn(async move { send(&app, req).await })
        })
        .collect();
    let mut created = 0;
    let mut receipts = Vec::new();
    for t in tasks {
        let reply = t.await.expect("task");
        match reply.status {
            StatusCode::CREATED => created += 1,
            StatusCode::OK => {}
            s => panic!("unexpected {s}: {}", String::from_utf8_lossy(&reply.body)),
        }
        receipts.push(reply.json());
    }
    assert_eq!(created, 1, "exactly one post stores");
    assert!(
        receipts.windows(2).all(|w| w[0] == w[1]),
        "every post gets the same receipt"
    );
    assert_eq!(rows_stored(&r.config).await, 1);
}

#[tokio::test]
async fn concurrent_posts_with_different_keys_all_store() {
    let r = receiver("concurrent-many", |_, _| {}).await;
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let app = r.app.clone();
            let key = new_key();
            let req = post(Some(&key), bytes(&valid(&key)));
            tokio::spawn(async move { send(&app, req).await.status })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.expect("task"), StatusCode::CREATED);
    }
    assert_eq!(rows_stored(&r.config).await, 6);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_posts_on_several_threads_store_one_row() {
    let r = receiver("concurrent-mt", |_, _| {}).await;
    for _ in 0..3 {
        let key = new_key();
        let body = bytes(&valid(&key));
        let tasks: Vec<_> = (0..12)
            .map(|_| {
                let app = r.app.clone();
                let req = post(Some(&key), body.clone());
                tokio::spawn(async move { send(&app, req).await.status })
            })
            .collect();
        let mut statuses = Vec::new();
        for t in tasks {
            statuses.push(t.await.expect("task"));
        }
        assert_eq!(
            statuses
                .iter()
                .filter(|s| **s == StatusCode::CREATED)
                .count(),
            1,
            "{statuses:?}"
        );
        assert!(statuses
            .iter()
            .all(|s| *s == StatusCode::CREATED || *s == StatusCode::OK));
    }
    assert_eq!(rows_stored(&r.config).await, 3);
}

// ---------------------------------------------------------------------------------------------
// Refusals: nothing stored

#[tokio::test]
async fn missing_idempotency_key_is_400() {
    let r = receiver("missing-key", |_, _| {}).await;
    let key = new_key();
    let reply = send(&r.app, post(None, bytes(&valid(&key)))).await;
    assert_refused(&reply, StatusCode::BAD_REQUEST, "missing-idempotency-key");
    assert_eq!(rows_stored(&r.config).await, 0);
}

#[tokio::test]
async fn header_key_must_match_envelope_key() {
    let r = receiver("mismatch", |_, _| {}).await;
    let reply = send(&r.app, post(Some(&new_key()), bytes(&valid(&new_key())))).await;
    assert_refused(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency-key-mismatch",
    );
    assert_eq!(reply.json()["pointer"], "/idempotencyKey");
    assert_eq!(rows_stored(&r.config).await, 0);
}

#[tokio::test]
async fn missing_required_answer_is_invalid_answers() {
    let r = receiver("invalid-answers", |_, _| {}).await;
    let q = load(INSTRUMENT);
    let mut answers = answer_everything(&q);
    // A required question that is always shown (neither it nor a parent has enableWhen).
    let always_shown = |mut i: usize| loop {
        let Some(item) = q.items.get(i) else {
            return false;
        };
        if !item.enable_when.is_empty() {
            return false;
        }
        match item.parent {
            Some(p) => i = p,
            None => return true,
        }
    };
    let target = q
        .items
        .iter()
        .enumerate()
        .find(|(i, it)| it.kind.is_question() && it.required && always_shown(*i))
        .map(|(_, it)| it.link_id.clone())
        .expect("the instrument has a required question that is always shown");
    answers.set(&target, None);
    let key = new_key();
    let reply = send(
        &r.app,
        post(Some(&key), bytes(&envelope(INSTRUMENT, &q, &answers, &key))),
    )
    .await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid-answers");
    assert_eq!(rows_stored(&r.config).await, 0);
}

#[tokio::test]
async fn tampered_score_is_score_mismatch() {
    let r = receiver("score", |_, _| {}).await;
    let key = new_key();
    let mut e = valid(&key);
    match e.scores.first_mut() {
        Some(s) => s.value = Some(s.value.unwrap_or(0.0) + 1.0),
        None => e.scores.push(Score {
            id: "total".into(),
            value: Some(99.0),
            answered: 1,
            items: 1,
        }),
    }
    let reply = send(&r.app, post(Some(&key), bytes(&e))).await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "score-mismatch");
    assert_eq!(reply.json()["pointer"], "/scores");
    assert_eq!(rows_stored(&r.config).await, 0);
}

#[tokio::test]
async fn not_an_envelope_is_422() {
    let r = receiver("garbage", |_, _| {}).await;
    let key = new_key();
    let reply = send(&r.app, post(Some(&key), b"{not json".to_vec())).await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid-envelope");
    let reply = send(
        &r.app,
        post(Some(&key), br#"{"format":"rapport-envelope/1"}"#.to_vec()),
    )
    .await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid-envelope");
    assert_eq!(rows_stored(&r.config).await, 0);
}

#[tokio::test]
async fn oversize_body_is_413() {
    let r = receiver("oversize", |_, _| {}).await;
    let reply = send(
        &r.app,
        post(Some(&new_key()), vec![b' '; MAX_ENVELOPE_BYTES + 1]),
    )
    .await;
    assert_refused(&reply, StatusCode::PAYLOAD_TOO_LARGE, "too-large");
    assert_eq!(rows_stored(&r.config).await, 0);
}

#[tokio::test]
async fn unknown_instrument_is_refused_unless_configured() {
    let unknown = |key: &str| {
        let mut e = valid(key);
        e.instrument.id = "no-such-instrument".into();
        bytes(&e)
    };

    let strict = receiver("unknown", |_, _| {}).await;
    let key = new_key();
    let reply = send(&strict.app, post(Some(&key), unknown(&key))).await;
    assert_refused(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unknown-instrument",
    );
    assert_eq!(reply.json()["pointer"], "/instrument");
    assert_eq!(rows_stored(&strict.config).await, 0);

    let lenient = receiver("unverified", |c, _| {
        c.store_unverified = true;
        c.demo = true;
    })
    .await;
    let reply = send(&lenient.app, post(Some(&key), unknown(&key))).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(rows_stored(&lenient.config).await, 1);
    let list = send(&lenient.app, get("/api/responses")).await.json();
    assert_eq!(list[0]["verified"], false);
    assert_eq!(list[0]["instrument"]["id"], "no-such-instrument");

    // Still checks the envelope's shape.
    let key = new_key();
    let mut e = valid(&key);
    e.instrument.id = "no-such-instrument".into();
    e.questionnaire_response = json!({ "resourceType": "Patient" });
    let reply = send(&lenient.app, post(Some(&key), bytes(&e))).await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid-response");
    let reply = send(&lenient.app, post(Some(&key), b"[]".to_vec())).await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid-envelope");
    // A known instrument is still fully verified.
    let mut e = valid(&key);
    e.scores.push(Score {
        id: "made-up".into(),
        value: Some(1.0),
        answered: 1,
        items: 1,
    });
    let reply = send(&lenient.app, post(Some(&key), bytes(&e))).await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "score-mismatch");
    assert_eq!(rows_stored(&lenient.config).await, 1);
}

// ---------------------------------------------------------------------------------------------
// Reading back

#[tokio::test]
async fn get_lists_stored_records_in_order() {
    let r = receiver("list", |c, _| c.demo = true).await;
    let empty = send(&r.app, get("/api/responses")).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.is_json());
    assert_eq!(empty.json(), json!([]));

    let keys = [new_key(), new_key()];
    let mut receipts = Vec::new();
    for key in &keys {
        let reply = send(&r.app, post(Some(key), bytes(&valid(key)))).await;
        assert_eq!(reply.status, StatusCode::CREATED);
        receipts.push(reply.json());
    }
    let list = send(&r.app, get("/api/responses")).await.json();
    let list = list.as_array().expect("array");
    assert_eq!(list.len(), 2);
    for (record, receipt) in list.iter().zip(&receipts) {
        assert_eq!(record["id"], receipt["id"]);
        assert_eq!(record["idempotencyKey"], receipt["idempotencyKey"]);
        assert_eq!(record["receivedAt"], receipt["receivedAt"]);
        assert_eq!(record["instrument"]["id"], INSTRUMENT);
        assert_eq!(record["verified"], true);
        assert_eq!(
            record["envelope"]["idempotencyKey"],
            receipt["idempotencyKey"]
        );
        assert_eq!(
            record["envelope"]["questionnaireResponse"]["resourceType"],
            "QuestionnaireResponse"
        );
    }
    assert_eq!(
        list[0]["envelope"],
        serde_json::to_value(valid(&keys[0])).unwrap()
    );

    let id = receipts[1]["id"].as_str().unwrap();
    let one = send(&r.app, get(&format!("/api/responses/{id}"))).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.json(), list[1]);
    let none = send(&r.app, get(&format!("/api/responses/{}", new_key()))).await;
    assert_refused(&none, StatusCode::NOT_FOUND, "not-found");
}

#[tokio::test]
async fn health_and_unknown_routes() {
    let r = receiver("health", |_, _| {}).await;
    let ok = send(&r.app, get("/healthz")).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.body, b"ok");
    let missing = send(&r.app, get("/nothing-here")).await;
    assert_refused(&missing, StatusCode::NOT_FOUND, "not-found");
}

#[tokio::test]
async fn the_database_survives_a_restart() {
    let dir = TempDir::new("restart");
    let config = config_in(&dir).await;
    let key = new_key();
    let body = bytes(&valid(&key));
    let receipt = {
        let app = router(&config).await.expect("router");
        let reply = send(&app, post(Some(&key), body.clone())).await;
        assert_eq!(reply.status, StatusCode::CREATED);
        reply.json()
    };
    let app = router(&config).await.expect("router reopens the database");
    let reply = send(&app, post(Some(&key), body)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json(), receipt);
    assert_eq!(rows_stored(&config).await, 1);
    if config.database.sqlite_path().is_some() {
        let Store::Sqlite(sqlite) = Store::connect(&config.database, None).await.unwrap() else {
            unreachable!()
        };
        let pool = sqlite.pool;
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&pool)
            .await
            .unwrap();
        // Per connection: what the receiver's connections are opened with.
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(
            (mode.to_lowercase().as_str(), sync),
            ("wal", 2),
            "WAL, synchronous=FULL"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Clinic definitions

const CLINIC_DEFINITION: &str = r#"{
  "resourceType": "Questionnaire",
  "url": "https://clinic.example.org/fhir/Questionnaire/visit-feedback",
  "name": "visit-feedback",
  "version": "2.1.0",
  "status": "active",
  "item": [
    { "linkId": "listened", "type": "integer", "required": true, "text": "Did we listen?",
      "extension": [
        { "url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0 },
        { "url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 10 } ] },
    { "linkId": "comment", "type": "text", "text": "Anything else?" }
  ]
}"#;

#[tokio::test]
async fn clinic_definitions_are_known_by_name_and_url() {
    let r = receiver("clinic", |c, dir| {
        let files = [
            ("visit-feedback.json", CLINIC_DEFINITION),
            ("README.txt", "not a definition"),
        ];
        with_definitions(c, dir, &files);
    })
    .await;
    let q = Questionnaire::from_json(CLINIC_DEFINITION).expect("clinic definition loads");
    let answers = answer_everything(&q);
    for id in [
        "visit-feedback",
        "https://clinic.example.org/fhir/Questionnaire/visit-feedback",
    ] {
        let key = new_key();
        let reply = send(
            &r.app,
            post(Some(&key), bytes(&envelope(id, &q, &answers, &key))),
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::CREATED,
            "{id}: {}",
            String::from_utf8_lossy(&reply.body)
        );
    }
    // Another version is another questionnaire.
    let key = new_key();
    let mut e = envelope("visit-feedback", &q, &answers, &key);
    e.instrument.version = "9.9.9".into();
    let reply = send(&r.app, post(Some(&key), bytes(&e))).await;
    assert_refused(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unknown-instrument",
    );
    assert_eq!(rows_stored(&r.config).await, 2);
}

/// A clinic definition with date, dateTime and time items: the fixture the core's tests and the
/// e2e use (issue 19, point 3).
fn dates_definition() -> String {
    let text = include_str!("../../rapport-core/tests/fixtures/dates-types.json");
    let fixture: Value = serde_json::from_str(text).expect("fixture is JSON");
    fixture["definition"].to_string()
}

#[tokio::test]
async fn date_time_and_datetime_answers_are_stored_and_malformed_ones_refused() {
    let definition = dates_definition();
    let r = receiver("dates", |c, dir| {
        with_definitions(c, dir, &[("dates.json", &definition)]);
    })
    .await;
    let q = Questionnaire::from_json(&definition).expect("dates definition loads");
    let answers = answer_everything(&q);
    let key = new_key();
    let reply = send(
        &r.app,
        post(Some(&key), bytes(&envelope("Dates", &q, &answers, &key))),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    // Not a real day, no zone, not hh:mm:ss: each refused by the core's validation again.
    for (link, bad) in [
        ("born", AnswerValue::Date("2026-02-30".into())),
        ("seen", AnswerValue::DateTime("2026-12-05T14:30:00".into())),
        ("woke", AnswerValue::Time("7:05".into())),
    ] {
        let mut tampered = answers.clone();
        tampered.set(link, Some(bad));
        let key = new_key();
        let reply = send(
            &r.app,
            post(Some(&key), bytes(&envelope("Dates", &q, &tampered, &key))),
        )
        .await;
        assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid-answers");
        let message = reply.json()["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(
            !message.contains("2026-02-30") && !message.contains("7:05"),
            "{message}"
        );
    }
    // A date where a time is asked is not read at all.
    let key = new_key();
    let mut e = envelope("Dates", &q, &answers, &key);
    let qr = &mut e.questionnaire_response;
    let slept = qr["item"][1]["item"]
        .as_array_mut()
        .and_then(|items| items.iter_mut().find(|i| i["linkId"] == "slept"))
        .expect("slept answered");
    slept["answer"] = json!([{ "valueDate": "2026-12-05" }]);
    let reply = send(&r.app, post(Some(&key), bytes(&e))).await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid-response");
    assert_eq!(rows_stored(&r.config).await, 1);
}

#[tokio::test]
async fn several_answers_to_check_boxes_are_stored_and_bad_lists_refused() {
    let text = include_str!("../../rapport-core/tests/fixtures/repeats-choice.json");
    let fixture: Value = serde_json::from_str(text).expect("fixture is JSON");
    let definition = fixture["definition"].to_string();
    let r = receiver("repeats", |c, dir| {
        with_definitions(c, dir, &[("repeats.json", &definition)]);
        c.admin_token = Some(ADMIN_TOKEN.into());
    })
    .await;
    let q = Questionnaire::from_json(&definition).expect("repeats definition loads");
    let answers = answer_everything(&q);
    let key = new_key();
    let e = envelope("Repeats", &q, &answers, &key);
    let symptoms = &e.questionnaire_response["item"][0];
    assert_eq!(symptoms["linkId"], "symptoms");
    assert_eq!(
        symptoms["answer"].as_array().map(Vec::len),
        Some(4),
        "{symptoms}"
    );
    let reply = send(&r.app, post(Some(&key), bytes(&e))).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    // Read back as stored: the four answers, in the order given.
    let stored = send(&r.app, bearer(get("/api/responses"), ADMIN_TOKEN)).await;
    assert_eq!(stored.status, StatusCode::OK);
    let list = stored.json();
    let item = &list[0]["envelope"]["questionnaireResponse"]["item"][0];
    let codes: Vec<&str> = item["answer"]
        .as_array()
        .expect("answers")
        .iter()
        .filter_map(|a| a["valueCoding"]["code"].as_str())
        .collect();
    assert_eq!(codes, ["people", "worry", "appetite", "sleep"]);

    // The same tick twice is not read; a code the question does not offer is refused by
    // validation; neither is stored, and no message repeats an answer.
    let mut twice = e.clone();
    twice.idempotency_key = new_key();
    let list = twice.questionnaire_response["item"][0]["answer"]
        .as_array_mut()
        .expect("answers");
    list[1] = list[0].clone();
    let reply = send(&r.app, post(Some(&twice.idempotency_key), bytes(&twice))).await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid-response");
    let mut unknown = answers.clone();
    unknown.set(
        "symptoms",
        Some(AnswerValue::Many(vec![AnswerValue::Coding {
            system: Some("https://clinic.example/CodeSystem/symptoms".into()),
            code: "dancing".into(),
        }])),
    );
    let key = new_key();
    let reply = send(
        &r.app,
        post(Some(&key), bytes(&envelope("Repeats", &q, &unknown, &key))),
    )
    .await;
    assert!(
        reply.status == StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert!(!String::from_utf8_lossy(&reply.body).contains("dancing"));
    assert_eq!(rows_stored(&r.config).await, 1);
}

#[tokio::test]
async fn a_definition_without_version_is_unversioned() {
    let text = CLINIC_DEFINITION.replace("\"version\": \"2.1.0\",", "");
    let r = receiver("unversioned", |c, dir| {
        with_definitions(c, dir, &[("visit-feedback.json", &text)]);
    })
    .await;
    let q = Questionnaire::from_json(&text).expect("loads");
    assert_eq!(q.version, None);
    let key = new_key();
    let mut e = envelope("visit-feedback", &q, &answer_everything(&q), &key);
    // What the widget sends for a definition without a version.
    e.instrument.version = "unversioned".into();
    let reply = send(&r.app, post(Some(&key), bytes(&e))).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
}

#[tokio::test]
async fn a_broken_clinic_definition_stops_the_start() {
    let dir = TempDir::new("broken");
    let defs = dir.path().join("definitions");
    std::fs::create_dir_all(&defs).unwrap();
    std::fs::write(defs.join("broken.json"), r#"{"resourceType": "Patient"}"#).unwrap();
    let config = Config {
        definitions_dirs: vec![defs],
        quiet: true,
        ..config_in(&dir).await
    };
    let Err(err) = router(&config).await else {
        panic!("started with a bad definitions directory")
    };
    assert!(err.to_string().contains("broken.json"), "{err}");

    // Two files answering to the same name and version.
    let dir = TempDir::new("duplicate");
    let defs = dir.path().join("definitions");
    std::fs::create_dir_all(&defs).unwrap();
    std::fs::write(defs.join("a.json"), CLINIC_DEFINITION).unwrap();
    std::fs::write(defs.join("b.json"), CLINIC_DEFINITION).unwrap();
    let config = Config {
        definitions_dirs: vec![defs],
        ..config_in(&dir).await
    };
    let Err(err) = router(&config).await else {
        panic!("started with a bad definitions directory")
    };
    assert!(err.to_string().contains("both answer to"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Browsers: CORS and static files

const PORTAL: &str = "https://portal.example.org";

fn preflight(origin: &str) -> Request<Body> {
    Request::builder()
        .method(Method::OPTIONS)
        .uri("/api/responses")
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type, idempotency-key",
        )
        .body(Body::empty())
        .unwrap()
}

fn cors_headers(r: &Reply) -> Vec<String> {
    r.headers
        .keys()
        .map(|k| k.as_str().to_owned())
        .filter(|k| k.starts_with("access-control-"))
        .collect()
}

#[tokio::test]
async fn cors_only_for_allowed_origins() {
    let r = receiver("cors", |c, _| c.allow_origins = vec![format!("{PORTAL}/")]).await;

    let ok = send(&r.app, preflight(PORTAL)).await;
    assert!(ok.status.is_success(), "{}", ok.status);
    assert_eq!(ok.header("access-control-allow-origin"), Some(PORTAL));
    let methods = ok
        .header("access-control-allow-methods")
        .unwrap_or("")
        .to_lowercase();
    assert!(
        methods.contains("post") && methods.contains("get"),
        "{methods}"
    );
    let headers = ok
        .header("access-control-allow-headers")
        .unwrap_or("")
        .to_lowercase();
    for h in [
        "content-type",
        "idempotency-key",
        "authorization",
        "x-csrf-token",
    ] {
        assert!(headers.contains(h), "{h} in {headers}");
    }
    assert_eq!(
        ok.header("access-control-expose-headers"),
        Some("retry-after, www-authenticate")
    );
    assert_eq!(ok.header("access-control-max-age"), Some("600"));

    let other = send(&r.app, preflight("https://evil.example.com")).await;
    assert!(
        cors_headers(&other).is_empty(),
        "{:?}",
        cors_headers(&other)
    );

    // Actual requests.
    let key = new_key();
    let mut req = post(Some(&key), bytes(&valid(&key)));
    req.headers_mut().insert("origin", PORTAL.parse().unwrap());
    let stored = send(&r.app, req).await;
    assert_eq!(stored.status, StatusCode::CREATED);
    assert_eq!(stored.header("access-control-allow-origin"), Some(PORTAL));
    assert_eq!(
        stored.header("access-control-expose-headers"),
        Some("retry-after, www-authenticate")
    );

    let mut req = get("/api/responses");
    req.headers_mut()
        .insert("origin", "https://evil.example.com".parse().unwrap());
    let foreign = send(&r.app, req).await;
    assert!(
        cors_headers(&foreign).is_empty(),
        "{:?}",
        cors_headers(&foreign)
    );

    // Without --allow-origin, no origin gets CORS headers.
    let closed = receiver("cors-closed", |_, _| {}).await;
    let reply = send(&closed.app, preflight(PORTAL)).await;
    assert!(cors_headers(&reply).is_empty());
}

#[tokio::test]
async fn bad_origins_are_refused_at_start() {
    for bad in [
        "*",
        "portal.example.org",
        "https://portal.example.org/path",
        "ftp://x",
    ] {
        let dir = TempDir::new("bad-origin");
        let config = Config {
            allow_origins: vec![bad.into()],
            ..config_in(&dir).await
        };
        assert!(router(&config).await.is_err(), "{bad} accepted");
    }
}

fn write_site(dir: &Path) -> PathBuf {
    let site = dir.join("site");
    std::fs::create_dir_all(site.join("locales/en")).unwrap();
    std::fs::write(
        site.join("index.html"),
        "<!doctype html><title>Rapport demo</title>",
    )
    .unwrap();
    std::fs::write(site.join("rapport_widget_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(site.join("rapport.js"), "export {};").unwrap();
    std::fs::write(site.join("locales/en/widget.ftl"), "hello = Hello\n").unwrap();
    std::fs::write(
        site.join("locales/en/widget.q3Xz-9A_.ftl"),
        "hello = Hello\n",
    )
    .unwrap();
    site
}

#[tokio::test]
async fn static_files_with_csp() {
    let r = receiver("static", |c, dir| {
        c.static_dir = Some(write_site(dir));
        c.csp = true;
        c.demo = true;
    })
    .await;
    let csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
               connect-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; \
               frame-ancestors 'none'";

    let index = send(&r.app, get("/")).await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&index.body).contains("Rapport demo"));
    assert_eq!(
        index.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(index.header("content-security-policy"), Some(csp));

    let wasm = send(&r.app, get("/rapport_widget_bg.wasm")).await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(wasm.header("content-security-policy"), Some(csp));

    let ftl = send(&r.app, get("/locales/en/widget.ftl")).await;
    assert_eq!(ftl.status, StatusCode::OK);
    assert_eq!(
        ftl.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(ftl.body, b"hello = Hello\n");

    let js = send(&r.app, get("/rapport.js")).await;
    assert_eq!(
        js.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    // rapport.js and the pages are asked for again each time; content-hashed names are kept.
    assert_eq!(js.header("cache-control"), Some("no-cache"));
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    assert_eq!(ftl.header("cache-control"), Some("no-cache"));
    let hashed = send(&r.app, get("/locales/en/widget.q3Xz-9A_.ftl")).await;
    assert_eq!(hashed.status, StatusCode::OK);
    assert_eq!(
        hashed.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );

    let missing = send(&r.app, get("/nope.html")).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let escape = send(&r.app, get("/../Cargo.toml")).await;
    assert!(!escape.status.is_success());

    // The API still answers beside the static files.
    let list = send(&r.app, get("/api/responses")).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.json(), json!([]));
    let key = new_key();
    let stored = send(&r.app, post(Some(&key), bytes(&valid(&key)))).await;
    assert_eq!(stored.status, StatusCode::CREATED);
    assert_eq!(rows_stored(&r.config).await, 1);
}

#[tokio::test]
async fn precompressed_files_are_sent_to_browsers_that_accept_them() {
    let r = receiver("precompressed", |c, dir| {
        let site = write_site(dir);
        // What the release build writes beside each file (only the bytes matter here).
        std::fs::write(site.join("rapport_widget_bg.wasm.br"), b"BROTLI").unwrap();
        std::fs::write(site.join("rapport_widget_bg.wasm.gz"), b"GZIP").unwrap();
        c.static_dir = Some(site);
        c.csp = true;
    })
    .await;
    let wasm = |accept: Option<&str>| {
        let req = get("/rapport_widget_bg.wasm");
        match accept {
            Some(a) => with_header(req, "accept-encoding", a),
            None => req,
        }
    };
    let br = send(&r.app, wasm(Some("gzip, deflate, br"))).await;
    assert_eq!(br.status, StatusCode::OK);
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.body, b"BROTLI");
    assert_eq!(br.header("content-type"), Some("application/wasm"));
    assert_eq!(br.header("vary"), Some("accept-encoding"));

    let gz = send(&r.app, wasm(Some("gzip"))).await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert_eq!(gz.body, b"GZIP");

    let plain = send(&r.app, wasm(None)).await;
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.body, b"\0asm\x01\0\0\0");
    assert_eq!(plain.header("vary"), Some("accept-encoding"));

    // A file without siblings is sent as it is, whatever the browser accepts.
    let js = send(
        &r.app,
        with_header(get("/rapport.js"), "accept-encoding", "br"),
    )
    .await;
    assert_eq!(js.header("content-encoding"), None);
    assert_eq!(js.body, b"export {};");
}

#[tokio::test]
async fn static_files_without_csp_have_no_policy() {
    let r = receiver("static-no-csp", |c, dir| {
        c.static_dir = Some(write_site(dir))
    })
    .await;
    let index = send(&r.app, get("/")).await;
    assert_eq!(index.status, StatusCode::OK);
    assert_eq!(index.header("content-security-policy"), None);
}

// ---------------------------------------------------------------------------------------------
// Guards: tokens, listing, rate limit, content type

const POST_TOKEN: &str = "post-token-0123456789abcdef-0123456789";
const ADMIN_TOKEN: &str = "admin-token-fedcba9876543210-fedcba987";

fn with_header(mut req: Request<Body>, name: &'static str, value: &str) -> Request<Body> {
    req.headers_mut().insert(name, value.parse().unwrap());
    req
}

fn bearer(req: Request<Body>, token: &str) -> Request<Body> {
    with_header(req, "authorization", &format!("Bearer {token}"))
}

/// `req` as if it came over the network from `addr` (what `serve` adds to every request).
fn from(mut req: Request<Body>, addr: &str) -> Request<Body> {
    let addr: SocketAddr = addr.parse().unwrap();
    req.extensions_mut().insert(ConnectInfo(addr));
    req
}

fn assert_challenge(r: &Reply) {
    let challenge = r.header("www-authenticate").unwrap_or("");
    assert!(challenge.starts_with("Bearer"), "{challenge:?}");
}

#[tokio::test]
async fn post_token_is_required_when_set() {
    let r = receiver("post-token", |c, _| {
        c.post_token = Some(POST_TOKEN.into());
        c.demo = true;
    })
    .await;

    let key = new_key();
    let none = send(&r.app, post(Some(&key), bytes(&valid(&key)))).await;
    assert_refused(&none, StatusCode::UNAUTHORIZED, "unauthorized");
    assert_challenge(&none);
    assert_eq!(none.json()["pointer"], "");

    for wrong in [
        "nope",
        "post-token-0123456789abcdef-0123456788",
        "post-token-0123456789abcdef-01234567890",
    ] {
        let reply = send(&r.app, bearer(post(Some(&key), bytes(&valid(&key))), wrong)).await;
        assert_refused(&reply, StatusCode::UNAUTHORIZED, "unauthorized");
        assert_challenge(&reply);
    }
    // Another scheme is no bearer token.
    let basic = with_header(
        post(Some(&key), bytes(&valid(&key))),
        "authorization",
        &format!("Basic {POST_TOKEN}"),
    );
    assert_refused(
        &send(&r.app, basic).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    );
    assert_eq!(rows_stored(&r.config).await, 0);

    let ok = send(
        &r.app,
        bearer(post(Some(&key), bytes(&valid(&key))), POST_TOKEN),
    )
    .await;
    assert_eq!(
        ok.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&ok.body)
    );
    assert_eq!(rows_stored(&r.config).await, 1);
    // The post token does not guard listing (here --demo opens it).
    assert_eq!(
        send(&r.app, get("/api/responses")).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn listing_is_off_without_demo_or_admin_token() {
    let r = receiver("listing-off", |_, _| {}).await;
    let key = new_key();
    let stored = send(&r.app, post(Some(&key), bytes(&valid(&key)))).await;
    assert_eq!(stored.status, StatusCode::CREATED);
    let id = stored.json()["id"].as_str().unwrap().to_owned();

    for uri in ["/api/responses".to_owned(), format!("/api/responses/{id}")] {
        let reply = send(&r.app, get(&uri)).await;
        assert_refused(&reply, StatusCode::FORBIDDEN, "listing-disabled");
        assert_eq!(
            reply.json()["message"],
            "start the receiver with --admin-token or --demo"
        );
        assert!(!String::from_utf8_lossy(&reply.body).contains(&key));
        // No token opens it either.
        let reply = send(&r.app, bearer(get(&uri), ADMIN_TOKEN)).await;
        assert_refused(&reply, StatusCode::FORBIDDEN, "listing-disabled");
    }
}

#[tokio::test]
async fn listing_needs_the_admin_token() {
    let r = receiver("listing-admin", |c, _| {
        c.admin_token = Some(ADMIN_TOKEN.into());
        c.post_token = Some(POST_TOKEN.into());
    })
    .await;
    let key = new_key();
    let stored = send(
        &r.app,
        bearer(post(Some(&key), bytes(&valid(&key))), POST_TOKEN),
    )
    .await;
    assert_eq!(stored.status, StatusCode::CREATED);
    let id = stored.json()["id"].as_str().unwrap().to_owned();
    let one = format!("/api/responses/{id}");

    for uri in ["/api/responses", one.as_str()] {
        let missing = send(&r.app, get(uri)).await;
        assert_refused(&missing, StatusCode::UNAUTHORIZED, "unauthorized");
        assert_challenge(&missing);
        let wrong = send(&r.app, bearer(get(uri), "not-the-admin-token")).await;
        assert_refused(&wrong, StatusCode::UNAUTHORIZED, "unauthorized");
        assert_challenge(&wrong);
        // The post token is not the admin token.
        let post_token = send(&r.app, bearer(get(uri), POST_TOKEN)).await;
        assert_refused(&post_token, StatusCode::UNAUTHORIZED, "unauthorized");
    }

    let list = send(&r.app, bearer(get("/api/responses"), ADMIN_TOKEN)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.json()[0]["idempotencyKey"], key.as_str());
    let record = send(&r.app, bearer(get(&one), ADMIN_TOKEN)).await;
    assert_eq!(record.status, StatusCode::OK);
    assert_eq!(record.json()["id"], id.as_str());

    // The admin token does not let envelopes in.
    let key = new_key();
    let reply = send(
        &r.app,
        bearer(post(Some(&key), bytes(&valid(&key))), ADMIN_TOKEN),
    )
    .await;
    assert_refused(&reply, StatusCode::UNAUTHORIZED, "unauthorized");
}

#[tokio::test]
async fn demo_mode_opens_listing() {
    let r = receiver("listing-demo", |c, _| c.demo = true).await;
    let key = new_key();
    let stored = send(&r.app, post(Some(&key), bytes(&valid(&key)))).await;
    assert_eq!(stored.status, StatusCode::CREATED);
    let list = send(&r.app, get("/api/responses")).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.json().as_array().map(Vec::len), Some(1));
    let id = stored.json()["id"].as_str().unwrap().to_owned();
    let one = send(&r.app, get(&format!("/api/responses/{id}"))).await;
    assert_eq!(one.status, StatusCode::OK);
}

#[tokio::test]
async fn rate_limit_is_per_client_address() {
    const LIMIT: u32 = 3;
    let r = receiver("rate-limit", |c, _| c.rate_limit = LIMIT).await;
    let first = "198.51.100.7:40001";
    for i in 0..LIMIT {
        let key = new_key();
        // Another source port is the same client.
        let port = format!("198.51.100.7:{}", 40001 + i);
        let reply = send(&r.app, from(post(Some(&key), bytes(&valid(&key))), &port)).await;
        assert_eq!(reply.status, StatusCode::CREATED, "post {i}");
    }
    let key = new_key();
    let limited = send(&r.app, from(post(Some(&key), bytes(&valid(&key))), first)).await;
    assert_refused(&limited, StatusCode::TOO_MANY_REQUESTS, "rate-limited");
    let wait: u32 = limited
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("whole seconds");
    // 3 a minute: one token every 20 s.
    assert!((1..=20).contains(&wait), "{wait}");
    assert_eq!(rows_stored(&r.config).await, LIMIT as i64);

    // Another address has its own bucket.
    let other = send(
        &r.app,
        from(post(Some(&key), bytes(&valid(&key))), "203.0.113.5:5000"),
    )
    .await;
    assert_eq!(other.status, StatusCode::CREATED);
    let v6 = send(
        &r.app,
        from(post(Some(&new_key()), b"{}".to_vec()), "[2001:db8::1]:443"),
    )
    .await;
    assert_ne!(v6.status, StatusCode::TOO_MANY_REQUESTS);

    // Requests without an address (no ConnectInfo) share one bucket of their own.
    let key = new_key();
    let anonymous = send(&r.app, post(Some(&key), bytes(&valid(&key)))).await;
    assert_eq!(anonymous.status, StatusCode::CREATED);

    // 0 disables the limit.
    let open = receiver("rate-limit-off", |c, _| c.rate_limit = 0).await;
    for _ in 0..10 {
        let key = new_key();
        let reply = send(
            &open.app,
            from(post(Some(&key), bytes(&valid(&key))), first),
        )
        .await;
        assert_eq!(reply.status, StatusCode::CREATED);
    }
}

#[tokio::test]
async fn only_json_is_accepted() {
    let r = receiver("content-type", |_, _| {}).await;
    let key = new_key();
    let body = bytes(&valid(&key));

    let plain = with_header(post(Some(&key), body.clone()), "content-type", "text/plain");
    assert_refused(
        &send(&r.app, plain).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    );
    let mut bare = post(Some(&key), body.clone());
    bare.headers_mut().remove("content-type");
    assert_refused(
        &send(&r.app, bare).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    );
    let form = with_header(
        post(Some(&key), body.clone()),
        "content-type",
        "application/x-www-form-urlencoded",
    );
    assert_eq!(
        send(&r.app, form).await.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    assert_eq!(rows_stored(&r.config).await, 0);

    let charset = with_header(
        post(Some(&key), body),
        "content-type",
        "Application/JSON; charset=utf-8",
    );
    assert_eq!(send(&r.app, charset).await.status, StatusCode::CREATED);
    assert_eq!(rows_stored(&r.config).await, 1);
}

#[tokio::test]
async fn cors_allows_authorization_and_exposes_retry_after() {
    let r = receiver("cors-guards", |c, _| {
        c.allow_origins = vec![PORTAL.into()];
        c.post_token = Some(POST_TOKEN.into());
        c.rate_limit = 1;
    })
    .await;
    let req = with_header(
        preflight(PORTAL),
        "access-control-request-headers",
        "authorization, content-type, idempotency-key",
    );
    let ok = send(&r.app, req).await;
    assert!(ok.status.is_success(), "{}", ok.status);
    let allowed = ok
        .header("access-control-allow-headers")
        .unwrap_or("")
        .to_lowercase();
    for h in ["authorization", "content-type", "idempotency-key"] {
        assert!(
            allowed.split(',').any(|a| a.trim() == h),
            "{h} in {allowed}"
        );
    }
    let exposed = ok
        .header("access-control-expose-headers")
        .unwrap_or("")
        .to_lowercase();
    assert!(
        exposed.split(',').any(|e| e.trim() == "retry-after"),
        "{exposed}"
    );

    // Refusals carry the CORS headers too, so the page can read 401 and Retry-After.
    let key = new_key();
    let unauthorized = with_header(post(Some(&key), bytes(&valid(&key))), "origin", PORTAL);
    let reply = send(&r.app, unauthorized).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.header("access-control-allow-origin"), Some(PORTAL));
    let limited = bearer(
        with_header(post(Some(&key), bytes(&valid(&key))), "origin", PORTAL),
        POST_TOKEN,
    );
    let reply = send(&r.app, limited).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(reply.header("access-control-allow-origin"), Some(PORTAL));
    assert!(reply.header("retry-after").is_some());
}

#[tokio::test]
async fn bad_tokens_are_refused_at_start() {
    let short = "only-31-characters-long-0123456";
    assert_eq!(short.len(), 31);
    let long = "x".repeat(31) + "y";
    for (post_token, admin_token, why) in [
        (Some(String::new()), None, "at least 32"),
        (
            None,
            Some("has space".to_owned() + &"x".repeat(32)),
            "printable ASCII",
        ),
        (Some(short.to_owned()), None, "at least 32"),
        (None, Some(short.to_owned()), "at least 32"),
        (Some(long.clone()), Some(long.clone()), "must differ"),
    ] {
        let dir = TempDir::new("bad-token");
        let config = Config {
            post_token: post_token.clone(),
            admin_token: admin_token.clone(),
            ..config_in(&dir).await
        };
        let Err(err) = router(&config).await else {
            panic!("started with {:?}/{admin_token:?}", config.post_token)
        };
        assert!(err.to_string().contains(why), "{err}");
        assert!(!err.to_string().contains(&long), "a token in {err}");
    }
}

/// `--demo` only on loopback and never with an admin token; no open POST on a network address
/// unless asked for; `--frame-ancestors` only sources.
#[tokio::test]
async fn risky_starts_are_refused() {
    let token = "t".repeat(40);
    let network = "0.0.0.0:8080".parse().unwrap();
    type Tweak<'a> = Box<dyn Fn(&mut Config) + 'a>;
    let cases: Vec<(Tweak, &str)> = vec![
        (Box::new(|c| c.demo = true), ""),
        (
            Box::new(|c| {
                c.demo = true;
                c.listen = network;
            }),
            "loopback",
        ),
        (
            Box::new(|c| {
                c.demo = true;
                c.admin_token = Some("a".repeat(40));
            }),
            "cannot go with --admin-token",
        ),
        (
            Box::new(|c| c.listen = network),
            "accepts answers from anyone",
        ),
        (
            Box::new(|c| {
                c.listen = network;
                c.accept_answers_from_anyone = true;
            }),
            "",
        ),
        (
            Box::new(|c| {
                c.listen = network;
                c.post_token = Some(token.clone());
            }),
            "",
        ),
        (
            // Required subject tokens authenticate every POST: no post token needed.
            Box::new(|c| {
                c.listen = network;
                c.subject_issuer = Some("https://portal.example.org".into());
                c.subject_audience = Some("rapport".into());
                c.subject_secret = Some("s".repeat(40));
            }),
            "",
        ),
        (
            Box::new(|c| c.frame_ancestors = "'self'; script-src *".into()),
            "--frame-ancestors",
        ),
        (
            Box::new(|c| c.frame_ancestors = "'self' https://portal.example.org".into()),
            "",
        ),
    ];
    for (tweak, refused) in cases {
        let dir = TempDir::new("risky");
        let mut config = config_in(&dir).await;
        tweak(&mut config);
        match (router(&config).await, refused) {
            (Ok(_), "") => {}
            (Err(e), want) if !want.is_empty() => {
                assert!(e.to_string().contains(want), "{e}")
            }
            (Ok(_), want) => panic!("started; expected a refusal with {want:?}"),
            (Err(e), _) => panic!("refused: {e}"),
        }
    }
}

#[tokio::test]
async fn api_answers_are_never_cached_or_sniffed() {
    let r = receiver("api-headers", |c, _| c.demo = true).await;
    let key = new_key();
    let stored = send(&r.app, post(Some(&key), bytes(&valid(&key)))).await;
    let listed = send(&r.app, get("/api/responses")).await;
    let refused = send(&r.app, post(None, b"{}".to_vec())).await;
    for reply in [&stored, &listed, &refused] {
        assert_eq!(reply.header("cache-control"), Some("no-store"));
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
    }
}

/// The SQLite file is created private; a database inside the served directory is refused, and
/// files that look like databases are never served.
#[tokio::test]
async fn the_database_file_is_private_and_never_served() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("private");
    let path = dir.path().join("answers.sqlite3");
    let config = Config {
        database: Database::Sqlite(path.clone()),
        quiet: true,
        ..Config::default()
    };
    let app = router(&config).await.expect("router");
    let key = new_key();
    assert_eq!(
        send(&app, post(Some(&key), bytes(&valid(&key))))
            .await
            .status,
        StatusCode::CREATED
    );
    for file in [path.clone(), dir.path().join("answers.sqlite3-wal")] {
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", file.display());
    }

    let site = write_site(dir.path());
    let inside = Config {
        database: Database::Sqlite(site.join("db.sqlite3")),
        static_dir: Some(site.clone()),
        quiet: true,
        ..Config::default()
    };
    let Err(err) = router(&inside).await else {
        panic!("started with the database inside --static-dir")
    };
    assert!(err.to_string().contains("inside --static-dir"), "{err}");

    std::fs::write(site.join("old.sqlite3"), b"SQLite format 3").unwrap();
    std::fs::write(site.join("old.sqlite3-wal"), b"x").unwrap();
    let serving = Config {
        static_dir: Some(site),
        ..config
    };
    let app = router(&serving).await.expect("router");
    for uri in ["/old.sqlite3", "/OLD.SQLITE3", "/old.sqlite3-wal"] {
        assert_refused(
            &send(&app, get(uri)).await,
            StatusCode::NOT_FOUND,
            "not-found",
        );
    }
    assert_eq!(send(&app, get("/")).await.status, StatusCode::OK);
}

// ---------------------------------------------------------------------------------------------
// Answers stay private; one list of codes

#[tokio::test]
async fn stored_records_never_print_answers() {
    let r = receiver("debug", |_, _| {}).await;
    let id = "psychiatry-relationship";
    let q = load(id);
    let mut answers = answer_everything(&q);
    let free_text = q
        .items
        .iter()
        .find(|i| matches!(i.kind, ItemKind::Text { .. }))
        .expect("a free-text item");
    answers.set(
        &free_text.link_id,
        Some(AnswerValue::String("CANARY-7d1e".into())),
    );
    let key = new_key();
    let e = envelope(id, &q, &answers, &key);
    assert!(!format!("{e:?}").contains("CANARY"));
    let stored = send(&r.app, post(Some(&key), bytes(&e))).await;
    assert_eq!(stored.status, StatusCode::CREATED);
    let receipt_id = stored.json()["id"].as_str().expect("id").to_owned();
    let store = Store::connect(&r.config.database, r.config.database_password.as_deref())
        .await
        .expect("open");
    let record = store.get(&receipt_id).await.expect("read").expect("stored");
    assert!(
        record.envelope.to_string().contains("CANARY-7d1e"),
        "stored as sent"
    );
    for shown in [format!("{record:?}"), format!("{:?}", store.list().await)] {
        assert!(!shown.contains("CANARY"), "{shown}");
        assert!(shown.contains(&key), "{shown}");
    }
}

/// docs/payload.md's table of refusals lists exactly the codes the receiver answers, each with
/// the status it is answered with.
#[test]
fn documented_codes_are_the_receivers() {
    use rapport_receiver::reply::Refusal;
    use std::collections::BTreeSet;
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/payload.md"),
    )
    .expect("docs/payload.md");
    let table = doc
        .split("<!-- refusals: begin -->")
        .nth(1)
        .and_then(|rest| rest.split("<!-- refusals: end -->").next())
        .expect("docs/payload.md marks its table of refusals");
    let mut documented = BTreeSet::new();
    for row in table.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let code = cells[1].trim_matches('`').to_owned();
        let status: u16 = cells[2]
            .parse()
            .unwrap_or_else(|_| panic!("status in {row}"));
        documented.insert((code, status));
    }
    let answered: BTreeSet<(String, u16)> = Refusal::all()
        .into_iter()
        .map(|r| (r.code().to_owned(), r.status().as_u16()))
        .collect();
    assert_eq!(
        documented, answered,
        "docs/payload.md's refusals differ from rapport_receiver::reply::Refusal"
    );
}

// ---------------------------------------------------------------------------------------------
// Schema versions (both backends)

#[tokio::test]
async fn a_database_migrated_by_a_newer_receiver_is_refused() {
    let r = receiver("newer-schema", |_, _| {}).await;
    let key = new_key();
    let first = send(&r.app, post(Some(&key), bytes(&valid(&key)))).await;
    assert_eq!(first.status, StatusCode::CREATED);
    // A newer receiver's migration, recorded as sqlx records them.
    let store = Store::connect(&r.config.database, r.config.database_password.as_deref())
        .await
        .unwrap();
    let record_future_migration = "INSERT INTO _sqlx_migrations
         (version, description, success, checksum, execution_time)
         VALUES (20991231000000, 'from a newer receiver', TRUE, $1, 0)";
    match &store {
        Store::Sqlite(sqlite) => {
            sqlx::query(record_future_migration)
                .bind(vec![0u8; 48])
                .execute(&sqlite.pool)
                .await
                .unwrap();
        }
        Store::Postgres(pool) => {
            sqlx::query(record_future_migration)
                .bind(vec![0u8; 48])
                .execute(pool)
                .await
                .unwrap();
        }
    }
    store.close().await;
    let Err(err) = router(&r.config).await else {
        panic!("started on a newer schema")
    };
    let message = err.to_string();
    assert!(
        message.contains("newer than this receiver") && message.contains("20991231000000"),
        "{message}"
    );
    // Nothing was touched: the record is still there and the future migration still recorded.
    assert_eq!(rows_stored(&r.config).await, 1);
}

#[tokio::test]
async fn migrate_subcommand_applies_once() {
    let dir = TempDir::new("migrate-cmd");
    let config = config_in(&dir).await;
    let run = || {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rapport-receiver"));
        cmd.args(["migrate", "--database", &config.database.to_string()]);
        if let Some(pw) = &config.database_password {
            cmd.env("RAPPORT_DATABASE_PASSWORD", pw);
        } else {
            cmd.env_remove("RAPPORT_DATABASE_PASSWORD");
        }
        let out = cmd.output().expect("run rapport-receiver migrate");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let first = run();
    assert!(first.contains("applied migration(s) 1"), "{first}");
    let second = run();
    assert!(second.contains("already at version"), "{second}");
    assert_eq!(rows_stored(&config).await, 0);
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A file made by a receiver from before versioned migrations (schema in `PRAGMA
/// user_version`) is adopted with its records; one marked newer than that is refused.
#[tokio::test]
async fn sqlite_files_from_before_migrations() {
    use sqlx::sqlite::SqliteConnectOptions;
    let dir = TempDir::new("legacy");
    let path = dir.path().join("old.sqlite3");
    let old = SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true);
    let mut conn = sqlx::ConnectOptions::connect(&old).await.unwrap();
    let key = new_key();
    let receipt = format!(
        r#"{{"id":"0b7c1e40-3f4e-4a38-9d2f-1a2b3c4d5e6f","idempotencyKey":"{key}","receivedAt":"2026-11-01T10:00:00.000Z"}}"#
    );
    for sql in [
        "CREATE TABLE responses (
            id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, body_sha256 TEXT NOT NULL,
            instrument_id TEXT, instrument_version TEXT, language TEXT, received_at TEXT NOT NULL,
            receipt TEXT NOT NULL, envelope TEXT NOT NULL, verified INTEGER NOT NULL DEFAULT 1)",
        "PRAGMA user_version = 1",
    ] {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
            .execute(&mut conn)
            .await
            .unwrap();
    }
    sqlx::query(
        "INSERT INTO responses (id, idempotency_key, body_sha256, received_at, receipt, envelope)
         VALUES ('0b7c1e40-3f4e-4a38-9d2f-1a2b3c4d5e6f', $1, 'h', '2026-11-01T10:00:00.000Z', $2, '{}')",
    )
    .bind(&key)
    .bind(&receipt)
    .execute(&mut conn)
    .await
    .unwrap();
    let config = Config {
        database: Database::Sqlite(path.clone()),
        quiet: true,
        ..Config::default()
    };
    // Made readable by others, as old receivers left it: refused until it is private.
    set_mode(&path, 0o644);
    let Err(err) = router(&config).await else {
        panic!("started on a file others can read")
    };
    assert!(err.to_string().contains("chmod 600"), "{err}");
    set_mode(&path, 0o600);
    let app = router(&config).await.expect("an old file is adopted");
    let replay = send(&app, get("/healthz")).await;
    assert_eq!(replay.status, StatusCode::OK);
    assert_eq!(rows_stored(&config).await, 1);

    sqlx::raw_sql("PRAGMA user_version = 7")
        .execute(&mut conn)
        .await
        .unwrap();
    let Err(err) = router(&config).await else {
        panic!("started on a file marked newer")
    };
    assert!(err.to_string().contains("version 7"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Several receivers on one database

/// A `rapport-receiver` process on a free loopback port, killed on drop.
struct Instance {
    child: std::process::Child,
    addr: SocketAddr,
}

impl Instance {
    fn start(config: &Config) -> Instance {
        Instance::start_on(config, 0)
    }

    /// On `port` (0: any free one), quiet.
    fn start_on(config: &Config, port: u16) -> Instance {
        Instance::spawn(config, port, false)
    }

    /// With its request log on a pipe (`child.stderr`), for tests that read it.
    fn start_logging(config: &Config) -> Instance {
        Instance::spawn(config, 0, true)
    }

    fn spawn(config: &Config, port: u16, logging: bool) -> Instance {
        use std::io::BufRead;
        let listen = format!("127.0.0.1:{port}");
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rapport-receiver"));
        cmd.args(["--listen", &listen, "--rate-limit", "0"])
            .args(["--database", &config.database.to_string()])
            .stdout(std::process::Stdio::piped());
        if logging {
            cmd.stderr(std::process::Stdio::piped());
        } else {
            cmd.arg("--quiet").stderr(std::process::Stdio::inherit());
        }
        match &config.database_password {
            Some(pw) => cmd.env("RAPPORT_DATABASE_PASSWORD", pw),
            None => cmd.env_remove("RAPPORT_DATABASE_PASSWORD"),
        };
        let mut child = cmd.spawn().expect("start rapport-receiver");
        let stdout = child.stdout.take().expect("stdout");
        let mut reader = std::io::BufReader::new(stdout);
        let mut first = String::new();
        reader.read_line(&mut first).expect("start line");
        // Keep reading what it prints, as a terminal would.
        std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {first:?}"));
        Instance { child, addr }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 POST over a real TCP connection: the status and the body.
async fn post_over_tcp(addr: SocketAddr, key: &str, body: &[u8]) -> (u16, Value) {
    try_post_over_tcp(addr, key, body)
        .await
        .unwrap_or_else(|e| panic!("POST to {addr}: {e}"))
}

/// [`post_over_tcp`], with a network failure (refused, reset, cut short) as an error.
async fn try_post_over_tcp(
    addr: SocketAddr,
    key: &str,
    body: &[u8],
) -> Result<(u16, Value), String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let io = |e: std::io::Error| e.to_string();
    let mut stream = tokio::net::TcpStream::connect(addr).await.map_err(io)?;
    let head = format!(
        "POST /api/responses HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Idempotency-Key: {key}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.map_err(io)?;
    stream.write_all(body).await.map_err(io)?;
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).await.map_err(io)?;
    let text = String::from_utf8_lossy(&reply);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no status in {text:?}"))?;
    let json = text
        .split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or(Value::Null);
    Ok((status, json))
}

/// Two receiver processes on one database behave as one: the same submission sent to both at
/// once, and 20 copies of one key spread over them, store one record each; every other answer
/// is a replay with the same receipt; the key with another body is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_database_store_once() {
    let dir = TempDir::new("instances");
    let config = config_in(&dir).await;
    // Migrate first, as an operator would (`rapport-receiver migrate`), so both start on a
    // current schema; starting both on an empty database is covered by the advisory lock.
    drop(router(&config).await.expect("migrate"));
    let (a, b) = (Instance::start(&config), Instance::start(&config));

    // The same submission to both at once.
    let key = new_key();
    let body = bytes(&valid(&key));
    let (ra, rb) = tokio::join!(
        post_over_tcp(a.addr, &key, &body),
        post_over_tcp(b.addr, &key, &body)
    );
    let mut statuses = [ra.0, rb.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 201], "{ra:?} {rb:?}");
    assert_eq!(ra.1, rb.1, "the same receipt");

    // Twenty copies of another key, alternating between the instances, all at once.
    let key2 = new_key();
    let body2 = bytes(&valid(&key2));
    let sends = (0..20).map(|i| {
        let addr = if i % 2 == 0 { a.addr } else { b.addr };
        let (key2, body2) = (key2.clone(), body2.clone());
        tokio::spawn(async move { post_over_tcp(addr, &key2, &body2).await })
    });
    let mut created = 0;
    let mut receipts = std::collections::BTreeSet::new();
    for handle in sends.collect::<Vec<_>>() {
        let (status, receipt) = handle.await.expect("send");
        match status {
            201 => created += 1,
            200 => {}
            other => panic!("status {other}: {receipt}"),
        }
        receipts.insert(receipt.to_string());
    }
    assert_eq!(created, 1, "one 201");
    assert_eq!(receipts.len(), 1, "one receipt: {receipts:?}");

    // The same key with another body, on either instance.
    let q = load(INSTRUMENT);
    let mut other = envelope(INSTRUMENT, &q, &answer_everything(&q), &key2);
    other.context = json!({ "visit": "another" });
    for addr in [a.addr, b.addr] {
        let (status, reply) = post_over_tcp(addr, &key2, &bytes(&other)).await;
        assert_eq!(
            (status, reply["error"].as_str()),
            (422, Some("idempotency-key-reused"))
        );
    }
    assert_eq!(rows_stored(&config).await, 2);
}

// ---------------------------------------------------------------------------------------------
// Readiness and a database that goes away

#[tokio::test]
async fn ready_when_the_database_answers_on_the_current_schema() {
    let r = receiver("ready", |_, _| {}).await;
    let ready = send(&r.app, get("/readyz")).await;
    assert_eq!(
        ready.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&ready.body)
    );
    assert_eq!(ready.body, b"ready");
}

/// SQLite goes on writing to a file that was deleted (or renamed and replaced) under it; the
/// receiver notices and answers 503 instead of a 201 into a file nobody will open again.
#[tokio::test]
async fn a_deleted_or_replaced_sqlite_file_is_noticed() {
    for replace in [false, true] {
        let dir = TempDir::new("replaced");
        let path = dir.path().join("r.sqlite3");
        let config = Config {
            database: Database::Sqlite(path.clone()),
            quiet: true,
            ..Config::default()
        };
        let app = router(&config).await.expect("router");
        let key = new_key();
        let first = send(&app, post(Some(&key), bytes(&valid(&key)))).await;
        assert_eq!(first.status, StatusCode::CREATED);

        let moved = dir.path().join("moved.sqlite3");
        std::fs::rename(&path, &moved).unwrap();
        if replace {
            std::fs::write(&path, b"").unwrap();
        }
        let key = new_key();
        let refused = send(&app, post(Some(&key), bytes(&valid(&key)))).await;
        assert_refused(&refused, StatusCode::SERVICE_UNAVAILABLE, "storage-busy");
        assert!(refused.header("retry-after").is_some());
        let not_ready = send(&app, get("/readyz")).await;
        assert_refused(&not_ready, StatusCode::SERVICE_UNAVAILABLE, "not-ready");
        // The reason is in the log, not in the answer to whoever asks.
        assert!(!not_ready.body.windows(4).any(|w| w == b"/tmp"));
        // Nothing was written to the old file after it was moved away (its committed pages may
        // still be in the WAL beside the old name: take that along to count).
        drop(app);
        for suffix in ["-wal", "-shm"] {
            let from = dir.path().join(format!("r.sqlite3{suffix}"));
            let _ = std::fs::rename(&from, dir.path().join(format!("moved.sqlite3{suffix}")));
        }
        let old = Config {
            database: Database::Sqlite(moved),
            ..Config::default()
        };
        assert_eq!(rows_stored(&old).await, 1, "replace={replace}");
    }
}

// ---------------------------------------------------------------------------------------------
// Crashes

/// The receiver is killed with SIGKILL three times in the middle of a stream of submissions and
/// started again on the same database. The clients retry as the widget does (network errors,
/// 5xx, 429, 409: again with the same key and body). In the end every submission is stored
/// exactly once, and every one that got a 2xx kept the receipt it was given.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killed_mid_stream_nothing_lost_nothing_doubled() {
    use std::sync::atomic::AtomicU64;
    use std::sync::Arc;
    const CLIENTS: usize = 4;
    const EACH: usize = 40;
    let dir = TempDir::new("crash");
    let config = config_in(&dir).await;
    drop(router(&config).await.expect("migrate"));
    let first = Instance::start(&config);
    let addr = first.addr;
    let delivered = Arc::new(AtomicU64::new(0));
    let retried = Arc::new(AtomicU64::new(0));

    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let delivered = Arc::clone(&delivered);
            let retried = Arc::clone(&retried);
            tokio::spawn(async move {
                let mut receipts = Vec::new();
                for _ in 0..EACH {
                    let key = new_key();
                    let body = bytes(&valid(&key));
                    let mut attempts = 0;
                    let receipt = loop {
                        attempts += 1;
                        assert!(attempts < 400, "{key}: still not delivered");
                        match try_post_over_tcp(addr, &key, &body).await {
                            Ok((200 | 201, receipt)) => break receipt,
                            Ok((409 | 429 | 500..=599, _)) | Err(_) => {
                                retried.fetch_add(1, Ordering::SeqCst);
                                tokio::time::sleep(std::time::Duration::from_millis(25)).await
                            }
                            Ok((status, reply)) => panic!("{key}: final {status} {reply}"),
                        }
                    };
                    delivered.fetch_add(1, Ordering::SeqCst);
                    receipts.push((key, receipt));
                }
                receipts
            })
        })
        .collect();

    let total = (CLIENTS * EACH) as u64;
    let mut instance = first;
    for kill_at in [total / 5, total / 2, total * 4 / 5] {
        while delivered.load(Ordering::SeqCst) < kill_at {
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        }
        // SIGKILL: no shutdown, no flush, requests in flight cut.
        drop(instance);
        instance = Instance::start_on(&config, addr.port());
    }
    let mut given = Vec::new();
    for c in clients {
        given.extend(c.await.expect("client"));
    }
    drop(instance);
    assert_eq!(given.len() as u64, total);
    // Each kill cut the clients off at least once (the restart takes a while), so the stream
    // really went through crashes.
    assert!(
        retried.load(Ordering::SeqCst) >= 3,
        "the kills interrupted nothing"
    );

    let store = Store::connect(&config.database, config.database_password.as_deref())
        .await
        .expect("open");
    let stored = store.list().await.expect("list");
    assert_eq!(
        stored.len() as u64,
        total,
        "every submission stored exactly once"
    );
    let by_key: std::collections::BTreeMap<String, Value> = stored
        .iter()
        .map(|r| {
            (
                r.receipt.idempotency_key.clone(),
                serde_json::to_value(&r.receipt).unwrap(),
            )
        })
        .collect();
    assert_eq!(by_key.len() as u64, total, "no key twice");
    for (key, receipt) in &given {
        assert_eq!(
            by_key.get(key),
            Some(receipt),
            "{key}: the receipt given is the one kept"
        );
    }
    store.close().await;
}

// ---------------------------------------------------------------------------------------------
// Slow and greedy clients (over real TCP, against the binary)

/// 2,000 connections that send half a request head and stall do not keep a patient's POST from
/// being stored: each costs the receiver a small task until the header deadline drops it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_open_connections_do_not_block_a_post() {
    use tokio::io::AsyncWriteExt;
    let dir = TempDir::new("slowloris");
    let config = config_in(&dir).await;
    let instance = Instance::start(&config);
    let mut stalled = Vec::new();
    for _ in 0..2000 {
        let mut s = tokio::net::TcpStream::connect(instance.addr)
            .await
            .expect("connect");
        s.write_all(b"POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-")
            .await
            .expect("write");
        stalled.push(s);
    }
    let key = new_key();
    // A generous bound, not a benchmark: without the fix the POST waits for the stalled ones.
    let stored = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        post_over_tcp(instance.addr, &key, &bytes(&valid(&key))),
    )
    .await
    .expect("the POST was kept waiting");
    assert_eq!(stored.0, 201, "{}", stored.1);
    drop(stalled);
}

/// A 20 MiB chunked body is refused at 256 KiB (413) as it streams in: the receiver's memory
/// does not grow by the body's size.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_chunked_body_is_refused_without_being_held() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = TempDir::new("huge");
    let config = config_in(&dir).await;
    let instance = Instance::start(&config);
    let rss = || -> u64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", instance.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    let before = rss();
    let mut s = tokio::net::TcpStream::connect(instance.addr).await.unwrap();
    let key = new_key();
    s.write_all(
        format!(
            "POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
             Idempotency-Key: {key}\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        .as_bytes(),
    )
    .await
    .unwrap();
    let chunk = vec![b' '; 64 * 1024];
    let head = format!("{:x}\r\n", chunk.len());
    let mut sent = 0usize;
    while sent < 20 * 1024 * 1024 {
        // The receiver may close the connection once it has refused: stop sending then.
        if s.write_all(head.as_bytes()).await.is_err()
            || s.write_all(&chunk).await.is_err()
            || s.write_all(b"\r\n").await.is_err()
        {
            break;
        }
        sent += chunk.len();
    }
    let _ = s.write_all(b"0\r\n\r\n").await;
    let mut reply = Vec::new();
    let _ = s.read_to_end(&mut reply).await;
    let text = String::from_utf8_lossy(&reply);
    assert!(text.starts_with("HTTP/1.1 413"), "{text}");
    assert!(text.contains("too-large"), "{text}");
    let grown_kib = rss().saturating_sub(before);
    assert!(grown_kib < 8 * 1024, "memory grew by {grown_kib} KiB");
    assert_eq!(rows_stored(&config).await, 0);
}

/// A connection that never finishes its request head is closed at the header deadline instead
/// of being held for ever (axum's own `serve` has no such deadline).
#[tokio::test]
async fn a_stalled_request_head_is_dropped() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = TempDir::new("stalled");
    let config = config_in(&dir).await;
    let instance = Instance::start(&config);
    let mut s = tokio::net::TcpStream::connect(instance.addr).await.unwrap();
    s.write_all(b"POST /api/responses HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(
        rapport_receiver::server::HEADER_READ_TIMEOUT * 3,
        s.read_to_end(&mut rest),
    )
    .await;
    assert!(closed.is_ok(), "the stalled connection was still open");
}

/// Wrong bearer tokens are throttled per address: after ten in a minute the next wrong one is
/// 429 with Retry-After; the right token always passes (behind a proxy every patient shares one
/// address, and a guesser must not lock them out).
#[tokio::test]
async fn wrong_tokens_are_throttled_and_right_ones_never() {
    let r = receiver("auth-throttle", |c, _| {
        c.post_token = Some(POST_TOKEN.into());
        c.admin_token = Some(ADMIN_TOKEN.into());
    })
    .await;
    for i in 0..rapport_receiver::api::AUTH_FAILURES_PER_MINUTE {
        let wrong = format!("wrong-token-{i:02}-0123456789abcdef0123456789");
        let uri = if i % 2 == 0 {
            "/api/responses"
        } else {
            "/api/responses/x"
        };
        let reply = send(&r.app, bearer(get(uri), &wrong)).await;
        assert_refused(&reply, StatusCode::UNAUTHORIZED, "unauthorized");
    }
    let wrong = send(
        &r.app,
        bearer(
            get("/api/responses"),
            "wrong-token-xx-0123456789abcdef0123456789",
        ),
    )
    .await;
    assert_refused(&wrong, StatusCode::TOO_MANY_REQUESTS, "rate-limited");
    assert!(wrong.header("retry-after").is_some());
    let key = new_key();
    let right = send(
        &r.app,
        bearer(post(Some(&key), bytes(&valid(&key))), POST_TOKEN),
    )
    .await;
    assert_eq!(right.status, StatusCode::CREATED);
    let listed = send(&r.app, bearer(get("/api/responses"), ADMIN_TOKEN)).await;
    assert_eq!(listed.status, StatusCode::OK);
}

// ---------------------------------------------------------------------------------------------
// Governed data: pages, erasure, the audit, retention

fn delete(uri: &str) -> Request<Body> {
    Request::builder()
        .method(Method::DELETE)
        .uri(uri)
        .body(Body::empty())
        .expect("request")
}

/// The `after=` cursor of a `Link: <…>; rel="next"` header.
fn next_link(reply: &Reply) -> Option<String> {
    let link = reply.header("link")?;
    let target = link.split(['<', '>']).nth(1)?;
    assert!(link.ends_with("rel=\"next\""), "{link}");
    Some(target.to_owned())
}

#[tokio::test]
async fn listing_is_paginated_with_a_cursor() {
    let r = receiver("pages", |c, _| c.admin_token = Some(ADMIN_TOKEN.into())).await;
    let mut keys = Vec::new();
    for _ in 0..7 {
        let key = new_key();
        let stored = send(&r.app, post(Some(&key), bytes(&valid(&key)))).await;
        assert_eq!(stored.status, StatusCode::CREATED);
        keys.push(key);
    }
    let mut seen = Vec::new();
    let mut uri = "/api/responses?limit=3".to_owned();
    let mut pages = 0;
    loop {
        let page = send(&r.app, bearer(get(&uri), ADMIN_TOKEN)).await;
        assert_eq!(page.status, StatusCode::OK);
        let rows = page.json();
        let rows = rows.as_array().expect("an array");
        assert!(rows.len() <= 3);
        seen.extend(
            rows.iter()
                .map(|r| r["idempotencyKey"].as_str().unwrap().to_owned()),
        );
        pages += 1;
        match next_link(&page) {
            Some(next) => uri = next,
            None => break,
        }
    }
    assert_eq!(seen, keys, "every record once, in order of arrival");
    assert_eq!(pages, 3);
    for bad in [
        "/api/responses?limit=0",
        "/api/responses?limit=1001",
        "/api/responses?after=x",
    ] {
        assert_refused(
            &send(&r.app, bearer(get(bad), ADMIN_TOKEN)).await,
            StatusCode::BAD_REQUEST,
            "invalid-query",
        );
    }
}

#[tokio::test]
async fn erasure_needs_the_admin_token_and_every_read_and_erasure_is_audited() {
    let r = receiver("erase", |c, _| c.admin_token = Some(ADMIN_TOKEN.into())).await;
    let (k1, k2) = (new_key(), new_key());
    let mut ids = Vec::new();
    for key in [&k1, &k2] {
        let stored = send(&r.app, post(Some(key), bytes(&valid(key)))).await;
        ids.push(stored.json()["id"].as_str().unwrap().to_owned());
    }
    // Refused without the token (logged, not an audit row: it touched nothing).
    let refused = send(&r.app, delete(&format!("/api/responses/{}", ids[0]))).await;
    assert_refused(&refused, StatusCode::UNAUTHORIZED, "unauthorized");
    assert_eq!(rows_stored(&r.config).await, 2);
    // Read one, list all, erase one by id and one by idempotency key.
    let read = send(
        &r.app,
        bearer(get(&format!("/api/responses/{}", ids[0])), ADMIN_TOKEN),
    )
    .await;
    assert_eq!(read.status, StatusCode::OK);
    let listed = send(&r.app, bearer(get("/api/responses"), ADMIN_TOKEN)).await;
    assert_eq!(listed.json().as_array().unwrap().len(), 2);
    let by_id = send(
        &r.app,
        bearer(delete(&format!("/api/responses/{}", ids[0])), ADMIN_TOKEN),
    )
    .await;
    assert_eq!(by_id.status, StatusCode::OK);
    assert_eq!(by_id.json()["erased"], json!([ids[0]]));
    let by_key = send(
        &r.app,
        bearer(delete(&format!("/api/responses/{k2}")), ADMIN_TOKEN),
    )
    .await;
    assert_eq!(by_key.json()["erased"], json!([ids[1]]));
    let again = send(
        &r.app,
        bearer(delete(&format!("/api/responses/{k2}")), ADMIN_TOKEN),
    )
    .await;
    assert_refused(&again, StatusCode::NOT_FOUND, "not-found");
    assert_eq!(rows_stored(&r.config).await, 0);
    // The replay of an erased key is a new submission: the patient's device may still send it.
    let replay = send(&r.app, post(Some(&k1), bytes(&valid(&k1)))).await;
    assert_eq!(replay.status, StatusCode::CREATED);

    let audit = send(&r.app, bearer(get("/api/audit"), ADMIN_TOKEN)).await;
    assert_eq!(audit.status, StatusCode::OK);
    let rows = audit.json();
    let summary: Vec<(String, String, String, Value)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert!(e["at"].as_str().is_some_and(|t| t.ends_with('Z')), "{e}");
            assert_eq!(e["client"], "-", "{e}");
            (
                e["actor"].as_str().unwrap().to_owned(),
                e["action"].as_str().unwrap().to_owned(),
                e["outcome"].as_str().unwrap().to_owned(),
                e["records"].clone(),
            )
        })
        .collect();
    let s = |a: &str| a.to_owned();
    assert_eq!(
        summary,
        vec![
            (s("admin-token"), s("read"), s("ok"), json!([ids[0]])),
            (
                s("admin-token"),
                s("list"),
                s("ok"),
                json!([ids[0], ids[1]])
            ),
            (s("admin-token"), s("erase"), s("ok"), json!([ids[0]])),
            (s("admin-token"), s("erase"), s("ok"), json!([ids[1]])),
            (s("admin-token"), s("erase"), s("not-found"), json!([])),
        ]
    );
    // Reading the audit is audited too.
    let audit = send(&r.app, bearer(get("/api/audit"), ADMIN_TOKEN)).await;
    let last = audit.json().as_array().unwrap().last().cloned().unwrap();
    assert_eq!(
        (last["action"].as_str(), last["count"].as_u64()),
        (Some("audit-read"), Some(5))
    );
}

/// The audit is append-only in the database itself, whatever client writes to it.
#[tokio::test]
async fn the_audit_cannot_be_changed() {
    let r = receiver("append-only", |c, _| c.demo = true).await;
    assert_eq!(
        send(&r.app, get("/api/responses")).await.status,
        StatusCode::OK
    );
    let store = Store::connect(&r.config.database, r.config.database_password.as_deref())
        .await
        .unwrap();
    for sql in ["UPDATE audit SET actor = 'nobody'", "DELETE FROM audit"] {
        let result = match &store {
            Store::Sqlite(s) => sqlx::query(sql).execute(&s.pool).await.map(|_| ()),
            Store::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
        };
        let err = result.expect_err(sql).to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(store.audit_page(None, 10).await.unwrap().len(), 1);
}

#[tokio::test]
async fn retention_deletes_old_records_and_says_so() {
    let r = receiver("retention", |c, _| c.demo = true).await;
    let store = Store::connect(&r.config.database, r.config.database_password.as_deref())
        .await
        .unwrap();
    let key = new_key();
    assert_eq!(
        send(&r.app, post(Some(&key), bytes(&valid(&key))))
            .await
            .status,
        StatusCode::CREATED
    );
    // Two records that arrived long ago (written as the receiver writes them).
    for (age, id) in [(400, "old-1"), (31, "old-2")] {
        let when = rapport_receiver::api::rfc3339(
            time::OffsetDateTime::now_utc() - time::Duration::days(age),
        );
        let receipt = rapport_receiver::Receipt {
            id: id.into(),
            idempotency_key: new_key(),
            received_at: when,
        };
        let record = rapport_receiver::store::NewRecord {
            idempotency_key: receipt.idempotency_key.clone(),
            body_sha256: "h".into(),
            instrument_id: INSTRUMENT.into(),
            instrument_version: "1.0.0".into(),
            language: "en".into(),
            envelope: "{}".into(),
            verified: true,
            subject: None,
            scores: "[]".into(),
            flags: "[]".into(),
            previous_scores_from: None,
            history: None,
        };
        store.insert(&record, receipt).await.unwrap();
    }
    let state_router = rapport_receiver::retention_sweep(&r.config, store.clone(), 30).await;
    assert_eq!(state_router, Ok(2));
    assert_eq!(rows_stored(&r.config).await, 1);
    let audit = store.audit_page(None, 10).await.unwrap();
    let sweep = audit
        .iter()
        .map(|(_, e)| e)
        .find(|e| e.action == "retention")
        .expect("audited");
    assert_eq!(sweep.records, vec!["old-1".to_owned(), "old-2".to_owned()]);
    assert_eq!((sweep.actor.as_str(), sweep.count), ("retention", 2));
}

/// One JSON line per request, with a request id the client also gets; never the answers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_are_json_lines_without_answers() {
    use std::io::{BufRead, BufReader};
    let dir = TempDir::new("logs");
    let config = config_in(&dir).await;
    drop(router(&config).await.expect("migrate"));
    let mut instance = Instance::start_logging(&config);
    let addr = instance.addr;

    let id = "psychiatry-relationship";
    let q = load(id);
    let mut answers = answer_everything(&q);
    let free_text = q
        .items
        .iter()
        .find(|i| matches!(i.kind, ItemKind::Text { .. }))
        .unwrap();
    answers.set(
        &free_text.link_id,
        Some(AnswerValue::String("CANARY-log-5e1".into())),
    );
    let key = new_key();
    let (status, _) = post_over_tcp(addr, &key, &bytes(&envelope(id, &q, &answers, &key))).await;
    assert_eq!(status, 201);
    let (status, _) = post_over_tcp(addr, &key, b"{ not json").await;
    assert_eq!(status, 422);
    let stderr = instance.child.stderr.take().unwrap();
    drop(instance);
    let mut lines = Vec::new();
    BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .for_each(|l| lines.push(l));
    let requests: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    assert_eq!(requests.len(), 2, "{lines:?}");
    for (line, want) in requests.iter().zip([201, 422]) {
        assert_eq!(line["status"], want, "{line}");
        assert_eq!(line["route"], "/api/responses");
        assert_eq!(line["method"], "POST");
        assert_eq!(line["key"], &key[..8]);
        assert_eq!(line["request_id"].as_str().map(str::len), Some(32));
    }
    assert_eq!(requests[0]["instrument"], "psychiatry-relationship@1.0.0");
    assert!(!lines.join("\n").contains("CANARY"));
}

// ---------------------------------------------------------------------------------------------
// Faults of the database: never a 2xx for something not stored

/// SQLite on a disk that fills up (a 1 MiB tmpfs): every answer is a 201 that was stored or a
/// 5xx with nothing stored; the receiver keeps running. Needs root to mount the tmpfs: skipped
/// (with a note) elsewhere, never skipped in CI.
#[tokio::test]
async fn a_full_disk_answers_5xx_never_a_false_201() {
    let dir = TempDir::new("disk-full");
    let mount = dir.path().join("small");
    std::fs::create_dir_all(&mount).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(&mount)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must be able to mount a tmpfs (it runs as root)"
        );
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            // Lazily: the receiver's pool may still hold the file for a moment.
            let _ = std::process::Command::new("umount")
                .arg("-l")
                .arg(&self.0)
                .status();
        }
    }
    let _unmount = Unmount(mount.clone());
    let config = Config {
        database: Database::Sqlite(mount.join("r.sqlite3")),
        quiet: true,
        rate_limit: 0,
        ..Config::default()
    };
    let app = router(&config).await.expect("router");
    let (mut created, mut refused) = (0, 0);
    for _ in 0..5000 {
        let key = new_key();
        let reply = send(&app, post(Some(&key), bytes(&valid(&key)))).await;
        match reply.status.as_u16() {
            201 => created += 1,
            500..=599 => {
                refused += 1;
                let v = reply.json();
                assert!(
                    ["storage-busy", "storage-error"].contains(&v["error"].as_str().unwrap_or("")),
                    "{v}"
                );
                if refused >= 5 {
                    break;
                }
            }
            other => panic!("status {other}: {}", String::from_utf8_lossy(&reply.body)),
        }
    }
    assert!(
        created > 0 && refused >= 5,
        "created {created}, refused {refused}"
    );
    drop(app);
    assert_eq!(
        rows_stored(&config).await,
        created,
        "every 201 stored, nothing else"
    );
}

/// A TCP forwarder between the receiver and PostgreSQL that a test can cut and restore.
struct Cuttable {
    port: u16,
    target: SocketAddr,
    tasks: std::sync::Arc<std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>>,
}

impl Cuttable {
    async fn start(target: SocketAddr) -> Cuttable {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let c = Cuttable {
            port,
            target,
            tasks: Default::default(),
        };
        c.serve(listener);
        c
    }

    fn serve(&self, listener: tokio::net::TcpListener) {
        let (target, tasks) = (self.target, std::sync::Arc::clone(&self.tasks));
        let inner = std::sync::Arc::clone(&self.tasks);
        let accept = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                let conn = tokio::spawn(async move {
                    if let Ok(mut server) = tokio::net::TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                inner.lock().unwrap().push(conn);
            }
        });
        tasks.lock().unwrap().push(accept);
    }

    /// Closes the listener and every forwarded connection: the database is out of reach.
    fn cut(&self) {
        for t in self.tasks.lock().unwrap().drain(..) {
            t.abort();
        }
    }

    async fn restore(&self) {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port))
            .await
            .unwrap();
        self.serve(listener);
    }
}

/// PostgreSQL out of reach, then read-only: 503 with Retry-After and `/readyz` not ready, never
/// a 2xx; each submission goes in once the database is back. (PostgreSQL only: SQLite is a file.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_or_read_only_database_answers_503() {
    let dir = TempDir::new("pg-faults");
    let config = config_in(&dir).await;
    let Database::Postgres(url) = &config.database else {
        eprintln!("skipped on SQLite: runs against PostgreSQL (RAPPORT_TEST_POSTGRES)");
        return;
    };
    let options: sqlx::postgres::PgConnectOptions = url.parse().unwrap();
    let target: SocketAddr = format!("{}:{}", options.get_host(), options.get_port())
        .parse()
        .unwrap();
    let proxy = Cuttable::start(target).await;
    let through = url.replace(
        &format!(":{}/", target.port()),
        &format!(":{}/", proxy.port),
    );
    let proxied = Config {
        database: Database::Postgres(through),
        ..config.clone()
    };
    let app = router(&proxied).await.expect("router through the proxy");
    let key = new_key();
    assert_eq!(
        send(&app, post(Some(&key), bytes(&valid(&key))))
            .await
            .status,
        StatusCode::CREATED
    );

    proxy.cut();
    let key = new_key();
    let body = bytes(&valid(&key));
    let refused = send(&app, post(Some(&key), body.clone())).await;
    assert_refused(&refused, StatusCode::SERVICE_UNAVAILABLE, "storage-busy");
    assert!(refused.header("retry-after").is_some());
    let not_ready = send(&app, get("/readyz")).await;
    assert_refused(&not_ready, StatusCode::SERVICE_UNAVAILABLE, "not-ready");
    proxy.restore().await;
    // Connections cut under the pool fail once each; the widget's retries go on until one works.
    let mut status = StatusCode::SERVICE_UNAVAILABLE;
    for _ in 0..20 {
        status = send(&app, post(Some(&key), body.clone())).await.status;
        if status != StatusCode::SERVICE_UNAVAILABLE {
            break;
        }
    }
    assert_eq!(status, StatusCode::CREATED);

    // Read-only: new transactions cannot write.
    let db_name = options.get_database().unwrap().to_owned();
    let mut admin = sqlx::ConnectOptions::connect(
        &options
            .clone()
            .password(config.database_password.as_deref().unwrap_or("")),
    )
    .await
    .unwrap();
    for sql in [
        format!("ALTER DATABASE \"{db_name}\" SET default_transaction_read_only = on"),
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()"
            .to_owned(),
    ] {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&mut admin)
            .await
            .unwrap();
    }
    let key = new_key();
    let body = bytes(&valid(&key));
    let mut read_only = send(&app, post(Some(&key), body.clone())).await;
    for _ in 0..5 {
        if read_only.status == StatusCode::SERVICE_UNAVAILABLE
            && read_only.json()["error"] == "storage-busy"
        {
            break;
        }
        read_only = send(&app, post(Some(&key), body.clone())).await;
    }
    assert_refused(&read_only, StatusCode::SERVICE_UNAVAILABLE, "storage-busy");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "ALTER DATABASE \"{db_name}\" SET default_transaction_read_only = off"
    )))
    .execute(&mut admin)
    .await
    .unwrap();
    sqlx::raw_sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .execute(&mut admin)
    .await
    .unwrap();
    let mut status = StatusCode::SERVICE_UNAVAILABLE;
    for _ in 0..20 {
        status = send(&app, post(Some(&key), body.clone())).await.status;
        if status != StatusCode::SERVICE_UNAVAILABLE {
            break;
        }
    }
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(rows_stored(&config).await, 3);
}

/// A percent-encoded name is the same file to the file server: still never served.
#[tokio::test]
async fn encoded_database_names_are_not_served_either() {
    let dir = TempDir::new("encoded");
    let site = write_site(dir.path());
    std::fs::write(site.join("copy.sqlite3"), b"SQLite format 3").unwrap();
    std::fs::write(site.join("copy.sqlite3-wal"), b"x").unwrap();
    let r = receiver("encoded-site", |c, _| c.static_dir = Some(site.clone())).await;
    for uri in [
        "/copy.sqlite%33",
        "/copy.sqlite3-wa%6c",
        "/copy%2Esqlite3",
        "/COPY.SQLITE%33",
    ] {
        assert_refused(
            &send(&r.app, get(uri)).await,
            StatusCode::NOT_FOUND,
            "not-found",
        );
    }
}

/// Paging never skips a record: erasing the newest does not hand its number to the next one
/// (SQLite reuses rowids; the arrival number does not).
#[tokio::test]
async fn a_cursor_never_skips_a_record_after_an_erasure() {
    let r = receiver("cursor", |c, _| c.admin_token = Some(ADMIN_TOKEN.into())).await;
    let mut keys = Vec::new();
    for _ in 0..3 {
        let key = new_key();
        send(&r.app, post(Some(&key), bytes(&valid(&key)))).await;
        keys.push(key);
    }
    let page = send(&r.app, bearer(get("/api/responses?limit=3"), ADMIN_TOKEN)).await;
    let next = next_link(&page).expect("a full page has a next link");
    let erased = send(
        &r.app,
        bearer(delete(&format!("/api/responses/{}", keys[2])), ADMIN_TOKEN),
    )
    .await;
    assert_eq!(erased.status, StatusCode::OK);
    let key = new_key();
    assert_eq!(
        send(&r.app, post(Some(&key), bytes(&valid(&key))))
            .await
            .status,
        StatusCode::CREATED
    );
    let rest = send(&r.app, bearer(get(&next), ADMIN_TOKEN)).await;
    let rows = rest.json();
    let got: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["idempotencyKey"].as_str().unwrap())
        .collect();
    assert_eq!(
        got,
        vec![key.as_str()],
        "the record after the cursor is found"
    );
}
