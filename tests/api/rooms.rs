//! Rooms and tables: rooms named in walking order, projects placed by hand and automatically
//! (by track, each track kept together), the judge's desk in walking order saying where the
//! next project is, the map, and removing a room.

use crate::helpers::*;
use crate::judging::{add_judge, assign, assigned_to, jury, seed_projects, settings};
use reqwest::{Client, StatusCode};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

async fn room_id(app: &TestApp, event: i64, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM rooms WHERE event_id = $1 AND name = $2")
        .bind(event)
        .bind(name)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

/// Every submitted project's place: project → (room id, table).
async fn places(app: &TestApp, event: i64) -> BTreeMap<i64, (Option<i64>, String)> {
    let rows: Vec<(i64, Option<i64>, String)> = sqlx::query_as(
        "SELECT id, room_id, table_label FROM projects WHERE event_id = $1 AND status = 'submitted' ORDER BY id",
    )
    .bind(event)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    rows.into_iter().map(|(id, room, table)| (id, (room, table))).collect()
}

fn room(event_id: i64, room_id: i64, name: &str, capacity: &str) -> SaveRoom {
    SaveRoom { event_id, room_id, name: name.into(), capacity: capacity.into() }
}

async fn ok<T: leptos::server_fn::ServerFn + serde::Serialize>(app: &TestApp, org: &Client, call: &T) {
    let r = app.send(org, call).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
}

#[tokio::test]
async fn rooms_and_tables_put_each_judge_on_a_walk_through_the_hall() {
    let app = spawn_app().await;
    let jury = jury(&app, 0, 1, "1").await;
    let (org, event) = (&jury.organizer, jury.event);
    ok(&app, org, &new_track(event, "Santé")).await;
    ok(&app, org, &new_track(event, "Agriculture")).await;
    let tracks: Vec<i64> = sqlx::query_scalar("SELECT id FROM tracks WHERE event_id = $1 ORDER BY id")
        .bind(event)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let pool = &app.state.db.pool;
    let mut projects = seed_projects(pool, event, 3, Some(tracks[0])).await;
    projects.extend(seed_projects(pool, event, 2, Some(tracks[1])).await);
    projects.extend(seed_projects(pool, event, 1, None).await);
    let track_of: BTreeMap<i64, Option<i64>> = projects
        .iter()
        .enumerate()
        .map(|(i, (p, _))| {
            (*p, [Some(tracks[0]); 3].into_iter().chain([Some(tracks[1]); 2]).chain([None]).nth(i).unwrap())
        })
        .collect();

    // The form is checked field by field, and a name is the room's alone; nothing is stored.
    let r = app.send(org, &room(event, 0, " ", "0")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.invalid_fields(), ["name", "capacity"]);
    ok(&app, org, &room(event, 0, "Salle A", "2")).await;
    let r = app.send(org, &room(event, 0, "Salle A", "")).await;
    assert_eq!(r.invalid_fields(), ["name"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM rooms").await, 1);
    let a = room_id(&app, event, "Salle A").await;

    // Two tables for six projects: refused whole, nothing placed.
    let r = app.send(org, &AutoPlace { event_id: event, again: None }).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(r.error(), Some(AppError::ConflictWith(Msg::ErrRoomsTooSmall, "4".into())));
    assert!(places(&app, event).await.values().all(|(room, _)| room.is_none()));

    // Three tables in A, four in a second room B: every project placed, each track in one room
    // at tables that follow each other, numbered from 1 in each room.
    ok(&app, org, &room(event, a, "Salle A", "3")).await;
    ok(&app, org, &room(event, 0, "Salle B", "4")).await;
    let b = room_id(&app, event, "Salle B").await;
    ok(&app, org, &AutoPlace { event_id: event, again: None }).await;
    let placed = places(&app, event).await;
    assert!(placed.values().all(|(room, _)| room.is_some()), "{placed:?}");
    for track in [Some(tracks[0]), Some(tracks[1])] {
        let spots: Vec<(Option<i64>, i64)> = placed
            .iter()
            .filter(|(p, _)| track_of[*p] == track)
            .map(|(_, (room, table))| (*room, table.parse().unwrap()))
            .collect();
        let rooms: BTreeSet<Option<i64>> = spots.iter().map(|s| s.0).collect();
        let mut tables: Vec<i64> = spots.iter().map(|s| s.1).collect();
        tables.sort();
        assert_eq!(rooms.len(), 1, "track {track:?} in one room: {spots:?}");
        assert!(tables.windows(2).all(|w| w[1] == w[0] + 1), "track {track:?} at tables in a row: {tables:?}");
    }
    for r in [a, b] {
        let mut tables: Vec<i64> =
            placed.values().filter(|(room, _)| *room == Some(r)).map(|(_, t)| t.parse().unwrap()).collect();
        tables.sort();
        assert_eq!(tables, (1..=tables.len() as i64).collect::<Vec<_>>());
    }

    // By hand: the project without a track to table 9 of B, and the first one out of its room.
    let (loose, first) = (projects[5].0, projects[0].0);
    ok(&app, org, &PlaceProject { event_id: event, project_id: loose, room_id: b, table_label: "9".into() }).await;
    ok(&app, org, &PlaceProject { event_id: event, project_id: first, room_id: 0, table_label: String::new() }).await;
    // Another event's room is not a room here.
    let r = app
        .send(org, &PlaceProject { event_id: event, project_id: first, room_id: a + b + 100, table_label: "1".into() })
        .await;
    assert_eq!(r.invalid_fields(), ["room_id"]);
    // Placing again without "every project" leaves what was placed by hand where it is, and
    // gives the project without a room the first free table of a room with space.
    let before = places(&app, event).await;
    ok(&app, org, &AutoPlace { event_id: event, again: None }).await;
    let after = places(&app, event).await;
    assert_eq!(after[&loose], (Some(b), "9".into()));
    for (p, spot) in &before {
        if *p != first {
            assert_eq!(&after[p], spot, "project {p} stays");
        }
    }
    let first_room = after[&first].0.unwrap();
    let taken: Vec<i64> =
        before.values().filter(|(room, _)| *room == Some(first_room)).filter_map(|(_, t)| t.parse().ok()).collect();
    assert_eq!(after[&first].1, (taken.iter().max().unwrap() + 1).to_string());
    assert!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'room.placed'").await >= 2);

    // The judge scores all six, walking room A by table number, then room B; each project
    // says where the next one is.
    assign(&app, &jury, "1").await;
    let desk = app.send(&jury.judges[0].1, &JudgeDesk { event_id: event }).await;
    assert_eq!(desk.status, StatusCode::OK, "{}", desk.body);
    let items = desk.json()["items"].as_array().unwrap().clone();
    let walk: Vec<(i64, i64)> = items
        .iter()
        .map(|i| {
            let (room, table) = &after[&i["project_id"].as_i64().unwrap()];
            (if *room == Some(a) { 0 } else { 1 }, table.parse().unwrap())
        })
        .collect();
    let mut sorted = walk.clone();
    sorted.sort();
    assert_eq!(walk, sorted, "the desk walks room A, then room B, tables in order");
    for pair in items.windows(2) {
        let (from, to) = (&pair[0], &pair[1]);
        let next = &from["next"];
        assert_eq!(next["table"], to["table_label"]);
        if from["room"] == to["room"] {
            assert_eq!(next["room"], Value::Null);
            let ahead = to["table_label"].as_str().unwrap().parse::<i64>().unwrap()
                - from["table_label"].as_str().unwrap().parse::<i64>().unwrap();
            assert_eq!(next["ahead"], ahead);
        } else {
            assert_eq!(next["room"], "Salle B");
        }
    }
    assert_eq!(items.last().unwrap()["next"], Value::Null);
    // The page says it in words: where this project is, and where the next one is.
    let page = app.get(&jury.judges[0].1, &format!("/events/{event}/judge")).await.body;
    let table = |i: &Value| i["table_label"].as_str().unwrap().to_owned();
    assert!(page.contains(&format!("Salle A, table {}", table(&items[0]))), "{page}");
    let into_b = items.iter().position(|i| i["room"] == "Salle B").unwrap();
    assert!(page.contains(&format!("Next: Salle B, table {}", table(&items[into_b]))), "{page}");
    assert!(page.contains("Next: Table ") && page.contains(" table ahead"), "{page}");

    // The map: each room's tables in order; team names go when the event hides them.
    let map = app.send(org, &RoomMap { event_id: event }).await.json();
    let names: Vec<Value> = map["rooms"].as_array().unwrap().iter().map(|r| r["name"].clone()).collect();
    assert_eq!(names, [Value::from("Salle A"), Value::from("Salle B")]);
    assert!(map["rooms"][0]["tables"][0]["team"].is_string());
    sqlx::query("UPDATE judging_settings SET hide_names = 1 WHERE event_id = $1")
        .bind(event)
        .execute(pool)
        .await
        .unwrap();
    let map = app.send(org, &RoomMap { event_id: event }).await.json();
    assert!(map["rooms"].as_array().unwrap().iter().all(|r| r["tables"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["team"].is_null())));
    let html = app.get(org, &format!("/events/{event}/rooms/map")).await.body;
    assert!(html.contains("Salle B") && !html.contains("Team member"), "{html}");

    // Removing room A leaves its projects without a room, their tables kept.
    let in_a: Vec<(i64, String)> =
        after.iter().filter(|(_, (room, _))| *room == Some(a)).map(|(p, (_, t))| (*p, t.clone())).collect();
    ok(&app, org, &RemoveRoom { event_id: event, room_id: a }).await;
    let now = places(&app, event).await;
    for (p, table) in in_a {
        assert_eq!(now[&p], (None, table));
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'room.removed'").await, 1);

    // A second judge kept to room B gets only room B's projects at the next assignment; room
    // A, which the organizer removed, is not a room to keep a judge to any more.
    let second = add_judge(&app, org, event, "Juge B").await;
    let keep = |room: i64| UpdateJudge {
        event_id: event,
        user_id: second.0,
        active: Some("on".into()),
        track: String::new(),
        rooms: crate::helpers::map(&[(room, "on")]),
    };
    let r = app.send(org, &keep(a)).await;
    assert_eq!(r.invalid_fields(), ["rooms"]);
    ok(&app, org, &keep(b)).await;
    settings(&app, org, event, "2", "open", "z").await;
    assign(&app, &jury, "2").await;
    let theirs = assigned_to(&app, second.0).await;
    assert!(!theirs.is_empty());
    assert!(theirs.iter().all(|p| now[p].0 == Some(b)), "{theirs:?} {now:?}");
    let console = app.send(org, &JudgingConsole { event_id: event }).await.json();
    let row = console["judges"].as_array().unwrap().iter().find(|j| j["user_id"] == second.0).unwrap().clone();
    assert_eq!(row["rooms"], serde_json::json!([b]));

    // Only the event's organizers see or change its rooms.
    let judge = &jury.judges[0].1;
    assert_eq!(app.send(judge, &RoomsConsole { event_id: event }).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.send(judge, &room(event, 0, "Salle C", "")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT COUNT(*) FROM rooms").await, 1);
}

#[tokio::test]
async fn a_pasted_list_places_the_projects_checked_whole() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 1, "1").await;
    let (org, event) = (&jury.organizer, jury.event);
    ok(&app, org, &room(event, 0, "Salle A", "2")).await;
    ok(&app, org, &room(event, 0, "Salle B", "")).await;
    let (a, b) = (room_id(&app, event, "Salle A").await, room_id(&app, event, "Salle B").await);
    let p: Vec<i64> = jury.projects.iter().map(|p| p.0).collect();
    let list = |text: String| ImportPlaces { event_id: event, places: text };
    let before = places(&app, event).await;

    // One problem and nothing is placed; the lines at fault are named.
    let r = app.send(org, &list(format!("code;room;table\nP{:03};Salle A;1\nP9999;Salle A;2", p[0]))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(
        r.field_errors().iter().map(|e| (e.msg, e.arg.clone())).collect::<Vec<_>>(),
        [(Msg::ErrPlaceCode, Some("3".into()))]
    );
    let r = app.send(org, &list(format!("P{:03},Salle Z,1", p[0]))).await;
    assert_eq!(r.first_invalid(), Some(Msg::ErrPlaceRoom));
    // Three projects in a room of two tables.
    let three = format!("P{:03},Salle A,1\nP{:03},Salle A,2\nP{:03},Salle A,3", p[0], p[1], p[2]);
    let r = app.send(org, &list(three)).await;
    assert_eq!(r.first_invalid(), Some(Msg::ErrPlaceFull));
    assert_eq!(places(&app, event).await, before, "refused lists place nothing");

    // A spreadsheet's copy (tabs), room names in any letter case.
    let good = format!("P{:03}\tsalle a\t1\nP{:03}\tSalle B\t14\nP{:03}\tSalle A\t2", p[0], p[1], p[2]);
    ok(&app, org, &list(good)).await;
    let now = places(&app, event).await;
    assert_eq!(now[&p[0]], (Some(a), "1".into()));
    assert_eq!(now[&p[1]], (Some(b), "14".into()));
    assert_eq!(now[&p[2]], (Some(a), "2".into()));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'room.imported'").await, 1);
    // An empty room takes a project out of its room.
    ok(&app, org, &list(format!("P{:03},,", p[1]))).await;
    assert_eq!(places(&app, event).await[&p[1]], (None, String::new()));

    // Judges cannot place projects.
    let r = app.send(&jury.judges[0].1, &list(format!("P{:03},Salle B,3", p[0]))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_room_floor_plan_is_an_image_for_the_event_s_organizers_and_judges() {
    let app = spawn_app().await;
    let jury = jury(&app, 1, 1, "1").await;
    let (org, event) = (&jury.organizer, jury.event);
    ok(&app, org, &room(event, 0, "Salle A", "")).await;
    let a = room_id(&app, event, "Salle A").await;
    let upload = |event: i64, room: i64, bytes: Vec<u8>| {
        Call::plan(&[("event_id", event.to_string()), ("room_id", room.to_string())], Some(("plan", bytes)))
    };
    let path = format!("/events/{event}/rooms/{a}/plan");

    // Not an image, or too large: refused by field, nothing stored.
    let r = app.send_call(org, &upload(event, a, b"<script>alert(1)</script>".to_vec())).await;
    assert_eq!(r.first_invalid(), Some(Msg::ErrNotAnImage), "{}", r.body);
    let mut big = png();
    big.resize(3 * 1024 * 1024 + 1, 0);
    let r = app.send_call(org, &upload(event, a, big)).await;
    assert_eq!(r.first_invalid(), Some(Msg::ErrUploadTooLarge), "{}", r.body);
    assert_eq!(app.get(org, &path).await.status, StatusCode::NOT_FOUND);

    // Stored, listed with the room, and served to organizers and judges as an inert image.
    let r = app.send_call(org, &upload(event, a, png())).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    let console = app.send(org, &RoomsConsole { event_id: event }).await.json();
    assert_eq!(console["rooms"][0]["plan"], path);
    for who in [org, &jury.judges[0].1] {
        let got = app.get(who, &path).await;
        assert_eq!(got.status, StatusCode::OK);
        assert_eq!(got.headers["content-type"], "image/png");
        assert_eq!(got.headers["x-content-type-options"], "nosniff");
        assert!(got.headers["content-security-policy"].to_str().unwrap().contains("sandbox"));
    }
    // Not to a participant, nor to someone signed out.
    let code = app.invite(org, event, "participant", "1").await;
    let participant = app.join_with_invite(&code, "Imane", &format!("plan.{}@example.ma", unique())).await;
    assert_eq!(app.get(&participant, &path).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&user_agent(), &path).await.status, StatusCode::UNAUTHORIZED);

    // A room of another event of the same organizer is not this event's.
    let other = app.create_event(org, "Autre").await;
    ok(&app, org, &room(other, 0, "Salle Z", "")).await;
    let z = room_id(&app, other, "Salle Z").await;
    assert_eq!(app.send_call(org, &upload(event, z, png())).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(org, &format!("/events/{event}/rooms/{z}/plan")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM rooms WHERE plan_data IS NOT NULL").await, 1);

    // Taken away.
    ok(&app, org, &RemoveRoomPlan { event_id: event, room_id: a }).await;
    assert_eq!(app.get(org, &path).await.status, StatusCode::NOT_FOUND);
    for action in ["room.plan_set", "room.plan_removed"] {
        assert_eq!(app.count(&format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}'")).await, 1);
    }
}
