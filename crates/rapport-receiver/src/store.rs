//! Storage of received envelopes, one row per idempotency key, in SQLite (embedded, the
//! default) or PostgreSQL (for clinics that outgrow one machine, and for several receivers at
//! once). One behaviour on both: the same SQL wherever the two engines agree, one migrations
//! folder per backend (`migrations/sqlite`, `migrations/postgres`), and the same tests.
//!
//! - **Stored once.** The key is `UNIQUE`; a new envelope is written with
//!   `INSERT … ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`. When no row comes back the
//!   key was already there (stored by this process, another one, or a moment ago by a racing
//!   request), and the stored body hash tells a replay from a reused key. There is no "look, then
//!   insert" in code: the database decides.
//! - **Durable.** SQLite runs in WAL mode with `synchronous=FULL`: a transaction is synced to the
//!   WAL file before the commit returns, so a `201` survives a crash or a power cut (`NORMAL`
//!   would be faster and could lose the last commits on power loss). `busy_timeout` lets writers
//!   queue instead of failing at once. PostgreSQL commits are durable with its defaults
//!   (`fsync` and `synchronous_commit` on); the operator must keep them on.
//! - **Versioned schema.** Migrations run when the store opens (and with `rapport-receiver
//!   migrate`). A database that has a migration this receiver does not know (a newer receiver
//!   ran on it) is refused with [`StoreError::NewerSchema`], never written to. PostgreSQL
//!   migrations take an advisory lock, so instances starting together migrate once.
//!
//! Stays out of HTTP and of checking envelopes.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use rapport_core::scoring::PreviousScores;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::migrate::{MigrateError, Migrator};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::Row;

use crate::subject::Subject;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// How long a request waits for a pooled connection before the receiver answers 503.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// Where the records live (`--database`).
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    /// An SQLite file, created if missing: `sqlite://PATH` (or `--db PATH`).
    Sqlite(PathBuf),
    /// A PostgreSQL database: `postgres://USER@HOST:PORT/DB?sslmode=…`, never with a password
    /// in it (the password comes from the environment: see `--help`).
    Postgres(String),
}

impl Database {
    /// Reads `--database`: `sqlite://PATH`, `sqlite:PATH`, or `postgres://…`/`postgresql://…`
    /// without a password.
    pub fn parse(text: &str) -> Result<Database, String> {
        let text = text.trim();
        if let Some(path) = text
            .strip_prefix("sqlite://")
            .or_else(|| text.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                return Err("--database sqlite://PATH needs a file path".into());
            }
            return Ok(Database::Sqlite(PathBuf::from(path)));
        }
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            if has_password(text) {
                return Err(
                    "--database: put no password in the URL (command lines are visible to \
                     other users of the machine); set RAPPORT_DATABASE_PASSWORD instead"
                        .into(),
                );
            }
            let options = PgConnectOptions::from_str(text)
                .map_err(|e| format!("--database: not a PostgreSQL URL ({e})"))?;
            let host = options.get_host();
            let local = options.get_socket().is_some()
                || host.starts_with('/')
                || host == "localhost"
                || host
                    .trim_matches(['[', ']'])
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback());
            let verified = matches!(
                options.get_ssl_mode(),
                sqlx::postgres::PgSslMode::VerifyFull | sqlx::postgres::PgSslMode::VerifyCa
            );
            if !local && !verified {
                return Err(format!(
                    "--database: {host} is another machine: add sslmode=verify-full to the URL \
                     (without it answers and the password could cross the network in clear, or \
                     to a server that is not yours)"
                ));
            }
            return Ok(Database::Postgres(text.to_owned()));
        }
        Err(format!(
            "--database: \"{}\" is neither sqlite://PATH nor postgres://USER@HOST/DB",
            text.chars().take(40).collect::<String>()
        ))
    }

    /// The SQLite file, if this is one.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            Database::Sqlite(p) => Some(p),
            Database::Postgres(_) => None,
        }
    }
}

/// Whether a PostgreSQL URL carries a password (`user:password@` or `?password=`).
fn has_password(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    let userinfo_has_colon = authority
        .rsplit_once('@')
        .is_some_and(|(userinfo, _)| userinfo.contains(':'));
    let query_has_password = url.split_once('?').is_some_and(|(_, q)| {
        q.split('&')
            .any(|kv| kv.split('=').next() == Some("password"))
    });
    userinfo_has_colon || query_has_password
}

impl fmt::Display for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Database::Sqlite(p) => write!(f, "sqlite://{}", p.display()),
            Database::Postgres(url) => f.write_str(url),
        }
    }
}

impl fmt::Debug for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// What the receiver answers when it has stored an envelope (and again on every replay).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Receipt {
    /// The record's id (a UUID v4).
    pub id: String,
    /// The key the envelope came with.
    pub idempotency_key: String,
    /// When the receiver stored it (RFC 3339, UTC).
    pub received_at: String,
}

/// An envelope to store. Its `Debug` leaves the envelope out: it holds answers.
#[derive(Clone)]
pub struct NewRecord {
    /// The `Idempotency-Key`.
    pub idempotency_key: String,
    /// Hex SHA-256 of the canonical envelope JSON.
    pub body_sha256: String,
    /// `instrument.id` of the envelope.
    pub instrument_id: String,
    /// `instrument.version` of the envelope.
    pub instrument_version: String,
    /// `language.tag` of the envelope.
    pub language: String,
    /// The canonical envelope JSON.
    pub envelope: String,
    /// Whether the envelope was checked against a known definition.
    pub verified: bool,
    /// Whom the record is filed under (the subject token's `iss` and `sub`), if anyone.
    pub subject: Option<Subject>,
    /// The envelope's scores, as JSON.
    pub scores: String,
    /// The envelope's flags, as JSON: stored unless [`NewRecord::history`] makes others.
    pub flags: String,
    /// Where the previous scores behind [`NewRecord::flags`] came from (`browser`), if any.
    pub previous_scores_from: Option<&'static str>,
    /// For a verified subject: the flags from the subject's previous stored scores of the same
    /// instrument (none: empty), computed inside the insert's transaction and stored instead of
    /// the envelope's, with `receiver` as where the previous scores came from.
    pub history: Option<History>,
}

/// Flags from previous scores (the subject's latest stored ones), as JSON.
pub type History = Arc<dyn Fn(&PreviousScores) -> String + Send + Sync>;

