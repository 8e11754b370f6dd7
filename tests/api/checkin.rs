//! Check-in at the venue: the venue's code, an organizer's ticks, who is here, the export, and
//! judging assignment limited to the teams present.

use crate::helpers::*;
use crate::judging::{jury, seed_projects};
use reqwest::StatusCode;
use serde_json::Value;

/// A team on the list as the test reads it: (name, present, members as (name, present, ticked)).
type Group = (String, bool, Vec<(String, bool, bool)>);

async fn board(app: &TestApp, org: &reqwest::Client, event: i64) -> Value {
    let r = app.send(org, &CheckinConsole { event_id: event }).await;
    assert!(r.status.is_success(), "{}", r.body);
    r.json()
}

async fn code(app: &TestApp, event: i64) -> String {
    sqlx::query_scalar("SELECT checkin_code FROM events WHERE id = $1")
        .bind(event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn participants_check_in_with_the_venue_code_or_are_ticked_by_an_organizer() {
    let app = spawn_app().await;
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "Hackathon Nador").await;
    let code_p = app.invite(&org, event, "participant", "10").await;
    let meryem = app.join_with_invite(&code_p, "Meryem", "meryem@example.ma").await;
    let omar = app.join_with_invite(&code_p, "Omar", "omar@example.ma").await;
    let salma = app.join_with_invite(&code_p, "Salma", "salma@example.ma").await;
    let _yassine = app.join_with_invite(&code_p, "Yassine", "yassine@example.ma").await;
    let mentor_code = app.invite(&org, event, "mentor", "1").await;
    let _mentor = app.join_with_invite(&mentor_code, "Hamza", "hamza@example.ma").await;
    assert!(app.send(&meryem, &new_team(event, "Atlas")).await.status.is_success());
    let atlas = app.count("SELECT id FROM teams WHERE name = 'Atlas'").await;
    let code_atlas: String = sqlx::query_scalar("SELECT invite_code FROM teams WHERE id = $1")
        .bind(atlas)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(app.send(&omar, &JoinTeam { code: code_atlas }).await.status.is_success());
    assert!(app.send(&salma, &new_team(event, "Borj")).await.status.is_success());
    let id = |email: &'static str| app.user_id(email);
    let (salma_id, yassine_id, hamza_id) =
        (id("salma@example.ma").await, id("yassine@example.ma").await, id("hamza@example.ma").await);

    let b = board(&app, &org, event).await;
    assert_eq!(b["summary"], serde_json::json!({ "teams": 2, "teams_present": 0, "people": 4, "people_present": 0 }));
    assert!(b["url"].is_null(), "no code made yet");

    // Before a code exists, and with a wrong one, nobody checks in.
    for guess in ["", "n'importe-quoi"] {
        let r = app.send(&meryem, &CheckIn { event_id: event, code: guess.into() }).await;
        assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrCheckinCode)));
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM checkins").await, 0);

    assert!(app.send(&org, &RenewCheckinCode { event_id: event }).await.status.is_success());
    let first = code(&app, event).await;
    let b = board(&app, &org, event).await;
    assert!(b["url"].as_str().unwrap().ends_with(&format!("/events/{event}/checkin/{first}")));
    assert!(b["qr_svg"].as_str().unwrap().contains("<svg"));

    // Meryem scans the poster: her phone says the code is good, she taps "I'm here"; twice
    // is once.
    let me = app.send(&meryem, &MyCheckin { event_id: event, code: first.clone() }).await.json();
    assert_eq!((me["code_ok"].as_bool(), me["present"].as_bool()), (Some(true), Some(false)));
    for _ in 0..2 {
        assert!(app.send(&meryem, &CheckIn { event_id: event, code: first.clone() }).await.status.is_success());
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM checkins WHERE checked_by IS NULL").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'checkin.self'").await, 1);
    let me = app.send(&meryem, &MyCheckin { event_id: event, code: first.clone() }).await.json();
    assert_eq!(me["present"], true);

    // A photo of the poster sent outside stops working once the organizer renews the code.
    assert!(app.send(&org, &RenewCheckinCode { event_id: event }).await.status.is_success());
    let r = app.send(&omar, &CheckIn { event_id: event, code: first.clone() }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrCheckinCode)));
    assert_eq!(app.send(&omar, &MyCheckin { event_id: event, code: first }).await.json()["code_ok"], false);

    // The organizer ticks Salma and Yassine in, then takes Yassine back (ticked by mistake).
    for (user, present) in [(salma_id, "yes"), (yassine_id, "yes"), (yassine_id, "no")] {
        let r = app.send(&org, &MarkPresence { event_id: event, user_id: user, present: present.into() }).await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    // Only the event's participants are on the list; the buttons say yes or no.
    let r = app.send(&org, &MarkPresence { event_id: event, user_id: hamza_id, present: "yes".into() }).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app.send(&org, &MarkPresence { event_id: event, user_id: salma_id, present: "peut-être".into() }).await;
    assert_eq!(r.invalid_fields(), ["present"]);

    let b = board(&app, &org, event).await;
    assert_eq!(b["summary"], serde_json::json!({ "teams": 2, "teams_present": 2, "people": 4, "people_present": 2 }));
    let groups: Vec<Group> = b["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let members = g["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    (
                        m["name"].as_str().unwrap().to_owned(),
                        m["present"].as_bool().unwrap(),
                        m["by_organizer"].as_bool().unwrap(),
                    )
                })
                .collect();
            (g["name"].as_str().unwrap().to_owned(), g["present"].as_bool().unwrap(), members)
        })
        .collect();
    let s = |v: &str| v.to_owned();
    assert_eq!(
        groups,
        [
            (s("Atlas"), true, vec![(s("Meryem"), true, false), (s("Omar"), false, false)]),
            (s("Borj"), true, vec![(s("Salma"), true, true)]),
            (s(""), false, vec![(s("Yassine"), false, false)]),
        ]
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'checkin.%marked'").await, 3);

    // The export says who is here and how.
    let csv = app.get(&org, &format!("/events/{event}/checkins.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<Vec<String>> =
        csv.body.trim_start_matches('\u{feff}').lines().map(|l| l.split(',').map(str::to_owned).collect()).collect();
    assert_eq!(lines[0], ["team", "participant", "present", "checked_in_at", "how"]);
    let short: Vec<(&str, &str, &str, &str)> =
        lines[1..].iter().map(|l| (l[0].as_str(), l[1].as_str(), l[2].as_str(), l[4].as_str())).collect();
    assert_eq!(
        short,
        [
            ("Atlas", "Meryem", "yes", "code"),
            ("Atlas", "Omar", "no", ""),
            ("Borj", "Salma", "yes", "organizer"),
            ("", "Yassine", "no", "")
        ]
    );
    // Participants see only their own check-in; nobody else reads the list.
    assert_eq!(app.send(&meryem, &CheckinConsole { event_id: event }).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&meryem, &format!("/events/{event}/checkins.csv")).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn assignment_can_be_limited_to_the_teams_present() {
    let app = spawn_app().await;
    let jury = jury(&app, 0, 2, "2").await;
    let projects = seed_projects(&app.state.db.pool, jury.event, 3, None).await;
    let member = |team: i64| {
        let server = &app;
        async move { server.count(&format!("SELECT captain_id FROM teams WHERE id = {team}")).await }
    };
    let mark = |user: i64, present: &'static str| MarkPresence {
        event_id: jury.event,
        user_id: user,
        present: present.into(),
    };
    let assign = |present_only: bool| RunAssignment {
        event_id: jury.event,
        seed: "4".into(),
        rebalance: None,
        present_only: present_only.then(|| "on".into()),
    };
    let judges_of = |project: i64| {
        let server = &app;
        async move { server.count(&format!("SELECT COUNT(*) FROM judge_assignments WHERE project_id = {project}")).await }
    };

    // Only the first team has arrived: only its project gets judges.
    assert!(app.send(&jury.organizer, &mark(member(projects[0].1).await, "yes")).await.status.is_success());
    assert!(app.send(&jury.organizer, &assign(true)).await.status.is_success());
    assert_eq!(
        [judges_of(projects[0].0).await, judges_of(projects[1].0).await, judges_of(projects[2].0).await],
        [2, 0, 0]
    );

    // The second arrives; the first leaves for lunch: its judges stay for when it is back.
    assert!(app.send(&jury.organizer, &mark(member(projects[1].1).await, "yes")).await.status.is_success());
    assert!(app.send(&jury.organizer, &mark(member(projects[0].1).await, "no")).await.status.is_success());
    assert!(app.send(&jury.organizer, &assign(true)).await.status.is_success());
    assert_eq!(
        [judges_of(projects[0].0).await, judges_of(projects[1].0).await, judges_of(projects[2].0).await],
        [2, 2, 0]
    );
    let audit: String = sqlx::query_scalar(
        "SELECT after_json FROM audit_log WHERE action = 'judging.assigned' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let audit: Value = serde_json::from_str(&audit).unwrap();
    assert_eq!(audit["present_only"], true);
    assert_eq!(audit["absent"], serde_json::json!([projects[0].0, projects[2].0]));

    // Without the limit, every submitted project is covered.
    assert!(app.send(&jury.organizer, &assign(false)).await.status.is_success());
    assert_eq!(
        [judges_of(projects[0].0).await, judges_of(projects[1].0).await, judges_of(projects[2].0).await],
        [2, 2, 2]
    );
}
