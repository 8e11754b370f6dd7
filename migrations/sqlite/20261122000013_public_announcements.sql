-- Announcements are for the event's members unless the organizer makes one public: only
-- public ones appear on the projector, which anyone may open.
ALTER TABLE announcements ADD COLUMN is_public INTEGER NOT NULL DEFAULT 0;
