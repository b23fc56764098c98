//! The clinician's view at `/clinician/` (issue 16), on with `--oidc-issuer`. This first
//! increment signs clinicians in and out through the clinic's OpenID provider ([`oidc`]) and
//! gives later pages their [`Viewer`].
//!
//! Sessions live in the database (`clinician_sessions`, migration 0004): the browser holds a
//! random id in an `HttpOnly; SameSite=Strict` cookie (`__Host-` prefixed and `Secure` unless the
//! public URL is plain http on loopback), the database only its SHA-256, with the clinician, a
//! CSRF token and an expiry eight hours on. So sessions survive restarts and are shared by
//! every receiver on one PostgreSQL. Sign-in and sign-out are written to the audit.
//!
//! Pages are rendered on the server with `minijinja` (HTML auto-escaping by the `.html` name),
//! work without JavaScript, and carry a strict CSP (the stylesheet is served here, nothing
//! inline), `Cache-Control: no-store` and `Referrer-Policy: no-referrer` (the callback's URL
//! holds the code). Every word comes from `locales/<tag>/clinician.ftl` through `fluent-bundle`.
//!
//! Why some answers are pages with `<meta http-equiv="refresh">` rather than redirects: the
//! callback ends a cross-site redirect chain, on which a `SameSite=Strict` cookie is not sent,
//! so it sets the session and refreshes to `/clinician/` from this site; sign-out is a POST
//! (CSRF-checked) whose answer may go on to the provider, which CSP's `form-action 'self'`
//! would block as a redirect.

pub mod alerts;
pub mod caseload;
pub mod chart;
pub mod export;
pub mod fhir;
pub mod instrument_words;
pub mod meta;
pub mod oidc;
pub mod patient;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::request::Parts;
use axum::http::Extensions;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use openidconnect::url::{Host, Url};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::store::{AuditEntry, ClinicianSession, Store, SubjectLatest};
use crate::{Config, Error};

/// The default of `--clinician-claim`.
pub const DEFAULT_CLINICIAN_CLAIM: &str = "sub";
/// The default of `--groups-claim`.
pub const DEFAULT_GROUPS_CLAIM: &str = "groups";
/// How long a session lasts, in seconds (8 hours).
pub const SESSION_SECS: i64 = 8 * 3600;
/// How long a started sign-in may take at the provider, in seconds.
pub const LOGIN_SECS: i64 = 600;
/// The session cookie's name over plain http on loopback; elsewhere it is `__Host-` prefixed.
pub const SESSION_COOKIE: &str = "rapport_clinician";
/// The cookie that carries a started sign-in across the provider's redirect.
pub const LOGIN_COOKIE: &str = "rapport_clinician_login";
/// The policy of every clinician page.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
                       form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The clinician's view as configured, checked.
