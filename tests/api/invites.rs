use crate::helpers::*;
use reqwest::{Client, StatusCode};

async fn setup(app: &TestApp) -> (Client, i64) {
    let org = user_agent();
    app.signup_admin(&org, "Organizer", "org@example.ma").await; // first account: admin, may create events
    let id = app.create_event(&org, "Hackathon Berkane").await;
    (org, id)
}

#[tokio::test]
async fn a_judge_joins_through_an_invite_link() {
    let app = spawn_app().await;
    let (org, event) = setup(&app).await;
    let code = app.invite(&org, event, "judge", "1").await;

    let list = app.call(&org, "invites/list", &[("event_id", event.to_string())]).await.json();
    let first = &list[0];
    assert_eq!(first["role"], "Judge");
    assert!(first["url"].as_str().unwrap().ends_with(&format!("/invite/{code}")));
    assert!(first["qr_svg"].as_str().unwrap().starts_with("<?xml") || first["qr_svg"].as_str().unwrap().contains("<svg"));

    let judge = user_agent();
    let info = app.call(&judge, "invites/info", &[("code", code.as_str())]).await.json();
    assert_eq!(info["event_name"], "Hackathon Berkane");
    assert_eq!(info["status"], "Valid");

    let r = app
        .call(&judge, "invites/signup-accept", &[("code", code.as_str()), ("display_name", "عبد الرحيم الإدريسي"), ("email", "judge@example.ma"), ("password", "correct horse battery")])
        .await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let page = app.call(&judge, "events/page", &[("id", event.to_string())]).await.json();
    assert_eq!(page["my_roles"], serde_json::json!(["Judge"]));

    // The single-use link is now spent: a second person is told so, and gets no role.
    let late = user_agent();
    app.signup(&late, "Late", "late@example.ma").await;
    let r = app.call(&late, "invites/accept", &[("code", code.as_str())]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.json()["Conflict"], "ErrInviteUsedUp");
    // Signing up through a spent link creates no account either.
    let r = app
        .call(&user_agent(), "invites/signup-accept", &[("code", code.as_str()), ("display_name", "X"), ("email", "x@example.ma"), ("password", "correct horse battery")])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE email = 'x@example.ma'").await, 0);
}

#[tokio::test]
async fn revoked_expired_and_unknown_invites_get_clear_answers() {
    let app = spawn_app().await;
    let (org, event) = setup(&app).await;
    let code = app.invite(&org, event, "mentor", "10").await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM invites WHERE code = $1").bind(&code).fetch_one(&app.state.db.pool).await.unwrap();
    let r = app.call(&org, "invites/revoke", &[("event_id", event.to_string()), ("invite_id", id.to_string())]).await;
    assert!(r.status.is_success(), "{}", r.body);
    let u = user_agent();
    app.signup(&u, "Youssef", "youssef@example.ma").await;
    let r = app.call(&u, "invites/accept", &[("code", code.as_str())]).await;
    assert_eq!(r.json()["Conflict"], "ErrInviteRevoked");

    let code = app.invite(&org, event, "mentor", "10").await;
    sqlx::query("UPDATE invites SET expires_at = 1 WHERE code = $1").bind(&code).execute(&app.state.db.pool).await.unwrap();
    let r = app.call(&u, "invites/accept", &[("code", code.as_str())]).await;
    assert_eq!(r.json()["Conflict"], "ErrInviteExpired");

    let r = app.call(&u, "invites/accept", &[("code", "doesnotexist")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM event_roles WHERE role = 'mentor'").await, 0);
}

#[tokio::test]
async fn the_last_use_of_an_invite_goes_to_exactly_one_of_many_racers() {
    let app = spawn_app().await;
    let (org, event) = setup(&app).await;
    let code = app.invite(&org, event, "participant", "1").await;
    let mut people = Vec::new();
    for i in 0..8 {
        let c = user_agent();
        app.signup(&c, &format!("Racer {i}"), &format!("racer{i}@example.ma")).await;
        people.push(c);
    }
    let form = [("code", code.as_str())];
    let results = join_all(people.iter().map(|c| app.call(c, "invites/accept", &form))).await;
    let won = results.iter().filter(|r| r.status.is_success() || r.status.is_redirection()).count();
    let lost = results.iter().filter(|r| r.status == StatusCode::CONFLICT).count();
    assert_eq!((won, lost), (1, 7), "{:?}", results.iter().map(|r| (r.status, r.body.clone())).collect::<Vec<_>>());
    assert_eq!(app.count("SELECT COUNT(*) FROM event_roles WHERE role = 'participant'").await, 1);
    assert_eq!(app.count("SELECT uses FROM invites").await, 1);
}
