//! People's choice against the real server and database: one ballot per account or ticket,
//! never for one's own team, changes until the vote closes, tickets used once by one browser,
//! votes sent at once, tickets used in bulk and voided, and the result published and revealed
//! with the board's results.

use crate::board::score_all;
use crate::helpers::*;
use crate::judging::{assign, jury, Jury};
use hakam::i18n::Msg;
use reqwest::{Client, StatusCode};

async fn settings(app: &TestApp, jury: &Jury, state: &str, votes_each: &str, tickets: bool) -> Reply {
    let version: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM audience_settings WHERE event_id = $1")
            .bind(jury.event)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let form = SaveAudienceSettings {
        event_id: jury.event,
        version,
        state: state.into(),
        votes_each: votes_each.into(),
        tickets: tickets.then(|| "on".into()),
    };
    app.send(&jury.organizer, &form).await
}

async fn open(app: &TestApp, jury: &Jury, votes_each: &str, tickets: bool) {
    let r = settings(app, jury, "open", votes_each, tickets).await;
    assert!(r.status.is_success(), "settings: {} {}", r.status, r.body);
}

/// A participant signed in with their own login; in the team of project `team_of` if given.
async fn participant(app: &TestApp, jury: &Jury, email: &str, team_of: Option<usize>) -> (Client, i64) {
    let code = app.invite(&jury.organizer, jury.event, "participant", "1").await;
    let client = app.join_with_invite(&code, "Votante", email).await;
    let id = app.user_id(email).await;
    if let Some(i) = team_of {
        sqlx::query("INSERT INTO team_members (team_id, event_id, user_id, joined_at) VALUES ($1, $2, $3, 0)")
            .bind(jury.projects[i].1)
            .bind(jury.event)
            .bind(id)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
    (client, id)
}

async fn vote(app: &TestApp, who: &Client, event: i64, project: i64, tap: &str) -> Reply {
    app.send(who, &CastVote { event_id: event, project_id: project, tap: tap.into() }).await
}

async fn ballot_of(app: &TestApp, voter: &str) -> Vec<i64> {
    sqlx::query_scalar("SELECT project_id FROM audience_votes WHERE voter = $1 ORDER BY slot")
        .bind(voter)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

async fn all_votes(app: &TestApp, event: i64) -> Vec<(String, i64)> {
    sqlx::query_as("SELECT voter, project_id FROM audience_votes WHERE event_id = $1 ORDER BY voter, slot")
        .bind(event)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

/// Makes `count` tickets as the organizer does and reads their codes from the print page,
/// where the print run is shown.
async fn tickets(app: &TestApp, jury: &Jury, count: usize) -> Vec<String> {
    let r = app.send(&jury.organizer, &MakeTickets { event_id: jury.event, count: count.to_string() }).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "tickets: {} {}", r.status, r.body);
    let run = app.send(&jury.organizer, &PrintTickets { event_id: jury.event }).await;
    assert!(run.status.is_success(), "{}", run.body);
    let fresh = run.json()["tickets"].as_array().cloned().unwrap_or_default();
    assert_eq!(fresh.len(), count, "the print run is shown: {}", run.body);
    fresh
        .iter()
        .map(|t| t["url"].as_str().unwrap_or_default().rsplit('/').next().unwrap_or_default().to_owned())
        .collect()
}

async fn use_ticket(app: &TestApp, who: &Client, code: &str) -> Reply {
    app.send(who, &UseTicket { code: code.into() }).await
}

async fn ranking(app: &TestApp, who: &Client, event: i64) -> String {
    let r = app.send(who, &PublicRanking { event_id: event }).await;
    assert!(r.status.is_success(), "{}", r.body);
    r.json()["html"].as_str().unwrap_or_default().to_owned()
}

fn refused_with(r: &Reply, status: StatusCode, msg: Msg) {
    assert_eq!(r.status, status, "{}", r.body);
    let shown = r.error().map(|e| format!("{e:?}")).unwrap_or_default();
    assert!(shown.contains(&format!("{msg:?}")), "expected {msg:?}, got {shown} ({})", r.body);
}

#[tokio::test]
async fn a_participant_has_one_ballot_never_for_their_own_team_and_changes_it_until_the_vote_closes() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 1, "1").await;
    let (p0, p1, p2) = (jury.projects[0].0, jury.projects[1].0, jury.projects[2].0);
    let (member, id) = participant(&app, &jury, "votante@example.ma", Some(0)).await;
    let voter = format!("u{id}");

    // Before the vote opens: the ballot shows, votes are refused.
    let b = app.send(&member, &Ballot { event_id: jury.event }).await;
    assert!(b.status.is_success(), "{}", b.body);
    assert_eq!(b.json()["state"], "off");
    refused_with(&vote(&app, &member, jury.event, p1, "choose").await, StatusCode::CONFLICT, Msg::ErrVoteNotOpen);

    open(&app, &jury, "1", false).await;
    let b = app.send(&member, &Ballot { event_id: jury.event }).await.json();
    let own: Vec<bool> = b["projects"].as_array().unwrap().iter().map(|p| p["own"] == true).collect();
    assert_eq!(own, vec![true, false, false], "the participant's own team's project is marked");

    // Never for their own team, whatever the form says.
    refused_with(&vote(&app, &member, jury.event, p0, "choose").await, StatusCode::CONFLICT, Msg::ErrVoteOwnTeam);
    assert!(ballot_of(&app, &voter).await.is_empty());

    // One vote; the same vote twice is still one; another project moves it.
    assert!(vote(&app, &member, jury.event, p1, "choose").await.status.is_success());
    assert!(vote(&app, &member, jury.event, p1, "choose").await.status.is_success());
    assert_eq!(ballot_of(&app, &voter).await, vec![p1]);
    assert!(vote(&app, &member, jury.event, p2, "choose").await.status.is_success());
    assert_eq!(ballot_of(&app, &voter).await, vec![p2], "the vote moved");

    // A second session of the same account is the same ballot.
    let again = user_agent();
    app.login(&again, "votante@example.ma", PASSWORD).await;
    assert!(vote(&app, &again, jury.event, p1, "choose").await.status.is_success());
    assert_eq!(ballot_of(&app, &voter).await, vec![p1], "one ballot per account");

    // The number of votes each is fixed once votes are cast.
    let r = settings(&app, &jury, "open", "3", false).await;
    assert_eq!(r.first_invalid(), Some(Msg::ErrVotesAlreadyCast), "{}", r.body);

    // Closed: nothing changes any more.
    assert!(settings(&app, &jury, "closed", "1", false).await.status.is_success());
    refused_with(&vote(&app, &member, jury.event, p2, "choose").await, StatusCode::CONFLICT, Msg::ErrVoteNotOpen);
    refused_with(&vote(&app, &member, jury.event, p1, "withdraw").await, StatusCode::CONFLICT, Msg::ErrVoteNotOpen);
    assert_eq!(ballot_of(&app, &voter).await, vec![p1]);

    // A project of another event is no candidate here.
    let other = app.create_event(&jury.organizer, "Autre").await;
    let foreign = crate::judging::seed_projects(&app.state.db.pool, other, 1, None).await[0].0;
    assert!(settings(&app, &jury, "open", "1", false).await.status.is_success());
    assert_eq!(vote(&app, &member, jury.event, foreign, "choose").await.status, StatusCode::NOT_FOUND);
    assert_eq!(ballot_of(&app, &voter).await, vec![p1]);

    // Mentors, judges and people of no role have no ballot.
    let judge = &jury.judges[0].1;
    assert_eq!(app.send(judge, &Ballot { event_id: jury.event }).await.status, StatusCode::FORBIDDEN);
    assert_eq!(vote(&app, judge, jury.event, p1, "choose").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.send(&user_agent(), &Ballot { event_id: jury.event }).await.status, StatusCode::UNAUTHORIZED);
    // And the tally is the organizers' alone.
    assert_eq!(app.send(&member, &AudienceConsole { event_id: jury.event }).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_ticket_is_used_once_by_one_browser_and_votes_like_a_participant() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    let (p0, p1) = (jury.projects[0].0, jury.projects[1].0);
    let codes = tickets(&app, &jury, 3).await;

    // Tickets are refused until the organizer accepts them and opens the vote.
    let visitor = user_agent();
    refused_with(&use_ticket(&app, &visitor, &codes[0]).await, StatusCode::CONFLICT, Msg::ErrTicketsNotAccepted);
    open(&app, &jury, "1", true).await;

    let r = use_ticket(&app, &visitor, &codes[0]).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    let b = app.send(&visitor, &Ballot { event_id: jury.event }).await;
    assert!(b.status.is_success(), "{}", b.body);
    assert_eq!(b.json()["ticket"], 1);
    assert!(vote(&app, &visitor, jury.event, p0, "choose").await.status.is_success());
    let ticket_id: i64 = sqlx::query_scalar("SELECT id FROM audience_tickets WHERE number = 1 AND event_id = $1")
        .bind(jury.event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(ballot_of(&app, &format!("t{ticket_id}")).await, vec![p0]);

    // The same browser may open it again; another browser may not use it.
    let r = use_ticket(&app, &visitor, &codes[0]).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let thief = user_agent();
    refused_with(&use_ticket(&app, &thief, &codes[0]).await, StatusCode::CONFLICT, Msg::ErrTicketUsed);
    assert_eq!(vote(&app, &thief, jury.event, p1, "choose").await.status, StatusCode::UNAUTHORIZED);
    // Two browsers racing for one ticket: exactly one gets it.
    let (a, b) = (user_agent(), user_agent());
    let replies = join_all([&a, &b].into_iter().map(|c| use_ticket(&app, c, &codes[1]))).await;
    let won = replies.iter().filter(|r| r.status.is_success() || r.status.is_redirection()).count();
    assert_eq!(won, 1, "{:?}", replies.iter().map(|r| r.status).collect::<Vec<_>>());

    // A made-up code opens nothing; a participant votes with their login, not a ticket.
    refused_with(&use_ticket(&app, &user_agent(), "not-a-ticket").await, StatusCode::CONFLICT, Msg::ErrTicketUnknown);
    let (member, _) = participant(&app, &jury, "membre@example.ma", Some(0)).await;
    refused_with(&use_ticket(&app, &member, &codes[2]).await, StatusCode::CONFLICT, Msg::ErrParticipantsVoteThemselves);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audience_tickets WHERE number = 3 AND redeemed_at IS NOT NULL").await,
        0,
        "the refused ticket is still unused"
    );

    // Voided: its vote is gone, and it votes no more.
    let r = app.send(&jury.organizer, &VoidTickets { event_id: jury.event, numbers: "#1".into() }).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert!(ballot_of(&app, &format!("t{ticket_id}")).await.is_empty());
    refused_with(&vote(&app, &visitor, jury.event, p1, "choose").await, StatusCode::CONFLICT, Msg::ErrTicketVoided);
    let r = app.send(&jury.organizer, &VoidTickets { event_id: jury.event, numbers: "1, 99".into() }).await;
    assert_eq!(r.first_invalid(), Some(Msg::ErrNoSuchTickets), "{}", r.body);
}

#[tokio::test]
async fn votes_sent_at_once_never_overfill_a_ballot() {
    let app = spawn_app().await;
    let jury = jury(&app, 6, 1, "1").await;
    let (member, id) = participant(&app, &jury, "presse@example.ma", None).await;
    let voter = format!("u{id}");
    let projects: Vec<i64> = jury.projects.iter().map(|p| p.0).collect();

    // One vote each: six taps at once on six projects leave one vote.
    open(&app, &jury, "1", true).await;
    let replies = join_all(projects.iter().map(|p| vote(&app, &member, jury.event, *p, "choose"))).await;
    for r in &replies {
        assert!(r.status.is_success() || r.status == StatusCode::CONFLICT, "{} {}", r.status, r.body);
    }
    assert_eq!(ballot_of(&app, &voter).await.len(), 1);

    // Two each (a fresh vote): six taps at once leave two votes on two projects.
    sqlx::query("DELETE FROM audience_votes").execute(&app.state.db.pool).await.unwrap();
    assert!(settings(&app, &jury, "open", "2", true).await.status.is_success());
    let replies = join_all(projects.iter().map(|p| vote(&app, &member, jury.event, *p, "choose"))).await;
    let landed = replies.iter().filter(|r| r.status.is_success()).count();
    let ballot = ballot_of(&app, &voter).await;
    assert_eq!(ballot.len(), 2, "{ballot:?}");
    assert_eq!(landed, 2, "the others were refused, not silently dropped");
    for r in replies.iter().filter(|r| !r.status.is_success()) {
        let e = format!("{:?}", r.error());
        assert!(e.contains("ErrNoVotesLeft") || e.contains("ErrVoteCrossed"), "{e}");
    }
    // A third choice is refused with the reason; taking one back frees it.
    let third = projects.iter().find(|p| !ballot.contains(p)).copied().unwrap_or_default();
    refused_with(&vote(&app, &member, jury.event, third, "choose").await, StatusCode::CONFLICT, Msg::ErrNoVotesLeft);
    assert!(vote(&app, &member, jury.event, ballot[0], "withdraw").await.status.is_success());
    assert!(vote(&app, &member, jury.event, third, "choose").await.status.is_success());
    let mut now = ballot_of(&app, &voter).await;
    now.sort();
    let mut expected = vec![ballot[1], third];
    expected.sort();
    assert_eq!(now, expected);

    // A ticket with two votes, tapping six projects at once (two tabs of one browser): two
    // votes, the others refused with their reason.
    sqlx::query("DELETE FROM audience_votes").execute(&app.state.db.pool).await.unwrap();
    assert!(settings(&app, &jury, "open", "2", true).await.status.is_success());
    let codes = tickets(&app, &jury, 1).await;
    let visitor = user_agent();
    let r = use_ticket(&app, &visitor, &codes[0]).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let replies = join_all(projects.iter().map(|p| vote(&app, &visitor, jury.event, *p, "choose"))).await;
    assert_eq!(replies.iter().filter(|r| r.status.is_success()).count(), 2);
    for r in replies.iter().filter(|r| !r.status.is_success()) {
        assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrNoVotesLeft)), "{}", r.body);
    }
    let votes = all_votes(&app, jury.event).await;
    assert_eq!(votes.len(), 2, "{votes:?}");

    // Voided while votes are on their way: whichever lands first, no vote of the ticket is
    // left after the void.
    for (_, project) in &votes {
        assert!(vote(&app, &visitor, jury.event, *project, "withdraw").await.status.is_success());
    }
    let void_form = VoidTickets { event_id: jury.event, numbers: "1".into() };
    let void = app.send(&jury.organizer, &void_form);
    let taps = join_all(projects[..2].iter().map(|p| vote(&app, &visitor, jury.event, *p, "choose")));
    let (void, taps) = tokio::join!(void, taps);
    assert!(void.status.is_success(), "{}", void.body);
    for r in &taps {
        assert!(
            r.status.is_success() || r.error() == Some(AppError::Conflict(Msg::ErrTicketVoided)),
            "{} {}",
            r.status,
            r.body
        );
    }
    let late = vote(&app, &visitor, jury.event, projects[3], "choose").await;
    assert_eq!(late.error(), Some(AppError::Conflict(Msg::ErrTicketVoided)), "after the void");
    assert!(all_votes(&app, jury.event).await.is_empty(), "the voided ticket's votes are gone");
}

