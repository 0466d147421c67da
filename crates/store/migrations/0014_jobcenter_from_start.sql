-- Sent to the jobcenter from the start (LAB § 27, stk. 3: under 25, no vocational
-- qualification, no children): the plan follows the `jobcenter_from_start` course of the rule
-- files, six jobcenter conversations in six months and none with the a-kasse.
ALTER TABLE citizens ADD COLUMN jobcenter_from_start BIGINT NOT NULL DEFAULT 0;
