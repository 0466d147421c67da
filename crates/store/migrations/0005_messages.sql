-- Written messages between a citizen and their jobcenter or a-kasse. One thread per citizen and
-- holder; messages are only ever added, never edited: what was written is a record.

CREATE TABLE message_threads (
    id                TEXT PRIMARY KEY,
    citizen_id        TEXT NOT NULL REFERENCES citizens(id),
    holder            TEXT NOT NULL,     -- jobcenter | a_kasse
    -- Whose turn it is: 'staff' after the citizen wrote, 'citizen' after staff wrote.
    waiting_for       TEXT NOT NULL,
    waiting_since     BIGINT NOT NULL,   -- when the turn passed to waiting_for
    last_message_at   BIGINT NOT NULL,
    -- Read receipts: the last time the citizen, and anyone of the holder's staff, opened it.
    citizen_read_at   BIGINT,
    staff_read_at     BIGINT,
    -- The member of staff who took the thread from the organisation's inbox ("tildel til mig").
    assigned_to       TEXT,
    assigned_name     TEXT,
    -- When the citizen was last told of a new message (at most every 30 minutes).
    last_notice_at    BIGINT,
    UNIQUE (citizen_id, holder)
);
-- The inbox: threads waiting for an organisation's staff, oldest first.
CREATE INDEX message_threads_waiting ON message_threads (holder, waiting_for, waiting_since);

CREATE TABLE messages (
    id            TEXT PRIMARY KEY,
    thread_id     TEXT NOT NULL REFERENCES message_threads(id),
    author_id     TEXT NOT NULL,
    author_name   TEXT NOT NULL,
    author_role   TEXT NOT NULL,
    body          TEXT NOT NULL,
    sent_at       BIGINT NOT NULL
);
CREATE INDEX messages_thread ON messages (thread_id, sent_at);
-- The per-person rate limit counts one author's recent messages.
CREATE INDEX messages_author ON messages (author_id, sent_at);
