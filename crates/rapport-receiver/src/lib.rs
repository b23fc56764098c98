//! Rapport's reference receiver: the endpoint a clinic points the widget at.
//!
//! `POST /api/responses` takes a delivery envelope (`rapport_core::envelope`), re-checks it with
//! the very code the widget used ([`rapport_core::envelope::verify`]) against the definitions it
//! knows ([`definitions`]), and stores it in SQLite (embedded, the default) or PostgreSQL
//! exactly once per `Idempotency-Key` ([`store`]): 201 with a receipt the first time, 200 with
//! the same receipt on a replay, 422 when the key comes back with another payload. Stored
//! answers are read, erased and audited through [`admin`]; the receiver can also serve the demo
//! page and the widget's files, with CORS for listed origins and an optional strict
//! Content-Security-Policy ([`web`]), on its own server loop with deadlines and caps
//! ([`server`]).
//!
//! Its guards ([`guard`]): an optional shared bearer token for POST (`--post-token`), an admin
//! bearer token for reading (`--admin-token`; `--demo` opens reading to anyone on loopback;
//! with neither, reading answers 403), a per-address token bucket on POST (`--rate-limit`, 429
//! with `Retry-After`), a throttle on wrong tokens, and a strict `Content-Type:
//! application/json` (415). Tokens are compared in constant time and never logged.
//!
//! Whose answers ([`subject`]): with a portal's issuer, audience and key configured, every
//! envelope carries the portal's signed subject token, verified with `jsonwebtoken`; the record is
//! filed under the subject, and a verified subject's `drop-from-previous` flags are computed from
//! its own stored history, not from the browser's `previousScores`. `--demo` mints demo tokens
//! ([`demo`]).
//!
//! The clinician's view ([`clinician`], with `--oidc-issuer`): clinicians sign in through the
//! clinic's OpenID provider (no accounts or passwords of its own); a session in the database;
//! a clinician sees the subjects whose token named them in `care_team`, a configured group sees
//! the whole clinic.
//!
//! What it stays out of: TLS (a proxy's job), and any log line that carries answers or bodies.
//! Behind a reverse proxy every request comes from the proxy's address, so rate-limit there
//! instead.
//!
//! Tests build the router with [`router`] against a temporary SQLite file, or a fresh database
//! on a PostgreSQL server, and call it without a network; the binary (`src/main.rs`) only parses
//! flags ([`cli`]) and calls [`serve`] or [`migrate`].

pub mod admin;
pub mod api;
pub mod canonical;
pub mod cli;
pub mod clinician;
pub mod definitions;
pub mod demo;
pub mod demo_history;
pub mod guard;
pub mod logging;
pub mod reply;
pub mod server;
pub mod store;
pub mod subject;
pub mod value_sets;
pub mod web;

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;

pub use cli::{parse_args, Command, USAGE};
pub use definitions::Definitions;
pub use store::{Database, Receipt, Store};

