-- Event content in Arabic, French and English: the event's description and each track's
-- name and description get one column per language. The original column keeps the first
-- language written, for what shows one text only (CSV exports, a project's change history).
-- Text written before now is copied into every language, so every reader still sees it.
ALTER TABLE events ADD COLUMN description_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN description_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
UPDATE events SET description_ar = description, description_fr = description, description_en = description;

ALTER TABLE tracks ADD COLUMN name_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE tracks ADD COLUMN name_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE tracks ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE tracks ADD COLUMN description_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE tracks ADD COLUMN description_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE tracks ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
UPDATE tracks SET name_ar = name, name_fr = name, name_en = name,
    description_ar = description, description_fr = description, description_en = description;

-- Two tracks of one event never share a name in any language (a reader could not tell them
-- apart); a language left empty is not a name.
CREATE UNIQUE INDEX tracks_name_ar ON tracks (event_id, name_ar) WHERE name_ar <> '';
CREATE UNIQUE INDEX tracks_name_fr ON tracks (event_id, name_fr) WHERE name_fr <> '';
CREATE UNIQUE INDEX tracks_name_en ON tracks (event_id, name_en) WHERE name_en <> '';
