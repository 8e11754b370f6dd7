//! Web hardening over HTTP: redirects that stay on the site, errors in URLs that only the
//! server can put there, security headers, and what the public projector may show and cost.

use crate::helpers::*;
use crate::judging::jury;
use reqwest::StatusCode;
use std::time::Duration;

/// What browsers do to a `Location` before following it: drop tabs and newlines, read `\`
/// as `/`; then whether the result leaves this site.
fn leaves_the_site(location: &str) -> bool {
    let cleaned: String = location
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    let cleaned = cleaned.trim_start();
    cleaned.starts_with("//") || cleaned.contains("://") || !cleaned.starts_with('/')
}

#[tokio::test]
async fn language_switch_and_login_never_redirect_off_site() {
    let app = spawn_app().await;
    let hostile = [
        "/%09/evil.example",
        "/%0a/evil.example",
        "%2F%2Fevil.example",
        "/%5Cevil.example",
        "%5C%5Cevil.example",
        "https://evil.example",
        "/%E2%80%AE/evil.example",
        "/%2F/evil.example",
        "%09//evil.example",
    ];
    for next in hostile {
        let r = app.get(&user_agent(), &format!("/lang/en?next={next}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{next}");
        let location = r.headers["location"].to_str().unwrap();
        assert_eq!(location, "/", "/lang followed {next:?} to {location:?}");
    }
    // An unknown language is not a language switch.
    assert_eq!(app.get(&user_agent(), "/lang/xx?next=/").await.status, StatusCode::NOT_FOUND);

    // Login: a plain form post that names where to go next.
    let browser = user_agent();
    app.signup(&browser, "Salma Benali", "salma@example.ma").await;
    for next in ["/\t/evil.example", "/\\evil.example", "//evil.example", "/\u{202e}/evil.example", "/events/1"] {
        let login = Login { email: "salma@example.ma".into(), password: PASSWORD.into(), next: Some(next.into()) };
        let r = app.request(&browser, &Call::of(&login)).header("accept", "text/html").send().await.unwrap();
        assert!(r.status().is_redirection(), "{next:?}: {}", r.status());
        let location = r.headers()["location"].to_str().unwrap().to_owned();
        assert!(!leaves_the_site(&location), "login followed {next:?} to {location:?}");
        if next == "/events/1" {
            assert_eq!(location, "/events/1", "a path on the site is kept");
        } else {
            assert_eq!(location, "/", "{next:?}");
        }
    }
}

/// `__err` as the server writes it: URL-safe base64 of the JSON error.
fn encoded_error(json: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bytes = json.as_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push_str("%3D");
            }
        }
    }
    out
}

