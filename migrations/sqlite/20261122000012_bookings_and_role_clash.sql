-- Mentoring bookings (SQLite). A session's notes and attendance belong to the booking, not
-- to the slot: when a team cancels, its booking keeps them (the organizers' history), and the
-- next team to book the slot starts a booking of its own with nothing in it.
CREATE TABLE mentor_bookings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slot_id INTEGER NOT NULL REFERENCES mentor_slots(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    -- NULL once the team is gone (or, for notes moved here below, never known).
    team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
    booked_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    booked_at INTEGER NOT NULL,
    -- NULL while the booking stands.
    cancelled_at INTEGER,
    notes TEXT NOT NULL DEFAULT '',
    -- NULL until the mentor marks it: 1 attended, 0 did not come.
    attended INTEGER
);
-- At most one standing booking per slot.
CREATE UNIQUE INDEX mentor_bookings_standing ON mentor_bookings (slot_id) WHERE cancelled_at IS NULL;
CREATE INDEX mentor_bookings_event ON mentor_bookings (event_id);

INSERT INTO mentor_bookings (slot_id, event_id, team_id, booked_by, booked_at, cancelled_at, notes, attended)
SELECT id, event_id, team_id, booked_by, COALESCE(booked_at, created_at), NULL, notes, attended
FROM mentor_slots WHERE team_id IS NOT NULL;
-- Notes on a free slot were left by a cancelled booking (whose team was not recorded): they
-- become that booking's history instead of the next team's reading.
INSERT INTO mentor_bookings (slot_id, event_id, team_id, booked_by, booked_at, cancelled_at, notes, attended)
SELECT id, event_id, NULL, NULL, created_at, created_at, notes, attended
FROM mentor_slots WHERE team_id IS NULL AND (notes <> '' OR attended IS NOT NULL);

ALTER TABLE mentor_slots DROP COLUMN notes;
ALTER TABLE mentor_slots DROP COLUMN attended;

-- One person holds either the judge role or participant/mentor roles in an event, unless an
-- organizer allowed both: an invite created with this flag grants its role regardless.
ALTER TABLE invites ADD COLUMN allow_clash INTEGER NOT NULL DEFAULT 0;
