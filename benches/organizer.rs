//! Organizer pages at national size. Run: `cargo bench --features ssr --bench organizer`
//! (prints figures; fails if a page does not answer, or if a page runs more SQL statements
//! on the big event than on a small one).
//!
//! The real server binary runs as its own process (`HAKAM_BENCH_DB=postgres` for
//! PostgreSQL, SQLite otherwise) with two events built the way an organizer would (rubric,
//! settings, judges added and assigned through the server functions), their projects,
//! participants and scores written straight to the database in bulk (no page does that):
//!
//! - a small event: 20 projects, 10 judges;
//! - the big one: 2,000 submitted projects of 3 participants each, 1,000 judges, K = 5
//!   judges per project, a 5-criterion rubric, scores (and their save history) for 90% of
//!   the assignments, some absent, drafts and flags.
//!
//! `HAKAM_BENCH_SCALE` (default 1) scales the big event down (0.05: 100 projects, 50
//! judges) for debug runs; `HAKAM_BENCH_RUNS` (default 30) sets the requests per page;
//! `HAKAM_BENCH_SHOW_SQL=1` prints the statements each counted request ran;
//! `HAKAM_BENCH_DUMP=<dir>` keeps each page's body there.
//!
//! Statements: the server logs every SQL statement (`sqlx::query` at debug) to a file; each
//! page is requested once per event and the statements logged for that request counted.
//! The same count on both events means no query runs per project, judge or team.
//! Timings: each page requested `HAKAM_BENCH_RUNS` times, one after another, from a second
//! server process on the same database that logs nothing.

use std::time::{Duration, Instant};

mod common;
use common::{event_form, latest_event, open_judging, percentiles, statement_log_env, statements_since, Server, Store};

/// The organizer pages and downloads, by name and path (`{e}` is the event).
const PAGES: &[(&str, &str)] = &[
    ("judging console", "/events/{e}/judging"),
    ("results", "/events/{e}/results"),
    ("dashboard", "/events/{e}/dashboard"),
    ("audit", "/events/{e}/audit"),
    ("teams (organizer)", "/events/{e}/teams"),
    ("submissions", "/events/{e}/submissions"),
    ("board control", "/events/{e}/show"),
    ("ranking (board)", "/events/{e}/ranking"),
    ("ranking.csv", "/events/{e}/ranking.csv"),
    ("scores.csv by judge", "/events/{e}/scores.csv?by=judge"),
    ("scores.csv by project", "/events/{e}/scores.csv?by=project"),
    ("teams.csv", "/events/{e}/teams.csv"),
    ("submissions.csv", "/events/{e}/submissions.csv"),
    ("sessions.csv", "/events/{e}/sessions.csv"),
    ("export.zip", "/events/{e}/export.zip"),
];

/// What one event is made of.
struct Size {
    projects: usize,
    judges: usize,
}

/// Builds an event of `size` on the server: the organizer's forms for the rubric, the
/// settings, the judges and the assignment; projects, participants and scores in bulk.
async fn build_event(server: &Server, organizer: &reqwest::Client, pool: &sqlx::AnyPool, size: &Size) -> i64 {
    let ok = |r: reqwest::Response, what: &str| {
        assert!(r.status().is_success() || r.status().is_redirection(), "{what}: {}", r.status());
    };
    ok(server.post(organizer, "events/create", &event_form()).await, "events/create");
    let event = latest_event(pool).await;
    let e = event.to_string();
    let mut rubric =
        vec![("event_id".to_string(), e.clone()), ("scope".into(), "0".into()), ("version".into(), "0".into())];
    for i in 1..=5 {
        rubric.push((format!("fields[name_{i}_fr]"), format!("Critère {i}")));
        rubric.push((format!("fields[weight_{i}]"), i.to_string()));
        rubric.push((format!("fields[scale_{i}]"), "1-5".into()));
    }
    let rubric: Vec<(&str, String)> = rubric.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    ok(server.post(organizer, "judging/rubric/save", &rubric).await, "rubric");
    ok(server.post(organizer, "judging/settings/save", &open_judging(event, 5, "z")).await, "settings");

    common::submitted_projects(pool, event, size.projects).await;
    // Team invite codes are unique across events; the helper numbers them from 0.
    sqlx::query(
        "UPDATE teams SET invite_code = 'e' || CAST(event_id AS TEXT) || '-' || invite_code WHERE event_id = $1",
    )
    .bind(event)
    .execute(pool)
    .await
    .unwrap();
    participants(pool, event).await;
    for i in 0..size.judges {
        let r = server
            .post(organizer, "judging/judges/add", &[("event_id", e.clone()), ("display_name", format!("Juge {i:04}"))])
            .await;
        ok(r, "judges/add");
    }
    let start = Instant::now();
    ok(server.post(organizer, "judging/assign", &[("event_id", e.clone()), ("seed", "1".into())]).await, "assign");
    let assign_time = start.elapsed();
    let seats = scores(pool, event).await;
    println!(
        "event {event}: {} projects, {} judges, {seats} assignments (assignment run {:.1} s)",
        size.projects,
        size.judges,
        assign_time.as_secs_f64()
    );
    event
}

