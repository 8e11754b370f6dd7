//! Paper sheets' server functions: organizers only. The save is a phone's save made on the
//! judge's behalf, through the same writer, with the organizer named in its history.

// `save_paper` takes each field of the entry form as an argument (the sheet's keys, then the
// save's own, as the phone's save takes them); the browser build's stub of it has them too,
// and only a module-wide allow reaches that generated code.
#![allow(clippy::too_many_arguments)]

use super::*;
use crate::error::AppError;
use crate::judging::score::{SaveAck, ScoreSheet};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    crate::auth::{gate, Role},
    crate::i18n::Msg,
    crate::judging::{db, project_code},
};

/// The entry form's address for one sheet: its judge and project, and the rubric it was
/// printed under (its id and `mark`).
pub fn entry_path(event_id: i64, judge_id: i64, project_id: i64, rubric_id: i64, mark: &str) -> String {
    format!("/events/{event_id}/paper?judge={judge_id}&project={project_id}&rubric={rubric_id}&mark={mark}")
}

/// A rubric's fingerprint as printed on its sheets.
#[cfg(feature = "ssr")]
pub fn rubric_mark(criteria: &[Criterion]) -> String {
    crate::judging::rubric::fingerprint(criteria)
}

#[cfg(feature = "ssr")]
#[derive(sqlx::FromRow)]
struct Assigned {
    judge_id: i64,
    project_id: i64,
    title: String,
    team: String,
    track_id: Option<i64>,
    table_label: String,
}

/// A judge's sheets, or every judge's (`judge_id` 0), in the order the judge walks the hall
/// (tables, as on the desk).
#[server(prefix = "/api", endpoint = "judging/sheets")]
pub async fn score_sheets(event_id: i64, judge_id: i64) -> Result<SheetsData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let settings = db::settings(db, event_id).await?;
    let judges: Vec<(i64, String)> = sqlx::query_as(
        "SELECT DISTINCT a.judge_id, u.display_name FROM judge_assignments a JOIN users u ON u.id = a.judge_id \
         WHERE a.event_id = $1 ORDER BY u.display_name, a.judge_id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    if judge_id != 0 && !judges.iter().any(|(j, _)| *j == judge_id) {
        return Err(AppError::NotFound);
    }
    let rows: Vec<Assigned> = sqlx::query_as(
        "SELECT a.judge_id, p.id AS project_id, p.title, t.name AS team, p.track_id, p.table_label \
         FROM judge_assignments a JOIN projects p ON p.id = a.project_id JOIN teams t ON t.id = p.team_id \
         WHERE a.event_id = $1 AND ($2 = 0 OR a.judge_id = $2) ORDER BY a.judge_id, p.table_label, p.id",
    )
    .bind(event_id)
    .bind(judge_id)
    .fetch_all(&db.pool)
    .await?;
    let base = &access.state.config.public_url;
    let mut rubrics: std::collections::HashMap<Option<i64>, Option<db::Rubric>> = Default::default();
    let mut printed: Vec<JudgeSheets> = Vec::new();
    for (judge, name) in judges.iter().filter(|(j, _)| judge_id == 0 || *j == judge_id) {
        let mut sheets = Vec::new();
        for r in rows.iter().filter(|r| r.judge_id == *judge) {
            if let std::collections::hash_map::Entry::Vacant(slot) = rubrics.entry(r.track_id) {
                slot.insert(db::rubric_for(db, event_id, r.track_id).await?);
            }
            // No rubric yet: nothing to print for this project.
            let Some(rubric) = rubrics.get(&r.track_id).and_then(|x| x.as_ref()) else { continue };
            let mark = rubric_mark(&rubric.criteria);
            let url = format!("{base}{}", entry_path(event_id, *judge, r.project_id, rubric.id, &mark));
            sheets.push(PaperSheet {
                project_id: r.project_id,
                code: project_code(r.project_id),
                title: r.title.clone(),
                team: (!settings.hide_names).then(|| r.team.clone()),
                table: r.table_label.clone(),
                rubric_id: rubric.id,
                rubric_version: rubric.version,
                mark,
                criteria: rubric.criteria.clone(),
                qr_svg: crate::links::qr_svg(&url),
                url,
            });
        }
        printed.push(JudgeSheets { judge_id: *judge, name: name.clone(), sheets });
    }
    let event_name = crate::judging::manage::db::event_name(db, event_id).await?;
    Ok(SheetsData { event_id, event_name, judges, printed })
}

