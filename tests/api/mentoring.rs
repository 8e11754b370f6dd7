use crate::helpers::*;
use reqwest::{Client, StatusCode};

#[tokio::test]
async fn mentors_are_assigned_by_expertise_and_language_and_teams_see_them() {
    let app = spawn_app().await;
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "Hackathon Berkane").await;
    for track in ["Agritech", "Big data"] {
        app.send(&org, &new_track(event, track.to_string())).await;
    }
    let tracks: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM tracks ORDER BY id").fetch_all(&app.state.db.pool).await.unwrap();
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let youssef = app.join_with_invite(&mentor_code, "يوسف العلوي", "youssef@example.ma").await;
    let nadia = app.join_with_invite(&mentor_code, "Nadia Berrada", "nadia@example.ma").await;
    for (c, expertise, languages) in [(&youssef, "Agritech, IoT", "ar"), (&nadia, "big data, python", "fr, en")] {
        let r = app
            .send(
                c,
                &SaveMentorProfile {
                    event_id: event,
                    expertise: expertise.to_string(),
                    languages: languages.to_string(),
                    capacity: "2".into(),
                    bio: String::new(),
                    contact: "Table 3".into(),
                },
            )
            .await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let r = app
        .send(
            &nadia,
            &SaveMentorProfile {
                event_id: event,
                expertise: String::new(),
                languages: String::new(),
                capacity: "500".into(),
                bio: String::new(),
                contact: String::new(),
            },
        )
        .await;
    assert_eq!(r.invalid_fields(), ["capacity"]);

    // Two teams: agritech in Arabic, big data in French.
    let code = app.invite(&org, event, "participant", "10").await;
    let p1 = app.join_with_invite(&code, "Meryem", "p1@example.ma").await;
    let p2 = app.join_with_invite(&code, "Omar", "p2@example.ma").await;
    for (c, team, track, lang) in [(&p1, "Atlas", &tracks[0].0, "ar"), (&p2, "Données", &tracks[1].0, "fr")] {
        app.send(
            c,
            &SaveProfile {
                event_id: event,
                skills: "web".into(),
                languages: lang.into(),
                bio: String::new(),
                looking: None,
            },
        )
        .await;
        let r = app
            .send(
                c,
                &CreateTeam {
                    event_id: event,
                    team_name: team.into(),
                    pitch: String::new(),
                    track_id: track.to_string(),
                    needs: String::new(),
                },
            )
            .await;
        assert!(r.status.is_success(), "{}", r.body);
    }

    let r = app.send(&org, &AutoAssignMentors { event_id: event, seed: "1".into(), rebalance: None }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let overview = app.send(&org, &MentoringOverview { event_id: event }).await.json();
    let rows = overview["rows"].as_array().unwrap();
    let atlas = rows.iter().find(|r| r["team_name"] == "Atlas").unwrap();
    assert_eq!(atlas["mentor_name"], "يوسف العلوي");
    assert_eq!(atlas["skills"], serde_json::json!(["agritech"]));
    assert_eq!(atlas["language"], "ar");
    let data = rows.iter().find(|r| r["team_name"] == "Données").unwrap();
    assert_eq!(data["mentor_name"], "Nadia Berrada");

    let card = app.send(&p1, &MyMentor { event_id: event }).await.json();
    assert_eq!(card["name"], "يوسف العلوي");
    assert_eq!(card["contact"], "Table 3");
    let profile = app.send(&youssef, &MentorProfile { event_id: event }).await.json();
    assert_eq!(profile["teams"], serde_json::json!(["Atlas"]));

    // A manual swap; a non-mentor cannot be assigned; the mentorship stays on record.
    let atlas_id = atlas["team_id"].as_i64().unwrap();
    let nadia_id = app.user_id("nadia@example.ma").await.to_string();
    let r = app.send(&org, &AssignMentor { event_id: event, team_id: atlas_id, mentor_id: nadia_id }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let p1_id = app.user_id("p1@example.ma").await.to_string();
    let r = app.send(&org, &AssignMentor { event_id: event, team_id: atlas_id, mentor_id: p1_id }).await;
    assert_eq!(r.invalid_fields(), ["mentor_id"]);
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM mentorship_log WHERE team_id = {atlas_id}")).await,
        2,
        "both mentors are on record as conflicts"
    );
    // Re-running keeps the manual choice.
    app.send(&org, &AutoAssignMentors { event_id: event, seed: "2".into(), rebalance: None }).await;
    let card = app.send(&p1, &MyMentor { event_id: event }).await.json();
    assert_eq!(card["name"], "Nadia Berrada");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'mentoring.%'").await, 3);
    let r = app.send(&p2, &MentoringOverview { event_id: event }).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

fn local(offset_hours: f64) -> String {
    // The test event runs from day 5 to day 8 (see `event_form`); times are in Casablanca,
    // which is UTC+1 outside Ramadan: pick times well inside the event.
    let t = chrono::Utc::now() + chrono::Duration::minutes((offset_hours * 60.0) as i64) + chrono::Duration::days(6);
    (t + chrono::Duration::hours(1)).format("%Y-%m-%dT%H:%M").to_string()
}

#[tokio::test]
async fn sessions_are_booked_without_double_booking_and_notes_stay_private() {
    let app = spawn_app().await;
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "Bootcamp Essaouira").await;
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let youssef = app.join_with_invite(&mentor_code, "Youssef", "youssef@example.ma").await;
    let nadia = app.join_with_invite(&mentor_code, "Nadia", "nadia@example.ma").await;

    // Bad slots are refused per field.
    let r = app
        .send(
            &youssef,
            &OfferSlot {
                event_id: event,
                starts_at: local(2.0).to_string(),
                ends_at: local(1.0).to_string(),
                location: String::new(),
            },
        )
        .await;
    assert_eq!(r.invalid_fields(), ["ends_at"]);
    let r = app
        .send(
            &youssef,
            &OfferSlot {
                event_id: event,
                starts_at: "2001-01-01T10:00".into(),
                ends_at: "2001-01-01T11:00".into(),
                location: String::new(),
            },
        )
        .await;
    assert_eq!(r.invalid_fields(), ["starts_at"]);
    for (m, room) in [(&youssef, "Salle A"), (&nadia, "Salle B")] {
        let r = app
            .send(
                m,
                &OfferSlot {
                    event_id: event,
                    starts_at: local(0.0).to_string(),
                    ends_at: local(1.0).to_string(),
                    location: room.into(),
                },
            )
            .await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let r = app
        .send(
            &youssef,
            &OfferSlot {
                event_id: event,
                starts_at: local(0.5).to_string(),
                ends_at: local(1.5).to_string(),
                location: String::new(),
            },
        )
        .await;
    assert_eq!(r.first_invalid(), Some(Msg::ErrSlotOverlaps));
    let slots: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM mentor_slots ORDER BY id").fetch_all(&app.state.db.pool).await.unwrap();

    // Five teams race for Youssef's slot: exactly one gets it.
    let code = app.invite(&org, event, "participant", "20").await;
    let mut captains = Vec::new();
    for i in 0..5 {
        let c = app.join_with_invite(&code, &format!("Captain {i}"), &format!("c{i}@example.ma")).await;
        app.send(&c, &new_team(event, &format!("Team {i}"))).await;
        captains.push(c);
    }
    let book = BookSlot { slot_id: slots[0] };
    let results = join_all(captains.iter().map(|c| app.send(c, &book))).await;
    assert_eq!(
        results.iter().filter(|r| r.status.is_success()).count(),
        1,
        "{:?}",
        results.iter().map(|r| &r.body).collect::<Vec<_>>()
    );
    assert_eq!(results.iter().filter(|r| r.error() == Some(AppError::Conflict(Msg::ErrSlotTaken))).count(), 4);

    // One team cannot hold two sessions at once, even when two members book at the same instant.
    let winner = captains.iter().zip(&results).find(|(_, r)| r.status.is_success()).map(|(c, _)| c).unwrap();
    let r = app.send(winner, &BookSlot { slot_id: slots[1] }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrTeamBusyThen)));
    assert_eq!(app.count("SELECT COUNT(*) FROM mentor_slots WHERE team_id IS NOT NULL").await, 1);

    // The mentor writes notes; the booking team sees them, other teams do not.
    let r = app
        .send(
            &youssef,
            &SessionNotes {
                slot_id: slots[0],
                notes: "Prototype prêt ; revoir le pitch.".into(),
                attended: "yes".into(),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let r = app.send(&nadia, &SessionNotes { slot_id: slots[0], notes: "x".into(), attended: String::new() }).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "only the slot's mentor writes its notes");
    let slot = |list: &serde_json::Value| {
        list["slots"].as_array().unwrap().iter().find(|s| s["id"] == slots[0]).cloned().unwrap()
    };
    let mine = slot(&app.send(winner, &ListSlots { event_id: event }).await.json());
    assert_eq!(mine["notes"], "Prototype prêt ; revoir le pitch.");
    assert_eq!(mine["attended"], true);
    let loser = captains.iter().zip(&results).find(|(_, r)| !r.status.is_success()).map(|(c, _)| c).unwrap();
    let theirs = slot(&app.send(loser, &ListSlots { event_id: event }).await.json());
    assert!(theirs["notes"].is_null());
    assert!(theirs["team"].is_null());
    let all = slot(&app.send(&org, &ListSlots { event_id: event }).await.json());
    assert!(all["team"].is_string(), "organizers see who booked");

    // Another team cannot cancel the winner's booking; the winner can.
    let r = app.send(loser, &CancelSlot { slot_id: slots[0] }).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(app.send(winner, &CancelSlot { slot_id: slots[0] }).await.status.is_success());
    assert_eq!(app.count("SELECT COUNT(*) FROM mentor_slots WHERE team_id IS NOT NULL").await, 0);
}

#[tokio::test]
async fn two_members_booking_overlapping_slots_at_once_get_one_session() {
    let app = spawn_app().await;
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "Bootcamp Essaouira").await;
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    for (i, name) in ["Youssef", "Nadia", "Karim"].iter().enumerate() {
        let m = app.join_with_invite(&mentor_code, name, &format!("m{i}@example.ma")).await;
        app.send(
            &m,
            &OfferSlot {
                event_id: event,
                starts_at: local(0.0).to_string(),
                ends_at: local(1.0).to_string(),
                location: String::new(),
            },
        )
        .await;
    }
    let slots: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM mentor_slots ORDER BY id").fetch_all(&app.state.db.pool).await.unwrap();
    let code = app.invite(&org, event, "participant", "5").await;
    let a = app.join_with_invite(&code, "A", "a@example.ma").await;
    let b = app.join_with_invite(&code, "B", "b@example.ma").await;
    let c = app.join_with_invite(&code, "C", "c@example.ma").await;
    app.send(&a, &new_team(event, "Atlas")).await;
    let team_code: String =
        sqlx::query_scalar("SELECT invite_code FROM teams").fetch_one(&app.state.db.pool).await.unwrap();
    for m in [&b, &c] {
        app.send(m, &JoinTeam { code: team_code.clone() }).await;
    }
    let books: Vec<BookSlot> = slots.iter().map(|&slot_id| BookSlot { slot_id }).collect();
    let members = [&a, &b, &c];
    let results = join_all(members.iter().zip(&books).map(|(m, book)| app.send(m, book))).await;
    assert_eq!(
        results.iter().filter(|r| r.status.is_success()).count(),
        1,
        "{:?}",
        results.iter().map(|r| &r.body).collect::<Vec<_>>()
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM mentor_slots WHERE team_id IS NOT NULL").await, 1);
}

#[tokio::test]
async fn the_help_queue_is_pushed_live_and_claims_are_exclusive() {
    let app = spawn_app().await;
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "Hackathon Agadir").await;
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let youssef = app.join_with_invite(&mentor_code, "Youssef", "youssef@example.ma").await;
    let nadia = app.join_with_invite(&mentor_code, "Nadia", "nadia@example.ma").await;
    let code = app.invite(&org, event, "participant", "5").await;
    let p = app.join_with_invite(&code, "Meryem", "p@example.ma").await;
    app.send(&p, &new_team(event, "Atlas")).await;

    // Youssef's open page listens to the event's live channel.
    let mut live = youssef.get(format!("{}/events/{event}/live", app.base)).send().await.unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    assert_eq!(live.headers()["content-type"], "text/event-stream");
    let first = tokio::time::timeout(std::time::Duration::from_secs(5), live.chunk()).await.unwrap().unwrap().unwrap();
    // Browsers drop events without data, so every notice must carry some.
    assert!(
        String::from_utf8_lossy(&first).contains("event: hello\ndata: hello"),
        "{}",
        String::from_utf8_lossy(&first)
    );

    for topic in ["Déploiement bloqué", "Base de données"] {
        let r = app
            .send(
                &p,
                &RaiseHelp {
                    event_id: event,
                    topic: topic.into(),
                    skill: "cloud".into(),
                    location: "Table 7".into(),
                    description: String::new(),
                },
            )
            .await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let pushed = tokio::time::timeout(std::time::Duration::from_secs(5), live.chunk())
        .await
        .expect("a notice within 5 s")
        .unwrap()
        .unwrap();
    assert!(String::from_utf8_lossy(&pushed).contains("event: help"), "{}", String::from_utf8_lossy(&pushed));
    // Anonymous visitors and people of other events get no stream.
    assert_eq!(
        reqwest::get(format!("{}/events/{event}/live", app.base)).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );

    let queue = app.send(&youssef, &HelpPage { event_id: event, all: false }).await.json();
    let ids: Vec<i64> = queue["queue"].as_array().unwrap().iter().filter_map(|h| h["id"].as_i64()).collect();
    assert_eq!(ids.len(), 2);

    // Two mentors race for the first request: exactly one wins.
    let claim = ClaimHelp { request_id: ids[0] };
    let results = join_all([&youssef, &nadia].into_iter().map(|m| app.send(m, &claim))).await;
    assert_eq!(results.iter().filter(|r| r.status.is_success()).count(), 1);
    assert_eq!(results.iter().filter(|r| r.error() == Some(AppError::Conflict(Msg::ErrRequestTaken))).count(), 1);
    let winner = if results[0].status.is_success() { &youssef } else { &nadia };
    // One claimed request per mentor at a time.
    let r = app.send(winner, &ClaimHelp { request_id: ids[1] }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrAlreadyHelping)));
    // The team sees who is coming.
    let mine = app.send(&p, &HelpPage { event_id: event, all: false }).await.json();
    let claimed = mine["mine"].as_array().unwrap().iter().find(|h| h["status"] == "claimed").unwrap().clone();
    assert!(claimed["mentor"].is_string());
    assert!(mine["queue"].as_array().unwrap().is_empty(), "participants do not see the queue");
    // Only the claimer resolves (or the team).
    let loser = if results[0].status.is_success() { &nadia } else { &youssef };
    assert_eq!(app.send(loser, &ResolveHelp { request_id: ids[0] }).await.status, StatusCode::FORBIDDEN);
    assert!(app.send(winner, &ResolveHelp { request_id: ids[0] }).await.status.is_success());
    assert!(app.send(winner, &ClaimHelp { request_id: ids[1] }).await.status.is_success());

    let stats = app.send(&org, &HelpPage { event_id: event, all: false }).await.json();
    assert_eq!(stats["stats"]["open"], 0);
    assert_eq!(stats["stats"]["per_mentor"].as_array().unwrap().len(), 1);
    assert_eq!(stats["stats"]["median_resolve_minutes"], 0);
}

