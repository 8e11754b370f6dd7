//! Durability: the real server binary is killed with SIGKILL while judges save scores; after a
//! restart every save the server acknowledged is present exactly once.

use crate::helpers::*;
use crate::judging::seed_projects;
use reqwest::Client;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

struct Server {
    child: Child,
    base: String,
}

fn start(db_url: &str, port: u16, uploads: &std::path::Path) -> Server {
    let child = Command::new(env!("CARGO_BIN_EXE_hakam"))
        .env("DATABASE_URL", db_url)
        .env("HAKAM_ADDR", format!("127.0.0.1:{port}"))
        .env("HAKAM_UPLOAD_DIR", uploads)
        .env("HAKAM_DEMO", "0")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("server binary starts");
    Server { child, base: format!("http://127.0.0.1:{port}") }
}

async fn wait_healthy(base: &str) {
    let client = Client::new();
    for _ in 0..300 {
        if let Ok(r) = client.get(format!("{base}/healthz")).send().await {
            if r.status().is_success() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("server at {base} did not become healthy");
}

/// Calls a server function of the server at `base` (a process of its own, not a `TestApp`).
async fn post<T: ServerFn + serde::Serialize>(
    client: &Client,
    base: &str,
    args: &T,
) -> Result<reqwest::Response, reqwest::Error> {
    Call::of(args).request(client, base).send().await
}

/// One acknowledged save: (judge, project, save id, version).
type Ack = (i64, i64, String, i64);

#[tokio::test]
async fn every_acknowledged_save_survives_a_kill_exactly_once() {
    let db = fresh_database().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let uploads = std::env::temp_dir().join(format!("hakam-durability-{port}"));
    let mut server = start(&db.url, port, &uploads);
    let base = server.base.clone();
    wait_healthy(&base).await;

    // An organizer, an event with a rubric, 30 submitted projects, 12 judges signed in by link.
    let organizer = user_agent();
    post(
        &organizer,
        &base,
        &Signup {
            display_name: "Salma".into(),
            email: "o@example.ma".into(),
            password: PASSWORD.to_string(),
            next: None,
        },
    )
    .await
    .unwrap();
    // Made admin (so it may create events) as an operator would, with the binary's command.
    let made = Command::new(env!("CARGO_BIN_EXE_hakam"))
        .args(["admin", "o@example.ma"])
        .env("DATABASE_URL", &db.url)
        .output()
        .unwrap();
    assert!(made.status.success(), "hakam admin: {}", String::from_utf8_lossy(&made.stderr));
    post(&organizer, &base, &event_form("Hackathon")).await.unwrap();
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let event: i64 = sqlx::query_scalar("SELECT MAX(id) FROM events").fetch_one(&pool).await.unwrap();
    let r = post(
        &organizer,
        &base,
        &SaveRubric {
            event_id: event,
            scope: 0,
            version: 0,
            fields: map(&[
                ("name_1_fr", "Impact"),
                ("weight_1", "2"),
                ("scale_1", "1-5"),
                ("name_2_en", "Execution"),
                ("weight_2", "1"),
                ("scale_2", "1-10"),
            ]),
        },
    )
    .await
    .unwrap();
    assert!(r.status().is_success());
    let r = post(
        &organizer,
        &base,
        &SaveJudgingSettings {
            event_id: event,
            version: 1,
            judges_per_project: "3".into(),
            hide_names: None,
            method: "z".into(),
            disagreement: "25".into(),
            state: "open".into(),
        },
    )
    .await
    .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap_or_default());
    seed_projects(&pool, event, 30, None).await;
    let mut judges = Vec::new();
    for i in 0..12 {
        let name = format!("Juge {i}");
        let added: serde_json::Value =
            post(&organizer, &base, &AddJudge { event_id: event, display_name: name.to_string() })
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
        // The plain link exists only in this answer.
        let user = added["user_id"].as_i64().unwrap();
        let token = added["url"].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
        let phone = user_agent();
        post(&phone, &base, &OpenPass { token: token.to_string() }).await.unwrap();
        judges.push((user, phone));
    }
    let r = post(
        &organizer,
        &base,
        &RunAssignment { event_id: event, seed: "9".into(), rebalance: None, present_only: None },
    )
    .await
    .unwrap();
    assert!(r.status().is_success());

    // Every judge saves over and over until the server dies under them.
    let acks: Arc<Mutex<Vec<Ack>>> = Arc::default();
    let mut tasks = Vec::new();
    for (judge, phone) in judges.clone() {
        let projects: Vec<i64> =
            sqlx::query_scalar("SELECT project_id FROM judge_assignments WHERE judge_id = $1 ORDER BY project_id")
                .bind(judge)
                .fetch_all(&pool)
                .await
                .unwrap();
        let (acks, base) = (acks.clone(), base.clone());
        tasks.push(tokio::spawn(async move {
            let mut versions = std::collections::HashMap::<i64, i64>::new();
            for n in 0u64.. {
                let project = projects[n as usize % projects.len()];
                let save_id = format!("key{judge:04}-{n:06}");
                let base_version = versions.get(&project).copied().unwrap_or(0);
                let impact = (1 + n % 5).to_string();
                let reply = post(
                    &phone,
                    &base,
                    &SaveScore {
                        event_id: event,
                        project_id: project,
                        save_id: save_id.to_string(),
                        base_version,
                        sheet: ScoreSheet {
                            status: String::new(),
                            marks: map(&[("c1", impact.as_str()), ("c2", "7")]),
                            notes: String::new(),
                            feedback: String::new(),
                            flagged: None,
                            back: None,
                        },
                    },
                )
                .await;
                let Ok(reply) = reply else { return };
                let Ok(body) = reply.json::<serde_json::Value>().await else { return };
                assert_eq!(body["applied"], true, "one phone per judge never goes stale: {body}");
                let version = body["version"].as_i64().unwrap();
                versions.insert(project, version);
                acks.lock().unwrap().push((judge, project, save_id, version));
            }
        }));
    }
    // Kill once the load is well under way: waiting for a number of acknowledgements rather
    // than a fixed time keeps the test meaningful on a loaded machine.
    let started = std::time::Instant::now();
    while acks.lock().unwrap().len() < 200 && started.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.child.kill().expect("SIGKILL");
    server.child.wait().unwrap();
    for t in tasks {
        let _ = t.await;
    }
    let acks = acks.lock().unwrap().clone();
    assert!(acks.len() > 50, "the load ran before the kill ({} acknowledged saves)", acks.len());
    println!("{} saves acknowledged before SIGKILL", acks.len());
    drop(pool);

    // Restart on the same database; every acknowledged save is there, exactly once.
    let mut server = start(&db.url, port, &uploads);
    wait_healthy(&base).await;
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    for (judge, project, save_id, version) in &acks {
        let row: Option<(String, i64, i64)> =
            sqlx::query_as("SELECT outcome, version, project_id FROM score_saves WHERE judge_id = $1 AND save_id = $2")
                .bind(judge)
                .bind(save_id)
                .fetch_optional(&pool)
                .await
                .unwrap();
        assert_eq!(row, Some(("applied".to_owned(), *version, *project)), "acknowledged save {save_id} is durable");
    }
    // Exactly once: a score's version counts its applied saves.
    let scores: Vec<(i64, i64, i64)> =
        sqlx::query_as("SELECT judge_id, project_id, version FROM scores").fetch_all(&pool).await.unwrap();
    for (judge, project, version) in &scores {
        let applied: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM score_saves WHERE judge_id = $1 AND project_id = $2 AND outcome = 'applied'",
        )
        .bind(judge)
        .bind(project)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(applied, *version, "judge {judge} project {project}");
        let max_acked = acks.iter().filter(|a| a.0 == *judge && a.1 == *project).map(|a| a.3).max().unwrap_or(0);
        assert!(*version >= max_acked);
    }
    // And each score holds what its latest applied save carried.
    let mismatched: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM scores s JOIN score_saves k ON k.judge_id = s.judge_id AND k.project_id = s.project_id \
         AND k.outcome = 'applied' AND k.version = s.version WHERE k.marks <> s.marks",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(mismatched, 0);

    // A phone replaying an acknowledged save after the restart gets the same answer back.
    let (judge, project, save_id, version) = acks[acks.len() / 2].clone();
    let phone = &judges.iter().find(|j| j.0 == judge).unwrap().1;
    let reply = post(
        phone,
        &base,
        &SaveScore {
            event_id: event,
            project_id: project,
            save_id: save_id.to_string(),
            base_version: 0,
            sheet: ScoreSheet {
                status: String::new(),
                marks: map(&[("c1", "1"), ("c2", "1")]),
                notes: String::new(),
                feedback: String::new(),
                flagged: None,
                back: None,
            },
        },
    )
    .await
    .unwrap()
    .json::<serde_json::Value>()
    .await
    .unwrap();
    assert_eq!((reply["applied"].as_bool(), reply["version"].as_i64()), (Some(true), Some(version)));
    let _ = server.child.kill();
    let _ = server.child.wait();
    let _ = std::fs::remove_dir_all(&uploads);
}

