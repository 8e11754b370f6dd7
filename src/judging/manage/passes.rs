//! Judges' pass links as the organizer sees them. Only a link's digest is stored, so a link
//! exists in plain only in the answer that issued it and on the organizer's next page view,
//! which takes it from the organizer's own session.
//!
//! The judge-side pass rules (tokens, expiry, sign-in) live in `judging::passes`; the ones
//! other features need are re-exported here.

use super::IssuedPass;
use crate::error::{AppError, AppResult};
use std::collections::HashMap;

pub use crate::judging::passes::{create_pass_user, insert_pass, Issued};

/// A judge's sign-in link.
pub fn pass_url(base: &str, token: &str) -> String {
    format!("{base}/pass/{token}")
}

/// Links issued in this organizer session and not shown yet: (event, judge, url).
const SESSION_FRESH_PASSES: &str = "fresh_passes";

async fn session() -> AppResult<tower_sessions::Session> {
    leptos_axum::extract::<tower_sessions::Session>().await.map_err(|e| {
        tracing::error!(error = %e, "session layer missing");
        AppError::Internal
    })
}

/// Keeps a just-issued link for the organizer's next page view, which shows it once: a
/// form posted to add, renew or show-link comes back to a page, not to this answer. The
/// link stays in the organizer's own session until that view takes it.
pub async fn reveal_once(event_id: i64, user_id: i64, url: &str) -> AppResult<()> {
    let session = session().await?;
    let mut fresh: Vec<(i64, i64, String)> = session.get(SESSION_FRESH_PASSES).await?.unwrap_or_default();
    fresh.retain(|(e, u, _)| !(*e == event_id && *u == user_id));
    fresh.push((event_id, user_id, url.to_owned()));
    session.insert(SESSION_FRESH_PASSES, fresh).await?;
    Ok(())
}

/// Takes the links waiting to be shown for these judges of the event (all of the event's
/// when `judges` is `None`); the others keep waiting.
pub async fn take_revealed(event_id: i64, judges: Option<&[i64]>) -> AppResult<HashMap<i64, String>> {
    let session = session().await?;
    let Some(fresh) = session.get::<Vec<(i64, i64, String)>>(SESSION_FRESH_PASSES).await? else {
        return Ok(HashMap::new());
    };
    let (taken, kept): (Vec<_>, Vec<_>) =
        fresh.into_iter().partition(|(e, u, _)| *e == event_id && judges.is_none_or(|j| j.contains(u)));
    if taken.is_empty() {
        return Ok(HashMap::new());
    }
    if kept.is_empty() {
        session.remove_value(SESSION_FRESH_PASSES).await?;
    } else {
        session.insert(SESSION_FRESH_PASSES, kept).await?;
    }
    Ok(taken.into_iter().map(|(_, u, url)| (u, url)).collect())
}

/// Answers an issued pass and keeps it for the console's next view.
pub async fn issued(base: &str, event_id: i64, user_id: i64, pass: &Issued) -> AppResult<IssuedPass> {
    let url = pass_url(base, &pass.token);
    reveal_once(event_id, user_id, &url).await?;
    Ok(IssuedPass { user_id, url, expires_at: pass.expires_at })
}
