//! Score saves as a hall of phones sends them, measured from outside the server.
//!
//! Run: `cargo bench --features ssr --bench saves` (SQLite), or with `HAKAM_BENCH_DB=postgres`
//! (a fresh database on the local PostgreSQL; `HAKAM_BENCH_PG_URL` for another admin URL).
//! The server binary runs as its own process; this process is the load generator, talking
//! HTTP over loopback, on the same cores.
//!
//! 1. 200 judges, each with its own session and connection, saving back to back (every
//!    judge sends its next save as soon as the previous one is answered): the most the
//!    server takes.
//! 2. The same judges paced at one save every 100 ms each (2,000 saves/s offered). Latency
//!    counts from the time each save was *scheduled*, so a server that falls behind shows
//!    its queue in the figures instead of silently sending later.
//!
//! Each run checks its own results: every acknowledged save is stored once under its key
//! with the version it was acknowledged with, the sum of applied history rows equals the
//! sum of score versions, and nothing else was written. Also printed: the server's CPU per
//! save and, on PostgreSQL, the database's CPU and transactions per save.
//!
//! `HAKAM_BENCH_JUDGES` (default 200) and `HAKAM_BENCH_SAVES` (per judge, default 60) scale
//! it down for a quick run.

use std::collections::HashMap;
use std::time::{Duration, Instant};

mod common;
use common::{event_form, judge_phone, latest_event, open_judging, percentiles, submitted_projects, Server, Store};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A judge's phone and its projects.
#[derive(Clone)]
struct Phone {
    judge: i64,
    client: reqwest::Client,
    projects: Vec<i64>,
}

/// One acknowledged save: (judge, save id, version).
type Ack = (i64, String, i64);

/// CPU seconds (user + system) of the processes `pick` chooses, from /proc.
fn cpu_seconds(pick: impl Fn(u32, &str) -> bool) -> f64 {
    let tick = 100.0; // USER_HZ on Linux
    let mut total = 0.0;
    let Ok(dir) = std::fs::read_dir("/proc") else { return 0.0 };
    for entry in dir.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|p| p.parse::<u32>().ok()) else { continue };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
        // The command name is in parentheses and may hold spaces: read after the last ')'.
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else { continue };
        let name = &stat[open + 1..close];
        if !pick(pid, name) {
            continue;
        }
        let fields: Vec<&str> = stat[close + 2..].split_whitespace().collect();
        let utime: f64 = fields.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0);
        let stime: f64 = fields.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
        total += (utime + stime) / tick;
    }
    total
}

/// What the server and its database spent, read before and after a run.
struct Meter {
    server: f64,
    /// CPU seconds of each PostgreSQL process serving this database (its connections, and
    /// the shared writer processes), by pid.
    postgres: HashMap<u32, f64>,
    commits: i64,
}

async fn meter(server: &Server, pool: &sqlx::AnyPool) -> Meter {
    let pid = server.pid();
    let (postgres, commits) = if server.store == Store::Postgres {
        // Backends report their counters when idle for a while (up to 10 s): wait for them.
        tokio::time::sleep(Duration::from_secs(11)).await;
        let pids: Vec<i64> = sqlx::query_scalar(
            "SELECT CAST(pid AS BIGINT) FROM pg_stat_activity WHERE datname = current_database() OR datname IS NULL",
        )
        .fetch_all(pool)
        .await
        .unwrap_or_default();
        let cpu = pids.iter().map(|&p| (p as u32, cpu_seconds(|q, _| q == p as u32))).collect();
        let commits = sqlx::query_scalar::<_, i64>(
            "SELECT CAST(xact_commit + xact_rollback AS BIGINT) FROM pg_stat_database WHERE datname = current_database()",
        )
        .fetch_one(pool)
        .await
        .unwrap_or(0);
        (cpu, commits)
    } else {
        (HashMap::new(), 0)
    };
    Meter { server: cpu_seconds(|p, _| p == pid), postgres, commits }
}

