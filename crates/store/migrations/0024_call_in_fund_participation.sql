-- BEK nr. 442 af 26. maj 2023 § 20, stk. 1, nr. 13: for a job conversation under LAB § 31,
-- stk. 2 (LBK nr. 280 af 1. marts 2024) — the insured person's first individual job
-- conversation with the jobcentre, where the person chooses whether the a-kasse takes part —
-- the call-in registers the status of the a-kasse's participation. NULL: not such a
-- conversation; 'participates': the person chose it and an adviser is booked in; 'declined':
-- the person chose the jobcentre alone. Recorded when the call-in is made.
ALTER TABLE call_ins ADD COLUMN fund_participation TEXT;
