//! The live channel across instances: with PostgreSQL, a change made through one instance
//! reaches pages connected to another.

use crate::helpers::*;
use crate::judging::{assign, jury, save};
use reqwest::StatusCode;
use std::time::Duration;

#[tokio::test]
async fn a_score_saved_on_one_instance_reaches_viewers_of_another() {
    // Several instances share a database only with PostgreSQL: this runs on it in every run.
    let app = spawn_app_on("postgres").await;
    let second = spawn_instance(&app).await;
    let jury = jury(&app, 1, 1, "1").await;
    assign(&app, &jury, "1").await;

    // The organizer's console is open on the second instance (cookies are per host, and the
    // session is in the shared database).
    let mut live = jury.organizer.get(format!("{second}/events/{}/live", jury.event)).send().await.unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    let hello = tokio::time::timeout(Duration::from_secs(5), live.chunk()).await.unwrap().unwrap().unwrap();
    assert!(String::from_utf8_lossy(&hello).contains("hello"));

    // A judge saves through the first instance.
    let r = save(&app, &jury.judges[0].1, jury.event, jury.projects[0].0, "cross-0001", 0, &[("c1", "4"), ("c2", "5")])
        .await;
    assert_eq!(r.json()["applied"], true, "{}", r.body);
    // A complete score is also a slot done: the notices of both topics cross, in either order.
    let mut pushed = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !pushed.contains("event: judging") {
        let chunk = tokio::time::timeout_at(deadline, live.chunk())
            .await
            .unwrap_or_else(|_| panic!("the notice crosses instances within 5 s; got {pushed:?}"))
            .unwrap()
            .expect("the stream stays open");
        pushed.push_str(&String::from_utf8_lossy(&chunk));
    }
}

/// The first message of a stream opened by a page: "current" when nothing of its topic
/// changed since the page was rendered (the page need not fetch itself again), else "hello"
/// (refresh).
async fn first_message(app: &TestApp, client: &reqwest::Client, event: i64, topic: &str, since: &str) -> String {
    let url = format!("{}/events/{event}/live?topic={topic}&since={since}", app.base);
    let mut live = client.get(url).send().await.unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    let first = tokio::time::timeout(Duration::from_secs(5), live.chunk()).await.unwrap().unwrap().unwrap();
    String::from_utf8_lossy(&first).into_owned()
}

/// The token a page's live region on `topic` was rendered with.
fn since_of(page: &str, topic: &str) -> String {
    let region =
        page.split("data-live-topic=\"").find(|r| r.starts_with(&format!("{topic}\""))).expect("a live region");
    region.split("data-live-since=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_live_page_is_not_fetched_again_unless_its_topic_changed_since_it_was_rendered() {
    let app = spawn_app().await;
    let jury = jury(&app, 1, 1, "1").await;
    assign(&app, &jury, "1").await;
    let console = app.get(&jury.organizer, &format!("/events/{}/judging", jury.event)).await;
    let judging = since_of(&console.body, "judging");
    assert!(!judging.is_empty(), "the console's region has a token");
    let help_page = app.get(&jury.organizer, &format!("/events/{}/help", jury.event)).await;
    let help = since_of(&help_page.body, "help");
    let current = |t: &'static str, s: String| {
        let (app, organizer, event) = (&app, &jury.organizer, jury.event);
        async move { first_message(app, organizer, event, t, &s).await }
    };
    assert!(current("judging", judging.clone()).await.contains("data: current"));

    // A score saved after the render: the judging page must refresh, the help page need not.
    let r = save(&app, &jury.judges[0].1, jury.event, jury.projects[0].0, "since-0001", 0, &[("c1", "4"), ("c2", "5")])
        .await;
    assert_eq!(r.json()["applied"], true, "{}", r.body);
    let after = current("judging", judging.clone()).await;
    assert!(after.contains("event: hello") && after.contains("data: hello"), "{after}");
    assert!(current("help", help).await.contains("data: current"));
    // No token, a token of another topic, or of another instance: refresh, as before.
    assert!(current("judging", String::new()).await.contains("data: hello"));
    assert!(current("announce", judging).await.contains("data: hello"));
    assert!(current("judging", "0.0".into()).await.contains("data: hello"));
}
