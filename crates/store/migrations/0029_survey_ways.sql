-- Surveys for everyone (issue 19 item 5): how a survey was answered (NULL or 'digital': by
-- the citizen signed in; 'phone': staff recorded it in a call; 'paper': by the letter's code
-- without signing in, or typed in from the returned form), who recorded it, and the short code
-- the paper letter gives. The report keeps a count per way beside the answers.
ALTER TABLE surveys ADD COLUMN answered_by TEXT;
ALTER TABLE surveys ADD COLUMN recorded_by TEXT;
ALTER TABLE surveys ADD COLUMN code TEXT;
CREATE UNIQUE INDEX surveys_code ON surveys (code);
ALTER TABLE report_days ADD COLUMN answered_phone BIGINT NOT NULL DEFAULT 0;
ALTER TABLE report_days ADD COLUMN answered_paper BIGINT NOT NULL DEFAULT 0;
ALTER TABLE report_months ADD COLUMN answered_phone BIGINT NOT NULL DEFAULT 0;
ALTER TABLE report_months ADD COLUMN answered_paper BIGINT NOT NULL DEFAULT 0;
