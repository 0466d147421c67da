-- The survey after a chat (issue 21 item 4): a chat that staff mark as a conversation gets the
-- same survey as a held meeting, so written contact is compared with the other channels under
-- the same anonymity rules. A survey is now about a meeting or a chat, never both: `meeting_id`
-- may be NULL, and `chat_id` names the chat. Neither SQLite nor a portable ALTER can drop a NOT
-- NULL, so the table is built again with its rows and indexes (one copy, at the upgrade).
CREATE TABLE surveys_new (
    id              TEXT PRIMARY KEY,
    meeting_id      TEXT UNIQUE REFERENCES meetings(id),
    chat_id         TEXT UNIQUE REFERENCES chats(id),
    citizen_id      TEXT NOT NULL REFERENCES citizens(id),
    municipality    TEXT NOT NULL,
    channel         TEXT NOT NULL,        -- a meeting's channel, or 'chat'
    target_group    TEXT NOT NULL,
    staff_id        TEXT NOT NULL,
    booked_by_role  TEXT NOT NULL,
    held_at         BIGINT NOT NULL,      -- the meeting's start, or when the chat was asked for
    created_at      BIGINT NOT NULL,
    answered_at     BIGINT,
    satisfaction    BIGINT,
    channel_fit     BIGINT,
    personal        TEXT,
    helpful         BIGINT,
    more_remote     BIGINT,
    callback        BIGINT,
    comment         TEXT,
    answered_by     TEXT,
    recorded_by     TEXT,
    code            TEXT,
    CHECK ((meeting_id IS NULL) <> (chat_id IS NULL))
);
INSERT INTO surveys_new (id, meeting_id, citizen_id, municipality, channel, target_group,
    staff_id, booked_by_role, held_at, created_at, answered_at, satisfaction, channel_fit,
    personal, helpful, more_remote, callback, comment, answered_by, recorded_by, code)
SELECT id, meeting_id, citizen_id, municipality, channel, target_group, staff_id,
    booked_by_role, held_at, created_at, answered_at, satisfaction, channel_fit, personal,
    helpful, more_remote, callback, comment, answered_by, recorded_by, code FROM surveys;
DROP TABLE surveys;
ALTER TABLE surveys_new RENAME TO surveys;
CREATE INDEX surveys_citizen ON surveys (citizen_id, answered_at);
CREATE INDEX surveys_report ON surveys (municipality, held_at);
CREATE INDEX surveys_held ON surveys (held_at);
CREATE UNIQUE INDEX surveys_code ON surveys (code);
-- Counting a day's chat surveys for the report (`report_days`).
CREATE INDEX surveys_chats ON surveys (held_at) WHERE chat_id IS NOT NULL;