#[tokio::test]
async fn one_mentor_claiming_two_requests_at_once_gets_one() {
    let app = spawn_app().await;
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "Hackathon Agadir").await;
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let youssef = app.join_with_invite(&mentor_code, "Youssef", "youssef@example.ma").await;
    let code = app.invite(&org, event, "participant", "5").await;
    let p = app.join_with_invite(&code, "Meryem", "p@example.ma").await;
    app.send(&p, &new_team(event, "Atlas")).await;
    for topic in ["A", "B", "C", "D"] {
        app.send(
            &p,
            &RaiseHelp {
                event_id: event,
                topic: topic.into(),
                skill: String::new(),
                location: String::new(),
                description: String::new(),
            },
        )
        .await;
    }
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM help_requests ORDER BY id").fetch_all(&app.state.db.pool).await.unwrap();
    let claims: Vec<ClaimHelp> = ids.iter().map(|&request_id| ClaimHelp { request_id }).collect();
    let results = join_all(claims.iter().map(|claim| app.send(&youssef, claim))).await;
    assert_eq!(
        results.iter().filter(|r| r.status.is_success()).count(),
        1,
        "{:?}",
        results.iter().map(|r| &r.body).collect::<Vec<_>>()
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM help_requests WHERE status = 'claimed'").await, 1);
}

