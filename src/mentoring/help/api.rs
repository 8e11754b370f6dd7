//! The help desk's server functions. Each starts at the authorization gate; a request's
//! event is read first (`request_event`) so the gate can be asked about it.

use super::*;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::db::{HelpRow, RequestRow},
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::error::FieldError,
    crate::i18n::Msg,
    serde_json::json,
};

#[cfg(feature = "ssr")]
fn item(r: &HelpRow, me: i64, t: i64) -> HelpItem {
    HelpItem {
        id: r.id,
        team: r.team.clone(),
        topic: r.topic.clone(),
        skill: r.skill.clone(),
        location: r.location.clone(),
        description: r.description.clone(),
        status: r.status.clone(),
        waiting_minutes: (t - r.created_at).max(0) / 60,
        mentor: r.mentor.clone(),
        claimed_by_me: r.claimed_by == Some(me),
        position: None,
        estimate_minutes: None,
    }
}

/// The help page: the queue for mentors and organizers, the team's own requests for
/// participants, and statistics for organizers. `all` lifts a mentor's skill filter.
#[server(prefix = "/api", endpoint = "help/page")]
pub async fn help_page(event_id: i64, all: bool) -> Result<HelpData, AppError> {
    let access = gate::event(event_id, &[Role::Participant, Role::Mentor, Role::Organizer]).await?;
    let db = access.db();
    let rows = db::requests_of_event(db, event_id).await?;
    let t = now();
    let me = access.user.id;
    let team = crate::teams::db::team_of_user(db, event_id, me).await?.map(|t| t.id);
    let is_mentor = access.has(Role::Mentor);
    let is_organizer = access.has(Role::Organizer);
    let expertise: Vec<String> = if is_mentor {
        let e = db::mentor_expertise(db, event_id, me).await?;
        crate::tags::keys(&e.unwrap_or_default())
    } else {
        Vec::new()
    };
    let samples: Vec<domain::HelpSample> = rows
        .iter()
        .map(|r| domain::HelpSample {
            status: &r.status,
            created_at: r.created_at,
            claimed_at: r.claimed_at,
            resolved_at: r.resolved_at,
            mentor: r.mentor.as_deref(),
        })
        .collect();
    // Requests are taken oldest first: an open request's place is its rank among the open
    // ones, in the order they were raised (the rows' order).
    let places: std::collections::HashMap<i64, i64> =
        rows.iter().filter(|r| r.status == "open").zip(1..).map(|(r, place)| (r.id, place)).collect();
    let with_place = |r: &HelpRow| {
        let mut h = item(r, me, t);
        if let Some(&position) = places.get(&r.id) {
            h.position = Some(position);
            h.estimate_minutes = domain::estimate_minutes(position, &samples, t);
        }
        h
    };
    // A mentor sees requests for their skills (and untagged ones) unless they ask for all.
    let filtered = is_mentor && !all && !is_organizer && !expertise.is_empty();
    let queue = if is_mentor || is_organizer {
        rows.iter()
            .filter(|r| matches!(r.status.as_str(), "open" | "claimed"))
            .filter(|r| {
                !filtered
                    || r.skill.is_empty()
                    || expertise.contains(&crate::tags::key(&r.skill))
                    || r.claimed_by == Some(me)
            })
            .map(with_place)
            .collect()
    } else {
        Vec::new()
    };
    let mine = rows
        .iter()
        .filter(|r| team == Some(r.team_id) && r.status != "cancelled")
        .rev()
        .take(20)
        .map(with_place)
        .collect();
    // The mentor's claims that went back to the queue in the last hour, still unanswered.
    let expired = if is_mentor {
        rows.iter()
            .filter(|r| domain::told_of_expiry(r.expired_from, r.expired_at, &r.status, r.claimed_by, me, t))
            .map(|r| item(r, me, t))
            .collect()
    } else {
        Vec::new()
    };
    let stats = is_organizer.then(|| domain::help_stats(&samples, t));
    let mentors = if is_organizer {
        let mentors = crate::mentoring::mentors_of(db, event_id).await?;
        let activity: Vec<domain::Activity> = rows
            .iter()
            .filter_map(|r| {
                Some(domain::Activity {
                    mentor: r.claimed_by?,
                    status: r.status.clone(),
                    claimed_at: r.claimed_at,
                    resolved_at: r.resolved_at,
                })
            })
            .collect();
        let ids: Vec<i64> = mentors.iter().map(|(id, _)| *id).collect();
        domain::loads(&ids, &activity, t)
            .into_iter()
            .map(|load| DeskLoad {
                id: load.mentor,
                name: mentors.iter().find(|(id, _)| *id == load.mentor).map(|(_, n)| n.clone()).unwrap_or_default(),
                holding: rows
                    .iter()
                    .find(|r| r.status == "claimed" && r.claimed_by == Some(load.mentor))
                    .map(|r| format!("{} · {}", r.topic, r.team)),
                resolved_last_hour: load.resolved_last_hour,
                idle_minutes: load.idle_minutes,
            })
            .collect()
    } else {
        Vec::new()
    };
    let claim_minutes = db::claim_minutes(db, event_id).await?;
    Ok(HelpData {
        event_id,
        is_mentor,
        is_organizer,
        has_team: team.is_some(),
        queue,
        mine,
        stats,
        filtered,
        claim_minutes,
        expired,
        mentors,
    })
}