#[tokio::test]
async fn tickets_used_in_bulk_are_shown_to_the_organizer_who_can_void_them() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    open(&app, &jury, "1", true).await;
    let codes = tickets(&app, &jury, 4).await;
    // One browser uses three tickets, voting with each; another browser uses one.
    let stuffer = user_agent();
    for code in &codes[..3] {
        let r = use_ticket(&app, &stuffer, code).await;
        assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
        assert!(vote(&app, &stuffer, jury.event, jury.projects[1].0, "choose").await.status.is_success());
    }
    let honest = user_agent();
    use_ticket(&app, &honest, &codes[3]).await;
    assert!(vote(&app, &honest, jury.event, jury.projects[0].0, "choose").await.status.is_success());
    assert_eq!(all_votes(&app, jury.event).await.len(), 4);

    let console = app.send(&jury.organizer, &AudienceConsole { event_id: jury.event }).await.json();
    let bulk = console["bulk"].as_array().cloned().unwrap_or_default();
    let browser: Vec<&serde_json::Value> = bulk.iter().filter(|b| b["one_browser"] == true).collect();
    assert_eq!(browser.len(), 1, "{bulk:?}");
    assert_eq!(browser[0]["tickets"], serde_json::json!([1, 2, 3]));
    assert_eq!(console["tally"][0]["votes"], 3);

    // Voided, their votes leave the tally; the honest ticket's stays.
    let r = app.send(&jury.organizer, &VoidTickets { event_id: jury.event, numbers: "1, 2, 3".into() }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let console = app.send(&jury.organizer, &AudienceConsole { event_id: jury.event }).await.json();
    assert_eq!(console["votes"], 1);
    assert_eq!(console["tally"][0]["project_id"], jury.projects[0].0);
    assert!(console["bulk"].as_array().is_some_and(|b| b.is_empty()), "{console}");
    assert!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'audience.void'").await == 1);
}

