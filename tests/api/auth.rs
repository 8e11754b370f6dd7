use crate::helpers::*;
use reqwest::StatusCode;

fn session_cookie(reply: &Reply) -> Option<String> {
    reply
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("hakam="))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn signup_login_logout_round_trip() {
    let app = spawn_app().await;
    let salma = user_agent();
    let reply = app.signup(&salma, "سلمى بنعلي", "Salma@Example.ma").await;
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{} {}", reply.status, reply.body);
    let me = app.me(&salma).await;
    assert_eq!(me["display_name"], "سلمى بنعلي");
    assert_eq!(me["email"], "salma@example.ma");
    // The first account is the platform admin.
    assert_eq!(me["is_admin"], true);

    app.call(&salma, "auth/logout", &NONE).await;
    assert!(app.me(&salma).await.is_null());

    let reply = app.login(&salma, "SALMA@example.ma", "correct horse battery").await;
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{}", reply.body);
    assert_eq!(app.me(&salma).await["email"], "salma@example.ma");

    // The second account is not an admin.
    let omar = user_agent();
    app.signup(&omar, "Omar Chraibi", "omar@example.ma").await;
    assert_eq!(app.me(&omar).await["is_admin"], false);
}

#[tokio::test]
async fn bad_signup_input_is_reported_per_field_and_writes_nothing() {
    let app = spawn_app().await;
    let c = user_agent();
    let reply = app
        .call(&c, "auth/signup", &[("display_name", "  "), ("email", "not-an-email"), ("password", "short")])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut fields = reply.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["display_name", "email", "password"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);

    app.signup(&c, "Nadia", "nadia@example.ma").await;
    let again = app.signup(&user_agent(), "Nadia B", "NADIA@example.ma").await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(again.json()["Invalid"][0]["msg"], "ErrEmailTaken");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}

/// Who the server thinks a raw session cookie belongs to, as a client that kept it would ask.
async fn me_with_cookie(app: &TestApp, cookie: &str) -> serde_json::Value {
    reqwest::Client::new()
        .post(format!("{}/api/auth/me", app.base))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn session_id_is_cycled_at_login_and_dead_after_logout() {
    let app = spawn_app().await;
    let c = user_agent();
    let signup = app.signup(&c, "Karim", "karim@example.ma").await;
    let first = session_cookie(&signup).expect("session cookie after signup");

    let login = app.login(&c, "karim@example.ma", "correct horse battery").await;
    let second = session_cookie(&login).expect("new session cookie at login");
    assert_ne!(first, second, "login must issue a fresh session id");

    // A client that kept the old id (e.g. planted before login) is not signed in.
    let me = me_with_cookie(&app, &first).await;
    assert!(me.is_null(), "old session id still works: {me}");

    app.call(&c, "auth/logout", &NONE).await;
    let me = me_with_cookie(&app, &second).await;
    assert!(me.is_null(), "session survived logout: {me}");
    assert_eq!(app.count("SELECT COUNT(*) FROM login_failures").await, 0);
}

#[tokio::test]
async fn failed_logins_are_throttled_per_account() {
    let app = spawn_app().await;
    let c = user_agent();
    app.signup(&c, "Imane", "imane@example.ma").await;
    let attacker = user_agent();
    for i in 0..100 {
        let reply = app.login(&attacker, "imane@example.ma", "wrong password").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {i}: {}", reply.body);
    }
    let reply = app.login(&attacker, "imane@example.ma", "wrong password").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(reply.json(), serde_json::json!("TooManyAttempts"));
    // Even the right password is refused while the account is throttled.
    let reply = app.login(&user_agent(), "imane@example.ma", "correct horse battery").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn failed_logins_are_throttled_per_client_address() {
    let app = spawn_app_with(|c| c.max_failures_per_client = 5).await;
    let attacker = user_agent();
    for i in 0..5 {
        let email = format!("nobody{i}@example.ma");
        let reply = app.login(&attacker, &email, "wrong password").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let reply = app.login(&attacker, "someone-else@example.ma", "wrong password").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn cross_site_posts_are_refused_before_any_server_function_runs() {
    let app = spawn_app().await;
    let c = reqwest::Client::new();
    for (header, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")] {
        let res = c
            .post(format!("{}/api/auth/signup", app.base))
            .header(header, value)
            .form(&[("display_name", "Eve"), ("email", "eve@example.ma"), ("password", "correct horse battery")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{header}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
    // The same request from the site itself goes through.
    let res = c
        .post(format!("{}/api/auth/signup", app.base))
        .header("origin", &app.base)
        .header("sec-fetch-site", "same-origin")
        .form(&[("display_name", "Eve"), ("email", "eve@example.ma"), ("password", "correct horse battery")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}
