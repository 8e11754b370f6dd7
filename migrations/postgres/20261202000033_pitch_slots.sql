-- Pitch slots (PostgreSQL). An event's plan: slots of `pitch_seconds` from `starts_at` (unix
-- seconds), with a break of `break_seconds` after every `break_every` slots (0: none). Each
-- assignment may hold a slot, its start and end; a slot whose score is done stays where it is
-- when the schedule is made again.
CREATE TABLE pitch_plans (
    event_id BIGINT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    pitch_seconds BIGINT NOT NULL,
    break_every BIGINT NOT NULL DEFAULT 0,
    break_seconds BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL
);
ALTER TABLE judge_assignments ADD COLUMN slot_start BIGINT;
ALTER TABLE judge_assignments ADD COLUMN slot_end BIGINT;
