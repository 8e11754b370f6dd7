use crate::helpers::*;
use reqwest::{Client, StatusCode};

/// An admin plus an organizer who may create events.
async fn organizer(app: &TestApp) -> Client {
    let admin = user_agent();
    app.signup_admin(&admin, "Admin", "admin@example.ma").await;
    let org = user_agent();
    app.signup(&org, "سلمى بنعلي", "salma@example.ma").await;
    let id = app.user_id("salma@example.ma").await.to_string();
    app.call(&admin, "admin/set-creator", &[("user_id", id.as_str()), ("allowed", "true")]).await;
    org
}

#[tokio::test]
async fn an_organizer_creates_an_event_with_tracks_and_it_shows_publicly() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let id = app.create_event(&org, "هاكاثون بركان الرقمي").await;
    for track in ["الرقمي في خدمة المواطن", "Agritech"] {
        let r = app
            .call(
                &org,
                "events/add-track",
                &[("event_id", id.to_string().as_str()), ("track_name", track), ("track_description", "")],
            )
            .await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let dup = app
        .call(
            &org,
            "events/add-track",
            &[("event_id", id.to_string().as_str()), ("track_name", "Agritech"), ("track_description", "")],
        )
        .await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(dup.invalid_fields(), ["track_name"]);

    let page = app.call(&user_agent(), "events/page", &[("id", id.to_string())]).await.json();
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
    let r = app.call(&someone, "events/create", &event_form("Mon hackathon")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT COUNT(*) FROM events").await, 0);
}

#[tokio::test]
async fn invalid_events_get_per_field_errors_and_nothing_is_written() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let mut form = event_form("");
    for (k, v) in form.iter_mut() {
        match *k {
            "team_min" => *v = "6".into(),
            "team_max" => *v = "3".into(),
            "timezone" => *v = "Mars/Olympus".into(),
            _ => {}
        }
    }
    let r = app.call(&org, "events/create", &form).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut fields = r.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["name", "team_max", "timezone"]);

    let mut form = event_form("Dates à l'envers");
    for (k, v) in form.iter_mut() {
        if *k == "judging_opens" {
            *v = "2001-01-01T10:00".into();
        }
    }
    let r = app.call(&org, "events/create", &form).await;
    assert_eq!(r.invalid_fields(), ["judging_opens"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM events").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM event_roles").await, 0);
}

#[tokio::test]
async fn a_stale_edit_is_refused_instead_of_overwriting() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let id = app.create_event(&org, "Bootcamp Essaouira").await;
    let save = |name: &'static str| {
        let mut form = vec![("id", id.to_string()), ("version", "1".to_string())];
        form.extend(event_form(name));
        form
    };
    let first = app.call(&org, "events/update", &save("Bootcamp numérique Essaouira")).await;
    assert!(first.status.is_success(), "{}", first.body);
    // A second organizer tab still holds version 1.
    let second = app.call(&org, "events/update", &save("Bootcamp Essaouira 2026")).await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert_eq!(second.json()["Conflict"], "ErrChangedMeanwhile");
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
    let r = app.call(&p, "events/join", &[("event_id", id.to_string())]).await;
    assert!(r.status.is_success(), "{}", r.body);
    // Joining twice is harmless.
    app.call(&p, "events/join", &[("event_id", id.to_string())]).await;
    let page = app.call(&p, "events/page", &[("id", id.to_string())]).await.json();
    assert_eq!(page["my_roles"], serde_json::json!(["Participant"]));
    assert_eq!(app.count("SELECT COUNT(*) FROM event_roles WHERE role = 'participant'").await, 1);

    let r = app.call(&p, "events/page", &[("id", "424242")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app.call(&p, "events/join", &[("event_id", "424242")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn co_organizers_are_added_by_email() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let id = app.create_event(&org, "Forum Société Numérique").await;
    let co = user_agent();
    app.signup(&co, "Nadia Berrada", "nadia@example.ma").await;
    let r = app
        .call(
            &org,
            "events/add-organizer",
            &[("event_id", id.to_string().as_str()), ("organizer_email", "nobody@example.ma")],
        )
        .await;
    assert_eq!(r.json()["Invalid"][0]["msg"], "ErrNoSuchAccount");
    let r = app
        .call(
            &org,
            "events/add-organizer",
            &[("event_id", id.to_string().as_str()), ("organizer_email", "Nadia@example.ma")],
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let form = app.call(&co, "events/form", &[("id", id.to_string())]).await;
    assert!(form.status.is_success(), "the co-organizer can now edit: {}", form.body);
}
