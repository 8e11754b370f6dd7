//! The organizer's side of judging: settings, the rubric builder, judges and their phone
//! sign-in links, assignment runs, coverage, results and exports. Every function here is
//! organizer-only: results and other judges' scores never reach a judge.

use super::rubric::Criterion;
use super::Settings;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
use {
    super::{assign, results, ssr as js},
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::error::FieldError,
    crate::i18n::{args, Msg},
    serde_json::json,
    std::collections::HashMap,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeRow {
    pub user_id: i64,
    pub name: String,
    pub active: bool,
    /// The track the judge is limited to, if any.
    pub track: Option<i64>,
    /// The account has a password of its own: the judge signs in with it, never with a pass.
    pub own_login: bool,
    /// The judge's current (unrevoked) pass, if any.
    pub pass: Option<PassState>,
    /// A link issued or re-shown just now, shown on this page view only (only its digest is
    /// stored).
    pub fresh: Option<FreshLink>,
    pub assigned: i64,
    pub done: i64,
    pub declared_conflicts: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PassState {
    /// When the pass expires, in the event's time zone.
    pub expires: String,
    pub expired: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FreshLink {
    pub url: String,
    pub qr_svg: String,
}

/// A pass link as issued: the answer of add, renew and show-link, the one moment the plain
/// link exists (the console also shows it once, see `ssr::reveal_once`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IssuedPass {
    pub user_id: i64,
    pub url: String,
    pub expires_at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoverageRow {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub team: String,
    pub track: String,
    pub table_label: String,
    /// (judge name, done)
    pub judges: Vec<(String, bool)>,
    pub under: bool,
    pub flagged: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsoleData {
    pub event_id: i64,
    pub event_name: String,
    pub settings: Settings,
    pub tracks: Vec<(i64, String)>,
    pub judges: Vec<JudgeRow>,
    pub coverage: Vec<CoverageRow>,
    pub has_rubric: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RubricData {
    pub event_id: i64,
    pub scope: i64,
    pub tracks: Vec<(i64, String)>,
    /// The version shown (0 when there is none yet).
    pub version: i64,
    /// True when a score was given under this version: saving creates a new version.
    pub locked: bool,
    /// The track has no rubric of its own and uses the event-wide one.
    pub inherited: bool,
    pub criteria: Vec<Criterion>,
    /// Projects with scores given under an earlier version: their judges must re-score.
    pub affected: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub team: String,
    pub track: String,
    pub rank: Option<usize>,
    pub track_rank: Option<usize>,
    pub judges: usize,
    pub raw: Option<f64>,
    pub normalized: Option<f64>,
    pub spread: f64,
    pub disagreement: bool,
    pub flags: i64,
    pub absent: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsData {
    pub event_id: i64,
    pub method: String,
    pub threshold: i64,
    pub rows: Vec<ResultRow>,
    /// Scores given under an older rubric version (still counted, on the 0–100 scale).
    pub outdated: i64,
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::db::Db;
    use crate::error::AppResult;

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

    /// The weighted totals of every complete score, computed with the rubric version each
    /// score was given under.
    pub fn totals(scores: &[ScoreRow], rubrics: &HashMap<i64, Vec<Criterion>>) -> Vec<results::Total> {
        scores
            .iter()
            .filter(|s| s.status == "scored")
            .filter_map(|s| {
                let criteria = rubrics.get(&s.rubric_id)?;
                let marks: BTreeMap<String, i64> = serde_json::from_str(&s.marks).ok()?;
                let total = super::super::rubric::weighted_total(criteria, &marks)?;
                Some(results::Total { project: s.project_id, judge: s.judge_id, total })
            })
            .collect()
    }

    pub async fn compute(db: &Db, event_id: i64) -> AppResult<ResultsData> {
        Ok(compute_with_totals(db, event_id).await?.0)
    }

    /// The results and the judge totals they were computed from (the dashboard's
    /// calibration chart draws those totals, without reading the scores a second time).
    pub async fn compute_with_totals(db: &Db, event_id: i64) -> AppResult<(ResultsData, Vec<results::Total>)> {
        let settings = js::settings(db, event_id).await?;
        let projects = submitted(db, event_id).await?;
        let scores = scores(db, event_id).await?;
        let rubrics = js::all_rubrics(db, event_id).await?;
        let totals = totals(&scores, &rubrics);
        let entries: Vec<results::Entry> = projects
            .iter()
            .map(|p| results::Entry { id: p.id, track: p.track_id, submitted_at: p.submitted_at })
            .collect();
        let method = results::Method::from_code(&settings.method).unwrap_or(results::Method::Z);
        let standings = results::rank(&entries, &totals, method, settings.disagreement as f64);
        let by_id: HashMap<i64, &ProjectRow> = projects.iter().map(|p| (p.id, p)).collect();
        let latest: HashMap<i64, i64> = {
            let rows: Vec<(i64, i64)> =
                sqlx::query_as("SELECT r.scope, MAX(r.id) FROM rubrics r WHERE r.event_id = $1 GROUP BY r.scope")
                    .bind(event_id)
                    .fetch_all(&db.pool)
                    .await?;
            rows.into_iter().collect()
        };
        let current_for = |track: Option<i64>| latest.get(&track.unwrap_or(0)).or_else(|| latest.get(&0)).copied();
        let outdated = scores
            .iter()
            .filter(|s| s.status == "scored")
            .filter(|s| by_id.get(&s.project_id).is_some_and(|p| current_for(p.track_id) != Some(s.rubric_id)))
            .count() as i64;
        // (flags, absent) per project, in one pass over the scores.
        let mut marks: HashMap<i64, (i64, i64)> = HashMap::new();
        for r in &scores {
            let entry = marks.entry(r.project_id).or_default();
            entry.0 += i64::from(r.flagged == 1);
            entry.1 += i64::from(r.status == "absent");
        }
        let rows = standings
            .into_iter()
            .filter_map(|s| {
                let p = by_id.get(&s.project)?;
                let (flags, absent) = marks.get(&s.project).copied().unwrap_or_default();
                Some(ResultRow {
                    project_id: p.id,
                    code: super::super::project_code(p.id),
                    title: p.title.clone(),
                    team: p.team.clone(),
                    track: p.track.clone(),
                    rank: s.rank,
                    track_rank: s.track_rank,
                    judges: s.judges,
                    raw: s.raw,
                    normalized: s.normalized,
                    spread: s.spread,
                    disagreement: s.disagreement,
                    flags,
                    absent,
                })
            })
            .collect();
        Ok((
            ResultsData { event_id, method: settings.method, threshold: settings.disagreement, rows, outdated },
            totals,
        ))
    }

    /// The event's judges as the assignment sees them: available or not, track limits.
    pub async fn judges(tx: &mut crate::db::Tx, event_id: i64) -> AppResult<Vec<assign::Judge>> {
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT r.user_id, COALESCE(jp.active, 1), COALESCE(jp.tracks, '') FROM event_roles r \
             LEFT JOIN judge_profiles jp ON jp.event_id = r.event_id AND jp.user_id = r.user_id \
             WHERE r.event_id = $1 AND r.role = 'judge' ORDER BY r.user_id",
        )
        .bind(event_id)
        .fetch_all(&mut **tx)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, active, tracks)| assign::Judge {
                id,
                active: active == 1,
                tracks: crate::teams::ssr::split(&tracks).iter().filter_map(|t| t.parse().ok()).collect(),
            })
            .collect())
    }

    pub fn pass_url(base: &str, token: &str) -> String {
        format!("{base}/pass/{token}")
    }

    /// Links issued in this organizer session and not shown yet: (event, judge, url).
    const SESSION_FRESH_PASSES: &str = "fresh_passes";

    async fn session() -> AppResult<tower_sessions::Session> {
        leptos_axum::extract::<tower_sessions::Session>().await.map_err(|e| {
            tracing::error!(error = %e, "session layer missing");
            AppError::Internal
        })
    }

    /// Keeps a just-issued link for the organizer's next page view, which shows it once: a
    /// form posted to add, renew or show-link comes back to a page, not to this answer. The
    /// link stays in the organizer's own session until that view takes it.
    pub async fn reveal_once(event_id: i64, user_id: i64, url: &str) -> AppResult<()> {
        let session = session().await?;
        let mut fresh: Vec<(i64, i64, String)> = session.get(SESSION_FRESH_PASSES).await?.unwrap_or_default();
        fresh.retain(|(e, u, _)| !(*e == event_id && *u == user_id));
        fresh.push((event_id, user_id, url.to_owned()));
        session.insert(SESSION_FRESH_PASSES, fresh).await?;
        Ok(())
    }

    /// Takes the links waiting to be shown for these judges of the event (all of the event's
    /// when `judges` is `None`); the others keep waiting.
    pub async fn take_revealed(event_id: i64, judges: Option<&[i64]>) -> AppResult<HashMap<i64, String>> {
        let session = session().await?;
        let Some(fresh) = session.get::<Vec<(i64, i64, String)>>(SESSION_FRESH_PASSES).await? else {
            return Ok(HashMap::new());
        };
        let (taken, kept): (Vec<_>, Vec<_>) =
            fresh.into_iter().partition(|(e, u, _)| *e == event_id && judges.is_none_or(|j| j.contains(u)));
        if taken.is_empty() {
            return Ok(HashMap::new());
        }
        if kept.is_empty() {
            session.remove_value(SESSION_FRESH_PASSES).await?;
        } else {
            session.insert(SESSION_FRESH_PASSES, kept).await?;
        }
        Ok(taken.into_iter().map(|(_, u, url)| (u, url)).collect())
    }

    /// The judge a pass action is about: a judge of this event, and whether their account is
    /// pass-only. `NotFound` for anyone else (including another event's judge).
    pub async fn pass_target(db: &Db, event_id: i64, user_id: i64) -> AppResult<bool> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT u.password_hash FROM event_roles r JOIN users u ON u.id = r.user_id \
             WHERE r.event_id = $1 AND r.user_id = $2 AND r.role = 'judge'",
        )
        .bind(event_id)
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await?;
        let (hash,) = row.ok_or(AppError::NotFound)?;
        Ok(gate::is_pass_only(&hash))
    }

    /// Answers an issued pass and keeps it for the console's next view.
    pub async fn issued(
        base: &str,
        event_id: i64,
        user_id: i64,
        pass: &super::super::score::ssr::Issued,
    ) -> AppResult<IssuedPass> {
        let url = pass_url(base, &pass.token);
        reveal_once(event_id, user_id, &url).await?;
        Ok(IssuedPass { user_id, url, expires_at: pass.expires_at })
    }
}

