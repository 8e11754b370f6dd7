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
