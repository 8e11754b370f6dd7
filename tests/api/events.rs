use crate::helpers::*;
use reqwest::{Client, StatusCode};

/// An admin plus an organizer who may create events.
async fn organizer(app: &TestApp) -> Client {
    let admin = user_agent();
    app.signup_admin(&admin, "Admin", "admin@example.ma").await;
    let org = user_agent();
    app.signup(&org, "سلمى بنعلي", "salma@example.ma").await;
    let id = app.user_id("salma@example.ma").await;
    app.send(&admin, &SetEventCreator { user_id: id, allowed: true }).await;
    org
}

#[tokio::test]
async fn an_organizer_creates_an_event_with_tracks_and_it_shows_publicly() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let id = app.create_event(&org, "هاكاثون بركان الرقمي").await;
    for track in ["الرقمي في خدمة المواطن", "Agritech"] {
        let r = app
            .send(&org, &AddTrack { event_id: id, track_name: track.to_string(), track_description: String::new() })
            .await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let dup = app
        .send(&org, &AddTrack { event_id: id, track_name: "Agritech".into(), track_description: String::new() })
        .await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(dup.invalid_fields(), ["track_name"]);

    let page = app.send(&user_agent(), &EventPage { id }).await.json();
    assert_eq!(page["name"], "هاكاثون بركان الرقمي");
    assert_eq!(page["tracks"].as_array().unwrap().len(), 2);
    assert_eq!(page["registration_open"], true);
    assert_eq!(page["my_roles"], serde_json::json!([]));
    let audit = app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('event.created', 'track.added')").await;
    assert_eq!(audit, 3);
}

#[tokio::test]
async fn an_account_without_the_right_cannot_create_events() {
    let app = spawn_app().await;
    app.signup_admin(&user_agent(), "Admin", "admin@example.ma").await;
    let someone = user_agent();
    app.signup(&someone, "Hicham", "hicham@example.ma").await;
    let r = app.send(&someone, &event_form("Mon hackathon")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT COUNT(*) FROM events").await, 0);
}

#[tokio::test]
async fn invalid_events_get_per_field_errors_and_nothing_is_written() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let form = CreateEvent {
        event: EventInput {
            team_min: "6".into(),
            team_max: "3".into(),
            timezone: "Mars/Olympus".into(),
            ..event_input("")
        },
    };
    let r = app.send(&org, &form).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut fields = r.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["name", "team_max", "timezone"]);

    let form = CreateEvent {
        event: EventInput { judging_opens: "2001-01-01T10:00".into(), ..event_input("Dates à l'envers") },
    };
    let r = app.send(&org, &form).await;
    assert_eq!(r.invalid_fields(), ["judging_opens"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM events").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM event_roles").await, 0);
}

#[tokio::test]
async fn a_stale_edit_is_refused_instead_of_overwriting() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let id = app.create_event(&org, "Bootcamp Essaouira").await;
    let save = |name: &str| event_update(id, 1, event_form(name));
    let first = app.send(&org, &save("Bootcamp numérique Essaouira")).await;
    assert!(first.status.is_success(), "{}", first.body);
    // A second organizer tab still holds version 1.
    let second = app.send(&org, &save("Bootcamp Essaouira 2026")).await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert_eq!(second.error(), Some(AppError::Conflict(Msg::ErrChangedMeanwhile)));
    let name: String = sqlx::query_scalar("SELECT name FROM events WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(name, "Bootcamp numérique Essaouira");
}

#[tokio::test]
async fn participants_join_from_the_public_page_and_unknown_events_are_404() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let id = app.create_event(&org, "Hackathon Agadir").await;
    let p = user_agent();
    app.signup(&p, "Meryem", "meryem@example.ma").await;
    let r = app.send(&p, &JoinEvent { event_id: id }).await;
    assert!(r.status.is_success(), "{}", r.body);
    // Joining twice is harmless.
    app.send(&p, &JoinEvent { event_id: id }).await;
    let page = app.send(&p, &EventPage { id }).await.json();
    assert_eq!(page["my_roles"], serde_json::json!(["Participant"]));
    assert_eq!(app.count("SELECT COUNT(*) FROM event_roles WHERE role = 'participant'").await, 1);

    let r = app.send(&p, &EventPage { id: 424242 }).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app.send(&p, &JoinEvent { event_id: 424242 }).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn co_organizers_are_added_by_email() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let id = app.create_event(&org, "Forum Société Numérique").await;
    let co = user_agent();
    app.signup(&co, "Nadia Berrada", "nadia@example.ma").await;
    let r = app.send(&org, &AddOrganizer { event_id: id, organizer_email: "nobody@example.ma".into() }).await;
    assert_eq!(r.first_invalid(), Some(Msg::ErrNoSuchAccount));
    let r = app.send(&org, &AddOrganizer { event_id: id, organizer_email: "Nadia@example.ma".into() }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let form = app.send(&co, &EventForm { id }).await;
    assert!(form.status.is_success(), "the co-organizer can now edit: {}", form.body);
}
