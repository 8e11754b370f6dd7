-- Paper score sheets (PostgreSQL): a save keyed in by an organizer from a judge's paper sheet
-- names that organizer in the score's history.
ALTER TABLE score_saves ADD COLUMN entered_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