#[derive(Clone)]
pub struct Settings {
    /// `--oidc-issuer`.
    pub issuer: String,
    /// `--oidc-client-id`.
    pub client_id: String,
    client_secret: String,
    /// `--public-url` without a trailing slash.
    pub public_url: String,
    /// Cookies carry `Secure` (and the `__Host-` prefix): false only for http on loopback.
    pub secure: bool,
    /// `--clinician-claim`.
    pub clinician_claim: String,
    /// `--groups-claim`.
    pub groups_claim: String,
    /// `--clinic-wide-group`.
    pub clinic_wide_group: Option<String>,
    /// `--quiet-weeks` (0: no "no answer for N weeks" alerts).
    pub quiet_weeks: u32,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("public_url", &self.public_url)
            .field("secure", &self.secure)
            .finish_non_exhaustive()
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// An https URL, or http on loopback, without query or fragment.
fn check_url(flag: &str, value: &str, example: &str) -> Result<Url, Error> {
    let url = Url::parse(value).map_err(|e| {
        Error::Config(format!(
            "{flag} \"{value}\": not a URL ({e}); give one such as {example}"
        ))
    })?;
    let ok_scheme = url.scheme() == "https" || (url.scheme() == "http" && is_loopback(&url));
    if !ok_scheme {
        return Err(Error::Config(format!(
            "{flag} \"{value}\": must be https (plain http only on loopback, for testing), \
             e.g. {example}"
        )));
    }
    if url.query().is_some() || url.fragment().is_some() || url.host().is_none() {
        return Err(Error::Config(format!(
            "{flag} \"{value}\": give scheme, host, port and path only (no query or fragment), \
             e.g. {example}"
        )));
    }
    Ok(url)
}

impl Settings {
    /// The clinician's view `config` asks for, checked: none without `--oidc-issuer` (and then
    /// none of its other settings may be given).
    pub fn from_config(config: &Config) -> Result<Option<Settings>, Error> {
        let Some(issuer) = &config.oidc_issuer else {
            let stray = [
                (config.oidc_client_id.is_some(), "--oidc-client-id"),
                (
                    config.oidc_client_secret.is_some(),
                    crate::cli::OIDC_CLIENT_SECRET_ENV,
                ),
                (config.public_url.is_some(), "--public-url"),
                (config.clinic_wide_group.is_some(), "--clinic-wide-group"),
                (config.quiet_weeks.is_some(), "--quiet-weeks"),
            ];
            if let Some((_, what)) = stray.iter().find(|(given, _)| *given) {
                return Err(Error::Config(format!(
                    "{what} is set but --oidc-issuer is not: the clinician's view needs the \
                     clinic's OpenID provider (--oidc-issuer URL); set it, or drop {what}"
                )));
            }
            return Ok(None);
        };
        check_url(
            "--oidc-issuer",
            issuer,
            "https://login.clinic.example/realms/staff",
        )?;
        let (Some(client_id), Some(client_secret)) =
            (&config.oidc_client_id, &config.oidc_client_secret)
        else {
            return Err(Error::Config(format!(
                "--oidc-issuer needs the receiver's client at the provider: --oidc-client-id ID \
                 and the client secret in {} (never a flag), both as registered at {issuer}",
                crate::cli::OIDC_CLIENT_SECRET_ENV
            )));
        };
        let Some(public_url) = &config.public_url else {
            return Err(Error::Config(
                "--oidc-issuer needs --public-url: the receiver's own address as browsers reach \
                 it (e.g. https://rapport.clinic.example); the provider sends clinicians back to \
                 <public-url>/clinician/callback"
                    .into(),
            ));
        };
        let url = check_url("--public-url", public_url, "https://rapport.clinic.example")?;
        for (flag, claim) in [
            ("--clinician-claim", &config.clinician_claim),
            ("--groups-claim", &config.groups_claim),
        ] {
            if claim.trim().is_empty() {
                return Err(Error::Config(format!(
                    "{flag}: give the name of an ID-token claim"
                )));
            }
        }
        Ok(Some(Settings {
            issuer: issuer.clone(),
            client_id: client_id.clone(),
            client_secret: client_secret.clone(),
            public_url: public_url.trim_end_matches('/').to_owned(),
            secure: !(url.scheme() == "http" && is_loopback(&url)),
            clinician_claim: config.clinician_claim.clone(),
            groups_claim: config.groups_claim.clone(),
            clinic_wide_group: config.clinic_wide_group.clone(),
            quiet_weeks: config.quiet_weeks.unwrap_or(alerts::DEFAULT_QUIET_WEEKS),
        }))
    }

    /// The redirect URI registered at the provider.
    pub fn redirect_uri(&self) -> String {
        format!("{}/clinician/callback", self.public_url)
    }

    /// The session cookie's name.
    pub fn session_cookie_name(&self) -> String {
        self.cookie_name(SESSION_COOKIE)
    }

    /// The sign-in cookie's name.
    pub fn login_cookie_name(&self) -> String {
        self.cookie_name(LOGIN_COOKIE)
    }

    fn cookie_name(&self, base: &str) -> String {
        if self.secure {
            format!("__Host-{base}")
        } else {
            base.to_owned()
        }
    }

    fn cookie(&self, name: &str, value: &str, same_site: &str, max_age: i64) -> String {
        format!(
            "{name}={value}; HttpOnly; SameSite={same_site}; Path=/; Max-Age={max_age}{}",
            if self.secure { "; Secure" } else { "" }
        )
    }

