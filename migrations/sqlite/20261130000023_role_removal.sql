-- Organizers remove roles (SQLite). A judge who has scored is retired, not removed: the role
-- row stays, so the scores keep their author and the results stay explainable, but the gate
-- admits only rows without `retired_at`, so the judge loses access at once.
ALTER TABLE event_roles ADD COLUMN retired_at INTEGER;
ALTER TABLE event_roles ADD COLUMN retired_by INTEGER REFERENCES users(id);

-- A removed mentor's slots that had not ended are withdrawn: no longer listed or bookable,
-- kept with their bookings (cancelled, notes included) as the sessions' history.
ALTER TABLE mentor_slots ADD COLUMN withdrawn_at INTEGER;

-- Who was removed from which role. An invite created before the removal (its id at most
-- `invites_before`) cannot grant that role back to that person; a newer invite, which an
-- organizer made after deciding the removal, can.
CREATE TABLE role_removals (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('organizer', 'mentor', 'judge', 'participant')),
    removed_by INTEGER REFERENCES users(id),
    removed_at INTEGER NOT NULL,
    invites_before INTEGER NOT NULL,
    PRIMARY KEY (event_id, user_id, role)
);
