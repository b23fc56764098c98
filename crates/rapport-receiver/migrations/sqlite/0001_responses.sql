-- Received envelopes, one row per Idempotency-Key (the UNIQUE constraint is what makes a
-- submission stored once, whatever the callers race). IF NOT EXISTS adopts a database made by
-- receivers from before versioned migrations (PRAGMA user_version 1), which had this table.
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
