//! Judge passes against the real server: a pass signs a phone in to one event's judging and
//! nothing else, only pass-only judges get one, revoking or renewing ends its sessions at
//! once, passes expire, and the database keeps only a digest of the link.

use crate::helpers::*;
use crate::judging::{issued_token, open_pass, save, save_rubric, seed_projects, settings};
use reqwest::{Client, StatusCode};

/// Two events of one organizer (a password account that may create events): A, with a rubric,
/// judging open and one submitted project, and B.
struct Two {
    organizer: Client,
    a: i64,
    b: i64,
    project: i64,
}

async fn two_events(app: &TestApp) -> Two {
    let admin = user_agent();
    app.signup_admin(&admin, "Admin", "admin@example.ma").await;
    let organizer = user_agent();
    app.signup(&organizer, "Salma Benali", "organizer@example.ma").await;
    let id = app.user_id("organizer@example.ma").await;
    let r = app.send(&admin, &SetEventCreator { user_id: id, allowed: true }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let a = app.create_event(&organizer, "Hackathon Berkane").await;
    let b = app.create_event(&organizer, "Bootcamp Oujda").await;
    assert!(save_rubric(app, &organizer, a, 0, 0).await.status.is_success());
    settings(app, &organizer, a, "1", "open", "raw").await;
    let project = seed_projects(&app.state.db.pool, a, 1, None).await[0].0;
    Two { organizer, a, b, project }
}

/// Adds a pass-only judge to event A, assigns, and signs a phone in: (judge id, token, phone).
async fn pass_judge(app: &TestApp, t: &Two) -> (i64, String, Client) {
    let r = app.send(&t.organizer, &AddJudge { event_id: t.a, display_name: "Nadia El Idrissi".into() }).await;
    let token = issued_token(&r);
    let judge = r.json()["user_id"].as_i64().unwrap();
    let r = app
        .send(&t.organizer, &RunAssignment { event_id: t.a, seed: "1".into(), rebalance: None, present_only: None })
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    (judge, token.clone(), open_pass(app, &token).await)
}

async fn desk(app: &TestApp, phone: &Client, event: i64) -> StatusCode {
    app.send(phone, &JudgeDesk { event_id: event }).await.status
}

/// What the organizer of A does with a judge's pass.
enum PassAction {
    /// "renew" or "revoke".
    Reset(&'static str),
    Show,
    /// By this many days.
    Extend(&'static str),
}

async fn pass_action(app: &TestApp, t: &Two, action: PassAction, judge: i64) -> Reply {
    let (event_id, user_id) = (t.a, judge);
    let call = match action {
        PassAction::Reset(action) => Call::of(&ResetPass { event_id, user_id, action: action.into() }),
        PassAction::Show => Call::of(&ShowPass { event_id, user_id }),
        PassAction::Extend(days) => Call::of(&ExtendPass { event_id, user_id, days: days.into() }),
    };
    app.send_call(&t.organizer, &call).await
}

#[tokio::test]
async fn an_account_with_a_password_that_judges_never_gets_a_pass() {
    let app = spawn_app().await;
    let t = two_events(&app).await;
    // The platform admin accepts a judge invite of event A with their own account.
    let admin = user_agent();
    app.login(&admin, "admin@example.ma", PASSWORD).await;
    let code = app.invite(&t.organizer, t.a, "judge", "1").await;
    let r = app.send(&admin, &AcceptInvite { code: code.clone() }).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    let admin_id = app.user_id("admin@example.ma").await;

    // The organizer of A tries to issue them a link in every way there is: all refused.
    let r = pass_action(&app, &t, PassAction::Reset("renew"), admin_id).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrPassOwnLogin)));
    let r = pass_action(&app, &t, PassAction::Show, admin_id).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrPassOwnLogin)));
    let r = pass_action(&app, &t, PassAction::Extend("3"), admin_id).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM judge_passes WHERE user_id = {admin_id}")).await,
        0,
        "no pass exists"
    );
    // Even a pass slipped into the table for a password account opens nothing.
    sqlx::query(
        "INSERT INTO judge_passes (token_hash, event_id, user_id, created_at, expires_at) VALUES ($1, $2, $3, 0, $4)",
    )
    .bind(hakam::judging::passes::token_hash("planted-token-0123456789abcdefghijklmn"))
    .bind(t.a)
    .bind(admin_id)
    .bind(hakam::db::now() + 86_400)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let r = app.send(&user_agent(), &OpenPass { token: "planted-token-0123456789abcdefghijklmn".into() }).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    // Revoking is allowed (it ends whatever pass there is) and leaves the account alone.
    let r = pass_action(&app, &t, PassAction::Reset("revoke"), admin_id).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(app.me(&admin).await["is_admin"], true, "the admin's own session is untouched");

    // The console says who signs in how; the admin judges with their own login.
    let (_, _, _phone) = pass_judge(&app, &t).await;
    let console = app.send(&t.organizer, &JudgingConsole { event_id: t.a }).await.json();
    let judges = console["judges"].as_array().unwrap();
    let own: Vec<bool> = judges.iter().map(|j| j["own_login"].as_bool().unwrap()).collect();
    assert_eq!(own.iter().filter(|o| **o).count(), 1, "{console}");
    assert_eq!(own.iter().filter(|o| !**o).count(), 1, "{console}");
    assert_eq!(desk(&app, &admin, t.a).await, StatusCode::OK);
}

