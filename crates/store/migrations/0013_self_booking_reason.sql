-- Why a citizen is exempt from booking themself: one of the reasons of BEK nr. 1216/2023 § 45
-- (it_skills | language | disability | interpreter_or_premises). NULL: not exempt, or exempted
-- before reasons were recorded.
ALTER TABLE citizens ADD COLUMN self_booking_exempt_reason TEXT;
