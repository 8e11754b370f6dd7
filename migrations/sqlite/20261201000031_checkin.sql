-- Check-in at the venue (SQLite). A participant is present once checked in, by scanning the
-- venue's code (checked_by NULL) or by an organizer ticking them on the list; a team is
-- present when one of its members is. The venue's code is posted on the wall: it only lets a
-- signed-in participant of the event mark themselves present, and the organizer renews it.
CREATE TABLE checkins (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    checked_at INTEGER NOT NULL,
    checked_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    PRIMARY KEY (event_id, user_id)
);
ALTER TABLE events ADD COLUMN checkin_code TEXT;
