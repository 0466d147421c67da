-- The language a citizen reads in (BCP 47 code: da, en, uk), so that notices and letters come
-- in the language the citizen chose on the pages, not in Danish only. Set when a signed-in
-- citizen switches language; staff cannot set it.
ALTER TABLE citizens ADD COLUMN language TEXT NOT NULL DEFAULT 'da';
-- A letter is written in the citizen's language; its date line and sender follow it.
ALTER TABLE letters ADD COLUMN language TEXT NOT NULL DEFAULT 'da';
