-- Certificates of participation (SQLite): one random code per participant of an event, made
-- the first time the certificate is shown; the check page finds the certificate by it.
CREATE TABLE certificates (
    code TEXT PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    UNIQUE (event_id, user_id)
);