/// Three participants per team, captain first, each with a profile.
async fn participants(pool: &sqlx::AnyPool, event: i64) {
    let teams: Vec<i64> = sqlx::query_scalar("SELECT id FROM teams WHERE event_id = $1 ORDER BY id")
        .bind(event)
        .fetch_all(pool)
        .await
        .unwrap();
    let mut tx = pool.begin().await.unwrap();
    for (n, team) in teams.iter().enumerate() {
        for m in 0..3 {
            let user: i64 = sqlx::query_scalar(
                "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ($1, $2, 'x', 0) RETURNING id",
            )
            .bind(format!("p{event}-{n}-{m}@example.ma"))
            .bind(format!("Participant {n} {m}"))
            .fetch_one(&mut *tx)
            .await
            .unwrap();
            sqlx::query(
                "INSERT INTO event_roles (event_id, user_id, role, granted_at) VALUES ($1, $2, 'participant', 0)",
            )
            .bind(event)
            .bind(user)
            .execute(&mut *tx)
            .await
            .unwrap();
            sqlx::query("INSERT INTO team_members (team_id, event_id, user_id, joined_at) VALUES ($1, $2, $3, 0)")
                .bind(team)
                .bind(event)
                .bind(user)
                .execute(&mut *tx)
                .await
                .unwrap();
            sqlx::query(
                "INSERT INTO profiles (event_id, user_id, skills, updated_at) VALUES ($1, $2, 'rust,design', 0)",
            )
            .bind(event)
            .bind(user)
            .execute(&mut *tx)
            .await
            .unwrap();
            if m == 0 {
                sqlx::query("UPDATE teams SET captain_id = $1 WHERE id = $2")
                    .bind(user)
                    .bind(team)
                    .execute(&mut *tx)
                    .await
                    .unwrap();
            }
        }
    }
    sqlx::query("UPDATE teams SET member_count = 3 WHERE event_id = $1").bind(event).execute(&mut *tx).await.unwrap();
    tx.commit().await.unwrap();
}

