-- Availability and meetings. Same conventions as 0001: TEXT and BIGINT only, times in UTC
-- microseconds, flags 0/1.

-- How to reach the citizen, and the flags that steer booking (set by visitation, or by staff).
ALTER TABLE citizens ADD COLUMN phone TEXT;
ALTER TABLE citizens ADD COLUMN email TEXT;
-- 1: the citizen receives digital mail; 0: notices go out as printed letters.
ALTER TABLE citizens ADD COLUMN digital_mail BIGINT NOT NULL DEFAULT 1;
ALTER TABLE citizens ADD COLUMN in_person_first BIGINT NOT NULL DEFAULT 0;
ALTER TABLE citizens ADD COLUMN self_booking_exempt BIGINT NOT NULL DEFAULT 0;

-- A time a staff member offers. meeting_id is NULL while free; a booking claims the slot with
-- `UPDATE slots SET meeting_id = ? WHERE id = ? AND meeting_id IS NULL`, which exactly one of any
-- number of simultaneous requests can win, on both backends. The organisation is copied from
-- the staff member so free slots are found by one index.
CREATE TABLE slots (
    id                 TEXT PRIMARY KEY,
    staff_id           TEXT NOT NULL REFERENCES staff(id),
    municipality       TEXT REFERENCES municipalities(code),
    unemployment_fund  TEXT REFERENCES unemployment_funds(code),
    starts_at          BIGINT NOT NULL,
    ends_at            BIGINT NOT NULL,
    channels           TEXT NOT NULL,   -- comma-separated channel names
    location           TEXT,
    meeting_id         TEXT,
    created_at         BIGINT NOT NULL
);
CREATE INDEX slots_staff ON slots (staff_id, starts_at);
CREATE INDEX slots_free_municipality ON slots (municipality, starts_at) WHERE meeting_id IS NULL;
CREATE INDEX slots_free_fund ON slots (unemployment_fund, starts_at) WHERE meeting_id IS NULL;

-- A conversation. Times and place are copied from the slot at booking (and on a move), so the
-- meeting keeps its history if the slot is later removed.
CREATE TABLE meetings (
    id                 TEXT PRIMARY KEY,
    citizen_id         TEXT NOT NULL REFERENCES citizens(id),
    staff_id           TEXT NOT NULL REFERENCES staff(id),
    slot_id            TEXT REFERENCES slots(id),
    -- A joint conversation (fælles samtale): the a-kasse adviser and the slot of theirs it blocks.
    adviser_id         TEXT REFERENCES staff(id),
    adviser_slot_id    TEXT REFERENCES slots(id),
    starts_at          BIGINT NOT NULL,
    ends_at            BIGINT NOT NULL,
    channel            TEXT NOT NULL,
    location           TEXT,
    purpose            TEXT,
    -- Indkaldelse til fremmøde: why staff require attendance in person.
    attendance_reason  TEXT,
    status             TEXT NOT NULL,   -- booked | cancelled | held | no_show
    booked_by          TEXT NOT NULL,
    booked_by_role     TEXT NOT NULL,
    booked_at          BIGINT NOT NULL,
    cancelled_by       TEXT,
    cancelled_by_role  TEXT,
    cancel_reason      TEXT,
    cancelled_late     BIGINT,
    cancelled_at       BIGINT,
    outcome_by         TEXT,
    outcome_at         BIGINT,
    updated_at         BIGINT NOT NULL
);
CREATE INDEX meetings_citizen ON meetings (citizen_id, starts_at);
CREATE INDEX meetings_staff ON meetings (staff_id, starts_at);
CREATE INDEX meetings_adviser ON meetings (adviser_id, starts_at);

-- Notices to send, written in the same transaction as the change they announce and drained by
-- the notification worker. A row is done once its notices have been handed over; a failed
-- attempt is retried later, and a row already done is never sent again.
CREATE TABLE outbox (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,       -- meeting_booked | meeting_moved | meeting_cancelled | meeting_reminder
    subject_id    TEXT NOT NULL,       -- the meeting
    not_before    BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    attempts      BIGINT NOT NULL DEFAULT 0,
    locked_until  BIGINT NOT NULL DEFAULT 0,
    lease         TEXT,                -- who holds the row until locked_until
    done_at       BIGINT,
    last_error    TEXT
);
CREATE INDEX outbox_pending ON outbox (not_before) WHERE done_at IS NULL;

-- One row per notice handed to a channel (email, sms, letter), so a retried outbox row never
-- sends again what already went out. The primary key is what makes that hold under races.
CREATE TABLE deliveries (
    outbox_id   TEXT NOT NULL,
    channel     TEXT NOT NULL,         -- email | sms | letter | none
    status      TEXT NOT NULL,         -- sent | skipped
    detail      TEXT,
    at          BIGINT NOT NULL,
    PRIMARY KEY (outbox_id, channel)
);

-- Letters for citizens without digital mail, printed and posted by the jobcenter. The text is
-- kept; the PDF is drawn when staff open it.
CREATE TABLE letters (
    id            TEXT PRIMARY KEY,
    outbox_id     TEXT NOT NULL UNIQUE,
    citizen_id    TEXT NOT NULL REFERENCES citizens(id),
    municipality  TEXT NOT NULL,
    recipient     TEXT NOT NULL,
    subject       TEXT NOT NULL,
    body          TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    printed_at    BIGINT,
    printed_by    TEXT
);
CREATE INDEX letters_to_print ON letters (municipality, printed_at, created_at);
