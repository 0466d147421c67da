-- A worklist mark is kept per transaction that made it (issue 22, item 1). The mark was a key
-- (org, citizen_id): the worklist's worker deletes the marks of the cases it decides first and
-- then decides them, in one transaction, and every booking of one of those citizens meanwhile —
-- whose trigger marks the same key again — waited for that transaction's commit. Under a storm
-- over two instances half a session of PostgreSQL's was such a wait on average, and two
-- instances booked 71 % of what one did. With the marking transaction in the key
-- (`xact`: PostgreSQL's transaction id; 0 on SQLite, which has one writer and no such wait),
-- no two transactions ever write the same key: a transaction's many changes of one citizen
-- still make one mark, and the worker deletes what it read without anyone waiting for it
-- (store/src/worklist_marks.rs). The marks waiting are kept.
CREATE TABLE worklist_marks_kept AS SELECT org, citizen_id FROM worklist_marks;
DROP TABLE worklist_marks;
CREATE TABLE worklist_marks (
    org             TEXT NOT NULL,
    citizen_id      TEXT NOT NULL,
    xact            BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org, citizen_id, xact)
);
INSERT INTO worklist_marks (org, citizen_id) SELECT org, citizen_id FROM worklist_marks_kept;
DROP TABLE worklist_marks_kept;