#[server(prefix = "/api", endpoint = "judging/console")]
pub async fn judging_console(event_id: i64) -> Result<ConsoleData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let settings = js::settings(db, event_id).await?;
    let event_name: String =
        sqlx::query_scalar("SELECT name FROM events WHERE id = $1").bind(event_id).fetch_one(&db.pool).await?;
    let tracks = crate::events::db::tracks(db, event_id).await?.into_iter().map(|(id, name, _)| (id, name)).collect();
    #[derive(sqlx::FromRow)]
    struct Judge {
        user_id: i64,
        display_name: String,
        active: i64,
        tracks: String,
        pass_only: i64,
        /// When the judge's unrevoked pass expires, if they have one.
        pass_expires: Option<i64>,
    }
    let judge_rows: Vec<Judge> = sqlx::query_as(
        "SELECT r.user_id, u.display_name, COALESCE(jp.active, 1) AS active, COALESCE(jp.tracks, '') AS tracks, \
         CASE WHEN u.password_hash LIKE 'pass$%' THEN 1 ELSE 0 END AS pass_only, \
         (SELECT MAX(jpass.expires_at) FROM judge_passes jpass WHERE jpass.event_id = r.event_id \
          AND jpass.user_id = r.user_id AND jpass.revoked_at IS NULL) AS pass_expires \
         FROM event_roles r JOIN users u ON u.id = r.user_id \
         LEFT JOIN judge_profiles jp ON jp.event_id = r.event_id AND jp.user_id = r.user_id \
         WHERE r.event_id = $1 AND r.role = 'judge' ORDER BY u.display_name, r.user_id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let mut fresh = ssr::take_revealed(event_id, None).await?;
    let tz = crate::events::db::timezone(db, event_id).await?;
    let t = now();
    #[derive(sqlx::FromRow)]
    struct Assigned {
        project_id: i64,
        judge_id: i64,
        display_name: String,
        status: Option<String>,
        flagged: Option<i64>,
    }
    let assigned: Vec<Assigned> = sqlx::query_as(
        "SELECT a.project_id, a.judge_id, u.display_name, s.status, s.flagged FROM judge_assignments a \
         JOIN users u ON u.id = a.judge_id \
         LEFT JOIN scores s ON s.project_id = a.project_id AND s.judge_id = a.judge_id \
         WHERE a.event_id = $1 ORDER BY a.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let declared: Vec<(i64, i64)> =
        sqlx::query_as("SELECT judge_id, COUNT(*) FROM judge_conflicts WHERE event_id = $1 GROUP BY judge_id")
            .bind(event_id)
            .fetch_all(&db.pool)
            .await?;
    let declared: HashMap<i64, i64> = declared.into_iter().collect();
    let done = |s: &Option<String>| matches!(s.as_deref(), Some("scored" | "absent"));
    // Assignments grouped once by judge and by project (not rescanned per row).
    let mut per_judge: HashMap<i64, (i64, i64)> = HashMap::new();
    let mut per_project: HashMap<i64, (Vec<(String, bool)>, bool)> = HashMap::new();
    for a in &assigned {
        let j = per_judge.entry(a.judge_id).or_default();
        j.0 += 1;
        j.1 += i64::from(done(&a.status));
        let p = per_project.entry(a.project_id).or_default();
        p.0.push((a.display_name.clone(), done(&a.status)));
        p.1 |= a.flagged == Some(1);
    }
    let judges = judge_rows
        .into_iter()
        .map(|j| {
            let user_id = j.user_id;
            let (assigned, done) = per_judge.get(&user_id).copied().unwrap_or_default();
            JudgeRow {
                user_id,
                name: j.display_name,
                active: j.active == 1,
                track: crate::teams::ssr::split(&j.tracks).first().and_then(|t| t.parse().ok()),
                own_login: j.pass_only == 0,
                pass: j
                    .pass_expires
                    .map(|at| PassState { expires: crate::i18n::dates::for_reader(at, tz), expired: at <= t }),
                fresh: fresh.remove(&user_id).map(|url| FreshLink { qr_svg: crate::links::qr_svg(&url), url }),
                assigned,
                done,
                declared_conflicts: declared.get(&user_id).copied().unwrap_or(0),
            }
        })
        .collect();
    let k = settings.judges_per_project;
    let coverage = ssr::submitted(db, event_id)
        .await?
        .into_iter()
        .map(|p| {
            let (judges, flagged) = per_project.remove(&p.id).unwrap_or_default();
            CoverageRow {
                project_id: p.id,
                code: super::project_code(p.id),
                title: p.title,
                team: p.team,
                track: p.track,
                table_label: p.table_label,
                under: (judges.len() as i64) < k,
                flagged,
                judges,
            }
        })
        .collect();
    let has_rubric: Option<(i64,)> = sqlx::query_as("SELECT id FROM rubrics WHERE event_id = $1 LIMIT 1")
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(ConsoleData { event_id, event_name, settings, tracks, judges, coverage, has_rubric: has_rubric.is_some() })
}

#[server(prefix = "/api", endpoint = "judging/settings/save")]
pub async fn save_judging_settings(
    event_id: i64,
    version: i64,
    judges_per_project: String,
    hide_names: Option<String>,
    method: String,
    disagreement: String,
    state: String,
) -> Result<(), AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let mut errors = Vec::new();
    let k = match judges_per_project.trim().parse::<i64>() {
        Ok(k) if (1..=super::MAX_JUDGES_PER_PROJECT).contains(&k) => k,
        _ => {
            errors.push(FieldError::with(
                "judges_per_project",
                args::ErrNumberRange { range: format!("1–{}", super::MAX_JUDGES_PER_PROJECT) },
            ));
            0
        }
    };
    let threshold = match disagreement.trim().parse::<i64>() {
        Ok(t) if (1..=100).contains(&t) => t,
        _ => {
            errors.push(FieldError::with("disagreement", args::ErrNumberRange { range: "1–100" }));
            0
        }
    };
    if results::Method::from_code(&method).is_none() {
        errors.push(FieldError::new("method", Msg::ErrRequired));
    }
    if !matches!(state.as_str(), "scheduled" | "open" | "closed") {
        errors.push(FieldError::new("state", Msg::ErrRequired));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let hide = i64::from(hide_names.is_some());
    let mut tx = access.db().begin_write().await?;
    js::ensure_settings(&mut tx, event_id).await?;
    let before = js::settings(access.db(), event_id).await.ok();
    let done = sqlx::query(
        "UPDATE judging_settings SET judges_per_project = $1, hide_names = $2, method = $3, disagreement = $4, state = $5, \
         version = version + 1, updated_at = $6 WHERE event_id = $7 AND version = $8",
    )
    .bind(k)
    .bind(hide)
    .bind(&method)
    .bind(threshold)
    .bind(&state)
    .bind(now())
    .bind(event_id)
    .bind(version.max(1))
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ErrChangedMeanwhile));
    }
    audit(
        &mut tx, Some(event_id), Some(access.user.id), "judging.settings",
        before.map(|b| json!({ "k": b.judges_per_project, "hide_names": b.hide_names, "method": b.method, "disagreement": b.disagreement, "state": b.state })),
        Some(json!({ "k": k, "hide_names": hide == 1, "method": method, "disagreement": threshold, "state": state })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, "judging");
    Ok(())
}

