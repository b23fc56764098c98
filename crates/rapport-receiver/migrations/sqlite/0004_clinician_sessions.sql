-- Clinicians' sessions after signing in through the clinic's OpenID provider (src/clinician/).
-- Only the SHA-256 of the session id (hex) is stored, never the id the browser holds; times are
-- Unix seconds (UTC). Expired rows are deleted when a session is created.
CREATE TABLE clinician_sessions (
    id_sha256    TEXT PRIMARY KEY,
    clinician_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    whole_clinic INTEGER NOT NULL,
    csrf         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX clinician_sessions_expires_at ON clinician_sessions (expires_at);
