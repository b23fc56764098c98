//! SQLite storage of received envelopes, one row per idempotency key.
//!
//! The key is `UNIQUE` and the check and the insert happen in one `IMMEDIATE` transaction, so two
//! concurrent posts with the same key (from this process or another) store one row: the second
//! sees the first and gets its receipt back. The database is in WAL mode with the default
//! (`FULL`) synchronous setting, so a 201 means the row is on disk.
//!
//! Stays out of HTTP and of checking envelopes; calls block, so async code runs them on
//! `spawn_blocking`.

use std::fmt;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The schema version kept in `PRAGMA user_version`.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS responses (
    id                 TEXT PRIMARY KEY,
    idempotency_key    TEXT NOT NULL UNIQUE,
    body_sha256        TEXT NOT NULL,
    instrument_id      TEXT,
    instrument_version TEXT,
    language           TEXT,
    received_at        TEXT NOT NULL,
    receipt            TEXT NOT NULL,
    envelope           TEXT NOT NULL,
    verified           INTEGER NOT NULL DEFAULT 1
);
";

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
}

/// A stored record. Its `Debug` leaves the envelope out: it holds answers.
#[derive(Clone)]
pub struct Record {
    /// Its receipt.
    pub receipt: Receipt,
    /// Whether it was checked against a known definition.
    pub verified: bool,
    /// The envelope as stored.
    pub envelope: Value,
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
            .finish()
    }
}

impl fmt::Debug for Record {
    // Redacted on purpose: answers must never reach logs or panic messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Record")
            .field("receipt", &self.receipt)
            .field("verified", &self.verified)
            .field("envelope", &format_args!("<redacted>"))
            .finish()
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

/// A storage failure.
#[derive(Debug)]
pub enum StoreError {
    /// SQLite refused.
    Sqlite(rusqlite::Error),
    /// A stored value could not be read back.
    Corrupt(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Sqlite(e) => write!(f, "sqlite: {e}"),
            StoreError::Corrupt(m) => write!(f, "corrupt record: {m}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

/// The SQLite database.
pub struct Store {
    conn: Mutex<Connection>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Store")
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path`, in WAL mode, with the schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Corrupt(format!(
                "could not switch to WAL mode (got {mode})"
            )));
        }
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Corrupt(format!(
                "schema version {version} is newer than this receiver's {SCHEMA_VERSION}"
            )));
        }
        conn.execute_batch(SCHEMA)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a transaction open: dropping a rusqlite
        // Transaction rolls it back. So a poisoned lock is still a usable connection.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The body hash and receipt stored under `key`, if any.
    pub fn find(&self, key: &str) -> Result<Option<(String, Receipt)>, StoreError> {
        let conn = self.lock();
        let row: Option<(String, String)> = conn
            .query_row(
                "SELECT body_sha256, receipt FROM responses WHERE idempotency_key = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(hash, receipt)| Ok((hash, parse_receipt(&receipt)?)))
            .transpose()
    }

    /// Stores `record` unless its key is already stored; in one transaction. `receipt` makes
    /// the receipt of a new row (only called when one is stored).
    pub fn insert(
        &self,
        record: &NewRecord,
        receipt: impl FnOnce() -> Receipt,
    ) -> Result<Outcome, StoreError> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<(String, String)> = tx
            .query_row(
                "SELECT body_sha256, receipt FROM responses WHERE idempotency_key = ?1",
                [&record.idempotency_key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((hash, stored)) = existing {
            // Nothing was written: dropping the transaction rolls it back.
            return if hash == record.body_sha256 {
                Ok(Outcome::Replayed(parse_receipt(&stored)?))
            } else {
                Ok(Outcome::KeyReused)
            };
        }
        let receipt = receipt();
        let receipt_json = serde_json::to_string(&receipt)
            .map_err(|e| StoreError::Corrupt(format!("receipt: {e}")))?;
        tx.execute(
            "INSERT INTO responses (id, idempotency_key, body_sha256, instrument_id,
                 instrument_version, language, received_at, receipt, envelope, verified)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                receipt.id,
                record.idempotency_key,
                record.body_sha256,
                record.instrument_id,
                record.instrument_version,
                record.language,
                receipt.received_at,
                receipt_json,
                record.envelope,
                record.verified,
            ],
        )?;
        tx.commit()?;
        Ok(Outcome::Created(receipt))
    }

    /// Every record, in insertion order.
    pub fn list(&self) -> Result<Vec<Record>, StoreError> {
        let conn = self.lock();
        let mut stmt =
            conn.prepare("SELECT receipt, verified, envelope FROM responses ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (receipt, verified, envelope) = row?;
            out.push(to_record(&receipt, verified, &envelope)?);
        }
        Ok(out)
    }

    /// The record with this id.
    pub fn get(&self, id: &str) -> Result<Option<Record>, StoreError> {
        let conn = self.lock();
        let row: Option<(String, bool, String)> = conn
            .query_row(
                "SELECT receipt, verified, envelope FROM responses WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        row.map(|(receipt, verified, envelope)| to_record(&receipt, verified, &envelope))
            .transpose()
    }

    /// How many records are stored.
    pub fn count(&self) -> Result<i64, StoreError> {
        let conn = self.lock();
        Ok(conn.query_row("SELECT COUNT(*) FROM responses", [], |r| r.get(0))?)
    }
}

fn parse_receipt(text: &str) -> Result<Receipt, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("receipt: {e}")))
}

fn to_record(receipt: &str, verified: bool, envelope: &str) -> Result<Record, StoreError> {
    Ok(Record {
        receipt: parse_receipt(receipt)?,
        verified,
        envelope: serde_json::from_str(envelope)
            .map_err(|e| StoreError::Corrupt(format!("envelope: {e}")))?,
    })
}
