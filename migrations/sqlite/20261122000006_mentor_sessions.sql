-- Mentoring sessions (SQLite): slots a mentor offers, booked by at most one team each.
CREATE TABLE mentor_slots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
    booked_by INTEGER REFERENCES users(id),
    booked_at INTEGER,
    notes TEXT NOT NULL DEFAULT '',
    -- NULL until the mentor marks it: 1 attended, 0 did not come.
    attended INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX mentor_slots_event ON mentor_slots (event_id, starts_at);
CREATE INDEX mentor_slots_team ON mentor_slots (team_id);