#[tokio::test]
async fn a_cancelled_booking_keeps_its_notes_and_the_next_team_starts_clean() {
    let app = spawn_app().await;
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "Bootcamp Essaouira").await;
    let mentor_code = app.invite(&org, event, "mentor", "1").await;
    let youssef = app.join_with_invite(&mentor_code, "Youssef", "youssef@example.ma").await;
    let r = app
        .send(
            &youssef,
            &OfferSlot {
                event_id: event,
                starts_at: local(0.0).to_string(),
                ends_at: local(1.0).to_string(),
                location: "Salle A".into(),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let slot: i64 = sqlx::query_scalar("SELECT id FROM mentor_slots").fetch_one(&app.state.db.pool).await.unwrap();
    let code = app.invite(&org, event, "participant", "2").await;
    let first = app.join_with_invite(&code, "Meryem", "meryem@example.ma").await;
    let second = app.join_with_invite(&code, "Omar", "omar@example.ma").await;
    for (c, team) in [(&first, "Atlas"), (&second, "Sahara")] {
        let r = app.send(c, &new_team(event, team)).await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let list = |c: &Client| {
        let app = &app;
        let c = c.clone();
        async move { app.send(&c, &ListSlots { event_id: event }).await.json()["slots"][0].clone() }
    };

    // The first team's session: the mentor's notes and attendance.
    assert!(app.send(&first, &BookSlot { slot_id: slot }).await.status.is_success());
    let r = app
        .send(
            &youssef,
            &SessionNotes {
                slot_id: slot,
                notes: "Atlas : revoir le modèle économique.".into(),
                attended: "no".into(),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(list(&first).await["notes"], "Atlas : revoir le modèle économique.");

    // It cancels; the second team books the same slot and reads nothing of the first's.
    assert!(app.send(&first, &CancelSlot { slot_id: slot }).await.status.is_success());
    assert!(app.send(&second, &BookSlot { slot_id: slot }).await.status.is_success());
    for c in [&second, &youssef, &org] {
        let seen = list(c).await;
        assert_eq!(seen["notes"], "", "a new booking starts clean: {seen}");
        assert!(seen["attended"].is_null(), "{seen}");
    }
    let theirs = list(&first).await;
    assert!(theirs["notes"].is_null() && theirs["team"].is_null(), "the first team sees a booked slot: {theirs}");
    let r = app
        .send(&youssef, &SessionNotes { slot_id: slot, notes: "Sahara : démo prête.".into(), attended: "yes".into() })
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(list(&second).await["notes"], "Sahara : démo prête.");

    // The first booking keeps its notes, as history for the organizers.
    let kept: (String, Option<i64>) = sqlx::query_as(
        "SELECT b.notes, b.attended FROM mentor_bookings b JOIN teams t ON t.id = b.team_id WHERE t.name = 'Atlas' AND b.cancelled_at IS NOT NULL",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(kept, ("Atlas : revoir le modèle économique.".to_owned(), Some(0)));
    let csv = app.get(&org, &format!("/events/{event}/sessions.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.contains("cancelled,Atlas,no,Atlas : revoir le modèle économique."), "{}", csv.body);
    assert!(csv.body.contains("booked,Sahara,yes,Sahara : démo prête."), "{}", csv.body);
}
