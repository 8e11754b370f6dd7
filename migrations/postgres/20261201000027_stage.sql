-- The stage (PostgreSQL): which project is pitching on stage, and its pitch timer, which the
-- projector, the judges' desks and the console show counting down. The timer is running
-- when `ends_at` is set (milliseconds since the epoch, the server's clock), stopped with
-- `left_ms` to go otherwise (NULL: the whole pitch, not started).
CREATE TABLE stages (
    event_id BIGINT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    project_id BIGINT REFERENCES projects(id) ON DELETE SET NULL,
    pitch_seconds BIGINT NOT NULL DEFAULT 300,
    ends_at BIGINT,
    left_ms BIGINT,
    version BIGINT NOT NULL DEFAULT 1,
    updated_at BIGINT NOT NULL
);

-- Projects that have been on stage, and when they first went on: the console's line-up
-- marks them done.
CREATE TABLE stage_pitches (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    PRIMARY KEY (event_id, project_id)
);
