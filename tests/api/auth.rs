use crate::helpers::*;
use reqwest::StatusCode;

/// The session cookie a response sets, as `name=value`.
fn session_cookie(reply: &Reply) -> Option<String> {
    reply.session_set_cookie().map(|c| c.split(';').next().unwrap_or_default().to_owned())
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
    // Being the first account makes no one admin.
    assert_eq!(me["is_admin"], false);
    assert_eq!(me["can_create_events"], false);

    app.send(&salma, &Logout {}).await;
    assert!(app.me(&salma).await.is_null());

    let reply = app.login(&salma, "SALMA@example.ma", PASSWORD).await;
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{}", reply.body);
    assert_eq!(app.me(&salma).await["email"], "salma@example.ma");

    let omar = user_agent();
    app.signup(&omar, "Omar Chraibi", "omar@example.ma").await;
    assert_eq!(app.me(&omar).await["is_admin"], false);
}

#[tokio::test]
async fn bad_signup_input_is_reported_per_field_and_writes_nothing() {
    let app = spawn_app().await;
    let c = user_agent();
    let reply = app
        .send(
            &c,
            &Signup { display_name: "  ".into(), email: "not-an-email".into(), password: "short".into(), next: None },
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut fields = reply.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["display_name", "email", "password"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);

    app.signup(&c, "Nadia", "nadia@example.ma").await;
    let again = app.signup(&user_agent(), "Nadia B", "NADIA@example.ma").await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(again.first_invalid(), Some(Msg::ErrEmailTaken));
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}

/// Who the server thinks a raw session cookie belongs to, as a client that kept it would ask.
async fn me_with_cookie(app: &TestApp, cookie: &str) -> serde_json::Value {
    app.request(&reqwest::Client::new(), &Call::of(&CurrentUser {}))
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

    let login = app.login(&c, "karim@example.ma", PASSWORD).await;
    let second = session_cookie(&login).expect("new session cookie at login");
    assert_ne!(first, second, "login must issue a fresh session id");

    // A client that kept the old id (e.g. planted before login) is not signed in.
    let me = me_with_cookie(&app, &first).await;
    assert!(me.is_null(), "old session id still works: {me}");

    app.send(&c, &Logout {}).await;
    let me = me_with_cookie(&app, &second).await;
    assert!(me.is_null(), "session survived logout: {me}");
    assert_eq!(app.count("SELECT COUNT(*) FROM login_failures").await, 0);
}

#[tokio::test]
async fn cross_site_posts_are_refused_before_any_server_function_runs() {
    let app = spawn_app().await;
    let c = reqwest::Client::new();
    let eve = Call::of(&Signup {
        display_name: "Eve".into(),
        email: "eve@example.ma".into(),
        password: PASSWORD.into(),
        next: None,
    });
    for (header, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")] {
        let res = app.request(&c, &eve).header(header, value).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{header}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
    // The same request from the site itself goes through.
    let res =
        app.request(&c, &eve).header("origin", &app.base).header("sec-fetch-site", "same-origin").send().await.unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}

/// Posts a server function as a client behind the trusted proxy would: the proxy appended
/// `address` to an `X-Forwarded-For` the client may have filled with anything.
async fn call_from<T: ServerFn + serde::Serialize>(
    app: &TestApp,
    client: &reqwest::Client,
    args: &T,
    address: &str,
) -> Reply {
    let request = app.request(client, &Call::of(args)).header("x-forwarded-for", format!("6.6.6.6, {address}"));
    Reply::read(request.send().await.expect("request sent")).await
}

fn retry_after(reply: &Reply) -> u64 {
    reply.headers.get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// Failures as a client that kept guessing would have left (the back-off doubles from 1 s,
/// too short to observe reliably with real attempts).
async fn add_failures(app: &TestApp, account: &str, client: &str, n: usize) {
    for _ in 0..n {
        sqlx::query("INSERT INTO login_failures (account, client, trusted, at) VALUES ($1, $2, 0, $3)")
            .bind(account)
            .bind(client)
            .bind(chrono::Utc::now().timestamp())
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
}

fn login_form(email: &str, password: &str) -> Login {
    Login { email: email.into(), password: password.into(), next: None }
}

#[tokio::test]
async fn a_guessing_client_backs_off_but_the_owner_still_gets_in() {
    let app = spawn_app_with(|c| c.login.free_attempts = 3).await;
    let owner = user_agent();
    app.signup(&owner, "Imane", "imane@example.ma").await;
    app.send(&owner, &Logout {}).await;
    let attacker = user_agent();
    for i in 0..3 {
        let reply = app.login(&attacker, "imane@example.ma", "wrong password").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {i}: {}", reply.body);
    }
    // Past its free attempts the client waits 1 s, 2 s, 4 s…; five more guesses make it 32 s.
    add_failures(&app, "imane@example.ma", "ip:127.0.0.1", 5).await;
    let reply = app.login(&attacker, "imane@example.ma", "wrong password").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS, "{}", reply.body);
    assert!((1..=32).contains(&retry_after(&reply)), "429 without its Retry-After: {:?}", reply.headers);
    assert!(matches!(reply.error(), Some(AppError::RateLimited(_))), "{}", reply.body);
    // The refused attempt was neither counted nor checked.
    assert_eq!(app.count("SELECT COUNT(*) FROM login_failures").await, 8);
    // Another browser on the attacker's address waits too, even with the right password…
    let reply = app.login(&user_agent(), "imane@example.ma", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    // …but the owner's browser, which signed in before, is not locked out by them.
    let reply = app.login(&owner, "imane@example.ma", PASSWORD).await;
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{} {}", reply.status, reply.body);
    assert_eq!(app.me(&owner).await["email"], "imane@example.ma");
}

#[tokio::test]
async fn a_right_password_resets_that_clients_counter_only() {
    let app = spawn_app_with(|c| {
        c.login.free_attempts = 3;
        c.trusted_proxy_hops = 1;
    })
    .await;
    app.signup(&user_agent(), "Karim", "karim@example.ma").await;
    let form_wrong = login_form("karim@example.ma", "wrong password");
    let form_right = login_form("karim@example.ma", PASSWORD);
    for _ in 0..2 {
        let reply = call_from(&app, &user_agent(), &form_wrong, "203.0.113.10").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Another address spends its free attempts meanwhile.
    for _ in 0..3 {
        call_from(&app, &user_agent(), &form_wrong, "203.0.113.99").await;
    }
    let reply = call_from(&app, &user_agent(), &form_right, "203.0.113.10").await;
    assert!(reply.status.is_redirection() || reply.status.is_success(), "{} {}", reply.status, reply.body);
    // The slate is clean for 203.0.113.10: its three free failures again.
    assert_eq!(app.count("SELECT COUNT(*) FROM login_failures WHERE client = 'ip:203.0.113.10'").await, 0);
    for i in 0..3 {
        let reply = call_from(&app, &user_agent(), &form_wrong, "203.0.113.10").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {i} after the reset: {}", reply.body);
    }
    // The other address's failures were not forgiven by someone else's success.
    assert_eq!(app.count("SELECT COUNT(*) FROM login_failures WHERE client = 'ip:203.0.113.99'").await, 3);
    add_failures(&app, "karim@example.ma", "ip:203.0.113.99", 5).await;
    let reply = call_from(&app, &user_agent(), &form_right, "203.0.113.99").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn many_addresses_together_are_slowed_per_account_but_not_the_owners_browser() {
    let app = spawn_app_with(|c| {
        c.login.free_attempts = 100;
        c.login.account_per_minute = 3;
        c.trusted_proxy_hops = 1;
    })
    .await;
    let owner = user_agent();
    app.signup(&owner, "Nadia", "nadia@example.ma").await;
    app.send(&owner, &Logout {}).await;
    let wrong = login_form("nadia@example.ma", "wrong password");
    for i in 1..=3 {
        let reply = call_from(&app, &user_agent(), &wrong, &format!("198.51.100.{i}")).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "address {i}");
    }
    let reply = call_from(&app, &user_agent(), &wrong, "198.51.100.4").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!((1..=60).contains(&retry_after(&reply)), "{:?}", reply.headers);
    // Another account is not slowed.
    let reply = call_from(&app, &user_agent(), &login_form("other@example.ma", "wrong password"), "198.51.100.4").await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The owner's browser signed in before: the strangers' flood does not stop it.
    let reply = call_from(&app, &owner, &login_form("nadia@example.ma", PASSWORD), "192.0.2.1").await;
    assert!(reply.status.is_redirection() || reply.status.is_success(), "{} {}", reply.status, reply.body);
}

#[tokio::test]
async fn failed_logins_are_capped_per_client_address_across_accounts() {
    let app = spawn_app_with(|c| c.login.address_per_hour = 5).await;
    let attacker = user_agent();
    for i in 0..5 {
        let reply = app.login(&attacker, &format!("nobody{i}@example.ma"), "wrong password").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let reply = app.login(&attacker, "someone-else@example.ma", "wrong password").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn parallel_guesses_are_counted_before_any_hash() {
    // Fifty guesses at once on one account, from fifty addresses; five may be checked a
    // minute. Were attempts counted after hashing, all fifty would pass an empty count.
    let app = spawn_app_with(|c| {
        c.login.free_attempts = 1000;
        c.login.account_per_minute = 5;
        c.hash_concurrency = 64;
        c.trusted_proxy_hops = 1;
    })
    .await;
    app.signup(&user_agent(), "Omar", "omar@example.ma").await;
    let wrong = login_form("omar@example.ma", "wrong password");
    let clients: Vec<_> = (0..50).map(|_| user_agent()).collect();
    let addresses: Vec<String> = (0..50).map(|i| format!("10.9.0.{}", i + 1)).collect();
    let replies = join_all(clients.iter().zip(&addresses).map(|(c, a)| call_from(&app, c, &wrong, a))).await;
    let checked = replies.iter().filter(|r| r.status == StatusCode::UNPROCESSABLE_ENTITY).count();
    let refused = replies.iter().filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((checked, refused), (5, 45), "{:?}", replies.iter().map(|r| r.status).collect::<Vec<_>>());
    assert_eq!(app.count("SELECT COUNT(*) FROM login_failures").await, 5);
}

#[tokio::test]
async fn a_full_hashing_limiter_answers_503_at_once() {
    let app = spawn_app_with(|c| c.hash_concurrency = 1).await;
    app.signup(&user_agent(), "Hind", "hind@example.ma").await;
    // Hold the only permit, as a hash in progress would.
    let held = app.state.hasher.try_permit().expect("one permit");
    let started = std::time::Instant::now();
    let invite_signup = SignupAndAccept {
        code: "no-such-code".into(),
        display_name: "Sara".into(),
        email: "sara@example.ma".into(),
        password: PASSWORD.into(),
    };
    for reply in [
        app.login(&user_agent(), "hind@example.ma", PASSWORD).await,
        app.signup(&user_agent(), "Said", "said@example.ma").await,
        app.send(&user_agent(), &invite_signup).await,
    ] {
        assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE, "{}", reply.body);
        assert_eq!(retry_after(&reply), 1);
        assert!(matches!(reply.error(), Some(AppError::Busy(_))), "{}", reply.body);
        // Refused at the door: no session was started for it.
        assert!(session_cookie(&reply).is_none(), "{:?}", reply.headers);
    }
    // A form posted without script gets a page in the reader's language, with its way back.
    let res = app
        .request(&user_agent(), &Call::of(&login_form("hind@example.ma", PASSWORD)))
        .header("accept", "text/html,application/xhtml+xml")
        .header("accept-language", "fr")
        .header("referer", format!("{}/login?next=/events", app.base))
        .send()
        .await
        .expect("request sent");
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.headers()["retry-after"], "1");
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let page = res.text().await.unwrap();
    assert!(page.contains("Le serveur est occupé"), "{page}");
    assert!(page.contains("href=\"/login?next=/events\""), "{page}");
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "503 must not wait for a permit");
    // Nothing was stored or counted for the refused requests.
    assert_eq!(app.count("SELECT COUNT(*) FROM login_failures").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
    drop(held);
    let reply = app.login(&user_agent(), "hind@example.ma", PASSWORD).await;
    assert!(reply.status.is_redirection() || reply.status.is_success(), "{} {}", reply.status, reply.body);
}

#[tokio::test]
async fn unknown_and_known_accounts_get_the_same_answer() {
    let app = spawn_app().await;
    app.signup(&user_agent(), "Yassine", "yassine@example.ma").await;
    let known = app.login(&user_agent(), "yassine@example.ma", "wrong password").await;
    let unknown = app.login(&user_agent(), "nobody@example.ma", "wrong password").await;
    assert_eq!(known.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!((known.status, known.body.clone()), (unknown.status, unknown.body));
    assert_eq!(known.first_invalid(), Some(Msg::ErrBadCredentials));
    // An account that cannot sign in (a name-only account) answers the same as well.
    sqlx::query(
        "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ('nohash@example.ma', 'N', '!', 0)",
    )
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let unusable = app.login(&user_agent(), "nohash@example.ma", "wrong password").await;
    assert_eq!((unusable.status, unusable.body), (known.status, known.body));
}

#[tokio::test]
async fn oversized_inputs_are_refused_per_field_before_anything_is_stored() {
    let app = spawn_app().await;
    let c = user_agent();
    let long_email = format!("{}@example.ma", "a".repeat(250));
    let long_password = "p".repeat(10_000);
    let reply = app.login(&c, &long_email, &long_password).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut fields = reply.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["email", "password"]);
    let errors = reply.field_errors();
    assert!(!errors.is_empty() && errors.iter().all(|e| e.msg == Msg::ErrTooLong), "{}", reply.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM login_failures").await, 0);

    let huge_name = format!("N{}N", " ".repeat(100_000));
    let reply = app
        .send(
            &c,
            &Signup {
                display_name: huge_name.clone(),
                email: long_email.clone(),
                password: long_password.clone(),
                next: None,
            },
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut fields = reply.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["display_name", "email", "password"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

#[tokio::test]
async fn signups_invites_and_pass_joins_are_rate_limited_per_client() {
    let app = spawn_app_with(|c| {
        c.joins_per_minute = 3;
        c.trusted_proxy_hops = 1;
    })
    .await;
    // The organizer's address spends one action; the limit is per address.
    let organizer = user_agent();
    let reply = call_from(
        &app,
        &organizer,
        &Signup { display_name: "Org".into(), email: "org@example.ma".into(), password: PASSWORD.into(), next: None },
        "192.0.2.50",
    )
    .await;
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{}", reply.body);
    hakam::auth::bootstrap::make_admin(&app.state.db, "org@example.ma").await.unwrap();
    let event = app.create_event(&organizer, "Hackathon Oujda").await;
    let judge_code = app.invite(&organizer, event, "judge", "10").await;
    let participant_code = app.invite(&organizer, event, "participant", "10").await;

    let hall = "203.0.113.20";
    for i in 0..3 {
        let reply = call_from(
            &app,
            &user_agent(),
            &JoinAsJudge { code: judge_code.clone(), display_name: "Juge".into() },
            hall,
        )
        .await;
        assert!(
            reply.status.is_redirection() || reply.status.is_success(),
            "join {i}: {} {}",
            reply.status,
            reply.body
        );
    }
    let users_before = app.count("SELECT COUNT(*) FROM users").await;
    let refused = [
        call_from(&app, &user_agent(), &JoinAsJudge { code: judge_code.clone(), display_name: "Juge".into() }, hall)
            .await,
        call_from(
            &app,
            &user_agent(),
            &Signup { display_name: "P".into(), email: "p@example.ma".into(), password: PASSWORD.into(), next: None },
            hall,
        )
        .await,
        call_from(
            &app,
            &user_agent(),
            &SignupAndAccept {
                code: participant_code.clone(),
                display_name: "P".into(),
                email: "p@example.ma".into(),
                password: PASSWORD.into(),
            },
            hall,
        )
        .await,
        call_from(&app, &organizer, &AcceptInvite { code: participant_code.clone() }, hall).await,
    ];
    for reply in &refused {
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS, "{}", reply.body);
        assert!(retry_after(reply) >= 1);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, users_before, "a refused join created an account");
    // Another address is not affected.
    let reply = call_from(
        &app,
        &user_agent(),
        &SignupAndAccept {
            code: participant_code.clone(),
            display_name: "P".into(),
            email: "p@example.ma".into(),
            password: PASSWORD.into(),
        },
        "203.0.113.21",
    )
    .await;
    assert!(reply.status.is_redirection() || reply.status.is_success(), "{} {}", reply.status, reply.body);
}

/// Claims the admin set-up link as `client`.
async fn claim(app: &TestApp, client: &reqwest::Client, token: &str) -> Reply {
    app.send(client, &ClaimAdmin { token: token.to_string() }).await
}

fn setup_token(app: &TestApp) -> String {
    app.state.admin_setup.as_deref().expect("a set-up link on a database without an admin").to_owned()
}

#[tokio::test]
async fn the_setup_link_makes_one_admin_once() {
    let app = spawn_app().await;
    let token = setup_token(&app);
    let salma = user_agent();
    app.signup(&salma, "Salma", "salma@example.ma").await;
    assert_eq!(app.me(&salma).await["is_admin"], false);
    // The page tells the signed-in person what the link does.
    let page = app.get(&salma, &format!("/admin/setup/{token}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Become the platform admin"), "{}", page.body);

    // Only the token's hash is stored.
    let hash = hakam::links::digest(&token);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM admin_bootstrap WHERE token_hash = '{hash}'")).await, 1);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM admin_bootstrap WHERE token_hash LIKE '%{token}%'")).await, 0);

    let reply = claim(&app, &salma, "not-the-token").await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.error(), Some(AppError::Conflict(Msg::ErrAdminSetupUsed)));
    assert_eq!(app.me(&salma).await["is_admin"], false);
    // Anonymous callers cannot claim.
    assert_eq!(claim(&app, &user_agent(), &token).await.status, StatusCode::UNAUTHORIZED);

    let reply = claim(&app, &salma, &token).await;
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{} {}", reply.status, reply.body);
    let me = app.me(&salma).await;
    assert_eq!(me["is_admin"], true);
    assert_eq!(me["can_create_events"], true);
    // Single use.
    let omar = user_agent();
    app.signup(&omar, "Omar", "omar@example.ma").await;
    assert_eq!(claim(&app, &omar, &token).await.status, StatusCode::CONFLICT);
    assert_eq!(app.me(&omar).await["is_admin"], false);
    // With an admin, the next start prints no link.
    assert_eq!(hakam::auth::bootstrap::prepare_link(&app.state.db, None).await.unwrap(), None);
}

#[tokio::test]
async fn two_concurrent_claims_make_exactly_one_admin() {
    let app = spawn_app().await;
    let token = setup_token(&app);
    let clients: Vec<_> = (0..6).map(|_| user_agent()).collect();
    for (i, c) in clients.iter().enumerate() {
        app.signup(c, "Candidate", &format!("candidate{i}@example.ma")).await;
    }
    let replies = join_all(clients.iter().map(|c| claim(&app, c, &token))).await;
    let won = replies.iter().filter(|r| r.status.is_success() || r.status.is_redirection()).count();
    let lost = replies.iter().filter(|r| r.status == StatusCode::CONFLICT).count();
    assert_eq!((won, lost), (1, 5), "{:?}", replies.iter().map(|r| (r.status, r.body.clone())).collect::<Vec<_>>());
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE is_admin = 1").await, 1);
}

#[tokio::test]
async fn admin_email_only_lets_that_account_claim() {
    let app = spawn_app_with(|c| c.admin_email = Some("boss@example.ma".into())).await;
    let token = setup_token(&app);
    // Registering the address makes no one admin.
    let boss = user_agent();
    app.signup(&boss, "Boss", "boss@example.ma").await;
    assert_eq!(app.me(&boss).await["is_admin"], false);
    let eve = user_agent();
    app.signup(&eve, "Eve", "eve@example.ma").await;
    let reply = claim(&app, &eve, &token).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.error(), Some(AppError::Conflict(Msg::ErrAdminSetupOtherAccount)));
    assert_eq!(app.me(&eve).await["is_admin"], false);
    let reply = claim(&app, &boss, &token).await;
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{} {}", reply.status, reply.body);
    assert_eq!(app.me(&boss).await["is_admin"], true);
}

#[tokio::test]
async fn the_admin_command_promotes_an_existing_account_and_retires_the_link() {
    let app = spawn_app().await;
    let token = setup_token(&app);
    assert!(matches!(
        hakam::auth::bootstrap::make_admin(&app.state.db, "ghost@example.ma").await,
        Err(hakam::auth::bootstrap::MakeAdminError::NoSuchAccount(_))
    ));
    let karim = user_agent();
    app.signup(&karim, "Karim", "karim@example.ma").await;
    hakam::auth::bootstrap::make_admin(&app.state.db, " Karim@Example.MA ").await.unwrap();
    assert_eq!(app.me(&karim).await["is_admin"], true);
    let other = user_agent();
    app.signup(&other, "Other", "other@example.ma").await;
    assert_eq!(claim(&app, &other, &token).await.status, StatusCode::CONFLICT);
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE is_admin = 1").await, 1);
}

#[tokio::test]
async fn with_the_demo_loaded_a_person_can_still_become_admin() {
    let app = spawn_app_with(|c| c.demo = true).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE is_admin = 1").await, 0);
    let token = setup_token(&app);
    let me = user_agent();
    app.signup(&me, "Amina", "amina@example.ma").await;
    assert_eq!(app.me(&me).await["is_admin"], false);
    let reply = claim(&app, &me, &token).await;
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{} {}", reply.status, reply.body);
    assert_eq!(app.me(&me).await["is_admin"], true);
}

/// A call made as the page scripts make it, asking for the error's texts (with one more
/// header, which says the reader's language), and the error it got.
async fn shown_error(app: &TestApp, call: &Call, header: (&str, &str)) -> (Reply, hakam::error::ShownError) {
    let reply = Reply::read(
        app.request(&user_agent(), call)
            .header(hakam::error::SHOWN_ERRORS, "1")
            .header("accept", "application/json")
            .header(header.0, header.1)
            .send()
            .await
            .unwrap(),
    )
    .await;
    let body = serde_json::from_str(&reply.body).unwrap_or_else(|e| panic!("a shown error ({e}): {}", reply.body));
    (reply, body)
}

/// The page scripts ask for errors with their texts rendered (`ShownError`): the same status,
/// every field's message in the reader's language, and nothing written; anyone else still
/// gets the error's keys.
#[tokio::test]
async fn errors_come_rendered_in_the_reader_language_to_the_page_scripts_only() {
    let app = spawn_app().await;
    let bad = Signup { display_name: "  ".into(), email: "not-an-email".into(), password: "short".into(), next: None };
    let (shown, body) = shown_error(&app, &Call::of(&bad), ("accept-language", "fr-MA,fr;q=0.9")).await;
    assert_eq!(shown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fr = hakam::i18n::Lang::Fr;
    assert_eq!(body.summary, fr.t(Msg::ErrFixFields));
    let mut fields: Vec<&str> = body.fields.iter().map(|(f, _)| f.as_str()).collect();
    fields.sort();
    assert_eq!(fields, ["display_name", "email", "password"]);
    let email = body.fields.iter().find(|(f, _)| f == "email").map(|(_, t)| t.as_str());
    assert_eq!(email, Some(fr.t(Msg::ErrEmailInvalid)), "{}", shown.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);

    // Not a form error: the summary is the error's own line, with its status.
    let c = user_agent();
    app.signup(&c, "Nadia", "nadia@example.ma").await;
    let (refused, body) = shown_error(&app, &Call::of(&SignOutEverywhere {}), ("cookie", "hakam_lang=ar")).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(body.summary, hakam::i18n::Lang::Ar.t(Msg::ErrSignInRequired));
    assert!(body.fields.is_empty());

    // Without the header: the keys, as before.
    let keys = app.send(&user_agent(), &bad).await;
    assert_eq!(keys.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(keys.first_invalid().is_some(), "{}", keys.body);
    assert!(serde_json::from_str::<hakam::error::ShownError>(&keys.body).is_err());
}
