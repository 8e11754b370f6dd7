//! Event queries.

use super::domain::Event;
use crate::auth::Role;
use crate::db::{now, Db, Tx};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Localized, Msg};

#[derive(sqlx::FromRow, Clone, Debug)]
pub struct EventRow {
    pub id: i64,
    pub version: i64,
    #[sqlx(flatten)]
    pub input: Event,
    description_ar: String,
    description_fr: String,
    description_en: String,
}

pub const EVENT_COLUMNS: &str = "id, name, venue, timezone, starts_at, ends_at, \
    team_min, team_max, registration_opens, registration_closes, hacking_starts, \
    submission_deadline, judging_opens, judging_closes, results_at, version, description_ar, \
    description_fr, description_en";

impl EventRow {
    pub fn input(&self) -> Event {
        self.input.clone()
    }

    /// Moves the description's three columns into the event.
    fn filled(mut self) -> EventRow {
        self.input.description = Localized {
            ar: std::mem::take(&mut self.description_ar),
            fr: std::mem::take(&mut self.description_fr),
            en: std::mem::take(&mut self.description_en),
        };
        self
    }
}

/// Binds the event's fields, in `Event` order, as the next 18 parameters: the 15 columns
/// (the description's first-written text in `description`), then the description in Arabic,
/// French and English.
fn bind_fields<'q>(query: AnyQuery<'q>, e: &'q Event) -> AnyQuery<'q> {
    query
        .bind(&e.name)
        .bind(e.description.first())
        .bind(&e.venue)
        .bind(&e.timezone)
        .bind(e.starts_at)
        .bind(e.ends_at)
        .bind(e.team_min)
        .bind(e.team_max)
        .bind(e.registration_opens)
        .bind(e.registration_closes)
        .bind(e.hacking_starts)
        .bind(e.submission_deadline)
        .bind(e.judging_opens)
        .bind(e.judging_closes)
        .bind(e.results_at)
        .bind(&e.description.ar)
        .bind(&e.description.fr)
        .bind(&e.description.en)
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

pub async fn event(db: &Db, id: i64) -> Result<Option<EventRow>, sqlx::Error> {
    let row: Option<EventRow> = sqlx::query_as(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(EventRow::filled))
}

pub async fn list(db: &Db) -> Result<Vec<EventRow>, sqlx::Error> {
    let rows: Vec<EventRow> =
        sqlx::query_as(&format!("SELECT {EVENT_COLUMNS} FROM events ORDER BY starts_at DESC, id DESC LIMIT 200"))
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().map(EventRow::filled).collect())
}

pub async fn insert(tx: &mut Tx, e: &Event, created_by: i64) -> AppResult<i64> {
    let t = now();
    let row = bind_fields(
        sqlx::query(
            "INSERT INTO events (name, description, venue, timezone, starts_at, ends_at, team_min, \
             team_max, registration_opens, registration_closes, hacking_starts, submission_deadline, \
             judging_opens, judging_closes, results_at, description_ar, description_fr, description_en, \
             created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, \
             $20, $20) \
             RETURNING id",
        ),
        e,
    )
    .bind(created_by)
    .bind(t)
    .fetch_one(&mut **tx)
    .await?;
    let id: i64 = sqlx::Row::try_get(&row, 0)?;
    grant(tx, id, created_by, Role::Organizer, Some(created_by)).await?;
    Ok(id)
}

