-- The data protection officer's address per organisation (issue 19 item 7): a public
-- authority must have one (GDPR art. 37(1)(a)) and the privacy notice must give its contact
-- details (art. 13(1)(b)). Optional, as a-kasser decide their own.
ALTER TABLE municipalities ADD COLUMN dpo_email TEXT;
ALTER TABLE unemployment_funds ADD COLUMN dpo_email TEXT;
