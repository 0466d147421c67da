-- The contact plan and the worklist. Plans are computed from the rule files and the meetings,
-- never stored; what is stored is what staff decide (exemptions) and what the worklist needs to
-- see that a self-service citizen has gone quiet.

-- Under the 2026 rules staff may exempt a citizen from the exemptible conversations, with a
-- reason. Rows are only added: the latest row per citizen says whether the exemption stands.
CREATE TABLE plan_exemptions (
    id                TEXT PRIMARY KEY,
    citizen_id        TEXT NOT NULL REFERENCES citizens(id),
    exempt            BIGINT NOT NULL,   -- 1: exempted, 0: exemption lifted
    reason            TEXT NOT NULL,
    decided_by        TEXT NOT NULL,
    decided_by_name   TEXT NOT NULL,
    decided_at        BIGINT NOT NULL
);
CREATE INDEX plan_exemptions_citizen ON plan_exemptions (citizen_id, decided_at);

-- The citizen's latest sign-in (self-service activity); NULL until they first sign in.
ALTER TABLE citizens ADD COLUMN last_signed_in_at BIGINT;
