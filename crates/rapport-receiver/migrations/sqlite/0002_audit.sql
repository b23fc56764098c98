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
-- Retention deletes by age.
CREATE INDEX responses_received_at ON responses (received_at);
