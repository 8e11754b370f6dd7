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

    let list = app.send(&org, &ListInvites { event_id: event }).await.json();
    let first = &list[0];
    assert_eq!(first["role"], "Judge");
    assert!(first["url"].as_str().unwrap().ends_with(&format!("/invite/{code}")));
    assert!(
        first["qr_svg"].as_str().unwrap().starts_with("<?xml") || first["qr_svg"].as_str().unwrap().contains("<svg")
    );

    let judge = user_agent();
    let info = app.send(&judge, &InviteInfo { code: code.clone() }).await.json();
    assert_eq!(info["event_name"], "Hackathon Berkane");
    assert_eq!(info["status"], "Valid");

    let accept = SignupAndAccept {
        code: code.clone(),
        display_name: "عبد الرحيم الإدريسي".into(),
        email: "judge@example.ma".into(),
        password: PASSWORD.into(),
    };
    let r = app.send(&judge, &accept).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let page = app.send(&judge, &EventPage { id: event }).await.json();
    assert_eq!(page["my_roles"], serde_json::json!(["Judge"]));

    // The single-use link is now spent: a second person is told so, and gets no role.
    let late = user_agent();
    app.signup(&late, "Late", "late@example.ma").await;
    let r = app.send(&late, &AcceptInvite { code: code.clone() }).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrInviteUsedUp)));
    // Signing up through a spent link creates no account either.
    let r = app
        .send(
            &user_agent(),
            &SignupAndAccept {
                code: code.clone(),
                display_name: "X".into(),
                email: "x@example.ma".into(),
                password: PASSWORD.into(),
            },
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
    let r = app.send(&org, &RevokeInvite { event_id: event, invite_id: id }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let u = user_agent();
    app.signup(&u, "Youssef", "youssef@example.ma").await;
    let r = app.send(&u, &AcceptInvite { code: code.clone() }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrInviteRevoked)));

    let code = app.invite(&org, event, "mentor", "10").await;
    sqlx::query("UPDATE invites SET expires_at = 1 WHERE code = $1")
        .bind(&code)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let r = app.send(&u, &AcceptInvite { code: code.clone() }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrInviteExpired)));

    let r = app.send(&u, &AcceptInvite { code: "doesnotexist".into() }).await;
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
    let accept = AcceptInvite { code };
    let results = join_all(people.iter().map(|c| app.send(c, &accept))).await;
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
    let judge = app.join_with_invite(&judge_code, "Karima", "karima@example.ma").await;
    let r = app.send(&judge, &JoinEvent { event_id: event }).await;
    assert_eq!(
        (r.status, r.error()),
        (StatusCode::CONFLICT, Some(AppError::Conflict(Msg::ErrRoleClash))),
        "{}",
        r.body
    );
    for code in [&participant_code, &mentor_code] {
        let r = app.send(&judge, &AcceptInvite { code: code.clone() }).await;
        assert_eq!(
            (r.status, r.error()),
            (StatusCode::CONFLICT, Some(AppError::Conflict(Msg::ErrRoleClash))),
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
    let r = app.send(&judge, &TeamBoard { event_id: event, skill: String::new(), language: String::new() }).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "the team board stays closed to the judge");

    // The reverse: a participant cannot become a judge of the same event.
    let member = app.join_with_invite(&participant_code, "Omar", "omar@example.ma").await;
    let r = app.send(&member, &AcceptInvite { code: judge_code.clone() }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrRoleClash)), "{}", r.body);
    assert_eq!(roles("omar@example.ma").await, ["participant"]);

    // The organizer says so with an invite that allows both roles.
    let r = app
        .send(
            &org,
            &CreateInvite {
                event_id: event,
                role: "participant".into(),
                label: "Jury et participante".into(),
                max_uses: "1".into(),
                valid_days: "7".into(),
                allow_clash: Some("on".into()),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let allowed: String = sqlx::query_scalar("SELECT code FROM invites WHERE allow_clash = 1")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let r = app.send(&judge, &AcceptInvite { code: allowed.clone() }).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    assert_eq!(roles("karima@example.ma").await, ["judge", "participant"]);
}