/// A stored record. Its `Debug` leaves the envelope out: it holds answers.
#[derive(Clone)]
pub struct Record {
    /// Its receipt.
    pub receipt: Receipt,
    /// Whether it was checked against a known definition.
    pub verified: bool,
    /// The envelope as stored.
    pub envelope: Value,
    /// Whom it is filed under, if anyone.
    pub subject: Option<Subject>,
    /// The flags the receiver stands by (JSON; `null` when unknown).
    pub flags: Value,
    /// Where the previous scores behind the flags came from: `receiver`, `browser` or none.
    pub previous_scores_from: Option<String>,
}

impl fmt::Debug for NewRecord {
    // Redacted on purpose: answers must never reach logs or panic messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewRecord")
            .field("idempotency_key", &self.idempotency_key)
            .field("body_sha256", &self.body_sha256)
            .field("instrument_id", &self.instrument_id)
            .field("instrument_version", &self.instrument_version)
            .field("language", &self.language)
            .field("envelope", &format_args!("<redacted>"))
            .field("verified", &self.verified)
            .field("subject", &self.subject)
            .field("previous_scores_from", &self.previous_scores_from)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for Record {
    // Redacted on purpose: answers must never reach logs or panic messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Record")
            .field("receipt", &self.receipt)
            .field("verified", &self.verified)
            .field("envelope", &format_args!("<redacted>"))
            .field("subject", &self.subject)
            .field("previous_scores_from", &self.previous_scores_from)
            .finish_non_exhaustive()
    }
}

/// One row of the audit: who did what to which records, from where, and how it ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who: `admin-token`, `demo` (anyone, with `--demo`) or `retention`.
    pub actor: String,
    /// What: `list`, `read`, `erase`, `retention`, `audit-read`.
    pub action: String,
    /// The method and route, e.g. `GET /api/responses`.
    pub route: String,
    /// The ids of the records it touched.
    pub records: Vec<String>,
    /// How many records it touched (when their ids are not listed, e.g. a refused request: 0).
    pub count: usize,
    /// The client's address, or `-`.
    pub client: String,
    /// `ok`, `refused` (with the HTTP status) or `failed`.
    pub outcome: String,
}

/// A clinician's session (`clinician_sessions`): who signed in, until when. The browser holds
/// the session id; the database only its SHA-256.
#[derive(Clone, PartialEq, Eq)]
pub struct ClinicianSession {
    /// SHA-256 of the session id, lower-case hex.
    pub id_sha256: String,
    /// The configured claim's value (`--clinician-claim`), matched against `care_team`.
    pub clinician_id: String,
    /// The name to show.
    pub name: String,
    /// A member of `--clinic-wide-group`: sees every patient.
    pub whole_clinic: bool,
    /// The token every state-changing form of this session carries.
    pub csrf: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub expires_at: i64,
}

impl std::fmt::Debug for ClinicianSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClinicianSession")
            .field("clinician_id", &self.clinician_id)
            .field("whole_clinic", &self.whole_clinic)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// A subject's latest record of one instrument, without the envelope: see
/// [`Store::latest_by_subject`]. Its `Debug` shows only who.
#[derive(Clone)]
pub struct SubjectLatest {
    /// The portal (`iss`).
    pub system: String,
    /// The portal's pseudonymous id (`sub`).
    pub value: String,
    /// The portal's display label, if any.
    pub name: Option<String>,
    /// Who may see these answers.
    pub care_team: Vec<String>,
    /// The instrument.
    pub instrument_id: Option<String>,
    /// Scores (JSON array of `{id, value, answered, items}`), or null.
    pub scores: Value,
    /// Flags the receiver stands by (JSON array of `{id, score}`), or null.
    pub flags: Value,
    /// When it arrived (RFC 3339, UTC).
    pub received_at: String,
}

impl std::fmt::Debug for SubjectLatest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SubjectLatest")
            .field("system", &self.system)
            .field("value", &self.value)
            .field("instrument_id", &self.instrument_id)
            .finish_non_exhaustive()
    }
}

/// One stored record of a subject, for the clinician's page of one patient: see
/// [`Store::subject_records`]. Holds the envelope (answers): its `Debug` shows only the id,
/// instrument and when.
#[derive(Clone)]
pub struct SubjectRecord {
    /// The record's id (from its receipt).
    pub id: String,
    /// When it arrived (RFC 3339, UTC).
    pub received_at: String,
    /// The instrument.
    pub instrument_id: Option<String>,
    /// The instrument's version.
    pub instrument_version: Option<String>,
    /// The language the patient answered in.
    pub language: Option<String>,
    /// Scores (JSON array of `{id, value, answered, items}`), or null.
    pub scores: Value,
    /// Flags the receiver stands by (JSON array of `{id, score}`), or null.
    pub flags: Value,
    /// The envelope as stored (its `questionnaireResponse` holds the answers).
    pub envelope: Value,
}

impl std::fmt::Debug for SubjectRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SubjectRecord")
            .field("id", &self.id)
            .field("instrument_id", &self.instrument_id)
            .field("received_at", &self.received_at)
            .finish_non_exhaustive()
    }
}

/// The result of [`Store::insert`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new row was stored.
    Created(Receipt),
    /// The key was already stored with the same body: the stored receipt.
    Replayed(Receipt),
    /// The key was already stored with another body.
    KeyReused,
}

