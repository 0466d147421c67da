-- Letters a person can act on (issue 19): the citizen's postal address for the envelope's
-- window, and, on each letter, the address and the sender's contact lines as they were when it
-- was written (a letter is a record of what was sent; a later move does not change it).
-- A letter with no address is "mangler adresse" on the letters page, never printed silently.
ALTER TABLE citizens ADD COLUMN address_street TEXT;
ALTER TABLE citizens ADD COLUMN address_postcode TEXT;
ALTER TABLE citizens ADD COLUMN address_town TEXT;
ALTER TABLE letters ADD COLUMN recipient_address TEXT;
ALTER TABLE letters ADD COLUMN sender TEXT;
