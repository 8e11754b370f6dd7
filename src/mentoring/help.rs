//! The live help queue: a team raises a request (topic, skill, where they sit); mentors see
//! open requests (filtered to their expertise unless they ask for all), claim one at a time,
//! then resolve or release it; the team sees who is coming. Every change is pushed to open
//! pages through the live channel.
//!
//! "One claimed request per mentor" holds under concurrency: a claim first touches the
//! mentor's `users` row, which serializes that mentor's claims, and takes the request with
//! `UPDATE … WHERE status = 'open'`, so of two mentors racing for one request exactly one
//! wins.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::error::FieldError,
    crate::i18n::Msg,
    serde_json::json,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelpItem {
    pub id: i64,
    pub team: String,
    pub topic: String,
    pub skill: String,
    pub location: String,
    pub description: String,
    pub status: String,
    pub waiting_minutes: i64,
    /// The mentor on the way, once claimed.
    pub mentor: Option<String>,
    pub claimed_by_me: bool,
}

/// The help desk in figures, for the help page and the organizer's dashboard alike (one
/// computation, so both show the same median for the same requests).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HelpStats {
    pub open: i64,
    pub claimed: i64,
    pub resolved: i64,
    /// Median minutes from a request to a mentor taking it.
    pub median_wait_minutes: Option<i64>,
    /// Median minutes from a request to its resolution.
    pub median_resolve_minutes: Option<i64>,
    /// Minutes the oldest open request has been waiting.
    pub oldest_open_minutes: Option<i64>,
    /// (mentor, resolved count), in the order mentors first resolved one.
    pub per_mentor: Vec<(String, i64)>,
}

/// What the figures are computed from: one help request.
pub struct HelpSample<'a> {
    pub status: &'a str,
    pub created_at: i64,
    pub claimed_at: Option<i64>,
    pub resolved_at: Option<i64>,
    pub mentor: Option<&'a str>,
}

/// The figures of a set of requests at time `now` (seconds). Clock skew between instances
/// never makes a duration negative.
pub fn help_stats(requests: &[HelpSample], now: i64) -> HelpStats {
    let minutes = |from: i64, to: i64| (to - from).max(0) / 60;
    let count = |status: &str| requests.iter().filter(|r| r.status == status).count() as i64;
    let mut per_mentor: Vec<(String, i64)> = Vec::new();
    for r in requests.iter().filter(|r| r.status == "resolved") {
        let name = r.mentor.unwrap_or_default();
        match per_mentor.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 += 1,
            None => per_mentor.push((name.to_owned(), 1)),
        }
    }
    HelpStats {
        open: count("open"),
        claimed: count("claimed"),
        resolved: count("resolved"),
        median_wait_minutes: median(
            requests.iter().filter_map(|r| r.claimed_at.map(|c| minutes(r.created_at, c))).collect(),
        ),
        median_resolve_minutes: median(
            requests.iter().filter_map(|r| r.resolved_at.map(|d| minutes(r.created_at, d))).collect(),
        ),
        oldest_open_minutes: requests.iter().filter(|r| r.status == "open").map(|r| minutes(r.created_at, now)).max(),
        per_mentor,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelpData {
    pub event_id: i64,
    pub is_mentor: bool,
    pub is_organizer: bool,
    pub has_team: bool,
    /// Open and claimed requests, as the caller may see them.
    pub queue: Vec<HelpItem>,
    /// The caller's team's own requests.
    pub mine: Vec<HelpItem>,
    pub stats: Option<HelpStats>,
    pub filtered: bool,
}

/// The median of whole minutes, or `None` for no samples.
pub fn median(mut values: Vec<i64>) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) { (values[mid - 1] + values[mid]) / 2 } else { values[mid] })
}

/// A help request with its team's and its mentor's names.
#[cfg(feature = "ssr")]
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    team_id: i64,
    team: String,
    topic: String,
    skill: String,
    location: String,
    description: String,
    status: String,
    created_at: i64,
    claimed_by: Option<i64>,
    mentor: Option<String>,
    claimed_at: Option<i64>,
    resolved_at: Option<i64>,
}

#[cfg(feature = "ssr")]
fn item(r: &Row, me: i64, t: i64) -> HelpItem {
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
    }
}

