-- Feedback teams can use (PostgreSQL). A judge writes feedback for the team apart from the private
-- notes for the organizers; the score's history keeps both.
ALTER TABLE scores ADD COLUMN feedback TEXT NOT NULL DEFAULT '';
ALTER TABLE score_saves ADD COLUMN feedback TEXT NOT NULL DEFAULT '';
-- Where the organizer already let teams read the judges' notes, those notes were written to
-- be read by the team: they become its feedback (and stay the notes too). Elsewhere the notes
-- stay private.
UPDATE scores SET feedback = notes WHERE event_id IN (SELECT event_id FROM boards WHERE show_comments = 1);
-- What teams see of their own result once published: their place (as before) and, if the
-- organizer chooses, their average mark on each criterion.
ALTER TABLE boards ADD COLUMN show_rank BIGINT NOT NULL DEFAULT 1;
ALTER TABLE boards ADD COLUMN show_marks BIGINT NOT NULL DEFAULT 0;
