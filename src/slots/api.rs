//! Pitch slots' server functions: the organizer's console, making the schedule (again),
//! moving one slot later and clearing them; a participant's own team's slots.

use super::*;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::db::LineRow,
    super::domain,
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::i18n::Msg,
    crate::live::Topic,
    serde_json::json,
};

/// Whether a slot stays where it is when the schedule is made again: the judge is done
/// with it, or it is under way.
#[cfg(feature = "ssr")]
fn stays(line: &LineRow, now: i64) -> bool {
    line.slot().is_some_and(|(start, end)| line.done() || (start <= now && now < end))
}

/// The console: the plan's form and every assignment's slot, by time.
#[server(prefix = "/api", endpoint = "slots/console")]
pub async fn slots_console(event_id: i64) -> Result<SlotsData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let tz = crate::events::db::timezone(db, event_id).await?;
    let plan = db::plan(db, event_id).await?;
    let at = now();
    let form = match &plan {
        Some(p) => PlanForm {
            starts_at: crate::events::domain::utc_to_local_input(p.starts_at, tz),
            pitch: crate::stage::domain::length_text(p.pitch_seconds),
            break_every: p.break_every.to_string(),
            break_minutes: (p.break_seconds / 60).to_string(),
        },
        // The next quarter hour, seven-minute pitches, ten minutes' break every eight.
        None => PlanForm {
            starts_at: crate::events::domain::utc_to_local_input((at / 900 + 1) * 900, tz),
            pitch: "7".into(),
            break_every: "8".into(),
            break_minutes: "10".into(),
        },
    };
    let mut rows = db::lines(db, event_id).await?;
    rows.sort_by(|a, b| {
        (a.slot_start.is_none(), a.slot_start, &a.judge, a.id).cmp(&(
            b.slot_start.is_none(),
            b.slot_start,
            &b.judge,
            b.id,
        ))
    });
    let unscheduled = rows.iter().filter(|l| l.slot().is_none() && !l.done()).count() as i64;
    let lines = rows
        .into_iter()
        .map(|l| {
            let state = match (l.status.as_deref(), l.slot()) {
                (Some("scored"), _) => SlotState::Scored,
                (Some("absent"), _) => SlotState::Absent,
                (_, None) => SlotState::None,
                (_, Some((_, end))) if end <= at => SlotState::Late,
                (_, Some((start, _))) if start <= at => SlotState::Now,
                _ => SlotState::Later,
            };
            SlotLine {
                assignment_id: l.id,
                time: l.slot().map(|w| domain::window_text(w, tz)).unwrap_or_default(),
                judge: l.judge,
                code: crate::judging::project_code(l.project_id),
                title: l.title,
                team: l.team,
                room: l.room.unwrap_or_default(),
                table_label: l.table_label,
                state,
                absent_marks: l.absent_marks,
            }
        })
        .collect();
    Ok(SlotsData {
        event_id,
        event_name: crate::events::db::name(db, event_id).await?.unwrap_or_default(),
        has_plan: plan.is_some(),
        plan: form,
        lines,
        unscheduled,
    })
}

/// Saves the plan and makes the schedule: every assignment the judge is not done with gets a
/// slot from the plan's start (or from now, when that is later), in the judge's walking
/// order as far as the teams' other slots allow. Slots already judged, and those under way,
/// stay where they are and are booked around. With `present_only`, only teams checked in at
/// the venue get slots; the others' slots not yet judged are taken back, until the schedule is
/// made again once they are here.
#[server(prefix = "/api", endpoint = "slots/generate")]
pub async fn generate_slots(
    event_id: i64,
    starts_at: String,
    pitch: String,
    break_every: String,
    break_minutes: String,
    present_only: Option<String>,
) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let tz = crate::events::db::timezone(access.db(), event_id).await?;
    let start = crate::events::domain::local_to_utc(&starts_at, tz);
    let plan = domain::check_plan(start, &pitch, &break_every, &break_minutes).map_err(AppError::Invalid)?;
    let at = now();
    let mut tx = access.db().begin_write().await?;
    // One schedule change at a time (PostgreSQL runs writes side by side): each books around
    // the slots the one before set.
    crate::events::people::db::lock_event(&mut tx, event_id).await?;
    let present = match present_only.is_some() {
        true => Some(crate::checkin::db::present_teams(&mut tx, event_id).await?),
        false => None,
    };
    let here = |l: &LineRow| present.as_ref().is_none_or(|p| p.contains(&l.team_id));
    let lines = db::lines_in(&mut tx, event_id).await?;
    let kept: Vec<domain::Kept> = lines
        .iter()
        .filter(|l| stays(l, at))
        .filter_map(|l| {
            l.slot().map(|(start, end)| domain::Kept { judge: l.judge_id, project: l.project_id, start, end })
        })
        .collect();
    // Each judge's assignments in their walking order (the place worked out once per row).
    let mut pending: Vec<(i64, crate::rooms::domain::Spot, &LineRow)> =
        lines.iter().filter(|l| !l.done() && !stays(l, at) && here(l)).map(|l| (l.judge_id, l.spot(), l)).collect();
    // Teams not here: their slots not judged nor under way are taken back.
    let away: Vec<i64> =
        lines.iter().filter(|l| !here(l) && !l.done() && !stays(l, at) && l.slot().is_some()).map(|l| l.id).collect();
    pending.sort_by(|a, b| {
        a.0.cmp(&b.0).then_with(|| crate::rooms::domain::walking_order((&a.1, a.2.project_id), (&b.1, b.2.project_id)))
    });
    let pending: Vec<domain::Pending> = pending
        .iter()
        .map(|(_, _, l)| domain::Pending { assignment: l.id, judge: l.judge_id, project: l.project_id })
        .collect();
    // The event's id seeds the judges' turns: the same event and inputs, the same schedule.
    let slots = domain::schedule(&plan, plan.starts_at.max(at), &pending, &kept, event_id as u64);
    db::save_plan(&mut tx, event_id, &plan).await?;
    for s in &slots {
        db::set_slot(&mut tx, s.assignment, Some((s.start, s.end))).await?;
    }
    for id in &away {
        db::set_slot(&mut tx, *id, None).await?;
    }
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "slots.generated",
        None,
        Some(json!({
            "starts_at": plan.starts_at, "pitch": plan.pitch, "break_every": plan.break_every,
            "break": plan.break_len, "scheduled": slots.len(), "kept": kept.len(),
            "present_only": present.is_some(), "taken_back": away.len(),
        })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, Topic::Slots);
    Ok(())
}

