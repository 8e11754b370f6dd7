//! The judge's side: the phone sign-in link, conflicts of interest, the scoring desk and
//! the score save.
//!
//! **A save is idempotent and never overwrites newer work.** The phone sends each save with
//! a fresh key (`save_id`) and the version of the score it was editing (`base_version`).
//! Inside one transaction, serialized per judge (on PostgreSQL by an advisory lock on the
//! judge; SQLite writers already take turns; see `writer`):
//! - a key already seen gets the answer it got the first time (a replay after a lost
//!   acknowledgement changes nothing);
//! - a save whose base is not the current version is recorded as `stale` and not applied
//!   (another phone, or a later save from this one, got there first);
//! - otherwise the score is written, its version goes up, and the key is recorded with the
//!   outcome, in the same commit: an acknowledged save is durable exactly once.

use super::rubric::Criterion;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
use {
    super::db,
    super::rubric,
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::error::FieldError,
    crate::i18n::Msg,
    serde_json::json,
};

/// Where one judge's score of one project stands. Stored (and sent) as its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScoreStatus {
    /// Some criteria marked (an autosave).
    Draft,
    /// Every criterion marked: it counts in the results.
    Scored,
    /// The team was not at its table: done, with no marks.
    Absent,
}

impl ScoreStatus {
    pub fn code(self) -> &'static str {
        match self {
            ScoreStatus::Draft => "draft",
            ScoreStatus::Scored => "scored",
            ScoreStatus::Absent => "absent",
        }
    }

    /// A stored code; `None` for anything else (there is no score then).
    pub fn from_code(code: &str) -> Option<ScoreStatus> {
        [ScoreStatus::Draft, ScoreStatus::Scored, ScoreStatus::Absent].into_iter().find(|s| s.code() == code)
    }
}