#[tokio::test]
async fn a_pass_session_reaches_its_own_event_as_a_judge_and_nothing_else() {
    let app = spawn_app().await;
    let t = two_events(&app).await;
    let (judge, _, phone) = pass_judge(&app, &t).await;

    // Its own desk and save work.
    assert_eq!(desk(&app, &phone, t.a).await, StatusCode::OK);
    let r = save(&app, &phone, t.a, t.project, "pass-0001", 0, &[("c1", "4"), ("c2", "7")]).await;
    assert_eq!(r.json()["applied"], true, "{}", r.body);
    // Public functions still know who it is.
    assert_eq!(app.me(&phone).await["id"], judge);

    // Even holding other roles (organizer of A, judge of B), the pass reaches none of them.
    for (event, role) in [(t.a, "organizer"), (t.b, "judge"), (t.b, "organizer")] {
        sqlx::query("INSERT INTO event_roles (event_id, user_id, role, granted_at) VALUES ($1, $2, $3, 0)")
            .bind(event)
            .bind(judge)
            .bind(role)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
    sqlx::query("UPDATE users SET is_admin = 1 WHERE id = $1").bind(judge).execute(&app.state.db.pool).await.unwrap();
    let (a, b) = (t.a, t.b);
    for call in [
        Call::of(&ListUsers {}),
        Call::of(&JudgeDesk { event_id: b }),
        Call::of(&JudgingConsole { event_id: b }),
        Call::of(&JudgingConsole { event_id: a }),
        Call::of(&EventForm { id: a }),
        Call::of(&event_form("Pris en otage")),
        Call::of(&JoinEvent { event_id: b }),
        Call::of(&AcceptInvite { code: "no-such-code".into() }),
        Call::of(&JoinTeam { code: "no-such-code".into() }),
        Call::of(&BookSlot { slot_id: 1 }),
        Call::of(&DeleteAccount { account_password: String::new(), confirm: String::new() }),
    ] {
        let r = app.send_call(&phone, &call).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{call:?}: {}", r.body);
    }
    // Plain routes apply the same limits: the organizer role is not the pass's to use.
    assert_eq!(app.get(&phone, &format!("/events/{a}/ranking.csv")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&phone, &format!("/events/{b}/scores.csv")).await.status, StatusCode::FORBIDDEN);
    // Nor is the account's own data: the pass reaches judging, never the account.
    assert_eq!(app.get(&phone, "/account/data.json").await.status, StatusCode::FORBIDDEN);
    // The page of another event shows the pass no role there.
    let page = app.send(&phone, &EventPage { id: b }).await.json();
    assert_eq!(page["my_roles"], serde_json::json!([]), "{page}");
    // And it still scores in its own event.
    assert_eq!(desk(&app, &phone, t.a).await, StatusCode::OK);
}

#[tokio::test]
async fn revoking_or_renewing_a_pass_ends_its_live_sessions_at_once() {
    let app = spawn_app().await;
    let t = two_events(&app).await;
    let (judge, token, phone) = pass_judge(&app, &t).await;
    let second = open_pass(&app, &token).await;
    assert_eq!(desk(&app, &second, t.a).await, StatusCode::OK);

    // "Show link" replaces the secret of the same pass: the phones stay, the old link is dead.
    let shown = issued_token(&pass_action(&app, &t, PassAction::Show, judge).await);
    assert_ne!(shown, token);
    assert_eq!(desk(&app, &phone, t.a).await, StatusCode::OK);
    assert_eq!(app.send(&user_agent(), &OpenPass { token: token.clone() }).await.status, StatusCode::CONFLICT);
    let third = open_pass(&app, &shown).await;

    // Renewing: every phone of the old pass is refused from its next request.
    let renewed = issued_token(&pass_action(&app, &t, PassAction::Reset("renew"), judge).await);
    for p in [&phone, &second, &third] {
        assert_eq!(desk(&app, p, t.a).await, StatusCode::UNAUTHORIZED);
        let r = save(&app, p, t.a, t.project, "after-renew", 0, &[("c1", "1")]).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(app.send(&user_agent(), &OpenPass { token: shown.clone() }).await.status, StatusCode::CONFLICT);
    let fourth = open_pass(&app, &renewed).await;
    assert_eq!(desk(&app, &fourth, t.a).await, StatusCode::OK);

    // Revoking: the live session ends, the link opens nothing, no other link is left.
    let r = pass_action(&app, &t, PassAction::Reset("revoke"), judge).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(desk(&app, &fourth, t.a).await, StatusCode::UNAUTHORIZED);
    assert_eq!(app.me(&fourth).await, serde_json::Value::Null, "the phone is signed out");
    assert_eq!(app.send(&user_agent(), &OpenPass { token: renewed.clone() }).await.status, StatusCode::CONFLICT);
    assert_eq!(pass_action(&app, &t, PassAction::Show, judge).await.status, StatusCode::CONFLICT);
    assert_eq!(app.count("SELECT COUNT(*) FROM judge_passes WHERE revoked_at IS NULL").await, 0);
}

#[tokio::test]
async fn a_pass_expires_a_day_after_judging_closes_and_an_expired_one_opens_nothing() {
    let app = spawn_app().await;
    let t = two_events(&app).await;
    let (judge, token, phone) = pass_judge(&app, &t).await;
    let closes: i64 = sqlx::query_scalar("SELECT judging_closes FROM events WHERE id = $1")
        .bind(t.a)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let expires: i64 = sqlx::query_scalar("SELECT expires_at FROM judge_passes WHERE user_id = $1")
        .bind(judge)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(expires, closes + 86_400);

    // Time passes beyond the expiry.
    sqlx::query("UPDATE judge_passes SET expires_at = $1 WHERE user_id = $2")
        .bind(hakam::db::now() - 1)
        .bind(judge)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let r = app.send(&user_agent(), &OpenPass { token: token.clone() }).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrPassExpired)));
    assert_eq!(desk(&app, &phone, t.a).await, StatusCode::UNAUTHORIZED, "its live session ends too");
    let console = app.send(&t.organizer, &JudgingConsole { event_id: t.a }).await.json();
    assert_eq!(console["judges"][0]["pass"]["expired"], true, "{console}");
    assert_eq!(pass_action(&app, &t, PassAction::Show, judge).await.status, StatusCode::CONFLICT);

    // The organizer extends it: the same link opens again, for the days given.
    assert_eq!(pass_action(&app, &t, PassAction::Extend("0"), judge).await.invalid_fields(), ["days"]);
    let r = pass_action(&app, &t, PassAction::Extend("2"), judge).await;
    assert!(r.status.is_success(), "{}", r.body);
    let expires: i64 = sqlx::query_scalar("SELECT expires_at FROM judge_passes WHERE user_id = $1")
        .bind(judge)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!((expires - hakam::db::now() - 2 * 86_400).abs() < 60, "{expires}");
    let phone = open_pass(&app, &token).await;
    assert_eq!(desk(&app, &phone, t.a).await, StatusCode::OK);
}