fn report_costs(server: &Server, before: &Meter, after: &Meter, saves: usize) {
    let per = |seconds: f64| seconds * 1e6 / saves as f64;
    let mut line = format!("  server CPU {:.0} µs per save", per(after.server - before.server));
    if server.store == Store::Postgres {
        // Processes of the first reading that are still there (a process that ended took its
        // figure with it).
        let database: f64 =
            before.postgres.iter().filter_map(|(pid, b)| after.postgres.get(pid).map(|a| (a - b).max(0.0))).sum();
        line.push_str(&format!(
            "; PostgreSQL CPU {:.0} µs per save; {:.2} database transactions per save (sessions, gate, writes and this benchmark's own reads)",
            per(database),
            (after.commits - before.commits) as f64 / saves as f64
        ));
    }
    println!("{line}");
}

#[tokio::main]
async fn main() {
    let store = Store::from_env();
    let judges_n = env_usize("HAKAM_BENCH_JUDGES", 200);
    let saves_per_judge = env_usize("HAKAM_BENCH_SAVES", 60);
    let server = Server::start_on("saves", store, &[]).await;
    let base = server.base.clone();
    let pool = server.pool().await;
    println!("score saves over HTTP on {}, server as its own process, load generator in this one", store.name());

    // An event with a five-criterion rubric, 1,000 submitted projects, K = 3, and 200 judges
    // each signed in on a phone of its own by their link.
    let organizer = server.organizer().await;
    server.post(&organizer, "events/create", &event_form()).await;
    let event = latest_event(&pool).await;
    let e = event.to_string();
    let mut rubric = vec![("event_id", e.clone()), ("scope", "0".into()), ("version", "0".into())];
    let names: Vec<(String, String, String)> = (1..=5)
        .map(|i| (format!("fields[name_{i}_fr]"), format!("fields[weight_{i}]"), format!("fields[scale_{i}]")))
        .collect();
    for (i, (name, weight, scale)) in names.iter().enumerate() {
        rubric.push((name.as_str(), format!("Critère {}", i + 1)));
        rubric.push((weight.as_str(), (i + 1).to_string()));
        rubric.push((scale.as_str(), "1-5".into()));
    }
    assert!(server.post(&organizer, "judging/rubric/save", &rubric).await.status().is_success());
    assert!(server.post(&organizer, "judging/settings/save", &open_judging(event, 3, "z")).await.status().is_success());
    submitted_projects(&pool, event, 1000).await;
    let mut joined = Vec::new();
    for i in 0..judges_n {
        joined.push(judge_phone(&organizer, &base, event, &format!("Juge {i}")).await);
    }
    assert!(server
        .post(&organizer, "judging/assign", &[("event_id", e.clone()), ("seed", "1".into())])
        .await
        .status()
        .is_success());
    let mut phones = Vec::new();
    for (judge, client) in joined {
        let projects: Vec<i64> =
            sqlx::query_scalar("SELECT project_id FROM judge_assignments WHERE judge_id = $1 ORDER BY project_id")
                .bind(judge)
                .fetch_all(&pool)
                .await
                .unwrap();
        assert!(!projects.is_empty(), "judge {judge} has projects");
        phones.push(Phone { judge, client, projects });
    }

    let before = meter(&server, &pool).await;
    let (rate, latencies, acks) = run(&pool, &base, &e, &phones, saves_per_judge, None, "closed").await;
    let after = meter(&server, &pool).await;
    println!(
        "closed loop, {judges_n} judges x {saves_per_judge} saves back to back: {rate:.0} saves/s; latency {}",
        percentiles(latencies)
    );
    report_costs(&server, &before, &after, acks.len());
    check(&pool, &acks).await;

    let paced = env_usize("HAKAM_BENCH_PACED_SAVES", 50);
    let before = meter(&server, &pool).await;
    let (rate, latencies, paced_acks) =
        run(&pool, &base, &e, &phones, paced, Some(Duration::from_millis(100)), "paced").await;
    let after = meter(&server, &pool).await;
    println!(
        "paced, {judges_n} judges x 1 save per 100 ms ({} saves/s offered) for {:.1} s: {rate:.0} saves/s; latency from the scheduled send {}",
        judges_n * 10,
        paced as f64 / 10.0,
        percentiles(latencies)
    );
    report_costs(&server, &before, &after, paced_acks.len());
    let mut all = acks;
    all.extend(paced_acks);
    check(&pool, &all).await;
}

