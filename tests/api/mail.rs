//! Reset links people ask for themselves, by e-mail, when the server has a mail server: sent
//! to the account's own address only, the same answer whether or not the account exists, at
//! most three an hour per account; without a mail server the door is closed and the forgot
//! page says whom to ask.

use crate::helpers::*;
use reqwest::StatusCode;

async fn app_with_mail() -> (TestApp, MailSink) {
    let sink = MailSink::start().await;
    let mail = sink.config();
    let app = spawn_app_with(move |c| c.mail = Some(mail)).await;
    (app, sink)
}

fn asked(reply: &Reply) {
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{} {}", reply.status, reply.body);
    assert_eq!(reply.headers["location"], "/forgot?done=sent");
}

/// The `/reset/…` path in a message.
fn reset_path(message: &str) -> String {
    let start = message.find("/reset/").expect("a reset link in the message");
    message[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '-').collect()
}

#[tokio::test]
async fn a_person_gets_their_own_reset_link_by_email_and_uses_it() {
    let (app, sink) = app_with_mail().await;
    app.signup(&user_agent(), "Hind Alaoui", "hind@example.ma").await;

    // Signed out, on another device; the address as typed, in capitals.
    let asker = user_agent();
    asked(&app.send(&asker, &EmailResetLink { email: " Hind@Example.MA ".into() }).await);
    let messages = sink.wait_for(1).await;
    assert_eq!(messages.len(), 1);
    let message = &messages[0];
    assert!(message.contains("To: \"Hind Alaoui\" <hind@example.ma>"), "{message}");
    assert!(message.contains("From: Hakam <no-reply@example.ma>"), "{message}");
    let path = reset_path(message);
    assert!(message.contains(&format!("{}{path}", app.state.config.public_url)), "{message}");

    let token = path.trim_start_matches("/reset/").to_owned();
    let reply =
        app.send(&asker, &ResetPassword { token: token.clone(), new_password: "une nouvelle phrase".into() }).await;
    assert_eq!(reply.headers["location"], "/login?done=reset", "{} {}", reply.status, reply.body);
    let login = app.login(&asker, "hind@example.ma", "une nouvelle phrase").await;
    assert!(login.status.is_success() || login.status.is_redirection(), "{}", login.body);
    // Once only.
    let again = app.send(&user_agent(), &ResetPassword { token, new_password: "encore une phrase".into() }).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_answer_tells_no_one_whether_an_account_exists() {
    let (app, sink) = app_with_mail().await;
    app.signup(&user_agent(), "Karim", "karim@example.ma").await;
    let known = app.send(&user_agent(), &EmailResetLink { email: "karim@example.ma".into() }).await;
    let unknown = app.send(&user_agent(), &EmailResetLink { email: "nobody@example.ma".into() }).await;
    asked(&known);
    asked(&unknown);
    assert_eq!(known.body, unknown.body);
    let messages = sink.wait_for(2).await;
    assert_eq!(messages.len(), 1, "only the existing account gets a message");
    assert!(messages[0].contains("karim@example.ma"));
    let links: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM password_resets").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(links, 1);

    // Not an address at all: said on the field, nothing stored or sent.
    let reply = app.send(&user_agent(), &EmailResetLink { email: "karim".into() }).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
    assert_eq!(reply.invalid_fields(), ["email"]);
}

#[tokio::test]
async fn a_stranger_cannot_flood_a_mailbox() {
    let (app, sink) = app_with_mail().await;
    app.signup(&user_agent(), "Sara", "sara@example.ma").await;
    let stranger = user_agent();
    for _ in 0..5 {
        asked(&app.send(&stranger, &EmailResetLink { email: "sara@example.ma".into() }).await);
    }
    let messages = sink.wait_for(5).await;
    assert_eq!(messages.len(), 3, "three links an hour at most");
    // Only the newest link works: the earlier ones were cancelled as each new one was issued.
    let open: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM password_resets WHERE used_at IS NULL")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(open, 1);
}

#[tokio::test]
async fn without_a_mail_server_the_forgot_page_says_whom_to_ask() {
    let app = spawn_app().await;
    app.signup(&user_agent(), "Omar", "omar@example.ma").await;
    let reply = app.send(&user_agent(), &EmailResetLink { email: "omar@example.ma".into() }).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    assert!(matches!(reply.error(), Some(AppError::Conflict(Msg::ErrMailOff))), "{}", reply.body);
    let links: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM password_resets").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(links, 0);

    let page = app.get(&user_agent(), "/forgot").await.body;
    assert!(!page.contains("name=\"email\""), "no form without a mail server");
    assert!(page.contains(Msg::ForgotAskAdmin.text(hakam::i18n::Lang::En)));

    let (app, _sink) = app_with_mail().await;
    let page = app.get(&user_agent(), "/forgot").await.body;
    assert!(page.contains("name=\"email\""), "the form with a mail server");
    assert!(page.contains(Msg::ForgotAskAdmin.text(hakam::i18n::Lang::En)), "whom to ask stays");
}
