-- The team a staff member works in within their organisation, free text (NULL: no team).
-- Reports group meetings by the team of the staff member holding them, as teams are now.
ALTER TABLE staff ADD COLUMN team TEXT;
