-- Pitch slots (SQLite). An event's plan: slots of `pitch_seconds` from `starts_at` (unix
-- seconds), with a break of `break_seconds` after every `break_every` slots (0: none). Each
-- assignment may hold a slot, its start and end; a slot whose score is done stays where it is
-- when the schedule is made again.
CREATE TABLE pitch_plans (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    starts_at INTEGER NOT NULL,
    pitch_seconds INTEGER NOT NULL,
    break_every INTEGER NOT NULL DEFAULT 0,
    break_seconds INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
);
ALTER TABLE judge_assignments ADD COLUMN slot_start INTEGER;
ALTER TABLE judge_assignments ADD COLUMN slot_end INTEGER;
