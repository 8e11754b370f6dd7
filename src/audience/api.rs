//! People's choice server functions. The organizer's go through the gate's `event` entries;
//! the voter's start at `gate::public` and admit only a participant of the event (with their
//! own login) or the holder of one of its tickets (`voter`).

use super::*;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::db::{self, Hold, Voter},
    super::domain::{self, Change, Tap, VoteState},
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::error::{AppResult, FieldError},
    crate::i18n::Msg,
    serde_json::json,
};

/// The ticket this browser holds for an event, in its session.
#[cfg(feature = "ssr")]
fn ticket_key(event_id: i64) -> String {
    format!("aticket{event_id}")
}

/// A random id this browser keeps while it uses tickets: a second ticket used by the same
/// browser shows up as such for the organizer, whatever the address.
#[cfg(feature = "ssr")]
const SESSION_BROWSER: &str = "abrowser";

/// The last print run of tickets made in this organizer's session: (event, number, code).
#[cfg(feature = "ssr")]
const SESSION_FRESH_TICKETS: &str = "fresh_tickets";

/// A ticket's link.
pub fn ticket_url(base: &str, code: &str) -> String {
    format!("{base}/vote/{code}")
}

/// Who is voting, and which team's project they may not choose.
#[cfg(feature = "ssr")]
struct Admitted {
    voter: Voter,
    own_team: Option<i64>,
    ticket: Option<i64>,
}

/// The caller as a voter of the event: a participant with their own login, else the holder
/// of a live ticket of the event. Everyone else is refused (401 anonymous, 403 signed in).
#[cfg(feature = "ssr")]
async fn voter(caller: &gate::Caller, event_id: i64, settings: &db::SettingsRow) -> AppResult<Admitted> {
    let db = caller.db();
    if let Some(user) = caller.account() {
        if caller.roles_in(event_id).await?.contains(&Role::Participant) {
            let team = crate::teams::db::team_of_user(db, event_id, user.id).await?.map(|t| t.id);
            return Ok(Admitted { voter: Voter::Account(user.id), own_team: team, ticket: None });
        }
    }
    if let Some(ticket_id) = caller.session.get::<i64>(&ticket_key(event_id)).await? {
        let ticket = db::ticket(db, ticket_id).await?.filter(|t| t.event_id == event_id);
        match ticket {
            Some(t) if t.voided_at.is_some() => return Err(AppError::Conflict(Msg::ErrTicketVoided)),
            Some(_) if settings.tickets != 1 => return Err(AppError::Conflict(Msg::ErrTicketsNotAccepted)),
            Some(t) => return Ok(Admitted { voter: Voter::Ticket(t.id), own_team: None, ticket: Some(t.number) }),
            None => {}
        }
    }
    Err(if caller.user.is_some() { AppError::Forbidden } else { AppError::Unauthenticated })
}

/// The voter's page: every submitted project, which ones the voter chose, and how many votes
/// are left.
#[server(prefix = "/api", endpoint = "audience/ballot")]
pub async fn ballot(event_id: i64) -> Result<BallotData, AppError> {
    let caller = gate::public().await?;
    let db = caller.db();
    let settings = db::settings(db, event_id).await?;
    let who = voter(&caller, event_id, &settings).await?;
    let picks = db::picks(db, event_id, &who.voter.key()).await?;
    let candidates = db::candidates(db, event_id).await?;
    // A vote for a project withdrawn since, or for the team the voter joined since, counts for
    // nothing, and is dropped at the next tap (`drop_gone`).
    let counted = |p: i64| candidates.iter().any(|c| c.id == p && who.own_team != Some(c.team_id));
    let used = picks.iter().filter(|(_, p)| counted(*p)).count() as i64;
    let projects = candidates
        .into_iter()
        .map(|c| BallotProject {
            chosen: picks.iter().any(|(_, p)| *p == c.id),
            own: who.own_team == Some(c.team_id),
            project_id: c.id,
            title: c.title,
            tagline: c.tagline,
            team: c.team,
            table: c.table_label,
        })
        .collect();
    Ok(BallotData {
        event_id,
        event_name: crate::judging::manage::db::event_name(db, event_id).await?,
        state: settings.state().code().to_owned(),
        votes_each: settings.votes_each,
        used,
        ticket: who.ticket,
        projects,
    })
}

