-- The help desk on the day (SQLite). A claim nobody resolved or released within the event's
-- limit goes back to the queue, remembering whose it was so that mentor is told; a mentor who
-- helped a team at the help desk or held a session with it is recorded as having mentored it
-- (a conflict of interest for judging it), with how.
ALTER TABLE events ADD COLUMN help_claim_minutes INTEGER NOT NULL DEFAULT 20;
ALTER TABLE help_requests ADD COLUMN expired_from INTEGER REFERENCES users(id);
ALTER TABLE help_requests ADD COLUMN expired_at INTEGER;
ALTER TABLE mentorship_log ADD COLUMN source TEXT NOT NULL DEFAULT 'assigned'
    CHECK (source IN ('assigned', 'help', 'session'));
CREATE INDEX help_requests_claimed_at ON help_requests (status, claimed_at);