#[server(prefix = "/api", endpoint = "judging/rubric")]
pub async fn load_rubric(event_id: i64, scope: i64) -> Result<RubricData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let tracks: Vec<(i64, String)> =
        crate::events::db::tracks(db, event_id).await?.into_iter().map(|(id, n, _)| (id, n)).collect();
    if scope != 0 && !tracks.iter().any(|(id, _)| *id == scope) {
        return Err(AppError::NotFound);
    }
    let own: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT id, version, criteria FROM rubrics WHERE event_id = $1 AND scope = $2 ORDER BY version DESC LIMIT 1",
    )
    .bind(event_id)
    .bind(scope)
    .fetch_optional(&db.pool)
    .await?;
    let (inherited, shown) = match own {
        Some(row) => (false, Some(row)),
        None if scope != 0 => {
            let event_wide = js::rubric_for(db, event_id, None).await?;
            (
                event_wide.is_some(),
                event_wide.map(|r| (r.id, r.version, serde_json::to_string(&r.criteria).unwrap_or_default())),
            )
        }
        None => (false, None),
    };
    let (rubric_id, version, criteria) = match shown {
        Some((id, v, json)) => (id, v, js::parse_criteria(&json)?),
        None => (0, 0, Vec::new()),
    };
    let locked: Option<(i64,)> = sqlx::query_as("SELECT id FROM scores WHERE rubric_id = $1 LIMIT 1")
        .bind(rubric_id)
        .fetch_optional(&db.pool)
        .await?;
    // Scores under an earlier version of this scope's rubric.
    let affected: Vec<(i64, String)> = if inherited || rubric_id == 0 {
        Vec::new()
    } else {
        sqlx::query_as(
            "SELECT DISTINCT p.id, p.title FROM scores s JOIN rubrics r ON r.id = s.rubric_id JOIN projects p ON p.id = s.project_id \
             WHERE s.event_id = $1 AND r.scope = $2 AND r.id <> $3 ORDER BY p.id",
        )
        .bind(event_id)
        .bind(scope)
        .bind(rubric_id)
        .fetch_all(&db.pool)
        .await?
    };
    Ok(RubricData {
        event_id,
        scope,
        tracks,
        version: if inherited { 0 } else { version },
        locked: !inherited && locked.is_some(),
        inherited,
        criteria,
        affected: affected.into_iter().map(|(id, title)| format!("{} {title}", super::project_code(id))).collect(),
    })
}

