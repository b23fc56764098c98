//! The read-only FHIR API (`/fhir/...`, issue 16 point 4) with bearer tokens from a provider
//! this test runs on a loopback port (discovery and a JWKS with an Ed25519 key): tokens
//! verified against the JWKS (issuer, audience, expiry, signature), the care-team rule,
//! search parameters, the Questionnaire read and the audit.

use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::bundled;
use rapport_core::definition::Questionnaire;
use rapport_core::envelope::{Envelope, EnvelopeMeta};
use rapport_core::subject::SubjectClaims;
use rapport_receiver::store::NewRecord;
use rapport_receiver::subject::Subject;
use rapport_receiver::{open_store, router_with, Receipt, Store};
use serde_json::{json, Value};
use tower::ServiceExt;

mod common;
use common::{config_in, TempDir};

const PORTAL: &str = "https://portal.example";
const CLIENT: &str = "rapport";

const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64(bytes: &[u8], a: &[u8; 64]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(a[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// An Ed25519 key: (PKCS#8 PEM for signing, the JWK's `x`).
fn ed25519() -> (EncodingKey, String) {
    let mut seed = [0u8; 32];
    seed[..16].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    seed[16..].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    let key = ed25519_dalek::SigningKey::from_bytes(&seed);
    let mut der = vec![
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
        0x20,
    ];
    der.extend_from_slice(&seed);
    let pem = format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        b64(&der, STANDARD)
    );
    let x = b64(&key.verifying_key().to_bytes(), URL_SAFE)
        .trim_end_matches('=')
        .to_owned();
    (EncodingKey::from_ed_pem(pem.as_bytes()).expect("pem"), x)
}

/// Runs a provider with discovery and this key as `kid` `k1`; its issuer URL.
async fn provider(x: &str) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://{}", listener.local_addr().unwrap());
    let discovery = json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/auth"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["EdDSA"],
    });
    let jwks = json!({"keys": [
        {"kty": "OKP", "crv": "Ed25519", "x": x, "kid": "k1", "alg": "EdDSA", "use": "sig"}
    ]});
    let app = Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(move || async move { Json(discovery) }),
        )
        .route("/jwks", get(move || async move { Json(jwks) }));
    tokio::spawn(async move { axum::serve(listener, app).await });
    issuer
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn token(key: &EncodingKey, kid: &str, claims: &Value) -> String {
    let mut h = Header::new(Algorithm::EdDSA);
    h.kid = Some(kid.into());
    jsonwebtoken::encode(&h, claims, key).unwrap()
}

