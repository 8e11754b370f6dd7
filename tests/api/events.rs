use crate::helpers::*;
use reqwest::{Client, StatusCode};

/// An admin plus an organizer who may create events.
pub async fn organizer(app: &TestApp) -> Client {
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
        let r = app.send(&org, &new_track(id, track.to_string())).await;
        assert!(r.status.is_success(), "{}", r.body);
    }
    let dup = app.send(&org, &new_track(id, "Agritech")).await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(dup.invalid_fields(), ["track_name_fr"], "the name clashes in the language it was written in");

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

/// A valid event on a fixed schedule: it starts on Friday 4 December 2026, 09:00 in Casablanca.
fn december_event(name: &str) -> CreateEvent {
    CreateEvent {
        event: EventInput {
            starts_at: "2026-12-04T09:00".into(),
            ends_at: "2026-12-06T20:00".into(),
            registration_opens: "2026-11-20T09:00".into(),
            registration_closes: "2026-12-04T12:00".into(),
            hacking_starts: "2026-12-04T14:00".into(),
            submission_deadline: "2026-12-06T12:00".into(),
            judging_opens: "2026-12-06T13:00".into(),
            judging_closes: "2026-12-06T17:00".into(),
            results_at: "2026-12-06T18:00".into(),
            ..event_input(name)
        },
    }
}

#[tokio::test]
async fn the_event_page_writes_dates_in_the_readers_language() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let r = app.send(&org, &december_event("Hackathon Oujda")).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let id = app.latest_event_id().await;
    let page = |header: &'static str, value: &'static str| {
        let url = format!("{}/events/{id}", app.base);
        async move { user_agent().get(url).header(header, value).send().await.unwrap().text().await.unwrap() }
    };
    let fr = page("accept-language", "fr-MA,fr;q=0.9").await;
    assert!(fr.contains("ven. 4 déc. 2026, 09:00"), "French start");
    assert!(fr.contains("dim. 6 déc. 2026, 12:00"), "French deadline");
    let ar = page("accept-language", "ar-MA,ar;q=0.9").await;
    assert!(ar.contains("الجمعة 4 دجنبر 2026، 09:00"), "Arabic start, Moroccan month name");
    assert!(!ar.contains("2026-12-04 09:00"));
    let en = page("cookie", "hakam_lang=en").await;
    assert!(en.contains("Fri 4 Dec 2026, 09:00"), "English start");
}

#[tokio::test]
async fn the_timezone_field_suggests_every_zone_without_script() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let id = app.create_event(&org, "Hackathon Tanger").await;
    for path in ["/events/new".to_owned(), format!("/events/{id}/manage")] {
        let html = app.get(&org, &path).await.body;
        assert!(html.contains(r#"list="f-timezone-list""#), "{path}: the input names its list");
        let list = &html[html.find(r#"<datalist id="f-timezone-list">"#).expect("a datalist")..];
        let list = &list[..list.find("</datalist>").unwrap()];
        let first = list.find("<option>").unwrap();
        assert!(list[first..].starts_with("<option>Africa/Casablanca</option>"), "{path}: Morocco first");
        assert!(list.contains("<option>Europe/Paris</option>") && list.contains("<option>UTC</option>"));
        assert!(list.matches("<option>").count() > 400, "{path}: every zone");
    }
}
