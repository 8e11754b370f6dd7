-- The skills an event suggests to its participants (comma-separated normalized tags).
ALTER TABLE events ADD COLUMN skills TEXT NOT NULL DEFAULT '';
