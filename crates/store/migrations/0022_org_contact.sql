-- How citizens reach each organisation: the contact page, and (issue 19) the letters' sender.
-- `phone_hours` is free text as the organisation words it ("mandag-fredag kl. 9-15").
ALTER TABLE municipalities ADD COLUMN phone TEXT;
ALTER TABLE municipalities ADD COLUMN phone_hours TEXT;
ALTER TABLE municipalities ADD COLUMN email TEXT;
ALTER TABLE unemployment_funds ADD COLUMN phone TEXT;
ALTER TABLE unemployment_funds ADD COLUMN phone_hours TEXT;
ALTER TABLE unemployment_funds ADD COLUMN email TEXT;
