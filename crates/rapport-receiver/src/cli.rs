//! Command-line flags, parsed by hand into a [`Config`]. Reads no files, only
//! `RAPPORT_POST_TOKEN`, `RAPPORT_ADMIN_TOKEN` and `RAPPORT_DATABASE` from the environment when
//! their flags are absent, and `RAPPORT_DATABASE_PASSWORD` (which has no flag), and checks little
//! beyond the syntax of each value: [`router`](crate::router) checks the rest.

use std::ffi::{OsStr, OsString};
use std::net::SocketAddr;
use std::path::PathBuf;

use crate::{Config, Database};

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    /// Run the receiver.
    Run(Config),
    /// Apply the database migrations and stop (`rapport-receiver migrate`).
    Migrate(Config),
    /// Print [`USAGE`].
    Help,
    /// Print the version.
    Version,
}

/// The text of `--help`.
pub const USAGE: &str = "\
rapport-receiver: Rapport's reference receiver. Verifies questionnaire envelopes and stores
them in SQLite or PostgreSQL, once per Idempotency-Key.

USAGE:
    rapport-receiver [OPTIONS]           serve (migrating the database first)
    rapport-receiver migrate [OPTIONS]   apply the database migrations and stop

OPTIONS:
    --listen ADDR            address to listen on [default: 127.0.0.1:8080]
    --database URL           where records are stored [env: RAPPORT_DATABASE]
                             [default: sqlite://rapport.sqlite3]
                             sqlite://PATH: an SQLite file, created if missing
                             postgres://USER@HOST:PORT/DB?sslmode=verify-full: PostgreSQL;
                             the password comes from RAPPORT_DATABASE_PASSWORD, never the URL
    --db PATH                the same as --database sqlite://PATH
    --static-dir DIR         serve the files of DIR at / (index.html at /)
    --csp                    add a strict Content-Security-Policy to the static files
    --frame-ancestors SRC    who may frame the static pages: 'none', 'self' or origins
                             [default: 'none']
    --definitions-dir DIR    also accept the clinic FHIR Questionnaires (*.json) in DIR
                             (repeatable); the ValueSets there answer their canonical
                             answerValueSets and GET /fhir/ValueSet/$expand
    --allow-origin ORIGIN    allow cross-origin requests from ORIGIN (repeatable),
                             e.g. https://portal.example.org
    --store-unverified       store envelopes of unknown questionnaires (marked unverified)
                             instead of refusing them with 422
    --quiet                  do not log requests
    --post-token TOKEN       POST /api/responses needs `Authorization: Bearer TOKEN`
                             (at least 32 characters) [env: RAPPORT_POST_TOKEN]
    --admin-token TOKEN      listing needs `Authorization: Bearer TOKEN` (at least 32
                             characters, not the post token) [env: RAPPORT_ADMIN_TOKEN]
    --accept-answers-from-anyone
                             listen on a non-loopback address without --post-token or
                             subject tokens (the portal's own authentication guards
                             the receiver)
    --demo                   anyone may list the stored records: for the demo and tests
                             only, never with real answers; loopback only, not with
                             --admin-token
    --demo-history           with --demo: add half a year of made-up answers for the
                             demo patients at start, for the clinician's view
    --rate-limit N           POSTs per minute per client address (IPv6: per /64), refilled
                             continuously; 0 disables [default: 120]
    --retain-days N          delete records received more than N days ago (at start, then
                             hourly; each sweep is written to the log and the audit)
    --subject-issuer ISS     verify subject tokens: the portal that signs them (its iss)
                             [env: RAPPORT_SUBJECT_ISSUER]
    --subject-audience AUD   the aud subject tokens must name [env: RAPPORT_SUBJECT_AUDIENCE]
    --subject-public-key PEM the portal's public key (Ed25519: EdDSA, P-256: ES256), as a
                             PEM file; repeatable for key rotation
                             [env: RAPPORT_SUBJECT_PUBLIC_KEY, paths separated by :]
                             (an HS256 secret comes only from RAPPORT_SUBJECT_SECRET, at
                             least 32 bytes). Issuer, audience and a key go together; with
                             them every POST needs a subject token
    --subject-grace SECONDS  accept a token that expired while the submission waited, if it
                             was valid when the patient pressed send, up to SECONDS after
                             its exp [default: 3600]
    --oidc-issuer URL        the clinic's OpenID Connect provider: turns the clinician's
                             view on at /clinician/ (https, or http on loopback); needs
                             --oidc-client-id, --public-url and RAPPORT_OIDC_CLIENT_SECRET
    --oidc-client-id ID      the receiver's client id at the provider (a confidential
                             client; its secret only from RAPPORT_OIDC_CLIENT_SECRET)
    --public-url URL         the receiver's own external base URL, e.g.
                             https://rapport.clinic.example; the provider must allow
                             <URL>/clinician/callback as a redirect URI
    --clinician-claim NAME   the ID-token claim matched against subjects' care_team
                             [default: sub]
    --groups-claim NAME      the ID-token claim listing the clinician's groups
                             [default: groups]
    --clinic-wide-group NAME members of this group see every patient
    --quiet-weeks N          alert the clinician when a patient who answered at least
                             twice has not answered for N weeks (1-520); 0 turns this
                             alert off [default: 4]
    -h, --help               print this help
    -V, --version            print the version

