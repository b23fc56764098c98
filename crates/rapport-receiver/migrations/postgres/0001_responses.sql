-- Received envelopes, one row per Idempotency-Key (the UNIQUE constraint is what makes a
-- submission stored once, whatever the instances race). `seq` keeps the order of arrival.
-- `envelope` is the canonical JSON text the body hash was taken of (not jsonb, which would
-- reorder and renormalise it).
CREATE TABLE responses (
    seq                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    idempotency_key    TEXT NOT NULL UNIQUE,
    body_sha256        TEXT NOT NULL,
    instrument_id      TEXT,
    instrument_version TEXT,
    language           TEXT,
    received_at        TEXT NOT NULL,
    receipt            TEXT NOT NULL,
    envelope           TEXT NOT NULL,
    verified           BOOLEAN NOT NULL DEFAULT TRUE
);
