//! Check-in queries.

use crate::db::{now, Db, Tx};
use std::collections::HashSet;

/// A participant of the event with their team and check-in, if any.
#[derive(sqlx::FromRow)]
pub struct PersonRow {
    pub user_id: i64,
    pub name: String,
    pub team_id: Option<i64>,
    pub team: Option<String>,
    pub checked_at: Option<i64>,
    pub checked_by: Option<i64>,
}

/// Every participant of the event, by team name (those without a team last), then name.
pub async fn people(db: &Db, event_id: i64) -> Result<Vec<PersonRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id AS user_id, u.display_name AS name, t.id AS team_id, t.name AS team, c.checked_at, c.checked_by \
         FROM event_roles r JOIN users u ON u.id = r.user_id \
         LEFT JOIN team_members m ON m.event_id = r.event_id AND m.user_id = r.user_id \
         LEFT JOIN teams t ON t.id = m.team_id \
         LEFT JOIN checkins c ON c.event_id = r.event_id AND c.user_id = r.user_id \
         WHERE r.event_id = $1 AND r.role = 'participant' \
         ORDER BY CASE WHEN t.id IS NULL THEN 1 ELSE 0 END, t.name, t.id, u.display_name, u.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await
}

/// The venue's current check-in code, if one was made.
pub async fn code(db: &Db, event_id: i64) -> Result<Option<String>, sqlx::Error> {
    let code: Option<Option<String>> = sqlx::query_scalar("SELECT checkin_code FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(code.flatten())
}

pub async fn set_code(tx: &mut Tx, event_id: i64, code: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE events SET checkin_code = $1 WHERE id = $2")
        .bind(code)
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Checks the participant in (`by` the organizer who ticked them, `None` when they scanned
/// the code); whether they were not checked in before. A second check-in keeps the first.
pub async fn check_in(tx: &mut Tx, event_id: i64, user_id: i64, by: Option<i64>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO checkins (event_id, user_id, checked_at, checked_by) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (event_id, user_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(now())
    .bind(by)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes a check-in back (ticked by mistake); whether there was one.
pub async fn check_out(tx: &mut Tx, event_id: i64, user_id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM checkins WHERE event_id = $1 AND user_id = $2")
        .bind(event_id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// When the participant checked in, if they did.
pub async fn checked_at(db: &Db, event_id: i64, user_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT checked_at FROM checkins WHERE event_id = $1 AND user_id = $2")
        .bind(event_id)
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await
}

/// The teams of the event with at least one member checked in.
const PRESENT_TEAMS: &str = "SELECT DISTINCT m.team_id FROM team_members m \
     JOIN checkins c ON c.event_id = m.event_id AND c.user_id = m.user_id WHERE m.event_id = $1";

/// The teams present, read within a write (the judging assignment limited to them).
pub async fn present_teams(tx: &mut Tx, event_id: i64) -> Result<HashSet<i64>, sqlx::Error> {
    let teams: Vec<i64> = sqlx::query_scalar(PRESENT_TEAMS).bind(event_id).fetch_all(&mut **tx).await?;
    Ok(teams.into_iter().collect())
}

/// The teams present, for a page.
pub async fn present_teams_now(db: &Db, event_id: i64) -> Result<HashSet<i64>, sqlx::Error> {
    let teams: Vec<i64> = sqlx::query_scalar(PRESENT_TEAMS).bind(event_id).fetch_all(&db.pool).await?;
    Ok(teams.into_iter().collect())
}