#[tokio::test]
async fn the_peoples_choice_is_published_with_the_results_and_revealed_last() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 2, "2").await;
    assign(&app, &jury, "7").await;
    score_all(&app, &jury).await;
    open(&app, &jury, "1", false).await;
    let (a, _) = participant(&app, &jury, "a@example.ma", None).await;
    let (b, _) = participant(&app, &jury, "b@example.ma", None).await;
    let favourite = jury.projects[2].0;
    for who in [&a, &b] {
        assert!(vote(&app, who, jury.event, favourite, "choose").await.status.is_success());
    }
    let anonymous = user_agent();
    let publish = PublishResults { event_id: jury.event, action: "publish".into(), reveal_mode: "ranking".into() };

    // While the vote is open, publishing would leave it out: refused, nothing published.
    refused_with(&app.send(&jury.organizer, &publish).await, StatusCode::CONFLICT, Msg::ErrCloseVoteFirst);
    assert_eq!(app.count("SELECT COUNT(*) FROM boards WHERE published IS NOT NULL").await, 0);
    assert_eq!(app.send(&anonymous, &AudienceConsole { event_id: jury.event }).await.status, StatusCode::UNAUTHORIZED);

    assert!(settings(&app, &jury, "closed", "1", false).await.status.is_success());
    assert!(app.send(&jury.organizer, &publish).await.status.is_success());
    // Three jury places, then the people's choice: veiled until the last step.
    let controls = app.send(&jury.organizer, &BoardConsole { event_id: jury.event }).await.json();
    assert_eq!(controls["steps"], 4, "{controls}");
    for from in 0..3 {
        let r = app.send(&jury.organizer, &StepReveal { event_id: jury.event, direction: "next".into(), from }).await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let fav_key = format!("data-key=\"f{favourite}\"");
    let html = ranking(&app, &anonymous, jury.event).await;
    assert!(html.contains("data-key=\"fav\"") && !html.contains(&fav_key), "veiled: {html}");
    let r = app.send(&jury.organizer, &StepReveal { event_id: jury.event, direction: "next".into(), from: 3 }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let html = ranking(&app, &anonymous, jury.event).await;
    assert!(html.contains(&fav_key) && !html.contains("data-key=\"fav\""), "revealed: {html}");

    // Withdrawing the results withdraws the people's choice with them.
    let withdraw = PublishResults { event_id: jury.event, action: "withdraw".into(), reveal_mode: String::new() };
    assert!(app.send(&jury.organizer, &withdraw).await.status.is_success());
    assert_eq!(app.count("SELECT COUNT(*) FROM boards WHERE favourites IS NOT NULL").await, 0);
}

#[tokio::test]
async fn a_published_peoples_choice_stays_what_the_vote_says() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    assign(&app, &jury, "7").await;
    score_all(&app, &jury).await;
    open(&app, &jury, "1", true).await;
    let codes = tickets(&app, &jury, 2).await;
    let visitor = user_agent();
    use_ticket(&app, &visitor, &codes[0]).await;
    assert!(vote(&app, &visitor, jury.event, jury.projects[0].0, "choose").await.status.is_success());
    assert!(settings(&app, &jury, "closed", "1", true).await.status.is_success());
    let publish = PublishResults { event_id: jury.event, action: "publish".into(), reveal_mode: "all".into() };
    assert!(app.send(&jury.organizer, &publish).await.status.is_success());

    // Neither reopening the vote nor voiding its tickets, while it is out.
    refused_with(&settings(&app, &jury, "open", "1", true).await, StatusCode::CONFLICT, Msg::ErrWithdrawResultsFirst);
    let void = app.send(&jury.organizer, &VoidTickets { event_id: jury.event, numbers: "1".into() }).await;
    refused_with(&void, StatusCode::CONFLICT, Msg::ErrWithdrawResultsFirst);
    assert_eq!(all_votes(&app, jury.event).await.len(), 1);
    // Withdrawn, the vote can change again.
    let withdraw = PublishResults { event_id: jury.event, action: "withdraw".into(), reveal_mode: String::new() };
    assert!(app.send(&jury.organizer, &withdraw).await.status.is_success());
    let void = app.send(&jury.organizer, &VoidTickets { event_id: jury.event, numbers: "1".into() }).await;
    assert!(void.status.is_success(), "{}", void.body);
}