/// One judge's sheet for one project, as the desk posts it (`marks[c1]=4`, ...).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoreSheet {
    /// `absent` for "team absent"; anything else lets the marks decide.
    pub status: String,
    pub marks: Option<BTreeMap<String, String>>,
    /// Private notes, for the organizers only.
    pub notes: String,
    /// Feedback for the team (absent from forms made before it existed: none).
    #[serde(default)]
    pub feedback: String,
    /// Present (and not "off") when the judge flags the project for the organizers.
    pub flagged: Option<String>,
    /// Where a form posted without JavaScript returns to (only the desk itself is allowed).
    pub back: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyScore {
    pub status: String,
    pub marks: BTreeMap<String, i64>,
    pub notes: String,
    pub feedback: String,
    pub flagged: bool,
    pub version: i64,
    /// Given under an earlier rubric version: the judge is asked to score again.
    pub outdated: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskItem {
    pub project_id: i64,
    pub code: String,
    pub title: String,
    pub tagline: String,
    pub description: String,
    /// `None` when the event hides team names from judges.
    pub team: Option<String>,
    pub track: String,
    pub table_label: String,
    /// The room the project sits in, empty without one.
    pub room: String,
    /// Where the next project in the judge's walk is (`None` for the last).
    pub next: Option<crate::rooms::NextSpot>,
    /// The judge's pitch slot with this project, when the event schedules them.
    pub slot: Option<crate::slots::DeskSlot>,
    pub links: Vec<String>,
    pub criteria: Vec<Criterion>,
    pub mine: Option<MyScore>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskData {
    pub event_id: i64,
    pub event_name: String,
    pub judge_id: i64,
    pub open: bool,
    pub items: Vec<DeskItem>,
    /// The project pitching on stage and its timer, when the event uses the stage.
    pub stage: Option<crate::stage::StageNow>,
    /// The server's clock when the desk was read (the countdowns count by it).
    pub now_ms: i64,
}

/// The server's answer to one save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveAck {
    pub project_id: i64,
    /// The score's version after this save (or the newer version that made it stale).
    pub version: i64,
    pub applied: bool,
    pub status: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictTeam {
    pub team_id: i64,
    pub name: String,
    pub members: Vec<String>,
    pub declared: bool,
    /// Set when the conflict is automatic (own team, mentored team).
    pub automatic: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictData {
    pub event_id: i64,
    pub teams: Vec<ConflictTeam>,
}

/// A save key as the phone makes them: 8–64 letters, digits, `-` or `_`.
pub fn valid_save_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Opens a judge's personal link: signs this phone in to that one event's judging and goes
/// to the scoring desk. Public: the token is the secret; a revoked, replaced or expired
/// token opens nothing.
#[server(prefix = "/api", endpoint = "judging/pass/open")]
pub async fn open_pass(token: String) -> Result<(), AppError> {
    let caller = gate::public().await?;
    #[derive(sqlx::FromRow)]
    struct Pass {
        id: i64,
        event_id: i64,
        user_id: i64,
        expires_at: i64,
    }
    let row: Option<Pass> = sqlx::query_as(
        "SELECT p.id, p.event_id, p.user_id, p.expires_at FROM judge_passes p JOIN users u ON u.id = p.user_id \
         WHERE p.token_hash = $1 AND p.revoked_at IS NULL AND u.password_hash LIKE 'pass$%'",
    )
    .bind(super::passes::token_hash(&token))
    .fetch_optional(&caller.db().pool)
    .await?;
    let pass = row.ok_or(AppError::Conflict(Msg::ErrPassInvalid))?;
    if pass.expires_at <= now() {
        return Err(AppError::Conflict(Msg::ErrPassExpired));
    }
    super::passes::sign_in_with_pass(&caller.session, caller.db(), pass.user_id, pass.id).await?;
    leptos_axum::redirect(&format!("/events/{}/judge", pass.event_id));
    Ok(())
}

/// Joins as a judge through a judge invite with just a name: the phone is signed in to this
/// one event, no password. Public: the invite is checked in the same transaction.
#[server(prefix = "/api", endpoint = "judging/pass/join")]
pub async fn join_as_judge(code: String, display_name: String) -> Result<(), AppError> {
    let caller = gate::public().await?;
    crate::auth::limit_joins().await?;
    let name =
        crate::auth::domain::DisplayName::parse(&display_name).map_err(|k| AppError::field("display_name", k))?;
    let role: Option<(String, i64)> = sqlx::query_as("SELECT role, event_id FROM invites WHERE code = $1")
        .bind(code.trim())
        .fetch_optional(&caller.db().pool)
        .await?;
    let (role, event_id) = role.ok_or(AppError::NotFound)?;
    if role != Role::Judge.code() {
        return Err(AppError::Forbidden);
    }
    // An archived event takes no new judge, and no account is made for it.
    gate::ensure_writable(caller.db(), event_id).await?;
    let mut tx = caller.db().begin_write().await?;
    let user_id = super::passes::create_pass_user(&mut tx, name.as_str()).await?;
    // Takes one use of the invite (race-free) and grants the judge role.
    crate::invites::db::accept(&mut tx, code.trim(), user_id).await?;
    // The pass exists only to sign this phone in: its token is never shown.
    let pass = super::passes::insert_pass(&mut tx, event_id, user_id, None).await?;
    audit(&mut tx, Some(event_id), Some(user_id), "judge.joined", None, Some(json!({ "judge": user_id }))).await?;
    tx.commit().await?;
    super::passes::sign_in_with_pass(&caller.session, caller.db(), user_id, pass.pass_id).await?;
    leptos_axum::redirect(&format!("/events/{event_id}/judge"));
    Ok(())
}

/// The judge's desk: their assigned projects in order, the rubric of each, and the judge's
/// own scores, nothing of anyone else's.
#[server(prefix = "/api", endpoint = "judging/desk")]
pub async fn judge_desk(event_id: i64) -> Result<DeskData, AppError> {
    let access = gate::event(event_id, &[Role::Judge]).await?;
    let db = access.db();
    let me = access.user.id;
    let settings = db::settings(db, event_id).await?;
    let event_name: String =
        sqlx::query_scalar("SELECT name FROM events WHERE id = $1").bind(event_id).fetch_one(&db.pool).await?;
    #[derive(sqlx::FromRow)]
    struct Assigned {
        id: i64,
        title: String,
        tagline: String,
        description: String,
        team: String,
        track: String,
        track_id: Option<i64>,
        table_label: String,
        room: Option<String>,
        room_position: Option<i64>,
        repo_url: String,
        demo_url: String,
        slot_start: Option<i64>,
        slot_end: Option<i64>,
    }
    #[derive(sqlx::FromRow)]
    struct Mine {
        project_id: i64,
        status: String,
        rubric_id: i64,
        marks: String,
        notes: String,
        feedback: String,
        flagged: i64,
        version: i64,
    }
    // The track in the judge's language.
    let track = crate::i18n::Localized::sql("tr.name", crate::i18n::request::request_lang());
    let rows: Vec<Assigned> = sqlx::query_as(&format!(
        "SELECT p.id, p.title, p.tagline, p.description, t.name AS team, COALESCE({track}, '') AS track, p.track_id, \
         p.table_label, r.name AS room, r.position AS room_position, p.repo_url, p.demo_url, a.slot_start, a.slot_end \
         FROM judge_assignments a JOIN projects p ON p.id = a.project_id JOIN teams t ON t.id = p.team_id \
         LEFT JOIN tracks tr ON tr.id = p.track_id LEFT JOIN rooms r ON r.id = p.room_id \
         WHERE a.event_id = $1 AND a.judge_id = $2"
    ))
    .bind(event_id)
    .bind(me)
    .fetch_all(&db.pool)
    .await?;
    // The judge's walk through the hall: rooms in their order, then tables by number; with
    // pitch slots, the slots' order (which follows the walk as far as the teams allow), those
    // without one after.
    let spot = |p: &Assigned| crate::rooms::domain::Spot {
        room: p.room_position.zip(p.room.clone()),
        table: p.table_label.clone(),
    };
    let mut rows: Vec<(crate::rooms::domain::Spot, Assigned)> = rows.into_iter().map(|p| (spot(&p), p)).collect();
    rows.sort_by(|a, b| {
        let slot = |p: &Assigned| (p.slot_start.is_none(), p.slot_start);
        slot(&a.1).cmp(&slot(&b.1)).then_with(|| crate::rooms::domain::walking_order((&a.0, a.1.id), (&b.0, b.1.id)))
    });
    let tz = crate::events::db::timezone(db, event_id).await?;
    let nexts: Vec<Option<crate::rooms::NextSpot>> = (0..rows.len())
        .map(|i| rows.get(i + 1).map(|next| crate::rooms::domain::next_spot(&rows[i].0, &next.0)))
        .collect();
    let mine: Vec<Mine> = sqlx::query_as(
        "SELECT project_id, status, rubric_id, marks, notes, feedback, flagged, version FROM scores \
         WHERE event_id = $1 AND judge_id = $2",
    )
    .bind(event_id)
    .bind(me)
    .fetch_all(&db.pool)
    .await?;
    let mut rubrics: std::collections::HashMap<Option<i64>, Option<(i64, Vec<Criterion>)>> = Default::default();
    let mut items = Vec::with_capacity(rows.len());
    for ((_, p), next) in rows.into_iter().zip(nexts) {
        if let std::collections::hash_map::Entry::Vacant(slot) = rubrics.entry(p.track_id) {
            slot.insert(db::rubric_for(db, event_id, p.track_id).await?.map(|r| (r.id, r.criteria)));
        }
        let (rubric_id, criteria) = rubrics.get(&p.track_id).cloned().flatten().unwrap_or((0, Vec::new()));
        let score = mine.iter().find(|s| s.project_id == p.id).map(|s| MyScore {
            status: s.status.clone(),
            marks: serde_json::from_str(&s.marks).unwrap_or_default(),
            notes: s.notes.clone(),
            feedback: s.feedback.clone(),
            flagged: s.flagged == 1,
            version: s.version,
            outdated: s.rubric_id != rubric_id && s.status != ScoreStatus::Absent.code(),
        });
        items.push(DeskItem {
            project_id: p.id,
            code: super::project_code(p.id),
            title: p.title,
            tagline: p.tagline,
            description: p.description,
            team: (!settings.hide_names).then_some(p.team),
            track: p.track,
            table_label: p.table_label,
            room: p.room.unwrap_or_default(),
            next,
            slot: p.slot_start.zip(p.slot_end).map(|w| crate::slots::DeskSlot {
                time: crate::slots::domain::window_text(w, tz),
                starts_ms: w.0 * 1000,
                ends_ms: w.1 * 1000,
            }),
            links: [p.repo_url, p.demo_url].into_iter().filter(|l| !l.is_empty()).collect(),
            criteria,
            mine: score,
        });
    }
    let stage = crate::stage::now_showing(db, event_id).await?;
    Ok(DeskData {
        event_id,
        event_name,
        judge_id: me,
        open: settings.open_now,
        items,
        stage,
        now_ms: crate::db::now_ms(),
    })
}

/// A save of `judge`'s score of a project from a sheet as the phone or a paper sheet keyed in
/// sends it, its own fields checked: the notes within bounds, the marks as numbers, and no
/// more marks than a rubric has criteria (a longer list is refused before its keys are read:
/// each would otherwise become a stored key and an error line). Whatever depends on the
/// database (the assignment, which also proves the project is in the event, whether judging
/// is open, the rubric, the versions) is the writer's to check, in the transaction that
/// applies the save. `entered_by` names the organizer keying in a paper sheet.
#[cfg(feature = "ssr")]
pub(crate) fn sheet_save(
    judge: i64,
    event_id: i64,
    project_id: i64,
    save_id: String,
    base_version: i64,
    sheet: ScoreSheet,
    entered_by: Option<i64>,
) -> super::writer::Save {
    let ScoreSheet { status, marks, notes, feedback, flagged, .. } = sheet;
    let mut errors: Vec<FieldError> = Vec::new();
    let notes = crate::events::domain::text(&mut errors, "notes", &notes, rubric::NOTES_MAX, false);
    let feedback = crate::events::domain::text(&mut errors, "feedback", &feedback, rubric::NOTES_MAX, false);
    let raw_marks = marks.unwrap_or_default();
    let marks = if raw_marks.len() > rubric::MAX_CRITERIA {
        errors = vec![FieldError::new("marks", Msg::ErrTooManyMarks)];
        BTreeMap::new()
    } else {
        match rubric::parse_marks(&raw_marks) {
            Ok(m) => m,
            Err(e) => {
                errors.extend(e);
                BTreeMap::new()
            }
        }
    };
    super::writer::Save {
        judge,
        event_id,
        project_id,
        save_id,
        base_version,
        absent: status == ScoreStatus::Absent.code(),
        marks,
        notes,
        feedback,
        flagged: i64::from(flagged.is_some_and(|f| !f.is_empty() && f != "off")),
        at: now(),
        entered_by,
        rubric: None,
        errors,
    }
}

/// Saves one judge's score of one project (see the module comment for the guarantees).
/// `status` is `absent` for "team absent", anything else lets the marks decide: every
/// criterion marked is a complete score, fewer is an autosaved draft.
#[server(prefix = "/api", endpoint = "judging/save")]
pub async fn save_score(
    event_id: i64,
    project_id: i64,
    save_id: String,
    base_version: i64,
    // Flattened, so the desk's form and its offline queue post the fields under their own names.
    #[server(flatten)] sheet: ScoreSheet,
) -> Result<SaveAck, AppError> {
    let back = sheet.back.clone();
    let access = gate::event_write(event_id, &[Role::Judge]).await?;
    let me = access.user.id;
    if !valid_save_id(&save_id) {
        return Err(AppError::field("save_id", Msg::ErrBadRequest));
    }
    let save = sheet_save(me, event_id, project_id, save_id, base_version, sheet, None);
    let ack = access.state.scores.save(save).await?;
    if ack.applied {
        access.state.live.publish(event_id, crate::live::Topic::Judging);
        // A slot done: the judge's next team is told it is next (drafts change nothing there).
        if ack.status != ScoreStatus::Draft.code() {
            access.state.live.publish(event_id, crate::live::Topic::Slots);
        }
    }
    // A form posted without JavaScript comes back to the desk, on the same project.
    if let Some(back) = back.filter(|b| b.starts_with(&format!("/events/{event_id}/judge"))) {
        leptos_axum::redirect(&back);
    }
    Ok(ack)
}

/// The teams of the event, for declaring conflicts of interest. Shows names (a judge needs
/// them to recognise a conflict), but no project content or scores.
#[server(prefix = "/api", endpoint = "judging/conflicts")]
pub async fn judge_conflicts(event_id: i64) -> Result<ConflictData, AppError> {
    let access = gate::event(event_id, &[Role::Judge]).await?;
    let db = access.db();
    let me = access.user.id;
    let teams: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM teams WHERE event_id = $1 ORDER BY name")
        .bind(event_id)
        .fetch_all(&db.pool)
        .await?;
    let members: Vec<(i64, String)> = sqlx::query_as(
        "SELECT m.team_id, u.display_name FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.event_id = $1 ORDER BY u.display_name",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let declared: Vec<(i64,)> =
        sqlx::query_as("SELECT team_id FROM judge_conflicts WHERE event_id = $1 AND judge_id = $2")
            .bind(event_id)
            .bind(me)
            .fetch_all(&db.pool)
            .await?;
    let all = db::conflicts(db, event_id).await?;
    Ok(ConflictData {
        event_id,
        teams: teams
            .into_iter()
            .map(|(team_id, name)| {
                let is_declared = declared.iter().any(|(t,)| *t == team_id);
                ConflictTeam {
                    team_id,
                    name,
                    members: members.iter().filter(|m| m.0 == team_id).map(|m| m.1.clone()).collect(),
                    declared: is_declared,
                    automatic: !is_declared && all.contains(&(me, team_id)),
                }
            })
            .collect(),
    })
}

/// Replaces the judge's declared conflicts. Nothing on the judge's desk changes at once:
/// withdrawing the conflicted team's project there and then would tell a judge who does not
/// see team names which project is that team's (declare one team, watch which project goes).
/// The organizer's next assignment run withdraws unscored conflicted assignments and refills
/// them (`assign::plan`), together with every other change of that run.
#[server(prefix = "/api", endpoint = "judging/conflicts/save")]
pub async fn save_conflicts(event_id: i64, teams: Option<BTreeMap<String, String>>) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Judge]).await?;
    let me = access.user.id;
    let wanted: Vec<i64> = teams.unwrap_or_default().keys().filter_map(|k| k.parse().ok()).collect();
    let known: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM teams WHERE event_id = $1").bind(event_id).fetch_all(&access.db().pool).await?;
    if wanted.iter().any(|w| !known.iter().any(|(k,)| k == w)) {
        return Err(AppError::field("teams", Msg::ErrBadRequest));
    }
    let mut tx = access.db().begin_write().await?;
    sqlx::query("DELETE FROM judge_conflicts WHERE event_id = $1 AND judge_id = $2")
        .bind(event_id)
        .bind(me)
        .execute(&mut *tx)
        .await?;
    let t = now();
    for team in &wanted {
        sqlx::query("INSERT INTO judge_conflicts (event_id, judge_id, team_id, created_at) VALUES ($1, $2, $3, $4)")
            .bind(event_id)
            .bind(me)
            .bind(team)
            .bind(t)
            .execute(&mut *tx)
            .await?;
    }
    audit(&mut tx, Some(event_id), Some(me), "judge.conflicts", None, Some(json!({ "teams": wanted }))).await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Judging);
    leptos_axum::redirect(&format!("/events/{event_id}/judge"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::ScoreStatus;

    #[test]
    fn score_statuses_keep_their_stored_codes() {
        for s in [ScoreStatus::Draft, ScoreStatus::Scored, ScoreStatus::Absent] {
            assert_eq!(ScoreStatus::from_code(s.code()), Some(s));
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.code()));
        }
        assert_eq!(ScoreStatus::from_code("Scored"), None);
        assert_eq!(ScoreStatus::from_code(""), None);
    }
}
