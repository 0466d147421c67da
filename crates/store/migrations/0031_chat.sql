-- The staffed live chat (issue 21). A chat's words are messages in the citizen's thread
-- (0005_messages.sql), so the transcript is part of the case; these tables hold when a chat can
-- start, who is on duty and the queue.
--
-- Opening hours per organisation, as domain::chat::ChatHours::to_stored writes them
-- ("mon 09:00-15:00;tue 09:00-15:00"); NULL or empty: no chat.
ALTER TABLE municipalities ADD COLUMN chat_hours TEXT;
ALTER TABLE unemployment_funds ADD COLUMN chat_hours TEXT;

-- Staff on chat duty now ("på chat"). `seen_at` is their last sign of life on the chat pages:
-- a row not seen for a while no longer counts as on duty, so nobody waits for someone gone home.
-- `listed_at`: when their queue page last listed the queue; a citizen's access log gets one
-- entry per chat listed, not one per refresh.
CREATE TABLE chat_duty (
    staff_id  TEXT PRIMARY KEY,
    holder    TEXT NOT NULL,
    org_code  TEXT NOT NULL,
    since     BIGINT NOT NULL,
    seen_at   BIGINT NOT NULL,
    listed_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX chat_duty_org ON chat_duty (holder, org_code);

-- One row per chat: queued at `requested_at`, taken by a staff member, ended by either side
-- or at closing time. `outcome`: answered (taken, then ended), abandoned (the citizen left
-- before anyone took it), unanswered (closing time came first: its messages wait in the
-- thread with the usual two-working-day promise).
CREATE TABLE chats (
    id            TEXT PRIMARY KEY,
    citizen_id    TEXT NOT NULL REFERENCES citizens(id),
    holder        TEXT NOT NULL,
    org_code      TEXT NOT NULL,
    own_caseworker TEXT,
    requested_at  BIGINT NOT NULL,
    taken_by      TEXT,
    taken_name    TEXT,
    taken_at      BIGINT,
    ended_at      BIGINT,
    ended_by      TEXT,
    outcome       TEXT,
    conversation  BIGINT NOT NULL DEFAULT 0
);
-- A citizen has at most one open chat per thread (409 with the existing one).
CREATE UNIQUE INDEX chats_one_open ON chats (citizen_id, holder) WHERE ended_at IS NULL;
-- The queue, oldest first.
CREATE INDEX chats_waiting ON chats (holder, org_code, requested_at) WHERE taken_by IS NULL AND ended_at IS NULL;
-- What each staff member has open.
CREATE INDEX chats_open_by ON chats (taken_by) WHERE ended_at IS NULL;
-- Recent handling times for the expected wait.
CREATE INDEX chats_ended ON chats (holder, org_code, ended_at);
