//! Hostile bodies: every server function and every plain route, sent the same set of bodies
//! a broken or malicious client might send, answers 4xx, never 5xx, never a panic, and the
//! server keeps serving afterwards.

use crate::helpers::*;
use reqwest::{Client, Method, StatusCode};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;

/// Panics on this test's threads (the server of a `#[tokio::test]` runs on the test's own
/// thread, which is named after the test).
static PANICS: AtomicUsize = AtomicUsize::new(0);

fn count_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name().is_some_and(|n| n.contains("hostile")) {
                PANICS.fetch_add(1, Ordering::SeqCst);
            }
            previous(info);
        }));
    });
}

const FORM: &str = "application/x-www-form-urlencoded";

/// (what it is, content type, body)
fn bodies() -> Vec<(&'static str, Option<&'static str>, Vec<u8>)> {
    let mut junk = Vec::with_capacity(2 * 1024 * 1024 + 64);
    let mut x: u32 = 0x2545_f491;
    // Exactly the largest body a server function reads (2 MiB): one byte more is refused
    // before it is read, which a client still sending may see as a reset connection.
    while junk.len() < 2 * 1024 * 1024 {
        // A cheap deterministic scramble of printable bytes and separators.
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        junk.push(b"AZaz09%&=+;<>\"'\\/"[(x % 17) as usize]);
    }
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    vec![
        ("empty, no content type", None, Vec::new()),
        ("empty form", Some(FORM), Vec::new()),
        ("truncated form", Some(FORM), b"event_id=%D8%2".to_vec()),
        ("JSON", Some("application/json"), br#"{"event_id": 1, "id": 1, "name": "x"}"#.to_vec()),
        ("CBOR garbage", Some("application/cbor"), garbage.clone()),
        ("garbage bytes as a form", Some(FORM), garbage.clone()),
        ("garbage bytes, octet-stream", Some("application/octet-stream"), garbage),
        ("2 MB of junk", Some(FORM), junk),
        ("invalid UTF-8", Some(FORM), b"event_id=\xff\xfe\xfd&name=\xc3\x28".to_vec()),
        (
            "huge numbers",
            Some(FORM),
            b"event_id=99999999999999999999999999999&id=-99999999999999999999&version=1e400&team_id=18446744073709551616&from=NaN&project_id=0x7fffffffffffffffff".to_vec(),
        ),
        ("RTL overrides", Some(FORM), "\u{202e}event_id\u{202c}=\u{202e}1&\u{2067}name=\u{202e}nimda".as_bytes().to_vec()),
        ("HTML", Some(FORM), b"<script>alert(1)</script>=<img src=x onerror=alert(1)>&<b>=</textarea>".to_vec()),
        ("multipart without boundary", Some("multipart/form-data"), b"--x\r\ncontent-disposition: form-data; name=\"event_id\"\r\n\r\n1\r\n--x--".to_vec()),
        ("truncated multipart", Some("multipart/form-data; boundary=hostile"), b"--hostile\r\ncontent-disposition: form-data; name=\"event_id\"\r\n\r\n1\r\n--hos".to_vec()),
        ("broken content type", Some("multipart/form-data; boundary=\"unterminated"), b"--x".to_vec()),
    ]
}

/// Bodies a function without arguments legitimately accepts: a url-encoded form it can
/// decode, whose fields it has no use for (as any form with extra fields).
const DECODABLE_FORMS: &[&str] =
    &["empty form", "truncated form", "2 MB of junk", "huge numbers", "RTL overrides", "HTML"];

/// The server functions that take no argument. A function joins this list only if it reads
/// nothing from its body; the test checks the list against what the server does.
const NO_ARGUMENTS: &[&str] = &[
    CurrentUser::PATH,
    Logout::PATH,
    ListEvents::PATH,
    ListUsers::PATH,
    MyAccount::PATH,
    SignOutEverywhere::PATH,
    PrivacyNotice::PATH,
];

/// The functions that end the caller's session: probed and sent last.
const SIGNING_OUT: &[&str] = &[SignOutEverywhere::PATH, Logout::PATH];

struct Outcome {
    failures: Vec<String>,
}

impl Outcome {
    fn check(&mut self, what: String, reply: Result<reqwest::Response, reqwest::Error>, may_succeed: bool) {
        match reply {
            Err(e) => self.failures.push(format!("{what}: no answer (connection dropped: a panic?) {e}")),
            Ok(r) => {
                let s = r.status();
                let fine = s.is_client_error() || (may_succeed && s.is_success());
                if !fine {
                    self.failures.push(format!("{what}: {s}"));
                }
            }
        }
    }
}

async fn send(
    client: &Client,
    method: Method,
    url: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<reqwest::Response, reqwest::Error> {
    let mut req = client.request(method, url).body(body.to_vec());
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    req.send().await
}

#[tokio::test]
async fn hostile_bodies_get_a_4xx_never_a_5xx_or_a_panic() {
    count_panics();
    let app = spawn_app().await;
    let organizer = user_agent();
    app.signup_admin(&organizer, "Salma Benali", "organizer@example.ma").await;
    let event = app.create_event(&organizer, "Hackathon Berkane").await;
    let code = app.invite(&organizer, event, "participant", "1").await;
    let participant = app.join_with_invite(&code, "Participante", "p@example.ma").await;
    let personas: [(&str, Client); 3] =
        [("anonymous", user_agent()), ("participant", participant), ("organizer", organizer)];

    let mut functions: Vec<String> = leptos::server_fn::axum::server_fn_paths().map(|(p, _)| p.to_owned()).collect();
    functions.sort();
    // Signing out last keeps the personas signed in for the rest.
    functions.sort_by_key(|p| SIGNING_OUT.contains(&p.as_str()));
    assert!(functions.len() > 50, "server functions registered: {}", functions.len());

    // Which functions take no argument: those that accept an empty form from the organizer.
    let mut no_arguments = Vec::new();
    for path in &functions {
        if SIGNING_OUT.contains(&path.as_str()) {
            continue;
        }
        let r = send(&personas[2].1, Method::POST, &format!("{}{path}", app.base), Some(FORM), b"").await.unwrap();
        if r.status().is_success() {
            no_arguments.push(path.clone());
        }
    }
    no_arguments.extend(SIGNING_OUT.iter().map(|p| p.to_string()));
    no_arguments.sort();
    let mut expected: Vec<String> = NO_ARGUMENTS.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(no_arguments, expected, "functions that accept an empty form");

    let bodies = bodies();
    let mut outcome = Outcome { failures: Vec::new() };
    // Raw bodies on purpose, never the argument types: what is sent is not what any server
    // function takes.
    for path in &functions {
        for (persona, client) in &personas {
            for (what, content_type, body) in &bodies {
                let may_succeed = NO_ARGUMENTS.contains(&path.as_str()) && DECODABLE_FORMS.contains(what);
                let reply = send(client, Method::POST, &format!("{}{path}", app.base), *content_type, body).await;
                outcome.check(format!("POST {path} as {persona}, {what}"), reply, may_succeed);
            }
            // Server functions take POST only.
            let reply = send(client, Method::GET, &format!("{}{path}?event_id=1", app.base), None, b"").await;
            outcome.check(format!("GET {path} as {persona}"), reply, false);
        }
    }
    let unknown =
        send(&personas[0].1, Method::POST, &format!("{}/api/no/such/function", app.base), Some(FORM), b"").await;
    outcome.check("an unknown server function".into(), unknown, false);

    // The plain routes: real and hostile path values, then every hostile body.
    let e = event.to_string();
    let templates = [
        "/events/{}/live",
        "/events/{}/board/live",
        "/events/{}/sessions.csv",
        "/events/{}/teams.csv",
        "/events/{}/submissions.csv",
        "/events/{}/scores.csv",
        "/events/{}/ranking.csv",
        "/uploads/{}",
        "/lang/{}",
    ];
    let hostile_values = [
        "99999999999999999999999",
        "-1",
        "%E2%80%AE1",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "1e400",
        "%00",
        "..%2F..%2Fetc%2Fpasswd",
        "%FF%FE",
    ];
    for template in templates {
        for (persona, client) in &personas {
            for value in hostile_values {
                let url = format!("{}{}", app.base, template.replace("{}", value));
                let reply = send(client, Method::GET, &url, None, b"").await;
                outcome.check(format!("GET {} as {persona}", template.replace("{}", value)), reply, false);
            }
            let real = format!(
                "{}{}",
                app.base,
                template.replace("{}", if template.starts_with("/lang") { "en" } else { &e })
            );
            for (what, content_type, body) in &bodies {
                let reply = send(client, Method::POST, &real, *content_type, body).await;
                outcome.check(format!("POST {template} as {persona}, {what}"), reply, false);
            }
        }
    }
    // Pass links are pages: a hostile token must not break them (their refusal status is
    // the pages' own matter), and nothing may be posted to them.
    for value in hostile_values {
        let r = send(&personas[0].1, Method::GET, &format!("{}/pass/{value}", app.base), None, b"").await;
        match r {
            Ok(r) => assert!(!r.status().is_server_error(), "/pass/{value}: {}", r.status()),
            Err(e) => outcome.failures.push(format!("/pass/{value}: no answer {e}")),
        }
    }
    for (what, content_type, body) in &bodies {
        let reply = send(&personas[0].1, Method::POST, &format!("{}/pass/abc", app.base), *content_type, body).await;
        outcome.check(format!("POST /pass/abc, {what}"), reply, false);
    }

    assert!(
        outcome.failures.is_empty(),
        "{} hostile requests not answered 4xx:\n{}",
        outcome.failures.len(),
        outcome.failures.join("\n")
    );
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "the server panicked");
    let health = app.get(&user_agent(), "/healthz").await;
    assert_eq!(health.status, StatusCode::OK, "still serving afterwards");
    assert_eq!(app.count("SELECT COUNT(*) FROM events").await, 1, "nothing was created");
}

#[tokio::test]
async fn hostile_upload_bodies_get_415_or_400_not_a_panic() {
    count_panics();
    let app = spawn_app().await;
    let organizer = user_agent();
    app.signup_admin(&organizer, "Salma Benali", "organizer@example.ma").await;
    // Raw bodies on purpose: none is the multipart form the uploads take.
    for path in [UploadScreenshot::PATH, UploadRoomPlan::PATH] {
        let url = format!("{}{path}", app.base);
        for (content_type, body, expected) in [
            (None, &b""[..], StatusCode::UNSUPPORTED_MEDIA_TYPE),
            (Some(FORM), b"event_id=1", StatusCode::UNSUPPORTED_MEDIA_TYPE),
            (Some("application/json"), b"{\"event_id\":1}", StatusCode::UNSUPPORTED_MEDIA_TYPE),
            (Some("multipart/form-data"), b"--x--", StatusCode::BAD_REQUEST),
        ] {
            let r = send(&organizer, Method::POST, &url, content_type, body)
                .await
                .expect("an answer, not a dropped connection");
            assert_eq!(r.status(), expected, "{path} {content_type:?}");
            let error: serde_json::Value = r.json().await.unwrap();
            assert!(error.is_string() || error.is_object(), "the usual error body: {error}");
        }
    }
    // Undecodable url-encoded bodies are a 400 with the usual error body.
    let r = send(&organizer, Method::POST, &format!("{}{}", app.base, EventPage::PATH), Some(FORM), b"id=\xff\xfe")
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap(), "BadRequest");
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "the server panicked");
}