/// A tap on a project: choose it ("choose") or take the vote back ("withdraw"). With one vote
/// each, choosing another project moves the vote. Only while the vote is open.
#[server(prefix = "/api", endpoint = "audience/vote")]
pub async fn cast_vote(event_id: i64, project_id: i64, tap: String) -> Result<(), AppError> {
    let caller = gate::public().await?;
    let db = caller.db();
    let Some(tap) = Tap::from_code(&tap) else {
        return Err(AppError::field("tap", Msg::ErrRequired));
    };
    let who = voter(&caller, event_id, &db::settings(db, event_id).await?).await?;
    gate::ensure_writable(db, event_id).await?;
    let mut tx = db.begin_write().await?;
    // Read again, held: closing the vote waits for this vote, and no vote lands after it.
    let settings = db::settings_in(&mut tx, db, event_id, Hold::Share).await?;
    if settings.state() != VoteState::Open {
        return Err(AppError::Conflict(Msg::ErrVoteNotOpen));
    }
    if who.ticket.is_some() && settings.tickets != 1 {
        return Err(AppError::Conflict(Msg::ErrTicketsNotAccepted));
    }
    db::hold_voter(&mut tx, db, event_id, who.voter).await?;
    db::drop_gone(&mut tx, event_id, who.voter).await?;
    let project = db::candidate(&mut tx, event_id, project_id).await?.ok_or(AppError::NotFound)?;
    let picks = db::picks_tx(&mut tx, event_id, &who.voter.key()).await?;
    let own = who.own_team == Some(project.team_id);
    let change = domain::decide(tap, project_id, own, &picks, settings.votes_each).map_err(AppError::Conflict)?;
    // The voter is held, so their taps come one at a time; the keys stay the last guard: of
    // two writes on one ballot slot, one lands and the other is refused as crossed.
    let crossed = |e: sqlx::Error| match e {
        sqlx::Error::Database(d) if d.is_unique_violation() => AppError::Conflict(Msg::ErrVoteCrossed),
        e => e.into(),
    };
    match change {
        Change::Add { slot } => {
            db::insert_vote(&mut tx, event_id, who.voter, slot, project_id).await.map_err(crossed)?
        }
        Change::Move { slot } => {
            let from = picks.iter().find(|(s, _)| *s == slot).map_or(0, |(_, p)| *p);
            if !db::move_vote(&mut tx, event_id, who.voter, slot, from, project_id).await.map_err(crossed)? {
                return Err(AppError::Conflict(Msg::ErrVoteCrossed));
            }
        }
        Change::Remove => db::remove_vote(&mut tx, event_id, who.voter, project_id).await?,
        Change::Nothing => {}
    }
    tx.commit().await?;
    if change != Change::Nothing {
        caller.state.live.publish(event_id, crate::live::Topic::Audience);
    }
    Ok(())
}

/// A refused use of a ticket (an unknown, used or voided code) counts against the client's
/// address in the limit sign-ups and joins share; an address past it is refused every use
/// (`use_ticket`). Guessing or replaying codes is slowed down, while a crowd behind one venue
/// address using valid tickets is not.
#[cfg(feature = "ssr")]
async fn refused(err: AppError) -> AppError {
    match crate::auth::limit_joins().await {
        Err(limited) => limited,
        Ok(()) => err,
    }
}

/// Uses a ticket: this browser holds it from now on and votes with it. A ticket is used once:
/// another browser opening it is refused, the same browser opening it again just goes on
/// voting. Refused to the event's participants, who vote with their own login. Refusals
/// count against the client's address (`refused`); uses against the browser.
#[server(prefix = "/api", endpoint = "audience/ticket")]
pub async fn use_ticket(code: String) -> Result<(), AppError> {
    let caller = gate::public().await?;
    // An address that sent too many refused codes waits, whatever it sends now: a guesser
    // learns nothing from trying on. Valid codes alone never put an address here.
    let client = crate::auth::client_address().await;
    if let Some(wait) = caller.state.joins.limited(&client) {
        tracing::warn!(%client, "ticket use rate-limited");
        return Err(AppError::RateLimited(wait));
    }
    let db = caller.db();
    let Some(ticket) = db::ticket_by_hash(db, &crate::links::digest(code.trim())).await? else {
        return Err(refused(AppError::Conflict(Msg::ErrTicketUnknown)).await);
    };
    let event_id = ticket.event_id;
    gate::ensure_writable(db, event_id).await?;
    if ticket.voided_at.is_some() {
        return Err(refused(AppError::Conflict(Msg::ErrTicketVoided)).await);
    }
    if caller.account().is_some() && caller.roles_in(event_id).await?.contains(&Role::Participant) {
        return Err(AppError::Conflict(Msg::ErrParticipantsVoteThemselves));
    }
    let held = caller.session.get::<i64>(&ticket_key(event_id)).await? == Some(ticket.id);
    if !held {
        let settings = db::settings(db, event_id).await?;
        if settings.tickets != 1 {
            return Err(AppError::Conflict(Msg::ErrTicketsNotAccepted));
        }
        if settings.state() != VoteState::Open {
            return Err(AppError::Conflict(Msg::ErrVoteNotOpen));
        }
        if ticket.redeemed_at.is_some() {
            return Err(refused(AppError::Conflict(Msg::ErrTicketUsed)).await);
        }
        let browser = match caller.session.get::<String>(SESSION_BROWSER).await? {
            Some(b) => b,
            None => {
                let b = crate::links::random(16);
                caller.session.insert(SESSION_BROWSER, &b).await?;
                b
            }
        };
        caller.state.joins.take(&format!("ticket:{browser}")).map_err(AppError::RateLimited)?;
        // Only grouping needs the address: it is kept as its digest, with the ticket, and
        // goes with the event.
        let client = crate::links::digest(&client);
        let mut tx = db.begin_write().await?;
        if !db::redeem(&mut tx, ticket.id, &client, &browser).await? {
            return Err(refused(AppError::Conflict(Msg::ErrTicketUsed)).await);
        }
        audit(&mut tx, Some(event_id), None, "audience.ticket_used", None, Some(json!({ "ticket": ticket.number })))
            .await?;
        tx.commit().await?;
        caller.session.insert(&ticket_key(event_id), ticket.id).await?;
        caller.state.live.publish(event_id, crate::live::Topic::Audience);
    }
    leptos_axum::redirect(&format!("/events/{event_id}/vote"));
    Ok(())
}

