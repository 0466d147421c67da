-- "Jeg kan ikke komme": a citizen's report that they cannot attend a call-in, and staff's
-- decision on it (domain::meetings::absence). One per meeting. `holder` ('jobcenter' |
-- 'a_kasse', as in message threads) says whose worklist it lands on, so the worklist finds
-- the pending ones of a citizen through one small index.
CREATE TABLE absence_reports (
    meeting_id       TEXT PRIMARY KEY REFERENCES meetings(id),
    citizen_id       TEXT NOT NULL REFERENCES citizens(id),
    holder           TEXT NOT NULL,
    reason           TEXT NOT NULL,   -- illness | child_illness | job_interview | work | other
    text             TEXT,
    reported_at      BIGINT NOT NULL,
    status           TEXT NOT NULL,   -- pending | accepted | refused
    decided_by       TEXT,
    decided_at       BIGINT,
    decision_reason  TEXT
);
CREATE INDEX absence_reports_pending ON absence_reports (citizen_id) WHERE status = 'pending';
