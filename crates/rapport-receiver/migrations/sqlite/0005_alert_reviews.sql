-- Alerts a clinician marked reviewed on the home page (src/clinician/alerts.rs), with an
-- optional note. One row per alert (the UNIQUE constraint makes a double submit one review):
-- a flag's alert is (record, 'flag', flag id); "no answer for N weeks" is (the subject's newest
-- record, 'quiet', ''). Deleting a record (erasure, retention) deletes its reviews and their
-- notes with it. `reviewed_at` is RFC 3339, UTC.
CREATE TABLE alert_reviews (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id     TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    flag_id       TEXT NOT NULL,
    reviewer_id   TEXT NOT NULL,
    reviewer_name TEXT NOT NULL,
    reviewed_at   TEXT NOT NULL,
    note          TEXT NOT NULL,
    UNIQUE (record_id, kind, flag_id)
);
