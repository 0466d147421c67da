-- The contact report at national scale. Counting a year's 7,000,000 meetings with their
-- citizens and surveys takes a minute on SQLite; the report instead reads counts kept per
-- Copenhagen month (whole months), per day (the days around them), both by municipality,
-- a-kasse, channel and target group, and counts only the parts of days at the ends of a period
-- from the meetings themselves. (A country's year is 770,000 day rows, which SQLite sums in
-- about a second; as months it is 30,000.)
--
-- The counts are derived data, computed again from `meetings`, `citizens`, `surveys` and
-- `staff`: every change that can move a count marks its day and municipality stale in the same
-- transaction (`report_stale`), and a report first computes the stale days of its period again
-- (`store/src/report_days.rs`). A worker does the same in the background so reports rarely wait.
CREATE TABLE report_days (
    day             TEXT NOT NULL,      -- Copenhagen date of the meetings' start, YYYY-MM-DD
    municipality    TEXT NOT NULL,      -- the citizen's
    fund            TEXT NOT NULL,      -- the a-kasse of the staff member holding it; '' for a jobcenter
    channel         TEXT NOT NULL,
    target_group    TEXT NOT NULL,      -- the citizen's
    meetings        BIGINT NOT NULL,
    held            BIGINT NOT NULL,
    cancelled       BIGINT NOT NULL,
    cancelled_late  BIGINT NOT NULL,
    no_show         BIGINT NOT NULL,
    citizen_booked  BIGINT NOT NULL,
    answered        BIGINT NOT NULL,
    satisfied       BIGINT NOT NULL,
    channel_fit     BIGINT NOT NULL,
    personal        BIGINT NOT NULL,
    helpful         BIGINT NOT NULL,
    wants_remote    BIGINT NOT NULL,
    PRIMARY KEY (day, municipality, fund, channel, target_group)
);
CREATE INDEX report_days_municipality ON report_days (municipality, day);
CREATE INDEX report_days_fund ON report_days (fund, day);

-- The sums of `report_days` per calendar month, computed again with each day counted.
CREATE TABLE report_months (
    month           TEXT NOT NULL,      -- YYYY-MM
    municipality    TEXT NOT NULL,
    fund            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    target_group    TEXT NOT NULL,
    meetings        BIGINT NOT NULL,
    held            BIGINT NOT NULL,
    cancelled       BIGINT NOT NULL,
    cancelled_late  BIGINT NOT NULL,
    no_show         BIGINT NOT NULL,
    citizen_booked  BIGINT NOT NULL,
    answered        BIGINT NOT NULL,
    satisfied       BIGINT NOT NULL,
    channel_fit     BIGINT NOT NULL,
    personal        BIGINT NOT NULL,
    helpful         BIGINT NOT NULL,
    wants_remote    BIGINT NOT NULL,
    PRIMARY KEY (month, municipality, fund, channel, target_group)
);
CREATE INDEX report_months_municipality ON report_months (municipality, month);
CREATE INDEX report_months_fund ON report_months (fund, month);

-- Days whose counts are stale. `marked_at` is updated (not left alone) when a day is marked
-- again, so that on PostgreSQL the row is locked by the marking transaction and a concurrent
-- recount waits for it instead of missing its change.
CREATE TABLE report_stale (
    day             TEXT NOT NULL,
    municipality    TEXT NOT NULL,
    marked_at       BIGINT NOT NULL,
    PRIMARY KEY (day, municipality)
);

-- One row: 0 until every day has been counted once. Existing databases (and bulk loads, which
-- bypass the marks) get all their days counted at the next report.
CREATE TABLE report_state (
    id              BIGINT PRIMARY KEY,
    counted         BIGINT NOT NULL
);
INSERT INTO report_state (id, counted) VALUES (1, 0);

-- The ends of a period, and recounting a day, read meetings by their start; the committee
-- report's free-text themes for all municipalities read surveys by theirs.
CREATE INDEX meetings_starts ON meetings (starts_at);
CREATE INDEX surveys_held ON surveys (held_at);
