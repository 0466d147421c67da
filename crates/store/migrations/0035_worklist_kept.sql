-- The worklist kept, not computed per view (issue 22 item 5). A manager's worklist read every
-- case file of the municipality at each view: 0.35 s for 10,000 citizens, more than a second
-- at 30,000. Now what the worklist decided for each citizen is kept per organisation whose list
-- shows them (`org`: 'm:' and the municipality code, 'f:' and the a-kasse's) and decided again
-- only when a fact of the case changed (a trigger marks it: store/src/worklist_marks.rs) or the
-- clock reached `holds_until` (domain::contact_plan::reasons_hold_until). A view reads a page.
CREATE TABLE worklist_marks (
    org             TEXT NOT NULL,
    citizen_id      TEXT NOT NULL,
    PRIMARY KEY (org, citizen_id)
);
CREATE TABLE worklist_state (
    org             TEXT NOT NULL,
    citizen_id      TEXT NOT NULL,
    -- When it was decided, and until when the clock alone leaves it right (microseconds, UTC).
    decided_at      BIGINT NOT NULL,
    holds_until     BIGINT NOT NULL,
    PRIMARY KEY (org, citizen_id)
);
CREATE INDEX worklist_state_holds ON worklist_state (org, holds_until);
CREATE INDEX worklist_state_decided ON worklist_state (org, decided_at);
-- The background worker's look for decisions the clock overtook, in every organisation.
CREATE INDEX worklist_state_due ON worklist_state (holds_until);
CREATE TABLE worklist_items (
    org             TEXT NOT NULL,
    citizen_id      TEXT NOT NULL,
    -- The reason's place in the worklist's order (domain::contact_plan::WorkReason).
    reason_rank     INTEGER NOT NULL,
    reason          TEXT NOT NULL,
    since           BIGINT NOT NULL,
    citizen_name    TEXT NOT NULL,
    target_group    TEXT NOT NULL,
    track           TEXT,
    caseworker_id   TEXT,
    PRIMARY KEY (org, citizen_id, reason)
);
CREATE INDEX worklist_items_order ON worklist_items (org, reason_rank, since, citizen_id);
CREATE INDEX worklist_items_caseworker
    ON worklist_items (org, caseworker_id, reason_rank, since, citizen_id);
-- The rule book the kept decisions were made with; another one decides every case again.
CREATE TABLE worklist_rules (
    id              INTEGER PRIMARY KEY,
    fingerprint     TEXT NOT NULL
);
INSERT INTO worklist_rules (id, fingerprint) VALUES (1, '');
CREATE INDEX citizens_caseworker_in_municipality ON citizens (municipality, caseworker_id);
-- Which version of the marking triggers is installed (store/src/worklist_marks.rs): they are
-- written in each backend's own dialect, so in code, and only when this is behind — creating
-- them at every start locked the tables against the bookings of the instances still running.
CREATE TABLE worklist_triggers (
    id              INTEGER PRIMARY KEY,
    version         INTEGER NOT NULL
);
INSERT INTO worklist_triggers (id, version) VALUES (1, 0);
