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
    let pushed = tokio::time::timeout(Duration::from_secs(5), live.chunk())
        .await
        .expect("the notice crosses instances within 5 s")
        .unwrap()
        .unwrap();
    assert!(String::from_utf8_lossy(&pushed).contains("event: judging"), "{}", String::from_utf8_lossy(&pushed));
}

/// The first message of a stream opened by a page: "current" when nothing changed since the
/// page was rendered (the page need not fetch itself again), else "hello" (refresh).
async fn first_message(app: &TestApp, client: &reqwest::Client, event: i64, since: &str) -> String {
    let mut live = client.get(format!("{}/events/{event}/live?since={since}", app.base)).send().await.unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    let first = tokio::time::timeout(Duration::from_secs(5), live.chunk()).await.unwrap().unwrap().unwrap();
    String::from_utf8_lossy(&first).into_owned()
}

#[tokio::test]
async fn a_live_page_is_not_fetched_again_unless_something_changed_since_it_was_rendered() {
    let app = spawn_app().await;
    let jury = jury(&app, 1, 1, "1").await;
    assign(&app, &jury, "1").await;
    let console = app.get(&jury.organizer, &format!("/events/{}/judging", jury.event)).await;
    let since = console
        .body
        .split("data-live-since=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the live region says where the notices stood")
        .to_owned();
    assert!(first_message(&app, &jury.organizer, jury.event, &since).await.contains("data: current"));

    // A score saved after the render: the page must refresh.
    let r = save(&app, &jury.judges[0].1, jury.event, jury.projects[0].0, "since-0001", 0, &[("c1", "4"), ("c2", "5")])
        .await;
    assert_eq!(r.json()["applied"], true, "{}", r.body);
    let after = first_message(&app, &jury.organizer, jury.event, &since).await;
    assert!(after.contains("event: hello") && after.contains("data: hello"), "{after}");
    // No token, or one of another instance: refresh, as before.
    assert!(first_message(&app, &jury.organizer, jury.event, "").await.contains("data: hello"));
    assert!(first_message(&app, &jury.organizer, jury.event, "0.0").await.contains("data: hello"));
}
