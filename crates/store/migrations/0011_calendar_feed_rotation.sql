-- A staff member's calendar feed address can be replaced: the address is a keyed hash of the
-- staff id and this generation, so counting it up makes every old address stop working (a
-- leaked link, a phone that was lost).
ALTER TABLE staff ADD COLUMN feed_generation BIGINT NOT NULL DEFAULT 0;
