//! The sessions server functions. Each starts at the authorization gate; a slot's event is
//! read first (`slot_event`) so the gate can be asked about it.

use super::*;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::db::SlotRow,
    crate::auth::{gate, Role},
    crate::db::audit,
    crate::error::FieldError,
    crate::events::domain::{local_to_utc, utc_to_display},
    crate::i18n::Msg,
    serde_json::json,
};

/// The event's slots, for mentors, participants and organizers of the event.
#[server(prefix = "/api", endpoint = "sessions/list")]
pub async fn list_slots(event_id: i64) -> Result<Schedule, AppError> {
    let access = gate::event(event_id, &[Role::Mentor, Role::Participant, Role::Organizer]).await?;
    let db = access.db();
    let tz = crate::events::db::timezone(db, event_id).await?;
    let team = crate::teams::db::team_of_user(db, event_id, access.user.id).await?.map(|t| t.id);
    let organizer = access.has(Role::Organizer);
    let rows = db::slots_of_event(db, event_id).await?;
    let slots = rows
        .into_iter()
        .map(|r| {
            let mine = team.is_some() && r.team_id == team;
            let own = r.mentor_id == access.user.id;
            SlotView {
                id: r.id,
                mentor: r.mentor,
                day: utc_to_display(r.starts_at, tz).chars().take(10).collect(),
                starts: crate::i18n::dates::for_reader(r.starts_at, tz),
                ends: crate::i18n::dates::until(r.starts_at, r.ends_at, tz, crate::i18n::request::request_lang()),
                location: r.location,
                // Who booked is visible to the mentor and organizers; others see "booked".
                team: r.team_name.filter(|_| own || organizer || mine),
                mine,
                notes: (own || organizer || mine).then_some(r.notes),
                attended: r.attended.map(|a| a != 0),
            }
        })
        .collect();
    Ok(Schedule {
        event_id,
        timezone: tz.name().to_owned(),
        slots,
        is_mentor: access.has(Role::Mentor),
        has_team: team.is_some(),
        is_organizer: organizer,
        me: access.user.display_name.clone(),
    })
}

/// A mentor offers a slot (times in the event's time zone).
#[server(prefix = "/api", endpoint = "sessions/offer")]
pub async fn offer_slot(event_id: i64, starts_at: String, ends_at: String, location: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Mentor]).await?;
    let db = access.db();
    let tz = crate::events::db::timezone(db, event_id).await?;
    let mut errors = Vec::new();
    let starts = local_to_utc(&starts_at, tz);
    let ends = local_to_utc(&ends_at, tz);
    if starts.is_none() {
        errors.push(FieldError::new("starts_at", Msg::ErrDateTime));
    }
    if ends.is_none() {
        errors.push(FieldError::new("ends_at", Msg::ErrDateTime));
    }
    let location = crate::events::domain::text(&mut errors, "location", &location, 120, false);
    let (Some(starts), Some(ends)) = (starts, ends) else {
        return Err(AppError::Invalid(errors));
    };
    let span = db::event_span(db, event_id).await?;
    if let Some((field, key)) = domain::slot_error(starts, ends, span.starts_at, span.ends_at) {
        errors.push(FieldError::new(field, key));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = db.begin_write().await?;
    if db::mentor_busy(&mut tx, event_id, access.user.id, starts, ends).await? {
        return Err(AppError::field("starts_at", Msg::ErrSlotOverlaps));
    }
    db::insert_slot(&mut tx, event_id, access.user.id, starts, ends, &location).await?;
    tx.commit().await?;
    Ok(())
}

/// The slot, read before the gate is asked about its event.
#[cfg(feature = "ssr")]
async fn slot_event(db: &crate::db::Db, slot_id: i64) -> Result<SlotRow, AppError> {
    db::slot(db, slot_id).await?.ok_or(AppError::NotFound)
}