/// Saves the rubric of a scope (0 = event-wide, else a track). An unused version is
/// edited in place; once a score exists under it, saving creates the next version and the
/// page lists the projects whose scores were given under the old one.
#[server(prefix = "/api", endpoint = "judging/rubric/save")]
pub async fn save_rubric(
    event_id: i64,
    scope: i64,
    version: i64,
    fields: Option<BTreeMap<String, String>>,
) -> Result<(), AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    if scope != 0 && !crate::events::db::track_in_event(access.db(), event_id, scope).await? {
        return Err(AppError::NotFound);
    }
    let criteria = super::rubric::parse_form(&fields.unwrap_or_default()).map_err(AppError::Invalid)?;
    let json = serde_json::to_string(&criteria).map_err(|e| AppError::internal("rubric not serialized", e))?;
    let mut tx = access.db().begin_write().await?;
    let current: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT id, version, criteria FROM rubrics WHERE event_id = $1 AND scope = $2 ORDER BY version DESC LIMIT 1",
    )
    .bind(event_id)
    .bind(scope)
    .fetch_optional(&mut *tx)
    .await?;
    let latest = current.as_ref().map(|c| c.1).unwrap_or(0);
    if latest != version {
        return Err(AppError::Conflict(Msg::ErrChangedMeanwhile));
    }
    let used = match &current {
        Some((id, ..)) => sqlx::query_as::<_, (i64,)>("SELECT id FROM scores WHERE rubric_id = $1 LIMIT 1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .is_some(),
        None => false,
    };
    let t = now();
    match &current {
        Some((id, _, _)) if !used => {
            sqlx::query("UPDATE rubrics SET criteria = $1, created_by = $2, created_at = $3 WHERE id = $4")
                .bind(&json)
                .bind(access.user.id)
                .bind(t)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        _ => {
            js::insert_rubric(&mut tx, event_id, scope, latest + 1, &json, access.user.id).await?;
        }
    }
    audit(
        &mut tx, Some(event_id), Some(access.user.id), "rubric.saved",
        current.map(|c| json!({ "version": c.1, "criteria": serde_json::from_str::<serde_json::Value>(&c.2).unwrap_or_default() })),
        Some(json!({ "scope": scope, "version": if used { latest + 1 } else { latest.max(1) }, "criteria": criteria })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Adds a judge who signs in on their phone with a personal link: no password, one event.
/// The link is in the answer and on the console's next view, and nowhere else.
#[server(prefix = "/api", endpoint = "judging/judges/add")]
pub async fn add_judge(event_id: i64, display_name: String) -> Result<IssuedPass, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let name =
        crate::auth::domain::DisplayName::parse(&display_name).map_err(|k| AppError::field("display_name", k))?;
    let mut tx = access.db().begin_write().await?;
    let (user_id, pass) =
        super::score::ssr::create_pass_judge(&mut tx, event_id, name.as_str(), Some(access.user.id)).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "judge.added",
        None,
        Some(json!({ "judge": user_id, "pass": pass.pass_id })),
    )
    .await?;
    tx.commit().await?;
    ssr::issued(&access.state.config.public_url, event_id, user_id, &pass).await
}

/// `revoke` ends the judge's phone sign-in: the pass opens nothing more and every session it
/// opened is refused from the next request. `renew` does that and issues a new pass (a new
/// id, so the old pass's sessions stay ended). Only pass-only judges get a new pass; a judge
/// with a password of their own signs in with it (`ErrPassOwnLogin`), though any judge's
/// passes can be revoked.
#[server(prefix = "/api", endpoint = "judging/pass/reset")]
pub async fn reset_pass(event_id: i64, user_id: i64, action: String) -> Result<Option<IssuedPass>, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let pass_only = ssr::pass_target(access.db(), event_id, user_id).await?;
    if !matches!(action.as_str(), "revoke" | "renew") {
        return Err(AppError::field("action", Msg::ErrRequired));
    }
    if action == "renew" && !pass_only {
        return Err(AppError::Conflict(Msg::ErrPassOwnLogin));
    }
    let mut tx = access.db().begin_write().await?;
    let revoked = sqlx::query(
        "UPDATE judge_passes SET revoked_at = $1 WHERE event_id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(now())
    .bind(event_id)
    .bind(user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let pass = if action == "renew" {
        Some(super::score::ssr::insert_pass(&mut tx, event_id, user_id, Some(access.user.id)).await?)
    } else {
        None
    };
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        &format!("judge.pass_{action}"),
        None,
        Some(json!({ "judge": user_id, "revoked": revoked, "pass": pass.as_ref().map(|p| p.pass_id) })),
    )
    .await?;
    tx.commit().await?;
    match pass {
        Some(pass) => Ok(Some(ssr::issued(&access.state.config.public_url, event_id, user_id, &pass).await?)),
        None => Ok(None),
    }
}

/// Shows a judge's link again. Only its digest is stored, so showing it means giving the same
/// pass a new secret: phones already signed in with the pass stay signed in, the link shown
/// before stops opening new sign-ins, and the new one is shown once.
#[server(prefix = "/api", endpoint = "judging/pass/show")]
pub async fn show_pass(event_id: i64, user_id: i64) -> Result<IssuedPass, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    if !ssr::pass_target(access.db(), event_id, user_id).await? {
        return Err(AppError::Conflict(Msg::ErrPassOwnLogin));
    }
    let token = super::score::ssr::new_token();
    let t = now();
    let mut tx = access.db().begin_write().await?;
    let row: Option<(i64, i64)> = sqlx::query_as(
        "UPDATE judge_passes SET token_hash = $1, rotated_at = $2 \
         WHERE event_id = $3 AND user_id = $4 AND revoked_at IS NULL AND expires_at > $2 RETURNING id, expires_at",
    )
    .bind(super::score::ssr::token_hash(&token))
    .bind(t)
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    // No live pass (revoked or expired): "New link" or "Extend" first.
    let (pass_id, expires_at) = row.ok_or(AppError::Conflict(Msg::ErrNoLivePass))?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "judge.pass_shown",
        None,
        Some(json!({ "judge": user_id, "pass": pass_id })),
    )
    .await?;
    tx.commit().await?;
    let pass = super::score::ssr::Issued { pass_id, token, expires_at };
    ssr::issued(&access.state.config.public_url, event_id, user_id, &pass).await
}

