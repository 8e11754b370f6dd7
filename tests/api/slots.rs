//! Pitch slots: the schedule books no judge or team twice and keeps the breaks; made again
//! it leaves judged slots where they are; a slot moves later; the desk lists the slots in
//! order with their times; a team sees its slots and "you're next" once the judge is done
//! with the slot before; an absent team shows on the console; the slots not judged clear.

use crate::helpers::*;
use crate::judging::{assign, jury, Jury};
use reqwest::{Client, StatusCode};

/// An assignment's slot: (assignment, judge, project, start, end).
type Row = (i64, i64, i64, Option<i64>, Option<i64>);

/// The event's slots, by start.
async fn slots(app: &TestApp, event: i64) -> Vec<Row> {
    sqlx::query_as(
        "SELECT id, judge_id, project_id, slot_start, slot_end FROM judge_assignments WHERE event_id = $1 \
         ORDER BY slot_start, judge_id",
    )
    .bind(event)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap()
}

fn plan(event_id: i64, pitch: &str) -> GenerateSlots {
    GenerateSlots {
        event_id,
        starts_at: slot_day(),
        pitch: pitch.into(),
        break_every: "2".into(),
        break_minutes: "10".into(),
        present_only: None,
    }
}

async fn ok<T: leptos::server_fn::ServerFn + serde::Serialize>(app: &TestApp, who: &Client, call: &T) -> Reply {
    let r = app.send(who, call).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    r
}

/// No judge and no team in two slots that overlap.
fn nobody_twice(rows: &[Row]) {
    for (i, a) in rows.iter().enumerate() {
        for b in &rows[i + 1..] {
            let (Some(sa), Some(ea), Some(sb), Some(eb)) = (a.3, a.4, b.3, b.4) else { continue };
            let overlap = sa < eb && sb < ea;
            assert!(!(overlap && (a.1 == b.1 || a.2 == b.2)), "booked twice: {a:?} {b:?}");
        }
    }
}

/// A participant signed in and seated in `team` (a seeded team).
async fn member_of(app: &TestApp, jury: &Jury, team: i64) -> Client {
    let code = app.invite(&jury.organizer, jury.event, "participant", "10").await;
    let email = format!("slots.{}@example.ma", unique());
    let client = app.join_with_invite(&code, "Yassine", &email).await;
    let user = app.user_id(&email).await;
    sqlx::query("INSERT INTO team_members (team_id, event_id, user_id, joined_at) VALUES ($1, $2, $3, 0)")
        .bind(team)
        .bind(jury.event)
        .bind(user)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    client
}

async fn team_view(app: &TestApp, who: &Client, event: i64) -> serde_json::Value {
    ok(app, who, &TeamSlots { event_id: event }).await.json()
}

fn score(event: i64, project: i64, key: &str, absent: bool) -> SaveScore {
    SaveScore {
        event_id: event,
        project_id: project,
        save_id: key.into(),
        base_version: 0,
        sheet: ScoreSheet {
            status: if absent { "absent".into() } else { String::new() },
            marks: if absent { None } else { map(&[("c1", "4"), ("c2", "7")]) },
            notes: String::new(),
            feedback: String::new(),
            flagged: None,
            back: None,
        },
    }
}

