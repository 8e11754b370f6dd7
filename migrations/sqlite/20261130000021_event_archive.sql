-- Events end cleanly (SQLite). An organizer archives an event once it is over: it stays
-- readable and exportable, and every write to it is refused until it is unarchived.
-- `exported_at` is when an organizer last downloaded the whole event (export.zip); archiving
-- clears it, so deleting an archived event requires a full export taken after archiving.
-- Times are UTC unix seconds; NULL means never.
ALTER TABLE events ADD COLUMN archived_at INTEGER;
ALTER TABLE events ADD COLUMN exported_at INTEGER;
