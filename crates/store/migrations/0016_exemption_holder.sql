-- Under the 2026 rules each organisation exempts only from its own conversations: the a-kasse
-- from the a-kasse's (within its 25 %), the municipality from the municipality's. An exemption
-- now names whose conversations it covers. Earlier decisions cover the conversations of the
-- organisation of the staff member who made them (an a-kasse's exemption used to remove the
-- municipality's conversations too, which the law does not allow).
ALTER TABLE plan_exemptions ADD COLUMN holder TEXT NOT NULL DEFAULT 'municipality';
UPDATE plan_exemptions SET holder = 'unemployment_fund'
 WHERE decided_by IN (SELECT id FROM staff WHERE unemployment_fund IS NOT NULL);
CREATE INDEX plan_exemptions_holder ON plan_exemptions (citizen_id, holder, decided_at);