#[tokio::test]
async fn pitch_slots_book_nobody_twice_keep_what_is_judged_and_tell_the_next_team() {
    let app = spawn_app().await;
    let jury = jury(&app, 6, 3, "2").await;
    let (org, event) = (&jury.organizer, jury.event);
    assign(&app, &jury, "11").await;

    // The form is checked field by field and nothing is stored.
    let bad = GenerateSlots {
        event_id: event,
        starts_at: "demain".into(),
        pitch: "0:10".into(),
        break_every: "-1".into(),
        break_minutes: "x".into(),
        present_only: None,
    };
    let r = app.send(org, &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.invalid_fields(), ["starts_at", "pitch", "break_every", "break_minutes"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM pitch_plans").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM judge_assignments WHERE slot_start IS NOT NULL").await, 0);
    // Moving a slot needs a schedule.
    let any = slots(&app, event).await[0].0;
    let r = app.send(org, &MoveSlot { event_id: event, assignment_id: any }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrNoSlots)));

    // Seven-minute slots from 09:00, ten minutes' break after every two.
    ok(&app, org, &plan(event, "7")).await;
    let rows = slots(&app, event).await;
    assert_eq!(rows.len(), 12);
    assert!(rows.iter().all(|r| r.3.is_some() && r.4 == r.3.map(|s| s + 420)), "{rows:?}");
    nobody_twice(&rows);
    let first = rows[0].3.unwrap();
    // Every start is on the grid: n slots and one break per two slots after the first.
    for r in &rows {
        let offset = r.3.unwrap() - first;
        let n = (0..20).find(|n| n * 420 + (n / 2) * 600 == offset);
        assert!(n.is_some(), "{offset} is off the grid");
    }
    let console = ok(&app, org, &SlotsConsole { event_id: event }).await.json();
    assert_eq!(console["lines"][0]["time"], "09:00–09:07");
    assert_eq!(console["plan"]["pitch"], "7");
    assert_eq!(console["unscheduled"], 0);

    // The judge's desk lists their projects in their slots' order, each with its time.
    let (judge, phone) = (&jury.judges[0].0, &jury.judges[0].1);
    let mine: Vec<_> = rows.iter().filter(|r| r.1 == *judge).collect();
    let desk = ok(&app, phone, &JudgeDesk { event_id: event }).await.json();
    let items = desk["items"].as_array().unwrap();
    let order: Vec<i64> = items.iter().map(|i| i["project_id"].as_i64().unwrap()).collect();
    assert_eq!(order, mine.iter().map(|r| r.2).collect::<Vec<_>>());
    assert!(items.iter().all(|i| i["slot"]["time"].as_str().is_some_and(|t| t.contains('–'))), "{items:?}");

    // The team of the judge's second slot is told the time; once the judge is done with the
    // first slot, it is next. The judge is not named.
    let team_of = |project: i64| jury.projects.iter().find(|p| p.0 == project).unwrap().1;
    let second = member_of(&app, &jury, team_of(mine[1].2)).await;
    let seen = team_view(&app, &second, event).await;
    let slot = seen["slots"].as_array().unwrap().iter().find(|s| s["standing"] != "Done").cloned().unwrap();
    assert_eq!(slot["standing"], "Later", "{seen}");
    assert!(!seen.to_string().contains("Juge"), "{seen}");
    ok(&app, phone, &score(event, mine[0].2, "slot-save-1", false)).await;
    let seen = team_view(&app, &second, event).await;
    let standing: Vec<&str> = seen["slots"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            s["time"]
                == console["lines"].as_array().unwrap().iter().find(|l| l["assignment_id"] == mine[1].0).unwrap()
                    ["time"]
        })
        .map(|s| s["standing"].as_str().unwrap())
        .collect();
    assert_eq!(standing, ["Next"], "{seen}");
    // A participant without a team has no slots; a judge cannot read a team's.
    let solo_code = app.invite(org, event, "participant", "1").await;
    let solo = app.join_with_invite(&solo_code, "Solo", &format!("solo.{}@example.ma", unique())).await;
    assert_eq!(team_view(&app, &solo, event).await["slots"].as_array().unwrap().len(), 0);
    assert_eq!(app.send(phone, &TeamSlots { event_id: event }).await.status, StatusCode::FORBIDDEN);

    // The judge's second team is absent: marked so, the console shows it on the team's other
    // slot, which the organizer moves later.
    ok(&app, phone, &score(event, mine[1].2, "slot-save-2", true)).await;
    let other = rows.iter().find(|r| r.2 == mine[1].2 && r.1 != *judge).unwrap();
    let console = ok(&app, org, &SlotsConsole { event_id: event }).await.json();
    let line = |c: &serde_json::Value, id: i64| {
        c["lines"].as_array().unwrap().iter().find(|l| l["assignment_id"] == id).cloned().unwrap()
    };
    assert_eq!(line(&console, mine[1].0)["state"], "Absent");
    assert_eq!(line(&console, other.0)["absent_marks"], 1);
    ok(&app, org, &MoveSlot { event_id: event, assignment_id: other.0 }).await;
    let after = slots(&app, event).await;
    let moved = after.iter().find(|r| r.0 == other.0).unwrap();
    assert!(moved.3.unwrap() >= other.4.unwrap(), "moved later: {other:?} -> {moved:?}");
    nobody_twice(&after);
    // A judged slot stays; another event's assignment is not found.
    let r = app.send(org, &MoveSlot { event_id: event, assignment_id: mine[0].0 }).await;
    assert_eq!(r.error(), Some(AppError::Conflict(Msg::ErrSlotDone)));
    let elsewhere = jury_elsewhere(&app, org, *judge).await;
    let r = app.send(org, &MoveSlot { event_id: event, assignment_id: elsewhere }).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(slots(&app, event).await, after, "refused moves change nothing");

    // Made again with five-minute slots: the two judged slots keep their seven minutes, the
    // rest are booked around them.
    ok(&app, org, &plan(event, "5")).await;
    let again = slots(&app, event).await;
    nobody_twice(&again);
    for judged in [mine[0].0, mine[1].0] {
        assert_eq!(again.iter().find(|r| r.0 == judged), after.iter().find(|r| r.0 == judged), "judged slot kept");
    }
    assert!(again.iter().filter(|r| r.0 != mine[0].0 && r.0 != mine[1].0).all(|r| r.4.unwrap() - r.3.unwrap() == 300));

    // Cleared: the slots not judged go, the judged ones stay as a record.
    ok(&app, org, &ClearSlots { event_id: event }).await;
    let cleared = slots(&app, event).await;
    assert_eq!(cleared.iter().filter(|r| r.3.is_some()).count(), 2);
    for action in ["slots.generated", "slots.moved", "slots.cleared"] {
        let n = app
            .count(&format!("SELECT COUNT(*) FROM audit_log WHERE event_id = {event} AND action = '{action}'"))
            .await;
        assert!(n >= 1, "{action} audited");
    }
}

