-- Interpreters and companions (issue 19 item 4). A municipality's interpreter providers are
-- data: who, their phone, the languages (ISO 639-1, comma-separated) and the ways they take
-- part (in_person, phone, video). A meeting carries the interpreter booked for it and the
-- companion (bisidder) the citizen brings; a video meeting's interpreter enters the room with
-- a secret link (interpreter_token) and waits to be let in like the citizen.
CREATE TABLE interpreter_providers (
    id           TEXT PRIMARY KEY,
    municipality TEXT NOT NULL,
    name         TEXT NOT NULL,
    phone        TEXT,
    languages    TEXT NOT NULL,
    modes        TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX interpreter_providers_municipality ON interpreter_providers (municipality, created_at);
ALTER TABLE meetings ADD COLUMN interpreter_language TEXT;
ALTER TABLE meetings ADD COLUMN interpreter_mode TEXT;
ALTER TABLE meetings ADD COLUMN interpreter_provider_id TEXT;
ALTER TABLE meetings ADD COLUMN interpreter_token TEXT;
ALTER TABLE meetings ADD COLUMN companion TEXT;
