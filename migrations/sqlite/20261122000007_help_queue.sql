-- The live help queue (SQLite): requests teams raise and mentors claim and resolve.
CREATE TABLE help_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    skill TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'resolved', 'cancelled')),
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    claimed_by INTEGER REFERENCES users(id),
    claimed_at INTEGER,
    resolved_at INTEGER
);
CREATE INDEX help_requests_event ON help_requests (event_id, status);
CREATE INDEX help_requests_claimer ON help_requests (claimed_by, status);
