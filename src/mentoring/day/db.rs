//! A mentor's day: their slots and their teams.

use crate::db::Db;

/// One of the mentor's slots with the team that booked it.
#[derive(sqlx::FromRow)]
pub struct SlotRow {
    pub starts_at: i64,
    pub ends_at: i64,
    pub location: String,
    pub team: Option<String>,
}

/// The mentor's slots in the event (not withdrawn), in time order.
pub async fn slots(db: &Db, event_id: i64, mentor_id: i64) -> Result<Vec<SlotRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.starts_at, s.ends_at, s.location, t.name AS team FROM mentor_slots s \
         LEFT JOIN teams t ON t.id = s.team_id \
         WHERE s.event_id = $1 AND s.mentor_id = $2 AND s.withdrawn_at IS NULL ORDER BY s.starts_at, s.id",
    )
    .bind(event_id)
    .bind(mentor_id)
    .fetch_all(&db.pool)
    .await
}

/// A team the mentor is assigned to or has mentored, with where its project sits.
#[derive(sqlx::FromRow)]
pub struct TeamRow {
    pub name: String,
    pub table_label: Option<String>,
    pub assigned: i64,
    pub source: Option<String>,
}

/// The teams the mentor is assigned to or has mentored, by name.
pub async fn teams(db: &Db, event_id: i64, mentor_id: i64) -> Result<Vec<TeamRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT t.name, (SELECT MAX(p.table_label) FROM projects p WHERE p.team_id = t.id) AS table_label, \
         CASE WHEN a.team_id IS NULL THEN 0 ELSE 1 END AS assigned, l.source FROM teams t \
         LEFT JOIN mentor_assignments a ON a.team_id = t.id AND a.mentor_id = $2 \
         LEFT JOIN mentorship_log l ON l.team_id = t.id AND l.mentor_id = $2 \
         WHERE t.event_id = $1 AND (a.team_id IS NOT NULL OR l.team_id IS NOT NULL) ORDER BY t.name, t.id",
    )
    .bind(event_id)
    .bind(mentor_id)
    .fetch_all(&db.pool)
    .await
}
