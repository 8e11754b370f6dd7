-- Mentoring (SQLite): mentor profiles per event and the mentor assigned to each team.
CREATE TABLE mentor_profiles (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expertise TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '',
    capacity INTEGER NOT NULL DEFAULT 3,
    bio TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (event_id, user_id)
);

CREATE TABLE mentor_assignments (
    team_id INTEGER PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    skills TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    -- NULL when the automatic assignment chose this mentor.
    assigned_by INTEGER REFERENCES users(id),
    assigned_at INTEGER NOT NULL
);
CREATE INDEX mentor_assignments_mentor ON mentor_assignments (event_id, mentor_id);

-- Every mentor who has ever mentored a team: a conflict of interest for judging it, kept
-- even after the assignment changes.
CREATE TABLE mentorship_log (
    team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    mentor_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    first_at INTEGER NOT NULL,
    PRIMARY KEY (team_id, mentor_id)
);
