//! Whose answers (issue 15): subject tokens signed here with real keys (HS256 secrets, Ed25519
//! and P-256 key pairs made per test), verified by the receiver on a fresh database (SQLite, or
//! PostgreSQL with `RAPPORT_TEST_POSTGRES`): every hostile token refused with its own code and
//! nothing stored, records filed under their subject, flags from the subject's own stored
//! history, erasure by subject, the portal examples in `docs/examples/`, and the demo portal.

use std::path::{Path, PathBuf};

use axum::body::{to_bytes, Body};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::bundled;
use rapport_core::definition::{ItemKind, Questionnaire};
use rapport_core::envelope::{put_subject_token, Envelope, EnvelopeMeta};
use rapport_core::scoring::PreviousScores;
use rapport_core::subject::SubjectClaims;
use rapport_receiver::{router, Config, Store};
use serde_json::{json, Value};
use tower::ServiceExt;

mod common;
use common::{config_in, TempDir};

const INSTRUMENT: &str = "session-checkin";
const ISSUER: &str = "https://portal.example.org";
const AUDIENCE: &str = "rapport-receiver-test";
const SECRET: &str = "a-shared-secret-of-at-least-32-bytes-for-hs256";
const ADMIN: &str = "admin-token-for-the-subject-tests-0123456789";

// ---------------------------------------------------------------------------------------------
// Keys and tokens

fn random_32() -> [u8; 32] {
    let mut out = [0u8; 32];
    out[..16].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    out[16..].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    out
}

/// An Ed25519 key pair: (private PKCS#8 PEM, public SPKI PEM). The private key is written as
/// `openssl genpkey -algorithm ed25519` writes it (PKCS#8 v1, RFC 8410), which every portal's
/// crypto reads (Node's does not read the v2 form with the public key inside).
fn ed25519_pair() -> (String, String) {
    use ed25519_dalek::pkcs8::EncodePublicKey;
    use p256::pkcs8::LineEnding;
    let seed = random_32();
    let key = ed25519_dalek::SigningKey::from_bytes(&seed);
    let mut der = vec![
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
        0x20,
    ];
    der.extend_from_slice(&seed);
    let private = format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        b64(&der, STANDARD)
    );
    let public = key
        .verifying_key()
        .to_public_key_pem(LineEnding::LF)
        .expect("spki");
    (private, public)
}

