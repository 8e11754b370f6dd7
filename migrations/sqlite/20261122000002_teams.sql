-- Teams (SQLite): per-event profiles, teams, membership and join requests.
ALTER TABLE events ADD COLUMN teams_locked_at INTEGER;

CREATE TABLE profiles (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    skills TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '',
    bio TEXT NOT NULL DEFAULT '',
    looking INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (event_id, user_id)
);

CREATE TABLE teams (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    pitch TEXT NOT NULL DEFAULT '',
    track_id INTEGER REFERENCES tracks(id) ON DELETE SET NULL,
    needs TEXT NOT NULL DEFAULT '',
    captain_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    invite_code TEXT NOT NULL UNIQUE,
    -- Kept equal to the number of team_members rows; taking a seat is a conditional UPDATE
    -- of this counter, which serializes racing joins on the team's row in both databases.
    member_count INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    UNIQUE (event_id, name)
);

CREATE TABLE team_members (
    team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (team_id, user_id),
    -- One team per participant per event.
    UNIQUE (event_id, user_id)
);

CREATE TABLE join_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
    created_at INTEGER NOT NULL,
    decided_at INTEGER,
    decided_by INTEGER REFERENCES users(id)
);
CREATE INDEX join_requests_team ON join_requests (team_id, status);
