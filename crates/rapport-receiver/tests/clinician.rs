//! The clinician's sign-in (issue 16, first increment), without a provider: configuration
//! checks, cookie attributes, sessions on the database (SQLite, or PostgreSQL with
//! `RAPPORT_TEST_POSTGRES`), their expiry, CSRF refusal on sign-out, the audit of sign-out, the
//! 503 page while the provider is down, and `Viewer::sees`. The sign-in through a real provider
//! is `e2e/clinician-signin.test.mjs`.

use axum::body::{to_bytes, Body};
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use rapport_receiver::clinician::{session_hash, Settings, Viewer, SESSION_SECS};
use rapport_receiver::store::ClinicianSession;
use rapport_receiver::{check_config, open_store, parse_args, router_with, Command, Config, Store};
use tower::ServiceExt;

mod common;
use common::{config_in, TempDir};

const SECRET: &str = "client-secret-for-the-clinician-tests";
/// Nothing listens there: the provider is down.
const DOWN_ISSUER: &str = "http://127.0.0.1:9";

fn with_oidc(mut c: Config, issuer: &str, public_url: &str) -> Config {
    c.oidc_issuer = Some(issuer.into());
    c.oidc_client_id = Some("rapport".into());
    c.oidc_client_secret = Some(SECRET.into());
    c.public_url = Some(public_url.into());
    c
}

fn config_error(c: &Config) -> String {
    check_config(c).expect_err("refused").to_string()
}

#[test]
fn config_needs_https_unless_loopback_and_the_client_together() {
    let base = with_oidc(
        Config::default(),
        "https://login.clinic.example",
        "https://rapport.clinic.example",
    );
    check_config(&base).expect("https issuer and public URL");
    check_config(&with_oidc(
        Config::default(),
        "http://127.0.0.2:4000",
        "http://localhost:8080",
    ))
    .expect("http on loopback");

    let e = config_error(&with_oidc(
        Config::default(),
        "http://login.clinic.example",
        "https://rapport.clinic.example",
    ));
    assert!(e.contains("--oidc-issuer") && e.contains("https"), "{e}");
    let e = config_error(&with_oidc(
        Config::default(),
        "https://login.clinic.example",
        "http://rapport.clinic.example",
    ));
    assert!(e.contains("--public-url") && e.contains("https"), "{e}");
    let e = config_error(&with_oidc(
        Config::default(),
        "not a url",
        "https://rapport.clinic.example",
    ));
    assert!(
        e.contains("--oidc-issuer") && e.contains("not a URL"),
        "{e}"
    );

    let mut no_secret = base.clone();
    no_secret.oidc_client_secret = None;
    let e = config_error(&no_secret);
    assert!(e.contains("RAPPORT_OIDC_CLIENT_SECRET"), "{e}");
    let mut no_id = base.clone();
    no_id.oidc_client_id = None;
    assert!(config_error(&no_id).contains("--oidc-client-id"));
    let mut no_public = base.clone();
    no_public.public_url = None;
    assert!(config_error(&no_public).contains("--public-url"));

    let stray = Config {
        oidc_client_secret: Some(SECRET.into()),
        ..Config::default()
    };
    let e = config_error(&stray);
    assert!(
        e.contains("RAPPORT_OIDC_CLIENT_SECRET") && e.contains("--oidc-issuer"),
        "{e}"
    );
    let mut empty_claim = base.clone();
    empty_claim.clinician_claim = " ".into();
    assert!(config_error(&empty_claim).contains("--clinician-claim"));
}

#[test]
fn debug_hides_the_client_secret() {
    let c = with_oidc(
        Config::default(),
        "https://login.clinic.example",
        "https://rapport.clinic.example",
    );
    let text = format!("{c:?}");
    assert!(!text.contains(SECRET), "{text}");
    assert!(
        text.contains("oidc_client_secret: Some(\"<redacted>\")"),
        "{text}"
    );
    let s = Settings::from_config(&c).unwrap().unwrap();
    assert!(!format!("{s:?}").contains(SECRET));
}

