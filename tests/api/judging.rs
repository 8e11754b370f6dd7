//! Judging against the real server and database: rubric, judges' phone passes, conflict-free
//! assignment, blind idempotent scoring, results and exports.

use crate::helpers::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;

pub struct Jury {
    pub organizer: Client,
    pub event: i64,
    pub judges: Vec<(i64, Client)>,
    /// (project id, team id)
    pub projects: Vec<(i64, i64)>,
}

/// Teams with submitted projects, written straight into the database: the submission flow
/// has its own tests, and judging starts from submitted projects.
pub async fn seed_projects(pool: &sqlx::AnyPool, event: i64, n: usize, track: Option<i64>) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    for i in 0..n {
        let now = 1_700_000_000 + i as i64;
        static SEQ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let email = format!("member{}@example.ma", SEQ.fetch_add(1, std::sync::atomic::Ordering::SeqCst));
        let (user,): (i64,) = sqlx::query_as(
            "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ($1, $2, '!', $3) RETURNING id",
        )
        .bind(&email)
        .bind(format!("Member {i}"))
        .bind(now)
        .fetch_one(pool)
        .await
        .unwrap();
        sqlx::query("INSERT INTO event_roles (event_id, user_id, role, granted_at) VALUES ($1, $2, 'participant', $3)")
            .bind(event)
            .bind(user)
            .bind(now)
            .execute(pool)
            .await
            .unwrap();
        let (team,): (i64,) = sqlx::query_as(
            "INSERT INTO teams (event_id, name, pitch, track_id, needs, invite_code, captain_id, member_count, created_at) \
             VALUES ($1, $2, '', $3, '', $4, $5, 1, $6) RETURNING id",
        )
        .bind(event)
        .bind(format!("Team {email}"))
        .bind(track)
        .bind(format!("code-{email}"))
        .bind(user)
        .bind(now)
        .fetch_one(pool)
        .await
        .unwrap();
        sqlx::query("INSERT INTO team_members (team_id, event_id, user_id, joined_at) VALUES ($1, $2, $3, $4)")
            .bind(team)
            .bind(event)
            .bind(user)
            .bind(now)
            .execute(pool)
            .await
            .unwrap();
        let (project,): (i64,) = sqlx::query_as(
            "INSERT INTO projects (team_id, event_id, title, track_id, status, submitted_at, updated_at) \
             VALUES ($1, $2, $3, $4, 'submitted', $5, $5) RETURNING id",
        )
        .bind(team)
        .bind(event)
        .bind(format!("Projet {i}"))
        .bind(track)
        .bind(now)
        .fetch_one(pool)
        .await
        .unwrap();
        out.push((project, team));
    }
    out
}

/// The standard rubric: impact (weight 3, 1–5) and execution (weight 1, 0–10).
pub async fn save_rubric(app: &TestApp, organizer: &Client, event: i64, scope: i64, version: i64) -> Reply {
    app.send(
        organizer,
        &SaveRubric {
            event_id: event,
            scope,
            version,
            fields: map(&[
                ("name_1_fr", "Impact"),
                ("weight_1", "3"),
                ("scale_1", "1-5"),
                ("levels_1_fr", "Aucun\nFaible\nMoyen\nFort\nExceptionnel"),
                ("name_2_ar", "التنفيذ"),
                ("weight_2", "1"),
                ("scale_2", "0-10"),
            ]),
        },
    )
    .await
}

pub async fn settings(app: &TestApp, organizer: &Client, event: i64, k: &str, state: &str, method: &str) {
    let version: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version), 1) FROM judging_settings WHERE event_id = $1")
        .bind(event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let r = app
        .send(
            organizer,
            &SaveJudgingSettings {
                event_id: event,
                version,
                judges_per_project: k.to_string(),
                hide_names: None,
                method: method.to_string(),
                disagreement: "25".into(),
                state: state.to_string(),
            },
        )
        .await;
    assert!(r.status.is_success(), "settings: {} {}", r.status, r.body);
}

/// The token of the pass link in an add / renew / show-link answer (the only place the plain
/// link exists besides the console's next view).
pub fn issued_token(r: &Reply) -> String {
    assert!(r.status.is_success(), "pass issued: {} {}", r.status, r.body);
    let url = r.json()["url"].as_str().unwrap_or_else(|| panic!("no link in {}", r.body)).to_owned();
    url.rsplit('/').next().unwrap().to_owned()
}

