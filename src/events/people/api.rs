//! Removing and retiring roles. Organizers of the event only; each reads what the rules need
//! under a lock on the event's row, decides with `domain`, and writes in the same transaction.

use super::*;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::domain::{self, Change},
    crate::auth::gate,
    crate::db::{audit, now, Tx},
    crate::error::AppResult,
    crate::i18n::Msg,
    crate::live::Topic,
    serde_json::json,
};

/// Removes `role` from `user_id` in the event: a co-organizer (never the last organizer), a
/// mentor (what they held is handed back, see the module comment), or a judge who has not
/// scored (passes revoked, assignments back to the pool). A judge who has scored is refused
/// with `ErrJudgeHasScored`: retire them instead. Participants are refused
/// (`ErrParticipantNotRemovedHere`): their place is their team's. Organizers only.
#[server(prefix = "/api", endpoint = "events/remove-role")]
pub async fn remove_role(event_id: i64, user_id: i64, role: String) -> Result<RoleChange, AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let role = Role::from_code(role.trim()).ok_or_else(|| AppError::field("role", Msg::ErrRequired))?;
    let t = now();
    let mut tx = access.db().begin_write().await?;
    super::db::lock_event(&mut tx, event_id).await?;
    if role == Role::Judge {
        // A save already past the gate lands before this reads whether the judge scored, or
        // finds the role gone.
        crate::judging::writer::lock_judges(&mut tx, access.db().backend, vec![user_id]).await?;
    }
    let held = super::db::held(&mut tx, event_id, user_id, role).await?;
    let change = domain::removal(role, &held).map_err(|r| r.error())?;
    super::db::remove(&mut tx, event_id, user_id, role, access.user.id, t).await?;
    let mut done = RoleChange { user_id, role: Some(role), ..Default::default() };
    match change {
        Change::RemoveMentor => {
            let withdrawn =
                crate::mentoring::sessions::db::withdraw_mentor_slots(&mut tx, event_id, user_id, t).await?;
            done.slots_withdrawn = withdrawn.slots;
            done.bookings_cancelled = withdrawn.teams;
            done.help_released = crate::mentoring::help::db::release_all_of(&mut tx, event_id, user_id).await?;
            done.teams_unassigned = crate::mentoring::unassign_mentor(&mut tx, event_id, user_id).await?;
        }
        Change::RemoveJudge => end_judging(&mut tx, event_id, user_id, false, &mut done).await?,
        Change::RemoveOrganizer | Change::RetireJudge => {}
    }
    record(&mut tx, event_id, access.user.id, "role.removed", &done).await?;
    tx.commit().await?;
    publish(&access.state, event_id, &done);
    // An organizer who removed themself can no longer see the page they were on.
    if user_id == access.user.id && role == Role::Organizer {
        leptos_axum::redirect(&format!("/events/{event_id}"));
    }
    Ok(done)
}

/// Retires a judge who has scored: their scores stay (results unchanged, the judge still
/// named, marked retired), the gate no longer admits them as a judge, their passes are
/// revoked, they get no new assignments, and the assignments they had not completed go back
/// to the pool. A judge without scores is refused with `ErrJudgeNotScored`: remove them.
/// Organizers only.
#[server(prefix = "/api", endpoint = "events/retire-judge")]
pub async fn retire_judge(event_id: i64, user_id: i64) -> Result<RoleChange, AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let t = now();
    let mut tx = access.db().begin_write().await?;
    super::db::lock_event(&mut tx, event_id).await?;
    crate::judging::writer::lock_judges(&mut tx, access.db().backend, vec![user_id]).await?;
    let held = super::db::held(&mut tx, event_id, user_id, Role::Judge).await?;
    domain::retirement(&held).map_err(|r| r.error())?;
    if !super::db::retire(&mut tx, event_id, user_id, access.user.id, t).await? {
        return Err(AppError::Conflict(Msg::ErrJudgeRetired));
    }
    let mut done = RoleChange { user_id, role: Some(Role::Judge), retired: true, ..Default::default() };
    end_judging(&mut tx, event_id, user_id, true, &mut done).await?;
    record(&mut tx, event_id, access.user.id, "judge.retired", &done).await?;
    tx.commit().await?;
    publish(&access.state, event_id, &done);
    Ok(done)
}

/// Ends a judge's judging in the event: every pass revoked (their phones are signed out at the
/// next request) and their assignments released, all of them or (`keep_done`, a retired
/// judge's) those not completed.
#[cfg(feature = "ssr")]
async fn end_judging(tx: &mut Tx, event_id: i64, judge: i64, keep_done: bool, done: &mut RoleChange) -> AppResult<()> {
    done.passes_revoked = crate::judging::manage::db::revoke_passes(tx, event_id, judge, now()).await?;
    done.assignments_released = crate::judging::manage::db::release_assignments(tx, event_id, judge, keep_done).await?;
    Ok(())
}

/// The audit line: whose role, by name (the log must say who it was even if the account is
/// renamed), and everything that was handed back.
#[cfg(feature = "ssr")]
async fn record(tx: &mut Tx, event_id: i64, actor: i64, action: &str, done: &RoleChange) -> AppResult<()> {
    let name = super::db::display_name(tx, done.user_id).await?;
    let role = done.role.map(Role::code);
    audit(
        tx,
        Some(event_id),
        Some(actor),
        action,
        Some(json!({ "user": done.user_id, "name": name, "role": role })),
        serde_json::to_value(done).ok(),
    )
    .await?;
    Ok(())
}

/// Tells open pages what moved: the help queue for a mentor's requests, judging for a judge.
#[cfg(feature = "ssr")]
fn publish(state: &crate::state::AppState, event_id: i64, done: &RoleChange) {
    if !done.help_released.is_empty() {
        state.live.publish(event_id, Topic::Help);
    }
    if done.role == Some(Role::Judge) {
        state.live.publish(event_id, Topic::Judging);
    }
}
