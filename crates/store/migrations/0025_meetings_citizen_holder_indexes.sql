-- The first-conversation rules ask, on every booking, when the citizen's first conversation
-- with their a-kasse was (`slots::earliest_with_fund`). Scanning the citizen's meetings for one
-- held by the a-kasse read all of them when there was none (most citizens): two index seeks
-- instead, by the holding staff member and by the joint meeting's adviser.
CREATE INDEX meetings_citizen_staff ON meetings (citizen_id, staff_id);
CREATE INDEX meetings_citizen_adviser ON meetings (citizen_id, adviser_id);