/// The help page: the queue for mentors and organizers, the team's own requests for
/// participants, and statistics for organizers. `all` lifts a mentor's skill filter.
#[server(prefix = "/api", endpoint = "help/page")]
pub async fn help_page(event_id: i64, all: bool) -> Result<HelpData, AppError> {
    let access = gate::event(event_id, &[Role::Participant, Role::Mentor, Role::Organizer]).await?;
    let db = access.db();
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT h.id, h.team_id, t.name AS team, h.topic, h.skill, h.location, h.description, h.status, h.created_at, \
         h.claimed_by, u.display_name AS mentor, h.claimed_at, h.resolved_at \
         FROM help_requests h JOIN teams t ON t.id = h.team_id \
         LEFT JOIN users u ON u.id = h.claimed_by WHERE h.event_id = $1 ORDER BY h.created_at, h.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let t = now();
    let me = access.user.id;
    let team = crate::teams::db::team_of_user(db, event_id, me).await?.map(|t| t.id);
    let is_mentor = access.has(Role::Mentor);
    let is_organizer = access.has(Role::Organizer);
    let expertise: Vec<String> = if is_mentor {
        let e: Option<String> =
            sqlx::query_scalar("SELECT expertise FROM mentor_profiles WHERE event_id = $1 AND user_id = $2")
                .bind(event_id)
                .bind(me)
                .fetch_optional(&db.pool)
                .await?;
        crate::teams::ssr::split(&e.unwrap_or_default())
    } else {
        Vec::new()
    };
    // A mentor sees requests for their skills (and untagged ones) unless they ask for all.
    let filtered = is_mentor && !all && !is_organizer && !expertise.is_empty();
    let queue = if is_mentor || is_organizer {
        rows.iter()
            .filter(|r| matches!(r.status.as_str(), "open" | "claimed"))
            .filter(|r| !filtered || r.skill.is_empty() || expertise.contains(&r.skill) || r.claimed_by == Some(me))
            .map(|r| item(r, me, t))
            .collect()
    } else {
        Vec::new()
    };
    let mine = rows
        .iter()
        .filter(|r| team == Some(r.team_id) && r.status != "cancelled")
        .rev()
        .take(20)
        .map(|r| item(r, me, t))
        .collect();
    let stats = is_organizer.then(|| {
        let samples: Vec<HelpSample> = rows
            .iter()
            .map(|r| HelpSample {
                status: &r.status,
                created_at: r.created_at,
                claimed_at: r.claimed_at,
                resolved_at: r.resolved_at,
                mentor: r.mentor.as_deref(),
            })
            .collect();
        help_stats(&samples, t)
    });
    Ok(HelpData { event_id, is_mentor, is_organizer, has_team: team.is_some(), queue, mine, stats, filtered })
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
    let access = gate::event(event_id, &[Role::Participant]).await?;
    let team = crate::teams::db::team_of_user(access.db(), event_id, access.user.id)
        .await?
        .ok_or(AppError::Conflict(Msg::ErrNeedTeam))?;
    let mut errors = Vec::new();
    let topic = crate::events::domain::text(&mut errors, "topic", &topic, 120, true);
    let skill = skill.trim().to_lowercase();
    if skill.chars().count() > crate::teams::TAG_LEN {
        errors.push(FieldError::new("skill", Msg::ErrTagTooLong));
    }
    let location = crate::events::domain::text(&mut errors, "location", &location, 80, false);
    let description = crate::events::domain::text(&mut errors, "description", &description, 1000, false);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    sqlx::query(
        "INSERT INTO help_requests (event_id, team_id, topic, skill, location, description, status, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8)",
    )
    .bind(event_id)
    .bind(team.id)
    .bind(&topic)
    .bind(&skill)
    .bind(&location)
    .bind(&description)
    .bind(access.user.id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, "help");
    Ok(())
}

/// Where a help request belongs and who holds it, read before the gate is asked about its event.
#[cfg(feature = "ssr")]
#[derive(sqlx::FromRow)]
struct Request {
    event_id: i64,
    team_id: i64,
    claimed_by: Option<i64>,
}

#[cfg(feature = "ssr")]
async fn request_event(request_id: i64) -> Result<Request, AppError> {
    let authed = gate::signed_in().await?;
    let row: Option<Request> = sqlx::query_as("SELECT event_id, team_id, claimed_by FROM help_requests WHERE id = $1")
        .bind(request_id)
        .fetch_optional(&authed.db().pool)
        .await?;
    row.ok_or(AppError::NotFound)
}

