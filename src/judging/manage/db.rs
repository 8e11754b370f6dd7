//! The queries of the organizer's judging setup, each reading into a named row, and the
//! results as the console, the board, the dashboard and the ranking export read them.

use super::{domain, ResultsData};
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult};
use crate::judging::{assign, db as judging_db, results, Settings};
use sqlx::Any;
use std::collections::HashMap;

/// A project as judging works with it: submitted projects only.
#[derive(sqlx::FromRow)]
pub struct ProjectRow {
    pub id: i64,
    pub title: String,
    pub team: String,
    /// The track's name, empty without one.
    pub track: String,
    pub table_label: String,
    pub track_id: Option<i64>,
    pub team_id: i64,
    pub submitted_at: i64,
}

pub async fn submitted(db: &Db, event_id: i64) -> AppResult<Vec<ProjectRow>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.title, t.name AS team, COALESCE(tr.name, '') AS track, p.table_label, p.track_id, \
         p.team_id, COALESCE(p.submitted_at, 0) AS submitted_at \
         FROM projects p JOIN teams t ON t.id = p.team_id LEFT JOIN tracks tr ON tr.id = p.track_id \
         WHERE p.event_id = $1 AND p.status = 'submitted' ORDER BY p.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?)
}

/// A judge's score of a project as stored: `marks` is JSON (criterion → mark).
#[derive(sqlx::FromRow)]
pub struct ScoreRow {
    pub project_id: i64,
    pub judge_id: i64,
    pub status: String,
    pub rubric_id: i64,
    pub marks: String,
    pub flagged: i64,
}

pub async fn scores(db: &Db, event_id: i64) -> AppResult<Vec<ScoreRow>> {
    Ok(sqlx::query_as(
        "SELECT project_id, judge_id, status, rubric_id, marks, flagged FROM scores WHERE event_id = $1 ORDER BY id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?)
}

/// The newest rubric of a scope (0 = event-wide).
#[derive(sqlx::FromRow)]
struct LatestRubricRow {
    scope: i64,
    id: i64,
}

/// The id of each scope's newest rubric, by scope.
pub async fn latest_rubrics(db: &Db, event_id: i64) -> AppResult<HashMap<i64, i64>> {
    let rows: Vec<LatestRubricRow> =
        sqlx::query_as("SELECT r.scope, MAX(r.id) AS id FROM rubrics r WHERE r.event_id = $1 GROUP BY r.scope")
            .bind(event_id)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().map(|r| (r.scope, r.id)).collect())
}

/// The event's results, computed with its chosen method.
pub async fn results(db: &Db, event_id: i64) -> AppResult<ResultsData> {
    Ok(results_with_totals(db, event_id).await?.0)
}

/// The results and the judge totals they were computed from (the dashboard's
/// calibration chart draws those totals, without reading the scores a second time).
pub async fn results_with_totals(db: &Db, event_id: i64) -> AppResult<(ResultsData, Vec<results::Total>)> {
    let settings = judging_db::settings(db, event_id).await?;
    let projects = submitted(db, event_id).await?;
    results_of(db, event_id, &settings, &projects).await
}

/// The results of the event's submitted `projects` under its `settings`, both as the caller
/// already read them (the dashboard reads them for its own figures, and need not twice).
pub async fn results_of(
    db: &Db,
    event_id: i64,
    settings: &Settings,
    projects: &[ProjectRow],
) -> AppResult<(ResultsData, Vec<results::Total>)> {
    let scores = scores(db, event_id).await?;
    let rubrics = judging_db::all_rubrics(db, event_id).await?;
    let totals = domain::totals(&scores, &rubrics);
    let entries: Vec<results::Entry> =
        projects.iter().map(|p| results::Entry { id: p.id, track: p.track_id, submitted_at: p.submitted_at }).collect();
    let method = results::Method::from_code(&settings.method).unwrap_or(results::Method::Z);
    let standings = results::rank(&entries, &totals, method, settings.disagreement as f64);
    let latest = latest_rubrics(db, event_id).await?;
    let outdated = domain::outdated(&scores, projects, &latest);
    let rows = domain::result_rows(standings, projects, &scores);
    Ok((ResultsData { event_id, method, threshold: settings.disagreement, rows, outdated }, totals))
}

/// A judge's availability and track limit as saved (defaults without a profile).
#[derive(sqlx::FromRow)]
struct JudgeProfileRow {
    user_id: i64,
    active: i64,
    tracks: String,
    rooms: String,
}

/// The event's judges as the assignment sees them: available or not, track limits.
pub async fn judges(tx: &mut Tx, event_id: i64) -> AppResult<Vec<assign::Judge>> {
    let rows: Vec<JudgeProfileRow> = sqlx::query_as(
        "SELECT r.user_id, COALESCE(jp.active, 1) AS active, COALESCE(jp.tracks, '') AS tracks, \
         COALESCE(jp.rooms, '') AS rooms FROM event_roles r \
         LEFT JOIN judge_profiles jp ON jp.event_id = r.event_id AND jp.user_id = r.user_id \
         WHERE r.event_id = $1 AND r.role = 'judge' AND r.retired_at IS NULL ORDER BY r.user_id",
    )
    .bind(event_id)
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| assign::Judge {
            id: r.user_id,
            active: r.active == 1,
            tracks: domain::track_ids(&r.tracks),
            rooms: domain::track_ids(&r.rooms),
        })
        .collect())
}