    /// `Set-Cookie` for a new session.
    pub fn session_cookie(&self, id: &str) -> String {
        self.cookie(&self.session_cookie_name(), id, "Strict", SESSION_SECS)
    }

    /// `Set-Cookie` that removes the session cookie.
    pub fn clear_session_cookie(&self) -> String {
        self.cookie(&self.session_cookie_name(), "", "Strict", 0)
    }

    /// `Set-Cookie` for a started sign-in (`Lax`: it must come back with the provider's
    /// cross-site redirect).
    pub fn login_cookie(&self, value: &str) -> String {
        self.cookie(&self.login_cookie_name(), value, "Lax", LOGIN_SECS)
    }

    /// `Set-Cookie` that removes the sign-in cookie.
    pub fn clear_login_cookie(&self) -> String {
        self.cookie(&self.login_cookie_name(), "", "Lax", 0)
    }
}

/// Who is looking: the signed-in clinician of the request's session. Extracting it from a
/// request without a live session answers the signed-out page (401).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Viewer {
    /// The configured claim's value, matched against subjects' `care_team`.
    pub clinician_id: String,
    /// The name to show.
    pub name: String,
    /// A member of `--clinic-wide-group`: sees every patient.
    pub whole_clinic: bool,
    /// The CSRF token every state-changing form carries.
    pub csrf: String,
}

impl Viewer {
    /// Whether this viewer may see a subject with this care team.
    pub fn sees(&self, care_team: &[String]) -> bool {
        self.whole_clinic || care_team.contains(&self.clinician_id)
    }
}

impl FromRequestParts<Shared> for Viewer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, Response> {
        match state.viewer(&parts.headers).await {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                let lang = state.texts.negotiate(&parts.headers);
                Err(state.signed_out(&lang, StatusCode::UNAUTHORIZED))
            }
            Err(r) => Err(r),
        }
    }
}

/// The words of the clinician's language: message id and arguments → text.
pub type Tr<'a> = &'a dyn Fn(&str, &[(&str, &str)]) -> String;

/// The words of the clinician's pages, per language, from `locales/<tag>/clinician.ftl`.
pub struct Texts {
    bundles: Vec<(String, FluentBundle<FluentResource>)>,
}

/// The clinician files compiled in: (language tag, Fluent source).
const LOCALES: &[(&str, &str)] = &[
    ("en", include_str!("../../../../locales/en/clinician.ftl")),
    ("ar", include_str!("../../../../locales/ar/clinician.ftl")),
    ("de", include_str!("../../../../locales/de/clinician.ftl")),
];

