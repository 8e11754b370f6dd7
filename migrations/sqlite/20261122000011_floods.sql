-- Login throttling per (account, client) and the first platform admin.
-- Times are UTC unix seconds; flags are 0/1 integers.

-- A login attempt is written here before its password is checked (a reservation), and
-- deleted when the password was right. `client` is `ip:<address>` or `device:<id>`;
-- `trusted` marks attempts made from a browser that signed in to this account before.
ALTER TABLE login_failures ADD COLUMN trusted INTEGER NOT NULL DEFAULT 0;
CREATE INDEX login_failures_pair ON login_failures (account, client, at);

-- One row per account (and per client address) being checked: upserting it first makes
-- concurrent attempts on the same account wait for each other on PostgreSQL.
CREATE TABLE login_locks (
    key TEXT PRIMARY KEY,
    at INTEGER NOT NULL
);

-- Browsers that signed in to an account: their cookie token (hashed) exempts them from the
-- per-account slowdown strangers cause.
CREATE TABLE login_devices (
    token_hash TEXT NOT NULL,
    account TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    used_at INTEGER NOT NULL,
    PRIMARY KEY (token_hash, account)
);

-- The one-time admin set-up link (its token hashed). A single row: claiming it is one
-- UPDATE … WHERE claimed_by IS NULL, so of two concurrent claims exactly one wins.
CREATE TABLE admin_bootstrap (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    token_hash TEXT,
    created_at INTEGER NOT NULL,
    claimed_by INTEGER REFERENCES users(id),
    claimed_at INTEGER
);
INSERT INTO admin_bootstrap (id, token_hash, created_at, claimed_by, claimed_at)
SELECT 1, NULL, 0, id, 0 FROM users WHERE is_admin = 1 ORDER BY id LIMIT 1;
