-- People's choice (SQLite): the audience vote's settings, the one-time tickets handed to
-- visitors, the votes, and the published result beside the board's.
CREATE TABLE audience_settings (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    state TEXT NOT NULL DEFAULT 'off' CHECK (state IN ('off', 'open', 'closed')),
    -- How many projects each voter may choose (distinct projects).
    votes_each INTEGER NOT NULL DEFAULT 1,
    -- Whether visitors holding a ticket may vote, besides the participants.
    tickets INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL
);

-- A ticket is used once: the first browser to use it holds it (its session), and the
-- address and browser it came from are kept to show the organizer tickets used in bulk.
-- Only the code's digest is kept; `number` is what the printed ticket and the organizer see.
CREATE TABLE audience_tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    code_hash TEXT NOT NULL UNIQUE,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    redeemed_at INTEGER,
    client TEXT NOT NULL DEFAULT '',
    browser TEXT NOT NULL DEFAULT '',
    voided_at INTEGER,
    UNIQUE (event_id, number)
);

-- One row per vote. `voter` is `u<account id>` or `t<ticket id>`: one ballot per account or
-- ticket, at most `votes_each` slots in it, never the same project twice; the keys enforce
-- it, so two votes sent at once cannot both land.
CREATE TABLE audience_votes (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    voter TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    ticket_id INTEGER REFERENCES audience_tickets(id) ON DELETE CASCADE,
    slot INTEGER NOT NULL,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    cast_at INTEGER NOT NULL,
    PRIMARY KEY (event_id, voter, slot),
    UNIQUE (event_id, voter, project_id),
    CHECK ((user_id IS NULL) <> (ticket_id IS NULL))
);
CREATE INDEX audience_votes_project ON audience_votes (project_id);

-- The people's choice as published with the results (JSON), revealed with them.
ALTER TABLE boards ADD COLUMN favourites TEXT;
