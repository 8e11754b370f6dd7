//! The organizer's judging downloads: GET /events/{id}/scores.csv?by=judge|project and
//! /events/{id}/ranking.csv.

use super::db;
use crate::judging::{db as judging_db, project_code, rubric};
use axum::extract::{Path, Query};
use axum::response::Response;
use serde::Deserialize;
use std::collections::BTreeMap;
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
    let rows = db::exported_scores(&db, event_id).await;
    let (mut rows, rubrics) = match (rows, judging_db::all_rubrics(&db, event_id).await) {
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
            // Borrowed, not cloned: a national event's export has ten thousand rows.
            let criteria = rubrics.get(&r.rubric_id).map(Vec::as_slice).unwrap_or_default();
            let parsed: BTreeMap<String, i64> = serde_json::from_str(&r.marks).unwrap_or_default();
            let detail = criteria
                .iter()
                .map(|c| {
                    format!("{}={}", c.name.first(), parsed.get(&c.key).map(|v| v.to_string()).unwrap_or_default())
                })
                .collect::<Vec<_>>()
                .join("; ");
            let total = rubric::weighted_total(criteria, &parsed)
                .filter(|_| r.status == crate::judging::score::ScoreStatus::Scored.code());
            vec![
                r.judge,
                project_code(r.project_id),
                r.title,
                r.team,
                r.status,
                detail,
                fmt(total),
                r.notes,
                r.feedback,
                (r.flagged == 1).to_string(),
                crate::events::domain::utc_to_display(r.updated_at, tz),
                (r.judge_retired == 1).to_string(),
            ]
        })
        .collect();
    crate::projects::files::csv_response(
        &format!("scores-by-{}-{event_id}.csv", if q.by == "project" { "project" } else { "judge" }),
        &[
            "judge",
            "project",
            "title",
            "team",
            "status",
            "marks",
            "total_0_100",
            "notes",
            "feedback",
            "flagged",
            "updated",
            "judge_retired",
        ],
        out,
    )
}

pub async fn ranking_csv(db: crate::db::Db, session: Session, Path(event_id): Path<i64>) -> Response {
    if let Err(res) = crate::projects::files::organizer_only(&db, &session, event_id).await {
        return res;
    }
    let data = match db::results(&db, event_id).await {
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