/// Most days a pass can be extended by at once.
pub const MAX_EXTEND_DAYS: i64 = 30;

/// Extends a judge's unrevoked pass by whole days, counted from its expiry or from now if it
/// has already expired (an expired pass opens again, with the same link and sessions).
#[server(prefix = "/api", endpoint = "judging/pass/extend")]
pub async fn extend_pass(event_id: i64, user_id: i64, days: String) -> Result<(), AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    ssr::pass_target(access.db(), event_id, user_id).await?;
    let days = match days.trim().parse::<i64>() {
        Ok(d) if (1..=MAX_EXTEND_DAYS).contains(&d) => d,
        _ => {
            return Err(AppError::Invalid(vec![FieldError::with(
                "days",
                args::ErrNumberRange { range: format!("1–{MAX_EXTEND_DAYS}") },
            )]))
        }
    };
    let t = now();
    let mut tx = access.db().begin_write().await?;
    let row: Option<(i64, i64)> = sqlx::query_as(
        "UPDATE judge_passes SET expires_at = CASE WHEN expires_at > $1 THEN expires_at ELSE $1 END + $2 \
         WHERE event_id = $3 AND user_id = $4 AND revoked_at IS NULL RETURNING id, expires_at",
    )
    .bind(t)
    .bind(days * super::score::ssr::DAY)
    .bind(event_id)
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (pass_id, expires_at) = row.ok_or(AppError::Conflict(Msg::ErrNoLivePass))?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "judge.pass_extended",
        None,
        Some(json!({ "judge": user_id, "pass": pass_id, "expires_at": expires_at })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Marks a judge available or not for new assignments, and limits them to a track.
#[server(prefix = "/api", endpoint = "judging/judge/update")]
pub async fn update_judge(event_id: i64, user_id: i64, active: Option<String>, track: String) -> Result<(), AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    if !gate::roles_in_event(access.db(), event_id, user_id).await?.contains(&Role::Judge) {
        return Err(AppError::NotFound);
    }
    let mut errors = Vec::new();
    let track = crate::events::db::track_of_event(access.db(), event_id, &track, &mut errors).await?;
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    sqlx::query(
        "INSERT INTO judge_profiles (event_id, user_id, tracks, active, updated_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (event_id, user_id) DO UPDATE SET tracks = excluded.tracks, active = excluded.active, updated_at = excluded.updated_at",
    )
    .bind(event_id)
    .bind(user_id)
    .bind(track.map(|t| t.to_string()).unwrap_or_default())
    .bind(i64::from(active.is_some()))
    .bind(now())
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "judge.updated",
        None,
        Some(json!({ "judge": user_id, "active": active.is_some(), "track": track })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Runs the assignment (see `assign`): fills every submitted project up to K judges,
/// keeping scores already given.
#[server(prefix = "/api", endpoint = "judging/assign")]
pub async fn run_assignment(event_id: i64, seed: String, rebalance: Option<String>) -> Result<(), AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let seed: u64 = seed.trim().parse().map_err(|_| AppError::field("seed", Msg::ErrNotANumber))?;
    let db = access.db();
    let settings = js::settings(db, event_id).await?;
    let mut tx = db.begin_write().await?;
    let projects: Vec<(i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, team_id, track_id FROM projects WHERE event_id = $1 AND status = 'submitted' ORDER BY id",
    )
    .bind(event_id)
    .fetch_all(&mut *tx)
    .await?;
    let judges = ssr::judges(&mut tx, event_id).await?;
    let existing: Vec<(i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT a.project_id, a.judge_id, s.id FROM judge_assignments a \
         LEFT JOIN scores s ON s.project_id = a.project_id AND s.judge_id = a.judge_id WHERE a.event_id = $1 ORDER BY a.id",
    )
    .bind(event_id)
    .fetch_all(&mut *tx)
    .await?;
    let conflicts = js::conflicts(db, event_id).await?;
    let projects: Vec<assign::Project> =
        projects.into_iter().map(|(id, team, track)| assign::Project { id, team, track }).collect();
    let existing: Vec<assign::Existing> = existing
        .into_iter()
        .map(|(project, judge, score)| assign::Existing { project, judge, scored: score.is_some() })
        .collect();
    let plan = assign::plan(&assign::Input {
        projects: &projects,
        judges: &judges,
        conflicts: &conflicts,
        existing: &existing,
        k: settings.judges_per_project.max(1) as usize,
        seed,
        rebalance: rebalance.is_some(),
    });
    for (project, judge) in &plan.remove {
        // A score saved since the plan was read keeps its assignment.
        sqlx::query(
            "DELETE FROM judge_assignments WHERE project_id = $1 AND judge_id = $2 \
             AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.project_id = $1 AND s.judge_id = $2)",
        )
        .bind(project)
        .bind(judge)
        .execute(&mut *tx)
        .await?;
    }
    for (project, judge) in &plan.add {
        js::insert_assignment(&mut tx, event_id, *project, *judge, None).await?;
    }
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "judging.assigned",
        None,
        Some(json!({ "seed": seed, "rebalance": rebalance.is_some(), "k": settings.judges_per_project,
                     "kept": plan.keep.len(), "added": plan.add, "removed": plan.remove, "under": plan.under })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, "judging");
    Ok(())
}

/// Adds one more judge to a project (e.g. one flagged for disagreement).
#[server(prefix = "/api", endpoint = "judging/extra")]
pub async fn add_extra_judge(event_id: i64, project_id: i64) -> Result<(), AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let project: Option<(i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, team_id, track_id FROM projects WHERE id = $1 AND event_id = $2 AND status = 'submitted'",
    )
    .bind(project_id)
    .bind(event_id)
    .fetch_optional(&db.pool)
    .await?;
    let (id, team, track) = project.ok_or(AppError::NotFound)?;
    let conflicts = js::conflicts(db, event_id).await?;
    let mut tx = db.begin_write().await?;
    let judges = ssr::judges(&mut tx, event_id).await?;
    let existing: Vec<(i64, i64)> =
        sqlx::query_as("SELECT project_id, judge_id FROM judge_assignments WHERE event_id = $1")
            .bind(event_id)
            .fetch_all(&mut *tx)
            .await?;
    let existing: Vec<assign::Existing> =
        existing.into_iter().map(|(project, judge)| assign::Existing { project, judge, scored: false }).collect();
    let pick = assign::extra_judge(&assign::Project { id, team, track }, &judges, &conflicts, &existing)
        .ok_or(AppError::Conflict(Msg::ErrNoJudgeAvailable))?;
    js::insert_assignment(&mut tx, event_id, id, pick, Some(access.user.id)).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "judging.extra_judge",
        None,
        Some(json!({ "project": id, "judge": pick })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, "judging");
    Ok(())
}