#[tokio::test]
async fn votes_for_withdrawn_projects_and_for_ones_own_team_count_for_nothing() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 1, "1").await;
    let (p0, p1) = (jury.projects[0].0, jury.projects[1].0);
    open(&app, &jury, "2", false).await;
    let (member, id) = participant(&app, &jury, "change@example.ma", None).await;
    assert!(vote(&app, &member, jury.event, p0, "choose").await.status.is_success());
    assert!(vote(&app, &member, jury.event, p1, "choose").await.status.is_success());

    // Project 0 goes back to draft: its vote no longer counts nor holds a slot.
    sqlx::query("UPDATE projects SET status = 'draft' WHERE id = $1")
        .bind(p0)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let b = app.send(&member, &Ballot { event_id: jury.event }).await.json();
    assert_eq!(b["used"], 1, "{b}");
    assert!(vote(&app, &member, jury.event, jury.projects[2].0, "choose").await.status.is_success());
    let mut mine = ballot_of(&app, &format!("u{id}")).await;
    mine.sort();
    assert_eq!(mine, vec![p1, jury.projects[2].0]);

    // The voter joins project 1's team: their vote for it stops counting.
    let console = AudienceConsole { event_id: jury.event };
    assert_eq!(app.send(&jury.organizer, &console).await.json()["votes"], 2);
    sqlx::query("INSERT INTO team_members (team_id, event_id, user_id, joined_at) VALUES ($1, $2, $3, 0)")
        .bind(jury.projects[1].1)
        .bind(jury.event)
        .bind(id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(app.send(&jury.organizer, &console).await.json()["votes"], 1);
}

