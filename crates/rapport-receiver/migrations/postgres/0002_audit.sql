-- Who read, exported or deleted stored answers: one row per request that touched them (or
-- tried to), appended and never updated. `records` is a JSON array of record ids, `count` how
-- many records the request touched.
CREATE TABLE audit (
    seq      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    route    TEXT NOT NULL,
    records  TEXT NOT NULL,
    count    BIGINT NOT NULL,
    client   TEXT NOT NULL,
    outcome  TEXT NOT NULL
);
-- Append-only: the receiver never changes or removes an audit row, and neither may anyone
-- else through this database (an operator who must can drop the trigger, and that is visible).
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit is append-only';
END;
$$;
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- Retention deletes by age.
CREATE INDEX responses_received_at ON responses (received_at);
