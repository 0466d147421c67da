-- Digital Post (issue 19 item 3, ADR 0007).
--
-- The CPR number, sealed (AES-256-GCM under a key derived from the CPR key): Digital Post
-- addresses a citizen by it and by nothing else. NULL for citizens registered before, and for
-- bulk data generated without numbers: their letters are printed, saying why.
ALTER TABLE citizens ADD COLUMN cpr_sealed TEXT;
-- The organisation's CVR number: a municipality's is the sender of its Digital Post (MeMo
-- Sender/senderID).
ALTER TABLE municipalities ADD COLUMN cvr TEXT;
ALTER TABLE unemployment_funds ADD COLUMN cvr TEXT;
-- A letter delivered to Digital Post (when), or printed because Digital Post could not take it
-- (why, shown on "Breve").
ALTER TABLE letters ADD COLUMN digital_post_at BIGINT;
ALTER TABLE letters ADD COLUMN fallback TEXT;
