-- The foundation schema. One file serves both SQLite and PostgreSQL: only TEXT and BIGINT
-- columns, identifiers made by the application, times as BIGINT microseconds since the Unix
-- epoch (UTC), dates as TEXT YYYY-MM-DD, flags as BIGINT 0/1. Keeping to this common subset is
-- what lets one set of queries run on both (see docs/adr/0001-data-access.md).

CREATE TABLE municipalities (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE unemployment_funds (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

-- Sign-in names of staff and citizens share one namespace.
CREATE TABLE logins (
    login        TEXT PRIMARY KEY,
    subject_kind TEXT NOT NULL,   -- 'staff' | 'citizen'
    subject_id   TEXT NOT NULL
);

CREATE TABLE staff (
    id                 TEXT PRIMARY KEY,
    login              TEXT NOT NULL UNIQUE REFERENCES logins(login),
    name               TEXT NOT NULL,
    role               TEXT NOT NULL,   -- caseworker | manager | admin
    municipality       TEXT REFERENCES municipalities(code),
    unemployment_fund  TEXT REFERENCES unemployment_funds(code),
    created_at         BIGINT NOT NULL
);
CREATE INDEX staff_municipality ON staff (municipality, name);
CREATE INDEX staff_fund ON staff (unemployment_fund, name);

-- The full CPR number is never stored: cpr_hmac is a keyed hash (for "already registered" and
-- exact look-up), cpr_masked is what screens show, birth_date is what the case needs.
CREATE TABLE citizens (
    id                  TEXT PRIMARY KEY,
    cpr_hmac            TEXT NOT NULL UNIQUE,
    cpr_masked          TEXT NOT NULL,
    birth_date          TEXT NOT NULL,
    name                TEXT NOT NULL,
    name_search         TEXT NOT NULL,
    municipality        TEXT NOT NULL REFERENCES municipalities(code),
    target_group        TEXT NOT NULL,
    unemployed_since    TEXT NOT NULL,
    unemployment_fund   TEXT REFERENCES unemployment_funds(code),
    login               TEXT UNIQUE REFERENCES logins(login),
    track               TEXT,
    caseworker_id       TEXT REFERENCES staff(id),
    in_person_requested BIGINT NOT NULL DEFAULT 0,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);
CREATE INDEX citizens_municipality ON citizens (municipality, name_search, id);
CREATE INDEX citizens_fund ON citizens (unemployment_fund, name_search, id);
CREATE INDEX citizens_caseworker ON citizens (caseworker_id);

-- Only the SHA-256 of a session token is stored, so a copy of the database signs no one in.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Every read and change of a citizen's data by someone other than the citizen. Names and roles
-- are copied in so the log stays readable after staff leave. Rows are never updated.
CREATE TABLE audit_log (
    id          TEXT PRIMARY KEY,
    citizen_id  TEXT NOT NULL,
    at          BIGINT NOT NULL,
    actor_id    TEXT NOT NULL,
    actor_name  TEXT NOT NULL,
    actor_role  TEXT NOT NULL,
    action      TEXT NOT NULL
);
CREATE INDEX audit_log_citizen ON audit_log (citizen_id, at);