#[test]
fn flags_and_the_secret_from_the_environment() {
    let args = [
        "--oidc-issuer",
        "https://login.clinic.example",
        "--oidc-client-id",
        "rapport",
        "--public-url",
        "https://rapport.clinic.example/",
        "--clinician-claim",
        "employee_id",
        "--groups-claim",
        "roles",
        "--clinic-wide-group",
        "leads",
    ];
    let env = |name: &str| (name == "RAPPORT_OIDC_CLIENT_SECRET").then(|| SECRET.into());
    let Ok(Command::Run(c)) = rapport_receiver::cli::parse_args_with_env(args, env) else {
        panic!("parsed");
    };
    assert_eq!(c.oidc_client_secret.as_deref(), Some(SECRET));
    assert_eq!(c.clinician_claim, "employee_id");
    assert_eq!(c.groups_claim, "roles");
    assert_eq!(c.clinic_wide_group.as_deref(), Some("leads"));
    let s = Settings::from_config(&c).unwrap().unwrap();
    assert_eq!(
        s.redirect_uri(),
        "https://rapport.clinic.example/clinician/callback"
    );
    let Ok(Command::Run(d)) = parse_args(Vec::<String>::new()) else {
        panic!("parsed");
    };
    assert_eq!(
        (d.clinician_claim.as_str(), d.groups_claim.as_str()),
        ("sub", "groups")
    );
    assert!(rapport_receiver::USAGE.contains("--oidc-issuer"));
    assert!(rapport_receiver::USAGE.contains("RAPPORT_OIDC_CLIENT_SECRET"));
}

#[test]
fn cookies_are_httponly_strict_and_secure_off_loopback() {
    let secure = Settings::from_config(&with_oidc(
        Config::default(),
        "https://login.clinic.example",
        "https://rapport.clinic.example",
    ))
    .unwrap()
    .unwrap();
    assert_eq!(
        secure.session_cookie("abc"),
        format!(
            "__Host-rapport_clinician=abc; HttpOnly; SameSite=Strict; Path=/; Max-Age={SESSION_SECS}; Secure"
        )
    );
    assert!(secure.login_cookie("s.v.n").starts_with(
        "__Host-rapport_clinician_login=s.v.n; HttpOnly; SameSite=Lax; Path=/; Max-Age=600"
    ));
    assert!(secure.login_cookie("x").ends_with("; Secure"));
    assert!(secure.clear_session_cookie().contains("Max-Age=0"));

    let local = Settings::from_config(&with_oidc(
        Config::default(),
        "http://127.0.0.2:4000",
        "http://127.0.0.1:8080",
    ))
    .unwrap()
    .unwrap();
    assert_eq!(
        local.session_cookie("abc"),
        format!("rapport_clinician=abc; HttpOnly; SameSite=Strict; Path=/; Max-Age={SESSION_SECS}")
    );
    // https on loopback keeps Secure.
    let tls_local = Settings::from_config(&with_oidc(
        Config::default(),
        "http://127.0.0.2:4000",
        "https://localhost:8443",
    ))
    .unwrap()
    .unwrap();
    assert!(tls_local.secure);
}

