//! Accounts people can recover: the account page's changes (name, e-mail, password, "sign out
//! everywhere") and one-time reset links, issued by the platform admin or the operator's
//! command and by no one else.

use crate::helpers::*;
use reqwest::{Client, StatusCode};

const NEW_PASSWORD: &str = "a new and longer passphrase";

fn done(reply: &Reply, what: &str) {
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{what}: {} {}", reply.status, reply.body);
}

async fn password_hash(app: &TestApp, email: &str) -> String {
    sqlx::query_scalar("SELECT password_hash FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

/// A second browser signed in to the same account.
async fn second_browser(app: &TestApp, email: &str) -> Client {
    let other = user_agent();
    done(&app.login(&other, email, PASSWORD).await, "second login");
    assert_eq!(app.me(&other).await["email"], email);
    other
}

async fn signed_in(app: &TestApp, client: &Client) -> bool {
    !app.me(client).await.is_null()
}

/// The token of a reset link as the admin page or the command hands it out.
fn token_of(url: &str) -> String {
    url.rsplit_once("/reset/").map(|(_, t)| t.to_owned()).expect("a /reset/ link")
}

async fn issue(app: &TestApp, admin: &Client, user_id: i64) -> String {
    let reply = app.send(admin, &IssueResetLink { user_id }).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let url = reply.json()["url"].as_str().expect("the link").to_owned();
    assert!(url.starts_with(&format!("{}/reset/", app.state.config.public_url)), "{url}");
    token_of(&url)
}

async fn reset(app: &TestApp, client: &Client, token: &str, password: &str) -> Reply {
    app.send(client, &ResetPassword { token: token.to_owned(), new_password: password.to_owned() }).await
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_only_the_other_sessions() {
    let app = spawn_app().await;
    let here = user_agent();
    app.signup(&here, "Salma", "salma@example.ma").await;
    let elsewhere = second_browser(&app, "salma@example.ma").await;
    let before = password_hash(&app, "salma@example.ma").await;

    // A wrong current password changes nothing and says so on its field.
    let wrong = ChangePassword { current_password: "not my password".into(), new_password: NEW_PASSWORD.into() };
    let reply = app.send(&here, &wrong).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
    assert_eq!(reply.invalid_fields(), ["current_password"]);
    assert_eq!(reply.first_invalid(), Some(Msg::ErrCurrentPasswordWrong));
    // A new password must follow sign-up's rules.
    let short = ChangePassword { current_password: PASSWORD.into(), new_password: "short".into() };
    let reply = app.send(&here, &short).await;
    assert_eq!(reply.invalid_fields(), ["new_password"]);
    assert_eq!(reply.first_invalid(), Some(Msg::ErrPasswordTooShort));
    assert_eq!(password_hash(&app, "salma@example.ma").await, before);
    assert!(signed_in(&app, &elsewhere).await, "a refused change ends no session");

    let right = ChangePassword { current_password: PASSWORD.into(), new_password: NEW_PASSWORD.into() };
    let reply = app.send(&here, &right).await;
    done(&reply, "change");
    assert_eq!(reply.headers["location"], "/account?done=password");
    let after = password_hash(&app, "salma@example.ma").await;
    assert!(after.starts_with("$argon2id$") && after != before);
    assert_eq!(app.me(&here).await["email"], "salma@example.ma", "this session stays");
    assert!(!signed_in(&app, &elsewhere).await, "the other session ended");
    assert_eq!(app.login(&user_agent(), "salma@example.ma", PASSWORD).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    done(&app.login(&user_agent(), "salma@example.ma", NEW_PASSWORD).await, "login with the new password");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.password_changed'").await, 1);
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session_this_one_too() {
    let app = spawn_app().await;
    let here = user_agent();
    app.signup(&here, "Omar", "omar@example.ma").await;
    let elsewhere = second_browser(&app, "omar@example.ma").await;
    let other_person = user_agent();
    app.signup(&other_person, "Nadia", "nadia@example.ma").await;

    let reply = app.send(&here, &SignOutEverywhere {}).await;
    done(&reply, "sign out everywhere");
    // This device keeps nothing of the account (its desk page, storage, worker).
    assert_eq!(reply.headers["clear-site-data"], r#""storage""#);
    assert!(!signed_in(&app, &here).await);
    assert!(!signed_in(&app, &elsewhere).await);
    assert!(signed_in(&app, &other_person).await, "another account's sessions stay");
    // The password is unchanged: the owner signs in again.
    done(&app.login(&here, "omar@example.ma", PASSWORD).await, "login again");
    assert!(signed_in(&app, &here).await);
    // Anonymous callers have nothing to end.
    assert_eq!(app.send(&user_agent(), &SignOutEverywhere {}).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn people_edit_their_name_and_email_and_a_new_email_needs_the_password() {
    let app = spawn_app().await;
    let karim = user_agent();
    app.signup(&karim, "Karim", "karim@example.ma").await;
    app.signup(&user_agent(), "Other", "other@example.ma").await;
    let profile = |name: &str, email: &str, password: &str| UpdateProfile {
        display_name: name.into(),
        email: email.into(),
        password: password.into(),
    };
    let state = |app: &TestApp| {
        let pool = app.state.db.pool.clone();
        async move {
            sqlx::query_as::<_, (String, String)>("SELECT display_name, email FROM users WHERE id = 1")
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let page = app.send(&karim, &MyAccount {}).await.json();
    assert_eq!((page["display_name"].as_str(), page["email"].as_str()), (Some("Karim"), Some("karim@example.ma")));

    // A name alone needs no password.
    done(&app.send(&karim, &profile("  كريم   بناني ", "karim@example.ma", "")).await, "rename");
    assert_eq!(state(&app).await, ("كريم بناني".to_owned(), "karim@example.ma".to_owned()));
    assert_eq!(app.me(&karim).await["display_name"], "كريم بناني");

    // A new address without the password, with a wrong one, or taken (compared lower-cased):
    // refused on its field, and nothing changes, not even the name sent with it.
    let unchanged = state(&app).await;
    let reply = app.send(&karim, &profile("Karim B", "karim.b@example.ma", "")).await;
    assert_eq!((reply.invalid_fields(), reply.first_invalid()), (vec!["password".to_owned()], Some(Msg::ErrRequired)));
    let reply = app.send(&karim, &profile("Karim B", "karim.b@example.ma", "wrong password")).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.first_invalid(), Some(Msg::ErrCurrentPasswordWrong));
    let reply = app.send(&karim, &profile("Karim B", " OTHER@Example.MA ", PASSWORD)).await;
    assert_eq!((reply.invalid_fields(), reply.first_invalid()), (vec!["email".to_owned()], Some(Msg::ErrEmailTaken)));
    let reply = app.send(&karim, &profile("", "not-an-email", PASSWORD)).await;
    let mut fields = reply.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["display_name", "email"]);
    assert_eq!(state(&app).await, unchanged);

    // With the password, the address moves (lower-cased); the old one no longer signs in.
    done(&app.send(&karim, &profile("Karim B", "Karim.B@Example.MA", PASSWORD)).await, "new address");
    assert_eq!(state(&app).await, ("Karim B".to_owned(), "karim.b@example.ma".to_owned()));
    assert_eq!(app.me(&karim).await["email"], "karim.b@example.ma", "still signed in");
    assert_eq!(app.login(&user_agent(), "karim@example.ma", PASSWORD).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    done(&app.login(&user_agent(), "karim.b@example.ma", PASSWORD).await, "login with the new address");
    // Anonymous callers are refused.
    let reply = app.send(&user_agent(), &profile("X", "x@example.ma", PASSWORD)).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
}

/// The platform admin, an organizer with an event, and a person holding a role there.
struct People {
    admin: Client,
    organizer: Client,
    event: i64,
}

async fn people(app: &TestApp) -> People {
    let admin = user_agent();
    app.signup_admin(&admin, "Admin", "admin@example.ma").await;
    let organizer = user_agent();
    app.signup(&organizer, "Salma", "organizer@example.ma").await;
    let id = app.user_id("organizer@example.ma").await;
    done(&app.send(&admin, &SetEventCreator { user_id: id, allowed: true }).await, "creator");
    let event = app.create_event(&organizer, "Hackathon Berkane").await;
    People { admin, organizer, event }
}

#[tokio::test]
async fn an_admins_reset_link_works_once_and_ends_every_session() {
    let app = spawn_app().await;
    let p = people(&app).await;
    let youssef = user_agent();
    app.signup(&youssef, "Youssef", "youssef@example.ma").await;
    let elsewhere = second_browser(&app, "youssef@example.ma").await;
    let id = app.user_id("youssef@example.ma").await;

    let token = issue(&app, &p.admin, id).await;
    assert!(token.len() >= 40 && token.bytes().all(|b| b.is_ascii_alphanumeric()), "{token}");
    // Only the digest is stored, and no trace of the token is kept anywhere else.
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM password_resets WHERE token_hash = '{}'",
            hakam::links::digest(&token)
        ))
        .await,
        1
    );
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%{token}%'")).await, 0);
    // The admin page shows the link on its next view, once.
    let page = app.get(&p.admin, "/admin").await;
    assert!(page.body.contains(&token), "the link is shown once");
    assert!(!app.get(&p.admin, "/admin").await.body.contains(&token), "and only once");
    // Opening the page changes nothing.
    let page = app.get(&user_agent(), &format!("/reset/{token}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&format!(r#"action="{}""#, ResetPassword::PATH)), "the reset form");
    assert!(signed_in(&app, &youssef).await);

    // Whoever holds the link sets a password, checked like sign-up's.
    let holder = user_agent();
    let reply = reset(&app, &holder, &token, "short").await;
    assert_eq!(reply.first_invalid(), Some(Msg::ErrPasswordTooShort));
    let reply = reset(&app, &holder, &token, NEW_PASSWORD).await;
    done(&reply, "reset");
    assert_eq!(reply.headers["location"], "/login?done=reset");
    assert!(!signed_in(&app, &youssef).await, "every session ended");
    assert!(!signed_in(&app, &elsewhere).await, "every session ended");
    assert!(signed_in(&app, &p.admin).await, "other accounts' sessions stay");
    assert_eq!(app.login(&user_agent(), "youssef@example.ma", PASSWORD).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    done(&app.login(&youssef, "youssef@example.ma", NEW_PASSWORD).await, "login with the new password");
    // Once only.
    let reply = reset(&app, &user_agent(), &token, "yet another passphrase").await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.error(), Some(AppError::Conflict(Msg::ErrResetLinkInvalid)));
    done(&app.login(&user_agent(), "youssef@example.ma", NEW_PASSWORD).await, "the password stayed");
    let _ = p.organizer;
}

#[tokio::test]
async fn a_reset_link_expires_and_a_newer_one_or_a_password_change_retires_it() {
    let app = spawn_app().await;
    let p = people(&app).await;
    let amina = user_agent();
    app.signup(&amina, "Amina", "amina@example.ma").await;
    let id = app.user_id("amina@example.ma").await;
    let before = password_hash(&app, "amina@example.ma").await;

    // Expired: the row says its hour has passed.
    let token = issue(&app, &p.admin, id).await;
    sqlx::query("UPDATE password_resets SET expires_at = $1 WHERE user_id = $2")
        .bind(chrono::Utc::now().timestamp() - 1)
        .bind(id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let reply = reset(&app, &user_agent(), &token, NEW_PASSWORD).await;
    assert_eq!(reply.error(), Some(AppError::Conflict(Msg::ErrResetLinkInvalid)));
    assert_eq!(password_hash(&app, "amina@example.ma").await, before);
    assert!(signed_in(&app, &amina).await);

    // A newer link replaces the older one.
    let first = issue(&app, &p.admin, id).await;
    let second = issue(&app, &p.admin, id).await;
    assert_ne!(first, second);
    assert_eq!(reset(&app, &user_agent(), &first, NEW_PASSWORD).await.status, StatusCode::CONFLICT);
    assert_eq!(password_hash(&app, "amina@example.ma").await, before);

    // Changing the password retires the link that is still open.
    let change = ChangePassword { current_password: PASSWORD.into(), new_password: NEW_PASSWORD.into() };
    done(&app.send(&amina, &change).await, "change");
    assert_eq!(reset(&app, &user_agent(), &second, "the attackers passphrase").await.status, StatusCode::CONFLICT);
    done(&app.login(&user_agent(), "amina@example.ma", NEW_PASSWORD).await, "the owner's password stands");

    // A malformed or unknown token is refused the same way.
    for bad in ["", "short", &"x".repeat(42), "../../admin"] {
        assert_eq!(reset(&app, &user_agent(), bad, NEW_PASSWORD).await.status, StatusCode::CONFLICT, "{bad}");
    }
}

#[tokio::test]
async fn only_the_platform_admin_issues_reset_links() {
    let app = spawn_app().await;
    let p = people(&app).await;
    // A judge with a password of their own, a participant, and a pass-only judge of the event.
    let judge_code = app.invite(&p.organizer, p.event, "judge", "1").await;
    let judge = app.join_with_invite(&judge_code, "Nadia", "judge@example.ma").await;
    let participant_code = app.invite(&p.organizer, p.event, "participant", "1").await;
    let participant = app.join_with_invite(&participant_code, "Youssef", "participant@example.ma").await;
    let (pass_judge, phone) = crate::judging::add_judge(&app, &p.organizer, p.event, "Hamid").await;
    let judge_id = app.user_id("judge@example.ma").await;
    let participant_id = app.user_id("participant@example.ma").await;

    // The organizer cannot take over their judge's or participant's account, nor can the
    // people themselves issue one for each other, nor an anonymous visitor or a judge's phone.
    for (who, client, target, status) in [
        ("organizer → judge", &p.organizer, judge_id, StatusCode::FORBIDDEN),
        ("organizer → participant", &p.organizer, participant_id, StatusCode::FORBIDDEN),
        ("participant → judge", &participant, judge_id, StatusCode::FORBIDDEN),
        ("judge → participant", &judge, participant_id, StatusCode::FORBIDDEN),
        ("judge's phone → itself", &phone, pass_judge, StatusCode::FORBIDDEN),
        ("anonymous → judge", &user_agent(), judge_id, StatusCode::UNAUTHORIZED),
    ] {
        let reply = app.send(client, &IssueResetLink { user_id: target }).await;
        assert_eq!(reply.status, status, "{who}: {}", reply.body);
        assert!(!reply.body.contains("/reset/"), "{who}: no link in a refusal");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM password_resets").await, 0);
    // Nor can they read the accounts list the admin issues links from.
    assert_eq!(app.send(&p.organizer, &ListUsers {}).await.status, StatusCode::FORBIDDEN);

    // A pass-only judge has no password to reset: the organizers renew its link instead.
    let reply = app.send(&p.admin, &IssueResetLink { user_id: pass_judge }).await;
    assert_eq!(reply.error(), Some(AppError::Conflict(Msg::ErrResetPassOnly)));
    assert_eq!(app.send(&p.admin, &IssueResetLink { user_id: 999_999 }).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM password_resets").await, 0);
    // A judge's phone has no account page either.
    assert_eq!(app.send(&phone, &MyAccount {}).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.send(&phone, &SignOutEverywhere {}).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn using_reset_links_is_rate_limited_per_client() {
    let app = spawn_app_with(|c| c.joins_per_minute = 3).await;
    for i in 0..3 {
        let reply = reset(&app, &user_agent(), &hakam::links::random(42), NEW_PASSWORD).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "guess {i}");
    }
    let reply = reset(&app, &user_agent(), &hakam::links::random(42), NEW_PASSWORD).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn the_reset_link_command_issues_a_link_on_the_public_url() {
    use hakam::account::recovery::{reset_link_cli, reset_link_for_email, ResetLinkError};
    let app = spawn_app().await;
    let hind = user_agent();
    app.signup(&hind, "Hind", "hind@example.ma").await;
    let db = &app.state.db;
    let public_url = "https://hakam.example.ma";

    let link = reset_link_for_email(db, public_url, " Hind@Example.MA ").await.expect("a link");
    assert!(link.url.starts_with("https://hakam.example.ma/reset/"), "{}", link.url);
    let now = chrono::Utc::now().timestamp();
    assert!((now + 3590..=now + 3610).contains(&link.expires_at), "an hour: {}", link.expires_at);
    assert!(matches!(
        reset_link_for_email(db, public_url, "ghost@example.ma").await,
        Err(ResetLinkError::NoSuchAccount(_))
    ));
    // Issued by the command: no admin is named.
    assert_eq!(app.count("SELECT COUNT(*) FROM password_resets WHERE created_by IS NULL").await, 1);

    // The command itself, with the server's configuration, prints a link that replaces it.
    let config = (*app.state.config).clone();
    assert_eq!(
        format!("{:?}", reset_link_cli(&config, "hind@example.ma").await),
        format!("{:?}", std::process::ExitCode::SUCCESS)
    );
    assert_eq!(
        format!("{:?}", reset_link_cli(&config, "ghost@example.ma").await),
        format!("{:?}", std::process::ExitCode::FAILURE)
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM password_resets").await, 1);
    assert_eq!(reset(&app, &user_agent(), &token_of(&link.url), NEW_PASSWORD).await.status, StatusCode::CONFLICT);

    // A link the command issued works like the admin's.
    let link = reset_link_for_email(db, &app.state.config.public_url, "hind@example.ma").await.unwrap();
    done(&reset(&app, &user_agent(), &token_of(&link.url), NEW_PASSWORD).await, "reset");
    assert!(!signed_in(&app, &hind).await);
    done(&app.login(&user_agent(), "hind@example.ma", NEW_PASSWORD).await, "login");
}