/// Signs a fresh phone in with a pass token.
pub async fn open_pass(app: &TestApp, token: &str) -> Client {
    let phone = user_agent();
    let r = app.send(&phone, &OpenPass { token: token.to_string() }).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "open pass: {} {}", r.status, r.body);
    phone
}

/// Adds a judge by name and signs a fresh phone in with the judge's link.
pub async fn add_judge(app: &TestApp, organizer: &Client, event: i64, name: &str) -> (i64, Client) {
    let r = app.send(organizer, &AddJudge { event_id: event, display_name: name.to_string() }).await;
    let token = issued_token(&r);
    let user = r.json()["user_id"].as_i64().expect("judge id");
    (user, open_pass(app, &token).await)
}

pub async fn jury(app: &TestApp, projects: usize, judges: usize, k: &str) -> Jury {
    let organizer = user_agent();
    app.signup_admin(&organizer, "Salma Benali", "organizer@example.ma").await;
    let event = app.create_event(&organizer, "Hackathon Berkane").await;
    assert!(save_rubric(app, &organizer, event, 0, 0).await.status.is_success());
    settings(app, &organizer, event, k, "open", "z").await;
    let projects = seed_projects(&app.state.db.pool, event, projects, None).await;
    let mut list = Vec::new();
    for i in 0..judges {
        list.push(add_judge(app, &organizer, event, &format!("Juge {i}")).await);
    }
    Jury { organizer, event, judges: list, projects }
}

pub async fn assign(app: &TestApp, jury: &Jury, seed: &str) {
    let r = app
        .send(
            &jury.organizer,
            &RunAssignment { event_id: jury.event, seed: seed.to_string(), rebalance: None, present_only: None },
        )
        .await;
    assert!(r.status.is_success(), "assign: {} {}", r.status, r.body);
}