/// The judge a pass action is about: a judge of this event, and whether their account is
/// pass-only. `NotFound` for anyone else (including another event's judge).
pub async fn pass_target(db: &Db, event_id: i64, user_id: i64) -> AppResult<bool> {
    let hash: Option<String> = sqlx::query_scalar(
        "SELECT u.password_hash FROM event_roles r JOIN users u ON u.id = r.user_id \
         WHERE r.event_id = $1 AND r.user_id = $2 AND r.role = 'judge' AND r.retired_at IS NULL",
    )
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    let hash = hash.ok_or(AppError::NotFound)?;
    Ok(crate::auth::gate::is_pass_only(&hash))
}

pub async fn event_name(db: &Db, event_id: i64) -> AppResult<String> {
    Ok(sqlx::query_scalar("SELECT name FROM events WHERE id = $1").bind(event_id).fetch_one(&db.pool).await?)
}

/// A judge as the console lists them.
#[derive(sqlx::FromRow)]
pub struct JudgeListRow {
    pub user_id: i64,
    pub display_name: String,
    pub active: i64,
    pub tracks: String,
    pub rooms: String,
    pub pass_only: i64,
    /// When the judge's unrevoked pass expires, if they have one.
    pub pass_expires: Option<i64>,
    /// When the judge was retired (they keep their scores, and lose access).
    pub retired_at: Option<i64>,
    /// 1 when the judge has a score in the event: retired rather than removed.
    pub scored: i64,
}