/// How the receiver runs. [`Config::default`] gives the documented defaults. Its `Debug` output
/// hides the tokens.
#[derive(Clone)]
pub struct Config {
    /// Address to listen on (`--listen`, default `127.0.0.1:8080`).
    pub listen: SocketAddr,
    /// Where records are stored (`--database`, default `sqlite://rapport.sqlite3`; an SQLite file
    /// is created with the schema if missing).
    pub database: Database,
    /// PostgreSQL's password (`RAPPORT_DATABASE_PASSWORD`; never a flag).
    pub database_password: Option<String>,
    /// Directory served at `/` (`--static-dir`): the demo page and the widget.
    pub static_dir: Option<PathBuf>,
    /// Directories of clinic FHIR Questionnaire JSON files (`--definitions-dir`, repeatable).
    pub definitions_dirs: Vec<PathBuf>,
    /// Origins allowed by CORS (`--allow-origin`, repeatable), as `scheme://host[:port]`.
    pub allow_origins: Vec<String>,
    /// Store envelopes of unknown questionnaires, marked unverified, instead of refusing them
    /// (`--store-unverified`).
    pub store_unverified: bool,
    /// Add the strict Content-Security-Policy header to static responses (`--csp`).
    pub csp: bool,
    /// The CSP's `frame-ancestors` sources (`--frame-ancestors`, default `'none'`).
    pub frame_ancestors: String,
    /// Accept answers from anyone on a non-loopback address without `--post-token`
    /// (`--accept-answers-from-anyone`).
    pub accept_answers_from_anyone: bool,
    /// Do not log requests (`--quiet`); the start line is still printed by [`serve`].
    pub quiet: bool,
    /// Bearer token `POST /api/responses` requires (`--post-token`, or `RAPPORT_POST_TOKEN`).
    pub post_token: Option<String>,
    /// Bearer token listing requires (`--admin-token`, or `RAPPORT_ADMIN_TOKEN`).
    pub admin_token: Option<String>,
    /// Anyone may list the stored records (`--demo`): for the demo and tests only.
    pub demo: bool,
    /// With `--demo`: write a made-up history for the demo patients at start
    /// (`--demo-history`, see [`demo_history`]).
    pub demo_history: bool,
    /// POSTs per minute per client address (`--rate-limit`, default 120; 0 disables).
    pub rate_limit: u32,
    /// Delete records received more than this many days ago (`--retain-days`), at start and
    /// every hour.
    pub retain_days: Option<u32>,
    /// The portal that signs subject tokens (`--subject-issuer`, or
    /// `RAPPORT_SUBJECT_ISSUER`).
    pub subject_issuer: Option<String>,
    /// The audience subject tokens must name (`--subject-audience`, or
    /// `RAPPORT_SUBJECT_AUDIENCE`).
    pub subject_audience: Option<String>,
    /// PEM files of the portal's public keys (`--subject-public-key`, repeatable, or
    /// `RAPPORT_SUBJECT_PUBLIC_KEY` with paths separated like `PATH`): Ed25519 or P-256.
    pub subject_public_keys: Vec<PathBuf>,
    /// The HS256 secret shared with the portal (`RAPPORT_SUBJECT_SECRET`; never a flag).
    pub subject_secret: Option<String>,
    /// How long after its `exp` a token valid when the patient pressed send is accepted, in
    /// seconds (`--subject-grace`, default [`subject::DEFAULT_GRACE_SECS`]).
    pub subject_grace: u64,
    /// The clinic's OpenID provider (`--oidc-issuer`): turns the clinician's view on at
    /// `/clinician/`.
    pub oidc_issuer: Option<String>,
    /// The receiver's client id at the provider (`--oidc-client-id`).
    pub oidc_client_id: Option<String>,
    /// The receiver's client secret (`RAPPORT_OIDC_CLIENT_SECRET`; never a flag).
    pub oidc_client_secret: Option<String>,
    /// The receiver's own external base URL (`--public-url`); the redirect URI is
    /// `<public-url>/clinician/callback`.
    pub public_url: Option<String>,
    /// The ID-token claim matched against subjects' `care_team` (`--clinician-claim`, default
    /// `sub`).
    pub clinician_claim: String,
    /// The ID-token claim that lists the clinician's groups (`--groups-claim`, default
    /// `groups`).
    pub groups_claim: String,
    /// Members of this group see every patient (`--clinic-wide-group`).
    pub clinic_wide_group: Option<String>,
    /// "No answer for N weeks" alerts after this many weeks (`--quiet-weeks`; `None`:
    /// [`clinician::alerts::DEFAULT_QUIET_WEEKS`]; 0 turns them off).
    pub quiet_weeks: Option<u32>,
}

