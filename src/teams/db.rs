//! Team queries. Seats are taken with a conditional UPDATE of `teams.member_count`, so two
//! people racing for the last seat are serialized on the team's row: one gets it, the other
//! is told the team is full. The UNIQUE (event_id, user_id) on `team_members` keeps one team
//! per person per event whatever the interleaving.

use crate::db::{now, Db, Tx};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;

#[derive(sqlx::FromRow, Clone, Debug)]
pub struct TeamRow {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub pitch: String,
    pub track_id: Option<i64>,
    pub needs: String,
    pub captain_id: Option<i64>,
    pub invite_code: String,
    pub member_count: i64,
}

const TEAM_COLUMNS: &str = "id, event_id, name, pitch, track_id, needs, captain_id, invite_code, member_count";

pub async fn team(db: &Db, id: i64) -> Result<Option<TeamRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {TEAM_COLUMNS} FROM teams WHERE id = $1")).bind(id).fetch_optional(&db.pool).await
}

pub async fn team_by_code(db: &Db, code: &str) -> Result<Option<TeamRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {TEAM_COLUMNS} FROM teams WHERE invite_code = $1"))
        .bind(code)
        .fetch_optional(&db.pool)
        .await
}

pub async fn teams_of_event(db: &Db, event_id: i64) -> Result<Vec<TeamRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {TEAM_COLUMNS} FROM teams WHERE event_id = $1 ORDER BY name"))
        .bind(event_id)
        .fetch_all(&db.pool)
        .await
}

pub async fn team_of_user(db: &Db, event_id: i64, user_id: i64) -> Result<Option<TeamRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {} FROM teams t JOIN team_members m ON m.team_id = t.id \
         WHERE m.event_id = $1 AND m.user_id = $2",
        TEAM_COLUMNS.split(", ").map(|c| format!("t.{c}")).collect::<Vec<_>>().join(", ")
    ))
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await
}

/// A team member with their profile's skills.
#[derive(sqlx::FromRow)]
pub struct MemberRow {
    pub team_id: i64,
    pub user_id: i64,
    pub display_name: String,
    pub skills: String,
}

/// A participant with no team, with their profile (defaults where they saved none).
#[derive(sqlx::FromRow)]
pub struct SoloRow {
    pub user_id: i64,
    pub display_name: String,
    pub skills: String,
    pub languages: String,
    pub bio: String,
    /// 1 while they say they are looking for a team.
    pub looking: i64,
}

/// A participant's profile in one event.
#[derive(sqlx::FromRow)]
pub struct ProfileRow {
    pub skills: String,
    pub languages: String,
    pub bio: String,
    pub looking: i64,
}

/// Every member in the event, oldest first.
pub async fn members_of_event(db: &Db, event_id: i64) -> Result<Vec<MemberRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.team_id, m.user_id, u.display_name, COALESCE(p.skills, '') AS skills FROM team_members m \
         JOIN users u ON u.id = m.user_id \
         LEFT JOIN profiles p ON p.event_id = m.event_id AND p.user_id = m.user_id \
         WHERE m.event_id = $1 ORDER BY m.joined_at, m.user_id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await
}

/// Participants with no team.
pub async fn solos(db: &Db, event_id: i64) -> Result<Vec<SoloRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id AS user_id, u.display_name, COALESCE(p.skills, '') AS skills, \
         COALESCE(p.languages, '') AS languages, COALESCE(p.bio, '') AS bio, COALESCE(p.looking, 1) AS looking \
         FROM event_roles r \
         JOIN users u ON u.id = r.user_id \
         LEFT JOIN profiles p ON p.event_id = r.event_id AND p.user_id = r.user_id \
         WHERE r.event_id = $1 AND r.role = 'participant' \
         AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.event_id = r.event_id AND m.user_id = r.user_id) \
         ORDER BY u.display_name, u.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await
}

pub async fn profile(db: &Db, event_id: i64, user_id: i64) -> Result<Option<ProfileRow>, sqlx::Error> {
    sqlx::query_as("SELECT skills, languages, bio, looking FROM profiles WHERE event_id = $1 AND user_id = $2")
        .bind(event_id)
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await
}

/// Saves a participant's profile in an event (created on first save).
pub async fn save_profile(tx: &mut Tx, event_id: i64, user_id: i64, p: &ProfileRow) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO profiles (event_id, user_id, skills, languages, bio, looking, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id, user_id) DO UPDATE SET \
         skills = excluded.skills, languages = excluded.languages, bio = excluded.bio, \
         looking = excluded.looking, updated_at = excluded.updated_at",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(&p.skills)
    .bind(&p.languages)
    .bind(&p.bio)
    .bind(p.looking)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Team changes are refused once the organizer's lock time has passed.
