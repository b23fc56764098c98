//! ValueSet files beside the clinic definitions (issue 19, point 2): a definition whose
//! `answerValueSet`s are canonical URLs loads with them, its envelopes are verified against
//! them, and `GET /fhir/ValueSet/$expand` serves them to the widget as a terminology server
//! would. Real HTTP requests through the router, as in `receiver.rs`; the definition and value
//! sets are the core's fixture `value-set-canonical.json`, so the widget's tests and these read
//! the same files.

use std::path::Path;

use axum::body::{to_bytes, Body};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::Questionnaire;
use rapport_core::envelope::{Envelope, EnvelopeMeta};
use rapport_receiver::{router, Config, Store};
use serde_json::{json, Value};
use tower::ServiceExt;

mod common;
use common::{config_in, TempDir};

const FIXTURE: &str = include_str!("../../rapport-core/tests/fixtures/value-set-canonical.json");
const LOINC: &str = "http://loinc.org/vs/LL361-7";
const HELPED: &str = "https://clinic.example/fhir/ValueSet/helped";
const PORTAL: &str = "https://portal.example.org";

fn fixture() -> Value {
    serde_json::from_str(FIXTURE).expect("fixture is JSON")
}

/// The fixture's definition, and its value sets by the reference the definition writes.
fn definition_and_value_sets() -> (Value, Vec<(String, Value)>) {
    let f = fixture();
    let sets = f["valueSets"]
        .as_object()
        .expect("valueSets")
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    (f["definition"].clone(), sets)
}

/// Writes the definition and, as files of their own, the value sets for which `keep` holds.
fn write_definitions(dir: &Path, keep: impl Fn(&str) -> bool) -> std::path::PathBuf {
    let defs = dir.join("definitions");
    std::fs::create_dir_all(&defs).unwrap();
    let (definition, sets) = definition_and_value_sets();
    std::fs::write(defs.join("canonical.json"), definition.to_string()).unwrap();
    for (i, (reference, vs)) in sets.iter().enumerate() {
        if keep(reference) {
            std::fs::write(defs.join(format!("value-set-{i}.json")), vs.to_string()).unwrap();
        }
    }
    defs
}

struct Receiver {
    app: Router,
    config: Config,
    _dir: TempDir,
}

async fn receiver(name: &str) -> Receiver {
    let dir = TempDir::new(name);
    let mut config = config_in(&dir).await;
    config.definitions_dirs = vec![write_definitions(dir.path(), |_| true)];
    config.allow_origins = vec![PORTAL.to_owned()];
    let app = router(&config).await.expect("router builds");
    Receiver {
        app,
        config,
        _dir: dir,
    }
}

/// Why the receiver does not start with `defs`.
async fn start_error(name: &str, fill: impl FnOnce(&Path) -> std::path::PathBuf) -> String {
    let dir = TempDir::new(name);
    let mut config = config_in(&dir).await;
    config.definitions_dirs = vec![fill(dir.path())];
    match router(&config).await {
        Ok(_) => panic!("{name}: the receiver started"),
        Err(e) => e.to_string(),
    }
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

/// `GET /fhir/ValueSet/$expand?<query>` as the widget sends it.
fn expand(query: &str) -> Request<Body> {
    Request::builder()
        .uri(format!("/fhir/ValueSet/$expand?{query}"))
        .header("accept", "application/fhir+json")
        .header("origin", PORTAL)
        .body(Body::empty())
        .expect("request")
}

fn encoded(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn assert_outcome(r: &Reply, status: StatusCode, code: &str) {
    assert_eq!(r.status, status, "{}", String::from_utf8_lossy(&r.body));
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("application/fhir+json")),
        "{:?}",
        r.header("content-type")
    );
    let v = r.json();
    assert_eq!(v["resourceType"], "OperationOutcome", "{v}");
    assert_eq!(v["issue"][0]["code"], code, "{v}");
    assert_eq!(v["issue"][0]["severity"], "error", "{v}");
}