/// Phones on a crowded Wi-Fi give up on requests half-way. A request whose client hangs up
/// must still leave its database connection clean (its transaction committed or rolled back,
/// its statements read to the end) before the connection serves anyone else, and must never
/// leave a save half-applied.
#[tokio::test]
async fn clients_hanging_up_mid_request_leave_clean_connections_and_whole_saves() {
    use crate::judging::{assign, assigned_to, jury};
    let app = spawn_app().await;
    let jury = jury(&app, 8, 4, "2").await;
    assign(&app, &jury, "3").await;
    let pool = app.state.db.pool.clone();

    // Every judge sends saves and conflict declarations on a client that gives up after 0 to
    // 14 ms: at every point of a request, from before the gate to the commit's answer.
    let mut calls = Vec::new();
    for (j, (judge, phone)) in jury.judges.iter().enumerate() {
        let projects = assigned_to(&app, *judge).await;
        for n in 0..30usize {
            let project = projects[n % projects.len()];
            let version: i64 = sqlx::query_scalar(
                "SELECT COALESCE(MAX(version), 0) FROM scores WHERE judge_id = $1 AND project_id = $2",
            )
            .bind(judge)
            .bind(project)
            .fetch_one(&pool)
            .await
            .unwrap();
            let call = if n % 5 == 4 {
                Call::of(&SaveConflicts { event_id: jury.event, teams: None })
            } else {
                Call::of(&SaveScore {
                    event_id: jury.event,
                    project_id: project,
                    save_id: format!("hangup-{j}-{n:04}"),
                    base_version: version,
                    sheet: ScoreSheet {
                        status: String::new(),
                        marks: map(&[("c1", (1 + n % 5).to_string()), ("c2", (1 + n % 10).to_string())]),
                        notes: "x".repeat(n * 20),
                        feedback: String::new(),
                        flagged: None,
                        back: None,
                    },
                })
            };
            let request = app.request(phone, &call).timeout(Duration::from_millis((n % 15) as u64));
            calls.push(tokio::spawn(async move {
                let _ = request.send().await;
            }));
        }
    }
    for c in calls {
        c.await.unwrap();
    }

    // Phones that hang up while their save is being handled: the whole request reached the
    // server, so the save must be applied (or kept as stale) all the same, never dropped
    // half-way through the gate or the transaction.
    let addr = app.base.trim_start_matches("http://").to_owned();
    let mut sent = Vec::new();
    for (j, (judge, _)) in jury.judges.iter().enumerate() {
        let token = crate::judging::issued_token(
            &app.send(&jury.organizer, &ShowPass { event_id: jury.event, user_id: *judge }).await,
        );
        let opened = app.send(&user_agent(), &OpenPass { token }).await;
        let cookie = opened.session_set_cookie().expect("the pass opens a session");
        let cookie = cookie.split(';').next().unwrap_or_default().to_owned();
        let project = assigned_to(&app, *judge).await[0];
        for n in 0..40 {
            let body = serde_qs::to_string(&SaveScore {
                event_id: jury.event,
                project_id: project,
                save_id: format!("gone-{j}-{n:04}"),
                base_version: 0,
                sheet: ScoreSheet {
                    status: String::new(),
                    marks: map(&[("c1", "2")]),
                    notes: String::new(),
                    feedback: String::new(),
                    flagged: None,
                    back: None,
                },
            })
            .unwrap();
            let request = format!(
                "POST {} HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                 Content-Length: {}\r\n\r\n{body}",
                <SaveScore as ServerFn>::PATH,
                body.len()
            );
            let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
            tokio::io::AsyncWriteExt::write_all(&mut stream, request.as_bytes()).await.unwrap();
            sent.push((*judge, format!("gone-{j}-{n:04}"), stream));
        }
    }
    // Long enough for the server to have taken up every request (a connection closed before
    // its request was even read is a request never made), too short for it to have answered
    // them all: then every phone hangs up.
    tokio::time::sleep(Duration::from_millis(15)).await;
    let sent: Vec<(i64, String)> = sent
        .into_iter()
        .map(|(judge, key, stream)| {
            drop(stream);
            (judge, key)
        })
        .collect();
    // Requests whose clients left are still being finished; let them.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    for (judge, key) in &sent {
        let kept = app
            .count(&format!("SELECT COUNT(*) FROM score_saves WHERE judge_id = {judge} AND save_id = '{key}'"))
            .await;
        assert_eq!(kept, 1, "save {key} was sent whole, then its phone hung up: it must be kept once");
    }

    // Nothing half-applied: every score's version is the number of saves applied to it, and
    // every applied save belongs to a score.
    let off = app
        .count(
            "SELECT COUNT(*) FROM scores s WHERE s.version <> (SELECT COUNT(*) FROM score_saves k \
             WHERE k.judge_id = s.judge_id AND k.project_id = s.project_id AND k.outcome = 'applied')",
        )
        .await;
    assert_eq!(off, 0, "a score whose version disagrees with its applied saves");
    let orphans = app
        .count(
            "SELECT COUNT(*) FROM score_saves k WHERE k.outcome = 'applied' AND NOT EXISTS \
             (SELECT 1 FROM scores s WHERE s.judge_id = k.judge_id AND s.project_id = k.project_id)",
        )
        .await;
    assert_eq!(orphans, 0, "an applied save without its score");

    if backend() == "postgres" {
        // No connection of this database sits inside a transaction nobody is running.
        let stuck = app
            .count(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
                 AND state LIKE 'idle in transaction%'",
            )
            .await;
        assert_eq!(stuck, 0, "connections left idle in a transaction");
        // Every connection of the pool, held at once, is outside any transaction: a savepoint
        // is refused there, and would be taken inside a transaction someone left open.
        let mut held = Vec::new();
        for _ in 0..pool.size() {
            held.push(pool.acquire().await.unwrap());
        }
        for conn in held.iter_mut() {
            let probe = sqlx::raw_sql("SAVEPOINT hakam_probe").execute(&mut **conn).await;
            assert!(probe.is_err(), "a pooled connection still inside an earlier transaction");
        }
    }

    // And the server goes on: each judge's next save applies.
    for (judge, phone) in &jury.judges {
        let project = assigned_to(&app, *judge).await[0];
        let version: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM scores WHERE judge_id = $1 AND project_id = $2")
                .bind(judge)
                .bind(project)
                .fetch_one(&pool)
                .await
                .unwrap();
        let r =
            crate::judging::save(&app, phone, jury.event, project, &format!("after-{judge}"), version, &[("c1", "3")])
                .await;
        assert!(r.status.is_success(), "{} {}", r.status, r.body);
        assert_eq!(r.json()["applied"], true, "{}", r.body);
    }
}