/// A mentor claims an open request; a mentor holds at most one claimed request.
#[server(prefix = "/api", endpoint = "help/claim")]
pub async fn claim_help(request_id: i64) -> Result<(), AppError> {
    let event_id = request_event(request_id).await?.event_id;
    let access = gate::event(event_id, &[Role::Mentor]).await?;
    let me = access.user.id;
    let mut tx = access.db().begin_write().await?;
    // Serializes this mentor's claims (see the module comment).
    sqlx::query("UPDATE users SET created_at = created_at WHERE id = $1").bind(me).execute(&mut *tx).await?;
    let holding: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM help_requests WHERE claimed_by = $1 AND status = 'claimed'")
            .bind(me)
            .fetch_optional(&mut *tx)
            .await?;
    if holding.is_some() {
        return Err(AppError::Conflict(Msg::ErrAlreadyHelping));
    }
    let taken = sqlx::query("UPDATE help_requests SET status = 'claimed', claimed_by = $1, claimed_at = $2 WHERE id = $3 AND status = 'open'")
        .bind(me)
        .bind(now())
        .bind(request_id)
        .execute(&mut *tx)
        .await?;
    if taken.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ErrRequestTaken));
    }
    audit(&mut tx, Some(event_id), Some(me), "help.claimed", None, Some(json!({ "request": request_id }))).await?;
    tx.commit().await?;
    access.state.live.publish(event_id, "help");
    Ok(())
}

/// The claiming mentor hands the request back to the queue.
#[server(prefix = "/api", endpoint = "help/release")]
pub async fn release_help(request_id: i64) -> Result<(), AppError> {
    let event_id = request_event(request_id).await?.event_id;
    let access = gate::event(event_id, &[Role::Mentor]).await?;
    let mut tx = access.db().begin_write().await?;
    let done = sqlx::query("UPDATE help_requests SET status = 'open', claimed_by = NULL, claimed_at = NULL WHERE id = $1 AND status = 'claimed' AND claimed_by = $2")
        .bind(request_id)
        .bind(access.user.id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ErrNotYourRequest));
    }
    tx.commit().await?;
    access.state.live.publish(event_id, "help");
    Ok(())
}

/// Marks a request resolved: by the mentor who claimed it, or by the team itself.
#[server(prefix = "/api", endpoint = "help/resolve")]
pub async fn resolve_help(request_id: i64) -> Result<(), AppError> {
    let Request { event_id, team_id, claimed_by } = request_event(request_id).await?;
    let access = gate::event(event_id, &[Role::Mentor, Role::Participant]).await?;
    let own_team =
        crate::teams::db::team_of_user(access.db(), event_id, access.user.id).await?.map(|t| t.id) == Some(team_id);
    if claimed_by != Some(access.user.id) && !own_team {
        return Err(AppError::Forbidden);
    }
    let mut tx = access.db().begin_write().await?;
    let done = sqlx::query("UPDATE help_requests SET status = 'resolved', resolved_at = $1 WHERE id = $2 AND status IN ('open', 'claimed')")
        .bind(now())
        .bind(request_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ErrRequestClosed));
    }
    audit(&mut tx, Some(event_id), Some(access.user.id), "help.resolved", None, Some(json!({ "request": request_id })))
        .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, "help");
    Ok(())
}

