-- The stage (SQLite): which project is pitching on stage, and its pitch timer, which the
-- projector, the judges' desks and the console show counting down. The timer is running
-- when `ends_at` is set (milliseconds since the epoch, the server's clock), stopped with
-- `left_ms` to go otherwise (NULL: the whole pitch, not started).
CREATE TABLE stages (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
    pitch_seconds INTEGER NOT NULL DEFAULT 300,
    ends_at INTEGER,
    left_ms INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL
);

-- Projects that have been on stage, and when they first went on: the console's line-up
-- marks them done.
CREATE TABLE stage_pitches (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    PRIMARY KEY (event_id, project_id)
);
