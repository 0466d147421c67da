-- The days the law counts a citizen's periods from (LAB § 9, stk. 2; § 31, stk. 4 and 5;
-- sygedagpengeloven § 13 b). Until now only `unemployed_since` was kept and every period was
-- counted from it, so existing citizens get it as the day of their group: the plan of an
-- existing case is what it was, and nothing is lost. NULL means "not recorded": the plan then
-- counts from `unemployed_since`.
ALTER TABLE citizens ADD COLUMN registered_on TEXT;
ALTER TABLE citizens ADD COLUMN first_contact_on TEXT;
ALTER TABLE citizens ADD COLUMN first_absence_on TEXT;
UPDATE citizens SET registered_on = unemployed_since WHERE target_group = 'insured_unemployed';
UPDATE citizens SET first_contact_on = unemployed_since
 WHERE target_group IN ('job_ready_cash_benefit', 'activity_ready_cash_benefit', 'education_benefit');
UPDATE citizens SET first_absence_on = unemployed_since WHERE target_group = 'sickness_benefit';