ROUTES:
    POST /api/responses      an envelope, as application/json, with an Idempotency-Key header
    GET  /api/responses      stored records, oldest first, ?limit=N (1-1000, default 100);
                             a Link: rel=\"next\" header gives the next page (admin token,
                             or --demo)
    GET  /api/responses/ID   one stored record (admin token, or --demo)
    DELETE /api/responses/ID erase one record, by id or idempotency key (admin token)
    GET  /api/audit          who read, exported or erased what, oldest first, paginated
                             (admin token, or --demo)
    POST /api/subjects/erase erase every record of one subject: {\"system\": ISS, \"value\":
                             SUB} as application/json (admin token)
    GET  /demo/subject-token?patient=ID
                             --demo only: a subject token for a demo patient of
                             demo/patients.json under --static-dir
    GET  /clinician/         the clinician's view (with --oidc-issuer): sign-in, sign-out
                             (POST /clinician/sign-out), /clinician/callback, alerts marked
                             reviewed with POST /clinician/alerts/review
    GET  /healthz            \"ok\" while the process is up
    GET  /readyz             \"ready\" when the database answers on the current schema;
                             503 not-ready (with the reason) otherwise

STATUS CODES (besides 200, 201, 400, 413, 422):
    401 unauthorized         missing or wrong bearer token (with WWW-Authenticate: Bearer)
    401 subject-token-*      missing, badly signed, foreign, expired or early subject token
                             (with WWW-Authenticate: RapportSubject error=\"CODE\")
    403 listing-disabled     listing without --admin-token or --demo
    415 unsupported-media-type  a POST that is not Content-Type: application/json
    429 rate-limited         over --rate-limit; Retry-After gives the seconds to wait

Prefer the environment variables to the token flags: command lines are visible to other
users of the machine. The rate limiter counts in each process: with several receivers behind
a load balancer, limit at the load balancer. Behind a reverse proxy every request shares the proxy's address: set
--rate-limit 0 and limit there. Logs carry status, instrument and the first characters of the
idempotency key: never answers, never tokens.
";

/// The environment variable read when `--post-token` is absent.
pub const POST_TOKEN_ENV: &str = "RAPPORT_POST_TOKEN";
/// The environment variable read when `--admin-token` is absent.
pub const ADMIN_TOKEN_ENV: &str = "RAPPORT_ADMIN_TOKEN";
/// The environment variable read when `--database` (and `--db`) is absent.
pub const DATABASE_ENV: &str = "RAPPORT_DATABASE";
/// PostgreSQL's password: only ever from the environment.
pub const DATABASE_PASSWORD_ENV: &str = "RAPPORT_DATABASE_PASSWORD";
/// The environment variable read when `--subject-issuer` is absent.
pub const SUBJECT_ISSUER_ENV: &str = "RAPPORT_SUBJECT_ISSUER";
/// The environment variable read when `--subject-audience` is absent.
pub const SUBJECT_AUDIENCE_ENV: &str = "RAPPORT_SUBJECT_AUDIENCE";
/// The environment variable read when no `--subject-public-key` is given (paths separated as in
/// `PATH`).
pub const SUBJECT_PUBLIC_KEY_ENV: &str = "RAPPORT_SUBJECT_PUBLIC_KEY";
/// The HS256 secret shared with the portal: only ever from the environment.
pub const SUBJECT_SECRET_ENV: &str = "RAPPORT_SUBJECT_SECRET";
/// The clinician sign-in's client secret: only ever from the environment.
pub const OIDC_CLIENT_SECRET_ENV: &str = "RAPPORT_OIDC_CLIENT_SECRET";
/// The environment variable read when `--subject-grace` is absent.
pub const SUBJECT_GRACE_ENV: &str = "RAPPORT_SUBJECT_GRACE";

/// Parses the arguments after the program name. Accepts `--flag value` and `--flag=value`.
/// Reads [`POST_TOKEN_ENV`] and [`ADMIN_TOKEN_ENV`] from the process environment.
pub fn parse_args<I, S>(args: I) -> Result<Command, String>
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    parse_args_with_env(args, |name| std::env::var_os(name))
}