/// Scores for 9 assignments in 10, as the judges' phones would have saved them: mostly
/// complete, some teams absent, some drafts, some flagged; one saves-history row each.
/// Returns the number of assignments.
async fn scores(pool: &sqlx::AnyPool, event: i64) -> usize {
    let rubric: i64 = sqlx::query_scalar("SELECT MAX(id) FROM rubrics WHERE event_id = $1")
        .bind(event)
        .fetch_one(pool)
        .await
        .unwrap();
    let seats: Vec<(i64, i64)> =
        sqlx::query_as("SELECT project_id, judge_id FROM judge_assignments WHERE event_id = $1 ORDER BY id")
            .bind(event)
            .fetch_all(pool)
            .await
            .unwrap();
    let now = chrono::Utc::now().timestamp();
    let mut tx = pool.begin().await.unwrap();
    for (i, &(project, judge)) in seats.iter().enumerate() {
        if i % 10 == 9 {
            continue;
        }
        let status = match i {
            i if i % 53 == 0 => "absent",
            i if i % 37 == 0 => "draft",
            _ => "scored",
        };
        let marks = if status == "absent" {
            "{}".to_owned()
        } else {
            let mark = |c: i64| 1 + (project * 7 + judge * 3 + c) % 5;
            format!(r#"{{"c1":{},"c2":{},"c3":{},"c4":{},"c5":{}}}"#, mark(1), mark(2), mark(3), mark(4), mark(5))
        };
        let flagged = i64::from(i % 61 == 0);
        let at = now - (seats.len() - i) as i64;
        sqlx::query(
            "INSERT INTO scores (event_id, project_id, judge_id, rubric_id, status, marks, notes, flagged, version, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'ok', $7, 1, $8, $8)",
        )
        .bind(event)
        .bind(project)
        .bind(judge)
        .bind(rubric)
        .bind(status)
        .bind(&marks)
        .bind(flagged)
        .bind(at)
        .execute(&mut *tx)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO score_saves (judge_id, save_id, project_id, outcome, version, status, marks, notes, flagged, at) \
             VALUES ($1, $2, $3, 'applied', 1, $4, $5, 'ok', $6, $7)",
        )
        .bind(judge)
        .bind(format!("bench-{project}"))
        .bind(project)
        .bind(status)
        .bind(&marks)
        .bind(flagged)
        .bind(at)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    seats.len()
}

/// Requests a page as the organizer; its status must be 200 and its body not empty.
async fn fetch(c: &reqwest::Client, base: &str, path: &str) -> usize {
    let r = c.get(format!("{base}{path}")).header("accept", "text/html").send().await.unwrap();
    let status = r.status();
    let body = r.bytes().await.unwrap();
    assert_eq!(status, reqwest::StatusCode::OK, "{path}: {}", String::from_utf8_lossy(&body[..body.len().min(300)]));
    assert!(!body.is_empty(), "{path}: empty");
    body.len()
}

/// The statements one request of `path` runs (the log is settled before and after).
async fn statements(c: &reqwest::Client, server: &Server, log: &str, path: &str) -> usize {
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (_, from) = statements_since(log, 0);
    fetch(c, &server.base, path).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    if std::env::var("HAKAM_BENCH_SHOW_SQL").is_ok() {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        println!("{path}:");
        for line in text[from as usize..].lines().filter(|l| common::is_statement(l)) {
            let summary = line.split("summary=").nth(1).and_then(|s| s.split(" db.statement=").next()).unwrap_or(line);
            let elapsed = line.split(" elapsed=").nth(1).and_then(|s| s.split(' ').next()).unwrap_or("");
            println!("    {elapsed:>12}  {summary}");
        }
    }
    statements_since(log, from).0
}

#[tokio::main]
async fn main() {
    let scale: f64 = std::env::var("HAKAM_BENCH_SCALE").ok().and_then(|v| v.parse().ok()).unwrap_or(1.0);
    let runs: usize = std::env::var("HAKAM_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(30);
    let store = Store::from_env();
    let log = std::env::temp_dir().join(format!("hakam-organizer-bench-{}.log", std::process::id()));
    let log = log.to_str().unwrap().to_owned();
    let env = statement_log_env(&log);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let server = Server::start_on("organizer", store, &env).await;
    let organizer = server.organizer().await;
    let pool = server.pool().await;

    let small = Size { projects: 20, judges: 10 };
    let big = Size { projects: ((2000.0 * scale) as usize).max(20), judges: ((1000.0 * scale) as usize).max(10) };
    println!(
        "{}: building a small event and a big one ({} projects x {} judges, K = 5)",
        store.name(),
        big.projects,
        big.judges
    );
    let start = Instant::now();
    let small_event = build_event(&server, &organizer, &pool, &small).await;
    let big_event = build_event(&server, &organizer, &pool, &big).await;
    println!("built in {:.1} s", start.elapsed().as_secs_f64());

    // Statements per request, on both events; the pages' caches warmed by a first request.
    let mut counts = Vec::new();
    for (name, path) in PAGES {
        let small_path = path.replace("{e}", &small_event.to_string());
        let big_path = path.replace("{e}", &big_event.to_string());
        fetch(&organizer, &server.base, &small_path).await;
        fetch(&organizer, &server.base, &big_path).await;
        let on_small = statements(&organizer, &server, &log, &small_path).await;
        let on_big = statements(&organizer, &server, &log, &big_path).await;
        counts.push((*name, on_small, on_big));
    }

    // Timings, from a second instance that logs nothing.
    let quiet = server.another(&[]).await;
    let big_path = |path: &str| path.replace("{e}", &big_event.to_string());
    println!(
        "\n{} organizer pages, {} projects x {} judges, {runs} requests each (statements per request: small event / big event):",
        store.name(),
        big.projects,
        big.judges
    );
    let mut grown = Vec::new();
    for ((name, path), (_, on_small, on_big)) in PAGES.iter().zip(&counts) {
        let path = big_path(path);
        let bytes = fetch(&organizer, &quiet.base, &path).await;
        if let Ok(dir) = std::env::var("HAKAM_BENCH_DUMP") {
            let body = organizer.get(format!("{}{path}", quiet.base)).send().await.unwrap().bytes().await.unwrap();
            std::fs::write(format!("{dir}/{}", name.replace([' ', '(', ')', '.'], "_")), body).unwrap();
        }
        let mut samples = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            fetch(&organizer, &quiet.base, &path).await;
            samples.push(t.elapsed());
        }
        println!(
            "  {name:<22} {:>4} / {:<4} statements  {:>8} KiB  {}",
            on_small,
            on_big,
            bytes / 1024,
            percentiles(samples)
        );
        if on_big > on_small {
            grown.push(*name);
        }
    }
    drop(quiet);
    drop(server);
    let _ = std::fs::remove_file(&log);
    assert!(grown.is_empty(), "statements per request grow with the event's size on: {grown:?}");
}
