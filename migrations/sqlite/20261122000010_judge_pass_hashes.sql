-- Judge passes (SQLite) keep only the SHA-256 (hex) of their secret, expire, and have an id
-- that the sessions they open remember: the gate admits such a session only while its pass
-- is unrevoked and unexpired, so revoking or renewing a pass ends those sessions at once.
-- `rotated_at` is when "show link" last replaced the secret of the same pass.
--
-- Links issued before this migration were stored in clear: they are kept for the record but
-- revoked and expired here (organizers issue new ones with "New link").
CREATE TABLE judge_passes_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    rotated_at INTEGER
);
-- 'legacy-N' is never the hex digest of any token, so no link can open these rows.
INSERT INTO judge_passes_next (token_hash, event_id, user_id, created_by, created_at, expires_at, revoked_at)
SELECT 'legacy-' || ROW_NUMBER() OVER (ORDER BY created_at, token), event_id, user_id, created_by, created_at, created_at,
       COALESCE(revoked_at, created_at)
FROM judge_passes;
DROP TABLE judge_passes;
ALTER TABLE judge_passes_next RENAME TO judge_passes;
CREATE INDEX judge_passes_user ON judge_passes (event_id, user_id);
