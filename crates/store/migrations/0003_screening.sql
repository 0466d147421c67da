-- Screening answers and visitation decisions. Rows are only ever added, so the history of both
-- is kept: the latest row is what counts.

CREATE TABLE screenings (
    id                     TEXT PRIMARY KEY,
    citizen_id             TEXT NOT NULL REFERENCES citizens(id),
    worked_months_last_12  BIGINT NOT NULL,
    education              TEXT NOT NULL,
    health_limits_work     TEXT NOT NULL,
    other_obstacles        TEXT NOT NULL,
    digital_comfort        TEXT NOT NULL,
    needs_interpreter      BIGINT NOT NULL,
    own_assessment         TEXT NOT NULL,
    wants_in_person        BIGINT NOT NULL,
    -- The model's recommendation at the time, so a later change of rules does not rewrite it.
    recommended_track      TEXT NOT NULL,
    in_person_first        BIGINT NOT NULL,
    self_booking_exempt    BIGINT NOT NULL,
    reason_codes           TEXT NOT NULL,   -- comma-separated
    -- Who filled it in: the citizen, or staff on their behalf.
    submitted_by           TEXT NOT NULL,
    submitted_by_name      TEXT NOT NULL,
    submitted_by_role      TEXT NOT NULL,
    submitted_at           BIGINT NOT NULL
);
CREATE INDEX screenings_citizen ON screenings (citizen_id, submitted_at);

CREATE TABLE visitations (
    id                 TEXT PRIMARY KEY,
    citizen_id         TEXT NOT NULL REFERENCES citizens(id),
    screening_id       TEXT REFERENCES screenings(id),
    track              TEXT NOT NULL,
    recommended_track  TEXT,            -- NULL when there was no screening
    reason             TEXT,            -- required when track differs from the recommendation
    decided_by         TEXT NOT NULL,
    decided_by_name    TEXT NOT NULL,
    decided_at         BIGINT NOT NULL,
    -- "Din egen vurdering": the citizen's own view of the decision.
    citizen_view       TEXT,
    citizen_view_at    BIGINT
);
CREATE INDEX visitations_citizen ON visitations (citizen_id, decided_at);
CREATE INDEX visitations_decided ON visitations (decided_at);

-- Each municipality decides whether every citizen's first conversation is in person, or only
-- where the screening says so (DESIGN.md; the default).
ALTER TABLE municipalities ADD COLUMN first_meeting_policy TEXT NOT NULL DEFAULT 'screening';
