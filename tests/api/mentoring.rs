use crate::helpers::*;
use reqwest::{Client, StatusCode};

async fn join(app: &TestApp, code: &str, name: &str, email: &str) -> Client {
    let c = user_agent();
    let r = app
        .call(
            &c,
            "invites/signup-accept",
            &[("code", code), ("display_name", name), ("email", email), ("password", "correct horse battery")],
        )
        .await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    c
}

#[tokio::test]
async fn mentors_are_assigned_by_expertise_and_language_and_teams_see_them() {
    let app = spawn_app().await;
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "Hackathon Berkane").await;
    let e = event.to_string();
    for track in ["Agritech", "Big data"] {
        app.call(
            &org,
            "events/add-track",
            &[("event_id", e.as_str()), ("track_name", track), ("track_description", "")],
        )
        .await;
    }
    let tracks: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM tracks ORDER BY id").fetch_all(&app.state.db.pool).await.unwrap();
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let youssef = join(&app, &mentor_code, "يوسف العلوي", "youssef@example.ma").await;
    let nadia = join(&app, &mentor_code, "Nadia Berrada", "nadia@example.ma").await;
    for (c, expertise, languages) in [(&youssef, "Agritech, IoT", "ar"), (&nadia, "big data, python", "fr, en")] {
        let r = app
            .call(
                c,
                "mentoring/save-profile",
                &[
                    ("event_id", e.as_str()),
                    ("expertise", expertise),
                    ("languages", languages),
                    ("capacity", "2"),
                    ("bio", ""),
                    ("contact", "Table 3"),
                ],
            )
            .await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let r = app
        .call(
            &nadia,
            "mentoring/save-profile",
            &[
                ("event_id", e.as_str()),
                ("expertise", ""),
                ("languages", ""),
                ("capacity", "500"),
                ("bio", ""),
                ("contact", ""),
            ],
        )
        .await;
    assert_eq!(r.invalid_fields(), ["capacity"]);

    // Two teams: agritech in Arabic, big data in French.
    let code = app.invite(&org, event, "participant", "10").await;
    let p1 = join(&app, &code, "Meryem", "p1@example.ma").await;
    let p2 = join(&app, &code, "Omar", "p2@example.ma").await;
    for (c, team, track, lang) in [(&p1, "Atlas", &tracks[0].0, "ar"), (&p2, "Données", &tracks[1].0, "fr")] {
        app.call(
            c,
            "teams/save-profile",
            &[("event_id", e.clone()), ("skills", "web".into()), ("languages", lang.into()), ("bio", String::new())],
        )
        .await;
        let r = app
            .call(
                c,
                "teams/create",
                &[
                    ("event_id", e.clone()),
                    ("team_name", team.into()),
                    ("pitch", String::new()),
                    ("track_id", track.to_string()),
                    ("needs", String::new()),
                ],
            )
            .await;
        assert!(r.status.is_success(), "{}", r.body);
    }

    let r = app.call(&org, "mentoring/auto-assign", &[("event_id", e.as_str()), ("seed", "1")]).await;
    assert!(r.status.is_success(), "{}", r.body);
    let overview = app.call(&org, "mentoring/overview", &[("event_id", e.as_str())]).await.json();
    let rows = overview["rows"].as_array().unwrap();
    let atlas = rows.iter().find(|r| r["team_name"] == "Atlas").unwrap();
    assert_eq!(atlas["mentor_name"], "يوسف العلوي");
    assert_eq!(atlas["skills"], serde_json::json!(["agritech"]));
    assert_eq!(atlas["language"], "ar");
    let data = rows.iter().find(|r| r["team_name"] == "Données").unwrap();
    assert_eq!(data["mentor_name"], "Nadia Berrada");

    let card = app.call(&p1, "mentoring/my-mentor", &[("event_id", e.as_str())]).await.json();
    assert_eq!(card["name"], "يوسف العلوي");
    assert_eq!(card["contact"], "Table 3");
    let profile = app.call(&youssef, "mentoring/profile", &[("event_id", e.as_str())]).await.json();
    assert_eq!(profile["teams"], serde_json::json!(["Atlas"]));

    // A manual swap; a non-mentor cannot be assigned; the mentorship stays on record.
    let atlas_id = atlas["team_id"].as_i64().unwrap().to_string();
    let nadia_id = app.user_id("nadia@example.ma").await.to_string();
    let r = app
        .call(
            &org,
            "mentoring/assign",
            &[("event_id", e.as_str()), ("team_id", atlas_id.as_str()), ("mentor_id", nadia_id.as_str())],
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let p1_id = app.user_id("p1@example.ma").await.to_string();
    let r = app
        .call(
            &org,
            "mentoring/assign",
            &[("event_id", e.as_str()), ("team_id", atlas_id.as_str()), ("mentor_id", p1_id.as_str())],
        )
        .await;
    assert_eq!(r.invalid_fields(), ["mentor_id"]);
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM mentorship_log WHERE team_id = {atlas_id}")).await,
        2,
        "both mentors are on record as conflicts"
    );
    // Re-running keeps the manual choice.
    app.call(&org, "mentoring/auto-assign", &[("event_id", e.as_str()), ("seed", "2")]).await;
    let card = app.call(&p1, "mentoring/my-mentor", &[("event_id", e.as_str())]).await.json();
    assert_eq!(card["name"], "Nadia Berrada");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'mentoring.%'").await, 3);
    let r = app.call(&p2, "mentoring/overview", &[("event_id", e.as_str())]).await;
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
    let e = event.to_string();
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let youssef = join(&app, &mentor_code, "Youssef", "youssef@example.ma").await;
    let nadia = join(&app, &mentor_code, "Nadia", "nadia@example.ma").await;

    // Bad slots are refused per field.
    let r = app
        .call(
            &youssef,
            "sessions/offer",
            &[("event_id", e.clone()), ("starts_at", local(2.0)), ("ends_at", local(1.0)), ("location", String::new())],
        )
        .await;
    assert_eq!(r.invalid_fields(), ["ends_at"]);
    let r = app
        .call(
            &youssef,
            "sessions/offer",
            &[
                ("event_id", e.clone()),
                ("starts_at", "2001-01-01T10:00".into()),
                ("ends_at", "2001-01-01T11:00".into()),
                ("location", String::new()),
            ],
        )
        .await;
    assert_eq!(r.invalid_fields(), ["starts_at"]);
    for (m, room) in [(&youssef, "Salle A"), (&nadia, "Salle B")] {
        let r = app
            .call(
                m,
                "sessions/offer",
                &[
                    ("event_id", e.clone()),
                    ("starts_at", local(0.0)),
                    ("ends_at", local(1.0)),
                    ("location", room.into()),
                ],
            )
            .await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let r = app
        .call(
            &youssef,
            "sessions/offer",
            &[("event_id", e.clone()), ("starts_at", local(0.5)), ("ends_at", local(1.5)), ("location", String::new())],
        )
        .await;
    assert_eq!(r.json()["Invalid"][0]["msg"], "ErrSlotOverlaps");
    let slots: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM mentor_slots ORDER BY id").fetch_all(&app.state.db.pool).await.unwrap();

    // Five teams race for Youssef's slot: exactly one gets it.
    let code = app.invite(&org, event, "participant", "20").await;
    let mut captains = Vec::new();
    for i in 0..5 {
        let c = join(&app, &code, &format!("Captain {i}"), &format!("c{i}@example.ma")).await;
        app.call(
            &c,
            "teams/create",
            &[
                ("event_id", e.clone()),
                ("team_name", format!("Team {i}")),
                ("pitch", String::new()),
                ("track_id", String::new()),
                ("needs", String::new()),
            ],
        )
        .await;
        captains.push(c);
    }
    let form = [("slot_id", slots[0].to_string())];
    let results = join_all(captains.iter().map(|c| app.call(c, "sessions/book", &form))).await;
    assert_eq!(
        results.iter().filter(|r| r.status.is_success()).count(),
        1,
        "{:?}",
        results.iter().map(|r| &r.body).collect::<Vec<_>>()
    );
    assert_eq!(results.iter().filter(|r| r.json()["Conflict"] == "ErrSlotTaken").count(), 4);

    // One team cannot hold two sessions at once, even when two members book at the same instant.
    let winner = captains.iter().zip(&results).find(|(_, r)| r.status.is_success()).map(|(c, _)| c).unwrap();
    let r = app.call(winner, "sessions/book", &[("slot_id", slots[1].to_string())]).await;
    assert_eq!(r.json()["Conflict"], "ErrTeamBusyThen");
    assert_eq!(app.count("SELECT COUNT(*) FROM mentor_slots WHERE team_id IS NOT NULL").await, 1);

    // The mentor writes notes; the booking team sees them, other teams do not.
    let r = app
        .call(
            &youssef,
            "sessions/notes",
            &[
                ("slot_id", slots[0].to_string()),
                ("notes", "Prototype prêt ; revoir le pitch.".into()),
                ("attended", "yes".into()),
            ],
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let r = app
        .call(
            &nadia,
            "sessions/notes",
            &[("slot_id", slots[0].to_string()), ("notes", "x".into()), ("attended", "".into())],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "only the slot's mentor writes its notes");
    let slot = |list: &serde_json::Value| {
        list["slots"].as_array().unwrap().iter().find(|s| s["id"] == slots[0]).cloned().unwrap()
    };
    let mine = slot(&app.call(winner, "sessions/list", &[("event_id", e.clone())]).await.json());
    assert_eq!(mine["notes"], "Prototype prêt ; revoir le pitch.");
    assert_eq!(mine["attended"], true);
    let loser = captains.iter().zip(&results).find(|(_, r)| !r.status.is_success()).map(|(c, _)| c).unwrap();
    let theirs = slot(&app.call(loser, "sessions/list", &[("event_id", e.clone())]).await.json());
    assert!(theirs["notes"].is_null());
    assert!(theirs["team"].is_null());
    let all = slot(&app.call(&org, "sessions/list", &[("event_id", e.clone())]).await.json());
    assert!(all["team"].is_string(), "organizers see who booked");

    // Another team cannot cancel the winner's booking; the winner can.
    let r = app.call(loser, "sessions/cancel", &[("slot_id", slots[0].to_string())]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(app.call(winner, "sessions/cancel", &[("slot_id", slots[0].to_string())]).await.status.is_success());
    assert_eq!(app.count("SELECT COUNT(*) FROM mentor_slots WHERE team_id IS NOT NULL").await, 0);
}

#[tokio::test]
async fn two_members_booking_overlapping_slots_at_once_get_one_session() {
    let app = spawn_app().await;
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await;
    let event = app.create_event(&org, "Bootcamp Essaouira").await;
    let e = event.to_string();
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    for (i, name) in ["Youssef", "Nadia", "Karim"].iter().enumerate() {
        let m = join(&app, &mentor_code, name, &format!("m{i}@example.ma")).await;
        app.call(
            &m,
            "sessions/offer",
            &[("event_id", e.clone()), ("starts_at", local(0.0)), ("ends_at", local(1.0)), ("location", String::new())],
        )
        .await;
    }
    let slots: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM mentor_slots ORDER BY id").fetch_all(&app.state.db.pool).await.unwrap();
    let code = app.invite(&org, event, "participant", "5").await;
    let a = join(&app, &code, "A", "a@example.ma").await;
    let b = join(&app, &code, "B", "b@example.ma").await;
    let c = join(&app, &code, "C", "c@example.ma").await;
    app.call(
        &a,
        "teams/create",
        &[
            ("event_id", e.clone()),
            ("team_name", "Atlas".into()),
            ("pitch", String::new()),
            ("track_id", String::new()),
            ("needs", String::new()),
        ],
    )
    .await;
    let team_code: String =
        sqlx::query_scalar("SELECT invite_code FROM teams").fetch_one(&app.state.db.pool).await.unwrap();
    for m in [&b, &c] {
        app.call(m, "teams/join", &[("code", team_code.as_str())]).await;
    }
    let forms: Vec<[(&str, String); 1]> = slots.iter().map(|s| [("slot_id", s.to_string())]).collect();
    let members = [&a, &b, &c];
    let results = join_all(members.iter().zip(&forms).map(|(m, f)| app.call(m, "sessions/book", f))).await;
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
    let e = event.to_string();
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let youssef = join(&app, &mentor_code, "Youssef", "youssef@example.ma").await;
    let nadia = join(&app, &mentor_code, "Nadia", "nadia@example.ma").await;
    let code = app.invite(&org, event, "participant", "5").await;
    let p = join(&app, &code, "Meryem", "p@example.ma").await;
    app.call(
        &p,
        "teams/create",
        &[
            ("event_id", e.clone()),
            ("team_name", "Atlas".into()),
            ("pitch", String::new()),
            ("track_id", String::new()),
            ("needs", String::new()),
        ],
    )
    .await;

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
            .call(
                &p,
                "help/raise",
                &[
                    ("event_id", e.clone()),
                    ("topic", topic.into()),
                    ("skill", "cloud".into()),
                    ("location", "Table 7".into()),
                    ("description", String::new()),
                ],
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

    let queue = app.call(&youssef, "help/page", &[("event_id", e.clone()), ("all", "false".into())]).await.json();
    let ids: Vec<String> = queue["queue"].as_array().unwrap().iter().map(|h| h["id"].to_string()).collect();
    assert_eq!(ids.len(), 2);

    // Two mentors race for the first request: exactly one wins.
    let form = [("request_id", ids[0].clone())];
    let results = join_all([&youssef, &nadia].into_iter().map(|m| app.call(m, "help/claim", &form))).await;
    assert_eq!(results.iter().filter(|r| r.status.is_success()).count(), 1);
    assert_eq!(results.iter().filter(|r| r.json()["Conflict"] == "ErrRequestTaken").count(), 1);
    let winner = if results[0].status.is_success() { &youssef } else { &nadia };
    // One claimed request per mentor at a time.
    let r = app.call(winner, "help/claim", &[("request_id", ids[1].clone())]).await;
    assert_eq!(r.json()["Conflict"], "ErrAlreadyHelping");
    // The team sees who is coming.
    let mine = app.call(&p, "help/page", &[("event_id", e.clone()), ("all", "false".into())]).await.json();
    let claimed = mine["mine"].as_array().unwrap().iter().find(|h| h["status"] == "claimed").unwrap().clone();
    assert!(claimed["mentor"].is_string());
    assert!(mine["queue"].as_array().unwrap().is_empty(), "participants do not see the queue");
    // Only the claimer resolves (or the team).
    let loser = if results[0].status.is_success() { &nadia } else { &youssef };
    assert_eq!(app.call(loser, "help/resolve", &[("request_id", ids[0].clone())]).await.status, StatusCode::FORBIDDEN);
    assert!(app.call(winner, "help/resolve", &[("request_id", ids[0].clone())]).await.status.is_success());
    assert!(app.call(winner, "help/claim", &[("request_id", ids[1].clone())]).await.status.is_success());

    let stats = app.call(&org, "help/page", &[("event_id", e.clone()), ("all", "false".into())]).await.json();
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
    let e = event.to_string();
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let youssef = join(&app, &mentor_code, "Youssef", "youssef@example.ma").await;
    let code = app.invite(&org, event, "participant", "5").await;
    let p = join(&app, &code, "Meryem", "p@example.ma").await;
    app.call(
        &p,
        "teams/create",
        &[
            ("event_id", e.clone()),
            ("team_name", "Atlas".into()),
            ("pitch", String::new()),
            ("track_id", String::new()),
            ("needs", String::new()),
        ],
    )
    .await;
    for topic in ["A", "B", "C", "D"] {
        app.call(
            &p,
            "help/raise",
            &[
                ("event_id", e.clone()),
                ("topic", topic.into()),
                ("skill", String::new()),
                ("location", String::new()),
                ("description", String::new()),
            ],
        )
        .await;
    }
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM help_requests ORDER BY id").fetch_all(&app.state.db.pool).await.unwrap();
    let forms: Vec<[(&str, String); 1]> = ids.iter().map(|i| [("request_id", i.to_string())]).collect();
    let results = join_all(forms.iter().map(|f| app.call(&youssef, "help/claim", f))).await;
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
    let e = event.to_string();
    let mentor_code = app.invite(&org, event, "mentor", "1").await;
    let youssef = join(&app, &mentor_code, "Youssef", "youssef@example.ma").await;
    let r = app
        .call(
            &youssef,
            "sessions/offer",
            &[
                ("event_id", e.clone()),
                ("starts_at", local(0.0)),
                ("ends_at", local(1.0)),
                ("location", "Salle A".into()),
            ],
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let slot: i64 = sqlx::query_scalar("SELECT id FROM mentor_slots").fetch_one(&app.state.db.pool).await.unwrap();
    let code = app.invite(&org, event, "participant", "2").await;
    let first = join(&app, &code, "Meryem", "meryem@example.ma").await;
    let second = join(&app, &code, "Omar", "omar@example.ma").await;
    for (c, team) in [(&first, "Atlas"), (&second, "Sahara")] {
        let r = app
            .call(
                c,
                "teams/create",
                &[
                    ("event_id", e.clone()),
                    ("team_name", team.into()),
                    ("pitch", String::new()),
                    ("track_id", String::new()),
                    ("needs", String::new()),
                ],
            )
            .await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let s = [("slot_id", slot.to_string())];
    let list = |c: &Client| {
        let form = [("event_id", e.clone())];
        let app = &app;
        let c = c.clone();
        async move { app.call(&c, "sessions/list", &form).await.json()["slots"][0].clone() }
    };

    // The first team's session: the mentor's notes and attendance.
    assert!(app.call(&first, "sessions/book", &s).await.status.is_success());
    let r = app
        .call(
            &youssef,
            "sessions/notes",
            &[
                ("slot_id", slot.to_string()),
                ("notes", "Atlas : revoir le modèle économique.".into()),
                ("attended", "no".into()),
            ],
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(list(&first).await["notes"], "Atlas : revoir le modèle économique.");

    // It cancels; the second team books the same slot and reads nothing of the first's.
    assert!(app.call(&first, "sessions/cancel", &s).await.status.is_success());
    assert!(app.call(&second, "sessions/book", &s).await.status.is_success());
    for c in [&second, &youssef, &org] {
        let seen = list(c).await;
        assert_eq!(seen["notes"], "", "a new booking starts clean: {seen}");
        assert!(seen["attended"].is_null(), "{seen}");
    }
    let theirs = list(&first).await;
    assert!(theirs["notes"].is_null() && theirs["team"].is_null(), "the first team sees a booked slot: {theirs}");
    let r = app
        .call(
            &youssef,
            "sessions/notes",
            &[("slot_id", slot.to_string()), ("notes", "Sahara : démo prête.".into()), ("attended", "yes".into())],
        )
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
