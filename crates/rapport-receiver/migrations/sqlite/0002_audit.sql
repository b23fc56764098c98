-- Who read, exported or deleted stored answers: one row per request that touched them (or
-- tried to), appended and never updated. `records` is a JSON array of record ids, `count` how
-- many records the request touched.
CREATE TABLE audit (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    route    TEXT NOT NULL,
    records  TEXT NOT NULL,
    count    INTEGER NOT NULL,
    client   TEXT NOT NULL,
    outcome  TEXT NOT NULL
);
-- Append-only: the receiver never changes or removes an audit row, and neither may anyone
-- else through this database.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
-- Records get an arrival number that is never reused (AUTOINCREMENT), for paging: SQLite reuses
-- the largest rowid after a delete, and VACUUM may renumber rowids, so a reader's cursor could
-- skip a record. The table is rebuilt in arrival order.
CREATE TABLE responses_v2 (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    id                 TEXT NOT NULL UNIQUE,
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
INSERT INTO responses_v2 (id, idempotency_key, body_sha256, instrument_id, instrument_version,
                          language, received_at, receipt, envelope, verified)
    SELECT id, idempotency_key, body_sha256, instrument_id, instrument_version, language,
           received_at, receipt, envelope, verified
    FROM responses ORDER BY rowid;
DROP TABLE responses;
ALTER TABLE responses_v2 RENAME TO responses;
-- Retention deletes by age.
CREATE INDEX responses_received_at ON responses (received_at);
