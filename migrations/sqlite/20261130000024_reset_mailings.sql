-- Reset links sent by e-mail at the person's own request (SQLite). Anyone can ask for a link to
-- be mailed to an address, so how many went to one account in the last hour is counted here,
-- where every instance sees it (password_resets keeps only an account's newest link).
CREATE TABLE reset_mailings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    at INTEGER NOT NULL
);
CREATE INDEX reset_mailings_user ON reset_mailings (user_id, at);