#[tokio::test]
async fn the_link_is_stored_as_a_digest_and_shown_once() {
    let app = spawn_app().await;
    let t = two_events(&app).await;
    let a = t.a;
    let r = app.send(&t.organizer, &AddJudge { event_id: a, display_name: "Karim Alaoui".into() }).await;
    let token = issued_token(&r);
    assert!(token.len() >= 32);
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT token_hash FROM judge_passes").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert!(
        !stored[0].contains(&token) && stored[0].len() == 64 && stored[0].bytes().all(|b| b.is_ascii_hexdigit()),
        "{stored:?}"
    );
    // The console shows the new link on its next view only.
    let first = app.send(&t.organizer, &JudgingConsole { event_id: a }).await.body;
    assert!(first.contains(&token), "{first}");
    let second = app.send(&t.organizer, &JudgingConsole { event_id: a }).await.body;
    assert!(!second.contains(&token), "{second}");
    // The HTML page shows it once too, under the label the browser tests use.
    let uid = r.json()["user_id"].as_i64().expect("judge id");
    let shown = app.send(&t.organizer, &ShowPass { event_id: a, user_id: uid }).await;
    assert!(shown.status.is_success(), "{}", shown.body);
    let html = app.get(&t.organizer, &format!("/events/{a}/judging")).await.body;
    assert_eq!(html.matches("pass-link").count(), 1, "{html}");
    assert!(!app.get(&t.organizer, &format!("/events/{a}/judging")).await.body.contains("pass-link"));

    // Judges imported from a CSV: links in the commit's answer and on the batch's next view.
    let r = app
        .send(&t.organizer, &StageImport { event_id: a, kind: "judges".into(), csv_text: "name\nJuge Import\n".into() })
        .await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{}", r.body);
    let batch: i64 = sqlx::query_scalar("SELECT MAX(id) FROM imports").fetch_one(&app.state.db.pool).await.unwrap();
    let r = app.send(&t.organizer, &CommitImport { event_id: a, batch }).await;
    assert!(r.status.is_success(), "{}", r.body);
    let link = r.json()[0]["link"].as_str().unwrap().to_owned();
    assert!(link.contains("/pass/"), "{}", r.body);
    let result: String = sqlx::query_scalar("SELECT result FROM imports WHERE id = $1")
        .bind(batch)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(!result.contains("/pass/"), "{result}");
    let view = app.send(&t.organizer, &ImportBatch { event_id: a, batch: Some(batch) }).await.json();
    assert_eq!(view["created"][0]["link"], link.as_str());
    let again = app.send(&t.organizer, &ImportBatch { event_id: a, batch: Some(batch) }).await.json();
    assert_eq!(again["created"][0]["link"], "");
    let phone = open_pass(&app, link.rsplit('/').next().unwrap()).await;
    assert_eq!(desk(&app, &phone, t.a).await, StatusCode::OK);
}