/// The team withdraws a request it no longer needs.
#[server(prefix = "/api", endpoint = "help/cancel")]
pub async fn cancel_help(request_id: i64) -> Result<(), AppError> {
    let Request { event_id, team_id, .. } = request_event(request_id).await?;
    let access = gate::event(event_id, &[Role::Participant]).await?;
    let own_team =
        crate::teams::db::team_of_user(access.db(), event_id, access.user.id).await?.map(|t| t.id) == Some(team_id);
    if !own_team {
        return Err(AppError::Forbidden);
    }
    let mut tx = access.db().begin_write().await?;
    let done =
        sqlx::query("UPDATE help_requests SET status = 'cancelled' WHERE id = $1 AND status IN ('open', 'claimed')")
            .bind(request_id)
            .execute(&mut *tx)
            .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ErrRequestClosed));
    }
    tx.commit().await?;
    access.state.live.publish(event_id, "help");
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn help_figures_from_requests() {
        let at = |m: i64| 1_000_000 + m * 60;
        let sample = |status, created, claimed: Option<i64>, resolved: Option<i64>, mentor| super::HelpSample {
            status,
            created_at: at(created),
            claimed_at: claimed.map(at),
            resolved_at: resolved.map(at),
            mentor,
        };
        let requests = [
            sample("resolved", 0, Some(4), Some(20), Some("Salma")),
            sample("resolved", 10, Some(12), Some(15), Some("Yassine")),
            sample("resolved", 30, Some(36), Some(50), Some("Salma")),
            sample("claimed", 40, Some(50), None, Some("Yassine")),
            sample("open", 55, None, None, None),
            sample("open", 58, None, None, None),
            sample("cancelled", 5, None, None, None),
        ];
        let stats = super::help_stats(&requests, at(60));
        assert_eq!((stats.open, stats.claimed, stats.resolved), (2, 1, 3));
        // Waits 4, 2, 6, 10: the mean of the two middle ones.
        assert_eq!(stats.median_wait_minutes, Some(5));
        // Resolutions after 20, 5, 20 minutes.
        assert_eq!(stats.median_resolve_minutes, Some(20));
        assert_eq!(stats.oldest_open_minutes, Some(5));
        assert_eq!(stats.per_mentor, vec![("Salma".to_owned(), 2), ("Yassine".to_owned(), 1)]);
        // A claim stamped before its request (another instance's clock) counts as no wait.
        let skewed = [sample("claimed", 10, Some(9), None, Some("Salma"))];
        assert_eq!(super::help_stats(&skewed, at(20)).median_wait_minutes, Some(0));
    }

    #[test]
    fn median_of_minutes() {
        assert_eq!(super::median(vec![]), None);
        assert_eq!(super::median(vec![7, 1, 3]), Some(3));
        assert_eq!(super::median(vec![4, 1, 3, 10]), Some(3));
    }
}