/// [`parse_args`] with the environment given by `env` (for tests). A variable that is set but
/// empty or not UTF-8 is an error rather than "no token": a token that went missing on the way
/// must not leave the receiver open.
pub fn parse_args_with_env<I, S, E>(args: I, env: E) -> Result<Command, String>
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
    E: Fn(&str) -> Option<OsString>,
{
    let mut config = Config::default();
    let mut database_given = false;
    let mut grace_given = false;
    let mut migrate = false;
    let mut args = args.into_iter().map(Into::into).peekable();
    if args.peek().is_some_and(|a| a == "migrate") {
        args.next();
        migrate = true;
    }
    while let Some(arg) = args.next() {
        let arg = arg
            .into_string()
            .map_err(|a| format!("argument {} is not valid UTF-8", a.to_string_lossy()))?;
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => args
                    .next()
                    .and_then(|v| v.into_string().ok())
                    .ok_or_else(|| format!("{name} needs a value")),
            }
        };
        let no_value = |name: &str| -> Result<(), String> {
            match inline {
                Some(_) => Err(format!("{name} takes no value")),
                None => Ok(()),
            }
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--listen" => {
                let v = value("--listen")?;
                config.listen = v.parse::<SocketAddr>().map_err(|_| {
                    format!("--listen: \"{v}\" is not an address such as 127.0.0.1:8080")
                })?;
            }
            "--database" => {
                config.database = Database::parse(&value("--database")?)?;
                database_given = true;
            }
            "--db" => {
                config.database = Database::Sqlite(PathBuf::from(value("--db")?));
                database_given = true;
            }
            "--static-dir" => config.static_dir = Some(PathBuf::from(value("--static-dir")?)),
            "--definitions-dir" => config
                .definitions_dirs
                .push(PathBuf::from(value("--definitions-dir")?)),
            "--allow-origin" => config.allow_origins.push(value("--allow-origin")?),
            "--store-unverified" => {
                no_value("--store-unverified")?;
                config.store_unverified = true;
            }
            "--csp" => {
                no_value("--csp")?;
                config.csp = true;
            }
            "--frame-ancestors" => config.frame_ancestors = value("--frame-ancestors")?,
            "--accept-answers-from-anyone" => {
                no_value("--accept-answers-from-anyone")?;
                config.accept_answers_from_anyone = true;
            }
            "--quiet" => {
                no_value("--quiet")?;
                config.quiet = true;
            }
            "--post-token" => config.post_token = Some(token("--post-token", value)?),
            "--admin-token" => config.admin_token = Some(token("--admin-token", value)?),
            "--demo" => {
                no_value("--demo")?;
                config.demo = true;
            }
            "--demo-history" => {
                no_value("--demo-history")?;
                config.demo_history = true;
            }
            "--retain-days" => {
                let v = value("--retain-days")?;
                config.retain_days = Some(
                    v.trim()
                        .parse::<u32>()
                        .ok()
                        .filter(|d| (1..=36_500).contains(d))
                        .ok_or_else(|| {
                            format!("--retain-days: \"{v}\" is not a number of days (1 or more)")
                        })?,
                );
            }
            "--subject-issuer" => {
                config.subject_issuer = Some(token("--subject-issuer", value)?);
            }
            "--subject-audience" => {
                config.subject_audience = Some(token("--subject-audience", value)?);
            }
            "--subject-public-key" => config
                .subject_public_keys
                .push(PathBuf::from(token("--subject-public-key", value)?)),
            "--subject-grace" => {
                config.subject_grace = grace(&value("--subject-grace")?)?;
                grace_given = true;
            }
            "--oidc-issuer" => config.oidc_issuer = Some(token("--oidc-issuer", value)?),
            "--oidc-client-id" => {
                config.oidc_client_id = Some(token("--oidc-client-id", value)?);
            }
            "--public-url" => config.public_url = Some(token("--public-url", value)?),
            "--clinician-claim" => config.clinician_claim = token("--clinician-claim", value)?,
            "--groups-claim" => config.groups_claim = token("--groups-claim", value)?,
            "--clinic-wide-group" => {
                config.clinic_wide_group = Some(token("--clinic-wide-group", value)?);
            }
            "--quiet-weeks" => {
                let v = value("--quiet-weeks")?;
                config.quiet_weeks = Some(
                    v.trim()
                        .parse::<u32>()
                        .ok()
                        .filter(|w| *w <= 520)
                        .ok_or_else(|| {
                            format!(
                                "--quiet-weeks: \"{v}\" is not a number of weeks (0 to 520; 0 \
                                 turns the alert off)"
                            )
                        })?,
                );
            }
            "--rate-limit" => {
                let v = value("--rate-limit")?;
                config.rate_limit = v.trim().parse::<u32>().map_err(|_| {
                    format!(
                        "--rate-limit: \"{v}\" is not a number of POSTs per minute (0 disables)"
                    )
                })?;
            }
            other => return Err(format!("unknown argument \"{other}\" (see --help)")),
        }
    }
    for (var, slot) in [
        (POST_TOKEN_ENV, &mut config.post_token),
        (ADMIN_TOKEN_ENV, &mut config.admin_token),
    ] {
        if slot.is_none() {
            if let Some(v) = env(var) {
                *slot = Some(env_token(var, &v)?);
            }
        }
    }
    if !database_given {
        if let Some(v) = env(DATABASE_ENV) {
            let text = v
                .to_str()
                .ok_or_else(|| format!("{DATABASE_ENV} is not valid UTF-8"))?;
            config.database = Database::parse(text).map_err(|e| format!("{DATABASE_ENV}: {e}"))?;
        }
    }
    if let Some(v) = env(DATABASE_PASSWORD_ENV) {
        config.database_password = Some(env_token(DATABASE_PASSWORD_ENV, &v)?);
    }
    for (var, slot) in [
        (SUBJECT_ISSUER_ENV, &mut config.subject_issuer),
        (SUBJECT_AUDIENCE_ENV, &mut config.subject_audience),
        (SUBJECT_SECRET_ENV, &mut config.subject_secret),
    ] {
        if slot.is_none() {
            if let Some(v) = env(var) {
                *slot = Some(env_token(var, &v)?);
            }
        }
    }
    if let Some(v) = env(OIDC_CLIENT_SECRET_ENV) {
        config.oidc_client_secret = Some(env_token(OIDC_CLIENT_SECRET_ENV, &v)?);
    }
    if config.subject_public_keys.is_empty() {
        if let Some(v) = env(SUBJECT_PUBLIC_KEY_ENV) {
            env_token(SUBJECT_PUBLIC_KEY_ENV, &v)?;
            config.subject_public_keys = std::env::split_paths(&v).collect();
        }
    }
    if !grace_given {
        if let Some(v) = env(SUBJECT_GRACE_ENV) {
            let text = env_token(SUBJECT_GRACE_ENV, &v)?;
            config.subject_grace = grace(&text).map_err(|e| format!("{SUBJECT_GRACE_ENV}: {e}"))?;
        }
    }
    Ok(if migrate {
        Command::Migrate(config)
    } else {
        Command::Run(config)
    })
}

