-- What a citizen needs to take part on equal terms (issue 19, "Mine oplysninger"): an
-- interpreter's language (ISO 639-1, from domain::InterpreterLanguage::ALL; NULL: none) and a
-- way in without steps. The citizen may set both; a booking and the letter then carry them.
ALTER TABLE citizens ADD COLUMN interpreter_language TEXT;
ALTER TABLE citizens ADD COLUMN step_free_access BIGINT NOT NULL DEFAULT 0;

-- The worklist's "letter waits for an address" (issue 19): a probe per citizen into the few
-- letters that cannot be printed, not a scan of every letter ever written.
CREATE INDEX letters_address_missing ON letters (citizen_id, created_at)
    WHERE printed_at IS NULL AND recipient_address IS NULL;
