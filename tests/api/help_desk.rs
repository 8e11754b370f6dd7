//! The help desk on the day: a team's place in the queue and the wait to expect, claims held
//! too long going back to the queue by themselves, organizers sending a mentor and seeing who
//! is free, and help-desk contacts and held sessions counting as mentorship for judging.

use crate::fixture::offer_slot;
use crate::helpers::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;

/// An event with two mentors and `teams` teams of one participant each (named "Team 1"…).
struct Desk {
    org: Client,
    event: i64,
    youssef: Client,
    nadia: Client,
    teams: Vec<Client>,
}

async fn desk(app: &TestApp, teams: usize) -> Desk {
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "Hackathon Safi").await;
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let youssef = app.join_with_invite(&mentor_code, "Youssef", "youssef@example.ma").await;
    let nadia = app.join_with_invite(&mentor_code, "Nadia", "nadia@example.ma").await;
    let code = app.invite(&org, event, "participant", "10").await;
    let mut members = Vec::new();
    for n in 1..=teams {
        let p = app.join_with_invite(&code, &format!("Participant {n}"), &format!("p{n}@example.ma")).await;
        let r = app.send(&p, &new_team(event, &format!("Team {n}"))).await;
        assert!(r.status.is_success(), "{}", r.body);
        members.push(p);
    }
    Desk { org, event, youssef, nadia, teams: members }
}