/// Where the project can be found in the hall (table number, room).
#[server(prefix = "/api", endpoint = "judging/table")]
pub async fn set_table(event_id: i64, project_id: i64, table_label: String) -> Result<(), AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let mut errors = Vec::new();
    let label = crate::events::domain::text(&mut errors, "table_label", &table_label, 40, false);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    let done = sqlx::query("UPDATE projects SET table_label = $1 WHERE id = $2 AND event_id = $3")
        .bind(&label)
        .bind(project_id)
        .bind(event_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// Per-project results with both methods, ranks and flags. Organizers only: judges never
/// see results.
#[server(prefix = "/api", endpoint = "judging/results")]
pub async fn judging_results(event_id: i64) -> Result<ResultsData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    ssr::compute(access.db(), event_id).await
}

/// GET /events/{id}/scores.csv?by=judge|project and /events/{id}/ranking.csv.
#[cfg(feature = "ssr")]
pub mod export {
    use super::*;
    use axum::extract::{Path, Query};
    use axum::response::Response;
    use tower_sessions::Session;

    #[derive(Deserialize)]
    pub struct By {
        #[serde(default)]
        pub by: String,
    }

    fn fmt(v: Option<f64>) -> String {
        v.map(|x| format!("{x:.2}")).unwrap_or_default()
    }