/// The default of `--rate-limit`: POSTs per minute per client address.
pub const DEFAULT_RATE_LIMIT: u32 = 120;

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secret = |t: &Option<String>| t.as_ref().map(|_| "<redacted>");
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("database", &self.database)
            .field("database_password", &secret(&self.database_password))
            .field("static_dir", &self.static_dir)
            .field("definitions_dirs", &self.definitions_dirs)
            .field("allow_origins", &self.allow_origins)
            .field("store_unverified", &self.store_unverified)
            .field("csp", &self.csp)
            .field("frame_ancestors", &self.frame_ancestors)
            .field(
                "accept_answers_from_anyone",
                &self.accept_answers_from_anyone,
            )
            .field("quiet", &self.quiet)
            .field("post_token", &secret(&self.post_token))
            .field("admin_token", &secret(&self.admin_token))
            .field("demo", &self.demo)
            .field("rate_limit", &self.rate_limit)
            .field("retain_days", &self.retain_days)
            .field("subject_issuer", &self.subject_issuer)
            .field("subject_audience", &self.subject_audience)
            .field("subject_public_keys", &self.subject_public_keys)
            .field("subject_secret", &secret(&self.subject_secret))
            .field("subject_grace", &self.subject_grace)
            .field("oidc_issuer", &self.oidc_issuer)
            .field("oidc_client_id", &self.oidc_client_id)
            .field("oidc_client_secret", &secret(&self.oidc_client_secret))
            .field("public_url", &self.public_url)
            .field("clinician_claim", &self.clinician_claim)
            .field("groups_claim", &self.groups_claim)
            .field("clinic_wide_group", &self.clinic_wide_group)
            .field("quiet_weeks", &self.quiet_weeks)
            .finish()
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database: Database::Sqlite(PathBuf::from("rapport.sqlite3")),
            database_password: None,
            static_dir: None,
            definitions_dirs: Vec::new(),
            allow_origins: Vec::new(),
            store_unverified: false,
            csp: false,
            frame_ancestors: web::DEFAULT_FRAME_ANCESTORS.to_owned(),
            accept_answers_from_anyone: false,
            quiet: false,
            post_token: None,
            admin_token: None,
            demo: false,
            demo_history: false,
            rate_limit: DEFAULT_RATE_LIMIT,
            retain_days: None,
            subject_issuer: None,
            subject_audience: None,
            subject_public_keys: Vec::new(),
            subject_secret: None,
            subject_grace: subject::DEFAULT_GRACE_SECS,
            oidc_issuer: None,
            oidc_client_id: None,
            oidc_client_secret: None,
            public_url: None,
            clinician_claim: clinician::DEFAULT_CLINICIAN_CLAIM.to_owned(),
            groups_claim: clinician::DEFAULT_GROUPS_CLAIM.to_owned(),
            clinic_wide_group: None,
            quiet_weeks: None,
        }
    }
}

/// Why the receiver could not start.
#[derive(Debug)]
pub enum Error {
    /// The database could not be opened or given its schema.
    Database {
        database: Database,
        source: store::StoreError,
    },
    /// A file or directory could not be read.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A definition (bundled or clinic) has problems.
    Definition {
        source: String,
        problems: Vec<rapport_core::definition::DefinitionError>,
    },
    /// Two definitions answer to the same (id, version).
    DuplicateDefinition {
        id: String,
        version: String,
        first: String,
        second: String,
    },
    /// A definition names canonical value sets that no ValueSet file provides.
    MissingValueSets {
        source: String,
        missing: Vec<MissingValueSet>,
    },
    /// A configuration value is not usable.
    Config(String),
    /// The listening socket could not be opened.
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    /// The server stopped with an error.
    Serve(std::io::Error),
}

/// An `answerValueSet` of a clinic definition that no ValueSet file provides.
#[derive(Debug, Clone)]
pub struct MissingValueSet {
    /// Where the reference is in the definition (a JSON pointer).
    pub pointer: String,
    /// The item's `linkId`.
    pub link_id: Option<String>,
    /// The reference as written (`url` or `url|version`).
    pub reference: String,
    /// Why no file fits.
    pub why: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Database { database, source } => write!(f, "{database}: {source}"),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Definition { source, problems } => {
                write!(f, "definition {source} has {} problem(s)", problems.len())?;
                for p in problems {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
            Error::DuplicateDefinition {
                id,
                version,
                first,
                second,
            } => write!(
                f,
                "definitions {first} and {second} both answer to \"{id}\" version \"{version}\"; \
                 give one of them another name, url or version"
            ),
            Error::MissingValueSets { source, missing } => {
                write!(
                    f,
                    "definition {source} names value set(s) by canonical URL that no ValueSet \
                     file in the definitions directories provides:"
                )?;
                for m in missing {
                    write!(f, "\n  at {}", m.pointer)?;
                    if let Some(id) = &m.link_id {
                        write!(f, " (linkId \"{id}\")")?;
                    }
                    write!(f, ": answerValueSet \"{}\": {}", m.reference, m.why)?;
                }
                write!(
                    f,
                    "\nfix: put each ValueSet into a definitions directory as a JSON file with \
                     that \"url\" (and \"version\"), as a terminology server's ValueSet/$expand \
                     returns it (expansion.contains) or listing its codes in \
                     compose.include.concept; the receiver verifies answers against the files it \
                     has and fetches nothing"
                )
            }
            Error::Config(msg) => f.write_str(msg),
            Error::Bind { addr, source } => write!(f, "cannot listen on {addr}: {source}"),
            Error::Serve(e) => write!(f, "server error: {e}"),
        }
    }
}

impl std::error::Error for Error {}

