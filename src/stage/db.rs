//! The stage's rows: the project on stage with its timer, and the projects that have pitched.

use super::domain::Clock;
use crate::db::{now, Backend, Db, Tx};
use crate::error::AppResult;

/// The stage as stored (defaults before the organizer first uses it).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StageRow {
    pub project_id: Option<i64>,
    pub pitch_seconds: i64,
    pub ends_at: Option<i64>,
    pub left_ms: Option<i64>,
    pub version: i64,
}

impl StageRow {
    pub fn clock(&self) -> Clock {
        Clock { pitch_ms: self.pitch_seconds * 1000, ends_at: self.ends_at, left_ms: self.left_ms }
    }
}

/// The project on stage, as every screen names it: its code and title (never its team:
/// the projector is a public screen, and judges may not be shown names).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OnStageRow {
    pub id: i64,
    pub title: String,
}

const COLUMNS: &str = "project_id, pitch_seconds, ends_at, left_ms, version";

/// The event's stage; the defaults when it was never used.
pub async fn stage(db: &Db, event_id: i64) -> AppResult<StageRow> {
    let row: Option<StageRow> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM stages WHERE event_id = $1"))
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.unwrap_or(StageRow { project_id: None, pitch_seconds: 300, ends_at: None, left_ms: None, version: 0 }))
}

/// The stage read inside a write, made first if needed and held until the write commits
/// (PostgreSQL; SQLite has one writer): two organizers' taps apply one after the other.
pub async fn stage_in(tx: &mut Tx, db: &Db, event_id: i64) -> AppResult<StageRow> {
    sqlx::query("INSERT INTO stages (event_id, updated_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING")
        .bind(event_id)
        .bind(now())
        .execute(&mut **tx)
        .await?;
    let lock = if db.backend == Backend::Postgres { " FOR UPDATE" } else { "" };
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM stages WHERE event_id = $1{lock}"))
        .bind(event_id)
        .fetch_one(&mut **tx)
        .await?)
}

/// Writes the stage back, one version on.
pub async fn save(
    tx: &mut Tx,
    event_id: i64,
    project_id: Option<i64>,
    pitch_seconds: i64,
    clock: Clock,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE stages SET project_id = $1, pitch_seconds = $2, ends_at = $3, left_ms = $4, version = version + 1, \
         updated_at = $5 WHERE event_id = $6",
    )
    .bind(project_id)
    .bind(pitch_seconds)
    .bind(clock.ends_at)
    .bind(clock.left_ms)
    .bind(now())
    .bind(event_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Notes that a project went on stage (the first time counts).
pub async fn mark_pitched(tx: &mut Tx, event_id: i64, project_id: i64) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO stage_pitches (event_id, project_id, at) VALUES ($1, $2, $3) ON CONFLICT (event_id, project_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(project_id)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A project that can go on stage: a submitted project of the event.
pub async fn pitchable(tx: &mut Tx, event_id: i64, project_id: i64) -> AppResult<Option<OnStageRow>> {
    Ok(sqlx::query_as("SELECT id, title FROM projects WHERE event_id = $1 AND id = $2 AND status = 'submitted'")
        .bind(event_id)
        .bind(project_id)
        .fetch_optional(&mut **tx)
        .await?)
}

/// The project on stage now, if it is still a submitted project of the event.
pub async fn on_stage(db: &Db, event_id: i64) -> AppResult<Option<(StageRow, OnStageRow)>> {
    let stage = stage(db, event_id).await?;
    let Some(project_id) = stage.project_id else { return Ok(None) };
    let project: Option<OnStageRow> =
        sqlx::query_as("SELECT id, title FROM projects WHERE event_id = $1 AND id = $2 AND status = 'submitted'")
            .bind(event_id)
            .bind(project_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(project.map(|p| (stage, p)))
}

/// One project of the line-up.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LineupRow {
    pub id: i64,
    pub title: String,
    pub table_label: String,
    /// When it first went on stage.
    pub pitched_at: Option<i64>,
}

/// Every submitted project in pitching order: the tables' order, as judges walk them.
pub async fn lineup(db: &Db, event_id: i64) -> AppResult<Vec<LineupRow>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.title, p.table_label, s.at AS pitched_at FROM projects p \
         LEFT JOIN stage_pitches s ON s.event_id = p.event_id AND s.project_id = p.id \
         WHERE p.event_id = $1 AND p.status = 'submitted' ORDER BY p.table_label, p.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?)
}
