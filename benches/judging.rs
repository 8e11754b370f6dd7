//! Judging benchmarks. Run: `cargo bench --features ssr --bench judging` (prints figures,
//! asserts nothing).
//!
//! 1. Judge assignment, 1,000 projects × 150 judges, K = 3, with conflicts.
//! 2. Ranking recompute, 1,000 projects × 5,000 scores: weighted totals from the stored
//!    marks (JSON), per-judge normalization, ranking and tie-breaks.
//! 3. Score saves through the real HTTP server on SQLite: 200 judges, each with its own
//!    session: back to back (the most the server takes), then paced at one save per judge
//!    every 100 ms (2,000 saves/s offered); per-save latency percentiles and throughput. The
//!    load generator runs in the same process, on the same two cores as the server.

use hakam::judging::assign::{plan, Existing, Input, Judge, Project};
use hakam::judging::manage::db::ScoreRow;
use hakam::judging::manage::domain::totals;
use hakam::judging::results::{rank, Entry, Method};
use hakam::judging::rubric::Criterion;
use rand::{Rng, SeedableRng};
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

mod common;
use common::{client, event_form, judge_phone, latest_event, open_judging, post, signup, submitted_projects, time};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn criteria() -> Vec<Criterion> {
    (1..=5)
        .map(|i| Criterion {
            key: format!("c{i}"),
            name: hakam::i18n::Localized::same(format!("C{i}")),
            description: Default::default(),
            weight: i,
            min: 1,
            max: 5,
            levels: vec![],
        })
        .collect()
}

fn bench_assignment() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(5);
    let projects: Vec<Project> = (0..1000).map(|id| Project { id, team: 10_000 + id, track: Some(id % 5) }).collect();
    let judges: Vec<Judge> = (0..150)
        .map(|id| Judge { id: 100_000 + id, active: true, tracks: if id % 10 == 0 { vec![id % 5] } else { vec![] } })
        .collect();
    let conflicts: HashSet<(i64, i64)> =
        (0..600).map(|_| (100_000 + rng.gen_range(0..150), 10_000 + rng.gen_range(0..1000))).collect();
    let (min, median, max, p) = time(10, || {
        plan(&Input {
            projects: &projects,
            judges: &judges,
            conflicts: &conflicts,
            existing: &[],
            k: 3,
            seed: 1,
            rebalance: false,
        })
    });
    println!(
        "judge assignment, 1000 projects x 150 judges, K=3, 600 conflicts: min {:.1} ms, median {:.1} ms, max {:.1} ms; {} seats, {} under-covered",
        ms(min), ms(median), ms(max), p.add.len(), p.under.len()
    );
    // A re-run over the full existing assignment (nothing to add).
    let existing: Vec<Existing> =
        p.add.iter().map(|&(project, judge)| Existing { project, judge, scored: true }).collect();
    let (_, median, _, _) = time(10, || {
        plan(&Input {
            projects: &projects,
            judges: &judges,
            conflicts: &conflicts,
            existing: &existing,
            k: 3,
            seed: 1,
            rebalance: false,
        })
    });
    println!("judge assignment re-run over 3000 existing seats: median {:.1} ms", ms(median));
}

fn bench_ranking() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let rubrics: HashMap<i64, Vec<Criterion>> = [(1, criteria())].into_iter().collect();
    let entries: Vec<Entry> = (0..1000).map(|id| Entry { id, track: Some(id % 6), submitted_at: id }).collect();
    let rows: Vec<ScoreRow> = (0..5000)
        .map(|i| {
            let marks: HashMap<String, i64> = (1..=5).map(|c| (format!("c{c}"), rng.gen_range(1..=5))).collect();
            ScoreRow {
                project_id: i % 1000,
                judge_id: 1_000 + (i * 7919) % 150,
                status: "scored".to_owned(),
                rubric_id: 1,
                marks: serde_json::to_string(&marks).unwrap(),
                flagged: 0,
            }
        })
        .collect();
    let (min, median, max, standings) = time(20, || {
        let t = totals(&rows, &rubrics);
        rank(&entries, &t, Method::Z, 25.0)
    });
    println!(
        "ranking recompute, 1000 projects x 5000 scores (totals from stored JSON marks + z-normalization + ranking): min {:.1} ms, median {:.1} ms, max {:.1} ms; {} ranked",
        ms(min), ms(median), ms(max), standings.iter().filter(|s| s.rank.is_some()).count()
    );
}

