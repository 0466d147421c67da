-- Call-ins (indkaldelser) with the facts that BEK nr. 442 af 26. maj 2023 § 20, stk. 1
-- registers for every call-in, and the places they are held. Same conventions as 0001.

-- Where an organisation meets citizens in person: the address a call-in and its letter print
-- (§ 20, stk. 1, nr. 5 and 7), the way in, and whether it is step-free. Exactly one of
-- municipality / unemployment_fund.
CREATE TABLE locations (
    id                 TEXT PRIMARY KEY,
    municipality       TEXT REFERENCES municipalities(code),
    unemployment_fund  TEXT REFERENCES unemployment_funds(code),
    name               TEXT NOT NULL,
    street             TEXT NOT NULL,
    postcode           TEXT NOT NULL,
    town               TEXT NOT NULL,
    directions         TEXT,
    step_free          BIGINT NOT NULL,   -- 1: step-free from the street to the room
    created_at         BIGINT NOT NULL
);
CREATE INDEX locations_municipality ON locations (municipality);
CREATE INDEX locations_fund ON locations (unemployment_fund);

-- A meeting staff called the citizen in to, with what the meeting row does not hold: the
-- location (nr. 5, 7), the number the citizen must call for a phone meeting (nr. 8; NULL:
-- we call the citizen's own number, nr. 6) and until when the citizen may move it themself
-- (nr. 11-12; NULL: not at all). Written in the same transaction as the meeting.
CREATE TABLE call_ins (
    meeting_id    TEXT PRIMARY KEY REFERENCES meetings(id),
    location_id   TEXT REFERENCES locations(id),
    phone         TEXT,
    rebook_until  BIGINT,
    created_at    BIGINT NOT NULL
);
