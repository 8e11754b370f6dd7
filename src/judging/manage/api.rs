//! The organizer's judging server functions. Each starts at the authorization gate
//! (organizers of the event only), loads through `db`, decides with `domain`, and writes in
//! one transaction.

use super::*;
use crate::error::AppError;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
use {
    super::{db, domain, passes},
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::i18n::Msg,
    crate::judging::{assign, db as judging_db, project_code, rubric},
    serde_json::json,
};

#[server(prefix = "/api", endpoint = "judging/console")]
pub async fn judging_console(event_id: i64) -> Result<ConsoleData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let settings = judging_db::settings(db, event_id).await?;
    let event_name = db::event_name(db, event_id).await?;
    let tracks = crate::events::db::track_names(db, event_id, crate::i18n::request::request_lang()).await?;
    let judge_rows = db::judge_list(db, event_id).await?;
    let mut fresh = passes::take_revealed(event_id, None).await?;
    let tz = crate::events::db::timezone(db, event_id).await?;
    let t = now();
    let assigned = db::assigned(db, event_id).await?;
    let declared = db::declared_conflicts(db, event_id).await?;
    let mut mentored = db::mentored_by_judges(db, event_id).await?;
    let domain::Tally { per_judge, mut per_project } = domain::tally(&assigned);
    let judges = judge_rows
        .into_iter()
        .map(|j| {
            let user_id = j.user_id;
            let (assigned, done) = per_judge.get(&user_id).copied().unwrap_or_default();
            JudgeRow {
                user_id,
                name: j.display_name,
                active: j.active == 1,
                track: domain::track_ids(&j.tracks).first().copied(),
                rooms: domain::track_ids(&j.rooms),
                own_login: j.pass_only == 0,
                pass: j
                    .pass_expires
                    .map(|at| PassState { expires: crate::i18n::dates::for_reader(at, tz), expired: at <= t }),
                fresh: fresh.remove(&user_id).map(|url| FreshLink { qr_svg: crate::links::qr_svg(&url), url }),
                assigned,
                done,
                declared_conflicts: declared.get(&user_id).copied().unwrap_or(0),
                mentored: mentored
                    .remove(&user_id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|m| (m.team, crate::mentoring::MentorshipSource::from_code(&m.source)))
                    .collect(),
                retired: j.retired_at.is_some(),
                scored: j.scored == 1,
            }
        })
        .collect();
    let k = settings.judges_per_project;
    let present = crate::checkin::db::present_teams_now(db, event_id).await?;
    let coverage = db::submitted(db, event_id)
        .await?
        .into_iter()
        .map(|p| {
            let domain::ProjectTally { judges, flagged, absent_marks } = per_project.remove(&p.id).unwrap_or_default();
            CoverageRow {
                project_id: p.id,
                code: project_code(p.id),
                title: p.title,
                team: p.team,
                track: p.track,
                table_label: p.table_label,
                under: (judges.len() as i64) < k,
                flagged,
                judges,
                absent_flagged: domain::absent_flagged(absent_marks),
                absent_marks,
                checked_in: (!present.is_empty()).then(|| present.contains(&p.team_id)),
            }
        })
        .collect();
    let has_rubric = db::has_rubric(db, event_id).await?;
    let rooms = crate::rooms::db::rooms(db, event_id).await?.into_iter().map(|r| (r.id, r.name)).collect();
    Ok(ConsoleData { event_id, event_name, settings, tracks, rooms, judges, coverage, has_rubric })
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
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let (k, threshold) =
        domain::check_settings(&judges_per_project, &disagreement, &method, &state).map_err(AppError::Invalid)?;
    let hide = i64::from(hide_names.is_some());
    let mut tx = access.db().begin_write().await?;
    judging_db::ensure_settings(&mut tx, event_id).await?;
    let before = judging_db::settings(access.db(), event_id).await.ok();
    let update = db::SettingsUpdate {
        judges_per_project: k,
        hide_names: hide,
        method: &method,
        disagreement: threshold,
        state: &state,
    };
    if !db::update_settings(&mut tx, event_id, version.max(1), &update).await? {
        return Err(AppError::Conflict(Msg::ErrChangedMeanwhile));
    }
    audit(
        &mut tx, Some(event_id), Some(access.user.id), "judging.settings",
        before.map(|b| json!({ "k": b.judges_per_project, "hide_names": b.hide_names, "method": b.method, "disagreement": b.disagreement, "state": b.state })),
        Some(json!({ "k": k, "hide_names": hide == 1, "method": method, "disagreement": threshold, "state": state })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Judging);
    Ok(())
}