pub async fn judge_list(db: &Db, event_id: i64) -> AppResult<Vec<JudgeListRow>> {
    Ok(sqlx::query_as(
        "SELECT r.user_id, u.display_name, COALESCE(jp.active, 1) AS active, COALESCE(jp.tracks, '') AS tracks, \
         COALESCE(jp.rooms, '') AS rooms, \
         CASE WHEN u.password_hash LIKE 'pass$%' THEN 1 ELSE 0 END AS pass_only, \
         (SELECT MAX(jpass.expires_at) FROM judge_passes jpass WHERE jpass.event_id = r.event_id \
          AND jpass.user_id = r.user_id AND jpass.revoked_at IS NULL) AS pass_expires, r.retired_at, \
         CASE WHEN EXISTS (SELECT 1 FROM scores s WHERE s.event_id = r.event_id AND s.judge_id = r.user_id) \
         THEN 1 ELSE 0 END AS scored \
         FROM event_roles r JOIN users u ON u.id = r.user_id \
         LEFT JOIN judge_profiles jp ON jp.event_id = r.event_id AND jp.user_id = r.user_id \
         WHERE r.event_id = $1 AND r.role = 'judge' ORDER BY u.display_name, r.user_id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?)
}

/// A team a judge of the event has mentored (so does not judge), and how.
#[derive(sqlx::FromRow)]
pub struct MentoredRow {
    pub judge_id: i64,
    pub team: String,
    pub source: String,
}

/// The teams each judge of the event has mentored, by judge, teams by name.
pub async fn mentored_by_judges(db: &Db, event_id: i64) -> AppResult<HashMap<i64, Vec<MentoredRow>>> {
    let rows: Vec<MentoredRow> = sqlx::query_as(
        "SELECT l.mentor_id AS judge_id, t.name AS team, l.source FROM mentorship_log l \
         JOIN teams t ON t.id = l.team_id \
         JOIN event_roles r ON r.event_id = t.event_id AND r.user_id = l.mentor_id AND r.role = 'judge' \
         WHERE t.event_id = $1 ORDER BY t.name, t.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let mut by_judge: HashMap<i64, Vec<MentoredRow>> = HashMap::new();
    for row in rows {
        by_judge.entry(row.judge_id).or_default().push(row);
    }
    Ok(by_judge)
}

/// An assignment with its judge's name and the score's state, if any.
#[derive(sqlx::FromRow)]
pub struct AssignedRow {
    pub project_id: i64,
    pub judge_id: i64,
    pub display_name: String,
    pub status: Option<String>,
    pub flagged: Option<i64>,
}

pub async fn assigned(db: &Db, event_id: i64) -> AppResult<Vec<AssignedRow>> {
    Ok(sqlx::query_as(
        "SELECT a.project_id, a.judge_id, u.display_name, s.status, s.flagged FROM judge_assignments a \
         JOIN users u ON u.id = a.judge_id \
         LEFT JOIN scores s ON s.project_id = a.project_id AND s.judge_id = a.judge_id \
         WHERE a.event_id = $1 ORDER BY a.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?)
}

#[derive(sqlx::FromRow)]
struct DeclaredRow {
    judge_id: i64,
    conflicts: i64,
}

/// How many conflicts of interest each judge declared, by judge.
pub async fn declared_conflicts(db: &Db, event_id: i64) -> AppResult<HashMap<i64, i64>> {
    let rows: Vec<DeclaredRow> = sqlx::query_as(
        "SELECT judge_id, COUNT(*) AS conflicts FROM judge_conflicts WHERE event_id = $1 GROUP BY judge_id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.judge_id, r.conflicts)).collect())
}

pub async fn has_rubric(db: &Db, event_id: i64) -> AppResult<bool> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM rubrics WHERE event_id = $1 LIMIT 1")
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(id.is_some())
}

/// The judging settings as the organizer saves them.
pub struct SettingsUpdate<'a> {
    pub judges_per_project: i64,
    pub hide_names: i64,
    pub method: &'a str,
    pub disagreement: i64,
    pub state: &'a str,
}

/// Saves the settings if they are still at `version`; false when someone saved meanwhile.
pub async fn update_settings(tx: &mut Tx, event_id: i64, version: i64, s: &SettingsUpdate<'_>) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE judging_settings SET judges_per_project = $1, hide_names = $2, method = $3, disagreement = $4, state = $5, \
         version = version + 1, updated_at = $6 WHERE event_id = $7 AND version = $8",
    )
    .bind(s.judges_per_project)
    .bind(s.hide_names)
    .bind(s.method)
    .bind(s.disagreement)
    .bind(s.state)
    .bind(crate::db::now())
    .bind(event_id)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A rubric version of one scope, its criteria as stored (JSON).
#[derive(sqlx::FromRow)]
pub struct RubricVersionRow {
    pub id: i64,
    pub version: i64,
    pub criteria: String,
}

/// The newest rubric version of a scope (0 = event-wide, else a track), without falling
/// back to the event-wide one.
pub async fn newest_of_scope<'e>(
    ex: impl sqlx::Executor<'e, Database = Any>,
    event_id: i64,
    scope: i64,
) -> AppResult<Option<RubricVersionRow>> {
    Ok(sqlx::query_as(
        "SELECT id, version, criteria FROM rubrics WHERE event_id = $1 AND scope = $2 ORDER BY version DESC LIMIT 1",
    )
    .bind(event_id)
    .bind(scope)
    .fetch_optional(ex)
    .await?)
}

/// Whether a score was given under this rubric version.
pub async fn rubric_used<'e>(ex: impl sqlx::Executor<'e, Database = Any>, rubric_id: i64) -> AppResult<bool> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM scores WHERE rubric_id = $1 LIMIT 1")
        .bind(rubric_id)
        .fetch_optional(ex)
        .await?;
    Ok(id.is_some())
}

/// A project scored under a rubric version.
#[derive(sqlx::FromRow)]
pub struct AffectedRow {
    pub id: i64,
    pub title: String,
}

/// Projects with scores given under another version of this scope's rubric than `rubric_id`.
pub async fn affected(db: &Db, event_id: i64, scope: i64, rubric_id: i64) -> AppResult<Vec<AffectedRow>> {
    Ok(sqlx::query_as(
        "SELECT DISTINCT p.id, p.title FROM scores s JOIN rubrics r ON r.id = s.rubric_id JOIN projects p ON p.id = s.project_id \
         WHERE s.event_id = $1 AND r.scope = $2 AND r.id <> $3 ORDER BY p.id",
    )
    .bind(event_id)
    .bind(scope)
    .bind(rubric_id)
    .fetch_all(&db.pool)
    .await?)
}

/// Edits an unused rubric version in place.
pub async fn update_rubric(tx: &mut Tx, rubric_id: i64, criteria_json: &str, by: i64, at: i64) -> AppResult<()> {
    sqlx::query("UPDATE rubrics SET criteria = $1, created_by = $2, created_at = $3 WHERE id = $4")
        .bind(criteria_json)
        .bind(by)
        .bind(at)
        .bind(rubric_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Revokes the judge's unrevoked passes; how many there were.
pub async fn revoke_passes(tx: &mut Tx, event_id: i64, user_id: i64, at: i64) -> AppResult<u64> {
    Ok(sqlx::query(
        "UPDATE judge_passes SET revoked_at = $1 WHERE event_id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(at)
    .bind(event_id)
    .bind(user_id)
    .execute(&mut **tx)
    .await?
    .rows_affected())
}

/// Releases a judge's assignments back to the pool: every one of them, or (`keep_done`) all
/// but those the judge completed (scored, or the team marked absent), which stay with the
/// results. A draft is not a completed score: its assignment is released (the draft itself is
/// kept in `scores`, where results do not count it). Returns the projects released; the next
/// assignment run fills their seats (see `assign`).
pub async fn release_assignments(tx: &mut Tx, event_id: i64, judge_id: i64, keep_done: bool) -> AppResult<Vec<i64>> {
    let done = if keep_done {
        "AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.project_id = judge_assignments.project_id \
         AND s.judge_id = judge_assignments.judge_id AND s.status IN ('scored', 'absent'))"
    } else {
        ""
    };
    let mut released: Vec<i64> = sqlx::query_scalar(&format!(
        "DELETE FROM judge_assignments WHERE event_id = $1 AND judge_id = $2 {done} RETURNING project_id"
    ))
    .bind(event_id)
    .bind(judge_id)
    .fetch_all(&mut **tx)
    .await?;
    released.sort_unstable();
    Ok(released)
}

/// A judge's live pass after a change.
#[derive(sqlx::FromRow)]
pub struct LivePassRow {
    pub id: i64,
    pub expires_at: i64,
}

/// Gives the judge's live (unrevoked, unexpired) pass a new secret; `None` without one.
pub async fn rotate_pass(
    tx: &mut Tx,
    event_id: i64,
    user_id: i64,
    token_hash: &str,
    at: i64,
) -> AppResult<Option<LivePassRow>> {
    Ok(sqlx::query_as(
        "UPDATE judge_passes SET token_hash = $1, rotated_at = $2 \
         WHERE event_id = $3 AND user_id = $4 AND revoked_at IS NULL AND expires_at > $2 RETURNING id, expires_at",
    )
    .bind(token_hash)
    .bind(at)
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await?)
}

/// Extends the judge's unrevoked pass by `seconds`, from its expiry or from `at` if it has
/// already expired; `None` without one.
pub async fn extend_pass(
    tx: &mut Tx,
    event_id: i64,
    user_id: i64,
    at: i64,
    seconds: i64,
) -> AppResult<Option<LivePassRow>> {
    Ok(sqlx::query_as(
        "UPDATE judge_passes SET expires_at = CASE WHEN expires_at > $1 THEN expires_at ELSE $1 END + $2 \
         WHERE event_id = $3 AND user_id = $4 AND revoked_at IS NULL RETURNING id, expires_at",
    )
    .bind(at)
    .bind(seconds)
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await?)
}

/// A judge's profile as saved: availability, and the tracks and rooms they are limited to
/// (comma-separated ids, empty for none).
pub struct JudgeProfile<'a> {
    pub tracks: &'a str,
    pub rooms: &'a str,
    pub active: bool,
}

/// Saves a judge's profile.
pub async fn save_judge_profile(
    tx: &mut Tx,
    event_id: i64,
    user_id: i64,
    profile: &JudgeProfile<'_>,
    at: i64,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO judge_profiles (event_id, user_id, tracks, rooms, active, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (event_id, user_id) DO UPDATE SET tracks = excluded.tracks, rooms = excluded.rooms, \
         active = excluded.active, updated_at = excluded.updated_at",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(profile.tracks)
    .bind(profile.rooms)
    .bind(i64::from(profile.active))
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A submitted project as the assignment sees it.
#[derive(sqlx::FromRow)]
pub struct AssignProjectRow {
    pub id: i64,
    pub team_id: i64,
    pub track_id: Option<i64>,
    pub room_id: Option<i64>,
}

impl From<AssignProjectRow> for assign::Project {
    fn from(p: AssignProjectRow) -> Self {
        assign::Project { id: p.id, team: p.team_id, track: p.track_id, room: p.room_id }
    }
}

pub async fn projects_to_assign(tx: &mut Tx, event_id: i64) -> AppResult<Vec<AssignProjectRow>> {
    Ok(sqlx::query_as(
        "SELECT id, team_id, track_id, room_id FROM projects WHERE event_id = $1 AND status = 'submitted' ORDER BY id",
    )
    .bind(event_id)
    .fetch_all(&mut **tx)
    .await?)
}

/// One submitted project of the event, if it is one.
pub async fn project_to_assign(db: &Db, event_id: i64, project_id: i64) -> AppResult<Option<AssignProjectRow>> {
    Ok(sqlx::query_as(
        "SELECT id, team_id, track_id, room_id FROM projects WHERE id = $1 AND event_id = $2 AND status = 'submitted'",
    )
    .bind(project_id)
    .bind(event_id)
    .fetch_optional(&db.pool)
    .await?)
}

/// An assignment, with its score's id once the judge saved one.
#[derive(sqlx::FromRow)]
pub struct AssignmentRow {
    pub project_id: i64,
    pub judge_id: i64,
    pub score_id: Option<i64>,
}

pub async fn assignments_with_scores(tx: &mut Tx, event_id: i64) -> AppResult<Vec<AssignmentRow>> {
    Ok(sqlx::query_as(
        "SELECT a.project_id, a.judge_id, s.id AS score_id FROM judge_assignments a \
         LEFT JOIN scores s ON s.project_id = a.project_id AND s.judge_id = a.judge_id WHERE a.event_id = $1 ORDER BY a.id",
    )
    .bind(event_id)
    .fetch_all(&mut **tx)
    .await?)
}

/// An assignment without its score.
#[derive(sqlx::FromRow)]
pub struct PairRow {
    pub project_id: i64,
    pub judge_id: i64,
}

pub async fn assignments(tx: &mut Tx, event_id: i64) -> AppResult<Vec<PairRow>> {
    Ok(sqlx::query_as("SELECT project_id, judge_id FROM judge_assignments WHERE event_id = $1")
        .bind(event_id)
        .fetch_all(&mut **tx)
        .await?)
}

/// Removes an assignment unless the judge has saved a score since the plan was read.
pub async fn remove_unscored_assignment(tx: &mut Tx, project_id: i64, judge_id: i64) -> AppResult<()> {
    sqlx::query(
        "DELETE FROM judge_assignments WHERE project_id = $1 AND judge_id = $2 \
         AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.project_id = $1 AND s.judge_id = $2)",
    )
    .bind(project_id)
    .bind(judge_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Sets where a project can be found in the hall; false when it is not the event's.
pub async fn set_table(tx: &mut Tx, event_id: i64, project_id: i64, label: &str) -> AppResult<bool> {
    let done = sqlx::query("UPDATE projects SET table_label = $1 WHERE id = $2 AND event_id = $3")
        .bind(label)
        .bind(project_id)
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// A score as the scores export lists it.
#[derive(sqlx::FromRow)]
pub struct ExportedScoreRow {
    pub judge: String,
    pub project_id: i64,
    pub title: String,
    pub team: String,
    pub status: String,
    pub rubric_id: i64,
    pub marks: String,
    pub notes: String,
    pub feedback: String,
    pub flagged: i64,
    pub updated_at: i64,
    /// 1 when the judge was retired: their scores count, and the export says so.
    pub judge_retired: i64,
}

pub async fn exported_scores(db: &Db, event_id: i64) -> Result<Vec<ExportedScoreRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.display_name AS judge, p.id AS project_id, p.title, t.name AS team, s.status, s.rubric_id, \
         s.marks, s.notes, s.feedback, s.flagged, s.updated_at, \
         CASE WHEN EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = s.event_id AND r.user_id = s.judge_id \
         AND r.role = 'judge' AND r.retired_at IS NOT NULL) THEN 1 ELSE 0 END AS judge_retired \
         FROM scores s JOIN users u ON u.id = s.judge_id JOIN projects p ON p.id = s.project_id JOIN teams t ON t.id = p.team_id \
         WHERE s.event_id = $1",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await
}