async fn store_checkin(store: &Store, sub: &str, team: &[&str], at: &str, v: i64) -> String {
    let q: Questionnaire = match bundled::load("session-checkin") {
        Some(Ok(q)) => q,
        _ => panic!("loads"),
    };
    let mut answers = Answers::new();
    for id in [
        "say-my-mind",
        "what-matters",
        "way-we-worked",
        "worth-my-time",
    ] {
        answers.set(id, Some(AnswerValue::Integer(v)));
    }
    let key = uuid::Uuid::new_v4().to_string();
    let version = q.version.clone().unwrap_or_default();
    let who = SubjectClaims {
        iss: PORTAL.into(),
        sub: sub.into(),
    };
    let meta = EnvelopeMeta {
        idempotency_key: &key,
        instrument_id: "session-checkin",
        version: &version,
        language: "en",
        translation_status: "source",
        submitted_at: at,
        previous_scores: &Default::default(),
        context: &json!({}),
        subject: Some(("token", &who)),
        widget_version: None,
    };
    let mut envelope = Envelope::build(&q, &answers, &meta, &|_, _| None).to_json();
    envelope.as_object_mut().unwrap().remove("subjectToken");
    let record = NewRecord {
        idempotency_key: key.clone(),
        body_sha256: format!("{:064}", 0),
        instrument_id: "session-checkin".into(),
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
            name: None,
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

async fn call(
    app: &Router,
    path: &str,
    bearer: Option<&str>,
) -> (StatusCode, header::HeaderMap, Value) {
    let mut r = Request::builder().uri(path);
    if let Some(t) = bearer {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let resp = app
        .clone()
        .oneshot(r.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = to_bytes(resp.into_body(), 1 << 22).await.unwrap();
    (
        status,
        headers,
        serde_json::from_slice(&body).unwrap_or(Value::Null),
    )
}

fn ids(bundle: &Value) -> Vec<String> {
    bundle["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            e["fullUrl"]
                .as_str()
                .unwrap()
                .trim_start_matches("urn:uuid:")
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn the_fhir_api_answers_verified_bearer_tokens_within_the_care_team() {
    let (key, x) = ed25519();
    let issuer = provider(&x).await;
    let dir = TempDir::new("fhir-api");
    let mut config = config_in(&dir).await;
    config.oidc_issuer = Some(issuer.clone());
    config.oidc_client_id = Some(CLIENT.into());
    config.oidc_client_secret = Some("client-secret-for-the-fhir-tests".into());
    config.public_url = Some("http://127.0.0.1:8080".into());
    config.clinic_wide_group = Some("leads".into());
    let store = open_store(&config).await.unwrap();
    let app = router_with(&config, store.clone()).unwrap();

    let ana_1 = store_checkin(&store, "p-ana", &["okafor"], "2026-11-01T09:00:00.000Z", 8).await;
    let ana_2 = store_checkin(&store, "p-ana", &["okafor"], "2026-11-08T09:00:00.000Z", 3).await;
    let chen = store_checkin(
        &store,
        "p-chen",
        &["lindqvist"],
        "2026-11-02T09:00:00.000Z",
        5,
    )
    .await;

    let claims = |sub: &str, extra: Value| {
        let mut c = json!({"iss": issuer, "aud": CLIENT, "sub": sub, "exp": now() + 300,
                           "iat": now()});
        for (k, v) in extra.as_object().unwrap() {
            c[k] = v.clone();
        }
        c
    };
    let okafor = token(&key, "k1", &claims("okafor", json!({})));
    let ana = format!("/fhir/QuestionnaireResponse?subject={PORTAL}|p-ana");

    // No token, or tokens that do not check out: 401 with a Bearer challenge.
    let (status, headers, body) = call(&app, &ana, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(headers[header::WWW_AUTHENTICATE]
        .to_str()
        .unwrap()
        .starts_with("Bearer"));
    assert_eq!(body["resourceType"], "OperationOutcome");
    let (other_key, _) = ed25519();
    for (why, bad) in [
        (
            "another audience",
            token(
                &key,
                "k1",
                &claims("okafor", json!({"aud": "someone-else"})),
            ),
        ),
        (
            "another issuer",
            token(
                &key,
                "k1",
                &claims("okafor", json!({"iss": "https://evil.example"})),
            ),
        ),
        (
            "expired",
            token(&key, "k1", &claims("okafor", json!({"exp": now() - 600}))),
        ),
        (
            "another key",
            token(&other_key, "k1", &claims("okafor", json!({}))),
        ),
        (
            "an unknown key id",
            token(&other_key, "k2", &claims("okafor", json!({}))),
        ),
        (
            "HS256",
            jsonwebtoken::encode(
                &Header::new(Algorithm::HS256),
                &claims("okafor", json!({})),
                &EncodingKey::from_secret(x.as_bytes()).unwrap(),
            )
            .unwrap(),
        ),
        ("not a JWT", "abc".to_owned()),
    ] {
        let (status, _, _) = call(&app, &ana, Some(&bad)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{why}");
    }

    // Okafor's patient: a searchset of both responses, oldest first.
    let (status, headers, bundle) = call(&app, &ana, Some(&okafor)).await;
    assert_eq!(status, StatusCode::OK, "{bundle}");
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/fhir+json"));
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "searchset");
    assert_eq!(bundle["total"], 2);
    assert_eq!(ids(&bundle), [ana_1.clone(), ana_2.clone()]);
    assert_eq!(bundle["entry"][0]["search"]["mode"], "match");
    assert_eq!(
        bundle["entry"][1]["resource"]["subject"]["identifier"]["value"],
        "p-ana"
    );

    // Filters.
    let (_, _, b) = call(&app, &format!("{ana}&authored=ge2026-11-02"), Some(&okafor)).await;
    assert_eq!(ids(&b), [ana_2.as_str()]);
    let (_, _, b) = call(
        &app,
        &format!("{ana}&authored=ge2026-11-01&authored=le2026-11-01"),
        Some(&okafor),
    )
    .await;
    assert_eq!(ids(&b), [ana_1.as_str()]);
    let (_, _, b) = call(
        &app,
        &format!("{ana}&questionnaire=https://rapport.dev/fhir/Questionnaire/session-checkin"),
        Some(&okafor),
    )
    .await;
    assert_eq!(b["total"], 2);
    let (_, _, b) = call(
        &app,
        &format!("{ana}&questionnaire=https://rapport.dev/fhir/Questionnaire/working-together"),
        Some(&okafor),
    )
    .await;
    assert_eq!(b["total"], 0);
    for bad in [
        "/fhir/QuestionnaireResponse",
        "/fhir/QuestionnaireResponse?subject=p-ana",
        &format!("{ana}&authored=soon"),
        &format!("{ana}&_count=5"),
    ] {
        let (status, _, b) = call(&app, bad, Some(&okafor)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(b["resourceType"], "OperationOutcome");
    }

    // Lindqvist's patient: nothing for Okafor, as for a patient without answers.
    let chens = format!("/fhir/QuestionnaireResponse?subject:identifier={PORTAL}|p-chen");
    let (status, _, b) = call(&app, &chens, Some(&okafor)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(b["total"], 0);
    assert!(!b.to_string().contains(&chen));
    // A member of the clinic-wide group sees Chen.
    let lead = token(
        &key,
        "k1",
        &claims("mensah", json!({"groups": ["staff", "leads"]})),
    );
    let (_, _, b) = call(&app, &chens, Some(&lead)).await;
    assert_eq!(ids(&b), [chen.as_str()]);

    // The definitions, by id.
    let (status, _, q) = call(&app, "/fhir/Questionnaire/session-checkin", Some(&okafor)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(q["resourceType"], "Questionnaire");
    assert_eq!(
        q["url"],
        "https://rapport.dev/fhir/Questionnaire/session-checkin"
    );
    let (status, _, q) = call(&app, "/fhir/Questionnaire/nothing", Some(&okafor)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(q["issue"][0]["code"], "not-found");
    let (status, _, _) = call(&app, "/fhir/Questionnaire/session-checkin", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let audit: Vec<_> = store
        .audit_page(None, 1000)
        .await
        .unwrap()
        .into_iter()
        .map(|(_, e)| e)
        .filter(|e| e.action == "fhir-search")
        .collect();
    assert_eq!(audit.len(), 7, "{audit:?}");
    assert_eq!(audit[0].actor, "clinician:okafor");
    assert_eq!(audit[0].records, [ana_1, ana_2]);
    assert_eq!(audit[5].records, Vec::<String>::new());
    assert_eq!(audit[6].actor, "clinician:mensah");
    assert_eq!(audit[6].records, [chen]);
}