/// Opens the database of `config` and brings its schema up to date.
pub async fn open_store(config: &Config) -> Result<Store, Error> {
    Store::open(&config.database, config.database_password.as_deref())
        .await
        .map_err(|source| Error::Database {
            database: config.database.clone(),
            source,
        })
}

/// `rapport-receiver migrate`: applies the migrations the database lacks and says which.
pub async fn migrate(config: &Config) -> Result<String, Error> {
    let fail = |source| Error::Database {
        database: config.database.clone(),
        source,
    };
    let store = Store::connect(&config.database, config.database_password.as_deref())
        .await
        .map_err(fail)?;
    let applied = store.migrate().await.map_err(fail)?;
    let known = store.known_version();
    store.close().await;
    Ok(match applied.as_slice() {
        [] => format!("{}: schema already at version {known}", config.database),
        list => format!(
            "{}: applied migration(s) {}; schema at version {known}",
            config.database,
            list.iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// Builds the whole application for `config`: checks the configuration, opens (or creates) the
/// database, migrates it, loads the definitions and wires the routes. Binds nothing, so tests
/// can call the router directly.
pub async fn router(config: &Config) -> Result<Router, Error> {
    check_config(config)?;
    let store = open_store(config).await?;
    let (app, state) = build(config, store)?;
    if config.demo_history {
        seed_demo_history(&state).await?;
    }
    Ok(app)
}

/// Weeks of made-up answers `--demo-history` writes.
pub const DEMO_HISTORY_WEEKS: u32 = 26;

/// `--demo-history`: the demo portal's patients with half a year of made-up answers.
async fn seed_demo_history(state: &api::AppState) -> Result<(), Error> {
    let Some(portal) = &state.demo_portal else {
        return Ok(());
    };
    let patients = demo_history::demo_patients(portal.patients());
    let stored = demo_history::seed(
        &state.store,
        &state.definitions,
        portal,
        &patients,
        DEMO_HISTORY_WEEKS,
        time::OffsetDateTime::now_utc(),
    )
    .await
    .map_err(Error::Config)?;
    log(format_args!(
        "rapport-receiver: --demo-history: {stored} made-up records for {} demo patients",
        patients.len()
    ));
    Ok(())
}

/// Shortest token `--post-token` and `--admin-token` accept.
pub const MIN_TOKEN_CHARS: usize = 32;

/// The rules a configuration must keep before anything is opened: tokens long enough and
/// different, `--demo` only on loopback and never with an admin token, and no open POST on a
/// network address unless asked for in so many words.
pub fn check_config(config: &Config) -> Result<(), Error> {
    for (flag, token) in [
        ("--post-token", &config.post_token),
        ("--admin-token", &config.admin_token),
    ] {
        if let Some(t) = token {
            if t.chars().count() < MIN_TOKEN_CHARS {
                return Err(Error::Config(format!(
                    "{flag}: the token must be at least {MIN_TOKEN_CHARS} characters (make one \
                     with `openssl rand -hex 32`)"
                )));
            }
        }
    }
    if config.post_token.is_some() && config.post_token == config.admin_token {
        return Err(Error::Config(
            "--post-token and --admin-token must differ: the post token is in every patient's \
             browser, the admin token reads every answer"
                .into(),
        ));
    }
    let loopback = config.listen.ip().is_loopback();
    if config.demo && config.admin_token.is_some() {
        return Err(Error::Config(
            "--demo opens listing to anyone, so it cannot go with --admin-token: drop --demo"
                .into(),
        ));
    }
    if config.demo_history && !config.demo {
        return Err(Error::Config(
            "--demo-history writes made-up answers: it goes with --demo only".into(),
        ));
    }
    if config.demo && !loopback {
        return Err(Error::Config(format!(
            "--demo opens every stored answer to anyone: it only runs on a loopback address, \
             not {}",
            config.listen
        )));
    }
    // A verified subject token is authentication too: the portal signs one only for a patient
    // it has signed in, and every POST must carry one (--demo, which relaxes that, is
    // loopback-only).
    let subjects_required = subject_verifier(config)?.is_some();
    if !loopback
        && config.post_token.is_none()
        && !subjects_required
        && !config.accept_answers_from_anyone
    {
        return Err(Error::Config(format!(
            "listening on {} without --post-token or subject tokens accepts answers from \
             anyone who can reach it: set RAPPORT_POST_TOKEN, or have the portal sign subject \
             tokens (--subject-issuer, --subject-audience and a key), or put the receiver \
             behind the portal's own authentication and say so with \
             --accept-answers-from-anyone",
            config.listen
        )));
    }
    clinician::Settings::from_config(config)?;
    web::check_frame_ancestors(&config.frame_ancestors)
}

/// The subject verifier `config` asks for: issuer, audience and at least one key together, or
/// none of them (subjects read, not verified).
pub fn subject_verifier(config: &Config) -> Result<Option<subject::Verifier>, Error> {
    let any = config.subject_issuer.is_some()
        || config.subject_audience.is_some()
        || !config.subject_public_keys.is_empty()
        || config.subject_secret.is_some();
    if !any {
        return Ok(None);
    }
    let (Some(issuer), Some(audience)) = (&config.subject_issuer, &config.subject_audience) else {
        return Err(Error::Config(
            "subject tokens are verified with --subject-issuer, --subject-audience and at least \
             one key (--subject-public-key PEM_FILE and/or RAPPORT_SUBJECT_SECRET) together: \
             one of the first two is missing"
                .into(),
        ));
    };
    subject::Verifier::new(
        issuer,
        audience,
        config.subject_secret.as_deref().map(str::as_bytes),
        &config.subject_public_keys,
        config.subject_grace,
    )
    .map(Some)
    .map_err(Error::Config)
}

/// Whether `path` lies inside `dir` (after resolving both; a file that does not exist yet is
/// placed by its parent directory).
fn inside(path: &std::path::Path, dir: &std::path::Path) -> bool {
    let resolve = |p: &std::path::Path| {
        p.canonicalize().ok().or_else(|| {
            let parent = p.parent().filter(|d| !d.as_os_str().is_empty())?;
            Some(parent.canonicalize().ok()?.join(p.file_name()?))
        })
    };
    match (resolve(path), dir.canonicalize().ok()) {
        (Some(p), Some(d)) => p.starts_with(d),
        _ => false,
    }
}

/// [`router`] with a store already open.
pub fn router_with(config: &Config, store: Store) -> Result<Router, Error> {
    build(config, store).map(|(app, _)| app)
}

/// One retention sweep of `config`'s receiver on `store`: deletes what arrived more than
/// `days` ago and audits it; how many records it removed. (`serve` runs it hourly with
/// `--retain-days`.)
pub async fn retention_sweep(config: &Config, store: Store, days: u32) -> Result<usize, String> {
    let (_, state) = build(config, store).map_err(|e| e.to_string())?;
    admin::sweep(&state, days).await
}

/// The router and the state its handlers share (the retention sweep uses it too).
fn build(config: &Config, store: Store) -> Result<(Router, api::AppState), Error> {
    let mut definitions = Definitions::bundled()?;
    definitions.load_dirs(&config.definitions_dirs)?;
    let origins = web::parse_origins(&config.allow_origins)?;
    let post_token = config
        .post_token
        .as_deref()
        .map(|t| guard::Token::new("--post-token", t))
        .transpose()?;
    let admin_token = config
        .admin_token
        .as_deref()
        .map(|t| guard::Token::new("--admin-token", t))
        .transpose()?;
    let listing = match (config.demo, admin_token) {
        (true, _) => api::Listing::Open,
        (false, Some(t)) => api::Listing::Token(t),
        (false, None) => api::Listing::Disabled,
    };
    // `--demo` without a portal of its own: the receiver is the demo portal's server too, with
    // a secret made for this process.
    let (subjects, demo_portal) = match (subject_verifier(config)?, config.demo) {
        (Some(v), _) => (Some(v), None),
        (None, true) => {
            let portal = demo::DemoPortal::new(config.static_dir.as_deref())?;
            (Some(portal.verifier()?), Some(Arc::new(portal)))
        }
        (None, false) => (None, None),
    };
    let state = api::AppState {
        store,
        definitions: Arc::new(definitions),
        store_unverified: config.store_unverified,
        quiet: config.quiet,
        post_token,
        listing,
        limiter: Arc::new(guard::RateLimiter::new(config.rate_limit)),
        auth_failures: Arc::new(guard::RateLimiter::new(api::AUTH_FAILURES_PER_MINUTE)),
        subjects: subjects.map(Arc::new),
        demo_portal,
    };
    // The value sets are terminology, not health data: open to anyone, cached with an ETag
    // (not under the API's `no-store`).
    let mut app =
        api::routes(state.clone()).merge(value_sets::routes(Arc::clone(&state.definitions)));
    if let Some(settings) = clinician::Settings::from_config(config)? {
        app = app.merge(clinician::routes(
            settings,
            state.store.clone(),
            Arc::clone(&state.definitions),
        )?);
    }
    app = match &config.static_dir {
        Some(dir) => {
            if !dir.is_dir() {
                return Err(Error::Config(format!(
                    "--static-dir {}: not a directory",
                    dir.display()
                )));
            }
            if let Some(db) = config.database.sqlite_path() {
                if inside(db, dir) {
                    return Err(Error::Config(format!(
                        "the database {} is inside --static-dir {}: anyone could download it. \
                         Keep the database out of the directory that is served",
                        db.display(),
                        dir.display()
                    )));
                }
            }
            let csp = config.csp.then(|| web::csp(&config.frame_ancestors));
            app.fallback_service(web::static_files(dir, csp))
        }
        None => app.fallback(api::not_found),
    };
    let app = server::with_request_limits(app).layer(axum::middleware::from_fn_with_state(
        config.quiet,
        logging::log_requests,
    ));
    Ok((web::with_cors(app, origins), state))
}

/// Runs the receiver until Ctrl-C (or SIGTERM on Unix). Prints the start line once listening
/// (which says how POST and listing are guarded), and a warning banner with `--demo`.
pub async fn serve(config: Config) -> Result<(), Error> {
    check_config(&config)?;
    let store = open_store(&config).await?;
    let (app, state) = build(&config, store)?;
    if config.demo_history {
        seed_demo_history(&state).await?;
    }
    if let Some(days) = config.retain_days {
        tokio::spawn(admin::retention(state.clone(), days));
    }
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|source| Error::Bind {
            addr: config.listen,
            source,
        })?;
    let addr = listener.local_addr().unwrap_or(config.listen);
    say(format_args!(
        "rapport-receiver listening on http://{addr} (database {}){}",
        config.database,
        if config.demo {
            " -- DEMO MODE: LISTING IS OPEN TO ANYONE"
        } else {
            ""
        }
    ));
    say(format_args!("  {}", guards_summary(&config)));
    say(format_args!("  {}", subjects_summary(&state)));
    if config.demo {
        say(format_args!(
            "  !!! --demo: GET /api/responses returns every stored response to anyone who can \
             reach http://{addr}/. Never use --demo with real patients' answers. !!!"
        ));
    }
    server::run(listener, app, shutdown_signal())
        .await
        .map_err(Error::Serve)
}

/// Prints a line on standard output, ignoring a closed or full output: the server must not stop
/// because nobody reads what it prints (`println!` would panic).
fn say(line: fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "{line}");
}

/// Writes a log line on standard error, ignoring a closed output (`eprintln!` would panic).
pub(crate) fn log(line: fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// One line saying how the API is guarded, for the start of [`serve`]. Never shows a token.
pub fn guards_summary(config: &Config) -> String {
    let post = if config.post_token.is_some() {
        "POST needs the post token"
    } else {
        "POST open (no --post-token)"
    };
    let listing = if config.demo {
        "listing OPEN (--demo)"
    } else if config.admin_token.is_some() {
        "listing needs the admin token"
    } else {
        "listing off (no --admin-token)"
    };
    let rate = match config.rate_limit {
        0 => "no rate limit".to_owned(),
        n => format!("rate limit {n} POSTs/min per address"),
    };
    let retention = match config.retain_days {
        None => "records kept until erased (no --retain-days)".to_owned(),
        Some(d) => format!("records deleted {d} day(s) after they arrive"),
    };
    format!("{post}; {listing}; {rate}; {retention}")
}

/// One line saying whether subject tokens are verified, for the start of [`serve`]. Never shows
/// a key.
fn subjects_summary(state: &api::AppState) -> String {
    match (&state.subjects, &state.demo_portal) {
        (Some(v), Some(_)) => format!(
            "subjects verified with the demo portal's key made for this process (issuer {}, \
             audience {}); GET /demo/subject-token?patient=ID mints tokens for demo patients",
            v.issuer(),
            v.audience()
        ),
        (Some(v), None) => format!(
            "subjects verified: issuer {}, audience {}, {}",
            v.issuer(),
            v.audience(),
            v.algorithms()
        ),
        _ => "subjects are NOT verified (no --subject-issuer/--subject-audience/keys): a \
              subject token is read and its subject stored as not verified"
            .into(),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        // If the handler cannot be installed, wait forever rather than stop at once.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