/// The organizer's console: settings, the live tally, tickets and tickets used in bulk.
#[server(prefix = "/api", endpoint = "audience/console")]
pub async fn audience_console(event_id: i64) -> Result<ConsoleData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let settings = db::settings(db, event_id).await?;
    let standings = db::standings(db, event_id).await?;
    let (tickets_made, tickets_used, tickets_void) = db::ticket_counts(db, event_id).await?;
    let tz = crate::events::db::timezone(db, event_id).await?;
    let bulk = domain::bulk_use(&db::redemptions(db, event_id).await?)
        .into_iter()
        .map(|b| BulkRow {
            one_browser: b.source == domain::Source::Browser,
            minutes: (b.last - b.first).max(0) / 60,
            first: crate::i18n::dates::for_reader(b.first, tz),
            tickets: b.tickets,
        })
        .collect();
    let printed = fresh_run(event_id).await?.len();
    let published = crate::board::db::stored(db, event_id).await?.state.favourites.is_some();
    Ok(ConsoleData {
        event_id,
        event_name: crate::judging::manage::db::event_name(db, event_id).await?,
        state: settings.state().code().to_owned(),
        votes_each: settings.votes_each,
        tickets: settings.tickets == 1,
        version: settings.version,
        voters: db::voter_count(db, event_id).await?,
        votes: standings.iter().map(|s| s.votes).sum(),
        tally: standings
            .into_iter()
            .map(|s| TallyRow { project_id: s.project, title: s.title, team: s.team, votes: s.votes, rank: s.rank })
            .collect(),
        tickets_made,
        tickets_used,
        tickets_void,
        bulk,
        printed,
        published,
    })
}

/// The last print run made in this organizer's session for the event: (number, code).
#[cfg(feature = "ssr")]
async fn fresh_run(event_id: i64) -> AppResult<Vec<(i64, String)>> {
    Ok(session()
        .await?
        .get::<Vec<(i64, i64, String)>>(SESSION_FRESH_TICKETS)
        .await?
        .unwrap_or_default()
        .into_iter()
        .filter(|(e, _, _)| *e == event_id)
        .map(|(_, number, code)| (number, code))
        .collect())
}

/// The last print run of tickets, to print: on its own page, so the console's live tally
/// does not draw every QR code again at each vote.
#[server(prefix = "/api", endpoint = "audience/print")]
pub async fn print_tickets(event_id: i64) -> Result<PrintRun, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let base = &access.state.config.public_url;
    let tickets = fresh_run(event_id)
        .await?
        .into_iter()
        .map(|(number, code)| {
            let url = ticket_url(base, &code);
            FreshTicket { number, qr_svg: crate::links::qr_svg(&url), url }
        })
        .collect();
    let event_name = crate::judging::manage::db::event_name(access.db(), event_id).await?;
    Ok(PrintRun { event_id, event_name, tickets })
}

#[cfg(feature = "ssr")]
async fn session() -> AppResult<tower_sessions::Session> {
    leptos_axum::extract::<tower_sessions::Session>().await.map_err(|e| AppError::internal("session layer missing", e))
}

