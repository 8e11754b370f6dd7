-- Judging (SQLite): settings, versioned rubrics, judges' single-event sign-in passes,
-- conflicts of interest, assignments, scores and the idempotency log of score saves.
ALTER TABLE projects ADD COLUMN table_label TEXT NOT NULL DEFAULT '';

CREATE TABLE judging_settings (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    judges_per_project INTEGER NOT NULL DEFAULT 3,
    hide_names INTEGER NOT NULL DEFAULT 0,
    method TEXT NOT NULL DEFAULT 'z' CHECK (method IN ('raw', 'z')),
    disagreement INTEGER NOT NULL DEFAULT 25,
    state TEXT NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'open', 'closed')),
    published_at INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL
);

-- One row per rubric version; scope is a track id, or 0 for the event-wide rubric.
CREATE TABLE rubrics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    scope INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL,
    criteria TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    UNIQUE (event_id, scope, version)
);

-- A judge's sign-in link for one event: opening it signs the phone in, revoking it ends
-- that sign-in.
CREATE TABLE judge_passes (
    token TEXT PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX judge_passes_user ON judge_passes (event_id, user_id);

-- Per-judge settings: tracks the judge is limited to (comma-separated ids, empty = all)
-- and whether the judge is still available for new assignments.
CREATE TABLE judge_profiles (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    tracks TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (event_id, user_id)
);

CREATE TABLE judge_conflicts (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    judge_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (judge_id, team_id)
);
CREATE INDEX judge_conflicts_event ON judge_conflicts (event_id);

CREATE TABLE judge_assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    judge_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- NULL when an assignment run chose this judge.
    assigned_by INTEGER REFERENCES users(id),
    assigned_at INTEGER NOT NULL,
    UNIQUE (project_id, judge_id)
);
CREATE INDEX judge_assignments_judge ON judge_assignments (event_id, judge_id);

CREATE TABLE scores (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    judge_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    rubric_id INTEGER NOT NULL REFERENCES rubrics(id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'scored', 'absent')),
    -- JSON object: criterion key -> chosen level.
    marks TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    flagged INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (project_id, judge_id)
);
CREATE INDEX scores_event ON scores (event_id, judge_id);

-- Every score save a phone sent, by its idempotency key: a replay gets the first answer
-- back instead of being applied again. With what each save carried, it is also the score's
-- edit history (the audit trail of score edits, applied or refused as stale).
CREATE TABLE score_saves (
    judge_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    save_id TEXT NOT NULL,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'stale')),
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    marks TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    flagged INTEGER NOT NULL DEFAULT 0,
    at INTEGER NOT NULL,
    PRIMARY KEY (judge_id, save_id)
);
CREATE INDEX score_saves_project ON score_saves (project_id, judge_id);
