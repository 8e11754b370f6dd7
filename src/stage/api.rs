//! Stage server functions: all the organizer's, through the gate's `event` entries. Judges
//! and the projector read the stage through their own pages' data (the desk, the board).

use super::*;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::domain::{self, Clock, Tap},
    crate::auth::{gate, Role},
    crate::db::{audit, now_ms},
    crate::i18n::Msg,
    crate::live::Topic,
    serde_json::json,
};

use crate::error::AppError;

/// The stage console: the project on stage, its timer, and the line-up.
#[server(prefix = "/api", endpoint = "stage/console")]
pub async fn stage_console(event_id: i64) -> Result<StageView, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let stage = db::stage(db, event_id).await?;
    let on_stage = now_showing(db, event_id).await?;
    let lineup: Vec<LineupItem> = db::lineup(db, event_id)
        .await?
        .into_iter()
        .map(|p| LineupItem {
            project_id: p.id,
            code: crate::judging::project_code(p.id),
            title: p.title,
            table: p.table_label,
            pitched: p.pitched_at.is_some(),
        })
        .collect();
    let at = on_stage.as_ref().and_then(|s| lineup.iter().position(|p| p.project_id == s.project_id));
    let next = match at {
        Some(i) => lineup.get(i + 1).cloned(),
        None => lineup.iter().find(|p| !p.pitched).cloned(),
    };
    Ok(StageView {
        event_id,
        event_name: crate::judging::manage::db::event_name(db, event_id).await?,
        length: domain::length_text(stage.pitch_seconds),
        running: on_stage.as_ref().is_some_and(|s| s.ends_at.is_some()),
        on_stage,
        next,
        lineup,
        now_ms: now_ms(),
    })
}

/// Puts a submitted project of the event on stage with a whole pitch ready to start, or
/// clears the stage (`project_id` 0).
#[server(prefix = "/api", endpoint = "stage/put")]
pub async fn put_on_stage(event_id: i64, project_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let mut tx = db.begin_write().await?;
    let before = db::stage_in(&mut tx, db, event_id).await?;
    let project = match project_id {
        0 => None,
        // Another event's project, or one not submitted, is unknown here.
        id => Some(db::pitchable(&mut tx, event_id, id).await?.ok_or(AppError::NotFound)?.id),
    };
    db::save(&mut tx, event_id, project, before.pitch_seconds, Clock::ready(before.pitch_seconds)).await?;
    if let Some(id) = project {
        db::mark_pitched(&mut tx, event_id, id).await?;
    }
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "stage.put",
        Some(json!({ "project": before.project_id })),
        Some(json!({ "project": project })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, Topic::Stage);
    Ok(())
}

/// Starts, pauses or resets the pitch timer of the project on stage. Taps are idempotent
/// (see `domain::Clock::tap`): two organizers starting at once start it once.
#[server(prefix = "/api", endpoint = "stage/clock")]
pub async fn tap_clock(event_id: i64, tap: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let Some(tap) = Tap::from_code(&tap) else {
        return Err(AppError::field("tap", Msg::ErrRequired));
    };
    let mut tx = db.begin_write().await?;
    let before = db::stage_in(&mut tx, db, event_id).await?;
    // The timer times a pitch: with nobody on stage there is nothing to time.
    let Some(project) = before.project_id else {
        return Err(AppError::Conflict(Msg::ErrNobodyOnStage));
    };
    if db::pitchable(&mut tx, event_id, project).await?.is_none() {
        return Err(AppError::Conflict(Msg::ErrNobodyOnStage));
    }
    let at = now_ms();
    let clock = before.clock().tap(tap, at);
    if clock != before.clock() {
        db::save(&mut tx, event_id, before.project_id, before.pitch_seconds, clock).await?;
        audit(
            &mut tx,
            Some(event_id),
            Some(access.user.id),
            "stage.clock",
            Some(json!({ "left_ms": before.clock().left(at), "running": before.clock().running() })),
            Some(json!({ "tap": tap.code(), "project": project, "left_ms": clock.left(at) })),
        )
        .await?;
    }
    tx.commit().await?;
    access.state.live.publish(event_id, Topic::Stage);
    Ok(())
}

/// Sets how long a pitch lasts ("5" minutes, or "4:30"). A pitch already started keeps its
/// time; the next one (or a reset) gets the new length.
#[server(prefix = "/api", endpoint = "stage/length")]
pub async fn save_pitch_length(event_id: i64, length: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let seconds = domain::parse_length(&length).map_err(|e| AppError::Invalid(vec![e]))?;
    let mut tx = db.begin_write().await?;
    let before = db::stage_in(&mut tx, db, event_id).await?;
    let old = before.clock();
    let untouched = !old.running() && old.left_ms.is_none();
    let clock = if untouched { Clock::ready(seconds) } else { Clock { pitch_ms: seconds * 1000, ..old } };
    db::save(&mut tx, event_id, before.project_id, seconds, clock).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "stage.length",
        Some(json!({ "seconds": before.pitch_seconds })),
        Some(json!({ "seconds": seconds })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, Topic::Stage);
    Ok(())
}
