-- Whose answers (issue 15): the subject a record is filed under, whether a configured key
-- verified its token, the portal's optional label, care team (a JSON array) and episode; the
-- scores (JSON, the history later records are compared with), the flags the receiver stands
-- by (JSON), and where the previous scores behind them came from: `receiver` (the subject's
-- own stored history), `browser` (the envelope's previousScores) or NULL (none given).
ALTER TABLE responses ADD COLUMN subject_system TEXT;
ALTER TABLE responses ADD COLUMN subject_value TEXT;
ALTER TABLE responses ADD COLUMN subject_verified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE responses ADD COLUMN subject_name TEXT;
ALTER TABLE responses ADD COLUMN subject_care_team TEXT;
ALTER TABLE responses ADD COLUMN subject_episode TEXT;
ALTER TABLE responses ADD COLUMN scores TEXT;
ALTER TABLE responses ADD COLUMN flags TEXT;
ALTER TABLE responses ADD COLUMN previous_scores_from TEXT;
-- Records from before: their envelope's scores and flags, as the browser made them.
UPDATE responses SET
    scores = json_extract(envelope, '$.scores'),
    flags = json_extract(envelope, '$.flags'),
    previous_scores_from = CASE
        WHEN json_extract(envelope, '$.previousScores') IS NOT NULL
             AND json_extract(envelope, '$.previousScores') <> '{}' THEN 'browser'
    END
WHERE json_valid(envelope);
-- The latest record of one subject and instrument (the history a new record is compared
-- with), and erasure by subject.
CREATE INDEX responses_subject_latest
    ON responses (subject_system, subject_value, instrument_id, seq);
