//! What the receiver's test files share: temporary directories and a fresh database per test,
//! an SQLite file or (with `RAPPORT_TEST_POSTGRES`, as `cargo xtask test` sets it) a new
//! database on a PostgreSQL server.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rapport_receiver::{Config, Database};

/// A temporary directory removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "rapport-receiver-{name}-{}-{nanos}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The PostgreSQL server the suite runs against instead of SQLite, as
/// `postgres://USER@HOST:PORT` (the password in `RAPPORT_DATABASE_PASSWORD`; the user may
/// create databases). Unset: SQLite.
pub const POSTGRES_ENV: &str = "RAPPORT_TEST_POSTGRES";

/// A fresh, empty database for one test: a file in `dir`, or a new database on the PostgreSQL
/// server of [`POSTGRES_ENV`].
pub async fn fresh_database(dir: &TempDir) -> (Database, Option<String>) {
    let Ok(server) = std::env::var(POSTGRES_ENV) else {
        return (Database::Sqlite(dir.path().join("responses.sqlite3")), None);
    };
    let server = server.trim_end_matches('/').to_owned();
    let password = std::env::var("RAPPORT_DATABASE_PASSWORD").ok();
    static N: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "rapport_test_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst),
        dir.path()
            .file_name()
            .and_then(|n| n.to_str())
            .map(|n| n.len())
            .unwrap_or(0)
    );
    let mut admin: sqlx::postgres::PgConnectOptions = format!("{server}/postgres")
        .parse()
        .expect("RAPPORT_TEST_POSTGRES is a URL");
    if let Some(pw) = &password {
        admin = admin.password(pw);
    }
    let mut conn = sqlx::ConnectOptions::connect(&admin)
        .await
        .expect("connect to the test PostgreSQL server");
    let create = format!("CREATE DATABASE \"{name}\"");
    sqlx::raw_sql(sqlx::AssertSqlSafe(create))
        .execute(&mut conn)
        .await
        .expect("create a test database");
    (Database::Postgres(format!("{server}/{name}")), password)
}

/// A configuration on a fresh database in `dir`.
pub async fn config_in(dir: &TempDir) -> Config {
    let (database, database_password) = fresh_database(dir).await;
    Config {
        database,
        database_password,
        quiet: true,
        ..Config::default()
    }
}
