//! The projects table: the one row shape the feature reads, and the one insert.

use super::ProjectStatus;
use crate::db::{now, Db, Tx};

#[derive(sqlx::FromRow)]
pub struct ProjectRow {
    pub id: i64,
    pub title: String,
    pub tagline: String,
    pub description: String,
    pub track_id: Option<i64>,
    pub repo_url: String,
    pub demo_url: String,
    pub video_url: String,
    pub technologies: String,
    pub status: String,
    pub version: i64,
    /// Who saved it last.
    pub updated_by: Option<i64>,
}

pub const PROJECT_COLUMNS: &str = "id, title, tagline, description, track_id, repo_url, demo_url, video_url, \
     technologies, status, version, updated_by";

/// How far judging has reached a project `p` (assignments, scores, saves): zero when it has
/// not, as a column expression over `projects p`.
pub const JUDGING_REACHED: &str = "(SELECT COUNT(*) FROM scores s WHERE s.project_id = p.id) \
     + (SELECT COUNT(*) FROM score_saves k WHERE k.project_id = p.id) \
     + (SELECT COUNT(*) FROM judge_assignments a WHERE a.project_id = p.id)";

/// Whether judging has reached the project (see `JUDGING_REACHED`).
pub async fn in_judging(tx: &mut Tx, project_id: i64) -> Result<bool, sqlx::Error> {
    let reached: i64 = sqlx::query_scalar(&format!("SELECT {JUDGING_REACHED} FROM projects p WHERE p.id = $1"))
        .bind(project_id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(reached > 0)
}

pub async fn project_of_team(db: &Db, team_id: i64) -> Result<Option<ProjectRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {PROJECT_COLUMNS} FROM projects WHERE team_id = $1"))
        .bind(team_id)
        .fetch_optional(&db.pool)
        .await
}

pub async fn track_name(tx: &mut Tx, track_id: Option<i64>) -> Result<String, sqlx::Error> {
    match track_id {
        None => Ok(String::new()),
        Some(id) => Ok(sqlx::query_scalar::<_, String>("SELECT name FROM tracks WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?
            .unwrap_or_default()),
    }
}

/// A project to insert. Everything not set is empty (and a draft).
#[derive(Default)]
pub struct NewProject<'a> {
    pub team_id: i64,
    pub event_id: i64,
    pub title: &'a str,
    pub tagline: &'a str,
    pub description: &'a str,
    pub track_id: Option<i64>,
    pub repo_url: &'a str,
    pub demo_url: &'a str,
    pub video_url: &'a str,
    pub technologies: &'a str,
    pub status: ProjectStatus,
    pub table_label: &'a str,
    /// Who created it (saved it first).
    pub by: Option<i64>,
}

/// Inserts a team's project at version 1: the one place projects are created (the team's
/// form, the CSV import and the demo). A submitted one is stamped as submitted now. A second
/// project for the team is the database's unique violation, which callers turn into their
/// own answer.
pub async fn insert_project(tx: &mut Tx, p: &NewProject<'_>) -> Result<i64, sqlx::Error> {
    let t = now();
    sqlx::query_scalar(
        "INSERT INTO projects (team_id, event_id, title, tagline, description, track_id, repo_url, demo_url, \
         video_url, technologies, status, table_label, submitted_at, version, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, $14, $15) RETURNING id",
    )
    .bind(p.team_id)
    .bind(p.event_id)
    .bind(p.title)
    .bind(p.tagline)
    .bind(p.description)
    .bind(p.track_id)
    .bind(p.repo_url)
    .bind(p.demo_url)
    .bind(p.video_url)
    .bind(p.technologies)
    .bind(p.status.code())
    .bind(p.table_label)
    .bind((p.status == ProjectStatus::Submitted).then_some(t))
    .bind(t)
    .bind(p.by)
    .fetch_one(&mut **tx)
    .await
}