/// A P-256 key pair: (private PKCS#8 PEM, public SPKI PEM).
fn p256_pair() -> (String, String) {
    use p256::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
    let key = p256::SecretKey::from_slice(&random_32()).expect("a P-256 scalar");
    let private = key.to_pkcs8_pem(LineEnding::LF).expect("pkcs8").to_string();
    let public = key
        .public_key()
        .to_public_key_pem(LineEnding::LF)
        .expect("spki");
    (private, public)
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn rfc3339(secs: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(secs)
        .expect("a time")
        .format(&time::format_description::well_known::Rfc3339)
        .expect("formats")
}

/// The claims of a token for `sub`, valid from a minute ago for 15 minutes.
fn claims(sub: &str) -> Value {
    let t = now();
    json!({ "iss": ISSUER, "aud": AUDIENCE, "sub": sub, "iat": t - 60, "exp": t + 900 })
}

fn sign(alg: Algorithm, key: &EncodingKey, claims: &Value) -> String {
    jsonwebtoken::encode(&Header::new(alg), claims, key).expect("sign")
}

fn hs256(claims: &Value) -> String {
    let key = EncodingKey::from_secret(SECRET.as_bytes()).expect("key");
    sign(Algorithm::HS256, &key, claims)
}

const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Unpadded base64url, as JWS writes its parts.
fn b64url(bytes: &[u8]) -> String {
    b64(bytes, URL_SAFE).trim_end_matches('=').to_owned()
}

/// Base64 with the alphabet `a`, padded.
fn b64(bytes: &[u8], a: &[u8; 64]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(a[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
        for _ in chunk.len()..3 {
            out.push('=');
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Envelopes

fn load(id: &str) -> Questionnaire {
    match bundled::load(id) {
        Some(Ok(q)) => q,
        _ => panic!("bundled instrument {id} does not load"),
    }
}

/// Every question answered at the bottom (`high` false) or the top of its scale.
fn answers(q: &Questionnaire, high: bool) -> Answers {
    let mut answers = Answers::new();
    for item in &q.items {
        let value = match &item.kind {
            ItemKind::Integer { min, max, .. } => AnswerValue::Integer(if high {
                max.unwrap_or(1)
            } else {
                min.unwrap_or(0)
            }),
            ItemKind::Choice { options, .. } => {
                let o = if high {
                    options.last()
                } else {
                    options.first()
                };
                let o = o.expect("options");
                AnswerValue::Coding {
                    system: o.system.clone(),
                    code: o.code.clone(),
                }
            }
            _ => continue,
        };
        answers.set(&item.link_id, Some(value));
    }
    answers
}

/// What the widget sends: an envelope for `sub` (the QuestionnaireResponse's subject) with
/// `token` in it, sent at `sent`, with the browser's `previous` scores.
fn envelope_with(
    key: &str,
    token: &str,
    sub: &str,
    high: bool,
    sent: &str,
    previous: &PreviousScores,
) -> Vec<u8> {
    let q = load(INSTRUMENT);
    let version = q.version.clone().unwrap_or_default();
    let who = SubjectClaims {
        iss: ISSUER.into(),
        sub: sub.into(),
    };
    let meta = EnvelopeMeta {
        idempotency_key: key,
        instrument_id: INSTRUMENT,
        version: &version,
        language: "en",
        translation_status: "source",
        submitted_at: sent,
        previous_scores: previous,
        context: &json!({}),
        subject: Some((token, &who)),
        widget_version: None,
    };
    let e = Envelope::build(&q, &answers(&q, high), &meta, &|_, _| None);
    serde_json::to_vec(&e.to_json()).expect("json")
}

fn envelope(key: &str, token: &str, sub: &str) -> Vec<u8> {
    envelope_with(
        key,
        token,
        sub,
        false,
        &rfc3339(now()),
        &PreviousScores::new(),
    )
}

/// An envelope without a subject (`rapport-envelope/1`).
fn plain_envelope(key: &str) -> Vec<u8> {
    let q = load(INSTRUMENT);
    let version = q.version.clone().unwrap_or_default();
    let meta = EnvelopeMeta {
        idempotency_key: key,
        instrument_id: INSTRUMENT,
        version: &version,
        language: "en",
        translation_status: "source",
        submitted_at: &rfc3339(now()),
        previous_scores: &PreviousScores::new(),
        context: &json!({}),
        subject: None,
        widget_version: None,
    };
    let e = Envelope::build(&q, &answers(&q, false), &meta, &|_, _| None);
    serde_json::to_vec(&e.to_json()).expect("json")
}

fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

// ---------------------------------------------------------------------------------------------
// The receiver

struct Receiver {
    app: Router,
    config: Config,
    _dir: TempDir,
}

/// A receiver with the admin token and whatever `tweak` configures (`dir` is its temporary
/// directory, for key files).
async fn receiver(name: &str, tweak: impl FnOnce(&mut Config, &Path)) -> Receiver {
    let dir = TempDir::new(name);
    let mut config = config_in(&dir).await;
    config.admin_token = Some(ADMIN.into());
    tweak(&mut config, dir.path());
    let app = router(&config).await.expect("router builds");
    Receiver {
        app,
        config,
        _dir: dir,
    }
}

/// Issuer, audience and the HS256 secret.
fn with_secret(c: &mut Config) {
    c.subject_issuer = Some(ISSUER.into());
    c.subject_audience = Some(AUDIENCE.into());
    c.subject_secret = Some(SECRET.into());
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Value,
}

async fn send(app: &Router, req: Request<Body>) -> Reply {
    let resp = app.clone().oneshot(req).await.expect("infallible");
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = to_bytes(resp.into_body(), usize::MAX).await.expect("body");
    Reply {
        status,
        headers,
        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    }
}

async fn post(app: &Router, key: &str, body: Vec<u8>) -> Reply {
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/responses")
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(Body::from(body))
        .expect("request");
    send(app, req).await
}

async fn admin(app: &Router, method: Method, uri: &str, body: Option<Value>) -> Reply {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {ADMIN}"));
    if body.is_some() {
        req = req.header("content-type", "application/json");
    }
    let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
    send(app, req.body(body).expect("request")).await
}

async fn rows_stored(config: &Config) -> i64 {
    let store = Store::connect(&config.database, config.database_password.as_deref())
        .await
        .expect("open the database");
    let n = store.count().await.expect("count");
    store.close().await;
    n
}

/// A refusal with `code` and `status`; a 401 carries the RapportSubject challenge.
#[track_caller]
fn assert_refused(r: &Reply, status: StatusCode, code: &str) {
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(r.body["error"], code, "{}", r.body);
    let challenge = r
        .headers
        .get("www-authenticate")
        .and_then(|v| v.to_str().ok());
    if status == StatusCode::UNAUTHORIZED {
        let want = format!("RapportSubject error=\"{code}\"");
        assert_eq!(challenge, Some(want.as_str()));
    } else {
        assert_eq!(challenge, None);
    }
}

/// Whether `flags` has session-checkin's `drop-from-previous` flag.
fn dropped(flags: &Value) -> bool {
    flag_ids(flags).iter().any(|id| id == "dropped")
}

fn flag_ids(flags: &Value) -> Vec<String> {
    flags
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["id"].as_str().map(str::to_owned))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Hostile tokens

/// Each hostile token is refused with its own code, nothing is stored, and the message never
/// repeats the subject; the right tokens of each configured key are taken.
#[tokio::test]
async fn hostile_subject_tokens_are_refused_each_with_its_own_code() {
    let (ed_private, ed_public) = ed25519_pair();
    let (ec_private, ec_public) = p256_pair();
    let r = receiver("subject-hostile", |c, dir| {
        with_secret(c);
        c.subject_public_keys = vec![
            write(dir, "portal-ed25519.pem", &ed_public),
            write(dir, "portal-p256.pem", &ec_public),
        ];
    })
    .await;
    let sub = "patient-7f3a";
    let t = now();
    let other_secret = EncodingKey::from_secret(b"another-secret-of-at-least-32-bytes!!").unwrap();
    let (other_ed, _) = ed25519_pair();
    let other_ed = EncodingKey::from_ed_pem(other_ed.as_bytes()).unwrap();
    let with = |patch: Value| {
        let mut c = claims(sub);
        for (k, v) in patch.as_object().unwrap() {
            c[k] = v.clone();
        }
        c
    };
    let none_token = format!(
        "{}.{}.",
        b64url(br#"{"alg":"none","typ":"JWT"}"#),
        b64url(claims(sub).to_string().as_bytes())
    );
    let padded = with(json!({ "pad": "x".repeat(10 * 1024) }));
    let cases: Vec<(&str, String, StatusCode, &str)> = vec![
        (
            "HS256 with another secret",
            sign(Algorithm::HS256, &other_secret, &claims(sub)),
            StatusCode::UNAUTHORIZED,
            "subject-token-signature",
        ),
        (
            "EdDSA with another key",
            sign(Algorithm::EdDSA, &other_ed, &claims(sub)),
            StatusCode::UNAUTHORIZED,
            "subject-token-signature",
        ),
        (
            "another audience",
            hs256(&with(json!({ "aud": "someone-else" }))),
            StatusCode::UNAUTHORIZED,
            "subject-token-audience",
        ),
        (
            "alg none",
            none_token,
            StatusCode::UNAUTHORIZED,
            "subject-token-algorithm",
        ),
        (
            "RS256, which no key allows",
            format!(
                "{}.{}.{}",
                b64url(br#"{"alg":"RS256","typ":"JWT"}"#),
                b64url(claims(sub).to_string().as_bytes()),
                b64url(b"not a signature")
            ),
            StatusCode::UNAUTHORIZED,
            "subject-token-algorithm",
        ),
        (
            "expired an hour ago, sent now",
            hs256(&with(json!({ "iat": t - 4500, "exp": t - 3600 }))),
            StatusCode::UNAUTHORIZED,
            "subject-token-expired",
        ),
        (
            "issued ten minutes from now",
            hs256(&with(json!({ "iat": t + 600, "exp": t + 1500 }))),
            StatusCode::UNAUTHORIZED,
            "subject-token-not-yet-valid",
        ),
        (
            "not before ten minutes from now",
            hs256(&with(json!({ "nbf": t + 600 }))),
            StatusCode::UNAUTHORIZED,
            "subject-token-not-yet-valid",
        ),
        (
            "10 KB long",
            hs256(&padded),
            StatusCode::UNPROCESSABLE_ENTITY,
            "subject-token-too-large",
        ),
        (
            "not a JWS",
            "not.a-token".into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "subject-token-malformed",
        ),
        (
            "without exp",
            hs256(&json!({ "iss": ISSUER, "aud": AUDIENCE, "sub": sub, "iat": t })),
            StatusCode::UNPROCESSABLE_ENTITY,
            "subject-token-claims",
        ),
        (
            "without iat",
            hs256(&json!({ "iss": ISSUER, "aud": AUDIENCE, "sub": sub, "exp": t + 60 })),
            StatusCode::UNPROCESSABLE_ENTITY,
            "subject-token-claims",
        ),
    ];
    for (what, token, status, code) in &cases {
        let key = new_key();
        let reply = post(&r.app, &key, envelope(&key, token, sub)).await;
        assert_refused(&reply, *status, code);
        assert!(
            !reply.body.to_string().contains(sub),
            "{what}: {}",
            reply.body
        );
    }

    // Another issuer: the QuestionnaireResponse names that issuer too, so only the issuer check
    // stands between it and the records.
    let key = new_key();
    let foreign = hs256(&with(json!({ "iss": "https://elsewhere.example" })));
    let mut body: Value = serde_json::from_slice(&envelope(&key, &foreign, sub)).unwrap();
    body["questionnaireResponse"]["subject"]["identifier"]["system"] =
        json!("https://elsewhere.example");
    let reply = post(&r.app, &key, serde_json::to_vec(&body).unwrap()).await;
    assert_refused(&reply, StatusCode::UNAUTHORIZED, "subject-token-issuer");

    // A QuestionnaireResponse about another patient than the token's.
    let key = new_key();
    let reply = post(
        &r.app,
        &key,
        envelope(&key, &hs256(&claims(sub)), "patient-other"),
    )
    .await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "subject-mismatch");

    // A subjectToken that is not a string is the envelope's own problem.
    let key = new_key();
    let mut body: Value = serde_json::from_slice(&envelope(&key, "x.y.z", sub)).unwrap();
    body["subjectToken"] = json!(42);
    let reply = post(&r.app, &key, serde_json::to_vec(&body).unwrap()).await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "invalid-envelope");

    // No token at all, with keys configured.
    let key = new_key();
    let reply = post(&r.app, &key, plain_envelope(&key)).await;
    assert_refused(&reply, StatusCode::UNAUTHORIZED, "subject-token-missing");

    assert_eq!(
        rows_stored(&r.config).await,
        0,
        "a refused envelope was stored"
    );

    // The right token of each configured key is taken.
    let ed = EncodingKey::from_ed_pem(ed_private.as_bytes()).unwrap();
    let ec = EncodingKey::from_ec_pem(ec_private.as_bytes()).unwrap();
    for token in [
        hs256(&claims(sub)),
        sign(Algorithm::EdDSA, &ed, &claims(sub)),
        sign(Algorithm::ES256, &ec, &claims(sub)),
    ] {
        let key = new_key();
        let reply = post(&r.app, &key, envelope(&key, &token, sub)).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    }
    assert_eq!(rows_stored(&r.config).await, 3);
}

/// An EdDSA portal's public key is public: an HS256 token "signed" with its bytes must find no
/// key (algorithm confusion), and so must one signed with an HS256 secret nobody configured.
#[tokio::test]
async fn hs256_signed_with_the_public_key_is_refused() {
    let (_, ed_public) = ed25519_pair();
    let r = receiver("subject-confusion", |c, dir| {
        c.subject_issuer = Some(ISSUER.into());
        c.subject_audience = Some(AUDIENCE.into());
        c.subject_public_keys = vec![write(dir, "portal.pem", &ed_public)];
    })
    .await;
    let sub = "patient-1";
    let der: Vec<u8> = {
        use ed25519_dalek::pkcs8::DecodePublicKey;
        let k = ed25519_dalek::VerifyingKey::from_public_key_pem(&ed_public).unwrap();
        k.to_bytes().to_vec()
    };
    for secret in [ed_public.as_bytes().to_vec(), der] {
        let key = EncodingKey::from_secret(&secret).unwrap();
        let token = sign(Algorithm::HS256, &key, &claims(sub));
        let k = new_key();
        let reply = post(&r.app, &k, envelope(&k, &token, sub)).await;
        assert_refused(&reply, StatusCode::UNAUTHORIZED, "subject-token-algorithm");
    }
    assert_eq!(rows_stored(&r.config).await, 0);
}

/// The time rule both ways: a token that expired while the submission waited is taken if it was
/// valid when the patient pressed send and arrives within the grace; not when it was sent after
/// it expired, before it was issued, or arrives after the grace.
#[tokio::test]
async fn expired_tokens_and_the_grace_rule() {
    let r = receiver("subject-grace", |c, _| {
        with_secret(c);
        c.subject_grace = 3600;
    })
    .await;
    let sub = "patient-outbox";
    let t = now();
    let expired = hs256(&json!({
        "iss": ISSUER, "aud": AUDIENCE, "sub": sub, "iat": t - 1500, "exp": t - 600
    }));
    let long_expired = hs256(&json!({
        "iss": ISSUER, "aud": AUDIENCE, "sub": sub, "iat": t - 8100, "exp": t - 7200
    }));
    let cases = [
        // Sent while valid, arriving 10 minutes after exp: within the grace.
        (&expired, t - 900, StatusCode::CREATED),
        // Sent after it expired.
        (&expired, t - 300, StatusCode::UNAUTHORIZED),
        // "Sent" before it was issued.
        (&expired, t - 1700, StatusCode::UNAUTHORIZED),
        // Sent while valid, but arriving two hours after exp: past the grace.
        (&long_expired, t - 7500, StatusCode::UNAUTHORIZED),
    ];
    for (token, sent, want) in cases {
        let key = new_key();
        let body = envelope_with(&key, token, sub, false, &rfc3339(sent), &Default::default());
        let reply = post(&r.app, &key, body).await;
        if want == StatusCode::CREATED {
            assert_eq!(reply.status, want, "{}", reply.body);
        } else {
            assert_refused(&reply, want, "subject-token-expired");
        }
    }
    // Times beyond any clock neither panic nor pass.
    for (iat, exp, status, code) in [
        (
            json!(1e300),
            json!(t + 900),
            StatusCode::UNAUTHORIZED,
            "subject-token-not-yet-valid",
        ),
        (
            json!(-1e300),
            json!(-1e300),
            StatusCode::UNPROCESSABLE_ENTITY,
            "subject-token-claims",
        ),
    ] {
        let token = hs256(&json!({
            "iss": ISSUER, "aud": AUDIENCE, "sub": sub, "iat": iat, "exp": exp
        }));
        let key = new_key();
        let body = envelope_with(&key, &token, sub, false, &rfc3339(t), &Default::default());
        assert_refused(&post(&r.app, &key, body).await, status, code);
    }
    assert_eq!(rows_stored(&r.config).await, 1);
}

// ---------------------------------------------------------------------------------------------
// Records under their subject, history the server keeps

/// Two patients' records are filed apart; a verified subject's `drop-from-previous` flag comes
/// from its own previous stored scores whatever previousScores the browser sent; the listing
/// shows subject, flags and where the previous scores came from; erasure by subject removes one
/// patient's records in one audited step.
#[tokio::test]
async fn history_is_the_receivers_and_erasure_is_by_subject() {
    let r = receiver("subject-history", |c, _| with_secret(c)).await;
    let ana = "patient-ana";
    let ben = "patient-ben";
    let token = |sub: &str| {
        let mut c = claims(sub);
        c["name"] = json!(format!("label of {sub}"));
        c["care_team"] = json!(["clinician-1"]);
        c["episode"] = json!("episode-9");
        hs256(&c)
    };
    let sent = rfc3339(now());
    let q = load(INSTRUMENT);
    let high_total = rapport_core::scoring::scores(&q, &answers(&q, true))[0]
        .value
        .unwrap();
    let low_total = rapport_core::scoring::scores(&q, &answers(&q, false))[0]
        .value
        .unwrap();
    let prev = |v: f64| -> PreviousScores {
        let mut m = PreviousScores::new();
        m.insert("total".into(), json!(v));
        m
    };

    // Ana: high, then low while her browser claims the previous total was low too (no drop).
    let k1 = new_key();
    let reply = post(
        &r.app,
        &k1,
        envelope_with(&k1, &token(ana), ana, true, &sent, &prev(0.0)),
    )
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let k2 = new_key();
    let body = envelope_with(&k2, &token(ana), ana, false, &sent, &prev(low_total));
    let browser: Value = serde_json::from_slice(&body).unwrap();
    assert!(!dropped(&browser["flags"]), "{}", browser["flags"]);
    let reply = post(&r.app, &k2, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    // Ben: low, while his browser claims a high previous total (a drop); he has no history.
    let k3 = new_key();
    let body = envelope_with(&k3, &token(ben), ben, false, &sent, &prev(high_total));
    let browser: Value = serde_json::from_slice(&body).unwrap();
    assert!(dropped(&browser["flags"]), "{}", browser["flags"]);
    let reply = post(&r.app, &k3, body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    // Ana again, without any previousScores: compared with her last (low) record: no drop.
    let k4 = new_key();
    let body = envelope_with(&k4, &token(ana), ana, false, &sent, &Default::default());
    assert_eq!(post(&r.app, &k4, body).await.status, StatusCode::CREATED);

    let list = admin(&r.app, Method::GET, "/api/responses", None).await;
    assert_eq!(list.status, StatusCode::OK);
    let records = list.body.as_array().expect("a list").clone();
    assert_eq!(records.len(), 4);
    let by_key = |k: &str| {
        records
            .iter()
            .find(|r| r["idempotencyKey"] == k)
            .unwrap_or_else(|| panic!("no record {k}"))
            .clone()
    };
    let (a1, a2, b1, a3) = (by_key(&k1), by_key(&k2), by_key(&k3), by_key(&k4));
    assert_eq!(
        a1["subject"],
        json!({
            "system": ISSUER, "value": ana, "verified": true, "name": "label of patient-ana",
            "careTeam": ["clinician-1"], "episode": "episode-9"
        })
    );
    assert_eq!(b1["subject"]["value"], ben);
    for rec in [&a1, &a2, &b1, &a3] {
        assert_eq!(rec["previousScoresFrom"], "receiver", "{rec}");
        assert!(
            rec["envelope"].get("subjectToken").is_none(),
            "a token was stored"
        );
    }
    assert!(!dropped(&a1["flags"]), "{}", a1["flags"]);
    assert!(
        dropped(&a2["flags"]),
        "the receiver's flag: {}",
        a2["flags"]
    );
    assert!(
        !dropped(&b1["flags"]),
        "Ben has no history: {}",
        b1["flags"]
    );
    assert!(!dropped(&a3["flags"]), "{}", a3["flags"]);
    // The other flags are the definition's, as the browser computed them.
    let others = |f: &Value| -> Vec<String> {
        flag_ids(f)
            .into_iter()
            .filter(|id| id != "dropped")
            .collect()
    };
    assert_eq!(others(&a2["flags"]), others(&a2["envelope"]["flags"]));

    // Neither a stored record's Debug nor the store's errors name the patient.
    let store = Store::connect(&r.config.database, r.config.database_password.as_deref())
        .await
        .expect("open the database");
    let shown = format!("{:?}", store.list().await);
    assert!(shown.contains(ISSUER) && !shown.contains(ana), "{shown}");
    store.close().await;

    // Erasure by subject: admin only, body only, one audited step.
    let anon = Request::builder()
        .method(Method::POST)
        .uri("/api/subjects/erase")
        .header("content-type", "application/json")
        .body(Body::from(
            json!({ "system": ISSUER, "value": ana }).to_string(),
        ))
        .unwrap();
    assert_eq!(send(&r.app, anon).await.status, StatusCode::UNAUTHORIZED);
    let bad = admin(
        &r.app,
        Method::POST,
        "/api/subjects/erase",
        Some(json!({ "value": ana })),
    )
    .await;
    assert_eq!(
        (bad.status, bad.body["error"].clone()),
        (StatusCode::BAD_REQUEST, json!("invalid-subject"))
    );
    let erased = admin(
        &r.app,
        Method::POST,
        "/api/subjects/erase",
        Some(json!({ "system": ISSUER, "value": ana })),
    )
    .await;
    assert_eq!(erased.status, StatusCode::OK, "{}", erased.body);
    let mut ids: Vec<String> = serde_json::from_value(erased.body["erased"].clone()).unwrap();
    ids.sort();
    let mut want: Vec<String> = [&a1, &a2, &a3]
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    want.sort();
    assert_eq!(ids, want);
    assert_eq!(rows_stored(&r.config).await, 1);
    let audit = admin(&r.app, Method::GET, "/api/audit", None).await;
    let row = audit
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["action"] == "erase-subject")
        .expect("the erasure is audited")
        .clone();
    let mut audited: Vec<String> = serde_json::from_value(row["records"].clone()).unwrap();
    audited.sort();
    assert_eq!(audited, want);
    assert!(
        !audit.body.to_string().contains(ana),
        "the audit names the subject"
    );
}

/// A retry of one key with a fresh token for the same patient is the same submission (200, the
/// first receipt); the same key with another patient's token is refused either way.
#[tokio::test]
async fn a_retry_with_a_fresh_token_is_the_same_submission() {
    let r = receiver("subject-retry", |c, _| with_secret(c)).await;
    let (ana, ben) = ("patient-ana", "patient-ben");
    let key = new_key();
    let sent = rfc3339(now());
    let body = envelope_with(
        &key,
        &hs256(&claims(ana)),
        ana,
        false,
        &sent,
        &Default::default(),
    );
    let first = post(&r.app, &key, body.clone()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);

    let mut fresh: Value = serde_json::from_slice(&body).unwrap();
    let mut c = claims(ana);
    c["iat"] = json!(now());
    c["jti"] = json!("another-token");
    put_subject_token(&mut fresh, &hs256(&c));
    let again = post(&r.app, &key, serde_json::to_vec(&fresh).unwrap()).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(again.body, first.body);

    // Ana's envelope with Ben's token.
    let mut swapped: Value = serde_json::from_slice(&body).unwrap();
    put_subject_token(&mut swapped, &hs256(&claims(ben)));
    let reply = post(&r.app, &key, serde_json::to_vec(&swapped).unwrap()).await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "subject-mismatch");
    // Ben's own envelope under Ana's key.
    let bens = envelope_with(
        &key,
        &hs256(&claims(ben)),
        ben,
        false,
        &sent,
        &Default::default(),
    );
    let reply = post(&r.app, &key, bens).await;
    assert_refused(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
    );
    assert_eq!(rows_stored(&r.config).await, 1);
}

/// Without keys the receiver behaves as before: a `/1` envelope is taken, a `/2` one is checked
/// by the core and its subject stored as not verified, with the browser's flags marked so.
#[tokio::test]
async fn without_keys_subjects_are_stored_as_not_verified() {
    let r = receiver("subject-unverified", |_, _| {}).await;
    let key = new_key();
    assert_eq!(
        post(&r.app, &key, plain_envelope(&key)).await.status,
        StatusCode::CREATED
    );
    let key = new_key();
    let anyone = EncodingKey::from_secret(b"whatever-secret-nobody-configured").unwrap();
    let token = sign(Algorithm::HS256, &anyone, &claims("patient-x"));
    let mut previous = PreviousScores::new();
    previous.insert("total".into(), json!(40));
    let body = envelope_with(&key, &token, "patient-x", false, &rfc3339(now()), &previous);
    assert_eq!(post(&r.app, &key, body).await.status, StatusCode::CREATED);
    let key = new_key();
    let reply = post(&r.app, &key, envelope(&key, &token, "patient-y")).await;
    assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "subject-mismatch");

    let list = admin(&r.app, Method::GET, "/api/responses", None).await;
    let records = list.body.as_array().unwrap();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["subject"], Value::Null);
    assert_eq!(records[0]["previousScoresFrom"], Value::Null);
    assert_eq!(records[1]["subject"]["verified"], false);
    assert_eq!(records[1]["subject"]["value"], "patient-x");
    assert_eq!(records[1]["previousScoresFrom"], "browser");
    assert_eq!(records[1]["flags"], records[1]["envelope"]["flags"]);
}

/// Issuer, audience and a key go together; a short secret or a key file that is not an Ed25519
/// or P-256 public key stops the start.
#[tokio::test]
async fn incomplete_subject_settings_stop_the_start() {
    let dir = TempDir::new("subject-config");
    let base = config_in(&dir).await;
    let (ed_private, _) = ed25519_pair();
    let private_file = write(dir.path(), "private.pem", &ed_private);
    type Tweak = Box<dyn Fn(&mut Config)>;
    let cases: Vec<Tweak> = vec![
        Box::new(|c| c.subject_issuer = Some(ISSUER.into())),
        Box::new(|c| {
            c.subject_issuer = Some(ISSUER.into());
            c.subject_audience = Some(AUDIENCE.into());
        }),
        Box::new(|c| {
            c.subject_audience = Some(AUDIENCE.into());
            c.subject_secret = Some(SECRET.into());
        }),
        Box::new(|c| {
            with_secret(c);
            c.subject_secret = Some("too-short".into());
        }),
        Box::new(move |c| {
            with_secret(c);
            c.subject_public_keys = vec![private_file.clone()];
        }),
    ];
    for tweak in cases {
        let mut c = base.clone();
        tweak(&mut c);
        let Err(err) = router(&c).await else {
            panic!("started with incomplete subject settings")
        };
        assert!(!err.to_string().contains(SECRET), "{err}");
    }
}

// ---------------------------------------------------------------------------------------------
// Over HTTP: the binary, its start line, and the portal examples

/// `rapport-receiver` on a free loopback port with `args` and `env`; its address and the lines
/// it printed at start. Killed on drop.
struct Process {
    child: std::process::Child,
    addr: std::net::SocketAddr,
    start: Vec<String>,
}

impl Process {
    fn start(config: &Config, args: &[&str], env: &[(&str, &str)]) -> Process {
        use std::io::BufRead;
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rapport-receiver"));
        cmd.args(["--listen", "127.0.0.1:0", "--rate-limit", "0", "--quiet"])
            .args(["--database", &config.database.to_string()])
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::inherit())
            .env_remove("RAPPORT_SUBJECT_SECRET");
        for (k, v) in env {
            cmd.env(k, v);
        }
        match &config.database_password {
            Some(pw) => cmd.env("RAPPORT_DATABASE_PASSWORD", pw),
            None => cmd.env_remove("RAPPORT_DATABASE_PASSWORD"),
        };
        let mut child = cmd.spawn().expect("start rapport-receiver");
        let mut reader = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        let mut start = Vec::new();
        for _ in 0..3 {
            let mut line = String::new();
            reader.read_line(&mut line).expect("start line");
            start.push(line.trim_end().to_owned());
        }
        std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
        let addr = start[0]
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {start:?}"));
        Process { child, addr, start }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request over TCP: status and JSON body.
async fn http(addr: std::net::SocketAddr, head: &str, body: &[u8]) -> (u16, Value) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let head = format!(
        "{head}\r\nHost: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).await.unwrap();
    let text = String::from_utf8_lossy(&reply);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let json = text
        .split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or(Value::Null);
    (status, json)
}

async fn post_tcp(addr: std::net::SocketAddr, key: &str, body: &[u8]) -> (u16, Value) {
    let head = format!(
        "POST /api/responses HTTP/1.1\r\nContent-Type: application/json\r\nIdempotency-Key: {key}"
    );
    http(addr, &head, body).await
}

/// Runs a portal example; its standard output, trimmed.
fn run_example(program: &str, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = std::process::Command::new(program);
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("`{program}` is needed to test the portal examples (cargo xtask setup): {e}")
    });
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .trim()
        .to_owned()
}

/// The portal examples in docs/examples mint tokens that a receiver configured with the matching
/// key (Node: EdDSA, a PKCS#8 private key) or secret (Python: HS256) takes: 201 over HTTP. The
/// start line says how subjects are verified, and says so when they are not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_portal_examples_mint_tokens_the_receiver_takes() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples");
    let dir = TempDir::new("subject-examples");
    let config = config_in(&dir).await;
    drop(router(&config).await.expect("migrate"));
    let (ed_private, ed_public) = ed25519_pair();
    let public = write(dir.path(), "portal-public.pem", &ed_public);
    let public_arg = public.to_str().unwrap();
    let receiver = Process::start(
        &config,
        &[
            "--subject-issuer",
            ISSUER,
            "--subject-audience",
            AUDIENCE,
            "--subject-public-key",
            public_arg,
        ],
        &[("RAPPORT_SUBJECT_SECRET", SECRET)],
    );
    assert!(
        receiver.start[2].contains("subjects verified") && receiver.start[2].contains(ISSUER),
        "{:?}",
        receiver.start
    );
    assert!(!receiver.start.join("\n").contains(SECRET));

    let sub = "patient-from-the-portal";
    let node = run_example(
        "node",
        &[
            examples.join("mint-subject-token.mjs").to_str().unwrap(),
            ISSUER,
            AUDIENCE,
            sub,
        ],
        &[("PORTAL_PRIVATE_KEY_PEM", &ed_private)],
    );
    let python = run_example(
        "python3",
        &[
            examples.join("mint_subject_token.py").to_str().unwrap(),
            ISSUER,
            AUDIENCE,
            sub,
        ],
        &[("RAPPORT_SUBJECT_SECRET", SECRET)],
    );
    for (who, token) in [("node", &node), ("python3", &python)] {
        let key = new_key();
        let (status, body) = post_tcp(receiver.addr, &key, &envelope(&key, token, sub)).await;
        assert_eq!(status, 201, "{who}: {body}");
    }
    drop(receiver);

    // Without keys: the start line says subjects are not verified.
    let plain = Process::start(&config, &[], &[]);
    assert!(plain.start[2].contains("NOT verified"), "{:?}", plain.start);
}

// ---------------------------------------------------------------------------------------------
// The demo portal

/// Under `--demo` the receiver mints tokens for the patients of demo/patients.json and takes
/// them; an unknown patient is 404; without `--demo` there is no such route.
#[tokio::test]
async fn the_demo_portal_mints_tokens_for_demo_patients() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let patients: Value = serde_json::from_str(
        &std::fs::read_to_string(site.join("demo/patients.json")).expect("demo/patients.json"),
    )
    .expect("JSON");
    assert_eq!(patients.as_array().map(Vec::len), Some(3));
    let dir = TempDir::new("subject-demo");
    let mut config = config_in(&dir).await;
    config.demo = true;
    config.static_dir = Some(site.clone());
    let app = router(&config).await.expect("router builds");

    let get = |uri: &str| Request::builder().uri(uri).body(Body::empty()).unwrap();
    let reply = send(&app, get("/demo/subject-token?patient=demo-ana")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["expiresIn"], 900);
    assert_eq!(
        reply
            .headers
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let token = reply.body["token"].as_str().expect("a token").to_owned();
    let claims = SubjectClaims::peek(&token).expect("claims");
    assert_eq!(claims.sub, "demo-ana");

    let key = new_key();
    let q = load(INSTRUMENT);
    let version = q.version.clone().unwrap_or_default();
    let meta = EnvelopeMeta {
        idempotency_key: &key,
        instrument_id: INSTRUMENT,
        version: &version,
        language: "en",
        translation_status: "source",
        submitted_at: &rfc3339(now()),
        previous_scores: &PreviousScores::new(),
        context: &json!({}),
        subject: Some((&token, &claims)),
        widget_version: None,
    };
    let e = Envelope::build(&q, &answers(&q, false), &meta, &|_, _| None);
    let reply = post(&app, &key, serde_json::to_vec(&e.to_json()).unwrap()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    // The demo page also runs without a signed-in patient.
    let key = new_key();
    assert_eq!(
        post(&app, &key, plain_envelope(&key)).await.status,
        StatusCode::CREATED
    );
    let list = send(&app, get("/api/responses")).await;
    let subject = &list.body[0]["subject"];
    assert_eq!(subject["value"], "demo-ana");
    assert_eq!(subject["verified"], true);
    assert_eq!(subject["careTeam"], json!(["demo-clinician-1"]));

    let reply = send(&app, get("/demo/subject-token?patient=someone-else")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let reply = send(&app, get("/demo/subject-token")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);

    let dir = TempDir::new("subject-no-demo");
    let mut config = config_in(&dir).await;
    config.static_dir = Some(site);
    let app = router(&config).await.expect("router builds");
    let reply = send(&app, get("/demo/subject-token?patient=demo-ana")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
}

// ---------------------------------------------------------------------------------------------
// Concurrency and the schema

/// One subject's submissions arriving at once are compared one after another: after a high
/// record, of `LOW` low ones sent together exactly one is "dropped" (the first filed; the others
/// follow a low one). On PostgreSQL, where two transactions do not see each other's rows, a
/// subject's insert waits for the subject's lock: held here by another connection, the POST
/// does not finish until it is released. (The race itself is too narrow to provoke reliably.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_subjects_concurrent_submissions_are_compared_in_turn() {
    const LOW: usize = 12;
    let r = receiver("subject-concurrent", |c, _| with_secret(c)).await;
    let sub = "patient-busy";
    let sent = rfc3339(now());
    let key = new_key();
    let first = envelope_with(
        &key,
        &hs256(&claims(sub)),
        sub,
        true,
        &sent,
        &Default::default(),
    );
    assert_eq!(post(&r.app, &key, first).await.status, StatusCode::CREATED);
    let mut tasks = Vec::new();
    for _ in 0..LOW {
        let app = r.app.clone();
        let key = new_key();
        let body = envelope_with(
            &key,
            &hs256(&claims(sub)),
            sub,
            false,
            &sent,
            &Default::default(),
        );
        tasks.push(tokio::spawn(
            async move { post(&app, &key, body).await.status },
        ));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), StatusCode::CREATED);
    }
    if let rapport_receiver::Database::Postgres(url) = &r.config.database {
        use sqlx::{Connection, Executor};
        let mut options: sqlx::postgres::PgConnectOptions = url.parse().unwrap();
        if let Some(pw) = &r.config.database_password {
            options = options.password(pw);
        }
        let mut holder = sqlx::PgConnection::connect_with(&options).await.unwrap();
        holder.execute("BEGIN").await.unwrap();
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 15))")
            .bind(format!("{ISSUER}\n{sub}"))
            .execute(&mut holder)
            .await
            .unwrap();
        let app = r.app.clone();
        let key = new_key();
        let body = envelope_with(
            &key,
            &hs256(&claims(sub)),
            sub,
            false,
            &sent,
            &Default::default(),
        );
        let waiting = tokio::spawn(async move { post(&app, &key, body).await.status });
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(
            !waiting.is_finished(),
            "filed while the subject's lock was held"
        );
        holder.execute("COMMIT").await.unwrap();
        assert_eq!(waiting.await.unwrap(), StatusCode::CREATED);
    }
    let list = admin(&r.app, Method::GET, "/api/responses", None).await;
    let records = list.body.as_array().unwrap();
    let pg = matches!(r.config.database, rapport_receiver::Database::Postgres(_));
    assert_eq!(records.len(), LOW + 1 + usize::from(pg));
    let dropped_count = records.iter().filter(|r| dropped(&r["flags"])).count();
    assert_eq!(dropped_count, 1, "{}", list.body);
    // In order of arrival: the first low one after the high one is the one.
    assert!(dropped(&records[1]["flags"]), "{}", records[1]["flags"]);
}

