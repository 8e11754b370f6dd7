//! Check-in's server functions: the organizer's list, ticking, and the venue's code; a
//! participant's own check-in with the code.

use super::*;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    crate::auth::{gate, Role},
    crate::db::audit,
    crate::i18n::Msg,
    serde_json::json,
};

/// The venue's check-in address for a code.
pub fn checkin_path(event_id: i64, code: &str) -> String {
    format!("/events/{event_id}/checkin/{code}")
}

/// The check-in list: every participant by team, who is here, and the venue's code. Organizers
/// only.
#[server(prefix = "/api", endpoint = "checkin/console")]
pub async fn checkin_console(event_id: i64) -> Result<CheckinBoard, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let tz = crate::events::db::timezone(db, event_id).await?;
    let people = db::people(db, event_id).await?;
    let summary = domain::summarize(&people.iter().map(|p| (p.team_id, p.checked_at.is_some())).collect::<Vec<_>>());
    let mut groups: Vec<TeamPresence> = Vec::new();
    for p in people {
        let person = PersonPresence {
            user_id: p.user_id,
            name: p.name,
            present: p.checked_at.is_some(),
            at: p.checked_at.map(|at| crate::i18n::dates::for_reader(at, tz)),
            by_organizer: p.checked_by.is_some(),
        };
        match groups.last_mut() {
            Some(g) if g.team_id == p.team_id => {
                g.present |= person.present;
                g.members.push(person);
            }
            _ => groups.push(TeamPresence {
                team_id: p.team_id,
                name: p.team.unwrap_or_default(),
                present: person.present,
                members: vec![person],
            }),
        }
    }
    let url = db::code(db, event_id).await?.map(|code| {
        format!("{}{}", access.state.config.public_url.trim_end_matches('/'), checkin_path(event_id, &code))
    });
    Ok(CheckinBoard {
        event_id,
        event_name: crate::events::db::name(db, event_id).await?.unwrap_or_default(),
        qr_svg: url.as_deref().map(crate::links::qr_svg),
        url,
        groups,
        summary,
    })
}

/// An organizer ticks a participant present (`present` "yes") or takes it back ("no").
/// Ticking someone already here, or taking back someone not here, changes nothing.
#[server(prefix = "/api", endpoint = "checkin/mark")]
pub async fn mark_presence(event_id: i64, user_id: i64, present: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let present = domain::parse_presence(&present).ok_or_else(|| AppError::field("present", Msg::ErrRequired))?;
    // Only the event's participants are on the list: anyone else is unknown here.
    if !gate::roles_in_event(access.db(), event_id, user_id).await?.contains(&Role::Participant) {
        return Err(AppError::NotFound);
    }
    let mut tx = access.db().begin_write().await?;
    let changed = if present {
        db::check_in(&mut tx, event_id, user_id, Some(access.user.id)).await?
    } else {
        db::check_out(&mut tx, event_id, user_id).await?
    };
    if changed {
        let action = if present { "checkin.marked" } else { "checkin.unmarked" };
        audit(&mut tx, Some(event_id), Some(access.user.id), action, None, Some(json!({ "user": user_id }))).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Makes a new venue code; the previous one (a photo of the poster shared outside, say)
/// stops working. Organizers only.
#[server(prefix = "/api", endpoint = "checkin/renew")]
pub async fn renew_checkin_code(event_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    db::set_code(&mut tx, event_id, &crate::links::random(16)).await?;
    audit(&mut tx, Some(event_id), Some(access.user.id), "checkin.code_renewed", None, None).await?;
    tx.commit().await?;
    Ok(())
}

/// What a participant who scanned `code` sees: whether it is the venue's code and whether
/// they are checked in. Participants only.
#[server(prefix = "/api", endpoint = "checkin/me")]
pub async fn my_checkin(event_id: i64, code: String) -> Result<CheckinStatus, AppError> {
    let access = gate::event(event_id, &[Role::Participant]).await?;
    let db = access.db();
    let tz = crate::events::db::timezone(db, event_id).await?;
    let at = db::checked_at(db, event_id, access.user.id).await?;
    Ok(CheckinStatus {
        event_id,
        event_name: crate::events::db::name(db, event_id).await?.unwrap_or_default(),
        code_ok: domain::code_matches(db::code(db, event_id).await?.as_deref(), &code),
        present: at.is_some(),
        at: at.map(|at| crate::i18n::dates::for_reader(at, tz)),
    })
}

/// A participant checks themselves in with the venue's code. A code that is not the venue's
/// current one is refused (409) and changes nothing; checking in twice keeps the first time.
#[server(prefix = "/api", endpoint = "checkin/self")]
pub async fn check_in(event_id: i64, code: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Participant]).await?;
    if !domain::code_matches(db::code(access.db(), event_id).await?.as_deref(), &code) {
        return Err(AppError::Conflict(Msg::ErrCheckinCode));
    }
    let mut tx = access.db().begin_write().await?;
    if db::check_in(&mut tx, event_id, access.user.id, None).await? {
        audit(&mut tx, Some(event_id), Some(access.user.id), "checkin.self", None, None).await?;
    }
    tx.commit().await?;
    Ok(())
}