async fn raise(app: &TestApp, member: &Client, event: i64, topic: &str) -> i64 {
    let r = app
        .send(
            member,
            &RaiseHelp {
                event_id: event,
                topic: topic.into(),
                skill: String::new(),
                location: "Table 3".into(),
                description: String::new(),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    sqlx::query_scalar("SELECT MAX(id) FROM help_requests WHERE event_id = $1")
        .bind(event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

async fn page(app: &TestApp, who: &Client, event: i64) -> Value {
    let r = app.send(who, &HelpPage { event_id: event, all: false }).await;
    assert!(r.status.is_success(), "{}", r.body);
    r.json()
}

/// The caller's team's open request as its page shows it.
async fn own_request(app: &TestApp, member: &Client, event: i64) -> Value {
    let p = page(app, member, event).await;
    p["mine"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| matches!(h["status"].as_str(), Some("open" | "claimed")))
        .unwrap()
        .clone()
}

async fn exec(app: &TestApp, sql: &str, a: i64, b: i64) {
    sqlx::query(sql).bind(a).bind(b).execute(&app.state.db.pool).await.unwrap();
}

#[tokio::test]
async fn a_team_sees_its_place_in_the_queue_and_the_wait_to_expect() {
    let app = spawn_app().await;
    let d = desk(&app, 3).await;
    let ids = [
        raise(&app, &d.teams[0], d.event, "Base de données").await,
        raise(&app, &d.teams[1], d.event, "Déploiement").await,
        raise(&app, &d.teams[2], d.event, "Capteur").await,
    ];
    // Third in line; nobody has been helped yet, so no estimate.
    let third = own_request(&app, &d.teams[2], d.event).await;
    assert_eq!((third["position"].as_i64(), third["estimate_minutes"].as_i64()), (Some(3), None));

    // Youssef takes the first request and spends ten minutes on it.
    assert!(app.send(&d.youssef, &ClaimHelp { request_id: ids[0] }).await.status.is_success());
    let taken = own_request(&app, &d.teams[0], d.event).await;
    assert_eq!(taken["position"], Value::Null, "a request a mentor holds is no longer in line");
    assert_eq!(own_request(&app, &d.teams[2], d.event).await["position"], 2);
    assert!(app.send(&d.youssef, &ResolveHelp { request_id: ids[0] }).await.status.is_success());
    exec(&app, "UPDATE help_requests SET claimed_at = resolved_at - $1 WHERE id = $2", 600, ids[0]).await;

    // Two requests to go through at ten minutes each, one mentor helping: about 20 minutes.
    let third = own_request(&app, &d.teams[2], d.event).await;
    assert_eq!((third["position"].as_i64(), third["estimate_minutes"].as_i64()), (Some(2), Some(20)));
    // The mentors' queue shows each open request's place too.
    let queue = page(&app, &d.nadia, d.event).await;
    let places: Vec<(i64, i64)> = queue["queue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["id"].as_i64().unwrap(), h["position"].as_i64().unwrap()))
        .collect();
    assert_eq!(places, [(ids[1], 1), (ids[2], 2)]);

    // The request ahead is taken: the team is next, about ten minutes away.
    assert!(app.send(&d.nadia, &ClaimHelp { request_id: ids[1] }).await.status.is_success());
    let third = own_request(&app, &d.teams[2], d.event).await;
    assert_eq!((third["position"].as_i64(), third["estimate_minutes"].as_i64()), (Some(1), Some(10)));
    // Participants never see the queue itself, only their own requests.
    assert!(page(&app, &d.teams[2], d.event).await["queue"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_claim_held_too_long_goes_back_to_the_queue_and_its_mentor_is_told() {
    let app = spawn_app_with(|c| c.help_sweep = std::time::Duration::from_millis(200)).await;
    let d = desk(&app, 2).await;

    // The organizer sets the limit; a limit out of bounds is refused and changes nothing.
    for bad in ["4", "241", "vingt"] {
        let r = app.send(&d.org, &SaveHelpSettings { event_id: d.event, claim_minutes: bad.into() }).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {}", r.body);
        assert_eq!(
            r.field_errors().iter().map(|e| (e.field.as_str(), e.msg)).collect::<Vec<_>>(),
            [("claim_minutes", Msg::ErrClaimMinutes)]
        );
    }
    assert_eq!(page(&app, &d.org, d.event).await["claim_minutes"], 20);
    let r = app.send(&d.org, &SaveHelpSettings { event_id: d.event, claim_minutes: "15".into() }).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(page(&app, &d.youssef, d.event).await["claim_minutes"], 15);

    let stale = raise(&app, &d.teams[0], d.event, "Capteur").await;
    let fresh = raise(&app, &d.teams[1], d.event, "Wi-Fi").await;
    assert!(app.send(&d.youssef, &ClaimHelp { request_id: stale }).await.status.is_success());
    assert!(app.send(&d.nadia, &ClaimHelp { request_id: fresh }).await.status.is_success());
    // Youssef has held his for 16 minutes, Nadia hers for 14.
    let now = chrono::Utc::now().timestamp();
    exec(&app, "UPDATE help_requests SET claimed_at = $1 WHERE id = $2", now - 16 * 60, stale).await;
    exec(&app, "UPDATE help_requests SET claimed_at = $1 WHERE id = $2", now - 14 * 60, fresh).await;

    let server = &app;
    let status = |id: i64| {
        let sql = format!("SELECT CASE WHEN status = 'open' THEN 1 ELSE 0 END FROM help_requests WHERE id = {id}");
        async move { server.count(&sql).await }
    };
    let mut released = false;
    for _ in 0..50 {
        if status(stale).await == 1 {
            released = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(released, "the claim held past the limit went back to the queue");
    // Several sweeps later, the claim within the limit is still held.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(status(fresh).await, 0);

    // Youssef is told; the team sees its request waiting again, first in line.
    let mentor = page(&app, &d.youssef, d.event).await;
    let told: Vec<i64> = mentor["expired"].as_array().unwrap().iter().filter_map(|h| h["id"].as_i64()).collect();
    assert_eq!(told, [stale]);
    assert!(page(&app, &d.nadia, d.event).await["expired"].as_array().unwrap().is_empty());
    let team = own_request(&app, &d.teams[0], d.event).await;
    assert_eq!(
        (team["status"].as_str(), team["position"].as_i64(), &team["mentor"]),
        (Some("open"), Some(1), &Value::Null)
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'help.expired' AND actor_id IS NULL AND event_id = {}",
            d.event
        ))
        .await,
        1
    );
    let day = app.send(&d.youssef, &MyDay { event_id: d.event }).await.json();
    assert_eq!(day["expired"], serde_json::json!([["Capteur", "Team 1"]]));
    assert!(day["holding"].is_null());
    // He may take it again; the notice is gone once he holds it.
    assert!(app.send(&d.youssef, &ClaimHelp { request_id: stale }).await.status.is_success());
    assert!(page(&app, &d.youssef, d.event).await["expired"].as_array().unwrap().is_empty());

    // An archived event is only read: its stale claims stay as they are.
    exec(&app, "UPDATE events SET archived_at = $1 WHERE id = $2", now, d.event).await;
    exec(&app, "UPDATE help_requests SET claimed_at = $1 WHERE id = $2", now - 60 * 60, stale).await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(status(stale).await, 0, "an archived event's claim is left alone");
}

#[tokio::test]
async fn organizers_send_a_mentor_and_see_who_is_free() {
    let app = spawn_app().await;
    let d = desk(&app, 2).await;
    let first = raise(&app, &d.teams[0], d.event, "Base de données").await;
    let second = raise(&app, &d.teams[1], d.event, "Capteur").await;
    let youssef = app.user_id("youssef@example.ma").await;
    let nadia = app.user_id("nadia@example.ma").await;
    let participant = app.user_id("p1@example.ma").await;
    let hand = |request_id: i64, mentor: i64| HandHelp { request_id, mentor_id: mentor.to_string() };
    let server = &app;
    let holder = |id: i64| {
        let sql =
            format!("SELECT COALESCE(MAX(claimed_by), 0) FROM help_requests WHERE status = 'claimed' AND id = {id}");
        async move { server.count(&sql).await }
    };

    // Before anyone helps: both mentors free, neither has resolved a request yet.
    let loads = page(&app, &d.org, d.event).await["mentors"].clone();
    assert_eq!(loads.as_array().unwrap().len(), 2);
    assert!(loads.as_array().unwrap().iter().all(|m| m["holding"].is_null() && m["idle_minutes"].is_null()));

    assert!(app.send(&d.org, &hand(first, youssef)).await.status.is_success());
    assert_eq!(holder(first).await, youssef);
    // Youssef helps one team at a time, whoever asks.
    let r = app.send(&d.org, &hand(second, youssef)).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrMentorBusy)));
    assert_eq!(holder(second).await, 0);
    // Only a mentor of the event can be sent.
    let r = app.send(&d.org, &hand(second, participant)).await;
    assert_eq!(r.invalid_fields(), ["mentor_id"]);
    assert_eq!(r.first_invalid(), Some(Msg::ErrNotAMentor));
    let r = app.send(&d.org, &HandHelp { request_id: second, mentor_id: "quelqu'un".into() }).await;
    assert_eq!(r.invalid_fields(), ["mentor_id"]);

    // Sent elsewhere: Nadia takes over the first request, Youssef is free again.
    assert!(app.send(&d.org, &hand(first, nadia)).await.status.is_success());
    assert_eq!(holder(first).await, nadia);
    let loads = page(&app, &d.org, d.event).await["mentors"].clone();
    let by_name = |name: &str| loads.as_array().unwrap().iter().find(|m| m["name"] == name).unwrap().clone();
    assert_eq!(by_name("Nadia")["holding"], "Base de données · Team 1");
    assert!(by_name("Youssef")["holding"].is_null());
    // Free mentors are listed first.
    assert_eq!(loads[0]["name"], "Youssef");
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM audit_log WHERE action = 'help.handed' AND event_id = {}", d.event))
            .await,
        2
    );

    // A resolved request cannot be sent anyone.
    assert!(app.send(&d.nadia, &ResolveHelp { request_id: first }).await.status.is_success());
    let r = app.send(&d.org, &hand(first, youssef)).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrRequestClosed)));
    let loads = page(&app, &d.org, d.event).await["mentors"].clone();
    let nadia_load = loads.as_array().unwrap().iter().find(|m| m["name"] == "Nadia").unwrap().clone();
    assert_eq!((nadia_load["resolved_last_hour"].as_i64(), nadia_load["idle_minutes"].as_i64()), (Some(1), Some(0)));
    // Mentors and teams do not send mentors.
    for who in [&d.youssef, &d.teams[1]] {
        assert_eq!(app.send(who, &hand(second, nadia)).await.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn help_desk_contacts_and_held_sessions_keep_a_mentor_from_judging_the_team() {
    let app = spawn_app().await;
    let d = desk(&app, 3).await;
    // Youssef also judges: the organizer allowed it on the judge invite.
    let invite = CreateInvite {
        event_id: d.event,
        role: "judge".into(),
        label: "Jury".into(),
        max_uses: "1".into(),
        valid_days: "7".into(),
        allow_clash: Some("on".into()),
    };
    assert!(app.send(&d.org, &invite).await.status.is_success());
    let judge_code: String =
        sqlx::query_scalar("SELECT code FROM invites WHERE event_id = $1 AND role = 'judge' ORDER BY id DESC LIMIT 1")
            .bind(d.event)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let r = app.send(&d.youssef, &AcceptInvite { code: judge_code }).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let youssef = app.user_id("youssef@example.ma").await;

    // Team 1: he resolves its request. Team 2: he holds a session with it. Team 3: he takes
    // its request and hands it back without helping.
    let helped = raise(&app, &d.teams[0], d.event, "Base de données").await;
    assert!(app.send(&d.youssef, &ClaimHelp { request_id: helped }).await.status.is_success());
    assert!(app.send(&d.youssef, &ResolveHelp { request_id: helped }).await.status.is_success());
    let slot = offer_slot(&app, &d.youssef, d.event).await;
    assert!(app.send(&d.teams[1], &BookSlot { slot_id: slot }).await.status.is_success());
    let notes = SessionNotes { slot_id: slot, notes: "Architecture revue".into(), attended: "yes".into() };
    assert!(app.send(&d.youssef, &notes).await.status.is_success());
    let released = raise(&app, &d.teams[2], d.event, "Capteur").await;
    assert!(app.send(&d.youssef, &ClaimHelp { request_id: released }).await.status.is_success());
    assert!(app.send(&d.youssef, &ReleaseHelp { request_id: released }).await.status.is_success());
    // A team that solved its request itself made no mentor of anyone.
    let own = raise(&app, &d.teams[2], d.event, "Wi-Fi").await;
    assert!(app.send(&d.teams[2], &CancelHelp { request_id: released }).await.status.is_success());
    assert!(app.send(&d.teams[2], &ResolveHelp { request_id: own }).await.status.is_success());

    let log: Vec<(String, String)> = sqlx::query_as(
        "SELECT t.name, l.source FROM mentorship_log l JOIN teams t ON t.id = l.team_id WHERE l.mentor_id = $1 ORDER BY t.name",
    )
    .bind(youssef)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    let log: Vec<(&str, &str)> = log.iter().map(|(t, s)| (t.as_str(), s.as_str())).collect();
    assert_eq!(log, [("Team 1", "help"), ("Team 2", "session")]);
    assert_eq!(app.count("SELECT COUNT(*) FROM mentorship_log").await, 2, "nobody else mentored anyone");

    // The judging console says why he does not judge those teams.
    let console = app.send(&d.org, &JudgingConsole { event_id: d.event }).await;
    assert!(console.status.is_success(), "{}", console.body);
    let judges = console.json()["judges"].clone();
    let him = judges.as_array().unwrap().iter().find(|j| j["user_id"] == youssef).unwrap().clone();
    assert_eq!(him["mentored"], serde_json::json!([["Team 1", "Help"], ["Team 2", "Session"]]));
    let html = app.get(&d.org, &format!("/events/{}/judging", d.event)).await.body;
    assert!(html.contains("Team 1 (helped at the help desk), Team 2 (held a session)"), "console lists the reasons");
    // And the conflicts judging assignment reads include them.
    let conflicts = hakam::judging::db::conflicts(&app.state.db, d.event).await.unwrap();
    let teams: Vec<i64> = sqlx::query_scalar("SELECT id FROM teams WHERE event_id = $1 ORDER BY name")
        .bind(d.event)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert!(conflicts.contains(&(youssef, teams[0])) && conflicts.contains(&(youssef, teams[1])));
    assert!(!conflicts.contains(&(youssef, teams[2])));
}

#[tokio::test]
async fn a_mentor_sees_their_day() {
    let app = spawn_app().await;
    let d = desk(&app, 3).await;
    let youssef = app.user_id("youssef@example.ma").await;
    let team_id = |name: &'static str| {
        let server = &app;
        async move { server.count(&format!("SELECT id FROM teams WHERE name = '{name}'")).await }
    };
    let assign = AssignMentor { event_id: d.event, team_id: team_id("Team 1").await, mentor_id: youssef.to_string() };
    assert!(app.send(&d.org, &assign).await.status.is_success());
    let slot = offer_slot(&app, &d.youssef, d.event).await;
    offer_slot(&app, &d.youssef, d.event).await;
    assert!(app.send(&d.teams[1], &BookSlot { slot_id: slot }).await.status.is_success());
    let request = raise(&app, &d.teams[1], d.event, "Wi-Fi").await;
    raise(&app, &d.teams[2], d.event, "Capteur").await;
    assert!(app.send(&d.youssef, &ClaimHelp { request_id: request }).await.status.is_success());
    let five_ago = chrono::Utc::now().timestamp() - 5 * 60 - 10;
    exec(&app, "UPDATE help_requests SET claimed_at = $1 WHERE id = $2", five_ago, request).await;

    let day = app.send(&d.youssef, &MyDay { event_id: d.event }).await;
    assert!(day.status.is_success(), "{}", day.body);
    let day = day.json();
    let held = &day["holding"];
    assert_eq!((held["topic"].as_str(), held["team"].as_str()), (Some("Wi-Fi"), Some("Team 2")));
    assert_eq!((held["held_minutes"].as_i64(), held["left_minutes"].as_i64()), (Some(5), Some(15)));
    assert_eq!(day["waiting"], 1);
    let sessions = day["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    let booked: Vec<&str> = sessions.iter().filter_map(|s| s["team"].as_str()).collect();
    assert_eq!(booked, ["Team 2"]);
    assert!(sessions.iter().all(|s| s["past"] == false));
    assert_eq!(
        day["teams"],
        serde_json::json!([{ "name": "Team 1", "table": "", "assigned": true, "source": "Assigned" }])
    );

    // Resolving Team 2's request makes it one of his teams, by the help desk.
    assert!(app.send(&d.youssef, &ResolveHelp { request_id: request }).await.status.is_success());
    let day = app.send(&d.youssef, &MyDay { event_id: d.event }).await.json();
    assert!(day["holding"].is_null());
    let teams: Vec<(&str, &str)> = day["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap(), t["source"].as_str().unwrap()))
        .collect();
    assert_eq!(teams, [("Team 1", "Assigned"), ("Team 2", "Help")]);
    // Another mentor's day holds none of it.
    let other = app.send(&d.nadia, &MyDay { event_id: d.event }).await.json();
    assert!(other["sessions"].as_array().unwrap().is_empty() && other["teams"].as_array().unwrap().is_empty());
    // The page itself renders for him.
    let html = app.get(&d.youssef, &format!("/events/{}/my-day", d.event)).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.body.contains("Team 2") && html.body.contains("Teams waiting for help: 1"), "{}", html.body);
    // Teams and organizers have no mentor's day.
    for who in [&d.teams[0], &d.org] {
        assert_eq!(app.send(who, &MyDay { event_id: d.event }).await.status, StatusCode::FORBIDDEN);
    }
}