    pub async fn scores_csv(
        db: crate::db::Db,
        session: Session,
        Path(event_id): Path<i64>,
        Query(q): Query<By>,
    ) -> Response {
        if let Err(res) = crate::projects::files::organizer_only(&db, &session, event_id).await {
            return res;
        }
        #[derive(sqlx::FromRow)]
        struct Exported {
            judge: String,
            project_id: i64,
            title: String,
            team: String,
            status: String,
            rubric_id: i64,
            marks: String,
            notes: String,
            flagged: i64,
            updated_at: i64,
        }
        let rows: Result<Vec<Exported>, _> = sqlx::query_as(
            "SELECT u.display_name AS judge, p.id AS project_id, p.title, t.name AS team, s.status, s.rubric_id, \
             s.marks, s.notes, s.flagged, s.updated_at \
             FROM scores s JOIN users u ON u.id = s.judge_id JOIN projects p ON p.id = s.project_id JOIN teams t ON t.id = p.team_id \
             WHERE s.event_id = $1",
        )
        .bind(event_id)
        .fetch_all(&db.pool)
        .await;
        let (mut rows, rubrics) = match (rows, js::all_rubrics(&db, event_id).await) {
            (Ok(rows), Ok(rubrics)) => (rows, rubrics),
            (Err(e), _) => return crate::error::internal_response("scores export not read", e),
            (_, Err(e)) => return crate::error::internal_response("rubrics for the scores export not read", e),
        };
        if q.by == "project" {
            rows.sort_by(|a, b| (a.project_id, &a.judge).cmp(&(b.project_id, &b.judge)));
        } else {
            rows.sort_by(|a, b| (&a.judge, a.project_id).cmp(&(&b.judge, b.project_id)));
        }
        let tz = crate::events::db::timezone(&db, event_id).await.unwrap_or(chrono_tz::UTC);
        let out = rows
            .into_iter()
            .map(|r| {
                let criteria = rubrics.get(&r.rubric_id).cloned().unwrap_or_default();
                let parsed: BTreeMap<String, i64> = serde_json::from_str(&r.marks).unwrap_or_default();
                let detail = criteria
                    .iter()
                    .map(|c| format!("{}={}", c.name, parsed.get(&c.key).map(|v| v.to_string()).unwrap_or_default()))
                    .collect::<Vec<_>>()
                    .join("; ");
                let total = super::super::rubric::weighted_total(&criteria, &parsed).filter(|_| r.status == "scored");
                vec![
                    r.judge,
                    super::super::project_code(r.project_id),
                    r.title,
                    r.team,
                    r.status,
                    detail,
                    fmt(total),
                    r.notes,
                    (r.flagged == 1).to_string(),
                    crate::events::domain::utc_to_display(r.updated_at, tz),
                ]
            })
            .collect();
        crate::projects::files::csv_response(
            &format!("scores-by-{}-{event_id}.csv", if q.by == "project" { "project" } else { "judge" }),
            &["judge", "project", "title", "team", "status", "marks", "total_0_100", "notes", "flagged", "updated"],
            out,
        )
    }