/// An assignment of another event of the same organizer.
async fn jury_elsewhere(app: &TestApp, organizer: &Client, judge: i64) -> i64 {
    let event = app.create_event(organizer, "Autre").await;
    let projects = crate::judging::seed_projects(&app.state.db.pool, event, 1, None).await;
    sqlx::query_scalar(
        "INSERT INTO judge_assignments (event_id, project_id, judge_id, assigned_at) VALUES ($1, $2, $3, 0) RETURNING id",
    )
    .bind(event)
    .bind(projects[0].0)
    .bind(judge)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn slots_can_be_kept_to_the_teams_checked_in() {
    let app = spawn_app().await;
    let jury = jury(&app, 4, 2, "1").await;
    let (org, event) = (&jury.organizer, jury.event);
    assign(&app, &jury, "5").await;
    ok(&app, org, &plan(event, "7")).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM judge_assignments WHERE slot_start IS NULL").await, 0);

    // Nobody is here yet: kept to the teams checked in, every slot is taken back.
    let here_only = GenerateSlots { present_only: Some("on".into()), ..plan(event, "7") };
    ok(&app, org, &here_only).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM judge_assignments WHERE slot_start IS NOT NULL").await, 0);
    let console = ok(&app, org, &SlotsConsole { event_id: event }).await.json();
    assert_eq!(console["unscheduled"], 4);

    // The first team's member checks in: made again, its project alone gets its slot.
    let (project, team) = jury.projects[0];
    let member: i64 = sqlx::query_scalar("SELECT user_id FROM team_members WHERE team_id = $1")
        .bind(team)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    ok(&app, org, &MarkPresence { event_id: event, user_id: member, present: "yes".into() }).await;
    ok(&app, org, &here_only).await;
    let slotted: Vec<i64> =
        sqlx::query_scalar("SELECT project_id FROM judge_assignments WHERE slot_start IS NOT NULL AND event_id = $1")
            .bind(event)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(slotted, [project]);
    let audit: String = sqlx::query_scalar(
        "SELECT after_json FROM audit_log WHERE action = 'slots.generated' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert!(audit.contains("\"present_only\":true"), "{audit}");
}
