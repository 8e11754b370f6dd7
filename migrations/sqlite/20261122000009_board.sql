-- The live board (SQLite): who may see it, the snapshot frozen for the public, the results
-- published and how far their reveal has gone; and the organizers' announcements.
CREATE TABLE boards (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    visibility TEXT NOT NULL DEFAULT 'hidden' CHECK (visibility IN ('hidden', 'organizers', 'public')),
    -- Whether teams see the judges' comments on their project once results are published.
    show_comments INTEGER NOT NULL DEFAULT 0,
    top_n INTEGER NOT NULL DEFAULT 10,
    rotate_seconds INTEGER NOT NULL DEFAULT 15,
    -- JSON standings shown to the public while frozen (NULL when live).
    frozen TEXT,
    frozen_at INTEGER,
    -- JSON standings published (NULL before publication).
    published TEXT,
    published_at INTEGER,
    reveal_mode TEXT NOT NULL DEFAULT 'all' CHECK (reveal_mode IN ('all', 'ranking', 'tracks')),
    reveal_step INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL
);

CREATE TABLE announcements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    body_ar TEXT NOT NULL DEFAULT '',
    body_fr TEXT NOT NULL DEFAULT '',
    body_en TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    retired_at INTEGER
);
CREATE INDEX announcements_event ON announcements (event_id, created_at);

-- A CSV an organizer uploaded for import: kept until they confirm it, so the preview and
-- the import read the very same rows; `result` keeps what the import created.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('participants', 'mentors', 'judges', 'projects')),
    body TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    committed_at INTEGER,
    result TEXT
);
CREATE INDEX imports_event ON imports (event_id, created_at);