/// The help page. Its list is a live region: it refreshes by itself when the queue changes.
#[component]
pub fn HelpQueuePage() -> impl IntoView {
    use crate::i18n::{args, use_lang, Msg};
    use crate::live::LiveRegion;
    use crate::ui::{action_error, Field, FormError, Submit};
    let lang = use_lang();
    let query = leptos_router::hooks::use_query_map();
    let id = crate::ui::event_id_param();
    let all = Signal::derive(move || query.with(|q| q.get("all").is_some()));
    let data = Resource::new(move || (id.get(), all.get()), |(id, all)| help_page(id, all));
    let raise = ServerAction::<RaiseHelp>::new();
    let claim = ServerAction::<ClaimHelp>::new();
    let release = ServerAction::<ReleaseHelp>::new();
    let resolve = ServerAction::<ResolveHelp>::new();
    let cancel = ServerAction::<CancelHelp>::new();
    let raise_errors = action_error(raise);
    let errors = [action_error(claim), action_error(release), action_error(resolve), action_error(cancel)];
    let status = move |s: &str| match s {
        "open" => lang.t(Msg::HelpOpen),
        "claimed" => lang.t(Msg::HelpClaimed),
        "resolved" => lang.t(Msg::HelpResolved),
        _ => lang.t(Msg::HelpCancelled),
    };
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::ui::failure(lang, &e),
                Ok(p) => {
                    let event_id = p.event_id;
                    view! {
                        <section class="form-page">
                            <h1>{lang.t(Msg::HelpTitle)}</h1>
                            <LiveRegion event_id topic="help".to_string() target="live-help".to_string()/>
                            {p.has_team.then(|| view! {
                                <details open=p.mine.is_empty()>
                                    <summary>{lang.t(Msg::AskForHelp)}</summary>
                                    <ActionForm action=raise>
                                        <FormError errors=raise_errors/>
                                        <input type="hidden" name="event_id" value=event_id/>
                                        <Field label=Msg::FieldHelpTopic name="topic" errors=raise_errors required=true dir_auto=true/>
                                        <Field label=Msg::FieldHelpSkill name="skill" errors=raise_errors dir_auto=true/>
                                        <Field label=Msg::FieldHelpLocation name="location" errors=raise_errors dir_auto=true/>
                                        <Field label=Msg::FieldDescription name="description" errors=raise_errors dir_auto=true/>
                                        <Submit label=Msg::AskForHelp pending=raise.pending()/>
                                    </ActionForm>
                                </details>
                            })}
                            {errors.into_iter().map(|e| view! { <FormError errors=e/> }).collect_view()}
                            <div id="live-help" aria-live="polite">
                                {(!p.mine.is_empty()).then(|| view! {
                                    <h2>{lang.t(Msg::OurRequests)}</h2>
                                    <ul class="cards help">
                                        {p.mine.clone().into_iter().map(|h| view! {
                                            <li class="card">
                                                <p><strong dir="auto">{h.topic.clone()}</strong> " · " {status(&h.status)}</p>
                                                {h.mentor.clone().filter(|_| h.status == "claimed").map(|m| view! { <p class="notice">{lang.format(args::MentorComing { name: &m })}</p> })}
                                                {matches!(h.status.as_str(), "open" | "claimed").then(|| view! {
                                                    <ActionForm action=resolve attr:class="inline">
                                                        <input type="hidden" name="request_id" value=h.id/>
                                                        <button type="submit" class="button">{lang.t(Msg::Resolved)}</button>
                                                    </ActionForm>
                                                    " "
                                                    <ActionForm action=cancel attr:class="inline">
                                                        <input type="hidden" name="request_id" value=h.id/>
                                                        <button type="submit" class="button link danger">{lang.t(Msg::Withdraw)}</button>
                                                    </ActionForm>
                                                })}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                })}
                                {(p.is_mentor || p.is_organizer).then(|| view! {
                                    <h2>{lang.t(Msg::HelpQueue)}</h2>
                                    {p.is_mentor.then(|| view! {
                                        <p>{if p.filtered {
                                            view! { <a href=format!("/events/{event_id}/help?all=1")>{lang.t(Msg::ShowAllRequests)}</a> }.into_any()
                                        } else {
                                            view! { <a href=format!("/events/{event_id}/help")>{lang.t(Msg::ShowMySkills)}</a> }.into_any()
                                        }}</p>
                                    })}
                                    {p.queue.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                                    <ul class="cards help">
                                        {p.queue.clone().into_iter().map(|h| view! {
                                            <li class="card" class:mine=h.claimed_by_me>
                                                <p><strong dir="auto">{h.topic.clone()}</strong> " · " <span dir="auto">{h.team.clone()}</span></p>
                                                <p class="muted" dir="auto">{h.skill.clone()} " · " {h.location.clone()} " · " {lang.format(args::WaitingMinutes { minutes: h.waiting_minutes })}</p>
                                                {(!h.description.is_empty()).then(|| view! { <p dir="auto">{h.description.clone()}</p> })}
                                                <p>{status(&h.status)} {h.mentor.clone().map(|m| format!(" · {m}"))}</p>
                                                {(p.is_mentor && h.status == "open").then(|| view! {
                                                    <ActionForm action=claim attr:class="inline">
                                                        <input type="hidden" name="request_id" value=h.id/>
                                                        <button type="submit" class="button primary">{lang.t(Msg::ClaimRequest)}</button>
                                                    </ActionForm>
                                                })}
                                                {h.claimed_by_me.then(|| view! {
                                                    <ActionForm action=resolve attr:class="inline">
                                                        <input type="hidden" name="request_id" value=h.id/>
                                                        <button type="submit" class="button primary">{lang.t(Msg::Resolved)}</button>
                                                    </ActionForm>
                                                    " "
                                                    <ActionForm action=release attr:class="inline">
                                                        <input type="hidden" name="request_id" value=h.id/>
                                                        <button type="submit" class="button">{lang.t(Msg::Release)}</button>
                                                    </ActionForm>
                                                })}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                })}
                                {p.stats.clone().map(|s| view! {
                                    <h2>{lang.t(Msg::HelpStatsTitle)}</h2>
                                    <dl class="schedule">
                                        <dt>{lang.t(Msg::HelpOpen)}</dt><dd>{s.open}</dd>
                                        <dt>{lang.t(Msg::MedianWait)}</dt><dd>{s.median_wait_minutes.map(|m| lang.format(args::Minutes { minutes: m })).unwrap_or_else(|| "—".into())}</dd>
                                        <dt>{lang.t(Msg::MedianResolve)}</dt><dd>{s.median_resolve_minutes.map(|m| lang.format(args::Minutes { minutes: m })).unwrap_or_else(|| "—".into())}</dd>
                                    </dl>
                                    <ul>{s.per_mentor.into_iter().map(|(m, n)| view! { <li><span dir="auto">{m}</span> ": " {n}</li> }).collect_view()}</ul>
                                })}
                            </div>
                        </section>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}