#[server(prefix = "/api", endpoint = "judging/rubric")]
pub async fn load_rubric(event_id: i64, scope: i64) -> Result<RubricData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let tracks = crate::events::db::track_names(db, event_id, crate::i18n::request::request_lang()).await?;
    if scope != 0 && !tracks.iter().any(|(id, _)| *id == scope) {
        return Err(AppError::NotFound);
    }
    let own = db::newest_of_scope(&db.pool, event_id, scope).await?;
    let (inherited, shown) = match own {
        Some(row) => (false, Some((row.id, row.version, row.criteria))),
        None if scope != 0 => {
            let event_wide = judging_db::rubric_for(db, event_id, None).await?;
            (
                event_wide.is_some(),
                event_wide.map(|r| (r.id, r.version, serde_json::to_string(&r.criteria).unwrap_or_default())),
            )
        }
        None => (false, None),
    };
    let (rubric_id, version, criteria) = match shown {
        Some((id, v, json)) => (id, v, judging_db::parse_criteria(&json)?),
        None => (0, 0, Vec::new()),
    };
    let locked = db::rubric_used(&db.pool, rubric_id).await?;
    // Scores under an earlier version of this scope's rubric.
    let affected =
        if inherited || rubric_id == 0 { Vec::new() } else { db::affected(db, event_id, scope, rubric_id).await? };
    Ok(RubricData {
        event_id,
        scope,
        tracks,
        version: if inherited { 0 } else { version },
        locked: !inherited && locked,
        inherited,
        criteria,
        affected: affected.into_iter().map(|p| format!("{} {}", project_code(p.id), p.title)).collect(),
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
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    if scope != 0 && !crate::events::db::track_in_event(access.db(), event_id, scope).await? {
        return Err(AppError::NotFound);
    }
    let criteria = rubric::parse_form(&fields.unwrap_or_default()).map_err(AppError::Invalid)?;
    let json = serde_json::to_string(&criteria).map_err(|e| AppError::internal("rubric not serialized", e))?;
    let mut tx = access.db().begin_write().await?;
    let current = db::newest_of_scope(&mut *tx, event_id, scope).await?;
    let latest = current.as_ref().map(|c| c.version).unwrap_or(0);
    if latest != version {
        return Err(AppError::Conflict(Msg::ErrChangedMeanwhile));
    }
    let used = match &current {
        Some(c) => db::rubric_used(&mut *tx, c.id).await?,
        None => false,
    };
    match &current {
        Some(c) if !used => db::update_rubric(&mut tx, c.id, &json, access.user.id, now()).await?,
        _ => judging_db::insert_rubric(&mut tx, event_id, scope, latest + 1, &json, access.user.id).await?,
    }
    audit(
        &mut tx, Some(event_id), Some(access.user.id), "rubric.saved",
        current.map(|c| json!({ "version": c.version, "criteria": serde_json::from_str::<serde_json::Value>(&c.criteria).unwrap_or_default() })),
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
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let name =
        crate::auth::domain::DisplayName::parse(&display_name).map_err(|k| AppError::field("display_name", k))?;
    let mut tx = access.db().begin_write().await?;
    let (user_id, pass) =
        crate::judging::passes::create_pass_judge(&mut tx, event_id, name.as_str(), Some(access.user.id)).await?;
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
    passes::issued(&access.state.config.public_url, event_id, user_id, &pass).await
}

/// `revoke` ends the judge's phone sign-in: the pass opens nothing more and every session it
/// opened is refused from the next request. `renew` does that and issues a new pass (a new
/// id, so the old pass's sessions stay ended). Only pass-only judges get a new pass; a judge
/// with a password of their own signs in with it (`ErrPassOwnLogin`), though any judge's
/// passes can be revoked.
#[server(prefix = "/api", endpoint = "judging/pass/reset")]
pub async fn reset_pass(event_id: i64, user_id: i64, action: String) -> Result<Option<IssuedPass>, AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let pass_only = db::pass_target(access.db(), event_id, user_id).await?;
    if !matches!(action.as_str(), "revoke" | "renew") {
        return Err(AppError::field("action", Msg::ErrRequired));
    }
    if action == "renew" && !pass_only {
        return Err(AppError::Conflict(Msg::ErrPassOwnLogin));
    }
    let mut tx = access.db().begin_write().await?;
    let revoked = db::revoke_passes(&mut tx, event_id, user_id, now()).await?;
    let pass = if action == "renew" {
        Some(passes::insert_pass(&mut tx, event_id, user_id, Some(access.user.id)).await?)
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
        Some(pass) => Ok(Some(passes::issued(&access.state.config.public_url, event_id, user_id, &pass).await?)),
        None => Ok(None),
    }
}

/// Shows a judge's link again. Only its digest is stored, so showing it means giving the same
/// pass a new secret: phones already signed in with the pass stay signed in, the link shown
/// before stops opening new sign-ins, and the new one is shown once.
#[server(prefix = "/api", endpoint = "judging/pass/show")]
pub async fn show_pass(event_id: i64, user_id: i64) -> Result<IssuedPass, AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    if !db::pass_target(access.db(), event_id, user_id).await? {
        return Err(AppError::Conflict(Msg::ErrPassOwnLogin));
    }
    let token = crate::judging::passes::new_token();
    let mut tx = access.db().begin_write().await?;
    let row = db::rotate_pass(&mut tx, event_id, user_id, &crate::judging::passes::token_hash(&token), now()).await?;
    // No live pass (revoked or expired): "New link" or "Extend" first.
    let db::LivePassRow { id: pass_id, expires_at } = row.ok_or(AppError::Conflict(Msg::ErrNoLivePass))?;
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
    let pass = passes::Issued { pass_id, token, expires_at };
    passes::issued(&access.state.config.public_url, event_id, user_id, &pass).await
}