/// Updates only if nobody saved since `version` was read; returns whether it did.
pub async fn update(tx: &mut Tx, id: i64, version: i64, e: &Event) -> Result<bool, sqlx::Error> {
    let done = bind_fields(
        sqlx::query(
            "UPDATE events SET name = $1, description = $2, venue = $3, timezone = $4, starts_at = $5, \
             ends_at = $6, team_min = $7, team_max = $8, registration_opens = $9, \
             registration_closes = $10, hacking_starts = $11, submission_deadline = $12, \
             judging_opens = $13, judging_closes = $14, results_at = $15, description_ar = $16, \
             description_fr = $17, description_en = $18, version = version + 1, updated_at = $19 \
             WHERE id = $20 AND version = $21",
        ),
        e,
    )
    .bind(now())
    .bind(id)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Grants a role; granting one already held changes nothing. A role that clashes with one
/// the person already holds in the event (`domain::clashing_roles`: judge against participant
/// or mentor) is refused with `ErrRoleClash`; see `grant_allowing_clash` for the organizer's
/// exception.
pub async fn grant(tx: &mut Tx, event_id: i64, user_id: i64, role: Role, by: Option<i64>) -> AppResult<bool> {
    grant_with(tx, event_id, user_id, role, by, false).await
}

/// Grants a role even if it clashes with one already held: only for a grant an organizer
/// explicitly allowed (an invite created with "may also hold clashing roles").
pub async fn grant_allowing_clash(
    tx: &mut Tx,
    event_id: i64,
    user_id: i64,
    role: Role,
    by: Option<i64>,
) -> AppResult<bool> {
    grant_with(tx, event_id, user_id, role, by, true).await
}

async fn grant_with(
    tx: &mut Tx,
    event_id: i64,
    user_id: i64,
    role: Role,
    by: Option<i64>,
    allow_clash: bool,
) -> AppResult<bool> {
    let clashing = super::domain::clashing_roles(role);
    if !clashing.is_empty() && !allow_clash {
        // Grants to one person are serialized on their row (PostgreSQL; SQLite writers take
        // turns anyway), so a judge invite and a join racing cannot both pass the check.
        sqlx::query("UPDATE users SET created_at = created_at WHERE id = $1").bind(user_id).execute(&mut **tx).await?;
        let held: Vec<String> = sqlx::query_scalar("SELECT role FROM event_roles WHERE event_id = $1 AND user_id = $2")
            .bind(event_id)
            .bind(user_id)
            .fetch_all(&mut **tx)
            .await?;
        if held.iter().filter_map(|r| Role::from_code(r)).any(|r| clashing.contains(&r)) {
            return Err(AppError::Conflict(Msg::ErrRoleClash));
        }
    }
    let done = sqlx::query(
        "INSERT INTO event_roles (event_id, user_id, role, granted_by, granted_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id, user_id, role) DO NOTHING",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(role.code())
    .bind(by)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A track with its name and description in every language.
#[derive(sqlx::FromRow, Clone, Debug)]
pub struct TrackRow {
    pub id: i64,
    name_ar: String,
    name_fr: String,
    name_en: String,
    description_ar: String,
    description_fr: String,
    description_en: String,
}

impl TrackRow {
    pub fn name(&self) -> Localized {
        Localized::new(&self.name_ar, &self.name_fr, &self.name_en)
    }
    pub fn description(&self) -> Localized {
        Localized::new(&self.description_ar, &self.description_fr, &self.description_en)
    }
}

pub async fn tracks(db: &Db, event_id: i64) -> Result<Vec<TrackRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name_ar, name_fr, name_en, description_ar, description_fr, description_en FROM tracks \
         WHERE event_id = $1 ORDER BY id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await
}

/// The event's tracks named as a reader of `lang` sees them, for lists and selects.
pub async fn track_names(db: &Db, event_id: i64, lang: Lang) -> Result<Vec<(i64, String)>, sqlx::Error> {
    Ok(tracks(db, event_id).await?.into_iter().map(|t| (t.id, t.name().pick(lang).to_owned())).collect())
}

/// Every track name of the event as stored in its one-text column (the first language
/// written), mapped to the name in each language: how rows that carry that text (results,
/// the board's frozen standings) show a track in the reader's language.
pub async fn track_languages(
    db: &Db,
    event_id: i64,
) -> Result<std::collections::HashMap<String, Localized>, sqlx::Error> {
    Ok(tracks(db, event_id).await?.into_iter().map(|t| (t.name().first().to_owned(), t.name())).collect())
}

/// Adds a track; `None` when one of the event's tracks already has that name in one of the
/// languages. The one place tracks are inserted (the event page and the demo).
pub async fn insert_track(
    tx: &mut Tx,
    event_id: i64,
    name: &Localized,
    description: &Localized,
) -> Result<Option<i64>, sqlx::Error> {
    // No conflict target: the per-language unique indexes count as much as the first-written
    // name's, on both databases.
    sqlx::query_scalar(
        "INSERT INTO tracks (event_id, name, description, name_ar, name_fr, name_en, description_ar, \
         description_fr, description_en, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(event_id)
    .bind(name.first())
    .bind(description.first())
    .bind(&name.ar)
    .bind(&name.fr)
    .bind(&name.en)
    .bind(&description.ar)
    .bind(&description.fr)
    .bind(&description.en)
    .bind(now())
    .fetch_optional(&mut **tx)
    .await
}

/// Whether `track_id` is one of the event's tracks (ids from a form are checked with this
/// before they are stored or used as a scope).
pub async fn track_in_event(db: &Db, event_id: i64, track_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM tracks WHERE id = $1 AND event_id = $2")
        .bind(track_id)
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(found.is_some())
}

/// A track id typed into a form: empty for none, else one of this event's tracks.
pub async fn track_of_event(
    db: &Db,
    event_id: i64,
    raw: &str,
    errors: &mut Vec<crate::error::FieldError>,
) -> crate::error::AppResult<Option<i64>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let id = raw.parse::<i64>().ok();
    let exists = match id {
        Some(id) => track_in_event(db, event_id, id).await?,
        None => false,
    };
    if !exists {
        errors.push(crate::error::FieldError::new("track_id", crate::i18n::Msg::ErrRequired));
    }
    Ok(id)
}

/// Removes one of the event's tracks; returns its name, or `None` if the event has no such
/// track. The event id in the WHERE clause keeps an organizer inside their own event.
pub async fn remove_track(tx: &mut Tx, event_id: i64, track_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("DELETE FROM tracks WHERE id = $1 AND event_id = $2 RETURNING name")
        .bind(track_id)
        .bind(event_id)
        .fetch_optional(&mut **tx)
        .await
}

/// The event's name, if the event exists.
pub async fn name(db: &Db, event_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM events WHERE id = $1").bind(event_id).fetch_optional(&db.pool).await
}

/// The event's time zone (UTC if the stored name is somehow unknown).
pub async fn timezone(db: &Db, event_id: i64) -> Result<chrono_tz::Tz, sqlx::Error> {
    let name: String =
        sqlx::query_scalar("SELECT timezone FROM events WHERE id = $1").bind(event_id).fetch_one(&db.pool).await?;
    Ok(super::domain::timezone_or_utc(&name))
}

/// Where an event stands in its ending: its name and results time, when it was archived and
/// when the whole event was last downloaded (`None`: never, or not since archiving).
#[derive(sqlx::FromRow, Clone, Debug)]
pub struct Ending {
    pub name: String,
    pub results_at: i64,
    pub archived_at: Option<i64>,
    pub exported_at: Option<i64>,
}

pub async fn ending(db: &Db, event_id: i64) -> Result<Option<Ending>, sqlx::Error> {
    sqlx::query_as("SELECT name, results_at, archived_at, exported_at FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await
}

/// Archives the event at `at` unless it already is; returns whether it did. The export time
/// is cleared with it: only a download made from now on holds the final state.
pub async fn archive(tx: &mut Tx, event_id: i64, at: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE events SET archived_at = $2, exported_at = NULL, updated_at = $2 WHERE id = $1 AND archived_at IS NULL",
    )
    .bind(event_id)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Makes an archived event writable again; returns whether it was archived.
pub async fn unarchive(tx: &mut Tx, event_id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE events SET archived_at = NULL, exported_at = NULL, updated_at = $2 \
         WHERE id = $1 AND archived_at IS NOT NULL",
    )
    .bind(event_id)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records that an organizer downloaded the whole event (export.zip) now.
pub async fn mark_exported(db: &Db, event_id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE events SET exported_at = $2 WHERE id = $1")
        .bind(event_id)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// The rows of one event, children before parents, each as the statement that deletes them
/// (`$1` is the event). Every table that holds an `event_id`, or reaches one through a team,
/// a project or a mentoring slot, is here: deleting them explicitly, in this order, does not
/// depend on either database's foreign-key cascades (and removes the event's history, which
/// its `ON DELETE SET NULL` would keep without an event).
const EVENT_ROWS: &[&str] = &[
    "DELETE FROM checkins WHERE event_id = $1",
    "DELETE FROM certificates WHERE event_id = $1",
    "DELETE FROM stage_pitches WHERE event_id = $1 OR project_id IN (SELECT id FROM projects WHERE event_id = $1)",
    "DELETE FROM stages WHERE event_id = $1",
    "DELETE FROM pitch_plans WHERE event_id = $1",
    "DELETE FROM audience_votes WHERE event_id = $1 OR project_id IN (SELECT id FROM projects WHERE event_id = $1)",
    "DELETE FROM audience_tickets WHERE event_id = $1",
    "DELETE FROM audience_settings WHERE event_id = $1",
    "DELETE FROM score_saves WHERE project_id IN (SELECT id FROM projects WHERE event_id = $1)",
    "DELETE FROM scores WHERE event_id = $1 OR project_id IN (SELECT id FROM projects WHERE event_id = $1)",
    "DELETE FROM judge_assignments WHERE event_id = $1 OR project_id IN (SELECT id FROM projects WHERE event_id = $1)",
    "DELETE FROM judge_conflicts WHERE event_id = $1 OR team_id IN (SELECT id FROM teams WHERE event_id = $1)",
    "DELETE FROM judge_profiles WHERE event_id = $1",
    "DELETE FROM judge_passes WHERE event_id = $1",
    "DELETE FROM rubrics WHERE event_id = $1",
    "DELETE FROM judging_settings WHERE event_id = $1",
    "DELETE FROM screenshots WHERE project_id IN (SELECT id FROM projects WHERE event_id = $1)",
    "DELETE FROM project_history WHERE project_id IN (SELECT id FROM projects WHERE event_id = $1)",
    "DELETE FROM projects WHERE event_id = $1 OR team_id IN (SELECT id FROM teams WHERE event_id = $1)",
    "DELETE FROM rooms WHERE event_id = $1",
    "DELETE FROM help_requests WHERE event_id = $1 OR team_id IN (SELECT id FROM teams WHERE event_id = $1)",
    "DELETE FROM mentor_bookings WHERE event_id = $1 OR slot_id IN (SELECT id FROM mentor_slots WHERE event_id = $1)",
    "DELETE FROM mentor_slots WHERE event_id = $1",
    "DELETE FROM mentor_assignments WHERE event_id = $1 OR team_id IN (SELECT id FROM teams WHERE event_id = $1)",
    "DELETE FROM mentorship_log WHERE team_id IN (SELECT id FROM teams WHERE event_id = $1)",
    "DELETE FROM mentor_profiles WHERE event_id = $1",
    "DELETE FROM join_requests WHERE team_id IN (SELECT id FROM teams WHERE event_id = $1)",
    "DELETE FROM team_members WHERE event_id = $1 OR team_id IN (SELECT id FROM teams WHERE event_id = $1)",
    "DELETE FROM teams WHERE event_id = $1",
    "DELETE FROM profiles WHERE event_id = $1",
    "DELETE FROM boards WHERE event_id = $1",
    "DELETE FROM announcements WHERE event_id = $1",
    "DELETE FROM imports WHERE event_id = $1",
    "DELETE FROM invites WHERE event_id = $1",
    "DELETE FROM tracks WHERE event_id = $1",
    "DELETE FROM role_removals WHERE event_id = $1",
    "DELETE FROM event_roles WHERE event_id = $1",
    "DELETE FROM audit_log WHERE event_id = $1",
];

/// Deletes the event and everything of it, in the caller's transaction, if it is still
/// archived with a full export taken since (checked again here, on the locked row, so an
/// unarchive racing the deletion wins or loses whole); returns whether it did.
///
/// The accounts made for this event's judges alone (phone-link accounts, which have no
/// password and hold no role anywhere else) go with it: they exist only for this event.
pub async fn delete(tx: &mut Tx, event_id: i64) -> Result<bool, sqlx::Error> {
    // Taking the row first (a no-op update) makes a concurrent unarchive or export wait on
    // PostgreSQL; SQLite writers take turns anyway.
    let claimed = sqlx::query(
        "UPDATE events SET version = version WHERE id = $1 AND archived_at IS NOT NULL \
         AND exported_at IS NOT NULL AND exported_at >= archived_at",
    )
    .bind(event_id)
    .execute(&mut **tx)
    .await?;
    if claimed.rows_affected() != 1 {
        return Ok(false);
    }
    let pass_only: Vec<i64> = sqlx::query_scalar(
        "SELECT u.id FROM users u WHERE u.password_hash LIKE 'pass$%' AND (\
         u.id IN (SELECT user_id FROM event_roles WHERE event_id = $1) \
         OR u.id IN (SELECT user_id FROM judge_passes WHERE event_id = $1))",
    )
    .bind(event_id)
    .fetch_all(&mut **tx)
    .await?;
    for statement in EVENT_ROWS {
        sqlx::query(statement).bind(event_id).execute(&mut **tx).await?;
    }
    sqlx::query("DELETE FROM events WHERE id = $1").bind(event_id).execute(&mut **tx).await?;
    for user in pass_only {
        // Only an account nothing else refers to: no role or pass left in another event,
        // and no history it wrote there.
        sqlx::query(
            "DELETE FROM users WHERE id = $1 AND password_hash LIKE 'pass$%' \
             AND NOT EXISTS (SELECT 1 FROM event_roles WHERE user_id = $1) \
             AND NOT EXISTS (SELECT 1 FROM judge_passes WHERE user_id = $1 OR created_by = $1) \
             AND NOT EXISTS (SELECT 1 FROM audit_log WHERE actor_id = $1)",
        )
        .bind(user)
        .execute(&mut **tx)
        .await?;
    }
    Ok(true)
}