/// A team member asks for help.
#[server(prefix = "/api", endpoint = "help/raise")]
pub async fn raise_help(
    event_id: i64,
    topic: String,
    skill: String,
    location: String,
    description: String,
) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Participant]).await?;
    let team = crate::teams::db::team_of_user(access.db(), event_id, access.user.id)
        .await?
        .ok_or(AppError::Conflict(Msg::ErrNeedTeam))?;
    let mut errors = Vec::new();
    let topic = crate::events::domain::text(&mut errors, "topic", &topic, 120, true);
    let skill = skill.trim().to_lowercase();
    if skill.chars().count() > crate::tags::TAG_LEN {
        errors.push(FieldError::new("skill", Msg::ErrTagTooLong));
    }
    let location = crate::events::domain::text(&mut errors, "location", &location, 80, false);
    let description = crate::events::domain::text(&mut errors, "description", &description, 1000, false);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    let request = db::NewRequest {
        event_id,
        team_id: team.id,
        topic: &topic,
        skill: &skill,
        location: &location,
        description: &description,
        created_by: access.user.id,
    };
    db::insert_request(&mut tx, &request).await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Help);
    Ok(())
}

/// The request, read before the gate is asked about its event; anonymous callers hear 401
/// before anything is looked up.
#[cfg(feature = "ssr")]
async fn request_event(request_id: i64) -> Result<RequestRow, AppError> {
    let authed = gate::signed_in().await?;
    db::request(authed.db(), request_id).await?.ok_or(AppError::NotFound)
}

/// A mentor claims an open request; a mentor holds at most one claimed request.
#[server(prefix = "/api", endpoint = "help/claim")]
pub async fn claim_help(request_id: i64) -> Result<(), AppError> {
    let event_id = request_event(request_id).await?.event_id;
    let access = gate::event_write(event_id, &[Role::Mentor]).await?;
    let me = access.user.id;
    let mut tx = access.db().begin_write().await?;
    // Serializes this mentor's claims (see the module comment).
    db::serialize_claims(&mut tx, me).await?;
    if db::holds_a_request(&mut tx, me).await? {
        return Err(AppError::Conflict(Msg::ErrAlreadyHelping));
    }
    if !db::claim(&mut tx, request_id, me).await? {
        return Err(AppError::Conflict(Msg::ErrRequestTaken));
    }
    audit(&mut tx, Some(event_id), Some(me), "help.claimed", None, Some(json!({ "request": request_id }))).await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Help);
    Ok(())
}

/// The claiming mentor hands the request back to the queue.
#[server(prefix = "/api", endpoint = "help/release")]
pub async fn release_help(request_id: i64) -> Result<(), AppError> {
    let event_id = request_event(request_id).await?.event_id;
    let access = gate::event_write(event_id, &[Role::Mentor]).await?;
    let mut tx = access.db().begin_write().await?;
    if !db::release(&mut tx, request_id, access.user.id).await? {
        return Err(AppError::Conflict(Msg::ErrNotYourRequest));
    }
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Help);
    Ok(())
}

