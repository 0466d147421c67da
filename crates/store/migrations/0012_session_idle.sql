-- Sessions end after a while without use, besides their fixed lifetime: a browser left open on
-- a shared computer. `idle_until` moves forward as the session is used (at most once a minute);
-- 0 (sessions begun before this column) means no idle limit until first used.
ALTER TABLE sessions ADD COLUMN idle_until BIGINT NOT NULL DEFAULT 0;