/// A storage failure. Its texts name tables, constraints and versions, never stored values.
#[derive(Debug)]
pub enum StoreError {
    /// The database refused or could not be reached.
    Database(sqlx::Error),
    /// A migration failed.
    Migrate(MigrateError),
    /// The database has migrations this receiver does not know: a newer receiver ran on it.
    NewerSchema {
        /// The newest version in the database.
        found: i64,
        /// The newest version this receiver knows.
        known: i64,
    },
    /// A stored value could not be read back.
    Corrupt(String),
    /// The SQLite file was deleted or replaced since the receiver opened it.
    FileReplaced(PathBuf),
    /// An SQLite file (or its journal) that other users of the machine may read.
    NotPrivate {
        /// The file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The SQLite file could not be created or inspected.
    File {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

impl StoreError {
    /// Whether trying again later may work (busy, locked, unreachable, out of connections):
    /// answered `503` with `Retry-After`, never a `2xx`.
    pub fn is_transient(&self) -> bool {
        let e = match self {
            StoreError::Database(e) => e,
            // Not healed by waiting, but the client must keep the answers and try again once
            // the operator has restarted the receiver: 503, never 2xx or a final refusal.
            StoreError::FileReplaced(_) => return true,
            _ => return false,
        };
        match e {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed => true,
            sqlx::Error::Database(db) => {
                let code = db.code().unwrap_or_default();
                // SQLite: BUSY (5), LOCKED (6) and their extended codes (low byte 5 or 6),
                // READONLY (8) while a file is being replaced, IOERR (10) and FULL (13) on a
                // full or failing disk. PostgreSQL: connection exceptions (08…), serialization
                // failures and deadlocks (40…), out of disk or memory (53…), shutting down
                // (57P01–57P03), a read-only database or replica (25006). All pass once the
                // operator has acted: the client keeps the answers and tries again.
                let sqlite = code
                    .parse::<u32>()
                    .is_ok_and(|n| matches!(n & 0xff, 5 | 6 | 8 | 10 | 13));
                sqlite
                    || code.starts_with("08")
                    || code.starts_with("40")
                    || code.starts_with("53")
                    || code.starts_with("57P")
                    || code == "25006"
            }
            _ => false,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Database(e) => write!(f, "database: {e}"),
            StoreError::Migrate(e) => write!(f, "migration: {e}"),
            StoreError::NewerSchema { found, known } => write!(
                f,
                "the database's schema is at version {found}, newer than this receiver's \
                 {known}: a newer rapport-receiver has migrated it. Run that version (or newer), \
                 or restore a backup taken before the upgrade"
            ),
            StoreError::Corrupt(m) => write!(f, "corrupt record: {m}"),
            StoreError::NotPrivate { path, mode } => write!(
                f,
                "{} can be read by other users of this machine (mode {mode:03o}); it holds \
                 patients' answers. Run `chmod 600 {}` (and its -wal and -shm files), then \
                 start again",
                path.display(),
                path.display()
            ),
            StoreError::File { path, source } => write!(f, "{}: {source}", path.display()),
            StoreError::FileReplaced(path) => write!(
                f,
                "the database file {} was deleted or replaced after the receiver opened it; \
                 nothing more is written to it. Restart the receiver (and find out what \
                 replaced the file)",
                path.display()
            ),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        StoreError::Database(e)
    }
}

/// The records, behind one of two native connection pools.
#[derive(Clone)]
pub enum Store {
    /// The embedded default.
    Sqlite(SqliteStore),
    /// For clinics that outgrow one machine, and for several receivers at once.
    Postgres(PgPool),
}

/// An SQLite pool and the file it was opened as.
#[derive(Clone)]
pub struct SqliteStore {
    /// The pool.
    pub pool: SqlitePool,
    path: PathBuf,
    opened: Option<FileIdentity>,
}

/// Which file an SQLite database was opened as (device and inode), to notice when the file at
/// its path is deleted or replaced under a running receiver: SQLite would go on writing to the
/// unlinked file, and every `201` would go into a file nobody will open again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileIdentity {
    dev: u64,
    ino: u64,
}

impl FileIdentity {
    /// The identity of the file at `path` now, if there is one.
    pub fn of(path: &Path) -> Option<FileIdentity> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(path).ok().map(|m| FileIdentity {
                dev: m.dev(),
                ino: m.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            std::fs::metadata(path)
                .ok()
                .map(|_| FileIdentity { dev: 0, ino: 0 })
        }
    }
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Store::Sqlite(_) => "Store::Sqlite",
            Store::Postgres(_) => "Store::Postgres",
        })
    }
}

/// Runs the same query code against whichever pool the store has (the SQL text is the same on
/// both engines; `$1` placeholders work in SQLite too).
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match $store {
            Store::Sqlite(SqliteStore { pool: $pool, .. }) => $body,
            Store::Postgres($pool) => $body,
        }
    };
}

const INSERT: &str = "INSERT INTO responses (id, idempotency_key, body_sha256, instrument_id,
         instrument_version, language, received_at, receipt, envelope, verified,
         subject_system, subject_value, subject_verified, subject_name, subject_care_team,
         subject_episode, scores, flags, previous_scores_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
             $19)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING seq";

/// The scores of the subject's latest verified record of the instrument before `seq`.
const PREVIOUS_SCORES: &str = "SELECT scores FROM responses
     WHERE subject_system = $1 AND subject_value = $2 AND subject_verified
       AND instrument_id = $3 AND seq < $4
     ORDER BY seq DESC LIMIT 1";

const SET_FLAGS: &str =
    "UPDATE responses SET flags = $1, previous_scores_from = 'receiver' WHERE seq = $2";

/// The columns a [`Record`] is read from.
const RECORD_COLUMNS: &str = "receipt, verified, envelope, subject_system, subject_value,
     subject_verified, subject_name, subject_care_team, subject_episode, flags,
     previous_scores_from";

const AUDIT_INSERT: &str =
    "INSERT INTO audit (at, actor, action, route, records, count, client, outcome)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

