//! The organizer's dashboard: the event's figures (counts, judging coverage and progress,
//! projects to review, help-queue figures, the judges' calibration chart), the CSV exports
//! and the CSV import.

#[cfg(feature = "ssr")]
pub mod archive;
#[cfg(feature = "ssr")]
pub mod calibration;
#[cfg(feature = "ssr")]
pub mod import;
pub(crate) mod import_page;
mod pages;

// The import's server-function argument types, for callers outside the page (the HTTP tests).
pub use import_page::{CommitImport, ImportBatch, ImportPage, StageImport};
pub use pages::DashboardPage;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    crate::auth::{gate, Role},
    crate::i18n::{args, Msg},
    crate::judging::{manage::db as judging, results},
    std::collections::HashMap,
};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub participants: i64,
    pub teams: i64,
    pub submissions: i64,
    pub judges: i64,
    pub mentors: i64,
}

pub use crate::mentoring::help::HelpStats;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewRow {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub spread: f64,
    pub disagreement: bool,
    pub flags: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DashboardData {
    pub event_id: i64,
    pub event_name: String,
    pub counts: Counts,
    pub judges_per_project: i64,
    /// Submitted projects, and those with at least K judges assigned.
    pub projects: i64,
    pub covered: i64,
    pub done: i64,
    pub assigned: i64,
    /// (judge, done, assigned)
    pub judges: Vec<(String, i64, i64)>,
    pub review: Vec<ReviewRow>,
    pub help: HelpStats,
    pub calibration_svg: String,
    /// The event's page at the public URL, where people sign up and join, and its QR code
    /// (the projector's, from the same cache).
    pub join_url: String,
    pub join_qr_svg: String,
    /// Archiving, unarchiving and deleting the event.
    pub ending: crate::events::EventEnding,
}

#[server(prefix = "/api", endpoint = "console/dashboard")]
pub async fn dashboard(event_id: i64) -> Result<DashboardData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let lang = crate::i18n::request::request_lang();
    let event_name = crate::events::db::name(db, event_id).await?.ok_or(AppError::NotFound)?;
    let roles: Vec<(String, i64)> =
        // Retired judges keep their scores but judge no more: they are not counted.
        sqlx::query_as("SELECT role, COUNT(*) FROM event_roles WHERE event_id = $1 AND retired_at IS NULL GROUP BY role")
            .bind(event_id)
            .fetch_all(&db.pool)
            .await?;
    let role = |r: &str| roles.iter().find(|(n, _)| n == r).map(|(_, c)| *c).unwrap_or(0);
    let teams: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM teams WHERE event_id = $1").bind(event_id).fetch_one(&db.pool).await?;
    let settings = crate::judging::db::settings(db, event_id).await?;
    let submitted = judging::submitted(db, event_id).await?;
    #[derive(sqlx::FromRow)]
    struct Assignment {
        judge_id: i64,
        display_name: String,
        project_id: i64,
        /// 1 once the judge scored the project (or marked the team absent), else 0.
        done: i64,
    }
    let assignments: Vec<Assignment> = sqlx::query_as(
        "SELECT a.judge_id, u.display_name, a.project_id, \
         CASE WHEN s.status IN ('scored', 'absent') THEN 1 ELSE 0 END AS done \
         FROM judge_assignments a JOIN users u ON u.id = a.judge_id \
         LEFT JOIN scores s ON s.project_id = a.project_id AND s.judge_id = a.judge_id WHERE a.event_id = $1",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let mut per_judge: HashMap<i64, (String, i64, i64)> = HashMap::new();
    let mut per_project: HashMap<i64, i64> = HashMap::new();
    for a in &assignments {
        let j = per_judge.entry(a.judge_id).or_insert_with(|| (a.display_name.clone(), 0, 0));
        j.1 += a.done;
        j.2 += 1;
        *per_project.entry(a.project_id).or_default() += 1;
    }
    let covered = submitted
        .iter()
        .filter(|p| per_project.get(&p.id).copied().unwrap_or(0) >= settings.judges_per_project)
        .count() as i64;
    let mut judges: Vec<(String, i64, i64)> = per_judge.values().cloned().collect();
    judges.sort();
    let (results, totals) = judging::results_of(db, event_id, &settings, &submitted).await?;
    let review = results
        .rows
        .iter()
        .filter(|r| r.disagreement || r.flags > 0)
        .map(|r| ReviewRow {
            project_id: r.project_id,
            code: r.code.clone(),
            title: r.title.clone(),
            spread: r.spread,
            disagreement: r.disagreement,
            flags: r.flags,
        })
        .collect();
    #[derive(sqlx::FromRow)]
    struct HelpRow {
        status: String,
        created_at: i64,
        claimed_at: Option<i64>,
        resolved_at: Option<i64>,
    }
    let help_rows: Vec<HelpRow> =
        sqlx::query_as("SELECT status, created_at, claimed_at, resolved_at FROM help_requests WHERE event_id = $1")
            .bind(event_id)
            .fetch_all(&db.pool)
            .await?;
    let samples: Vec<crate::mentoring::help::HelpSample> = help_rows
        .iter()
        .map(|r| crate::mentoring::help::HelpSample {
            status: &r.status,
            created_at: r.created_at,
            claimed_at: r.claimed_at,
            resolved_at: r.resolved_at,
            mentor: None,
        })
        .collect();
    let help = crate::mentoring::help::help_stats(&samples, crate::db::now());
    // Calibration: each judge's totals, raw and after per-judge standardization.
    let normalized = results::normalized_values(&totals);
    let mut by_judge: HashMap<i64, calibration::JudgeScores> = HashMap::new();
    for (total, z) in totals.iter().zip(normalized) {
        // The label is built once per judge, not once per score.
        let entry = by_judge.entry(total.judge).or_insert_with(|| calibration::JudgeScores {
            label: per_judge.get(&total.judge).map(|j| j.0.clone()).unwrap_or_else(|| format!("#{}", total.judge)),
            raw: Vec::new(),
            normalized: Vec::new(),
        });
        entry.raw.push(total.total);
        entry.normalized.push(z);
    }
    let mut chart: Vec<calibration::JudgeScores> = by_judge.into_values().collect();
    chart.sort_by(|a, b| a.label.cmp(&b.label));
    let labels = calibration::Labels {
        title: lang.t(Msg::CalibrationTitle),
        raw: lang.t(Msg::MethodRaw),
        normalized: lang.t(Msg::MethodZ),
        // The chart fills in each judge's mean itself: it gets the text with `{}` in its place.
        mean: &lang.format(args::CalibrationMean { mean: "{}" }),
    };
    let join_url = format!("{}/events/{event_id}", access.state.config.public_url);
    Ok(DashboardData {
        event_id,
        event_name,
        counts: Counts {
            participants: role("participant"),
            teams,
            submissions: submitted.len() as i64,
            judges: role("judge"),
            mentors: role("mentor"),
        },
        judges_per_project: settings.judges_per_project,
        projects: submitted.len() as i64,
        covered,
        done: assignments.iter().map(|a| a.done).sum(),
        assigned: assignments.len() as i64,
        judges,
        review,
        help,
        calibration_svg: if chart.is_empty() { String::new() } else { calibration::svg(&chart, &labels) },
        join_qr_svg: access.state.boards.qr(event_id, &join_url).to_string(),
        join_url,
        ending: crate::events::ending(db, event_id).await?,
    })
}

/// GET /events/{id}/sessions.csv: every mentoring session slot, free, booked or with its
/// cancelled bookings (their notes kept as history), one line per slot and booking.
#[cfg(feature = "ssr")]
pub mod export {
    use axum::extract::Path;
    use axum::response::Response;
    use tower_sessions::Session;

    pub async fn sessions_csv(db: crate::db::Db, session: Session, Path(event_id): Path<i64>) -> Response {
        if let Err(res) = crate::projects::files::organizer_only(&db, &session, event_id).await {
            return res;
        }
        /// A slot with one of its bookings (every booking, cancelled ones too), if any.
        #[derive(sqlx::FromRow)]
        struct SessionRow {
            mentor: String,
            starts_at: i64,
            ends_at: i64,
            location: String,
            team: Option<String>,
            attended: Option<i64>,
            notes: Option<String>,
            booking: Option<i64>,
            cancelled_at: Option<i64>,
            /// Set when the slot's mentor was removed (see `events::people`).
            withdrawn_at: Option<i64>,
        }
        let rows: Result<Vec<SessionRow>, _> = sqlx::query_as(
            "SELECT u.display_name AS mentor, s.starts_at, s.ends_at, s.location, t.name AS team, b.attended, b.notes, \
             b.id AS booking, b.cancelled_at, s.withdrawn_at FROM mentor_slots s \
             JOIN users u ON u.id = s.mentor_id LEFT JOIN mentor_bookings b ON b.slot_id = s.id LEFT JOIN teams t ON t.id = b.team_id \
             WHERE s.event_id = $1 ORDER BY s.starts_at, u.display_name, s.id, b.booked_at, b.id",
        )
        .bind(event_id)
        .fetch_all(&db.pool)
        .await;
        let rows = match rows {
            Ok(rows) => rows,
            Err(e) => return crate::error::internal_response("sessions export not read", e),
        };
        let tz = crate::events::db::timezone(&db, event_id).await.unwrap_or(chrono_tz::UTC);
        let at = |t: i64| crate::events::domain::utc_to_display(t, tz);
        let rows = rows
            .into_iter()
            .map(|r| {
                let attended = match r.attended {
                    Some(1) => "yes",
                    Some(_) => "no",
                    None => "",
                };
                let status = match (r.booking, r.cancelled_at, r.withdrawn_at) {
                    (None, _, None) => "free",
                    (None, _, Some(_)) => "withdrawn",
                    (Some(_), None, _) => "booked",
                    (Some(_), Some(_), _) => "cancelled",
                };
                vec![
                    r.mentor,
                    at(r.starts_at),
                    at(r.ends_at),
                    r.location,
                    status.to_owned(),
                    r.team.unwrap_or_default(),
                    attended.to_owned(),
                    r.notes.unwrap_or_default(),
                ]
            })
            .collect();
        crate::projects::files::csv_response(
            &format!("mentoring-sessions-{event_id}.csv"),
            &["mentor", "starts", "ends", "location", "status", "team", "attended", "notes"],
            rows,
        )
    }
}