/// A team member books a free slot for their team.
#[server(prefix = "/api", endpoint = "sessions/book")]
pub async fn book_slot(slot_id: i64) -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    let SlotRow { event_id, starts_at: starts, ends_at: ends, .. } = slot_event(authed.db(), slot_id).await?;
    let access = gate::event_write(event_id, &[Role::Participant]).await?;
    let team = crate::teams::db::team_of_user(access.db(), event_id, access.user.id)
        .await?
        .ok_or(AppError::Conflict(Msg::ErrNeedTeam))?;
    let mut tx = access.db().begin_write().await?;
    // Serialize this team's bookings on its row, so the overlap check below cannot race.
    db::serialize_bookings(&mut tx, team.id).await?;
    if db::team_busy(&mut tx, team.id, starts, ends).await? {
        return Err(AppError::Conflict(Msg::ErrTeamBusyThen));
    }
    if !db::take_slot(&mut tx, slot_id, team.id, access.user.id).await? {
        return Err(AppError::Conflict(Msg::ErrSlotTaken));
    }
    db::open_booking(&mut tx, slot_id, event_id, team.id, access.user.id).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "session.booked",
        None,
        Some(json!({ "slot": slot_id, "team": team.id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Cancels: the booking team frees the slot; the mentor (or an organizer) removes it.
#[server(prefix = "/api", endpoint = "sessions/cancel")]
pub async fn cancel_slot(slot_id: i64) -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    let SlotRow { event_id, mentor_id, team_id, .. } = slot_event(authed.db(), slot_id).await?;
    let access = gate::event_write(event_id, &[Role::Participant, Role::Mentor, Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    if mentor_id == access.user.id || access.has(Role::Organizer) {
        db::delete_slot(&mut tx, slot_id).await?;
        audit(
            &mut tx,
            Some(event_id),
            Some(access.user.id),
            "session.removed",
            Some(json!({ "slot": slot_id, "team": team_id })),
            None,
        )
        .await?;
    } else {
        let mine = crate::teams::db::team_of_user(access.db(), event_id, access.user.id).await?.map(|t| t.id);
        if mine.is_none() || mine != team_id {
            return Err(AppError::Forbidden);
        }
        // The booking, notes and attendance included, stays as history of this team's session.
        db::free_slot(&mut tx, slot_id, team_id).await?;
        audit(
            &mut tx,
            Some(event_id),
            Some(access.user.id),
            "session.cancelled",
            Some(json!({ "slot": slot_id, "team": team_id })),
            None,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The slot's mentor writes notes and marks attendance ("yes", "no" or "" for unknown).
#[server(prefix = "/api", endpoint = "sessions/notes")]
pub async fn session_notes(slot_id: i64, notes: String, attended: String) -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    let SlotRow { event_id, mentor_id, team_id, .. } = slot_event(authed.db(), slot_id).await?;
    let access = gate::event_write(event_id, &[Role::Mentor]).await?;
    if mentor_id != access.user.id {
        return Err(AppError::Forbidden);
    }
    if team_id.is_none() {
        return Err(AppError::Conflict(Msg::ErrSlotNotBooked));
    }
    let mut errors = Vec::new();
    let notes = crate::events::domain::text(&mut errors, "notes", &notes, NOTES_MAX, false);
    let attended = match attended.trim() {
        "" => None,
        "yes" => Some(1i64),
        "no" => Some(0),
        _ => {
            errors.push(FieldError::new("attended", Msg::ErrRequired));
            None
        }
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    // The team cancelled between the read above and this write.
    if !db::save_notes(&mut tx, slot_id, team_id, &notes, attended).await? {
        return Err(AppError::Conflict(Msg::ErrSlotNotBooked));
    }
    // A session held with the team is mentoring it: the mentor no longer judges it.
    if let (Some(team), Some(1)) = (team_id, attended) {
        crate::mentoring::record_mentorship(&mut tx, team, mentor_id, crate::mentoring::MentorshipSource::Session)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