/// What [`Store::erase`] deletes.
#[derive(Clone, Copy, Debug)]
pub enum Erase<'a> {
    /// The record with this id or idempotency key.
    IdOrKey(&'a str),
    /// Every record received before this time (RFC 3339, UTC, as `received_at` is written).
    ReceivedBefore(&'a str),
    /// Every record of the subject with this system (`iss`) and value (`sub`), verified or not.
    Subject(&'a str, &'a str),
}

/// An audit row's `records` as JSON text and its `count`.
fn audit_fields(entry: &AuditEntry) -> Result<(String, i64), StoreError> {
    let records = serde_json::to_string(&entry.records)
        .map_err(|e| StoreError::Corrupt(format!("audit records: {e}")))?;
    let count = i64::try_from(entry.records.len().max(entry.count)).unwrap_or(i64::MAX);
    Ok((records, count))
}

const FIND: &str = "SELECT body_sha256, receipt FROM responses WHERE idempotency_key = $1";

impl Store {
    /// Connects to `database` (creating an SQLite file if missing) and brings its schema up to
    /// date. `password` is PostgreSQL's, from the environment.
    pub async fn open(database: &Database, password: Option<&str>) -> Result<Store, StoreError> {
        let store = Store::connect(database, password).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Connects without migrating (for `migrate` and for tests that look at old databases).
    pub async fn connect(database: &Database, password: Option<&str>) -> Result<Store, StoreError> {
        match database {
            Database::Sqlite(path) => {
                private_file(path)?;
                let options = SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .busy_timeout(Duration::from_secs(5))
                    .foreign_keys(true)
                    // Deleted answers are overwritten with zeros, not left in free pages.
                    .pragma("secure_delete", "on");
                let pool = SqlitePoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .connect_with(options)
                    .await?;
                Ok(Store::Sqlite(SqliteStore {
                    pool,
                    path: path.clone(),
                    opened: FileIdentity::of(path),
                }))
            }
            Database::Postgres(url) => {
                let mut options =
                    PgConnectOptions::from_str(url)?.application_name("rapport-receiver");
                if let Some(pw) = password {
                    options = options.password(pw);
                }
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .connect_with(options)
                    .await?;
                Ok(Store::Postgres(pool))
            }
        }
    }

    /// Applies the migrations this receiver has and the database lacks; refuses a database
    /// with migrations it does not know. Returns the versions applied now.
    pub async fn migrate(&self) -> Result<Vec<i64>, StoreError> {
        let (migrator, applied) = match self {
            Store::Sqlite(SqliteStore { pool, .. }) => {
                // Receivers from before versioned migrations kept their schema version in
                // `PRAGMA user_version` (1 = the `responses` table of migration 1).
                let legacy: i64 = sqlx::query_scalar("PRAGMA user_version")
                    .fetch_one(pool)
                    .await?;
                if legacy > 1 {
                    return Err(StoreError::NewerSchema {
                        found: legacy,
                        known: latest(&SQLITE_MIGRATIONS),
                    });
                }
                (&SQLITE_MIGRATIONS, self.applied_versions().await?)
            }
            Store::Postgres(_) => (&POSTGRES_MIGRATIONS, self.applied_versions().await?),
        };
        let known = latest(migrator);
        if let Some(found) = applied.iter().copied().filter(|v| *v > known).max() {
            return Err(StoreError::NewerSchema { found, known });
        }
        let result = match self {
            Store::Sqlite(SqliteStore { pool, .. }) => migrator.run(pool).await,
            Store::Postgres(pool) => migrator.run(pool).await,
        };
        match result {
            Ok(()) => {}
            Err(MigrateError::VersionMissing(found)) => {
                return Err(StoreError::NewerSchema { found, known })
            }
            Err(e) => return Err(StoreError::Migrate(e)),
        }
        let now = self.applied_versions().await?;
        Ok(now.into_iter().filter(|v| !applied.contains(v)).collect())
    }

    /// The migration versions recorded in the database (none before the first migration).
    pub async fn applied_versions(&self) -> Result<Vec<i64>, StoreError> {
        let exists_sql = match self {
            Store::Sqlite(_) => {
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'"
            }
            Store::Postgres(_) => {
                "SELECT COUNT(*) FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'"
            }
        };
        let exists: i64 =
            on_pool!(self, pool => sqlx::query_scalar(exists_sql).fetch_one(pool).await?);
        if exists == 0 {
            return Ok(Vec::new());
        }
        let versions: Vec<i64> = on_pool!(self, pool => {
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
                .fetch_all(pool)
                .await?
        });
        Ok(versions)
    }

    /// The newest schema version this receiver knows for its backend.
    pub fn known_version(&self) -> i64 {
        match self {
            Store::Sqlite(_) => latest(&SQLITE_MIGRATIONS),
            Store::Postgres(_) => latest(&POSTGRES_MIGRATIONS),
        }
    }

    /// The body hash and receipt stored under `key`, if any.
    pub async fn find(&self, key: &str) -> Result<Option<(String, Receipt)>, StoreError> {
        // A replay answered from a file that was replaced would promise a record nobody keeps.
        self.check_file()?;
        let row: Option<(String, String)> = on_pool!(self, pool => {
            sqlx::query_as(FIND).bind(key).fetch_optional(pool).await?
        });
        row.map(|(hash, receipt)| Ok((hash, parse_receipt(&receipt)?)))
            .transpose()
    }

    /// Whether the SQLite file at the path is still the one that was opened (always true for
    /// PostgreSQL).
    pub fn check_file(&self) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(s) if FileIdentity::of(&s.path) != s.opened => {
                Err(StoreError::FileReplaced(s.path.clone()))
            }
            _ => Ok(()),
        }
    }

    /// Ready to store: the database answers, its file is the one opened, and its schema is the
    /// one this receiver knows (`/readyz`).
    pub async fn ready(&self) -> Result<(), StoreError> {
        self.check_file()?;
        let applied = self.applied_versions().await?;
        let known = self.known_version();
        match applied.iter().copied().max() {
            Some(v) if v == known => Ok(()),
            Some(v) if v > known => Err(StoreError::NewerSchema { found: v, known }),
            found => Err(StoreError::Corrupt(format!(
                "the schema is at version {}, not {known}: run `rapport-receiver migrate`",
                found.unwrap_or(0)
            ))),
        }
    }

    /// Stores `record` with `receipt` unless its key is already stored: one statement, so two
    /// racing requests (in this process or in two receivers on one PostgreSQL) store one row,
    /// and the second is told which.
    pub async fn insert(
        &self,
        record: &NewRecord,
        receipt: Receipt,
    ) -> Result<Outcome, StoreError> {
        self.check_file()?;
        let receipt_json = serde_json::to_string(&receipt)
            .map_err(|e| StoreError::Corrupt(format!("receipt: {e}")))?;
        // An explicit transaction, so that the commit's own error (a full disk, a lost
        // connection) is seen: reading the RETURNING row alone would report success before the
        // statement had finished and committed (SQLite commits an implicit transaction only
        // when the statement is stepped to its end).
        let subject = record.subject.as_ref();
        let care_team = subject
            .and_then(|s| s.care_team.as_ref())
            .map(|t| serde_json::to_string(t).unwrap_or_else(|_| "[]".into()));
        let postgres = matches!(self, Store::Postgres(_));
        let inserted: Vec<i64> = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            if let (true, Some(_), Some(s)) = (postgres, &record.history, subject) {
                // One subject's records are filed one at a time, so that each is compared with
                // the one before it (SQLite: the INSERT below takes the database's write lock).
                sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 15))")
                    .bind(format!("{}\n{}", s.system, s.value))
                    .execute(&mut *tx)
                    .await?;
            }
            let seqs: Vec<i64> = sqlx::query_scalar(INSERT)
                .bind(&receipt.id)
                .bind(&record.idempotency_key)
                .bind(&record.body_sha256)
                .bind(&record.instrument_id)
                .bind(&record.instrument_version)
                .bind(&record.language)
                .bind(&receipt.received_at)
                .bind(&receipt_json)
                .bind(&record.envelope)
                .bind(record.verified)
                .bind(subject.map(|s| s.system.as_str()))
                .bind(subject.map(|s| s.value.as_str()))
                .bind(subject.is_some_and(|s| s.verified))
                .bind(subject.and_then(|s| s.name.as_deref()))
                .bind(care_team.as_deref())
                .bind(subject.and_then(|s| s.episode.as_deref()))
                .bind(&record.scores)
                .bind(&record.flags)
                .bind(record.previous_scores_from)
                .fetch_all(&mut *tx)
                .await?;
            if let (Some(history), Some(s), Some(seq)) = (&record.history, subject, seqs.first()) {
                let before: Option<Option<String>> = sqlx::query_scalar(PREVIOUS_SCORES)
                    .bind(&s.system)
                    .bind(&s.value)
                    .bind(&record.instrument_id)
                    .bind(seq)
                    .fetch_optional(&mut *tx)
                    .await?;
                let previous = previous_scores(before.flatten().as_deref());
                sqlx::query(SET_FLAGS)
                    .bind(history(&previous))
                    .bind(seq)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            seqs
        });
        // Replaced while this was being written: the row went into the old file; the client's
        // retry stores it again once the receiver runs on the new one.
        self.check_file()?;
        if !inserted.is_empty() {
            return Ok(Outcome::Created(receipt));
        }
        // The key was there: a replay or a reused key. The row is committed (ON CONFLICT waited
        // for a racing insert to finish), so it is visible now.
        match self.find(&record.idempotency_key).await? {
            Some((hash, stored)) if hash == record.body_sha256 => Ok(Outcome::Replayed(stored)),
            Some(_) => Ok(Outcome::KeyReused),
            None => Err(StoreError::Corrupt(
                "the idempotency key conflicted but no row has it".into(),
            )),
        }
    }

    /// Up to `limit` records that arrived after the one at `after` (a cursor from a previous
    /// page; `None` for the first), in order of arrival, each with its cursor.
    pub async fn page(
        &self,
        after: Option<i64>,
        limit: u32,
    ) -> Result<Vec<(i64, Record)>, StoreError> {
        // On PostgreSQL `seq` is handed out at insert and transactions may commit out of order,
        // so a row can appear behind a cursor a moment after a reader passed it (README: an
        // export that must see everything re-reads from a cursor a little behind its last one).
        let sql = format!(
            "SELECT seq, {RECORD_COLUMNS} FROM responses WHERE seq > $1 ORDER BY seq LIMIT $2"
        );
        let rows: Vec<(i64, RecordRow)> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(after.unwrap_or(0))
                .bind(i64::from(limit))
                .fetch_all(pool)
                .await?
                .into_iter()
                .map(split_seq)
                .collect()
        });
        rows.into_iter()
            .map(|(cursor, row)| Ok((cursor, to_record(row)?)))
            .collect()
    }

    /// Deletes what `which` names and, in the same transaction, appends the audit row that
    /// `audit` makes of the ids deleted (none: nothing is audited). Either both are done or
    /// neither; the ids deleted.
    pub async fn erase(
        &self,
        which: Erase<'_>,
        audit: impl FnOnce(&[String]) -> Option<AuditEntry>,
    ) -> Result<Vec<String>, StoreError> {
        self.check_file()?;
        let (sql, arg, arg2) = match which {
            Erase::IdOrKey(v) => (
                "DELETE FROM responses WHERE id = $1 OR idempotency_key = $1 RETURNING id",
                v,
                None,
            ),
            Erase::ReceivedBefore(cutoff) => (
                "DELETE FROM responses WHERE received_at < $1 RETURNING id",
                cutoff,
                None,
            ),
            Erase::Subject(system, value) => (
                "DELETE FROM responses WHERE subject_system = $1 AND subject_value = $2 \
                 RETURNING id",
                system,
                Some(value),
            ),
        };
        let ids: Vec<String> = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let mut query = sqlx::query_scalar(sql).bind(arg);
            if let Some(second) = arg2 {
                query = query.bind(second);
            }
            let ids: Vec<String> = query.fetch_all(&mut *tx).await?;
            if let Some(entry) = audit(&ids) {
                let (records, count) = audit_fields(&entry)?;
                sqlx::query(AUDIT_INSERT)
                    .bind(&entry.at)
                    .bind(&entry.actor)
                    .bind(&entry.action)
                    .bind(&entry.route)
                    .bind(&records)
                    .bind(count)
                    .bind(&entry.client)
                    .bind(&entry.outcome)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            ids
        });
        Ok(ids)
    }

    /// Appends one row to the audit.
    pub async fn audit(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        self.check_file()?;
        let (records, count) = audit_fields(entry)?;
        on_pool!(self, pool => {
            sqlx::query(AUDIT_INSERT)
                .bind(&entry.at)
                .bind(&entry.actor)
                .bind(&entry.action)
                .bind(&entry.route)
                .bind(&records)
                .bind(count)
                .bind(&entry.client)
                .bind(&entry.outcome)
                .execute(pool)
                .await
                .map(|_| ())?
        });
        Ok(())
    }

    /// Up to `limit` audit rows after the cursor `after`, oldest first, each with its cursor.
    pub async fn audit_page(
        &self,
        after: Option<i64>,
        limit: u32,
    ) -> Result<Vec<(i64, AuditEntry)>, StoreError> {
        type Row = (
            i64,
            String,
            String,
            String,
            String,
            String,
            i64,
            String,
            String,
        );
        let rows: Vec<Row> = on_pool!(self, pool => {
            sqlx::query_as(
                "SELECT seq, at, actor, action, route, records, count, client, outcome
                 FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2",
            )
            .bind(after.unwrap_or(0))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(
                |(seq, at, actor, action, route, records, count, client, outcome)| {
                    let records = serde_json::from_str(&records)
                        .map_err(|e| StoreError::Corrupt(format!("audit records: {e}")))?;
                    Ok((
                        seq,
                        AuditEntry {
                            at,
                            actor,
                            action,
                            route,
                            records,
                            count: usize::try_from(count).unwrap_or(0),
                            client,
                            outcome,
                        },
                    ))
                },
            )
            .collect()
    }

    /// Every record, in order of arrival.
    pub async fn list(&self) -> Result<Vec<Record>, StoreError> {
        let sql = format!("SELECT {RECORD_COLUMNS} FROM responses ORDER BY seq");
        let rows: Vec<RecordTuple> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await?
        });
        rows.into_iter().map(|r| to_record(r.into())).collect()
    }

    /// The record with this id.
    pub async fn get(&self, id: &str) -> Result<Option<Record>, StoreError> {
        let sql = format!("SELECT {RECORD_COLUMNS} FROM responses WHERE id = $1");
        let row: Option<RecordTuple> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        row.map(|r| to_record(r.into())).transpose()
    }

    /// How many records are stored.
    pub async fn count(&self) -> Result<i64, StoreError> {
        let n: i64 = on_pool!(self, pool => {
            sqlx::query("SELECT COUNT(*) FROM responses")
                .fetch_one(pool)
                .await?
                .try_get(0)?
        });
        Ok(n)
    }

    /// Stores a clinician's new session (by the SHA-256 of its id) and deletes the expired
    /// ones.
    pub async fn create_session(&self, session: &ClinicianSession) -> Result<(), StoreError> {
        self.check_file()?;
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM clinician_sessions WHERE expires_at <= $1")
                .bind(session.created_at)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO clinician_sessions (id_sha256, clinician_id, name, whole_clinic,
                 csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&session.id_sha256)
            .bind(&session.clinician_id)
            .bind(&session.name)
            .bind(session.whole_clinic)
            .bind(&session.csrf)
            .bind(session.created_at)
            .bind(session.expires_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?
        });
        Ok(())
    }

    /// The session whose id hashes to `id_sha256`, if it has not expired at `now` (Unix
    /// seconds).
    pub async fn session(
        &self,
        id_sha256: &str,
        now: i64,
    ) -> Result<Option<ClinicianSession>, StoreError> {
        self.check_file()?;
        type Row = (String, String, String, bool, String, i64, i64);
        let row: Option<Row> = on_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id_sha256, clinician_id, name, whole_clinic, csrf, created_at, expires_at
                 FROM clinician_sessions WHERE id_sha256 = $1 AND expires_at > $2",
            )
            .bind(id_sha256)
            .bind(now)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(
            |(id_sha256, clinician_id, name, whole_clinic, csrf, created_at, expires_at)| {
                ClinicianSession {
                    id_sha256,
                    clinician_id,
                    name,
                    whole_clinic,
                    csrf,
                    created_at,
                    expires_at,
                }
            },
        ))
    }

    /// Deletes the session whose id hashes to `id_sha256`; whether there was one.
    pub async fn delete_session(&self, id_sha256: &str) -> Result<bool, StoreError> {
        self.check_file()?;
        let n = on_pool!(self, pool => {
            sqlx::query("DELETE FROM clinician_sessions WHERE id_sha256 = $1")
                .bind(id_sha256)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(n > 0)
    }

    /// The latest record of every subject and instrument, for the clinician's caseload: no
    /// envelope (no answers), only who, when, scores and flags. Oldest first.
    pub async fn latest_by_subject(&self) -> Result<Vec<SubjectLatest>, StoreError> {
        self.check_file()?;
        type Row = (
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
        );
        let rows: Vec<Row> = on_pool!(self, pool => {
            sqlx::query_as(
                "SELECT r.subject_system, r.subject_value, r.subject_name, r.subject_care_team,
                        r.instrument_id, r.scores, r.flags, r.received_at
                 FROM responses r
                 WHERE r.subject_value IS NOT NULL AND r.seq = (
                     SELECT MAX(l.seq) FROM responses l
                     WHERE l.subject_system = r.subject_system
                       AND l.subject_value = r.subject_value
                       AND COALESCE(l.instrument_id, '') = COALESCE(r.instrument_id, ''))
                 ORDER BY r.seq",
            )
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(
                |(system, value, name, care_team, instrument_id, scores, flags, received_at)| {
                    let json = |what: &str, text: Option<String>| match text {
                        None => Ok(Value::Null),
                        Some(t) => serde_json::from_str::<Value>(&t)
                            .map_err(|e| StoreError::Corrupt(format!("{what}: {e}"))),
                    };
                    let care_team = match care_team {
                        None => Vec::new(),
                        Some(t) => serde_json::from_str(&t)
                            .map_err(|e| StoreError::Corrupt(format!("care team: {e}")))?,
                    };
                    Ok(SubjectLatest {
                        system,
                        value,
                        name,
                        care_team,
                        instrument_id,
                        scores: json("scores", scores)?,
                        flags: json("flags", flags)?,
                        received_at,
                    })
                },
            )
            .collect()
    }

    /// Closes the pool's connections.
    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await)
    }

    /// Every record filed under a subject, oldest first, for the clinician's alerts: no
    /// envelope (no answers), only its id, who, which instrument, when, scores and flags.
    pub async fn filed_records(&self) -> Result<Vec<FiledRecord>, StoreError> {
        self.check_file()?;
        type Row = (
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
        );
        let rows: Vec<Row> = on_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, subject_system, subject_value, subject_name, subject_care_team,
                        instrument_id, instrument_version, scores, flags, received_at
                 FROM responses
                 WHERE subject_system IS NOT NULL AND subject_value IS NOT NULL
                 ORDER BY seq",
            )
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(
                |(
                    id,
                    system,
                    value,
                    name,
                    care_team,
                    instrument_id,
                    instrument_version,
                    scores,
                    flags,
                    received_at,
                )| {
                    let json = |what: &str, text: Option<String>| match text {
                        None => Ok(Value::Null),
                        Some(t) => serde_json::from_str::<Value>(&t)
                            .map_err(|e| StoreError::Corrupt(format!("{what}: {e}"))),
                    };
                    let care_team = match care_team {
                        None => Vec::new(),
                        Some(t) => serde_json::from_str(&t)
                            .map_err(|e| StoreError::Corrupt(format!("care team: {e}")))?,
                    };
                    Ok(FiledRecord {
                        id,
                        system,
                        value,
                        name,
                        care_team,
                        instrument_id,
                        instrument_version,
                        scores: json("scores", scores)?,
                        flags: json("flags", flags)?,
                        received_at,
                    })
                },
            )
            .collect()
    }

    /// Stores a review of an alert; false when that alert was already reviewed (the first
    /// review stands, so a double submit is one review).
    pub async fn review_alert(&self, review: &AlertReview) -> Result<bool, StoreError> {
        self.check_file()?;
        let n = on_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO alert_reviews (record_id, kind, flag_id, reviewer_id, reviewer_name,
                 reviewed_at, note) VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (record_id, kind, flag_id) DO NOTHING",
            )
            .bind(&review.record_id)
            .bind(&review.kind)
            .bind(&review.flag_id)
            .bind(&review.reviewer_id)
            .bind(&review.reviewer_name)
            .bind(&review.reviewed_at)
            .bind(&review.note)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(n > 0)
    }

    /// Every alert review, newest first.
    pub async fn alert_reviews(&self) -> Result<Vec<AlertReview>, StoreError> {
        self.check_file()?;
        type Row = (String, String, String, String, String, String, String);
        let rows: Vec<Row> = on_pool!(self, pool => {
            sqlx::query_as(
                "SELECT record_id, kind, flag_id, reviewer_id, reviewer_name, reviewed_at, note
                 FROM alert_reviews ORDER BY seq DESC",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(record_id, kind, flag_id, reviewer_id, reviewer_name, reviewed_at, note)| {
                    AlertReview {
                        record_id,
                        kind,
                        flag_id,
                        reviewer_id,
                        reviewer_name,
                        reviewed_at,
                        note,
                    }
                },
            )
            .collect())
    }

    /// Every record of the subject `system` / `value`, oldest first, with its envelope: for
    /// the clinician's page of one patient (the caller checks the viewer and audits the read).
    pub async fn subject_records(
        &self,
        system: &str,
        value: &str,
    ) -> Result<Vec<SubjectRecord>, StoreError> {
        self.check_file()?;
        type Row = (
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
        );
        let rows: Vec<Row> = on_pool!(self, pool => {
            sqlx::query_as(
                "SELECT receipt, received_at, instrument_id, instrument_version, language,
                        scores, flags, envelope
                 FROM responses
                 WHERE subject_system = $1 AND subject_value = $2
                 ORDER BY seq",
            )
            .bind(system)
            .bind(value)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(
                |(
                    receipt,
                    received_at,
                    instrument_id,
                    instrument_version,
                    language,
                    scores,
                    flags,
                    envelope,
                )| {
                    let json = |what: &str, text: Option<&str>| match text {
                        None => Ok(Value::Null),
                        Some(t) => serde_json::from_str::<Value>(t)
                            .map_err(|e| StoreError::Corrupt(format!("{what}: {e}"))),
                    };
                    Ok(SubjectRecord {
                        id: parse_receipt(&receipt)?.id,
                        received_at,
                        instrument_id,
                        instrument_version,
                        language,
                        scores: json("scores", scores.as_deref())?,
                        flags: json("flags", flags.as_deref())?,
                        envelope: json("envelope", Some(&envelope))?,
                    })
                },
            )
            .collect()
    }

    /// Every record filed under a subject whose envelope names `instrument_id` (any version),
    /// in order of arrival, each with its cursor: the clinician's CSV export
    /// (`src/clinician/export.rs`) reads these and keeps the viewer's patients.
    pub async fn export_instrument_records(
        &self,
        instrument_id: &str,
    ) -> Result<Vec<(i64, Record)>, StoreError> {
        self.check_file()?;
        let sql = format!(
            "SELECT seq, {RECORD_COLUMNS} FROM responses
             WHERE instrument_id = $1 AND subject_value IS NOT NULL ORDER BY seq"
        );
        let rows: Vec<(i64, RecordRow)> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(instrument_id)
                .fetch_all(pool)
                .await?
                .into_iter()
                .map(split_seq)
                .collect()
        });
        rows.into_iter()
            .map(|(cursor, row)| Ok((cursor, to_record(row)?)))
            .collect()
    }

    /// Every record of the subject `system` / `value` (verified or not), in order of arrival:
    /// the clinician's FHIR Bundle export.
    pub async fn export_subject_records(
        &self,
        system: &str,
        value: &str,
    ) -> Result<Vec<Record>, StoreError> {
        self.check_file()?;
        let sql = format!(
            "SELECT seq, {RECORD_COLUMNS} FROM responses
             WHERE subject_system = $1 AND subject_value = $2 ORDER BY seq"
        );
        let rows: Vec<(i64, RecordRow)> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(system)
                .bind(value)
                .fetch_all(pool)
                .await?
                .into_iter()
                .map(split_seq)
                .collect()
        });
        rows.into_iter().map(|(_, row)| to_record(row)).collect()
    }
}