/// The entry form of one sheet: the judge must be assigned the project. It shows the rubric
/// in force and posts the rubric the sheet was printed under, so a sheet printed before the
/// rubric changed is refused until the organizer chooses to key it in against the new one.
#[server(prefix = "/api", endpoint = "judging/paper")]
pub async fn paper_entry(
    event_id: i64,
    judge_id: i64,
    project_id: i64,
    rubric_id: i64,
    mark: String,
) -> Result<PaperForm, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let row: Option<(String, String, Option<i64>, String)> = sqlx::query_as(
        "SELECT u.display_name, p.title, p.track_id, p.table_label FROM judge_assignments a \
         JOIN users u ON u.id = a.judge_id JOIN projects p ON p.id = a.project_id \
         WHERE a.event_id = $1 AND a.judge_id = $2 AND a.project_id = $3",
    )
    .bind(event_id)
    .bind(judge_id)
    .bind(project_id)
    .fetch_optional(&db.pool)
    .await?;
    let (judge, title, track, table) = row.ok_or(AppError::NotFound)?;
    let rubric = db::rubric_for(db, event_id, track).await?.ok_or(AppError::Conflict(Msg::ErrNoRubric))?;
    #[derive(sqlx::FromRow)]
    struct Held {
        status: String,
        marks: String,
        notes: String,
        feedback: String,
        version: i64,
    }
    let held: Option<Held> = sqlx::query_as(
        "SELECT status, marks, notes, feedback, version FROM scores WHERE project_id = $1 AND judge_id = $2",
    )
    .bind(project_id)
    .bind(judge_id)
    .fetch_optional(&db.pool)
    .await?;
    let settings = db::settings(db, event_id).await?;
    let current_mark = rubric_mark(&rubric.criteria);
    Ok(PaperForm {
        event_id,
        judge_id,
        judge,
        project_id,
        code: project_code(project_id),
        title,
        table,
        rubric_id,
        mark: mark.clone(),
        rubric_version: rubric.version,
        rubric_changed: rubric_id != rubric.id || mark != current_mark,
        current: entry_path(event_id, judge_id, project_id, rubric.id, &current_mark),
        criteria: rubric.criteria,
        version: held.as_ref().map_or(0, |h| h.version),
        status: held.as_ref().map(|h| h.status.clone()),
        marks: held.as_ref().and_then(|h| serde_json::from_str(&h.marks).ok()).unwrap_or_default(),
        notes: held.as_ref().map(|h| h.notes.clone()).unwrap_or_default(),
        feedback: held.map(|h| h.feedback).unwrap_or_default(),
        save_id: crate::links::random(24),
        open: settings.open_now,
    })
}

/// Keys in a paper sheet: the judge's score of the project, as the judge's phone would save
/// it (same checks, versions and key), named in the history as entered by this organizer.
/// Refused when the rubric changed since the sheet was printed (its levels may no longer
/// mean the same), or when the score changed since the form opened.
#[server(prefix = "/api", endpoint = "judging/paper/save")]
pub async fn save_paper(
    event_id: i64,
    judge_id: i64,
    project_id: i64,
    rubric_id: i64,
    mark: String,
    save_id: String,
    base_version: i64,
    #[server(flatten)] sheet: ScoreSheet,
) -> Result<SaveAck, AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    if !crate::judging::score::valid_save_id(&save_id) {
        return Err(AppError::field("save_id", Msg::ErrBadRequest));
    }
    let mut save = crate::judging::score::sheet_save(
        judge_id,
        event_id,
        project_id,
        save_id,
        base_version,
        sheet,
        Some(access.user.id),
    );
    // Checked where the save is applied, against the rubric in force then (`writer`).
    save.rubric = Some((rubric_id, mark.clone()));
    let ack = access.state.scores.save(save).await?;
    if !ack.applied {
        // The judge's phone (or another organizer) saved this score since the form opened.
        return Err(AppError::Conflict(Msg::ErrPaperScoreChanged));
    }
    access.state.live.publish(event_id, crate::live::Topic::Judging);
    access.state.live.publish(event_id, crate::live::Topic::Slots);
    leptos_axum::redirect(&format!(
        "{}&saved={}",
        entry_path(event_id, judge_id, project_id, rubric_id, &mark),
        ack.version
    ));
    Ok(ack)
}
