-- Screenshots live in the database, so every instance sharing it serves them and a backup of
-- the database holds them. Rows written before now keep a NULL here until the server, at
-- start, reads their file from the old upload folder (HAKAM_UPLOAD_DIR) into it.
ALTER TABLE screenshots ADD COLUMN data BYTEA;
