-- Rooms at the venue (SQLite). Judges walk the rooms in `position` order and, within a room,
-- the tables in their numbers' order; `capacity` is how many tables the room holds (NULL: no
-- limit), which automatic placement respects. A project sits in a room at a table (its
-- `table_label`); removing a room leaves its projects without one, their tables kept.
CREATE TABLE rooms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    capacity INTEGER,
    UNIQUE (event_id, name)
);
ALTER TABLE projects ADD COLUMN room_id INTEGER REFERENCES rooms(id) ON DELETE SET NULL;
-- A judge may be limited to some rooms (comma-separated room ids, empty: every room), as to
-- some tracks: the assignment gives them only projects placed there.
ALTER TABLE judge_profiles ADD COLUMN rooms TEXT NOT NULL DEFAULT '';
