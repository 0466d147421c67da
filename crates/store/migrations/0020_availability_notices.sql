-- After a no-show (udeblivelse) without a reasonable excuse: the availability notice
-- (underretning) to the citizen's a-kasse (insured unemployed) or to the municipality's
-- benefits office (cash-benefit groups), with the facts it needs (lov om en aktiv
-- beskæftigelsesindsats kapitel 29; bekendtgørelse nr. 1216 af 28. september 2023 kapitel 24).
-- See domain::meetings::no_show. Written in the same transaction as the outcome; withdrawn,
-- never deleted, when the excuse arrives later.

-- The reasonable excuse staff recorded with a no-show (NULL: none, or not a no-show).
ALTER TABLE meetings ADD COLUMN no_show_excuse TEXT;

-- The team of a municipality that receives notices about cash-benefit recipients (its
-- benefits office); NULL: its managers only.
ALTER TABLE municipalities ADD COLUMN benefits_team TEXT;

CREATE TABLE availability_notices (
    id                 TEXT PRIMARY KEY,
    citizen_id         TEXT NOT NULL REFERENCES citizens(id),
    meeting_id         TEXT REFERENCES meetings(id),
    kind               TEXT NOT NULL,   -- no_show | booking_overdue
    recipient          TEXT NOT NULL,   -- a_kasse | benefits_office
    -- Whose inbox: the citizen's a-kasse (a_kasse) or municipality (benefits_office), as they
    -- were when it was sent.
    unemployment_fund  TEXT REFERENCES unemployment_funds(code),
    municipality       TEXT NOT NULL REFERENCES municipalities(code),
    -- The facts: the meeting's channel and time, what the citizen had said (a reported
    -- absence), who recorded it and for which organisation ('jobcenter' | 'a_kasse').
    channel            TEXT,
    starts_at          BIGINT,
    citizen_said_reason TEXT,          -- domain::meetings::AbsenceReason
    citizen_said       TEXT,
    recorded_by        TEXT NOT NULL,
    recorded_by_name   TEXT NOT NULL,
    sent_by            TEXT NOT NULL,
    created_at         BIGINT NOT NULL,
    withdrawn_at       BIGINT,
    withdrawn_by_name  TEXT,
    withdraw_reason    TEXT
);
CREATE INDEX availability_notices_fund ON availability_notices (unemployment_fund, created_at);
CREATE INDEX availability_notices_municipality ON availability_notices (municipality, created_at);
CREATE INDEX availability_notices_citizen ON availability_notices (citizen_id);
-- One notice per missed meeting.
CREATE UNIQUE INDEX availability_notices_meeting ON availability_notices (meeting_id);
