//! The mentor's day: one server function, for mentors of the event.

use super::*;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    auth::{gate, Role},
    db::now,
    mentoring::help,
};

/// The caller's day as a mentor of the event. Mentors only.
#[server(prefix = "/api", endpoint = "mentoring/my-day")]
pub async fn my_day(event_id: i64) -> Result<MentorDay, AppError> {
    let access = gate::event(event_id, &[Role::Mentor]).await?;
    let db = access.db();
    let me = access.user.id;
    let t = now();
    let tz = crate::events::db::timezone(db, event_id).await?;
    let lang = crate::i18n::request::request_lang();
    let claim_minutes = help::db::claim_minutes(db, event_id).await?;
    let requests = help::db::requests_of_event(db, event_id).await?;
    let holding = requests.iter().find(|r| r.status == "claimed" && r.claimed_by == Some(me)).map(|r| {
        let (held_minutes, left_minutes) = domain::held(r.claimed_at.unwrap_or(t), claim_minutes, t);
        HeldRequest {
            id: r.id,
            topic: r.topic.clone(),
            team: r.team.clone(),
            location: r.location.clone(),
            held_minutes,
            left_minutes,
        }
    });
    let expired = requests
        .iter()
        .filter(|r| help::domain::told_of_expiry(r.expired_from, r.expired_at, &r.status, r.claimed_by, me, t))
        .map(|r| (r.topic.clone(), r.team.clone()))
        .collect();
    let waiting = requests.iter().filter(|r| r.status == "open").count() as i64;
    let sessions = db::slots(db, event_id, me)
        .await?
        .into_iter()
        .map(|s| DaySession {
            when: crate::i18n::dates::until(s.starts_at, s.ends_at, tz, lang),
            location: s.location,
            team: s.team,
            past: s.ends_at <= t,
        })
        .collect();
    let teams = db::teams(db, event_id, me)
        .await?
        .into_iter()
        .map(|r| DayTeam {
            name: r.name,
            table: r.table_label.unwrap_or_default(),
            assigned: r.assigned == 1,
            source: r.source.as_deref().map(crate::mentoring::MentorshipSource::from_code),
        })
        .collect();
    Ok(MentorDay {
        event_id,
        event_name: crate::events::db::name(db, event_id).await?.unwrap_or_default(),
        holding,
        expired,
        claim_minutes,
        waiting,
        sessions,
        teams,
    })
}