#[test]
fn a_viewer_sees_its_care_team_or_the_whole_clinic() {
    let v = Viewer {
        clinician_id: "clin-okafor".into(),
        name: "Dr. Okafor".into(),
        whole_clinic: false,
        csrf: "x".into(),
    };
    assert!(v.sees(&["clin-lindqvist".into(), "clin-okafor".into()]));
    assert!(!v.sees(&["clin-lindqvist".into()]));
    assert!(!v.sees(&[]));
    assert!(!v.sees(&["CLIN-OKAFOR".into()]), "ids match exactly");
    let lead = Viewer {
        whole_clinic: true,
        ..v
    };
    assert!(lead.sees(&[]));
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn session(id: &str, clinician: &str, created_at: i64, expires_at: i64) -> ClinicianSession {
    ClinicianSession {
        id_sha256: session_hash(id),
        clinician_id: clinician.into(),
        name: format!("Dr. {clinician}"),
        whole_clinic: false,
        csrf: format!("csrf-of-{id}"),
        created_at,
        expires_at,
    }
}

#[tokio::test]
async fn sessions_are_stored_by_hash_expire_and_are_deleted() {
    let dir = TempDir::new("clinician-sessions");
    let config = config_in(&dir).await;
    let store = open_store(&config).await.unwrap();
    let t = now();
    store
        .create_session(&session("live", "a", t, t + SESSION_SECS))
        .await
        .unwrap();
    store
        .create_session(&session("old", "b", t - 2 * SESSION_SECS, t - SESSION_SECS))
        .await
        .unwrap();
    let got = store.session(&session_hash("live"), t).await.unwrap();
    assert_eq!(got.as_ref().map(|s| s.clinician_id.as_str()), Some("a"));
    assert!(!got.unwrap().whole_clinic);
    assert!(
        store.session("live", t).await.unwrap().is_none(),
        "only the hash finds it"
    );
    assert!(
        store
            .session(&session_hash("old"), t)
            .await
            .unwrap()
            .is_none(),
        "expired"
    );
    assert!(store
        .session(&session_hash("live"), t + SESSION_SECS)
        .await
        .unwrap()
        .is_none());
    // A new session sweeps the expired rows away.
    store
        .create_session(&session("another", "c", t, t + SESSION_SECS))
        .await
        .unwrap();
    assert!(!store.delete_session(&session_hash("old")).await.unwrap());
    assert!(store.delete_session(&session_hash("live")).await.unwrap());
    assert!(store
        .session(&session_hash("live"), t)
        .await
        .unwrap()
        .is_none());
    // The session survives the store being closed and opened again (a restart).
    store.close().await;
    let again = open_store(&config).await.unwrap();
    assert!(again
        .session(&session_hash("another"), t)
        .await
        .unwrap()
        .is_some());
    again.close().await;
}

async fn app(dir: &TempDir) -> (Router, Store, Config) {
    let config = with_oidc(config_in(dir).await, DOWN_ISSUER, "http://127.0.0.1:8080");
    let store = open_store(&config).await.unwrap();
    let app = router_with(&config, store.clone()).unwrap();
    (app, store, config)
}

async fn call(app: &Router, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = to_bytes(resp.into_body(), 1 << 20).await.unwrap();
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

fn get(path: &str, cookie: Option<&str>) -> Request<Body> {
    let mut r = Request::builder().uri(path);
    if let Some(c) = cookie {
        r = r.header(header::COOKIE, c);
    }
    r.body(Body::empty()).unwrap()
}

fn sign_out(cookie: Option<&str>, form: &str) -> Request<Body> {
    let mut r = Request::builder()
        .method(Method::POST)
        .uri("/clinician/sign-out")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        r = r.header(header::COOKIE, c);
    }
    r.body(Body::from(form.to_owned())).unwrap()
}

#[tokio::test]
async fn pages_show_the_session_and_sign_out_needs_its_csrf_token() {
    let dir = TempDir::new("clinician-csrf");
    let (app, store, _) = app(&dir).await;
    let t = now();
    store
        .create_session(&session("sid-1", "okafor", t, t + SESSION_SECS))
        .await
        .unwrap();
    let cookie = "other=1; rapport_clinician=sid-1";

    let (status, headers, body) = call(&app, get("/clinician/", Some(cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("Signed in as \u{2068}Dr. okafor\u{2069}"),
        "{body}"
    );
    assert!(body.contains("value=\"csrf-of-sid-1\""), "{body}");
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("style-src 'self'"));
    assert!(!body.contains("<style") && !body.contains("<script") && !body.contains("style="));

    let (status, _, body) = call(&app, get("/clinician/", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Sign in to see your patients") && !body.contains("Signed in as"));

    for form in ["", "csrf=wrong", "csrf=csrf-of-sid-"] {
        let (status, headers, body) = call(&app, sign_out(Some(cookie), form)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "form {form:?}");
        assert!(body.contains("This form has expired"), "{body}");
        assert!(headers.get(header::SET_COOKIE).is_none());
    }
    let (status, _, _) = call(&app, sign_out(None, "csrf=csrf-of-sid-1")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no session");
    assert!(store
        .session(&session_hash("sid-1"), t)
        .await
        .unwrap()
        .is_some());

    let (status, headers, body) = call(&app, sign_out(Some(cookie), "csrf=csrf-of-sid-1")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("http-equiv=\"refresh\""), "{body}");
    let set = headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set.starts_with("rapport_clinician=;") && set.contains("Max-Age=0"),
        "{set}"
    );
    assert!(store
        .session(&session_hash("sid-1"), t)
        .await
        .unwrap()
        .is_none());
    let (_, _, body) = call(&app, get("/clinician/", Some(cookie))).await;
    assert!(
        !body.contains("Signed in as"),
        "the old cookie opens nothing"
    );

    let audit = store.audit_page(None, 100).await.unwrap();
    let out: Vec<_> = audit
        .iter()
        .filter(|(_, e)| e.action == "clinician-sign-out")
        .collect();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].1.actor, "clinician:okafor");
    let all = format!("{audit:?}");
    assert!(!all.contains("sid-1") && !all.contains("csrf-of"), "{all}");
}

#[tokio::test]
async fn an_expired_session_is_signed_out() {
    let dir = TempDir::new("clinician-expired");
    let (app, store, _) = app(&dir).await;
    let t = now();
    store
        .create_session(&session("sid-old", "okafor", t - SESSION_SECS - 5, t - 5))
        .await
        .unwrap();
    let (status, _, body) = call(&app, get("/clinician/", Some("rapport_clinician=sid-old"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Sign in to see your patients") && !body.contains("Signed in as"));
}

#[tokio::test]
async fn pages_speak_the_clinicians_language_and_arabic_reads_right_to_left() {
    let dir = TempDir::new("clinician-languages");
    let (app, _, _) = app(&dir).await;
    let in_lang = |tag: &str| {
        Request::builder()
            .uri("/clinician/")
            .header(header::ACCEPT_LANGUAGE, tag)
            .body(Body::empty())
            .unwrap()
    };
    let (_, _, ar) = call(&app, in_lang("ar-EG,ar;q=0.9,en;q=0.5")).await;
    assert!(
        ar.contains("lang=\"ar\"") && ar.contains("dir=\"rtl\""),
        "{ar}"
    );
    assert!(ar.contains("يرجى تسجيل الدخول"), "{ar}");
    let (_, _, de) = call(&app, in_lang("de-AT")).await;
    assert!(
        de.contains("lang=\"de\"") && de.contains("dir=\"ltr\""),
        "{de}"
    );
    assert!(de.contains("Melden Sie sich an"), "{de}");
    // A language without clinician pages gets English, not a mixture.
    let (_, _, fi) = call(&app, in_lang("fi")).await;
    assert!(fi.contains("lang=\"en\"") && fi.contains("Sign in to see your patients"));
}

#[tokio::test]
async fn sign_in_answers_503_with_a_page_while_the_provider_is_down() {
    let dir = TempDir::new("clinician-down");
    let (app, _, _) = app(&dir).await;
    let (status, headers, body) = call(&app, get("/clinician/sign-in", None)).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        body.contains("Sign-in is not available right now"),
        "{body}"
    );
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    // The rest of the receiver is unaffected.
    let (status, _, _) = call(&app, get("/healthz", None)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, css) = call(&app, get("/clinician/clinician.css", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(css.contains("prefers-color-scheme: dark"));
}

#[tokio::test]
async fn a_callback_without_its_sign_in_cookie_or_with_another_state_is_refused() {
    let dir = TempDir::new("clinician-callback");
    let (app, _, _) = app(&dir).await;
    let (status, _, body) = call(&app, get("/clinician/callback?code=c&state=s", None)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Sign-in did not work"), "{body}");
    let (status, headers, _) = call(
        &app,
        get(
            "/clinician/callback?code=c&state=other",
            Some("rapport_clinician_login=s.v.n"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("rapport_clinician_login=;"));
    let (status, _, _) = call(
        &app,
        get(
            "/clinician/callback?error=access_denied&state=s",
            Some("rapport_clinician_login=s.v.n"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn without_an_issuer_there_is_no_clinician_view() {
    let dir = TempDir::new("clinician-off");
    let config = config_in(&dir).await;
    let store = open_store(&config).await.unwrap();
    let app = router_with(&config, store).unwrap();
    let (status, _, _) = call(&app, get("/clinician/", None)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn store_answer(
    store: &Store,
    sub: &str,
    name: &str,
    team: &[&str],
    at: &str,
    total: f64,
    flags: &str,
) {
    let key = format!("{sub}-{at}");
    let record = rapport_receiver::store::NewRecord {
        idempotency_key: key.clone(),
        body_sha256: format!("{:064}", 0),
        instrument_id: "session-checkin".into(),
        instrument_version: "1.0.0".into(),
        language: "en".into(),
        envelope: "{\"answers\":\"never shown on the caseload\"}".into(),
        verified: true,
        subject: Some(rapport_receiver::subject::Subject {
            system: "https://portal.example".into(),
            value: sub.into(),
            verified: true,
            name: Some(name.into()),
            care_team: Some(team.iter().map(|s| (*s).to_owned()).collect()),
            episode: None,
        }),
        scores: format!("[{{\"id\":\"total\",\"value\":{total},\"answered\":4,\"items\":4}}]"),
        flags: flags.into(),
        previous_scores_from: None,
        history: None,
    };
    let receipt = rapport_receiver::Receipt {
        id: uuid::Uuid::new_v4().to_string(),
        idempotency_key: key,
        received_at: at.into(),
    };
    store.insert(&record, receipt).await.expect("stored");
}

#[tokio::test]
async fn the_caseload_lists_only_the_viewers_patients() {
    let dir = TempDir::new("clinician-caseload");
    let (app, store, _) = app(&dir).await;
    let t = now();
    store_answer(
        &store,
        "p-ana",
        "Ana",
        &["okafor"],
        "2026-11-01T09:00:00.000Z",
        14.0,
        "[]",
    )
    .await;
    store_answer(
        &store,
        "p-chen",
        "Chen",
        &["lindqvist"],
        "2026-11-02T09:00:00.000Z",
        6.0,
        "[{\"id\":\"low\",\"score\":\"total\"}]",
    )
    .await;
    store_answer(
        &store,
        "p-ana",
        "Ana",
        &["okafor"],
        "2026-11-08T09:00:00.000Z",
        9.0,
        "[{\"id\":\"dropped\",\"score\":\"total\"}]",
    )
    .await;
    store_answer(
        &store,
        "p-ben",
        "Ben",
        &["okafor", "lindqvist"],
        "2026-11-03T09:00:00.000Z",
        12.0,
        "[]",
    )
    .await;
    store
        .create_session(&session("sid-ok", "okafor", t, t + SESSION_SECS))
        .await
        .unwrap();
    let (status, _, body) = call(&app, get("/clinician/", Some("rapport_clinician=sid-ok"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Your patients"), "{body}");
    // Each label links to the patient's page by the opaque reference.
    let ana = rapport_receiver::clinician::meta::patient_ref("https://portal.example", "p-ana");
    assert!(
        body.contains(&format!(
            "<th scope=\"row\"><a href=\"&#x2f;clinician&#x2f;patients&#x2f;{ana}\"><bdi>Ana</bdi></a></th>"
        )),
        "{body}"
    );
    assert!(body.contains(">Ben</bdi></a></th>"), "{body}");
    assert!(
        !body.contains("Chen") && !body.contains("p-chen") && !body.contains("low"),
        "{body}"
    );
    // Ana's latest answers: score 9 with the drop flag, listed first; not the earlier 14.
    let plain = body.replace(['\u{2068}', '\u{2069}'], "");
    assert!(body.find(">Ana<").unwrap() < body.find(">Ben<").unwrap());
    assert!(
        plain.contains("After your session: 9 of 40<") && !plain.contains("14 of"),
        "{body}"
    );
    // The drop is an open alert (its label from clinician.ftl), counted on Ana's row.
    assert!(
        body.contains("<strong>Dropped since last time</strong>"),
        "{body}"
    );
    assert!(
        body.contains("<a class=\"flag\" href=\"#alerts\">"),
        "{body}"
    );
    assert!(body.contains("2026-11-08"));
    assert!(!body.contains("never shown"), "no answers on the caseload");

    let mut lead = session("sid-lead", "mensah", t, t + SESSION_SECS);
    lead.whole_clinic = true;
    store.create_session(&lead).await.unwrap();
    let (_, _, body) = call(&app, get("/clinician/", Some("rapport_clinician=sid-lead"))).await;
    assert!(
        body.contains(">Chen<") && body.contains(">Ana<") && body.contains(">Ben<"),
        "{body}"
    );

    store
        .create_session(&session("sid-new", "nobody", t, t + SESSION_SECS))
        .await
        .unwrap();
    let (_, _, body) = call(&app, get("/clinician/", Some("rapport_clinician=sid-new"))).await;
    assert!(
        body.contains("None of your patients has answered yet."),
        "{body}"
    );
}

#[tokio::test]
async fn the_demo_history_is_filed_like_posts_and_tells_its_stories() {
    let dir = TempDir::new("clinician-demo-history");
    let mut config = config_in(&dir).await;
    config.demo = true;
    config.demo_history = true;
    let static_dir = dir.path().join("static");
    std::fs::create_dir_all(static_dir.join("demo")).unwrap();
    std::fs::write(
        static_dir.join("demo/patients.json"),
        r#"[{"id":"d-1","name":"One","careTeam":["c1"]},
            {"id":"d-2","name":"Two","careTeam":["c1"]},
            {"id":"d-3","name":"Three","careTeam":["c2"]}]"#,
    )
    .unwrap();
    config.static_dir = Some(static_dir);
    let _app = rapport_receiver::router(&config).await.unwrap();
    let store = open_store(&config).await.unwrap();
    let records = store.list().await.unwrap();
    let weeks = rapport_receiver::DEMO_HISTORY_WEEKS as usize;
    // Weekly check-ins and four-weekly working-together for two patients; the third stopped
    // answering six weeks ago.
    let checkins = |who: &str| {
        records
            .iter()
            .filter(|r| {
                r.subject.as_ref().is_some_and(|s| s.value == who)
                    && r.envelope["instrument"]["id"] == "session-checkin"
            })
            .count()
    };
    assert_eq!(checkins("d-1"), weeks);
    assert_eq!(checkins("d-2"), weeks);
    assert_eq!(checkins("d-3"), weeks - 6);
    // Each is a verified record whose flags the store computed from the subject's history: the
    // first patient's last check-in dropped, and says so.
    let mut one: Vec<_> = records
        .iter()
        .filter(|r| {
            r.subject.as_ref().is_some_and(|s| s.value == "d-1")
                && r.envelope["instrument"]["id"] == "session-checkin"
        })
        .collect();
    one.sort_by(|a, b| a.receipt.received_at.cmp(&b.receipt.received_at));
    assert!(one.iter().all(|r| r.verified));
    assert!(one
        .iter()
        .all(|r| r.previous_scores_from.as_deref() == Some("receiver")));
    let last_flags = one.last().unwrap().flags.to_string();
    assert!(last_flags.contains("drop"), "{last_flags}");
    let steady_flags = one[5].flags.to_string();
    assert_eq!(steady_flags, "[]");
    // A second start adds nothing.
    drop(_app);
    let _again = rapport_receiver::router(&config).await.unwrap();
    assert_eq!(store.list().await.unwrap().len(), records.len());
}
