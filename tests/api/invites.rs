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
    assert!(
        first["qr_svg"].as_str().unwrap().starts_with("<?xml") || first["qr_svg"].as_str().unwrap().contains("<svg")
    );

    let judge = user_agent();
    let info = app.call(&judge, "invites/info", &[("code", code.as_str())]).await.json();
    assert_eq!(info["event_name"], "Hackathon Berkane");
    assert_eq!(info["status"], "Valid");

    let r = app
        .call(
            &judge,
            "invites/signup-accept",
            &[
                ("code", code.as_str()),
                ("display_name", "عبد الرحيم الإدريسي"),
                ("email", "judge@example.ma"),
                ("password", "correct horse battery"),
            ],
        )
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
        .call(
            &user_agent(),
            "invites/signup-accept",
            &[
                ("code", code.as_str()),
                ("display_name", "X"),
                ("email", "x@example.ma"),
                ("password", "correct horse battery"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE email = 'x@example.ma'").await, 0);
}

#[tokio::test]
async fn revoked_expired_and_unknown_invites_get_clear_answers() {
    let app = spawn_app().await;
    let (org, event) = setup(&app).await;
    let code = app.invite(&org, event, "mentor", "10").await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM invites WHERE code = $1")
        .bind(&code)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let r = app.call(&org, "invites/revoke", &[("event_id", event.to_string()), ("invite_id", id.to_string())]).await;
    assert!(r.status.is_success(), "{}", r.body);
    let u = user_agent();
    app.signup(&u, "Youssef", "youssef@example.ma").await;
    let r = app.call(&u, "invites/accept", &[("code", code.as_str())]).await;
    assert_eq!(r.json()["Conflict"], "ErrInviteRevoked");

    let code = app.invite(&org, event, "mentor", "10").await;
    sqlx::query("UPDATE invites SET expires_at = 1 WHERE code = $1")
        .bind(&code)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
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

#[tokio::test]
async fn a_judge_cannot_also_take_part_or_mentor_unless_an_organizer_allows_it() {
    let app = spawn_app().await;
    let (org, event) = setup(&app).await;
    let e = event.to_string();
    let judge_code = app.invite(&org, event, "judge", "5").await;
    let participant_code = app.invite(&org, event, "participant", "5").await;
    let mentor_code = app.invite(&org, event, "mentor", "5").await;
    let roles = |email: &'static str| {
        let app = &app;
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT r.role FROM event_roles r JOIN users u ON u.id = r.user_id WHERE u.email = $1 ORDER BY r.role",
            )
            .bind(email)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap()
        }
    };

    // A judge tries every way in as a participant or mentor: each is refused, using nothing.
    let judge = user_agent();
    let r = app
        .call(
            &judge,
            "invites/signup-accept",
            &[
                ("code", judge_code.as_str()),
                ("display_name", "Karima"),
                ("email", "karima@example.ma"),
                ("password", "correct horse battery"),
            ],
        )
        .await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let r = app.call(&judge, "events/join", &[("event_id", e.as_str())]).await;
    assert_eq!((r.status, r.json()["Conflict"].as_str()), (StatusCode::CONFLICT, Some("ErrRoleClash")), "{}", r.body);
    for code in [&participant_code, &mentor_code] {
        let r = app.call(&judge, "invites/accept", &[("code", code.as_str())]).await;
        assert_eq!(
            (r.status, r.json()["Conflict"].as_str()),
            (StatusCode::CONFLICT, Some("ErrRoleClash")),
            "{}",
            r.body
        );
    }
    assert_eq!(roles("karima@example.ma").await, ["judge"]);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM invites WHERE role <> 'judge' AND uses > 0").await,
        0,
        "a refused acceptance uses nothing"
    );
    let r = app.call(&judge, "teams/board", &[("event_id", e.as_str()), ("skill", ""), ("language", "")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "the team board stays closed to the judge");

    // The reverse: a participant cannot become a judge of the same event.
    let member = user_agent();
    let r = app
        .call(
            &member,
            "invites/signup-accept",
            &[
                ("code", participant_code.as_str()),
                ("display_name", "Omar"),
                ("email", "omar@example.ma"),
                ("password", "correct horse battery"),
            ],
        )
        .await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let r = app.call(&member, "invites/accept", &[("code", judge_code.as_str())]).await;
    assert_eq!(r.json()["Conflict"], "ErrRoleClash", "{}", r.body);
    assert_eq!(roles("omar@example.ma").await, ["participant"]);

    // The organizer says so with an invite that allows both roles.
    let r = app
        .call(
            &org,
            "invites/create",
            &[
                ("event_id", e.as_str()),
                ("role", "participant"),
                ("label", "Jury et participante"),
                ("max_uses", "1"),
                ("valid_days", "7"),
                ("allow_clash", "on"),
            ],
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let allowed: String = sqlx::query_scalar("SELECT code FROM invites WHERE allow_clash = 1")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let r = app.call(&judge, "invites/accept", &[("code", allowed.as_str())]).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    assert_eq!(roles("karima@example.ma").await, ["judge", "participant"]);
}