/// Extends a judge's unrevoked pass by whole days, counted from its expiry or from now if it
/// has already expired (an expired pass opens again, with the same link and sessions).
#[server(prefix = "/api", endpoint = "judging/pass/extend")]
pub async fn extend_pass(event_id: i64, user_id: i64, days: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    db::pass_target(access.db(), event_id, user_id).await?;
    let days = domain::extend_days(&days).map_err(|e| AppError::Invalid(vec![e]))?;
    let mut tx = access.db().begin_write().await?;
    let row = db::extend_pass(&mut tx, event_id, user_id, now(), days * crate::judging::passes::DAY).await?;
    let db::LivePassRow { id: pass_id, expires_at } = row.ok_or(AppError::Conflict(Msg::ErrNoLivePass))?;
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

/// Marks a judge available or not for new assignments, and limits them to a track (empty for
/// none) and to some rooms of the venue (`rooms[ID]` ticked; none ticked: every room).
#[server(prefix = "/api", endpoint = "judging/judge/update")]
pub async fn update_judge(
    event_id: i64,
    user_id: i64,
    active: Option<String>,
    track: String,
    #[server(default)] rooms: Option<std::collections::BTreeMap<String, String>>,
) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    if !gate::roles_in_event(access.db(), event_id, user_id).await?.contains(&Role::Judge) {
        return Err(AppError::NotFound);
    }
    let mut errors = Vec::new();
    let track = crate::events::db::track_of_event(access.db(), event_id, &track, &mut errors).await?;
    let mut tx = access.db().begin_write().await?;
    // Rooms of this event only; another event's room id is refused like a bad value.
    let mut kept = Vec::new();
    for key in rooms.unwrap_or_default().into_keys() {
        match key.trim().parse::<i64>() {
            Ok(id) if crate::rooms::db::before(&mut tx, event_id, id).await?.is_some() => kept.push(id),
            _ => {
                errors.push(crate::error::FieldError::new("rooms", Msg::ErrRequired));
                break;
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    kept.sort_unstable();
    kept.dedup();
    let tracks = track.map(|t| t.to_string()).unwrap_or_default();
    let room_list = kept.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let profile = db::JudgeProfile { tracks: &tracks, rooms: &room_list, active: active.is_some() };
    db::save_judge_profile(&mut tx, event_id, user_id, &profile, now()).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "judge.updated",
        None,
        Some(json!({ "judge": user_id, "active": active.is_some(), "track": track, "rooms": kept })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Runs the assignment (see `assign`): fills every submitted project up to K judges,
/// keeping scores already given.
#[server(prefix = "/api", endpoint = "judging/assign")]
pub async fn run_assignment(
    event_id: i64,
    seed: String,
    rebalance: Option<String>,
    present_only: Option<String>,
) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let seed: u64 = seed.trim().parse().map_err(|_| AppError::field("seed", Msg::ErrNotANumber))?;
    let db = access.db();
    let settings = judging_db::settings(db, event_id).await?;
    let mut tx = db.begin_write().await?;
    let mut projects = db::projects_to_assign(&mut tx, event_id).await?;
    let judges = db::judges(&mut tx, event_id).await?;
    let mut existing = db::assignments_with_scores(&mut tx, event_id).await?;
    let conflicts = judging_db::conflicts(db, event_id).await?;
    // Limited to teams checked in at the venue: the others' projects get no judges now, and
    // the judges they already have are left as they are (not handed to the plan, which would
    // take them off), for when the team arrives.
    let mut absent = Vec::new();
    if present_only.is_some() {
        let here = crate::checkin::db::present_teams(&mut tx, event_id).await?;
        absent = projects.iter().filter(|p| !here.contains(&p.team_id)).map(|p| p.id).collect();
        projects.retain(|p| here.contains(&p.team_id));
        existing.retain(|a| !absent.contains(&a.project_id));
    }
    let projects: Vec<assign::Project> = projects.into_iter().map(Into::into).collect();
    let existing: Vec<assign::Existing> = existing
        .into_iter()
        .map(|a| assign::Existing { project: a.project_id, judge: a.judge_id, scored: a.score_id.is_some() })
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
        db::remove_unscored_assignment(&mut tx, *project, *judge).await?;
    }
    for (project, judge) in &plan.add {
        judging_db::insert_assignment(&mut tx, event_id, *project, *judge, None).await?;
    }
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "judging.assigned",
        None,
        Some(json!({ "seed": seed, "rebalance": rebalance.is_some(), "k": settings.judges_per_project,
                     "present_only": present_only.is_some(), "absent": absent,
                     "kept": plan.keep.len(), "added": plan.add, "removed": plan.remove, "under": plan.under })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Judging);
    // Assignments changed: a team's slots may have gone with them.
    access.state.live.publish(event_id, crate::live::Topic::Slots);
    Ok(())
}

/// Adds one more judge to a project (e.g. one flagged for disagreement).
#[server(prefix = "/api", endpoint = "judging/extra")]
pub async fn add_extra_judge(event_id: i64, project_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let project: assign::Project =
        db::project_to_assign(db, event_id, project_id).await?.ok_or(AppError::NotFound)?.into();
    let conflicts = judging_db::conflicts(db, event_id).await?;
    let mut tx = db.begin_write().await?;
    let judges = db::judges(&mut tx, event_id).await?;
    let existing: Vec<assign::Existing> = db::assignments(&mut tx, event_id)
        .await?
        .into_iter()
        .map(|a| assign::Existing { project: a.project_id, judge: a.judge_id, scored: false })
        .collect();
    let pick = assign::extra_judge(&project, &judges, &conflicts, &existing)
        .ok_or(AppError::Conflict(Msg::ErrNoJudgeAvailable))?;
    judging_db::insert_assignment(&mut tx, event_id, project.id, pick, Some(access.user.id)).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "judging.extra_judge",
        None,
        Some(json!({ "project": project.id, "judge": pick })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Judging);
    // Assignments changed: a team's slots may have gone with them.
    access.state.live.publish(event_id, crate::live::Topic::Slots);
    Ok(())
}

/// Where the project can be found in the hall (table number, room).
#[server(prefix = "/api", endpoint = "judging/table")]
pub async fn set_table(event_id: i64, project_id: i64, table_label: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut errors = Vec::new();
    let label = crate::events::domain::text(&mut errors, "table_label", &table_label, 40, false);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    if !db::set_table(&mut tx, event_id, project_id, &label).await? {
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
    let mut data = db::results(access.db(), event_id).await?;
    // Rows carry the track's first-written name; the page shows the reader's language.
    let names = crate::events::db::track_languages(access.db(), event_id).await?;
    let lang = crate::i18n::request::request_lang();
    for row in &mut data.rows {
        if let Some(name) = names.get(&row.track) {
            row.track = name.pick(lang).to_owned();
        }
    }
    Ok(data)
}