pub async fn assigned_to(app: &TestApp, judge: i64) -> Vec<i64> {
    sqlx::query_scalar("SELECT project_id FROM judge_assignments WHERE judge_id = $1 ORDER BY project_id")
        .bind(judge)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

/// Sends one save as the phone does.
pub async fn save(
    app: &TestApp,
    phone: &Client,
    event: i64,
    project: i64,
    save_id: &str,
    base: i64,
    marks: &[(&str, &str)],
) -> Reply {
    let args = SaveScore {
        event_id: event,
        project_id: project,
        save_id: save_id.into(),
        base_version: base,
        sheet: ScoreSheet {
            status: String::new(),
            marks: map(marks),
            notes: "Bonne démo".into(),
            feedback: "Démo claire".into(),
            flagged: None,
            back: None,
        },
    };
    app.send(phone, &args).await
}

#[tokio::test]
async fn assignment_covers_every_project_with_k_judges_and_no_conflicts() {
    let app = spawn_app().await;
    let jury = jury(&app, 7, 4, "2").await;
    // Judge 0 mentored project 0's team; judge 1 declares a conflict with project 1's team.
    sqlx::query("INSERT INTO mentorship_log (team_id, mentor_id, first_at) VALUES ($1, $2, 0)")
        .bind(jury.projects[0].1)
        .bind(jury.judges[0].0)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let conflict = SaveConflicts { event_id: jury.event, teams: map(&[(jury.projects[1].1, "on")]) };
    let r = app.send(&jury.judges[1].1, &conflict).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    assign(&app, &jury, "7").await;

    for (project, _) in &jury.projects {
        let n = app.count(&format!("SELECT COUNT(*) FROM judge_assignments WHERE project_id = {project}")).await;
        assert_eq!(n, 2, "project {project} has K judges");
    }
    let conflicted = |judge: i64, project: i64| {
        format!("SELECT COUNT(*) FROM judge_assignments WHERE judge_id = {judge} AND project_id = {project}")
    };
    assert_eq!(app.count(&conflicted(jury.judges[0].0, jury.projects[0].0)).await, 0, "mentored team excluded");
    assert_eq!(app.count(&conflicted(jury.judges[1].0, jury.projects[1].0)).await, 0, "declared conflict excluded");
    let loads: Vec<i64> = sqlx::query_scalar("SELECT COUNT(*) FROM judge_assignments GROUP BY judge_id ORDER BY 1")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert!(loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1, "balanced: {loads:?}");

    // The same seed on a fresh run reproduces the assignment.
    let before: Vec<(i64, i64)> = sqlx::query_as("SELECT project_id, judge_id FROM judge_assignments ORDER BY 1, 2")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM judge_assignments").execute(&app.state.db.pool).await.unwrap();
    assign(&app, &jury, "7").await;
    let after: Vec<(i64, i64)> = sqlx::query_as("SELECT project_id, judge_id FROM judge_assignments ORDER BY 1, 2")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(before, after);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'judging.assigned'").await, 2);
}

#[tokio::test]
async fn a_replayed_save_is_applied_once_and_a_stale_one_never_overwrites() {
    let app = spawn_app().await;
    let jury = jury(&app, 1, 1, "1").await;
    assign(&app, &jury, "1").await;
    let (judge, phone) = &jury.judges[0];
    let project = jury.projects[0].0;

    let first = save(&app, phone, jury.event, project, "save-0001", 0, &[("c1", "4"), ("c2", "5")]).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!((first.json()["applied"].as_bool(), first.json()["version"].as_i64()), (Some(true), Some(1)));
    assert_eq!(first.json()["status"], "scored");

    // The acknowledgement was lost; the phone sends the same save again.
    let replay = save(&app, phone, jury.event, project, "save-0001", 0, &[("c1", "4"), ("c2", "5")]).await;
    assert_eq!(replay.json(), first.json(), "a replay gets the first answer");
    assert_eq!(app.count(&format!("SELECT version FROM scores WHERE judge_id = {judge}")).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM score_saves WHERE outcome = 'applied'").await, 1, "applied once");

    // A newer save lands; then an older offline save (made on version 1) arrives.
    let newer = save(&app, phone, jury.event, project, "save-0002", 1, &[("c1", "5"), ("c2", "9")]).await;
    assert_eq!(newer.json()["version"], 2);
    let stale = save(&app, phone, jury.event, project, "save-0003", 1, &[("c1", "1"), ("c2", "0")]).await;
    assert_eq!(stale.status, StatusCode::OK);
    assert_eq!((stale.json()["applied"].as_bool(), stale.json()["version"].as_i64()), (Some(false), Some(2)));
    let marks: String = sqlx::query_scalar("SELECT marks FROM scores WHERE judge_id = $1")
        .bind(judge)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&marks).unwrap(),
        serde_json::json!({ "c1": 5, "c2": 9 }),
        "the newer save stays"
    );
    let again = save(&app, phone, jury.event, project, "save-0003", 1, &[("c1", "1"), ("c2", "0")]).await;
    assert_eq!(again.json(), stale.json(), "a stale replay is answered the same way");
    assert_eq!(app.count("SELECT COUNT(*) FROM score_saves").await, 3);
    // The history keeps what every save carried, the refused one included.
    let refused: String = sqlx::query_scalar("SELECT marks FROM score_saves WHERE save_id = 'save-0003'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(serde_json::from_str::<Value>(&refused).unwrap(), serde_json::json!({ "c1": 1, "c2": 0 }));

    // The desk's plain form (no JavaScript) comes back to the same project after saving.
    let back = format!("/events/{}/judge?p=0", jury.event);
    let r = app
        .send(
            phone,
            &SaveScore {
                event_id: jury.event,
                project_id: project,
                save_id: "form-nojs-01".into(),
                base_version: 2,
                sheet: ScoreSheet {
                    status: String::new(),
                    marks: map(&[("c1", "5"), ("c2", "9")]),
                    notes: String::new(),
                    feedback: String::new(),
                    flagged: None,
                    back: Some(back.clone()),
                },
            },
        )
        .await;
    assert!(r.status.is_redirection() || r.status.is_success(), "{} {}", r.status, r.body);
    assert_eq!(r.headers.get("location").and_then(|l| l.to_str().ok()), Some(back.as_str()));
    assert_eq!(app.count(&format!("SELECT version FROM scores WHERE judge_id = {judge}")).await, 3);

    // A partial save is a draft, and does not count in results.
    let draft = save(&app, phone, jury.event, project, "save-0004", 3, &[("c1", "3")]).await;
    assert_eq!(draft.json()["status"], "draft");
    let results = app.send(&jury.organizer, &JudgingResults { event_id: jury.event }).await.json();
    assert_eq!(results["rows"][0]["judges"], 0);
}

#[tokio::test]
async fn two_phones_of_one_judge_racing_cannot_both_win() {
    let app = spawn_app().await;
    let jury = jury(&app, 1, 1, "1").await;
    assign(&app, &jury, "1").await;
    let judge = jury.judges[0].0;
    // "Show link" gives the pass a new secret; the first phone stays signed in.
    let r = app.send(&jury.organizer, &ShowPass { event_id: jury.event, user_id: judge }).await;
    let second_phone = open_pass(&app, &issued_token(&r)).await;
    let phones = [&jury.judges[0].1, &second_phone];
    let project = jury.projects[0].0;
    let replies = join_all((0..12).map(|i| {
        let phone = phones[i % 2];
        let id = format!("race-{i:04}");
        let level = (1 + i % 5).to_string();
        let app = &app;
        async move { save(app, phone, jury.event, project, &id, 0, &[("c1", &level), ("c2", "5")]).await }
    }))
    .await;
    let applied: Vec<&Reply> = replies.iter().filter(|r| r.json()["applied"] == true).collect();
    assert!(
        replies.iter().all(|r| r.status == StatusCode::OK),
        "{:?}",
        replies.iter().map(|r| &r.body).collect::<Vec<_>>()
    );
    assert_eq!(applied.len(), 1, "exactly one save made on version 0 wins");
    assert_eq!(app.count("SELECT version FROM scores").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM score_saves WHERE outcome = 'stale'").await, 11);
}

#[tokio::test]
async fn bad_scores_are_refused_per_field_and_change_nothing() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    assign(&app, &jury, "1").await;
    let phone = &jury.judges[0].1;
    let p = jury.projects[0].0;
    let r = save(&app, phone, jury.event, p, "bad-00001", 0, &[("c1", "6"), ("c2", "x"), ("c9", "1")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut fields = r.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["c2"], "unparseable marks are reported first: {}", r.body);
    let r = save(&app, phone, jury.event, p, "bad-00002", 0, &[("c1", "6"), ("c9", "1")]).await;
    let mut fields = r.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["c1", "c9"]);
    let long = "x".repeat(2001);
    let r = app
        .send(
            phone,
            &SaveScore {
                event_id: jury.event,
                project_id: p,
                save_id: "bad-00003".into(),
                base_version: 0,
                sheet: ScoreSheet {
                    status: String::new(),
                    marks: None,
                    notes: long.to_string(),
                    feedback: String::new(),
                    flagged: None,
                    back: None,
                },
            },
        )
        .await;
    assert_eq!(r.invalid_fields(), ["notes"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM scores").await + app.count("SELECT COUNT(*) FROM score_saves").await, 0);

    // Someone else's project (not assigned to this judge) does not exist for them.
    let other = seed_projects(&app.state.db.pool, jury.event, 1, None).await[0].0;
    let r = save(&app, phone, jury.event, other, "bad-00004", 0, &[("c1", "3"), ("c2", "3")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Closed judging refuses saves.
    settings(&app, &jury.organizer, jury.event, "1", "closed", "z").await;
    let r = save(&app, phone, jury.event, p, "bad-00005", 0, &[("c1", "3"), ("c2", "3")]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(app.count("SELECT COUNT(*) FROM scores").await, 0);
}

#[tokio::test]
async fn judges_see_only_their_own_scores_and_organizers_get_normalized_results() {
    let app = spawn_app().await;
    let jury = jury(&app, 3, 2, "2").await;
    assign(&app, &jury, "3").await;
    // Both judges score all three projects: A is lenient, B harsh (see the worked example in
    // results.rs). Impact 1–5 weight 3, execution 0–10 weight 1.
    let marks_a = [("5", "10"), ("4", "10"), ("3", "10")]; // totals 100, 81.25, 62.5
    let marks_b = [("3", "5"), ("2", "5"), ("1", "10")]; // totals 50, 31.25, 25
    for (j, marks) in [(0usize, marks_a), (1, marks_b)] {
        let (_, phone) = &jury.judges[j];
        for (i, (p, _)) in jury.projects.iter().enumerate() {
            let r = save(
                &app,
                phone,
                jury.event,
                *p,
                &format!("j{j}-p{i}-save"),
                0,
                &[("c1", marks[i].0), ("c2", marks[i].1)],
            )
            .await;
            assert_eq!(r.json()["applied"], true, "{}", r.body);
        }
    }
    // Blind: judge A's desk carries A's marks only.
    let desk = app.send(&jury.judges[0].1, &JudgeDesk { event_id: jury.event }).await.json();
    let items = desk["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["mine"]["marks"]["c1"], 5);
    assert!(!desk.to_string().contains("Juge 1"), "no other judge's name or score");
    for call in [Call::of(&JudgingResults { event_id: jury.event }), Call::of(&JudgingConsole { event_id: jury.event })]
    {
        let r = app.send_call(&jury.judges[0].1, &call).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", call.path);
    }
    let r = app.get(&jury.judges[0].1, &format!("/events/{}/ranking.csv", jury.event)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    let results = app.send(&jury.organizer, &JudgingResults { event_id: jury.event }).await.json();
    let rows = results["rows"].as_array().unwrap();
    assert_eq!(rows[0]["project_id"], jury.projects[0].0);
    assert!((rows[0]["raw"].as_f64().unwrap() - 75.0).abs() < 1e-9);
    // Each judge ranks the projects in the same order, so normalization keeps it; project 0
    // is above both others, and normalized scores differ from raw.
    assert_eq!(rows.iter().map(|r| r["rank"].as_i64().unwrap()).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(rows[0]["normalized"].as_f64().unwrap() > rows[1]["normalized"].as_f64().unwrap());
    // Spread of project 0 is 50 > 25: flagged for disagreement.
    assert_eq!(rows[0]["disagreement"], true);

    // With names hidden, the desk shows projects by code and title only.
    let team_name = desk["items"][0]["team"].as_str().unwrap_or_default().to_owned();
    assert!(team_name.starts_with("Team "), "names shown by default: {desk}");
    let version: i64 =
        sqlx::query_scalar("SELECT version FROM judging_settings").fetch_one(&app.state.db.pool).await.unwrap();
    let r = app
        .send(
            &jury.organizer,
            &SaveJudgingSettings {
                event_id: jury.event,
                version,
                judges_per_project: "2".into(),
                hide_names: Some("on".into()),
                method: "z".into(),
                disagreement: "25".into(),
                state: "open".into(),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let hidden = app.send(&jury.judges[0].1, &JudgeDesk { event_id: jury.event }).await;
    assert!(hidden.json()["items"][0]["team"].is_null());
    assert!(!hidden.body.contains(&team_name), "no team name anywhere in the judge's desk");

    let csv = app.get(&jury.organizer, &format!("/events/{}/ranking.csv", jury.event)).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.contains("rank,track_rank,project") && csv.body.contains("75.00"), "{}", csv.body);
    let by_judge = app.get(&jury.organizer, &format!("/events/{}/scores.csv?by=judge", jury.event)).await;
    assert_eq!(by_judge.body.lines().count(), 7, "header + 6 scores");
    assert!(by_judge.body.contains("Impact=5"));
}

#[tokio::test]
async fn the_rubric_locks_at_the_first_score_and_a_new_version_names_affected_projects() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    assign(&app, &jury, "1").await;
    // Unused, the rubric is edited in place.
    assert!(save_rubric(&app, &jury.organizer, jury.event, 0, 1).await.status.is_success());
    assert_eq!(app.count("SELECT COUNT(*) FROM rubrics").await, 1);
    let p = jury.projects[0].0;
    save(&app, &jury.judges[0].1, jury.event, p, "lock-0001", 0, &[("c1", "4"), ("c2", "5")]).await;
    let data = app.send(&jury.organizer, &LoadRubric { event_id: jury.event, scope: 0 }).await.json();
    assert_eq!(data["locked"], true);
    // A stale form (version 0) is refused; the current one creates version 2.
    assert_eq!(save_rubric(&app, &jury.organizer, jury.event, 0, 0).await.status, StatusCode::CONFLICT);
    assert!(save_rubric(&app, &jury.organizer, jury.event, 0, 1).await.status.is_success());
    assert_eq!(app.count("SELECT COUNT(*) FROM rubrics").await, 2);
    let data = app.send(&jury.organizer, &LoadRubric { event_id: jury.event, scope: 0 }).await.json();
    assert_eq!((data["version"].as_i64(), data["locked"].as_bool()), (Some(2), Some(false)));
    assert_eq!(data["affected"].as_array().unwrap().len(), 1);
    let desk = app.send(&jury.judges[0].1, &JudgeDesk { event_id: jury.event }).await.json();
    let item = desk["items"].as_array().unwrap().iter().find(|i| i["project_id"] == p).unwrap().clone();
    assert_eq!(item["mine"]["outdated"], true, "the judge is asked to score again");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'rubric.saved'").await,
        3,
        "created, edited in place, versioned"
    );
    // The organizer's audit view shows rubric changes and score saves together, newest first.
    let log = app.send(&jury.organizer, &AuditLog { event_id: jury.event }).await.json();
    let actions: Vec<&str> = log.as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(
        actions.contains(&"rubric.saved")
            && actions.contains(&"score.applied")
            && actions.contains(&"judging.assigned"),
        "{actions:?}"
    );
    assert_eq!(app.send(&jury.judges[0].1, &AuditLog { event_id: jury.event }).await.status, StatusCode::FORBIDDEN);
    // Bad rows are refused per field.
    let r = app
        .send(
            &jury.organizer,
            &SaveRubric {
                event_id: jury.event,
                scope: 0,
                version: 2,
                fields: map(&[("name_1_fr", "Impact"), ("weight_1", "0"), ("scale_1", "1-5")]),
            },
        )
        .await;
    assert_eq!(r.invalid_fields(), ["weight_1"]);
}

#[tokio::test]
async fn revoking_a_pass_ends_the_phone_sign_in_and_a_rerun_keeps_given_scores() {
    let app = spawn_app().await;
    let jury = jury(&app, 4, 3, "1").await;
    assign(&app, &jury, "5").await;
    let (judge, phone) = &jury.judges[0];
    let mine = assigned_to(&app, *judge).await;
    assert!(!mine.is_empty());
    save(&app, phone, jury.event, mine[0], "keep-0001", 0, &[("c1", "4"), ("c2", "5")]).await;

    let (event, user) = (jury.event, *judge);
    let r = app.send(&jury.organizer, &ShowPass { event_id: event, user_id: user }).await;
    let old = issued_token(&r);
    let r = app.send(&jury.organizer, &ResetPass { event_id: event, user_id: user, action: "renew".into() }).await;
    let new = issued_token(&r);
    assert_eq!(
        app.send(phone, &JudgeDesk { event_id: jury.event }).await.status,
        StatusCode::UNAUTHORIZED,
        "the phone is signed out"
    );
    assert_eq!(app.send(&user_agent(), &OpenPass { token: old.clone() }).await.status, StatusCode::CONFLICT);
    let phone2 = open_pass(&app, &new).await;
    assert_eq!(app.send(&phone2, &JudgeDesk { event_id: jury.event }).await.status, StatusCode::OK);

    // The judge drops out: a re-run keeps the scored project and hands the others on.
    let r = app
        .send(
            &jury.organizer,
            &UpdateJudge { event_id: event, user_id: user, active: None, track: String::new(), rooms: None },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    assign(&app, &jury, "5").await;
    assert_eq!(assigned_to(&app, *judge).await, vec![mine[0]]);
    for (p, _) in &jury.projects {
        assert!(app.count(&format!("SELECT COUNT(*) FROM judge_assignments WHERE project_id = {p}")).await >= 1);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM scores").await, 1, "no score was discarded");
}

#[tokio::test]
async fn judges_join_from_a_judge_invite_with_only_their_name() {
    let app = spawn_app().await;
    let organizer = user_agent();
    app.signup_admin(&organizer, "Salma", "organizer@example.ma").await;
    let event = app.create_event(&organizer, "Hackathon").await;
    let code = app.invite(&organizer, event, "judge", "2").await;
    let phone = user_agent();
    let r = app.send(&phone, &JoinAsJudge { code: code.clone(), display_name: "Nadia El Idrissi".into() }).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    assert_eq!(app.send(&phone, &JudgeDesk { event_id: event }).await.status, StatusCode::OK);
    assert_eq!(app.count("SELECT uses FROM invites").await, 1);
    // A participant invite cannot be used this way.
    let code = app.invite(&organizer, event, "participant", "2").await;
    let r = app.send(&user_agent(), &JoinAsJudge { code: code.clone(), display_name: "X".into() }).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

/// A save marked "team absent", as the desk's second button sends it.
async fn save_absent(
    app: &TestApp,
    phone: &Client,
    event: i64,
    project: i64,
    save_id: &str,
    marks: &[(String, String)],
) -> Reply {
    let args = SaveScore {
        event_id: event,
        project_id: project,
        save_id: save_id.into(),
        base_version: 0,
        sheet: ScoreSheet {
            status: "absent".into(),
            marks: map(marks),
            notes: String::new(),
            feedback: String::new(),
            flagged: None,
            back: None,
        },
    };
    app.send(phone, &args).await
}

#[tokio::test]
async fn an_absent_save_is_validated_against_the_rubric_and_stores_no_marks() {
    let app = spawn_app().await;
    let jury = jury(&app, 1, 1, "1").await;
    assign(&app, &jury, "1").await;
    let phone = &jury.judges[0].1;
    let project = jury.projects[0].0;
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());

    // Marks outside the rubric are refused, "absent" or not; nothing is stored.
    let r = save_absent(&app, phone, jury.event, project, "absent-0001", &[pair("c1", "99"), pair("c9", "1")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let mut fields = r.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["c1", "c9"]);
    // More marks than any rubric has criteria are refused before their keys are read.
    let many: Vec<(String, String)> = (0..500).map(|i| (format!("k{i:03}"), "1".to_owned())).collect();
    let r = save_absent(&app, phone, jury.event, project, "absent-0002", &many).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.invalid_fields(), ["marks"]);
    let r = save(
        &app,
        phone,
        jury.event,
        project,
        "scored-0009",
        0,
        &[
            ("c1", "4"),
            ("c2", "5"),
            ("c3", "1"),
            ("c4", "1"),
            ("c5", "1"),
            ("c6", "1"),
            ("c7", "1"),
            ("c8", "1"),
            ("c9", "1"),
        ],
    )
    .await;
    assert_eq!(r.invalid_fields(), ["marks"], "the cap holds for every status");
    assert_eq!(app.count("SELECT COUNT(*) FROM scores").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM score_saves").await, 0);

    // A valid "absent" (the judge had tapped levels before choosing it) keeps no marks, in
    // the score or in its history.
    let r = save_absent(&app, phone, jury.event, project, "absent-0003", &[pair("c1", "4")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!((r.json()["applied"].as_bool(), r.json()["status"].as_str()), (Some(true), Some("absent")));
    let (status, marks): (String, String) = sqlx::query_as("SELECT status, marks FROM scores WHERE project_id = $1")
        .bind(project)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!((status.as_str(), serde_json::from_str::<Value>(&marks).unwrap()), ("absent", serde_json::json!({})));
    let history: String = sqlx::query_scalar("SELECT marks FROM score_saves WHERE save_id = 'absent-0003'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(serde_json::from_str::<Value>(&history).unwrap(), serde_json::json!({}));
}

#[tokio::test]
async fn two_judges_finding_a_team_absent_flag_its_project_on_the_console() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 3, "3").await;
    assign(&app, &jury, "1").await;
    let (away, here) = (jury.projects[0].0, jury.projects[1].0);
    let console = || async { app.send(&jury.organizer, &JudgingConsole { event_id: jury.event }).await.json() };
    let row = |c: &Value, project: i64| {
        c["coverage"].as_array().unwrap().iter().find(|r| r["project_id"] == project).unwrap().clone()
    };
    let page = || async { app.get(&jury.organizer, &format!("/events/{}/judging", jury.event)).await.body };

    // One judge finds the first team away: counted, not yet flagged.
    let r = save_absent(&app, &jury.judges[0].1, jury.event, away, "absent-a001", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let c = console().await;
    assert_eq!(
        (row(&c, away)["absent_marks"].as_i64(), row(&c, away)["absent_flagged"].as_bool()),
        (Some(1), Some(false))
    );
    assert!(!page().await.contains("Teams found absent by two judges"));
    // The same judge saving "absent" again is still one judge.
    let r = save_absent(&app, &jury.judges[0].1, jury.event, away, "absent-a002", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(row(&console().await, away)["absent_marks"], 1);

    // A second judge finds it away too: the project is flagged, the other one is not, and the
    // console says so above the list.
    let r = save_absent(&app, &jury.judges[1].1, jury.event, away, "absent-b001", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let version = r.json()["version"].as_i64().unwrap();
    let c = console().await;
    assert_eq!(
        (row(&c, away)["absent_marks"].as_i64(), row(&c, away)["absent_flagged"].as_bool()),
        (Some(2), Some(true))
    );
    assert_eq!(
        (row(&c, here)["absent_marks"].as_i64(), row(&c, here)["absent_flagged"].as_bool()),
        (Some(0), Some(false))
    );
    let absent: Vec<bool> =
        row(&c, away)["judges"].as_array().unwrap().iter().map(|j| j["absent"].as_bool().unwrap()).collect();
    assert_eq!(absent.iter().filter(|a| **a).count(), 2);
    // Nobody has checked in at this event: the console does not speak of it.
    assert_eq!(row(&c, away)["checked_in"], Value::Null);
    let html = page().await;
    assert!(html.contains("Teams found absent by two judges: 1."), "{html}");
    assert!(
        html.contains("Absent at judges&#x27; visits: 2") || html.contains("Absent at judges' visits: 2"),
        "{html}"
    );

    // The team turns up and the judge scores it after all: the flag goes.
    let r = save(&app, &jury.judges[1].1, jury.event, away, "scored-b002", version, &[("c1", "4"), ("c2", "5")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let c = console().await;
    assert_eq!(
        (row(&c, away)["absent_marks"].as_i64(), row(&c, away)["absent_flagged"].as_bool()),
        (Some(1), Some(false))
    );
    assert!(!page().await.contains("Teams found absent by two judges"));

    // Once the event uses check-in, the console says which teams are here.
    let captain = app.count(&format!("SELECT captain_id FROM teams WHERE id = {}", jury.projects[1].1)).await;
    let r = app
        .send(&jury.organizer, &MarkPresence { event_id: jury.event, user_id: captain, present: "yes".into() })
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let c = console().await;
    assert_eq!(
        (row(&c, away)["checked_in"].as_bool(), row(&c, here)["checked_in"].as_bool()),
        (Some(false), Some(true))
    );
}

#[tokio::test]
async fn declaring_a_conflict_changes_the_desk_only_at_the_next_assignment() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 3, "3").await;
    assign(&app, &jury, "1").await;
    let (judge, phone) = &jury.judges[0];
    let (project, team) = jury.projects[0];
    assert_eq!(assigned_to(&app, *judge).await.len(), 2);

    // Withdrawing the project at once would tell a judge who does not see team names which
    // project is that team's: the desk stays as it was.
    let r = app.send(phone, &SaveConflicts { event_id: jury.event, teams: map(&[(team, "on")]) }).await;
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM judge_conflicts WHERE judge_id = {judge} AND team_id = {team}")).await,
        1
    );
    assert_eq!(assigned_to(&app, *judge).await.len(), 2, "nothing withdrawn on declaration");
    let desk = app.send(phone, &JudgeDesk { event_id: jury.event }).await.json();
    assert_eq!(desk["items"].as_array().unwrap().len(), 2);

    // The organizer's next run withdraws the unscored conflicted assignment.
    assign(&app, &jury, "1").await;
    assert!(!assigned_to(&app, *judge).await.contains(&project), "withdrawn by the assignment run");
    assert_eq!(assigned_to(&app, *judge).await.len(), 1);
}

#[tokio::test]
async fn the_desk_can_be_installed_and_signing_out_leaves_nothing_on_the_phone() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 1, "1").await;
    assign(&app, &jury, "1").await;
    let (judge, phone) = &jury.judges[0];
    let desk = app.get(phone, &format!("/events/{}/judge", jury.event)).await;
    assert_eq!(desk.status, StatusCode::OK);
    // Every assigned project is in the page, to be scored with no network: one shown, the
    // others kept in a template.
    let assigned = assigned_to(&app, *judge).await.len();
    assert!(assigned > 1);
    assert_eq!(desk.body.matches("<article ").count(), assigned, "{}", desk.body);
    assert_eq!(desk.body.matches(r#"class="desk-project""#).count(), assigned);
    assert_eq!(desk.body.matches(r#"<template class="desk-projects">"#).count(), 1);
    // The manifest in the judge's language, and the script that registers the worker.
    let manifest = format!("/events/{}/desk.webmanifest?lang=en", jury.event);
    assert!(desk.body.contains(&format!(r#"<link href="{manifest}" rel="manifest">"#)), "{}", desk.body);
    assert!(desk.body.contains(r#"<script src="/desk-offline.js" defer"#));
    let m = app.get(phone, &manifest).await;
    assert_eq!(m.headers["content-type"], "application/manifest+json");
    assert_eq!(m.json()["start_url"], format!("/events/{}/judge", jury.event));
    // Other pages do not offer the desk, nor load its script; the desk hydrates no island.
    let home = app.get(phone, "/").await;
    assert!(!home.body.contains("desk-offline.js") && !home.body.contains(r#"rel="manifest""#));
    assert!(desk.body.contains("/pkg/hakam-desk.js") && !desk.body.contains("data-component"));
    assert!(home.body.contains("/pkg/hakam-web.js") && !home.body.contains("hakam-desk"));

    // The worker is never cached by HTTP, so a new deployment reaches every phone.
    let worker = app.get(&user_agent(), "/sw.js").await;
    assert_eq!(worker.status, StatusCode::OK);
    assert_eq!(worker.headers["cache-control"], "no-cache");
    assert!(worker.headers["content-type"].to_str().unwrap().starts_with("text/javascript"));

    // Signing out tells the browser to drop everything the site kept on the phone.
    let out = app.send(phone, &Logout {}).await;
    assert!(out.status.is_success() || out.status.is_redirection(), "{}", out.status);
    assert_eq!(out.headers["clear-site-data"], r#""storage""#);
    let after = app.get(phone, &format!("/events/{}/judge", jury.event)).await;
    assert!(!after.body.contains("data-project"), "the desk is gone once signed out");
}