#[tokio::test]
async fn expand_answers_each_value_set_of_the_files() {
    let r = receiver("vs-expand").await;

    // An expansion file, by url alone: answered as it is, with a total.
    let reply = send(&r.app, expand(&format!("url={}", encoded(LOINC)))).await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(
        reply.header("content-type"),
        Some("application/fhir+json; charset=utf-8")
    );
    assert_eq!(reply.header("cache-control"), Some("no-cache"));
    assert_eq!(reply.header("access-control-allow-origin"), Some(PORTAL));
    assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
    let etag = reply.header("etag").expect("an ETag").to_owned();
    let loinc = reply.json();
    assert_eq!(loinc["resourceType"], "ValueSet");
    assert_eq!(loinc["url"], LOINC);
    let x = &loinc["expansion"];
    assert_eq!(x["total"], 4, "{x}");
    assert_eq!(x["timestamp"], "2026-12-06T00:00:00Z");
    assert_eq!(x["contains"][2]["code"], "LA6570-1");
    assert_eq!(x["contains"][2]["system"], "http://loinc.org");
    assert_eq!(x["contains"][2]["designation"][0]["language"], "es");
    assert_eq!(x["contains"][2]["extension"][0]["valueDecimal"], 2);

    // Unchanged: 304, no body.
    let mut again = expand(&format!("url={}", encoded(LOINC)));
    again
        .headers_mut()
        .insert("if-none-match", etag.parse().unwrap());
    let reply = send(&r.app, again).await;
    assert_eq!(reply.status, StatusCode::NOT_MODIFIED);
    assert!(reply.body.is_empty());

    // A compose-only file, by url and valueSetVersion: its expansion built from the listing.
    let reply = send(
        &r.app,
        expand(&format!("url={}&valueSetVersion=2", encoded(HELPED))),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let helped = reply.json();
    assert_eq!(helped["version"], "2");
    let x = &helped["expansion"];
    assert_eq!(x["total"], 2, "{x}");
    assert!(x["timestamp"].is_string(), "{x}");
    assert_eq!(
        x["contains"],
        json!([
            { "system": "https://clinic.example/CodeSystem/helped", "code": "walks",
              "display": "Going for walks" },
            { "system": "https://clinic.example/CodeSystem/helped", "code": "friends",
              "display": "Seeing friends" }
        ])
    );
    // The same by `url|version`, as some clients write it.
    let reply = send(
        &r.app,
        expand(&format!("url={}", encoded(&format!("{HELPED}|2")))),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);

    // What the widget does with the answers: read the definition with them.
    let (definition, _) = definition_and_value_sets();
    let served = vec![(LOINC.to_owned(), loinc), (format!("{HELPED}|2"), helped)];
    let q = Questionnaire::from_value_with(&definition, &served).unwrap_or_else(|e| {
        panic!(
            "the served value sets do not load: {:?}",
            e.iter().map(ToString::to_string).collect::<Vec<_>>()
        )
    });
    assert_eq!(q.items.len(), 3);
}

#[tokio::test]
async fn expand_refuses_what_it_does_not_have_with_an_operation_outcome() {
    let r = receiver("vs-expand-refused").await;
    let reply = send(
        &r.app,
        expand(&format!(
            "url={}",
            encoded("https://clinic.example/fhir/ValueSet/nothing")
        )),
    )
    .await;
    assert_outcome(&reply, StatusCode::NOT_FOUND, "not-found");
    // Another version of a value set that exists is another value set.
    let reply = send(
        &r.app,
        expand(&format!("url={}&valueSetVersion=9", encoded(HELPED))),
    )
    .await;
    assert_outcome(&reply, StatusCode::NOT_FOUND, "not-found");
    // No url.
    let reply = send(&r.app, expand("valueSetVersion=2")).await;
    assert_outcome(&reply, StatusCode::BAD_REQUEST, "required");
    let reply = send(&r.app, expand("url=")).await;
    assert_outcome(&reply, StatusCode::BAD_REQUEST, "required");
    // A parameter that would change the answer is refused rather than ignored; so is a
    // format other than JSON (what the widget sends, `_format=json`, is answered).
    for query in ["filter=day", "_format=xml"] {
        let reply = send(&r.app, expand(&format!("url={}&{query}", encoded(LOINC)))).await;
        assert_outcome(&reply, StatusCode::BAD_REQUEST, "invalid");
    }
    let reply = send(
        &r.app,
        expand(&format!("_format=json&url={}", encoded(LOINC))),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    // Reading only.
    let post = Request::builder()
        .method(Method::POST)
        .uri(format!("/fhir/ValueSet/$expand?url={}", encoded(LOINC)))
        .body(Body::empty())
        .unwrap();
    let reply = send(&r.app, post).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
}

/// The envelope the widget sends for `answers` to the fixture's definition.
fn envelope(q: &Questionnaire, answers: &Answers, key: &str) -> Envelope {
    let meta = EnvelopeMeta {
        idempotency_key: key,
        instrument_id: "Canonical",
        version: "1",
        language: "en",
        translation_status: "source",
        submitted_at: "2026-08-01T09:30:00Z",
        previous_scores: &Default::default(),
        context: &json!({}),
        subject: None,
        widget_version: Some(env!("CARGO_PKG_VERSION")),
    };
    Envelope::build(q, answers, &meta, &|_, _| None)
}

fn post(key: &str, body: Vec<u8>) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri("/api/responses")
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(Body::from(body))
        .unwrap()
}

fn coding(system: &str, code: &str) -> AnswerValue {
    AnswerValue::Coding {
        system: Some(system.to_owned()),
        code: code.to_owned(),
    }
}

async fn rows_stored(config: &Config) -> i64 {
    let store = Store::connect(&config.database, config.database_password.as_deref())
        .await
        .expect("open the database");
    let n = store.count().await.expect("count");
    store.close().await;
    n
}

#[tokio::test]
async fn answers_from_canonical_value_sets_are_verified_against_the_files() {
    let r = receiver("vs-verify").await;
    let (definition, sets) = definition_and_value_sets();
    let q = Questionnaire::from_value_with(&definition, &sets).expect("fixture loads");
    let mut answers = Answers::new();
    answers.set("interest", Some(coding("http://loinc.org", "LA6570-1")));
    answers.set("mood", Some(coding("http://loinc.org", "LA6569-3")));
    answers.set(
        "helped",
        Some(AnswerValue::Many(vec![coding(
            "https://clinic.example/CodeSystem/helped",
            "friends",
        )])),
    );
    let key = uuid::Uuid::new_v4().to_string();
    let valid = envelope(&q, &answers, &key);
    let reply = send(&r.app, post(&key, serde_json::to_vec(&valid).unwrap())).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );

    // A code the value set does not list, in each of the two value sets (written into the
    // response as a tampered page would: the widget itself offers only the listed codes).
    for (index, link, bad) in [(0, "interest", "LA9999-9"), (2, "helped", "dancing")] {
        let mut tampered = valid.clone();
        tampered.idempotency_key = uuid::Uuid::new_v4().to_string();
        tampered.questionnaire_response["item"][index]["answer"][0]["valueCoding"]["code"] =
            json!(bad);
        let key = tampered.idempotency_key.clone();
        let reply = send(&r.app, post(&key, serde_json::to_vec(&tampered).unwrap())).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad}: {}",
            String::from_utf8_lossy(&reply.body)
        );
        let v = reply.json();
        assert!(
            v["error"] == "invalid-answers" || v["error"] == "invalid-response",
            "{v}"
        );
        assert!(v["message"].as_str().unwrap().contains(link), "{v}");
        assert!(!v.to_string().contains(bad), "{v}");
    }
    assert_eq!(rows_stored(&r.config).await, 1);
}

