-- Whose answers (issue 15): the subject a record is filed under, whether a configured key
-- verified its token, the portal's optional label, care team (a JSON array) and episode; the
-- scores (JSON, the history later records are compared with), the flags the receiver stands
-- by (JSON), and where the previous scores behind them came from: `receiver` (the subject's
-- own stored history), `browser` (the envelope's previousScores) or NULL (none given).
ALTER TABLE responses
    ADD COLUMN subject_system TEXT,
    ADD COLUMN subject_value TEXT,
    ADD COLUMN subject_verified BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN subject_name TEXT,
    ADD COLUMN subject_care_team TEXT,
    ADD COLUMN subject_episode TEXT,
    ADD COLUMN scores TEXT,
    ADD COLUMN flags TEXT,
    ADD COLUMN previous_scores_from TEXT;
-- Records from before: their envelope's scores and flags, as the browser made them.
UPDATE responses SET
    scores = (envelope::jsonb -> 'scores')::text,
    flags = (envelope::jsonb -> 'flags')::text,
    previous_scores_from = CASE
        WHEN envelope::jsonb -> 'previousScores' IS NOT NULL
             AND envelope::jsonb -> 'previousScores' <> '{}'::jsonb THEN 'browser'
    END;
-- The latest record of one subject and instrument (the history a new record is compared
-- with), and erasure by subject.
CREATE INDEX responses_subject_latest
    ON responses (subject_system, subject_value, instrument_id, seq);