    pub async fn ranking_csv(db: crate::db::Db, session: Session, Path(event_id): Path<i64>) -> Response {
        if let Err(res) = crate::projects::files::organizer_only(&db, &session, event_id).await {
            return res;
        }
        let data = match super::ssr::compute(&db, event_id).await {
            Ok(data) => data,
            Err(e) => return crate::error::internal_response("ranking export not computed", e),
        };
        let rows = data
            .rows
            .into_iter()
            .map(|r| {
                vec![
                    r.rank.map(|n| n.to_string()).unwrap_or_default(),
                    r.track_rank.map(|n| n.to_string()).unwrap_or_default(),
                    r.code,
                    r.title,
                    r.team,
                    r.track,
                    r.judges.to_string(),
                    fmt(r.raw),
                    fmt(r.normalized),
                    format!("{:.2}", r.spread),
                    r.disagreement.to_string(),
                    r.flags.to_string(),
                    r.absent.to_string(),
                ]
            })
            .collect();
        crate::projects::files::csv_response(
            &format!("ranking-{event_id}.csv"),
            &[
                "rank",
                "track_rank",
                "project",
                "title",
                "team",
                "track",
                "judges",
                "raw_mean",
                "normalized",
                "spread",
                "disagreement",
                "flags",
                "absent",
            ],
            rows,
        )
    }
}