async fn bench_saves() {
    use hakam::config::Config;
    let judges_n = 200;
    let saves_per_judge = 60;
    let dir = std::env::temp_dir().join(format!("hakam-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/bench.db", dir.display());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut config = Config::for_tests(url, addr, dir.join("uploads"));
    // The server's default for SQLite; HAKAM_BENCH_CONNECTIONS tries others.
    config.max_connections = std::env::var("HAKAM_BENCH_CONNECTIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(8);
    println!("SQLite pool: {} connections", config.max_connections);
    let state = hakam::server::spawn(config, listener).await.expect("server");
    let base = format!("http://{addr}");
    let pool = state.db.pool.clone();

    let organizer = client();
    post(&organizer, &base, "auth/signup", &signup("O", "o@example.ma")).await;
    hakam::auth::bootstrap::make_admin(&state.db, "o@example.ma").await.expect("the organizer becomes admin");
    let r = post(&organizer, &base, "events/create", &event_form()).await;
    assert!(r.status().is_success() || r.status().is_redirection());
    let event = latest_event(&pool).await;
    let e = event.to_string();
    let mut rubric =
        vec![("event_id".to_string(), e.clone()), ("scope".into(), "0".into()), ("version".into(), "0".into())];
    for i in 1..=5 {
        rubric.push((format!("fields[name_{i}_fr]"), format!("Critère {i}")));
        rubric.push((format!("fields[weight_{i}]"), i.to_string()));
        rubric.push((format!("fields[scale_{i}]"), "1-5".into()));
    }
    let rubric: Vec<(&str, String)> = rubric.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    assert!(post(&organizer, &base, "judging/rubric/save", &rubric).await.status().is_success());
    assert!(post(&organizer, &base, "judging/settings/save", &open_judging(event, 3, "z")).await.status().is_success());

    // 1,000 submitted projects, one team each.
    submitted_projects(&pool, event, 1000).await;
    let mut phones = Vec::new();
    for i in 0..judges_n {
        phones.push(judge_phone(&organizer, &base, event, &format!("Juge {i}")).await);
    }
    assert!(post(&organizer, &base, "judging/assign", &[("event_id", e.clone()), ("seed", "1".into())])
        .await
        .status()
        .is_success());

    let mut assigned = Vec::new();
    for (judge, phone) in phones {
        let projects: Vec<i64> = sqlx::query_scalar("SELECT project_id FROM judge_assignments WHERE judge_id = $1")
            .bind(judge)
            .fetch_all(&pool)
            .await
            .unwrap();
        assigned.push((judge, phone, projects));
    }
    // The floor: the same clients calling the cheapest server function (session + account).
    let start = Instant::now();
    let mut tasks = Vec::new();
    for phone in assigned.iter().map(|(_, phone, _)| phone.clone()) {
        let base = base.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..30 {
                phone.post(format!("{base}/api/auth/me")).send().await.unwrap().bytes().await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    println!(
        "floor: auth/me, {judges_n} clients back to back: {:.0} calls/s",
        (judges_n * 30) as f64 / start.elapsed().as_secs_f64()
    );
    // Closed loop: every judge sends its next save as soon as the previous one is answered,
    // which measures the most the server takes.
    let (rate, lat) = run(&base, &e, &assigned, saves_per_judge, None, 0).await;
    report(&format!("closed loop, {judges_n} judges x {saves_per_judge} saves back to back"), rate, lat);
    // Paced: each judge saves every 100 ms (2,000 saves/s offered), as a hall of phones does.
    let (rate, lat) = run(&base, &e, &assigned, 50, Some(Duration::from_millis(100)), 1).await;
    report(&format!("paced, {judges_n} judges x 1 save per 100 ms for 5 s (2000/s offered)"), rate, lat);
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM score_saves").fetch_one(&pool).await.unwrap();
    println!("  ({stored} saves recorded in all)");
    let _ = std::fs::remove_dir_all(&dir);
}

fn report(what: &str, rate: f64, mut all: Vec<Duration>) {
    all.sort();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)];
    println!(
        "score saves over HTTP on SQLite, {what}: {rate:.0} saves/s; latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms(pct(0.50)), ms(pct(0.95)), ms(pct(0.99)), ms(*all.last().unwrap())
    );
}

/// Sends `saves` saves per judge; returns saves per second and every latency.
async fn run(
    base: &str,
    e: &str,
    assigned: &[(i64, reqwest::Client, Vec<i64>)],
    saves: usize,
    pace: Option<Duration>,
    round: usize,
) -> (f64, Vec<Duration>) {
    // Each phone knows the versions it last saw (as the desk page gives them).
    let known: Vec<(i64, i64, i64)> = {
        let pool = sqlx::AnyPool::connect(&format!(
            "sqlite://{}/bench.db",
            std::env::temp_dir().join(format!("hakam-bench-{}", std::process::id())).display()
        ))
        .await
        .unwrap();
        sqlx::query_as("SELECT judge_id, project_id, version FROM scores").fetch_all(&pool).await.unwrap()
    };
    let start = Instant::now();
    let mut tasks = Vec::new();
    for (judge, phone, projects) in assigned.iter().cloned() {
        let (base, e, known) = (base.to_owned(), e.to_owned(), known.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(saves);
            let mut versions: HashMap<i64, i64> = known.iter().filter(|k| k.0 == judge).map(|k| (k.1, k.2)).collect();
            // Spread the judges' first saves over one period, as real phones are.
            let mut ticker = pace.map(|p| {
                tokio::time::interval_at(tokio::time::Instant::now() + p.mul_f64((judge % 100) as f64 / 100.0), p)
            });
            for n in 0..saves {
                if let Some(t) = ticker.as_mut() {
                    t.tick().await;
                }
                let project = projects[n % projects.len()];
                let version = versions.get(&project).copied().unwrap_or(0);
                let mut form = vec![
                    ("event_id".to_string(), e.clone()),
                    ("project_id".into(), project.to_string()),
                    ("save_id".into(), format!("b{judge}-{round}-{n:05}")),
                    ("base_version".into(), version.to_string()),
                    ("status".into(), String::new()),
                    ("notes".into(), "ok".into()),
                ];
                for c in 1..=5 {
                    form.push((format!("marks[c{c}]"), (1 + (n + c) % 5).to_string()));
                }
                let t = Instant::now();
                let reply = phone.post(format!("{base}/api/judging/save")).form(&form).send().await.unwrap();
                let body: serde_json::Value = reply.json().await.unwrap();
                latencies.push(t.elapsed());
                assert_eq!(body["applied"], true, "{body}");
                versions.insert(project, body["version"].as_i64().unwrap());
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    (all.len() as f64 / start.elapsed().as_secs_f64(), all)
}

fn main() {
    bench_assignment();
    bench_ranking();
    let only_pure = std::env::args().any(|a| a == "--pure");
    if !only_pure {
        tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap().block_on(bench_saves());
    }
}
