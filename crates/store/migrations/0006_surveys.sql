-- Surveys after held meetings. A survey is made in the same transaction that records a meeting
-- as held; the citizen's answer is stored on the same row. For the reports, the row carries the
-- meeting's dimensions as they were (municipality, channel, target group, staff, who booked),
-- so a report reads one table. Staff never see a row: reports show groups of five or more.
CREATE TABLE surveys (
    id              TEXT PRIMARY KEY,
    meeting_id      TEXT NOT NULL UNIQUE REFERENCES meetings(id),
    citizen_id      TEXT NOT NULL REFERENCES citizens(id),
    municipality    TEXT NOT NULL,
    channel         TEXT NOT NULL,
    target_group    TEXT NOT NULL,
    staff_id        TEXT NOT NULL,
    booked_by_role  TEXT NOT NULL,
    held_at         BIGINT NOT NULL,      -- the meeting's start
    created_at      BIGINT NOT NULL,
    answered_at     BIGINT,
    satisfaction    BIGINT,               -- 1..5
    channel_fit     BIGINT,               -- 1..5
    personal        TEXT,                 -- more | same | less
    helpful         BIGINT,               -- 1..5
    more_remote     BIGINT,               -- 1..5
    callback        BIGINT,               -- 1: "ring mig op"
    comment         TEXT
);
CREATE INDEX surveys_citizen ON surveys (citizen_id, answered_at);
CREATE INDEX surveys_report ON surveys (municipality, held_at);