/// Migration 0003 on a database with records from before: their scores and flags come from
/// their envelopes, `browser` where they had previousScores; no subject.
#[tokio::test]
async fn migration_3_keeps_the_records_from_before() {
    let dir = TempDir::new("subject-migration");
    let config = config_in(&dir).await;
    let store = Store::connect(&config.database, config.database_password.as_deref())
        .await
        .expect("connect");
    // Migrations 1 and 2 only, from copies of this receiver's own files.
    let backend = match &store {
        Store::Sqlite(_) => "sqlite",
        Store::Postgres(_) => "postgres",
    };
    let old = dir.path().join("old-migrations");
    std::fs::create_dir_all(&old).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.starts_with("0001") || name.starts_with("0002") {
            std::fs::copy(&path, old.join(&name)).unwrap();
        }
    }
    let migrator = sqlx::migrate::Migrator::new(old.as_path()).await.unwrap();
    let insert = "INSERT INTO responses (id, idempotency_key, body_sha256, instrument_id, \
                  instrument_version, language, received_at, receipt, envelope, verified) \
                  VALUES ($1, $2, 'h', 'session-checkin', '1.0.0', 'en', $3, $4, $5, $6)";
    let rows = [
        (
            "old-with-previous",
            json!({ "scores": [{"id": "total", "value": 3, "answered": 4, "items": 4}],
                    "flags": [{"id": "dropped", "score": "total"}],
                    "previousScores": {"total": 30} }),
        ),
        (
            "old-without",
            json!({ "scores": [{"id": "total", "value": 30, "answered": 4, "items": 4}],
                    "flags": [] }),
        ),
    ];
    let at = "2026-08-01T09:30:00.000Z";
    macro_rules! fill {
        ($pool:expr) => {{
            migrator.run($pool).await.expect("migrations 1 and 2");
            for (id, envelope) in &rows {
                let receipt = json!({ "id": id, "idempotencyKey": id, "receivedAt": at });
                sqlx::query(insert)
                    .bind(*id)
                    .bind(*id)
                    .bind(at)
                    .bind(receipt.to_string())
                    .bind(envelope.to_string())
                    .bind(true)
                    .execute($pool)
                    .await
                    .expect("an old record");
            }
        }};
    }
    match &store {
        Store::Sqlite(s) => fill!(&s.pool),
        Store::Postgres(pool) => fill!(pool),
    }
    assert_eq!(
        store.migrate().await.expect("migrations 3, 4 and 5"),
        vec![3, 4, 5],
        "3, 4 (clinicians' sessions) and 5 (alert reviews)"
    );
    let records = store.list().await.expect("list");
    assert_eq!(records.len(), 2);
    let with = &records[0];
    assert_eq!(with.flags, json!([{"id": "dropped", "score": "total"}]));
    assert_eq!(with.previous_scores_from.as_deref(), Some("browser"));
    assert!(with.subject.is_none());
    let without = &records[1];
    assert_eq!(without.flags, json!([]));
    assert_eq!(without.previous_scores_from, None);
    store.close().await;
}