/// Saves the vote's settings: its state (off, open, closed), votes per voter (fixed once
/// votes are cast: fewer would leave ballots over the limit) and whether tickets vote.
#[server(prefix = "/api", endpoint = "audience/settings")]
pub async fn save_audience_settings(
    event_id: i64,
    version: i64,
    state: String,
    votes_each: String,
    tickets: Option<String>,
) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let (state, votes_each) = domain::parse_settings(&state, &votes_each).map_err(AppError::Invalid)?;
    let tickets = i64::from(tickets.is_some());
    let mut tx = db.begin_write().await?;
    let before = db::settings_in(&mut tx, db, event_id, Hold::Alone).await?;
    // What is published must stay what the vote says: while the people's choice is out with
    // the results, the vote is not reopened nor its rules changed (withdraw them first).
    let changes_result = state != before.state() || votes_each != before.votes_each || tickets != before.tickets;
    if changes_result && db::published(&mut tx, event_id).await? {
        return Err(AppError::Conflict(Msg::ErrWithdrawResultsFirst));
    }
    // The row was just made when this is its first save: version 1, which the page showed as 0.
    if version != before.version && !(version == 0 && before.version == 1) {
        return Err(AppError::Conflict(Msg::ErrChangedMeanwhile));
    }
    if votes_each != before.votes_each {
        let cast: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audience_votes WHERE event_id = $1")
            .bind(event_id)
            .fetch_one(&mut *tx)
            .await?;
        if cast > 0 {
            return Err(AppError::Invalid(vec![FieldError::new("votes_each", Msg::ErrVotesAlreadyCast)]));
        }
    }
    sqlx::query(
        "UPDATE audience_settings SET state = $1, votes_each = $2, tickets = $3, version = version + 1, updated_at = $4 \
         WHERE event_id = $5",
    )
    .bind(state.code())
    .bind(votes_each)
    .bind(tickets)
    .bind(now())
    .bind(event_id)
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "audience.settings",
        Some(json!({ "state": before.state, "votes_each": before.votes_each, "tickets": before.tickets == 1 })),
        Some(json!({ "state": state.code(), "votes_each": votes_each, "tickets": tickets == 1 })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Audience);
    Ok(())
}

/// Makes a print run of tickets. The database keeps only their digests; the codes wait in the
/// organizer's own session, to be printed, until their next print run.
#[server(prefix = "/api", endpoint = "audience/tickets")]
pub async fn make_tickets(event_id: i64, count: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let count = domain::parse_ticket_count(&count).map_err(|e| AppError::Invalid(vec![e]))?;
    let codes: Vec<String> = (0..count).map(|_| crate::links::random(14)).collect();
    let hashes: Vec<String> = codes.iter().map(|c| crate::links::digest(c)).collect();
    let mut tx = db.begin_write().await?;
    // Held alone: two print runs at once never share numbers.
    db::settings_in(&mut tx, db, event_id, Hold::Alone).await?;
    let numbers = db::insert_tickets(&mut tx, event_id, &hashes, access.user.id).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "audience.tickets",
        None,
        Some(json!({ "count": count, "first": numbers.first(), "last": numbers.last() })),
    )
    .await?;
    tx.commit().await?;
    let run: Vec<(i64, i64, String)> = numbers.into_iter().zip(codes).map(|(n, c)| (event_id, n, c)).collect();
    session().await?.insert(SESSION_FRESH_TICKETS, run).await?;
    leptos_axum::redirect(&format!("/events/{event_id}/audience/print"));
    Ok(())
}

/// Voids tickets by number: their votes are deleted and they can no longer be used. For
/// tickets used in bulk, or lost before they were handed out.
#[server(prefix = "/api", endpoint = "audience/void")]
pub async fn void_tickets(event_id: i64, numbers: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let numbers = domain::parse_numbers(&numbers).map_err(|e| AppError::Invalid(vec![e]))?;
    let mut tx = db.begin_write().await?;
    // Held alone: a publication in progress (which holds the settings shared) finishes first,
    // and a published people's choice is not changed under the public's eyes.
    db::settings_in(&mut tx, db, event_id, Hold::Alone).await?;
    if db::published(&mut tx, event_id).await? {
        return Err(AppError::Conflict(Msg::ErrWithdrawResultsFirst));
    }
    let voided = db::void_tickets(&mut tx, event_id, &numbers).await?;
    if voided.is_empty() {
        return Err(AppError::Invalid(vec![FieldError::new("numbers", Msg::ErrNoSuchTickets)]));
    }
    audit(&mut tx, Some(event_id), Some(access.user.id), "audience.void", None, Some(json!({ "tickets": voided })))
        .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Audience);
    Ok(())
}