/// Marks a request resolved: by the mentor who claimed it, or by the team itself.
#[server(prefix = "/api", endpoint = "help/resolve")]
pub async fn resolve_help(request_id: i64) -> Result<(), AppError> {
    let RequestRow { event_id, team_id, claimed_by } = request_event(request_id).await?;
    let access = gate::event_write(event_id, &[Role::Mentor, Role::Participant]).await?;
    let own_team =
        crate::teams::db::team_of_user(access.db(), event_id, access.user.id).await?.map(|t| t.id) == Some(team_id);
    if claimed_by != Some(access.user.id) && !own_team {
        return Err(AppError::Forbidden);
    }
    let mut tx = access.db().begin_write().await?;
    if !db::resolve(&mut tx, request_id).await? {
        return Err(AppError::Conflict(Msg::ErrRequestClosed));
    }
    audit(&mut tx, Some(event_id), Some(access.user.id), "help.resolved", None, Some(json!({ "request": request_id })))
        .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Help);
    Ok(())
}

/// The team withdraws a request it no longer needs.
#[server(prefix = "/api", endpoint = "help/cancel")]
pub async fn cancel_help(request_id: i64) -> Result<(), AppError> {
    let RequestRow { event_id, team_id, .. } = request_event(request_id).await?;
    let access = gate::event_write(event_id, &[Role::Participant]).await?;
    let own_team =
        crate::teams::db::team_of_user(access.db(), event_id, access.user.id).await?.map(|t| t.id) == Some(team_id);
    if !own_team {
        return Err(AppError::Forbidden);
    }
    let mut tx = access.db().begin_write().await?;
    if !db::cancel(&mut tx, request_id).await? {
        return Err(AppError::Conflict(Msg::ErrRequestClosed));
    }
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Help);
    Ok(())
}

/// An organizer hands a waiting (or held) request to a mentor of the event, who then holds it
/// as if they had claimed it. A mentor holds one request at a time: one already helping
/// another team is refused (409), as their own claim would be.
#[server(prefix = "/api", endpoint = "help/assign")]
pub async fn hand_help(request_id: i64, mentor_id: String) -> Result<(), AppError> {
    let event_id = request_event(request_id).await?.event_id;
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mentor = mentor_id.trim().parse::<i64>().map_err(|_| AppError::field("mentor_id", Msg::ErrRequired))?;
    if !gate::roles_in_event(access.db(), event_id, mentor).await?.contains(&Role::Mentor) {
        return Err(AppError::field("mentor_id", Msg::ErrNotAMentor));
    }
    let mut tx = access.db().begin_write().await?;
    db::serialize_claims(&mut tx, mentor).await?;
    if db::holds_a_request(&mut tx, mentor).await? {
        return Err(AppError::Conflict(Msg::ErrMentorBusy));
    }
    let Some(before) = db::hand_to(&mut tx, request_id, mentor).await? else {
        return Err(AppError::Conflict(Msg::ErrRequestClosed));
    };
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "help.handed",
        Some(json!({ "request": request_id, "mentor": before })),
        Some(json!({ "request": request_id, "mentor": mentor })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Help);
    Ok(())
}

/// The event's claim limit: minutes a mentor may hold a request before it goes back to the
/// queue by itself. Organizers only.
#[server(prefix = "/api", endpoint = "help/settings")]
pub async fn save_help_settings(event_id: i64, claim_minutes: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let minutes = domain::parse_claim_minutes(&claim_minutes)
        .ok_or_else(|| AppError::field("claim_minutes", Msg::ErrClaimMinutes))?;
    let mut tx = access.db().begin_write().await?;
    let before = db::set_claim_minutes(&mut tx, event_id, minutes).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "help.settings",
        Some(json!({ "claim_minutes": before })),
        Some(json!({ "claim_minutes": minutes })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Help);
    Ok(())
}