/// Sends `saves` saves per judge, each based on the version the previous answer gave; returns
/// saves per second, every latency, and every acknowledgement.
async fn run(
    pool: &sqlx::AnyPool,
    base: &str,
    e: &str,
    phones: &[Phone],
    saves: usize,
    pace: Option<Duration>,
    round: &str,
) -> (f64, Vec<Duration>, Vec<Ack>) {
    // Each phone knows the versions it last saw, as the desk page gives them.
    let rows: Vec<(i64, i64, i64)> =
        sqlx::query_as("SELECT judge_id, project_id, version FROM scores").fetch_all(pool).await.unwrap();
    let mut known: HashMap<i64, HashMap<i64, i64>> = HashMap::new();
    for (judge, project, version) in rows {
        known.entry(judge).or_default().insert(project, version);
    }
    let start = Instant::now();
    let mut tasks = Vec::new();
    for (n, phone) in phones.iter().cloned().enumerate() {
        let (base, e, round) = (base.to_owned(), e.to_owned(), round.to_owned());
        let known = known.remove(&phone.judge).unwrap_or_default();
        let spread = pace.map(|p| p.mul_f64((n % 100) as f64 / 100.0));
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(saves);
            let mut acks = Vec::with_capacity(saves);
            let mut versions = known;
            // The judges' first saves spread over one period, as real phones are.
            let mut ticker = pace.map(|p| {
                let mut t = tokio::time::interval_at(tokio::time::Instant::now() + spread.unwrap_or_default(), p);
                t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
                t
            });
            for i in 0..saves {
                let scheduled = match ticker.as_mut() {
                    Some(t) => t.tick().await.into_std(),
                    None => Instant::now(),
                };
                let project = phone.projects[i % phone.projects.len()];
                let version = versions.get(&project).copied().unwrap_or(0);
                let save_id = format!("{round}-{}-{i:05}", phone.judge);
                let mut form = vec![
                    ("event_id".to_string(), e.clone()),
                    ("project_id".into(), project.to_string()),
                    ("save_id".into(), save_id.clone()),
                    ("base_version".into(), version.to_string()),
                    ("status".into(), String::new()),
                    ("notes".into(), "Démo claire".into()),
                ];
                for c in 1..=5 {
                    form.push((format!("marks[c{c}]"), (1 + (i + c) % 5).to_string()));
                }
                let reply = phone.client.post(format!("{base}/api/judging/save")).form(&form).send().await.unwrap();
                let status = reply.status();
                let body: serde_json::Value = reply.json().await.unwrap_or_default();
                latencies.push(scheduled.elapsed());
                assert!(status.is_success(), "save refused: {status} {body}");
                let acked = body["version"].as_i64().unwrap();
                assert_eq!(body["applied"], true, "{body}");
                versions.insert(project, acked);
                acks.push((phone.judge, save_id, acked));
            }
            (latencies, acks)
        }));
    }
    let mut all = Vec::new();
    let mut acks = Vec::new();
    for t in tasks {
        let (l, a) = t.await.unwrap();
        all.extend(l);
        acks.extend(a);
    }
    (all.len() as f64 / start.elapsed().as_secs_f64(), all, acks)
}

/// Every acknowledged save is stored exactly once under its key, with the version it was
/// acknowledged with; nothing else is stored; applied history rows add up to the scores'
/// versions.
async fn check(pool: &sqlx::AnyPool, acks: &[Ack]) {
    let stored: Vec<(i64, String, i64)> =
        sqlx::query_as("SELECT judge_id, save_id, version FROM score_saves").fetch_all(pool).await.unwrap();
    let stored: HashMap<(i64, String), i64> = stored.into_iter().map(|(j, k, v)| ((j, k), v)).collect();
    let mut missing = 0;
    for (judge, key, version) in acks {
        match stored.get(&(*judge, key.clone())) {
            Some(v) if v == version => {}
            _ => missing += 1,
        }
    }
    let applied: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM score_saves WHERE outcome = 'applied'").fetch_one(pool).await.unwrap();
    let versions: i64 = sqlx::query_scalar("SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM scores")
        .fetch_one(pool)
        .await
        .unwrap();
    println!(
        "  checked: {} acknowledged saves, {} stored keys, {missing} missing or with another version; {applied} applied history rows, versions sum {versions}",
        acks.len(),
        stored.len()
    );
    assert_eq!(missing, 0, "acknowledged saves missing or different");
    assert_eq!(stored.len(), acks.len(), "the history holds saves nobody was told about");
    assert_eq!(applied, versions, "applied history rows and score versions disagree");
}