#[tokio::test]
async fn a_vote_checks_in_its_own_transaction_that_the_voter_may_still_vote() {
    use hakam::audience::db::{hold_voter, Voter};
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    open(&app, &jury, "1", true).await;
    let codes = tickets(&app, &jury, 1).await;
    use_ticket(&app, &user_agent(), &codes[0]).await;
    let ticket: i64 = app.count("SELECT id FROM audience_tickets WHERE number = 1").await;
    let (_, member) = participant(&app, &jury, "retenu@example.ma", None).await;
    let db = &app.state.db;
    let held = |voter| async move {
        let mut tx = db.begin_write().await.unwrap();
        let r = hold_voter(&mut tx, db, jury.event, voter).await;
        tx.rollback().await.unwrap();
        r.err()
    };
    assert_eq!(held(Voter::Ticket(ticket)).await, None);
    assert_eq!(held(Voter::Account(member)).await, None);
    // What the checks before the transaction saw may have changed by the time it runs.
    sqlx::query("UPDATE audience_tickets SET voided_at = 1 WHERE id = $1")
        .bind(ticket)
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(held(Voter::Ticket(ticket)).await, Some(AppError::Conflict(Msg::ErrTicketVoided)));
    sqlx::query("DELETE FROM event_roles WHERE user_id = $1 AND event_id = $2")
        .bind(member)
        .bind(jury.event)
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(held(Voter::Account(member)).await, Some(AppError::Forbidden));
    // A ticket of another event is no ticket here.
    let other = app.create_event(&jury.organizer, "Autre").await;
    let mut tx = db.begin_write().await.unwrap();
    let r = hold_voter(&mut tx, db, other, Voter::Ticket(ticket)).await;
    tx.rollback().await.unwrap();
    assert_eq!(r.err(), Some(AppError::Conflict(Msg::ErrTicketVoided)));
}

#[tokio::test]
async fn refused_ticket_uses_stop_an_address_and_valid_ones_do_not() {
    let app = spawn_app_with(|c| c.joins_per_minute = 3).await;
    let jury = jury(&app, 2, 1, "1").await;
    open(&app, &jury, "1", true).await;
    let codes = tickets(&app, &jury, 5).await;
    // Four visitors behind one address (every test client is 127.0.0.1), more than the
    // limit: valid tickets count against each browser, not the address.
    for code in &codes[..4] {
        let r = use_ticket(&app, &user_agent(), code).await;
        assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    }
    // Made-up codes are refused, and count against the address until it is stopped, for
    // every code, valid ones too.
    let guesser = user_agent();
    let mut statuses = Vec::new();
    for n in 0..4 {
        statuses.push(use_ticket(&app, &guesser, &format!("guess{n}")).await.status);
    }
    assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
    assert!(statuses.contains(&StatusCode::CONFLICT), "{statuses:?}");
    let r = use_ticket(&app, &user_agent(), &codes[4]).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM audience_tickets WHERE redeemed_at IS NOT NULL").await, 4);
}
