-- A room's floor plan (SQLite): an image the organizer uploads, shown on the rooms page and on
-- the printed map, and served to the event's organizers and judges. `plan_type` is the
-- content type its bytes were recognised as.
ALTER TABLE rooms ADD COLUMN plan_type TEXT;
ALTER TABLE rooms ADD COLUMN plan_data BLOB;
