//! Live board benchmark. Run: `cargo bench --features ssr --bench board` (prints figures,
//! asserts nothing). `HAKAM_BENCH_VIEWERS` sets the number of viewers (default 5,000).
//!
//! The real server binary runs as its own process on SQLite, with an event of 40 submitted
//! projects and a public live board. That many projector/phone viewers hold the board's SSE
//! stream open (raw TCP clients in this process, on the same two cores as the server). A
//! judge then saves a score once a second; for every save, each viewer's arrival time of the
//! first frame showing it is measured from the moment the save was sent (so the save itself
//! counts). Memory per viewer is the server process's resident memory growth divided by the
//! number of viewers, after the frames have been delivered.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const PROJECTS: usize = 40;
const ROUNDS: usize = 10;

/// The server process, stopped when the benchmark ends (or panics).
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// The progress count in a frame ("Scores: 3 / 40" → 3).
fn done_in(frame: &str) -> Option<u64> {
    let at = frame.find("Scores: ")? + "Scores: ".len();
    frame[at..].split(' ').next()?.parse().ok()
}

/// One viewer: reads the stream, and records when it first sees each progress count.
async fn viewer(
    addr: String,
    event: i64,
    index: usize,
    viewers: usize,
    start: Instant,
    seen: Arc<Vec<AtomicU64>>,
    connected: Arc<AtomicU64>,
) {
    let Ok(mut socket) = tokio::net::TcpStream::connect(&addr).await else { return };
    let request =
        format!("GET /events/{event}/board/live?lang=en HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n");
    if socket.write_all(request.as_bytes()).await.is_err() {
        return;
    }
    connected.fetch_add(1, Ordering::Relaxed);
    let mut buffer = vec![0u8; 16 * 1024];
    let mut pending = String::new();
    loop {
        let Ok(n) = socket.read(&mut buffer).await else { return };
        if n == 0 {
            return;
        }
        pending.push_str(&String::from_utf8_lossy(&buffer[..n]));
        while let Some(end) = pending.find("\n\n") {
            let message: String = pending.drain(..end + 2).collect();
            if let Some(done) = done_in(&message) {
                let round = done as usize;
                if (1..=ROUNDS).contains(&round) {
                    let slot = &seen[(round - 1) * viewers + index];
                    let _ = slot.compare_exchange(
                        0,
                        start.elapsed().as_micros() as u64,
                        Ordering::Relaxed,
                        Ordering::Relaxed,
                    );
                }
            }
        }
    }
}

