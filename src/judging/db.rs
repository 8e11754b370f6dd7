//! The judging queries the judge's and the organizer's sides share: settings, rubric
//! versions, conflicts of interest, and the one insert of rubrics and of assignments.

use super::rubric::Criterion;
use super::{open_now, Settings};
use crate::db::{now, Db, Tx};
use crate::error::{AppError, AppResult};

/// An event's judging dates and its saved settings (absent until the organizer saves).
#[derive(sqlx::FromRow)]
struct SettingsRow {
    judges_per_project: Option<i64>,
    hide_names: Option<i64>,
    method: Option<String>,
    disagreement: Option<i64>,
    state: Option<String>,
    version: Option<i64>,
    judging_opens: i64,
    judging_closes: i64,
}

/// A rubric version: `scope` is its track, 0 for the event-wide rubric.
pub struct Rubric {
    pub id: i64,
    pub version: i64,
    pub scope: i64,
    pub criteria: Vec<Criterion>,
}

/// The event's judging settings (defaults until the organizer saves them).
pub async fn settings(db: &Db, event_id: i64) -> AppResult<Settings> {
    let row: Option<SettingsRow> = sqlx::query_as(
        "SELECT s.judges_per_project, s.hide_names, s.method, s.disagreement, s.state, s.version, e.judging_opens, e.judging_closes \
         FROM events e LEFT JOIN judging_settings s ON s.event_id = e.id WHERE e.id = $1",
    )
    .bind(event_id)
    .fetch_optional(&db.pool)
    .await?;
    let row = row.ok_or(AppError::NotFound)?;
    let state = row.state.unwrap_or_else(|| "scheduled".into());
    Ok(Settings {
        judges_per_project: row.judges_per_project.unwrap_or(3),
        hide_names: row.hide_names == Some(1),
        method: row.method.unwrap_or_else(|| "z".into()),
        disagreement: row.disagreement.unwrap_or(25),
        open_now: open_now(&state, row.judging_opens, row.judging_closes, now()),
        state,
        version: row.version.unwrap_or(0),
    })
}

/// The rubric that applies to a track: the track's own, else the event-wide one.
pub async fn rubric_for(db: &Db, event_id: i64, track: Option<i64>) -> AppResult<Option<Rubric>> {
    #[derive(sqlx::FromRow)]
    struct Stored {
        id: i64,
        version: i64,
        scope: i64,
        criteria: String,
    }
    let row: Option<Stored> = sqlx::query_as(
        "SELECT id, version, scope, criteria FROM rubrics WHERE event_id = $1 AND (scope = $2 OR scope = 0) \
         ORDER BY CASE WHEN scope = 0 THEN 1 ELSE 0 END, version DESC LIMIT 1",
    )
    .bind(event_id)
    .bind(track.unwrap_or(0))
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok(Rubric { id: r.id, version: r.version, scope: r.scope, criteria: parse_criteria(&r.criteria)? }))
        .transpose()
}

pub fn parse_criteria(json: &str) -> AppResult<Vec<Criterion>> {
    serde_json::from_str(json).map_err(|e| {
        tracing::error!(error = %e, "stored rubric unreadable");
        AppError::Internal
    })
}

/// Every rubric version of the event, by id, for computing totals of old scores.
pub async fn all_rubrics(db: &Db, event_id: i64) -> AppResult<std::collections::HashMap<i64, Vec<Criterion>>> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, criteria FROM rubrics WHERE event_id = $1")
        .bind(event_id)
        .fetch_all(&db.pool)
        .await?;
    rows.into_iter().map(|(id, json)| Ok((id, parse_criteria(&json)?))).collect()
}

/// Teams a judge must not judge: their own team, teams they mentored, declared conflicts.
pub async fn conflicts(db: &Db, event_id: i64) -> AppResult<std::collections::HashSet<(i64, i64)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT judge_id, team_id FROM judge_conflicts WHERE event_id = $1 \
         UNION SELECT m.user_id, m.team_id FROM team_members m WHERE m.event_id = $1 \
         UNION SELECT l.mentor_id, l.team_id FROM mentorship_log l JOIN teams t ON t.id = l.team_id WHERE t.event_id = $1",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Adds a rubric version (`scope` 0 for the event-wide rubric, else a track's id), its
/// criteria as JSON: the one place rubrics are inserted (the rubric builder and the demo).
pub async fn insert_rubric(
    tx: &mut Tx,
    event_id: i64,
    scope: i64,
    version: i64,
    criteria_json: &str,
    by: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO rubrics (event_id, scope, version, criteria, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(event_id)
    .bind(scope)
    .bind(version)
    .bind(criteria_json)
    .bind(by)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Assigns a project to a judge unless already assigned; `by` is the organizer who chose
/// this judge by hand (`None` for the automatic assignment). The one place assignments
/// are inserted.
pub async fn insert_assignment(
    tx: &mut Tx,
    event_id: i64,
    project_id: i64,
    judge_id: i64,
    by: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO judge_assignments (event_id, project_id, judge_id, assigned_by, assigned_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (project_id, judge_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(project_id)
    .bind(judge_id)
    .bind(by)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Makes sure the settings row exists, so it can be updated (and locked) in place.
pub async fn ensure_settings(tx: &mut Tx, event_id: i64) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO judging_settings (event_id, updated_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
