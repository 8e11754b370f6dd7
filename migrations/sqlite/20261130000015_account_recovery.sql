-- Accounts people can recover (SQLite): a per-account session epoch and one-time
-- password-reset links. Times are UTC unix seconds.

-- Every session remembers the epoch of its account when it was opened; the gate admits it only
-- while the account is still at that epoch. "Sign out everywhere", a password change and a
-- reset move the account to the next epoch, which ends its sessions on every instance.
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;

-- A reset link issued by the platform admin or by the operator (`hakam reset-link`). Only the
-- SHA-256 (hex) of its random token is kept. A link works once (`used_at`), until
-- `expires_at`; issuing a newer one or changing the password deletes the account's others.
-- `created_by` is the admin who issued it, NULL when the operator's command did.
CREATE TABLE password_resets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX password_resets_user ON password_resets (user_id);