pub async fn ensure_unlocked(tx: &mut Tx, event_id: i64) -> AppResult<(i64, i64)> {
    let row: Option<(i64, i64, Option<i64>)> =
        sqlx::query_as("SELECT team_min, team_max, teams_locked_at FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_optional(&mut **tx)
            .await?;
    let (min, max, locked_at) = row.ok_or(AppError::NotFound)?;
    if locked_at.is_some_and(|t| t <= now()) {
        return Err(AppError::Conflict(Msg::ErrTeamsLocked));
    }
    Ok((min, max))
}

/// Puts a person in a team if a seat is free and they have no team in this event.
pub async fn take_seat(tx: &mut Tx, team_id: i64, event_id: i64, user_id: i64, max: i64) -> AppResult<()> {
    let seat = sqlx::query("UPDATE teams SET member_count = member_count + 1 WHERE id = $1 AND member_count < $2")
        .bind(team_id)
        .bind(max)
        .execute(&mut **tx)
        .await?;
    if seat.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ErrTeamFull));
    }
    let joined =
        sqlx::query("INSERT INTO team_members (team_id, event_id, user_id, joined_at) VALUES ($1, $2, $3, $4)")
            .bind(team_id)
            .bind(event_id)
            .bind(user_id)
            .bind(now())
            .execute(&mut **tx)
            .await;
    match joined {
        Ok(_) => {}
        // The transaction is dropped, so the seat taken above is given back.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(AppError::Conflict(Msg::ErrAlreadyInTeam))
        }
        Err(e) => return Err(e.into()),
    }
    // Someone who found a team stops asking other teams.
    sqlx::query("UPDATE join_requests SET status = 'cancelled', decided_at = $1 WHERE user_id = $2 AND status = 'pending' AND team_id IN (SELECT id FROM teams WHERE event_id = $3)")
        .bind(now())
        .bind(user_id)
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE profiles SET looking = 0 WHERE event_id = $1 AND user_id = $2")
        .bind(event_id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Takes a person out of a team, handing captaincy to the longest-standing member left.
pub async fn free_seat(tx: &mut Tx, team_id: i64, user_id: i64) -> AppResult<()> {
    let gone = sqlx::query("DELETE FROM team_members WHERE team_id = $1 AND user_id = $2")
        .bind(team_id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    if gone.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    sqlx::query("UPDATE teams SET member_count = member_count - 1 WHERE id = $1")
        .bind(team_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "UPDATE teams SET captain_id = (SELECT m.user_id FROM team_members m WHERE m.team_id = $1 \
         ORDER BY m.joined_at, m.user_id LIMIT 1) WHERE id = $1 AND (captain_id = $2 OR captain_id IS NULL)",
    )
    .bind(team_id)
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A team to create: with no members yet (they take seats with `take_seat`).
#[derive(Default)]
pub struct NewTeam<'a> {
    pub event_id: i64,
    pub name: &'a str,
    pub pitch: &'a str,
    pub track_id: Option<i64>,
    /// Comma-joined tags (`tags::join`).
    pub needs: &'a str,
    pub captain: Option<i64>,
}

/// A created team's id and its join code.
pub struct CreatedTeam {
    pub id: i64,
    pub invite_code: String,
}

/// Inserts a team with a new join code: the one place teams are created (the team form,
/// automatic forming, the CSV import and the demo). A name already used in the event is
/// the form's `team_name` error.
pub async fn insert_team(tx: &mut Tx, team: &NewTeam<'_>) -> AppResult<CreatedTeam> {
    // 10 letters and digits (about 60 bits): join codes are shared in the hall and typed by
    // hand, and a guessed one lets a stranger ask to join, nothing more.
    let invite_code = crate::links::random(10);
    let inserted = sqlx::query_scalar::<_, i64>(
        "INSERT INTO teams (event_id, name, pitch, track_id, needs, captain_id, invite_code, member_count, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8) RETURNING id",
    )
    .bind(team.event_id)
    .bind(team.name)
    .bind(team.pitch)
    .bind(team.track_id)
    .bind(team.needs)
    .bind(team.captain)
    .bind(&invite_code)
    .bind(now())
    .fetch_one(&mut **tx)
    .await;
    match inserted {
        Ok(id) => Ok(CreatedTeam { id, invite_code }),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            Err(AppError::field("team_name", Msg::ErrTeamNameTaken))
        }
        Err(e) => Err(e.into()),
    }
}