fn token(flag: &str, value: impl FnOnce(&str) -> Result<String, String>) -> Result<String, String> {
    let v = value(flag)?;
    if v.is_empty() {
        return Err(format!("{flag} needs a non-empty token"));
    }
    Ok(v)
}

/// `--subject-grace`: seconds, at most a week.
fn grace(v: &str) -> Result<u64, String> {
    v.trim()
        .parse::<u64>()
        .ok()
        .filter(|s| *s <= 7 * 24 * 3600)
        .ok_or_else(|| format!("--subject-grace: \"{v}\" is not a number of seconds (0 to 604800)"))
}

fn env_token(var: &str, v: &OsStr) -> Result<String, String> {
    match v.to_str() {
        Some("") => Err(format!("{var} is set but empty; unset it or give a token")),
        Some(t) => Ok(t.to_owned()),
        None => Err(format!("{var} is not valid UTF-8")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Config {
        run_env(args, &[])
    }

    fn run_env(args: &[&str], env: &[(&str, &str)]) -> Config {
        match parse_args_with_env(args.iter().copied(), env_of(env)) {
            Ok(Command::Run(c)) => c,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let c = run(&[]);
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(
            c.database,
            Database::Sqlite(PathBuf::from("rapport.sqlite3"))
        );
        assert!(c.database_password.is_none());
        assert!(!c.store_unverified && !c.csp && c.allow_origins.is_empty());
        assert!(c.post_token.is_none() && c.admin_token.is_none() && !c.demo);
        assert_eq!(c.rate_limit, 120);
    }

    fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            vars.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn tokens_from_flags_or_environment() {
        let env = [
            ("RAPPORT_POST_TOKEN", "from-env-post"),
            ("RAPPORT_ADMIN_TOKEN", "from-env-admin"),
        ];
        let c = run_env(&[], &env);
        assert_eq!(c.post_token.as_deref(), Some("from-env-post"));
        assert_eq!(c.admin_token.as_deref(), Some("from-env-admin"));
        let c = run_env(
            &["--post-token", "flag-post", "--admin-token=flag-admin"],
            &env,
        );
        assert_eq!(c.post_token.as_deref(), Some("flag-post"));
        assert_eq!(c.admin_token.as_deref(), Some("flag-admin"));
        // Tokens never show in Debug output.
        let shown = format!("{c:?}");
        assert!(
            !shown.contains("flag-post") && !shown.contains("flag-admin"),
            "{shown}"
        );

        let empty = parse_args_with_env(
            std::iter::empty::<&str>(),
            env_of(&[("RAPPORT_POST_TOKEN", "")]),
        );
        assert!(empty.is_err());
        assert!(parse_args_with_env(["--post-token="], env_of(&[])).is_err());
        assert!(parse_args_with_env(["--admin-token"], env_of(&[])).is_err());
    }

    #[test]
    fn every_flag() {
        let c = run(&[
            "--listen=0.0.0.0:9000",
            "--db",
            "x.db",
            "--static-dir",
            "www",
            "--definitions-dir=defs",
            "--allow-origin",
            "https://a.example",
            "--allow-origin=https://b.example",
            "--store-unverified",
            "--csp",
            "--quiet",
            "--post-token",
            "p",
            "--admin-token=a",
            "--demo",
            "--rate-limit",
            "7",
        ]);
        assert_eq!(c.listen.to_string(), "0.0.0.0:9000");
        assert_eq!(c.database, Database::Sqlite(PathBuf::from("x.db")));
        assert_eq!(c.static_dir, Some(PathBuf::from("www")));
        assert_eq!(c.definitions_dirs, vec![PathBuf::from("defs")]);
        assert_eq!(c.allow_origins, ["https://a.example", "https://b.example"]);
        assert!(c.store_unverified && c.csp && c.quiet && c.demo);
        assert_eq!(c.post_token.as_deref(), Some("p"));
        assert_eq!(c.admin_token.as_deref(), Some("a"));
        assert_eq!(c.rate_limit, 7);
        assert_eq!(run(&["--rate-limit=0"]).rate_limit, 0);
    }

    #[test]
    fn database_from_flag_or_environment_and_password_only_from_environment() {
        let pg = "postgres://rapport@127.0.0.1:5432/rapport";
        let env = [
            ("RAPPORT_DATABASE", pg),
            ("RAPPORT_DATABASE_PASSWORD", "pw-from-env"),
        ];
        let c = run_env(&[], &env);
        assert_eq!(c.database, Database::Postgres(pg.into()));
        assert_eq!(c.database_password.as_deref(), Some("pw-from-env"));
        assert!(!format!("{c:?}").contains("pw-from-env"));
        let c = run_env(&["--database", "sqlite://a.db"], &env);
        assert_eq!(c.database, Database::Sqlite(PathBuf::from("a.db")));
        assert!(parse_args_with_env(
            ["--database", "postgres://rapport:pw@db/rapport"],
            env_of(&[])
        )
        .is_err());
        assert!(parse_args_with_env(["--database", "x.db"], env_of(&[])).is_err());
        let bad_env = parse_args_with_env(
            std::iter::empty::<&str>(),
            env_of(&[("RAPPORT_DATABASE", "postgres://u:secret@db/x")]),
        )
        .unwrap_err();
        assert!(bad_env.contains("RAPPORT_DATABASE") && !bad_env.contains("secret"));
        match parse_args_with_env(["migrate", "--database", pg], env_of(&[])) {
            Ok(Command::Migrate(c)) => assert_eq!(c.database, Database::Postgres(pg.into())),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn subject_flags_and_environment() {
        let c = run(&[]);
        assert!(c.subject_issuer.is_none() && c.subject_public_keys.is_empty());
        assert_eq!(c.subject_grace, 3600);
        let env = [
            ("RAPPORT_SUBJECT_ISSUER", "https://env.example"),
            ("RAPPORT_SUBJECT_AUDIENCE", "env-aud"),
            ("RAPPORT_SUBJECT_PUBLIC_KEY", "a.pem:b.pem"),
            ("RAPPORT_SUBJECT_SECRET", "secret-from-env-0123456789abcdef"),
            ("RAPPORT_SUBJECT_GRACE", "600"),
        ];
        let c = run_env(&[], &env);
        assert_eq!(c.subject_issuer.as_deref(), Some("https://env.example"));
        assert_eq!(c.subject_audience.as_deref(), Some("env-aud"));
        assert_eq!(
            c.subject_public_keys,
            [PathBuf::from("a.pem"), PathBuf::from("b.pem")]
        );
        assert_eq!(c.subject_grace, 600);
        assert!(!format!("{c:?}").contains("secret-from-env"));
        let c = run_env(
            &[
                "--subject-issuer=https://portal.example",
                "--subject-audience",
                "aud",
                "--subject-public-key",
                "one.pem",
                "--subject-public-key=two.pem",
                "--subject-grace",
                "0",
            ],
            &env,
        );
        assert_eq!(c.subject_issuer.as_deref(), Some("https://portal.example"));
        assert_eq!(c.subject_audience.as_deref(), Some("aud"));
        assert_eq!(
            c.subject_public_keys,
            [PathBuf::from("one.pem"), PathBuf::from("two.pem")]
        );
        assert_eq!(c.subject_grace, 0);
        // The secret has no flag.
        assert!(parse_args(["--subject-secret", "x"]).is_err());
        assert!(parse_args(["--subject-grace", "forever"]).is_err());
        assert!(parse_args(["--subject-grace", "9999999"]).is_err());
        assert!(parse_args(["--subject-issuer="]).is_err());
    }

    #[test]
    fn errors_and_help() {
        assert!(matches!(parse_args(["--help"]), Ok(Command::Help)));
        assert!(matches!(parse_args(["-V"]), Ok(Command::Version)));
        assert!(parse_args(["--listen"]).is_err());
        assert!(parse_args(["--listen", "nowhere"]).is_err());
        assert!(parse_args(["--csp=yes"]).is_err());
        assert!(parse_args(["--bogus"]).is_err());
        assert!(parse_args(["--demo=yes"]).is_err());
        assert!(parse_args(["--rate-limit", "-1"]).is_err());
        assert!(parse_args(["--rate-limit", "lots"]).is_err());
    }
}