/// A record filed under a subject, without the envelope: see [`Store::filed_records`]. Its
/// `Debug` shows only which record and who.
#[derive(Clone)]
pub struct FiledRecord {
    /// The record's id.
    pub id: String,
    /// The portal (`iss`).
    pub system: String,
    /// The portal's pseudonymous id (`sub`).
    pub value: String,
    /// The portal's display label, if any.
    pub name: Option<String>,
    /// Who may see these answers.
    pub care_team: Vec<String>,
    /// The instrument.
    pub instrument_id: Option<String>,
    /// The instrument's version.
    pub instrument_version: Option<String>,
    /// Scores (JSON array of `{id, value, answered, items}`), or null.
    pub scores: Value,
    /// Flags the receiver stands by (JSON array of `{id, score}`), or null.
    pub flags: Value,
    /// When it arrived (RFC 3339, UTC).
    pub received_at: String,
}

impl std::fmt::Debug for FiledRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FiledRecord")
            .field("id", &self.id)
            .field("system", &self.system)
            .field("value", &self.value)
            .field("instrument_id", &self.instrument_id)
            .finish_non_exhaustive()
    }
}

/// A clinician's review of an alert (`alert_reviews`). Its `Debug` leaves the note out.
#[derive(Clone, PartialEq, Eq)]
pub struct AlertReview {
    /// The record the alert is about (for "no answer for N weeks": the subject's newest).
    pub record_id: String,
    /// `flag` or `quiet`.
    pub kind: String,
    /// The flag's id (empty for `quiet`).
    pub flag_id: String,
    /// The reviewer's clinician id.
    pub reviewer_id: String,
    /// The reviewer's name as shown.
    pub reviewer_name: String,
    /// When (RFC 3339, UTC).
    pub reviewed_at: String,
    /// The clinician's note (may be empty): plain text.
    pub note: String,
}