#[tokio::test]
async fn an_error_in_a_crafted_url_shows_no_text_of_its_author() {
    let app = spawn_app().await;
    let bait = "Call +212 600 000 000 to recover your account";
    let forged = [
        AppError::ConflictWith(Msg::ErrChangedMeanwhile, bait.into()),
        // Built field by field: the typed constructors would not put free text there.
        AppError::Invalid(vec![FieldError { field: "email".into(), msg: Msg::ErrTooLong, arg: Some(bait.into()) }]),
        AppError::Invalid(vec![FieldError { field: "form".into(), msg: Msg::ErrNumberRange, arg: Some(bait.into()) }]),
    ]
    // Forged by hand in the shape the server writes, so they look like real errors.
    .map(|error| serde_json::to_string(&error).unwrap());
    for json in &forged {
        let url = format!("/signup?__path={}&__err={}", Signup::PATH, encoded_error(json));
        let r = app.get(&user_agent(), &url).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(!r.body.contains("Call +212"), "forged error text shown for {json}");
    }
    // The same holds for a visitor who has a session (and a real error of their own pending).
    let browser = user_agent();
    let signup = Signup {
        display_name: "Meryem".into(),
        email: "meryem@".into(),
        password: "long enough password".into(),
        next: None,
    };
    let res = app
        .request(&browser, &Call::of(&signup))
        .header("accept", "text/html")
        .header("referer", format!("{}/signup", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let url = format!("{}/signup?__path={}&__err={}", app.base, Signup::PATH, encoded_error(&forged[0]));
    let html = browser.get(&url).header("accept", "text/html").send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("Call +212"), "a forged error replaced the real one");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/login", "/signup", "/events/1", "/healthz", CurrentUser::PATH] {
        let r = if path.starts_with("/api/") {
            app.send(&user_agent(), &CurrentUser {}).await
        } else {
            app.get(&user_agent(), path).await
        };
        assert_eq!(r.headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(r.headers["referrer-policy"], "same-origin", "{path}");
        assert!(r.headers.get("strict-transport-security").is_none(), "no HSTS over plain http ({path})");
    }
    let page = app.get(&user_agent(), "/login").await;
    let csp = page.headers["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let script_src = csp.split(';').find(|d| d.trim().starts_with("script-src")).unwrap().to_owned();
    // Every inline script of the page carries this response's nonce, and only those run.
    let nonce = script_src
        .split_whitespace()
        .find_map(|t| t.strip_prefix("'nonce-"))
        .map(|t| t.trim_end_matches('\'').to_owned())
        .expect("a nonce");
    assert!(nonce.len() >= 16, "{nonce}");
    let mut scripts = 0;
    for tag in page.body.split("<script").skip(1) {
        let open = &tag[..tag.find('>').unwrap()];
        scripts += 1;
        assert!(
            open.contains("src=") || open.contains(&format!("nonce=\"{nonce}\"")),
            "inline script without the nonce: <script{open}>"
        );
    }
    assert!(scripts > 0);
    let again = app.get(&user_agent(), "/login").await;
    assert_ne!(again.headers["content-security-policy"].to_str().unwrap(), csp, "a fresh nonce per page");

    // Over https, browsers are told to stay on https.
    let secure = spawn_app_with(|c| c.public_url = "https://hakam.example".into()).await;
    let r = secure.get(&user_agent(), "/healthz").await;
    assert_eq!(r.headers["strict-transport-security"], "max-age=31536000");
}

/// Reads SSE messages until one of type `board` arrives; returns its data.
async fn next_board(stream: &mut reqwest::Response, buffer: &mut String) -> String {
    loop {
        if let Some(end) = buffer.find("\n\n") {
            let message: String = buffer.drain(..end + 2).collect();
            if message.contains("event: board") {
                return message
                    .lines()
                    .filter_map(|l| l.strip_prefix("data: ").or_else(|| l.strip_prefix("data:")))
                    .collect::<Vec<_>>()
                    .join("\n");
            }
            continue;
        }
        let chunk = tokio::time::timeout(Duration::from_secs(5), stream.chunk())
            .await
            .expect("a board message within 5 s")
            .unwrap()
            .expect("stream open");
        buffer.push_str(&String::from_utf8_lossy(&chunk));
    }
}

#[tokio::test]
async fn members_only_announcements_stay_off_the_public_projector() {
    let app = spawn_app().await;
    let jury = jury(&app, 1, 1, "1").await;
    let judge = &jury.judges[0].1;
    let anonymous = user_agent();
    let url = format!("{}/events/{}/board/live?lang=en", app.base, jury.event);
    let mut stream = anonymous.get(&url).send().await.unwrap();
    let mut buffer = String::new();
    next_board(&mut stream, &mut buffer).await;

    let secret = "Jury: meet in room 3 to settle the tie";
    let r = app
        .send(
            &jury.organizer,
            &PostAnnouncement {
                event_id: jury.event,
                body_ar: String::new(),
                body_fr: String::new(),
                body_en: secret.to_string(),
                public: None,
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    // Members read it on the event's pages.
    let list = app.send(judge, &EventAnnouncements { event_id: jury.event }).await.json();
    assert_eq!(list["items"][0][1], secret);
    // The projector, anonymous or not, and the pushed frames do not carry it.
    for who in [&anonymous, judge, &jury.organizer] {
        let view = app.send(who, &ProjectorData { event_id: jury.event }).await;
        assert!(view.status.is_success(), "{}", view.body);
        assert!(!view.body.contains(secret), "member-only announcement on the projector");
    }
    let shown = "Lunch is served in hall B";
    let r = app
        .send(
            &jury.organizer,
            &PostAnnouncement {
                event_id: jury.event,
                body_ar: String::new(),
                body_fr: String::new(),
                body_en: shown.to_string(),
                public: Some("on".into()),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let pushed = next_board(&mut stream, &mut buffer).await;
    assert!(pushed.contains(shown), "the public announcement is pushed: {pushed}");
    assert!(!pushed.contains(secret));
    let view = app.send(&anonymous, &ProjectorData { event_id: jury.event }).await;
    assert!(view.body.contains(shown) && !view.body.contains(secret), "{}", view.body);
    let public: i64 = app.count("SELECT COUNT(*) FROM announcements WHERE is_public = 1").await;
    assert_eq!(public, 1);
}

#[tokio::test]
async fn anonymous_projector_loads_are_served_from_the_cache_and_stay_current() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    // Let the set-up's last notices (throttled by up to 100 ms) settle first.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let anonymous = user_agent();
    let first = app.send(&anonymous, &ProjectorData { event_id: jury.event }).await;
    assert!(first.status.is_success(), "{}", first.body);
    let before = app.state.boards.computations();
    // The same frame every time; only the server's clock (`now_ms`, for the stage countdown)
    // moves between loads.
    let frame = |r: &Reply| {
        let mut v = r.json();
        v.as_object_mut().map(|o| o.remove("now_ms"));
        v
    };
    for _ in 0..30 {
        let r = app.send(&anonymous, &ProjectorData { event_id: jury.event }).await;
        assert_eq!(frame(&r), frame(&first));
    }
    assert_eq!(app.state.boards.computations(), before, "30 reloads, no recomputation");

    // A change is in the very next load, and costs one computation, not one per viewer.
    let r = app
        .send(
            &jury.organizer,
            &PostAnnouncement {
                event_id: jury.event,
                body_ar: String::new(),
                body_fr: String::new(),
                body_en: "Doors close at 18:00".into(),
                public: Some("on".into()),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let r = app.send(&anonymous, &ProjectorData { event_id: jury.event }).await;
    assert!(r.body.contains("Doors close at 18:00"), "{}", r.body);
    for _ in 0..10 {
        app.send(&user_agent(), &ProjectorData { event_id: jury.event }).await;
    }
    let spent = app.state.boards.computations() - before;
    assert!(spent <= 2, "{spent} computations for one change");
    // Unknown events are still refused.
    let r = app.send(&anonymous, &ProjectorData { event_id: 999999 }).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn one_client_cannot_hold_more_live_streams_than_its_budget() {
    let app = spawn_app_with(|c| {
        c.max_streams_per_client = 3;
        c.trusted_proxy_hops = 1;
    })
    .await;
    let jury = jury(&app, 1, 1, "1").await;
    let board = format!("{}/events/{}/board/live", app.base, jury.event);
    let live = format!("{}/events/{}/live", app.base, jury.event);
    let from =
        |addr: &'static str| move |r: reqwest::RequestBuilder| r.header("x-forwarded-for", format!("6.6.6.6, {addr}"));
    let hall = from("203.0.113.7");
    let mut open = Vec::new();
    for _ in 0..2 {
        let r = hall(user_agent().get(&board)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        open.push(r);
    }
    let r = hall(jury.organizer.get(&live)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "the event stream counts in the same budget");
    open.push(r);
    let refused = hall(user_agent().get(&board)).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key("retry-after"));
    assert_eq!(app.state.streams.open(), 3);
    // Another address has its own budget; the first word of the header is the client's
    // own claim and does not count.
    let other = from("198.51.100.9");
    let r = other(user_agent().get(&board)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    open.push(r);
    // A stream that ends frees its place.
    drop(open.remove(0));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let r = hall(user_agent().get(&board)).send().await.unwrap();
        if r.status() == StatusCode::OK {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "the place of a closed stream was never freed");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
