//! The stage against the real server and database: a project put on stage and its pitch
//! timer, seen alike on the console, each judge's desk and the projector; taps that are
//! idempotent even when two organizers tap at once; bad lengths and foreign projects refused
//! with nothing changed; and the timer's every move in the audit log.

use crate::board::board_settings;
use crate::helpers::*;
use crate::judging::{assign, jury};
use reqwest::StatusCode;
use std::time::Duration;

async fn console(app: &TestApp, organizer: &reqwest::Client, event: i64) -> serde_json::Value {
    let r = app.send(organizer, &StageConsole { event_id: event }).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json()
}

fn done(r: &Reply, what: &str) {
    assert!(r.status.is_success() || r.status.is_redirection(), "{what}: {} {}", r.status, r.body);
}

async fn put(app: &TestApp, organizer: &reqwest::Client, event: i64, project: i64) -> Reply {
    app.send(organizer, &PutOnStage { event_id: event, project_id: project }).await
}

async fn tap(app: &TestApp, organizer: &reqwest::Client, event: i64, tap: &str) -> Reply {
    app.send(organizer, &TapClock { event_id: event, tap: tap.into() }).await
}

async fn actions(app: &TestApp, event: i64, action: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT COALESCE(after_json, '') FROM audit_log WHERE event_id = $1 AND action = $2 ORDER BY id")
        .bind(event)
        .bind(action)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_pitch_on_stage_counts_down_alike_on_the_console_the_desks_and_the_projector() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 2, "1").await;
    assign(&app, &jury, "7").await;
    let event = jury.event;
    let org = &jury.organizer;

    let c = console(&app, org, event).await;
    assert!(c["on_stage"].is_null(), "{c}");
    let lineup: Vec<i64> = c["lineup"].as_array().unwrap().iter().map(|p| p["project_id"].as_i64().unwrap()).collect();
    assert_eq!(lineup.len(), 3, "every submitted project is in the line-up: {c}");
    assert_eq!(c["next"]["project_id"].as_i64(), Some(lineup[0]), "the first to pitch comes next");
    assert_eq!(c["length"], "5");

    // Nothing to time before anyone is on stage.
    let r = tap(&app, org, event, "start").await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrNobodyOnStage)), "{}", r.body);

    // The live channel tells every open screen when the stage changes.
    let mut live = org.get(format!("{}/events/{event}/live", app.base)).send().await.unwrap();
    let hello = tokio::time::timeout(Duration::from_secs(5), live.chunk()).await.unwrap().unwrap().unwrap();
    assert!(String::from_utf8_lossy(&hello).contains("hello"));

    let first = lineup[0];
    done(&put(&app, org, event, first).await, "put on stage");
    let pushed = tokio::time::timeout(Duration::from_secs(5), live.chunk()).await.expect("a notice").unwrap().unwrap();
    assert!(String::from_utf8_lossy(&pushed).contains("event: stage"), "{}", String::from_utf8_lossy(&pushed));

    let c = console(&app, org, event).await;
    assert_eq!(c["on_stage"]["project_id"].as_i64(), Some(first), "{c}");
    assert_eq!(c["on_stage"]["left_ms"], 300_000, "a whole pitch, ready");
    assert!(c["on_stage"]["ends_at"].is_null() && c["running"] == false);
    assert_eq!(c["lineup"][0]["pitched"], true);
    assert_eq!(c["next"]["project_id"].as_i64(), Some(lineup[1]));

    // Two organizers start the timer at once: it starts once.
    let (a, b) = tokio::join!(tap(&app, org, event, "start"), tap(&app, org, event, "start"));
    done(&a, "start");
    done(&b, "start again");
    let starts = actions(&app, event, "stage.clock").await;
    assert_eq!(starts.len(), 1, "one start recorded: {starts:?}");
    let c = console(&app, org, event).await;
    let ends_at = c["on_stage"]["ends_at"].as_i64().expect("running");
    let now = c["now_ms"].as_i64().unwrap();
    assert!((now + 290_000..=now + 300_000).contains(&ends_at), "ends in about five minutes: {ends_at} at {now}");
    assert_eq!(c["running"], true);

    // Every judge's desk shows the same countdown, with the way to score it for the judge
    // it is assigned to.
    for (judge, phone) in &jury.judges {
        let r = app.send(phone, &JudgeDesk { event_id: event }).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let desk = r.json();
        assert_eq!(desk["stage"]["project_id"].as_i64(), Some(first), "judge {judge}: {desk}");
        assert_eq!(desk["stage"]["ends_at"].as_i64(), Some(ends_at));
        let page = app.get(phone, &format!("/events/{event}/judge")).await;
        assert!(
            page.body.contains("id=\"desk-stage\"") && page.body.contains(&format!("data-clock-ends=\"{ends_at}\""))
        );
        let mine = crate::judging::assigned_to(&app, *judge).await.contains(&first);
        let link = page.body.split("class=\"desk-stage\"").nth(1).unwrap_or_default();
        let link = &link[..link.find("</div>").unwrap_or(link.len())];
        assert_eq!(link.contains("data-go="), mine, "a link to score it only where it is the judge's: {link}");
    }

    // The projector: the organizers' screen shows the stage; the public's only once the
    // board is public.
    let frame = app.send(org, &ProjectorData { event_id: event }).await.json();
    let html = frame["html"].as_str().unwrap_or_default();
    assert!(html.contains("pj-stage") && html.contains(&format!("data-clock-ends=\"{ends_at}\"")), "{html}");
    let anonymous = user_agent();
    let public = app.send(&anonymous, &ProjectorData { event_id: event }).await.json();
    assert!(!public["html"].as_str().unwrap_or_default().contains("pj-stage"), "hidden board, hidden stage");
    board_settings(&app, &jury, "public", false).await;
    let public = app.send(&anonymous, &ProjectorData { event_id: event }).await.json();
    assert!(public["html"].as_str().unwrap_or_default().contains("pj-stage"), "{public}");

    // Paused, the time left stays put; started again, it runs on from there.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    done(&tap(&app, org, event, "pause").await, "pause");
    let c = console(&app, org, event).await;
    let left = c["on_stage"]["left_ms"].as_i64().unwrap();
    assert!((200_000..299_000).contains(&left) && c["on_stage"]["ends_at"].is_null(), "{c}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        console(&app, org, event).await["on_stage"]["left_ms"].as_i64(),
        Some(left),
        "nothing taken off while paused"
    );
    done(&tap(&app, org, event, "pause").await, "pause twice");
    assert_eq!(actions(&app, event, "stage.clock").await.len(), 2, "a second pause changes nothing");
    done(&tap(&app, org, event, "reset").await, "reset");
    assert_eq!(console(&app, org, event).await["on_stage"]["left_ms"], 300_000);

    // A new length: refused whole when wrong, taken by the ready pitch when right.
    let r = app.send(org, &SavePitchLength { event_id: event, length: "61".into() }).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.invalid_fields(), vec!["length".to_string()]);
    assert_eq!(r.first_invalid(), Some(Msg::ErrPitchLength));
    assert_eq!(console(&app, org, event).await["length"], "5", "nothing changed");
    done(&app.send(org, &SavePitchLength { event_id: event, length: "4:30".into() }).await, "length");
    let c = console(&app, org, event).await;
    assert_eq!((c["length"].as_str(), c["on_stage"]["left_ms"].as_i64()), (Some("4:30"), Some(270_000)));

    // Another event's project, or one no longer submitted, is unknown here; the stage stays.
    let other_event = app.create_event(org, "Forum Oujda").await;
    let foreign = crate::judging::seed_projects(&app.state.db.pool, other_event, 1, None).await[0].0;
    assert_eq!(put(&app, org, event, foreign).await.status, StatusCode::NOT_FOUND);
    sqlx::query("UPDATE projects SET status = 'draft' WHERE id = $1")
        .bind(lineup[2])
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(put(&app, org, event, lineup[2]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(console(&app, org, event).await["on_stage"]["project_id"].as_i64(), Some(first));
    assert_eq!(
        put(&app, org, other_event, first).await.status,
        StatusCode::NOT_FOUND,
        "this event's project, through another"
    );

    // Judges read the stage on their desk but cannot move it.
    let phone = &jury.judges[0].1;
    assert_eq!(put(&app, phone, event, lineup[1]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(tap(&app, phone, event, "pause").await.status, StatusCode::FORBIDDEN);

    // Clearing the stage takes the strip off every screen.
    done(&put(&app, org, event, 0).await, "clear");
    assert!(console(&app, org, event).await["on_stage"].is_null());
    assert!(app.send(phone, &JudgeDesk { event_id: event }).await.json()["stage"].is_null());
    let html =
        app.send(org, &ProjectorData { event_id: event }).await.json()["html"].as_str().unwrap_or_default().to_owned();
    assert!(!html.contains("pj-stage"));
    let puts = actions(&app, event, "stage.put").await;
    assert_eq!(puts.len(), 2, "{puts:?}");
}
