//! The queries of removing and retiring roles, and the people list the organizer sees. Each
//! write runs in the caller's transaction, scoped to the event in its `WHERE` clause.

use super::domain::Held;
use crate::auth::Role;
use crate::db::{Db, Tx};
use crate::error::AppResult;

/// Serializes changes to this event's people on the event's row (PostgreSQL; SQLite's writers
/// take turns anyway): two organizers removing each other at once cannot both see another
/// organizer left.
pub async fn lock_event(tx: &mut Tx, event_id: i64) -> AppResult<()> {
    sqlx::query("UPDATE events SET version = version WHERE id = $1").bind(event_id).execute(&mut **tx).await?;
    Ok(())
}

/// The role as held, read under the lock.
#[derive(sqlx::FromRow)]
struct HeldRow {
    retired_at: Option<i64>,
}

/// What the rules need to decide on removing `role` from `user_id`.
pub async fn held(tx: &mut Tx, event_id: i64, user_id: i64, role: Role) -> AppResult<Held> {
    let row: Option<HeldRow> =
        sqlx::query_as("SELECT retired_at FROM event_roles WHERE event_id = $1 AND user_id = $2 AND role = $3")
            .bind(event_id)
            .bind(user_id)
            .bind(role.code())
            .fetch_optional(&mut **tx)
            .await?;
    let organizers: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_roles WHERE event_id = $1 AND role = 'organizer' AND retired_at IS NULL",
    )
    .bind(event_id)
    .fetch_one(&mut **tx)
    .await?;
    let scored: Option<i64> = sqlx::query_scalar("SELECT id FROM scores WHERE event_id = $1 AND judge_id = $2 LIMIT 1")
        .bind(event_id)
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(Held {
        holds: row.is_some(),
        retired: row.as_ref().is_some_and(|r| r.retired_at.is_some()),
        scored: scored.is_some(),
        organizers,
    })
}

/// Deletes the role, and remembers the removal: an invite made before it cannot grant the
/// role back (see `invites::db::accept`).
pub async fn remove(tx: &mut Tx, event_id: i64, user_id: i64, role: Role, by: i64, at: i64) -> AppResult<()> {
    sqlx::query("DELETE FROM event_roles WHERE event_id = $1 AND user_id = $2 AND role = $3")
        .bind(event_id)
        .bind(user_id)
        .bind(role.code())
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO role_removals (event_id, user_id, role, removed_by, removed_at, invites_before) \
         VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(MAX(id), 0) FROM invites)) \
         ON CONFLICT (event_id, user_id, role) DO UPDATE SET removed_by = excluded.removed_by, \
         removed_at = excluded.removed_at, invites_before = excluded.invites_before",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(role.code())
    .bind(by)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Marks the judge role retired; whether it was held and not retired yet.
pub async fn retire(tx: &mut Tx, event_id: i64, user_id: i64, by: i64, at: i64) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE event_roles SET retired_at = $1, retired_by = $2 \
         WHERE event_id = $3 AND user_id = $4 AND role = 'judge' AND retired_at IS NULL",
    )
    .bind(at)
    .bind(by)
    .bind(event_id)
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The account's name, for the audit line that names whom a change was about.
pub async fn display_name(tx: &mut Tx, user_id: i64) -> AppResult<String> {
    let name: Option<String> = sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(name.unwrap_or_default())
}

/// Someone holding a role in an event, as the organizer's people table lists them.
#[derive(sqlx::FromRow)]
pub struct PersonRow {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub retired_at: Option<i64>,
    /// 1 when the person has a score in the event.
    pub scored: i64,
}

pub async fn people(db: &Db, event_id: i64) -> AppResult<Vec<PersonRow>> {
    Ok(sqlx::query_as(
        "SELECT r.user_id, u.display_name, u.email, r.role, r.retired_at, \
         CASE WHEN EXISTS (SELECT 1 FROM scores s WHERE s.event_id = r.event_id AND s.judge_id = r.user_id) \
         THEN 1 ELSE 0 END AS scored \
         FROM event_roles r JOIN users u ON u.id = r.user_id \
         WHERE r.event_id = $1 ORDER BY r.role, u.display_name, r.user_id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?)
}