#[tokio::main]
async fn main() {
    let viewers: usize = std::env::var("HAKAM_BENCH_VIEWERS").ok().and_then(|v| v.parse().ok()).unwrap_or(5000);
    let dir = std::env::temp_dir().join(format!("hakam-board-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let addr = format!("127.0.0.1:{port}");
    let base = format!("http://{addr}");
    let db_url = format!("sqlite://{}/bench.db", dir.display());
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_hakam"))
        .env("DATABASE_URL", &db_url)
        .env("HAKAM_ADDR", &addr)
        .env("HAKAM_UPLOAD_DIR", dir.join("uploads"))
        .env("HAKAM_DEMO", "0")
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("server binary starts");
    let server = Server(child);
    let client =
        || reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let probe = client();
    for _ in 0..300 {
        if probe.get(format!("{base}/healthz")).send().await.is_ok_and(|r| r.status().is_success()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let post = |c: &reqwest::Client, path: &str, form: &[(&str, String)]| {
        let req = c.post(format!("{base}/api/{path}")).form(form);
        async move { req.send().await.unwrap() }
    };

    // The event: a rubric of one criterion, judging open, K = 1, one judge for everything.
    let organizer = client();
    post(
        &organizer,
        "auth/signup",
        &[("display_name", "O".into()), ("email", "o@example.ma".into()), ("password", "correct horse battery".into())],
    )
    .await;
    let made = std::process::Command::new(env!("CARGO_BIN_EXE_hakam"))
        .args(["admin", "o@example.ma"])
        .env("DATABASE_URL", &db_url)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("hakam admin runs");
    assert!(made.success(), "hakam admin o@example.ma failed");
    let day = |d: i64| (chrono::Utc::now() + chrono::Duration::days(d)).format("%Y-%m-%dT%H:%M").to_string();
    post(
        &organizer,
        "events/create",
        &[
            ("name", "Bench".into()),
            ("description", "".into()),
            ("venue", "Oujda".into()),
            ("timezone", "Africa/Casablanca".into()),
            ("starts_at", day(5)),
            ("ends_at", day(8)),
            ("team_min", "1".into()),
            ("team_max", "5".into()),
            ("registration_opens", day(-1)),
            ("registration_closes", day(5)),
            ("hacking_starts", day(5)),
            ("submission_deadline", day(7)),
            ("judging_opens", day(7)),
            ("judging_closes", day(8)),
            ("results_at", day(8)),
        ],
    )
    .await;
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&db_url).await.unwrap();
    let event: i64 = sqlx::query_scalar("SELECT MAX(id) FROM events").fetch_one(&pool).await.unwrap();
    let e = event.to_string();
    post(
        &organizer,
        "judging/rubric/save",
        &[
            ("event_id", e.clone()),
            ("scope", "0".into()),
            ("version", "0".into()),
            ("fields[name_1]", "Impact".into()),
            ("fields[weight_1]", "1".into()),
            ("fields[scale_1]", "0-10".into()),
        ],
    )
    .await;
    post(
        &organizer,
        "judging/settings/save",
        &[
            ("event_id", e.clone()),
            ("version", "1".into()),
            ("judges_per_project", "1".into()),
            ("method", "raw".into()),
            ("disagreement", "25".into()),
            ("state", "open".into()),
        ],
    )
    .await;
    for i in 0..PROJECTS {
        let (team,): (i64,) = sqlx::query_as("INSERT INTO teams (event_id, name, invite_code, member_count, created_at) VALUES ($1, $2, $3, 0, 0) RETURNING id")
            .bind(event).bind(format!("Équipe {i}")).bind(format!("code{i}")).fetch_one(&pool).await.unwrap();
        sqlx::query("INSERT INTO projects (team_id, event_id, title, status, submitted_at, updated_at) VALUES ($1, $2, $3, 'submitted', $4, $4)")
            .bind(team).bind(event).bind(format!("Projet numéro {i}")).bind(i as i64).execute(&pool).await.unwrap();
    }
    // The plain link exists only in the answer (the table keeps its digest).
    let added: serde_json::Value =
        post(&organizer, "judging/judges/add", &[("event_id", e.clone()), ("display_name", "Juge".into())])
            .await
            .json()
            .await
            .unwrap();
    let token = added["url"].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
    let phone = client();
    post(&phone, "judging/pass/open", &[("token", token)]).await;
    post(&organizer, "judging/assign", &[("event_id", e.clone()), ("seed", "1".into())]).await;
    post(
        &organizer,
        "board/settings",
        &[
            ("event_id", e.clone()),
            ("version", "1".into()),
            ("visibility", "public".into()),
            ("top_n", "10".into()),
            ("rotate_seconds", "15".into()),
        ],
    )
    .await;
    let projects: Vec<i64> = sqlx::query_scalar("SELECT project_id FROM judge_assignments ORDER BY project_id")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(projects.len() >= ROUNDS, "the judge has {} projects", projects.len());

    // The viewers connect, 250 at a time (the listen backlog is finite).
    let pid = server.0.id();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = rss_kib(pid);
    let start = Instant::now();
    let seen: Arc<Vec<AtomicU64>> = Arc::new((0..ROUNDS * viewers).map(|_| AtomicU64::new(0)).collect());
    let connected = Arc::new(AtomicU64::new(0));
    for batch in (0..viewers).collect::<Vec<_>>().chunks(250) {
        for &i in batch {
            tokio::spawn(viewer(addr.clone(), event, i, viewers, start, seen.clone(), connected.clone()));
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while (connected.load(Ordering::Relaxed) as usize) < batch[batch.len() - 1] + 1 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
    let ramp = start.elapsed();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let with_viewers = rss_kib(pid);
    let viewers_up = connected.load(Ordering::Relaxed);
    println!(
        "{viewers_up} of {viewers} viewers connected in {:.1} s; server RSS {} MiB idle, {} MiB with viewers",
        ramp.as_secs_f64(),
        idle / 1024,
        with_viewers / 1024
    );

    // One save per second; each changes the board (progress and the ranking).
    let mut sent = Vec::new();
    for (round, project) in projects.iter().enumerate().take(ROUNDS) {
        let t = start.elapsed().as_micros() as u64;
        let form = [
            ("event_id", e.clone()),
            ("project_id", project.to_string()),
            ("save_id", format!("bench-round-{round:04}")),
            ("base_version", "0".into()),
            ("status", String::new()),
            ("notes", String::new()),
            ("marks[c1]", ((round * 7) % 11).to_string()),
        ];
        let reply: serde_json::Value = post(&phone, "judging/save", &form).await.json().await.unwrap();
        assert_eq!(reply["applied"], true, "{reply}");
        sent.push(t);
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = rss_kib(pid);

    let mut latencies = Vec::with_capacity(ROUNDS * viewers);
    let mut missed = 0;
    for (round, t0) in sent.iter().enumerate() {
        for v in 0..viewers {
            match seen[round * viewers + v].load(Ordering::Relaxed) {
                0 => missed += 1,
                t => latencies.push(t.saturating_sub(*t0)),
            }
        }
    }
    latencies.sort_unstable();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0) as f64
            / 1e3
    };
    println!(
        "score save -> visible on every viewer ({viewers} viewers x {ROUNDS} saves, {PROJECTS} projects on the board): p50 {:.0} ms, p95 {:.0} ms, p99 {:.0} ms, max {:.0} ms; {missed} deliveries missing",
        pct(0.50), pct(0.95), pct(0.99), pct(1.0)
    );
    println!(
        "server memory per viewer: {:.1} KiB after connecting, {:.1} KiB after {ROUNDS} frames delivered",
        with_viewers.saturating_sub(idle) as f64 / viewers as f64,
        after.saturating_sub(idle) as f64 / viewers as f64
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