impl Texts {
    /// The compiled-in languages, each parsed.
    pub fn load() -> Result<Texts, Error> {
        let mut bundles = Vec::new();
        for (tag, source) in LOCALES {
            let resource = FluentResource::try_new((*source).to_owned()).map_err(|_| {
                Error::Config(format!("locales/{tag}/clinician.ftl does not parse"))
            })?;
            let lang: unic_langid::LanguageIdentifier = tag
                .parse()
                .map_err(|_| Error::Config(format!("\"{tag}\" is not a language tag")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            bundle.add_resource(resource).map_err(|_| {
                Error::Config(format!(
                    "locales/{tag}/clinician.ftl defines a message twice"
                ))
            })?;
            bundles.push(((*tag).to_owned(), bundle));
        }
        Ok(Texts { bundles })
    }

    /// The language for a request's `Accept-Language`; English when none fits.
    pub fn negotiate(&self, headers: &HeaderMap) -> String {
        let mut requested: Vec<(f32, String)> = headers
            .get_all(header::ACCEPT_LANGUAGE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|item| {
                let mut parts = item.split(';');
                let tag = parts.next()?.trim();
                let q = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (!tag.is_empty() && tag != "*" && q > 0.0).then(|| (q, tag.to_owned()))
            })
            .collect();
        requested.sort_by(|a, b| b.0.total_cmp(&a.0));
        let requested: Vec<String> = requested.into_iter().map(|(_, t)| t).collect();
        let available: Vec<String> = self.bundles.iter().map(|(t, _)| t.clone()).collect();
        rapport_core::i18n::negotiate(&requested, &available)
            .into_iter()
            .next()
            .unwrap_or_else(|| "en".to_owned())
    }

    /// Message `id` in `lang` (English when missing there), with `args`.
    pub fn get(&self, lang: &str, id: &str, args: &[(&str, &str)]) -> String {
        let english = self.bundles.iter().find(|(t, _)| t == "en");
        let found = self
            .bundles
            .iter()
            .find(|(t, b)| t == lang && b.has_message(id))
            .or(english);
        let Some((_, bundle)) = found else {
            return id.to_owned();
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            fluent_args.set(*k, *v);
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

/// What the clinician's handlers share.
pub struct ClinicianState {
    /// The checked settings.
    pub settings: Settings,
    /// The provider.
    pub provider: oidc::Provider,
    /// The receiver's store (sessions, audit, records).
    pub store: Store,
    /// The words.
    pub texts: Texts,
    /// The questionnaires the receiver knows (titles, items, scores and flags for the pages).
    pub definitions: Arc<crate::Definitions>,
    pages: minijinja::Environment<'static>,
}

/// The state of the clinician's routes.
pub type Shared = Arc<ClinicianState>;

/// The stylesheet of the clinician's pages.
pub const STYLESHEET: &str = include_str!("clinician.css");

/// The clinician's routes, for [`router_with`](crate::router_with).
pub fn routes(
    settings: Settings,
    store: Store,
    definitions: Arc<crate::Definitions>,
) -> Result<Router, Error> {
    let provider = oidc::Provider::new(
        &settings.issuer,
        &settings.client_id,
        &settings.client_secret,
        &settings.redirect_uri(),
        &settings.clinician_claim,
        &settings.groups_claim,
    )
    .map_err(Error::Config)?;
    let mut pages = minijinja::Environment::new();
    for (name, source) in [
        ("base.html", include_str!("templates/base.html")),
        ("home.html", include_str!("templates/home.html")),
        ("message.html", include_str!("templates/message.html")),
        ("patient.html", include_str!("templates/patient.html")),
        ("alerts.html", include_str!("templates/alerts.html")),
        (
            "alerts-reviewed.html",
            include_str!("templates/alerts-reviewed.html"),
        ),
    ] {
        pages
            .add_template(name, source)
            .map_err(|e| Error::Config(format!("clinician template {name}: {e}")))?;
    }
    let fhir_api = fhir::routes(&settings, store.clone(), Arc::clone(&definitions))?;
    let state = Arc::new(ClinicianState {
        settings,
        provider,
        store,
        texts: Texts::load()?,
        definitions,
        pages,
    });
    Ok(Router::new()
        .route(
            "/clinician",
            get(|| async { Redirect::permanent("/clinician/") }),
        )
        .route("/clinician/", get(home))
        .route("/clinician/clinician.css", get(stylesheet))
        .route("/clinician/sign-in", get(sign_in))
        .route("/clinician/callback", get(callback))
        .route("/clinician/sign-out", post(sign_out))
        .route("/clinician/patients/{reference}", get(patient::page))
        .route("/clinician/export/{file}", get(export::csv))
        .route(
            "/clinician/patients/{reference}/bundle.json",
            get(export::bundle),
        )
        .route("/clinician/alerts/review", post(alerts::review))
        .with_state(state)
        .merge(fhir_api))
}

/// SHA-256 of a session id, lower-case hex: what the database keeps.
pub fn session_hash(id: &str) -> String {
    Sha256::digest(id.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Compares two secrets in time that depends only on their lengths.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The value of cookie `name` in the request.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// One page's variables.
#[derive(Serialize, Default)]
struct Page {
    lang: String,
    dir: &'static str,
    title: String,
    brand: String,
    heading: String,
    paragraphs: Vec<String>,
    link: Option<(String, String)>,
    refresh: Option<String>,
    signed_in: Option<SignedInPage>,
    caseload: Option<caseload::Table>,
    patient: Option<patient::View>,
    exports: Option<export::Links>,
    alerts: Option<alerts::View>,
}

#[derive(Serialize)]
struct SignedInPage {
    csrf: String,
    sign_out: String,
}

impl ClinicianState {
    /// The viewer of a request's session cookie, if it names a live session.
    pub async fn viewer(&self, headers: &HeaderMap) -> Result<Option<Viewer>, Response> {
        let Some(id) = cookie(headers, &self.settings.session_cookie_name()) else {
            return Ok(None);
        };
        match self.store.session(&session_hash(id), now()).await {
            Ok(s) => Ok(s.map(|s| Viewer {
                clinician_id: s.clinician_id,
                name: s.name,
                whole_clinic: s.whole_clinic,
                csrf: s.csrf,
            })),
            Err(e) => {
                crate::log(format_args!(
                    "rapport-receiver: clinician session not read: {e}"
                ));
                let lang = self.texts.negotiate(headers);
                Err(self.message(
                    &lang,
                    StatusCode::SERVICE_UNAVAILABLE,
                    "storage-heading",
                    "storage-text",
                    None,
                ))
            }
        }
    }

    /// The viewer of a state-changing form: a live session whose CSRF token the form's `csrf`
    /// field carries; otherwise the answer to give (403 with a page, or the storage page).
    pub async fn form_viewer(
        &self,
        headers: &HeaderMap,
        form: &HashMap<String, String>,
    ) -> Result<Viewer, Response> {
        match (self.viewer(headers).await?, form.get("csrf")) {
            (Some(viewer), Some(sent)) if same_secret(sent, &viewer.csrf) => Ok(viewer),
            _ => Err(self.message(
                &self.texts.negotiate(headers),
                StatusCode::FORBIDDEN,
                "csrf-heading",
                "csrf-text",
                None,
            )),
        }
    }

    fn page(&self, lang: &str, template: &str, status: StatusCode, mut page: Page) -> Response {
        page.lang = lang.to_owned();
        page.dir = rapport_core::i18n::direction(lang);
        page.brand = self.texts.get(lang, "brand", &[]);
        page.title = format!("{} · {}", page.heading, page.brand);
        let body = self
            .pages
            .get_template(template)
            .and_then(|t| t.render(&page));
        let body = match body {
            Ok(b) => b,
            Err(e) => {
                crate::log(format_args!(
                    "rapport-receiver: clinician page {template}: {e}"
                ));
                return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
            }
        };
        let mut resp = (status, body).into_response();
        let h = resp.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
        crate::web::no_sniff_no_referrer(h);
        resp
    }

    fn message(
        &self,
        lang: &str,
        status: StatusCode,
        heading: &str,
        text: &str,
        refresh: Option<String>,
    ) -> Response {
        let t = |id: &str| self.texts.get(lang, id, &[]);
        let page = Page {
            heading: t(heading),
            paragraphs: vec![t(text)],
            link: Some(match &refresh {
                Some(to) => (to.clone(), t("continue-link")),
                None => ("/clinician/".to_owned(), t("start-link")),
            }),
            refresh,
            ..Page::default()
        };
        self.page(lang, "message.html", status, page)
    }

    fn signed_out(&self, lang: &str, status: StatusCode) -> Response {
        let t = |id: &str| self.texts.get(lang, id, &[]);
        let page = Page {
            heading: t("signed-out-heading"),
            paragraphs: vec![t("signed-out-text")],
            link: Some(("/clinician/sign-in".to_owned(), t("sign-in-link"))),
            ..Page::default()
        };
        self.page(lang, "message.html", status, page)
    }

    async fn audit(&self, actor: &str, action: &str, route: &str, client: Option<SocketAddr>) {
        let entry = AuditEntry {
            at: crate::api::now_rfc3339(),
            actor: actor.to_owned(),
            action: action.to_owned(),
            route: route.to_owned(),
            records: Vec::new(),
            count: 0,
            client: client.map_or_else(|| "-".to_owned(), |c| c.ip().to_string()),
            outcome: "ok".to_owned(),
        };
        if let Err(e) = self.store.audit(&entry).await {
            crate::log(format_args!(
                "rapport-receiver: audit of {action} not written: {e}"
            ));
        }
    }
}

fn with_cookies(mut resp: Response, cookies: &[String]) -> Response {
    for c in cookies {
        if let Ok(v) = HeaderValue::from_str(c) {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

fn client_of(extensions: &Extensions) -> Option<SocketAddr> {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(a)| *a)
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// `GET /clinician/`: the home page, or the signed-out page with the sign-in link.
async fn home(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let lang = state.texts.negotiate(&headers);
    let viewer = match state.viewer(&headers).await {
        Ok(Some(v)) => v,
        Ok(None) => return state.signed_out(&lang, StatusCode::OK),
        Err(r) => return r,
    };
    let t = |id: &str| state.texts.get(&lang, id, &[]);
    let rows = match state.store.latest_by_subject().await {
        Ok(rows) => rows,
        Err(e) => {
            crate::log(format_args!("rapport-receiver: caseload not read: {e}"));
            return state.message(
                &lang,
                StatusCode::SERVICE_UNAVAILABLE,
                "storage-heading",
                "storage-text",
                None,
            );
        }
    };
    let found = match alerts::for_viewer(&state, &viewer, &lang).await {
        Ok(found) => found,
        Err(e) => {
            crate::log(format_args!("rapport-receiver: alerts not read: {e}"));
            return state.message(
                &lang,
                StatusCode::SERVICE_UNAVAILABLE,
                "storage-heading",
                "storage-text",
                None,
            );
        }
    };
    let open = |system: &str, value: &str| {
        found
            .open_by_subject
            .get(&(system.to_owned(), value.to_owned()))
            .copied()
            .unwrap_or(0)
    };
    let words = |id: &str, args: &[(&str, &str)]| state.texts.get(&lang, id, args);
    let describe = |r: &SubjectLatest| caseload::describe(&state.definitions, &lang, &words, r);
    let table = caseload::Table::new(&viewer, &rows, &open, &describe, &|id| t(id));
    let page = Page {
        alerts: Some(alerts::View::new(&found, &viewer.csrf, &words)),
        caseload: Some(table),
        heading: state
            .texts
            .get(&lang, "signed-in-as", &[("name", &viewer.name)]),
        paragraphs: vec![t(if viewer.whole_clinic {
            "scope-whole-clinic"
        } else {
            "scope-care-team"
        })],
        signed_in: Some(SignedInPage {
            csrf: viewer.csrf,
            sign_out: t("sign-out-button"),
        }),
        exports: Some(export::links(&state.definitions, &state.texts, &lang)),
        ..Page::default()
    };
    state.page(&lang, "home.html", StatusCode::OK, page)
}

/// `GET /clinician/sign-in`: to the provider, with state, PKCE and nonce kept in a short-lived
/// cookie; 503 with a page when the provider cannot be reached.
async fn sign_in(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let lang = state.texts.negotiate(&headers);
    if let Ok(Some(_)) = state.viewer(&headers).await {
        return Redirect::to("/clinician/").into_response();
    }
    match state.provider.begin().await {
        Ok((url, pending)) => {
            let value = format!("{}.{}.{}", pending.state, pending.verifier, pending.nonce);
            with_cookies(
                Redirect::to(&url).into_response(),
                &[state.settings.login_cookie(&value)],
            )
        }
        Err(e) => {
            crate::log(format_args!("rapport-receiver: clinician sign-in: {e}"));
            state.message(
                &lang,
                StatusCode::SERVICE_UNAVAILABLE,
                "provider-down-heading",
                "provider-down-text",
                None,
            )
        }
    }
}

/// `GET /clinician/callback`: checks state, `iss`, the code and the ID token, opens a session,
/// audits it, and refreshes to `/clinician/` from this site.
async fn callback(
    State(state): State<Shared>,
    extensions: Extensions,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let lang = state.texts.negotiate(&headers);
    let clear = state.settings.clear_login_cookie();
    let failed = |status, text: &str| {
        with_cookies(
            state.message(&lang, status, "sign-in-failed-heading", text, None),
            std::slice::from_ref(&clear),
        )
    };
    let pending = cookie(&headers, &state.settings.login_cookie_name()).and_then(|v| {
        let mut parts = v.split('.');
        let p = oidc::Pending {
            state: parts.next()?.to_owned(),
            verifier: parts.next()?.to_owned(),
            nonce: parts.next()?.to_owned(),
        };
        parts.next().is_none().then_some(p)
    });
    let Some(pending) = pending else {
        return failed(StatusCode::BAD_REQUEST, "sign-in-expired-text");
    };
    if query.contains_key("error") {
        return failed(StatusCode::BAD_REQUEST, "sign-in-refused-text");
    }
    let (Some(code), Some(got_state)) = (query.get("code"), query.get("state")) else {
        return failed(StatusCode::BAD_REQUEST, "sign-in-failed-text");
    };
    if !same_secret(got_state, &pending.state) {
        return failed(StatusCode::BAD_REQUEST, "sign-in-expired-text");
    }
    let checked = match state
        .provider
        .check_iss(query.get("iss").map(String::as_str))
        .await
    {
        Ok(()) => state.provider.finish(code, pending).await,
        Err(e) => Err(e),
    };
    let signed_in = match checked {
        Ok(s) => s,
        Err(e) => {
            crate::log(format_args!("rapport-receiver: clinician sign-in: {e}"));
            return match e {
                oidc::OidcError::Unavailable(_) => with_cookies(
                    state.message(
                        &lang,
                        StatusCode::SERVICE_UNAVAILABLE,
                        "provider-down-heading",
                        "provider-down-text",
                        None,
                    ),
                    std::slice::from_ref(&clear),
                ),
                oidc::OidcError::Rejected(_) => {
                    failed(StatusCode::BAD_REQUEST, "sign-in-failed-text")
                }
            };
        }
    };
    let id = openidconnect::CsrfToken::new_random_len(32);
    let csrf = openidconnect::CsrfToken::new_random_len(32);
    let created_at = now();
    let whole_clinic = state
        .settings
        .clinic_wide_group
        .as_ref()
        .is_some_and(|g| signed_in.groups.iter().any(|x| x == g));
    let session = ClinicianSession {
        id_sha256: session_hash(id.secret()),
        clinician_id: signed_in.clinician_id.clone(),
        name: signed_in.name,
        whole_clinic,
        csrf: csrf.secret().clone(),
        created_at,
        expires_at: created_at + SESSION_SECS,
    };
    if let Err(e) = state.store.create_session(&session).await {
        crate::log(format_args!(
            "rapport-receiver: clinician session not stored: {e}"
        ));
        return with_cookies(
            state.message(
                &lang,
                StatusCode::SERVICE_UNAVAILABLE,
                "storage-heading",
                "storage-text",
                None,
            ),
            std::slice::from_ref(&clear),
        );
    }
    state
        .audit(
            &format!("clinician:{}", signed_in.clinician_id),
            "clinician-sign-in",
            "GET /clinician/callback",
            client_of(&extensions),
        )
        .await;
    with_cookies(
        state.message(
            &lang,
            StatusCode::OK,
            "signed-in-heading",
            "signed-in-text",
            Some("/clinician/".to_owned()),
        ),
        &[clear, state.settings.session_cookie(id.secret())],
    )
}

/// `POST /clinician/sign-out`: the session's CSRF token in the form (403 with a page
/// otherwise); deletes the session, audits it, and refreshes to the provider's end-session
/// endpoint (or `/clinician/`).
async fn sign_out(
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
    let id = cookie(&headers, &state.settings.session_cookie_name()).unwrap_or_default();
    if let Err(e) = state.store.delete_session(&session_hash(id)).await {
        crate::log(format_args!(
            "rapport-receiver: clinician session not deleted: {e}"
        ));
        return state.message(
            &lang,
            StatusCode::SERVICE_UNAVAILABLE,
            "storage-heading",
            "storage-text",
            None,
        );
    }
    state
        .audit(
            &format!("clinician:{}", viewer.clinician_id),
            "clinician-sign-out",
            "POST /clinician/sign-out",
            client_of(&extensions),
        )
        .await;
    let home = format!("{}/clinician/", state.settings.public_url);
    let next = state
        .provider
        .end_session_url(&home)
        .await
        .unwrap_or_else(|| "/clinician/".to_owned());
    with_cookies(
        state.message(
            &lang,
            StatusCode::OK,
            "signed-out-done-heading",
            "signed-out-done-text",
            Some(next),
        ),
        &[state.settings.clear_session_cookie()],
    )
}