impl std::fmt::Debug for AlertReview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AlertReview")
            .field("record_id", &self.record_id)
            .field("kind", &self.kind)
            .field("flag_id", &self.flag_id)
            .field("reviewer_id", &self.reviewer_id)
            .field("reviewed_at", &self.reviewed_at)
            .finish_non_exhaustive()
    }
}

/// Makes sure the SQLite file is the receiver's own: created `0600` when missing, refused when
/// it (or its `-wal`/`-shm` file) can be read or written by the group or others. SQLite gives
/// the journal files the database file's permissions.
fn private_file(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let io = |source| StoreError::File {
            path: path.to_owned(),
            source,
        };
        if !path.exists() {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
                .map_err(io)?;
        }
        let mut files = vec![path.to_owned()];
        for suffix in ["-wal", "-shm"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            files.push(PathBuf::from(name));
        }
        for file in files {
            match std::fs::metadata(&file) {
                Ok(meta) => {
                    let mode = meta.permissions().mode() & 0o777;
                    if mode & 0o077 != 0 {
                        return Err(StoreError::NotPrivate { path: file, mode });
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(StoreError::File { path: file, source }),
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

fn latest(migrator: &Migrator) -> i64 {
    migrator.iter().map(|m| m.version).max().unwrap_or(0)
}

fn parse_receipt(text: &str) -> Result<Receipt, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("receipt: {e}")))
}

/// The columns of [`RECORD_COLUMNS`], as sqlx reads them.
type RecordTuple = (
    String,
    bool,
    String,
    Option<String>,
    Option<String>,
    bool,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// `seq` and [`RecordTuple`]'s columns.
type RowWithSeq = (
    i64,
    String,
    bool,
    String,
    Option<String>,
    Option<String>,
    bool,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// One row of [`RECORD_COLUMNS`], by name.
struct RecordRow {
    receipt: String,
    verified: bool,
    envelope: String,
    system: Option<String>,
    value: Option<String>,
    subject_verified: bool,
    name: Option<String>,
    care_team: Option<String>,
    episode: Option<String>,
    flags: Option<String>,
    previous_scores_from: Option<String>,
}

impl From<RecordTuple> for RecordRow {
    fn from(t: RecordTuple) -> RecordRow {
        RecordRow {
            receipt: t.0,
            verified: t.1,
            envelope: t.2,
            system: t.3,
            value: t.4,
            subject_verified: t.5,
            name: t.6,
            care_team: t.7,
            episode: t.8,
            flags: t.9,
            previous_scores_from: t.10,
        }
    }
}

fn split_seq(t: RowWithSeq) -> (i64, RecordRow) {
    let rest = (t.1, t.2, t.3, t.4, t.5, t.6, t.7, t.8, t.9, t.10, t.11);
    (t.0, rest.into())
}

fn to_record(row: RecordRow) -> Result<Record, StoreError> {
    let json = |what: &str, text: &str| {
        serde_json::from_str::<Value>(text).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
    };
    let subject = match (row.system, row.value) {
        (Some(system), Some(value)) => Some(Subject {
            system,
            value,
            verified: row.subject_verified,
            name: row.name,
            care_team: row
                .care_team
                .as_deref()
                .map(|t| {
                    serde_json::from_str(t)
                        .map_err(|e| StoreError::Corrupt(format!("care team: {e}")))
                })
                .transpose()?,
            episode: row.episode,
        }),
        _ => None,
    };
    Ok(Record {
        receipt: parse_receipt(&row.receipt)?,
        verified: row.verified,
        envelope: json("envelope", &row.envelope)?,
        subject,
        flags: row
            .flags
            .as_deref()
            .map(|f| json("flags", f))
            .transpose()?
            .unwrap_or(Value::Null),
        previous_scores_from: row.previous_scores_from,
    })
}

/// Previous score values by id, from a stored `scores` column (scores without a value are
/// left out).
fn previous_scores(stored: Option<&str>) -> PreviousScores {
    let Some(list) = stored.and_then(|t| serde_json::from_str::<Value>(t).ok()) else {
        return PreviousScores::new();
    };
    rapport_core::scoring::Score::list_from_json(&list)
        .into_iter()
        .filter_map(|s| Some((s.id, Value::from(s.value?))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls() {
        assert_eq!(
            Database::parse("sqlite://x/y.db"),
            Ok(Database::Sqlite(PathBuf::from("x/y.db")))
        );
        assert_eq!(
            Database::parse("sqlite:rel.db"),
            Ok(Database::Sqlite(PathBuf::from("rel.db")))
        );
        assert!(Database::parse("sqlite://").is_err());
        assert!(matches!(
            Database::parse("postgres://rapport@127.0.0.1:5432/rapport?sslmode=verify-full"),
            Ok(Database::Postgres(_))
        ));
        // Another machine only with a verified TLS connection; loopback and sockets as they are.
        for (url, ok) in [
            ("postgres://rapport@db.internal/rapport", false),
            (
                "postgres://rapport@db.internal/rapport?sslmode=prefer",
                false,
            ),
            (
                "postgres://rapport@db.internal/rapport?sslmode=require",
                false,
            ),
            (
                "postgres://rapport@db.internal/rapport?sslmode=verify-full",
                true,
            ),
            (
                "postgres://rapport@10.0.0.5/rapport?sslmode=verify-ca",
                true,
            ),
            ("postgres://rapport@localhost/rapport", true),
            ("postgres://rapport@[::1]:5432/rapport", true),
            ("postgres://rapport@%2Fvar%2Frun%2Fpostgresql/rapport", true),
        ] {
            let parsed = Database::parse(url);
            assert_eq!(parsed.is_ok(), ok, "{url}: {parsed:?}");
            if let Err(e) = parsed {
                assert!(e.contains("sslmode=verify-full"), "{e}");
            }
        }
        for with_password in [
            "postgres://rapport:s3cret@db/rapport",
            "postgresql://rapport:@db/rapport",
            "postgres://db/rapport?user=rapport&password=s3cret",
        ] {
            let err = Database::parse(with_password).unwrap_err();
            assert!(err.contains("RAPPORT_DATABASE_PASSWORD"), "{err}");
            assert!(!err.contains("s3cret"), "{err}");
        }
        let err = Database::parse("mysql://x").unwrap_err();
        assert!(err.contains("sqlite://PATH"), "{err}");
    }

    #[test]
    fn both_backends_have_the_same_versions() {
        let versions = |m: &Migrator| m.iter().map(|m| m.version).collect::<Vec<_>>();
        assert_eq!(versions(&SQLITE_MIGRATIONS), versions(&POSTGRES_MIGRATIONS));
    }
}
