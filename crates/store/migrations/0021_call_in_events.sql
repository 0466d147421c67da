-- The call-in export feed (GET /api/v1/exports/call-ins): one row per call-in and per change to
-- it, with the facts BEK nr. 442 af 26. maj 2023 § 20, stk. 1 registers, as they were right
-- after the change (stk. 2-3: the call-in and every change are reported). Written in the
-- change's own transaction; never updated.
--
-- Cursor-stable under concurrent writes: rows are read in (tx, id) order, where `tx` orders
-- transactions as they commit. On PostgreSQL it is the writing transaction's id, and a reader
-- only returns rows of transactions older than its snapshot's xmin (all of them finished), so a
-- slow transaction with a lower id can never appear behind a cursor that has passed it. On
-- SQLite there is one writer at a time, and `tx` is the next number in the same transaction.
CREATE TABLE call_in_events (
    id                 TEXT PRIMARY KEY,
    tx                 BIGINT NOT NULL,
    meeting_id         TEXT NOT NULL REFERENCES meetings(id),
    citizen_id         TEXT NOT NULL REFERENCES citizens(id),
    -- The organisation holding the call-in: whose staff may read the event.
    municipality       TEXT REFERENCES municipalities(code),
    unemployment_fund  TEXT REFERENCES unemployment_funds(code),
    kind               TEXT NOT NULL,   -- called_in | moved | cancelled | held | no_show | absence_accepted
    at                 BIGINT NOT NULL,
    facts              TEXT NOT NULL    -- JSON: the § 20 fields after the change
);
CREATE INDEX call_in_events_order ON call_in_events (tx, id);
CREATE INDEX call_in_events_municipality ON call_in_events (municipality, tx, id);
CREATE INDEX call_in_events_fund ON call_in_events (unemployment_fund, tx, id);