#[tokio::test]
async fn a_value_set_no_file_provides_stops_the_start_saying_where_and_what_to_do() {
    let err = start_error("vs-missing", |dir| {
        write_definitions(dir, |reference| !reference.starts_with(HELPED))
    })
    .await;
    for needle in [
        "canonical.json",
        "/item/2/answerValueSet",
        "linkId \"helped\"",
        "https://clinic.example/fhir/ValueSet/helped|2",
        "$expand",
        "compose.include.concept",
        "definitions directory",
    ] {
        assert!(err.contains(needle), "{needle:?} not in: {err}");
    }
    // The LOINC one is there: not named as missing.
    assert!(!err.contains(LOINC), "{err}");

    // A file with that url but another version does not do: the message says which there is.
    let err = start_error("vs-other-version", |dir| {
        let defs = write_definitions(dir, |reference| !reference.starts_with(HELPED));
        let (_, sets) = definition_and_value_sets();
        let mut helped = sets
            .into_iter()
            .find(|(r, _)| r.starts_with(HELPED))
            .unwrap()
            .1;
        helped["version"] = json!("1");
        std::fs::write(defs.join("helped-1.json"), helped.to_string()).unwrap();
        defs
    })
    .await;
    assert!(err.contains("version(s) 1"), "{err}");
}

#[tokio::test]
async fn broken_or_doubled_value_set_files_stop_the_start_naming_them() {
    // The same url|version twice: both files named.
    let err = start_error("vs-twice", |dir| {
        let defs = write_definitions(dir, |_| true);
        std::fs::copy(defs.join("value-set-0.json"), defs.join("z-copy.json")).unwrap();
        defs
    })
    .await;
    assert!(
        err.contains("value-set-0.json") && err.contains("z-copy.json"),
        "{err}"
    );

    // No url.
    let err = start_error("vs-no-url", |dir| {
        let defs = write_definitions(dir, |_| true);
        std::fs::write(
            defs.join("nameless.json"),
            r#"{"resourceType": "ValueSet", "status": "active",
                "compose": {"include": [{"system": "https://x.example", "concept": [{"code": "a"}]}]}}"#,
        )
        .unwrap();
        defs
    })
    .await;
    assert!(
        err.contains("nameless.json") && err.contains("\"url\""),
        "{err}"
    );

    // A compose the widget could not list (by filter): refused at start, not at the first
    // patient.
    let err = start_error("vs-filter", |dir| {
        let defs = write_definitions(dir, |_| true);
        std::fs::write(
            defs.join("filtered.json"),
            r#"{"resourceType": "ValueSet", "url": "https://x.example/vs", "status": "active",
                "compose": {"include": [{"system": "http://loinc.org",
                  "filter": [{"property": "parent", "op": "=", "value": "x"}]}]}}"#,
        )
        .unwrap();
        defs
    })
    .await;
    assert!(
        err.contains("filtered.json") && err.contains("filter"),
        "{err}"
    );

    // Not JSON at all: still the file named.
    let err = start_error("vs-not-json", |dir| {
        let defs = write_definitions(dir, |_| true);
        std::fs::write(defs.join("half.json"), r#"{"resourceType": "ValueSet", "#).unwrap();
        defs
    })
    .await;
    assert!(err.contains("half.json"), "{err}");
}