/// Moves one slot the judge is not done with (the team was absent, say) to the first slot
/// after it when both the judge and the team are free.
#[server(prefix = "/api", endpoint = "slots/move")]
pub async fn move_slot(event_id: i64, assignment_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let at = now();
    let mut tx = access.db().begin_write().await?;
    // One schedule change at a time (PostgreSQL runs writes side by side): each books around
    // the slots the one before set.
    crate::events::people::db::lock_event(&mut tx, event_id).await?;
    let lines = db::lines_in(&mut tx, event_id).await?;
    // Only an assignment of this event: another event's is not found.
    let me = lines.iter().find(|l| l.id == assignment_id).ok_or(AppError::NotFound)?;
    if me.done() {
        return Err(AppError::Conflict(Msg::ErrSlotDone));
    }
    let (plan, (_, end)) = match (db::plan_in(&mut tx, event_id).await?, me.slot()) {
        (Some(plan), Some(slot)) => (plan.plan(), slot),
        _ => return Err(AppError::Conflict(Msg::ErrNoSlots)),
    };
    let busy: Vec<(i64, i64)> = lines
        .iter()
        .filter(|l| l.id != me.id && (l.judge_id == me.judge_id || l.project_id == me.project_id))
        .filter_map(|l| l.slot())
        .collect();
    let to = domain::first_free(&plan, end.max(at), &busy);
    db::set_slot(&mut tx, me.id, Some(to)).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "slots.moved",
        Some(json!({ "assignment": me.id, "start": me.slot_start })),
        Some(json!({ "assignment": me.id, "start": to.0 })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, Topic::Slots);
    Ok(())
}

/// Takes the slots away from every assignment the judges are not done with (the plan's form
/// is kept); those judged keep theirs, a record of when they were.
#[server(prefix = "/api", endpoint = "slots/clear")]
pub async fn clear_slots(event_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    // One schedule change at a time (PostgreSQL runs writes side by side): each books around
    // the slots the one before set.
    crate::events::people::db::lock_event(&mut tx, event_id).await?;
    let lines = db::lines_in(&mut tx, event_id).await?;
    let mut cleared = 0;
    for l in lines.iter().filter(|l| !l.done() && l.slot().is_some()) {
        db::set_slot(&mut tx, l.id, None).await?;
        cleared += 1;
    }
    audit(&mut tx, Some(event_id), Some(access.user.id), "slots.cleared", None, Some(json!({ "cleared": cleared })))
        .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, Topic::Slots);
    Ok(())
}

/// A participant's own team's slots, in time order, without the judges' names.
#[server(prefix = "/api", endpoint = "slots/team")]
pub async fn team_slots(event_id: i64) -> Result<TeamSlotsView, AppError> {
    let access = gate::event(event_id, &[Role::Participant]).await?;
    let db = access.db();
    let now_ms = crate::db::now_ms();
    let has_plan = db::plan(db, event_id).await?.is_some();
    let Some(team) = crate::teams::db::team_of_user(db, event_id, access.user.id).await? else {
        return Ok(TeamSlotsView { event_id, has_plan, slots: Vec::new(), now_ms });
    };
    let tz = crate::events::db::timezone(db, event_id).await?;
    let lines = db::lines_of_team(db, event_id, team.id).await?;
    let at = now_ms / 1000;
    let mut slots: Vec<(i64, TeamSlot)> = lines
        .iter()
        .filter(|l| l.team_id == team.id)
        .filter_map(|l| l.slot().map(|w| (l, w)))
        .map(|(l, (start, end))| {
            let line: Vec<domain::JudgeSlot> = lines
                .iter()
                .filter(|o| o.judge_id == l.judge_id)
                .filter_map(|o| {
                    o.slot().map(|(start, end)| domain::JudgeSlot { assignment: o.id, start, end, done: o.done() })
                })
                .collect();
            let standing = match domain::standing(&line, l.id, at) {
                domain::Standing::Done if l.status.as_deref() == Some("absent") => TeamStanding::Absent,
                domain::Standing::Done => TeamStanding::Done,
                domain::Standing::Next => TeamStanding::Next,
                domain::Standing::Later => TeamStanding::Later,
            };
            let slot = TeamSlot {
                time: domain::window_text((start, end), tz),
                room: l.room.clone().unwrap_or_default(),
                table_label: l.table_label.clone(),
                standing,
                starts_ms: start * 1000,
                ends_ms: end * 1000,
            };
            (start, slot)
        })
        .collect();
    slots.sort_by_key(|(start, _)| *start);
    Ok(TeamSlotsView { event_id, has_plan, slots: slots.into_iter().map(|(_, s)| s).collect(), now_ms })
}
