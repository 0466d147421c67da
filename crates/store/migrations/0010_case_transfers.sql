-- A citizen moves: the municipality they moved to asks for the case ("flyttet til kommunen"),
-- and the one holding it (or an administrator) accepts or declines. Registering a CPR number
-- another municipality holds says only that it is registered elsewhere; this is the lawful way
-- on, and both the request and the decision are in the citizen's access log.
CREATE TABLE case_transfers (
    id                 TEXT PRIMARY KEY,
    citizen_id         TEXT NOT NULL REFERENCES citizens(id),
    from_municipality  TEXT NOT NULL REFERENCES municipalities(code),
    to_municipality    TEXT NOT NULL REFERENCES municipalities(code),
    requested_by       TEXT NOT NULL,
    reason             TEXT NOT NULL,
    requested_at       BIGINT NOT NULL,
    status             TEXT NOT NULL,   -- pending | accepted | declined
    decided_by         TEXT,
    decided_at         BIGINT
);
CREATE INDEX case_transfers_from ON case_transfers (from_municipality, status);
-- At most one open request per citizen and asking municipality.
CREATE UNIQUE INDEX case_transfers_open ON case_transfers (citizen_id, to_municipality)
    WHERE status = 'pending';
